"""Gap report: what is missing, what it costs, what to do, what evidence to prepare.

``build_report`` turns a rubric and a score into plain data (the JSON contract);
the ``render_*`` functions turn that data into Markdown or a printable HTML page.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .rubric import Rubric
from .scoring import STATUS_LABELS, ScoreResult

DESENSITIZE = (
    "提交证明材料时，请对其中的敏感信息作脱敏处理（如涉密技术内容、客户名单、合同金额、员工身份证号和联系方式），"
    "只保留能证明措施已落实的部分。"
)


def _n(x: float) -> int | float:
    """Numbers as the contract shows them: 3 not 3.0, 1.5 stays 1.5."""
    return int(x) if float(x).is_integer() else round(float(x), 2)


def build_report(rubric: Rubric, result: ScoreResult, unit: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The full report as JSON-ready data; gaps sorted by points lost, largest first."""
    crit_by_id = {c.id: c for c in rubric.criteria}
    gaps: list[dict[str, Any]] = []
    unconfirmed: list[dict[str, Any]] = []
    opportunities: list[dict[str, Any]] = []
    for s in result.criteria:
        c = crit_by_id[s.id]
        if s.status == "unknown":
            unconfirmed.append(
                {"id": s.id, "short": c.short, "question": c.question, "max": _n(s.max), "bonus": c.bonus}
            )
            continue
        if s.lost <= 0:
            continue
        entry = {
            "id": s.id,
            "short": c.short,
            "indicator": c.indicator,
            "content": c.content,
            "standard": c.standard,
            "got": _n(s.got),
            "max": _n(s.max),
            "lost": _n(s.lost),
            "status": s.status,
            "status_label": STATUS_LABELS[s.status],
            "detail": s.detail,
            "measures": list(c.measures),
            "remediation": list(c.remediation),
            "evidence": list(c.evidence),
        }
        (opportunities if c.bonus else gaps).append(entry)
    order = {c.id: i for i, c in enumerate(rubric.criteria)}
    gaps.sort(key=lambda g: (-g["lost"], order[g["id"]]))
    opportunities.sort(key=lambda g: (-g["lost"], order[g["id"]]))
    return {
        "unit_type": result.unit_type,
        "unit_label": rubric.unit_label,
        "title": result.title,
        "rubric_version": result.rubric_version,
        "campaign": rubric.campaign,
        "unit": dict(unit or {}),
        "unit_labels": {f.key: f.label for f in rubric.form},
        "base": _n(result.base),
        "bonus": _n(result.bonus),
        "total": _n(result.total),
        "base_max": _n(result.base_max),
        "bonus_max": _n(result.bonus_max),
        "indicators": [
            {"name": i.name, "got": _n(i.got), "max": _n(i.max), "bonus": i.bonus} for i in result.indicators
        ],
        "criteria": [
            {
                "id": s.id,
                "short": s.short,
                "got": _n(s.got),
                "max": _n(s.max),
                "status": s.status,
                "answer": s.answer,
                "detail": s.detail,
            }
            for s in result.criteria
        ],
        "gaps": gaps,
        "unconfirmed": unconfirmed,
        "bonus_opportunities": opportunities,
        "scoring_notes": rubric.scoring.notes.strip(),
        "desensitize": DESENSITIZE,
    }


def write_private(path: Path, text: str) -> None:
    """Write a report readable by its owner only, from the first byte (reports reveal weaknesses)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its mode on O_CREAT: tighten it too
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


def render_json(report: Mapping[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def _measures_label(status: str) -> str:
    return "请逐项核对、补齐以下措施" if status == "partial" else "需要落实的措施"


def _bar(got: float, maximum: float, width: int = 20) -> str:
    filled = round(width * got / maximum) if maximum else 0
    return "█" * filled + "░" * (width - filled)


def render_markdown(report: Mapping[str, Any]) -> str:
    r = report
    out: list[str] = []
    name = r["unit"].get("name") or "（未填写单位名称）"
    out.append(f"# 商业秘密保护{r['unit_label']}自评差距报告")
    out.append("")
    out.append(f"- 单位：{name}")
    out.append(f"- 对照标准：{r['title']}（{r['rubric_version']} 版）")
    out.append(
        f"- **基本项 {r['base']} / {r['base_max']} 分，加分项 {r['bonus']} / {r['bonus_max']} 分，"
        f"总分 {r['total']} 分**"
    )
    out.append("")
    out.append("## 一、得分概况")
    out.append("")
    out.append("| 评价指标 | 得分 | 满分 | 得分情况 |")
    out.append("|---|---:|---:|---|")
    for i in r["indicators"]:
        out.append(f"| {i['name']} | {i['got']} | {i['max']} | `{_bar(i['got'], i['max'])}` |")
    out.append("")
    out.append("## 二、差距清单（按失分从多到少）")
    out.append("")
    if not r["gaps"]:
        out.append("基本项没有发现失分。")
    for n, g in enumerate(r["gaps"], 1):
        out.append(f"### {n}. {g['short']}（{g['id']}，{g['status_label']}，失 {g['lost']} 分）")
        out.append("")
        out.append(f"- 评价指标：{g['indicator']}{' / ' + g['content'] if g['content'] else ''}")
        out.append(f"- 评价标准：{g['standard']}")
        if g["detail"]:
            out.append(f"- 情况：{g['detail']}")
        out.append(f"- {_measures_label(g['status'])}：{'；'.join(g['measures'])}")
        out.append("- 怎么做：")
        out.extend(f"  {k}. {step}" for k, step in enumerate(g["remediation"], 1))
        out.append(f"- 准备的证明材料：{'；'.join(g['evidence'])}")
        out.append("")
    out.append("## 三、待确认事项")
    out.append("")
    if not r["unconfirmed"]:
        out.append("没有待确认事项。")
    for u in r["unconfirmed"]:
        out.append(f"- {u['short']}（{u['id']}，{u['max']} 分）：{u['question']}")
    out.append("")
    out.append("## 四、尚未取得的加分项")
    out.append("")
    if not r["bonus_opportunities"]:
        out.append("加分项已全部取得或待确认。")
    for b in r["bonus_opportunities"]:
        out.append(f"- **{b['short']}**（{b['id']}，还可得 {b['lost']} 分）：{b['standard']}")
        out.append(f"  - 怎么做：{'；'.join(b['remediation'])}")
        out.append(f"  - 证明材料：{'；'.join(b['evidence'])}")
    out.append("")
    out.append("## 五、提醒")
    out.append("")
    out.append(f"- {r['desensitize']}")
    out.append("- 本报告为自评结果，最终以区市场监管局验收评定为准。")
    out.append("")
    out.append("## 附：评分口径")
    out.append("")
    out.append(r["scoring_notes"])
    out.append("")
    return "\n".join(out)


_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
 color:#1a1a1a;max-width:900px;margin:24px auto;padding:0 16px;line-height:1.6;font-size:14px}
h1{font-size:22px;text-align:center;margin-bottom:4px}
h2{font-size:17px;border-bottom:2px solid #b22;padding-bottom:2px;margin-top:28px}
h3{font-size:15px;margin:16px 0 4px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f1f1f1}
td.num{text-align:right;white-space:nowrap}
.summary{display:flex;gap:12px;justify-content:center;margin:12px 0}
.summary div{border:1px solid #999;padding:8px 16px;text-align:center}
.summary b{display:block;font-size:22px}
.bar{background:#eee;height:12px;width:100%;position:relative}
.bar span{display:block;height:12px;background:#2a6fb0}
.bar.bonus span{background:#3a9a5a}
.gap{border:1px solid #ccc;padding:6px 10px;margin:8px 0;page-break-inside:avoid}
.tag{display:inline-block;padding:0 6px;border-radius:3px;background:#fbe3e3;color:#a11;font-size:12px}
.tag.partial{background:#fff2d6;color:#8a5a00}
.note{background:#fff8e6;border-left:4px solid #e0a800;padding:6px 10px}
.sign{margin-top:36px;display:flex;justify-content:space-between}
.muted{color:#666;font-size:12px}
@media print{body{margin:0;max-width:none;font-size:12px;-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{page-break-after:avoid}
 .noprint{display:none}@page{size:A4;margin:16mm}}
"""


def render_html(report: Mapping[str, Any], generated: str | None = None) -> str:
    """A self-contained page (inline CSS, no scripts, no external assets) that prints on A4."""
    r = report
    e = html.escape

    def li(items: list[str]) -> str:
        return "".join(f"<li>{e(x)}</li>" for x in items)

    unit_rows = "".join(
        f"<tr><th>{e(r.get('unit_labels', {}).get(k, k))}</th><td>{e(str(v))}</td></tr>"
        for k, v in r["unit"].items()
        if k != "name" and v not in (None, "")  # the name has its own first row
    )
    ind_rows = ""
    for i in r["indicators"]:
        pct = 100 * i["got"] / i["max"] if i["max"] else 0
        cls = "bar bonus" if i["bonus"] else "bar"
        ind_rows += (
            f"<tr><td>{e(i['name'])}</td><td class=num>{i['got']}</td><td class=num>{i['max']}</td>"
            f"<td style='width:40%'><div class='{cls}' role=img aria-label='{i['got']} / {i['max']}'>"
            f"<span style='width:{pct:.0f}%'></span></div></td></tr>"
        )
    gaps = ""
    for n, g in enumerate(r["gaps"], 1):
        tag = "tag partial" if g["status"] == "partial" else "tag"
        gaps += (
            f"<div class=gap><h3>{n}. {e(g['short'])} <span class=muted>{e(g['id'])}</span> "
            f"<span class='{tag}'>{e(g['status_label'])}，失 {g['lost']} 分</span></h3>"
            f"<p><b>评价标准：</b>{e(g['standard'])}</p>"
            + (f"<p><b>情况：</b>{e(g['detail'])}</p>" if g["detail"] else "")
            + f"<p><b>{_measures_label(g['status'])}：</b></p><ul>{li(g['measures'])}</ul>"
            f"<p><b>怎么做：</b></p><ol>{li(g['remediation'])}</ol>"
            f"<p><b>准备的证明材料：</b></p><ul>{li(g['evidence'])}</ul></div>"
        )
    if not gaps:
        gaps = "<p>基本项没有发现失分。</p>"
    unconfirmed = "".join(
        f"<tr><td>{e(u['id'])}</td><td>{e(u['short'])}</td><td>{e(u['question'])}</td><td class=num>{u['max']}</td></tr>"
        for u in r["unconfirmed"]
    )
    unconfirmed_html = (
        f"<table><tr><th>编号</th><th>项目</th><th>需要确认的问题</th><th>分值</th></tr>{unconfirmed}</table>"
        if unconfirmed
        else "<p>没有待确认事项。</p>"
    )
    bonus = "".join(
        f"<tr><td>{e(b['short'])}<div class=muted>{e(b['id'])}</div></td><td>{e(b['standard'])}</td>"
        f"<td class=num>{b['lost']}</td><td><ol>{li(b['remediation'])}</ol></td></tr>"
        for b in r["bonus_opportunities"]
    )
    bonus_html = (
        f"<table><tr><th>项目</th><th>评价标准</th><th>还可得</th><th>怎么做</th></tr>{bonus}</table>"
        if bonus
        else "<p>加分项已全部取得或待确认。</p>"
    )
    name = r["unit"].get("name") or "（未填写单位名称）"
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(name)} — 商业秘密保护{e(r["unit_label"])}自评差距报告</title>
<style>{_CSS}</style></head>
<body>
<h1>商业秘密保护{e(r["unit_label"])}自评差距报告</h1>
<p style="text-align:center" class=muted>对照《{e(r["title"])}》（{e(r["rubric_version"])} 版） · {e(r["campaign"])}{
        " · 生成于 " + e(generated) if generated else ""
    }</p>
<div class=summary>
<div>基本项<b>{r["base"]}</b>满分 {r["base_max"]}</div>
<div>加分项<b>{r["bonus"]}</b>上限 {r["bonus_max"]}</div>
<div>总分<b>{r["total"]}</b>&nbsp;</div>
</div>
<h2>申报单位</h2>
<table><tr><th style="width:25%">单位名称</th><td>{e(str(name))}</td></tr>{unit_rows}</table>
<h2>一、得分概况</h2>
<table><tr><th>评价指标</th><th>得分</th><th>满分</th><th>得分情况</th></tr>{ind_rows}</table>
<h2>二、差距清单（按失分从多到少）</h2>
{gaps}
<h2>三、待确认事项</h2>
{unconfirmed_html}
<h2>四、尚未取得的加分项</h2>
{bonus_html}
<h2>五、提醒</h2>
<p class=note>{e(r["desensitize"])}</p>
<p>本报告为自评结果，最终以区市场监管局验收评定为准。</p>
<h2>附：评分口径</h2>
<p style="white-space:pre-line">{e(r["scoring_notes"])}</p>
<div class=sign><span>市场所推荐意见：</span><span>负责人（签字）：　　　　　</span><span>年　　月　　日</span></div>
</body></html>
"""
