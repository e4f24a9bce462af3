"""Golden totals for the example answer files, computed by hand from the 附件2–4 tables.

Every expected number below is written out row by row from the seed notice
(docs/seed/notice-2023-33.txt); the scorer is only called to compare against it.
Partial = half of the row's 分值 (scoring.partial_ratio 0.5); unknown / missing = 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.answers import load_answers
from bot.report import build_report
from bot.rubric import load_rubric
from bot.scoring import score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RUBRICS = ROOT / "rubrics"


def _run(unit_type: str) -> tuple[dict[str, Any], Any]:
    rubric = load_rubric(unit_type, RUBRICS)
    af = load_answers(EXAMPLES / f"{unit_type}-sample.yml")
    assert af.unit_type == unit_type
    assert af.rubric_version == rubric.version
    assert af.unit["name"]
    result = score(rubric, af.answers)
    return build_report(rubric, result, af.unit), result


def test_point_sample() -> None:
    report, result = _run("point")
    # 附件4 示范点验收表, row by row (分值 in brackets):
    base = (
        3  # point.1 领导小组 [3] true
        + 2  # point.2 专兼职人员 [2] true
        + 3 * 0.5  # point.3 场所设施经费 [3] partial
        + 2  # point.4 秘密范围 [2] true
        + 0  # point.5 密级与期限 [3] false
        + 0  # point.6 定期复评 [2] unknown
        + 2  # point.7 入职背调 [2] 是
        + 2  # point.8 入职保密协议 [2] true
        + 2 * 0.5  # point.9 竞业限制协议 [2] 部分
        + 2  # point.10 年度培训计划 [2] true
        + 3  # point.11 培训记录 [3] true
        + 2  # point.12 日常保密执行 [2] true
        + 5 * 0.5  # point.13 涉密行为监督 [5] partial
        + 2  # point.14 [2] true
        + 2  # point.15 [2] true
        + 0  # point.16 脱密与权限回收 [3] false
        + 2  # point.17 [2] true
        + 0  # point.18 离职竞业确认 [2] 否
        + 0  # point.19 离职竞业跟踪 [2] 不确定
        + 2 * 7  # point.20–26 [2 each] true
        + 2 * 0.5  # point.27 加密存储备份 [2] partial
        + 2 * 3  # point.28–30 [2 each] true
        + 0  # point.31 载体领用登记 [2] false
        + 2 * 2  # point.32–33 [2 each] true
        + 2 * 3  # point.34–36 [2 each] true
        + 0  # point.37 限制无关人员 [2] missing
        + 2 * 4  # point.38–41 [2 each] true
        + 0  # point.42 内部检查 [5] 1 次 < 不少于两次
        + 5  # point.43 整改落实 [5] true
    )
    bonus = (
        5  # point.B1 [5] true
        + 0  # point.B2 [5] false
        + 5 * 0.5  # point.B3 [5] partial
        + 0  # point.B4 [5] unknown
        + 5  # point.B5 [5] true
        + 0  # point.B6 [5] 否
        + 0  # point.B7 [5] 不确定
    )
    assert (base, bonus) == (73, 12.5)
    assert result.base == base
    assert result.bonus == bonus
    assert result.total == base + bonus == 85.5
    assert (report["base"], report["bonus"], report["total"]) == (73, 12.5, 85.5)

    # lost: point.42 5, point.5 3, point.16 3 (tie: table order), point.13 2.5, point.18 2, point.31 2, ...
    gaps = [g["id"] for g in report["gaps"]]
    assert gaps[:3] == ["point.42", "point.5", "point.16"]
    assert gaps == [
        "point.42",
        "point.5",
        "point.16",
        "point.13",
        "point.18",
        "point.31",
        "point.3",
        "point.9",
        "point.27",
    ]
    assert [u["id"] for u in report["unconfirmed"]] == ["point.6", "point.19", "point.37", "point.B4", "point.B7"]
    assert [b["id"] for b in report["bonus_opportunities"]] == ["point.B2", "point.B6", "point.B3"]


def test_station_sample() -> None:
    report, result = _run("station")
    # 附件3 示范站验收表:
    base = (
        3  # station.1 [3] true
        + 3 * 0.5  # station.2 [3] partial
        + 3  # station.3 [3] true
        + 3  # station.4 [3] true
        + 2  # station.5 [2] true
        + 3 * 0.5  # station.6 员工培训 [3] 部分
        + 2  # station.7 [2] true
        + 5  # station.8 接触留痕 [5] true
        + 0  # station.9 离职告知 [2] false
        + 2  # station.10 [2] true
        + 0  # station.11 离职检查 [2] unknown
        + 2  # station.12 [2] true
        + 2  # station.13 [2] true
        + 2 * 0.5  # station.14 系统安全防护 [2] partial
        + 2  # station.15 [2] true
        + 0  # station.16 加密与备份 [2] 否
        + 2 * 6  # station.17–22 [2 each] true
        + 8  # station.23 [8] true
        + 0  # station.24 [8] 协会: 培训 30% is not 超 30% -> not met
        + 8  # station.25 [8] 320 人次 >= 300
        + 8 * 0.5  # station.26 协助维权 [8] partial
        + 0  # station.27 [8] 2 次 < 不少于3次
        + 0  # station.28 [8] unknown
    )
    bonus = (
        5  # station.B1 [5] true
        + 0  # station.B2 [5] false
        + 0  # station.B3 [5] 不确定
        + min(20, 3 * 5)  # station.B4 [20] 3 起 × 5 分
        + 5 * 0.5  # station.B5 [5] partial
        + 0  # station.B6 [5] false
    )
    assert (base, bonus) == (62, 22.5)
    assert result.base == base
    assert result.bonus == bonus
    assert result.total == base + bonus == 84.5
    assert (report["base"], report["bonus"], report["total"]) == (62, 22.5, 84.5)

    # lost: station.24 8, station.27 8, station.26 4, station.9 2, station.16 2, station.2 1.5, ...
    gaps = [g["id"] for g in report["gaps"]]
    assert gaps[:3] == ["station.24", "station.27", "station.26"]
    assert gaps == [
        "station.24",
        "station.27",
        "station.26",
        "station.9",
        "station.16",
        "station.2",
        "station.6",
        "station.14",
    ]
    assert [u["id"] for u in report["unconfirmed"]] == ["station.11", "station.28", "station.B3"]
    # still to gain: B2 5, B4 20 - 15 = 5, B6 5, B5 2.5
    assert [b["id"] for b in report["bonus_opportunities"]] == ["station.B2", "station.B4", "station.B6", "station.B5"]


def test_zone_sample() -> None:
    report, result = _run("zone")
    # 附件2 示范区验收表:
    base = (
        5  # zone.1 [5] true
        + 5 * 0.5  # zone.2 [5] partial
        + 5  # zone.3 [5] true
        + 5 * 0.5  # zone.4 [5] 部分
        + 0  # zone.5 专项经费 [5] false
        + 5  # zone.6 [5] true
        + 0  # zone.7 [5] unknown
        + 5  # zone.8 [5] true
        + 5  # zone.9 [5] 是
        + 10  # zone.10 [10] true
        + 10 * 0.5  # zone.11 [10] partial
        + 5  # zone.12 [5] 500 人次: 不少于 500 includes 500
        + 0  # zone.13 经验分享 [10] false
        + 5  # zone.14 [5] true
        + 0  # zone.15 [10] 2 家 < 不少于 3 家
        + 5  # zone.16 无侵权事件 [5] true
    )
    bonus = (
        min(9, (3 - 1) * 3)  # zone.B1 [15] types: 3 类, 3 分 per 类 beyond the first, cap 9
        + min(6, (4 - 1) * 2)  # zone.B1 units: 4 家, 2 分 per 家 beyond the first, cap 6
        + 5  # zone.B2 [10] 全市前 15 名
        + 0  # zone.B3 [5] 不确定
        + min(15, 2 * 5)  # zone.B4 [15] 2 起 × 5 分
        + 0  # zone.B5 [10] false
        + 10 * 0.5  # zone.B6 [10] partial
    )
    assert (base, bonus) == (60, 32)
    assert result.base == base
    assert result.bonus == bonus
    assert result.total == base + bonus == 92
    assert (report["base"], report["bonus"], report["total"]) == (60, 32, 92)

    # lost: zone.13 10, zone.15 10, zone.5 5, zone.11 5, zone.2 2.5, zone.4 2.5
    gaps = [g["id"] for g in report["gaps"]]
    assert gaps[:3] == ["zone.13", "zone.15", "zone.5"]
    assert gaps == ["zone.13", "zone.15", "zone.5", "zone.11", "zone.2", "zone.4"]
    assert [u["id"] for u in report["unconfirmed"]] == ["zone.7", "zone.B3"]
    # still to gain: B5 10, B2 5, B4 5, B6 5, B1 3
    assert [b["id"] for b in report["bonus_opportunities"]] == ["zone.B5", "zone.B2", "zone.B4", "zone.B6", "zone.B1"]


@pytest.mark.parametrize("unit_type", ["point", "station", "zone"])
def test_examples_mix_every_kind_of_answer(unit_type: str) -> None:
    _, result = _run(unit_type)
    statuses = {c.status for c in result.criteria}
    assert statuses == {"met", "partial", "not_met", "unknown"}
    assert any(c.bonus and c.got > 0 for c in result.criteria)
    assert any(isinstance(c.answer, (int, float)) and not isinstance(c.answer, bool) for c in result.criteria)
