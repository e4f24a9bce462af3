"""The three acceptance tables (附件2–4) as data: shape, fidelity to the notice, validation errors."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from bot.rubric import (
    AlternativesRule,
    BooleanRule,
    PerCountRule,
    Rubric,
    RubricError,
    ThresholdRule,
    TierRule,
    TwoPartRule,
    load_rubric,
    load_rubric_file,
    parse_rubric,
)

ROOT = Path(__file__).resolve().parent.parent
RUBRICS = ROOT / "rubrics"
SEED_PATH = ROOT / "docs" / "seed" / "notice-2023-33.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")

# unit type -> (附件 number, base rows, base points, bonus rows, bonus points)
SHAPE = {
    "point": ("4", 43, 100, 7, 35),
    "station": ("3", 28, 100, 6, 45),
    "zone": ("2", 16, 100, 6, 65),
}
TYPES = sorted(SHAPE)
# Loaded once (rubrics are frozen models); the loader itself is exercised below.
R = {t: load_rubric(t, RUBRICS) for t in TYPES}


@pytest.fixture(autouse=True)
def _repo_rubrics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHANGMI_RUBRICS", raising=False)


def _seed_table(unit_type: str) -> str:
    """The text of one 附件 (from its "附件 N" heading to the next heading or the end)."""
    number = SHAPE[unit_type][0]
    parts = re.split(r"^附件 (\d)$", SEED, flags=re.M)
    sections = {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}
    return sections[number]


def _seed_rows(unit_type: str) -> list[list[str]]:
    """Table rows of one 附件: tab-separated lines that have a `N分` / `N 分` cell."""
    rows = []
    for line in _seed_table(unit_type).splitlines():
        cells = line.split("\t")
        if any(re.fullmatch(r"\d+\s*分", c.strip()) for c in cells):
            rows.append(cells)
    return rows


# ── shape ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("unit_type", TYPES)
def test_row_counts_and_point_sums(unit_type: str) -> None:
    _, base_n, base_pts, bonus_n, bonus_pts = SHAPE[unit_type]
    r = R[unit_type]
    assert r.unit_type == unit_type
    assert len(r.base_criteria) == base_n
    assert len(r.bonus_criteria) == bonus_n
    assert sum(c.points for c in r.base_criteria) == base_pts
    assert sum(c.points for c in r.bonus_criteria) == bonus_pts
    assert r.base_max == base_pts
    assert r.bonus_max == bonus_pts
    assert r.scoring.partial_ratio == 0.5


@pytest.mark.parametrize("unit_type", TYPES)
def test_ids_follow_table_order(unit_type: str) -> None:
    _, base_n, _, bonus_n, _ = SHAPE[unit_type]
    r = R[unit_type]
    expected = [f"{unit_type}.{n}" for n in range(1, base_n + 1)] + [f"{unit_type}.B{n}" for n in range(1, bonus_n + 1)]
    assert [c.id for c in r.criteria] == expected
    assert all(not c.bonus for c in r.criteria[:base_n])
    assert all(c.bonus for c in r.criteria[base_n:])


@pytest.mark.parametrize("unit_type", TYPES)
def test_same_number_of_rows_as_the_seed_table(unit_type: str) -> None:
    assert len(_seed_rows(unit_type)) == len(R[unit_type].criteria)


@pytest.mark.parametrize("unit_type", TYPES)
def test_standards_are_verbatim_from_the_notice(unit_type: str) -> None:
    r = R[unit_type]
    missing = [c.id for c in r.criteria if c.standard not in SEED]
    assert missing == []


def test_seed_quirks_are_kept_raw() -> None:
    """No normalisation: the notice's own spacing and half-width punctuation survive."""
    zone = R["zone"]
    assert "不少于 500 人次" in zone.get("zone.12").standard
    assert "不少于 3 家" in zone.get("zone.15").standard
    station = R["station"]
    assert "不少于300人次" in station.get("station.25").standard
    assert "超总数的30%以上,成员单位" in station.get("station.24").standard
    assert "专(兼)职" in station.get("station.2").standard
    assert "专（兼）职" in zone.get("zone.2").standard


@pytest.mark.parametrize("unit_type", TYPES)
def test_points_match_the_seed_row(unit_type: str) -> None:
    """Each standard is exactly one cell of one row of its 附件; the next cell is its 分值."""
    rows = _seed_rows(unit_type)
    wrong = []
    for c in R[unit_type].criteria:
        matching = [cells for cells in rows if c.standard in cells]
        assert len(matching) == 1, f"{c.id}: standard found in {len(matching)} rows of 附件"
        cells = matching[0]
        after = [x.strip() for x in cells[cells.index(c.standard) + 1 :] if x.strip()]
        m = re.fullmatch(r"(\d+)\s*分", after[0])
        assert m, f"{c.id}: no 分值 cell after the standard: {after!r}"
        if int(m.group(1)) != c.points:
            wrong.append((c.id, c.points, int(m.group(1))))
    assert wrong == []


@pytest.mark.parametrize("unit_type", TYPES)
def test_rows_are_in_seed_order(unit_type: str) -> None:
    table = _seed_table(unit_type)
    positions = [table.index(c.standard) for c in R[unit_type].criteria]
    assert positions == sorted(positions)


@pytest.mark.parametrize("unit_type", TYPES)
def test_indicators_match_the_seed(unit_type: str) -> None:
    """The 评价指标 column: every indicator name appears in the table of its 附件."""
    r = R[unit_type]
    table = _seed_table(unit_type)
    for ind in r.indicators:
        assert ind.name in table
    assert [c.indicator for c in r.bonus_criteria] == ["加分项"] * len(r.bonus_criteria)


@pytest.mark.parametrize("unit_type", TYPES)
def test_short_names_unique(unit_type: str) -> None:
    shorts = [c.short for c in R[unit_type].criteria]
    assert len(shorts) == len(set(shorts)), [s for s in shorts if shorts.count(s) > 1]


@pytest.mark.parametrize("unit_type", TYPES)
def test_every_row_has_guidance(unit_type: str) -> None:
    for c in R[unit_type].criteria:
        assert c.question.strip() and c.explain.strip()
        assert c.measures and c.evidence and c.remediation


@pytest.mark.parametrize("alias", ["示范区", "园区", "ZONE", " zone "])
def test_unit_type_aliases(alias: str) -> None:
    assert load_rubric(alias).unit_type == "zone"


def test_unknown_unit_type() -> None:
    with pytest.raises(ValueError, match="unknown unit type"):
        load_rubric("示范市")


# ── the specific rules ─────────────────────────────────────────────────────────


def test_zone_rules() -> None:
    z = R["zone"]
    r12 = z.get("zone.12").rule
    assert isinstance(r12, ThresholdRule)
    assert (r12.minimum, r12.strict, r12.unit) == (500, False, "人次")
    r15 = z.get("zone.15").rule
    assert isinstance(r15, ThresholdRule)
    assert (r15.minimum, r15.strict) == (3, False)

    b1 = z.get("zone.B1").rule
    assert isinstance(b1, TwoPartRule)
    parts = {p.key: (p.per, p.cap, p.baseline) for p in b1.parts}
    assert parts == {"types": (3, 9, 1), "units": (2, 6, 1)}
    assert z.get("zone.B1").points == 15

    b2 = z.get("zone.B2").rule
    assert isinstance(b2, TierRule)
    assert [(t.name, t.points) for t in b2.tiers] == [("national", 10), ("city", 5), ("district", 3)]

    b4 = z.get("zone.B4").rule
    assert isinstance(b4, PerCountRule)
    assert (b4.per, b4.cap) == (5, 15)

    assert z.get("zone.16").polarity == "absence"
    others = {"zone.12", "zone.15", "zone.B1", "zone.B2", "zone.B4"}
    assert all(isinstance(c.rule, BooleanRule) for c in z.criteria if c.id not in others)


def test_station_rules() -> None:
    s = R["station"]
    r24 = s.get("station.24").rule
    assert isinstance(r24, AlternativesRule)
    groups = {g.name: {k.key: (k.minimum, k.strict) for k in g.conditions} for g in r24.groups}
    assert groups == {
        "association": {"trained_ratio": (30, True), "active_ratio": (30, True)},
        "service": {"clients": (5, False)},
    }
    r25 = s.get("station.25").rule
    assert isinstance(r25, ThresholdRule)
    assert (r25.minimum, r25.strict) == (300, False)
    r27 = s.get("station.27").rule
    assert isinstance(r27, ThresholdRule)
    assert (r27.minimum, r27.strict) == (3, False)
    b4 = s.get("station.B4").rule
    assert isinstance(b4, PerCountRule)
    assert (b4.per, b4.cap) == (5, 20)
    others = {"station.24", "station.25", "station.27", "station.B4"}
    assert all(isinstance(c.rule, BooleanRule) for c in s.criteria if c.id not in others)


def test_point_rules() -> None:
    p = R["point"]
    r42 = p.get("point.42").rule
    assert isinstance(r42, ThresholdRule)
    assert (r42.minimum, r42.strict) == (2, False)
    # 附件4 gives 成功协助立案… a flat 5 分 (no 每一起): a plain yes/no here.
    assert isinstance(p.get("point.B4").rule, BooleanRule)
    assert all(isinstance(c.rule, BooleanRule) for c in p.criteria if c.id != "point.42")


# ── validation errors ──────────────────────────────────────────────────────────


def _raw(unit_type: str) -> dict:
    return yaml.load((RUBRICS / f"{unit_type}.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _index(raw: dict, criterion_id: str) -> int:
    return next(i for i, c in enumerate(raw["criteria"]) if c["id"] == criterion_id)


def _write(tmp_path: Path, raw: dict, name: str = "broken.yml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(RubricError) as info:
        load_rubric_file(path)
    err = info.value
    message = str(err)
    assert len(err.problems) == 1, message
    assert "\n" not in message
    assert "Traceback" not in message
    assert "pydantic" not in message.lower()
    assert "errors.pydantic.dev" not in message
    assert message.startswith(f"{path}: ")
    return message


def test_original_files_load(tmp_path: Path) -> None:
    for unit_type in TYPES:
        src = RUBRICS / f"{unit_type}.yml"
        copy_path = tmp_path / src.name
        copy_path.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        assert isinstance(load_rubric_file(copy_path), Rubric)


def test_safe_dump_round_trip_loads(tmp_path: Path) -> None:
    """The helper that writes broken copies does not break anything by itself."""
    assert load_rubric_file(_write(tmp_path, _raw("point"))).unit_type == "point"


def test_error_duplicate_id(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.8")]["id"] = "point.7"
    msg = _error(_write(tmp_path, raw))
    assert "point.7" in msg
    assert "duplicate" in msg


def test_error_duplicate_id_names_criterion_and_field(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.8")]["id"] = "point.7"
    msg = _error(_write(tmp_path, raw))
    assert "criterion point.7" in msg
    assert "field id" in msg


def test_error_base_points_not_100(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.7")]["points"] = 3  # 2 in the table
    msg = _error(_write(tmp_path, raw))
    assert "base_max" in msg
    assert "101" in msg
    assert "100" in msg


def test_error_bonus_points_not_matching(tmp_path: Path) -> None:
    raw = _raw("station")
    raw["criteria"][_index(raw, "station.B1")]["points"] = 6
    msg = _error(_write(tmp_path, raw))
    assert "bonus_max" in msg
    assert "46" in msg


def test_error_missing_question(tmp_path: Path) -> None:
    raw = _raw("point")
    del raw["criteria"][_index(raw, "point.7")]["question"]
    msg = _error(_write(tmp_path, raw))
    assert "criterion point.7" in msg
    assert "question" in msg
    assert "missing" in msg


def test_error_empty_standard(tmp_path: Path) -> None:
    raw = _raw("station")
    raw["criteria"][_index(raw, "station.12")]["standard"] = ""
    msg = _error(_write(tmp_path, raw))
    assert "criterion station.12" in msg
    assert "standard" in msg


def test_error_per_count_cap_differs_from_points(tmp_path: Path) -> None:
    raw = _raw("zone")
    raw["criteria"][_index(raw, "zone.B4")]["rule"]["cap"] = 10
    msg = _error(_write(tmp_path, raw))
    assert "criterion zone.B4" in msg
    assert "cap" in msg
    assert "points" in msg


def test_error_two_part_caps_differ_from_points(tmp_path: Path) -> None:
    raw = _raw("zone")
    raw["criteria"][_index(raw, "zone.B1")]["rule"]["parts"][0]["cap"] = 6
    msg = _error(_write(tmp_path, raw))
    assert "criterion zone.B1" in msg
    assert "cap" in msg


def test_error_bad_number_in_rule(tmp_path: Path) -> None:
    raw = _raw("zone")
    raw["criteria"][_index(raw, "zone.12")]["rule"]["minimum"] = "五百"
    msg = _error(_write(tmp_path, raw))
    assert "criterion zone.12" in msg
    assert "rule.minimum" in msg


def test_error_invalid_yaml(tmp_path: Path) -> None:
    text = (RUBRICS / "point.yml").read_text(encoding="utf-8")
    broken = text.replace("  short: 入职背调", "  short: [入职背调", 1)
    assert broken != text
    path = tmp_path / "broken.yml"
    path.write_text(broken, encoding="utf-8")
    msg = _error(path)
    assert "invalid YAML" in msg
    assert re.search(r"line \d+, column \d+", msg)


def test_error_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    assert "mapping" in _error(path)


def test_error_missing_file(tmp_path: Path) -> None:
    msg = _error(tmp_path / "nope.yml")
    assert "cannot read" in msg


def test_error_unknown_field_in_criterion(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.7")]["pionts"] = 2
    msg = _error(_write(tmp_path, raw))
    assert "criterion point.7" in msg
    assert "pionts" in msg


def test_error_unknown_top_level_field(tmp_path: Path) -> None:
    raw = _raw("zone")
    raw["bonus_cap"] = 65
    msg = _error(_write(tmp_path, raw))
    assert "bonus_cap" in msg


def test_error_undeclared_indicator(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.7")]["indicator"] = "人事管理"
    msg = _error(_write(tmp_path, raw))
    assert "criterion point.7" in msg
    assert "indicator" in msg
    assert "人事管理" in msg


def test_error_ids_out_of_order(tmp_path: Path) -> None:
    raw = _raw("station")
    i, j = _index(raw, "station.5"), _index(raw, "station.6")
    raw["criteria"][i]["id"], raw["criteria"][j]["id"] = "station.6", "station.5"
    msg = _error(_write(tmp_path, raw))
    assert "criterion station.6" in msg
    assert "field id" in msg


def test_error_unknown_rule_kind(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.42")]["rule"]["kind"] = "range"
    msg = _error(_write(tmp_path, raw))
    assert "criterion point.42" in msg
    assert "rule" in msg


def test_parse_rubric_in_memory_names_the_source() -> None:
    raw = copy.deepcopy(_raw("zone"))
    del raw["criteria"][0]["explain"]
    with pytest.raises(RubricError) as info:
        parse_rubric(raw, "memo.yml")
    assert str(info.value) == "memo.yml: criterion zone.1: field explain: is required but missing"


def test_load_rubric_checks_unit_type(tmp_path: Path) -> None:
    (tmp_path / "zone.yml").write_text((RUBRICS / "point.yml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RubricError, match="unit_type"):
        load_rubric("zone", tmp_path)


def test_error_base_points_names_the_field_cleanly(tmp_path: Path) -> None:
    raw = _raw("point")
    raw["criteria"][_index(raw, "point.7")]["points"] = 3
    msg = _error(_write(tmp_path, raw))
    assert "field base_max:" in msg
    assert "(file)" not in msg
