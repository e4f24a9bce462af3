"""Gap report: Markdown, printable HTML and the JSON contract."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bot.answers import load_answers
from bot.report import DESENSITIZE, build_report, render_html, render_json, render_markdown
from bot.rubric import BooleanRule, Rubric, load_rubric
from bot.scoring import score

ROOT = Path(__file__).resolve().parent.parent
RUBRICS = ROOT / "rubrics"
TABLES: dict[str, Rubric] = {t: load_rubric(t, RUBRICS) for t in ("zone", "station", "point")}


def sample_report(unit_type: str = "point", **unit: Any) -> dict[str, Any]:
    rubric = TABLES[unit_type]
    af = load_answers(ROOT / "examples" / f"{unit_type}-sample.yml")
    return build_report(rubric, score(rubric, af.answers), {**af.unit, **unit})


def full_marks_report() -> dict[str, Any]:
    rubric = TABLES["point"]
    answers: dict[str, Any] = {c.id: True for c in rubric.criteria if isinstance(c.rule, BooleanRule)}
    answers["point.42"] = 2
    return build_report(rubric, score(rubric, answers), {"name": "满分公司"})


# ── build_report / JSON ────────────────────────────────────────────────────────


@pytest.mark.parametrize("unit_type", ["point", "station", "zone"])
def test_json_gaps_sorted_by_lost(unit_type: str) -> None:
    data = json.loads(render_json(sample_report(unit_type)))
    order = {c.id: i for i, c in enumerate(TABLES[unit_type].criteria)}
    for key in ("gaps", "bonus_opportunities"):
        keys = [(-g["lost"], order[g["id"]]) for g in data[key]]
        assert keys == sorted(keys)
        assert data[key], key
    assert all(not g["id"].split(".")[1].startswith("B") for g in data["gaps"])
    assert all(g["id"].split(".")[1].startswith("B") for g in data["bonus_opportunities"])
    assert all(g["lost"] == g["max"] - g["got"] > 0 for g in data["gaps"])
    assert {g["status"] for g in data["gaps"]} <= {"partial", "not_met"}


def test_json_contract() -> None:
    text = render_json(sample_report("point"))
    assert "\\u" not in text  # Chinese kept readable
    data = json.loads(text)
    for key in (
        "unit_type",
        "unit_label",
        "title",
        "rubric_version",
        "campaign",
        "unit",
        "base",
        "bonus",
        "total",
        "base_max",
        "bonus_max",
        "indicators",
        "criteria",
        "gaps",
        "unconfirmed",
        "bonus_opportunities",
        "scoring_notes",
        "desensitize",
    ):
        assert key in data
    assert (data["base"], data["bonus"], data["total"]) == (73, 12.5, 85.5)
    assert isinstance(data["base"], int) and isinstance(data["base_max"], int)
    assert data["unit"]["name"] == "云栖精密仪器（上海）有限公司"
    assert len(data["criteria"]) == 50
    gap = data["gaps"][0]
    assert gap["id"] == "point.42"
    assert gap["lost"] == 5 and gap["status_label"] == "未做到"
    assert "1次" in gap["detail"]
    for key in ("standard", "measures", "remediation", "evidence", "indicator", "short"):
        assert gap[key]
    half = next(g for g in data["gaps"] if g["id"] == "point.13")
    assert (half["got"], half["lost"], half["status_label"]) == (2.5, 2.5, "部分做到")
    assert [u["id"] for u in data["unconfirmed"]] == ["point.6", "point.19", "point.37", "point.B4", "point.B7"]
    assert all(u["question"] for u in data["unconfirmed"])
    assert data["desensitize"] == DESENSITIZE


def test_unknowns_are_not_gaps() -> None:
    data = sample_report("station")
    gap_ids = {g["id"] for g in data["gaps"] + data["bonus_opportunities"]}
    unconfirmed = {u["id"] for u in data["unconfirmed"]}
    assert gap_ids.isdisjoint(unconfirmed)
    met = {c["id"] for c in data["criteria"] if c["status"] == "met"}
    assert met.isdisjoint(gap_ids | unconfirmed)


# ── Markdown ───────────────────────────────────────────────────────────────────


def test_markdown_summary_line() -> None:
    md = render_markdown(sample_report("point"))
    assert "- **基本项 73 / 100 分，加分项 12.5 / 35 分，总分 85.5 分**" in md
    assert md.startswith("# 商业秘密保护示范点自评差距报告")
    assert "- 单位：云栖精密仪器（上海）有限公司" in md
    assert "区级商业秘密保护示范点验收表（2023 版）" in md


def test_markdown_gaps_sorted() -> None:
    md = render_markdown(sample_report("point"))
    section = md.split("## 二、差距清单")[1].split("## 三、")[0]
    headings = re.findall(r"^### (\d+)\. .*?（(point\.\d+)，.*?，失 ([\d.]+) 分）$", section, flags=re.M)
    assert [h[1] for h in headings][:3] == ["point.42", "point.5", "point.16"]
    assert [int(h[0]) for h in headings] == list(range(1, len(headings) + 1))
    lost = [float(h[2]) for h in headings]
    assert lost == sorted(lost, reverse=True)
    assert "### 1. 内部检查（point.42，未做到，失 5 分）" in section
    assert "部分做到" in section
    assert "- 准备的证明材料：" in section and "- 怎么做：" in section


def test_markdown_unconfirmed_section() -> None:
    md = render_markdown(sample_report("point"))
    section = md.split("## 三、待确认事项")[1].split("## 四、")[0]
    ids = re.findall(r"（(point\.B?\d+)，\d+ 分）", section)
    assert ids == ["point.6", "point.19", "point.37", "point.B4", "point.B7"]
    assert TABLES["point"].get("point.37").question in section


def test_markdown_bonus_opportunities() -> None:
    md = render_markdown(sample_report("zone"))
    section = md.split("## 四、尚未取得的加分项")[1].split("## 五、")[0]
    ids = re.findall(r"（(zone\.B\d)，还可得 ([\d.]+) 分）", section)
    assert ids == [("zone.B5", "10"), ("zone.B2", "5"), ("zone.B4", "5"), ("zone.B6", "5"), ("zone.B1", "3")]
    assert TABLES["zone"].get("zone.B5").standard in section


def test_markdown_reminders() -> None:
    md = render_markdown(sample_report("station"))
    section = md.split("## 五、提醒")[1]
    assert "脱敏" in section
    assert DESENSITIZE in section
    assert "最终以区市场监管局验收评定为准" in section
    assert "评分口径" in md and "partial_ratio" in md


def test_markdown_empty_sections() -> None:
    md = render_markdown(full_marks_report())
    assert "基本项没有发现失分。" in md
    assert "没有待确认事项。" in md
    assert "加分项已全部取得或待确认。" in md
    assert "总分 135 分" in md


def test_markdown_without_unit_name() -> None:
    rubric = TABLES["zone"]
    md = render_markdown(build_report(rubric, score(rubric, {})))
    assert "- 单位：（未填写单位名称）" in md
    assert "- **基本项 0 / 100 分，加分项 0 / 65 分，总分 0 分**" in md


# ── HTML ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("unit_type", ["point", "station", "zone"])
def test_html_self_contained(unit_type: str) -> None:
    page = render_html(sample_report(unit_type))
    low = page.lower()
    assert low.startswith("<!doctype html>")
    assert "<script" not in low
    assert "http://" not in low and "https://" not in low
    assert "<link" not in low and "src=" not in low and "url(" not in low and "@import" not in low
    assert "@media print" in page
    assert "<style>" in page
    assert '<meta charset="utf-8">' in page
    assert "脱敏" in page
    assert page.rstrip().endswith("</html>")


def test_html_content() -> None:
    page = render_html(sample_report("point"))
    assert "<b>73</b>" in page and "<b>12.5</b>" in page and "<b>85.5</b>" in page
    first = page.index("point.42</span>")
    assert first < page.index("point.5</span>") < page.index("point.16</span>")
    assert "三、待确认事项" in page and "<td>point.37</td>" in page
    assert "四、尚未取得的加分项" in page and "point.B2" in page


def test_html_escapes_unit_fields() -> None:
    page = render_html(sample_report("point", name="<b>&", contact="<script>alert(1)</script>"))
    assert "&lt;b&gt;&amp;" in page
    assert "<b>&" not in page
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>&lt;b&gt;&amp; — " in page


def test_html_name_row_once() -> None:
    page = render_html(sample_report("zone"))
    assert page.count("松江云谷智造产业园") == 2  # <title> and the 单位名称 row
    assert page.count("单位名称") == 1
    assert "<th>园区类型</th><td>科技企业孵化器</td>" in page


def test_html_empty_sections() -> None:
    page = render_html(full_marks_report())
    assert "基本项没有发现失分。" in page
    assert "没有待确认事项。" in page
    assert "加分项已全部取得或待确认。" in page
