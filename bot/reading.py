"""Reading one reply against one criterion: the value to record, how sure we are, or why we ask again.

Where the rules decide and where the trained model does:

- **Buttons** carry their value (``/affirm`` …): recorded as they are.
- **Yes / no / partial / not sure**: the rules of :mod:`bot.verdict` read the words clause by
  clause, against the criterion's ``accepts`` (what meets its standard on its own). The NLU
  intent (DIET) is a second opinion: agreeing raises the confidence, a confident disagreement
  lowers it below :data:`CONFIRM_BELOW` so the assistant asks before recording, and where the
  rules find no answer words at all a very confident intent is proposed for confirmation, never
  recorded silently (DIET is sure of itself on noise).
- **Numbers, tiers, counts, shares**: rules only (:mod:`bot.quantity`): a model that guesses a
  number is worse than a question. A qualifier keeps the value on its side of a threshold; words
  that do not say which side (三百左右 for 不少于300) make the assistant ask for the figure.

Every reading carries the unit's own words, which the record keeps next to the value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import BaseModel, Field

from .answer_model import AnswerModel, default_model
from .batches import Batches, batches_of
from .correction import figures_fixed, self_corrected
from .quantity import (
    SPORADIC,
    UNIT_WORDS,
    Found,
    Quantity,
    annual_count,
    as_quantity,
    every_month,
    numbers,
    said_once,
    says_zero,
)
from .rubric import (
    TIER_NONE,
    AlternativesRule,
    ConditionGroup,
    Criterion,
    PerCountRule,
    ThresholdRule,
    TierRule,
    TwoPartRule,
)
from .text import arabic, clauses, full_years, list_places, normalize, split_clauses, without_dates
from .verdict import (
    OFF_TOPIC,
    OTHERS_UNAWARE,
    UNSURE,
    Analysis,
    Context,
    Verdict,
    analyze,
    context,
    on_topic,
)

CONFIRM_BELOW = 0.7  # a reading less sure than this is confirmed with the unit before it is recorded
# a verdict the combiner reads from descriptions alone (no answer word) is recorded only well above the line
DESCRIBED_ONLY_MIN = 0.8
WHOLE_REPLY = 0.97  # the rules' confidence in a reply that is an answer word on its own (有 / 木有 / 不清楚)
MODEL_TRUSTED = 0.9  # an intent this sure may be proposed when the rules find no answer words
INTENT_VERDICT: dict[str, Verdict] = {"affirm": "yes", "deny": "no", "partial": "partial", "unsure": "unknown"}
VERDICT_VALUE: dict[Verdict, Any] = {"yes": True, "no": False, "partial": "partial", "unknown": "unknown"}


class _ModelSlot:
    """The trained combiner the reading uses: the default one, or one set by the caller (tests, evaluation)."""

    def __init__(self) -> None:
        self._model: AnswerModel | None = None
        self._set = False

    def get(self) -> AnswerModel | None:
        if not self._set:
            self._model, self._set = default_model(), True
        return self._model

    def use(self, model: AnswerModel | None) -> None:
        self._model, self._set = model, True


ANSWER_MODEL = _ModelSlot()


@dataclass(frozen=True)
class Hint:
    """What the NLU said about the turn; ``button``: the intent came from a button payload (trusted)."""

    intent: str | None = None
    confidence: float | None = None
    entities: Mapping[str, Any] | None = None
    button: bool = False
    combiner: bool = True  # False: the rules alone (a correction whose combined reading is the answer it corrects)


class Reading(BaseModel):
    """The outcome of reading a reply: record a value, ask a follow-up, or ask again."""

    outcome: Literal["record", "more", "reask"]
    value: Any = None
    confidence: float = 1.0
    words: str = ""
    reasons: list[str] = Field(default_factory=list)
    problem: str = ""  # for "reask": what to tell the unit (in Chinese)
    pending: dict[str, Any] = Field(default_factory=dict)  # for "more": the partial answer so far

    @property
    def needs_confirmation(self) -> bool:
        return self.outcome == "record" and self.confidence < CONFIRM_BELOW


def record(value: Any, confidence: float, words: str, *reasons: str) -> Reading:
    return Reading(outcome="record", value=value, confidence=round(confidence, 3), words=words, reasons=list(reasons))


def reask(problem: str, words: str = "", *reasons: str) -> Reading:
    return Reading(outcome="reask", problem=problem, words=words, reasons=list(reasons))


def more(pending: dict[str, Any], words: str) -> Reading:
    return Reading(outcome="more", pending=pending, words=words)


def quantity_value(q: Quantity) -> Any:
    """How a number is stored: a plain number when exact, else value + relation (+ upper)."""
    if q.relation == "eq":
        return int(q.value) if q.value.is_integer() else q.value
    return q.model_dump(exclude_none=True)


# ── entry point ─────────────────────────────────────────────────────────────
# a figure asked back and the unit off to check it: 不对，25%？我再去查查
_CHECKING_LATER = re.compile(
    r"\d\s*(?:%|家|次|人次|起|场)?\s*[?？][^\d]{0,4}?(?:我|等我)?(?:再|回头)(?:去)?(?:查|核实|确认|问|核对|翻)"
)


def read(c: Criterion, text: str, hint: Hint, pending: Mapping[str, Any] | None = None) -> Reading:
    """Read ``text`` (or a button's intent) as an answer to ``c``."""
    words = text.strip()
    rule = c.rule
    if c.expects != "boolean" and not hint.button and _CHECKING_LATER.search(normalize(words)):
        return reask("好的，核实以后告诉我确切的数字就行。", words, "will check the figure")  # 25%？我再去查查
    if c.expects != "boolean" and not hint.button and (undated := without_dates(words)) != words:
        r = read(c, undated, hint, pending)  # 3次（2024.3、2024.6、2024.11）/ 〔2024〕8号: no figures of the answer
        return r.model_copy(update={"words": words})
    if c.expects != "boolean" and not hint.button and (places := list_places(words)) != words:
        r = read(c, places, hint, pending)  # ①律所2家 ②鉴定所1家: the places of a list are no figures
        return r.model_copy(update={"words": words})
    if (
        c.expects != "boolean"
        and not hint.button
        and (fixed := said_once(figures_fixed(words))) != arabic(normalize(words))
    ):
        r = read(c, fixed, hint, pending)  # 培训了25家——不对，是35家 / 3起，三起: the figure as meant, once
        return r.model_copy(update={"words": words, "reasons": ["figure corrected in place", *r.reasons]})
    settled = None if hint.button else self_corrected(words)
    if settled:  # 有…哦不对，没有: the answer it settles on
        r = read(c, settled, Hint(combiner=hint.combiner), pending)
        return r.model_copy(update={"words": words, "reasons": ["corrected itself", *r.reasons]})
    if hint.button and hint.intent == "unsure":
        return record("unknown", 1.0, words, "button")
    if not hint.button and _LOOKING_UP.fullmatch(arabic(normalize(words))):  # 等我问下秘书长 / wait，我看下台账
        return record(
            "unknown", 0.6, words, "a pause"
        )  # no answer yet: offered as 不清楚 for now, never recorded unasked
    if not hint.button and (problem := _not_an_answer(c, words)):
        return reask(problem, words, "not an answer")
    if not hint.button and (chat := _without_chatter(c, words)) != words:
        if not chat:  # 今天天气不错 / 园区食堂全区第一好吃: small talk, nothing about the question
            return reask(f"这句话好像和这一题无关。{_ASK_AGAIN[c.expects]}", words, "small talk")
        r = read(c, chat, hint, pending)  # 今天忙死了，这个没做: the answer beside the small talk
        return r.model_copy(update={"words": words, "reasons": ["small talk left out", *r.reasons]})
    if isinstance(rule, (ThresholdRule, PerCountRule)):
        if pending and pending.get("said"):  # 上半年300人次 → 下半年250人次: the year's figure in two messages
            said = str(pending["said"])
            if not numbers(arabic(normalize(words))) and re.search(
                r"不(?:太)?(?:清楚|知道|确定)|没(?:有)?统计|说不准|记不(?:清|得)|不记得|拿不准", words
            ):
                return record("unknown", 0.85, f"{said}，{words}", "the rest of the year not known")
            if re.fullmatch(r"\s*(?:没有?了|没别的了?|没有别的了?|就这些了?|就这么多了?|就这|没)[。.!！~]*\s*", words):
                r = _read_number(c, rule, said, hint)  # 没有了: the part said is the year's
            else:
                whole = re.search(r"全年|一年|一共|总共|合计|累计|总的|加起来|就这|就那|只有", words)
                r = _read_number(c, rule, words if whole else f"{said}，{words}", hint)  # 全年就这一次: as said
            return r.model_copy(update={"words": r.words if r.outcome == "more" else words})
        return _part_of_a_year(rule, words) or _read_number(c, rule, words, hint)
    if isinstance(rule, TierRule):
        return _read_tier(rule, words, hint)
    if isinstance(rule, TwoPartRule):
        return _read_two_part(c, rule, words, hint, dict(pending or {}))
    if isinstance(rule, AlternativesRule):
        return _read_alternatives(rule, words, hint, dict(pending or {}))
    return _read_boolean(c, words, hint)


# small talk: weather, meals, traffic, a slow screen, the assistant itself — never about a criterion
_CHATTER = re.compile(
    r"天气|下雨|下雪|刮风|晴天|出太阳|好热|好冷|热死|冷死|降温|台风|雾霾|午饭|午餐|晚饭|早饭|早餐|食堂|外卖|咖啡|奶茶|"
    r"饭菜|好吃|太咸|太淡|堵车|有点堵|好堵|太堵|停车位|车位|停车难|剐蹭|年终奖|带伞|雨伞|感冒|发烧|球赛|电影|旅游|"
    r"出去玩|好卡|太卡|卡死|刷新|掉线|网速|先不说这个|不说这个|说点别的|换个话题|"
    r"(?:你|这个?(?:机器人|助手|工具|小程序|问卷))(?:还)?(?:挺|真|蛮|很|太|也太)?(?:好用|方便|厉害|智能|聪明|不错|啰嗦|麻烦)|"
    r"不错的工具|好用的工具|问题(?:有点|也太|太|好)多|问得(?:也)?太"
)
_MOOD = re.compile(
    r"累死|忙死|忙晕|烦死|困死|饿了|饿死|好吵|吵得|吵死"
)  # 今天忙死了 (but 培训搞得累死了 is about the question)
# clauses about the conversation, not the practice: who answers, a late reply, thinking aloud, asking whether the
# reply will do (我是综合办的小刘 / 不好意思回复晚了 / 嗯……让我想想怎么说 / 你看这样回答可以吗); left out when
# something else is said (我刚接手 is no such clause: it says the unit may not know)
_META = re.compile(
    r"回复(?:得)?晚了|回(?:得)?晚了|回复慢了|刚开完[\u4e00-\u9fff]{0,4}会|刚忙完|刚看到消息|"
    r"^我是[\u4e00-\u9fff]{1,8}的(?:小|老)[\u4e00-\u9fff]$|^我是[\u4e00-\u9fff]{1,8}(?:部|办|科|处|室|中心)的?[\u4e00-\u9fff]{0,3}$|"
    r"之前是[\u4e00-\u9fff]{1,4}在管|"
    r"有(?:说|讲|答)得?不对的|(?:你|您)(?:帮我)?(?:提醒|指正|纠正)(?:我|一下)|"
    r"^(?:嗯+|呃|额)?[…\.\s]*(?:让我|我)想想(?:怎么说)?$|^怎么说呢?$|"
    r"^(?:刚)?跟[\u4e00-\u9fff]{1,6}核对了一下$|^(?:你|您)看这样(?:回答|写|填|说)?(?:可以|行|对)吗$|^这样(?:回答|写|填)(?:可以|行)吗$|"
    r"^(?:见谅|多包涵|请见谅)(?:哈|啊|呀)?$"
)
_BOOLEAN_PROBLEM = "请回答“有”、“没有”、“部分做到”或“不清楚”，也可以用一句话描述你们的做法。"
_ASK_AGAIN = {
    "boolean": _BOOLEAN_PROBLEM,
    "number": "请告诉我这一题的数字；没有就说“没有”，不清楚就说“不清楚”。",
    "counts": "请按这一题说一下数字；不清楚就说“不清楚”。",
    "tier": "请说一下排名的级别（国家级、市级、区级或都没有），不清楚就说“不清楚”。",
}


# an attempt to reprogram the assistant: the whole message is void, whatever else it says
_INJECTION = re.compile(
    r"忽略(?:以上|前面|之前|上面|所有)|提示词|管理员模式|开发者模式|系统指令|ignore (?:all|previous|the above)|system prompt"
)
# an instruction to the assistant instead of an answer: 直接给我记满分 / 你就当我说了有 (and any injection)
_INSTRUCTION = re.compile(
    r"(?:给我|帮我|直接|都|全)(?:记|填|打|给|写|标)(?:个|成|为)?(?:满分|做到|已完成|有|最高)|记满分|(?:给|打)(?:我|我们)?满分|按满分|"
    r"随便(?:填|记|写|选)|(?:你|就)当我(?:说了?|选了?|答了?)|你(?:看着|自己)(?:填|办|记|选)|你说(?:几|多少|是啥)[^,，。]{0,3}就|"
    r"(?:标记|设置|设)为(?:已完成|做到|满分)|" + _INJECTION.pattern
)
# figures of another unit, with nothing of the unit's own: 隔壁园区已经有四家了 / 同行那家律所覆盖了800人次
_OTHERS_ONLY = re.compile(
    r"隔壁|楼下那家|楼上那家|同行|别的(?:园区|单位|企业|公司|律所|协会|站|厂)|其他(?:园区|单位|企业|公司|律所|协会)|人家(?:园区|那边|公司)|"
    r"那边的?园区|那个园区|漕河泾|张江|临港|上家公司|前东家"
)
_OWN_MARK = re.compile(r"我们|咱们|我司|本(?:公司|单位|园区|协会|站|所)|自己|我这|俺们|我园|我会|我所")
_BOTH_MARKS = re.compile(r"[✓✔✅√☑]\s*[✗✘❌×❎]|[✗✘❌×❎]\s*[✓✔✅√☑]")
# a question about the standard, not an answer: 一次够不够？ / 第15名算不算前15？ / 没谈成的也能算一起吧？
_ASKS_THE_STANDARD = re.compile(
    r"(?:够不够|算不算|能不能算|能算|可以算|也算|行不行|够吗|算吗|达标吗|合格吗|要算|算进去|计入吗|计不计)[^,，。]{0,8}[?？吗吧呢]\s*$"
)


def _not_an_answer(c: Criterion, words: str) -> str:
    """Why a reply cannot be recorded at all ('' when it may be an answer): an instruction to the
    assistant, the question pasted back, a question about the standard, marks both ways."""
    t = normalize(words)
    if (_INSTRUCTION.search(t) and not _without_chatter(c, words)) or _INJECTION.search(t):  # nothing else said
        return (
            "我只能按贵单位的实际情况记录，不能代填或直接给分。请说一下这一题实际做到了没有。" + _ASK_AGAIN[c.expects]
        )
    if len(t) >= 10 and _pasted(t, c):
        return "这好像是题目本身的文字。请说一下贵单位实际的做法。" + _ASK_AGAIN[c.expects]
    if _ASKS_THE_STANDARD.search(t) and (c.expects != "boolean" or re.search(r"如果|万一|假如|的话", t)):
        return f"这题的标准是：{c.standard}。请按实际情况回答。" + _ASK_AGAIN[c.expects]
    if c.expects != "boolean" and _OTHERS_ONLY.search(t) and not _OWN_MARK.search(t):
        return "这好像是别的单位的情况。请说一下贵单位自己的。" + _ASK_AGAIN[c.expects]
    figures = arabic(t)
    if re.search(
        r"\d+\.\d*[1-9]\s*(?:家|起|次|类|场|回|种|件)|\d\s*(?:家|起|次|类|场|回|种|件)半|(?<!\d)半(?:家|起|次)", figures
    ):
        return "数量应该是整数（几家、几起、几次），请再说一下。" + _ASK_AGAIN[c.expects]
    if any(float(m.group(1)) > 100 for m in re.finditer(r"(\d+(?:\.\d+)?)\s*%", figures)):
        return "比例不会超过100%，请核对后再说一下。" + _ASK_AGAIN[c.expects]
    if _BOTH_MARKS.fullmatch(re.sub(r"[\s\ufe0f]", "", words)) or re.fullmatch(
        r"(?:yes\s*(?:and|&|/)\s*no|对也不对|是也不是|有也没有)[\W_]*", t
    ):
        return "“有”和“没有”都说了，我没法判断。" + _ASK_AGAIN[c.expects]
    return ""


def _pasted(t: str, c: Criterion) -> bool:
    """The question typed back: it asks (有没有 / 是否 / 贵司), and most of its two-character pieces are the question's."""
    body = re.sub(r"[\W_]", "", t)
    grams = {body[i : i + 2] for i in range(len(body) - 1)}
    if not grams:
        return False
    source = re.sub(r"[\W_]", "", normalize(c.question))  # the standard said back is a statement (未发生…事件)
    asks = re.search(r"有没有|是否|吗|贵司|贵单位|贵园区|贵站|\?", t)
    return bool(asks) and sum(g in source for g in grams) / len(grams) >= 0.85


def _counted_at(p: str) -> int:
    """Where what the first figure of a clause counts begins (4个食堂: 食堂)."""
    m = re.search(r"[\d一二两三四五六七八九十百千万]+\s*[个家次场人位名份]?", p)
    return m.end() if m else len(p)


def _without_chatter(c: Criterion, words: str) -> str:
    """The reply without its small-talk clauses (今天忙死了，这个没做 -> 这个没做); '' when nothing else is
    said. A clause that shares a word with the criterion stays: it may be the answer."""
    t = normalize(words)
    parts = [p for p in re.split(r"[,，。;；!！?？~～\n]+|\s{2,}", t) if p.strip()]
    about_us = [p for p in parts if _META.search(p.strip())]
    chatty = bool(_CHATTER.search(t) or _MOOD.search(t) or _INSTRUCTION.search(t))
    if not chatty and not about_us:
        return words
    topic = context(c).topic
    meta = [p for p in about_us if not on_topic(p, topic)]
    if meta and len(meta) < len(parts):
        parts = [p for p in parts if p not in meta]  # (我是办公室的小王，台账上是有的: the answer beside who says it)
        if not chatty:
            return "，".join(parts)
    kept: list[str] = []
    for i, p in enumerate(parts):
        chatter = (
            bool(_CHATTER.search(p) or _INSTRUCTION.search(p)) or (bool(_MOOD.search(p)) and not on_topic(p, topic))
        ) and not (  # 因为下雨实际只来了470: the figure is the answer (园区里有4个食堂 is not)
            c.expects != "boolean"
            and re.search(r"实际|实到|只来了|到场", p)
            and numbers(p)
            and not _CHATTER.search(p, _counted_at(p))
        )
        goes_on = (  # 午饭还行，就是有点咸: the small talk goes on
            i > 0
            and parts[i - 1] not in kept
            and not on_topic(p, topic)
            and not re.search(
                r"这个|这题|这块|这项|这条|我们|公司|单位|园区|协会|没|有(?!点|些)|不|未|无|是|对|做|办|签|清楚|知道|记",
                p,
            )
        )
        if not (chatter or goes_on):
            kept.append(p)
    if len(kept) == len(parts):
        return words
    rest = "，".join(kept)
    return rest if re.search(r"[\u4e00-\u9fff\d]|yes|no|ok", _strip_filler(rest)) else ""


def _strip_filler(t: str) -> str:
    return re.sub(r"哈+|呵+|嘿+|啊|呀|吧|嗯+|哦+|噢|唉|哎|诶|额|呃|了|呢|嘛|😂|😭|☀️|🤔", "", t).strip(" ，,.。!！~")


# ── yes / no ────────────────────────────────────────────────────────────────
_ONLY_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:-\d+)?\s*[\u4e00-\u9fff%]{0,3}$")


def _read_boolean(c: Criterion, words: str, hint: Hint) -> Reading:
    if hint.button:
        verdict = INTENT_VERDICT.get(hint.intent or "")
        if verdict is None:
            return reask(_BOOLEAN_PROBLEM, words, "button without an answer")
        return record(_boolean_value(c, verdict), 1.0, words, "button")
    t = arabic(normalize(words))
    if _says_and_unsays(t):
        return reask("您前后两句说的正好相反，请再说一下：到底做到了没有？", words, "self-contradiction")
    a = analyze(words, ctx=context(c))
    if c.polarity == "absence" and "done in part, the rest planned" in a.reasons:
        a = Analysis("yes", 0.9, [*a.reasons, "an event, and a plan against the next"])  # 有过一起…，打算建预警机制
    if a.verdict is None and says_zero(t):  # 0起 / 零: nothing (for 未发生… that is the standard met)
        return record(_boolean_value(c, "no"), 0.9, words, "zero")
    if a.verdict is None and _ONLY_NUMBER.match(t) and "%" not in t:
        return reask(
            "这题问的是有没有做到，不是数量。请回答“有”、“没有”、“部分做到”或“不清楚”。", words, "a number for a yes/no"
        )
    counted = re.sub(r"(?<![\d.])1\s*(?:个|起)|\d+\s*个?(?:礼拜|星期|月|小时|钟头|年头)", "", t)  # 一个团队 / 三个礼拜
    if (
        c.polarity != "absence"
        and not context(c).no_bad_event_ok
        and re.search(r"(?<![第\d])\d+\s*(?:多|余|来|几)?\s*(?:次|个|家|人|名|位|场|起|类)", counted)
        and not re.search(r"[过了]\d+\s*(?:多|余|来|几)?\s*[次场回]", t)  # 只搞过1次: how often it was done
        and not re.search(r"每[^,，。\d]{0,10}?\d+\s*[次场回]", t)  # 每季度交1次: how often it is done
        and not on_topic(t, context(c).topic)
        and not re.search(r"\d+\s*(?:次|个|家|场|起|回)(?:都|也)(?:没|不|未)", t)  # 这几年停掉了，一场都没有
        and not re.match(r"^(?:有|没|是|对|不|yes|no|ok|[设建做签搞办开装定配立](?:了|过))", t)  # 设了，去年奖了两个
        and a.verdict not in ("no", "partial")  # 只查了本部，两个分所从来没查过: a part described, not a count
    ):
        return reask(  # 我们公司有三百多个员工 (to a question about passwords): an answer to something else
            "这题问的是有没有做到，不是数量。请回答“有”、“没有”、“部分做到”或“不清楚”。",
            words,
            "a count, off the topic",
        )
    if len(t) >= 4 and _UNFINISHED.search(t):  # 培训我们一般是 / 关键岗位离职时我们会先: sent before it was said
        return reask("您的话好像还没说完，请接着说完整。" + _BOOLEAN_PROBLEM, words, "unfinished")
    if _BOTH_WAYS.fullmatch(t) or _says_both(words.strip().lower()):
        return reask("“有”和“没有”都说了，我没法判断。请选一个最接近的：", words, "both ways")
    if hint.combiner:
        a = _with_learned(words, a, context(c))
    a = _with_model(a, hint)
    if _AWAY.search(t) or (_PAUSE.search(t) and a.verdict in ("unknown", "no")):  # 稍等，我接个电话: no answer yet
        return record(_boolean_value(c, "unknown"), min(a.confidence, 0.6), words, "a pause", *a.reasons)
    if a.verdict is None and "a hesitation" in a.reasons:
        return reask("不着急，想好了直接回答就行。" + _BOOLEAN_PROBLEM, words, *a.reasons)
    if a.verdict is None and "about another unit" in a.reasons:
        return reask("您说的是别的单位的情况。贵单位自己呢？" + _BOOLEAN_PROBLEM, words, *a.reasons)
    if a.verdict is None:
        return reask(_BOOLEAN_PROBLEM, words, *a.reasons)
    if a.verdict == "yes" and _unrelated_statement(t, c):  # 工商年报每年都按时报的 (asked about a liaison
        return record(  # with the regulator) / 公司是2015年成立的: true of the unit, not of what was asked
            _boolean_value(c, "yes"), min(a.confidence, CONFIRM_BELOW - 0.1), words, "nothing of the topic", *a.reasons
        )
    return record(_boolean_value(c, a.verdict), a.confidence, words, *a.reasons)


_ANSWER_HEAD = re.compile(
    r"^(?:有|是|对|嗯|签|做|建|设|装|配|都|全|必须|当然|肯定|妥妥|没问题|没毛病|必需|那必须|yes|ok|好|会|能|按|每|一直|从来|定期)"
)


def _unrelated_statement(t: str, c: Criterion) -> bool:
    """A statement that shares no word with the question and opens with no answer word: it may be about
    something else, so the yes it sounds like is asked back, never recorded unasked."""
    return (
        len(t) >= 8 and not _ANSWER_HEAD.match(t) and not _BARE_ANSWER.search(t) and not on_topic(t, context(c).topic)
    )


# 以前没有，现在有了 / 这个嘛，有的: a clause that is an answer word alone answers whatever was asked
_BARE_ANSWER = re.compile(
    r"(?:^|[,，。;；!！\s])(?:现在|目前|已经|早就|早|都|也|肯定|当然|确实)?(?:有|有了|有的|是的|做了|签了|建了|做到了?|没有|没)"
    r"(?:[啊呀哦吧呢嘛的了]*)(?:[,，。;；!！\s]|$)"
)


_UNFINISHED = re.compile(
    r"(?:一般|主要|基本上?|通常)是$|(?:会先|要先|之前跟|比如说?|因为|然后|包括|如果|但是|可是|而且|以及|还有就是)$"
)
_AWAY = re.compile(
    r"(?:接|回)个电话|(?:去)?开(?:个|完)会|回来再(?:填|答|说|回复)|(?:待会儿?|一会儿?|晚点|等会儿?|忙完)再(?:说|填|答|回)|回头再(?:填|答|回)|"
    r"有个?电话(?:进来|来了|打进来)|电话(?:进来|来了)|倒(?:杯|个|点)?水|(?:同事|领导|老板|有人)(?:在)?(?:叫|找|喊)我|"
    r"上个?(?:厕所|洗手间)|来客人|马上回(?:来)?|(?:稍等|等我|等一下)[^。]{0,6}(?:处理|忙)|先这样(?:吧|哈)?[。.!！~\s]*$|"
    r"^[^,，。]{0,8}[,，]?(?:明天|改天|下次|晚上|下午|回头|过两天)再(?:说|聊|填|答)(?:吧)?[。.!！~\s]*$|(?:先|得)去(?:接待|处理|开会|吃饭)|接待一下|"
    r"(?:今天|现在|这会儿?)(?:不在|出差|请假)"
)


def _says_both(t: str) -> bool:
    """有。没有。 / 签了 没签 / 有固定的，没有固定的: the same thing said and unsaid."""
    parts = [p for p in re.split(r"[,，。;；!！\s]+", t) if p]
    if len(parts) != 2 or re.search(r"有没有|是不是|是否|问的|吗", parts[0]):  # the question said back
        return False
    negated = [bool(_NEGATED_HEAD.match(p)) for p in parts]
    bare = [re.sub(r"[了的过呀啊吧呢嘛]+$", "", _NEGATED_HEAD.sub("", p)) for p in parts]
    a, b = sorted(bare, key=len)
    return negated[0] != negated[1] and bool(a) and (a == b or (len(a) >= 2 and a in b))


_NEGATED_HEAD = re.compile(r"^(?:就是|但是?|可是?|不过)?(?:从来|一直|都)?(?:没|不|未)")
_BOTH_WAYS = re.compile(r"(?:有|是|做了?|算)(?:也|又|还是)(?:没有?|不是|没做|不算)[吧啊呢]?")
_PAUSE = re.compile(  # 稍等，… said first (what leaves for a while is _AWAY)
    r"^(?:(?:好的?|嗯+|ok|行)[,，\s]*)?(?:你)?(?:稍等|等我一下|等一下|等下|等会儿?|待会儿?|一会儿?|晚点|回头)(?:再(?:说|填|答|回))?[,，。!！\s]"
)


_LOOK_VERB = r"(?:问|查|看|统计|拉|找|翻|核对|确认|数|算|理|核实|拿|取|对)"
_LOOK_OBJECT = r"[^,，。!！?？有没无不是都已了过的才\d]{0,10}?"
_LOOKING_UP = re.compile(  # the whole message says "wait while I look it up": 我查一下 / 稍等，我去拿会员名册
    r"(?:(?:好的?|嗯+|ok|行|那)[,，\s]*)?(?:"
    r"(?:(?:你)?(?:稍等|等我|等一下|等下|等等|等一等|等1等|wait|hold on)(?:一下|下)?[,，\s]*(?:我)?|让我|我)(?:先|再|这就|马上)?"
    rf"(?:去[^,，。!！?？有没无不是都已了过的]{{0,6}}?)?{_LOOK_VERB}{_LOOK_OBJECT}"
    rf"|(?:我|让我)?(?:先|再|这就|马上)?{_LOOK_VERB}(?:一下|下|一查|一看|一翻|看看?|查|问|找|翻|理){_LOOK_OBJECT}"
    r")(?:[,，\s]*(?:再|稍后|马上|回头)[^,，。!！?？]{0,6})?[哈啊哦吧呀~。.!！\s]*"
)
LEARNED_OVERRULES = 0.9  # the combiner overturns a contrast the rules read as partial only this sure
_REPEATS = re.compile(r"(.)\1+|(..)\2+")  # 啦啦啦 / 啊吧啊吧: one sound said again and again
_PLAN_WORDS = re.compile(
    r"明年|今年|后年|下半年|年底|下个?月|打算|计划|准备|想|要|将|再|每(?:个)?(?:月|季度|年|周)|[,，。.!！\s]"
)
LEARNED_MIN = 0.45  # below this the learned reading of a reply without answer words is not proposed


def _with_learned(words: str, a: Analysis, ctx: Context) -> Analysis:
    """Let the trained combiner (:mod:`bot.answer_model`) decide how the clauses the rules read add up.

    A whole-reply answer (有 / 木有 / 不清楚) and a question back stay with the rules; elsewhere the
    model, which sees the rules' findings, gives the verdict and its probability is the confidence."""
    if a.confidence >= WHOLE_REPLY or _NOT_AN_ANSWER & set(a.reasons):
        return a
    if a.verdict == "partial" and any(r.startswith(("except:", "rest:")) for r in a.reasons):
        return a  # 除了销售部 / 销售没签，其他都签了: the structure says partial, the rules read it
    if a.verdict == "partial" and "contrast" in a.reasons and re.search(r"[,，;；]\S*倒是", normalize(words)):
        return a  # 隔离没做，审批倒是有: a part conceded after a gap
    if a.verdict == "yes" and "scoped: the others need not" in a.reasons:
        return a  # 只对关键岗位背调，普通岗位不做: what the standard asks, and no more
    if "present over past" in a.reasons and a.confidence >= CONFIRM_BELOW and len(normalize(words)) <= 12:
        return a  # 以前没有，现在有了 (said in so many words): what holds now, by rule
    if any(r.startswith("closing verdict:") for r in a.reasons):
        return a  # …，算没做到: the unit's own verdict on what it described
    if a.verdict == "yes" and "plan to improve" in a.reasons:
        return a  # 有专人，后面打算再招一个: done, and more of it planned — the plan takes nothing back
    model = ANSWER_MODEL.get()
    if model is None:
        return a
    probs = model.predict(words, a, ctx)
    top = max(probs, key=lambda v: probs[v])
    p = probs[top]
    if a.verdict is None and (p < LEARNED_MIN or top == "unknown"):
        return a  # no answer words: a guess of 不清楚 would hide a reply we could not read
    if a.verdict is None and not re.search(
        r"[\u4e00-\u9fff]{2}|[a-z]{3,}\W+[a-z]{2,}", _REPEATS.sub("", normalize(words))
    ):
        return a  # 啦啦啦啦 / asdf: nothing described, nothing to propose
    if a.verdict is None:
        p = min(p, 0.69)  # read from the description alone: confirmed before it is recorded
    if top == a.verdict and len(a.reasons) == 1 and a.reasons[0].startswith(("yes:", "no:")):
        p = max(p, a.confidence)  # 我们一直有执行: one plain clause and both agree — the rules' certainty stands
    reasons = [*a.reasons, f"learned {top} {p:.2f}"]
    if (
        top == "no"
        and "done in part, the rest planned" in a.reasons
        and any(re.search(r"(?<!有)(?<!没)[\u4e00-\u9fff](?:了|过)", r[4:]) for r in a.reasons if r.startswith("yes:"))
    ):  # 签了，明年准备再补签一份: something is done (not 有，明年准备签: a plan had), never read as none of it
        return Analysis("partial", min(p, 0.69), reasons)
    plans = [r[5:] for r in a.reasons if r.startswith("plan:")]
    bare_yes = [r for r in a.reasons if r.startswith("yes:") and len(r) <= 7]  # 有 / 有的 / 签了 / 做到了
    if (
        top == "no"
        and "done in part, the rest planned" in a.reasons
        and plans
        and bare_yes
        and all(r in bare_yes or r.startswith("plan:") for r in a.reasons if ":" in r and not r.startswith("learned"))
        and all(len(_PLAN_WORDS.sub("", x)) >= 4 and not on_topic(x, ctx.topic) for x in plans)
    ):  # 有，明年打算每月搞一次免费咨询 (asked about 保密协议): a plan of something else, no part of this answer
        return Analysis("yes", 0.8, [*reasons, "a plan of something else"])
    if a.verdict == "partial" and top != "partial" and "contrast" in a.reasons and p < LEARNED_OVERRULES:
        p = min(p, 0.69)  # 销售没签，其他都签了 read as a whole: not recorded against the clauses unasked
    if (
        a.verdict == "partial"
        and top == "yes"
        and "contrast" in a.reasons
        and re.search(r"[,，;；。]\s*(?:但是?|不过|可是|只是)[^,，;；。]{0,16}?(?:没|未|不)", normalize(words))
    ):  # 研发岗背调是必须的…；但销售骨干那块一直没做: a gap said with 但, never a full yes unasked
        p = min(p, 0.69)
    if a.verdict is not None and ("hedged" in a.reasons or OFF_TOPIC in a.reasons):
        p = min(p, 0.66)  # 应该有吧 / 仓库又漏水了: confirmed whatever the combiner says
    found = [r for r in a.reasons if ":" in r]
    if found and all(r.startswith("weak:") for r in found) and p < DESCRIBED_ONLY_MIN:
        p = min(p, 0.69)  # 办公室空调又坏了: a description with no answer word, read near the line — confirmed
    return Analysis(top, p, reasons)


def _says_and_unsays(t: str) -> bool:
    """文件都标了密级，但文件都没标密级: one clause, then the very same words denied — no careful reader can record
    either. (标了密级，没标期限 / 做了培训，没做培训记录 deny something else: a part done.)"""
    filler = r"而且|但是|不过|可是|我们|咱们|其实|实际上|从来|一直|平时|[都也还就又但的了过]"
    bare = [re.sub(filler, "", c) for c in re.split(r"[,，。;；!！?？]", t) if c.strip()]
    for i, a in enumerate(bare):
        for b in bare[i + 1 :]:
            denied = re.sub(r"没有|没|未|不", "", b)
            if len(a) >= 3 and denied != b and denied == a:
                return True
    return False


def _boolean_value(c: Criterion, verdict: Verdict) -> Any:
    if c.polarity == "absence":  # "有没有发生过…事件": 没有 meets the standard
        verdict = {"yes": "no", "no": "yes"}.get(verdict, verdict)  # type: ignore[assignment]
    return VERDICT_VALUE[verdict]


_NOT_AN_ANSWER = {"a question back", "a greeting", "about another unit", "a hesitation", "laughter", "a filler"}


def _with_model(a: Analysis, hint: Hint) -> Analysis:
    """Combine the rules' reading with the intent DIET gave the whole message."""
    model = INTENT_VERDICT.get(hint.intent or "")
    conf = hint.confidence or 0.0
    if model is None or _NOT_AN_ANSWER & set(a.reasons):
        return a  # 我们隔壁那家有保密制度 / 嗯……: DIET's affirm does not make it an answer
    if a.verdict is None:
        if conf >= MODEL_TRUSTED:
            return Analysis(model, 0.6, [*a.reasons, f"model only ({hint.intent} {conf:.2f})"])
        return a
    if model == a.verdict:
        return Analysis(
            a.verdict, min(0.99, max(a.confidence, a.confidence + 0.08 * conf)), [*a.reasons, "model agrees"]
        )
    if conf >= 0.8 and a.confidence < 0.9:
        return Analysis(a.verdict, min(a.confidence, 0.62), [*a.reasons, f"model disagrees ({hint.intent} {conf:.2f})"])
    return a


def _unsure(words: str) -> bool:
    """An unsure clause anywhere ("没看到过排名，不知道"): for questions that want a figure, that is 不清楚."""
    t = OTHERS_UNAWARE.sub("", normalize(words))
    return bool(UNSURE.search(t))


# 其他小活动没算进去: a part left out of the figure said, which is then a lower bound
_LEFT_OUT_OF_IT = re.compile(r"没(?:有)?(?:算|统计|计)(?:进去|在(?:里面|里头|内))|没计入|不计入")


_NEGATIVE_NUMBER = re.compile(r"(?<!\d)[-−]\s*\d|负\s*\d|(?<![加增])减\s*\d")


# ── numbers ────────────────────────────────────────────────────────────────
_PART_OF_YEAR = re.compile(r"^(?:[^,，。;；\d]{0,6}?)(?<![上下])(上半年|下半年|前三季度|头三个季度)")


def _part_of_a_year(rule: ThresholdRule | PerCountRule, words: str) -> Reading | None:
    """上半年300人次 / 一季度查了1次, alone, against a yearly standard: the rest of the year is asked for
    (the next message is read with it), unless that part already meets the standard."""
    if not isinstance(rule, ThresholdRule) or rule.unit not in ("次", "人次"):
        return None
    t = arabic(normalize(words))
    part = _PART_OF_YEAR.search(t)
    found = numbers(t)
    if (
        part is None
        or len(found) != 1
        or re.search(r"全年|一年|每年|总共|一共|累计|合计|就这|只有|只|各|每|上下半年", t)
        or len(set(re.findall(r"[上下]半年", t))) > 1  # 上半年搞了一次，下半年没安排上: the other half said
    ):
        return None
    if found[0].quantity.meets(rule.minimum, rule.strict):
        return None
    return more(
        {
            "said": words.strip(),
            "question": f"这是{part.group(1)}的，全年一共是多少{rule.unit}？（也可以只说其余时间的）",
        },
        words,
    )


_COUNT_AS = re.compile(
    r"(?:^|[,，。;；\s])(?:那就|就|所以|那|so|因此)?\s*按\s*(\d+(?:\.\d+)?\s*(?:人次|次|家|起|场|个|件|回|期)?)\s*"
    r"(?:算|记|计|来算)?\s*(?:吧|就行|就好|了)?[。.!！~]*$"
)
BEYOND_BOUND = "a figure beyond what was said of it"  # 没到三百，三百一十人 / 累计300…就一场，来了80人
_NOT_ONE = re.compile(r"(?:还|并|都|从)?没有?\s*1\s*(家|次|起|场|个)(?![\d.])")
_ONE_NOT = re.compile(r"(?<![\d.])1\s*(家|次|起|场|个)\s*(?=(?:都|也)(?:没|未))")


def _none_as_zero(t: str, units: tuple[str, ...] = ("家",), both: bool = False) -> str:
    """还没有一家通过验收 (and, ``both``, 培训一家也没搞过): not one of the question's own unit is none, never a
    count of one. (一场都没办 / 一起都没有 alone are read as a no elsewhere.)"""
    for pattern in (_NOT_ONE, _ONE_NOT) if both else (_NOT_ONE,):
        t = pattern.sub(lambda m: f"0{m.group(1)}" if m.group(1) in units else m.group(0), t)
    return t


_IDENTIFIER = re.compile(r"(?:电话|手机|座机|分机|尾号|工号|编号|号码|房间号?|门牌号?|邮编|账号)(?:是|为|:|：)?\s*\d+")
# 310还是290我记混了 / 有一家还在公示期，不知道算不算 / 先别记: the unit itself cannot say which figure holds
_TORN = re.compile(
    r"(?:\d[^\d,，。;；]{0,4}还是[^\d,，。;；]{0,3}\d[^,，。;；]{0,8}(?:[,，]\s*)?[^,，。;；]{0,6}(?:记混|搞混|弄混|混了))|"
    r"搞不清|弄不清|分不清|记不清|说不清|说不准|拿不准|吃不准|对不上|先别记|先不要记|先不记|"
    r"(?:不知道|不清楚|不确定|拿不准|说不好|不好说)(?:该不该|能不能|算不算|续没续|有没有|够不够|评完|是不是)|"
    r"算不算(?:数|进去|在内)?(?:我|也|还|真)*(?:不知道|拿不准|不确定|说不准|不好说|不清楚)|"
    r"(?:也)?(?:可能|不一定|未必|不见得)(?:能)?算不上|你看着(?:填|写|办|记)|看着办|随便(?:填|写|记)"
)
# 三次我再想想，可能只有两次，也可能就是三次 (of a figure given before): torn too (a first answer's either-or is
# asked as 是…还是… by the reading itself)
_TORN_LATER = re.compile(r"也可能(?:是|就是|只有|有|就)?\s*\d|再数数|得再数")
# 可能多了也可能少了: either side, whatever figure is said
_EITHER_SIDE = re.compile(r"可能多(?:了|点)?(?:也|或者?|，)?(?:可能)?少|多了少了|或多或少|上下都有可能|多少都有可能")
# 三百是大概数 / 没有精确统计过 (of a figure just given): the figure is only about that
_ONLY_ABOUT = re.compile(
    r"大概(?:的)?数|大约(?:的)?数|约数|估(?:计|算|摸)的|估的|没(?:有)?(?:精确|准确|仔细|细)(?:地)?(?:统计|数|算)"
)
_PART_TOLD = re.compile(r"(?:有|其中|里面?有?|里头有?)\s*(\d+)\s*(?:家|次|起|场|个|回|件|期)")


def torn_between(rule: ThresholdRule | PerCountRule, text: str, previous: Any = None) -> bool:
    """Figures the unit is torn between (each said, the figure just given, or a total without a part it doubts)
    that score differently: no one of them is the answer, and guessing could put it on the wrong side."""
    t = arabic(normalize(text))
    approx = previous is not None and _ONLY_ABOUT.search(t) is not None
    later = previous is not None and _TORN_LATER.search(t) is not None
    if not (_TORN.search(t) or _EITHER_SIDE.search(t) or approx or later):
        return False
    units = UNIT_WORDS.get(rule.unit, (rule.unit,))
    if approx and previous is not None and (before_q := as_quantity(previous)) is not None:
        firm = [
            f
            for f in numbers(t)
            if f.quantity.relation == "eq" and f.quantity.value != before_q.value and (not f.unit or f.unit in units)
        ]
        if firm and not _TORN.search(t) and not _EITHER_SIDE.search(t) and not later:
            return False  # 400是我估的，刚翻了统计表，是260人次: the exact figure is given
    if _EITHER_SIDE.search(t) or re.search(r"先别记|先不要记|先不记", t):
        return True
    told = list(_PART_TOLD.finditer(t))
    said = [
        f.quantity
        for f in numbers(t)
        if (not f.unit or f.unit in units) and not any(m.start() <= f.start < m.end() for m in told)
    ]  # (有一家…: a part, not a total)
    before = as_quantity(previous) if previous is not None and not isinstance(previous, bool) else None
    if before is not None:
        said.append(before)
        if approx:
            said.append(Quantity(value=before.value, relation="about"))
    if not said:
        return False
    said += [Quantity(value=q.upper) for q in list(said) if q.relation == "range" and q.upper is not None]
    parts = [float(m.group(1)) for m in told]
    said += [Quantity(value=q.value - p) for q in list(said) if q.relation == "eq" for p in parts if 0 < p < q.value]
    if isinstance(rule, PerCountRule):
        return len({(q.value, q.relation, q.upper) for q in said}) > 1
    return len({q.meets(rule.minimum, rule.strict) for q in said}) > 1


_OR_ANOTHER = re.compile(r"(?:也可能|也许|或者|要么)(?:是|有|就是)?\s*\d")  # 一起都没成功，也可能两起
_ONE_SESSION = re.compile(
    r"(?:就|只|仅|一共就|总共就|也就)(?:办|搞|做|开展|组织|举办|弄)?了?\s*(?:1|一)\s*(?:场|次|期|回)"
)
_TOTAL_MARK = re.compile(r"(?:累计|一共|总共|合计|共计|总计|全年)[^,，。;；\d]{0,4}$")


def _one_session_told(rule: ThresholdRule | PerCountRule, t: str) -> str | Quantity | None:
    """累计300人次，一共就办了一场讲座，来了80人 / 五百人次，就办了一场，来了五十多人: an audience total, and the
    only session told with another audience — the two cannot both hold (the problem, never added up); told
    with the same audience (300人次，就一场，来了300人), it is the total once. None when it is not that."""
    if rule.unit != "人次" or not _ONE_SESSION.search(t):
        return None
    units = UNIT_WORDS.get(rule.unit, (rule.unit,))
    found = [f for f in numbers(t) if f.unit in units or not f.unit]
    if len(found) != 2:
        return None
    total, told = found
    first_clause = re.split(r"[,，。;；]", t, maxsplit=1)[0]
    if not (_TOTAL_MARK.search(total.before) or (total.clause == 0 and len(numbers(first_clause)) == 1)):
        return None
    if _ANOTHER_TIME.search(t) or re.search(r"今年|本年|\d{4}年", t):
        return None  # 前年五百多，去年只办了一场，一百来人: two years, two figures
    if told.quantity.relation in ("lt", "le"):
        return None
    if abs(told.quantity.interval()[0] - total.quantity.value) < 1:
        return total.quantity
    return (
        f"您说一共{total.quantity.describe(rule.unit)}，又说只办了一场、来了{told.quantity.describe(rule.unit)}，"
        f"两个数对不上，请告诉我{rule.label}到底是多少{rule.unit}。"
    )


_BOUND_DENIED = re.compile(r"(?:没有?|不会|从没|从来没有?|并非|不曾)[^,，。\d]{0,6}?(?:少于|低于|不足|不到|小于)$")
_ANOTHER_TIME = re.compile(r"前几年|往年|以前|之前|过去|前年|去年|上一?年|下个?月|明年|将来|以后")


def _within_bound(rule: ThresholdRule | PerCountRule, t: str) -> tuple[Quantity | None, float, str] | Reading | None:
    """没到三百，三百一十人 / 达不到五百，活动就两场，每场一百来人: a bound said in a clause of its own is no part to
    add to the figures said with it — the figures are read without it (that reading returned, as _quantity_for
    gives it) and must keep within it, else the two are asked about (a reask)."""
    units = UNIT_WORDS.get(rule.unit, (rule.unit,))
    parts = [p for p in re.split(r"(?<=[,，。;；!！…])|(?<=\.)(?!\d)", t) if p.strip(" ….")]
    bounds = [
        i
        for i, p in enumerate(parts)
        if len(found := numbers(p)) == 1
        and found[0].quantity.relation in ("lt", "le")
        and found[0].quantity.lower is None  # (是将近五百，差几十个人: near it, said again)
        and (found[0].unit in units or not found[0].unit)
        and not _BOUND_DENIED.search(found[0].before)  # 没有哪年少于两次: at least, no bound
        and not _ANOTHER_TIME.search(p)  # 前几年都不到400，最近这一年做到了520: another year's
    ]
    if len(bounds) != 1 or len(parts) < 2:
        return None
    bound = numbers(parts[bounds[0]])[0].quantity
    rest = "".join(  # (十次是所有咨询加起来的，免费公益的不到三次: what the other figure was, not a count)
        p for i, p in enumerate(parts) if i != bounds[0] and not re.match(r"\s*\d+(?:\.\d+)?\s*\S{0,2}?是", p)
    )
    if not any(f.unit in units or not f.unit for f in numbers(rest)):
        return None
    within = _quantity_for(rule, rest)
    q = within[0]
    if q is None:
        return None
    low = q.interval()[0]
    if low < bound.value or (bound.relation == "le" and low == bound.value):
        return within
    said = bound.describe(rule.unit)
    return reask(
        f"“{said}”和“{q.describe(rule.unit)}”对不上，请告诉我{rule.label}到底是多少{rule.unit}。",
        t,
        "figures do not add up",
        BEYOND_BOUND,
    )


_BEFORE_WORDS = r"大概|差不多|估计|大约|可能|应该|不到|没到|不足|差一点点?|差点|将近|接近|至少|起码|最多|顶多"
_AFTER_WORDS = r"出头|多一点|多一些|以上|左右|上下|只多不少|不止"
_QUALIFIER_TAIL = re.compile(
    rf"^(?:[,，。.\s…~!！]|嗯|呃|额|吧|了|吧了)*(?:({_BEFORE_WORDS})|({_AFTER_WORDS}))(?:吧|是吧|了|的样子|是这样)?"
    r"(?:[,，。.\s…~!！]|[\U0001F300-\U0001FAFF]|差一点|差点|吧)*$"
)


def _qualifier_after(t: str) -> str:
    """A qualifier said after the one figure, in a clause of its own (两次吧，大概 / 300，不到。差一点 / 3次，只多
    不少), put where it would stand in one phrase, so it places the figure the same way."""
    found = numbers(t)
    if len(found) != 1:
        return t
    f = found[0]
    if f.quantity.relation != "eq":
        return t  # 快五百了吧应该: placed already, the 应该 after it only hedges
    end = f.end + len(f.unit)
    m = _QUALIFIER_TAIL.match(t[end:])
    if m is None or not t[end:].strip(" ，,。.…~!！"):
        return t
    if m.group(1):
        return f"{t[: f.start]}{m.group(1)}{t[f.start : end]}"
    if m.group(2) in ("只多不少", "不止"):
        return f"{t[: f.start]}至少{t[f.start : end]}"
    return t[:end] + m.group(2)


# 不算 / 不能算 said of something (not 算不算 / 还不算 / 不算多 / 不算是3次): shared with the follow-up's figure words
NOT_COUNTED_AS = r"(?<![算还])不(?:能)?算(?![多少太很大小是作]|\s*\d)"
# 有1次不算 / 有一家算不上: a part said not to count (said's changes of a figure read it too)
PART_NOT_COUNTED = re.compile(NOT_COUNTED_AS + r"|算不上|不计入?")


_THIS_YEAR_NOT_COUNTED = re.compile(
    r"(?:^|(?<=[,，。;；]))[^,，。;；\d]*今年[^,，。;；\d]*(?:还没|没有?|未)(?:统计|算|汇总|出来)[^,，。;；\d]*(?:[,，。;；]|$)"
)


def _read_number(c: Criterion, rule: ThresholdRule | PerCountRule, words: str, hint: Hint) -> Reading:
    unit = rule.unit
    if hint.button:
        if hint.intent == "deny":
            return record(0, 1.0, words, "button")
        return reask(f"请告诉我具体数字（{unit}），比如“3{unit}”；没有就说“没有”。", words)
    if re.search(r"(?:去年|上一?年|过去一年)[^,，。;；]*\d", arabic(normalize(words))):
        # 今年的数据还没统计完，去年是五百多人次: this year's count unknown, the year asked about said
        words = _THIS_YEAR_NOT_COUNTED.sub("", words).strip(" ,，。;；") or words
    t = _none_as_zero(  # (零零星星有几起: sporadic, no 0 said)
        arabic(every_month(SPORADIC.sub("偶尔", normalize(words)))), UNIT_WORDS.get(unit, (unit,))
    )
    # 一场一百多人一场两百出头: sessions told one after the other without a break, each a clause of its own
    t = re.sub(r"(?<=[人次位名个多头])\s*(?=(?:另)?1\s*(?:场|期)(?!都|也)\s*\d)", "，", t)
    if _NEGATIVE_NUMBER.search(t):
        return reask(f"数量不能是负数，请再说一下是多少{unit}。", words, "negative")
    t = _IDENTIFIER.sub("", t)  # 电话尾号3366的王律师: a number that counts nothing
    if not re.search(r"记不(?:太)?清|记不得|不记得|想不起", words) and torn_between(
        rule, t
    ):  # (一次还是两次我记不清了: 不清楚)
        return reask(
            f"您说的数还没定下来，按不同的数得分不一样。请核对后告诉我{rule.label}确切是多少{unit}"
            "（说不准可以回答“不清楚”）。",
            words,
            "torn between figures",
        )
    t = _qualifier_after(t)  # 两次吧，大概 = 大概两次 / 300，不到 = 不到300: said after the figure
    if (
        isinstance(rule, PerCountRule)  # (a threshold's either-or is asked below, as 是…还是…)
        and _OR_ANOTHER.search(t)
        and len({f.quantity.value for f in numbers(t)}) >= 2
    ):
        return reask(f"您说了两个数，请告诉我{rule.label}确切是多少{unit}。", words, "either figure")
    if (counted := _COUNT_AS.search(t)) and len(numbers(t)) > 1:
        t = counted.group(1)  # 五起案子里两起还没结案，按三起算: the figure it is to be counted as
    if (
        isinstance(rule, ThresholdRule)
        and _LEFT_OUT_OF_IT.search(normalize(words))
        and not _unsure(_LEFT_OUT_OF_IT.sub("", words))
    ):  # 去年是五百多人次，其他小活动没算进去: the figure said is a lower bound — read when it meets already
        r = _read_number(c, rule, _LEFT_OUT_OF_IT.sub("", words), hint)
        q = as_quantity(r.value) if r.outcome == "record" else None
        if q is not None and q.meets(rule.minimum, rule.strict) is True:
            return r.model_copy(update={"words": words})
    exact_later = (
        _EXACT_LATER.search(normalize(words))
        and any(f.quantity.relation in ("gt", "ge", "lt", "le") for f in numbers(t))
    ) or _FIRM_AFTER.search(
        t
    )  # 超过300了，具体数要翻一下 / 记不清，反正至少两回: the side is said, only the exact figure is not
    if (
        (_unsure(words) or _NOT_COUNTED.search(t))
        and not exact_later
        and (
            re.search(
                r"可能|也许|印象|好像|大概|应该|估计|不确定|待|得看|要看|记不(?:太)?清|记不得|不记得|数不清",
                normalize(words),
            )
            or not any(f.quantity.relation == "eq" for f in numbers(t))
        )
    ):
        # 印象里是两次，但也可能只是一次，得看记录: confirmed, since some would rather be asked again
        return record("unknown", min(0.85, CONFIRM_BELOW - 0.2), words, "unsure about the figure")
    vague = r"好几[次回起个件]?|好多[次回起个件]?|很多[次回起个件]?|数不过来|数不清|若干|(?<![十百\d])有几[次回起个件]"
    vague += rf"|(?<![十百千\d有好])几{re.escape(unit)}(?!\d)"  # 几起吧，不多: how many is not said
    if (
        isinstance(rule, PerCountRule)
        and re.search(vague, t)
        and not says_zero(t)  # 咨询接过很多次，真正立案的一起都没有
        and not numbers(re.sub(vague, "", t))  # 报过好几次案，真正立上案的就一起 / 十来起吧，做得很多
    ):
        return reask(f"每{unit}都要单独计分，请告诉我确切是几{unit}。", words, "vague count")
    if isinstance(rule, ThresholdRule):
        t = _against_standard(rule, t)
        t, why = _against_another_year(rule, t)
        if why:
            return reask(why, words, "said against another year")
    if len(found := numbers(t)) >= 2 and _WHICH_ONE.search(t):
        listed = "和".join(f.quantity.describe(f.unit) for f in found[:3])
        return reask(f"您提到了{listed}，请告诉我{rule.label}按哪个数算（是多少{unit}）。", words, "which figure")
    if isinstance(
        rule, ThresholdRule
    ):  # 五百多人次是两个年度加起来的，去年一年三百来人次: the total of years is no count
        parts = re.split(r"(?<=[,，。;；])", t)
        kept = [p for p in parts if not (numbers(p) and _SEVERAL_YEARS_TOTAL.search(p))]
        if len(kept) < len(parts) and any(numbers(p) for p in kept):
            t = "".join(kept)
    if unit in ("次", "人次") and others_figures(t, unit):
        return reask(
            f"您说的数是别人组织或别的事项的，不算贵单位自己的。请告诉我{rule.label}是多少{unit}（没有就说“没有”）。",
            words,
            "another's figure",
        )
    said_in_full = t
    t = _without_other_figures(c, t)
    denied_only = t != said_in_full and not numbers(t)  # 没做过公益的，…去年营收三百多万: the no is the answer
    if (told := _one_session_told(rule, t)) is not None:
        if isinstance(told, str):
            return reask(told, words, "figures do not add up", BEYOND_BOUND)
        return record(quantity_value(told), 0.85, words, "the one session told is the total")
    bounded = _within_bound(rule, t)
    if isinstance(bounded, Reading):
        return bounded.model_copy(update={"words": words})
    q, conf, why = bounded if bounded is not None else _quantity_for(rule, t)
    few = r"(?<![十百千\d])好?几[家次场起个件回]|好多[家次场起个件回]?|很多[家次场起个件回]?|数不过来|数不清|若干"
    if q is not None and re.search(few, t) and not numbers(re.sub(few, "", t)):
        conf = min(conf, CONFIRM_BELOW - 0.2)  # 好几家 / 有好几次: how many is not said, so proposed, never recorded
    if (
        q is None
        and isinstance(rule, PerCountRule)
        and (
            not numbers(t)
            or (
                all(f.unit in ("家", "企业", "公司") for f in numbers(t))
                and NOT_DONE.search(t)
                and not SUCCESS.search(re.sub(r"(?:都|还|也)?(?:没|未)(?:有)?(?:立上?案|立上|成功|调解成)", "", t))
            )
        )  # 正在协助一家企业准备报案材料，还没立案
        and re.search(
            r"没(?:有)?(?:一起)?(?:(?:走|做|推|办|进)到)?(?:成功|立上|立案|结案)|都没成|没有成的|都(?:撤|失败)|(?:结果)?还没(?:出来|结果)|没出结果",
            t,
        )
    ):
        q, conf = Quantity(value=0), 0.85  # 协助过，但都撤诉了，没有成功的
    if q is None:
        a = _with_model(analyze(t if denied_only else words), hint)
        if a.verdict == "unknown" or _unsure(words):
            return record("unknown", max(a.confidence, 0.9), words, "unsure", *a.reasons)
        if why:  # 不到500人次，有620人次吧: figures that disagree are asked about, never read as a no
            return reask(why, words, *(["figures do not add up"] if "对不上" in why else []))
        if a.verdict == "no" and re.fullmatch(r"(?:不是|不对|错了|不)(?:的|啊|呀|吧|哦)?[。.!！~～]*", t):
            return reask("请告诉我具体的数；一次也没有的话，回答“没有”或“0”。", words)  # 不是: a denial, no zero
        pieces = [x for x in re.split(r"[,，。;；!！]", t) if x.strip()]
        asked = [x for x in pieces if any(k in x for k in c.keywords) or _QUALIFYING.search(x)]
        many = [x for x in pieces if re.search(r"不(?:小|少|低|错|赖|差)(?!于)", x)]
        if (
            a.verdict == "no"
            and a.confidence >= CONFIRM_BELOW
            and not (many and (not asked or any(x in asked for x in many)))  # 覆盖面不小的 / 次数不少: many, not none
        ):  # (没做过公益的，收费项目倒不少: many of something else)
            return record(0, a.confidence, words, "no = 0", *a.reasons)
        last = pieces[-1:]
        if (
            a.verdict in ("yes", "partial")
            and last
            and re.search(r"(?:没|未)(?:有)?[^,，。\d]{0,4}过[的啊呀吧]?$", last[0])
        ):
            # 我们都是收费服务，免费的没做过 / 案子都是企业自己打，园区没参与过: proposed as none
            return record(0, CONFIRM_BELOW - 0.1, words, "none of it, said last")
        if (
            a.verdict in ("yes", "partial")
            and asked
            and all(
                re.search(r"(?:没|未)(?!怎么|太|咋)(?:有)?[^,，。\d]{0,6}过|(?:没|未)(?:有)?(?:做|搞|办|开展|提供)", x)
                for x in asked
            )
        ):  # 没做过公益的，收费项目倒不少: what is asked is denied, something else is done
            return record(0, CONFIRM_BELOW - 0.1, words, "none of what is asked")
        if a.verdict in ("yes", "partial"):
            return reask(f"有的话，具体是多少{unit}？请告诉我一个数字，比如“3{unit}”。", words, "yes without a number")
        return reask(f"请告诉我具体数字（{unit}），比如“3{unit}”；没有就说“没有”。", words)
    if isinstance(rule, ThresholdRule):
        if q.relation == "gt" and q.upper is None and q.value.is_integer() and unit != "人次":
            q = Quantity(value=q.value + 1, relation="ge")  # 不止两家 / 超过2次: whole counts, so 3 or more
        side = q.meets(rule.minimum, rule.strict)
        if q.relation == "range" and q.upper is not None and side is False and q.upper >= rule.minimum:
            # 两三百 against 不少于300: counted at its lower bound (the issue's rule), but the words
            # reach the threshold, so the lower bound is proposed for the unit to confirm
            return record(quantity_value(q), min(conf, CONFIRM_BELOW - 0.2), words, "range straddles the threshold")
        if side is None:
            op = "超过" if rule.strict else "不少于"
            return reask(
                f"“{words}”在{rule.minimum:g}{unit}上下，我没法判断是否{op}{rule.minimum:g}{unit}。"
                f"请告诉我确切的数字，比如“{rule.minimum + (20 if rule.minimum >= 100 else 1):g}{unit}”。",
                words,
                "ambiguous side",
            )
    else:
        if q.relation == "gt" and q.upper is None and q.value.is_integer():
            # 不止一起: at least two are certain, but each counts for points: proposed, not recorded
            return record(quantity_value(q), min(conf, CONFIRM_BELOW - 0.2), words, "more than a count")
        if q.relation == "range" and q.value.is_integer():
            # 一两起 / 一到三起: each counts for points, so the lower bound is proposed, not recorded
            return record(quantity_value(q), min(conf, CONFIRM_BELOW - 0.2), words, "range of counts")
        if q.whole_count() is None and q.relation == "about" and q.value.is_integer() and q.value > 0:
            # 大概三起: each counts for points, so the figure is proposed for the unit to confirm
            return record(int(q.value), min(conf, CONFIRM_BELOW - 0.2), words, "about a count")
        if q.whole_count() is None:
            return reask(f"请告诉我确切是几{unit}（“{words}”没法确定数目），没有就说“没有”。", words, "no whole count")
    if re.search(r"可能|也许|好像|印象中|估计|大概|应该", t) and q.relation == "eq":
        conf = min(conf, 0.8)
    if _unsure(words) and re.search(r"可能|也许|好像|估计|大概|应该|吧", t):
        conf = min(conf, CONFIRM_BELOW - 0.2)  # 记不清了，可能一共三百多吧: the figure is a guess, proposed
    return record(quantity_value(q), conf, words, "number")


_WHICH_ONE = re.compile(
    r"(?:按|填|以|用|算|报|写|选)(?:哪|那)(?:个|一个)(?:数|数字)?(?:为准|算|好|对)?[吗呢呀啊]?(?:[?？。.!！]|$)|(?:哪|那)个(?:数|数字)?(?:对|准|为准)"
)


_BARE_NO = re.compile(
    r"\s*(?:没有|没|无|木有|冇|莫得|没得|0|一起都没有|1起都没有|一次都没有|1次都没有)[的呢啊哦哈]*[,，。.!！\s]*"
)


def _without_other_figures(c: Criterion, t: str, mark: bool = True) -> str:
    """A clause counting something else the criterion names (开了4次会 beside 内部检查, 报名560人 beside
    受众) is said not to count when another clause gives a figure of what it asks: the reading leaves it
    out, or takes it off the total it is a part of (其中1次是消防检查)."""
    if not c.other_figures:
        return t
    clauses = [x for x in re.split(r"(?<=[,，。;；!！?？\n])", t) if x]

    def has_figure(x: str) -> bool:  # a count (三成参加过 is a share of a population said beside it)
        return any(f.unit != "%" for f in numbers(x)) or annual_count(x) is not None

    def other(x: str) -> bool:  # (还有1场因为报名人数不够取消了: a session cancelled, read as such)
        return (
            any(w.lower() in x for w in c.other_figures)  # (the reply is normalized: ISO is iso)
            and not any(k in x for k in c.keywords)
            and not _CANCELLED.search(x)
        )

    one_of = r"的(?:那|这)(?:一)?(?:次|场|回|家|起|个)"
    if any(has_figure(x) and not other(x) for x in clauses):  # 两次！上级来查的那次不算: another thing, not one
        clauses = [x for x in clauses if has_figure(x) or not (re.search(one_of, x) and other(x))]  # of the two
        t = "".join(clauses)
    marks = [(x, has_figure(x), has_figure(x) and other(x)) for x in clauses]
    verbs = {k[-1] for k in c.keywords if len(k) >= 2} - {"告", "表", "书"}  # 检查 / 巡查 → 查: 自己没单独查过
    denied = [
        x
        for x, f, _ in marks
        if not f and any(k in x for k in (*c.keywords, *verbs)) and re.search(r"没|未|从不|不曾", x)
    ]
    if denied and all(o for _, f, o in marks if f) and any(o for _, _, o in marks):
        return denied[0]  # ISO体系审核一年两次，商秘的内部检查其实没单独搞过: the figure is of another thing
    if (  # 没有，倒是接过二十多次维权咨询: a plain no, then a figure of something else
        len(marks) > 1
        and _BARE_NO.fullmatch(marks[0][0])
        and all(o for _, f, o in marks[1:] if f)
        and any(o for _, _, o in marks)
    ):
        return "0"
    if any(o for _, _, o in marks) and any(f and not o for _, f, o in marks):
        return "".join(  # 开了4次会，不算 / 其中1次是消防检查，不算: said as not counted, for the reading to take off
            re.sub(r"(?=[,，。;；!！?？\n]?$)", "不算", x, count=1) if o and mark and numbers(x) else "" if o else x
            for x, _, o in marks
        )  # (安全生产检查每个月都有: a frequency of another thing, left out)
    return t


_STANDARD = r"(?:标准|要求|规定|指标|门槛|考核线|及格线|达标线|评分标准)(?:的|要求的|规定的)?(?:次数|家数|人次|数量?)?"
_MORE_THAN_STANDARD = re.compile(
    rf"比{_STANDARD}(?:还|都)?(?:多|超|超出|超过|高)(?:了|出)?(?:整整)?\s*(\d+(?:\.\d+)?)\s*(?:[次场回家个起]|人次|人)?"
)
_SHORT_OF_STANDARD = re.compile(
    rf"(?:比{_STANDARD}(?:还)?(?:少|差)了?|离{_STANDARD}(?:还)?差|(?<![比离])(?:还|就|只)?差)\s*(\d+(?:\.\d+)?)\s*(?:[次场回家个起]|人次|人)?"
    r"(?:就|才)?(?:(?:能)?(?:达标|够(?:数|标准|要求)?|满足(?:要求|标准)?|到标准|合格)|(?<=\S)(?=[,，。.!！]|$))"
)
_AT_STANDARD = re.compile(
    rf"(?:刚好|正好|恰好|刚刚好|不多不少)[^,，。\d]{{0,3}}(?:是|够|达到|满足|卡在|踩在|压着)?(?:了)?{_STANDARD}"
)
_TWICE_STANDARD = re.compile(
    rf"(?:比{_STANDARD}翻了?(?:一|1)番|比{_STANDARD}翻了?(?:一|1)倍|是{_STANDARD}的(?:两|2)倍)"
)


_OTHER_YEAR = re.compile(
    r"比(?:去年|前年|上年|上一年|往年|以前|之前|上次|上回|上一届|上届)(?:的|那|同期)?\s*(?:(\d+(?:\.\d+)?)\s*(?:人次|次|家|场|个|人)?)?"
    r"(?:还|要|稍微?|略)?(多|少|高|低|强|差)"
)


def _against_another_year(rule: ThresholdRule, t: str) -> tuple[str, str]:
    """比去年的二百八多一些 / 比去年多了一家: more or less than another year's figure, with no figure of this
    year's own, is asked (unless that figure already settles the side: 比去年的600还多 ≥ 500); beside a
    figure of its own (比去年多了一家，现在4家) the comparison is left out."""
    m = _OTHER_YEAR.search(t)
    if m is None:
        return t, ""
    diff = [f for f in numbers(t) if f.start >= m.end() and re.fullmatch(r"\s*了?\s*", t[m.end() : f.start])]
    own = [f for f in numbers(t) if f not in diff]
    if len(own) > (1 if m.group(1) else 0):
        return t[: m.start()] + t[(diff[0].end + len(diff[0].unit)) if diff else m.end() :], ""
    if m.group(1):
        n, more = float(m.group(1)), m.group(2) in ("多", "高", "强")
        if (more and n >= rule.minimum) or (not more and n <= rule.minimum - (0 if rule.strict else 1)):
            return t, ""
    return t, f"您是和往年比的，请直接告诉我今年{rule.label}是多少{rule.unit}。"


def _against_standard(rule: ThresholdRule, t: str) -> str:
    """比要求还多一次 / 离标准还差一家 / 刚好是要求的次数 / 比标准翻了一倍: a figure said against the
    standard's own minimum, written out (the unit knows the standard; the assistant does too)."""
    m0 = rule.minimum

    def alone(m: re.Match[str]) -> bool:  # 3次，比要求多一次: the figure said stands
        return not numbers(t[: m.start()] + t[m.end() :])

    def named(m: re.Match[str]) -> bool:  # 离要求还差一次 / 差一家就达标 — not 差一家就够三家 (its own figure)
        return bool(
            re.search(
                _STANDARD + "|达标|满足|合格|够(?:数|标准|要求)|够(?=[,，。.!！了]|$)",
                m.group(0) + t[m.end() : m.end() + 1],
            )
        )

    for pattern in (_MORE_THAN_STANDARD, _SHORT_OF_STANDARD, _TWICE_STANDARD):
        if (m := pattern.search(t)) and named(m) and not alone(m):
            return t[: m.start()] + t[m.end() :]  # 3次，比要求多一次: the remark on the figure is no figure
    if (m := _MORE_THAN_STANDARD.search(t)) and alone(m):
        return t[: m.start()] + f"{_plain_figure(m0 + float(m.group(1)))}{rule.unit}" + t[m.end() :]
    if (m := _SHORT_OF_STANDARD.search(t)) and alone(m) and named(m) and float(m.group(1)) <= m0:
        return t[: m.start()] + f"{_plain_figure(m0 - float(m.group(1)))}{rule.unit}" + t[m.end() :]
    if (m := _TWICE_STANDARD.search(t)) and alone(m):
        return t[: m.start()] + f"{_plain_figure(2 * m0)}{rule.unit}" + t[m.end() :]
    bar = re.search(rf"(?:达到|满足|达|够)了?\s*\d+\s*{_U}?的?(?:要求|标准|门槛|指标)", t)
    if bar and numbers(t[: bar.start()] + t[bar.end() :]):  # 只做过一次，未能达到两次的要求: the standard's figure
        return t[: bar.start()] + "要求" + t[bar.end() :]
    if (m := _AT_STANDARD.search(t)) and not numbers(t):
        return t[: m.start()] + f"正好{_plain_figure(m0)}{rule.unit}" + t[m.end() :]
    return t


def _plain_figure(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# the figure was never kept: 人数从来没有单独统计过 is not knowing it, not zero
_NOT_COUNTED = re.compile(
    r"(?:没|没有|从来没有?|从没|未|不)(?:单独|专门|具体|仔细|认真)?(?:统计|算|数|记录|汇总|登记)(?:过|人数|数字)"
)
# unsure of the exact figure, then firm about it: 具体几次记不清，反正每年至少两回 / 没细算，但肯定不到三百
_FIRM_AFTER = re.compile(
    r"(?:记不|不记得|没细算|没统计|没算过|没汇总|没数过|不清楚|说不准|拿不准|不确定)[^。]*?[,，。]\s*(?:但|不过|反正|可|总之)?[^,，。\d]{0,4}?"
    r"(?:肯定|绝对|确实|至少|起码|最少|远远?不到|不到|不足|超过|一共|总共|共计|累计|光|就)[^,，。\d]{0,10}?\d"
)
_STATED_TOTAL = re.compile(
    r"(?:一共|总共|共计|合计|累计|总计|只有|应该是|改成|实际|其实|现在|目前|(?<![每])按)[^,，\d]{0,3}$"
)
_SEVERAL_YEARS = re.compile(
    r"(?:[2-9]|几|多|十)年(?:来|间|里|内|下来)?[^,，。\d]{0,3}(?:累计|加起来|合计|一共|总共|共)|累计|加起来|合计"
)
_EXACT_LATER = re.compile(r"具体(?:数|数字|多少|几)?[^,，。]{0,6}(?:要|得|需要|还要)?(?:翻|查|问|核|看|统计|对)")
# figures that do not count yet (在申报, 还在走程序, 没成功) and figures that do (成功, 已授牌)
# not filed, in either pattern below: 没有立案 / 未被立案 / 没立成 / 立不上
_NOT_FILED = r"(?:没|未|尚未)(?:有|能)?(?:被)?立(?:上)?(?:案|成)|立不(?:了|成|上)"
NOT_DONE = re.compile(
    r"在走程序|正在|进行中|还没(?:有)?(?:结果|批|成|下来|立|完|办完|结束|通过)|没(?:成|立上|批|通过|成功|结果)|没立(?=$|[,，。;；!！])|未(?:成功|通过|批|立案)|"
    r"不同意|失败|在申报|申报中|在培育|培育中|培育了|培育的|培育阶段|培育期|处于培育|培育对象|培育单位|培育企业|公示|在谈|待批|撤诉|还在|打算|准备|计划|在创建|创建中|在办|没办成|不算|"
    r"尚未|未决定|没决定|等待|待定|没谈拢|谈崩|没谈成|没立案|没调解成|调解中|在调解|没调成|还没调|报上去|没出来|没出结果|等结果|还没验收|"
    r"撤了|撤回|撤销|自己撤|没立上|在走流程|走流程|没结果|排期|在排|排上了?日程|待办|还没开|还没办|还没搞|还没做|"
    r"(?:还没|没|未|尚未)(?:有)?(?:授牌|验收|评上|挂牌|认定|批复)|没签(?:约|合同)?|未签|意向|洽谈|在等|等受理|待受理|"
    r"尚在|在调查|调查中|在(?:立案)?审(?:查|理|核)|(?:审查|审理|审核)中|结果未出|未出结果|在创(?!新)|不予(?:立案|受理)|(?:未|没|还没)(?:有)?(?:被)?受理|还在调(?!解成)|驳回|退回|"
    + _NOT_FILED
    + r"|不想追究|不(?:再)?追究了|放弃(?:了)?(?:追究|维权)|撤案|(?:被)?取消了|黄了|刚交了?(?:申报)?材料|材料刚交|刚交上去|刚申报|等着?验收|待验收|在申请|申请中|"
    r"刚刚?启动|才启动|刚开始(?:调解|走|办)|"
    r"没(?:有)?(?:走|做|推|办|进)到(?:立案|调解|查办|那一?步)|立不立案|没下文|没有下文"
)
# 已经立案了，还在查: the filing is the success the standard counts; the investigation still going takes nothing away
_FILED = re.compile(r"(?<![没未走])(?:已经?|已|都)?立(?:了|上了?)?案(?!程序|流程|申请|材料|手续)")
_FILED_NOT = re.compile(r"(?:不予|没能)(?:有|能)?(?:被)?立(?:上)?(?:案|成)|" + _NOT_FILED)
_STILL_OPEN = re.compile(
    r"还在|正在|在办|进行中|调查中|在调查|侦查|审理|在查|还在查|尚在|等结果|没出结果|结果(?:还没|未)出|没结案|未结案"
)


def _filed_and_open(s: str) -> bool:
    """协助了一件，还在查，不过已经立案了 / 立案两起，都还在侦查阶段: filed, so counted."""
    return bool(_FILED.search(s)) and not _FILED_NOT.search(s) and not NOT_DONE.search(_STILL_OPEN.sub("", s))


SUCCESS = re.compile(
    r"立了?案|立了(?=\s*\d)|通过了?(?=\s*\d)|查办|成功|办结|结案|查办完|立上|调解成|成了|已(?:经)?(?:立案|查办|调解|授牌|完成|办完|创建|通过)|授牌|批下来|创建完成|通过验收|"
    r"评上|获评|被评为|建成|签了?(?:调解|和解)协议|达成(?:调解|和解)?协议|调解书|和解了"
)
_SESSIONS = ("场", "次", "期", "回", "轮", "家", "个")


def _to_next_figure(t: str, f: Found) -> str:
    """The words after a figure up to the next figure or sentence (协助1家企业报案，公安已经立案)."""
    rest = re.sub(r"^[\d.]+", "", t[f.start :].lstrip())
    return re.split(r"[。;；\n]|\d", rest, maxsplit=1)[0]


def _all_of_them(t: str, f: Found) -> str:
    """The next clause when it speaks of the firms just counted (帮两家企业报案，都立了案)."""
    nxt = re.split(r"[,，]", _to_next_figure(t, f), maxsplit=1)
    rest = nxt[1] if len(nxt) > 1 else ""
    return rest if re.match(r"(?:都|均|全|也都|全部|两家都|各自)", rest) else ""


_RATE = re.compile(
    r"(?:每(?:一)?|(?<![\d.第前去今年])1)(年|半年|个?季度|个?季|个?月)(?:都|也)?(?:有|协助|办|成功|调解|立案)?[^,，。\d]{0,8}?(\d+)\s*(?:起|件|个)"
)
_SPAN = re.compile(r"(?:近|连续|已经|这|过去|前后|最近)?(\d+)\s*年(?:了|来|下来|里|间|多)?")
_PER_YEAR = {"年": 1, "半年": 2, "季度": 4, "季": 4, "月": 12}


_DURATION = re.compile(r"(?:多|余|来)?个(?:多|半)?(?:月|小时|钟头|星期|礼拜|工作日)")
_STAFF_COUNT = re.compile(r"(?:多|余)?个(?:多)?(?:工作人员|员工|职工|律师|同事|专职|兼职)")


def _rate_over_years(t: str, found: list[Found]) -> Quantity | str | None:
    """每年一起，连续三年了 / 近三年每年都有一起 / 去年一年每个季度一起: a rate times the years it ran —
    unless the total is said too (两年下来正好4起), which then stands."""
    rate = _RATE.search(t)
    span = _SPAN.search(_RATE.sub("", t))
    if rate is None or span is None:
        return None
    stated = [f for f in found if re.search(r"(?:正好|一共|总共|共计?|累计|合计)[^,，。\d]{0,3}$", f.before)]
    if stated:
        return stated[0].quantity
    per_year = _PER_YEAR[rate.group(1).lstrip("个")]
    years = float(span.group(1))
    other = _ONE_YEAR_OTHER.search(t[max(rate.end(), span.end()) :]) if per_year == 1 else None
    if other is not None:  # 每年两起，做了两年，第二年只有一起 = 3: one year of the span had its own figure
        which = other.group(1)
        place = re.fullmatch(r"第(\d+)年", which)
        if which == "今年" or (place is not None and float(place.group(1)) > years) or years < 2:
            return "您说了每年的数，又说了某一年不一样，请直接告诉我一共是几起。"  # (今年 may be outside the years)
        that_year = float(other.group(2)) if other.group(2) else 0.0
        return Quantity(value=float(rate.group(2)) * (years - 1) + that_year)
    return Quantity(value=float(rate.group(2)) * per_year * years)


# one year of a yearly rate told apart: 第二年只有一起 / 去年就一起 / 有一年一起都没有 / 今年还没有
# one year of several, named: 第二年 / 去年 / 有一年 (the patterns below add their own)
_A_YEAR_OF_SEVERAL = r"第\d+年|头1年|最后1年|有1年|其中1年|去年|今年|前年"
_ONE_YEAR_OTHER = re.compile(
    rf"({_A_YEAR_OF_SEVERAL}|前1年|后1年)(?:的话)?[^,，。;；\d]{{0,4}}?"
    r"(?:(?:只有|就|才|只|是|仅|也就)[^,，。;；\d]{0,2}?(\d+)\s*(?:起|件|个)|(?:1\s*(?:起|件|个)(?:都|也))?(?:还)?(?:没有|没|无)(?![^,，。;；]*(?:成|立)))"
)


_ZERO_YEAR = re.compile(
    rf"({_A_YEAR_OF_SEVERAL})[^,，。;；\d]{{0,4}}?1\s*(?:起|件|个)[^,，。;；\d]{{0,4}}?(?:都|也)(?:还)?(?:没有|没|无)"
)
_ZERO_A_YEAR = re.compile(
    rf"(?:(?:{_A_YEAR_OF_SEVERAL}|大前年|中间那年|另外1年|\d{{4}}年)(?:的话)?(?:是|也|倒是)?)"
    r"[^,，。;；\d]{0,4}?1\s*(?:起|件|个)[^,，。;；\d]{0,4}?(?:都|也)(?:还)?(?:没|没有|木有|无)[^,，。;；\d]*[,，。;；]?"
)
_ZERO_PERIOD = re.compile(
    r"(?:上半年|下半年|[一二三四1-4]季度|前半年|年初|年中)[^,，。;；\d]{0,6}?1\s*(?:次|场|起|家|回)"
    r"[^,，。;；\d]{0,4}?(?:都|也)(?:还)?(?:没|没有|木有|无)[^,，。;；\d]*[,，。;；]?"
)


def _quantity_for(rule: ThresholdRule | PerCountRule, t: str) -> tuple[Quantity | None, float, str]:
    """The quantity the reply gives for the rule's unit, a confidence, or a reason to ask again."""
    unit = rule.unit
    if says_zero(t) and isinstance(rule, PerCountRule) and _RATE.search(t):
        t = _ZERO_YEAR.sub(r"\1只有0起", t)  # 每年一起，有一年一起都没有: that year's figure, not a count of none
    if says_zero(t) and isinstance(rule, PerCountRule) and not _RATE.search(t):
        beside = _ZERO_A_YEAR.sub("", t)  # 去年一起也没有，前年有两起调解成功的 = 2: the cases count over the years
        if beside != t and numbers(beside) and not says_zero(beside):
            t = beside
    if says_zero(t):
        beside = _ZERO_PERIOD.sub("", t)  # 上半年一次都没查，下半年补了两次: none in one period, some in another
        if beside == t or not numbers(beside) or says_zero(beside):
            return Quantity(value=0), 0.95, ""
        t = beside
    t = _without_gone(_counted_figures(_own_figures(_without_plans(_less_cancelled(_pointed_back(full_years(t)))))))
    if unit == "次" and _OWN_NONE.search(t):  # 集团审计来过两次，我们自己没组织过: none of their own
        figured = [c for c in clauses(t) if numbers(c)]
        if figured and all(_off_topic(c, unit) for c in figured):
            return Quantity(value=0), 0.85, ""
    if unit in ("次", "场") and re.search(r"[,，][^,，。;；\d]*(?:也|还|另外|又)[^,，。;；\d]*\d\s*(?:次|场|回)", t):
        t = re.sub(
            r"除了([^,，。;；\d]{1,10}?)(?:那|这)(?:一)?(次|场|回)", r"\g<1>1\2", t
        )  # 除了年底那次大检查，年中也查一次
    if unit in ("次", "场"):  # 今年只做了一季度那次 = 1次: the one done, named by its time
        t = re.sub(
            r"((?:只|就|仅)(?:做|查|办|搞|开)了?[^,，。;；]{0,6}?)(?:那|这)(?:1)?(次|场|回)(?=$|[,，。;；])",
            r"\g<1>1\2",
            t,
        )
    t = re.sub(  # 一场在三月一场在九月: single sessions listed, each a clause of its own
        r"((?<![\d.])1\s*(场|次|回|期)(?:在|是|于)[^,，。;；、\d]{0,3}(?:\d+\s*(?:月|号|日))?[^,，。;；、\d]{0,3}?)(?=1\s*\2(?:在|是|于))",
        r"\1，",
        t,
    )
    gap = r"(?:还)?差(?:了)?\s*(?:几\s*(?:\d+|[十百])?|\d*\s*几|十几|一点|一些|点|些|个把|\d+\s*[十百]?)\s*多?\s*(?:个)?\s*(?:人次|人|家|次|场|起)?"
    vague_gap = gap.replace(r"|\d+\s*[十百]?)", ")")  # (差两个就三百了 = 298: a gap in figures is worked out)
    t = re.sub(  # 差几十个人就五百了 / 差一点就凑满500了
        rf"{vague_gap}\s*(?:就|才)(?:能)?(?:凑|达)?(?:到|够|满|是|齐|上|过|破)?\s*(?=\d)", "不到", t
    )
    if re.search(r"将近|接近|不到|不足|没到|差一点|差点|快到", t):  # 将近五百，差几十个人: the gap, no figure
        short = gap.replace(r"(?:还)?差(?:了)?", r"(?:就|还|也就|只)?(?:差|少|缺)(?:了)?")  # (就少了十几个人)
        t = re.sub(rf"[,，]\s*{short}(?:的样子|左右|吧|啊|呀|了)?(?=$|[,，。!！~])", "", t)
    t = re.sub(  # 做了3次，收费的那次不算: one of them named by what it was, taken off as 其中1次
        r"(?<![\d.])(\d+)\s*(次|场|回|家|起|个)([,，]\s*)([^,，。;；\d]{1,12}?)的(?:那|这)(?:一)?(?:次|场|回|家|起|个)"
        r"(?=[^,，。;；\d]{0,4}?(?:不算|不能算|不计|没(?:成|结果|算)))",
        lambda m: (
            f"{m.group(1)}{m.group(2)}{m.group(3)}其中1{m.group(2)}{m.group(4)}的"
            if float(m.group(1)) > 1
            and not re.search(r"成功|免费|公益|真正|有效", t[max(0, m.start() - 8) : m.start()])
            else m.group(0)  # (成功2起，失败的那起就不算了: not one of the two)
        ),
        t,
    )
    t, not_worked_out = _less_taken_off(t, unit)
    if not_worked_out:
        return None, 0.0, not_worked_out
    if "的话" in t and len(numbers(t)) == 1:  # 不算的话1次 (what is left once a part is not counted): as said
        t = re.sub(
            r"(?:^|(?<=[,，。;；\s]))[^,，。;；\d]{0,6}?(?:不算|去掉|扣掉|除去|刨掉)[^,，。;；\d]{0,6}?的话[,，\s]*",
            "",
            t,
        )
    part_first = re.match(r"\s*(?:不过|但是?|可是)?\s*其中", t)  # 其中一家是区外的，园区里就2家 (after 3家)
    if part_first and len(numbers(t)) == 1 and not says_zero(t):
        return None, 0.0, ""  # 其中一家还在培育: a part of a figure not said here, no count of its own
    if part_first and len(found_here := numbers(t)) >= 2 and _LEFT_SAID.search(found_here[-1].before):
        return found_here[-1].quantity, 0.85, ""  # a part of a figure said before, and what is left said
    if (what_is_left := _said_left(t, unit)) is not None:
        return what_is_left, 0.85, ""  # 服务一共5次，其中2次是收费项目，公益的就剩3次 / 不算它的话3家
    t = re.sub(r"(?<![\d.])1\s*家\s*(?:各|做|算)?\s*(\d+)\s*次", r"每家\1次", t)  # 诊断了5家，一家一次: a rate
    t = re.sub(
        r"(?:每|(?<![\d.])1)\s*(?:起|次|家|类|个|件)\s*(?:加|得|算|给|计)?\s*\d+(?:\.\d+)?\s*分", "", t
    )  # 一起5分
    t = re.sub(
        r"(?<![\d.第])1\s*(起|家|次|场|件|个)(?:(?:都|也)?(?:没有|没|无)|(?:都|也)(?:没有|没)(?:成功|成|办成|调成|立上|立案))"
        r"(?=$|[,，。;；!！])",
        r"0\1",
        t,
    )  # 协助的一起没有
    if isinstance(rule, PerCountRule):  # 这三年里有两年各两起 = 4: years times each year's cases
        t = re.sub(
            r"(?<![\d.、])([1-9]|1\d)\s*年各\s*(\d+)\s*(起|件)",
            lambda m: f"{int(m.group(1)) * int(m.group(2))}{m.group(3)}",
            t,
        )
    if unit == "人次":  # 另外两场小沙龙各30人 = 60
        t = re.sub(
            r"(?<![\d.])(\d+)\s*(?:场|次|期|回|轮)\s*[,，]?\s*([^,，。;；\d]{0,8}?|[^,，。;；\d是的]{1,6}[,，])\s*各\s*(\d+)\s*(人次|人|名|位)",
            lambda m: f"{m.group(2)}{int(m.group(1)) * int(m.group(3))}{m.group(4)}",
            t,
        )
    found = [
        f
        for f in numbers(t)
        if not (unit == "家" and _STAFF.match(f.after))  # 有20个律师: the firm's size
        and not (_DURATION.match(f.after) or (unit != "人次" and _STAFF_COUNT.match(f.after)))
        # (平均每起跟了两个多月 / 30个工作人员: no count of what is asked; staff may be an audience)
        and not (  # 30个工作人员里有3个专门跟案子: some of the staff
            unit != "人次"
            and f.unit == "个"
            and re.search(r"(?:人员|员工|职工|律师|同事)(?:里|里面|中|当中)(?:有|的)?$", f.before)
        )
        and not re.match(r"(?:个|项)?(?:比例|占比|方面|指标)", f.after)  # 两个比例都超过三成: no count
        and not (  # 有两家是同一个客户 / 3个会员单位: no audience
            unit == "人次"
            and f.unit == "个"
            and (
                f.before.endswith("同")
                or re.match(
                    r"(?:多)?个?(?:兄弟|其他|别的|友好|合作|会员|入驻)?(?:客户|企业|单位|公司|部门|项目|园区|协会|机构)"
                    r"(?!代表|员工|职工|的人)",
                    f.after,
                )
            )
        )
    ]
    if unit == "人次" and (reached := _share_of_population(found)) is not None:
        return (
            reached,
            0.85,
            "",
        )  # 员工2000多人，一半以上都听过 = over 1000 / 员工大概1000人，三成左右参加过 = about 300
    if unit == "人次" and len(found) > 1:  # 园区两千多员工，参加过的累计四百二十人次: the staff is no audience
        found = [f for f in found if not re.match(r"^(?:多|余)?(?:名|个)?(?:员工|职工|工人|在职)", f.after)] or found
    actual = [f for f in found if _ACTUAL.search(f.before)]
    total_after = [f for f in found if actual and f.start > actual[0].start and _SAID_TOTAL.search(f.before)]
    if len(found) > 1 and len(actual) == 1 and actual[0].unit in UNIT_WORDS.get(unit, (unit,)) and not total_after:
        planned = re.search(r"计划|原定|本来|打算|目标|原本|预计|定了|要求|规定|应该", t[: actual[0].start])
        # 原计划三场各两百人，实际上只来了一百五十人次 / 计划一年四次，实际做了1次; without a plan named
        # (每年检查三次，但其实只查了一回) the two figures disagree: the actual one is proposed
        return actual[0].quantity, 0.9 if planned else CONFIRM_BELOW - 0.2, ""
    if unit == "次" and (per_firm := _per_firm(found)) is not None:
        return per_firm, 0.85, ""  # 给6家企业分别上门咨询 / 二十多家企业来咨询过，每家算一次
    each_date = re.fullmatch(
        r"\s*(?:[^,，。;；:：\d]{0,4}?(\d+)\s*次\s*[,，:：]\s*)?"  # 三次，3月、6月、9月各一次: the total said first
        r"([^,，。;；:：\d]*\d[^,，。;；:：]*?)各[^,，。\d]{0,8}?(\d+)\s*(?:次|场|回|期|起|件)[^,，。\d]*[。.!！]?\s*",
        t,
    )
    if unit in ("次", "起") and each_date:  # 3月15日、6月8日、9月20日各做了一次 / 3/15、6/8各调解成功了一起: one each
        items = [p for p in re.split(r"、|和|及|与|以及", each_date.group(2)) if p.strip()]
        per_date = len(items) * float(each_date.group(3))
        if len(items) >= 2 and each_date.group(1) in (None, f"{per_date:g}"):
            return Quantity(value=per_date), 0.9, ""
        if len(items) >= 2:  # 两次，3月、6月、9月各一次: the total and the dates disagree
            return (
                None,
                0.0,
                f"您说的次数前后对不上（{each_date.group(1)}{unit}和{per_date:g}{unit}），请告诉我一年实际是几{unit}。",
            )
    same = [f for f in found if f.unit in UNIT_WORDS.get(unit, (unit,)) and f.quantity.relation == "eq"]
    stated = [f for f in same if re.search(r"(?:一共|总共|共计?|合计|总计)[^,，。\d]{0,4}$", f.before)]
    pieces = [f for f in same if f not in stated and f.start > stated[0].start] if len(stated) == 1 else []
    if len(pieces) >= 2 and abs(sum(f.quantity.value for f in pieces) - stated[0].quantity.value) > 0.01:
        added = sum(f.quantity.value for f in pieces)  # 总共两起，去年一起、今年两起: the parts disagree with the total
        return (
            None,
            0.0,
            f"您说的总数和分开说的对不上（{stated[0].quantity.describe(unit)}和{added:g}{unit}），请再说一下一共是多少{unit}。",
        )
    if unit == "次" and isinstance(rule, ThresholdRule):
        counted = re.sub(  # ISO审核一年一次不算，另外…一年两次: the clause not counted (not 其中一次不算: a part)
            r"(?:^|(?<=[,，。;；]))(?![^,，。;；]*(?:其中|里面|当中|这|那))[^,，。;；]*不算(?=[,，。;；]|$)", "", t
        )
        annual = annual_count(counted if numbers(counted) else t)
        times = [f for f in found if f.unit in UNIT_WORDS["次"] and f.quantity.relation == "eq"]
        said = [
            f
            for f in times
            if re.search(r"(?:一共|总共|共计?|合计|总计|全年(?:共|就)?|也就是)[^,，。\d]{0,4}$", f.before)
            or (
                f is times[0]
                and (_STATED_FIRST.fullmatch(f.before) or not f.before.strip())
                and re.match(r"\S{0,2}?[,，:：]", f.tail) is not None
            )
        ]  # 是一次，上半年一次下半年一次: the figure stated, then told by periods
        singles = [f for f in times if f not in said]
        several = re.search(r"\d\s*年(?:里|内|来|间|下来|中)|累计", t)  # 四年里一共查了两次: the total of years
        ways = [annual.value] if annual is not None and not several else []
        ways += [sum(f.quantity.value for f in singles)] if len(singles) > 1 else []
        worked = next((w for w in ways if said and abs(w - said[0].quantity.value) > 0.01), None)
        if len(said) == 1 and worked is not None:
            # 上半年查一次，下半年查一次，全年共1次 / 一共2次，上半年2次下半年也2次: the figures disagree
            return (
                None,
                0.0,
                f"您说的次数前后对不上（{said[0].quantity.describe(unit)}和{worked:g}{unit}），请告诉我一年实际是几{unit}。",
            )
        part_off = re.search(
            r"(?:其中|里面|当中)(?:有)?\s*(\d+)\s*(?:次|场|回)([^,，。;；]*)", t
        )  # 一年两次，其中一次不算
        if annual is not None and part_off:
            part_said = part_off.group(0)
            if (
                _EXCLUDED.search(part_said) or NOT_DONE.search(part_said) or _off_topic(part_said, unit)
            ):  # (上级来查: marked 不算 by the rubric)
                left = annual.value - float(part_off.group(1))
                return (Quantity(value=left), 0.85, "") if left >= 0 else (None, 0.0, "")
        if annual is not None:  # 两年做了五次 = 2.5 a year on average: one year may still have had fewer, so asked
            unsure = annual.value != int(annual.value) and annual.value >= rule.minimum
            return annual, (CONFIRM_BELOW - 0.1 if unsure else 0.92), ""
    over_years = [
        f
        for f in found
        if f.unit in UNIT_WORDS.get(unit, (unit,))
        and re.search(r"(?:\d+\s*年(?:下来|里|来|间|加起来)|这几年|几年下来|累计|加起来)[^,，。\d]{0,4}$", f.before)
    ]
    if (
        isinstance(rule, PerCountRule)
        and len(over_years) == 1
        and over_years[0] is found[-1]
        and not NOT_DONE.search(t)
    ):
        return over_years[0].quantity, 0.85, ""  # 每年都有一到两起，三年下来一共五起: the total over the years said
    if isinstance(rule, PerCountRule) and (rated := _rate_over_years(t, found)) is not None:
        if isinstance(rated, str):
            return None, 0.0, rated
        return rated, 0.6, ""  # 每年一起，连续三年了 = 3 / 每半年一起，已经两年了 = 4: worked out, so proposed
    if unit == "起" and (by_case := _case_by_case(t)) is not None:
        return by_case, 0.85, ""  # 两起：A那起调解成功了，B那起还在等立案 = 1
    if not found and (isinstance(rule, PerCountRule) or unit == "次"):  # 第一次在4月，第二次9月，第三次11月 = 3
        places = [int(n) for n in re.findall(r"第(\d+)(?:起|件|宗|个|次|单|场|回)", t)]
        if places and max(places) <= 10 and not NOT_DONE.search(t):
            return Quantity(value=max(places)), 0.85, ""  # 第一起是…；第二起是… = 2
    if not found and isinstance(rule, PerCountRule):  # 协助A企业立了案；协助B调解成功；C那起还没受理 = 2, proposed
        told = [
            c
            for c in re.split(r"[;；。\n]", t)
            if re.search(r"协助|帮", c) and SUCCESS.search(c) and not re.search(r"没|未|无|不|尚|还", c)
        ]
        if told and not any(NOT_DONE.search(c) for c in told) and not says_zero(t):
            return Quantity(value=len(told)), 0.65, ""
    if not found:
        return None, 0.0, ""
    if unit == "人次":
        product = _per_session_total(found, t)
        said_total = [
            f
            for f in found
            if re.search(r"(?:累计|一共|总共|合计|共)[^,，。\d]{0,4}$", f.before) and f.unit not in _SESSIONS
        ]  # 每场80人，一共办了4场: the 4 counts sessions, not people
        if product is not None and said_total and not _within(said_total[0].quantity.value, product):
            return (
                None,
                0.0,
                (  # 两场，累计600人次，每场也就一百来人: the figures do not add up
                    f"累计{said_total[0].quantity.describe(unit)}和每场的人数对不上，请告诉我{rule.label}一共是多少{unit}。"
                ),
            )
        if product is not None:
            return product, 0.85, ""
    accepted = UNIT_WORDS.get(unit, (unit,))
    matching = [f for f in found if f.unit in accepted or f.unit.startswith(unit)]
    bare = [f for f in found if not f.unit or not re.match(r"[\u4e00-\u9fff%]", f.unit)]
    candidates = matching or bare
    if unit in ("人次", "家", "起") and matching:  # 线下120人，线上400多: a bare figure in its own clause adds up
        candidates = matching + [
            f
            for f in bare
            if f.clause not in {m.clause for m in matching}
            and not (  # (四百是公众号的阅读量: what it was; not 其中三百是消防宣传: a part, taken off below)
                re.match(r"\s*(?:是|指的是|其实是|那是|说的是)", f.after)
                and not re.search(r"其中|里面|当中|包括", f.before)
            )
        ]
    if unit == "人次" and matching:  # 资料发了200份: materials handed out reach an audience too (the explain says so)
        candidates += [f for f in found if f.unit == "份" and f.clause not in {m.clause for m in matching}]
    if unit == "次" and matching:  # 做了俩技术论证，外加一次免费咨询: things done, counted by what they are
        candidates += [
            f
            for f in bare
            if _ACTIVITY_NOUN.match(f.after) and f not in candidates  # (俩技术论证加一次咨询: one clause)
        ]
    if unit == "次" and (matching or not candidates):  # 另外给一家企业出了一份技术解决方案，也没收钱: a service
        candidates += [_each_firm(f) for f in found if f.unit == "份" and _SERVICE_PAPER.match(f.after)]
    if unit == "起":  # 调解了两起，帮一家企业立了案: a firm helped to a filing is a case
        firms = [
            f
            for f in found
            if f.unit in ("家", "企业", "公司")
            and (
                SUCCESS.search(f.after + _all_of_them(t, f) if matching else _to_next_figure(t, f))
                or (_ACTUAL.search(f.before) and SUCCESS.search(re.split(r"[,，。;；]", f.before)[-1]))
            )  # 真正协助立案的只有一家
        ]
        candidates += [f for f in firms if f not in candidates and f.clause not in {m.clause for m in matching}]
    if unit == "起" and candidates and all(f.unit == "个" for f in candidates):  # 没有过，不过接过30多个相关咨询
        cases = [  # (一个是会员企业的配方被带走，我们协助报案立了案: a case)
            f
            for f in candidates
            if not re.match(r"[^,，。;；]{0,4}?(?:咨询|电话|求助|问题|来电|投诉|律师|人)", f.after)
        ]
        if not cases and re.match(r"\s*(?:没有|没|无|木有|0)", t):
            return Quantity(value=0), 0.85, ""
        candidates = cases or candidates
    if unit == "起" and any(f.unit in ("起", "件", "宗") for f in candidates):
        # 组织过4次调解会，涉及2起纠纷 / 报案3次，立了2起: times are meetings or attempts, the cases are 起
        candidates = [
            f
            for f in candidates
            if f.unit not in ("次", "趟", "个")
            or not re.search(r"会|报案|举报|咨询|沟通|接待|上门|谈|协调|取证|配合|协查|出警|走访|电话|求助", f.text)
            or SUCCESS.search(re.sub(r"调解会", "", f.text))
        ]
    if unit == "起" and candidates:  # 两起商标纠纷调解成功，还有一起商秘案件协助立案 / 其中1起是隔壁园区的
        kept = [
            f
            for f in candidates
            if (
                not _NOT_OURS.search(f.text)
                or _TRADE_SECRET.search(f.text)
                or (  # 其中1起是隔壁园区的 / 4起，不过有1起是园区外的: taken off the total below
                    re.search(r"(?:其中|里面|当中|(?<![还又另外])有)$", f.before) and f is not candidates[0]
                )
            )
            and not _OWN_CASE.search(f.text)  # 管委会自己作为受害方报过一起案: not a case it assisted
        ]
        if len(kept) < len(candidates):
            if not kept:
                return Quantity(value=0), 0.85, ""  # 协助过3起专利侵权调解，商秘案件没有
            candidates = kept
        if re.search(
            r"(?<!不是)(?<!并非)(?<!不)同(?:1|一)(?:起|个|件)|就这(?:1|一)(?:个|起|件)|只有这(?:1|一)(?:个|起|件)", t
        ):
            if re.search(r"(?:^|都|其实|实际上?|全|就)是同(?:1|一)", t):
                return Quantity(value=1), 0.85, ""  # 调解过三次，都是同一起案子 / 立案1起、查办1起，其实是同一起
            whole = [f.quantity.value for f in candidates if f.quantity.relation == "eq"]
            # 立案3起，其中1起后来又调解结案，算同一起 = 3 / 立案2起，调解1起，调解那起就是立案的同一起 = 2 /
            # 同一起案子，先协助立案，后来又参与了调解 = 1: the one case is in the biggest figure
            return Quantity(value=max(whole, default=1)), 0.85, ""
    candidates.sort(key=lambda f: f.start)  # in the order said: a total said first is first
    free = [f for f in candidates if re.search(r"免费|公益|义务|不收费|没收钱|无偿", f.text)]
    if unit == "次" and free and len(free) < len(candidates):  # 有偿咨询做了十几次，免费的只有两次 (公益 services only;
        # a service firm's paid clients are clients)
        candidates = [f for f in candidates if f in free or not re.search(r"有偿|收费|付费|收钱", f.text)]
    if not candidates:
        return None, 0.0, f"请告诉我{rule.label}是多少{unit}（只说了“{found[0].quantity.describe(found[0].unit)}”）。"
    if unit == "起":  # 调解过两起，一起成了一起没成: each figure with what its own words say
        own = [(f, re.split(r"\d", f.after, maxsplit=1)[0]) for f in candidates]
        wins_said = [f for f, w in own if SUCCESS.search(w) and not NOT_DONE.search(w)]
        if wins_said and any(NOT_DONE.search(w) for _, w in own):
            return _sum([f.quantity for f in wins_said]), 0.85, ""
    excluded = [
        f
        for i, f in enumerate(candidates[1:])
        if (
            re.search(r"(?:其中|里面|当中|包括|(?<![还又另外])有)(?:的)?(?:\d+\s*(?:场|次|期|家|起|回))?$", f.before)
            and (_EXCLUDED.search(f.text) or NOT_DONE.search(f.text) or _off_topic(f.text + f.tail, unit))
        )
        or (  # 总共六百人次，其中反诈宣传那场两百人，不涉及商秘: a part named since the total, of another subject
            re.search(r"其中|里面|里头|当中|这里面", t[candidates[i].end : f.start])
            and not re.search(r"另外|还有|此外|再加", t[candidates[i].end : f.start])
            and _off_topic(t[candidates[i].end : f.start] + f.text + f.tail, unit)
        )
    ]
    if (
        excluded
        and len(candidates) == 1 + len(excluded)
        and candidates[0].quantity.relation == "eq"
        and not re.search(
            r"(?<!剩下的)(?<!剩下)(?<!其余的)(?<!其余)(?<!其他的)(?<!其他)都(?:已经?)?(?:立了?案|立上|调解成|成功|办结|结案|授牌|验收)",
            t,
        )  # 其中一起还在审理，但都已立案 — not 其中一起还在排队等受理，剩下的都立案了
    ):
        left = candidates[0].quantity.value - sum(f.quantity.value for f in excluded)
        if left >= 0:  # 协助了3起，其中1起是园区外的企业 / 做了5次咨询，其中3次是收费的: what is left counts
            return Quantity(value=left), 0.85, ""
    if (
        excluded
        and unit == "次"
        and len(candidates) > 1 + len(excluded)
        and all(f.quantity.relation == "eq" for f in candidates)
        and all(re.search(r"其中|里面|当中", f.before) for f in excluded)
    ):  # 一次咨询、两次免费论证，不过其中一次论证是前年年底做的 = 2: the part off the figures said
        left = sum(f.quantity.value for f in candidates if f not in excluded) - sum(f.quantity.value for f in excluded)
        if left >= 0:
            return Quantity(value=left), 0.85, ""
    parts = split_clauses(t)
    done = [
        f
        for f in candidates
        if not (  # 免费咨询2次，另外2次是去听讲座 / 另一次是财务审计: more of another kind, not counted
            len(candidates) > 1
            and (
                f is candidates[0]  # 有1起是会员自己找律所办的，跟我们没关系；我们协助的就1起
                or re.search(
                    r"(?:另外|另|还有|另有|其余|其他|剩下|剩余)(?:的)?(?:\d+\s*(?:场|次|期|家|起|回))?$", f.before
                )
                or re.match(r"(?:另外|另有|还有|其余|其他|剩下)", f.text)  # 另外市监局来指导过1次，那个是他们来的
            )
            and _off_topic(f.text if f is candidates[0] else f.text + f.tail, unit)
        )
        and not (NOT_DONE.search(_own_words(f)) and not (unit == "起" and _filed_and_open(f.text)))
        and not _undone_by_next(f, parts)
        and not re.search(
            r"(?<!的)(?:这|那)(?:\d+|几)?(?:家|起|个|次)?(?:都|也)?不算|没签约|没签合同|只是意向",
            _said_after(f, found, candidates),
        )
        and not _ALL_EXCLUDED.search(f.tail)
        and not _ALL_OFF_TOPIC.search(f.tail)  # 协助查办过2起，可那2起都是假冒商标: none of them counts
        and not (unit == "次" and _ALL_PAID.search(f.tail))  # free services are counted, paid clients are clients
    ]  # 另有2家只来咨询过一次、没签约 / 做了4次技术论证，不过都是收费项目
    for b in candidates:  # …，这两家不算: the figure it points back to does not count either
        if re.search(r"(?:这|那)$", b.before) and (
            re.search(r"不算|不计|排除|没签", b.text) or _ALL_OFF_TOPIC.search(b.tail) or _off_topic(b.text, unit)
        ):  # 协助查办过2起，可那2起都是假冒商标: the figure it points back to is off the subject too
            earlier = [f for f in done if f.start < b.start and f.quantity.value == b.quantity.value]
            if earlier:
                done.remove(earlier[-1])
    if (
        len(candidates) >= 3
        and candidates[0] in done
        and all(f.quantity.relation == "eq" for f in candidates)
        and abs(sum(f.quantity.value for f in candidates[1:]) - candidates[0].quantity.value) < 0.01
        and any(f not in done for f in candidates[1:])
        and (  # (区级示范点2家，市级示范站1家，还有一家在申报: a list, not a total told part by part)
            _BREAKDOWN.search(t[candidates[0].end : candidates[1].start])
            or _TOTAL_LIKE.search(re.split(r"[,，。;；:：、]", candidates[0].before)[-1])
            or re.search(r"其中|里面|当中", t[candidates[0].end : candidates[1].start])
        )
    ):  # 3次论证会：2次是我们组织的，另外1次我们只是去旁听 = 2: a total told part by part, some parts not counted
        return _sum([f.quantity for f in candidates[1:] if f in done]), 0.85, ""
    if not done and candidates and all(re.match(r"\s*(?:那|这)", f.after) for f in candidates):
        # 90那场不算: a figure said before, taken off — the total it comes off is not said here
        return None, 0.0, f"请告诉我去掉之后{rule.label}一共是多少{unit}。"
    if not done:  # 有三家在申报，还没批下来 / 协助过一起，但最后没立上案: none counts yet
        return Quantity(value=0), 0.85, ""
    conf = 0.95 if done[0] in matching else 0.9
    if (restated := _restated_total(done)) is not None:
        return restated, conf, ""  # 六起。我知道封顶15分，但数量就是六起 / …，三个案子互不相干
    if (union := _without_overlap(done)) is not None:
        return union, conf, ""  # 立案3起，调解2起，调解的那2起就是立案里面的两起 = 3
    values = [f.quantity for f in done]
    # 290出头 / 两百多 hold a band of their own: precise enough inside 差一点到300
    exact = [f for f in done if f.quantity.relation in ("eq", "about", "range") or f.quantity.upper is not None]
    bounds = [f for f in done if f not in exact]
    if len(done) > 1:
        actual = [f for f in done if _ACTUAL.search(f.before)]
        if len(actual) == 1 and not any(
            f.start > actual[0].start and _SAID_TOTAL.search(f.before) for f in done
        ):  # 600是报名人数，实际到场的只有420 / 本来排了两次…实际只做了一次
            return actual[0].quantity, conf, ""
        cumulative = [  # 三年累计800人次 — not 今年累计到了330人次
            f
            for f in done
            if _SEVERAL_YEARS.search(f.before[-12:])
            and not re.search(
                r"今年|本年|全年|年度", t[max((g.end for g in done if g.end <= f.start), default=0) : f.end]
            )
        ]
        one_year = [
            f
            for f in done
            if f not in cumulative
            and re.search(r"(?:去年|今年|[1一]年|每年|年均|本年度?)(?:[1一]年)?[^,，。\d]{0,5}$", f.before[-10:])
        ]
        if isinstance(rule, ThresholdRule) and cumulative and len(one_year) == 1:
            return one_year[0].quantity, conf, ""  # 三年累计800人次，去年一年是260: the yearly figure
        latest = _latest_year(done, t) if isinstance(rule, ThresholdRule) and unit in ("次", "人次") else None
        if latest is not None:  # 前年620人次，去年490人次 / 2022年4次，2023年3次: a yearly standard, the latest year
            this_year = bool(  # 今年 / 23年到现在: a year not over yet
                re.search(
                    r"今年|本年|到现在|至今|目前为止|截至目前|截止目前|到目前",
                    latest.text + re.split(r"\d", latest.before)[-1],
                )
            )
            return latest.quantity, min(conf, CONFIRM_BELOW - 0.2 if this_year else 0.9), ""
        if (
            isinstance(rule, ThresholdRule)
            and unit in ("次", "人次")  # a yearly standard; 已创建完成的示范站（点） count across the years
            and re.search(r"去年|前年|往年|以前|之前|\d{4}年", t)
            and not any(re.search(r"又|另外|再|加上", f.before[-6:]) for f in done)  # 去年1家，今年又2家: more of them
        ):  # a yearly figure
            current = [f for f in done if re.search(r"今年|本年|这一年|今年度", f.text)]
            if len(current) == 1:  # 2022年是五百多，今年只有两百五: this year's, confirmed (some mean both years)
                return current[0].quantity, min(conf, CONFIRM_BELOW - 0.2), ""
        only = [
            f
            for i, f in enumerate(done)
            if i
            and _ONLY.search(f.before)
            and all(
                g.quantity.value > f.quantity.value
                and (
                    _POPULATION.search(g.before) or (_QUALIFYING.search(f.text) and not _QUALIFYING.search(g.text))
                )  # 一年审两次，不过只有一次是查商业秘密的
                for g in done[:i]
            )
        ]
        if len(only) == 1 and only[0] is done[-1]:  # 入驻企业300多家，拿到牌子的只有2家: the rest is the population
            return only[0].quantity, conf, ""
    if (mismatch := _breakdown_mismatch(done, unit)) is not None:
        return None, 0.0, mismatch  # 总共5次，明细是免费咨询1次和技术论证1次 / 3家，市级1家、区级1家，就这些
    said_total = [f for f in done if _SAID_TOTAL.search(f.before)]
    if len(said_total) >= 2 and said_total == done and len({f.quantity for f in done}) == 1:
        return done[0].quantity, conf, ""  # 一共2起…，所以总的就2起: the same total said twice
    if (
        len(done) == 2
        and said_total == done[1:]
        and all(f.quantity.relation == "eq" for f in done)
        and done[1].quantity.value >= done[0].quantity.value
    ):
        return done[1].quantity, conf, ""  # 今年新增3家，加上老客户总共有9家: the total said last holds the part
    if len(done) >= 3 and len(said_total) == 1 and said_total[0] is done[-1] and not _part_of_any(done):
        parts_sum = sum(f.quantity.value for f in done[:-1])
        if all(f.quantity.relation == "eq" for f in done):
            if parts_sum == done[-1].quantity.value:  # 480人次，线上还有60，合计540
                return done[-1].quantity, conf, ""
            # 三场，分别180、150、140人次，合计520 / 示范点2家，示范站2家，一共3家: the figures do not add up
            return None, 0.0, _do_not_add_up(parts_sum, done[-1].quantity, unit)
    additive = any(re.search(r"又|另外|还有|再|加上|此外|另", b.before[-6:]) for b in bounds)
    if (
        len(exact) == 1
        and bounds
        and not additive
        and all(_within(exact[0].quantity.value, b.quantity) for b in bounds)
    ):
        return exact[0].quantity, conf, ""  # 不到两次，去年就搞了一回: the figure inside the bound
    if (why := _cannot_both_hold(done, exact, bounds, additive, rule)) is not None:
        return None, 0.0, why  # 累计200人次，肯定超过300了 / 不到500人次，有620人次吧
    if (either := _one_or_the_other(done, rule)) is not None:
        return either  # 五家吧，也可能是四家: asked across the threshold, a range on one side
    biggest = max(values, key=lambda q: q.value)
    rest = [q.value for q in values if q is not biggest]
    if (
        len(values) > 2
        and (biggest.relation == "eq" or (biggest is done[0].quantity and biggest.relation == "ge"))
        and sum(rest) == biggest.value  # (至少三家，市级一家区级两家是确定的: the bound said first, then its parts)
        and (
            (  # (第一场170人，第二场140人，还有30人 = 340: places and more, not a total and its parts)
                biggest is done[0].quantity
                and not any(re.search(r"第\d+(?:场|次|期|回)$|还有|另外|另有|再", f.before[-6:]) for f in done[1:])
                and not re.fullmatch(  # 免费咨询2次、技术论证1次、解决方案1次: a list of kinds, not a total and its parts
                    r"\S{0,3}?\s*[、和及与]\s*[^,，。;；:：（(\d]*", t[done[0].end : done[1].start]
                )
                and not re.search(r"立了?案|查办|调解|结案|办结", re.split(r"[,，。;；:：、]", done[0].before)[-1])
            )  # 成功协助的案件有两起：一起立案，一起调解 — not 立案2起，查办1起，调解1起
            or (
                biggest is done[-1].quantity
                and re.search(r"(?:一共|总共|共|合计|总计|加起来|合起来|是)[^,，\d]{0,3}$", done[-1].before)
            )
        )
    ):  # 两起（一起调解、一起立案） / 四起：立案二、查办一、调解一 / …，一共三起 — not 立案2起，查办1起，调解1起
        return biggest, conf, ""
    forgot = [f for f in done[1:] if re.search(r"忘了?说|漏(?:说|了|掉)|刚才没说|没说", f.text)]
    if (
        len(done) == 2
        and forgot == done[1:]
        and re.fullmatch(r"\s*(?:是|就|有|应该是|一共|总共)?\s*", done[0].before.split(",")[-1])
        and done[1].quantity.value <= done[0].quantity.value
        and not re.search(r"还有|另外|另有|再|又|加上?|此外", done[1].before[-8:])  # (两起，还有一起忘了说: 3)
    ):  # 三起，有两起调解成功的忘了说: the total first, then the part left out of the old answer
        return done[0].quantity, conf, ""
    succeeded = [f for f in done if SUCCESS.search(f.text)]
    others = [f for f in done if f not in succeeded]
    wins = sum(f.quantity.value for f in succeeded)
    if (
        succeeded
        and len(others) == 1
        and (
            re.search(r"成功|成了|办结|结案|立上|真正|评上|获评|建成", " ".join(f.text for f in succeeded))
            or (  # 报案3次，立案了1次 / 3家申报，评上了2家: the attempts and the part that made it
                re.search(
                    r"报案|报了|报过|报上去|上报|对接|移交|移送|咨询|求助|受理|反映|申报|报名|参评|申请", others[0].text
                )
                and not re.search(r"调解|查办|立案", others[0].text)
            )
        )
        and not any(  # 今年又调解成了一起 / 另外区级示范点也评上了一家: more, not a part
            re.search(r"又|另外|还有|再|加上|此外|另|也(?!就|只|才)", f.before[-8:])
            or re.search(r"(?:^|[,，])\s*(?:另外|此外|还有|另)", f.before)
            for f in succeeded
        )
        and not _other_years(succeeded[0], others[0])  # (今年调解成了两起，去年两起: each year's, not a part)
        and not any(
            re.search(r"忘了?说|漏(?:说|了|掉)|刚才没说|没说", f.text) for f in succeeded
        )  # 三起，有两起…忘了说
        and not re.search(  # 第二批2家 / 之前已经有2家: more
            r"第\d+(?:批|期|次|轮)|后来|之后|然后|又|再|之前|以前|原来|原先|此前|早就|早先|也是",
            others[0].before[-10:],
        )
    ):
        if (
            re.search(r"(?:一共|总共|共)[^,，。\d]{0,6}$", others[0].before)
            or re.search(r"协助|帮|报案|受理|参与", others[0].text)
        ) and others[0].quantity.value < wins:  # 协助过2起，成功了3起 / 成功4起，我们一共只参与过2起
            return (
                None,
                0.0,
                f"成功的（{wins:g}{unit}）比总数（{others[0].quantity.describe(unit)}）还多，请核对后再说一下。",
            )
        if others[0].quantity.value >= wins:  # 协助过三起，成功的两起: a total and its successful part
            done = succeeded
            values = [f.quantity for f in done]
    failed_part: list[Found] = []
    for f in candidates:  # 五起，其中一起没谈成，还有一起没立上: each part that failed, the second may be 还有
        if (
            f not in done
            and NOT_DONE.search(f.text)
            and re.search(r"(?<![还另])有|其中" if not failed_part else r"有|其中|另外|另", f.before[-3:])
            and f.start > done[0].start
        ):
            failed_part.append(f)
    failed_sum = sum(f.quantity.value for f in failed_part)
    if (
        len(done) == 1
        and failed_part
        and unit == "起"
        and not SUCCESS.search(done[0].text)
        and done[0].quantity.value > failed_sum
        and not re.search(r"都(?:已经?)?(?:立了?案|立上|调解成|成功|办结|结案)", t)  # 其中一起还在审理，但都已立案
    ):
        q0 = done[0].quantity  # 三起，有一起最后没成 = 2
        return Quantity(value=q0.value - failed_sum), 0.85, ""
    too_big = [
        f for i, f in enumerate(done) if i and _PART_OF.search(f.before) and f.quantity.value > done[0].quantity.value
    ]
    if too_big and re.search(r"不止|不成问题|至少|起码|以上|不下于?", t):
        q1 = too_big[0].quantity  # 三次肯定不止，光上半年就做了四次: the part is the surer floor
        return Quantity(value=q1.value, relation="ge" if q1.relation == "eq" else q1.relation, upper=q1.upper), 0.85, ""
    if too_big:  # 累计300人次，其中线上就有450: a part bigger than its total
        return None, 0.0, f"其中一部分（{too_big[0].quantity.describe(unit)}）比总数还多，请核对后再说一下。"
    part_of = [  # 有5起，其中2起是今年的: a part of the figure before it, not more of them
        f
        for i, f in enumerate(done)
        if i
        and (_PART_OF.search(f.before) or re.match(r"(?:其中|里面|里头|当中|这里面|这当中)", f.text))
        and f.quantity.value <= done[0].quantity.value
    ]
    for one, nxt in itertools.pairwise(done):  # 其中线上400、线下300: the next item of the same list is a part too
        if (
            one in part_of
            and nxt not in part_of
            and re.fullmatch(r"\s*[、和及与]\s*[^\d,，。;；]{0,4}", t[one.end : nxt.start])
        ):
            part_of.append(nxt)
    parts_named = [f for f in part_of if f.quantity.relation == "eq"]
    if len(parts_named) >= 2 and done[0].quantity.relation == "eq" and len(done) == 1 + len(parts_named):
        parts_sum = sum(f.quantity.value for f in parts_named)
        if parts_sum != done[0].quantity.value:  # 累计600人次，其中线上400、线下300: the parts do not add up
            return None, 0.0, _do_not_add_up(parts_sum, done[0].quantity, unit)
    if unit == "起" and _HAPPENED.search(done[0].text) and not _ASSISTED.search(done[0].text):
        part_of += [  # 园区里发生过4起纠纷，园区出面协助的有2起: the part the park took a hand in
            f
            for f in done[1:]
            if f not in part_of and _ASSISTED.search(f.text) and f.quantity.value <= done[0].quantity.value
        ]
    assisted = [f for f in part_of if _ASSISTED.search(f.text) and not _ASSISTED.search(done[0].text)]
    if unit == "起" and len(assisted) == 1:  # 代理了20多个案子，其中协助市监部门立案查办的是1起: the part asked about
        return assisted[0].quantity, 0.85, ""
    undone_part = [f for f in candidates if f not in done and NOT_DONE.search(f.text) and f.start > done[0].start]
    if part_of and undone_part and all(SUCCESS.search(f.text) for f in part_of):
        return _sum([f.quantity for f in part_of]), 0.85, ""  # 名单上3家，其中2家已授牌，1家还在评审 = 2
    if part_of and len(done) == 1 + len(part_of) and _POPULATION_OF_FIRMS.search(done[0].before):
        return (
            _sum([f.quantity for f in part_of]),
            conf,
            "",
        )  # 园区入驻企业180家，其中示范点2家: the firms are the population
    if part_of:
        done = [f for f in done if f not in part_of]
        values = [f.quantity for f in done]
    if len(done) == 1:
        n_items = _items_each(done[0])
        if n_items >= 2 and done[0].quantity.relation == "eq":  # 3月15日、6月8日、9月20日各做了一次 = 3
            return Quantity(value=n_items * done[0].quantity.value), conf, ""
        return done[0].quantity, conf, ""
    for f in done:  # 2家，2022年和2023年各一家 / 三起，立案、查办、调解各一起: the 各 figure breaks the total down
        n_years = len(re.findall(r"\d{4}年|去年|今年|前年", t))
        n = n_years if n_years >= 2 else _items_each(f)
        if (
            f.before.endswith("各")
            and n >= 2
            and any(
                g is not f
                and g.quantity.value == n * f.quantity.value
                and (g.start < f.start or _SAID_TOTAL.search(g.before))  # the total before its breakdown
                for g in done
            )
        ):
            total = [g for g in done if g is not f]
            if len(total) == 1:
                return total[0].quantity, conf, ""
    if (
        len(done) >= 2
        and _TOTAL_LAST.search(done[-1].before)
        and done[-1].unit in (*UNIT_WORDS.get(unit, (unit,)), "")
        and sum(f.quantity.value for f in done[:-1]) <= done[-1].quantity.value + 0.01
    ):  # 线下约200人次，…两场讲座共180人次，线下累计380人次 / 三百多人次，…签到表加起来是三百多: the total said last
        return done[-1].quantity, 0.85, ""
    if (
        len(done) >= 2
        and _NOW_LEFT.search(done[-1].before)
        and done[-1].unit in (*UNIT_WORDS.get(unit, (unit,)), "")
        and done[-1].quantity.relation == "eq"
        and done[-1].quantity.value > 0
        and not NOT_DONE.search(done[-1].after)  # (到现在还没有一家通过验收: none yet of another step)
    ):  # 其中一家…去年搬出园区了，现在园区内两家: the count as it stands now, said last
        return done[-1].quantity, 0.85, ""
    if len(done) >= 2 and any(_VARIES.search(f.before) for f in done[1:]):
        # 一般两次，忙的时候少查一次 / 两次，有时候会多查一次: the count varies, no figure of the year is said
        return None, 0.0, f"您说的{rule.label}每年不固定。请告诉我过去一年实际是多少{unit}。"
    if (
        len(done) == 2
        and _PART_WITHIN.search(done[1].before)
        and done[1].unit in (*UNIT_WORDS.get(unit, (unit,)), "人", "")
        and done[0].unit in UNIT_WORDS.get(unit, (unit,))
        and done[0].quantity.relation == "eq"
        and done[1].quantity.value < done[0].quantity.value
    ):  # 4起里只有两起是成功的 / 500人次里有200是线上的: a part said inside the figure, never added to it
        inner = done[1]
        inner_said = inner.text + inner.tail
        if NOT_DONE.search(inner_said) or PART_NOT_COUNTED.search(inner_said):
            return Quantity(value=done[0].quantity.value - inner.quantity.value), CONFIRM_BELOW - 0.2, ""
        label_grams = {rule.label[i : i + 2] for i in range(len(rule.label) - 1)} - {"数量", "次数", "年度", "每年"}
        within = _PART_WITHIN.search(inner.before)
        if (
            (within is not None and within["only"])
            or (SUCCESS.search(inner_said) and not re.search(r"没|未|不", inner_said))
            or any(g in inner_said for g in label_grams if re.fullmatch(r"[\u4e00-\u9fff]{2}", g))
        ):  # 4起里只有两起是成功的 / 五家里有两家是示范点: the part that counts, proposed
            return inner.quantity, CONFIRM_BELOW - 0.2, ""
        return (
            None,
            0.0,
            (
                f"您说的{done[0].quantity.describe(unit)}里有{inner.quantity.describe(unit)}是另一类。"
                f"请告诉我{rule.label}是多少{unit}。"
            ),
        )
    parts_of = [
        f
        for f in done[1:]
        if _PART_OF_FIRST.search(f.before)
        and f.unit in (*UNIT_WORDS.get(unit, (unit,)), "人")
        and done[0].unit in UNIT_WORDS.get(unit, (unit,))
        and done[0].quantity.relation == "eq"
        and f.quantity.value < done[0].quantity.value
    ]
    if parts_of and len(parts_of) == len(done) - 1:
        # 300人次，有100人是线上的 / 3次，有1次没做完: a part of the figure said first, never added to it; a part
        # that does not count is taken off, and proposed (the unit may count it)
        off = [f for f in parts_of if NOT_DONE.search(f.text + f.tail) or PART_NOT_COUNTED.search(f.text + f.tail)]
        if off:
            left = done[0].quantity.value - sum(f.quantity.value for f in off)
            return Quantity(value=left), CONFIRM_BELOW - 0.2, ""
        return done[0].quantity, 0.85, ""
    values = []
    for f in done:  # 协助立案、协助查办各一起，调解成功两起: the 各 figure once for each item named
        n_items = _items_each(f)
        each = n_items >= 2 and f.quantity.relation == "eq"
        values.append(Quantity(value=n_items * f.quantity.value) if each else f.quantity)
    separate = len({f.clause for f in done}) == len(done)
    years = len({m.group(0) for m in re.finditer(r"去年|今年|前年|明年|\d{4}年", t)}) > 1
    if (
        len(set(values)) == 1
        and not separate
        and not re.search(r"[上下]半年|季度|线上|线下|[上下]旬|月份|\+|加上|以及|还有|另外", t)
        and not (years and (isinstance(rule, PerCountRule) or unit == "家"))  # 去年一起今年一起: cases of two years
        and not _KINDS_EACH.search(t)  # 一家市级一家区级: one of each kind, two
    ):
        return values[0], conf, ""  # (上半年250人次下半年250人次: two counts with words of their own)
    ranged = [q for q in values if q.relation == "range" and q.upper is not None]
    if (
        len(ranged) == 1
        and all(ranged[0].value - 1 <= q.value <= (ranged[0].upper or q.value) for q in values if q is not ranged[0])
        and not re.search(r"[上下]半年|季度|线上|线下|\+|加上|以及|还有|另外|另有|又|再|分别|各", t)
        and not re.search(r"准确|确切|具体|实际|其实|应该是|也就是|即", t)
    ):  # 一两次吧，有时候一年就查一次: a range and a figure inside it that says how it varies — never a sum
        listed = "、".join(f.quantity.describe(f.unit) for f in done)
        return None, 0.0, f"你提到了几个数字（{listed}），请告诉我{rule.label}一共是多少{unit}。"
    if unit in ("人次", "家", "起") or (unit == "次" and not years and (separate or _ENUMERATED.search(t))):
        return _sum(values), 0.85, ""  # 区级2家市级1家 / 线下120人，线上400多 / 免费咨询5场，技术论证1次
    listed = "、".join(f.quantity.describe(f.unit) for f in done)
    return None, 0.0, f"你提到了几个数字（{listed}），请告诉我{rule.label}一共是多少{unit}。"


# figures that do not count: outside the park, paid, moved out, someone else's (其中1起是园区外的企业)
# a case that is not a trade-secret case, or not of this park: not counted for the 协助查办 bonus items
_NOT_OURS = re.compile(
    r"专利|商标|劳动|著作权|版权|合同纠纷|债务|不在本?园区|隔壁园区|园区外|区外|外区|别的园区|另一个园区|其他园区"
)
_OWN_CASE = re.compile(r"(?:自己|本身|我们|协会|管委会|园区)(?:作为|是)(?:受害|被害|被侵权)|受害方|被害方|自己被侵权")
_TRADE_SECRET = re.compile(r"商秘|商业秘密|秘密|泄密|保密|图纸|配方|客户名单|技术资料|工艺")
_EXCLUDED = re.compile(
    r"园区外|区外|外地|外省|外区|不在本?园区|隔壁园区|别的园区|其他园区|收费|有偿|付费|搬出|搬走|迁出|迁走|关联公司|不算|没参与|不是我们|自己去办|自己办的|还没开始|没开始|在谈|取消"
)
# a part that is not the kind of thing the criterion counts: another subject, another organiser, paid
_OFF_TOPIC = re.compile(
    r"(?:跟|与|和)?(?:商秘|商业秘密|保密)(?:这块)?(?:不沾边|没(?:啥|什么)?关系|无关|不相关|不搭界|不挨边)|"
    r"不(?:涉及|是|属于|是讲|是关于)(?:商秘|商业秘密|保密)|(?:讲|主题是|内容是|是讲)(?:的)?(?:是)?(?:安全生产|消防|财税|劳动|商标|专利|反诈)|"
    r"问(?:的是)?劳动|劳动仲裁|财务审计|安全生产|客户来验厂|(?:最高|峰值)?同时在线|在线峰值|最高在线|去听|旁听|不是我们(?:自己)?(?:办|组织|搞|做|查)的|"
    r"是(?:他们|人家|对方|市监局|市场监管(?:所|局)|区里|上级)(?:自己)?(?:派人)?(?:来|组织|办|搞|查)的|"
    r"(?:市监局|市场监管(?:所|局)|监管部门|上级|区里)[^,，。\d]{0,4}?(?:来|下来)(?:检查|指导|查|抽查|督查)|"
    r"(?:集团|总部|母公司|上级单位|客户|第三方|认证机构)[^,，。\d]{0,3}?(?:审计|来查|来检查|来审|过来查|抽查|验厂)|"
    r"知识产权(?:示范|优势)(?:企业|单位)|专利示范|"
    r"另一个园区|别的园区|隔壁园区|园区外|才验收|还没验收|没验收|"
    r"自己(?:找|请)(?:的)?(?:外面的?)?律(?:师|所)|自己走了?的?(?:诉讼|司法|法律)|自己(?:起诉|打官司|报的案)|"
    r"(?:园区|我们|协会|站里)(?:都|也|并)?没(?:有)?(?:参与|介入|出面)|跟我们没(?:啥|什么)?关系|私下(?:和解|解决|调解)|私了|没用上我们|"
    r"事后才?知道|不知情|"
    r"(?:都|全|纯粹|只)?是(?:做|搞|办)?(?:的)?(?:财税|商标|专利|劳动|工商|记账|税务|安全生产|消防)(?:业务|代理|咨询|方面|的)"
)
_PAID_PART = re.compile(r"收了?(?:服务)?费|收了钱|付费的|有偿的")  # not counted among free services (次) only


_PEOPLE = re.compile(r"^(?:多|余)?\s*(?:名|个)?(?:人|员工|职工|工人|名员工)")
_REACHED = re.compile(r"参加|参与|听|覆盖|来过|到过|受众|看过")


def _share_of_population(found: list[Found]) -> Quantity | None:
    """A population and the share of it reached, and no other figure: 员工2000多人，一半以上都听过 = over 1000."""
    if len(found) != 2:
        return None
    people, share = found
    if not (_PEOPLE.match(people.after) or re.search(r"员工|职工|人数", people.before[-6:])) or share.unit != "%":
        return None
    if not _REACHED.search(share.text + share.tail):
        return None
    p, q = people.quantity, share.quantity
    value = round(p.value * q.value / 100, 2)
    kinds = {p.relation, q.relation}
    if kinds <= {"eq"}:
        return Quantity(value=value)
    if kinds <= {"eq", "gt", "ge"}:
        return Quantity(value=value, relation="ge")  # both at least what they say: the product is a floor
    if kinds <= {"eq", "about"}:
        return Quantity(value=value, relation="about")
    return Quantity(value=value, relation="about") if "about" in kinds else None


_CASES_TOLD = re.compile(r"^[^:：\d]{0,12}?(\d+)\s*(?:起|件|宗|个案子|个案件)[^:：\d]{0,6}[:：]")
_ONE_CASE = re.compile(r"(?:^|[^\d])(?:1|那|这|另|另外1)\s*(?:起|件|宗|个案子)")
_ONLY_ASKED = re.compile(r"只是?(?:来)?(?:咨询|问|了解)|仅(?:仅)?(?:是)?咨询|咨询了一下|问了一下")


def _case_by_case(t: str) -> Quantity | None:
    """两起：博远那起调解成功了，申达那起还在等立案 / 三起：一起立案，一起调解成功，还有一起只是来咨询: a total
    told case by case is the cases that made it, when every case of the total is told."""
    head = _CASES_TOLD.match(t)
    if head is None:
        return None
    told = [x for x in re.split(r"[,，;；。、\n]", t[head.end() :]) if _ONE_CASE.search(x)]
    if len(told) != int(head.group(1)) or len(told) < 2:
        return None
    counted = [x for x in told if not (NOT_DONE.search(x) or _ONLY_ASKED.search(x) or _off_topic(x, "起"))]
    return Quantity(value=len(counted))


def others_figures(t: str, unit: str) -> bool:
    """集团审计每年也会来一次，那个跟我们自己的检查不是一回事: every figure said is someone else's or of something
    the criterion does not count, and the unit says nothing of its own (自己没组织过 = 0 is read as such)."""
    parts = clauses(t)
    figured = [(parts[i - 1] if i else "", x) for i, x in enumerate(parts) if numbers(x)]
    return (
        bool(figured)
        and all(
            _off_topic(x, unit)
            or (  # 不过前年做得多，有六次: a yearly figure of another year
                unit in ("次", "人次")
                and _ANOTHER_YEAR.search(before + x) is not None
                and not re.search(r"去年|今年|本年|当年|最近|近(?:1|一)年|(?:这|1|一)年", x)
            )
            for before, x in figured
        )
        and not _OWN_NONE.search(t)
        and not re.search(r"自己[^,，。;；]{0,14}(?:没|未|从未|从没)", t)  # (自己没对外提供过: none of its own, = 0)
        and not re.search(
            r"\d\s*(?:次|场|回|人次|人)?\s*(?:里|里面|当中|之中|中)(?:有|的)", t
        )  # (三次里有一次是验厂: a part)
        and not re.search(
            r"不算的?话?|不计|除去|除了|去掉|扣掉|刨掉|刨去|剩下|剩余|以外|之外", t
        )  # (收费的不算的话只有2次)
    )


_SEVERAL_YEARS_TOTAL = re.compile(
    r"(?:(?<![\d.])(?:2|3|4|5)|几|好几|两)\s*(?:个)?(?:年度|年)(?:的)?(?:加(?:在)?起来|合计|累计|一共|总共|总和|相加|合起来)|"
    r"(?:加起来|合计|累计|合起来)(?:的)?(?:是)?(?:2|3|两)\s*(?:个)?(?:年度|年)"
)
_ANOTHER_YEAR = re.compile(r"前年|大前年|往年|早些年|前几年|前些年")


def _off_topic(text: str, unit: str) -> bool:
    """Whether a figure's words put it outside what the criterion counts (paid only for free services)."""
    return bool(
        _OFF_TOPIC.search(text)
        or (unit == "次" and _PAID_PART.search(text))
        or (
            unit in ("次", "人次") and _FROM_ANOTHER_YEAR.search(text)
        )  # 另外两次是前年的: a yearly figure, not this year's
    )


_FROM_ANOTHER_YEAR = re.compile(
    r"(?:是|算|属于)(?:前年|大前年|往年|以前|早些年|前几年|\d{4}年)[^,，。\d]{0,4}?(?:的|做的|办的|搞的|那会)"
)


_OWN_NONE = re.compile(
    r"(?:我们|我司|公司|单位|园区|协会|咱们)?自己(?:1次(?:都|也))?(?:还|从来|从|倒是|都|也)?(?:没|没有|未)(?:有)?(?:单独|专门)?"
    r"(?:组织|搞|做|查|开展|办|弄|安排)"
)
# what a bare figure counts when it names the thing done (俩技术论证 / 三个咨询方案)
_ACTIVITY_NOUN = re.compile(r"(?:个|份)?(?:技术)?(?:论证|咨询|解决方案|方案|检查|自查|排查|讲座|宣讲|沙龙)")
_PLAN_CLAUSE = re.compile(
    r"计划|本来|本想|原定|原计划|原本|打算|预计|目标|预定|争取|准备(?!了)|按理|照理|按说|理论上|安排是|按规定|按要求"
)
_ACTUAL_CLAUSE = re.compile(r"实际|结果|最后|最终|只|才|就|但")


_CANCELLED = re.compile(
    r"(?:取消|停办|停掉|没办成|黄)了?(?:其中)?(\d+)\s*(场|次|期|回)|(\d+)\s*(场|次|期|回)(?:被|因为?[^,，。]{0,10})?(?:临时)?(?:取消|停办|没办成|黄)了?"
)


_POINTED_BACK = re.compile(r"(?<=[这那])(?:些)?\s*(\d+)\s*(起|次|场|家|个|件|人次|人)")


_AMONG_THEM = re.compile(
    r"(?:这|那)(?:些)?\s*\d+\s*(?:家|起|个|次|场)(?:企业|公司|客户|会员|单位)?(?:里|里面|里头|中|当中|之中)(?:的|有)?"
)


def _pointed_back(t: str) -> str:
    """协助了3起，这3起都是商秘案件 / 可那2起都是商标: 这 / 那 with the figure said before points back to it."""

    def back(m: re.Match[str]) -> str:
        if re.search(r"(?:另外|另|其余|其他|剩下|别)的?[这那]$", t[: m.start()]):
            return m.group(0)  # 另外那3次: the others, not the same ones
        if re.search(r"(?:之前|刚才|刚刚|前面|原来|上次|先前)(?:说|讲|报|填|提|答)(?:过)?的?[这那]$", t[: m.start()]):
            return ""  # 零起，之前说的那两起都是企业自己处理的: the old figure named, no new count
        if float(m.group(1)) < 2:  # 成功的就之前那一起: "that one" may well be another one — but
            first = re.search(r"头\s*1\s*[回次遭]", t[: m.start()])  # 头一回搞内部检查，就查了这一次: the same one
            return "" if first else m.group(0)
        earlier = re.findall(rf"(?<![\d.第]){m.group(1)}\s*{m.group(2)}", t[: m.start() - 1])
        return "" if earlier else m.group(0)

    t = _AMONG_THEM.sub("其中", t)  # 又给这4家里的2家做过培训: a part of the ones said, not more of them
    return _POINTED_BACK.sub(back, t)


def _less_cancelled(t: str) -> str:
    """原计划四场，取消了一场 = 3 / 原计划四场，取消了一场，办成的三场每场一百人: what was held."""
    parts = [p for p in re.split(r"(?<=[,，。;；])", t) if p]
    cancel = [(i, m) for i, p in enumerate(parts) if (m := _CANCELLED.search(p))]
    plan = [
        (i, m) for i, p in enumerate(parts) if _PLAN_CLAUSE.search(p) and (m := re.search(r"(\d+)\s*(场|次|期|回)", p))
    ]
    if len(cancel) != 1 or len(plan) != 1 or cancel[0][0] == plan[0][0]:
        return t
    (ci, cm), (pi, pm) = cancel[0], plan[0]
    n, unit = float(pm.group(1)), pm.group(2)
    gone = float(cm.group(1) or cm.group(3))
    if gone > n:
        return t
    held = [p for i, p in enumerate(parts) if i not in (ci, pi) and re.search(r"\d+\s*(?:场|次|期|回)", p)]
    rest = "".join(p for i, p in enumerate(parts) if i not in (ci, pi))
    return rest if held else f"办了{n - gone:g}{unit}，" + rest


_TAKEN_OFF = re.compile(
    r"(?<!已)(?<!已经)(?<!都)(?<!不用)(?<!不需要)(?:扣掉|减掉|去掉|扣除|刨掉|刨去|刨除|减去|剔除|除去|去除|去重)"
)
_LEFT_SAID = re.compile(
    r"(?:就剩|只剩|还剩|剩下的?(?:是|有|就)?|剩余|的话(?:[^,，。;；\d]{0,8}?(?:查了|做了|办了|搞了|是|有))?|去重(?:后|以后|之后)?|就|就是)\s*$"
)  # 不算那次的话我们自己查了两次
_PART_NAMED = re.compile(
    r"其中|里面|里头|有\d|不算|重复|收费|外面|园区外|外地|搬|迁|撤|注销|非会员|不是会员|同一批|去掉|扣"
)


def _said_left(t: str, unit: str) -> Quantity | None:
    """3起，其中1起是园区外面的企业，园区内的就2起 / 获评过4家，有1家搬走了，不算它的话3家: a total, a part
    named that does not count, and the figure said for what is left — that figure is the count."""
    units = UNIT_WORDS.get(unit, (unit,))
    found = [f for f in numbers(t) if f.unit in units or not f.unit]
    if len(found) < 2:
        return None
    first, last = found[0], found[-1]
    if (
        not _LEFT_SAID.search(last.before)
        or last.quantity.relation not in ("eq", "about")  # (不算的话四百左右: about what is left)
        or first.quantity.value <= last.quantity.value
        or re.match(r"(?:另外|还有|此外|再|加上|线上|线下)", last.text)
        or not _PART_NAMED.search(t[first.end : last.start])
    ):
        return None
    return last.quantity


_ALREADY_OFF = re.compile(  # 470人次（已扣除重复的40人次）: the figure said is already net of that part
    r"[(（]?(?:已经?|都)(?:扣掉|减掉|去掉|扣除|刨掉|刨去|刨除|减去|剔除|除去|去除)了?[^,，。;；\d()（）]{0,12}?\d+\s*(?:人次|人|次|场|家|起)[)）]?"
)
_RESULT_BEFORE = re.compile(
    r"(?:是|就是|就|还有|还剩|剩下?|剩余|=|为|实际|净|后|以后|之后|的话|去重|只有|才|一共|总共)(?P<filler>[^,，。;；\d]{0,3})$"
)


def _less_taken_off(t: str, unit: str) -> tuple[str, str]:
    """一共470人次，扣掉重复的40，是430 / 470人次，减掉重复统计的40人次 = 430 / 扣掉一场重复的40人次，是430:
    a part taken off is no more of the count; a figure said for what is left is the count. A part taken off
    with nothing to take it from (去掉员工那部分70人次) is asked again, never recorded as the count."""
    t = _ALREADY_OFF.sub("", t)
    m = _TAKEN_OFF.search(t)
    if m is None or _TAKEN_OFF.search(t, m.end()):
        return t, ""
    units = UNIT_WORDS.get(unit, (unit,))
    found = [f for f in numbers(t) if f.unit in units or not f.unit]
    before = [f for f in found if f.end <= m.start()]
    later = [f for f in found if f.start >= m.end()]
    if not later:
        return t, ""  # 扣掉重复的以后，470人次 has its figure before; 去重后470 is read as said

    def clause(i: int) -> int:  # a list (2起撤诉、1起没立案) is one clause
        return len(re.findall(r"[,;:!?，。；：！？\n]", t[:i]))

    left = next((f for f in later if _RESULT_BEFORE.search(f.before)), None)  # 剩下2次 / 是430 / 以后还有430
    if left is None:
        left = next((f for f in later if clause(f.start) > clause(m.end())), None)  # 扣掉重复的，430人次
    gone = [f for f in later if left is None or f.start < left.start]
    if left is not None and gone and len(before) == 1 and before[0].quantity.relation == "eq":
        worked = before[0].quantity.value - sum(f.quantity.value for f in gone)
        if abs(worked - left.quantity.value) > 0.01 and left.quantity.relation == "eq":
            return t, (
                f"您说的数前后对不上（{before[0].quantity.describe(unit)}减去"
                f"{'、'.join(f.quantity.describe(unit) for f in gone)}不是{left.quantity.describe(unit)}），"
                f"请告诉我扣掉之后一共是多少{unit}。"
            )
    if left is not None:  # from the figure said for what is left (the clause may hold the part taken off too)
        said = t[left.start : left.end]  # (numbers() may have rewritten the text: 三成 -> 30%)
        told = _RESULT_BEFORE.search(left.before)
        start = left.start - len(told.group("filler")) if told else left.start  # (就不到300: its qualifier kept)
        return (t[start:] if f"{left.quantity.value:g}" in said else left.quantity.describe(unit)), ""
    off = sum(f.quantity.value for f in gone)
    if len(before) == 1 and before[0].quantity.value > off:
        return f"{before[0].quantity.value - off:g}{unit}", ""  # 一共经手5起，去掉还在办的2起 = 3
    if not before:
        return t, f"您说要扣掉{gone[0].quantity.describe(unit)}，请告诉我扣掉之后一共是多少{unit}。"
    return t, ""


def _without_plans(t: str) -> str:
    """计划上下半年各一次，实际只做了上半年那次 / 一千是年初定的目标，实际做到了720: the plan is not the count."""
    parts = re.split(r"(?<=[,，。;；])", t)
    future = [
        p
        for p in parts
        if (re.search(r"明年|下一年|后年|今后|下一步", p) and _PLAN_CLAUSE.search(p))
        or (re.search(r"争取|力争|冲刺|希望|目标", p) and not re.search(r"已|了|过|实际|达到|做到", p))
    ]  # 近五百人次，今年争取破千: a target of the year, no count of it
    if future and len(future) < len(parts):
        parts = [p for p in parts if p not in future]  # 今年280人次，明年目标1000: next year's target is no count
        t = "".join(parts)
    plans = [p for p in parts if _PLAN_CLAUSE.search(p) and not _ACTUAL_CLAUSE.search(p)]
    actual = [
        p
        for p in parts
        if p not in plans and _ACTUAL_CLAUSE.search(p) and (re.search(r"\d", p) or re.search(r"实际|结果|最后|最终", p))
    ]
    done = [
        p
        for p in parts
        if (
            (re.search(r"已|了|过", p) and re.search(r"\d", p)) or re.search(r"完成|做完|办完|达成|实现|做到|都做了", p)
        )
        and not _PLAN_CLAUSE.search(p)
    ]
    if plans and not actual and not done and all(_PLAN_CLAUSE.search(p) or not re.search(r"\d", p) for p in parts):
        return "".join(p for p in parts if p not in plans)  # 计划下半年办个讲座，争取来300人: only a target
    if not plans or not actual:
        return t
    return "".join(p for p in parts if p not in plans)


_SAID_TOTAL = re.compile(
    r"(?:(?:合计|一共|总共|共计|总计|加起来|合起来|加一起|累计|=|总的(?:来说|算下来)?(?:就)?|(?<!\d)全年(?:下来)?(?:一共|总共|共|累计|合计)?)(?:已经|已)?(?:是|有|就是|达到)?|"
    r"(?:现在|目前|至今)(?:一共|总共|累计)?(?:已经|已)?(?:是|有|就是|达到)?|"
    r"(?:那|那么|所以|这样|这么算|算下来)(?:就|一共|总共|加起来)?(?:是|有)|那就)\s*$"
)  # 又成功协助了一起，现在是三起: the total now / 多了30人，那就是520 / 12月又补了一次，所以是2次


# 都是收费项目 / 园区没有参与: the figure before does not count at all
_ALL_OFF_TOPIC = re.compile(
    r"^[^。;；\d]{0,12}?(?:都|全|均)(?:是|属于)?[^,，。;；\d]{0,4}?(?:商标|专利|著作权|版权|劳动|合同纠纷)|"
    r"^[^。;；\d]{0,12}?(?:都|全|均)(?:不涉及|不是|无关|与商秘无关|跟商秘没关系)(?:商秘|商业秘密)?"
)
_ALL_EXCLUDED = re.compile(r"(?:^|[,，。;；])[^,，。;；\d]{0,5}?(?:并|都|也)?(?:没有?|未|不曾)(?:参与|介入|插手|出面)")
_ALL_PAID = re.compile(r"^[^,，。;；\d]*[,，。;；]?[^,，。;；\d]{0,6}?(?:都|全)(?:是|属于)?(?:收费|有偿|付费|收了?钱)")
# whose figure: 我们自己 / 以示范站名义 against 隔壁公司 / 总会 / 区里 / 全市
_OWN = re.compile(
    r"我们自己|我们这个站|我们站|本站|站里自己|本园区|我们园区|园区自己|自己组织|以[^,，。]{0,6}名义|我们公司自己|我们自家"
)
_OTHERS = re.compile(
    r"隔壁|兄弟(?:公司|单位|园区)|总会|区局|全区|区里|市里|全市|别的(?:园区|单位|企业|公司|站)|"
    r"其他(?:园区|单位|企业|公司|站)|同行|人家|集团总部|代理过?的"
)


_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万](?:[^,，。;；]{0,2})(?:家|次|起|场|人|个|回|期)|上万|上千|上百")


_U = r"(?:人次|次|家|场|起|个|回|期|件|类|种)"
_SHORT_OF = re.compile(  # 差一次才够两次 / 还缺一家就到3家 / 离3家还差1家: the count is the difference
    rf"(?:还|就|只)?(?:差|缺|少)了?(\d+)\s*({_U})?\s*(?:就|才|便)?(?:能|可以)?(?:够|到|满|达到|达|凑够|凑齐|是|有)?了?(\d+)\s*({_U})"
    rf"|离(\d+)\s*({_U})\s*(?:还|就)?(?:差|缺)(\d+)\s*({_U})?"
)
_BAR_NAMED = re.compile(  # 服务对象就4家，够不上5家: the standard's figure, not the unit's
    rf"(?:够不上|够不到|达不到|没达到|凑不够|不满足|低于标准的?|标准(?:是|要求)?|要求(?:是|的)?|门槛(?:是)?)\s*(\d+)\s*{_U}"
)
_CONTEXT_TOTAL = re.compile(
    r"(\d+)\s*(?P<about>多|余|来)?\s*家(?P<what>企业|会员|单位|公司)?(?:里|中|当中|之中|里面|里头)(?![^,，。]*?(?:没|无))"
)


def _counted_figures(t: str) -> str:
    """Figures that are not the count said around it: a gap (差一次才够两次 = 1), the standard's figure
    (够不上5家) or the population a count is drawn from (园区200多家企业里，示范点有2家)."""

    def gap(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            short, full, unit = float(m.group(1)), float(m.group(3)), m.group(4)
        else:
            full, short, unit = float(m.group(5)), float(m.group(7)), m.group(6)
        if full <= short:
            return m.group(0)
        rest = t[: m.start()] + t[m.end() :]
        if any(f.quantity.value == full - short for f in numbers(rest)):
            return ""  # 差一次才够两次，目前一年就查一回: the same count said again
        return f"{full - short:g}{unit}"

    t = _SHORT_OF.sub(gap, t)
    if len(numbers(t)) > 1:
        bar = _BAR_NAMED.search(t)
        if bar:
            t = t[: bar.start()] + t[bar.end() :]
        ctx = _CONTEXT_TOTAL.search(t)
        if (
            ctx
            and numbers(t[ctx.end() :])
            and (ctx["about"] or ctx["what"] or float(ctx.group(1)) >= 20)  # (3家里有1家还在培育: a part of the 3)
        ):
            t = t[: ctx.start()] + t[ctx.end() :]
    return t


_GONE = re.compile(
    r"(?P<n>\d+)\s*(?P<u>家|个|起)(?P<mid>[^。;；]{0,16}?)其中(?:有)?\s*(?P<m>\d+)\s*(?:家|个|起)?"
    r"(?P<why>[^。;；,，]{0,16}?(?:迁走|迁去|迁出|搬走|搬去|搬离|摘牌|被撤|撤销|撤牌|取消|不在|注销|退出|倒闭|关门|不合格|被摘|撤诉))"
)


def _without_gone(t: str) -> str:
    """原来有3家示范点，其中一家去年迁去青浦了 = 2: what left is no longer counted."""
    m = _GONE.search(t)
    if m is None or int(m.group("m")) > int(m.group("n")):
        return t
    left = int(m.group("n")) - int(m.group("m"))
    return t[: m.start()] + f"{left}{m.group('u')}{m.group('mid')}" + t[m.end() :]


def _own_figures(t: str) -> str:
    """隔壁兄弟公司一年查三次，我们自己是一次 / 区里一共评了12家，我们园区占2家: another unit's figure is
    left out when the unit's own is said beside it."""
    parts = [p for p in re.split(r"(?<=[,，。;；])", t) if p]
    own = [p for p in parts if _OWN.search(p) and _FIGURE.search(p)]
    theirs = [p for p in parts if _OTHERS.search(p) and not _OWN.search(p) and _FIGURE.search(p)]
    if not own or not theirs:
        return t
    return "".join(p for p in parts if p not in theirs)


_SERVICE_PAPER = re.compile(r"^份?[^,，。;；\d]{0,8}?(?:方案|报告|意见书?|论证|建议书)")


def _each_firm(f: Found) -> Found:
    """帮两家企业各出了一份方案 = 2: a paper for each of the firms named just before it."""
    m = re.search(r"(\d+)\s*家(?:企业|公司|会员|单位)?[^,，。;；\d]{0,3}各[^,，。;；\d]{0,4}$", f.before)
    if m is None or f.quantity.relation != "eq":
        return f
    return replace(f, quantity=Quantity(value=f.quantity.value * float(m.group(1))))


def _per_firm(found: list[Found]) -> Quantity | None:
    """给6家企业分别上门做了免费咨询 / 二十多家企业来咨询过，每家算一次: one service for each firm named."""
    paid = [f for f in found if f.unit in ("家", "家企业", "户") and re.search(r"收费|有偿|付费|收了?钱", f.text)]
    found = [f for f in found if f not in paid]  # 另外收费做了4家: clients, not free services
    firms = [f for f in found if f.unit in ("家", "家企业", "户")]
    if len(firms) != 1:
        return None
    rate = [
        f
        for f in found
        if re.search(
            r"每(?:家|户)(?:企业)?(?:算|各|都|做了?|给)?$|(?:家|户)(?:企业|公司|会员)?[^,，。\d]{0,2}各[^,，。\d]{0,4}$",
            f.before,
        )
    ]  # 给五家企业各做了一次免费体检
    others = [f for f in found if f is not firms[0] and f not in rate]
    if others:
        return None
    if rate and rate[0].quantity.relation == "eq":
        return Quantity(
            value=firms[0].quantity.value * rate[0].quantity.value,
            relation=firms[0].quantity.relation,
            upper=None if firms[0].quantity.upper is None else firms[0].quantity.upper * rate[0].quantity.value,
        )
    if not rate and re.search(r"^[^,，。;；]{0,10}?(?:分别|挨个|逐一|逐个|一家一家|一家家)", firms[0].tail):
        return firms[0].quantity
    return None


def _cannot_both_hold(
    done: list[Found], exact: list[Found], bounds: list[Found], additive: bool, rule: ThresholdRule | PerCountRule
) -> str | None:
    """The same total said two ways that cannot both hold (累计200人次，肯定超过300了 / 不到500人次，有620人次吧):
    ask which, never pick one."""
    unit = rule.unit
    if (
        len(done) == 2
        and len(exact) == 1
        and len(bounds) == 1
        and not additive
        and not any(
            _MORE.search(f.before[-6:])
            or _PART_OF.search(f.before)
            or re.match(r"\s*(?:光是?|单单?|单是|仅仅|其中)", f.text)
            for f in done
        )  # 三百以上，光知识产权日那场就来了两百多人: a part of the total
        and _restates(bounds[0])
        and not _within(exact[0].quantity.value, bounds[0].quantity)
    ):
        said = f"“{exact[0].quantity.describe(unit)}”和“{bounds[0].quantity.describe(unit)}”"
        return f"{said}对不上，请告诉我{rule.label}到底是多少{unit}。"
    return None


def _one_or_the_other(
    done: list[Found], rule: ThresholdRule | PerCountRule
) -> tuple[Quantity | None, float, str] | None:
    """五家吧，也可能是四家: asked again when the two fall on either side of the threshold; on one side
    (4家，也可能是5家) a range, counted at its lower bound."""
    if len(done) != 2 or not isinstance(rule, ThresholdRule) or not _EITHER.search(done[1].before):
        return None
    low, high = sorted(f.quantity.value for f in done)
    if Quantity(value=low).meets(rule.minimum, rule.strict) != Quantity(value=high).meets(rule.minimum, rule.strict):
        return None, 0.0, f"是{low:g}{rule.unit}还是{high:g}{rule.unit}？这关系到能不能达标，请核对后告诉我一个数。"
    return Quantity(value=low, relation="range", upper=high), 0.85, ""


_EITHER = re.compile(r"(?:也|或)(?:可能|许)(?:是|有)?$|或者(?:是)?$|要么(?:是)?$|还是$")
_ADVERBS = re.compile(
    r"肯定|反正|总共|一共|总之|绝对|应该|大概|估计|其实|总的|全年|一年|就|也|都|是|有|了|已经|至少|起码|吧|"
    r"超过|不到|不足|将近|接近|近|差不多|低于|高于|达到|突破|过|少于|多于|不少于|不止|还|\s"
)


def _restates(f: Found) -> bool:
    """肯定超过300了 / 有620人次吧: a figure with nothing of its own before it in its clause — the total again."""
    prefix = re.split(r"[,，。;；:：]", f.before)[-1]
    return not _ADVERBS.sub("", prefix).strip()


_TOTAL_LIKE = re.compile(
    r"(?:一共|总共|累计|合计|共计|总计|次数是|数量是|数是|总数是?)[^,，\d]{0,3}$|^[^\u4e00-\u9fff]*$"
)
_STATED_FIRST = re.compile(r"\s*(?:不对|更正|其实|应该|实际上?|那|就)*(?:是|为)\s*")
_BREAKDOWN = re.compile(r"明细|分别|也就是|就是|包括|具体是|具体|[:：（(]")
_MORE = re.compile(r"又|另外|还有|再|加上|此外|另")


def _breakdown_mismatch(done: list[Found], unit: str) -> str | None:
    """A total said first and its breakdown after it that does not add up: ask, never pick one.

    总共5次，明细是免费咨询1次和技术论证1次 / 一共4起，也就是立案1起、调解1起 / 3家，市级1家、区级1家 —
    not 立案3起，查办1起，调解1起 (the first figure is an item of its own)."""
    if len(done) < 3 or not all(f.quantity.relation == "eq" for f in done):
        return None
    first, parts = done[0], done[1:]
    prefix = re.split(r"[,，。;；:：、]", first.before)[-1]
    stated = bool(_STATED_FIRST.fullmatch(prefix))  # 是两家，一家市级、两家区级: said as the figure, then broken down
    if _SAID_TOTAL.search(parts[-1].before) or (
        first.quantity.value <= max(f.quantity.value for f in parts) and not stated
    ):
        return None  # 一次专项检查加一次全面检查，一共两次: the total comes last
    between = first.tail
    if re.fullmatch(r"[\s、,，+/和及与]*|(?:人次|人|次|场|家|起)?[\s、+/和及与]+", between):
        return None  # 120、95、60人次 / 120+100+95: a list of figures, not a total and its parts
    complete = re.search(
        r"就这些|没别的|没有别的|就这几|就这么多|其他没了", done[-1].tail
    )  # the breakdown is all of it
    if not (_TOTAL_LIKE.search(prefix) or _BREAKDOWN.search(between[:12]) or complete or stated):
        return None
    if any(_MORE.search(f.before[-6:]) or _PART_OF.search(f.before) for f in parts):
        return None
    parts_sum = sum(f.quantity.value for f in parts)
    if parts_sum == first.quantity.value:
        return None
    return _do_not_add_up(parts_sum, first.quantity, unit)


def _do_not_add_up(parts_sum: float, total: Quantity, unit: str) -> str:
    return f"分开说的加起来是{parts_sum:g}{unit}，和“{total.describe(unit)}”对不上，请核对后告诉我一共是多少{unit}。"


def _items_each(f: Found) -> int:
    """How many items a figure's 各 spreads over (立案、查办、调解各一起 = 3); 0 without 各."""
    each = re.search(r"各[^,，。;；:：\d各]{0,4}$", f.before)  # 各一起 / 各协助了1起
    if each is None:
        return 0
    head = re.split(r"[,，。;；:：]", f.before[: each.start()])[-1]
    return len([p for p in re.split(r"、|和|及|与|跟|以及", head) if p.strip()])


def _said_after(f: Found, found: list[Found], candidates: list[Found]) -> str:
    """What is said after a figure up to the next figure of the same kind (other figures in between kept)."""
    out = f.tail
    for g in found:
        if g.start <= f.start:
            continue
        if g in candidates:
            break
        out += g.tail
    parts = re.split(r"[,，。;；、]", out)  # its own clause, and later ones that point back (这两家不算); not the
    return "，".join([parts[0], *(p for p in parts[1:] if re.match(r"\s*(?:这|那)", p))])  # next one's words


def _part_of_any(done: list[Found]) -> bool:
    """其中 / 里面: a part said of a figure before it, not a figure of its own."""
    return any(_PART_OF.search(f.before) for f in done)


_YEAR_TAG = re.compile(r"大前年|再往前一?年|前年|去年|上一?年度?|今年|本年度?|往年|以前|之前|前几年|(?:19|20)\d\d年")
_RELATIVE_YEAR = {
    "大前年": -3,
    "前年": -2,
    "去年": -1,
    "今年": 0,
    "本年": 0,
    "本年度": 0,
    "往年": -5,
    "以前": -5,
    "之前": -5,
    "前几年": -5,
    "上年": -1,
    "上一年": -1,
    "上年度": -1,
    "上一年度": -1,
    "再往前年": -2,
    "再往前一年": -2,
}


def _latest_year(done: list[Found], t: str) -> Found | None:
    """Figures each said of its own year (前年620，去年490 / 2022年4次，2023年3次): the latest year's (this
    year's is proposed, not recorded: some mean both years, some a year not over yet)."""
    tagged: dict[int, Found] = {}
    for f in done:
        tags = {m.group(0) for m in _YEAR_TAG.finditer(f.text)}
        if not tags:  # 往年三百多，今年好一点，四百一二: the year said since the figure before
            own = t[max((g.end for g in done if g.end <= f.start), default=0) : f.start]
            tags = {m.group(0) for m in _YEAR_TAG.finditer(own)}
        if len(tags) != 1:
            return None
        tag = tags.pop()
        year = int(tag[:4]) if tag[0].isdigit() else 10000 + _RELATIVE_YEAR[tag]
        if year in tagged:
            return None
        tagged[year] = f
    if len(tagged) < 2 or len({y > 5000 for y in tagged}) > 1:
        return None  # one year, or 2023年 next to 去年 (which is which needs a calendar)
    return tagged[max(tagged)]


_ACTUAL = re.compile(r"(?:实际(?:上)?|真正|其实)[^,，。;；\d]{0,12}$|(?:只能|应该|就|^|[,，])算(?:是|作|成)?$")
_NEGATION = re.compile(r"没|不|未|无")
_HAPPENED = re.compile(r"发生|出现|出过|遇到|碰到|接到|收到|报过来|反映|闹过")
_ASSISTED = re.compile(r"协助|配合|立案|查办|移送|移交")
_PART_OF = re.compile(
    r"(?:其中|里面|里头|当中|这里面|这当中)(?:[^,，。;；\d]{0,6}|\d+\s*(?:场|次|期|家|起|回)[^,，。;；\d]{0,3})$|(?:^|[,，])(?:光是?|单单?|单是|仅仅)[^,，。;；]{1,14}就[^,，。;；\d]{0,4}$"
)  # 其中线上 / 其中光线上就有 / 光宣传周那一场就600
_STAFF = re.compile(r"^(?:多|余|来)?(?:名|位|个)?(?:律师|合伙人|员工|职工|工作人员|执业律师|同事|人)")
_POPULATION = re.compile(
    r"入驻|会员|员工|职工|在册|注册|总共|一共|总数|全部|共有|报名|预约|邀请|通知|发放|推送"
)  # 线下300人，线上只有50人 adds up
_POPULATION_OF_FIRMS = re.compile(
    r"入驻|在册|注册|会员|员工|职工|(?:园区|区内|园里)(?:内|里)?(?:有|共有|一共有?)?(?:企业|公司)$|企业总数"
)
_QUALIFYING = re.compile(r"商秘|商业秘密|保密|泄密|免费|公益|无偿|不收费|真正")
_ONLY = re.compile(r"(?:只有|仅有|仅|只|才|就)(?:有|给|为|帮|对)?\s*$")


def _within(value: float, bound: Quantity) -> bool:
    low, low_in, high, high_in = bound.interval()
    return (value > low or (low_in and value == low)) and (value < high or (high_in and value == high))


_ENUMERATED = re.compile(r"再|另外|还有|加上|外加|加(?=\s*\d)|以及|和|、|\+")


_RESTATING = re.compile(r"(?:就是|也就是|还是|总之|反正|所以|说白了|总的来说|(?<![登])记|按)(?:说)?[^,，。;；\d]{0,2}$")
_DISTINCT = re.compile(r"^[^,，。;；\d]{0,4}?(?:互不相干|互不重复|不重复|各不相同|是不同的|各是各的|没有重复)")


def _restated_total(done: list[Found]) -> Quantity | None:
    """The last figure said again as the total of the ones before (就是六起 / 三个案子互不相干), not more of them."""
    if len(done) < 2 or any(f.quantity.relation != "eq" for f in done):
        return None
    last = done[-1]
    if not (_RESTATING.search(last.before) or _DISTINCT.search(last.after)):
        return None
    earlier = sum(f.quantity.value for f in done[:-1])
    between = sum(f.quantity.value for f in done[1:-1])  # 四起：两起立案、一起查办、一起调解，四个案子各不相同
    said_first = len(done) > 2 and done[0].quantity == last.quantity and abs(between - last.quantity.value) < 0.01
    return last.quantity if abs(earlier - last.quantity.value) < 0.01 or said_first else None


_OVERLAP = re.compile(
    r"(?:就是|也是|都是|全是|全都是|本来就是|同时也?是|属于)[^,，。;；]{0,10}(?:里面|里头|当中|之中|中的|重复)|"
    r"重复(?:的|了|计算|算)|两边都(?:算|数)了?|算了两(?:次|遍)|(?:两|三|几)(?:批|期|场|边|类)都(?:来|参加|参与|算|数)"
)


def _without_overlap(done: list[Found]) -> Quantity | None:
    """协助立案3起，调解2起，调解的那2起就是立案里面的两起 / 第一批12家第二批10家，有3家两批都来了: the figures
    said in a clause of overlap are counted twice in the ones before; the count is their sum less the overlap."""
    if len(done) < 3 or any(f.quantity.relation != "eq" for f in done):
        return None
    clause = next((f.clause for f in done if _OVERLAP.search(f.text)), None)
    if clause is None or clause == done[0].clause:
        return None
    counted = [f for f in done if f.clause < clause]
    overlap = next(f for f in done if f.clause == clause)
    if len(counted) < 2 or any(f.clause > clause for f in done):
        return None
    total = sum(f.quantity.value for f in counted) - overlap.quantity.value
    if total < max(f.quantity.value for f in counted):
        return None
    return Quantity(value=total)


def _other_years(a: Found, b: Found) -> bool:
    """Two figures each said of a year of its own (今年…两起，去年…两起): not a total and its part."""
    year = r"去年|前年|今年|大前年|\d{4}年"
    ya, yb = re.findall(year, a.before[-10:] + a.text), re.findall(year, b.before[-10:] + b.text)
    return bool(ya and yb and set(ya) != set(yb))


# 加起来是三百多 / 线下累计380人次: the figure that sums up the ones said before it
_TOTAL_LAST = re.compile(
    r"(?:加起来|合起来|累计|一共|总共|合计|总计|共计|总的|全年(?:一共|总共|共)?)(?:是|有|约|大概|差不多)?\s*$"
)
# 现在园区内两家 / 目前只剩 (after what left): the count as it stands now
_NOW_LEFT = re.compile(r"(?:现在|目前|如今)(?:园区|区)?(?:内|里)?(?:还|就|只)?(?:有|剩下?|是|为)?\s*$")
# 有时候会多查一次 / 忙的时候少查一次: a figure that says how the count varies, not a count
_VARIES = re.compile(
    r"(?:有时(?:候)?|偶尔|忙的时候|忙起来|有的年份?|个别年份?)[^,，。;；\d]{0,8}?(?:多|少)(?:查|做|办|搞|开|来|组织)?(?:了)?$"
)


# 有100人是线上的 / 其中1次: a figure opening a part of the one said before it (not 另外有 / 还有: more of it)
def _own_words(f: Found) -> str:
    """The words of a figure's clause that are about it: all of them, unless a part of it is named later in the
    clause (3家里有1家还在培育: 还在培育 is said of the part, not of the 3家)."""
    inside = re.search(r"(?:里|里面|里头|中|当中|之中)[,，\s]*(?:其实)?(?:只有|仅有|只|仅|就)?有?\s*\d", f.after)
    return f.before + f.after[: inside.start()] if inside else f.text


# 4起里只有两起… / 500人次里面有200…: a part named inside the figure just said
_PART_WITHIN = re.compile(
    r"\d\s*[^\d,，。;；]{0,3}(?:里|里面|里头|中|当中|之中)[,，\s]*(?:其实)?(?P<only>只有|仅有|只|仅|就)?有?\s*$"
)
_PART_OF_FIRST = re.compile(
    r"(?:^|[,，。;；])\s*(?:但是?|不过|可是?|只是)?\s*(?:(?:其中|里面|当中|这里面|这当中)(?:有|是)?|有)$"
)


def _undone_by_next(f: Found, parts: list[tuple[str, bool]]) -> bool:
    """协助过一起，但最后没立上案 / 帮过一次，材料递上去了，企业后来自己撤了: a later clause with no
    figure of its own (before any other figure) says it did not come to anything."""
    if SUCCESS.search(f.text) and not re.search(r"没|未|不", f.text):
        return False  # 今年协助立案了一起，查处结果还没出来: the filing itself was the success
    following = []
    for nxt, _ in parts[f.clause + 1 :]:
        if re.search(r"\d", arabic(nxt)):
            break
        following.append(nxt)
    said = "".join(following)
    if re.match(r"[\s,，]*(?:但是?|不过|可是?|只是)?(?:有的|有些|有一些|部分|一部分|个别|少数|好些|不少)", said):
        return False  # 320，有的活动没签到: some of it is told about, the figure is not undone
    period = r"上半年|下半年|年初|年中|年底|[1-4]季度|\d+月|第\d+(?:次|场)|另(?:外)?(?:1|一)(?:次|场)"
    if re.match(rf"\s*(?:的)?(?:{period})", said.lstrip("，, ")) and re.search(period, f.text + f.before) is not None:
        return False  # 上半年五月份查过一次，下半年的还没做: another period not done yet, not this one undone
    if re.match(r"\s*(?:的)?(?:下半年|另(?:外)?(?:1|一)(?:次|场)|第\d+(?:次|场))", said.lstrip("，, ")):
        return False  # 查过一次，下半年的还没做 / 做了一次，第二次还在准备中
    kind_off = re.search(
        r"(?:^|[,，。;；])\s*(?:但|不过|另外|其他|其余|像|比如)?([^,，。;；\d]{2,12}?)(?:那些|这些|那种|这种|之类的?|什么的|等)?(?:的)?"
        r"(?:都|也)?(?:不算|不计|没算|不包括|不含)",
        said,
    )
    if (
        kind_off is not None
        and not re.search(r"算不算|不知道|拿不准|不确定", said)
        and not re.search(r"[没未不]|撤|失败|还在|结", kind_off.group(1))  # (也没立上案，不算: this one undone)
        and not re.fullmatch(
            r"(?:但是?|不过|可是?)?(?:这|那)(?:两|几|些|个)?(?:次|家|起|个|场|回)?|它们?|其中|剩下的?",
            kind_off.group(1),
        )
    ):
        return False  # 去年2次，安全生产检查那些不算: another kind is left out, not this figure undone
    return bool(NOT_DONE.search(said)) and not _filed_and_open(f.text + said)


def _sum(values: list[Quantity]) -> Quantity:
    total = sum(q.value for q in values)
    relations = {q.relation for q in values}
    if relations <= {"eq", "range"}:
        return Quantity(value=total)
    if relations <= {"eq", "gt"} and all(q.upper is not None for q in values if q.relation == "gt"):
        # 二百八十人次，另有一百多人 = 380–480: 一百多 stays under two hundred
        upper = sum(q.upper if q.relation == "gt" and q.upper is not None else q.value for q in values)
        return Quantity(value=total, relation="gt", upper=upper)
    if relations <= {"eq", "range", "ge", "gt"}:
        return Quantity(value=total, relation="ge")
    return Quantity(value=total, relation="about")


def _sessions_told_apart(
    found: list[Found], sessions: list[Found], per: list[Found]
) -> tuple[list[Found], list[Found], float] | None:
    """Sessions said apart from the rate (四场，每场一百二，另外一场八十人 / 三场每场一百五，其中一场只来了八十):
    the sessions at the rate, the people of each session told apart (added), and how many of the rated sessions
    they replace; None when a session is told apart in words that say neither (三场每场一百，两场八十).
    Single sessions only listed (两场，一场在5月一场在11月，每场两百五) are the sessions counted once."""
    if len(per) != 1 or len(sessions) < 2:
        return sessions, [], 0.0
    said_total = [  # 一共五场，四场每场一百二，另外还有一场八十: the five are the four and the one
        f
        for f in sessions
        if re.search(r"(?:一共|总共|共|合计|总计)[^,，。\d]{0,3}$", f.before)
        and abs(sum(g.quantity.value for g in sessions if g is not f) - f.quantity.value) < 0.01
    ]
    sessions = [f for f in sessions if f not in said_total]
    heads_of = {
        id(f): [
            g
            for g in found
            if (
                g.clause == f.clause
                or (  # 还有一场人少，80 / 最后一场人少点，只有六十: that session's people in the next clause
                    g.clause == f.clause + 1
                    and not any(h.clause == f.clause and h.start > f.start for h in found)
                    and re.fullmatch(r"[^,，\d]{0,4}", re.split(r"[,，]", g.before)[-1])
                )
            )
            and g.start > f.start
            and g is not per[0]
            and g.unit in ("", "人", "人次", "名", "位", "个人")
        ]
        for f in sessions
    }
    singles = [f for f in sessions if f.quantity.value == 1 and not heads_of[id(f)] and f.clause != per[0].clause]
    if len(singles) >= 2:
        rest = [f for f in sessions if f not in singles]
        if not rest:  # 一场在5月，一场在11月，每场两百五: two sessions
            return [replace(singles[0], quantity=Quantity(value=float(len(singles))))], [], 0.0
        if len(rest) == 1 and rest[0].quantity.value == len(singles):
            sessions = rest  # 两场，一场在5月一场在11月: the two again, listed
    extra: list[Found] = []
    apart: list[Found] = []
    fewer = 0.0
    for f in [f for f in sessions if f not in singles] if len(singles) >= 2 else sessions:
        heads = heads_of[id(f)]
        if f.clause == per[0].clause or not heads:
            continue
        lead = re.split(r"[,，。;；]", f.before)[-1]
        if f.quantity.value != 1 and not re.search(r"(?:共|一共|总共|加起来|合计)[^,，。\d]{0,3}$", heads[0].before):
            return None  # 另外两场六十人: each, or the two together?
        if re.search(r"其中|里面|当中|中间|最后|第\d+|头|末|(?<![还另又])有(?!\d*场)$|^有", lead) and re.search(
            r"只|才|就|仅|不到|没|少", heads[0].before
        ):
            fewer += f.quantity.value  # 其中一场只来了八十人: that session, not at the rate
        elif re.search(r"另外|另|还有|还|又|再|加上|外加|此外|以及", lead):
            pass  # 另外一场三十人: one more
        else:
            return None
        extra.append(heads[0])
        apart.append(f)
    return [f for f in sessions if f not in apart], extra, fewer


def _per_session_total(found: list[Found], t: str = "") -> Quantity | None:
    """ "办了三场，每场一百多人" = 300+ 人次; "两场各150" = 300; "每季度一场，每场一百人出头" = 400+:
    sessions times people per session."""
    per_any = [
        f
        for f in found
        if f.unit in ("", "人", "人次", "名", "位", "个", "个人", "号人")
        and re.search(  # in the figure's own clause (每季度一次，每次150人，全年600: the 600 is no per-session figure)
            r"每(?:场|次|期|回|轮)|平均|场均|场场|次次|期期|(?:^|\s)1(?:场|次|期|回)(?:大概|大约|约|差不多|有|都|能有)?$",
            re.split(r"[,，。;；]", f.before)[-1],
        )  # (每季度一场宣讲 一场大概100人)
    ]
    sessions_a_year = annual_count(re.sub(r"每(?:场|次|期|回|轮)[^,，。]*", "", t)) if t else None
    if len(per_any) == 1 and sessions_a_year is not None and sessions_a_year.relation == "eq":
        p = per_any[0].quantity
        n = sessions_a_year.value
        # (每月一期，每期25个人，但7、8月暑假停了两期 = 10 × 25: the sessions stopped are off in annual_count)
        if p.relation == "range" and p.upper is not None:  # 每月一次，每次四五十人 = 480–600
            return Quantity(value=n * p.value, relation="range", upper=n * p.upper)
        if p.relation == "gt" and p.upper is not None:  # 每月一场，每场十几个人 = 120–240
            return Quantity(value=n * p.value, relation="gt", upper=n * p.upper)
        if p.relation == "about":  # 每季度一场，每场一百五十人左右 = about 600
            return Quantity(value=n * p.value, relation="about")
        low = p.value if p.relation in ("eq", "ge", "gt") else None
        if low is not None:
            return Quantity(value=n * low, relation="eq" if p.relation == "eq" else "ge")
    for i, f in enumerate(found):
        if f.unit in _SESSIONS and re.match(r"\S{0,2}?[,，\s]*各", f.tail or f.after) and i + 1 < len(found):
            each = found[i + 1].quantity
            others = [g.quantity for g in found if g is not f and g is not found[i + 1] and g.unit not in _SESSIONS]
            product = Quantity(value=f.quantity.value * each.value, relation="eq" if each.relation == "eq" else "ge")
            return _sum([product, *others]) if others else product
    sessions = [f for f in found if f.unit in ("场", "次", "期", "回", "轮")]
    per = [
        f
        for f in found
        if f.unit in ("", "人", "人次", "名", "位", "个人")
        and re.search(
            r"(?:每(?:场|次|期|回|轮|天|周|晚)|平均|场均)[^,，\d]{0,5}$|^[^,，\d]{0,2}各(?:来了|有|是|都有|都来了)?\s*$"
            r"|^\s*1(?:场|次|期|回)(?:大概|大约|约|差不多|有|都|能有|平均)?\s*$",
            re.split(r"[,，]", f.before)[-1],
        )
    ]  # 两场，每场两百五 / 连续五天摆摊，每天一百多人次 / 一场在四月一场在六月，各来了一百五: the unit is the question's
    # (三场，一场两百人: the 一场 opens a clause and says the rate, so it is no session of its own)
    listed = len(re.findall(r"(?:^|[,，。;；\s])\s*(?:另(?:外)?)?1(?:场|次|期|回)", t)) > 1 or re.search(
        r"另(?:外)?1(?:场|次|期|回)", t
    )
    rate_words = [
        f
        for i, f in enumerate(found[:-1])
        if not listed  # (两场活动，一场160人，另一场一百三: single sessions told apart)
        and f.quantity.value == 1
        and found[i + 1] in per
        and re.match(r"\s*1(?:场|次|期|回)", re.split(r"[,，]", found[i + 1].before)[-1])
    ]
    sessions = [f for f in sessions if f not in rate_words]
    apart = _sessions_told_apart(found, sessions, per)
    if apart is None:
        return None  # 三场每场一百，有两场八十: which sessions are meant is not clear
    sessions, extra, fewer = apart
    if len(sessions) == 1 and len(per) == 1 and (extra or fewer):
        main, p = sessions[0].quantity, per[0].quantity
        if main.relation != "eq" or p.relation not in ("eq", "about", "ge") or fewer >= main.value:
            return None
        told = Quantity(value=(main.value - fewer) * p.value, relation=p.relation)
        return _sum([told, *(g.quantity for g in extra)])  # 四场每场一百二，另外一场八十 = 560
    if len(sessions) == 1 and len(per) == 1:
        s, p = sessions[0].quantity, per[0].quantity
        rel = p.relation if s.relation == "eq" else "about"
        product = Quantity(value=s.value * p.value, relation=rel if rel != "range" else "ge")
        if rel == "range" and p.upper is not None:  # 全年4场，每场六七十人 = 240–280
            product = Quantity(value=s.value * p.value, relation="range", upper=s.value * p.upper)
        besides = [  # 宣讲会4场，每场100人，线上推文阅读量还有200 / 讲座两场，每场80人，另外线上直播200人: more of it
            g
            for g in found
            if g is not sessions[0]
            and g is not per[0]
            and g.unit in ("", "人", "人次", "名", "位")
            and g.clause not in (sessions[0].clause, per[0].clause)
            and not re.search(r"(?:累计|一共|总共|合计|共计?|总计|全年)[^,，。\d]{0,4}$", g.before)
            and abs(g.quantity.value - product.value) > 0.01  # (一共三场，每场一百人，三百人次: the total said again)
        ]
        return _sum([product, *(g.quantity for g in besides)]) if besides else product
    return None


# ── tiers ──────────────────────────────────────────────────────────────────
_DESIGNATION = re.compile(
    r"(?:国家|市|省|区)级(?:的)?(?:孵化器|众创空间|开发区|高新区|园区|基地|示范[区园点站]?|特色产业园)"
)
_FIRM_RANK = re.compile(r"(?:公司|企业|厂|龙头|入驻的|细分行业|行业(?:里)?第)[^,，。;；]{0,12}(?:第|前|top)")
_LATER = re.compile(r"掉到|跌到|降到|掉出|滑到|现在|目前|去年|今年|后来|最近|最新")
_NONE_TIER = re.compile(
    r"(?:也|都|并|还)没(?:有)?(?:呢|啊|吧)?$|都不是|都没有|(?<!也)不算(?=[^,，。]{0,4}(?:前|top))|排不上|不在前|进不了|进不去|够不上|算不上|没排上|没有排名|没进|谈不上|都不够|挨不上|没上榜|达不到|排不进|够不着|靠后|"
    r"没有进|不够|没戏|不可能|不太可能|别想了|想都别想|不行|差得远|差远了|没得比|比不上|排不到|(?:掉|跌|滑|退)出|没保住|保不住|没守住|差一?点(?:点)?(?:(?:就)?(?:进|到|够)|(?=[,，。\s]|$))|差点(?:就)?(?:进|到|够)|没能进|未能进"
)


_DENIED = re.compile(_NONE_TIER.pattern + r"|开玩笑|说笑|瞎说|逗你")


_NOT_THIS_TIER = re.compile(r"^(?:[^\w]|no|sorry|不好意思|抱歉)*(?:也|都|并)?(?:不是|不算|不属于)[^,，。\d]{0,6}$")
_BARE_SCOPE = re.compile(r"^(?:是|就是|应该是|其实是|算是?|属于|只有|只是|只能算)|(?:的|吧|啦|了|呢|哈)+$")


def _rank_bounds(q: Quantity) -> tuple[float, float]:
    """The best and the worst place the words allow (第十几名 = 11…19; 前五 = 1…5)."""
    low, _, high, _ = q.interval()
    best = q.value + 1 if q.relation == "gt" else low if q.relation != "lt" else 1.0
    worst = high if high != float("inf") else float("inf")
    if q.relation == "gt" and q.upper is not None:
        worst = q.upper - 1
    return best, worst


_RANK = re.compile(  # 差1名 is a gap; 全国十强 / 上海市十佳 / 区里的十大园区 are the top ten
    r"(?:前|第|排名?|名列|top)\s*(\d+)|(?<![差落后少])(\d+)\s*(?:名|位)|(?<![第\d])(\d+)\s*(?:强|佳)|"
    r"(?<![第\d])(\d+)大(?=[^,，。]{0,6}(?:园|榜|基地))"
)
_LEADING = re.compile(r"领先|靠前|数一数二|第一|龙头|头部|前列|名列前茅|top|顶尖|最好|最大|前几")


_KINDS_EACH = re.compile(
    r"\d\s*(?:家|起|次|场)[^\d,，。]{0,3}(?P<a>市级|区级|省级|国家级|线上|线下|咨询|论证)"
    r"[^\d。]{0,4}\d\s*(?:家|起|次|场)[^\d,，。]{0,3}(?!(?P=a))(?:市级|区级|省级|国家级|线上|线下|咨询|论证)"
    r"|(?P<b>市级|区级|省级|国家级)[^\d,，。]{0,3}\d\s*(?:家|个)[^\d。]{0,4}(?!(?P=b))(?:市级|区级|省级|国家级)[^\d,，。]{0,3}\d"
)
_OTHERS_RANK = re.compile(
    r"(?:是|为|属于)(?:我们)?(?:集团|母公司|总公司|上级公司|入驻企业|龙头企业|企业|行业协会|协会)(?:的|评的|自己的)(?:排名|名次)?"
)


def _rank(clause: str) -> Quantity | None:
    if re.search(r"头名|头一名|榜首|状元|第一名|排第一|排名第一", clause):
        return Quantity(value=1)
    m = _RANK.search(clause)
    if not m:
        return None
    g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
    pos = m.start(g)
    q = next((f.quantity for f in numbers(clause, ordinals=True) if f.start == pos), Quantity(value=float(m.group(g))))
    if re.match(r"前|top", m.group(0)) and q.value >= 1:
        _, _, high, _ = q.interval()
        worst = q.upper - 1 if q.relation == "gt" and q.upper is not None else high
        if worst != float("inf") and worst > 1:
            return Quantity(value=worst, relation="le")  # 前二十 = somewhere from 1 to 20
    return q


def _read_tier(rule: TierRule, words: str, hint: Hint) -> Reading:
    tier = (hint.entities or {}).get("tier") if hint.button else None
    if tier in [*(t.name for t in rule.tiers), TIER_NONE]:
        return record(tier, 1.0, words, "button")
    t = arabic(normalize(words))
    qualifying: list[str] = []
    out_of: list[str] = []
    ranked_out: list[str] = []
    vague: list[str] = []
    if (
        _unsure(words)
        and re.search(r"吧|可能|也许|应该|好像|大概|估计|不确定", normalize(words))
        and not (  # 全市前十吧，具体第几记不清了: the exact place unsure, the band it is in said
            re.search(r"具体(?:是|排)?(?:第几|几名|多少名|名次|排名)", t) and re.search(r"前\s*\d+", t)
        )
    ):
        return record("unknown", 0.85, words, "unsure about the rank")
    t = re.sub(r"、(?=[^、,，。]*\d)", "，", t)  # 区里第二、市里第二十: each rank its own clause
    parts = [_DESIGNATION.sub("", c) for c in clauses(t)] or [t]  # 国家级孵化器 is a title, not a rank
    scope: str | None = None
    for i, clause in enumerate(parts):
        if (_FIRM_RANK.search(clause) or _OTHERS_RANK.search(clause)) and not re.search(
            r"园区(?:本身|自己|自身|的排名|整体)", clause
        ):
            continue  # 园区里的睿芯公司是全国行业第3 / 全国前十是集团的排名: another's rank, not the park's
        named = next((tier_ for tier_ in rule.tiers if any(w in clause for w in tier_.words)), None)
        if (
            named is None
            and scope is not None
            and _LATER.search(clause)
            and re.search(r"(?<![\d第前])\d{1,3}(?!\d|年)", clause)
        ):
            clause = re.sub(r"(?<![\d第前])(\d{1,3})(?!\d|年)", r"第\1", clause)  # 去年掉到了19: 第19, same scope
        if named is None and scope is not None and _RANK.search(clause):
            named = next(tier_ for tier_ in rule.tiers if tier_.name == scope)  # 全国老牛了，前五
        if named is None:
            continue
        scope = named.name
        rank = _rank(clause)
        later_denial = (
            i + 1 < len(parts)
            and _DENIED.search(parts[i + 1])
            and not any(w in parts[i + 1] for tier_ in rule.tiers for w in tier_.words)
        )
        if (
            _LATER.search(clause)
            and named.name in qualifying + vague
            and (rank is not None or _NONE_TIER.search(clause))
        ):
            qualifying = [q for q in qualifying if q != named.name]  # 2021年全市第14，去年掉到了19: what holds now
            vague = [v for v in vague if v != named.name]
        if _NONE_TIER.search(clause) or later_denial or re.search(r"吗$|么$|\?$", clause):
            out_of.append(named.name)  # 全国前十吗……我们不够 / 全国top10没戏
        elif rank is not None:
            best_rank, worst_rank = _rank_bounds(rank)
            if worst_rank <= named.rank:
                qualifying.append(named.name)
            elif best_rank > named.rank:
                out_of.append(named.name)
                ranked_out.append(named.name)
            else:
                vague.append(named.name)
        elif _NOT_THIS_TIER.match(clause):
            out_of.append(named.name)  # 不是市级，是区级: the scope denied
        elif _LEADING.search(clause) or _BARE_SCOPE.sub("", clause.strip()) in named.words:
            vague.append(named.name)  # 区级 / 是区级的
    order = [t.name for t in rule.tiers]
    vague = [v for v in vague if v not in ranked_out]  # 是全区的，第十三名: the scope, then its rank out of it
    if qualifying:
        best = min(qualifying, key=order.index)
        return record(best, 0.93, words, "tier with rank")
    if vague:
        best = min(vague, key=order.index)
        label = next(t.label for t in rule.tiers if t.name == best)
        return record(best, 0.6, words, f"scope without a rank: {label}?")
    a = _with_model(analyze(words), hint)
    if (a.verdict == "unknown" or _unsure(words)) and not out_of:
        return record("unknown", max(a.confidence, 0.9), words, "unsure", *a.reasons)
    lower = [x for x in rule.tiers if order.index(x.name) > max((order.index(o) for o in out_of), default=len(order))]
    said_too = any(w in t for x in lower for w in x.words if len(w) >= 2)  # (全市第16名，区里没排过: said)
    if (
        ranked_out
        and set(out_of) == set(ranked_out)
        and lower
        and not said_too
        and not re.search(r"也|都|更|别提|就别", t)
    ):
        missed = next(x for x in rule.tiers if x.name == ranked_out[-1])  # 全国排第十二: not 全国前10, and the
        return reask(  # city and the district not said — neither tier is out yet
            f"{missed.label.replace('前', '没进前', 1)}；那在{'或'.join(x.words[0] for x in lower)}能排进"
            f"{'或'.join(x.label for x in lower)}吗？",
            words,
            "ranked out of a higher tier only",
        )
    if out_of or _NONE_TIER.search(t):
        return record(TIER_NONE, 0.9, words, "no tier")
    head = (clauses(t) or [t])[0]
    if a.verdict == "no" and (not numbers(words) or (not numbers(head) and analyze(head).verdict == "no")):
        # (六百里有一百二是报名没到场的: a no of something counted, no answer; 没有，园区才20家企业 is one)
        return record(TIER_NONE, min(a.confidence, 0.9), words, *a.reasons)
    if re.search(r"前\s*\d+|第\s*\d+", t):
        return reask("这个排名是全国、全市还是全区的？请选一项。", words, "rank without a scope")
    labels = "、".join(t.label for t in rule.tiers)
    return reask(f"请选择{labels}，或者“都不是”。", words)


# ── two counts (types and units) ───────────────────────────────────────────
def _read_two_part(c: Criterion, rule: TwoPartRule, words: str, hint: Hint, pending: dict[str, Any]) -> Reading:
    values: dict[str, float] = dict(pending.get("values", {}))
    asked = pending.get("key")
    if hint.button and hint.intent == "deny":
        values.update({p.key: 0 for p in rule.parts if p.key not in values})
        return record({p.key: int(values[p.key]) for p in rule.parts}, 1.0, words, "button")
    t = arabic(normalize(words))
    if _NEGATIVE_NUMBER.search(t):
        return reask("数量不能是负数，请再说一下。", words, "negative")
    if re.search(r"好几|好多|若干", t) and (_unsure(words) or re.search(r"数不清|数不过来", t)):
        return record("unknown", 0.85, words, "how many not said")  # 好几家律所，具体数不清: no count to record
    if says_zero(t) and len(numbers(t)) <= 1:  # 暂时一家都没有
        values.update({p.key: 0 for p in rule.parts if p.key not in values})
        return record({p.key: int(values[p.key]) for p in rule.parts}, 0.92, words, "none")
    t = re.sub(  # 数量：3+2+2
        r"(?<=[:：])\s*(\d+(?:\s*\+\s*\d+)+)(?![\d+])", lambda m: f"{sum(int(x) for x in m.group(1).split('+'))}", t
    )
    t = re.sub(r"(还有|另有|另外还?有|外加|再加上?|以及|和)个(?=[\u4e00-\u9fff]{2})", r"\g<1>1个", t)  # 还有个咨询公司
    t = _without_other_figures(c, _in_the_park(rule, t), mark=False)  # 其他300多家都是普通生产企业: no service bodies
    population = r"(?:园区|区内)?(?:入驻)?企业(?:有|共|一共)?\s*\d+\s*(?:多|余)?\s*家[,，;；]?|\d+\s*(?:多|余)?\s*家(?:入驻)?企业[,，;；]?"
    if re.search(population, t) and numbers(re.sub(population, "", t)):
        t = re.sub(population, "", t)  # 园区企业300多家，服务机构有律所2家: the park's firms are not its service bodies
    found = [  # 一家律所，所里有20个律师: the firm's size / 律所4家（其中2家做商秘多）: a part of a figure said
        f for f in numbers(t) if not _STAFF.match(f.after) and not re.search(r"其中(?:有|的)?\s*$", f.before)
    ]
    got = _two_counts(rule, t, found)
    for part in rule.parts:  # 类型不到三类，就法律和咨询: a bound is no count; the kinds named are, if within it
        bound = next((f for f in found if f.unit in part.words and f.quantity.relation in ("lt", "le")), None)
        if bound is None or part.key not in got:
            continue
        named = sum(1 for words_ in part.kinds.values() if any(w in t for w in words_)) if part.kinds else 0
        limit = bound.quantity.value - (1 if bound.quantity.relation == "lt" else 0)
        if 0 < named <= limit:
            got[part.key] = float(named)
        elif got[part.key] > limit:
            return reask(f"{part.label}具体是几{part.unit}？请说一个确切的数。", words, "a bound, no count")
    second = rule.parts[1]
    twice = _COUNTED_IN_TWO_KINDS.search(t)
    told = [f for f in found if twice and f.unit in second.words and f.start < twice.start()]
    if twice and len(told) >= 2:  # 法律类2家，咨询类2家，其中1家两类都算了 = 3 (所以实际是3家 said: as said)
        stated = re.search(r"(?:所以|实际上?|其实|去重(?:后|以后)?)(?:是|有|就是|只有)?\s*(\d+)\s*家", t[twice.end() :])
        got[second.key] = (
            float(stated.group(1)) if stated else sum(f.quantity.value for f in told) - float(twice.group(1))
        )
    second_figs = [f for f in found if f.unit in rule.parts[1].words and not _EACH.search(f.before[-4:])]
    totals = _totals_of(second_figs, t)
    parts = [f.quantity.value for f in second_figs if f not in totals]
    if len({f.quantity.value for f in totals}) == 1 and (
        (len(parts) >= 2 and sum(parts) != totals[0].quantity.value) or any(v > totals[0].quantity.value for v in parts)
    ):
        got["conflict"] = 1.0  # 3家律所2家鉴定所，一共4家 / 律所就有三家，机构总共两家
    head = second_figs[0] if second_figs else None
    if (
        head is not None
        and not totals
        and len(second_figs) >= 3
        and re.fullmatch(r"[^\d]{0,4}", t[: head.start])
        and not any(
            w in t[: head.start] or w in head.after[:6] for words in rule.parts[0].kinds.values() for w in words
        )  # 3家律所、1家鉴定所、2家信息安全公司 is three kinds
        and all(f.quantity.relation == "eq" for f in second_figs)
        and abs(sum(f.quantity.value for f in second_figs[1:]) - head.quantity.value) < 0.01
        and second.key in got
    ):
        got[second.key] = head.quantity.value  # 就两家 一家律所一家培训机构: the total said first, then its parts
    if got.pop("conflict", None) is not None:
        return reask(
            "分开说的家数加起来和一共的家数对不上，请核对后再说一下一共几类、几家。", words, "figures do not add up"
        )
    if not got and asked and len(found) == 1:
        got[asked] = found[0].quantity.value
    if not got and not found and not hint.button and _unsure(words):  # 这个我其实记不准，算记不清吧
        return record("unknown", 0.9, words, "unsure about the figures")
    if not got:
        a = _with_model(analyze(words), hint)
        if a.verdict == "unknown":
            return record("unknown", a.confidence, words, *a.reasons)
        if says_zero(t) or a.verdict == "no":
            values.update({p.key: 0 for p in rule.parts if p.key not in values})
            if not says_zero(t) and len(t) > 6 and not re.search(r"机构|律所|事务所|服务|鉴定|咨询|培训|类|家", t):
                ints = {p.key: int(values[p.key]) for p in rule.parts}  # 台账里也没有相关记录: a no about
                return record(ints, 0.6, words, "a no about something else")  # something else, confirmed
        else:
            example = "".join(f"{i + 2}{p.unit}" for i, p in enumerate(rule.parts))
            return reask(f"请告诉我{'、'.join(p.label for p in rule.parts)}，比如“{example}”；没有就说“没有”。", words)
    if any(not float(v).is_integer() for v in got.values()):
        return reask("机构的类型数和家数应该是整数，请再说一下。", words, "fraction")
    values.update(got)
    missing = [p.key for p in rule.parts if p.key not in values]
    if missing:
        return more({"values": values, "key": missing[0]}, words)
    ints = {p.key: int(values[p.key]) for p in rule.parts}
    first, second = rule.parts[0], rule.parts[1]
    if ints[second.key] < ints[first.key]:
        return reask(
            f"{second.label}（{ints[second.key]}{second.unit}）比{first.label}（{ints[first.key]}{first.unit}）还少，"
            "每一类至少要有一家，请核对后再说一下。",
            words,
            "fewer units than types",
        )
    if any(f.quantity.relation in ("range", "about") for f in found):
        # 两三种、五六家: each type and unit scores, so the lower bounds are proposed, not recorded
        return record(ints, CONFIRM_BELOW - 0.2, words, "range of counts").model_copy(
            update={"pending": {"values": dict(ints)}}
        )
    sure = CONFIRM_BELOW - 0.2 if re.search(r"好几|好多|若干", t) else 0.9  # 律所好几家: at least 3, proposed
    return record(ints, sure, words, "counts").model_copy(update={"pending": {"values": dict(ints)}})


# one firm counted under two kinds: 其中有1家律所两类都算进去了 / 有一家咨询公司也做培训，两个类里都算了它
_COUNTED_IN_TWO_KINDS = re.compile(
    r"(?:其中)?有?(\d+)\s*家[^。;；\d]{0,20}?(?:[两2]类都算|[两2]边都(?:算|数)|[两2]个类(?:里|别)?都(?:算|数)|都算进去|重复(?:算|计)|[两2]类里都)"
)
_EACH = re.compile(r"各(?:有)?$|每(?:类|种|个类型|样)(?:各|都)?$|(?<=[,，])1(?:类|种)$")
_NOT_IN_PARK = re.compile(
    r"在谈|意向|没签|未签|还没(?:搬|入驻|进驻|进来|落地)|不在(?:我们|本)?园区|园区外|外区|区外|只是签了?(?:个)?合作|签了合作协议|注销|关门|倒闭|"
    r"下个月才|还在(?:谈|洽谈|装修)|计划|打算|准备引|明年|拟引进|搬走|迁走|迁出|撤走|走了|挂名|不算(?:我们|本)?园区|"
    r"搬(?:到|去)(?!我们|园区|这)|迁(?:到|去)(?!我们|园区|这)|剔掉|剔除|去掉|删掉|拿掉|划掉|"
    r"没有?(?:它的|他们的|它们的)?办公(?:点|室|场所)|没有?(?:设)?点|人在市区|在市区|在外地|(?:另一个|另外一个|其他|别的|隔壁)园区|那边不算|不算我们的|"
    r"签了?(?:服务|合作)?协议|签了?(?:个)?合作|不沾边|不做商秘|(?:与|跟|和)商秘(?:无关|没关系)|只做普通|不相关"
)
_ONLY_HERE = re.compile(r"^(?:不过|但是?|可)?(?:其实)?只有(\d+)家(?:是)?在(?:我们|本)?园区")
_PART_GONE = re.compile(
    r"^(?:哦|啊)?(?:不对|不过|但是?|可)?(?:其中|有)(\d+)家|"
    r"^(?:哦|啊)?(?:不对|不过|但是?|可)?[^,，\d]{0,4}?(?:搬走|迁走|迁出|撤走|注销|关门|倒闭|走)了?(\d+)家"  # 去年搬走了一家
)


def _less_of_kind(clauses: list[str], i: int, kinds: Mapping[str, list[str]], n: int) -> bool:
    """Clause ``i`` takes ``n`` firms of one kind away (其中一家律所在园区外面 / 有一家律所注销了): that kind's figure
    said before, and a total said before, are made ``n`` less in place. False when the kind or its figure is not
    found once."""
    named = [k for k, ws in kinds.items() if any(w.lower() in clauses[i] for w in ws)]
    if len(named) != 1:
        return False
    ws = "|".join(re.escape(w.lower()) for w in sorted(kinds[named[0]], key=len, reverse=True))
    fig = re.compile(rf"(?:{ws})[^,，、;；\d]{{0,4}}?(\d+)\s*(?:家|个|所)|(\d+)\s*(?:家|个|所)\s*(?:{ws})")
    hits = [(j, m) for j in range(i) for m in fig.finditer(clauses[j])]
    if len(hits) != 1:
        return False
    j, m = hits[0]
    g = 1 if m.group(1) else 2
    clauses[j] = clauses[j][: m.start(g)] + str(max(0, int(m.group(g)) - n)) + clauses[j][m.end(g) :]
    for k in range(i):  # 一共4家: the total said before, one less too
        tot = re.search(r"(?:一共|总共|共|合计|总计)(?:是|有)?\s*(\d+)\s*家", clauses[k])
        if tot:
            clauses[k] = clauses[k][: tot.start(1)] + str(max(0, int(tot.group(1)) - n)) + clauses[k][tot.end(1) :]
    return True


_NOW = re.compile(r"^(?:现在|目前|如今|现有|现剩|剩下?|只剩)")


def _in_the_park(rule: TwoPartRule, t: str) -> str:
    """The clauses that count firms in the park now. 另有1家鉴定所签了意向 / 明年计划引进培训机构 are not in it;
    区里有不少鉴定机构，但不在我们园区 takes back the clause before it; 咨询公司上个月搬走了 takes back the
    咨询 firm named before; 原来有3家…，现在剩律所1家 keeps only the present."""
    clauses = [c for c in re.split(r"[,，;；。]", t) if c.strip()]
    now = [i for i, c in enumerate(clauses) if _NOW.match(c.strip())]
    if now and now[0] > 0 and re.search(r"原来|原本|以前|之前|本来|去年|注销|搬走|迁走|撤", "".join(clauses[: now[0]])):
        clauses = clauses[now[0] :]
    kinds = next((p.kinds for p in rule.parts if p.kinds), {})
    keep = [True] * len(clauses)
    for i, c in enumerate(clauses):
        if i > 0 and _ONLY_HERE.match(c.strip()):  # 律所有3家，不过只有1家在园区里有办公室: the kind, this many
            prev = [w for ws in kinds.values() for w in ws if w.lower() in clauses[i - 1]]
            clauses[i], keep[i - 1] = (prev[0] if prev else "") + c.strip(), False
            continue
        if not _NOT_IN_PARK.search(c) or re.search(r"(?<!没)(?:入驻了|进驻了|已入驻|已进驻|搬进来了)", c):
            continue  # (签了合作协议入驻了: in the park)
        keep[i] = False
        gone = _PART_GONE.match(c.strip())
        n_gone = int(gone.group(1) or gone.group(2)) if gone else 0
        if gone and i > 0 and _less_of_kind(clauses, i, kinds, n_gone):
            continue  # 律所3家、咨询1家 + 其中一家律所在园区外面: that kind's figure (and the total) one less
        said = next((j for j in range(i - 1, -1, -1) if numbers(clauses[j])), None)  # (原来有4家，都是律所，…)
        if gone and said is not None and len(before := numbers(clauses[said])) == 1:  # 律所有4家，但其中1家只是签了合作
            left = max(0, int(before[0].quantity.value) - n_gone)
            clauses[said] = clauses[said][: before[0].start] + str(left) + clauses[said][before[0].end :]
        if numbers(c):
            continue
        named = [k for k, ws in kinds.items() if any(w.lower() in c for w in ws)]
        if not named and i > 0:
            keep[i - 1] = False  # 区里倒是有不少鉴定机构，但不在我们园区
        for j in range(i):  # 两家律所，一家咨询公司。哦对，咨询公司上个月搬走了
            own = [k for k, ws in kinds.items() if any(w.lower() in clauses[j] for w in ws)]
            if named and own == named:
                keep[j] = False
            elif named and set(named) < set(own):  # 一家鉴定所、一家律所、一家培训学校，不过培训学校注销了
                items = re.split(r"(、|和|及|以及|还有)", clauses[j])
                gone_items = [x for x in items if any(w.lower() in x for k in named for w in kinds[k])]
                n_gone = sum(int(f.quantity.value) if (f := next(iter(numbers(x)), None)) else 1 for x in gone_items)
                each = next((m.group(0) for x in gone_items if (m := re.search(r"各\s*\d+\s*家.*$", x))), "")
                clauses[j] = (
                    "".join(x for x in items if x not in gone_items).strip("、和及") + each
                )  # (…保险公司各一家)
                for k in range(i):  # 原来有4家：…培训公司1家…，其中培训公司搬走了: the total one less too
                    tot = re.search(r"(?:一共|总共|共|合计|总计|原来|原本)(?:是|有)?\s*(\d+)\s*家", clauses[k])
                    if tot:
                        still = str(max(0, int(tot.group(1)) - n_gone))
                        clauses[k] = clauses[k][: tot.start(1)] + still + clauses[k][tot.end(1) :]
    return "，".join(c for c, k in zip(clauses, keep, strict=True) if k)


_TOTAL_BEFORE = re.compile(
    r"(?:一共|总共|共|合计|总计|加起来|合起来|就这|这|所以是|那就是|也就是|总的是|(?:一共|总共|合计|加起来)(?:是|有))$"
)


def _totals_of(figs: list[Found], t: str) -> list[Found]:
    """The figures that total the others: 一共 / 所以是 before them, or — said alone last — their sum (一家律所一家
    鉴定所，两家)."""
    totals = [f for f in figs if _TOTAL_BEFORE.search(f.before)]
    if not totals and len(figs) >= 3:
        last = figs[-1]
        clause = re.split(r"[,，。;；]", t[: last.start])[-1]
        if re.fullmatch(r"\s*(?:就|是|就是)?\s*", clause) and last.quantity.value == sum(
            f.quantity.value for f in figs[:-1]
        ):
            totals = [last]
    return totals  # (一共五家…所以是五家: two totals of one value are one total, checked where they are used)


def _names_each(found: list[Found], i: int) -> bool:
    """一类一家: the 一类 that says 'per kind' for the figure right after it, not a count of kinds."""
    nxt = found[i + 1] if i + 1 < len(found) else None
    return nxt is not None and nxt.start - found[i].end <= 1 and bool(_EACH.search(nxt.before[-4:]))


def _two_counts(rule: TwoPartRule, t: str, found: list[Found]) -> dict[str, float]:
    """类型三个，数量七家 / 3类5家 / 有律所、鉴定机构和培训机构，各一家 / 律所有两家，其他各一家."""
    first, second = rule.parts[0], rule.parts[1]
    pairs = list(
        re.finditer(
            rf"(\d+)\s*(?:{'|'.join(first.words)})(?:类型|类别)?(?:\s|[:：、,，]|一共|总共|共计|共|合计|总计|计|有|的)*(\d+)\s*(?:{'|'.join(second.words)})",
            t,
        )
    )
    pairs = [m for m in pairs if not (m.group(1) == "1" and _EACH.search(t[max(0, m.start() - 1) : m.start() + 2]))]
    if pairs:  # 三类四家 said outright wins over any breakdown around it
        m = pairs[-1]
        return {first.key: float(m.group(1)), second.key: float(m.group(2))}
    got: dict[str, float] = {}
    used: set[int] = set()
    unit_words = tuple(w for q in rule.parts for w in q.words)
    for p in rule.parts:  # a count named by the words before it (类型：4) — not the unit of the figure before it
        for i, f in enumerate(found):  # (3种类型8家: 类型 is the 3's)
            seg = f.before.split(",")[-1]
            label = re.split(r"\d", seg)[-1]
            of_a_figure = label != seg and label.startswith(unit_words)
            other_unit = f.unit not in ("", "个") and f.unit not in p.words and f.unit in unit_words  # 培训类的2家
            if i not in used and not of_a_figure and not other_unit and any(cue in label[-4:] for cue in p.cues):
                got[p.key] = f.quantity.value
                used.add(i)
                break
    if second.key in got:  # 机构共3家，另有司法鉴定所1家: one more after the total
        more = [
            i
            for i, f in enumerate(found)
            if i not in used
            and f.unit in second.words
            and re.search(r"(?:另有|另外(?:还)?有|此外(?:还)?有)[^,，。\d]{0,8}$", f.before)
            and not NOT_DONE.search(f.tail or f.after)
        ]
        got[second.key] += sum(found[i].quantity.value for i in more)
        used.update(more)
    each_given = any(_EACH.search(f.before[-4:]) for f in found)
    kind_words = [w.lower() for p in rule.parts for ws in p.kinds.values() for w in ws]
    after_kind = [any(w in re.split(r"[,，、;；和及与]", f.before)[-1] for w in kind_words) for f in found]
    # 律师事务所有仨，公证处一个: the figures count firms kind by kind
    bare_after_kind = any(not f.unit and k for f, k in zip(found, after_kind, strict=True))
    firms_named = _organisations_named(t)
    for p in rule.parts:  # a count by its measure word (3类 / 5家)
        if p.key in got or (each_given and not p.kinds):
            continue
        hits = [
            i
            for i, f in enumerate(found)
            if i not in used
            and f.unit in p.words
            and not _EACH.search(f.before[-4:])
            and not _names_each(found, i)
            and not (f.quantity.value == 1 and _proper_name(f.after) and firms_named >= 2)
            and not (bare_after_kind and after_kind[i])
        ]  # …，还有一家鼎安网络安全公司: one more of the firms named, not the count
        if len(hits) == 1:
            got[p.key] = found[hits[0]].quantity.value
            used.add(hits[0])
    kinds_part = next((p for p in rule.parts if p.kinds), None)
    if kinds_part is None:
        return got
    other = next(p for p in rule.parts if p is not kinds_part)
    named = [k for k, ws in kinds_part.kinds.items() if any(w.lower() in t for w in ws)]
    if kinds_part.key not in got and named:
        got[kinds_part.key] = len(named)
    if other.key not in got and kinds_part.key in got:
        each = next((f for f in found if _EACH.search(f.before[-4:])), None)
        explicit = [
            f
            for i, f in enumerate(found)
            if i not in used and f is not each and (f.unit in other.words or (not f.unit and after_kind[i]))
        ]  # 律所俩、鉴定仨: a bare figure right after a kind counts its units
        if each is not None:  # 各一家 for the kinds without their own figure
            totals = (
                [f for f in explicit if _TOTAL_BEFORE.search(f.before)]
                + [
                    f  # 是四家，律所鉴定各两家: a figure said alone before any kind is the total
                    for f in explicit
                    if f.start < each.start
                    and not _TOTAL_BEFORE.search(f.before)
                    and re.fullmatch(r"\s*(?:是|就是|有|共|一共|总共)?\s*", re.split(r"[,，。;；]", t[: f.start])[-1])
                    and not any(w.lower() in t[: f.start] for ws in kinds_part.kinds.values() for w in ws)
                ]
            )
            own = [f for f in explicit if f not in totals]
            rest = max(0, int(got[kinds_part.key]) - len(own))
            computed = sum(f.quantity.value for f in own) + rest * each.quantity.value
            if not totals or totals[-1].quantity.value == computed:  # 各有一家，就这三家
                got[other.key] = computed  # (a total that disagrees is asked for again)
        elif explicit and len(named) >= 1 and len(explicit) > 1:
            totals = _totals_of(explicit, t)
            parts = [f.quantity.value for f in explicit if f not in totals]
            if totals and totals[0].quantity.value == sum(parts):
                got[other.key] = totals[0].quantity.value  # 律所两家、鉴定一家、咨询一家，一共四家
            elif totals and len(parts) >= 2:
                got["conflict"] = 1.0  # 3家律所2家鉴定所，一共4家
            elif any(re.search(r"(?:所以|那就|也就|总的)是$", f.before) for f in totals):
                got["conflict"] = 1.0  # 还有两家培训机构，所以是五家: the others of the five are not said here
            else:
                got[other.key] = sum(f.quantity.value for f in explicit if f not in totals) + sum(
                    f.quantity.value for f in totals if f.quantity.value != sum(parts)
                )
        elif len(explicit) == 1 and not (explicit[0].quantity.value == 1 and _proper_name(explicit[0].after)):
            got[other.key] = explicit[0].quantity.value
        elif (n := firms_named) >= max(2, int(got[kinds_part.key])) and all(
            f.quantity.value == 1 and _proper_name(f.after) for f in explicit
        ):
            got[other.key] = float(n)  # 有申江律师事务所、云间律师事务所，还有一家鼎安网络安全公司: three firms
    return got


_ORGANISATION = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{2,}?)(?:事务所|鉴定所|代理所|公证处|公司|中心|研究院|机构|事务部|所|处)$"
)


_GENERIC = re.compile(
    r"家|个|律师|法律|信息|技术|安全|网络|数据|咨询|管理|企业|服务|司法|鉴定|专利|商标|代理|知识产权|培训|公证|检测|软件|合作的?"
)


def _proper_name(text: str) -> bool:
    """鼎安网络安全公司 names a firm; 信息安全公司 / 咨询公司 only say its kind."""
    head = re.split(r"[,，。;；、和及与]", text)[0]
    m = _ORGANISATION.match(head)
    return m is not None and len(_GENERIC.sub("", m.group(1))) >= 2


def _organisations_named(t: str) -> int:
    """How many firms a list names one by one (沪松律师事务所、天马公证处、…)."""
    items = re.split(r"[、,，;；。和及与]|还有|以及|另外", t)
    names = [re.sub(r"^.*?(?:有|是|：|:|一家|1家)", "", it.strip()).strip("：: 等了") for it in items]
    return sum(1 for name in names if _ORGANISATION.fullmatch(name) and _proper_name(name))


# ── alternatives (协会 path / 律所 path) ────────────────────────────────────
_BOTH = re.compile(r"(?:两|2)(?:个|项|者|样)(?:比例)?都|(?:两|2)个比例|都是|均为|均|都超过|都过|都在|都有")


_ASKS_BACK = re.compile(r"[?？][^\w]*$|[吗么][^\w]*$|解释一?下|什么意思|啥意思|没看懂|看不懂|没明白")
_MEMBERS = re.compile(r"(?:会员|成员)(?:单位|企业)?[^,，。\d]{0,4}$")


def _group_of(rule: AlternativesRule, t: str, found: list[Found]) -> ConditionGroup | None:
    """The path the unit is on: named (协会 / 律所), or implied by what its figures are (比例 / 客户)."""
    hits = [g for g in rule.groups if any(w.lower() in t for w in g.words)]
    if len(hits) == 1:
        return hits[0]
    counted = [g for g in hits if g.total_cues and any(f.unit != "%" and _MEMBERS.search(f.before) for f in found)]
    if len(counted) == 1:  # 知识产权服务联盟，成员单位22家: the members counted say it is an association
        return counted[0]
    if any(f.unit == "%" for f in found) or "比例" in t or "占比" in t:
        return next((g for g in rule.groups if any(k.unit == "%" for k in g.conditions)), None)
    cued = [g for g in rule.groups if any(cue in t for k in g.conditions for cue in k.cues)]
    return cued[0] if len(cued) == 1 else None


_SHARE_WORDS = [  # how many of the members, said in words (a share is all the association path asks)
    (re.compile(r"(?<![\d.])0\.(\d{1,2})(?![\d%.次家人个万元])"), lambda m: f"{int(m.group(1).ljust(2, '0'))}%"),
    (
        re.compile(
            r"绝大(?:多数|部分)|大(?:多数|部分)|多数|(?:基本上?|几乎|差不多)(?=都|全)|[一1]?大半|[一1]多半|过半|[一1]半以上"
        ),
        lambda m: "超过50%",
    ),
    (re.compile(r"个别几?家?|极少数|寥寥无几|屈指可数"), lambda m: "不到10%"),
]


def _in_shares(t: str) -> str:
    """受训单位占比0.38 / 大部分会员都培训过 / 只覆盖了个别几家 / 45/150: shares as percentages."""
    for pattern, repl in _SHARE_WORDS:
        t = pattern.sub(repl, t)
    return re.sub(
        r"(?<![\d/.])(\d{1,4})\s*/\s*(\d{2,5})(?![\d/.])",
        lambda m: (
            f"{int(m.group(1)) / int(m.group(2)) * 100:.2f}%".replace(".00%", "%")
            if int(m.group(1)) <= int(m.group(2))
            else m.group(0)
        ),
        t,
    )


def _counted_figures_of(t: str) -> list[Found]:
    return [
        f
        for f in numbers(t)
        if not (f.unit in ("个", "项", "样") and re.match(r"^(?:个|项|样)?(?:比例|都|占比)", f.after))
        and not _STAFF.match(f.after)  # 律所有40多名律师: the firm's size, not its clients
        and f.unit
        not in ("名", "位", "轮", "遍", "次", "回", "期", "场", "批")  # 都培训过一轮了: how often, not how many
    ]


_MEMBER = r"(?:会员|会员单位|会员企业|成员单位)"
_MEMBERS_AMONG = re.compile(
    rf"(\d+)\s*家([^,，。;；\d]{{0,10}}?)[,，]?\s*其中(?:是)?{_MEMBER}(?:有|是|占|只有)?\s*(\d+)\s*家"
)
_NON_MEMBERS_AMONG = re.compile(
    rf"(\d+)\s*家((?:单位|企业)?[^,，。;；\d]{{0,4}}?)(?:里|中|当中|里面)?[,，]?\s*(?:有|扣掉|去掉|减去|除去)(?:非会员的?|不是会员的)?\s*(\d+)\s*家(?:不是{_MEMBER}|非会员)?"
)


def _members_only(t: str) -> str:
    """参加讲座的企业40家，其中会员26家 = 26 / 参训的50家单位里有12家不是会员 = 38: only members count
    for an association's shares."""
    t = _MEMBERS_AMONG.sub(lambda m: f"{m.group(3)}家{m.group(2)}", t)

    def less(m: re.Match[str]) -> str:
        if not re.search(r"非会员|不是会员", m.group(0)):
            return m.group(0)
        left = int(m.group(1)) - int(m.group(3))
        return f"{left}家{m.group(2)}" if left >= 0 else m.group(0)

    return _NON_MEMBERS_AMONG.sub(less, t)


def _read_alternatives(rule: AlternativesRule, words: str, hint: Hint, pending: dict[str, Any]) -> Reading:
    t = _in_shares(_none_as_zero(arabic(normalize(words)), both=True))
    t = _without_plans(t)  # 明年打算把剩下60家都培训掉: a plan counts no member
    t = re.sub(  # 服务对象4家，一家收费2000元: a firm described by its fee is one of those counted, not one more
        r"(?<=[,，;；。])\s*(?:其中)?(?:有)?\s*\d+\s*家[^,，;；。\d]{0,8}\d+(?:\.\d+)?\s*(?:万|千)?(?:元|块)[^,，;；。]*",
        "",
        t,
    )
    found = _counted_figures_of(t)
    chosen = (hint.entities or {}).get("choice")
    group_name = pending.get("group") or (chosen if hint.button else None)
    group = next((g for g in rule.groups if g.name == group_name), None) or _group_of(rule, t, found)
    if group is None and chosen:  # the NLU's reading of the kind only where the words themselves do not say it
        group = next((g for g in rule.groups if g.name == chosen), None)
    if group is None and found:  # 修改第24题 → 至少五家: the kind of the answer being changed, unless said anew
        group = next((g for g in rule.groups if g.name == pending.get("group_before")), None)
    if group is not None and group.name == "association" and (members := _members_only(t)) != t:
        t, found = members, _counted_figures_of(members)  # 培训到了55家企业，其中会员单位27家
    a = _with_model(analyze(words), hint) if not hint.button else Analysis(INTENT_VERDICT.get(hint.intent or ""), 1.0)
    if not found and not hint.button and _ASKS_BACK.search(words) and not says_zero(t):
        return reask(  # 分会的会员算不算？: a question back, answered by the explanation and asked again
            "按贵单位自己的台账口径说就可以，比如“会员100家，培训过40家，开展工作的35家”，或者“服务过6家客户”。",
            words,
            "a question back",
        )
    if not found and not hint.button and _unsure(words):
        return record("unknown", max(a.confidence, 0.9), words, "unsure about the figures", *a.reasons)
    if group is None:
        if a.verdict == "unknown" and not _ASKS_BACK.search(words):  # 分会的会员算不算？ asks, not answers
            return record("unknown", a.confidence, words, *a.reasons)
        return reask("请先选择贵单位属于哪一类：" + " / ".join(g.label for g in rule.groups), words)
    if _NEGATIVE_NUMBER.search(t):
        return reask("数量不能是负数，请再说一下。", words, "negative")
    found = _latest_of_each(group, found, t)
    values: dict[str, Any] = dict(pending.get("values", {}))
    counts: dict[str, Any] = dict(pending.get("counts", {}))
    asked = pending.get("key")
    shares = [k for k in group.conditions if k.unit == "%"]
    batched: tuple[str, Batches] | None = None
    for k in shares[:1] if not asked else []:  # 第一批12家，第二批10家，有3家两批都来了: members counted once
        others = [c for o in group.conditions if o is not k for c in o.cues]
        if (b := batches_of(t, found, k.cues, others)) is not None:
            batched = (k.key, b)
            found = [f for f in found if f not in b.used]
            counts[k.key] = quantity_value(Quantity(value=b.low))
    loose: list[Found] = []
    said_here: set[str] = set()
    settled = False
    single = group.conditions[0] if len(group.conditions) == 1 and group.conditions[0].unit != "%" else None
    listed = 0
    if single is not None and single.key not in values and not pending.get("values"):
        listed = _names_listed(t)  # 给申江化工、茸城电子、佘山食品做过顾问: three clients named, proposed
        if listed and all(NOT_DONE.search(f.text) for f in found):
            values[single.key], found = listed, []
        else:
            listed = 0
    if (
        single is not None
        and single.key not in values
        and found
        and (not asked or asked == single.key)
        and not re.search(r"抱歉|不对|错了|说错|记错|应该是|不是|改成|其实|哦不|sorry", t)  # 六家，抱歉是四家
    ):
        # 律所：服务对象4家，还有2家在谈 / 顾问3家，单次咨询2家 / 新增3家，加上老客户总共9家: a count like any other
        as_rule = ThresholdRule(
            kind="threshold", minimum=single.minimum, strict=single.strict, unit=single.unit, label=single.label
        )
        q, _, why = _quantity_for(as_rule, t)
        if why:
            return reask(why, words, "figures do not add up")
        if q is not None:
            values[single.key] = quantity_value(q)
            said_here.add(single.key)
            settled = True
    said_shares = [f for f in found if f.unit == "%"]
    if len(said_shares) == 1 and len(found) == 1 and len(shares) > 1 and _BOTH.search(t):
        found = []  # 培训和开展的两个比例都超过一半: one share for both (assigned below)
        loose = said_shares
    for f in [] if settled else found:
        if said_here and re.search(r"(?:其中|里面|里头|当中)(?:有|的)?$", f.before):
            continue  # 服务了5家，其中2家是协会会员: a part of the figure before it
        key = _cue_key(group, f, t)
        if key is None and len(group.conditions) == 1 and group.conditions[0].key in said_here:
            key = group.conditions[0].key  # 服务了三家，上个月又签了两家新的: the same figure, more of it
        if key is None:
            loose.append(f)
        elif key == "total":
            counts["total"] = quantity_value(f.quantity)
            values = {k: v for k, v in values.items() if k not in counts}  # shares to compute again
        elif f.unit == "%" or not any(k.key == key and k.unit == "%" for k in group.conditions):
            earlier = as_quantity(values.get(key)) if key in said_here else None
            if earlier is not None and f.unit != "%" and re.search(r"又|另外|还|再|新", f.before[-8:] + f.after[:6]):
                values[key] = quantity_value(_sum([earlier, f.quantity]))  # 上半年3家，下半年又服务了4家
            elif (
                earlier is None
                or _ACTUAL.search(f.before)
                or re.search(r"(?:只有|应该是|改成|是|为)\s*$|已经|目前|现在|累计|一共", f.before[-8:])
            ):
                values[key] = quantity_value(f.quantity)  # 6家是我记串了，实际服务的是3家: the figure that stands
            said_here.add(key)
            counts.pop(key, None)
        else:
            counts[key] = quantity_value(f.quantity)
            values.pop(key, None)
    if loose and len(group.conditions) == 1 and group.conditions[0].key not in said_here:
        only = group.conditions[0].key
        stated = [f for f in loose if _STATED_TOTAL.search(f.before[-8:])]
        earlier = as_quantity(values.get(only))
        if len(stated) == 1:  # 加上今年新签的两家，一共6家: the figure said as the total
            values[only] = quantity_value(stated[0].quantity)
            loose = []
        elif earlier is not None and all(re.search(r"又|另外|还有|再|新|加上|另", f.before[-8:]) for f in loose):
            values[only] = quantity_value(_sum([earlier, *(f.quantity for f in loose)]))  # 漏了，还有新签的两家
            loose = []
    if loose and len(group.conditions) == 1 and len(loose) == 1 and group.conditions[0].key not in said_here:
        # 律所：服务过6家 / 不对，是4家
        values[group.conditions[0].key] = quantity_value(loose[0].quantity)
        loose = []
    if loose and _BOTH.search(t) and len(loose) == 1 and loose[0].unit == "%":  # 两个比例都超过三成
        for k in shares:
            values.setdefault(k.key, quantity_value(loose[0].quantity))
        loose = []
    if loose and _BOTH.search(t) and len(loose) == 1 and loose[0].unit != "%" and len(shares) > 1:
        for k in shares:  # 会员90家，两项都是30家 / 培训过的和开展工作的都是32家: one count for both
            if k.key not in values:
                counts.setdefault(k.key, quantity_value(loose[0].quantity))
        loose = []
    said_once = [k for k in shares if k.key in counts or k.key in values]
    if (
        len(shares) == 2
        and len(said_once) == 1
        and re.search(r"也是(?:这个数|这么多|一样)|也一样|一样多|[和跟及][^,，。\d]{1,14}都是\d", t)
    ):
        done, other = said_once[0], next(k for k in shares if k is not said_once[0])
        (counts if done.key in counts else values)[other.key] = (counts if done.key in counts else values)[done.key]
    for k in shares:  # 会员50家，都还没培训过: none of the members for the share it names
        if k.key not in values and k.key not in counts:
            for clause in re.split(r"[,，;；。]", t):
                if (
                    any(cue in clause for cue in k.cues)
                    and re.search(r"没|未", clause)
                    and (not re.search(r"\d", clause) or says_zero(clause))
                ):
                    counts[k.key] = 0  # 商秘培训一次都还没组织过
    missing = [k for k in group.conditions if k.key not in values and k.key not in counts]
    unsure_of = [
        k
        for k in missing
        if any(
            any(cue in p for cue in k.cues) and _unsure(p)
            for p in re.split(r"[,，;；。]", t)
            if not re.search(r"\d", p)
        )
    ]
    if unsure_of and not loose:  # 培训过的会员有一半，开展工作的比例就不清楚了: one part not known, so the answer
        return record("unknown", 0.85, words, "one part not known")
    if asked and len(loose) == 1:
        target = asked
        (counts if target == "total" or (loose[0].unit != "%" and target in {k.key for k in shares}) else values)[
            target
        ] = quantity_value(loose[0].quantity)
        loose = []
    elif loose and len(loose) <= len(missing):  # 正好30%和40%: in the order the table lists them
        for k, f in zip(missing, loose, strict=False):
            if f.unit == "%" or k.unit != "%":
                values[k.key] = quantity_value(f.quantity)
            else:
                counts[k.key] = quantity_value(f.quantity)
    if not found and not hint.button and re.search(r"(?:还|从来?|都)没(?:有)?[^,，。\d]{0,6}过", t):
        a = Analysis("no", 0.9, ["never done"])  # 律所。商秘业务刚起步，还没服务过客户
    elif not found and not hint.button:  # 我们是律所，客户暂时还没有: the answer without the clause naming the kind
        said = [
            p for p in re.split(r"[,，;；。]", t) if (p and not any(w in p for w in group.words)) or _NEGATION.search(p)
        ]
        if said and len(said) < len([p for p in re.split(r"[,，;；。]", t) if p]):
            a = _with_model(analyze("，".join(said)), hint)
    if not found:
        if a.verdict == "unknown":
            return record("unknown", a.confidence, words, *a.reasons)
        if a.verdict == "no" or says_zero(t) or (hint.button and hint.intent == "deny"):
            target = asked or (group.conditions[0].key if len(group.conditions) == 1 else None)
            if target and target != "total":
                values[target] = 0
            elif not target:  # 协会，都还没开始培训: none of the members, for the share it names
                for k in shares:
                    if any(cue in t for cue in k.cues):
                        values[k.key] = 0
    total = as_quantity(counts.get("total"))
    if total is None:  # 全部会员都参加过培训，开展工作的大概一半: all of them, a share of 100 %
        for part, _ in split_clauses(t):
            if re.search(r"全部|全都|全员|所有|每家|百分百", part) and not re.search(
                r"\d|没|不|未", re.sub(r"\d+\s*(?:轮|遍|次|回)", "", part)
            ):  # 全部会员都培训过一轮了
                for k in shares:
                    if k.key not in values and k.key not in counts and any(cue in part for cue in k.cues):
                        values[k.key] = 100
    if total is not None:  # 会员80家，全部培训过: the whole membership
        for part, _ in split_clauses(t):
            if re.search(r"全部|全都|都(?!没|不)|全员|所有|每家|百分百|100%", part) and not re.search(r"\d", part):
                for k in shares:
                    if k.key not in values and k.key not in counts and any(cue in part for cue in k.cues):
                        counts[k.key] = quantity_value(total)
    for k in shares:
        n = as_quantity(counts.get(k.key))
        if k.key not in values and n is not None and n.relation == "eq" and n.value == 0:
            values[k.key] = 0  # 还没培训过会员，比例是零: none of any total
        if k.key in values or n is None or total is None:
            continue
        if total.value <= 0:
            return reask("成员总数不能是0，请再说一下成员单位一共多少家。", words, "zero total")
        if n.value > total.value:
            return reask(
                f"{_short(k.label)}（{n.describe('家')}）比成员总数（{total.describe('家')}）还多，请核对后再说一下。",
                words,
                "count over total",
            )
        share = _share(n, total, k.minimum, k.strict)
        if batched and batched[0] == k.key and batched[1].high > batched[1].low:
            most = _share(Quantity(value=batched[1].high), total, k.minimum, k.strict)
            if (
                share is not None
                and most is not None
                and share.meets(k.minimum, k.strict) != most.meets(k.minimum, k.strict)
            ):  # 上半年20家，下半年16家，有没有重复的没统计: 20–36 of 100 straddles 30 %
                return more(  # the rest of the answer is kept: the next message only gives the deduplicated count
                    {
                        "group": group.name,
                        "values": {kk: v for kk, v in values.items() if kk != k.key},
                        "counts": {kk: v for kk, v in counts.items() if kk != k.key},
                        "key": k.key,
                        "question": f"几批合起来{batched[1].low:g}到{batched[1].high:g}家，要看有没有重复来的单位。"
                        "去重后一共多少家成员单位参加过培训？",
                    },
                    words,
                )
        if share is None:
            return reask(
                f"{_short(k.label)}（{n.describe('家')}）和成员总数（{total.describe('家')}）算出的比例在{k.minimum:g}%上下，"
                "请告诉我确切的家数。",
                words,
                "share straddles the threshold",
            )
        values[k.key] = quantity_value(share)
    for k in shares:
        q = as_quantity(values.get(k.key))
        if q is not None and q.value > 100:
            return reask(f"{k.label}不能超过100%，请核对后再说一下。", words, "share over 100")
    state = {"group": group.name, "values": values, "counts": counts}
    decided = [k for k in group.conditions if (q := as_quantity(values.get(k.key))) is not None]
    if any(as_quantity(values[k.key]).meets(k.minimum, k.strict) is False for k in decided):  # type: ignore[union-attr]
        straddles = any(
            q.relation == "range" and q.upper is not None and q.upper >= k.minimum
            for k in decided
            if (q := as_quantity(values[k.key])) is not None
        )  # 律所，服务对象四五家 against 不少于5家: the lower bound, proposed
        conf = CONFIRM_BELOW - 0.2 if straddles or listed else 0.9
        r = record({k.key: values[k.key] for k in decided}, conf, words, "a figure already fails the path")
        return r.model_copy(update={"pending": state})
    still = [k.key for k in group.conditions if k.key not in values]
    if still:
        if any(k.key in counts for k in shares) and total is None:
            return more({**state, "key": "total"}, words)
        return more({**state, "key": still[0]}, words)
    for k in group.conditions:
        q = as_quantity(values[k.key])
        if q is not None and q.meets(k.minimum, k.strict) is None:
            op = "超过" if k.strict else "不少于"
            return reask(
                f"“{q.describe(k.unit)}”没法判断{k.label}是否{op}{k.minimum:g}{k.unit}，请告诉我确切的数字。",
                words,
                "ambiguous side",
            )
    r = record(
        {k.key: values[k.key] for k in group.conditions}, CONFIRM_BELOW - 0.1 if listed else 0.9, words, "figures"
    )
    return r.model_copy(update={"pending": state})


_NAME_LIST = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,16}(?:[、/]\s*[\u4e00-\u9fffA-Za-z]{2,10}){1,}")
_NOT_A_NAME_ITEM = re.compile(r"没|未|不|还在|在谈|意向|打算|准备|咨询过|问过|等")


def _names_listed(t: str) -> int:
    """How many clients a list names (给A公司、B科技、C材料做过顾问): counted where the list follows words of
    serving (服务 / 客户 / 给 / 为 / a colon) and every item but the last is a bare name."""
    best = 0
    for m in _NAME_LIST.finditer(t):
        items = [i.strip() for i in re.split(r"[、/]", m.group(0)) if i.strip()]
        lead_words = r"(?:服务(?:过|了)?|客户(?:有|是|包括)?|对象(?:有|是|包括)?|给|为|帮|包括|[:：])"
        lead = re.search(lead_words, items[0])
        if any(_NOT_A_NAME_ITEM.search(i) for i in items):
            continue
        if lead is not None:
            items[0] = items[0][lead.end() :]
        elif not re.search(lead_words + r"\s*$", t[max(0, m.start() - 8) : m.start()]):
            continue
        if (
            all(2 <= len(i) <= 10 and not re.search(r"[有是了过都也就等]", i) for i in items[:-1])
            and len(items[0]) >= 2
        ):
            best = max(best, len(items))
    return best


def _share(count: Quantity, total: Quantity, minimum: float, strict: bool) -> Quantity | None:
    """count / total as a percentage that keeps its side of the threshold: 培训过一百家左右 of 会员三百多家
    is 25–35 %, which does not say whether it is over 30 %, so None (ask)."""
    if count.relation in ("eq", "range") and total.relation in ("eq", "range"):
        low = count.value / (total.upper or total.value) * 100  # 两百家里培训了六七十家: 30–35 %
        high = (count.upper or count.value) / total.value * 100
        if (low > minimum if strict else low >= minimum) != (high > minimum if strict else high >= minimum):
            return None  # a range either side of the line: ask for the figures
        return Quantity(value=round(count.value / total.value * 100, 2))
    c_low, c_low_in, c_high, c_high_in = count.interval()
    t_low, t_low_in, t_high, t_high_in = total.interval()
    low = c_low / t_high * 100 if t_high not in (0, float("inf")) else 0.0
    high = c_high / t_low * 100 if t_low > 0 else float("inf")
    low_in = c_low_in and t_high_in  # 120 of 三百多 (300 up to, not including, 400): above 30 %, never exactly
    high_in = c_high_in and t_low_in
    if low > minimum or (low == minimum and not strict):
        return Quantity(value=round(low, 2), relation="ge")
    if low == minimum and not low_in:  # never exactly the minimum: above it
        return Quantity(value=round(low, 2), relation="gt")
    if high < minimum or (high == minimum and (strict or not high_in)):
        return Quantity(value=round(high, 2), relation="le" if high_in else "lt")
    return None


def _short(label: str) -> str:
    return label.replace("占成员总数的比例", "").replace("的比例", "")


_COVERS = re.compile(r"(?:涉及|覆盖(?:了|到)?|来自|分属|包括|共涉及|落到)[^,，。\d]{0,3}(?:会员|成员)")


_OLDER = re.compile(r"前年|去年|往年|以前|之前|上一?年度?|(?:19|20)\d\d年")
_NEWER = re.compile(r"今年|最新|现在|目前|本年度?")


def _latest_of_each(group: ConditionGroup, found: list[Found], t: str) -> list[Found]:
    """前年培训率两成，今年最新的是35%: a figure of an earlier year gives way to the newer one of the same kind."""
    old = _OLDER.search(t)
    new = _NEWER.search(t, old.end()) if old else None
    if (
        old is None
        or new is None
        or re.match(r"[^,，。;；\d]{0,4}?(?:又|再|另外|新增|新(?:培训|开展|来))", t[new.end() :])
    ):
        return found  # 去年培训了20家，今年又培训了20家: more of them, not the same figure again
    earlier = [f for f in found if old.start() <= f.start < new.start()]
    old_keys = [_cue_key(group, f, t) for f in earlier]
    new_keys = {  # 今年最新的是35%: a figure without its words stands where the earlier one of its place did
        _cue_key(group, f, t) or (old_keys[i] if i < len(old_keys) else None)
        for i, f in enumerate(f for f in found if f.start >= new.start())
    } - {None}
    keys = [_cue_key(group, f, t) for f in found]
    return [f for f, k in zip(found, keys, strict=True) if f not in earlier or k not in new_keys]


def _cue_key(group: ConditionGroup, f: Found, text: str) -> str | None:
    """Which figure a number is: the one the words before it name, else the words after it."""
    pieces = re.split(r"[,;、。/]", f.before)  # 培训13家、开展13家 / 培训22家。开展23家。: each figure its own words
    before = pieces[-1]
    after = f.after
    if (
        len(pieces) > 1
        and not before.strip()
        and not any(c.isdigit() for c in pieces[-2])
        and not any(cue in after[:8] for k in group.conditions for cue in k.cues)
    ):
        before = pieces[-2]  # 会员名单在系统里，200家 (but 10家培训过，9家在做保护: the words after it)
    before = re.sub(r"^.*\d", "", before)  # 成员单位25家里10家培训过: only the words after the figure before it
    share = f.unit == "%"  # a share is never the membership: 成员单位里超过一半都培训过
    if _COVERS.search(before) and len(earlier := re.split(r"[,;。/]", text[: f.start])) > 1:
        for k in group.conditions:  # 培训了200人次，覆盖会员单位28家: the members that clause reached
            if any(cue in earlier[-2] for cue in k.cues):
                return k.key
    for near in (before[-8:], after[:8], *((before,) if share else ())):
        for k in group.conditions:
            if any(cue in near for cue in k.cues):
                return k.key
        if group.total_cues and not share and any(cue in near for cue in group.total_cues):
            return "total"
    return None


def describe_words(words: str, limit: int = 200) -> str:
    """The unit's words as the record keeps them: trimmed, at most ``limit`` characters."""
    w = " ".join(words.split())
    return w if len(w) <= limit else w[: limit - 1] + "…"


__all__ = [
    "CONFIRM_BELOW",
    "Hint",
    "Reading",
    "describe_words",
    "quantity_value",
    "read",
]
