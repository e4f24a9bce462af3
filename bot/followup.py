"""Replies that follow an answer: a change of it, more of it, a remark on it, or a change of an earlier answer
the message names. Kept apart from the walk (``Engine``): these read what a message does to what was said."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol

from . import correction
from .quantity import UNIT_WORDS, Quantity, as_quantity, numbers, says_zero
from .reading import NOT_COUNTED_AS, Hint, Reading, describe_words, others_figures, quantity_value, read
from .rubric import (
    AlternativesRule,
    Criterion,
    FormField,
    PerCountRule,
    Rubric,
    ThresholdRule,
    TierRule,
    TwoPartRule,
)
from .said import (
    _ASKED_BACK,
    _ASKS_ABOUT,
    _BY_SO_MANY,
    _CONFIRM_NO,
    _CONFIRM_YES,
    _CONFIRMS,
    _DOUBT,
    _MORE_OF_IT,
    _NAMES_IT,
    _STATED_FIGURE,
    _TAKE_OFF,
    ANSWER_OPENING,
    _delta,
    _doubted,
    _fits_unit,
    _group_left_out,
    _mostly_about,
    _none_of_them,
    _one_part_denied,
    _only_about,
    _same_score,
    _stated_parts,
    _the_new_figure,
    _tier_completed,
    describe_answer,
    kinds_edited,
)
from .session import COMMAND_WORDS, Message, Session, UserEvent, _hint
from .text import arabic, normalize
from .understanding import (
    matched_keywords,
)
from .verdict import NO_BAD_EVENT, UNSURE, context, measures_named, on_topic, topic_words


class Walk(Protocol):
    """What the follow-ups need of the walk (``dialogue.Engine``): where it is, how it asks, records, proposes,
    corrects and takes back. A protocol, so that this module does not import the walk that uses it."""

    def rubric(self, s: Session) -> Rubric: ...
    def basics(self, s: Session) -> list[FormField]: ...
    def criterion_at(self, s: Session, cursor: int | None = None) -> Criterion | None: ...
    def field_at(self, s: Session, cursor: int | None = None) -> FormField | None: ...
    def position(self, s: Session, c: Criterion) -> tuple[int, int]: ...
    def ask(self, s: Session, intro: bool = False, prefix: str = "") -> list[Message]: ...
    def _apply(self, s: Session, c: Criterion, r: Reading) -> list[Message]: ...
    def _record(self, s: Session, c: Criterion, value: Any, words: str, ack_prefix: str = "") -> list[Message]: ...
    def _propose_change(
        self, s: Session, c: Criterion, value: Any, words: str, back: bool = False
    ) -> list[Message]: ...
    def _proposal_message(
        self, s: Session, c: Criterion, value: Any, change: bool = False, paused: bool = False
    ) -> Message: ...
    def _split_now(
        self, s: Session, text: str, c_last: Criterion, current: Criterion | None, named: bool = False
    ) -> tuple[str, str] | None: ...
    def _then(self, s: Session, done: list[Message], now: str) -> list[Message]: ...
    def _correct(self, s: Session, ev: UserEvent, c: Criterion, fix: correction.Correction) -> list[Message]: ...
    def _taken_back(self, s: Session, c: Criterion, why: str, problem: str = "") -> list[Message]: ...
    def _quoted_figure(self, s: Session, text: str) -> Criterion | None: ...
    def _figures_said(self, s: Session, c: Criterion) -> dict[str, Any]: ...
    def _names_a_figure_of(self, s: Session, last: str | None, text: str) -> bool: ...
    def _modify(self, s: Session, ev: UserEvent) -> list[Message]: ...
    def _more_of_it(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None: ...
    def _answers_now(self, s: Session, ev: UserEvent, c: Criterion) -> bool: ...
    @staticmethod
    def _torn(s: Session, c: Criterion, text: str) -> bool: ...
    def _named_and_kept(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None: ...
    def _find_target(self, s: Session, ev: UserEvent) -> int | None: ...


def _fits_parts(c: Criterion, text: str) -> bool:
    """Whether the text gives a figure in a measure word of a two-count answer (类 / 家)."""
    return isinstance(c.rule, TwoPartRule) and any(
        f.unit and f.unit in p.words for p in c.rule.parts for f in numbers(text)
    )


def _names_only(text: str, topic: str, other: str) -> bool:
    """Whether the text says a word of ``topic`` that ``other`` lacks (保密协议 of the question now asked)."""
    return any(w in topic and w not in other for w in topic_words(normalize(text)))


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


# 竞业限制那块 / 管商秘那个人的问题: words that name a question (not 刚才那题 / sorry 那题)
_REAL_NAME = re.compile(r"[\u4e00-\u9fff]{2}" + correction.NOT_A_NAME + r"(?<!就是)(?<!其实)" + correction.NAMING)


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
    r"(?:\d|[一二两三四五六七八九十百])\s*(?:人次|[家次场起个人])?是[^,，。\d]{1,12}(?:数|数量|人数|次数)(?:[,，。]|$)|"
    r"(?:目前|现在|截至目前|到现在)[^,，。\d]{0,4}(?:\d|[一二两三四五六七八九十百])|"
    r"全年|整年|算下来|"
    + NOT_COUNTED_AS
    + r"|去掉|减掉|扣掉|扣除|刨掉|减去|剔除|不该算|算进去了|漏(?:了|算|加|报|统计)|少加|"
    r"\d\s*[+＋]\s*\d|其中(?:有)?\s*(?:\d|[一二两三四五六七八九十])|"
    r"(?:那|所以)[^,，。\d]{0,6}?(?:就|只有|才)(?:是)?\s*(?:\d|[一二两三四五六七八九十])|"
    r"各(?:一|1)\s*(?:次|场|家|起|回)|(?:还有|另外|又)(?:有)?\s*(?:\d|[一二两三四五六七八九十])+\s*(?:次|场|家|起|回|个|所)|"
    r"(?:做|办|帮|协助|查|搞|开展|服务|参加|来)的(?:是|有|就是|只是)\s*(?:\d|[一二两三四五六七八九十百])"  # 我们协助的是两起
)


# fewer or more than the figure just given, with no figure: 可能没那么多 / 好像没这么多吧 / 不止 / 还不止这些
_NOT_SO_MANY = re.compile(
    r"(?:嗯|呃|额|哦|唔)?[,，\s]*(?:可能|好像|估计|应该|其实|感觉|实际上?)?(?:也)?"
    r"(?:没(?:有)?(?:那么|这么)多|比[^,，。少多]{0,8}?(?:略|稍微?|还|要)?少(?:一点|一些|点儿?|些)?"
    r"|(?P<more>(?:还|应该|可能|其实)?不止(?:这些|这个数|这么多|那么多)?"
    r"|比[^,，。少多]{0,8}?(?:略|稍微?|还|要)?多(?:一点|一些|点儿?|些)?))[了吧啊呀哦]*[,，。.!！~…\s]*"
)


# 调解有一起没成功 / 联芯那个最后没调成，去掉: one part of the count said not to count
_POINTS_BACK = re.compile(r"前面|之前|刚才|刚刚|上上|那题|那道题|那个问题|排名|榜单|规模")


_MEASURE_UNIT = {
    "几起": "起",  # 前面说的几起改成0: the count named by its measure word
    "几次": "次",
    "几家": "家",
    "人数": "人次",
    "人次": "人次",
    "次数": "次",
    "家数": "家",
    "起数": "起",
    "案件数": "起",
    "案子数": "起",
}


_MEASURE_NAMED = re.compile(f"({'|'.join(_MEASURE_UNIT)})")
# a reply that opens with its answer (有的。另外集团明年要来查两次): read as said
_PLAIN_HEAD = re.compile(
    rf"^(?:{ANSWER_OPENING}|不清楚|不知道)(?:[,，。.!！~\s]|$)"
    r"|^(?:从来|从|一直|向来|压根)?(?:没|未)(?:有)?(?:出|发生|遇到|碰到)过"
)
# an aside or a plan around a figure (对了… / 另外… / 明年争取… / …没法比)
_ASIDE_MARK = re.compile(r"^(?:对了|哦对了|另外|顺便|顺带|btw)|明年|后年|目标|争取|打算|计划|[?？吗]$")
# 前面那个数 / 刚才那个数字 / 那个数据: the figure answered, pointed back to without its measure
_NUMBER_POINTER = re.compile(r"(?:那个|这个|那|的)(?:数字|数据|数)(?![量目])")


_TIER_DENIED = re.compile(  # (no，全国榜单我们排第14 / 也不是，… / 不对，区里的: the tier just said, denied)
    r"(?:^|[,，。;；])(?:[^\w]|no|sorry|不好意思|抱歉|哦|啊|嗯)*(?:也|都|还)?(?:不是|不对|不算|错了|no\b)"
)


# a change of a two-count answer told relative to what was said: more of it, part of it taken off, one moved
# a firm of a two-count answer added or gone: 注销了 / 搬到泗泾去了 / 去掉吧 / 还有一家… / 也在园区里 / 刚签的入驻
_FIRM_CHANGED = re.compile(
    r"注销|搬(?:走|到|去|出|离)|迁(?:走|到|出)|去掉|剔掉|剔除|删掉|拿掉|划掉|不算|不在(?:我们|本)?园区|不做商秘|关门|倒闭|撤(?:了|走)|"
    r"漏了|(?<![没])还有|另外|再加|也在(?:我们)?园区|也入驻|新入驻|刚入驻|入驻了"
)

# 律所有两家，其中一家只是挂名，要去掉: some of the firms of one kind gone, the kind itself still there
_SOME_OF_A_KIND_OFF = re.compile(
    r"(?P<n>\d+)\s*家[,，\s]*(?:其中|里面?|当中|中间)?(?:有|的)?\s*(?P<k>\d+)\s*家"
    r"[^。;；]{0,20}?(?:注销|搬(?:走|出|离)|迁(?:走|出)|去掉|剔掉|剔除|删掉|拿掉|划掉|不算|不在(?:我们|本)?园区|关门|倒闭|撤(?:了|走)|挂名)"
)


class FollowUp:
    """The follow-up handlers of one engine: they read against its session and answer through its walk."""

    def __init__(self, engine: Walk) -> None:
        self.engine = engine

    def reply(self, s: Session, ev: UserEvent, last: str) -> tuple[list[Message] | None, UserEvent]:
        """A message just after an answer (``last``): a change of it, more of it, a remark on it, or a change of an
        earlier answer it names. Returns the reply, or None and the message as it is to be read as a new answer."""
        asked_too: str | None = None
        if ev.text and (parts := _question_after(ev.text)) is not None:
            ev, asked_too = replace(ev, text=parts[0]), parts[1]  # 说错了是两起，那这样能加几分？: the change first
        if ev.text and not correction.names_its_target(ev.text):
            c_last = self.engine.rubric(s).get(last)
            quoted = self.engine._quoted_figure(s, ev.text)
            if quoted is not None and quoted.id != last:
                c_last = quoted  # 我刚说的800是报名数，实际签到是460 (two questions later): the answer it quotes
            elif c_last.expects != "tier" and (tiered := self._tier_named(s, ev.text)) is not None:
                c_last = tiered  # 前面排名那题，不是市级，是区级 (two questions later): the tier's own question
            elif (c_last.expects == "boolean" or (c_last.expects == "number" and not _fits_unit(c_last, ev.text))) and (
                owner := self._figure_owner(s, ev.text)
            ) is not None:
                c_last = owner  # 300 / 协助过维权 / 宣传人次多打了一个0，是30人次: the figure's own question
                # (4次 just said, then 宣传活动全年一共320人次，以这个为准: 人次 is no count of 次)
            if self.engine._torn(
                s, c_last, ev.text
            ):  # 三家 → 有一家好像还在公示期，不知道算不算 / 三百是大概数，可能不到三百: no figure holds
                return self.engine._taken_back(s, c_last, "doubt"), ev
            if c_last.id == last and (disputed := self._figure_disputed(s, ev, c_last)) is not None:
                return disputed, ev  # 5家 → 其实没那么多吧: no 0, and no answer to the question now asked
            if (gone := self._some_of_a_kind_off(s, ev, c_last)) is not None:
                return gone, ev
            fix = correction.parse(
                ev.text, s.answers.get(c_last.id if quoted is c_last else last), c_last.expects != "boolean"
            )
            if fix is None:
                fix = self._figure_revised(s, ev.text, c_last) or self._tier_revised(s, ev.text, c_last)
            if (
                fix is None
                and c_last.expects == "counts"
                and s.words.get(c_last.id)
                and correction.changed_to(ev.text)
                and correction.figure_swapped(s.words[c_last.id], ev.text) is not None
            ):  # 25→10 (会员50家…开展保护工作的25家 just said; the shares are recorded): a figure of it swapped
                fix = correction.Correction("explicit", ev.text)
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
                and not self.engine._names_a_figure_of(
                    s, last, ev.text
                )  # 培训那个数说错了: a figure of the last answer
            ):  # 竞业限制那题要改成有
                if head is not None:  # 竞业限制再更正下：… — the words before the change name an earlier answer
                    ev = replace(ev, entities={"criterion": head})
                named = self.engine._find_target(s, ev if head is not None else replace(ev, entities={}))
                if named == s.cursor:
                    fix = None  # 其实密级标识这个是有的 (asked 密级标识 now): an answer to the question now asked
                elif (
                    named is None
                    and c_last.id != last
                    and c_last.expects == "number"
                    and self._named_by_its_words(ev.text, c_last)
                ):
                    pass  # 前面检查次数那题说错了，只有一次: the figure's own question, named by its words
                elif named != len(self.engine.basics(s)) + self.engine.rubric(s).criteria.index(c_last) and (
                    named is not None
                    or (
                        _REAL_NAME.search(normalize(ev.text)) is not None
                        and not re.search(r"刚才|刚刚|刚那|上一?题|上个(?:问题|题)|前一题", ev.text)
                    )
                ):  # a question named that we cannot find: asked which, never the last one changed instead
                    return self.engine._modify(s, replace(ev, command="modify")), ev
            current = self.engine.criterion_at(s)
            if (
                fix is not None
                and fix.kind == "supplement"
                and correction.opens_with_contrast(ev.text)
                and current is not None
                and correction.about(ev.text, context(current).topic, context(c_last).topic)
            ):
                fix = None  # 不过账号密码不交回 (just after 会告知 on 离职告知): it answers the question now asked
            if (
                fix is not None
                and fix.kind in ("recalled", "supplement")
                and c_last.expects == "number"
                and not correction.EXPLICIT_CUE.search(ev.text)
                and numbers(ev.text)
                and not _fits_unit(c_last, ev.text)
                and all(f.unit for f in numbers(ev.text))
            ):  # 3次 → 对了，那场直播最高同时在线有两百人: a figure of something else, no change of it
                fix = None
                asked = self.engine.criterion_at(s)
                if asked is not None and asked.id != c_last.id and not on_topic(ev.text, context(asked).topic):
                    i = self.engine.position(s, c_last)[0]
                    held = describe_answer(c_last, s.answers.get(c_last.id))
                    return self.engine.ask(
                        s, prefix=f"好的。第 {i} 项“{c_last.short}”仍记为“{held}”。我们接着这一题："
                    ), ev
            if fix is not None and fix.kind == "revision" and not self._revises(s, c_last, fix):
                fix = None  # 其实也有: it answers the question now asked
            if (
                fix is not None
                and fix.kind in ("revision", "supplement", "checked")
                and self.engine._answers_now(s, ev, c_last)
            ):
                fix = None  # 一次 → 检查发现的问题没整改过，那次检查完就放着了: 整改 is the question now asked
            if (
                fix is not None
                and correction.only_points_back(ev.text)
                and not (c_last.expects in ("number", "counts") and numbers(ev.text))  # (刚才那个是4家: a new figure)
                and self.engine._answers_now(s, replace(ev, text=correction.without_pointer(ev.text)), c_last)
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
                and self.engine._split_now(s, ev.text, c_last, current) is None  # (上题改成2家。侵权事件没发生过: both)
            ):
                fix = None  # 三家 → 不是不是，园区里从没出过这种事: no incident, the question now asked
            if (
                fix is not None
                and c_last.id in s.answers
                and _ASKED_BACK.search(normalize(ev.text))
                and (kept := self.engine._named_and_kept(s, ev, c_last)) is not None
            ):
                return kept, ev  # 那两次里有一次只查了制度，这样算不算数？: a question about it, not a change
            if fix is not None:
                split = self.engine._split_now(s, ev.text, c_last, current)
                if split is not None:  # 上一题改成部分，有几台老设备还是默认密码。加密这题：都没有
                    head, now = split
                    fix = correction.parse(head, s.answers.get(c_last.id), c_last.expects != "boolean") or fix
                    return self.engine._then(s, self.engine._correct(s, replace(ev, text=head), c_last, fix), now), ev
                if asked_too is not None:
                    told = Message(
                        text=f"关于您问的“{asked_too}”：第 {self.engine.position(s, c_last)[0]} 项“{c_last.short}”"
                        f"的标准是：{c_last.standard.rstrip('。')}；证明材料：{'；'.join(c_last.evidence)}。"
                    )
                    return [told, *self.engine._correct(s, ev, c_last, fix)], ev
                return self.engine._correct(s, ev, c_last, fix), ev
            if asked_too is not None:
                ev = replace(ev, text=f"{ev.text}，{asked_too}")  # no change after all: the message as said
            if (
                ev.command == "answer"
                and re.match(r"[^,，。;；\d]{2,10}?" + correction.NAMING, normalize(ev.text))
                and (head := self._head_target(s, ev.text, last)) is not None
                and self._changes_named(s, ev.text, self.engine.rubric(s).get(head))
            ):  # 权限那个我问了IT，都是按岗位开的 / 宣传那块有一场100人的是前年的，去掉: the question it names
                return self.engine._modify(s, replace(ev, command="modify", entities={"criterion": head})), ev
            if ev.command == "answer":
                guess = (
                    self._remark(s, ev)
                    or self._confirms_earlier(s, ev)
                    or self._kept_as_said(s, ev, c_last)
                    or self._two_count_changed(s, ev, c_last)
                    or self._rank_again(s, ev, c_last)
                    or self._topical_correction(s, ev, c_last)
                    or self._figure_narrowed(s, ev, c_last)
                    or self._same_figure_again(s, ev, c_last)
                    or self._figure_continued(s, ev, c_last)
                    or self._figure_after_figure(s, ev, c_last)
                    or self._part_revised(s, ev, c_last)
                    or self._item_of_figure(s, ev, c_last)
                    or self._aside_after_figure(s, ev, c_last)
                )
                if guess is not None:
                    return guess, ev
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
                    return late, ev
        return None, ev

    def _late_change(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """哦有的，我们编了一本指引 / 算了，其实就是常规宣传 right after the last question: the walk is over, so
        nothing else can be meant but that answer. Only proposed ("您是要把第 N 项改为…吗？"), never recorded
        unasked, and only when it reads as something else than was recorded; a short 好 / 不用 answers
        the summary's question."""
        text = normalize(ev.text)
        if len(text) < 5 or _CONFIRM_YES.match(text) or _CONFIRM_NO.match(text):
            return None
        if self.engine.rubric(s).criteria[-1].id != c.id:
            return None  # the summary after a review or a jump: the last answer may be anywhere
        r = read(c, ev.text, Hint(), {})
        previous = s.answers.get(c.id)
        if r.outcome != "record" or r.value == previous or (r.value == "unknown" and not UNSURE.search(text)):
            return None
        s.proposal = {"criterion": c.id, "value": r.value, "words": describe_words(ev.text.strip())}
        return [self.engine._proposal_message(s, c, r.value, change=c.id in s.answers)]

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
        answered = list(reversed([c for c in self.engine.rubric(s).criteria if c.id in s.answers]))
        if not figures and _NUMBER_POINTER.search(
            t
        ):  # 前面那个数改成580: the latest figure answered, whatever its unit
            latest = next((c for c in answered if isinstance(c.rule, (ThresholdRule, PerCountRule))), None)
            if latest is not None and not others_figures(arabic(t), getattr(latest.rule, "unit", "")):
                return latest
        for c in answered:
            rule = c.rule
            if isinstance(rule, (ThresholdRule, PerCountRule)) and others_figures(arabic(t), rule.unit):
                continue  # 集团审计每年也会来一次，那个跟我们自己的检查不是一回事: an aside, no change of ours
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

    def _tier_named(self, s: Session, text: str) -> Criterion | None:
        """The tier question answered earlier, when a later reply points back to it and changes its tier — or,
        without a pointer, denies the old tier in its own words (不是市级，是区级的 two answers later: no "no" to
        the question now asked, and no 0 for a count)."""
        pointed = bool(_POINTS_BACK.search(text))
        return next(
            (
                c
                for c in self.engine.rubric(s).criteria
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
        rule, current = c.rule, self.engine.criterion_at(s)
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
                and self.engine._find_target(s, UserEvent("answer", text))
                == len(self.engine.basics(s)) + self.engine.rubric(s).criteria.index(c)
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
        r = read(c, said, Hint(), self.engine._figures_said(s, c))  # 客户3家 → 我再数了下，是5家
        if r.outcome == "reask" and "either figure" in r.reasons:
            return True  # 两起 → 一起或者三起，两起肯定不对: the old figure doubted, two others offered
        return r.outcome == "record" and r.value != s.answers.get(c.id)

    def _topical_correction(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """其实都隔离了，中试车间也装了门禁 (just after 部分做到 on 区域隔离) / 期限没标，也没登记 (just after
        密级标了): a reply about the previous question's subject, not the current one's.

        What says something else than was recorded is only proposed ("您是要把第 N 项改为…吗？"), never
        recorded unasked; what tells more of it is kept with it, and the question now asked is asked again."""
        current = self.engine.criterion_at(s)
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
                    return self.engine._propose_change(s, c, r.value, describe_words(ev.text.strip()))
            return None  # a figure: the figure rules decide (核了签到表，其实只有260人次)
        if (
            isinstance(c.rule, TwoPartRule)
            and isinstance(previous, dict)
            and (edited := kinds_edited(c.rule, previous, said, ev.text)) is not None
        ):  # 律所2家、鉴定所1家 → 那家鉴定所去年关了: the kinds one by one, counted again
            worked = read(c, edited, Hint(), {})
            if worked.outcome == "record" and worked.value != previous:
                return self.engine._propose_change(s, c, worked.value, edited)
        if c.expects == "number" and (less := _delta(c, previous, ev.text)) is not None and less != previous:
            return self.engine._propose_change(
                s, c, int(less), describe_words(f"{said}；{ev.text.strip()}")
            )  # 技术方案那次没做完，这次就不算了
        if c.expects == "number" and said:  # 2起 → 都没成功 / 那两起都是专利纠纷: the figure read again with it
            whole = read(c, f"{said}，{ev.text.strip()}", Hint(), {})
            if whole.outcome == "record" and whole.value != previous:
                return self.engine._propose_change(s, c, whole.value, describe_words(f"{said}；{ev.text.strip()}"))
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
                return self.engine._propose_change(s, c, r.value, describe_words(ev.text.strip()))
        if self._answers_instead(s, ev, c):
            return None  # 就两家 → 这类事件没有。倒是有两家企业来问过…: the question now asked, told with it
        s.words[c.id] = describe_words(f"{said}；{ev.text.strip()}" if said else ev.text.strip())
        s.last = c.id
        i = self.engine.position(s, c)[0]
        return self.engine.ask(
            s,
            prefix=f"好的，这是对第 {i} 项“{c.short}”的补充，仍记为“{describe_answer(c, previous)}”。我们接着这一题：",
        )

    def _answers_instead(self, s: Session, ev: UserEvent, c: Criterion) -> bool:
        """A message that changes nothing of the figure or tier just given (no figure in its unit) and that the
        question now asked reads as an answer: it is that answer (排不上，区里也就中游 after 三类四家)."""
        current = self.engine.criterion_at(s)
        if current is None or current.id == c.id or c.expects not in ("number", "counts", "tier"):
            return False
        if c.expects != "tier" and numbers(ev.text) and read(c, ev.text, Hint(), {}).outcome == "record":
            return False  # a figure of its own for the answer just given
        if current.expects != "tier" and not _mostly_about(ev.text, context(current).topic, context(c).topic):
            return False  # 4次 → 都是免费咨询，有台账可查: more of the figure, not the question now asked
        r = read(current, ev.text, _hint(ev), {})
        return r.outcome == "record" and r.value != "unknown"

    def _figure_continued(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """4次 → 其中两次是收费的咨询 / 3起 → 其中一起是园区外企业的 / 两起 → 哦对了还有一起调解成功的 /
        2次 → 大概吧: a part of the figure just given that does not count, more of it, or a doubt about it. The
        figure read again with it is proposed, never recorded unasked; a doubt that leaves it unplaced asks it again."""
        current = self.engine.criterion_at(s)
        t = normalize(ev.text)
        if current is not None and current.id != c.id and c.expects == "number" and _NOTHING_MORE.fullmatch(t):
            i = self.engine.position(s, c)[0]
            return self.engine.ask(
                s, prefix=f"好的，第 {i} 项“{c.short}”记为“{describe_answer(c, s.answers.get(c.id))}”。"
            )
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
            return self.engine._named_and_kept(s, ev, c)
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
            return self.engine._taken_back(s, c, "doubt")  # 3次 → 可能只有两三次，有一次不确定算不算公益
        if r.outcome == "reask" and _QUALIFIES_FIGURE.match(t) and previous is not None:
            s.return_to, s.cursor = s.cursor, len(self.engine.basics(s)) + self.engine.rubric(s).criteria.index(c)
            s.answers.pop(c.id, None)  # 2次 → 大概吧: the doubt takes the figure back; asked again, never kept
            return self.engine.ask(s, prefix=f"{r.problem or '请再说一下确切的数字。'}")
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
            i = self.engine.position(s, c)[0]
            return self.engine.ask(s, prefix=f"好的，第 {i} 项“{c.short}”记为“{describe_answer(c, previous)}”。")
        if r.value == previous and self._answers_instead(s, ev, c):
            return None  # 800人次 → 另外我们还把宣传的做法分享给了两个兄弟园区: the question now asked (分享)
        if r.value == previous:  # 另外市场监管所来检查过2次，跟我们的内部检查不是一回事: nothing more of it
            i = self.engine.position(s, c)[0]
            return self.engine.ask(
                s, prefix=f"好的，第 {i} 项“{c.short}”仍记为“{describe_answer(c, previous)}”。我们接着这一题："
            )
        return self.engine._propose_change(s, c, r.value, describe_words(f"{said}；{ev.text.strip()}"))

    def same_as_last(self, s: Session, ev: UserEvent, last: str) -> list[Message] | None:
        """同上 / 跟上一题一样，也有 (a yes/no asked just after one): the answer to the question now asked, the same
        as the last one's — or what follows 一样 when it says it."""
        current, c_last = self.engine.criterion_at(s), self.engine.rubric(s).get(last)
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
            return self.engine._apply(s, current, r.model_copy(update={"words": ev.text.strip()}))
        return self.engine._record(s, current, s.answers[last], ev.text.strip())

    def _item_of_figure(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """2起 → 另一起还在审，没立案 / 第二起还没结果 (a yes/no asked now): one of the items just counted, told
        about — the figure read again with it is proposed when it changes; else it is more of that answer."""
        current, rule = self.engine.criterion_at(s), c.rule
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
            return self.engine._propose_change(s, c, int(less), describe_words(f"{said}；{ev.text.strip()}"))
        again = read(c, f"{said}，{ev.text.strip()}", Hint(), {}) if said else read(c, ev.text, Hint(), {})
        before, now = as_quantity(previous), as_quantity(again.value) if again.outcome == "record" else None
        if before is not None and now is not None and now.value < before.value:  # (另一起也成功了: no third one)
            return self.engine._propose_change(s, c, again.value, describe_words(f"{said}；{ev.text.strip()}"))
        if again.outcome == "record":
            return self.engine._more_of_it(s, ev, c)
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
        previous = s.answers[c.id]
        if (
            named
            and isinstance(previous, dict)
            and (edited := kinds_edited(rule, previous, s.words[c.id], ev.text)) is not None
            and (worked := read(c, edited, Hint(), {})).outcome == "record"
            and worked.value != previous
        ):  # 律所两家、鉴定一家 → 再加两家律所 / 律所有一家退租了: the kinds one by one, whatever the words
            return self.engine._propose_change(s, c, worked.value, edited)
        if not (_FIRM_CHANGED.search(t) and (named or re.search(r"(?:那|这|1)家", t))):
            return None
        if any(f.unit in p.words for p in rule.parts for f in numbers(t) if f.quantity.value > 1):
            return None  # (再加上两家鉴定所，那就是三类五家: a figure of its own, read by the revision steps)
        said, previous = s.words[c.id], s.answers[c.id]
        if isinstance(previous, dict) and (edited := kinds_edited(rule, previous, said, ev.text)) is not None:
            worked = read(c, edited, Hint(), {})  # 加一家咨询公司，再去掉一家律所: the kinds one by one
            if worked.outcome == "record" and worked.value != previous:
                return self.engine._propose_change(s, c, worked.value, edited)  # the kinds as they now are
        together = read(c, f"{said}，{ev.text.strip()}", Hint(), {})
        if together.outcome == "record" and together.value != previous:
            return self.engine._propose_change(s, c, together.value, describe_words(f"{said}；{ev.text.strip()}"))
        if together.outcome == "record":
            return None
        return self.engine._taken_back(s, c, "relative")

    def _some_of_a_kind_off(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """4类6家 → 律所有两家，其中一家只是挂名，要去掉 (another question asked now): some firms of a kind named
        with more of them are gone; the kind stays, so the types stand and the firms are fewer. Proposed."""
        rule, previous = c.rule, s.answers.get(c.id)
        if not isinstance(rule, TwoPartRule) or not isinstance(previous, dict) or not self._asks_other_than(s, c):
            return None
        t = arabic(normalize(ev.text))
        off = _SOME_OF_A_KIND_OFF.search(t)
        kinds = next((p.kinds for p in rule.parts if p.kinds), {})
        units = previous.get("units")
        if (
            off is None
            or not any(w.lower() in t[: off.start("k")].lower() for ws in kinds.values() for w in ws)
            or not isinstance(units, int)
            or not 0 < int(off["k"]) < int(off["n"]) <= units
        ):
            return None
        new = {**previous, "units": units - int(off["k"])}
        return self.engine._propose_change(s, c, new, describe_words(f"{s.words.get(c.id, '')}；{ev.text.strip()}"))

    def _part_revised(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """会员120家，培训40家，开展36家 → 培训的比例应该是35% / 5类12家 → 类型是4类 (another question asked
        now, which cannot read it): a figure naming one part of the last two-figure answer revises that part.
        Read as a revision, so it is only proposed."""
        if c.expects != "counts" or c.id not in s.answers or not self._asks_other_than(s, c):
            return None
        t, found = normalize(ev.text), numbers(ev.text)
        current = self.engine.criterion_at(s)
        previous = s.answers[c.id]
        said_figures = {f.quantity.value for f in numbers(s.words.get(c.id, "")) if f.unit == "家"}
        if (
            _NAMES_IT.search(arabic(t))  # the cheap test first: this runs on every reply after a two-figure answer
            and not any(f.unit == "家" and f.quantity.value in said_figures for f in found)  # (培训那个40家里…)
            and (target := self.engine._find_target(s, replace(ev, entities={}))) is not None
            and self.engine.criterion_at(s, target) not in (None, c)
        ):
            return None  # 示范站点那4家里有一家只是候选 (just after 5类12家): another answer named
        stated = _stated_parts(c.rule, t) if isinstance(c.rule, TwoPartRule) else {}
        if (
            stated
            and isinstance(previous, dict)
            and all(previous.get(k) == v for k, v in stated.items())
            and (kept := self.engine._more_of_it(s, ev, c)) is not None
        ):
            return kept  # 我说的3家是已经入驻的，还有2家在谈，所以就是3家，没错: it stands
        if (
            stated and isinstance(previous, dict) and (current is None or current.expects not in ("number", "counts"))
        ):  # 去掉保险那类，…，剩5类8家 / 再加上两家鉴定所，那就是三类五家: what it comes to, in its own words
            return self.engine._correct(s, ev, c, correction.Correction("revision", ev.text))
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
                    return self.engine._more_of_it(s, ev, c)  # 两个比例都超过三成 (33 % and 37 % recorded): it stands
                if r.outcome == "record" and isinstance(r.value, dict) and {**previous, **r.value} != previous:
                    # 开展保护工作的比例其实不到三成: that share changed, the other as it was
                    return self.engine._propose_change(s, c, {**previous, **r.value}, describe_words(ev.text.strip()))
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
        swapped = bool(s.words.get(c.id)) and correction.figure_swapped(s.words[c.id], ev.text) is not None
        if not named or (  # 开展工作的25→10: a figure of that answer swapped, whatever the question now asked reads
            current is not None and not swapped and read(current, ev.text, _hint(ev), {}).outcome != "reask"
        ):
            return None
        return self.engine._correct(s, ev, c, correction.Correction("revision", ev.text))

    def _asks_other_than(self, s: Session, c: Criterion) -> bool:
        """The walk asks something else than c now: another question, or a field of the form (修改第25题 said while
        the form was asked goes back to the form once the figure is given)."""
        current = self.engine.criterion_at(s)
        return current.id != c.id if current is not None else self.engine.field_at(s) is not None

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
        if q is None or q.relation != "eq" or any(f.quantity.value != q.value for f in numbers(t)):
            return None  # (比五百略少一点 after 500: that figure; 比三百少 after 500 is no dispute of it)
        said = Quantity(value=q.value, relation="gt" if m.group("more") else "lt")
        if not isinstance(rule, ThresholdRule) or said.meets(rule.minimum, rule.strict) != q.meets(
            rule.minimum, rule.strict
        ):
            return self.engine._taken_back(s, c, "more" if m.group("more") else "fewer")
        i = self.engine.position(s, c)[0]
        return self.engine.ask(
            s, prefix=f"好的，第 {i} 项“{c.short}”按标准看结果不变，仍记为“{describe_answer(c, previous)}”。"
        )

    def _figure_after_figure(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """两次 → 嗯……也可能就一次，我不太确定 / 490 → 又找到一张签到表，多了30人，那就是520, with a yes/no asked
        now: figures in the last figure's unit that cannot answer the question now asked are about that figure.
        A doubt that moves it across the standard takes it back (asked again, never kept); another figure is
        read as a revision of it, so it is only proposed."""
        current, field = self.engine.criterion_at(s), self.engine.field_at(s)
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
        if (
            current is not None
            and re.search(r"明年|后年|今年(?:还)?(?:打算|计划|准备)|打算|计划|准备|争取", t)
            and not re.search(r"其实|实际|不对|错|准确|应该是", t)
            and (
                _PLAIN_HEAD.match(t)
                or re.match(r"(?:有|没有?|是的?|对|都有|做了|落实了|已经)(?![\d一二两三四五六七八九十])", t)
                or measures_named(t, context(current).measure_list)
            )
        ):
            return None  # 有整改，今年打算上下半年各查一次: this answer, and a plan, no word on the figure said
        if re.match(r"(?:嗯)?(?:对的?|是的|没错|对呀|确实|是滴)[,，。!！\s]", t) and not (
            _STATED_FIGURE.search(arabic(t)) or doubt or re.search(r"不过|但是?|可是|只是", t)
        ):
            return self.engine._more_of_it(s, ev, c)  # 5类7家 → 对的，法律、信息…都有，律所有3家: it stands, told more
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
            own_words = bool(matched_keywords(t, [*c.keywords, c.short])) and not (
                current is not None and matched_keywords(t, [*current.keywords, current.short])
            )
            revised = (
                (in_unit and (field is not None or bool(_OF_THE_FIGURE.search(t))))
                # 上半年一次，下半年没查 / 两次是演练，真正检查就一次: the count told by period or by its own words
                or (in_unit and re.search(r"[上下]半年|季度|每(?:个)?月|全年", t) is not None)
                or (in_unit and own_words)
                or (
                    in_unit
                    and re.search(r"(?:真正|实际|其实|本身|自己)[^,，。\d]{0,6}(?:就|只有|只|才|是)\s*\d", arabic(t))
                    is not None
                )
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
                i = self.engine.position(s, c)[0]
                return self.engine.ask(s, prefix=f"好的，第 {i} 项“{c.short}”记为“{describe_answer(c, previous)}”。")
            return self.engine._taken_back(s, c, "doubt")
        return self.engine._correct(
            s, ev, c, correction.Correction("revision", correction.remainder(ev.text) or ev.text)
        )

    def _remark(self, s: Session, ev: UserEvent) -> list[Message] | None:
        """这个分数低了点，明年得多办几场 / 最多就15分吧 / 问这么多，能不能先看看结果 (just after an answer): a
        remark on the score or the length of the walk, not an answer to the question now asked."""
        current = self.engine.criterion_at(s)
        t = normalize(ev.text)
        clauses = [x for x in re.split(r"[,，。;；!！?？~～]+", t) if x.strip()]
        remarks = [x for x in clauses if _REMARK.search(x)]
        if current is None or not remarks or clauses[0] not in remarks:
            return None
        rest = "，".join(x for x in clauses if x not in remarks)
        if numbers(rest) or on_topic(rest, context(current).topic) or re.search(r"^(?:有|没|是|对|做|签|不)", rest):
            return None
        note = "得分会在最后的报告里按标准算出来" if _SCORE_WORDS.search(t) else "题目按评分表逐项来，答完就能看到报告"
        return self.engine.ask(s, prefix=f"好的，{note}。我们接着这一题：")

    def _aside_after_figure(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """两次 → 市监所去年倒是来检查过一回 / 我们协会有80家会员单位 / 明年目标是破千 / 前年我们还一家都没有呢
        (just after a figure, at a yes/no question): told about the figure or around it, with no word of the question
        now asked: the figure stands and the question is asked again, rather than an affirmative or a 没有 in it taken
        as its answer."""
        current = self.engine.criterion_at(s)
        if (
            current is None
            or current.id == c.id
            or current.expects != "boolean"
            or c.expects not in ("number", "counts")
        ):
            return None
        t = normalize(ev.text)
        ctx = context(current)
        theirs = f"{context(c).topic}{normalize(s.words.get(c.id, ''))}"
        if (
            _PLAIN_HEAD.match(t)
            or any(w in ctx.topic and w not in theirs for w in topic_words(t))  # (words the figure's question lacks)
            or measures_named(t, ctx.measure_list)
            or correction.parse(ev.text, s.answers.get(c.id), True) is not None
            or _delta(c, s.answers.get(c.id), ev.text) is not None  # 年会没讲商秘，去掉三十个人: the figure moved
        ):
            return None
        if not (numbers(t) or _ASIDE_MARK.search(t) or on_topic(t, theirs)):
            return None
        unit = getattr(c.rule, "unit", "")
        in_unit = any(f.unit in UNIT_WORDS.get(unit, (unit,)) for f in numbers(t)) if unit else False
        if re.search(r"实际|真正|其实|只有|就是|才|应该|准确|不对|错|都是|里有|中有|其中", t) or (
            in_unit
            and re.search(
                r"全年|整年|一共|总共|合计|总计|加起来|算下来|上半年|下半年|季度|(?<![不那这])是\s*\d|"
                r"(?:目前|现在|到现在)[^,，。\d]{0,4}\d",
                arabic(t),
            )
        ):
            return None  # 那是邀请的人数，真正来的二百八十左右 / 三次都是免费的: about the figure itself, read below
        i = self.engine.position(s, c)[0]
        held = describe_answer(c, s.answers.get(c.id))
        return self.engine.ask(s, prefix=f"好的。第 {i} 项“{c.short}”仍记为“{held}”。我们接着这一题：")

    def _figure_narrowed(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """十几次 → 十几次是咨询总数，免费的就两次 / 两次 → 那两次是保密培训不是检查，检查的话就一次: the figure
        just given said again as something wider, and the one that counts narrowed to (就 / 只有 N). Proposed."""
        previous = as_quantity(s.answers.get(c.id))
        if c.expects != "number" or previous is None or isinstance(s.answers.get(c.id), bool):
            return None
        t = arabic(normalize(ev.text))
        if _ASKED_BACK.search(t):
            return None
        found = numbers(t)
        units = UNIT_WORDS.get(getattr(c.rule, "unit", ""), ())
        if not any(f.quantity.value == previous.value for f in found):
            return None  # the old figure is not said again
        narrowed = [
            f
            for f in found
            if (f.quantity.value, f.quantity.relation) != (previous.value, previous.relation)
            and (not f.unit or f.unit in units)
            and re.search(r"(?:就|只有|只|才|仅|实际|真正)(?:有|是)?(?:不到|不足|没到)?\s*$", f.before)
        ]
        if len(narrowed) != 1 or narrowed[0].quantity.value > previous.value:
            return None
        return self.engine._propose_change(
            s, c, quantity_value(narrowed[0].quantity), describe_words(ev.text.strip()), back=True
        )

    def _same_figure_again(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """2次 → 6月和12月各一次，检查表里都有 (the question now asked is a yes/no one): the same figure told
        again with its detail is more of that answer, not the answer to the question now asked."""
        current = self.engine.criterion_at(s)
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
        kept = self.engine._more_of_it(s, ev, c)
        if kept is not None:
            s.last = c.id
        return kept

    def _confirms_earlier(self, s: Session, ev: UserEvent) -> list[Message] | None:
        """案件数确认3起，不用改了 (asked another question now): an earlier answer named and confirmed."""
        if not _CONFIRMS.search(normalize(ev.text)):
            return None
        target = self.engine._find_target(s, replace(ev, entities={}))
        c = self.engine.criterion_at(s, target) if target is not None and target != s.cursor else None
        if c is None or c.id not in s.answers:
            return None
        return self.engine._named_and_kept(s, replace(ev, text=_ASKS_ABOUT.sub("", ev.text)), c)

    def _kept_as_said(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """嗯确认一下：两类、三家，对的 / 全区前十，没问题 right after (or pointing back to) a tier or two counts:
        the answer said again and confirmed stands; the question now asked is asked again."""
        t = normalize(ev.text)
        current = self.engine.criterion_at(s)
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
        return self.engine._named_and_kept(s, ev, c)

    def _rank_again(self, s: Session, ev: UserEvent, c: Criterion) -> list[Message] | None:
        """全区第三 → 第三名没错 / 其实是第八名 (the next question asked): a rank alone, right after the tier, is about
        the tier — it stands when it reads the same, a change is proposed when not; never a yes or no to the next."""
        current = self.engine.criterion_at(s)
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
            i = self.engine.position(s, c)[0]
            kept = describe_answer(c, r.value)
            return self.engine.ask(s, prefix=f"好的，第 {i} 项“{c.short}”仍记为“{kept}”。我们接着这一题：")
        s.proposal = {"criterion": c.id, "value": r.value, "words": describe_words(completed)}
        return [self.engine._proposal_message(s, c, r.value, change=True)]

    @staticmethod
    def _changes_named(s: Session, text: str, c: Criterion) -> bool:
        """Whether a message that opens with an earlier question's name may change it: any yes/no, a figure
        question only with a figure other than its answer or a part taken off (人次那个是全年累计的… only tells)."""
        if c.expects == "boolean":
            return True
        if c.expects not in ("number", "counts"):
            return False
        held = as_quantity(s.answers.get(c.id))
        other = [f for f in numbers(text) if held is None or f.quantity.value != held.value]
        return bool(other) or _TAKE_OFF.search(normalize(text)) is not None

    def _head_target(self, s: Session, text: str, last: str) -> str | None:
        """竞业限制再更正下：技术骨干签了… / 离职告知那题sorry，…: the words before the correction (its head,
        up to the first colon or comma) name one answered question other than the last — its id."""
        head = re.split(r"[:：,，。;；]", normalize(text), maxsplit=1)[0]
        if not 2 <= len(head) <= 16:
            return None
        head = correction.EXPLICIT_CUE.split(head)[0] or head
        hits = {
            c.id: len(matched_keywords(head, [*c.keywords, c.short]))
            for c in self.engine.rubric(s).criteria
            if c.id in s.answers
        }
        best = max(hits.values(), default=0)
        top = [cid for cid, n in hits.items() if n == best]
        name = re.match(r"([\u4e00-\u9fff]{2,8}?)" + correction.NAMING, head)
        if not best and name is not None:  # 权限那个…: part of an answered question's name (权限管理, not 回收权限)
            ranked = {
                c.id: (
                    int(any(k.startswith(name.group(1)) for k in [*c.keywords, c.short])),
                    sum(name.group(1) in k for k in [*c.keywords, c.short]),
                )
                for c in self.engine.rubric(s).criteria
                if c.id in s.answers and any(name.group(1) in k for k in [*c.keywords, c.short])
            }
            first = max(ranked.values(), default=(0, 0))
            best, top = len(ranked), [cid for cid, rank in ranked.items() if rank == first]
        if not best or len(top) != 1 or top[0] == last:
            return None  # (服务机构那题漏了一家… just after 机构类型与数量: the words name the last one too)
        named, c_last = self.engine.rubric(s).get(top[0]), self.engine.rubric(s).get(last)
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
