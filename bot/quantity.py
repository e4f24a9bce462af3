"""Numbers with the words around them: 不到三百, 五百多, 三四百, 每季度一次, 会员120家培训过40家.

A :class:`Quantity` keeps the side of a threshold the unit put the value on: 不到300 is
"below 300" and never meets 不少于300, whatever number a rounding would give. The scoring
uses :meth:`Quantity.meets` and :meth:`Quantity.whole_count`; the reading asks again when
they answer ``None`` (the words do not say which side).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from .text import arabic, full_years, normalize, without_dates

Relation = Literal["eq", "lt", "le", "gt", "ge", "about", "range"]
ABOUT_TOLERANCE = 0.05  # 大约 N: within 5 % either side (280左右 is below 300, 300左右 is not known)
NEARLY = 0.9  # 将近 / 接近 N: between 90 % of N and N

RELATION_WORDS: dict[str, str] = {
    "lt": "不到",
    "le": "不超过",
    "gt": "超过",
    "ge": "不少于",
    "about": "约",
}


class Quantity(BaseModel):
    """A number as the unit stated it; ``upper`` closes a range (三四百 = 300–400)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: float = Field(ge=0)
    relation: Relation = "eq"
    upper: float | None = None
    lower: float | None = None  # 将近300 = below 300 but not far below

    def interval(self) -> tuple[float, bool, float, bool]:
        """(low, low included, high, high included) of the values the words allow."""
        v = self.value
        match self.relation:
            case "eq":
                return v, True, v, True
            case "lt":
                return self.lower or 0.0, True, v, False
            case "le":
                return 0.0, True, v, True
            case "gt":  # 两百多 is below 300: "多" stays under the next round number
                return v, False, self.upper if self.upper is not None else math.inf, False
            case "ge":
                return v, True, math.inf, False
            case "about":
                return v * (1 - ABOUT_TOLERANCE), True, v * (1 + ABOUT_TOLERANCE), True
            case "range":  # 三四百: counted at the lower bound (README, scoring notes)
                return v, True, v, True
        raise AssertionError(self.relation)  # pragma: no cover

    def meets(self, minimum: float, strict: bool) -> bool | None:
        """Whether every value the words allow meets the minimum; None when some do and some don't."""
        low, low_in, high, high_in = self.interval()
        if strict:
            all_ok = low > minimum or (low == minimum and not low_in)
            none_ok = high <= minimum
        else:
            all_ok = low >= minimum
            none_ok = high < minimum or (high == minimum and not high_in)
        if all_ok:
            return True
        if none_ok:
            return False
        return None

    def whole_count(self) -> int | None:
        """The count the words guarantee (两起以上 = 2, 超过两起 = 3); None when they guarantee none."""
        v = self.value
        if self.relation in ("eq", "ge", "range"):
            return math.ceil(v)
        if self.relation == "gt":  # 十几起 counts as 10 (the stated base); 超过两起 guarantees 3
            return math.floor(v) if self.upper is not None else math.floor(v) + 1
        return None

    def describe(self, unit: str = "") -> str:
        n = f"{self.value:g}"
        if self.relation == "range" and self.upper is not None:
            return f"{n}–{self.upper:g}{unit}"
        if self.relation == "eq":
            return f"{n}{unit}"
        return f"{RELATION_WORDS[self.relation]}{n}{unit}"


def as_quantity(value: object) -> Quantity | None:
    """A stored number answer (a plain number or a Quantity mapping) as a Quantity."""
    if isinstance(value, Quantity):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and math.isfinite(value) and value >= 0:
        return Quantity(value=float(value))
    if isinstance(value, dict) and "value" in value:
        try:
            return Quantity.model_validate(value)
        except ValueError:
            return None
    return None


# ── finding numbers in a sentence ───────────────────────────────────────────
_PRE = [
    ("eq", r"刚好|正好|恰好|整整|刚刚好|就是"),
    (
        "nearly",
        r"差(?:几个|一些|些|几|几十个?|一点点?|点儿?|一点儿)(?:人次?)?[就才]?(?:到|满|够)|差一点点|差一点|差点|将近|接近|快到|快要|近|几乎|(?<![很尽赶])快|(?<![直狂飞])奔",
    ),
    (
        "lt",
        r"less than|fewer than|under|below|<(?!=)|不到|不足|没到|没有到|未到|不满|未满|还没满|没满|没有满|没达到|未达到|达不到|没凑够|没够|低于|少于|小于|还差|不够",
    ),
    ("le", r"最多|至多|顶多|不超过|没超过|没有超过|不多于|不高于|<=|≤"),
    ("ge", r"at least|至少|不少于|不低于|起码|最少|最起码|>=|≥|满|足足"),
    ("head", r"刚刚?(?:过了?|超过?了?|突破|破)|才(?:刚)?过"),  # 刚过两百: a little over 200, well short of 300
    # 不止三起 = 4 or more; 都过三成 (做过3次 is a count)
    ("gt", r"more than|over|不止|超过了|超过|超出|超|多于|高于|大于|逾|突破|(?<!打)破|>|(?<=[都均早已刚])过了?"),
    (
        "about",
        r"大概齐|大差不差|大约|大概|大致|差不多|估计|估摸着?|预计|约莫|约|大体|应该有|可能有|基本上?|about|around|roughly|approximately",
    ),
]
_POST = [
    ("eq", r"整|来"),  # 五百整; 十来家 counts as 10 (the stated base, README)
    ("lt", r"都不到|还不到|不到|不足|没到"),
    ("head", r"出头|挂零"),  # 三百出头: a little over 300 (300–350)
    ("more", r"多|余|几|有余"),  # 两百多 / 三百出头: above 200 (300), below 300 (400)
    ("gt", r"开外|都不止|还不止|不止"),
    ("ge", r"以上|及以上|往上"),
    ("le", r"以下|以内|之内|及以下"),
    ("about", r"左右|上下|前后|的样子|毛(?![钱巾衣笔])"),  # 三百毛: Shanghainese "about 300"
]
# 大概有个三次 / 应该大概是三家: a filler between the qualifier and the number
_PRE_RE = re.compile(
    r"(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _PRE) + r")(?:也|都)?(?:有个|有|是在|就在|在|是|就)?\s*$"
)  # 大约就在三百: the filler may be 就在 too
_POST_RE = re.compile(r"^\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _POST) + r")")

# measure words people use for each unit of the tables
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "次": ("次", "场", "回", "期", "轮", "遍", "趟", "单"),
    "人次": ("人次", "人", "名", "位", "个人", "号人", "个"),
    "家": ("家", "个", "所", "间", "户", "单位", "企业", "公司"),
    "起": ("起", "件", "宗", "个", "次", "单", "趟"),
    "%": ("%", "成", "分之"),
    "类": ("类", "种", "个类型", "类型", "个门类", "门类", "大类", "个类别", "类别", "样"),
}
_PERIOD_AFTER = re.compile(r"^\s*(?:个)?(?:整个?)?(?:年|月|季度|季|周|星期|礼拜|天|日|号|岁|点|分钟|小时|届|期间)")
_NUM = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)(?:\s*(?:-|到|至|~|[起次家个场]?(?:或者|或是|或|还是))\s*(\d+(?:\.\d+)?))?"
)  # 两起或者三起 = 2–3


_NOT_COUNTED_AFTER = re.compile(
    r"^\s*(?:多|余)?\s*(?:平方米|平方|平米|平(?![均时常安台])|亩|公里|米(?!的)|楼(?!盘)|层楼)"
)
_MONEY_AFTER = re.compile(r"^\s*(?:多|余|来)?\s*(?:万|亿|元|块钱|块|美元|w\b)")
_MONEY_BEFORE = re.compile(
    r"(?:金额|标的|赔偿|赔了|赔付|损失|罚款|罚了|经费|预算|花了|投入|拨了|奖金|奖励了|¥|￥|\$)[^,，。;；\d]{0,3}$"
)
_NOT_A_COUNT = re.compile(r"\d{7,}$|0\d+$")
_NAMES_SOMETHING = re.compile(r"(?:案号|编号|文号|号码|工号|电话|手机|tel|no\.?)\s*[:：]?\s*$")
_CASE_CODE = re.compile(r"\s*[,，)）]?\s*[沪京津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]\d")


@dataclass(frozen=True)
class Found:
    """One number in a sentence: what it is, the unit after it, and where."""

    quantity: Quantity
    unit: str  # the measure word that follows ('' when none)
    start: int
    end: int
    before: str  # up to 12 characters before the number (what it counts)
    clause: int  # index of the clause it is in
    after: str = ""  # the rest of its clause after the number ("100家会员")
    text: str = ""  # its whole clause
    tail: str = ""  # what is said after it, up to the next number (另有2家只来咨询过，这两家不算)


_ALL_UNIT_WORDS = sorted({w for words in UNIT_WORDS.values() for w in words}, key=len, reverse=True)


def _unit_after(rest: str) -> str:
    for w in _ALL_UNIT_WORDS:  # the longest first: 两个门类 is 个门类, not 个
        if rest.startswith(w):
            return w
    m = re.match(r"[个位名项份件台只张本条所户批期轮场回遍趟家类种起宗单人次分元块岁]", rest)
    return m.group(0) if m else ""


_SHORT_OF = re.compile(  # 差1家就满3家 = 2; 离300还差20 = 280
    r"(?:还|就|只)?(?:差|再有|再来|再多)\s*(\d+)(?![\d.截点些])\s*(?:来|多|几)?\s*(?:个|家|人|次|场|起|位|名|件){0,2}(?:人次)?\s*"
    r"(?:(?:就|便|才)(?:能|可以|要)?(?:够|到|满|达到|凑够|凑满|达标|是)?|(?:能|可以|要)?(?:够|到|满|达到|凑够|凑满|达标))(?:了)?\s*(\d+)"
)
_SHORT_OF_TARGET = re.compile(
    r"离\s*(\d+)\s*(?:个|家|人|次|场|起|位|名|件)?(?:人次)?\s*(?:还|就|只)?差\s*(\d+)(?![\d.截点些])"
)
_A_LITTLE = r"(?:那么|这么)?(?:一点点?儿?|点儿?|一丢丢|一咪咪|一些|些|一口气|口气)"
_A_LOT = r"(?:那么|这么)?(?:一大?截|不少|很多|好多|老远|挺多|一大些)"
# 离500还差那么一点 = just under 500 / 离300还差一截 = under 300: the standard named, not a figure
_SHORT_OF_BAR = re.compile(
    rf"离\s*(\d+)\s*((?:个|家|人|次|场|起|位|名|件)?(?:人次)?)\s*(?:都|也)?(?:还|就|只)?差\s*(?:(?P<little>{_A_LITTLE})|{_A_LOT})(?!\d)"
)
# 奔三百了，还差一丢丢 / 300了，但还差那么一点: the figure not reached yet
_STILL_SHORT = re.compile(
    rf"(\d+)\s*((?:个|家|人|次|场|起|位|名|件)?(?:人次)?)\s*(?:了|啦|去了)?\s*[,，]?\s*(?:但是?|不过|可是?)?\s*(?:还|就|只)差\s*{_A_LITTLE}(?!\d)(?:就到了?|到)?"
)
_NEARLY_THERE = re.compile(r"差(?:一点|点|一些|些)儿?\s*(?:就)?(?:能|要)?(?:到|满|够|达到|上)(?:了)?\s*(?=\d)")
_SHORT_BY = re.compile(r"(?:还|就|只)?差\s*\d+\s*(?:个|家|人|次|场|起|位|名|件)?(?:人次)?")


_MORE_TO = re.compile(r"(?<![\d.])(\d+)多\s*(\d+)(?![\d.])")


def _more_to(m: re.Match[str]) -> str:
    low, high = int(m.group(1)), int(m.group(2))
    step = int(_magnitude(float(low)))
    return f"{low}到{high}" if low < high <= low + step and high % step == 0 else m.group(0)


_NOT_AS_MANY = re.compile(r"没(?:有)?\s*(\d+(?:\.\d+)?\s*(?:个|家|人次|人|次|场|起|位|名|件|回|期)?)\s*(?:那么|这么)多")


def _shortfalls(t: str) -> str:
    """差1家就满3家 -> 2家; 差一点到300 -> 将近300; 299人次，就差1个 -> the 1 is a gap, not a count."""
    t = re.sub(  # 480，差20人到500: the gap to the standard said after the figure is no second figure
        r"(?<![\d.])(\d+)(\s*(?:个|家|人|次|场|起|位|名|件)?(?:人次)?\s*[,，]\s*)(?:还|就|只)?差\s*(\d+)\s*"
        r"(?:个|家|人|次|场|起|位|名|件)?(?:人次)?\s*(?:就)?(?:能)?(?:到|满|够)\s*(\d+)(?![\d.])",
        lambda m: m.group(1) + m.group(2) if float(m.group(4)) - float(m.group(3)) == float(m.group(1)) else m.group(0),
        t,
    )
    t = _SHORT_OF.sub(lambda m: f"{max(float(m.group(2)) - float(m.group(1)), 0):g}", t)
    t = _SHORT_OF_TARGET.sub(lambda m: f"{max(float(m.group(1)) - float(m.group(2)), 0):g}", t)
    t = _SHORT_OF_BAR.sub(lambda m: f"{'将近' if m.group('little') else '不到'}{m.group(1)}{m.group(2)}", t)
    t = _STILL_SHORT.sub(lambda m: f"将近{m.group(1)}{m.group(2)}", t)
    t = _NEARLY_THERE.sub("将近", t)
    t = _NOT_AS_MANY.sub(r"不到\1", t)  # 其实没有3次那么多: fewer than 3
    t = re.sub(r"头(?:一|1)(?=[起件宗个次单])", "第1", t)  # 头一起是…，第二起是…: places in a list
    return _SHORT_BY.sub("差一些", t)


def numbers(text: str, ordinals: bool = False) -> list[Found]:
    """Every number in the reply with its qualifier (不到 / 多 / 左右 …), its unit and its context
    (ordinals, 第三家, only when asked: a place in a ranking)."""
    t = SPORADIC.sub("", without_dates(normalize(text)))  # 零零星星有几起: sporadic, no figure
    t = _shortfalls(_shares(full_years(arabic(t))))
    t = re.sub(r"\.{2,}", lambda m: "，" * len(m.group(0)), t)  # 嗯......560: a pause, not a decimal point
    t = _MORE_TO.sub(_more_to, t)  # 一百多两百人次 / 两百多三百的样子: a range, not a sum
    out: list[Found] = []
    clause_starts = [0] + [m.end() for m in re.finditer(r"[,;:!?，。；：！？、\n]", t)]
    for m in _NUM.finditer(t):
        rest = t[m.end() :]
        if (
            _NOT_A_COUNT.match(m.group(0))
            or rest.startswith("号")
            or _NAMES_SOMETHING.search(t[max(0, m.start() - 4) : m.start()])
            or (re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and _CASE_CODE.match(rest))
        ):
            continue  # 电话13611112222 / 案号(2023)沪0117民初1234号: numbers that name something
        if not ordinals and t[max(0, m.start() - 1) : m.start()] == "第":
            continue  # 第三家下个月才验收: an ordinal, not a count
        if re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and re.match(
            r"\s*(?:全年|上半年|下半年|年度|年底|年初|年中)", rest
        ):
            continue  # 2022全年410: a year, not a count
        if _PERIOD_AFTER.match(rest) or (
            re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and re.match(r"\s*[、和及与到至-]\s*(?:19|20)\d\d", rest)
        ):
            continue  # 一年 / 三个月 / 2023年 / 2022、2023年: a period or a date, not a count
        if _NOT_COUNTED_AFTER.match(rest) or re.match(r"\s*回事", rest):  # 不是一回事: no count
            continue
            # 200平的报告厅 / 3楼: an area or a floor, not a count
        if _MONEY_AFTER.match(rest) or _MONEY_BEFORE.search(t[max(0, m.start() - 8) : m.start()]):
            continue  # 涉案金额两百多万 / 经费3万元: money, not a count
        if rest.startswith("分之") or (m.group(0) == "1" and re.match(r"(?:小|大)?部分", rest)):
            continue  # 三分之一 / 一部分是公益的: no count
        value = float(m.group(1))
        upper = float(m.group(2)) if m.group(2) else None
        relation: Relation = "range" if upper is not None and upper > value else "eq"
        if relation != "range":
            upper = None
        # qualifier after the number, before or after its unit (500多人次 / 500人次左右 / 300人次不到)
        post = _POST_RE.match(rest)
        unit_rest = rest[post.end() :] if post else rest
        unit = _unit_after(unit_rest)
        after_unit = unit_rest[len(unit) :]
        post2 = _POST_RE.match(after_unit) if unit and not post else None
        pre = _PRE_RE.search(t[max(0, m.start() - 14) : m.start()])
        rel = _relation(pre, post or post2)
        lower = None
        if rel == "eq":
            pass
        elif rel == "nearly" and relation == "eq":
            relation, lower = "lt", value * NEARLY
        elif rel == "more" and relation == "eq":  # 两百多 / 三十多 / 十几: below the next round number
            relation, upper = "gt", value + _magnitude(value)
        elif rel == "head" and relation == "eq":
            relation, upper = "gt", value + _magnitude(value) / 2
        elif rel is not None and rel not in ("more", "head") and relation == "eq":
            relation = cast(Relation, rel)
        elif rel in ("lt", "le") and relation == "range":
            relation, upper = cast(Relation, rel), None
        before = t[max(0, m.start() - 12) : m.start()]
        clause = sum(1 for s in clause_starts if s <= m.start()) - 1
        c_start = clause_starts[clause]
        c_end = next((s for s in clause_starts if s > m.start()), len(t) + 1) - 1
        out.append(
            Found(
                Quantity(value=value, relation=relation, upper=upper, lower=lower),
                unit,
                m.start(),
                m.end(),
                before,
                clause,
                after=t[m.end() : c_end][:12],
                text=t[c_start:c_end],
            )
        )
    for i, f in enumerate(out):
        out[i] = replace(f, tail=t[f.end : out[i + 1].start if i + 1 < len(out) else len(t)])
    for i in range(len(out) - 2, -1, -1):  # 180、150、140人次 / 分别1、1、4家: a list takes the unit of its last figure
        f, g = out[i], out[i + 1]
        if not f.unit and g.unit and re.fullmatch(r"\s*[、和及与]\s*", t[f.end : g.start]):
            out[i] = replace(f, unit=g.unit)
    return out


def _relation(pre: re.Match[str] | None, post: re.Match[str] | None) -> str | None:
    # the word before the number wins (不到三百多 is still below): 不到 / 至少 / 约 …
    for m in (pre, post):
        if m is None:
            continue
        for key in ("eq", "nearly", "lt", "le", "ge", "gt", "about", "head", "more"):
            if m.groupdict().get(key):
                return key
    return None


def _magnitude(value: float) -> float:
    """The place of the last non-zero digit: 200 -> 100, 30 -> 10, 120 -> 10, 5 -> 1."""
    if value <= 0 or not value.is_integer():
        return 1.0
    mag = 1.0
    v = int(value)
    while v % 10 == 0:
        v //= 10
        mag *= 10
    return mag


def _shares(t: str) -> str:
    """百分之40 -> 40%, 4成 -> 40%, 3分之1 -> 33.33%, 一半 -> 50%: shares as percentages."""
    t = re.sub(r"百分之\s*(\d+)\s*[-到至~]\s*(\d+)(?![\d.])", r"\1-\2%", t)  # 百分之六七十 = 60-70%
    t = re.sub(  # 两回三回 / 三次四次 = 2-3回 / 3-4次
        r"(?<![\d.])(\d)\s*(次|回|家|场|个|起|类|种|期)\s*(\d)\s*\2",
        lambda m: f"{m.group(1)}-{m.group(3)}{m.group(2)}" if int(m.group(3)) == int(m.group(1)) + 1 else m.group(0),
        t,
    )
    t = re.sub(r"百分之\s*(\d+(?:\.\d+)?)", r"\1%", t)
    t = re.sub(  # 六七成 / 3到4成 = 60-70% / 30-40%
        r"(?<![\d.])([1-9])\s*[-到至~]\s*([1-9])\s*成", lambda m: f"{int(m.group(1)) * 10}-{int(m.group(2)) * 10}%", t
    )
    t = re.sub(
        r"十分之\s*([1-9])(?![\d.])", lambda m: f"{int(m.group(1)) * 10}%", t
    )  # 十分之一 (十分 is kept as 'very')
    t = re.sub(r"过半|超过半数|超过一半|半数以上|一半以上", "超过50%", t)  # 两项都过半 / 培训过的超过半数
    t = re.sub(  # 2/3 of the members (a share; 3/15 is a date, its denominator is too big)
        r"(?<![\d/.])([1-9])\s*/\s*([2-9]|10)(?![\d/.])",
        lambda m: (
            f"{int(m.group(1)) / int(m.group(2)) * 100:.2f}%"
            if m.group(1) < m.group(2) or m.group(2) == "10"
            else m.group(0)
        ),
        t,
    )
    t = re.sub(
        r"(?<![\d.])([1-9])成([1-9])(?![\d.%成家人个次])", lambda m: f"{m.group(1)}{m.group(2)}%", t
    )  # 3成5 = 35%
    t = re.sub(r"(?<![\d.])([1-9])\s*成半", lambda m: f"{int(m.group(1)) * 10 + 5}%", t)  # 三成半 = 35%
    t = re.sub(r"(\d+(?:\.\d+)?)\s*成", lambda m: f"{float(m.group(1)) * 10:g}%", t)
    t = re.sub(
        r"(\d+)\s*分之\s*(\d+)", lambda m: f"{float(m.group(2)) / float(m.group(1)) * 100:.2f}%".replace(".00%", "%"), t
    )
    t = re.sub(r"(?:^|(?<=[,，。;；还另也就]))有家(?![属人庭里具长乡])", "有1家", t)  # 有家律所常驻 = one
    t = re.sub(r"(?:成百上千|上百)", "不少于100", t)
    t = re.sub(r"上千", "不少于1000", t)
    t = re.sub(r"(百|千|万)把", lambda m: {"百": "约100", "千": "约1000", "万": "约10000"}[m.group(1)], t)
    t = re.sub(r"逾千|千余|千几|一千多|(?<!打)破千", "超过1000", t)
    t = re.sub(r"(?<!打)破万", "超过10000", t)
    t = re.sub(r"(?<![\d一二三四五六七八九十])百(?=来|把|多|余)", "100", t)
    t = re.sub(r"大几百", "不少于600", t)
    t = re.sub(r"近千", "不少于800", t)
    t = re.sub(r"(?<![缩最较大])小(?=[1-9]0{2,}(?![\d.]))", "将近", t)  # 小三百 / 小一千 = just under 300 / 1000
    t = re.sub(r"好几(?=[次回场家起个类种])", "不少于3", t)
    t = re.sub(r"(?:好多|很多|无数)(?=[次回场家起])|数不过来|数不清", "不少于5", t)
    t = re.sub(r"上万", "不少于10000", t)
    t = re.sub(  # 三位数 = 100–999 / 双位数 = at least 10 / 个位数 = under 10
        r"(?<![\d.])([2-5])位数",
        lambda m: f"不少于{10 ** (int(m.group(1)) - 1)}",
        t,
    )
    t = re.sub(r"(?:双|两)位数", "不少于10", t)
    t = re.sub(r"个位数", "不到10", t)
    t = re.sub(r"一小半", "不到50%", t)
    t = re.sub(r"(?<![一])大半", "超过50%", t)
    return re.sub(r"一半", "50%", t)


# ── annual frequency for 每年…次 questions ───────────────────────────────────
_EVERY = [
    (re.compile(r"每(?:个)?(?:星期|周|礼拜)"), 52.0),
    (re.compile(r"每(\d+)个?月"), -12.0),  # 每两个月 = 6
    (re.compile(r"(?:一年|每年|全年|年度)(?=\d+(?:次|回|场|期))"), 1.0),  # 一年两回 said outright
    (re.compile(r"(?<!隔)(\d+)个月[^\d,，。;；]{0,2}?(?:一|1)(?:次|场|回|期|查|检|搞|办)"), -12.0),  # 两个月一查 = 6
    (re.compile(r"(?:^|(?<=[,，。;；\s隔]))([2-6])月(?:一次|1次|1回|一回)"), -12.0),  # 俩月一次 = 6, not 每年3月一次
    (re.compile(r"每(?:个)?月|月月|按月|月度"), 12.0),
    (
        re.compile(
            r"每(?:个)?季度?|季季|按季度?|季度性|每一季度?|(?<![\d只就仅了])1个?季度[^,，。\d]{0,3}1(?=次|回|场|期)"
        ),
        4.0,
    ),
    (re.compile(r"每半年|(?<![上下前后])半年[^,，。\d]{0,3}(?:一次|1次|一回|1回|度|1[查搞做办开检审评])|按半年"), 2.0),
    (re.compile(r"(?:每)?双月|隔(?:一个|1个)?月"), 6.0),  # 双月一次 / 隔月查一次
]
_SUB_YEAR = re.compile(
    r"上半年|下半年|季度|年初|年中|年底|年末|春|夏|秋|冬|(?<!\d)(?:1[0-2]|[1-9])月|上旬|下旬|第\d+次"
)
_PERIODS_EACH = [
    (re.compile(r"上下半年|上半年和下半年|上半年下半年|年中和年底|年初和年底|年初年底|年中年底|春秋两?季"), 2.0),
    (re.compile(r"四个季度|每个季度|各季度"), 4.0),
]


def _each_period(f: Found) -> float:
    """A figure said for each of the periods named before it (上下半年各一次 = 2)."""
    if re.search(r"(?:各|分别)[^,\d]{0,4}$", f.before):
        for pattern, n in _PERIODS_EACH:
            if pattern.search(f.before):
                return n * f.quantity.value
    return f.quantity.value


def _more_after(times: list[Found]) -> float:
    """上下半年各一次，12月又抽查了一次: the times said as more after the ones each period had."""
    return sum(
        f.quantity.value
        for f in times[1:]
        if f.quantity.relation == "eq" and re.search(r"又|再|另外|另|还|加上|此外", f.before.split(",")[-1])
    )


def _each_figure(times: list[Found]) -> float:
    """The figure said for each period (各一次), not a total said before the periods (两次，上下半年各一次)."""
    each = [f for f in times if re.search(r"(?:各|分别|都)[^,，。\d]{0,4}$", f.before)]
    return (each or times)[0].quantity.value if times else 1.0


def every_month(text: str) -> str:
    """一月一回 = 每月一回, before the numerals turn it into 1月1回 (一月份一次 stays January)."""
    return re.sub(r"(?<![\d〇零一二三四五六七八九十])一个?月一(?=[次回查检场期])", "每月一", text)


# a period of a regular rate that was skipped: 就三季度没查 / 有两个月没搞 / 除了春节那个月 / 二季度停了一次
_PERIOD = r"(?:上半年|下半年|(?:第)?[1-4](?:\s*[-、和]\s*[1-4])?季度|(?<![\d.])(?:1[0-2]|[1-9])月份?)"
_SKIPPED = (
    r"(?:都|也|就|还|因为[^,，。;；\d]{0,8}?)?(?:没(?:有)?(?:查|搞|做|办|开|弄|检查|组织|开展|进行|安排|去)?(?:过|了|成)?"
    r"(?=$|[,，。;；!！~～了的])|停(?:了|掉|办)?|漏(?:了|掉)?|空(?:了|着)|缺(?:了)?|跳过(?:了)?|取消(?:了)?|落下(?:了)?)"
)
_MISSED_NAMED = re.compile(
    rf"({_PERIOD}(?:\s*(?:、|和|跟|与|及|,|，)\s*{_PERIOD})*)(?:的|那次|那个月)?[^,，。;；\d]{{0,16}}?{_SKIPPED}"
)
_MISSED_SOME = re.compile(
    rf"(?:有|其中|中间|缺了|漏了|空了|那|这)\s*(\d+)\s*个?(?:月|季度|次|回)[^,，。;；\d]{{0,6}}?{_SKIPPED}|"
    r"(?:停|取消|暂停|停办|没办)了?\s*(\d+)\s*(?:场|次|期|回|个月)"  # 7、8月暑假停了两期
)
_MISSED_BUT = re.compile(
    rf"除了?\s*({_PERIOD}(?:\s*(?:、|和|跟|与|及)\s*{_PERIOD})*|[^,，。;；\d]{{1,6}}?那个月)(?:以外|之外|外)?(?=$|[,，。;；])"
)


def _periods_missed(rest: str, factor: float = 0.0) -> int:
    """How many periods of a regular rate the words after it say were skipped or not done yet (0 when none are
    named): the count is what was done, as the banks' officers record it (今年下半年还没查 = the first half's)."""
    if m := _MISSED_SOME.search(rest):
        return int(m.group(1) or m.group(2))
    if m := _MISSED_NAMED.search(rest) or _MISSED_BUT.search(rest):
        named = re.findall(_PERIOD, m.group(1))
        named += [q for q in named if re.fullmatch(r"(?:第)?\d\s*[-、和]\s*\d季度", q)]  # 三四季度 = two quarters
        halves = sum(1 for p in named if p.endswith("半年"))  # 每季度一次，下半年没搞 = two quarters
        per_half = {4.0: 2, 12.0: 6, 6.0: 3}.get(factor, 1)
        return (len(named) - halves + halves * per_half) or 1
    return 0


def annual_count(text: str) -> Quantity | None:
    """How many times a year the words say ("每季度一次" = 4, "上下半年各一次" = 2); None if they say no frequency."""
    t = arabic(every_month(normalize(text)))
    said = re.search(
        r"(?:(?<![\d.前上往])(?:一|1)年|每年|全年|(?<![\d.上])年度|(?<![\d.前上往])(?:一|1)年内|每(?:一|1)年)(?:里|内|共|总共|就|也就|有|是|一共)?(\d+)(?:次|回|场|期)",
        t,
    )
    if said:  # 半年搞一次，一年两回 / 半年一次，一年就两次: the yearly figure said outright
        again = re.findall(r"(?:再|另外|另|还)[^,，。]{0,8}?(\d+)(?:次|回|场|期)", t[said.end() :])
        total = float(said.group(1)) + sum(float(n) for n in again)  # 年中再抽查一次 adds one
        own = next((f.quantity for f in numbers(t) if f.start == said.start(1)), None)
        if own is not None and own.relation != "eq" and not again:  # 一年两次左右 / 一年至少两次
            return own
        missed = _periods_missed(t[said.end() :], total)
        if 0 < missed < total:  # 安排是一年三次，去年年中和国庆前那两次都没做成 = 1
            return Quantity(value=total - missed)
        return Quantity(value=total)
    times = [f for f in numbers(t) if f.unit in UNIT_WORDS["次"]]
    parts = [
        f
        for f in times
        if _SUB_YEAR.search(f.before.split(",")[-1])
        and not re.search(r"每(?:个|一)?(?:季度?|月|半年|周|星期)", f.before.split(",")[-1])  # 每季度查一次: a rate
    ]
    for i, f in enumerate(parts):  # 下半年补了两次，10月一次、12月一次: the months break the two down
        later = parts[i + 1 :]
        if len(later) >= 2 and abs(sum(g.quantity.value for g in later) - f.quantity.value) < 0.01:
            parts = parts[: i + 1]
            break
    if len(parts) >= 2:  # 上半年两次，下半年一次 = 3 / 上下半年各一次，12月又一次 = 3
        summed: Relation = "ge" if any(f.quantity.relation in ("ge", "gt") for f in parts) else "eq"
        return Quantity(value=sum(_each_period(f) for f in parts), relation=summed)
    months = set(re.findall(r"(?<![\d.])(1[0-2]|[1-9])月(?!份?[\d])", t))
    if re.search(r"各|分别", t) and len(months) >= 2 and not re.search(r"每(?:个)?月|月月", t):  # 6月和12月各一次 = 2
        first_month = re.search(r"(?<![\d.])(?:1[0-2]|[1-9])月", t)
        said_first = bool(times and first_month and times[0].end <= first_month.start())
        each = 1.0 if said_first else times[0].quantity.value if times else 1.0  # 两次，分别在3月和9月: one each
        return Quantity(value=len(months) * each + _more_after(times))
    quarters = set(re.findall(r"(?<!\d)([1-4])季度", t))
    first_n = re.search(r"前(\d)个季度", t)
    if re.search(r"各|都|分别", t) and (len(quarters) >= 2 or first_n):  # 一季度、三季度各查一次 = 2
        each = _each_figure(times)
        return Quantity(value=(float(first_n.group(1)) if first_n else len(quarters)) * each + _more_after(times))
    for pattern, n in _PERIODS_EACH:
        if (named := pattern.search(t)) and re.search(r"各|都|分别", t):
            each = _each_figure(times)  # (两次，上下半年各一次: the 一次 is each half's)
            missed = _periods_missed(t[named.end() :], n)  # (…，下半年那次没做成 = 1)
            return Quantity(value=(n - missed if 0 < missed < n else n) * each + _more_after(times))
    years = re.search(  # 三年里查过两次 / 两年一次 / 隔年搞一次: less than a year's worth each year
        r"(?<![\d.年])([2-9])年(?:里|内|来|中|间|当中|下来|总共|一共|才|只)?[^,，。\d]{0,6}?(\d+)(?:次|回|场|期)|(隔)年[^,，。\d]{0,3}(\d+)(?:次|回|场|期)",
        t,
    )
    if years and not re.search(r"每(?:一)?年|(?<![\d.])[一1]年|年年", t):
        span, count = (years.group(1), years.group(2)) if years.group(1) else ("2", years.group(4))
        return Quantity(value=round(float(count) / float(span), 2))
    for pattern, per_year in _EVERY:
        m = pattern.search(t)
        if not m:
            continue
        factor = 12.0 / float(m.group(1)) if per_year < 0 and m.groups() and m.group(1) else per_year
        rest = t[m.end() :]
        after = [f for f in numbers(rest) if f.unit in UNIT_WORDS["次"]]
        k = after[0].quantity if after else Quantity(value=1)
        rel: Relation = k.relation if k.relation in ("ge", "gt", "about") else "eq"
        extra = (  # 每半年一次，年底再抽查一次 = 3 (not 上年度5次，再往前一年3次: another year)
            _more_after(after) if len(after) > 1 and per_year != 1.0 and not re.search(r"往前|之前|早", rest) else 0.0
        )
        missed = _periods_missed(rest, factor) if factor in (2.0, 4.0, 6.0, 12.0) and rel == "eq" else 0
        if 0 < missed < factor:  # 每季度查一次，就三季度没查 = 3 / 每月一次，有两个月没搞 = 10
            return Quantity(value=(factor - missed) * k.value + extra)
        return Quantity(value=factor * k.value + extra, relation=rel)
    return None


ZERO = re.compile(
    r"(?<!不是)(?<!有)(?<!其中)(?<!另)(?<!另外)(?:一|1)(?:次|个|家|起|件|场|回)(?:[\u4e00-\u9fff]{0,8}?)(?:都|也)(?:还)?(?:没|没有|木有|无)(?!落|缺|断|少|漏|停|间断|耽误|拉下)|"
    r"没(?:有)?(?:一|1)(?:起|次|家|个|件|场|回)(?:是)?(?:成功|成|立上|办成|调解成|做成|真正|(?:走|做|推|办|进)到)|从来?没|从未|一直没|还没(?:有)?(?:搞|做|开展|办|组织|协助|帮|调解|查办)过|"
    # 都是收费服务，公益的没有: the kind counted, said to be none
    r"(?:公益|免费|无偿|成功)(?:的|性的|类的)?(?:服务|活动|案件|咨询)?(?:都|也|倒|还|就)?(?:没有|没|木有)(?=$|[,，。;；!！~])|"
    r"^(?:零|0|没有|没|无|木有|没得|冇)(?:次|个|家|起|件|场|人次)?$|^(?:0|零)$|(?:次|个|家|起|件|场)?数?为?零(?=$|[,，。.;；!！?？\s~～]|次|个|家|起|件|场|人次|吧|啊|呀|嘛|了)"
)


def says_zero(text: str) -> bool:
    """一次都没有 / 从来没做过 / 零: a count of nothing."""
    return bool(ZERO.search(arabic(SPORADIC.sub("", normalize(text)))))  # (零零星星: sporadic, not none)


SPORADIC = re.compile(r"零零星星|零零散散|零零碎碎|零星|零散|零碎")


# ── a figure said twice ─────────────────────────────────────────────────────
_UNIT_GROUP = {w: key for key, words in UNIT_WORDS.items() if key != "%" for w in words}
_FIGURE_AT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])\s*(人次|[次场回期轮遍趟人名位家所户起件宗类种个]?)")
_PUNCT = r"[\s,，。.;；:：!！?？…~～()（）\[\]【】\-—]"
# nothing but emphasis between the two: 一次，就这一次 / 3起，三起 / 两起吧……嗯，确定两起 / 两百八，280人次
_ONLY_EMPHASIS = re.compile(
    rf"{_PUNCT}*(?:(?:就|只|只有|仅|仅有|也就|就是|是|对|对的|是的|没错|确定|确实|肯定|真的|嗯|哦|吧|哈|啊|呢|呀|嘛|"
    rf"就这么|这么|那么|就那么|就这|就那|只有那|只有这|那|这|而已|罢了|所以还是|一共|总共|共|全年|总共就|一共就|"
    rf"不对就是|准确说|也就是|即|就一|都是|左右|上下|大概|大约|约|差不多|机构|企业|单位|公司|人次|only|just|so){_PUNCT}*)*"
)
# the same event named again before the figure: 一次是6月那次，就那一次 / 一起，2022年那起，就那一起
_THAT_ONE = re.compile(r"(?:就那么?|只有那|就这么?|只有这|这么|所以还是|也就这么?|还就)$")


def _counts_in(t: str) -> list[re.Match[str]]:
    """The figures that may count: not a date or a period (6月 / 2022年 / 3个月), not a place (第3次)."""
    return [
        m
        for m in _FIGURE_AT.finditer(t)
        if not _PERIOD_AFTER.match(t[m.end(1) :]) and not t[: m.start()].endswith("第")
    ]


# the figure said again at the end as what the listed ones come to: 是两个不同的案子 / 都是同样的三家
_RESTATED = re.compile(
    r"[,，。;；]\s*(?:所以|其实|这|那|就|都|一共|总共)*(?:是|有)?(?:那|这)?\s*(?<![\d.])(\d+)\s*[个家起件位]"
    r"(?:(同样的|相同的|同一批|一样的|老)|不同的|互不相关的|各不相干的|独立的)(?:案子|案件|企业|单位|客户|公司|会员|家)?[。.!！]*$"
)


_THE_SAME_ONES = re.compile(
    r"[,，。;；]\s*(?:都|就|还|也|其实)*是?(?:同样的|相同的|同一批|一样的|那)\s*(\d+)\s*[个家起件位](?:客户|企业|单位|公司|会员)?[。.!！]*$"
)


def _unit_of(unit: str) -> str:
    return unit or "家"


def said_once(t: str) -> str:
    """A figure said again for emphasis counts once: 一次，就这一次 = 1, 3起，三起 = 3, 两百八，280人次 =
    280 — not their sum. Two figures of the same value with words of their own between them (上半年250人次，
    下半年250人次) are two counts and stay; a last figure equal to the sum of the ones before it with
    nothing but emphasis between (市级一家区级一家，两家) is their total, said once. ``t`` is normalized; the
    figures are found here, not with numbers(), because numbers() reads a rewritten copy whose positions
    are not ``t``'s, and the text is cut where they stand."""
    echo = re.match(r"\s*\d+(?:\.\d+)?[^\d,，。;；?？]{0,4}[?？]+", t)
    if echo and _counts_in(t[echo.end() :]):
        t = t[echo.end() :]  # 五百？想多了，也就一百来人: the question's figure said back
    for _ in range(6):
        figures = _counts_in(t)
        for a, b in itertools.pairwise(figures):
            same_unit = not a.group(2) or not b.group(2) or _UNIT_GROUP.get(a.group(2)) == _UNIT_GROUP.get(b.group(2))
            if float(a.group(1)) != float(b.group(1)) or not same_unit:
                continue
            gap = t[a.end() : b.start()]
            after = t[b.end() :]
            if re.match(r"\s*(?:都|全|均|各|分别|也|[-到至~]|\d)", after) or re.search(r"、\s*$", gap):
                continue  # 会员100家，100家都培训了 / 一次一百来号人 / 分别1、1、4家: a second fact
            if re.search(r"共|全年|合计", gap) and figures.index(a) > 0:
                continue  # 上半年一次，下半年一次，全年共1次: a total beside its parts, not the last part again
            emphasis = bool(_ONLY_EMPHASIS.fullmatch(gap))
            if emphasis or (_THAT_ONE.search(gap) and not re.search(r"[上下]半年|季度|分别|另外|还有|再|又", gap)):
                if b.group(2) and not a.group(2):  # 两百八，280人次: keep the one with its unit
                    t = t[: a.start()] + t[b.start() if emphasis else a.end() :]
                else:  # the first, beside the words that say what it counts
                    t = t[: a.end() if emphasis else b.start()] + t[b.end() :]
                break
        else:
            break
    figures = _counts_in(t)
    same = _THE_SAME_ONES.search(t)  # 前年3家、去年3家、今年3家，都是同样的3家: the same three each year
    if same and len(figures) >= 3 and all(float(f.group(1)) == float(same.group(1)) for f in figures):
        return f"{t[: figures[0].start()]}{same.group(1)}{_unit_of(figures[-1].group(2))}"  # (律所 kept)
    again = _RESTATED.search(t)
    if again and len(figures) >= 2 and float(again.group(1)) >= max(float(f.group(1)) for f in figures[:-1]):
        if again.group(2):  # 前年3家、去年3家、今年3家，都是同样的三家: the same ones each time
            return f"{again.group(1)}{_unit_of(figures[-1].group(2))}"
        if float(again.group(1)) == float(figures[0].group(1)):  # 2起：一起立案、一起查办，是两个不同的案子
            return t[: again.start()]
    if len(figures) >= 3 and all(f.group(2) for f in figures):
        *parts, last = figures
        group = {_UNIT_GROUP.get(f.group(2)) for f in figures}
        gap = t[parts[-1].end() : last.start()]
        if (
            len(group) == 1
            and abs(sum(float(f.group(1)) for f in parts) - float(last.group(1))) < 0.01
            and _ONLY_EMPHASIS.fullmatch(gap)
            and not re.search("共|计", gap)
            and not t[last.end() :].strip(" ，,。.!！")
        ):
            t = t[: last.start()] + t[last.end() :]  # 市级1家区级1家，2家: the total of the parts before it
    return t
