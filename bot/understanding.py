"""Reading what is not an answer to a criterion: the unit type, form fields, question numbers,
and which criterion a sentence names (修改“竞业限制协议”那题).

Answers to criteria are read by :mod:`bot.reading` (yes/no rules in :mod:`bot.verdict`, numbers
in :mod:`bot.quantity`); the vocabulary here is generic Chinese, not tied to a rubric.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .quantity import numbers
from .text import arabic, normalize


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


def count_in(text: str) -> float | None:
    """A count given for a form field ("一百二十家" -> 120), or None."""
    found = numbers(text)
    return found[0].quantity.value if found else None


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
    t = normalize(text)
    for ut in ("zone", "station", "point"):  # parks and associations first: "园区企业" is a park
        if any(w in t for w in UNIT_TYPE_WORDS[ut]):
            return ut
    return None


_POSTCODE = re.compile(r"^\d{6}$")
_PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{8})$")


def clean_postcode(text: str) -> str | None:
    t = re.sub(r"\s", "", arabic(normalize(text)))
    return t if _POSTCODE.match(t) else None


def clean_phone(text: str) -> str | None:
    t = re.sub(r"[\s()（）]", "", text).replace("—", "-").replace("－", "-")
    t = re.sub(r"^(?:\+?86-?)", "", t)
    return t if _PHONE.match(t) else None


def parse_question_number(text: str) -> int | None:
    """第N题 / 第N项 / 修改N -> N (None when the text names no number)."""
    t = re.sub(
        r"(?:那|这|哪|每|任|同|上|下|前|后)(?:1|一)(?:项|题|条|道)", "", arabic(normalize(text))
    )  # 那一项 / 每一项: no number
    m = (
        re.search(r"第\s*(\d+)\s*(?:/\s*\d+\s*)?[题项条]", t)
        or re.search(  # (全市第三 / 区里排第十二 / 行业第一 / 我们是第二: a rank, not a question)
            r"(?<![市区国省排里列名业内是们核单])第\s*(\d+)\s*(?:/\s*\d+\s*)?(?:个|(?![\d次家起场年月日天周期批人名位回届轮季份章节步]))",
            t,
        )
        or re.search(r"\bno\.\s*(\d{1,2})(?!\d)", t)
        or re.search(r"(?<![a-z0-9])q\s?(\d{1,2})(?!\d)", t)  # Q12
        or re.search(r"#\s*(\d{1,2})(?!\d)", t)  # #25
        or re.search(r"(?<![\d.])(\d{1,2})\s*[,，]?\s*(?:那|这)\s*(?:个|道)?(?:题|项)", t)  # 12 那题
        or re.search(r"(\d+)\s*(?:号\s*)?[题项]", t)
        or re.search(r"(\d+)\s*号(?!线|楼|门|院|库|车间|厂房|机|房|站|口|地铁|仓)", t)  # (3号线 / 2号楼: a place)
        or re.search(r"(?:修改|改|更正|重答|重新答)\s*(\d+)(?!\s*(?:[次家起场类种位名件回期%成轮趟遍]|人次))", t)
        or (  # 修改 3 / 3 改一下: a short message, its number — not a rank (第三名没错 / 前十)
            None
            if re.search(r"第\s*\d+\s*名|前\s*\d+|排|[市区国省里是们单]第\s*\d", t)
            else re.fullmatch(r"\D{0,6}?(\d+)(?!\s*(?:[次家起场类种位名件回期%成轮趟遍]|人次))\D{0,3}", t)
        )
    )
    return int(m.group(1)) if m else None
