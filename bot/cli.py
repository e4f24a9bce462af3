"""``shangmi``: the command line over the core (rubrics, answer templates, scoring)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .answers import AnswersFileError, answers_template, load_answers
from .report import build_report, render_html, render_json, render_markdown, write_private
from .rubric import UNIT_TYPES, RubricError, load_rubric, load_rubric_file, normalize_unit_type, rubrics_dir
from .scoring import AnswersInvalid, score

EXIT_INPUT = 2


def _unit_type(value: str) -> str:
    try:
        return normalize_unit_type(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _emit(text: str, output: str | None) -> None:
    if output:
        path = Path(output)
        write_private(path, text)
        print(f"已写入 {path}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_rubric_list(args: argparse.Namespace) -> int:
    for ut in UNIT_TYPES:
        r = load_rubric(ut)
        print(
            f"{ut:8} {r.unit_label}  {r.title}（{r.version} 版）  基本项 {len(r.base_criteria)} 项 {r.base_max:g} 分，"
            f"加分项 {len(r.bonus_criteria)} 项 上限 {r.bonus_max:g} 分"
        )
    return 0


def cmd_rubric_show(args: argparse.Namespace) -> int:
    r = load_rubric(args.type)
    if args.json:
        data = {
            "unit_type": r.unit_type,
            "title": r.title,
            "version": r.version,
            "criteria": [
                {
                    "id": c.id,
                    "indicator": c.indicator,
                    "content": c.content,
                    "standard": c.standard,
                    "points": int(c.points) if c.points.is_integer() else c.points,
                    "bonus": c.bonus,
                    "rule": c.rule.model_dump(),
                    "short": c.short,
                    "question": c.question,
                }
                for c in r.criteria
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{r.title}（{r.version} 版，{r.source}）")
    current = None
    for c in r.criteria:
        if c.indicator != current:
            current = c.indicator
            print(f"\n【{current}】")
        sub = f"[{c.content}] " if c.content else ""
        print(f"  {c.id:11} {c.points:>3g} 分  {sub}{c.standard}")
    return 0


def cmd_rubric_check(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or sorted(rubrics_dir().glob("*.yml"))
    failed = 0
    for p in paths:
        try:
            r = load_rubric_file(p)
        except RubricError as exc:
            failed += 1
            print(str(exc), file=sys.stderr)
            continue
        print(
            f"{p}: OK（{r.title}，基本项 {len(r.base_criteria)} 项 {r.base_max:g} 分，加分项 {len(r.bonus_criteria)} 项 {r.bonus_max:g} 分）"
        )
    return EXIT_INPUT if failed else 0


def cmd_template(args: argparse.Namespace) -> int:
    _emit(answers_template(load_rubric(args.type)), args.output)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.type)
    af = load_answers(args.answers)
    if af.unit_type and af.unit_type != rubric.unit_type:
        print(f"{args.answers}: unit_type is '{af.unit_type}' but TYPE is '{rubric.unit_type}'", file=sys.stderr)
        return EXIT_INPUT
    if af.rubric_version and af.rubric_version != rubric.version:
        print(
            f"注意：答案文件按 {af.rubric_version} 版填写，当前标准为 {rubric.version} 版，请核对指标是否有调整。",
            file=sys.stderr,
        )
    try:
        result = score(rubric, af.answers)
    except AnswersInvalid as exc:
        for issue in exc.issues:
            print(f"{args.answers}: {issue}", file=sys.stderr)
        return EXIT_INPUT
    _emit(RENDERERS[args.format](build_report(rubric, result, af.unit)), args.output)
    return 0


def _html_today(report: dict[str, Any]) -> str:
    return render_html(report, generated=date.today().isoformat())


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "html": _html_today,
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="shangmi", description="商秘自评助手：验收表、自评答案与差距报告")
    sub = p.add_subparsers(dest="command", required=True)

    rubric = sub.add_parser("rubric", help="查看和校验验收表")
    rsub = rubric.add_subparsers(dest="rubric_command", required=True)
    rsub.add_parser("list", help="列出三张验收表").set_defaults(func=cmd_rubric_list)
    show = rsub.add_parser("show", help="显示一张验收表")
    show.add_argument("type", type=_unit_type, help="zone | station | point（或 示范区 / 示范站 / 示范点）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(func=cmd_rubric_show)
    check = rsub.add_parser("check", help="校验验收表文件（默认 rubrics/*.yml）")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.set_defaults(func=cmd_rubric_check)

    answers = sub.add_parser("answers", help="自评答案文件")
    asub = answers.add_subparsers(dest="answers_command", required=True)
    tpl = asub.add_parser("template", help="生成可填写的答案文件")
    tpl.add_argument("type", type=_unit_type)
    tpl.add_argument("-o", "--output")
    tpl.set_defaults(func=cmd_template)

    sc = sub.add_parser("score", help="按验收表评分并生成差距报告")
    sc.add_argument("type", type=_unit_type)
    sc.add_argument("answers", metavar="ANSWERS_FILE")
    sc.add_argument("--format", choices=["json", "markdown", "html"], default="markdown")
    sc.add_argument("-o", "--output")
    sc.set_defaults(func=cmd_score)

    return p


HANDLED = (RubricError, AnswersFileError, OSError)


def report_error(exc: Exception) -> int:
    """One readable line on stderr for a bad file; exit code 2."""
    if isinstance(exc, OSError) and not isinstance(exc, (RubricError, AnswersFileError)):
        print(f"{exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    else:
        print(str(exc), file=sys.stderr)
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except HANDLED as exc:
        return report_error(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
