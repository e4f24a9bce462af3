"""Property tests: bounds, caps and monotonicity of scoring for any valid answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rubric import (
    TIER_NONE,
    AlternativesRule,
    BooleanRule,
    Criterion,
    PerCountRule,
    Rubric,
    ThresholdRule,
    TierRule,
    TwoPartRule,
    load_rubric,
)
from bot.scoring import check_answers, score, score_criterion

RUBRICS = Path(__file__).resolve().parent.parent / "rubrics"
TABLES: dict[str, Rubric] = {t: load_rubric(t, RUBRICS) for t in ("zone", "station", "point")}
BIG = 10**6

FAST = settings(max_examples=100, deadline=None)

BOOLEAN_VALUES = [True, False, "partial", "unknown", None, "是", "否", "部分", "不确定"]
NOT_TRUE = [False, "partial", "unknown", None, "否", "部分", "不确定", "没有", "部分做到", "待确认"]
UNKNOWN = st.sampled_from(["unknown", None, "不确定"])
INNER_UNKNOWN = st.sampled_from(["unknown", None])  # inside a {key: count} mapping (aliases not accepted there)
amount = st.one_of(st.integers(0, BIG), st.floats(0, BIG, allow_nan=False, allow_infinity=False))
count = st.integers(0, BIG)


@st.composite
def two_part_value(draw: st.DrawFn, rule: TwoPartRule) -> dict[str, Any]:
    keys = [p.key for p in rule.parts]
    assert keys == ["types", "units"]
    types = draw(st.one_of(count, INNER_UNKNOWN))
    low = types if isinstance(types, int) else 0
    units = draw(st.one_of(st.integers(low, BIG), INNER_UNKNOWN))
    value = {"types": types, "units": units}
    drop = draw(st.sets(st.sampled_from(keys)))
    return {k: v for k, v in value.items() if k not in drop}


@st.composite
def alternatives_value(draw: st.DrawFn, rule: AlternativesRule) -> dict[str, Any]:
    keys = [k.key for g in rule.groups for k in g.conditions]
    chosen = draw(st.sets(st.sampled_from(keys)))
    return {k: draw(st.one_of(amount, INNER_UNKNOWN)) for k in keys if k in chosen}


def value_for(c: Criterion) -> st.SearchStrategy[Any]:
    rule = c.rule
    if isinstance(rule, BooleanRule):
        return st.sampled_from(BOOLEAN_VALUES)
    if isinstance(rule, ThresholdRule):
        return st.one_of(amount, UNKNOWN)
    if isinstance(rule, PerCountRule):
        return st.one_of(count, UNKNOWN)
    if isinstance(rule, TierRule):
        return st.sampled_from([t.name for t in rule.tiers] + [TIER_NONE, "unknown"])
    if isinstance(rule, TwoPartRule):
        return st.one_of(two_part_value(rule), UNKNOWN)
    if isinstance(rule, AlternativesRule):
        return st.one_of(alternatives_value(rule), UNKNOWN)
    raise AssertionError(rule)


@st.composite
def answers_for(draw: st.DrawFn, rubric: Rubric) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for c in rubric.criteria:
        if draw(st.integers(0, 9)):  # about one in ten left out (missing)
            answers[c.id] = draw(value_for(c))
    return answers


def _improve(draw: st.DrawFn, c: Criterion, old: Any) -> Any | None:
    """A better-or-equal answer for ``c`` (None when there is nothing to improve)."""
    rule = c.rule
    if isinstance(rule, BooleanRule):
        return True
    delta = draw(st.integers(0, 1000))
    if isinstance(rule, (ThresholdRule, PerCountRule)):
        return old + delta if isinstance(old, (int, float)) else None
    if isinstance(rule, (TwoPartRule, AlternativesRule)) and isinstance(old, dict):
        numeric = [k for k, v in old.items() if isinstance(v, (int, float))]
        if not numeric:
            return None
        key = draw(st.sampled_from(sorted(numeric)))
        new = dict(old)
        new[key] = old[key] + delta
        counts = (new.get("units"), new.get("types"))  # either may still be "unknown"
        if isinstance(rule, TwoPartRule) and all(isinstance(n, int) for n in counts) and new["units"] < new["types"]:
            new["units"] = new["types"]  # keep it valid: increase both counts
        return new
    return None


# ── bounds ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("unit_type", sorted(TABLES))
@FAST
@given(data=st.data())
def test_bounds(unit_type: str, data: st.DataObject) -> None:
    rubric = TABLES[unit_type]
    answers = data.draw(answers_for(rubric))
    assert check_answers(rubric, answers) == []
    r = score(rubric, answers)
    assert 0 <= r.base <= 100
    assert 0 <= r.bonus <= rubric.bonus_max
    assert r.total == r.base + r.bonus
    for s in r.criteria:
        assert 0 <= s.got <= rubric.get(s.id).points
        assert s.max == rubric.get(s.id).points
        if s.status == "met":
            assert s.got == s.max
        if s.status in ("unknown", "not_met"):
            assert s.got == 0
    assert r.base == sum(s.got for s in r.criteria if not s.bonus)
    assert sum(i.got for i in r.indicators) == r.base + r.bonus


# ── monotonicity ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize("unit_type", sorted(TABLES))
@FAST
@given(data=st.data())
def test_boolean_to_true_never_lowers(unit_type: str, data: st.DataObject) -> None:
    rubric = TABLES[unit_type]
    answers = data.draw(answers_for(rubric))
    c = rubric.get(data.draw(st.sampled_from([c.id for c in rubric.criteria if isinstance(c.rule, BooleanRule)])))
    answers[c.id] = data.draw(st.sampled_from(NOT_TRUE))
    before = score(rubric, answers)
    after = score(rubric, {**answers, c.id: True})
    assert after.total >= before.total
    assert after.by_id(c.id).got == c.points
    assert after.total - before.total == c.points - before.by_id(c.id).got


@pytest.mark.parametrize("unit_type", sorted(TABLES))
@FAST
@given(data=st.data())
def test_any_improvement_never_lowers(unit_type: str, data: st.DataObject) -> None:
    rubric = TABLES[unit_type]
    answers = data.draw(answers_for(rubric))
    c = rubric.get(data.draw(st.sampled_from([c.id for c in rubric.criteria])))
    new = _improve(data.draw, c, answers.get(c.id))
    if new is None:
        return
    improved = {**answers, c.id: new}
    assert check_answers(rubric, improved) == []
    before, after = score(rubric, answers), score(rubric, improved)
    assert after.total >= before.total
    assert after.by_id(c.id).got >= before.by_id(c.id).got


@pytest.mark.parametrize(
    ("unit_type", "cid"),
    [
        ("zone", "zone.12"),
        ("zone", "zone.15"),
        ("zone", "zone.B4"),
        ("station", "station.25"),
        ("station", "station.27"),
        ("station", "station.B4"),
        ("point", "point.42"),
    ],
)
@FAST
@given(a=st.integers(0, BIG), b=st.integers(0, BIG))
def test_counts_monotone(unit_type: str, cid: str, a: int, b: int) -> None:
    c = TABLES[unit_type].get(cid)
    low, high = sorted((a, b))
    assert score_criterion(c, low, 0.5).got <= score_criterion(c, high, 0.5).got


@FAST
@given(t1=st.integers(0, 50), t2=st.integers(0, 50), extra=st.integers(0, 50), more=st.integers(0, 50))
def test_two_part_monotone(t1: int, t2: int, extra: int, more: int) -> None:
    c = TABLES["zone"].get("zone.B1")
    low, high = sorted((t1, t2))
    small = {"types": low, "units": low + extra}
    large = {"types": high, "units": max(high, low + extra) + more}
    assert score_criterion(c, small, 0.5).got <= score_criterion(c, large, 0.5).got


@FAST
@given(
    tr=st.floats(0, 100),
    ar=st.floats(0, 100),
    cl=st.integers(0, 100),
    d1=st.floats(0, 100),
    d2=st.floats(0, 100),
    d3=st.integers(0, 100),
)
def test_alternatives_monotone(tr: float, ar: float, cl: int, d1: float, d2: float, d3: int) -> None:
    c = TABLES["station"].get("station.24")
    before = score_criterion(c, {"trained_ratio": tr, "active_ratio": ar, "clients": cl}, 0.5).got
    after = score_criterion(c, {"trained_ratio": tr + d1, "active_ratio": ar + d2, "clients": cl + d3}, 0.5).got
    assert before <= after


# ── caps ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("unit_type", "cid", "per", "cap"), [("zone", "zone.B4", 5, 15), ("station", "station.B4", 5, 20)]
)
@FAST
@given(n=st.integers(0, BIG))
def test_per_count_cap(unit_type: str, cid: str, per: int, cap: int, n: int) -> None:
    rubric = TABLES[unit_type]
    s = score(rubric, {cid: n}).by_id(cid)
    assert s.got == min(cap, per * n)
    assert s.got <= cap == rubric.get(cid).points


@FAST
@given(types=st.integers(0, BIG), extra=st.integers(0, BIG))
def test_two_part_cap(types: int, extra: int) -> None:
    rubric = TABLES["zone"]
    units = min(BIG, types + extra)
    s = score(rubric, {"zone.B1": {"types": types, "units": units}}).by_id("zone.B1")
    types_part = min(9, 3 * max(0, types - 1))
    units_part = min(6, 2 * max(0, units - 1))
    assert s.got == types_part + units_part
    assert s.got <= 15
    r = score(rubric, {"zone.B1": {"types": types, "units": units}, "zone.B4": types})
    assert r.bonus <= rubric.bonus_max
