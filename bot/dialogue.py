"""The self-assessment conversation as a pure state machine.

``Engine.handle(session, event)`` takes the stored session and what the user
said (the NLU intent, the raw text, entities from button payloads) and returns
the bot's messages; it mutates ``session``, which the caller persists after
every turn so that a crash never loses an answer already given. No Rasa, web or
database code here: the Rasa actions are thin adapters over this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import BaseModel, Field

from . import correction
from .quantity import UNIT_WORDS, Quantity, as_quantity, numbers, says_zero
from .reading import BEYOND_BOUND, CONFIRM_BELOW, NOT_DONE, Hint, Reading, describe_words, read
from .report import build_report
from .rubric import (
    TIER_NONE,
    AlternativesRule,
    Criterion,
    FormField,
    PerCountRule,
    Rubric,
    ThresholdRule,
    TierRule,
    TwoPartRule,
)
from .scoring import score, score_criterion
from .text import arabic, normalize
from .understanding import (
    clean_phone,
    clean_postcode,
    count_in,
    detect_unit_type,
    matched_keywords,
    parse_question_number,
)
from .verdict import NAMED_NO, NO_BAD_EVENT, UNSURE, analyze, context, measures_named, on_topic, topic_words

Command = Literal[
    "answer",
    "explain",
    "skip",
    "back",
    "modify",
    "progress",
    "score",
    "pause",
    "resume",
    "restart",
    "report",
    "chitchat",
    "start",
]


class Button(BaseModel):
    title: str
    payload: str


class Message(BaseModel):
    text: str | None = None
    buttons: list[Button] = Field(default_factory=list)
    custom: dict[str, Any] | None = None


class Session(BaseModel):
    """Everything needed to resume a self-assessment; stored as JSON after every turn."""

    id: str
    unit_type: str | None = None
    rubric_version: str | None = None
    basics: dict[str, str] = Field(default_factory=dict)
    answers: dict[str, Any] = Field(default_factory=dict)
    cursor: int = 0  # index into steps(): the basics fields, then the criteria
    return_to: int | None = None  # where to go back to after 修改第N题
    reviewing: bool = False  # walking through the 待确认 items after the end
    finished: bool = False
    misses: int = 0  # consecutive replies we could not read
    pending: dict[str, Any] = Field(default_factory=dict)  # sub-question of a multi-number criterion
    confirm: str | None = None  # "restart" while waiting for confirmation
    paused: bool = False
    words: dict[str, str] = Field(default_factory=dict)  # criterion id -> the unit's own words for its answer
    last: str | None = None  # the criterion answered in the previous turn (a correction replaces it)
    # a reading not sure enough to record silently: {"criterion", "value", "words"} awaiting 是 / 不是
    proposal: dict[str, Any] | None = None
    # a proposal just declined ("不是"): the next reply may limit what it said (别的都没搞)
    declined: dict[str, Any] | None = None

    @property
    def unit(self) -> dict[str, str]:
        """The 申报表 fields filled in so far (skipped ones left out), as reports show them."""
        return {k: v for k, v in self.basics.items() if v}


def session_report(rubric: Rubric, s: Session) -> dict[str, Any]:
    """The report of a session's answers: what the chat sends at the end and the CLI exports."""
    return build_report(rubric, score(rubric, s.answers), s.unit)


@dataclass
class UserEvent:
    command: Command
    text: str = ""
    intent: str | None = None
    entities: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None  # NLU confidence of ``intent``; None = trusted (buttons, tests)

    @property
    def hint(self) -> str | None:
        """The intent, when it may decide an answer the text rules could not read.

        DIET is confidently wrong on noise ("啊吧啊吧" -> affirm 0.86), so a typed
        reply without any answer word needs a very sure intent to count.
        """
        if not self.text or self.confidence is None or self.confidence >= HINT_CONFIDENCE:
            return self.intent
        return None


HINT_CONFIDENCE = 0.9


UNIT_BUTTONS = [
    Button(title="企业（示范点）", payload='/choose_unit_type{"unit_type":"point"}'),
    Button(title="行业协会 / 律所等服务机构（示范站）", payload='/choose_unit_type{"unit_type":"station"}'),
    Button(title="园区 / 孵化器（示范区）", payload='/choose_unit_type{"unit_type":"zone"}'),
]
UNIT_NAMES = {"point": "示范点（企业）", "station": "示范站（行业协会、服务机构）", "zone": "示范区（园区）"}
HELP = "随时可以说：解释一下、跳过、上一题、修改第N题、进度、当前得分、暂停、重新开始。"
CHITCHAT = {
    "chitchat": "我是商秘自评助手，专门陪你做商业秘密保护示范创建的自评。",
    "bot_challenge": "我是自动问答助手，不是真人；自评结果最终以区市场监管局的验收评定为准。",
    "thanks": "不客气！",
    "out_of_scope": "这个我帮不上忙，我只负责商业秘密保护示范创建的自评。",
    "goodbye": "好的，进度已保存。下次说“继续”就能接着做。再见！",
}
BOOL_BUTTONS = [
    Button(title="有，已做到", payload="/affirm"),
    Button(title="部分做到", payload="/partial"),
    Button(title="没有", payload="/deny"),
    Button(title="不清楚", payload="/unsure"),
    Button(title="解释一下", payload="/explain"),
]
ABSENCE_BUTTONS = [
    Button(title="没有发生过", payload="/deny"),
    Button(title="发生过", payload="/affirm"),
    Button(title="不清楚", payload="/unsure"),
    Button(title="解释一下", payload="/explain"),
]
NUMBER_BUTTONS = [
    Button(title="没有（0）", payload="/deny"),
    Button(title="不清楚", payload="/unsure"),
    Button(title="解释一下", payload="/explain"),
]
SKIP_BUTTON = Button(title="跳过", payload="/skip")


def _n(x: float) -> str:
    return f"{x:g}"


def _another_group(c: Criterion, previous: Any, text: str) -> bool:
    """Whether a change names another kind of unit than the answer recorded (协会 → 律所): its figures are
    then a new answer, not changes of the old one's."""
    rule = c.rule
    if not isinstance(rule, AlternativesRule) or not isinstance(previous, dict):
        return False
    t = normalize(text)
    named = {g.name for g in rule.groups if any(w in t for w in g.words)}
    was = {g.name for g in rule.groups if any(k.key in previous for k in g.conditions)}
    return bool(named) and not (named & was)


def _total_said_last(c: Criterion, previous: Any, text: str) -> bool:
    """2起 → 再加上上个月刚调解成功的那起，三起: a count of events said alone at the end, above the one recorded,
    is the new total (an audience's last figure may be the size of the event added: 再加上那场普法宣传，60人)."""
    unit, q = getattr(c.rule, "unit", None), as_quantity(previous)
    if unit in (None, "人次", "%") or q is None:
        return False
    clauses = [x for x in re.split(r"[,，。;；!！]", arabic(normalize(text))) if x.strip()]
    last = (
        re.fullmatch(r"\s*(?:那就是|就是|那是|是)?\s*(\d+)\s*(\S{0,2})\s*(?:了|吧|啊)?\s*", clauses[-1])
        if clauses
        else None
    )
    return bool(last and last.group(2) in UNIT_WORDS.get(unit, (unit,)) and float(last.group(1)) > q.value)


def _said_as_recorded(c: Criterion, recorded: Any, said: list[Quantity], t: str) -> bool:
    """Whether what a confirmation says again is the answer recorded: its figure; the counts of a two-count answer
    (两类三家确认); a tier as read (排名那道题确认一下，全区前十，没问题: a rank's figure is no count)."""
    if c.expects == "tier":
        r = read(c, t, Hint(), {})
        return not (r.outcome == "record" and r.value != recorded)
    if c.expects == "counts" and isinstance(recorded, dict) and said:
        figures = {v for v in recorded.values() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        if all(q.value in figures for q in said):
            return True
    same = as_quantity(recorded)
    return all(same is not None and q.value == same.value for q in said)


def _disagreeing(c: Criterion, *texts: str) -> Reading | None:
    """The reading of a correction (its new words, or all of it) that finds its own figures disagree."""
    for text in dict.fromkeys(texts):
        r = read(c, text, Hint(), {})
        if r.outcome == "reask" and BEYOND_BOUND in r.reasons:
            return r
    return None


def _fits_parts(c: Criterion, text: str) -> bool:
    """Whether the text gives a figure in a measure word of a two-count answer (类 / 家)."""
    return isinstance(c.rule, TwoPartRule) and any(
        f.unit and f.unit in p.words for p in c.rule.parts for f in numbers(text)
    )


def _fits_unit(c: Criterion, text: str) -> bool:
    """Whether the text gives a figure in the unit the criterion counts (人次 / 次 / 家 / 起)."""
    unit = getattr(c.rule, "unit", None)
    return unit is not None and any(f.unit in UNIT_WORDS.get(unit, (unit,)) for f in numbers(text))


def _unsettled(c: Criterion, r: Reading, rest: str) -> bool:
    """Whether a corrected figure leaves the score open: a range or an approximation across the standard's figure
    (一两次吧 for 2次 / 五百上下 for 500), or — for a count scored per case — any range (两三起)."""
    if r.outcome == "reask":
        return bool(numbers(rest))
    if r.outcome != "record" or not r.needs_confirmation:
        return False
    q = as_quantity(r.value)
    return any("straddles" in x for x in r.reasons) or (
        isinstance(c.rule, PerCountRule) and q is not None and q.upper is not None
    )


def _doubted(c: Criterion, r: Reading, text: str) -> bool:
    """A figure said again with a doubt that leaves the score open (可能一两起吧 / 可能四五百吧，不太准 /
    可能两三家吧，有一家不确定): the figure just given is no longer sure, and no other is."""
    found, t = numbers(text), normalize(text)
    if isinstance(c.rule, TierRule):  # 改成全国前十……也可能只是全区前十，说不准: two tiers offered
        named = {tier.name for tier in c.rule.tiers if any(w in t for w in tier.words if len(w) >= 2)}
        return len(named) >= 2 and bool(re.search(r"也可能|或者|要么|说不准|搞不清|不确定|拿不准|听谁的", t))
    if c.expects not in ("number", "counts") or not _DOUBT.search(t) or not found:
        return False
    units = UNIT_WORDS.get(getattr(c.rule, "unit", ""), ()) if c.expects == "number" else ()
    values = sorted(
        {
            f.quantity.value
            for f in found
            if f.quantity.relation != "range" and (not units or not f.unit or f.unit in units)
        }
    )  # (也可能是四百多，两张表对不上: 两张 is no figure of 人次)
    # 好像是一次，也可能两次，我也说不准了 / 是一次。哦不，三次？反正不确定: no one figure is said — unless
    # every figure offered scores alike (其实是四家吧，也可能是三家, for 不少于3家)
    if ((_STRONG_DOUBT.search(t) and len(values) > 1) or _EITHER_FIGURE.search(t)) and not (
        c.expects == "number" and len(values) > 1 and _same_score(c, values[0], values[-1])
    ):
        return True
    if c.expects == "counts":
        return r.outcome != "record" or r.value == "unknown" or bool(_EITHER_FIGURE.search(t))
    if _STRONG_DOUBT.search(t) and r.outcome == "record" and r.needs_confirmation:
        return True  # 三起左右吧，具体得查台账 / 其实五百上下吧，没那么精确: a figure the unit will not vouch for
    return (
        _unsettled(c, r, text)
        or (r.outcome == "record" and r.value == "unknown")
        or any(
            _unsettled(c, read(c, f.text, Hint(), {}), f.text) for f in found if f.quantity.relation == "range"
        )  # 可能只有两三次，有一次不确定算不算公益: the range said, whatever the rest made of it
    )


def _the_new_figure(c: Criterion, rest: str, previous: Any = None) -> str:
    """The clause of a figure's correction that carries the new figure: 不对，一起，另一起还没立案 /
    六百是两年加起来的，今年就三百出头 / 有两次其实是收费的，公益的只有3次. A clause that only says what the
    old figure was (6家 → 是6个培育对象，已经授牌的有4家) is not it."""
    if isinstance(previous, (int, float)) and not isinstance(previous, bool):
        clauses = [(p, found) for p in re.split(r"[，,。；;]", rest) if (found := numbers(p))]
        old = [
            p
            for p, found in clauses
            if [(f.quantity.value, f.quantity.relation) for f in found] == [(float(previous), "eq")]
            and re.match(  # (是2次多: a new one; 是三家没错: the old one kept)
                r"(?!没错|对|是对|确定|肯定|不变|没问题|准确|无误|整)[\u4e00-\u9fff]{2,}",
                found[0].after[len(found[0].unit) :],
            )
        ]
        if len(old) == 1 and len(clauses) == 2 and re.match(r"\s*(?:是|那是|其实是|都是)", old[0]):
            rest = next(p for p, _ in clauses if p is not old[0])
    if c.expects != "number" or re.search(r"每(?:场|次|期|回|轮)|各\s*\d|\d\s*[+＋]\s*\d", arabic(normalize(rest))):
        return (
            rest  # 一共办了4场讲座，每场签到都是80人 / 三场活动：120 + 95 + 60: the figure is worked out of all of it
        )
    alone = [p for p in re.split(r"[，,。；;]", arabic(normalize(rest))) if re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", p)]
    if len(alone) >= 2:
        return rest  # 三场活动，120，95，60: a list of figures, added up
    return _stressed_clause(rest)


def _named_figure(c: Criterion, text: str, said: Mapping[str, Any]) -> str:
    """The one condition of a several-figure answer a change names, with the figure it states
    (开展保护工作的成员单位漏了两家，应该是31家 -> 开展保护工作31家); '' when it names none or several."""
    rule = c.rule
    t = _UNCHANGED.sub("", normalize(text))  # 家数不变 names the figure that stays
    if isinstance(rule, AlternativesRule):
        named = {
            (k.key, cue) for g in rule.groups for k in g.conditions for cue in k.cues if cue in t and k.key in said
        }
    elif isinstance(rule, TwoPartRule):  # 服务机构数量应该是七家，漏了两家律所: the units, 7
        named = {(p.key, cue) for p in rule.parts for cue in p.cues if cue in t and p.key in said}
    else:
        return ""
    keys = {k for k, _ in named}
    stressed = [
        f
        for p in re.split(r"[，,。；;]", t)
        for f in numbers(p)
        if _STRESS.search(f.before) and not _IF_SO.match(f.after)  # (算一家的话就是九家: 9)
    ]
    if not stressed and len(keys) == 1:  # 开展工作的还要加上…的五家，20家: the figure said alone last is the new one
        alone = [
            f
            for p in re.split(r"[，,。；;]", arabic(t))[1:]
            if re.fullmatch(r"\s*(?:那就|所以|一共|总共|就是|是)?\s*\d+\s*家?\s*(?:了|吧)?\s*", p)
            for f in numbers(p)
        ]
        stressed = alone[-1:] if alone else []
    if isinstance(rule, TwoPartRule) and not keys:  # 所以是四类，家数不变 / 剩5类8家 / 那就是三类五家: by the unit
        return _parts_stated(rule, t, said)
    if isinstance(rule, TwoPartRule) and len({p.key for p in rule.parts for f in numbers(t) if f.unit in p.words}) > 1:
        return ""  # 纠正：4类，一共9家: both parts said, read as said
    if len(keys) != 1 or len(stressed) != 1:
        return ""
    if isinstance(rule, TwoPartRule) and any(
        p.key not in keys and stressed[0].unit in p.words for p in rule.parts
    ):  # 12是沾边的企业数，真正的服务机构是6家，类型4类没错: 家 counts the units, whatever cue is left
        return _parts_stated(rule, t, said)
    cue = max((cue for _, cue in named), key=len)
    return f"{cue}{stressed[0].quantity.value:g}{stressed[0].unit or '家'}"


# 次数不变 / 家数没变 / 数量还是那么多: the figure recorded stands
_UNCHANGED = re.compile(
    r"(?:(?:次数|家数|数量|人次|人数|数字|数目|总数|个数|起数|类数|这个数|数)|(?<![\d.])\d+\s*(?:家|类|种|次|起|人次))"
    r"(?:还是|也)?(?:不变|没变|没有变化?|没变化|照旧|一样|不用改|还是那么多|没错|是对的|对的|没问题|不用动)"
)  # (…四类；10家是对的: that figure stands)


def _a_figure_stated(c: Criterion, previous: Any, t: str) -> bool:
    """Whether a change states a new figure (是四类 / 应该是31家 / 改成3次), not only mentions one (有一次是线上的)."""
    if isinstance(c.rule, TwoPartRule) and isinstance(previous, dict):
        return bool(_parts_stated(c.rule, t, previous)) or any(  # 只有律所和培训机构两类，家数没错
            f.unit
            and re.search(r"(?:只有|其实|实际上?|应该|一共|总共)[^,，。\d]{0,12}$", f.before)
            and not re.search(
                r"(?:(?<![只仅就才])有|里|中)\s*$", f.before
            )  # (其实有一家是线上的，家数不变: one of them)
            for f in numbers(t)
        )
    return any(
        _STRESS.search(f.before)
        and not _IF_SO.match(f.after)
        and not re.search(r"(?:(?<![只仅就才实该])有|里|中)\s*$", f.before)
        and not (f.before.endswith("有") and re.match(r"\s*\S{0,2}?是", f.after))  # (其实有一次是线上的: one of them)
        for f in numbers(t)
    )


# a reading that found the figures impossible together: a correction saying so takes the old figure back
_CONFLICTS = {"figures do not add up", "fewer units than types", "count over total", "share over 100"}


def _stated_first(stressed: str, rest: str) -> bool:
    """The new figure is stated first and told part by part after it (是两次，分别在3月、6月和9月) — not a total
    worked out last from parts said before it (四次里有两次是同一家，合并算的话是三次)."""
    clauses = [p for p in re.split(r"[，,。；;:：]", normalize(rest)) if p.strip()]
    first = next((i for i, p in enumerate(clauses) if numbers(p)), None)
    return first is not None and first < len(clauses) - 1 and clauses[first] == normalize(stressed).strip(" ，,。")


_IF_SO = re.compile(r"\S{0,2}?的话")  # 算一家的话: a figure supposed, not stated
_SO_IT_IS = re.compile(r"(?:所以|那就|就|总共|一共|剩下?|加起来)(?:是|有)?\s*$")


def _parts_stated(rule: TwoPartRule, t: str, said: Mapping[str, Any]) -> str:
    """The parts of a two-count answer a change states in their own measure words (是四类 / 剩5类8家 / 就是三类
    五家 / 算一家的话就是九家), the others as they were; '' when a part is stated twice or none is."""
    stated = _stated_parts(rule, t)
    if not stated:
        return ""
    return "，".join(
        f"{p.cues[0] if p.cues else p.label}{stated.get(p.key, said.get(p.key, 0)):g}{p.words[0]}" for p in rule.parts
    )


def _stated_parts(rule: TwoPartRule, t: str) -> dict[str, float]:
    """The counts _parts_stated finds, by part key (empty when none, or one is stated twice)."""
    stated: dict[str, float] = {}
    for clause in re.split(r"[，,。；;:：]", t):
        prev = ""  # the unit of the clause's last stressed figure: 就是三类五家 stresses both
        for f in numbers(clause):
            follows = bool(prev) and re.search(rf"\d\s*{re.escape(prev)}[\s、和]?$", f.before) is not None
            lead = f.quantity.relation != "eq" and bool(  # 不对，至少6家，律所有两家: a bound said first
                re.fullmatch(r"\s*(?:至少|起码|最少|不少于|不低于|将近|接近|差不多|大概|大约|约)?\s*", f.before)
            )
            lead = lead or bool(  # sorry类型说多了 三类 家数不变: a figure said alone in its clause
                f.unit
                and (not f.before.strip() or f.before.endswith(" "))
                and re.fullmatch(rf"\s*{re.escape(f.unit)}\s*[吧了啊呀哈]?\s*", f.after)
            )
            lead = lead or bool(  # 现在就剩律所3家: what is left, named
                re.search(r"(?:剩下?的?|只剩)[\u4e00-\u9fff]{0,4}$", f.before)
            )
            lead = lead or bool(  # 就法律、信息、鉴定、咨询四类: the kinds listed, then how many
                re.fullmatch(
                    r"(?:就|只有|其实(?:就|只有)?|实际上?(?:就|只有)?|是)?[\u4e00-\u9fff]{1,8}(?:[、和及与][\u4e00-\u9fff]{1,8})+",
                    f.before,
                )
            )
            if _IF_SO.match(f.after) or not (_STRESS.search(f.before) or follows or lead):
                continue
            prev = f.unit or "家"
            part = next((p for p in rule.parts if f.unit and f.unit in p.words), None)
            if part is None or (part.key in stated and not _SO_IT_IS.search(f.before)):
                return {}  # (其实算一类，所以是四类: what it comes to, said last, wins)
            stated[part.key] = f.quantity.value
    return stated


def _old_figure_explained(rest: str, said: str) -> str:
    """The correction without a clause that only says what the old figure was (七八家 → 是不到五家，七八家是来咨询过的 /
    一百来人次，四百是公众号的阅读量): that figure is the one said before, explained, and no part of the new one."""
    clauses = re.split(r"(?<=[，,。；;])", rest)
    old = {f.quantity.value for f in numbers(said)}
    kept = [
        p
        for p in clauses
        if not (
            (found := numbers(p))
            and found[0].quantity.value in old
            and re.match(r"\s*(?:都|其实|那|这)?(?:是|指的是|说的是|算的是)", found[0].after[len(found[0].unit) :])
        )
    ]
    return "".join(kept).strip("，,。；; ") if kept != clauses and any(numbers(p) for p in kept) else rest


def _stressed_clause(rest: str) -> str:
    """Of the clauses with figures, the one that states the new figure (是 / 应该 / 一共 …, or a figure alone)."""
    with_figures = [p for p in re.split(r"[，,。；;]", rest) if numbers(p)]
    stressed = [  # (…，不是380: the figure denied is not stressed)
        p
        for p in with_figures
        if any(_STRESS.search(f.before) and not re.search(r"(?:不是|并非|而非)\s*$", f.before) for f in numbers(p))
    ]
    alone = [  # 还有一起上周刚签，3起: a figure said alone is the new one (是6家，漏算了两家: 是 wins)
        p
        for p in with_figures
        if re.fullmatch(r"(?:是|共|一共|总共)?\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{0,2}[吧了啊呀]?", arabic(normalize(p)))
    ]
    stressed = stressed or alone
    if not stressed and len(with_figures) > 1:
        return rest  # 成功立案的1起，调解成功的1起，一共就这些: the figures together, as a reply is read
    return (stressed or with_figures or [rest])[-1 if len(stressed) > 1 else 0]


# where a message turns from the correction to the question now asked: a new sentence, or 这题 / X的话 / 至于
_NOW_TURN = re.compile(
    r"(?<=[。；;!！\n])|(?<=[，,])(?=[^，,。；;有没不是]{0,10}(?:这题|这一题|这个问题|这一项|这项|这条)(?:[:：，,]|的话|(?=[有没也都是不])))|"
    r"(?<=[，,])(?=[^，,。；;有没不是]{1,10}的话(?:[，,]|(?=[有没也都])))|(?<=[，,])(?=至于)"
)
# 不对是2次，整改都做了 / 说错了 是2家 侵权事件没有发生过: any comma or space, tried after the marked turns,
# and only where what follows is about the question now asked
_NOW_TURN_WEAK = re.compile(r"(?<=[，,])|(?<=[^\s，,。；;])(?=\s+\S)")
_NOW_MARK = re.compile(
    r"^(?:至于)?[^，,。；;:：有没不是]{0,10}?(?:(?:这题|这一题|这个问题|这一项|这项|这条)(?:的话)?|的话)[:：，,]?\s*"
)
_ALL_OF_THEM = re.compile(
    r"(?<![每年月天直])(?:都|全)|所有|每(?:个|项|样)|样样|统统|一应俱全"
)  # 每年都搞 is a frequency
_NONE_OF_THEM = re.compile(
    r"没人|没有人|什么都|啥都|一次也没|一个也没|一样也没|都(?:没|不|还没)|全(?:都)?(?:没|不)|一(?:个|样|项)(?:都|也)(?:没|不)|根本|压根|完全(?:没|不)|什么都没|啥都没|全部(?:没|不)|"
    r"从来?没|从未|一直没|说反了|"
    r"算(?:是)?(?:没有|没做|不符合|没做到)(?:吧|的)?(?:[,，。!！]|$)|^(?:其实)?(?:没有|没做)(?:[,，。]|$)"  # …算没做吧: the verdict said
)


_SOME_OF_THEM = re.compile(
    r"几(?:个|位|名|家|人|台|份)|一些|有些|部分|只有|只是(?!开会|口头|嘴上|说说|提|讲|聊|形式|走)|仅|个别|新来|新招|新入职|刚来|其他|其余|一半|高管|骨干|"
    r"没留|没拍|没组织|不知道"
)


# a group of people, not all of them: 转岗过来的那批 / 新来的几个 / 销售那边
_A_GROUP = re.compile(
    r"(?:那|这|一)批|(?:那|这)几(?:个|位)|转岗|新来|新招|新入职|刚来|刚入职|实习生|外包|临时工|个别|少数|部分(?:人|员工|部门|岗位)|"
    r"(?:销售|研发|生产|行政|财务|市场|技术|采购)(?:那边|这边|部门|岗|的人|的同事)"
)


def _none_of_them(c: Criterion, text: str) -> bool:
    """三样其实都还没落实 takes it all back; 加密和备份暂时都没有 names some of the measures: only those."""
    if not _NONE_OF_THEM.search(text) or _A_GROUP.search(text):
        return False  # 转岗过来的一直没补签过: none of that group only
    listed = re.search(r"([^,，。；;]{2,14}?)(?:暂时|目前|现在|也|还|其实)?(?:都|全)(?:还)?(?:没|不|未)", text)
    measures = context(c).measure_list
    if listed and re.search(r"没|不|未|无|谁都|随便", text[listed.end() :]):
        return True  # 审批和陪同都没有，其实谁都能进: more taken back after the list
    return not (listed and 0 < len(measures_named(listed.group(1), measures)) < len(measures))


def _group_left_out(said: str, text: str) -> bool:
    """全员都培训过 → 今年新来的3个还没培 / 高管都签了 → 技术骨干那边还没有: a group left out of an answer
    that said all, sent as a message of its own. More of the last answer, not an answer to the next question."""
    t = normalize(text)
    return bool(
        _ALL_OF_THEM.search(normalize(said))
        and (_A_GROUP.search(t) or re.search(r"[\u4e00-\u9fff]{2,4}(?:那边|那几个|那几位|那些人)", t))
        and re.search(r"还没|没|未|不", t)
        and not _NONE_OF_THEM.search(t)
        and not re.match(r"(?:有|没有|是的|对|没|不)(?:[,，。!！\s]|$)", t)
    )


def _names_only(text: str, topic: str, other: str) -> bool:
    """Whether the text says a word of ``topic`` that ``other`` lacks (保密协议 of the question now asked)."""
    return any(w in topic and w not in other for w in topic_words(normalize(text)))


def _takes_all_back(c: Criterion, said: str, rest: str) -> bool:
    """每年都复评 / 记错了，定完密之后就没再评过: the correction denies every measure the answer named
    (or the criterion has one measure), so nothing of it is left."""
    if _SOME_OF_THEM.search(rest):
        return False  # 新来的几个还没培训 / 只有高管签了 / 签到表没留: a group or a part taken back, the rest stays
    measures = context(c).measure_list
    if len(measures) <= 1:
        return True
    named = measures_named(said, measures)
    denied: set[int] = set()
    kept: set[int] = set()
    for part in re.split(r"[，,。；;]", rest):
        (denied if re.search(r"没|不|未|无", part) else kept).update(measures_named(part, measures))
    if denied and not named:  # 有的，总经理挂帅 → 领导小组还没正式成立: the first measure is the practice itself
        return not (kept - denied) and (0 in denied or len(denied) > 1)
    return len(named) <= 1 if not denied else bool(named) and named <= denied


def _one_part_denied(c: Criterion, said: str, rest: str) -> bool:
    """有 → 经费那块其实没有专门预算 / 访客不用审批，登记一下就能进: after a bare yes, one clause that denies one of
    the criterion's measures — not the first, the practice itself, unless another is kept in so many words —
    leaves the rest: partial. 既没分级也没定期限, 两个都没, a second gap said without a negation, or a bare 没协助过
    take it all back."""
    measures = context(c).measure_list
    if len(measures) < 2 or len(normalize(said)) > 4 or _NONE_OF_THEM.search(rest):
        return False
    if re.search(r"(?:也|既|又|都|还)(?:没|不|未)", rest):
        return False  # 我们既没分级也没定期限: more than one gap
    parts = [p for p in re.split(r"[，,。；;：:]", rest) if p.strip()]
    negated = [p for p in parts if re.search(r"没|不|未|无", p)]
    if len(negated) != 1 or len(negated[0]) < 5:
        return False
    if re.match(r"(?:我们|公司|我司|咱们|本公司|单位)(?:也|都|还|从来|其实|根本)?(?:没有?|未|从未|不曾)", negated[0]):
        return False  # 我们没有成功协助过案件: the practice itself denied, not one of its measures
    denied = measures_named(negated[0], measures)
    others = [p for p in parts if p is not negated[0]]
    if len(denied) != 1 or not all(_KEPT.search(p) for p in others):
        return False  # 涉密区域没有门锁，和大办公室连在一起: the other clause is a gap too
    kept = set().union(*(measures_named(p, measures) for p in others)) - denied if others else set()
    return 0 not in denied or bool(kept)


_KEPT = re.compile(r"有|会|能|做了|签了|收回|交回|登记|在用|装了|开了|都在|照常")


# 其中两次是收费的 / 有一家还在创建中 / 其中一场还没办: a part of the figure before, said not to count
_PART_OFF = re.compile(
    r"^(?:不过|但是?|另外|哦|啊|对了)?[,，\s]*(?:(?:其中|里面|这里面|这当中)(?:有)?\s*[\d一二两三四五六七八九十]+|"
    r"[\d一二两三四五六七八九十百千]+\s*(?:次|场|起|家|个|人次)?(?:里|里面|当中|里头)(?:有)?\s*[\d一二两三四五六七八九十]|"
    r"(?:再)?(?:去掉|扣掉|减掉|刨掉|扣除|减去)|"
    r"有\s*[\d一二两三四五六七八九十]+\s*[^,，。]{0,12}?"
    r"(?:收费|有偿|园区外|区外|外地|还在|还没|没验收|在创建|创建中|没办|没开|取消|不算|没成|没立|撤|自己单位|本单位|自己的))|"
    r"[^,，。\d]{0,8}?(?:那|这)\s*[\d一二两三四五六七八九十]+\s*(?:次|场|起|家|个|人次)(?:里|里面|中|当中)(?:有)?\s*[\d一二两三四五六七八九十]|"
    r"[^,，。\d]{0,8}?(?:那个|那起|那家|那次|那场|那件)[^,，。\d]{0,8}?"  # 联芯那个最后没调成，去掉
    r"(?:没(?:有)?(?:成功|成|调成|立上|办成|通过|验收|做完|完成|办完)|不算|去掉|黄了|撤了)"
)
# more of a figure just given, in the next message: 还有一起调解成功的 / 这是上半年的，下半年还有… / 另外线上300多
_MORE_OF_FIGURE = re.compile(
    r"^(?:哦|啊|噢|诶|嗯|呃|对了|哦对了|啊对了|还有就是)*[,，\s]*(?:对了)?[,，\s]*"
    r"(?:还有|另外|另有|再加上?|加上|外加|以及|这是(?:上半年|下半年|线下|线上|报名|计划)|那是(?:上半年|下半年|报名|计划)|"
    r"(?:上|下)半年(?:还|又|也)|线上(?:还|又|也)|线下(?:还|又|也)|其余|剩下)"
)
# the periods of a rate just given that were done: 每季度一次 → 哦只做了上半年两个季度，下半年没搞
_LIMITS_FIGURE = re.compile(
    r"^(?:哦|啊|噢|不过|但是?|其实|实际上?)?[,，\s]*(?:只|就|才|仅)(?:做了|办了|搞了|查了|开了|有)[^,，。]*"
    r"(?:上半年|下半年|季度|\d+\s*个月|\d+\s*(?:次|场|回|期))"
)
# one period of the rate just given not done: 两次，上下半年各一次 → 下半年那次没做成
_PERIOD_NOT_DONE = re.compile(
    r"^(?:不过|但是?|哦|啊|对了|其实)?[,，\s]*(?:今年|去年)?(?:上半年|下半年|年中|年底|年初|[1-4]季度|\d+月)(?:的|份)?(?:那次|那场|那期|那回)"
    r"[^,，。]{0,10}?(?:没做成|没做|没搞|没办|没查|没开|取消|黄了|停了)"
)
# a qualifier of the figure just given, said alone: 大概吧 / 不到 / 差一点 / 也可能就一次
_QUALIFIES_FIGURE = re.compile(
    r"^(?:嗯|呃|额|哦)?[,，\s]*(?:大概|大约|差不多|估计|可能|也可能|应该|不到|没到|差一点|差点|至少|起码|最多|顶多|左右|上下|"
    r"多一点|只多不少|出头)[^,，]{0,12}$"
)
# nothing more of the figure just given: 就这些，没了 / 没别的了 — the question now asked is asked again
_NOTHING_MORE = re.compile(
    r"(?:(?:就这些|就这么多|没了|没有了|没别的了?|没有别的了?|就这样|就这)[了吧啊]?[,，。.!！~…\s]*|[\U0001F300-\U0001FAFF])+"
)


_ASKS_ABOUT = re.compile(r"[?？]|算不算|要不要|能不能|可不可以|可以吗|是不是|怎么算|还是按|吗[。.!！]*$")
# 前面说的受众人次… / 回头看前面公益服务次数… / 刚才内部检查次数…: an earlier answer pointed at by its words
_BACK_TO = re.compile(r"(?:前面|之前|上面|刚才|刚刚|先前|回头看)(?:说的|提到的|讲的|填的|报的|答的)?[\u4e00-\u9fff]{2}")
_NAMES_IT = re.compile(r"那个|那题|那项|那块|那道|那一项|那\s*\d+\s*(?:次|场|起|家|个|人次)")
_ASKED_BACK = re.compile(
    r"(?:算不算数?|能不能算|可不可以算|算吗|行不行|可以吗|对吗|是吗)[吗呢啊呀?？。!！\s]*$|[?？]\s*$"
)
_CONFIRMS = re.compile(
    r"确认|没问题|没错|不用改|不改了|就是这样|就这样|对的|准确|无误|属实|是按[^,，。]{0,14}(?:统计|算|计)的"
)  # 五百多是按签到表加线上观看数统计的: how the figure was counted, which stands
_SCORE_WORDS = re.compile(r"分数|得分|扣分|满分|封顶|分值|(?<![\d部])\d+\s*分(?!钟|之)|这(?:个|题)?分")
_REMARK = re.compile(
    _SCORE_WORDS.pattern
    + r"|问(?:这么|那么|得这么|得)多|问题(?:太|好|真)多|先看(?:看)?结果|还有多少题|还要多久|怎么还没完"
)


_A_QUESTION = re.compile(r"[?？]|[吗呢嘛]\s*$|来着|是不是|能不能|可不可以|要不要|需不需要|怎么|多少分|几分")


def _question_after(text: str) -> tuple[str, str] | None:
    """说错了是两起，那这样能加几分？ / 改一下，两起。调解协议书需要盖章原件吗？: a change of the last figure with a
    question of the unit's own after it — the change, and the question apart (it is no part of the figure)."""
    clauses = [x for x in re.split(r"(?<=[,，。;；!！?？])", text.strip()) if x.strip()]
    asked: list[str] = []
    while len(clauses) > 1 and _A_QUESTION.search(normalize(clauses[-1])):
        asked.insert(0, clauses.pop())
    head = "".join(clauses).strip().rstrip(",，;；")
    t = normalize(head)
    if not asked or not numbers(head) or not correction.EXPLICIT_CUE.search(t) or _A_QUESTION.search(t):
        return None
    question = "".join(asked).strip()
    return head, re.sub(r"^(?:那|那么|另外|还有|对了|顺便问一?下)[,，\s]*", "", question)


def _only_about(text: str, topic: str, other: str) -> bool:
    """其实秘密范围还没梳理过 (asked about 秘密范围, just after 场所经费): words of ``topic`` that ``other`` lacks,
    and none of ``other``'s own; a revision cue alone does not make it about the answer before."""
    own = topic_words(normalize(text))
    mine = {w for w in own if w in topic and w not in other}
    theirs = {w for w in own if w in other and w not in topic}
    return bool(mine) and not theirs and (len(mine) >= 2 or not correction.REVISION_CUE.search(normalize(text)))


def _mostly_about(text: str, topic: str, other: str) -> bool:
    """Two words or more of ``topic`` that ``other`` lacks, and none of ``other``'s own (另外服务时都签了保密协议，
    没发生过侵犯客户商秘的情况: 保密协议 and 侵犯 are the question now asked; 下半年检查未执行 is not)."""
    own = topic_words(normalize(text))
    mine = {w for w in own if w in topic and w not in other}
    return len(mine) >= 2 and not any(w in other and w not in topic for w in own)


def _the_subject(c: Criterion, words: str) -> bool:
    """海外那块 on the 海外维权 question / 职责那块 on the 职责 question: the subject asked, not a part of it."""
    return words in c.question + c.short + c.standard


_ONE_EXCEPTION = re.compile(
    r"(?:^|[,，\s]|其实|不过|但是?)有(?:1|一)?(?:家|个|份|位|名|台|两家|两个|几家|几个|几份)[^,，。]{0,14}?(?:没|未|不)"
)


def _some_left(c: Criterion, said: str, rest: str, r: Reading) -> bool:
    """A no that corrects a yes, but takes back only part of it: the rest of the yes stands (partial)."""
    if _NONE_OF_THEM.search(rest) is None and (
        (_ALL_OF_THEM.search(said) or (len(said) > 4 and NAMED_NO.match(rest))) and not _takes_all_back(c, said, rest)
    ):
        return True  # 都有 / 等等，访客证我们是没有的, or 签了，按岗位分了模板 / 转岗的人没补签
    if _NONE_OF_THEM.search(rest) is None and len(normalize(said)) <= 4 and _A_GROUP.search(rest):
        return True  # 签了 → 哦不对，转岗过来的那批还没补签: a group taken back from a bare yes
    if _NONE_OF_THEM.search(rest) is None and _ONE_EXCEPTION.search(rest):
        return True  # 签了 → 其实有家合作单位的合同没写保密条款: one exception, the rest stands
    area = re.search(r"([\u4e00-\u9fff]{2,8})(?:那块|那边|那部分|那一块)", rest)
    if _NONE_OF_THEM.search(rest) is None and area and not _the_subject(c, area.group(1)):
        return True  # 按岗位开权限 → 改一下，研发服务器那块还是大家都能进: one area taken back
    # 有 → 经费那块其实没有专门预算: one measure denied, unless the reply closes with its own verdict
    return _one_part_denied(c, said, rest) and not any(x.startswith("closing verdict") for x in r.reasons)


def _counted_as(c: Criterion, value: Any) -> str:
    """（按下限200人次计）after a range, so the unit confirms the figure that will be scored."""
    rule = c.rule
    q = as_quantity(value)
    if not isinstance(rule, (ThresholdRule, PerCountRule)) or q is None or q.relation != "range":
        return ""
    return f"（按下限{q.value:g}{rule.unit}计）"


def describe_answer(c: Criterion, value: Any) -> str:
    """A stored answer in words, for 上一题 / 修改 confirmations."""
    if value is None:
        return "未回答"
    if value == "unknown":
        return "不清楚"
    if value is True:
        return "没有发生过" if c.polarity == "absence" else "已做到"
    if value is False:
        return "发生过" if c.polarity == "absence" else "没有"
    if value == "partial":
        return "部分做到"
    rule = c.rule
    if isinstance(rule, (ThresholdRule, PerCountRule)):
        q = as_quantity(value)
        return q.describe(rule.unit) if q is not None else str(value)
    if isinstance(rule, TierRule):
        return next((t.label for t in rule.tiers if t.name == value), "都不是")
    if isinstance(rule, TwoPartRule):
        return "，".join(f"{p.label}{_n(value[p.key])}{p.unit}" for p in rule.parts if p.key in value)
    if isinstance(rule, AlternativesRule):
        parts = []
        for g in rule.groups:
            for k in g.conditions:
                q = as_quantity(value.get(k.key))
                if q is not None:
                    parts.append(f"{k.label}{q.describe(k.unit)}")
        return "，".join(parts)
    return str(value)


ReportSink = Callable[[Session, dict[str, Any]], str]


class Engine:
    """The conversation over a set of rubrics. ``report_sink`` stores a finished report
    (the adapter writes the files) and returns where the user can find it."""

    def __init__(self, rubrics: Mapping[str, Rubric], report_sink: ReportSink | None = None) -> None:
        self.rubrics = dict(rubrics)
        self.report_sink = report_sink

    # ── structure ────────────────────────────────────────────────────────
    def rubric(self, s: Session) -> Rubric:
        assert s.unit_type is not None
        return self.rubrics[s.unit_type]

    def basics(self, s: Session) -> list[FormField]:
        """The 申报表 fields of the unit's rubric (data: rubrics/*.yml ``form``)."""
        return self.rubric(s).form if s.unit_type else []

    def n_steps(self, s: Session) -> int:
        return len(self.basics(s)) + len(self.rubric(s).criteria)

    def criterion_at(self, s: Session, cursor: int | None = None) -> Criterion | None:
        i = (s.cursor if cursor is None else cursor) - len(self.basics(s))
        crits = self.rubric(s).criteria
        return crits[i] if 0 <= i < len(crits) else None

    def field_at(self, s: Session, cursor: int | None = None) -> FormField | None:
        i = s.cursor if cursor is None else cursor
        fields = self.basics(s)
        return fields[i] if 0 <= i < len(fields) else None

    def position(self, s: Session, c: Criterion) -> tuple[int, int]:
        crits = self.rubric(s).criteria
        return crits.index(c) + 1, len(crits)

    # ── entry point ──────────────────────────────────────────────────────
    def handle(self, s: Session, ev: UserEvent, split_ok: bool = True) -> list[Message]:
        """One turn. ``split_ok``: whether a reply may be taken apart into this question's answer and a change of an
        earlier one (off for the parts themselves)."""
        out: list[Message] = []
        if s.paused:
            s.paused = False
            if s.unit_type and ev.command not in ("restart", "pause"):
                out.append(Message(text="欢迎回来！我们从上次停下的地方继续。"))
                if ev.command in ("resume", "start"):
                    return out + self.ask(s)
        if s.confirm == "restart":
            return out + self._confirm_restart(s, ev)
        if not s.unit_type:
            return out + (self._welcome(s) if ev.command == "restart" else self._choose_unit_type(s, ev))
        if (back := correction.questions_back(ev.text)) is not None:
            place = s.cursor - len(self.basics(s)) - back[0]  # 上上题: counted back from the question now asked
            if 0 <= place < len(self.rubric(s).criteria):
                m = back[1]
                ev = replace(ev, text=f"{ev.text[: m.start()]}第{place + 1}题{ev.text[m.end() :]}", command="modify")
        last, s.last = s.last, None
        if ev.text and _BACK_ONLY.fullmatch(normalize(ev.text).strip()):
            last, ev = None, replace(ev, command="back")  # 返回上一题 (just after an answer): go back, no correction
        proposal, s.proposal = s.proposal, None
        declined, s.declined = s.declined, None
        if proposal is not None and (ev.command == "answer" or _REPLY_TO_PROPOSAL.match(ev.text.strip())):
            return out + self._settle(s, ev, proposal)
        if (
            proposal is not None
            and ev.command == "modify"
            and ev.text
            and not correction.names_a_question(ev.text)
            and self._find_target(s, ev) is None
        ):  # 我理解为“4起”，对吗？ → 更正下，第二年只有一起 (the NLU said modify): it corrects the proposal
            return out + self._settle(s, replace(ev, command="answer"), proposal)
        if declined is not None and ev.command == "answer" and self._limits_proposal(s, declined, ev.text):
            ev = replace(ev, text=f"{declined['words']}，{ev.text.strip()}")  # 杀毒装了 → 不是 → 别的都没搞
        if (
            split_ok
            and ev.command == "answer"
            and ev.text
            and last is not None
            and not s.pending
            and not s.finished
            and (pair := self._answer_then_change(s, ev.text)) is not None
        ):  # 维权指导没做过。顺带说下上一题的人次，320是两年加起来的，去年一年就150: the change first (上一题 is
            said_now, change, target = pair  # counted from the question now asked), then this question's answer
            at, s.last, change_ev = s.cursor, last, replace(ev, text=change)
            fix = correction.parse(change, s.answers[target.id], True)
            if fix is None and numbers(correction.without_pointer(change)) and not _CONFIRMS.search(normalize(change)):
                fix = correction.Correction("revision", change)  # 我刚说的三家里有一家是培育对象，所以是两家
            done = (
                self._correct(s, change_ev, target, fix)
                if fix is not None
                else self._named_and_kept(s, change_ev, target) or self.handle(s, change_ev, split_ok=False)
            )
            return out + self._now_answered(s, done, said_now, at)
        if s.finished and not s.reviewing and ev.text and _REVIEW_YES.search(normalize(ev.text)):
            return out + self._start_review(
                s
            )  # 好的，现在回看吧: the summary's question answered, whatever the NLU said
        if (
            ev.command in ("answer", "modify")
            and ev.text
            and (
                correction.names_a_question(ev.text)
                or self._quoted_answer(s, ev.text) is not None
                or self._names_an_answered_figure(s, ev)
            )
            and not s.pending
            and not self._names_a_figure_of(s, last, ev.text)
            and self._quoted_figure(s, ev.text) is None  # (我刚说的三家里有一家是培育对象: that figure's question)
        ):
            named = self._find_target(s, replace(ev, entities={}))
            just_answered = (
                len(self.basics(s)) + self.rubric(s).criteria.index(self.rubric(s).get(last)) if last else None
            )  # 背调这个我其实不清楚 just after 背调: a correction of the last answer, read as one below
            if (
                named is not None
                and named != s.cursor
                and named != just_answered
                and self.criterion_at(s, named) is not None
            ) or (named is None and s.answers and re.search(r"(?:前面|之前|上面|先前)(?:说|答|讲|回|填)", ev.text)):
                # 背调那个我要改：其实从来没做过 / …，这个我前面说得太好听了 (no question found: asked which)
                return out + self._modify(s, replace(ev, command="modify"))
        if last is not None and ev.text and (same := self._same_as_last(s, ev, last)) is not None:
            return out + same
        asked_too: str | None = None
        if last is not None and ev.text and (parts := _question_after(ev.text)) is not None:
            ev, asked_too = replace(ev, text=parts[0]), parts[1]  # 说错了是两起，那这样能加几分？: the change first
        if last is not None and ev.text and not correction.names_its_target(ev.text):
            c_last = self.rubric(s).get(last)
            quoted = self._quoted_figure(s, ev.text)
            if quoted is not None and quoted.id != last:
                c_last = quoted  # 我刚说的800是报名数，实际签到是460 (two questions later): the answer it quotes
            elif c_last.expects != "tier" and (tiered := self._tier_named(s, ev.text)) is not None:
                c_last = tiered  # 前面排名那题，不是市级，是区级 (two questions later): the tier's own question
            elif (c_last.expects == "boolean" or (c_last.expects == "number" and not _fits_unit(c_last, ev.text))) and (
                owner := self._figure_owner(s, ev.text)
            ) is not None:
                c_last = owner  # 300 / 协助过维权 / 宣传人次多打了一个0，是30人次: the figure's own question
                # (4次 just said, then 宣传活动全年一共320人次，以这个为准: 人次 is no count of 次)
            if c_last.id == last and (disputed := self._figure_disputed(s, ev, c_last)) is not None:
                return out + disputed  # 5家 → 其实没那么多吧: no 0, and no answer to the question now asked
            fix = correction.parse(
                ev.text, s.answers.get(c_last.id if quoted is c_last else last), c_last.expects != "boolean"
            )
            if fix is None:
                fix = self._figure_revised(s, ev.text, c_last) or self._tier_revised(s, ev.text, c_last)
            if (
                fix is None
                and quoted is not None
                and quoted is c_last
                and not _ASKED_BACK.search(normalize(ev.text))  # (刚才说的1次对吧，明年打算加到两次: asked, a plan)
                and not re.search(r"明年|打算|计划|准备|将来|争取", ev.text)
            ):
                fix = correction.Correction("revision", ev.text)  # 我刚说的三家里有一家是培育对象，所以是两家
            head = self._head_target(s, ev.text, last) if fix is not None else None
            if (
                fix is not None
                and quoted is not c_last  # (我刚说的三家里有一家是培育对象: the quoted figure names its question)
                and ("那题" in ev.text or correction.names_a_question(ev.text) or head is not None)
                and not self._names_a_figure_of(s, last, ev.text)  # 培训那个数说错了: a figure of the last answer
            ):  # 竞业限制那题要改成有
                if head is not None:  # 竞业限制再更正下：… — the words before the change name an earlier answer
                    ev = replace(ev, entities={"criterion": head})
                named = self._find_target(s, ev if head is not None else replace(ev, entities={}))
                if named == s.cursor:
                    fix = None  # 其实密级标识这个是有的 (asked 密级标识 now): an answer to the question now asked
                elif (
                    named is None
                    and c_last.id != last
                    and c_last.expects == "number"
                    and self._named_by_its_words(ev.text, c_last)
                ):
                    pass  # 前面检查次数那题说错了，只有一次: the figure's own question, named by its words
                elif named != len(self.basics(s)) + self.rubric(s).criteria.index(c_last) and (
                    named is not None
                    or (
                        _REAL_NAME.search(normalize(ev.text)) is not None
                        and not re.search(r"刚才|刚刚|刚那|上一?题|上个(?:问题|题)|前一题", ev.text)
                    )
                ):  # a question named that we cannot find: asked which, never the last one changed instead
                    return out + self._modify(s, replace(ev, command="modify"))
            current = self.criterion_at(s)
            if (
                fix is not None
                and fix.kind == "supplement"
                and correction.opens_with_contrast(ev.text)
                and current is not None
                and correction.about(ev.text, context(current).topic, context(c_last).topic)
            ):
                fix = None  # 不过账号密码不交回 (just after 会告知 on 离职告知): it answers the question now asked
            if fix is not None and fix.kind == "revision" and not self._revises(s, c_last, fix):
                fix = None  # 其实也有: it answers the question now asked
            if (
                fix is not None
                and fix.kind in ("revision", "supplement", "checked")
                and self._answers_now(s, ev, c_last)
            ):
                fix = None  # 一次 → 检查发现的问题没整改过，那次检查完就放着了: 整改 is the question now asked
            if (
                fix is not None
                and correction.only_points_back(ev.text)
                and not (c_last.expects in ("number", "counts") and numbers(ev.text))  # (刚才那个是4家: a new figure)
                and self._answers_now(s, replace(ev, text=correction.without_pointer(ev.text)), c_last)
            ):
                fix = None  # 前面那题说的目录里，每一项都标了密级和期限: the question now asked, told by the last one
            if (
                fix is not None
                and fix.kind in ("revision", "supplement")
                and current is not None
                and current.id != c_last.id
                and (c_last.expects == "boolean" or not numbers(ev.text))  # 真正查商秘的只有下半年一次: the figure's
                and _only_about(ev.text, context(current).topic, context(c_last).topic)
            ):
                fix = None  # 其实秘密范围还没梳理过 (just after 场所经费): words of the question now asked only
            if (
                fix is not None
                and fix.kind == "supplement"
                and c_last.expects == "number"
                and not numbers(ev.text)
                and not says_zero(normalize(ev.text))
            ):
                fix = None  # 350人次 → 但是维权还没帮过谁: no figure, so nothing more of the figure
            if (
                fix is not None
                and fix.kind == "supplement"
                and c_last.expects == "number"
                and _PART_OFF.match(normalize(ev.text))
                and not _LEFT_NOW.search(normalize(ev.text))
            ):
                fix = None  # 400 → 不过其中有一场是别人办的，那场150人: a part of the figure, read with it below
            if (
                fix is not None
                and current is not None
                and current.id != c_last.id
                and (context(current).absence or context(current).no_bad_event_ok)
                and not (context(c_last).absence or context(c_last).no_bad_event_ok)
                and NO_BAD_EVENT.search(normalize(ev.text))
                and self._split_now(s, ev.text, c_last, current) is None  # (上题改成2家。侵权事件没发生过: both)
            ):
                fix = None  # 三家 → 不是不是，园区里从没出过这种事: no incident, the question now asked
            if (
                fix is not None
                and c_last.id in s.answers
                and _ASKED_BACK.search(normalize(ev.text))
                and (kept := self._named_and_kept(s, ev, c_last)) is not None
            ):
                return out + kept  # 那两次里有一次只查了制度，这样算不算数？: a question about it, not a change
            if fix is not None:
                split = self._split_now(s, ev.text, c_last, current)
                if split is not None:  # 上一题改成部分，有几台老设备还是默认密码。加密这题：都没有
                    head, now = split
                    fix = correction.parse(head, s.answers.get(c_last.id), c_last.expects != "boolean") or fix
                    return out + self._then(s, self._correct(s, replace(ev, text=head), c_last, fix), now)
                if asked_too is not None:
                    out.append(
                        Message(
                            text=f"关于您问的“{asked_too}”：第 {self.position(s, c_last)[0]} 项“{c_last.short}”"
                            f"的标准是：{c_last.standard.rstrip('。')}；证明材料：{'；'.join(c_last.evidence)}。"
                        )
                    )
                return out + self._correct(s, ev, c_last, fix)
            if asked_too is not None:
                ev = replace(ev, text=f"{ev.text}，{asked_too}")  # no change after all: the message as said
            if ev.command == "answer":
                guess = (
                    self._remark(s, ev)
                    or self._confirms_earlier(s, ev)
                    or self._kept_as_said(s, ev, c_last)
                    or self._two_count_changed(s, ev, c_last)
                    or self._rank_again(s, ev, c_last)
                    or self._topical_correction(s, ev, c_last)
                    or self._same_figure_again(s, ev, c_last)
                    or self._figure_continued(s, ev, c_last)
                    or self._figure_after_figure(s, ev, c_last)
                    or self._part_revised(s, ev, c_last)
                    or self._item_of_figure(s, ev, c_last)
                )
                if guess is not None:
                    return out + guess
            words = COMMAND_WORDS.get(ev.command)
            if (
                s.finished
                and not s.reviewing
                and ev.command not in ("restart", "start")
                and (
                    words is None or not words.search(normalize(ev.text))
                )  # whatever DIET called it, unless it says so
            ):
                late = self._late_change(s, ev, c_last)
                if late is not None:
                    return out + late
        ev = self._answer_if_misrouted(s, ev)
        if (
            ev.command == "answer"
            and len(normalize(ev.text)) <= 16
            and _DEFER.search(normalize(ev.text))
            and not re.search(r"不(?:太)?(?:清楚|知道|确定)|拿不准|说不好|没印象", normalize(ev.text))  # 不清楚，先跳过
        ):
            ev = replace(
                ev, command="skip"
            )  # 这个先空着～ / 这个后面再说，先问别的: a skip, not a blank (空着 = a gap)
        if ev.command != "modify" and ev.text and correction.names_its_target(ev.text):
            ev = replace(ev, command="modify")  # 第三题要改成有: whatever the NLU said, it is about question 3
        if ev.command == "restart":
            s.confirm = "restart"
            return [
                *out,
                Message(
                    text="重新开始会清空已经填写的全部答案，确定吗？",
                    buttons=[Button(title="确定，重新开始", payload="/affirm"), Button(title="取消", payload="/deny")],
                ),
            ]
        handler = {
            "answer": self._answer,
            "explain": self._explain,
            "skip": self._skip,
            "back": self._back,
            "modify": self._modify,
            "progress": self._progress,
            "score": self._current_score,
            "pause": self._pause,
            "resume": self._resume,
            "start": self._resume,
            "report": self._report,
            "chitchat": self._chitchat,
        }[ev.command]
        return out + handler(s, ev)

    def _answer_if_misrouted(self, s: Session, ev: UserEvent) -> UserEvent:
        """A reply the NLU sent to a command ("暂时没有" -> pause) without that command's own words,
        which reads as an answer to the current question, is that answer: commands need their words."""
        if ev.command in ("answer", "start") or not ev.text.strip() or s.finished:
            return ev  # (a follow-up asked for a figure is checked too: 免费咨询两回 is no 'go back')
        t = _INDEFINITE_WH.sub("", normalize(ev.text))  # 啥也不签 / 没啥联系: "nothing", not "what?"
        words = COMMAND_WORDS.get(ev.command)
        # a command is said short ("跳过", "这题啥意思") or leads with its words ("解释一下这个…");
        # a longer reply that only mentions them ("…出了排查报告") is an answer that happens to
        c = self.criterion_at(s)
        if words is not None and (words.search(t[:6]) or (len(t) <= 10 and words.search(t))):
            # 没什么要求，来了就进 / 网络这块不懂 / 还在打报告申请，目前没有: a command's word inside a plain answer
            if c is None or ev.command not in ("explain", "report", "back") or _ASKS_FOR_HELP.search(t):
                return ev
            r = read(c, ev.text, Hint(), s.pending)
            return replace(ev, command="answer") if r.outcome == "record" and r.confidence >= 0.85 else ev
        if c is None:
            return ev
        r = read(c, ev.text, Hint(), s.pending)
        if r.outcome == "reask" and "not an answer" in r.reasons and ev.command != "chitchat":
            return replace(ev, command="answer")  # 直接给我记满分 (DIET: report): told why nothing is recorded
        sure = r.outcome == "record" and r.confidence >= (CONFIRM_BELOW if ev.command == "chitchat" else 0.5)
        sure = sure or (bool(s.pending) and r.outcome == "more" and r.pending != s.pending)  # more of the figures
        return replace(ev, command="answer") if sure else ev

    # ── start and unit type ──────────────────────────────────────────────
    def _welcome(self, s: Session) -> list[Message]:
        return [
            Message(
                text=(
                    "你好！我是商秘自评助手。我会对照松江区市场监管局的商业秘密保护示范区、示范站（点）验收表，"
                    "用聊天的方式逐项和你核对，最后给出得分和差距报告：哪些措施还缺、各丢多少分、该怎么补、要准备哪些证明材料。\n"
                    "企业（示范点）约 60 个问题，协会/服务机构（示范站）约 40 个，园区（示范区）约 30 个，"
                    "大约 10–20 分钟；中途可以暂停，下次接着做。\n" + HELP
                )
            ),
            self._unit_question(),
        ]

    def _unit_question(self) -> Message:
        return Message(
            text="先请问贵单位属于哪一类？", buttons=UNIT_BUTTONS, custom={"field": "unit_type", "expects": "choice"}
        )

    def _choose_unit_type(self, s: Session, ev: UserEvent) -> list[Message]:
        ut = ev.entities.get("unit_type")
        if ut not in self.rubrics:
            ut = detect_unit_type(ev.text) if ev.command in ("answer", "start", "resume") else None
        if ut not in self.rubrics:
            if ev.command == "chitchat":
                return [Message(text=_chitchat_reply(ev)), self._unit_question()]
            if ev.command != "answer" or not ev.text:  # 你好 / 解释一下 / 进度 … before choosing
                return self._welcome(s)
            s.misses += 1
            return [
                Message(
                    text="没太明白贵单位属于哪一类。企业选“示范点”，行业协会、律所、公证或鉴定机构选“示范站”，园区、孵化器选“示范区”：",
                    buttons=UNIT_BUTTONS,
                    custom={"field": "unit_type", "expects": "choice"},
                )
            ]
        assert ut is not None
        r = self.rubrics[ut]
        s.unit_type, s.rubric_version, s.cursor, s.misses = ut, r.version, 0, 0
        intro = Message(
            text=(
                f"好的，按{UNIT_NAMES[ut]}的《{r.title}》自评：基本项 {len(r.base_criteria)} 项共 {_n(r.base_max)} 分，"
                f"加分项 {len(r.bonus_criteria)} 项最多加 {_n(r.bonus_max)} 分。"
            )
        )
        return [intro, *self.ask(s)]

    # ── asking ───────────────────────────────────────────────────────────
    def ask(self, s: Session, intro: bool = False, prefix: str = "") -> list[Message]:
        """The current question (or the final summary), with buttons and the custom payload."""
        if s.finished or s.cursor >= self.n_steps(s):
            return self._summary(s)
        pre = f"{prefix}\n" if prefix else ""
        f = self.field_at(s)
        if f is not None:
            i = s.cursor + 1
            current = s.basics.get(f.key)
            note = f"（已填：{current}）" if current else ""
            return [
                Message(
                    text=f"{pre}【申报表 {i}/{len(self.basics(s))}】{f.question}{note}",
                    buttons=[SKIP_BUTTON, Button(title="跳过全部基本信息", payload="全部跳过")],
                    custom={"field": f.key, "expects": "text"},
                )
            ]
        c = self.criterion_at(s)
        assert c is not None
        i, n = self.position(s, c)
        head = f"{pre}{self.rubric(s).intro(c.indicator)}\n" if intro else pre
        where = c.indicator + (f"·{c.content}" if c.content else "")
        label = f"【第 {i}/{n} 项 · {where} · {'最多 ' if c.bonus else ''}{_n(c.points)} 分】"
        if s.pending:
            return [self._sub_question(s, c, head + label, (i, n))]
        expects, buttons = self._expects(c)
        prev = s.answers.get(c.id)
        note = f"\n（之前的回答：{describe_answer(c, prev)}）" if c.id in s.answers else ""
        return [
            Message(
                text=f"{head}{label}\n{c.question}{note}",
                buttons=buttons,
                custom={"criterion": c.id, "expects": expects, "progress": [i, n]},
            )
        ]

    def _expects(self, c: Criterion) -> tuple[str, list[Button]]:
        rule = c.rule
        if isinstance(rule, TierRule):
            tb = [Button(title=t.label, payload=f'/inform_tier{{"tier":"{t.name}"}}') for t in rule.tiers]
            tb.append(Button(title="都不是", payload=f'/inform_tier{{"tier":"{TIER_NONE}"}}'))
            return "tier", [*tb, Button(title="不清楚", payload="/unsure")]
        if isinstance(rule, (ThresholdRule, PerCountRule)):
            return "number", NUMBER_BUTTONS
        if isinstance(rule, TwoPartRule):
            return "counts", NUMBER_BUTTONS
        if isinstance(rule, AlternativesRule):
            gb = [Button(title=g.label, payload=f'/inform_text{{"choice":"{g.name}"}}') for g in rule.groups]
            return "choice", [
                *gb,
                Button(title="不清楚", payload="/unsure"),
                Button(title="解释一下", payload="/explain"),
            ]
        return "boolean", ABSENCE_BUTTONS if c.polarity == "absence" else BOOL_BUTTONS

    def _sub_question(self, s: Session, c: Criterion, head: str, progress: tuple[int, int]) -> Message:
        rule = c.rule
        key = s.pending.get("key")
        question = str(s.pending.get("question") or "")  # 这是上半年的，全年一共是多少？: the reading's own follow-up
        if not question and isinstance(rule, TwoPartRule):
            question = next(p.question for p in rule.parts if p.key == key)
        elif not question and isinstance(rule, AlternativesRule):
            group = next(g for g in rule.groups if g.name == s.pending.get("group"))
            if key == "total":
                question = group.total_question or question
            else:
                question = next(k.question for k in group.conditions if k.key == key)
        question = question or "请告诉我具体数字。"
        return Message(
            text=f"{head}\n{question}",
            buttons=NUMBER_BUTTONS,
            custom={"criterion": c.id, "expects": "number", "progress": list(progress), "key": key},
        )

    # ── answers ──────────────────────────────────────────────────────────
    def _answer(self, s: Session, ev: UserEvent) -> list[Message]:
        if s.finished and not s.reviewing:
            if ev.hint == "affirm" or ev.text.strip() in ("回看待确认", "好", "好的"):
                return self._start_review(s)
            return self._summary(s, brief=True)
        f = self.field_at(s)
        if f is not None:
            return self._answer_field(s, f, ev)
        c = self.criterion_at(s)
        assert c is not None
        if c.id in s.answers and c.expects == "number" and not s.pending:
            changed = self._changed_to(c, ev.text, s.answers[c.id])
            if changed is not None:
                return self._apply(s, c, changed)
        pending = s.pending
        if not pending and isinstance(c.rule, AlternativesRule) and isinstance(s.answers.get(c.id), dict):
            before = next(
                (g.name for g in c.rule.groups if {k.key for k in g.conditions} & set(s.answers[c.id])), None
            )  # 律所，客户四家 → 修改第24题 → 至少五家: still a 律所 unless the new answer says otherwise
            pending = {"group_before": before} if before else {}
        return self._apply(s, c, read(c, ev.text, _hint(ev), pending))

    @staticmethod
    def _changed_to(c: Criterion, text: str, old: Any) -> Reading | None:
        """修改第20题 → 改成 2 起，刚想起来还有一起 / 四起里有一起不是园区企业的，改为3起: the figure said as the
        change is the new answer (not the figures told around it, added up)."""
        fix = correction.parse(text, old, True)
        if fix is None or fix.kind != "explicit" or not fix.rest or normalize(fix.rest) == normalize(text):
            return None
        if not _CHANGED_TO.search(normalize(text)) or not numbers(fix.rest):
            return None
        r = read(c, fix.rest, Hint(), {})
        return r.model_copy(update={"words": text}) if r.outcome == "record" else None

    def _late_change(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """哦有的，我们编了一本指引 / 算了，其实就是常规宣传 right after the last question: the walk is over, so
        nothing else can be meant but that answer. Only proposed ("您是要把第 N 项改为…吗？"), never recorded
        unasked, and only when it reads as something else than was recorded; a short 好 / 不用 answers
        the summary's question."""
        text = normalize(ev.text)
        if len(text) < 5 or _CONFIRM_YES.match(text) or _CONFIRM_NO.match(text):
            return None
        if self.rubric(s).criteria[-1].id != c.id:
            return None  # the summary after a review or a jump: the last answer may be anywhere
        r = read(c, ev.text, Hint(), {})
        previous = s.answers.get(c.id)
        if r.outcome != "record" or r.value == previous or (r.value == "unknown" and not UNSURE.search(text)):
            return None
        s.proposal = {"criterion": c.id, "value": r.value, "words": describe_words(ev.text.strip())}
        return [self._proposal_message(s, c, r.value, change=c.id in s.answers)]

    def _apply(self, s: Session, c: Criterion, r: Reading) -> list[Message]:
        """Record a reading, confirm it first when unsure, ask the follow-up, or ask again."""
        again = c.id in s.answers and c.expects in ("number", "counts")  # 修改第15题 → a new figure for an old one
        if again and r.outcome == "more" and c.expects == "counts" and not s.pending:
            whole = read(c, r.words, Hint(), self._figures_said(s, c))  # 修改第24题 → 培训过的只有15家: that one
            if whole.outcome == "record":  # figure changed, the others as said before
                r = whole
        if r.outcome == "more":
            s.pending = r.pending
            s.misses = 0
            return self.ask(s)
        if again and r.outcome == "reask" and _CONFLICTS & set(r.reasons):
            return self._taken_back(s, c, "conflict", r.problem)  # 五类两家 / 比例是130%: neither stands
        if again and r.outcome in ("reask", "record") and _doubted(c, r, r.words):
            return self._taken_back(s, c, "doubt")  # 大概三百上下吧，我也记不清 / 一两次吧，说不好
        if r.outcome == "reask":
            return self._not_understood(s, c, r.problem)
        if r.needs_confirmation:
            s.proposal = {
                "criterion": c.id,
                "value": r.value,
                "words": describe_words(r.words),
                **({"back": True} if again else {}),  # (两三家吧 → 不是: the old figure was to be changed)
            }
            return [self._proposal_message(s, c, r.value, paused="a pause" in r.reasons)]
        return self._record(s, c, r.value, r.words)

    def _record(self, s: Session, c: Criterion, value: Any, words: str, ack_prefix: str = "") -> list[Message]:
        s.answers[c.id] = value
        s.words[c.id] = describe_words(words)
        s.last = c.id
        s.misses = 0
        s.pending = {}
        return self._after_answer(s, f"{ack_prefix}记下了：{describe_answer(c, value)}。")

    def _propose_change(self, s: Session, c: Criterion, value: Any, words: str, back: bool = False) -> list[Message]:
        """Ask whether answer ``c`` is to change to ``value`` (recorded only on a yes): the one way a change is proposed.
        ``back``: the unit said the old answer is wrong, so a 不是 takes it back rather than keeping it."""
        s.proposal = {"criterion": c.id, "value": value, "words": words, **({"back": True} if back else {})}
        return [self._proposal_message(s, c, value, change=True)]

    def _proposal_message(
        self, s: Session, c: Criterion, value: Any, change: bool = False, paused: bool = False
    ) -> Message:
        i, n = self.position(s, c)
        if change:
            text = f"您是要把第 {i} 项“{c.short}”从“{describe_answer(c, s.answers.get(c.id))}”改为“{describe_answer(c, value)}”吗？"
        elif paused:  # 稍等，我接个电话: no hurry; the same proposal, worded for someone who steps away
            text = f"好的，不着急，准备好了直接回答这一题就行。要先把这一题记为“{describe_answer(c, value)}”吗？（第 {i} 项 · {c.short}）"
        else:
            text = f"我理解为“{describe_answer(c, value)}”{_counted_as(c, value)}，对吗？（第 {i} 项 · {c.short}）"
        return Message(
            text=text,
            buttons=[
                Button(title="是的", payload="/affirm"),
                Button(title="不是，重新选", payload="/deny"),
            ],
            custom={"criterion": c.id, "expects": "confirm", "proposed": value, "progress": [i, n]},
        )

    def _settle(self, s: Session, ev: UserEvent, proposal: dict[str, Any]) -> list[Message]:
        """The reply to "我理解为…，对吗？": 是 records the proposal, 不是 asks again, anything else is a new answer."""
        c = self.rubric(s).get(proposal["criterion"])
        text = ev.text.strip()
        verdict = analyze(text) if text else None
        yes = (not text and ev.intent == "affirm") or bool(_CONFIRM_YES.match(text))
        no = (not text and ev.intent == "deny") or bool(_CONFIRM_NO.match(text))
        current = self.criterion_at(s)
        then = str(proposal.get("then") or "")  # the answer to the question now asked, said with the correction
        if yes and not no:
            if (current is not None and current.id != c.id) or (current is None and c.id in s.answers):
                # a confirmed correction: the walk stays here (or at the summary, once it is over)
                applied = self._apply_correction(
                    s, c, Reading(outcome="record", value=proposal["value"], words=proposal["words"])
                )
                return self._then(s, applied, then)
            return self._record(s, c, proposal["value"], proposal["words"])
        if no or (verdict is not None and verdict.verdict is None and not text):
            if (
                c.expects in ("number", "counts")
                and c.id in s.answers
                and (proposal.get("back") or correction.disowns(proposal["words"]))
            ):
                return self._taken_back(s, c, "declined")  # 不对，… → 不是: neither figure stands, asked again
            if (current is not None and current.id != c.id) or (current is None and c.id in s.answers):
                kept = f"好的，第 {self.position(s, c)[0]} 项“{c.short}”保持原来的回答。"  # a correction not confirmed
                if then and current is not None:
                    return [Message(text=kept), *self._answer(s, UserEvent("answer", then))]
                return (
                    self.ask(s, prefix=kept)
                    if current is not None
                    else [Message(text=kept), *self._summary(s, brief=True)]
                )
            s.declined = proposal
            return self.ask(s, prefix="好的，那请直接点选，或者换个说法：")
        if current is not None and current.id != c.id:
            return self._apply_correction(s, c, read(c, text, _hint(ev), {}))
        if (
            c.expects in ("number", "counts")
            and current is not None
            and c.id not in s.answers
            and s.cursor + 1 < self.n_steps(s)  # (the last question's answer would finish the walk, and report)
            and (fix := correction.parse(text, proposal["value"], True)) is not None
        ):
            return self._proposal_corrected(s, ev, c, proposal, fix)
        if self._limits_proposal(s, proposal, text):
            text = f"{proposal['words']}，{text}"  # 都存在单位电脑里 → 加密和备份暂时都没有: one reply in two messages
        return self._apply(s, c, read(c, text, _hint(ev), s.pending))

    def _proposal_corrected(
        self, s: Session, ev: UserEvent, c: Criterion, proposal: dict[str, Any], fix: correction.Correction
    ) -> list[Message]:
        """我理解为“4起”，对吗？ → 更正下，第二年只有一起: the change is told against the figure proposed, so it is
        read as a change of it (3起) — never as an answer of its own (1起). The proposal stands in for a moment as
        the answer it corrects; if the change leaves it as it was, nothing is kept and the question is asked again."""
        before = s.model_copy(deep=True)
        self._record(s, c, proposal["value"], proposal["words"])
        out = self._correct(s, ev, c, fix)
        was = f"原来记的“{describe_answer(c, proposal['value'])}”先撤下"
        head = (out[0].text or "") if out else ""
        if c.id not in s.answers and was in head:  # never recorded: say so
            out[0] = out[0].model_copy(
                update={"text": head.replace(was, f"“{describe_answer(c, proposal['value'])}”先不记")}
            )
        if s.proposal is not None and s.proposal.get("criterion") == c.id:
            changed = s.proposal  # 改为“3起”吗？: proposed as the answer instead, nothing recorded meanwhile
            _restore(s, before)
            s.proposal = {"criterion": c.id, "value": changed["value"], "words": changed["words"]}
            return [self._proposal_message(s, c, changed["value"])]
        if (
            c.id in s.answers
            and s.answers[c.id] == proposal["value"]
            and s.words.get(c.id) == describe_words(proposal["words"])
        ):
            _restore(s, before)
            return self.ask(s, prefix="好的，这个数先不记。请直接告诉我一个确切的数（说不准可以回答“不清楚”）：")
        return out

    # ── one-message corrections ──────────────────────────────────────────
    def _split_now(
        self, s: Session, text: str, c_last: Criterion, current: Criterion | None, named: bool = False
    ) -> tuple[str, str] | None:
        """更正上一条：三级密级和保密期限都有。复评的话每年一次: the correction, then the answer to the question
        now asked, in one message. Split where a sentence (or a 这题 / 的话 marker) turns to the current question.
        ``named``: the correction names its question (第10题其实没列进计划。这题也有…)."""
        if current is None or current.id == c_last.id or s.pending:
            return None
        cur_topic, last_topic = context(current).topic, context(c_last).topic
        strong = [m.start() for m in _NOW_TURN.finditer(text)]
        weak = [m.start() for m in _NOW_TURN_WEAK.finditer(text)] if c_last.expects in ("number", "counts") else []
        for at in strong + [i for i in weak if i not in strong]:
            head, now = text[:at].strip(), text[at:].strip(" 。；;，,\n")
            if at not in strong and (
                (on_topic(normalize(now), last_topic) and not _mostly_about(now, cur_topic, last_topic))
                or (
                    current.expects == "boolean" and (_fits_unit(c_last, now) or any(not f.unit for f in numbers(now)))
                )  # (…，海外权益这块有协助过一家企业: 家 is no count of 起)
            ):
                continue  # a figure's correction goes on (不对是2次，年初那次是培训，不是检查); 另外服务时都签了保密协议
                # (公益服务 just corrected, 保密协议 asked now) shares 服务 only: the question now asked
            if current.expects == "boolean" and _fits_unit(c_last, now):
                continue  # …，合并算的话是三次: the figure's own count, never the yes/no asked now
            if len(normalize(head)) < 4 or len(normalize(now)) < 2:
                continue
            marked = bool(_NOW_MARK.match(normalize(now)))
            if not marked and not (on_topic(normalize(now), cur_topic) and not _only_about(now, last_topic, cur_topic)):
                continue
            if c_last.expects == "tier" and (
                (r := read(c_last, now, Hint(), {})).outcome == "record" and r.value not in (TIER_NONE, "unknown")
            ):
                continue  # 那个是优秀名单，不是排名。排名的话只有区里前十: the rank itself, not the question now asked
            if not marked and c_last.expects == "number" and _MORE_OF_IT.search(normalize(head)):
                continue  # 哦不对，还有一次！6月份…的保密大检查: what the added one was, not this question's answer
            more = correction.parse(now, s.answers.get(c_last.id), c_last.expects != "boolean")
            if more is not None and not (
                more.kind == "supplement"
                and on_topic(normalize(now), cur_topic)
                and not on_topic(normalize(now), last_topic)
            ):
                continue  # more of the correction (not 另外没出过侵权事件: the question now asked)
            if named:
                told = correction.new_answer(head) or correction.modification_rest(head)
                if not told or read(c_last, told, Hint(), {}).outcome != "record":
                    continue
            else:
                fix = correction.parse(head, s.answers.get(c_last.id), c_last.expects != "boolean")
                said = self._figures_said(s, c_last)  # 律所，服务过6家 → 不对，是4家。…: one figure of several
                if fix is None or not fix.rest or read(c_last, fix.rest, Hint(), said).outcome == "reask":
                    continue  # 刚才那题我答错了，… : the head alone carries no new answer
                if c_last.expects in ("number", "counts") and not numbers(fix.rest) and not says_zero(fix.rest):
                    continue  # 会员数说错了，| 是120家。宣传是350人次: the new figure is further on
                if (
                    c_last.expects == "boolean"
                    and current.expects in ("number", "counts")
                    and not marked
                    and len(re.sub(r"[^\u4e00-\u9fff]", "", fix.rest)) <= 3
                    and on_topic(normalize(now), last_topic)
                ):
                    continue  # 不对，有的！| 去年辅导过两家企业申报区级示范点: why it is a yes, not the count asked now
            if read(current, _NOW_MARK.sub("", now, count=1), Hint(), {}).outcome != "record":
                continue
            return head, _NOW_MARK.sub("", now, count=1) or now
        return None

    def _answer_then_change(self, s: Session, text: str) -> tuple[str, str, Criterion] | None:
        """The answer to the question now asked, then a change (or a confirmation) of an earlier figure answer in
        the same message: 有维权协助。480这个数我确认过了，不改 / 经验分享没做过。另外宣传那个更正一下：…"""
        current = self.criterion_at(s)
        if current is None or not _TURN_TO_EARLIER.search(text):
            return None
        cuts = [m.end() for m in re.finditer(r"[。！!；;?？]+\s*", text)]
        cuts += [
            m.start()
            for m in _TURN_TO_EARLIER.finditer(text)
            if re.search(r"[，,。！!；;？?~～\s]$", text[: m.start()])
        ]
        for at in sorted(set(cuts)):  # (at a clause's end only: 对了前面检查那个… is one clause)
            head, tail = text[:at].strip(" ，,。；;"), _LEAD_IN.sub("", text[at:].strip(" ，,。；;"))
            if not normalize(head).strip() or len(normalize(tail)) < 4:
                continue
            if re.fullmatch(
                r"(?:对了|哦|噢|嗯|啊|诶|哎|额|呃|然后|另外|顺便|还有|那个|就是|ok|okay|好的?|行|收到|sorry|"
                r"不好意思|抱歉|等等|等一下)+[,，。!！~\s]*",
                normalize(head),
            ):
                continue  # 对了，前面宣传那个… / ok 上题改成一起: no answer before the turn
            target = self._quoted_figure(s, tail)
            back = correction.questions_back(tail)
            steps = back[0] if back is not None else 1 if re.search(r"上一?题|上个问题|前一题", tail) else 0
            if target is None and steps:
                place = s.cursor - len(self.basics(s)) - steps  # 上一题 / 上上题: counted from the question now asked
                target = self.rubric(s).criteria[place] if 0 <= place < len(self.rubric(s).criteria) else None
            if target is None:
                found = self._find_target(s, UserEvent("answer", tail))
                target = self.criterion_at(s, found) if found is not None and found != s.cursor else None
            if target is None or target.expects == "boolean":
                target = self._figure_question_named(s, tail) or target
            if target is None or target.id == current.id or target.id not in s.answers or target.expects == "boolean":
                continue
            cue = correction.parse(tail, s.answers[target.id], True) is not None or bool(
                _CONFIRMS.search(normalize(tail))
                or _UNCHANGED.search(normalize(tail))
                or _SAID_FIGURE.search(arabic(tail))
                or re.search(r"核(?:过|对过|实过)|确认(?:过|了)|没错|没问题|不改|不变", tail)
            )
            if not cue or correction.parse(head, None, False) is not None:
                continue
            if _only_about(head, context(target).topic, context(current).topic) or (
                numbers(head) and _fits_unit(target, head)
            ):
                continue  # 协助办案 | 我刚说的两起…: the head names the figure's question, it answers nothing now
            if read(current, head, Hint(), {}).outcome == "record":
                return head, tail, target
        return None

    def _figure_question_named(self, s: Session, text: str) -> Criterion | None:
        """服务机构那个数量说少了 / 服务机构那题改成三类五家 (服务机构 names a yes/no question too): the one answered
        figure question the words name, when the message gives figures."""
        if not numbers(correction.without_pointer(text)):
            return None
        named = [
            c
            for c in self.rubric(s).criteria
            if c.id in s.answers
            and c.expects in ("number", "counts")
            and matched_keywords(normalize(text), [*c.keywords, c.short])
        ]
        return named[0] if len(named) == 1 else None

    def _now_answered(self, s: Session, done: list[Message], head: str, at: int) -> list[Message]:
        """After a change of an earlier answer: the answer to the question asked before it, said first in the same
        message — held with a change waiting for its 是 / 不是; dropped when the change took the walk elsewhere
        (that question is asked again when the walk comes back)."""
        if s.proposal is not None:
            s.proposal["then"] = head
            return done
        cut = next((i for i, m in enumerate(done) if m.text and "我们接着" in m.text), None)
        if s.cursor != at or cut is None:
            return done
        note = (done[cut].text or "").split("我们接着")[0]
        return [*done[:cut], Message(text=note), *self._answer(s, UserEvent("answer", head))]

    def _then(self, s: Session, done: list[Message], now: str) -> list[Message]:
        """After a correction said with the answer to the question now asked: that answer, read in its turn.
        A correction waiting for its confirmation carries it (s.proposal["then"]); one not applied drops it
        (the question is asked again)."""
        if not now:
            return done
        if s.proposal is not None:
            s.proposal["then"] = now
            return done
        current = self.criterion_at(s)
        if current is None or not done or "我们接着刚才的题" not in (done[-1].text or ""):
            return done
        note = (done[-1].text or "").split("我们接着刚才的题")[0]
        return [*done[:-1], Message(text=note), *self._answer(s, UserEvent("answer", now))]

    def _correct(self, s: Session, ev: UserEvent, c: Criterion, fix: correction.Correction) -> list[Message]:
        """不对，应该是没有 / 刚才那题改成“有” / 上一题选错了: replace the previous answer, stay here."""
        if (
            c.id in s.answers
            and re.fullmatch(
                r"(?:没问题|没错|对的|是对的|不用改|不改了?|确认(?:过了|无误)?|准确|无误)[的了啊呀吧哈。.!！~\s]*",
                normalize(fix.rest),
            )
            and (kept := self._named_and_kept(s, ev, c)) is not None
        ):
            return kept  # 上一题没问题: it stands
        if (
            c.expects == "number"
            and c.id in s.answers
            and re.search(r"明年|下一年|打算|计划|准备|将来|争取", fix.rest)
            and not re.search(r"今年|去年|实际|其实|已经|只有|才", fix.rest)
            and (kept := self._more_of_it(s, ev, c)) is not None
        ):
            return kept  # 内部检查刚才说的1次对吧，我们明年打算加到两次: a plan, the figure done stands
        if (
            c.expects in ("number", "counts")
            and c.id in s.answers
            and _UNCHANGED.search(normalize(ev.text))
            and not _a_figure_stated(c, s.answers[c.id], _UNCHANGED.sub("", normalize(ev.text)))
            and (kept := self._more_of_it(s, ev, c)) is not None
        ):
            return kept  # 刚才说都是线下的，其实有一次是线上咨询，次数不变: the figure stands, with what was said
        if (
            c.expects == "number"
            and c.id in s.answers
            and _NOT_MEANT.search(normalize(ev.text))
            and not _STATED_FIGURE.search(arabic(normalize(ev.text)))
            and not re.search(_PLUS, arabic(normalize(ev.text)))  # (线上那场没算进去，加80: added now)
            and not _THAN_SAID.search(arabic(normalize(ev.text)))  # (比刚才多两次，…没算进去)
            and re.search(r"收费|有偿|付费|不是商秘|不涉及|无关|不相关", normalize(ev.text))  # left out for a reason
            and (kept := self._more_of_it(s, ev, c)) is not None
        ):
            return kept  # 另外还有两次收费的技术方案，那两次我没算进去: left out on purpose, the figure stands
        if fix.rest:
            previous = s.answers.get(c.id)
            pending = self._figures_said(s, c)  # figures: what was said, then the fix
            switched = _another_group(c, previous, ev.text)
            if switched:
                pending = {}  # 不好意思说错了，我们是律师事务所，服务过12家 (after a 协会's shares): read afresh
            rest = fix.rest
            if (
                fix.kind == "supplement"
                and c.expects == "boolean"
                and s.words.get(c.id)
                and (previous is True or correction.opens_with_contrast(ev.text))
            ):
                rest = f"{s.words[c.id]}，{rest}"  # 有专职的人 + 补充一下，他是中专学历: read as one reply
            told = correction.settled_after_taking_back(normalize(ev.text)) or ev.text  # (改成两家……算了，还是三家)
            delta = _delta(c, previous, told)
            unsure = False
            if c.expects == "number" and delta is None and (kept := self._points_back(s, ev, c)) is not None:
                return kept  # 补充一句，内部检查那两次都有检查表 / 一共接到10次求助，成功的就是这3起
            swapped = (
                correction.figure_swapped(s.words.get(c.id, ""), told)
                or correction.figure_less_part(s.words.get(c.id, ""), told)
                or (  # 律所2家，鉴定1家 → 律所是3家 (a share's figures are found by their own words: _named_figure)
                    correction.item_refigured(s.words.get(c.id, ""), told) if isinstance(c.rule, TwoPartRule) else None
                )
                if c.expects == "counts" and not switched
                else correction.per_item_refigured(s.words.get(c.id, ""), told)
                if c.expects == "number"
                else None
            )
            if swapped is not None:  # 会员50家，培训20家，开展16家 → 不是16家，是14家: that figure, the rest as said
                rest, pending = swapped, {}
            elif delta is not None:  # 3次 → 多算了一次 = 2次 / 2次 → 漏了一次，12月还做过 = 3次
                rest = f"{delta:g}{getattr(c.rule, 'unit', '家')}"
            elif (
                c.expects == "number"
                and isinstance(previous, (int, float, dict))
                and s.words.get(c.id)
                and (_MORE_OF_IT.search(normalize(ev.text)) or _SOFT_MORE.search(normalize(ev.text)))
                and not _A_NEW_TOTAL.search(normalize(ev.text))
                and not _SAID_FIGURE.search(arabic(normalize(ev.text)))  # 我刚说的5次是把…也算上了: what it held
                and not _total_said_last(c, previous, ev.text)
            ):
                rest = f"{s.words[c.id]}，另外{rest}"  # 250人次 → 漏了线上那场，再加80: more of what was said
                unsure = not _MORE_OF_IT.search(normalize(ev.text))  # 下半年还查了一次: more, or the second of two?
            else:
                rest = _the_new_figure(c, rest, previous)
            if switched:
                rest = fix.rest
            elif swapped is not None:
                pass  # the answer as said, with that one figure changed
            elif c.expects == "counts" and isinstance(previous, dict) and len(previous) == 1:
                rest = _stressed_clause(rest)  # 律所，服务过4家 → 哦不对，是6家，漏算了两家: one figure, the one stated
            elif c.expects == "counts" and isinstance(previous, dict) and (named := _named_figure(c, told, previous)):
                rest = named  # 开展保护工作的成员单位漏了两家，应该是31家: that figure, the one stated
            elif (
                isinstance(c.rule, TwoPartRule)
                and isinstance(previous, dict)
                and (stated := _stated_parts(c.rule, normalize(fix.rest)))
                and all(isinstance(previous.get(p.key), (int, float)) for p in c.rule.parts)
                and not any(  # (纠正：4类，一共9家 / 法律、咨询两类，一共4家: both parts said, read as said)
                    f.unit in p.words for p in c.rule.parts if p.key not in stated for f in numbers(fix.rest)
                )
            ):  # 5类5家 → 不对，至少6家，律所有两家: the part stated, the other as said
                merged = {**previous, **stated}
                rest = "，".join(f"{merged[p.key]:g}{p.words[0]}" for p in c.rule.parts)
            if (
                c.expects == "number"
                and c.id in s.answers
                and fix.kind != "supplement"
                and _stated_first(rest, fix.rest)
            ):
                whole = read(c, fix.rest, Hint(), pending)
                if whole.outcome == "reask" and _CONFLICTS & set(whole.reasons):
                    return self._taken_back(s, c, "conflict", whole.problem)  # 是两次，分别在3月、6月和9月
            if isinstance(c.rule, TierRule) and s.words.get(c.id):
                rest = _tier_completed(c, c.rule, s.words[c.id], rest)
            rest = _old_figure_explained(rest, s.words.get(c.id, ""))
            r = read(c, rest, Hint(), pending)
            if (
                c.expects == "number"
                and isinstance(previous, (int, float))
                and _YEARS_SPAN.search(arabic(s.words.get(c.id, "")))
                and _ONE_PERIOD.match(normalize(fix.rest))
                and r.outcome == "record"
                and isinstance(r.value, (int, float))
                and r.value < previous
            ):  # 每年两起，做了两年 → 第二年只有一起: one period's figure, not the total
                with_years = read(c, f"{s.words.get(c.id, '')}，{fix.rest}", Hint(), {})
                if with_years.outcome != "record" or with_years.value in (previous, r.value):
                    return self._taken_back(s, c, "period")
                r = with_years.model_copy(update={"confidence": min(with_years.confidence, CONFIRM_BELOW - 0.05)})
                fix = correction.Correction("revision", fix.rest)  # = 3, worked out with the years, so proposed
            if (
                isinstance(c.rule, TwoPartRule)
                and isinstance(previous, dict)
                and swapped is None  # (律所其实是两家: that one figure, the rest as said)
                and _RELATIVE_TO_SAID.match(normalize(fix.rest))
                and not _stated_parts(c.rule, normalize(fix.rest))  # (…，园区里只有3家: the new count said)
                and not all(any(f.unit in p.words for f in numbers(fix.rest)) for p in c.rule.parts)  # (三类6家)
            ):  # 一家律所 → 还有一家网安公司 / 有一家律所注销了 / 其中一家在园区外: what was said, changed by it
                said = s.words.get(c.id, "")
                together = read(c, f"{said}，{fix.rest}", Hint(), {}) if said else None
                if (
                    together is not None
                    and read(c, said, Hint(), {}).value == previous  # (the answer said in one message)
                    and together.outcome == "record"
                    and together.value != previous
                ):
                    r = together.model_copy(update={"confidence": min(together.confidence, CONFIRM_BELOW - 0.05)})
                elif r.outcome == "record" and r.value != previous:
                    return self._taken_back(s, c, "relative")  # told against what was said: never the part alone
            if (
                isinstance(c.rule, TwoPartRule)
                and fix.kind == "supplement"
                and isinstance(previous, dict)
                and r.outcome == "record"
                and isinstance(r.value, dict)
                and r.value != previous
                and all(
                    isinstance(v, (int, float)) and isinstance(previous.get(k), (int, float)) and v <= previous[k]
                    for k, v in r.value.items()
                )
            ):
                return self._taken_back(s, c, "more")  # 三类六家 → 漏了一家培训机构: one more, never the one alone
            if c.expects == "counts" and c.id in s.answers and r.outcome == "reask" and _CONFLICTS & set(r.reasons):
                return self._taken_back(s, c, "conflict", r.problem)  # 更正：五类三家 / 会员总数是30家 (40家培训过)
            if r.outcome != "record" and c.expects == "number" and rest != fix.rest:
                r = read(
                    c, fix.rest, Hint(), pending
                )  # 知识产权宣传周办过一场，来了120人: the figure is in another clause
            elif r.outcome == "record" and r.value == previous and c.expects == "number" and rest != fix.rest:
                whole = read(c, fix.rest, Hint(), pending)  # 查了两次，但有一次只是发通知，…: not the 两次
                if whole.outcome == "record" and whole.value != previous:
                    r = whole.model_copy(update={"confidence": min(whole.confidence, CONFIRM_BELOW - 0.01)})
            if pending and r.outcome == "record" and r.value == previous:
                named = re.sub(r"(?:那个|那项|那块|那一项|那个数)[^,，。\d]*[,，]\s*", "的", normalize(told))
                named = correction.without_cue(named) or named  # 培训过的写错了，应该是32家
                named = re.sub(
                    r"([^,，。\d]+)[,，]\s*(?=[^,，。]*\d)", r"\1", arabic(named)
                )  # 开展工作的我看错了，是25家
                whole = read(c, named, Hint(), pending)  # 开展工作那个说多了，应该只有25家: the cue names the figure
                if whole.outcome in ("record", "reask") and whole.value != previous:
                    r = whole
            if r.outcome == "record" and r.needs_confirmation and r.value == previous and c.expects == "boolean":
                alone = read(c, rest, Hint(combiner=False), pending)  # a correction never proposes what it corrects
                if alone.outcome == "record" and alone.value != previous:
                    r = alone.model_copy(update={"confidence": min(alone.confidence, 0.69)})
            bad_event = any(x.startswith("a bad event") for x in r.reasons)  # 不过前年有员工泄露过客户资料: a no
            if (
                r.outcome == "record"
                and fix.kind == "supplement"
                and previous is True
                and r.value is False
                and not _none_of_them(c, fix.rest)
                and not bad_event
            ):
                r = r.model_copy(update={"value": "partial"})  # 刚才漏说了，记录没保存: a yes with a gap
            said = s.words.get(c.id, "")
            if (
                r.outcome == "record"
                and c.expects == "boolean"
                and previous is True
                and r.value is False
                and not bad_event
                and _some_left(c, said, rest, r)
            ):
                r = r.model_copy(update={"value": "partial", "confidence": min(r.confidence, 0.9)})
            if r.outcome == "record" and unsure:  # proposed: the unit says whether it is one more
                r = r.model_copy(update={"confidence": min(r.confidence, CONFIRM_BELOW - 0.01)})
            if r.outcome == "record" and fix.kind == "revision":  # 其实…: it may answer the question now asked
                r = r.model_copy(update={"confidence": min(r.confidence, CONFIRM_BELOW - 0.01)})
            if _doubted(c, r, ev.text) and c.id in s.answers:
                return self._taken_back(s, c, "doubt")  # 三家 → 可能两三家吧，有一家不确定验收过没有
            if c.expects == "number" and fix.kind == "explicit" and c.id in s.answers and _unsettled(c, r, rest):
                if r.outcome == "record" and r.value != s.answers[c.id]:  # 2次 → 不对，一两次吧: its lower bound is
                    words = describe_words(ev.text.strip())  # proposed, as a first answer's range is; 不是 takes
                    return self._propose_change(s, c, r.value, words, back=True)  # the old figure back too
                return self._taken_back(s, c, "ranged" if r.outcome == "record" else "unread")
            if (
                fix.kind == "supplement"
                and c.expects == "number"
                and r.outcome == "reask"
                and s.words.get(c.id)
                and re.search(r"(?:合计|一共|总共|累计|加起来|总计)[^,，。\d]{0,4}\d", arabic(normalize(fix.rest)))
            ):
                whole = read(c, f"{s.words[c.id]}，{fix.rest}", Hint(), {})  # 350 → 补充：还有两场…，合计五百一:
                if whole.outcome == "record":  # the total said with what was said before
                    r = whole.model_copy(update={"confidence": min(whole.confidence, CONFIRM_BELOW - 0.01)})
            if (
                r.outcome == "record"
                and c.expects == "number"
                and c.id in s.answers
                and fix.kind in ("explicit", "revision")
                and (conflict := _disagreeing(c, fix.rest, ev.text)) is not None
            ):
                return self._taken_back(s, c, "conflict", conflict.problem)  # 没到三百，三百一十人: neither stands
            if r.outcome == "record":
                return self._apply_correction(s, c, r.model_copy(update={"words": ev.text.strip()}))
            if (
                fix.kind == "supplement"
                and c.expects == "number"
                and c.id in s.answers
                and r.outcome == "reask"
                and not _fits_unit(c, ev.text)
                and (kept := self._more_of_it(s, ev, c)) is not None
            ):
                return kept  # 300人次 → 补充两句，有一场是线上的: told about, no figure of its own unit
        # no readable new answer: ask the previous question again, then come back here — unless it was
        # named only to confirm it or to ask about it
        target = len(self.basics(s)) + self.rubric(s).criteria.index(c)
        if c.id in s.answers and target != s.cursor and ev.text and (kept := self._named_and_kept(s, ev, c)):
            return kept
        if s.return_to is None and target != s.cursor:
            s.return_to = s.cursor
        s.cursor, s.pending, s.finished, s.reviewing = target, {}, False, False
        return self.ask(
            s,
            prefix=f"好的，第 {self.position(s, c)[0]} 项重新回答（原来记的是“{describe_answer(c, s.answers.get(c.id))}”）：",
        )

    def _taken_back(self, s: Session, c: Criterion, why: str, problem: str = "") -> list[Message]:
        """A figure the unit says is wrong, with no figure that settles the score said instead (一两次吧 / 五百上下):
        the old one is not kept — a wrong record is worse than the question asked again."""
        was = describe_answer(c, s.answers.pop(c.id, None))
        s.words.pop(c.id, None)
        target = len(self.basics(s)) + self.rubric(s).criteria.index(c)
        if s.return_to is None and target != s.cursor:
            s.return_to = s.cursor
        s.cursor, s.pending, s.finished, s.reviewing = target, {}, False, False
        return self.ask(
            s,
            prefix=f"好的，第 {self.position(s, c)[0]} 项原来记的“{was}”先撤下。"
            + {
                "ranged": "您说的范围跨过了标准，定不了得分，",
                "doubt": "您说拿不准，这个数在标准上下都有可能，",
                "declined": "您说原来的数不对，我又没理解对新的数，",
                "fewer": "您说实际没有这么多，",
                "more": "您说实际不止这些，",
                "period": "您说的是其中一段时间的数，总数我没法确定，",
                "relative": "您说的是在原来基础上的增减，合起来是多少我没把握，",
                "conflict": problem,
            }.get(why, "新的数我没读懂，")
            + ("" if why == "conflict" else "请告诉我一个确切的数（说不准可以回答“不清楚”）："),
        )

    def _names_an_answered_figure(self, s: Session, ev: UserEvent) -> bool:
        """公益服务那个4次里有2次是收费的 (asked a yes/no now): a figure question answered before, named
        with 那个 / 那题 and given a figure — a change of that answer, not an answer to this question."""
        t = normalize(ev.text)
        current = self.criterion_at(s)
        if current is None or not (_NAMES_IT.search(arabic(t)) or _BACK_TO.search(t)) or not numbers(t):
            return False
        target = self._find_target(s, replace(ev, entities={}))
        c = self.criterion_at(s, target) if target is not None and target != s.cursor else None
        if current.expects != "boolean":  # 客户那个数有一家是重复的 (asked a figure now): by its own words, or
            named = self._figure_named(s, ev.text)  # by its question's name and a figure in its unit only
            if named is not None and named != s.cursor:
                return True  # (宣传受众那题，办公室统计出来是520人次, asked 示范单位几家 now)
            return (
                c is not None
                and c.id in s.answers
                and c.expects == "number"
                and (_fits_unit(c, ev.text) or all(not f.unit for f in numbers(ev.text)))  # 宣传那个是280
                and not _fits_unit(current, ev.text)
                and not re.search(
                    r"(?:这|那)(?:些)?\s*\d", arabic(t)
                )  # 那4家里有一家只是候选: a part of it, read below
            )
        return c is not None and c.id in s.answers and c.expects in ("number", "counts")

    def _quoted_figure(self, s: Session, text: str) -> Criterion | None:
        """我刚说的四次是两年的 / 前面说的800是报名数: the one figure answer whose figure the unit quotes as said."""
        m = _SAID_FIGURE.search(arabic(normalize(text)))
        if m is None:
            return None
        said = float(m.group(1) or m.group(2))
        hits = [
            c
            for c in self.rubric(s).criteria
            if c.id in s.answers
            and isinstance(c.rule, (ThresholdRule, PerCountRule))
            and (q := as_quantity(s.answers[c.id])) is not None
            and not isinstance(s.answers[c.id], bool)
            and q.value == said
        ]
        return hits[0] if len(hits) == 1 else None

    @staticmethod
    def _named_by_its_words(text: str, c: Criterion) -> bool:
        """Whether the words before 那题 / 那个 share a word with the figure question's name (检查次数 ~ 内部检查)."""
        m = re.search(r"([\u4e00-\u9fff]{2,10}?)(?:那题|那道题|那个|那项)", normalize(text))
        if m is None:
            return False
        said = re.sub(
            r"^(?:对了|哦|啊|还有|另外|我们|我)*(?:前面|之前|刚才|刚刚|上面|先前)(?:的|说的)?", "", m.group(1)
        )
        label = f"{c.short}{getattr(c.rule, 'label', '')}{''.join(c.keywords)}"
        return any(said[k : k + 2] in label for k in range(len(said) - 1))

    def _figure_owner(self, s: Session, text: str) -> Criterion | None:
        """The answered figure question a correction's figure belongs to, when the last answer was a yes/no:
        the latest one counted in the same unit (人次 / 次 / 起 …), if the message is a correction at all."""
        t = normalize(text)
        found = numbers(t)
        figures = [f for f in found if f.unit]
        if not found or correction.parse(text, None, True) is None:
            return None
        measure = _MEASURE_NAMED.search(t)
        if not figures and measure is not None:  # 刚才那个人数说错了，是二百五: the measure named, the figure bare
            figures = [replace(f, unit=_MEASURE_UNIT[measure.group(1)]) for f in found]
        answered = list(reversed([c for c in self.rubric(s).criteria if c.id in s.answers]))
        for c in answered:
            rule = c.rule
            if isinstance(rule, (ThresholdRule, PerCountRule)) and any(
                f.unit in UNIT_WORDS.get(rule.unit, (rule.unit,)) for f in figures
            ):
                return c
            if isinstance(rule, AlternativesRule) and any(f.unit == "家" for f in figures):
                cues = [w for g in rule.groups for w in (*g.total_cues, *(q for k in g.conditions for q in k.cues))]
                if any(w in t for w in cues if len(w) >= 2):
                    return c  # 前面会员数说错了，是160家 (asked 人次 now): the shares' own count, by its words
        named = [  # 说错了 宣传是 230: a bare figure, its question named by its words
            c
            for c in answered
            if isinstance(c.rule, (ThresholdRule, PerCountRule)) and matched_keywords(t, [*c.keywords, c.short])
        ]
        return named[0] if len(named) == 1 and not figures else None

    def _limits_proposal(self, s: Session, proposal: dict[str, Any], text: str) -> bool:
        """A message sent instead of 是 / 不是 that limits the yes just proposed (别的嘛，漏洞修补、日志都没搞 /
        新来的几个还没签): read with it as one reply, as the unit meant it."""
        c = self.criterion_at(s)
        t = normalize(text)
        if c is None or c.id != proposal["criterion"] or proposal["value"] is not True or c.expects != "boolean":
            return False
        if re.match(r"(?:有|没有|是|不是|对|不对|没|不|yes|no)(?:[的啊呀吧了]*)(?:[,，。!！\s]|$)", t):
            return False  # an answer of its own: read as such
        if not re.search(r"没|不|未|无", t):
            return False
        measures = context(c).measure_list
        some = 0 < len(measures_named(t, measures)) < len(measures)
        return bool(
            some
            or _group_left_out(proposal["words"], text)
            or correction.opens_with_contrast(text)
            or re.match(r"(?:别的|其他|其它|其余|剩下)", t)
        )

    def _tier_named(self, s: Session, text: str) -> Criterion | None:
        """The tier question answered earlier, when a later reply points back to it and changes its tier — or,
        without a pointer, denies the old tier in its own words (不是市级，是区级的 two answers later: no "no" to
        the question now asked, and no 0 for a count)."""
        pointed = bool(_POINTS_BACK.search(text))
        return next(
            (
                c
                for c in self.rubric(s).criteria
                if c.expects == "tier"
                and c.id in s.answers
                and self._tier_revised(s, text, c, own_words_only=not pointed) is not None
            ),
            None,
        )

    def _tier_revised(
        self, s: Session, text: str, c: Criterion, own_words_only: bool = False
    ) -> correction.Correction | None:
        """不是市级，是区级的 / 全国不对，是全区前十 / 也不是，全市是二十几名 right after a tier: the old tier denied,
        in the rubric's own tier words, and another reading of the rank — a change of that answer, not a no to
        the question now asked."""
        rule, old = c.rule, s.answers.get(c.id)
        if not isinstance(rule, TierRule) or old is None:
            return None
        t = normalize(text)
        words = [w for tier in rule.tiers for w in tier.words]
        if not any(w in t for w in words):
            ranked = re.search(r"(?:第|前)\s*\d+\s*名?", arabic(t))
            if own_words_only or ranked is None or s.last != c.id or not s.words.get(c.id):
                return None  # 区里前十 → 其实是第十一名，差一点: a rank alone right after a tier is that tier's
            r = read(c, _tier_completed(c, rule, s.words[c.id], text), Hint(), {})
            return correction.Correction("explicit", text) if r.outcome == "record" and r.value != old else None
        old_words = next((tier.words for tier in rule.tiers if tier.name == old), [])
        said = "|".join(re.escape(w) for w in sorted(old_words, key=len, reverse=True))
        denied = (not own_words_only and _TIER_DENIED.search(t)) or (
            said
            and re.search(
                rf"(?:不是|不算|没进|没有)[^,，。\d]{{0,3}}(?:{said})|(?:{said})[^,，。]{{0,8}}?(?:不对|不算|错了|没进)",
                t,
            )
        )
        if not denied:
            return None
        r = read(c, text, Hint(), {})
        if (r.outcome == "record" and r.value != old) or _doubted(c, r, text):
            return correction.Correction("explicit", text)  # (…还是市级吧，也可能是区级: doubted, taken back)
        return None

    def _figure_revised(self, s: Session, text: str, c: Criterion) -> correction.Correction | None:
        """核了签到表，其实只有260人次 / 成功的只有两起 / 现在一共三家 right after a figure: a revision of that
        figure when it is in the figure's own unit and the question now asked does not count in it."""
        rule, current = c.rule, self.criterion_at(s)
        if not isinstance(rule, (ThresholdRule, PerCountRule)):
            return None
        unsure = bool(re.search(rf"几{rule.unit}|多少{rule.unit}|{rule.unit}数", text)) and (
            read(c, text, Hint(), {}).value == "unknown"
        )  # the cheap test first: this runs on every reply after a figure
        units = UNIT_WORDS.get(rule.unit, (rule.unit,))
        fits = any(f.unit in (*units, "") for f in numbers(text))
        by = _BY_SO_MANY.fullmatch(arabic(normalize(text)))
        if by and _delta(c, s.answers.get(c.id), text) is not None:  # 减一 / 少一家 (right after 3家): one less —
            return correction.Correction("explicit" if by.group(1).startswith(("减", "加")) else "revision", text)
            # 少了一家 / 多了一家 may be one left out or one too many: proposed
        if re.search(
            r"(?:再|还要|还得|要)?(?:加上?|减掉?|扣掉)\s*\d+\s*(?:人次|[次场家起人个件])?(?:[,，。!！~吧]|$)",
            arabic(normalize(text)),
        ) and (_delta(c, s.answers.get(c.id), text) is not None):
            return correction.Correction("revision", text)  # 线上那场没算进去，加80: a part added, proposed
        if _TAKE_OFF.search(normalize(text)) and any(f.unit in units for f in numbers(text)):
            return correction.Correction("revision", text)  # 搬走了一家: one of them gone, proposed
        if (
            not unsure
            and not (_FIGURE_REVISION.search(text) and fits)
            and not (  # 每月那个是部门自己的日常巡查，正式的商秘内部检查一年是两次: it names the figure's question
                fits
                and _NAMES_IT.search(normalize(text))
                and self._find_target(s, UserEvent("answer", text))
                == len(self.basics(s)) + self.rubric(s).criteria.index(c)
            )
        ):
            return None  # 具体几起我不清楚 / 重新算了，实际是450 (the search for a named question last: a hot path)
        if (
            current is not None
            and isinstance(current.rule, (ThresholdRule, PerCountRule))
            and current.rule.unit == rule.unit
        ):
            return None  # the same unit: it may well answer the question now asked
        return correction.Correction("revision", text)

    def _revises(self, s: Session, c: Criterion, fix: correction.Correction) -> bool:
        """Whether a reply opening with 其实 / 不是， / 严格说 says something else of the last answer."""
        if not fix.rest:
            return False
        said = _the_new_figure(c, fix.rest)
        if isinstance(c.rule, TierRule) and s.words.get(c.id):
            said = _tier_completed(c, c.rule, s.words[c.id], said)  # 全市前十五 → 其实是第八名: the same scope
        r = read(c, said, Hint(), self._figures_said(s, c))  # 客户3家 → 我再数了下，是5家
        if r.outcome == "reask" and "either figure" in r.reasons:
            return True  # 两起 → 一起或者三起，两起肯定不对: the old figure doubted, two others offered
        return r.outcome == "record" and r.value != s.answers.get(c.id)

    def _figures_said(self, s: Session, c: Criterion) -> dict[str, Any]:
        """The figures of a several-figure answer as said (会员50家、培训10家…), for reading a change of one."""
        if c.expects in ("counts", "choice") and isinstance(s.answers.get(c.id), dict):
            return {**read(c, s.words.get(c.id, ""), Hint(), {}).pending, "key": None}
        return {}

    def _topical_correction(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """其实都隔离了，中试车间也装了门禁 (just after 部分做到 on 区域隔离) / 期限没标，也没登记 (just after
        密级标了): a reply about the previous question's subject, not the current one's.

        What says something else than was recorded is only proposed ("您是要把第 N 项改为…吗？"), never
        recorded unasked; what tells more of it is kept with it, and the question now asked is asked again."""
        current = self.criterion_at(s)
        if current is None or current.id == c.id:
            return None
        previous = s.answers.get(c.id)
        said = s.words.get(c.id, "")
        if (
            c.expects == "boolean"
            and isinstance(current.rule, (ThresholdRule, PerCountRule))
            and any(
                f.unit in UNIT_WORDS.get(current.rule.unit, ())
                and not correction.continues(f.text, context(c).topic, context(current).topic)
                for f in numbers(ev.text)
            )  # the figure's own clause is not about the last question
            and not _group_left_out(said, ev.text)
        ):
            return None  # 拿到示范点牌子的就2家 (asked how many, just after a yes on 协助示范创建): this answer —
            # not 新来的三个还没培训 (after 全员都培训过) nor 推荐了两家企业做培育对象 (after 有协助): more of the yes
        if not (
            correction.continues(ev.text, context(c).topic, context(current).topic)
            or (
                previous is True
                and c.expects == "boolean"
                and _group_left_out(said, ev.text)
                and not _names_only(ev.text, context(current).topic, context(c).topic)
            )
        ):
            return None
        if c.expects != "boolean" and numbers(ev.text):
            if c.expects == "number" and previous in (0, "unknown"):  # 没有 → 哦去年协助调解成功过一起: recalled
                r = read(c, ev.text, Hint(), {})
                if r.outcome == "record" and r.value != previous:
                    return self._propose_change(s, c, r.value, describe_words(ev.text.strip()))
            return None  # a figure: the figure rules decide (核了签到表，其实只有260人次)
        if c.expects == "number" and (less := _delta(c, previous, ev.text)) is not None and less != previous:
            return self._propose_change(
                s, c, int(less), describe_words(f"{said}；{ev.text.strip()}")
            )  # 技术方案那次没做完，这次就不算了
        if c.expects == "number" and said:  # 2起 → 都没成功 / 那两起都是专利纠纷: the figure read again with it
            whole = read(c, f"{said}，{ev.text.strip()}", Hint(), {})
            if whole.outcome == "record" and whole.value != previous:
                return self._propose_change(s, c, whole.value, describe_words(f"{said}；{ev.text.strip()}"))
        if c.expects == "boolean":
            alone = read(c, ev.text, Hint(), {})
            whole = read(c, f"{said}，{ev.text.strip()}", Hint(), {}) if said and previous is True else alone
            changed = bool(re.search(r"修正|更正|纠正|改成|改为|撤回|作废|不作数|说错|记错|搞错|答错", ev.text))
            r = whole if whole.outcome == "record" and whole.value != previous and not changed else alone
            # (加分项第4项我想修正：我们没有…: a change said as such replaces the answer, it does not add to it)
            if alone.outcome == "record" and alone.value is False and _none_of_them(c, normalize(ev.text)):
                r = alone  # 三样其实都还没落实: all of it taken back, not a gap in a yes
            elif (
                r.value is False
                and previous is True
                and (_one_part_denied(c, said, normalize(ev.text)) or _group_left_out(said, ev.text))
            ):
                r = r.model_copy(update={"value": "partial"})  # 有 → 经费那块其实没有专门预算
            if (
                r.outcome == "record"
                and r.value != previous
                and (r.value != "unknown" or bool(UNSURE.search(normalize(ev.text))))
            ):
                return self._propose_change(s, c, r.value, describe_words(ev.text.strip()))
        if self._answers_instead(s, ev, c):
            return None  # 就两家 → 这类事件没有。倒是有两家企业来问过…: the question now asked, told with it
        s.words[c.id] = describe_words(f"{said}；{ev.text.strip()}" if said else ev.text.strip())
        s.last = c.id
        i = self.position(s, c)[0]
        return self.ask(
            s,
            prefix=f"好的，这是对第 {i} 项“{c.short}”的补充，仍记为“{describe_answer(c, previous)}”。我们接着这一题：",
        )

    def _answers_instead(self, s: Session, ev: UserEvent, c: Criterion) -> bool:
        """A message that changes nothing of the figure or tier just given (no figure in its unit) and that the
        question now asked reads as an answer: it is that answer (排不上，区里也就中游 after 三类四家)."""
        current = self.criterion_at(s)
        if current is None or current.id == c.id or c.expects not in ("number", "counts", "tier"):
            return False
        if c.expects != "tier" and numbers(ev.text) and read(c, ev.text, Hint(), {}).outcome == "record":
            return False  # a figure of its own for the answer just given
        if current.expects != "tier" and not _mostly_about(ev.text, context(current).topic, context(c).topic):
            return False  # 4次 → 都是免费咨询，有台账可查: more of the figure, not the question now asked
        r = read(current, ev.text, _hint(ev), {})
        return r.outcome == "record" and r.value != "unknown"

    def _names_a_figure_of(self, s: Session, last: str | None, text: str) -> bool:
        """培训那个数说错了，是12家 (just after 会员50家、培训过20家…): the figure named is one of the last answer's."""
        if last is None:
            return False
        rule = self.rubric(s).get(last).rule
        if not isinstance(rule, AlternativesRule):
            return False
        m = re.search(r"([\u4e00-\u9fff]{2,6}?)那(?:个|项)(?:数|数字)?", normalize(text))
        cues = [cue for g in rule.groups for k in g.conditions for cue in k.cues] + [
            cue for g in rule.groups for cue in g.total_cues
        ]
        return m is not None and any(cue in m.group(1) or m.group(1) in cue for cue in cues)

    def _figure_continued(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """4次 → 其中两次是收费的咨询 / 3起 → 其中一起是园区外企业的 / 两起 → 哦对了还有一起调解成功的 /
        2次 → 大概吧: a part of the figure just given that does not count, more of it, or a doubt about it. The
        figure read again with it is proposed, never recorded unasked; a doubt that leaves it unplaced asks it again."""
        current = self.criterion_at(s)
        t = normalize(ev.text)
        if current is not None and current.id != c.id and c.expects == "number" and _NOTHING_MORE.fullmatch(t):
            i = self.position(s, c)[0]
            return self.ask(s, prefix=f"好的，第 {i} 项“{c.short}”记为“{describe_answer(c, s.answers.get(c.id))}”。")
        continues = (
            _PART_OFF.match(t)
            or _MORE_OF_FIGURE.match(t)
            or _QUALIFIES_FIGURE.match(t)
            or (
                (_LIMITS_FIGURE.match(arabic(t)) or _PERIOD_NOT_DONE.match(arabic(t)))
                and isinstance(c.rule, ThresholdRule)
                and c.rule.unit in ("次", "人次")
            )
        )
        if current is None or current.id == c.id or c.expects != "number" or not continues:
            return None
        if not _PART_OFF.match(t) and _only_about(ev.text, context(current).topic, context(c).topic):
            return None  # 另外，离职的人我们也会跟踪 (just after a count): the question now asked
        if _ASKS_ABOUT.search(t):  # 那两次里有一次只查了制度，这样算不算数？: asked, not told
            return self._named_and_kept(s, ev, c)
        previous = s.answers.get(c.id)
        said = s.words.get(c.id, "")
        delta = _delta(c, previous, ev.text) if c.expects == "number" else None  # 3起 → 联芯那个没调成，去掉 = 2
        r = (
            Reading(outcome="record", value=int(delta), confidence=0.85, words=ev.text)
            if delta is not None and delta.is_integer()
            else read(c, f"{said}，{ev.text.strip()}", Hint(), {})
        )
        if _PART_OFF.match(t) and _LEFT_NOW.search(t):  # 其中一场…那场不能算，所以是两次 / …不算，剩四起
            alone = read(c, ev.text, Hint(), {})
            if alone.outcome == "record" and alone.value != previous:
                r = alone
        if _QUALIFIES_FIGURE.match(t) and numbers(ev.text):  # 三百 → 差一点点三百: its own figure and qualifier
            alone = read(c, ev.text, Hint(), {})
            if (alone.outcome == "record" and alone.value != previous) or alone.outcome == "reask":
                r = alone  # (差不多500 after 500: the figure is no longer sure of its side; asked again)
        if previous is not None and _doubted(c, r, ev.text):
            return self._taken_back(s, c, "doubt")  # 3次 → 可能只有两三次，有一次不确定算不算公益
        if r.outcome == "reask" and _QUALIFIES_FIGURE.match(t) and previous is not None:
            s.return_to, s.cursor = s.cursor, len(self.basics(s)) + self.rubric(s).criteria.index(c)
            s.answers.pop(c.id, None)  # 2次 → 大概吧: the doubt takes the figure back; asked again, never kept
            return self.ask(s, prefix=f"{r.problem or '请再说一下确切的数字。'}")
        if r.outcome != "record" or previous is None:
            return None
        rule = c.rule
        before, now = as_quantity(previous), as_quantity(r.value)
        if _QUALIFIES_FIGURE.match(t) and (
            r.value == previous
            or (
                isinstance(rule, ThresholdRule)
                and before is not None
                and now is not None
                and before.meets(rule.minimum, rule.strict) is not None
                and before.meets(rule.minimum, rule.strict) == now.meets(rule.minimum, rule.strict)
            )
        ):  # 一千出头 → 嗯大概吧: the doubt does not move it across the standard; the record stands
            i = self.position(s, c)[0]
            return self.ask(s, prefix=f"好的，第 {i} 项“{c.short}”记为“{describe_answer(c, previous)}”。")
        if r.value == previous and self._answers_instead(s, ev, c):
            return None  # 800人次 → 另外我们还把宣传的做法分享给了两个兄弟园区: the question now asked (分享)
        if r.value == previous:  # 另外市场监管所来检查过2次，跟我们的内部检查不是一回事: nothing more of it
            i = self.position(s, c)[0]
            return self.ask(
                s, prefix=f"好的，第 {i} 项“{c.short}”仍记为“{describe_answer(c, previous)}”。我们接着这一题："
            )
        return self._propose_change(s, c, r.value, describe_words(f"{said}；{ev.text.strip()}"))

    def _same_as_last(self, s: Session, ev: UserEvent, last: str) -> list[Message] | None:
        """同上 / 跟上一题一样，也有 (a yes/no asked just after one): the answer to the question now asked, the same
        as the last one's — or what follows 一样 when it says it."""
        current, c_last = self.criterion_at(s), self.rubric(s).get(last)
        m = _SAME_AS_LAST.match(normalize(ev.text))
        if m is None or current is None or current.id == last or current.expects != "boolean":
            return None
        if c_last.expects != "boolean" or last not in s.answers or s.pending:
            return None
        rest = (m.group(2) or "").strip(" ，,。.!！")
        if m.group("diff") and not rest:
            return None
        if rest:
            r = read(current, rest, _hint(ev), {})
            return self._apply(s, current, r.model_copy(update={"words": ev.text.strip()}))
        return self._record(s, current, s.answers[last], ev.text.strip())

    def _item_of_figure(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """2起 → 另一起还在审，没立案 / 第二起还没结果 (a yes/no asked now): one of the items just counted, told
        about — the figure read again with it is proposed when it changes; else it is more of that answer."""
        current, rule = self.criterion_at(s), c.rule
        if (
            current is None
            or current.id == c.id
            or current.expects != "boolean"
            or not isinstance(rule, (ThresholdRule, PerCountRule))
            or rule.unit == "人次"
            or c.id not in s.answers
        ):
            return None
        units = "|".join(re.escape(u) for u in UNIT_WORDS.get(rule.unit, (rule.unit,)) if u)
        t = normalize(ev.text)
        if not re.search(
            rf"(?:第[一二两三四五六七八九十\d]+|另(?:外)?(?:一|1)|其中(?:的)?(?:一|1)|剩下的?(?:一|1)?)\s*(?:{units})",
            t,
        ):
            return None
        said, previous = s.words.get(c.id, ""), s.answers[c.id]
        less = _delta(c, previous, ev.text)  # 第二起还没结果 / 另一起还在审，没立案: one less
        if less is not None and less.is_integer() and isinstance(previous, (int, float)) and less < previous:
            return self._propose_change(s, c, int(less), describe_words(f"{said}；{ev.text.strip()}"))
        again = read(c, f"{said}，{ev.text.strip()}", Hint(), {}) if said else read(c, ev.text, Hint(), {})
        before, now = as_quantity(previous), as_quantity(again.value) if again.outcome == "record" else None
        if before is not None and now is not None and now.value < before.value:  # (另一起也成功了: no third one)
            return self._propose_change(s, c, again.value, describe_words(f"{said}；{ev.text.strip()}"))
        if again.outcome == "record":
            return self._more_of_it(s, ev, c)
        return None

    def _two_count_changed(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """律所3家、鉴定1家 → 鉴定那家搬走了 / 哦还有一家做司法鉴定的也在园区里 / 保险那家不做商秘，去掉吧 (another
        question asked now): a firm of the kinds just counted, added or gone. The firms said and the message are
        read as one reply and the result proposed; when they cannot be, the old answer is taken back, never kept
        unchanged nor the message taken for the question now asked."""
        rule = c.rule
        if (
            not isinstance(rule, TwoPartRule)
            or c.id not in s.answers
            or not s.words.get(c.id)
            or not self._asks_other_than(s, c)
        ):
            return None
        t = arabic(normalize(ev.text))
        kinds = next((p.kinds for p in rule.parts if p.kinds), {})
        named = any(w.lower() in t.lower() for ws in kinds.values() for w in ws)
        if not (_FIRM_CHANGED.search(t) and (named or re.search(r"(?:那|这|1)家", t))):
            return None
        if any(f.unit in p.words for p in rule.parts for f in numbers(t) if f.quantity.value > 1):
            return None  # (再加上两家鉴定所，那就是三类五家: a figure of its own, read by the revision steps)
        said, previous = s.words[c.id], s.answers[c.id]
        together = read(c, f"{said}，{ev.text.strip()}", Hint(), {})
        if together.outcome == "record" and together.value != previous:
            return self._propose_change(s, c, together.value, describe_words(f"{said}；{ev.text.strip()}"))
        if together.outcome == "record":
            return None
        return self._taken_back(s, c, "relative")

    def _part_revised(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """会员120家，培训40家，开展36家 → 培训的比例应该是35% / 5类12家 → 类型是4类 (another question asked
        now, which cannot read it): a figure naming one part of the last two-figure answer revises that part.
        Read as a revision, so it is only proposed."""
        if c.expects != "counts" or c.id not in s.answers or not self._asks_other_than(s, c):
            return None
        t, found = normalize(ev.text), numbers(ev.text)
        current = self.criterion_at(s)
        previous = s.answers[c.id]
        if (
            _NAMES_IT.search(arabic(t))  # the cheap test first: this runs on every reply after a two-figure answer
            and (target := self._find_target(s, replace(ev, entities={}))) is not None
            and self.criterion_at(s, target) not in (None, c)
        ):
            return None  # 示范站点那4家里有一家只是候选 (just after 5类12家): another answer named
        stated = _stated_parts(c.rule, t) if isinstance(c.rule, TwoPartRule) else {}
        if (
            stated
            and isinstance(previous, dict)
            and all(previous.get(k) == v for k, v in stated.items())
            and (kept := self._more_of_it(s, ev, c)) is not None
        ):
            return kept  # 我说的3家是已经入驻的，还有2家在谈，所以就是3家，没错: it stands
        if (
            stated and isinstance(previous, dict) and (current is None or current.expects not in ("number", "counts"))
        ):  # 去掉保险那类，…，剩5类8家 / 再加上两家鉴定所，那就是三类五家: what it comes to, in its own words
            return self._correct(s, ev, c, correction.Correction("revision", ev.text))
        if isinstance(c.rule, TwoPartRule):
            named = any(
                f.unit in p.words and (any(w in t for w in p.cues) or _PART_SAID.search(t))
                for p in c.rule.parts
                for f in found
            )
        elif isinstance(c.rule, AlternativesRule) and isinstance(previous, dict):
            shares = [k.key for g in c.rule.groups for k in g.conditions if k.unit == "%" and k.key in previous]
            group = next((g for g in c.rule.groups if any(k.key in previous for k in g.conditions)), None)
            if (
                group is not None
                and len(shares) > 1
                and re.search(r"比例|占比|覆盖率", t)
                and any(f.unit == "%" for f in found)
                and (current is None or read(current, ev.text, _hint(ev), {}).outcome == "reask")
            ):  # 比例都不到30% (after 会员120家、培训40家、开展45家): both shares said again, read afresh
                r = read(c, ev.text, Hint(), {"group": group.name})
                if r.outcome == "record" and _same_score(c, previous, r.value):
                    return self._more_of_it(s, ev, c)  # 两个比例都超过三成 (33 % and 37 % recorded): it stands
                if r.outcome == "record" and r.value != previous:
                    return self._propose_change(s, c, r.value, describe_words(ev.text.strip()))
            named = bool(found) and (
                (
                    len(shares) > 1
                    and re.search(r"比例|占比|覆盖率", t) is not None
                    and any(f.unit == "%" for f in found)
                )
                or any(  # (培训30% recorded, then 开展保护工作的70家: a part never given, no revision)
                    cue in t
                    for g in c.rule.groups
                    for k in g.conditions
                    if k.key in previous
                    for cue in (*k.cues, *g.total_cues)
                )
            )
        else:
            return None
        if not named or (current is not None and read(current, ev.text, _hint(ev), {}).outcome != "reask"):
            return None
        return self._correct(s, ev, c, correction.Correction("revision", ev.text))

    def _asks_other_than(self, s: Session, c: Criterion) -> bool:
        """The walk asks something else than c now: another question, or a field of the form (修改第25题 said while
        the form was asked goes back to the form once the figure is given)."""
        current = self.criterion_at(s)
        return current.id != c.id if current is not None else self.field_at(s) is not None

    def _figure_disputed(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """350人次 → 可能没那么多 / 3家 → 不止 (no figure said): the figure just given is fewer or more than said. When
        that leaves its side open it is taken back and asked again; else it stands — never the answer to the
        question now asked (好像没那么多 is no 不清楚 of it)."""
        t = normalize(ev.text)
        rule, previous = c.rule, s.answers.get(c.id)
        m = _NOT_SO_MANY.fullmatch(t)
        if m is None or not self._asks_other_than(s, c) or not isinstance(rule, (ThresholdRule, PerCountRule)):
            return None
        q = as_quantity(previous)
        if q is None or q.relation != "eq":
            return None
        said = Quantity(value=q.value, relation="gt" if m.group("more") else "lt")
        if not isinstance(rule, ThresholdRule) or said.meets(rule.minimum, rule.strict) != q.meets(
            rule.minimum, rule.strict
        ):
            return self._taken_back(s, c, "more" if m.group("more") else "fewer")
        i = self.position(s, c)[0]
        return self.ask(
            s, prefix=f"好的，第 {i} 项“{c.short}”按标准看结果不变，仍记为“{describe_answer(c, previous)}”。"
        )

    def _figure_after_figure(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """两次 → 嗯……也可能就一次，我不太确定 / 490 → 又找到一张签到表，多了30人，那就是520, with a yes/no asked
        now: figures in the last figure's unit that cannot answer the question now asked are about that figure.
        A doubt that moves it across the standard takes it back (asked again, never kept); another figure is
        read as a revision of it, so it is only proposed."""
        current, field = self.criterion_at(s), self.field_at(s)
        if (
            not self._asks_other_than(s, c)
            or (current is not None and current.expects not in ("boolean", "tier"))
            or (field is not None and field.kind != "text")  # a count field takes figures: its own answer
            or c.expects not in ("number", "counts")
            or c.id not in s.answers
        ):
            return None
        found, t = numbers(ev.text), normalize(ev.text)
        doubt = bool(_DOUBT.search(t))
        if not found and not doubt:
            return None
        if re.match(r"(?:嗯)?(?:对的?|是的|没错|对呀|确实|是滴)[,，。!！\s]", t) and not (
            _STATED_FIGURE.search(arabic(t)) or doubt or re.search(r"不过|但是?|可是|只是", t)
        ):
            return self._more_of_it(s, ev, c)  # 5类7家 → 对的，法律、信息…都有，律所有3家: it stands, told more
        revised = False
        if isinstance(c.rule, (ThresholdRule, PerCountRule)):
            units = (*UNIT_WORDS.get(c.rule.unit, (c.rule.unit,)), "")
            if found and not any(f.unit in units for f in found):
                return None  # 两个部门 / 2023年: not the figure just given
            in_unit = any(f.unit and f.unit in units for f in found)
            bare = any(not f.unit and f.quantity.value >= 2 for f in found)  # 应该还要更多，六百左右
            restated = re.match(  # 是两起 / 示范点是两家，第三家验收没通过: the figure said again, by its own name
                r"^(?:哦|啊|嗯|对了)?[,，\s]*([\u4e00-\u9fff]{0,8}?)(?:应该|其实|实际)?(?:是|就是|只有|就|才)\s*\d",
                arabic(t),
            )
            revised = (
                (in_unit and (field is not None or bool(_OF_THE_FIGURE.search(t))))
                or (bare and current is not None and bool(_OF_THE_FIGURE.search(t)))
                or (
                    in_unit
                    and restated is not None
                    and (not restated.group(1) or self._named_by_its_words(f"{restated.group(1)}那个", c))
                )
            )
        if field is not None and not revised and not (doubt and found):
            return None  # 上海某某协会 / 2号楼: the form's field answered (两百来人次 after 350人次 never is)
        if current is not None and current.expects == "tier" and not revised and not (doubt and found):
            return None  # 我们园区有200家企业 (asked the park's rank now): no word of the figure just given
        if (
            not revised
            and not (doubt and found)  # 这个我不太确定，可能三四百: a doubt with figures is the figure's, not 不清楚
            and current is not None
            and read(current, ev.text, _hint(ev), {}).outcome != "reask"
        ):
            return None  # it answers the question now asked (没那么多，两百来人次吧 never does: 人次 is no yes/no)
        previous = s.answers[c.id]
        if doubt:
            r = read(c, ev.text, Hint(), {})
            if r.outcome == "record" and _same_score(c, previous, r.value):
                i = self.position(s, c)[0]
                return self.ask(s, prefix=f"好的，第 {i} 项“{c.short}”记为“{describe_answer(c, previous)}”。")
            return self._taken_back(s, c, "doubt")
        return self._correct(s, ev, c, correction.Correction("revision", correction.remainder(ev.text) or ev.text))

    def _remark(self, s: Session, ev: UserEvent) -> list[Message] | None:
        """这个分数低了点，明年得多办几场 / 最多就15分吧 / 问这么多，能不能先看看结果 (just after an answer): a
        remark on the score or the length of the walk, not an answer to the question now asked."""
        current = self.criterion_at(s)
        t = normalize(ev.text)
        clauses = [x for x in re.split(r"[,，。;；!！?？~～]+", t) if x.strip()]
        remarks = [x for x in clauses if _REMARK.search(x)]
        if current is None or not remarks or clauses[0] not in remarks:
            return None
        rest = "，".join(x for x in clauses if x not in remarks)
        if numbers(rest) or on_topic(rest, context(current).topic) or re.search(r"^(?:有|没|是|对|做|签|不)", rest):
            return None
        note = "得分会在最后的报告里按标准算出来" if _SCORE_WORDS.search(t) else "题目按评分表逐项来，答完就能看到报告"
        return self.ask(s, prefix=f"好的，{note}。我们接着这一题：")

    def _same_figure_again(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """2次 → 6月和12月各一次，检查表里都有 (the question now asked is a yes/no one): the same figure told
        again with its detail is more of that answer, not the answer to the question now asked."""
        current = self.criterion_at(s)
        if current is None or current.id == c.id or current.expects != "boolean" or c.expects != "number":
            return None
        previous = s.answers.get(c.id)
        if _MORE_OF_IT.search(normalize(ev.text)) and not re.search(
            r"(?:那就|那|就)?(?:还是|仍然是?|照旧|依旧是?)\s*(?:按)?\s*(?:\d|[一二两三四五六七八九十百])",
            arabic(normalize(ev.text)),
        ):  # (想加上大屏宣传…没法统计，那就还是三百八吧: the figure kept)
            return None  # 哦还有两家今年刚通过验收 (after 两家): two more, not the two again
        r = read(c, ev.text, Hint(), {})
        if r.outcome != "record" or previous is None or r.value != previous or not numbers(ev.text):
            return None
        kept = self._more_of_it(s, ev, c)
        if kept is not None:
            s.last = c.id
        return kept

    def _apply_correction(self, s: Session, c: Criterion, r: Reading) -> list[Message]:
        if r.outcome != "record":
            return self._correct(s, UserEvent("answer", ""), c, correction.Correction("explicit", ""))
        if r.needs_confirmation and not (c.id in s.answers and r.value == s.answers[c.id]):  # never 从“有”改为“有”吗
            s.proposal = {"criterion": c.id, "value": r.value, "words": describe_words(r.words)}
            return [self._proposal_message(s, c, r.value, change=c.id in s.answers)]
        before = describe_answer(c, s.answers.get(c.id))
        s.answers[c.id] = r.value
        s.words[c.id] = describe_words(r.words)
        s.last = c.id
        s.misses = 0
        after = describe_answer(c, r.value)
        i = self.position(s, c)[0]
        change = (
            f"已把第 {i} 项“{c.short}”从“{before}”改为“{after}”。"
            if before != after
            else f"第 {i} 项“{c.short}”仍记为“{after}”。"
        )
        if s.finished and not s.reviewing:
            return [Message(text=change), *self._summary(s, brief=True)]
        return self.ask(s, prefix=change + "我们接着刚才的题：")

    def _after_answer(self, s: Session, ack: str) -> list[Message]:
        if s.reviewing:
            nxt = self._next_unknown(s, s.cursor + 1)
            if nxt is None:
                s.reviewing = False
                s.cursor = self.n_steps(s)
                return [Message(text=ack + "待确认的题目都过了一遍。"), *self._finish(s)]
            s.cursor = nxt
            return self.ask(s, prefix=ack)
        if s.return_to is not None:
            back_to, s.return_to = s.return_to, None
            s.cursor = back_to
            if s.finished:
                return [Message(text=ack + "已更新。"), *self._finish(s)]
            return self.ask(s, prefix=ack + "已修改，回到原来的题目。")
        return self._advance(s, ack)

    def _advance(self, s: Session, ack: str) -> list[Message]:
        before = self.criterion_at(s)
        s.cursor += 1
        s.pending = {}
        if s.cursor >= self.n_steps(s):
            return [Message(text=ack), *self._finish(s)] if ack else self._finish(s)
        after = self.criterion_at(s)
        new_section = after is not None and (before is None or before.indicator != after.indicator)
        return self.ask(s, intro=new_section, prefix=ack)

    def _answer_field(self, s: Session, f: FormField, ev: UserEvent) -> list[Message]:
        text = ev.text.strip()
        if text in ("全部跳过", "跳过全部基本信息", "跳过基本信息"):
            s.cursor = len(self.basics(s))
            return self.ask(
                s, intro=True, prefix="好的，申报表信息以后可以再补（说“修改单位名称”等）。下面开始逐项自评。"
            )
        value: str | None = text or None
        if f.kind == "postcode":
            value = clean_postcode(text)
            err = "邮政编码应为 6 位数字，比如 201600。"
        elif f.kind == "phone":
            value = clean_phone(text)
            err = "电话号码格式不对：手机号 11 位，座机如 021-57771234。"
        elif f.kind == "count":
            n = count_in(text)
            value = None if n is None else _n(n)
            err = "请告诉我一个数字，比如 120 家。"
        else:
            err = "请直接输入内容，或者说“跳过”。"
        if value is None:
            s.misses += 1
            return [Message(text=err), *self.ask(s)]
        s.basics[f.key] = value
        s.misses = 0
        return self._after_answer(s, f"{f.label}：{value}。")

    def _not_understood(self, s: Session, c: Criterion, hint: str) -> list[Message]:
        if hint.startswith(_UNDERSTOOD_BUT):  # 嗯…… / 我们隔壁那家有…: understood, only not an answer yet
            return [Message(text=hint), *self.ask(s)]
        s.misses += 1
        if s.misses >= 2:
            return [
                Message(
                    text=(
                        f"看来这题不太好答，我解释一下：{c.explain}\n"
                        f"需要的证明材料：{'；'.join(c.evidence)}。\n"
                        "你可以直接点下面的按钮回答；拿不准就选“不清楚”，这题会列为待确认，之后再补。"
                    )
                ),
                *self.ask(s),
            ]
        return [Message(text=f"抱歉，没太明白。{hint}"), *self.ask(s)]

    # ── navigation commands ──────────────────────────────────────────────
    def _explain(self, s: Session, ev: UserEvent) -> list[Message]:
        if s.finished and not s.reviewing:
            return self._summary(s, brief=True)
        f = self.field_at(s)
        if f is not None:
            return [Message(text=f"为什么问这个：{f.explain}"), *self.ask(s)]
        c = self.criterion_at(s)
        assert c is not None
        text = (
            f"【{c.short}】{c.explain}\n"
            f"验收表原文：{c.standard}\n"
            f"包含的措施：{'；'.join(c.measures)}\n"
            f"要准备的证明材料：{'；'.join(c.evidence)}"
        )
        return [Message(text=text), *self.ask(s)]

    def _skip(self, s: Session, ev: UserEvent) -> list[Message]:
        if s.finished and not s.reviewing:
            return self._summary(s, brief=True)
        f = self.field_at(s)
        if f is not None and any(w in ev.text for w in ("全部", "基本信息", "申报")):
            return self._answer_field(s, f, UserEvent("answer", "全部跳过"))
        s.misses = 0
        s.pending = {}
        c = self.criterion_at(s)
        ack = f"先跳过“{c.short}”，这题记为待确认。" if c else "先跳过。"
        return self._after_answer(s, ack)

    def _back(self, s: Session, ev: UserEvent) -> list[Message]:
        s.misses = 0
        if s.pending:
            s.pending = {}
            return self.ask(s, prefix="好的，这题重新回答。")
        if s.finished:
            s.finished = False
            s.reviewing = False
            s.cursor = self.n_steps(s) - 1
            return self.ask(s, prefix="回到最后一题：")
        if s.cursor == 0:
            return self.ask(s, prefix="这已经是第一题了。")
        s.cursor -= 1
        return self.ask(s, prefix="回到上一题：")

    def _modify(self, s: Session, ev: UserEvent) -> list[Message]:
        target = self._find_target(s, ev)
        by_figure = self._figure_named(s, ev.text)  # 培训那40家里有5家不是会员: the answer holding that figure
        named_q = self.criterion_at(s, target) if target is not None else None
        if (
            by_figure is None
            and (figure_q := self._figure_question_named(s, ev.text)) is not None
            and (  # 服务机构那题改成三类五家 — not 协助创建那题其实有的，…辅导了3家企业 (a yes for the yes/no named)
                named_q is None
                or read(
                    named_q,
                    correction.new_answer(ev.text) or correction.modification_rest(ev.text) or ev.text,
                    Hint(),
                    {},
                ).outcome
                != "record"
            )
        ):
            by_figure = len(self.basics(s)) + self.rubric(s).criteria.index(figure_q)
        if by_figure is not None and (
            target is None or (crit := self.criterion_at(s, target)) is None or crit.expects == "boolean"
        ):
            target = by_figure
        if target is None:
            n = len(self.rubric(s).criteria)
            return [
                Message(
                    text=f"要修改哪一题？请说“修改第N题”（1–{n}），或者题目里的关键词，比如“修改{self.rubric(s).criteria[min(8, n - 1)].short}那题”。"
                ),
                *self.ask(s),
            ]
        c = self.criterion_at(s, target)
        if (
            c is not None
            and c.id in s.answers
            and target != s.cursor
            and (split := self._split_now(s, ev.text, c, self.criterion_at(s), named=True)) is not None
        ):  # 第10题其实没列进年度计划。这题也有，归档、登记都做: that change, then this question's answer
            return self._then(s, self._modify(s, replace(ev, text=split[0])), split[1])
        if c is not None and c.expects == "counts" and correction.figure_less_part(s.words.get(c.id, ""), ev.text):
            return self._correct(s, ev, c, correction.Correction("explicit", ev.text))  # 培训那40家里有5家不是会员
        if c is not None and (d := _delta(c, s.answers.get(c.id), ev.text)) is not None:
            r = read(c, f"{d:g}{getattr(c.rule, 'unit', '')}", Hint(), {})  # 协助办案那个减一起: one less of it
            if r.outcome == "record":
                return self._apply_correction(s, c, r.model_copy(update={"words": ev.text.strip()}))
        new = correction.new_answer(ev.text) if c is not None else ""
        if c is not None and new:  # 把背景调查那题改成没有: changed in one message, the walk stays here
            r = read(c, new, Hint(), {})
            if r.outcome == "record":
                return self._apply_correction(s, c, r.model_copy(update={"words": ev.text.strip()}))
        told = correction.modification_rest(ev.text) if c is not None and c.id in s.answers else ""
        if c is not None and told:  # 第18题改一下，离职时会签保密承诺书: the new answer said in its own words
            r = read(c, _the_new_figure(c, told), Hint(), {})
            one_of_figures = (  # 成员单位那题更正：培训过的其实只有30家: one figure of several, read with the rest
                c.expects in ("counts", "choice")
                and isinstance(s.answers.get(c.id), dict)
                and re.search(r"\d", arabic(normalize(told))) is not None
            )
            if (r.outcome == "record" and r.value != s.answers.get(c.id)) or one_of_figures:
                # read as a revision of that answer (a part denied of a yes is partial), and proposed
                return self._correct(s, ev, c, correction.Correction("revision", told))
            if (
                r.outcome == "record"
                and r.value == s.answers.get(c.id)
                and target != s.cursor
                and (kept := self._more_of_it(s, ev, c)) is not None
            ):  # 宣传那题，报名500，实际到场320，按实际算: the same answer told again with its reason stands
                return kept
            more = correction.parse(ev.text, s.answers.get(c.id), False)
            if more is not None and (r.outcome == "record" or more.kind == "supplement"):
                # 背调再多说一句，是委托第三方做的: more about the same answer, which stands; the walk stays here
                return self._correct(s, ev, c, correction.Correction("supplement", told))
        if c is not None and c.id in s.answers and target != s.cursor:
            more = correction.parse(ev.text, s.answers.get(c.id), c.expects != "boolean")
            if more is not None and more.kind == "supplement" and more.rest:  # 背调再多说一句，是委托第三方做的
                return self._correct(s, ev, c, more)
            if (kept := self._named_and_kept(s, ev, c)) is not None:
                return kept
            if c.expects in ("number", "counts") and numbers(ev.text) and not _ASKED_BACK.search(ev.text):
                # 刚才那个内部检查次数我问了行政，准确说是四次: the named figure's new value, read as a revision
                return self._correct(s, ev, c, correction.Correction("revision", ev.text))
        if s.return_to is None and target != s.cursor:
            s.return_to = s.cursor
        s.cursor = target
        s.pending = {}
        s.misses = 0
        return self.ask(s, prefix="好的，修改这一题：")

    def _figure_named(self, s: Session, text: str) -> int | None:
        """开展工作那个数字说多了，是15家: the one figure answer whose own words the change names."""
        named = re.match(rf"\s*([^,，。\d]{{2,12}}?)(?:{_NAMES_IT.pattern})", arabic(normalize(text)))
        if named is None or not numbers(text):
            return None
        grams = {named.group(1)[i : i + 2] for i in range(len(named.group(1)) - 1)}
        crits = self.rubric(s).criteria
        hits = [
            i
            for i, c in enumerate(crits)
            if c.id in s.answers
            and c.expects in ("counts", "number")
            and sum(g in normalize(s.words.get(c.id, "")) for g in grams) >= min(2, len(grams))
        ]
        return len(self.basics(s)) + hits[0] if len(hits) == 1 else None

    def _points_back(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """A message that points back at the figure recorded (那两次 / 这3起) and states no new one: more about
        it; the figure stands and the walk goes on."""
        q = as_quantity(s.answers.get(c.id))
        t = arabic(normalize(ev.text))
        if (
            q is None
            or q.relation != "eq"
            or _STATED_FIGURE.search(t)
            or _THAN_SAID.search(t)
            or _total_said_last(c, q.value, ev.text)
            or says_zero(t)  # 那两起是别的机构协助的，我们自己一起也没有: none of them, no more of it
        ):
            return None
        if not re.search(rf"(?:这|那)\s*{q.value:g}\s*(?:起|次|家|场|个|人次)", t):
            return None
        again = read(c, ev.text, Hint(), {})
        now = as_quantity(again.value) if again.outcome == "record" else None
        if now is not None and now.value < q.value:
            return None  # 那两起都是专利纠纷: what it says of them takes them off (read as a correction)
        return self._more_of_it(s, ev, c)

    def _more_of_it(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """More told about an answer recorded, which stands: kept with its words; the question now asked again —
        unless the message answers the question now asked while it points back (跟高校有交流机制，那两起案子里还
        请了法学院老师 / 没发生过侵权事件，那4家示范点也都没出过事): then it is that answer."""
        if self._answers_now(s, ev, c):
            return None
        s.words[c.id] = describe_words(f"{s.words.get(c.id, '')}；{ev.text.strip()}")
        i, kept = self.position(s, c)[0], describe_answer(c, s.answers.get(c.id))
        return self.ask(s, prefix=f"好的，这是对第 {i} 项“{c.short}”的补充，仍记为“{kept}”。我们接着这一题：")

    def _answers_now(self, s: Session, ev: UserEvent, c: Criterion) -> bool:
        """Whether a message that mentions answer ``c`` is the answer to the question now asked: it is about that
        question's subject more than about ``c``'s, names no change, and reads as an answer to it."""
        current = self.criterion_at(s)
        if current is None or current.id == c.id or correction.EXPLICIT_CUE.search(normalize(ev.text)):
            return False
        own = topic_words(normalize(ev.text))
        mine = {w for w in own if w in context(current).topic and w not in context(c).topic}
        theirs = {w for w in own if w in context(c).topic and w not in context(current).topic}
        if len(mine) < 2 or len(mine) < 2 * len(theirs):
            return False
        return read(current, ev.text, _hint(ev), {}).outcome == "record"

    def _confirms_earlier(self, s: Session, ev: UserEvent) -> list[Message] | None:
        """案件数确认3起，不用改了 (asked another question now): an earlier answer named and confirmed."""
        if not _CONFIRMS.search(normalize(ev.text)):
            return None
        target = self._find_target(s, replace(ev, entities={}))
        c = self.criterion_at(s, target) if target is not None and target != s.cursor else None
        if c is None or c.id not in s.answers:
            return None
        return self._named_and_kept(s, replace(ev, text=_ASKS_ABOUT.sub("", ev.text)), c)

    def _kept_as_said(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """嗯确认一下：两类、三家，对的 / 全区前十，没问题 right after (or pointing back to) a tier or two counts:
        the answer said again and confirmed stands; the question now asked is asked again."""
        t = normalize(ev.text)
        current = self.criterion_at(s)
        if (
            c.expects not in ("counts", "tier")
            or c.id not in s.answers
            or current is None
            or current.id == c.id
            or s.pending
            or not _CONFIRMS.search(t)
            or correction.EXPLICIT_CUE.search(t)
            or _ASKS_ABOUT.search(t)
        ):
            return None
        rest = _CONFIRMS.sub("", correction.without_pointer(t))
        if read(c, rest, Hint(), {}).value != s.answers[c.id]:
            return None
        return self._named_and_kept(s, ev, c)

    def _rank_again(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """全区第三 → 第三名没错 / 其实是第八名 (the next question asked): a rank alone, right after the tier, is about
        the tier — it stands when it reads the same, a change is proposed when not; never a yes or no to the next."""
        current = self.criterion_at(s)
        if (
            not isinstance(c.rule, TierRule)
            or current is None
            or current.id == c.id
            or c.id not in s.answers
            or not s.words.get(c.id)
        ):
            return None
        t = arabic(normalize(ev.text))
        if not re.search(r"(?:第|前)\s*\d+", t) or any(w in t for tier in c.rule.tiers for w in tier.words):
            return None
        rest = re.sub(
            r"(?:其实|实际上?|应该|准确说)?(?:是|排|排在)?(?:第|前)\s*\d+\s*名?|没错|对的?|是的|确认|就是|差一?点|"
            r"吧|啊|了|哈|嗯|哦|呢|呀|ok|sorry|[\W_]",
            "",
            t,
        )
        if rest:
            return None  # more than a rank: read as said
        completed = _tier_completed(c, c.rule, s.words[c.id], ev.text)
        r = read(c, completed, Hint(), {})
        if r.outcome != "record":
            return None
        if r.value == s.answers[c.id]:
            i = self.position(s, c)[0]
            kept = describe_answer(c, r.value)
            return self.ask(s, prefix=f"好的，第 {i} 项“{c.short}”仍记为“{kept}”。我们接着这一题：")
        s.proposal = {"criterion": c.id, "value": r.value, "words": describe_words(completed)}
        return [self._proposal_message(s, c, r.value, change=True)]

    def _named_and_kept(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """宣传那题确认是400人次，没问题 / 案件数那题是按起算还是按当事人算？: an earlier answer named to confirm it or
        to ask about it — it stands, and the walk stays where it was (no change means no re-answering)."""
        t = normalize(ev.text)
        i, kept = self.position(s, c)[0], describe_answer(c, s.answers.get(c.id))
        if _ASKS_ABOUT.search(t):
            return self.ask(
                s,
                prefix=f"第 {i} 项“{c.short}”的标准是：{c.standard}（现记为“{kept}”，要改的话直接说新的答案）。"
                "我们接着这一题：",
            )
        said = [
            f.quantity for f in numbers(re.sub(r"第\s*\d+\s*[题项]", "", correction.without_pointer(t)))
        ]  # (上一题)
        same = as_quantity(s.answers.get(c.id))
        if _CONFIRMS.search(t) and _said_as_recorded(c, s.answers.get(c.id), said, t):
            return self.ask(s, prefix=f"好的，第 {i} 项“{c.short}”仍记为“{kept}”。我们接着这一题：")
        if (
            said
            and same is not None
            and all(q.value == same.value for q in said)
            and re.search(r"(?:这|那)\s*\d", arabic(t))
            and not correction.EXPLICIT_CUE.search(t)
        ):  # 公益服务那5次都有台账记录的: more about the figure recorded, which stands
            return self._more_of_it(s, ev, c)
        return None

    def _quoted_answer(self, s: Session, text: str) -> int | None:
        """“总经理亲自抓”那句不准确: the one earlier answer whose words the message quotes."""
        crits = self.rubric(s).criteria
        for quoted in _QUOTED.findall(text):
            q = normalize(quoted)
            hits = [i for i, c in enumerate(crits) if c.id in s.answers and q and q in normalize(s.words.get(c.id, ""))]
            if not hits:  # 「有经费」 for 有办公室、电脑、经费: the words it shares, by the one answer sharing most
                grams = topic_words(q)
                shared = [len(grams & topic_words(normalize(s.words.get(c.id, "")))) for c in crits]
                top = max(shared, default=0)
                hits = [i for i, n in enumerate(shared) if n == top and crits[i].id in s.answers] if top else []
            if len(hits) == 1 and _QUOTE_TAKEN_BACK.search(text):
                return len(self.basics(s)) + hits[0]
        return None

    def _head_target(self, s: Session, text: str, last: str) -> str | None:
        """竞业限制再更正下：技术骨干签了… / 离职告知那题sorry，…: the words before the correction (its head,
        up to the first colon or comma) name one answered question other than the last — its id."""
        head = re.split(r"[:：,，。;；]", normalize(text), maxsplit=1)[0]
        if not 2 <= len(head) <= 16:
            return None
        head = correction.EXPLICIT_CUE.split(head)[0] or head
        hits = {
            c.id: len(matched_keywords(head, [*c.keywords, c.short]))
            for c in self.rubric(s).criteria
            if c.id in s.answers
        }
        best = max(hits.values(), default=0)
        top = [cid for cid, n in hits.items() if n == best]
        if not best or len(top) != 1 or top[0] == last:
            return None  # (服务机构那题漏了一家… just after 机构类型与数量: the words name the last one too)
        named, c_last = self.rubric(s).get(top[0]), self.rubric(s).get(last)
        found = numbers(text)
        if (
            named.expects == "boolean"
            and c_last.expects in ("number", "counts")
            and found
            and (_fits_unit(c_last, text) or _fits_parts(c_last, text) or all(not f.unit for f in found))
            and not correction.names_a_question(text)
        ):
            return None  # 350人次 → 我数了下签到表 270: 签到表 is a word of 培训记录, the figure is the last one's
        return top[0]

    def _find_target(self, s: Session, ev: UserEvent) -> int | None:
        offset = len(self.basics(s))
        crits = self.rubric(s).criteria
        if (quoted := self._quoted_answer(s, ev.text)) is not None:
            return quoted
        cid = ev.entities.get("criterion")
        if isinstance(cid, str):
            for i, c in enumerate(crits):
                if c.id == cid:
                    return offset + i
        text = ev.text
        named_first = re.search(r"^([\u4e00-\u9fffA-Za-z]{2,10}?)" + correction.NAMING, text)
        for i, f in enumerate(self.basics(s)):
            if named_first is not None and f.label not in named_first.group(1):
                continue  # 制度那题，…只发到了部门负责人: a question named first; 负责人 is no field named
            if f.label in text or (f.key == "postcode" and "邮编" in text) or (f.key == "phone" and "电话" in text):
                return i
        if "名称" in text and named_first is None:
            return 0
        for where in dict.fromkeys([named_first.group(1) if named_first else text, text]):
            for i, c in enumerate(crits):  # (经验分享那个改成有，…介绍了我们的管理制度: the name said first)
                if c.short in where or c.id in text:
                    return offset + i
        bonus = [i for i, c in enumerate(crits) if c.bonus]
        if re.search(r"加分", text) and (n := parse_question_number(text)) is not None and 1 <= n <= len(bonus):
            return offset + bonus[n - 1]  # 加分项第3项: the third bonus item, not the third question
        # 涉密标志那道题改为没有: the words that name the question, not the new answer after them
        name = re.search(r"([\u4e00-\u9fffA-Za-z]{2,10}?)" + correction.NAMING, text) or re.match(
            r"([\u4e00-\u9fff]{2,14})[,，]\s*(?:这个|这块|这题|这一项)", text
        )  # 无关人员能不能进，这个我前面说得太好听了
        n = parse_question_number(text)
        place = re.search(r"第\s*[\d一二三四五六七八九十百两]+\s*[题项条]", text)
        if name is not None and place is not None and name.start() < place.start():
            n = None  # 培训计划那题改成有，…计划第三项就是商秘培训: the item of a plan, not a question
        if n is not None and 1 <= n <= len(crits):
            return offset + n - 1
        said = name.group(1) if name else text
        if name is not None:  # 对了前面检查那个: the words that point back name nothing
            said = (
                re.sub(
                    r"^(?:对了|哦|啊|还有|另外|我们|我)*(?:前面|之前|刚才|刚刚|上面|先前)(?:的|说的|那个)?", "", said
                )
                or said
            )
        grams = {said[k : k + 2] for k in range(len(said) - 1)}
        nearness = [sum(1 for g in grams if g in f"{c.short}{c.standard}") for c in crits]  # how close the wording
        best: tuple[int, int, int, int, int, int] | None = None
        sentence = next((x for x in re.split(r"[。；;!！?？]", text) if said in x), text)
        figured = bool(numbers(sentence))  # (服务机构那个改成没有。宣传这题，700人次: the figure is another one's)
        changing = bool(re.search(r"更正|纠正|改成|改为|说错|答错|记错|搞错|弄错|撤回", text))
        for i, c in enumerate(crits):
            hits = len(matched_keywords(said, [*c.keywords, c.short]))
            # a tie: a figure said names a figure question (服务机构那题…两类三家), an answered question before one
            # not answered (only answers change), then the closer wording; a change names an answered one first
            # (商密服务机构那题更正一下 after 服务机构培育 answered, 机构类型与数量 not yet)
            answered = int(c.id in s.answers)
            key = (
                answered if changing else 1,
                hits,
                int(figured and c.expects in ("number", "counts")),
                answered,
                nearness[i],
                i,
            )
            if hits and (best is None or key[:5] > best[:5]):
                best = key
        inside = [i for i, c in enumerate(crits) if any(said in k for k in [*c.keywords, c.short])]
        if len(inside) > 1:  # 竞业那块我记错了: of the questions it could name, the one answered (only answers change)
            inside = [i for i in inside if crits[i].id in s.answers] or inside
        if len(inside) > 1 and numbers(text):  # 前面检查那个…所以是2次: a figure changes a figure question
            inside = [i for i in inside if crits[i].expects in ("number", "counts")] or inside
        if best is None and name is not None and len(inside) == 1:
            return offset + inside[0]  # 制度那题: part of one question's keyword (管理制度) only
        if best is None and name is not None:  # 涉密标志那道: no keyword, but the wording of one question only
            top = max(nearness, default=0)
            if top >= 2 and nearness.count(top) == 1:
                return offset + nearness.index(top)
        return offset + best[5] if best else None

    def _progress(self, s: Session, ev: UserEvent) -> list[Message]:
        r = self.rubric(s)
        answered = [c for c in r.criteria if c.id in s.answers and s.answers[c.id] != "unknown"]
        unknown = [c for c in r.criteria if s.answers.get(c.id) == "unknown"]
        c = self.criterion_at(s)
        where = f"现在是第 {self.position(s, c)[0]} 项（{c.indicator}）。" if c else ""
        if self.field_at(s) is not None:
            where = f"现在在填申报表基本信息（{s.cursor + 1}/{len(self.basics(s))}）。"
        text = f"共 {len(r.criteria)} 项，已回答 {len(answered)} 项，待确认 {len(unknown)} 项。{where}"
        return [Message(text=text), *self.ask(s)]

    def _current_score(self, s: Session, ev: UserEvent) -> list[Message]:
        r = self.rubric(s)
        res = score(r, s.answers)
        answered = sum(1 for c in r.criteria if c.id in s.answers)
        text = (
            f"按目前已回答的 {answered}/{len(r.criteria)} 项计算：基本项 {_n(res.base)}/{_n(r.base_max)} 分，"
            f"加分项 {_n(res.bonus)}/{_n(r.bonus_max)} 分，合计 {_n(res.total)} 分（未回答的题暂记 0 分）。"
        )
        return [Message(text=text), *self.ask(s)]

    def _pause(self, s: Session, ev: UserEvent) -> list[Message]:
        s.paused = True
        c = self.criterion_at(s)
        where = f"第 {self.position(s, c)[0]} 项" if c else "申报表基本信息" if self.field_at(s) else "结果"
        return [Message(text=f"好的，已保存你的全部回答。下次回来说“继续”，就从{where}接着做。")]

    def _resume(self, s: Session, ev: UserEvent) -> list[Message]:
        return self.ask(s, prefix="我们继续：" if not s.finished else "")

    def _chitchat(self, s: Session, ev: UserEvent) -> list[Message]:
        reply = _chitchat_reply(ev)
        if ev.intent == "goodbye":
            s.paused = True
            return [Message(text=reply)]
        return [Message(text=reply + " 我们接着自评："), *self.ask(s)]

    def _confirm_restart(self, s: Session, ev: UserEvent) -> list[Message]:
        # clearing every answer needs a clear yes: "不确定" or anything unclear cancels
        t = ev.text.strip()
        confirmed = (
            ev.command == "restart"
            or bool(_CONFIRM.match(t))
            or (ev.hint == "affirm" and (not t or analyze(t).verdict == "yes"))
        )
        if confirmed:
            keep = s.id
            s.__dict__.update(Session(id=keep).__dict__)
            return [Message(text="已清空，重新开始。"), *self._welcome(s)]
        s.confirm = None
        return self.ask(s, prefix="好的，不重新开始，答案都保留着。")

    # ── the end ──────────────────────────────────────────────────────────
    def _next_unknown(self, s: Session, start: int) -> int | None:
        offset = len(self.basics(s))
        for i, c in enumerate(self.rubric(s).criteria):
            if offset + i >= start and s.answers.get(c.id, "unknown") == "unknown":
                return offset + i
        return None

    def _start_review(self, s: Session) -> list[Message]:
        nxt = self._next_unknown(s, 0)
        if nxt is None:
            return [Message(text="没有待确认的题目。"), *self._summary(s, brief=True)]
        s.reviewing, s.finished, s.cursor = True, False, nxt
        return self.ask(s, prefix="好的，我们逐一回看待确认的题目。")

    def report_data(self, s: Session) -> dict[str, Any]:
        return session_report(self.rubric(s), s)

    def _finish(self, s: Session) -> list[Message]:
        s.finished = True
        s.reviewing = False
        s.cursor = self.n_steps(s)
        return self._summary(s)

    def _summary(self, s: Session, brief: bool = False) -> list[Message]:
        s.finished = True
        data = self.report_data(s)
        where = self.report_sink(s, data) if self.report_sink else ""
        lines = [
            f"自评完成！基本项 {data['base']}/{data['base_max']} 分，加分项 {data['bonus']}/{data['bonus_max']} 分，"
            f"总分 {data['total']} 分。"
        ]
        if not brief:
            if data["gaps"]:
                lines.append("失分最多的几项：")
                for k, g in enumerate(data["gaps"][:3], 1):
                    lines.append(f"{k}. {g['short']}（{g['status_label']}，失 {g['lost']} 分）：{g['remediation'][0]}")
            else:
                lines.append("基本项没有发现失分，做得很好！")
        if where:
            lines.append(f"完整的差距报告（每项缺什么、怎么补、要准备哪些证明材料）：{where}")
        lines.append("提醒：提交证明材料时，敏感信息请作脱敏处理。")
        buttons = [Button(title="查看报告", payload="/report"), Button(title="重新开始", payload="/start_over")]
        unknown = data["unconfirmed"]
        if unknown:
            lines.append(f"还有 {len(unknown)} 项待确认（记 0 分），要现在回看吗？")
            buttons.insert(0, Button(title=f"回看待确认的 {len(unknown)} 项", payload="/affirm"))
        return [
            Message(text="\n".join(lines), buttons=buttons),
            Message(custom={"report": data, "final": True}),
        ]

    def _report(self, s: Session, ev: UserEvent) -> list[Message]:
        if s.finished and not s.reviewing:
            return self._summary(s)
        data = self.report_data(s)
        where = self.report_sink(s, data) if self.report_sink else ""
        remaining = len(self.rubric(s).criteria) - sum(1 for c in self.rubric(s).criteria if c.id in s.answers)
        text = f"还有 {remaining} 项没回答，按目前的回答生成了一份临时报告（未答的记为待确认）。"
        if where:
            text += f"\n报告：{where}"
        return [Message(text=text), Message(custom={"report": data, "final": False}), *self.ask(s)]


_CONFIRM = re.compile(r"^我?(?:确定|确认|是的?|对|好的?|嗯|可以|行)(?:重新开始|重来|清空)?[。.！!]*$")


_CONFIRM_YES = re.compile(
    r"^(?:是|是的|是滴|对|对的|对头|嗯+|没错|正确|确认|确定|没问题|好的?|可以|ok|okay|yes|yep|y|对对|是是|就是这个|就是|没毛病)[。.!！~]*$",
    re.I,
)
# 好的，现在回看吧 / 要的，回看一下 / 行，那就看看吧: yes to "要现在回看吗？" (不用 / 先不看 / 别 are not)
_REVIEW_YES = re.compile(
    r"^(?!.*(?:不|别|算了|等会|晚点|下次|报告|结果|分数|得分|差距|下载))(?:(?:嗯+|好+的?|行|可以+|要+的?|ok|yes|来吧?|没问题|那)[,，!！。~\s]*)*"
    r"(?:现在|那就|马上|就|一起|我们|咱们)*(?:回看|看看|看一下|看下|过一遍|开始)"
)
_CONFIRM_NO = re.compile(r"^(?:不是|不对|错了|不|不不|no|nope|n|重新选|不是的|都不是|理解错了|搞错了)[。.!！~]*$", re.I)
# 竞业限制那块 / 管商秘那个人的问题: words that name a question (not 刚才那题 / sorry 那题)
_REAL_NAME = re.compile(r"[\u4e00-\u9fff]{2}" + correction.NOT_A_NAME + r"(?<!就是)(?<!其实)" + correction.NAMING)
_QUOTED = re.compile(r"[“‘「『\"']([^”’」』\"']{2,24})[”’」』\"']")
# what a quoted earlier answer is followed by when it is taken back
_QUOTE_TAKEN_BACK = re.compile(
    r"不准|不对|错|收回|有出入|不作数|不算|改|其实|准确说|没问题，但|太满|太好听|不是|实际上?|是计划|是报名|只有|虚了|多报|少报"
)
_REPLY_TO_PROPOSAL = re.compile(f"{_CONFIRM_YES.pattern}|{_CONFIRM_NO.pattern}", re.I)


# a request to go back and nothing else: 返回上一题 / 回到上一题吧 / 上一步 / back
_BACK_ONLY = re.compile(
    r"(?:请|麻烦)?(?:先)?(?:返回|回到|退回|回|退到|倒回|跳回|往回)?(?:到)?(?:上一(?:题|个问题|项|步|道题)|上题|前一题|上个问题)"
    r"(?:吧|呗|去|一下)?[。.!！~～]*|(?:返回|后退|退回|往回退|上一步|back|previous|go back)[。.!！~～]*",
    re.I,
)
# the words a command cannot do without: a reply routed to a command without them may be an answer
COMMAND_WORDS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "explain": r"解释|意思|为什么|啥|什么|怎么|举例|例子|说明|不懂|不明白|没看懂|看不懂|标准|要求|材料|证明|哪些|\?",
        "skip": r"跳|下一|略过|不答|先放|空着|pass|next|以后再说|后面再",
        "back": r"上一|上题|前一|返回|回到|回去|退回|back",
        "modify": r"修改|更正(?!措施)|重新答|重答|改成|改为|改一下|改个|改答案|要改|想改|^改|第\s*\S{1,3}\s*[题项条]",
        "progress": r"进度|几题|多少题|第几|还剩|还有多少|做到哪|到哪了|完成了多少",
        "score": r"得分|多少分|分数|几分|算分|score",
        "pause": r"暂停|先到这|下次|回头|改天|明天|等会|先停|休息|歇|忙|走了|pause|stop",
        "resume": r"继续|接着|回来|开始|resume|continue",
        "restart": r"重新开始|重来|从头|清空|重置|重新做|restart",
        "report": r"报告|结果|看看|差距|report",
    }.items()
}


_FIGURE_REVISION = re.compile(
    r"(?:那个|那题|那个数|这个数)(?:应该)?(?:是|有|为)\s*\d|其实|实际|重新算|重算|再算|核了|核对了|只有|一共|总共|现在|成功的|已经授牌|加上|不对|加起来|汇总|统计了|统计下来|算了一下|数了一下|查了一?下|翻了一?下|"
    r"已完成|完成的|已授牌|授牌的|拿到牌子|算\s*\d|^(?:是|应该是|其实是|实际是)?\s*\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{0,2}[吧啊呀]?$|"
    r"(?:^|[,，])(?:顶多|最多|至多|撑死(?:了)?|充其量|满打满算)(?:也就|就|也)?(?:是|有)?\s*[\d一二两三四五六七八九十百千]"  # 顶多两家，第三家搬走了
)
# what is left, or the total now, said after a part that does not count: 所以是两次 / 剩四起 / 那就是520
_LEFT_NOW = re.compile(
    r"(?:所以|那|那么|这样|算下来|最后|实际)(?:就|一共|总共)?(?:是|有|算)\s*[\d一二两三四五六七八九十]|"
    r"[,，]\s*(?:是|就是|应该是|只有|就)\s*[\d一二两三四五六七八九十]+\s*(?:次|场|起|家|个|人次)?[了吧啊。.!！]*$|"  # …，不算，是两起
    r"(?:剩|剩下|还剩|只剩|就剩)(?:的)?(?:是|有)?\s*[\d一二两三四五六七八九十]"
)
# 同上 / 跟上一题一样，也有 / 和前面一样: the same answer as the question just answered
_SAME_AS_LAST = re.compile(
    r"^(?:同上|(?:跟|和|与|同)?(?:上一?题|上个问题|上一个|前一题|前面那题|刚才那题|上面)(?:的)?(?P<diff>不)?(?:一样|相同|同样)(?:的)?)"
    r"[,，。.!！~\s]*((?:也|都|同样)[^,，。]{0,12}|(?(diff)[^,，。]{1,16}|(?!)))?[。.!！~\s]*$"
)  # (跟上一题不一样，没有: the answer said after it)
# words that revise a figure: 没那么多 / 不止 / 其实只有 / 准确说
_PART_SAID = re.compile(r"应该|其实|实际|准确|(?<![不就])是|为|改")  # 类型是4类 / 机构其实10家
_OF_THE_FIGURE = re.compile(
    r"没(?:有)?(?:那么|这么)多|不止|其实|实际|只有|准确|不准|不到|没到|多报|少报|多算|少算|大概|估计|左右|上下|更多|还多|"
    r"至少|起码|最少|不少于|不低于|将近|接近|差一点|差几|合计|共计|一共|总共|总计|加起来|以上|出头|签到|不严谨|"
    r"\d\s*[+＋]\s*\d|"
    r"各(?:一|1)\s*(?:次|场|家|起|回)|(?:还有|另外|又)(?:有)?\s*(?:\d|[一二两三四五六七八九十])+\s*(?:次|场|家|起|回|个|所)|"
    r"(?:做|办|帮|协助|查|搞|开展|服务|参加|来)的(?:是|有|就是|只是)\s*(?:\d|[一二两三四五六七八九十百])"  # 我们协助的是两起
)
# fewer or more than the figure just given, with no figure: 可能没那么多 / 好像没这么多吧 / 不止 / 还不止这些
_NOT_SO_MANY = re.compile(
    r"(?:嗯|呃|额|哦|唔)?[,，\s]*(?:可能|好像|估计|应该|其实|感觉|实际上?)?(?:也)?"
    r"(?:没(?:有)?(?:那么|这么)多|(?P<more>(?:还|应该|可能|其实)?不止(?:这些|这个数|这么多|那么多)?))[了吧啊呀哦]*[,，。.!！~…\s]*"
)
# a doubt about a figure just given: 也可能就一次，我不太确定 / 可能没那么多 / 四五百吧，不太准
_DOUBT = re.compile(
    r"(?:或者|要么)(?=\s*(?:是)?\s*(?:\d|[一二两三四五六七八九十百]))|可能|也许|或许|大概|估计|好像|不太(?:确定|准|清楚|记得)|记不(?:清|太清|住)|说不(?:准|好|清)|拿不准|"
    r"不敢(?:确定|肯定|保证)|没把握|不一定|不确定|搞混|没(?:仔细|认真|细)(?:统计|算|数|核)|没那么精确|不(?:太)?精确|"
    r"(?:具体|准确)(?:的|数)?(?:还)?(?:得|要)(?:查|翻|核)"
)
# the unit will not vouch for the figure it gives (not 大概 / 可能 alone, which only round it)
_STRONG_DOUBT = re.compile(
    r"不太(?:确定|准|清楚|记得)|记不(?:清|太清|住)|说不(?:准|好|清)|拿不准|不敢(?:确定|肯定|保证)|没把握|不确定|搞混|"
    r"没(?:仔细|认真|细)(?:统计|算|数|核)|没那么精确|不(?:太)?精确|(?:具体|准确)(?:的|数)?(?:还)?(?:得|要)(?:查|翻|核)"
)
# two figures offered as alternatives: 也可能两次 / 或者四百？/ 还是三次
_EITHER_FIGURE = re.compile(
    r"(?:也可能|或者|或是|还是|要么)(?:是|就|就是|只有|有)?\s*(?:\d|[一二两三四五六七八九十百])|"
    r"(?:\d|[一二两三四五六七八九十百])\s*(?:人次|[次场家起人个件类])?\s*[?？]"
)
_UNDERSTOOD_BUT = ("不着急", "您说的是别的单位")  # reading problems that are not a misunderstanding
_DEFER = re.compile(
    r"先空着|空着吧|先放(?:着|一放|一下)|后面再(?:说|答|填)|以后再说|先问别的|先跳过|跳过吧|下一题|先不答|先不填|"
    r"(?:明天|晚点|之后|回头)[^,，。]{0,6}再填"
)
# what asks for the explanation (or a command) in so many words, whatever else the message says
_ASKS_FOR_HELP = re.compile(
    r"^(?:我|啊|嗯)?(?:还是)?(?:不|没|搞不|看不)(?:太|大)?(?:懂|明白|看懂|清楚你的意思)[。.!！~啊呀]*$|[?？]|吗|嘛$|意思|为什么|为啥|怎么(?:算|理解|办|回答|答|填)|解释|举(?:个)?例|例子|说明一下|是指|指什么|这题|这个问题|题目|"
    r"(?:看|出|生成|给我|要|导出|下载|打印)[^,，。]{0,3}(?:报告|结果|差距)|^(?:报告|结果|差距)|上一题|上题|前一题|返回|回到"
)
_INDEFINITE_WH = re.compile(r"没(?:有)?(?:啥|什么)|(?:啥|什么)[^,，。?？]{0,6}(?:也|都)")
_STRESS = re.compile(
    r"(?:其实|实际上?|应该)有\s*$|"  # 会员其实有300家
    r"(?:就|是|为|其实|应该|只有|才|一共|总共|共|合计|算|算是|记|记成|改成|改为|加起来有?|实际上?|所以|刚好|正好|整好|凑够|剩下?|的话)\s*$|"
    r"(?:一共|总共|合计|总计|加起来)[^,，。\d]{0,6}$"  # 去年一共服务了5家
)


# a figure added to the one said (漏了一场，再加80) — unless the message gives the new total (一共是330)
_SOFT_MORE = re.compile(r"(?:还|又)(?:查|做|办|搞|开展|组织|调解|立案|协助|服务|培训|补)(?:了|过)")
_MORE_OF_IT = re.compile(
    r"再加|加上|还(?:得|要)加|另加|再算上|(?<!是)算上|漏(?:了|算了?|说了?)[^,，。\d]{0,10}[,，]?\s*(?:还有|再|另外)|"
    r"漏(?:了|算了?|说了?)[^。\d]{0,10}?(?:还|又)(?:加|多|补)(?:了|办了|开了)|"  # 漏了，下半年还加了两场
    r"^(?:哦|啊|噢|诶|嗯|对了|不对|等等|等一下|[,，\s!！])*(?:还有|另外|另有|外加)"
)
# 刚才那个数不对，3起，忘了算上半年那起: a new total said alone after a denial (not 再加上那场普法宣传，60人: more)
_DENIED_THEN_FIGURE = re.compile(
    r"(?:不对|错了|说错|记错|搞错|弄错)[^。;；]*?[,，]\s*(?:\d+|[一二两三四五六七八九十百]+)\s*(?:人次|[次场家起人个件])\s*(?:[,，。]|$)"
)
_A_NEW_TOTAL = re.compile(
    r"(?:加上|算上)[^,，。\d]{0,10}(?:是|就是)\s*(?=\d|[一二两三四五六七八九十百])|"  # 加上线上直播是三百二
    r"一共|总共|(?<![一总])共(?:计|有)?\s*(?=\d|[一二两三四五六七八九十百])|合计|总计|全年|总数|加起来|所以是|应该是|其实是|实际是|=|(?:现在|目前)(?:是|有|一共)?\s*\d|(?:只有|只剩|才)\s*(?:\d+|[一二两三四五六七八九十百]+)|"
    r"[,，]\s*(?:那|那就|就|所以)?是\s*(?:\d+|[一二两三四五六七八九十百]+)\s*(?:人次|[次场家起人个件])|"
    r"(?:^|[,，])\s*(?:而)?不是\s*(?:\d+|[一二两三四五六七八九十百]+)|"  # 4起，不是2起，…那两起也要算上
    + _DENIED_THEN_FIGURE.pattern
)  # 还有一起忘说了，是三起: the new total said
# a part left out or counted too many, said as that part alone: 漏了一次 / 多算了一起 / 再减一家
_PLUS = (
    r"漏(?:了|算了?|报了?|说了?|掉了?|统计了?|写了?)|少(?:算|报|说|统计|写|数)了?|再加|还得加|要加|加上|(?<![增追参])加"
)
_MINUS = r"多(?:算|报|说|统计|写|数|计)了?|重复算了?|(?:再|得|要)?减(?:掉|去)?|去掉|扣掉|刨掉|扣除"
_DELTA = re.compile(rf"({_PLUS}|{_MINUS})\s*(\d+)\s*(人次|[次场家起人个件期回]|(?=[,，。.!！~吧]|$))")  # 加80
# 调解有一起没成功 / 联芯那个最后没调成，去掉: one part of the count said not to count
_POINTS_BACK = re.compile(r"前面|之前|刚才|刚刚|上上|那题|那道题|那个问题|排名|榜单|规模")
_CHANGED_TO = re.compile(
    r"改成|改为|改到|更正为|应该是|按\s*[\d零一二两三四五六七八九十]+\s*\S?\s*算|以\s*[\d零一二两三四五六七八九十]+\S{0,3}为准"
)
_MEASURE_UNIT = {
    "人数": "人次",
    "人次": "人次",
    "次数": "次",
    "家数": "家",
    "起数": "起",
    "案件数": "起",
    "案子数": "起",
}
_MEASURE_NAMED = re.compile(f"({'|'.join(_MEASURE_UNIT)})")
_TIER_DENIED = re.compile(  # (no，全国榜单我们排第14 / 也不是，… / 不对，区里的: the tier just said, denied)
    r"(?:^|[,，。;；])(?:[^\w]|no|sorry|不好意思|抱歉|哦|啊|嗯)*(?:也|都|还)?(?:不是|不对|不算|错了|no\b)"
)
_BY_SO_MANY = re.compile(
    r"\s*(?:应该|要|得|再|还)*(少|多|减|加|减掉|加上)(?:了)?\s*(\d+)\s*(\S{0,2}?)[吧啊哈呀。.!！~]*\s*"
)
_FAILED_PART = re.compile(
    r"(?:(?:有|其中)?\s*(?<!第)(\d+)\s*(人次|[次场家起人个件期回])(?!都|也)|(?:那个|那起|那家|那次|那场|那件|这次|这个|这起|这场)|"
    r"第\d+\s*[次场家起个件]|另(?:外)?\s*(?:一|1)\s*[次场家起个件])"
    r"[^,，。\d]{0,8}?(?:[,，]\s*(?:还|都|也|并)(?=没))?"  # (其中两起只是报了案，还没立案)
    r"(?:没(?:有)?(?:成功|成|做成|搞成|调成|立上|办成|通过|验收|做完|完成|办完|结果|立案)|失败了?|不算|(?:要|得)?去掉|黄了|撤了|还在审|在审)"
)
# 五家 → 不对，其中一家还在培育 = 4: a part named as a part, not done yet in the reading's words
_NOT_DONE_PART = re.compile(
    r"(?:其中|(?<![还另又])有)\s*(\d+)\s*(人次|[次场家起人个件期回])(?!都|也)[^,，。\d]{0,8}?(?:[,，]\s*(?:还|都|也|并)(?=没))?"
    r"(?:" + NOT_DONE.pattern + ")"
)
_STATED = re.compile(
    r"一共|总共|合计|总计|总数|加起来|所以(?:是|就是)?\s*\d|应该是|其实是|实际(?:是|上)?\s*(?:只有|就)?\s*\d|现在是|"
    r"改成|改为|更正为|(?:是|为)\s*\d|(?<!不)算(?:是|作)?\s*\d|="
)


_STATED_FIGURE = re.compile(
    r"(?:一共|总共|(?<![一总])共(?:计|有)?|合计|总计|总数|加起来|(?<!不)算(?:是|作)?|的话\s*(?:大概|大约|差不多|就|是|就是)?|所以(?:是|就是)?|应该是|其实是|实际(?:是|上)?|(?:现在|目前)(?:是|有|一共)?|改成|改为|更正为|(?<![那这])是|为|=|只有|只剩|才)\s*\d"
)
_THAN_SAID = re.compile(
    r"比(?:刚才|之前|前面|原来|上面|我刚才)?(?:说|报|填|讲|写)?的?(?:还|再|要)?(多|少)了?\s*(\d+)\s*(人次|[次场家起人个件期回])?"
)
_TAKE_OFF = re.compile(
    r"(?:要|得|需要|应该)?(?:减掉|扣掉|去掉|扣除|刨掉|减去|剔除)|算了两遍|重复(?:统计|登记|计算|算)|不该算|没开成|取消|"
    r"多(?:算|报|说|统计|写|数|计|填)了?|搬走|迁走|注销|撤销|摘牌|退出|取消了"
)
# 我刚说的400 / 刚才说的“五百多” / 前面报的3家: a figure quoted as said before
_SAID_FIGURE = re.compile(
    r"(?:我|刚才|刚刚|前面|之前|上面|刚)(?:刚|才)?(?:说|报|填|写|讲|答)的(?:那个|那|这个)?\s*[“\"']?\s*(\d+(?:\.\d+)?)|"
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:人次|次|家|起|个)?\s*(?:这个|那个)(?:数|数字)"  # 480这个数我确认过了
)
# the turn of a message to an earlier answer, after this question's answer: 另外前面… / 顺带说下上一题… / 宣传那个…
_TURN_TO_EARLIER = re.compile(
    r"(?:另外|顺带|顺便|还有就是|还有个事|对了|然后|再就是|补充一下|更正一下)|(?:上一?题|上上题|前面|刚才|之前|我刚)|"
    r"\d\s*(?:人次|次|家|起|个)?\s*(?:这个|那个)(?:数|数字)|(?:那个|那题)(?:数|数字)?(?:我|也|说|更正|改|确认|核)|"
    r"核(?:过|对过|实过)|确认(?:过|了)"
)
_LEAD_IN = re.compile(
    r"^(?:另外|顺带|顺便|还有就是|还有个事|对了|然后|再就是)(?:说下|说一下|提一下|讲一下)?[,，:：\s]*"
)
_ASIDE = re.compile(r"(?:补充|多说|再多?说|补说|再讲|多讲)\s*(?:一|两|几|\d)\s*句")  # 补充一句 / 多说两句
_LEFT_OUT = re.compile(
    r"漏(?:了|算|报|说|掉|统计|加)|少(?:算|报|说|写|数|计|填|加)了?|忘了?(?:算|说|统计|加)|没(?:算|加)上"
)
_NOT_MEANT = re.compile(r"(?<!漏)没算进去|不算进去|不计入|没计入")  # 阅读量还有2000多，没算进去: left out on purpose


def _same_score(c: Criterion, before: Any, after: Any) -> bool:
    """Whether two answers to a criterion score alike (500 and 五百多 both meet ≥ 300)."""
    return score_criterion(c, before, 0.5).got == score_criterion(c, after, 0.5).got


# 第二年只有一起 / 下半年其实没查: one period of a figure said for several
_ONE_PERIOD = re.compile(r"(?:不过|但是?|其实|哦)?[,，\s]*(?:第[一二两三四五\d]年|其中(?:有)?(?:一|1)年|有(?:一|1)年)")
# 每年两起，做了两年 / 这三年每年一起: a figure said for several years
_YEARS_SPAN = re.compile(r"(?:做了|搞了|办了|连续|共|这|近)\s*[2-9]\s*年|(?<![\d.])[2-9]\s*年(?:来|里|间|了)")
# a change of a two-count answer told relative to what was said: more of it, part of it taken off, one moved
# a firm of a two-count answer added or gone: 注销了 / 搬到泗泾去了 / 去掉吧 / 还有一家… / 也在园区里 / 刚签的入驻
_FIRM_CHANGED = re.compile(
    r"注销|搬(?:走|到|去|出|离)|迁(?:走|到|出)|去掉|剔掉|剔除|删掉|拿掉|划掉|不算|不在(?:我们|本)?园区|不做商秘|关门|倒闭|撤(?:了|走)|"
    r"漏了|(?<![没])还有|另外|再加|也在(?:我们)?园区|也入驻|新入驻|刚入驻|入驻了"
)
_RELATIVE_TO_SAID = re.compile(
    r"(?:等下|等等|哦|啊|对了|不对|sorry|[,，\s])*(?:还有|另外(?:还)?有|另有|其中|有\s*(?:1|一|两|2)\s*家|那家|这家|那个|漏了)"
)


def _tier_completed(c: Criterion, rule: TierRule, said: str, rest: str) -> str:
    """A tier's change that says only half of a rank, completed by the answer it changes: 区里前十 → 其实是第十一名
    (a rank, no scope: the old scope's); 全市第十 → 那是区里的排名 (a scope, no rank: the old rank's)."""
    r = read(c, rest, Hint(), {})
    said_n, rest_n = arabic(normalize(said)), arabic(normalize(rest))
    old_scope = next((w for t in rule.tiers for w in t.words if w in said_n), None)
    old_rank = re.search(r"(?:第|前)\s*\d+", said_n)
    if r.outcome == "reask" and "rank without a scope" in r.reasons and old_scope:
        return f"{old_scope}{rest}"
    scoped = any(w in rest_n for t in rule.tiers for w in t.words)
    first = re.split(r"[,，。;；]", rest_n)[0]
    if (
        scoped
        and old_rank
        and not re.search(r"(?:第|前)\s*\d+|排不上|没进|不够", first)
        and re.search(r"(?:那|这)(?:是|个是|个)[^,，。]{0,6}(?:排名|名次|榜)", first)
    ):  # the old rank, another scope
        return f"{first}{old_rank.group(0)}，{rest}"
    return rest


def _delta(c: Criterion, previous: Any, text: str) -> float | None:
    """The count said before, plus or minus the one part the message names — when it names one part and no
    new total (实际两次 / 所以是两家 are read as said)."""
    if c.expects == "counts" and isinstance(previous, dict) and len(previous) == 1:
        previous = next(iter(previous.values()))  # 律所，服务对象3家 → 比刚才说的多两家
    elif c.expects != "number":
        return None
    if isinstance(previous, dict) and previous.get("relation") == "about" and re.search(r"每(?:场|次|期|回|轮)", text):
        previous = previous.get("value")  # 约280 → 漏了，还有两场，每场五十人: about 380 is 380 near enough
    if isinstance(previous, bool) or not isinstance(previous, (int, float)):
        return None
    t = _ASIDE.sub("", arabic(normalize(text)))  # 多说一句，… is no figure said too many
    if re.search(r"(?:加上|算上|加起来|合起来)[^,，。\d]{0,10}(?:是|一共|总共|共|就是)\s*\d", t):
        return None  # 加上线上直播是三百二: the total with it is said
    t = re.sub(r"(?<![\d.])\d{1,2}\s*(?:月份?|号|日)(?![\d])|(?<![\d.])\d{4}\s*年", "", t)  # 是10月份做的: a date
    unit = getattr(c.rule, "unit", "家")
    units = UNIT_WORDS.get(unit, (unit,))
    bare = _BY_SO_MANY.fullmatch(t)
    if bare and (not bare.group(3) or bare.group(3) in units):  # 少一家 / 减一 / 多两次 (right after the figure)
        n = float(bare.group(2))
        value = previous - n if bare.group(1).startswith(("少", "减")) else previous + n
        return value if value >= 0 else None
    than = _THAN_SAID.search(t)
    if than and (not than.group(3) or than.group(3) in units) and not _STATED_FIGURE.search(t[than.end() :]):
        n = float(than.group(2))  # 比刚才说的多两次 / 少一起
        value = previous + n if than.group(1) == "多" else previous - n
        return value if value >= 0 else None
    if re.search(r"每(?:场|次|期|回|轮)", t) and (_LEFT_OUT.search(t) or _TAKE_OFF.search(t)):
        figured = "，".join(p for p in re.split(r"[,，。;；]", _TAKE_OFF.sub("", t)) if re.search(r"\d", p))
        part = read(c, figured, Hint(), {})  # 漏了，还有两场线上的，每场六十人: the part worked out, sessions by heads
        if part.outcome != "record" or isinstance(part.value, bool) or not isinstance(part.value, (int, float)):
            return None
        if _TAKE_OFF.search(t):
            return previous - part.value if part.value < previous else None
        return None if _NOT_MEANT.search(t) else previous + part.value
    own = [f for f in numbers(t) if (f.unit in units or not f.unit) and f.quantity.value != previous]
    if (
        len(own) == 1
        and own[0].quantity.relation in ("eq", "about")
        and not _STATED_FIGURE.search(t)
        and not _DENIED_THEN_FIGURE.search(t)  # 不对，3起，忘了算上半年那起调解: the new total, said alone
    ):
        n = own[0].quantity.value  # 那场40人，要减掉 / 少算了一场开放日，来了100人: that part's own figure
        if re.fullmatch(r"\s*(?:是|就|应该是)?\s*", own[0].before) and re.match(
            r"\S{0,2}?(?:[,，。.!！\s]|$)", own[0].after
        ):
            return None  # 250，刚才多说了: the figure said first and alone is the new one, not the part
        if _TAKE_OFF.search(t) and n < previous:
            return previous - n
        if _LEFT_OUT.search(t) and not _NOT_MEANT.search(t):
            return previous + n
    parts = list(_DELTA.finditer(t))
    failed = list(_FAILED_PART.finditer(t)) or list(_NOT_DONE_PART.finditer(t))
    counted = [m for m in failed if m.group(1)]
    qualified = re.search(r"(?:将近|接近|不到|不足|快|差不多|大概|大约|约)\s*\d", t)  # (应该说将近三次: a figure said)
    if (
        not parts
        and failed
        and len(counted) <= 1
        and not _STATED.search(t)
        and not qualified
        and unit in ("起", "家", "次")
    ):
        n = float(counted[0].group(1)) if counted else 1.0  # 调解有一起没成功 / 那次没做完，这次就不算了
        if counted and counted[0].group(2) not in UNIT_WORDS.get(unit, (unit,)):
            return None
        return previous - n if previous - n >= 0 else None
    if len(parts) != 1 or _STATED.search(t) or parts[0].group(3) not in (*UNIT_WORDS.get(unit, (unit,)), ""):
        return None  # 漏了一场，还有一场100人的沙龙: a session is no count of 人次
    n = float(parts[0].group(2))
    value = previous - n if re.fullmatch(_MINUS, parts[0].group(1)) else previous + n
    return value if value >= 0 else None


def _restore(s: Session, before: Session) -> None:
    """Put the session back as it was (a proposal that stood in for an answer for one step)."""
    for name in Session.model_fields:
        setattr(s, name, getattr(before, name))


def _hint(ev: UserEvent) -> Hint:
    """The NLU's opinion on this turn, for the reading; a button payload carries no text."""
    return Hint(intent=ev.intent, confidence=ev.confidence, entities=ev.entities, button=not ev.text.strip())


def _chitchat_reply(ev: UserEvent) -> str:
    return CHITCHAT.get(ev.intent or "", CHITCHAT["chitchat"])


def _rank_limit(label: str) -> int | None:
    """全国前10名 -> 10: the rank a tier label allows."""
    m = re.search(r"前\s*(\d+)", label)
    return int(m.group(1)) if m else None


__all__ = [
    "Button",
    "Engine",
    "Message",
    "Session",
    "UserEvent",
    "describe_answer",
    "session_report",
]
