"""Reading what people answer: yes / no / partial / not sure, numbers, tiers, counts.

Deterministic rules over the raw text; the NLU intent is only a hint used when
the rules find nothing. Chinese numerals go through ``cn2an`` (a maintained
library); 两 is handled before it since cn2an leaves it as is in sentences.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal

import cn2an

Verdict = Literal["yes", "no", "partial", "unknown"]

UNSURE = (
    "不清楚",
    "不知道",
    "不确定",
    "不太清楚",
    "不太确定",
    "说不好",
    "说不准",
    "要问",
    "问一下",
    "问问",
    "查一下",
    "查查",
    "待确认",
    "再确认",
    "确认一下",
    "不好说",
    "不了解",
    "搞不清",
    "没数",
)
PARTIAL = (
    "部分",
    "一部分",
    "只有",
    "只在",
    "仅",
    "有些",
    "一半",
    "不完善",
    "不完整",
    "不全",
    "没全",
    "不够",
    "正在",
    "在建",
    "建设中",
    "筹备",
    "计划中",
    "还在",
    "个别",
    "少数",
    "基本上",
    "大部分",
    "差不多",
    "部分做到",
    "有一些",
    "还不",
    "没完全",
    "不是全部",
    "不是所有",
    "尚不",
    "只覆盖",
    "只限",
    "只对",
    "只针对",
    "但只",
    "仅限",
)
NEGATIVE = (
    "没有",
    "没",
    "无",
    "否",
    "未",
    "不是",
    "还没",
    "尚未",
    "暂无",
    "暂时没",
    "并没",
    "不曾",
    "从未",
    "没做",
    "没签",
    "没建",
    "没开展",
    "不具备",
    "不存在",
    "都不是",
    "不",
)
POSITIVE = (
    "有",
    "已",
    "做到",
    "签了",
    "签过",
    "建了",
    "建立了",
    "开展了",
    "落实",
    "当然",
    "肯定",
    "确实",
    "全部",
    "全都",
    "没问题",
    "定期",
    "都做",
)
# one-syllable assents only count in a short reply ("嗯", "是的"), not inside noise
WEAK_POSITIVE = ("是", "对", "嗯", "好", "都", "yes", "ok", "了", "行", "可以")
# phrases where a negative character does not negate ("没问题都有", "不错")
NOT_NEGATION = ("没问题", "不错", "无一遗漏", "无论", "不定期", "不少", "不仅", "不只", "不论", "不断")
# "有的部门/有的岗位…" is partial; a bare "有的" (or "有的呀") is a plain yes
_SOME = re.compile(r"有的(?![啊呀呢吧哦嘛啦]*$)")
_CLAUSE = re.compile(r"[，,。.;；!！?？、\s]+")

INTENT_VERDICT: dict[str, Verdict] = {"affirm": "yes", "deny": "no", "partial": "partial", "unsure": "unknown"}


def _strip_not_negation(text: str) -> str:
    for p in NOT_NEGATION:
        text = text.replace(p, "▢" * len(p))
    return text


def _has(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


def _verdict_of(text: str) -> Verdict | None:
    t = _strip_not_negation(text.lower())
    if _has(t, UNSURE):
        return "unknown"
    if _has(t, PARTIAL) or _SOME.search(t):
        return "partial"
    if _has(t, NEGATIVE):
        return "no"
    if _has(t, POSITIVE):
        return "yes"
    if len(t) <= 4 and _has(t, WEAK_POSITIVE):
        return "yes"
    return None


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """A blank spaCy ``zh`` pipeline (character segmentation): no model download needed."""
    import spacy

    return spacy.blank("zh")


@lru_cache(maxsize=512)
def _matcher(keywords: tuple[str, ...]) -> Any:
    from spacy.matcher import PhraseMatcher

    nlp = _nlp()
    m = PhraseMatcher(nlp.vocab)
    m.add("MEASURE", [nlp.make_doc(k) for k in keywords if k])
    return m


def matched_keywords(text: str, keywords: Sequence[str]) -> list[tuple[str, int, int]]:
    """Keywords of a criterion found in a free sentence, with character offsets."""
    if not keywords or not text:
        return []
    doc = _nlp().make_doc(text)
    out = []
    for _, start, end in _matcher(tuple(keywords))(doc):
        span = doc[start:end]
        out.append((span.text, span.start_char, span.end_char))
    return out


def interpret_boolean(text: str, intent: str | None = None, keywords: Sequence[str] = ()) -> Verdict | None:
    """yes / no / partial / unknown for a met-or-not question, or None when unreadable.

    A sentence that describes the practice ("我们和核心员工签了保密协议") is read
    clause by clause around the criterion's keywords, so a negation elsewhere in
    the sentence does not flip it.
    """
    text = text.strip()
    if not text:  # a button payload (/affirm) carries only the intent
        return INTENT_VERDICT.get(intent or "")
    hits = matched_keywords(text, keywords)
    if hits:
        verdicts = []
        for clause in _CLAUSE.split(text):
            if any(k in clause for k, _, _ in hits):
                v = _verdict_of(clause)
                verdicts.append(v or "yes")  # naming the practice without negation = doing it
        if "unknown" in verdicts:
            return "unknown"
        if "partial" in verdicts or ("yes" in verdicts and "no" in verdicts):
            return "partial"
        if verdicts and all(v == "no" for v in verdicts):
            return "no"
        if verdicts:
            return "yes"
    clauses = [v for v in (_verdict_of(c) for c in _CLAUSE.split(text) if c) if v]
    if "yes" in clauses and "no" in clauses:  # "新员工都签了，老员工还没补签"
        return "partial"
    v = _verdict_of(text)
    if v is not None and len(text) <= 30:
        return v
    if intent in INTENT_VERDICT:
        return INTENT_VERDICT[intent]
    return v


_LIANG = re.compile(r"两(?=[个次家类种人千百万十位起项]|$)")
_ROUGH = re.compile(r"(\d+)(?:多|余|来|几)")


def to_arabic(text: str) -> str:
    """Chinese numerals to digits inside a sentence (两次 -> 2次, 五百多人次 -> 500多人次)."""
    t = _LIANG.sub("二", text.strip())
    t = re.sub(r"两三", "二", t)  # "两三次": take the lower bound
    with contextlib.suppress(ValueError, KeyError, IndexError):  # cn2an raises on odd mixes: keep the text
        t = cn2an.transform(t, "cn2an")
    return t


_NUM = r"(\d+(?:\.\d+)?)"


def numbers_in(text: str) -> list[tuple[float, str]]:
    """All numbers in a sentence with the unit-ish text that follows each (for 3类5家)."""
    t = to_arabic(text).replace("％", "%")
    t = _ROUGH.sub(r"\1", t)
    out = []
    for m in re.finditer(_NUM + r"\s*(%|[^\d\s，,。；;]{0,3})", t):
        out.append((float(m.group(1)), m.group(2)))
    return out


# how often per year, for "每年…次" questions: 每季度一次 = 4, 半年一次 = 2
_NOT_WHEN = r"(?![前后内里多左])"  # "一个月前做过一次" is a date, not a frequency
_PER_YEAR = (
    (re.compile(r"(?:每|一)个?(?:星期|周|礼拜)" + _NOT_WHEN), 52),
    (re.compile(r"(?:每|一)个?月" + _NOT_WHEN), 12),
    (re.compile(r"(?:每|一)个?季度?" + _NOT_WHEN), 4),
    (re.compile(r"(?:每|一)?半年" + _NOT_WHEN), 2),
)
_TENTHS = re.compile(r"([一二三四五六七八九两])成")


def _annual(text: str) -> float | None:
    """'每季度一次' -> 4; None when the text gives no frequency."""
    for pattern, per_year in _PER_YEAR:
        m = pattern.search(text)
        if m:
            rest = text[m.end() :]
            times = numbers_in(rest)
            return float(per_year * (times[0][0] if times else 1))
    return None


def parse_number(text: str, unit: str = "") -> float | None:
    """The number a person gave for a count or a percentage, or None.

    "五百多人次" counts as 500 (the stated base, not a guess above it); with several
    numbers ("一年两次") the one followed by the expected unit wins, else the last.
    For 次 (the tables count times per year) "每季度一次" is 4; for % "四成" is 40, "一半" 50.
    """
    if unit == "次":
        annual = _annual(text)
        if annual is not None:
            return annual
    if unit == "%":
        tenths = _TENTHS.search(text)
        if tenths:
            return float(cn2an.cn2an(tenths.group(1).replace("两", "二"), "smart") * 10)
        if "一半" in text and "%" not in text and "百分之" not in text:
            return 50.0
    nums = numbers_in(text)
    if not nums:
        t = text.strip()
        if t in ("零", "无", "没有", "0"):
            return 0.0
        return None
    if unit:
        for value, after in nums:
            if after.startswith(unit) or (unit == "%" and "%" in after):
                return value
        for value, after in nums:
            if unit[0] in after:
                return value
    return nums[-1][0]


def parse_counts(text: str, keys_units: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Numbers assigned to keys by the unit that follows them (3类5家 -> types 3, units 5)."""
    out: dict[str, float] = {}
    for value, after in numbers_in(text):
        for key, units in keys_units.items():
            if key not in out and any(after.startswith(u) for u in units):
                out[key] = value
                break
    return out


TIER_WORDS: dict[str, tuple[str, ...]] = {
    "national": ("全国", "国内", "国家级", "中国"),
    "city": ("全市", "上海", "市里", "市级", "本市"),
    "district": ("全区", "区里", "松江", "区级", "本区"),
}


def parse_tier(text: str, tiers: Sequence[tuple[str, int | None]]) -> str | None:
    """The highest tier named in the text (``tiers`` = (name, rank limit) from high to low)."""
    t = to_arabic(text)
    for name, limit in tiers:
        words = TIER_WORDS.get(name, ())
        if any(w in t for w in words):
            rank = re.search(r"前\s*(\d+)", t)
            if rank and limit is not None and float(rank.group(1)) > limit:
                continue
            return name
    if _verdict_of(t) == "no" or "都不是" in t:
        return "none"
    return None


UNIT_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "zone": ("示范区", "园区", "孵化器", "产业基地", "科技园", "创业园", "众创空间", "产业园", "开发区", "基地"),
    "station": (
        "示范站",
        "协会",
        "律师事务所",
        "律所",
        "公证",
        "司法鉴定",
        "鉴定机构",
        "联盟",
        "商会",
        "服务机构",
        "学会",
        "事务所",
    ),
    "point": ("示范点", "企业", "公司", "工厂", "厂", "集团", "有限", "制造", "科技"),
}


def detect_unit_type(text: str) -> str | None:
    """示范区 / 示范站 / 示范点 from a description ("我们是一家做芯片的企业" -> point)."""
    for ut in ("zone", "station", "point"):  # parks and associations first: "园区企业" is a park
        if any(w in text for w in UNIT_TYPE_WORDS[ut]):
            return ut
    return None


_POSTCODE = re.compile(r"^\d{6}$")
_PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{8})$")


def clean_postcode(text: str) -> str | None:
    t = re.sub(r"\s", "", to_arabic(text))
    return t if _POSTCODE.match(t) else None


def clean_phone(text: str) -> str | None:
    t = re.sub(r"[\s()（）]", "", text).replace("—", "-").replace("－", "-")
    t = re.sub(r"^(?:\+?86-?)", "", t)
    return t if _PHONE.match(t) else None


def parse_question_number(text: str) -> int | None:
    """第N题 / 第N项 / 修改N -> N."""
    t = to_arabic(text)
    m = re.search(r"第\s*(\d+)\s*[题项个条]?", t) or re.search(r"(\d+)\s*[题项]", t) or re.search(r"(\d+)", t)
    return int(m.group(1)) if m else None
