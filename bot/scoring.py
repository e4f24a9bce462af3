"""Scoring: a unit's answers + a rubric -> the score an officer would give.

Pure functions over data. Every answer value is checked first; a bad value is
reported (never silently scored as 0), see :func:`check_answers`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel

from .quantity import Quantity, as_quantity
from .rubric import (
    TIER_NONE,
    AlternativesRule,
    BooleanRule,
    Criterion,
    PerCountRule,
    Rubric,
    ThresholdRule,
    TierRule,
    TwoPartRule,
)

Status = Literal["met", "partial", "not_met", "unknown"]
PARTIAL = "partial"
UNKNOWN = "unknown"

STATUS_LABELS: dict[str, str] = {
    "met": "已做到",
    "partial": "部分做到",
    "not_met": "未做到",
    "unknown": "待确认",
}

# Values people write in answer files besides true/false (documented in the README).
_BOOL_ALIASES: dict[str, bool | str] = {
    "是": True,
    "有": True,
    "已做到": True,
    "做到": True,
    "否": False,
    "无": False,
    "没有": False,
    "未做到": False,
    "部分": PARTIAL,
    "部分做到": PARTIAL,
    "不确定": UNKNOWN,
    "不清楚": UNKNOWN,
    "待确认": UNKNOWN,
}


class AnswerIssue(BaseModel):
    id: str
    message: str

    def __str__(self) -> str:
        return f"{self.id}: {self.message}"


class AnswersInvalid(ValueError):
    """Raised by :func:`score` when answers contain values that cannot be scored."""

    def __init__(self, issues: list[AnswerIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


class CriterionScore(BaseModel):
    id: str
    short: str
    indicator: str
    bonus: bool
    got: float
    max: float
    status: Status
    answer: Any = None
    detail: str = ""

    @property
    def lost(self) -> float:
        return self.max - self.got


class IndicatorScore(BaseModel):
    name: str
    bonus: bool
    got: float
    max: float


class ScoreResult(BaseModel):
    unit_type: str
    title: str
    rubric_version: str
    base: float
    bonus: float
    total: float
    base_max: float
    bonus_max: float
    indicators: list[IndicatorScore]
    criteria: list[CriterionScore]

    def by_id(self, criterion_id: str) -> CriterionScore:
        return next(c for c in self.criteria if c.id == criterion_id)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _num(value: float) -> str:
    return f"{value:g}"


def normalize_value(value: Any) -> Any:
    """Map the Chinese aliases of answer files onto the canonical values (also inside mappings)."""
    if isinstance(value, Mapping):
        return {k: normalize_value(v) for k, v in value.items()}
    if isinstance(value, str):
        key = value.strip()
        if key.lower() in (PARTIAL, UNKNOWN):
            return key.lower()
        return _BOOL_ALIASES.get(key, key)
    return value


def _check_one(c: Criterion, value: Any) -> str | None:
    """Return a readable problem for an answer value, or None when it can be scored."""
    rule = c.rule
    if value is None or value == UNKNOWN:
        return None
    if isinstance(rule, BooleanRule):
        if isinstance(value, bool) or value == PARTIAL:
            return None
        return f"expected true / false / partial / unknown, got {value!r}"
    if isinstance(rule, (ThresholdRule, PerCountRule)):
        if _is_number(value) and value < 0:
            return f"a count cannot be negative, got {value!r}"
        q = as_quantity(value)
        if q is None:
            return f"expected a number ({rule.unit}) or {{value, relation}}, got {value!r}"
        if isinstance(rule, PerCountRule) and q.relation == "eq" and q.value != int(q.value):
            return f"expected a whole number of {rule.unit}, got {value!r}"
        return None
    if isinstance(rule, TierRule):
        names = [t.name for t in rule.tiers] + [TIER_NONE]
        if value in names:
            return None
        return f"expected one of {' / '.join(names)}, got {value!r}"
    if isinstance(rule, (TwoPartRule, AlternativesRule)):
        keys = (
            [p.key for p in rule.parts]
            if isinstance(rule, TwoPartRule)
            else [k.key for g in rule.groups for k in g.conditions]
        )
        if not isinstance(value, Mapping):
            return f"expected a mapping with keys {', '.join(keys)}, got {value!r}"
        for k, v in value.items():
            if k not in keys:
                return f"unknown key '{k}' (expected {', '.join(keys)})"
            if v is None or v == UNKNOWN:
                continue
            if isinstance(rule, TwoPartRule):
                if not _is_number(v) or v < 0:
                    return f"'{k}' must be a non-negative number, got {v!r}"
                if v != int(v):
                    return f"'{k}' must be a whole number, got {v!r}"
            elif (_is_number(v) and v < 0) or as_quantity(v) is None:
                return f"'{k}' must be a non-negative number or {{value, relation}}, got {v!r}"
        if isinstance(rule, TwoPartRule):
            t, u = value.get("types"), value.get("units")
            if _is_number(t) and _is_number(u) and u < t:  # type: ignore[operator]
                return f"units ({u}) cannot be fewer than types ({t}): each type needs at least one unit"
        return None
    return f"unsupported rule {rule.kind}"  # pragma: no cover - guarded by the rubric model


def check_answers(rubric: Rubric, answers: Mapping[str, Any]) -> list[AnswerIssue]:
    """Every problem in an answers mapping: unknown ids and values that cannot be scored."""
    issues: list[AnswerIssue] = []
    ids = {c.id for c in rubric.criteria}
    for key in answers:
        if key not in ids:
            issues.append(AnswerIssue(id=str(key), message=f"no such criterion in {rubric.title}"))
    for c in rubric.criteria:
        if c.id in answers:
            problem = _check_one(c, normalize_value(answers[c.id]))
            if problem:
                issues.append(AnswerIssue(id=c.id, message=problem))
    return issues


def _quantity(value: Any) -> Quantity:
    q = as_quantity(value)
    assert q is not None, "checked by check_answers"
    return q


def _meets(value: float, minimum: float, strict: bool) -> bool:
    return value > minimum if strict else value >= minimum


def score_criterion(c: Criterion, value: Any, partial_ratio: float) -> CriterionScore:
    """Score one criterion; ``value`` must have passed :func:`check_answers`."""
    value = normalize_value(value)
    rule = c.rule
    got = 0.0
    detail = ""
    unknown = value is None or value == UNKNOWN
    if not unknown:
        if isinstance(rule, BooleanRule):
            got = c.points if value is True else c.points * partial_ratio if value == PARTIAL else 0.0
        elif isinstance(rule, ThresholdRule):
            op = "超过" if rule.strict else "不少于"
            q = _quantity(value)
            ok = q.meets(rule.minimum, rule.strict)
            got = c.points if ok else 0.0
            detail = f"{rule.label}：{q.describe(rule.unit)}（要求{op}{_num(rule.minimum)}{rule.unit}）"
            if ok is None:  # 三百左右 against 不少于300: the words do not say which side
                unknown = True
                detail += "，无法判断是否达到"
        elif isinstance(rule, PerCountRule):
            q = _quantity(value)
            n = q.whole_count()
            if n is None:
                unknown = True
                detail = f"{rule.label}：{q.describe(rule.unit)}，需要确切数字"
            else:
                got = min(rule.cap, rule.per * n)
                detail = f"{rule.label}：{q.describe(rule.unit)}，每{rule.unit}{_num(rule.per)}分，累计不超过{_num(rule.cap)}分"
        elif isinstance(rule, TierRule):
            tier = next((t for t in rule.tiers if t.name == value), None)
            got = tier.points if tier else 0.0
            detail = tier.label if tier else "未进入所列排名"
        elif isinstance(rule, TwoPartRule):
            parts = []
            for p in rule.parts:
                n = value.get(p.key)
                if _is_number(n):
                    part = min(p.cap, p.per * max(0, int(n) - p.baseline))
                    got += part
                    parts.append(
                        f"{p.label}{int(n)}{p.unit}（超出{p.baseline}{p.unit}的部分每{p.unit}{_num(p.per)}分，得{_num(part)}分）"
                    )
                else:
                    parts.append(f"{p.label}待确认")
            detail = "；".join(parts)
            if not any(_is_number(value.get(p.key)) for p in rule.parts):
                unknown = True
        elif isinstance(rule, AlternativesRule):
            lines = []
            complete = False  # at least one path fully answered: otherwise the item is 待确认
            for g in rule.groups:
                given = [(k, got_q) for k in g.conditions if (got_q := as_quantity(value.get(k.key))) is not None]
                if not given:
                    continue
                full = len(given) == len(g.conditions)
                sides = [gq.meets(k.minimum, k.strict) for k, gq in given]
                failed = any(side is False for side in sides)
                # a path is decided when fully answered, or when a given figure already fails it
                complete = complete or (full and None not in sides) or failed
                if full and all(side is True for side in sides):
                    got = c.points
                lines.append(
                    g.label
                    + "："
                    + "，".join(
                        f"{k.label}{gq.describe(k.unit)}（要求{'超过' if k.strict else '不少于'}{_num(k.minimum)}{k.unit}）"
                        for k, gq in given
                    )
                )
            detail = "；".join(lines)
            if not complete:
                unknown = True
    if unknown:
        status: Status = "unknown"
    elif got >= c.points:
        status = "met"
    elif got > 0:
        status = "partial"
    else:
        status = "not_met"
    return CriterionScore(
        id=c.id,
        short=c.short,
        indicator=c.indicator,
        bonus=c.bonus,
        got=got,
        max=c.points,
        status=status,
        answer=value,
        detail=detail,
    )


def score(rubric: Rubric, answers: Mapping[str, Any]) -> ScoreResult:
    """Score all criteria; missing answers count as 待确认 (0 points)."""
    issues = check_answers(rubric, answers)
    if issues:
        raise AnswersInvalid(issues)
    ratio = rubric.scoring.partial_ratio
    crits = [score_criterion(c, answers.get(c.id), ratio) for c in rubric.criteria]
    indicators: list[IndicatorScore] = []
    for ind in rubric.indicators:
        rows = [s for s in crits if s.indicator == ind.name]
        if not rows:
            continue
        indicators.append(
            IndicatorScore(
                name=ind.name,
                bonus=all(r.bonus for r in rows),
                got=sum(r.got for r in rows),
                max=sum(r.max for r in rows),
            )
        )
    base = sum(s.got for s in crits if not s.bonus)
    bonus = min(rubric.bonus_max, sum(s.got for s in crits if s.bonus))
    return ScoreResult(
        unit_type=rubric.unit_type,
        title=rubric.title,
        rubric_version=rubric.version,
        base=base,
        bonus=bonus,
        total=base + bonus,
        base_max=rubric.base_max,
        bonus_max=rubric.bonus_max,
        indicators=indicators,
        criteria=crits,
    )
