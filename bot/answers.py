"""Answers files: the YAML a unit (or an officer) fills in, and its template."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .rubric import (
    TIER_NONE,
    AlternativesRule,
    PerCountRule,
    Rubric,
    ThresholdRule,
    TierRule,
    TwoPartRule,
    normalize_unit_type,
)


class AnswersFileError(Exception):
    """An answers file that cannot be read; the message names the file and the problem."""


@dataclass
class AnswersFile:
    unit_type: str | None
    rubric_version: str | None
    unit: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)


def load_answers(path: Path | str) -> AnswersFile:
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AnswersFileError(f"{path}: cannot read file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise AnswersFileError(f"{path}: {where}invalid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(raw, dict):
        raise AnswersFileError(f"{path}: expected a mapping with an 'answers' section")
    answers = raw.get("answers", {}) or {}
    unit = raw.get("unit", {}) or {}
    if not isinstance(answers, dict):
        raise AnswersFileError(f"{path}: 'answers' must be a mapping of criterion id to value")
    if not isinstance(unit, dict):
        raise AnswersFileError(f"{path}: 'unit' must be a mapping of field to value")
    unknown_keys = set(raw) - {"unit_type", "rubric_version", "unit", "answers"}
    if unknown_keys:
        raise AnswersFileError(f"{path}: unknown top-level key(s): {', '.join(sorted(map(str, unknown_keys)))}")
    unit_type = raw.get("unit_type")
    if unit_type is not None:
        try:
            unit_type = normalize_unit_type(str(unit_type))
        except ValueError as exc:
            raise AnswersFileError(f"{path}: unit_type: {exc}") from None
    version = raw.get("rubric_version")
    return AnswersFile(
        unit_type=unit_type,
        rubric_version=None if version is None else str(version),
        unit={str(k): v for k, v in unit.items()},
        answers={str(k): v for k, v in answers.items()},
    )


def _hint(rubric: Rubric, cid: str) -> str:
    rule = rubric.get(cid).rule
    if isinstance(rule, (ThresholdRule, PerCountRule)):
        return f"填数字（{rule.unit}），或 unknown"
    if isinstance(rule, TierRule):
        return " / ".join([f"{t.name}（{t.label}）" for t in rule.tiers] + [f"{TIER_NONE}（都不是）"])
    if isinstance(rule, TwoPartRule):
        return "填 {" + ", ".join(f"{p.key}: 数字（{p.label}）" for p in rule.parts) + "}"
    if isinstance(rule, AlternativesRule):
        return "二选一填写：" + "；或 ".join(
            "{" + ", ".join(f"{k.key}: 数字（{k.label}，{k.unit}）" for k in g.conditions) + "}（" + g.label + "）"
            for g in rule.groups
        )
    return "true（做到）/ false（没做到）/ partial（部分做到）/ unknown（不确定）"


def _placeholder(rubric: Rubric, cid: str) -> str:
    rule = rubric.get(cid).rule
    if isinstance(rule, TwoPartRule):
        return "{" + ", ".join(f"{p.key}: unknown" for p in rule.parts) + "}"
    return "unknown"


def answers_template(rubric: Rubric) -> str:
    """A fillable answers file: every question as a comment above its id."""
    lines = [
        f"# {rubric.title} — 自评答案（{rubric.version} 版）",
        "# 把每题的 unknown 改成你的答案；保留 unknown 的题目记 0 分，列为“待确认”。",
        "# 是非题可以写 true / false / partial / unknown，也可以写 是 / 否 / 部分 / 不确定。",
        f"unit_type: {rubric.unit_type}",
        f"rubric_version: '{rubric.version}'",
        "unit:",
        "  name: ''        # 单位（园区）名称",
        "  leader: ''      # 负责人",
        "  address: ''     # 联系地址",
        "  postcode: ''    # 邮政编码",
        *(
            [
                "  park_type: ''   # 园区类型",
                "  enterprise_count: ''  # 入园企业数量",
                "  output_value: ''      # 园区产值",
            ]
            if rubric.unit_type == "zone"
            else ["  org_type: ''    # 单位类型"]
        ),
        "  contact: ''     # 联系人",
        "  title: ''       # 职务/职称",
        "  phone: ''       # 联系电话",
        "answers:",
    ]
    current = None
    for c in rubric.criteria:
        if c.indicator != current:
            current = c.indicator
            lines.append(f"  # ── {current} ──")
        lines.append(f"  # {c.id} {c.short}（{c.points:g} 分）：{c.question}")
        lines.append(f"  #   {_hint(rubric, c.id)}")
        lines.append(f"  {c.id}: {_placeholder(rubric, c.id)}")
    return "\n".join(lines) + "\n"
