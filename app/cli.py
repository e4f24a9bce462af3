"""``shangmi``: the core's commands (rubrics, answers files, scoring) plus those of the service:
stored self-assessments, the first admin, the database schema."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import Any

import yaml

from bot import cli as core
from bot.cli import EXIT_INPUT, RENDERERS, _emit
from bot.session import Session

from .services.errors import ServiceError


def _services(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .bootstrap import build

    return build(getattr(args, "db", None))


def cmd_sessions_list(args: argparse.Namespace) -> int:
    rows = _services(args).assessments.local_rows()
    if not rows:
        print("（没有自评记录）")
        return 0
    print("编号\t类型\t状态\t进度\t基本项/加分项/总分\t待确认\t更新时间\t单位名称")
    labels = {"point": "示范点", "station": "示范站", "zone": "示范区"}
    for r in rows:
        status = "已提交" if r.status == "submitted" else "草稿"
        totals = f"{r.base:g}/{r.bonus:g}/{r.total:g}"
        print(
            f"{r.id}\t{labels.get(r.unit_type, r.unit_type)}\t{status}\t{r.answered}/{r.total_criteria} 项\t{totals}"
            f"\t{r.unconfirmed}\t{r.updated_at:%Y-%m-%d %H:%M}\t{r.unit_name}"
        )
    return 0


def _assessment_id(args: argparse.Namespace) -> int | None:
    """An assessment number, or the conversation id of a chat (e.g. terminal-$USER)."""
    from sqlalchemy import select

    from .db.models import Conversation

    key = str(args.session)
    if key.isdigit():
        return int(key)
    with _services(args).sessions() as db:
        conv = db.scalar(select(Conversation).where(Conversation.id == key))
        if conv is None or conv.assessment_id is None:
            print(f"no self-assessment with id '{key}'", file=sys.stderr)
            return None
        return int(conv.assessment_id)


def _local_report(args: argparse.Namespace) -> tuple[dict[str, Any], Session] | None:
    """The report and session of the assessment ``args.session`` names, or None (the reason printed)."""
    aid = _assessment_id(args)
    if aid is None:
        return None
    try:
        found: tuple[dict[str, Any], Session] = _services(args).assessments.local_report(aid)
    except ServiceError as exc:
        print(f"'{args.session}': {exc.message}", file=sys.stderr)
        return None
    return found


def cmd_sessions_answers(args: argparse.Namespace) -> int:
    found = _local_report(args)
    if found is None:
        return EXIT_INPUT
    _, session = found
    data = {
        "unit_type": session.unit_type,
        "rubric_version": session.rubric_version,
        "unit": session.unit,
        "answers": session.answers,
    }
    _emit(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), args.output)
    return 0


def cmd_sessions_report(args: argparse.Namespace) -> int:
    found = _local_report(args)
    if found is None:
        return EXIT_INPUT
    report, _ = found
    _emit(RENDERERS[args.format](report), args.output)
    return 0


def cmd_admin_create(args: argparse.Namespace) -> int:
    """The first district admin: the password is asked twice (or read from stdin), never defaulted."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("密码（至少 10 位）：")
        if getpass.getpass("再输一次：") != password:
            print("两次输入的密码不一致。", file=sys.stderr)
            return EXIT_INPUT
    try:
        uid = _services(args).accounts.create_admin(args.username, password)
    except ServiceError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_INPUT
    print(f"已创建区局管理员 {args.username}（编号 {uid}）。用它登录网页后，可以添加市场监管所和所里的工作人员。")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from .db import default_url, upgrade

    url = args.db or default_url()
    upgrade(url)
    print("数据库结构已是最新。")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = core.build_parser()
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    db_help = "数据库 URL（默认 $SHANGMI_DB_URL 或 var/shangmi.db）"

    sessions = sub.add_parser("sessions", help="本机存储的自评记录")
    ssub = sessions.add_subparsers(dest="sessions_command", required=True)
    sl = ssub.add_parser("list", help="列出自评记录（进度、得分、待确认数）")
    sl.add_argument("--db", help=db_help)
    sl.set_defaults(func=cmd_sessions_list)
    sa = ssub.add_parser("answers", help="把某次自评导出为答案文件（可离线修改后用 score 重新评分）")
    sa.add_argument("session", metavar="ID", help="自评编号，或对话 ID（如 terminal-$USER）")
    sa.add_argument("-o", "--output")
    sa.add_argument("--db", help=db_help)
    sa.set_defaults(func=cmd_sessions_answers)
    sr = ssub.add_parser("report", help="导出某次自评的差距报告")
    sr.add_argument("session", metavar="ID", help="自评编号，或对话 ID（如 terminal-$USER）")
    sr.add_argument("--format", choices=["json", "markdown", "html"], default="markdown")
    sr.add_argument("-o", "--output")
    sr.add_argument("--db", help=db_help)
    sr.set_defaults(func=cmd_sessions_report)

    admin = sub.add_parser("admin", help="账号")
    adsub = admin.add_subparsers(dest="admin_command", required=True)
    ac = adsub.add_parser("create", help="创建区局管理员（反不正当竞争科），没有默认密码")
    ac.add_argument("--username", required=True)
    ac.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（脚本用）")
    ac.add_argument("--db", help=db_help)
    ac.set_defaults(func=cmd_admin_create)

    dbp = sub.add_parser("db", help="数据库")
    dsub = dbp.add_subparsers(dest="db_command", required=True)
    du = dsub.add_parser("upgrade", help="把数据库结构升级到最新（Alembic）")
    du.add_argument("--db", help=db_help)
    du.set_defaults(func=cmd_db_upgrade)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except core.HANDLED as exc:
        return core.report_error(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
