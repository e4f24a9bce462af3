"""Members reached in batches: 第一批12家、第二批10家，有3家两批都来了 = 19 members, not 22 and not 10.

An association's share criterion (station.24) counts member units once each. People tell the count as
the batches they ran, with or without a word on the units that came to more than one; this module finds
such a run of batch figures for one condition and says what they come to: the sum when the batches are
said to be distinct, the sum less the overlap said, the deduplicated count when one is said, and the
interval from the biggest batch to the sum when nothing is said about overlap (the caller asks only when
that interval straddles the threshold). Pure: text and figures in, a verdict out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .quantity import Found

# words that mark figures as batches of one activity rather than different things
_BATCH_MARK = re.compile(
    r"第[一二三四五六\d]+(?:批|期|场|次|轮)|[一二三四\d](?:期|批)|[上下]半年|线上|线下|\d{4}\s*年|去年|今年|"
    r"\d+\s*月|又|分别|每(?:期|场|批|次)|两(?:批|期|场|次)|[三四](?:批|期|场)"
)
_DISTINCT = re.compile(
    r"没有?重复|不重复|无重复|都是不同的|是不同的|各不相同|不是同一批|都是新(?:来|加入)?的|都是新会员|(?:都是)?新面孔|没有一家重复|互不重复"
)
_DEDUPED = re.compile(r"去重(?:以?后|之后|下来|后)?[^,，。;；\d]{0,8}?(\d+)\s*家")
_OVERLAP = re.compile(
    r"(\d+)\s*家[^,，。;；\d]{0,8}?(?:(?:两|三|几|每|[2-9])(?:批|期|场|次|回)都|也来过|也参加过|也来了|"
    r"(?:来|参加)了?(?:两|三|[2-9])(?:批|期|场|次)|重复|(?:也|已经|之前|以前|前面|去年|上次)(?:来过|参加过))|"
    r"(?:两|三|几|[2-9])(?:批|期|场|次)都(?:来|参加|参与)(?:过|了)?的(?:有|是|共)?\s*(\d+)\s*家"
)
_UNSAID = re.compile(
    r"可能有重复|有没有重复|是否重复|不(?:清楚|确定|知道)[^,，。;；]{0,4}重复|没(?:有)?(?:统计|去重)|"
    r"基本(?:上)?(?:还)?是[^,，。;；]{0,8}(?:那批|那几家|同一批|那些|老面孔)|都是那(?:\d+|几|十几)家"
)
_PERIODS = re.compile(r"(?<![\d第每])(\d+)\s*(?:期|场|批|次)")
_TOTAL_FIRST = re.compile(
    r"(?:^|[,，。;；:：\s])(?:我们|协会|商会|学会|联盟)?(?:的)?(?:会员|成员)(?:单位)?(?:总数|一共|共有|总共|共|在册)?(?:是|有)?\s*$"
)


def _figure(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


def _figure_at(m: re.Match[str]) -> int:
    return next(m.start(i) for i, g in enumerate(m.groups(), 1) if g is not None)


@dataclass(frozen=True)
class Batches:
    """What a run of batch figures comes to, and which figures it used (to be read no further)."""

    low: float
    high: float
    used: tuple[Found, ...]


def batches_of(t: str, found: Sequence[Found], cues: Sequence[str], other_cues: Sequence[str]) -> Batches | None:
    """The members a condition's batches reached, when its figures are told as batches (two or more)."""
    start = min((t.find(c) for c in cues if c in t), default=-1)
    if start < 0:
        return None
    start = max(t.rfind(p, 0, start) for p in "，,。;；") + 1
    ends = [m.start() for c in other_cues for m in re.finditer(re.escape(c), t) if m.start() > start]
    end = len(t)
    for e in sorted(ends):  # the segment ends at the clause that names another figure
        clause_start = max(t.rfind(p, 0, e) for p in "，,。;；") + 1
        if clause_start > start:
            end = clause_start
            break
    segment = t[start:end]
    if not _BATCH_MARK.search(segment) or re.search(
        r"(?<!会员)(?<!成员)(?<!单位)(?:一共|总共|合计|加起来|总计)[^,，。;；\d]{0,4}\d", segment
    ):
        return None  # 又培训了20家，一共60家: the total is said, read as said
    said_about = [m for rx in (_DEDUPED, _OVERLAP) for m in rx.finditer(t)]
    told = [
        f
        for f in found
        if start <= f.start < end
        and f.unit in ("家", "")
        and f.quantity.relation == "eq"
        and not _TOTAL_FIRST.search(t[: f.start])
        and not re.search(r"(?:那|这)(?:些)?\s*$", f.before)  # 线上那10家里有5家线下也来过: the batch named again
        and not any(_figure_at(m) == f.start for m in said_about)
    ]
    each = [f for f in told if re.search(r"每(?:期|场|批|次)(?:来了?|有|都是)?\s*$", f.before)]
    if len(told) == 1 and each:  # 办了两期每期8家
        periods = [int(m.group(1)) for m in _PERIODS.finditer(segment) if m.start() + start < each[0].start]
        if len(periods) != 1 or periods[0] < 2:
            return None
        sizes = [each[0].quantity.value] * periods[0]
    elif len(told) >= 2 and not each:
        sizes = [f.quantity.value for f in told]
    else:
        return None
    used = tuple(f for f in found if f in told or any(_figure_at(m) == f.start for m in said_about))
    total = sum(sizes)
    if (deduped := _DEDUPED.search(t)) is not None:
        n = float(deduped.group(1))
        return Batches(n, n, used) if max(sizes) <= n <= total else None
    overlaps = list(_OVERLAP.finditer(t))
    if len(overlaps) == 1 and not _DISTINCT.search(t):
        n = total - float(_figure(overlaps[0]))
        return Batches(n, n, used) if n >= max(sizes) else None
    if _DISTINCT.search(t) and not _UNSAID.search(t) and not overlaps:
        return Batches(total, total, used)
    return Batches(max(sizes), total, used)  # nothing (or nothing sure) said about units that came twice
