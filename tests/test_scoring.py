"""Scoring rules, one kind at a time, plus answer checking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.rubric import BooleanRule, Rubric, load_rubric, parse_rubric
from bot.scoring import AnswersInvalid, check_answers, normalize_value, score, score_criterion

RUBRICS = Path(__file__).resolve().parent.parent / "rubrics"
ZONE = load_rubric("zone", RUBRICS)
STATION = load_rubric("station", RUBRICS)
POINT = load_rubric("point", RUBRICS)


def _row(cid: str, points: float, rule: dict[str, Any] | None = None, bonus: bool = False) -> dict[str, Any]:
    return {
        "id": cid,
        "indicator": "加分项" if bonus else "测试",
        "standard": f"标准 {cid}",
        "points": points,
        "bonus": bonus,
        "rule": rule or {"kind": "boolean"},
        "short": f"简称{cid}",
        "question": f"问题 {cid}？",
        "explain": "说明",
        "measures": ["措施"],
        "evidence": ["材料"],
        "remediation": ["步骤"],
    }


def tiny(
    base: list[tuple[float, dict[str, Any] | None]],
    bonus: list[tuple[float, dict[str, Any] | None]] = (),
    partial_ratio: float = 0.5,
) -> Rubric:
    """A hand-built point table: ``base`` and ``bonus`` are (points, rule) pairs, ids point.1… / point.B1…"""
    rows = [_row(f"point.{n}", p, r) for n, (p, r) in enumerate(base, 1)]
    rows += [_row(f"point.B{n}", p, r, bonus=True) for n, (p, r) in enumerate(bonus, 1)]
    raw = {
        "unit_type": "point",
        "unit_label": "示范点",
        "title": "测试表",
        "source": "测试",
        "version": "t1",
        "campaign": "测试",
        "base_max": sum(p for p, _ in base),
        "bonus_max": sum(p for p, _ in bonus),
        "scoring": {"partial_ratio": partial_ratio, "notes": "测试口径"},
        "form": [{"key": "name", "label": "单位名称", "question": "单位名称是？", "explain": "申报表上的全称。"}],
        "indicators": [{"name": "测试", "intro": "测试"}, {"name": "加分项", "intro": "加分"}],
        "criteria": rows,
    }
    return parse_rubric(raw, "tiny.yml")


def got(rubric: Rubric, cid: str, value: Any) -> float:
    return score(rubric, {cid: value}).by_id(cid).got


def status(rubric: Rubric, cid: str, value: Any) -> str:
    return score(rubric, {cid: value}).by_id(cid).status


# ── boolean ────────────────────────────────────────────────────────────────────

BOOL = tiny([(4, None), (3, None)], [(5, None)])


@pytest.mark.parametrize(
    ("value", "points", "state"),
    [
        (True, 4, "met"),
        (False, 0, "not_met"),
        ("partial", 2, "partial"),
        ("unknown", 0, "unknown"),
        (None, 0, "unknown"),
        ("是", 4, "met"),
        ("有", 4, "met"),
        ("已做到", 4, "met"),
        ("否", 0, "not_met"),
        ("没有", 0, "not_met"),
        ("未做到", 0, "not_met"),
        ("部分", 2, "partial"),
        ("部分做到", 2, "partial"),
        ("不确定", 0, "unknown"),
        ("不清楚", 0, "unknown"),
        ("待确认", 0, "unknown"),
        (" 是 ", 4, "met"),
        ("Partial", 2, "partial"),
        ("UNKNOWN", 0, "unknown"),
    ],
)
def test_boolean(value: Any, points: float, state: str) -> None:
    s = score(BOOL, {"point.1": value}).by_id("point.1")
    assert (s.got, s.status) == (points, state)


def test_boolean_missing_answer_is_unknown() -> None:
    result = score(BOOL, {})
    assert [c.status for c in result.criteria] == ["unknown"] * 3
    assert (result.base, result.bonus, result.total) == (0, 0, 0)


def test_partial_is_points_times_ratio() -> None:
    assert got(BOOL, "point.2", "partial") == 3 * 0.5
    assert got(BOOL, "point.B1", "partial") == 5 * 0.5
    third = tiny([(6, None)], partial_ratio=1 / 3)
    assert got(third, "point.1", "partial") == pytest.approx(2)
    assert got(tiny([(6, None)], partial_ratio=0), "point.1", "partial") == 0


def test_partial_half_on_real_rows() -> None:
    assert got(POINT, "point.13", "部分") == 2.5
    assert got(ZONE, "zone.10", "partial") == 5
    assert got(STATION, "station.1", "partial") == 1.5


def test_normalize_value() -> None:
    assert normalize_value("是") is True
    assert normalize_value("否") is False
    assert normalize_value("部分") == "partial"
    assert normalize_value("不确定") == "unknown"
    assert normalize_value(3) == 3
    assert normalize_value("national") == "national"


def test_base_bonus_total() -> None:
    r = score(BOOL, {"point.1": True, "point.2": "partial", "point.B1": True})
    assert (r.base, r.bonus, r.total) == (4 + 1.5, 5, 4 + 1.5 + 5)
    assert (r.base_max, r.bonus_max) == (7, 5)
    assert [(i.name, i.got, i.max, i.bonus) for i in r.indicators] == [("测试", 5.5, 7, False), ("加分项", 5, 5, True)]


def test_absence_polarity_still_true_means_met() -> None:
    assert got(ZONE, "zone.16", True) == 5
    assert got(ZONE, "zone.16", False) == 0


# ── threshold ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("value", "points"), [(0, 0), (499, 0), (499.9, 0), (500, 5), (500.0, 5), (501, 5), (12000, 5)]
)
def test_threshold_zone_12(value: float, points: float) -> None:
    assert got(ZONE, "zone.12", value) == points


@pytest.mark.parametrize(("value", "points"), [(2, 0), (3, 10), (4, 10)])
def test_threshold_zone_15(value: int, points: float) -> None:
    assert got(ZONE, "zone.15", value) == points


@pytest.mark.parametrize(("value", "points"), [(299, 0), (300, 8), (301, 8)])
def test_threshold_station_25(value: int, points: float) -> None:
    assert got(STATION, "station.25", value) == points


@pytest.mark.parametrize(("value", "points"), [(2, 0), (3, 8), (10, 8)])
def test_threshold_station_27(value: int, points: float) -> None:
    assert got(STATION, "station.27", value) == points


@pytest.mark.parametrize(("value", "points"), [(0, 0), (1, 0), (2, 5), (4, 5)])
def test_threshold_point_42(value: int, points: float) -> None:
    assert got(POINT, "point.42", value) == points


def test_threshold_strict_tiny() -> None:
    r = tiny([(4, {"kind": "threshold", "minimum": 30, "strict": True, "unit": "%", "label": "比例"})])
    assert got(r, "point.1", 29) == 0
    assert got(r, "point.1", 30) == 0  # 超 30%: exactly 30 % does not count
    assert got(r, "point.1", 30.5) == 4
    assert got(r, "point.1", 31) == 4


def test_threshold_detail_and_status() -> None:
    s = score(ZONE, {"zone.12": 480}).by_id("zone.12")
    assert s.status == "not_met"
    assert "480人次" in s.detail and "不少于500人次" in s.detail
    assert status(ZONE, "zone.12", 500) == "met"
    assert status(ZONE, "zone.12", "不确定") == "unknown"


# ── per_count ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("count", "points", "state"), [(0, 0, "not_met"), (1, 5, "partial"), (3, 15, "met"), (4, 15, "met")]
)
def test_per_count_zone_b4(count: int, points: float, state: str) -> None:
    s = score(ZONE, {"zone.B4": count}).by_id("zone.B4")
    assert (s.got, s.status) == (points, state)


@pytest.mark.parametrize(("count", "points"), [(0, 0), (1, 5), (3, 15), (4, 20), (5, 20), (10**6, 20)])
def test_per_count_station_b4(count: int, points: float) -> None:
    assert got(STATION, "station.B4", count) == points


def test_per_count_whole_float_is_accepted() -> None:
    assert got(ZONE, "zone.B4", 2.0) == 10


# ── two_part ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("types", "points"), [(0, 0), (1, 0), (2, 3), (3, 6), (4, 9), (5, 9), (50, 9)])
def test_two_part_types(types: int, points: float) -> None:
    # units left unknown: only the types part counts (3 per type beyond the first, cap 9)
    assert got(ZONE, "zone.B1", {"types": types, "units": "unknown"}) == points
    # with one unit per type the units part adds (types - 1) * 2, cap 6
    assert got(ZONE, "zone.B1", {"types": types, "units": types}) == points + min(6, 2 * max(0, types - 1))


@pytest.mark.parametrize(("units", "points"), [(1, 0), (2, 2), (3, 4), (4, 6), (9, 6)])
def test_two_part_units(units: int, points: float) -> None:
    assert got(ZONE, "zone.B1", {"types": 1, "units": units}) == points


def test_two_part_examples() -> None:
    b1 = ZONE.get("zone.B1")
    assert score_criterion(b1, {"types": 1, "units": 1}, 0.5).got == 0
    assert score_criterion(b1, {"types": 2, "units": 4}, 0.5).got == 3 + 6
    assert score_criterion(b1, {"types": 5, "units": 9}, 0.5).got == 9 + 6
    assert score_criterion(b1, {"types": 4, "units": 4}, 0.5).status == "met"
    assert score_criterion(b1, {"types": 1, "units": 1}, 0.5).status == "not_met"
    assert score_criterion(b1, {"types": 2, "units": 2}, 0.5).status == "partial"


def test_two_part_only_one_part_known() -> None:
    assert got(ZONE, "zone.B1", {"types": 3}) == 6
    assert got(ZONE, "zone.B1", {"types": "unknown", "units": 4}) == 6
    s = score(ZONE, {"zone.B1": {"types": "unknown", "units": "unknown"}}).by_id("zone.B1")
    assert (s.got, s.status) == (0, "unknown")
    assert status(ZONE, "zone.B1", {}) == "unknown"
    assert status(ZONE, "zone.B1", "unknown") == "unknown"


# ── tier ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("tier", "points", "state"),
    [
        ("national", 10, "met"),
        ("city", 5, "partial"),
        ("district", 3, "partial"),
        ("none", 0, "not_met"),
        ("unknown", 0, "unknown"),
        ("不确定", 0, "unknown"),
    ],
)
def test_tier_zone_b2(tier: str, points: float, state: str) -> None:
    s = score(ZONE, {"zone.B2": tier}).by_id("zone.B2")
    assert (s.got, s.status) == (points, state)


# ── alternatives ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("value", "points"),
    [
        ({"trained_ratio": 31, "active_ratio": 31}, 8),  # 协会 path, both above 30 %
        ({"trained_ratio": 30, "active_ratio": 31}, 0),  # 超 30%: exactly 30 % fails
        ({"trained_ratio": 31, "active_ratio": 30}, 0),
        ({"trained_ratio": 30.5, "active_ratio": 80}, 8),
        ({"trained_ratio": 100, "active_ratio": 0}, 0),
        ({"clients": 5}, 8),  # 律所 path, 不少于 5 家 includes 5
        ({"clients": 4}, 0),
        ({"clients": 12}, 8),
        ({"trained_ratio": 10, "active_ratio": 10, "clients": 6}, 8),  # either path is enough
        ({"trained_ratio": 40, "active_ratio": 40, "clients": 1}, 8),
        ({"trained_ratio": 10, "active_ratio": 10, "clients": 1}, 0),
    ],
)
def test_alternatives_station_24(value: dict[str, float], points: float) -> None:
    assert got(STATION, "station.24", value) == points


def test_alternatives_unknown() -> None:
    assert status(STATION, "station.24", {}) == "unknown"
    assert status(STATION, "station.24", "unknown") == "unknown"
    assert status(STATION, "station.24", {"clients": "unknown"}) == "unknown"
    assert status(STATION, "station.24", {"clients": 4}) == "not_met"
    assert status(STATION, "station.24", {"clients": 5}) == "met"


def test_alternatives_half_answered_group_is_unknown() -> None:
    s = score(STATION, {"station.24": {"trained_ratio": 50, "active_ratio": "unknown"}}).by_id("station.24")
    assert s.status == "unknown"


def test_alternatives_half_answered_failing_group_is_not_met() -> None:
    assert status(STATION, "station.24", {"trained_ratio": 20}) == "not_met"


# ── bad values ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("rubric", "cid", "value", "fragment"),
    [
        (ZONE, "zone.12", "500", "expected a number"),
        (ZONE, "zone.12", "五百多", "expected a number"),
        (ZONE, "zone.12", True, "expected a number"),
        (ZONE, "zone.12", float("nan"), "expected a number"),
        (ZONE, "zone.15", -1, "negative"),
        (ZONE, "zone.B4", -2, "negative"),
        (ZONE, "zone.B4", 1.5, "whole number"),
        (ZONE, "zone.B4", "两起", "expected a number"),
        (ZONE, "zone.B2", "top", "national / city / district / none"),
        (ZONE, "zone.B2", "全国前10", "national / city / district / none"),
        (ZONE, "zone.B2", True, "national / city / district / none"),
        (ZONE, "zone.B1", {"types": 3, "units": 2}, "cannot be fewer than types"),
        (ZONE, "zone.B1", {"types": 2.5, "units": 3}, "whole number"),
        (ZONE, "zone.B1", {"types": -1}, "non-negative"),
        (ZONE, "zone.B1", {"kinds": 2}, "unknown key 'kinds'"),
        (ZONE, "zone.B1", 3, "expected a mapping"),
        (ZONE, "zone.B1", "partial", "expected a mapping"),
        (ZONE, "zone.1", 1, "expected true / false / partial / unknown"),
        (ZONE, "zone.1", "yes", "expected true / false / partial / unknown"),
        (ZONE, "zone.1", "maybe", "expected true / false / partial / unknown"),
        (ZONE, "zone.1", 0.5, "expected true / false / partial / unknown"),
        (ZONE, "zone.1", {"a": 1}, "expected true / false / partial / unknown"),
        (STATION, "station.24", {"clients": -1}, "non-negative"),
        (STATION, "station.24", {"clients": "五家"}, "non-negative"),
        (STATION, "station.24", {"members": 5}, "unknown key 'members'"),
        (STATION, "station.24", True, "expected a mapping"),
        (POINT, "point.42", "两次", "expected a number"),
        (POINT, "point.B4", 2, "expected true / false / partial / unknown"),
    ],
)
def test_bad_values(rubric: Rubric, cid: str, value: Any, fragment: str) -> None:
    issues = check_answers(rubric, {cid: value})
    assert [i.id for i in issues] == [cid]
    assert fragment in issues[0].message
    assert str(issues[0]).startswith(f"{cid}: ")
    with pytest.raises(AnswersInvalid) as info:
        score(rubric, {cid: value})
    assert info.value.issues == issues
    assert cid in str(info.value)


def test_unknown_id() -> None:
    issues = check_answers(POINT, {"point.44": True, "zone.1": True, "point.1": True})
    assert sorted(i.id for i in issues) == ["point.44", "zone.1"]
    assert all("no such criterion" in i.message for i in issues)
    with pytest.raises(AnswersInvalid):
        score(POINT, {"point.44": True})


def test_every_problem_reported_at_once() -> None:
    answers = {"zone.12": "500", "zone.B4": 1.5, "zone.B2": "top", "zone.1": "yes", "zone.99": True}
    with pytest.raises(AnswersInvalid) as info:
        score(ZONE, answers)
    assert sorted(i.id for i in info.value.issues) == ["zone.1", "zone.12", "zone.99", "zone.B2", "zone.B4"]
    assert len(str(info.value).splitlines()) == 5


@pytest.mark.parametrize(
    ("rubric", "cid", "value"),
    [
        (ZONE, "zone.12", 0),
        (ZONE, "zone.12", 499.5),
        (ZONE, "zone.B4", 0),
        (ZONE, "zone.B2", "none"),
        (ZONE, "zone.B1", {"types": 0, "units": 0}),
        (ZONE, "zone.B1", {"types": 2, "units": "unknown"}),
        (ZONE, "zone.B1", {"types": 3, "units": 3}),
        (STATION, "station.24", {"trained_ratio": 0, "active_ratio": 100}),
        (POINT, "point.1", "部分"),
        (POINT, "point.1", None),
    ],
)
def test_good_edge_values_pass_check(rubric: Rubric, cid: str, value: Any) -> None:
    assert check_answers(rubric, {cid: value}) == []


def test_result_metadata() -> None:
    r = score(POINT, {})
    assert (r.unit_type, r.rubric_version, r.title) == ("point", POINT.version, POINT.title)
    assert [c.id for c in r.criteria] == [c.id for c in POINT.criteria]
    assert all(c.lost == c.max for c in r.criteria)


def test_all_met_is_full_marks() -> None:
    for rubric, numbers in (
        (POINT, {"point.42": 2}),
        (STATION, {"station.24": {"clients": 5}, "station.25": 300, "station.27": 3, "station.B4": 4}),
        (
            ZONE,
            {"zone.12": 500, "zone.15": 3, "zone.B1": {"types": 4, "units": 4}, "zone.B2": "national", "zone.B4": 3},
        ),
    ):
        answers: dict[str, Any] = {c.id: True for c in rubric.criteria if isinstance(c.rule, BooleanRule)}
        assert set(answers).isdisjoint(numbers)
        answers.update(numbers)
        assert len(answers) == len(rubric.criteria)
        r = score(rubric, answers)
        assert (r.base, r.bonus, r.total) == (100, rubric.bonus_max, 100 + rubric.bonus_max)
        assert all(c.status == "met" for c in r.criteria)


def test_unknown_inside_a_mapping() -> None:
    assert check_answers(ZONE, {"zone.B1": {"types": 3, "units": "unknown"}}) == []
    assert check_answers(ZONE, {"zone.B1": {"types": 3, "units": None}}) == []


def test_chinese_unknown_inside_a_mapping() -> None:
    assert check_answers(ZONE, {"zone.B1": {"types": 3, "units": "不确定"}}) == []
    assert got(ZONE, "zone.B1", {"types": 3, "units": "不确定"}) == 6
