"""One-message corrections of the previous answer: 不对，应该是没有 / 刚才那题改成“有” / 上一题选错了.

A correction is recognised by its cue, and read for the new answer it carries, against the
*previous* criterion. Cues come in kinds, because some only make sense after certain answers:

- ``explicit``: 不对 / 说错了 / 改成 / 刚才那题 / 上一题 … — always a correction;
- ``checked``: 我问了下 / 刚查了 / 看了下统计 — a correction after 不清楚 or after a figure;
- ``recalled``: 想起来了 / 哦对了 — a correction after 没有 / 不清楚 / 0;
- ``supplement``: 补充一下 / 刚才漏说了 — adds to the previous answer: a gap after a yes makes it partial.

"修改第3题" names its own target and is a modification, not a correction of the last answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from .text import ENGLISH_NUMBERS, arabic, normalize
from .verdict import on_topic, topic_words

Kind = Literal["explicit", "checked", "recalled", "supplement", "revision"]

_EXPLICIT = re.compile(
    r"刚才|刚刚(?:那|说|选|答)|刚那(?:个|题)|(?:数|数字|那个|这个)有(?:点)?问题|上一题|上题|前一题|上一个问题|上个问题|前面那|前一个|改成|改为|改一下|改下|更新(?:一)?下|"
    r"(?:更正|纠正|修正)(?!了?(?:措施|预防|他们|她们|企业|对方|员工|会员|成员|客户|错误|不对|违规|不规范|好几|一些|很多|不少))|撤回|说反了|"
    r"(?:打|写|填|输|敲)反了?|(?:数字|顺序)?(?:弄|搞)?颠倒了?|"
    r"^(?:哎呀|哎哟|啊呀|哎|糟糕|完了)[,，\s!！~]*(?=是|其实|应该|不是|没有|都)|"  # 哎呀 是零起 / 哎呀，是四家
    r"说错|选错|点错|搞错|弄错|打错|按错|答错|填错|记错|写错|看错|数字错|数错|少打|多打|选岔|记成[^,，。]{0,6}的了|"
    r"^(?:哦|啊|哎|诶|额|呃|噢|唉|嗯|你)?[,，\s.…。~]*(?:不对(?![外口劲称等应付路头])|错了|不是不是|等等|等一下|等下|等会儿?|且慢|sorry|抱歉|不好意思|哦不|啊不是|哦不是|不不)|"
    r"少说|多说(?!(?:一|两|几|1|2)?句|点)|说少|说多|少报|多报|报少|报多|少算|"
    r"讲错|讲反|[说讲]得?(?:不|勿)对|\bcorrection\b|\bi mean\b|^(?:wait|sorry|oops)\b|^(?:no|nope)[,，.!\s]+(?:it'?\s?s\s+|是\s*)?\d|"
    r"才(?:对|是对的|准确|是准的)(?=[,，。!！;；\s]|$)|作废|不作数|不算数|换个答案|(?:说|讲|答)得?(?:太满|满了|太乐观|乐观了)|太乐观了|"
    r"应该是\s*\d[^,，。]{0,4}(?:而)?不是\s*\d|不是\s*\d+[^,，。\d]{0,3}[,，]?\s*(?:而)?是\s*\d|^是?\s*\d+[^,，。\d]{0,3}[,，]\s*(?:而)?不是\s*\d|是\s*\d+[^,，。\d\s]{0,3}\s*(?:而)?不是\s*\d|(?:多|少)(?:打|写|按|输|敲)?了?(?:一|1|两|2)?个(?:0|零)|"
    r"(?:要|得|需要|应该)?(?:减掉|扣掉|扣除|刨掉)|(?:要|得|需要|应该)去掉|算了两遍|重复(?:统计|登记|计算)了?|比(?:刚才|之前|前面|原来)(?:说|报|填|讲)?的?(?:还)?(?:多|少)|"
    r"补正|说早了|讲早了|理解反了|看错题|漏算|算漏|少算|多算|算错|[搞弄记看听想](?:混|串|岔)|混淆|理解错|听错|想错|问错|口误|"
    r"^修改\s*[:：]|^更正\s*[:：]|那题(?:改成|改为|是|要改|得改|应该)|\d\S{0,3}不(?:对|准)|(?:数字|数据|数)有误|^(?:\S{0,4}[,，\s])?应为|改口|要改|得改|重复算|报错了|写多了|写少了|多写了|少写了|(?:数|数字|数量|家数|人数|次数)不对|^no\s*no\b|"
    r"^改\s*[:：]|太?夸张了|你问的是|原来(?:问|说)的是|我以为(?:你)?(?:问|说|是)|^打住|说(?:大|小|过头|夸张)了|夸大了|吹(?:大|过头)了|"
    r"^(?:哈哈)?[,，\s]*(?:骗你的|逗你的|开(?:个)?玩笑(?:的|呢)?)|(?:那题|那项|那块|那条)\s*(?:sorry|抱歉|不好意思)|改个答案|改答案|答反了|瞎说|之前那个回答|前面答错|重新回答|重新(?:说|讲)|重说|手滑|手抖|收回|说高了|说低了|报高了|报低了|高估了|低估了|想漏了|[讲说]得?不(?:太)?准确?|"
    r"按\s*(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)\s*(?:人次|次|家|起|场)?\s*算|(?:^|[,，。;；])\s*(?:就|那就|所以|那)?按\s*[\d零一二两三四五六七八九十百千万]+\s*(?:人次|次|家|起|场)\s*(?:吧|记)?\s*[。.!！~]*$|以\s*\d+[^,，。]{0,4}为准|我?(?:报|填|写|说)的是[^,，。]{0,8}(?:数|的)[^。]{0,12}(?:实际|其实)|"
    r"^(?:我|哦|啊|好吧|嗯|那|呃|额)*[,，]?(?:我)?再想想|打字太快|多(?:打|写|按|输|敲)?了?(?:一)?个\s*[1-9](?!\d)|(?:^|[,，])(?:我|哦|啊)?[,，]?(?:我)?刚(?:才)?(?:问|查|核实|确认|翻)(?:了|过)"
)
EXPLICIT_CUE = _EXPLICIT  # the words that mark a change, for splitting a message's head from them
# how people say they looked again (仔细想了下 / 老实说 / 再核了一下): a revision cue, and filler in the new answer
_REVISION_WORDS = (
    r"(?:仔细|细|再)想了?(?:一)?下|老实(?:讲|说)|说实话|实话(?:说|讲)|讲真|较真(?:的话|来说)?|严谨(?:点|地|一点)?(?:说|讲)|"
    r"细究(?:起来)?|(?:我)?(?:再|又|重新)(?:补)?(?:确认|核实|核对|核|对|看|查|数|算|统计)了?(?:一)?(?:下|遍)|补算了?(?:一)?下|(?:我)?(?:确认|核实|核对)了(?:一)?下|回头看了(?:一)?下"
)
# the words of looking again, said right after an answer (仔细想了下 / 老实说 / 再核了一下)
REVISION_CUE = re.compile(_REVISION_WORDS)
# said right after an answer, these revise it, unless what follows only repeats it (then it answers the
# question now asked: 其实也有): 其实没有 / 不是，研发区是开放的 / 严格说锁屏没强制 / 想了想，算没有吧
_REVISED = re.compile(
    r"^(?:(?:嗯|呃|额|啊|噢|哦|唉|诶|emm+|…|\.)+[,，\s…]*)?"
    r"(?:[^,，。]{0,8}(?:其实|实际上?(?:是|只有|才))|实际上|不是[,，]|准确(?:地|的|来|点|一点)?(?:讲|说)|严格(?:地|的|来)?(?:讲|说)|想了想|我想想|仔细想想|"
    r"想了一下|(?:我)?再?想了想|应该(?:算|是|记)|不是(?:所有|全部|每个|每家|每台|都)|还是(?:算|记|当)(?=部分|没|有|不|一半|半)|以(?:这个|此|下面|这条)为准|也不是(?:全|都|所有|每)|帮我?(?:改|记)成|记成|先记(?:成|为)?|我?(?:再)?确认了?一下|"
    + _REVISION_WORDS
    + r"|核实了)"
)
_SHOULD_BE = re.compile(
    r"[,，]\s*(?:所以|那|那就|因此)?\s*应该(?:算|是|记)(?:成|为|作)?\s*\S|"
    r"^[^,，。\d]{0,4}?应该(?:是|有)?\s*(?:\d|[一二两三四五六七八九十百])"  # emm应该2家吧
)  # 那起最后没调解成，应该算0起
_RECORD_AS = re.compile(r"(?:帮我|给我|先|就|那就)(?:记|填|算)(?:成|为|作)?(?:不清楚|没有|有|部分做到|部分|做到)")
_CHECKED = re.compile(
    r"(?:统计|算|数|查|核|盘点)完|刚(?:统计|算|数)|补算|重算|重新(?:算|统计|数)|回我了|回复了|那边说|反馈说|告诉我|说了[:：]|"
    r"(?:同事|领导|老板|经办人|负责人|财务|行政|秘书长|主任|经理)(?:说|讲|反馈|提醒)|(?<![来去])问(?:了|过|到)(?!怎么|如何|能不能|要不要|我们)|查了(?:一?下)?|刚查|查到了?|核实了|确认了|看了(?:一?下)?|翻了(?:一?下)?|统计了|[数核点]了(?:一?下|一遍)"
)
_RECALLED = re.compile(r"想起来|哦对了|对了[,，]|(?:哦|噢|啊)对[,，]|我刚想")
# 补充一下 / 漏说了, and a message that opens with a contrast (不过只有一半人签了): more of the last answer
_CONTRAST_OPEN = re.compile(
    r"^(?:(?:不过|但是?|可是?|只是|然而)(?![,，\s]*(?:没有|有|是的|对)[。.!！]*$)|"
    r"(?:其他|其余|别的|剩下)的?[^,，。]{0,4}?(?:都|全|也)(?:没|不))"
)  # 其他都没有 (just after 杀毒有): "the others" are the last answer's
_SUPPLEMENT = re.compile(
    r"补充(?:一下|一句|两句|几句|一点|说明)?|补一下|补个|漏说|漏了|漏掉|忘了?加|漏加|少加了?|没加上|补(?:一|两|几|\d)\s*(?:家|次|起|场|个)|还没说完|忘了说|(?:多|再多?|补)说(?:一|两|几)句|多说两?句|补一句|"
    + _CONTRAST_OPEN.pattern
)
# B4 / b2: a bonus item by its id in the answers file and the report (zone.B4), never a figure
BONUS_ID = re.compile(r"(?<![a-z0-9])b\s?[1-9](?![\da-z])")
_OWN_TARGET = re.compile(
    r"\bno\.\s*\d{1,2}(?!\d)|第\s*[\d一二三四五六七八九十百两]+\s*(?:/\s*\d+\s*)?[题项条]|(?<![\d第/那这每一])(?<!\d\s)\d{1,2}\s*[题项](?!目)|"
    r"(?<![\d第/])\d{1,2}\s*号\s*(?:题|项|问题)|"
    + BONUS_ID.pattern
    + r"|(?<![a-z0-9])q\s?\d{1,2}(?!\d)|#\s*\d{1,2}(?!\d)|(?<![\d.])\d{1,2}\s*[,，]?\s*(?:那|这)\s*(?:道)?[题项]"
)


def has_question_ref(text: str) -> bool:
    """Whether a message names a question by its number (42题 / B4 / 加分项第四条)."""
    t = normalize(text)
    return bool(_BONUS_REF.search(t) or _OWN_TARGET.search(arabic(t)))


_BONUS_REF = re.compile(r"加分(?:项|题)?(?:里|中|的)?第\s*[\d一二三四五六七八九十两]+\s*(?:个)?[题项条]?")


def without_question_refs(text: str) -> str:
    """修改42题 / 改一下27题 / 修改B4 → the message without the question it names, so that no figure is read out
    of a question's number (it had proposed “从2次改为42次”)."""
    t = normalize(text)
    t = _BONUS_REF.sub("", t)
    return _OWN_TARGET.sub("", arabic(t))  # (十五题 too)


# the words of the cue itself, removed before the rest is read as the new answer
_FILLER = re.compile(
    r"(?:打|写|说)错字了?|上一个(?:问题|题|数|回答)?(?=[,，\s]|说|填|答|写|选|打|记|$)|改个答案|改答案|答反了|瞎说了?|之前那个回答不算|前面答错了?|重新回答一下|(?:我)?(?:重新(?:说|讲)|重说)(?:一下|一遍)?|回到[^,，:：]{1,8}那题|"
    + _REVISION_WORDS
    + r"|报告一下|"
    r"刚才(?:那|这)?(?:题|个|道题|个问题)?(?:的答案|我?(?:说|选|答|回答)的)?|刚刚(?:那|这)?(?:题|个)?|修改|(?:上一?|前一)题(?:的话)?|上一?个问题|"
    r"前面那(?:题|个)|前一个|改成|改为|改一下|更新(?:一)?下|更正(?!措施)(?:一下)?|纠正(?!措施)(?:一下)?|修正(?!措施)(?:一下)?|撤回|说反了|补充(?:一下|一句|两句|几句|说明)?|(?:多|再|补)说(?:一|两|几)句|"
    r"(?:我|刚才)?(?:说|选|点|搞|弄|打|按|答|填|记|写|看|数)(?:错|岔|反)了?|数字错了?|少打了?个?\d?|多打了?个?\d?|"
    r"打字太快了?|多(?:打|写|按|输|敲)?了?(?:一)?个\s*[1-9](?!\d)|(?:好吧)?(?:我)?再想想|"
    r"^(?:哦|啊|哎|诶|额|呃|噢|唉|嗯)|不对|错了|不是不是|不不|等等|等一下|等下|sorry|抱歉|不好意思|哦不是|啊不是|哦不|"
    r"(?:我)?(?:刚)?(?:问了(?:一?下)?|问到了|问过了|查了(?:一?下)?|查到了?|核实了|确认了|看了(?:一?下)?(?:统计|记录|台账)?|翻了(?:一?下)?)|"
    r"打住|(?:我)?说(?:大|小|过头|夸张)了|夸大了|吹(?:大|过头)了|(?:你)?问的是[^,，。]{0,12}?(?:啊|呀|吗|哦)|原来(?:问|说)的是[^,，。]{0,12}?(?:啊|呀|哦)?|"
    r"(?:我)?刚?想起来了?|哦对了|对了|漏说了?|刚才漏说了?|还没说完|忘了说|那题|那个题|这题|的答案|选项|"
    r"我?刚?刚?忘(?:记)?了(?:说)?|(?:看|理解|听|想)(?:错|反)(?:题|了)*|等会儿?|且慢|漏算了?|算漏了?|少算了?|多算了?|算错了?|"
    r"(?:我)?(?:[搞弄记看听想](?:混|串|岔)|混淆|理解错|听错|想错|问错)了?|口误|(?:我)?再想想|手滑了?|手抖了?|"
    r"(?:我)?收回(?:刚才的话|刚才说的|“[^”]*”|(?:有|没有|部分做到|不清楚)(?=\s*[:：,，]|$))?|"
    r"(?:说|报)[高低]了|[高低]估了|我?想漏了|[讲说]得?不(?:太)?准确?|"
    r"准确(?:地|的|来|点|一点)?(?:讲|说)|严格(?:地|的|来)?(?:讲|说)|想了想|我想想|仔细想想|想了一下|也不是(?=全|都|所有|每)|"
    r"(?:帮我?)?(?:记成|记为)|先记|以(?:这个|此|下面|这条)为准|我?(?:再)?确认了?一下|"
    r"(?:我)?(?:[少多]说了?|说[少多]了?|[少多]报了?|报[少多]了?)|(?:我)?(?:讲(?:错|反)了?|[说讲]得?(?:不|勿)对)|\bcorrection\b[:：]?|\bi mean\b|^(?:wait|sorry|oops)\b|^(?:no|nope)(?=[,，.!\s]+(?:it'?\s?s\s+|是\s*)?\d)|\bit'?\s?s\b"
)
# "…，应该是X" / "改成X": the answer is what follows the last of these
_TAIL = re.compile(r"(?:应该(?:是|选|算|为)?|其实(?:是)?|实际上?(?:是)?|改成|改为|是)([^，,。]*?)[。.!！]*$")


@dataclass(frozen=True)
class Correction:
    kind: Kind
    rest: str  # the new answer inside the message, possibly empty


# the old answer said to be wrong (not only pointed back to): 不对 / 说错了 / 多算了 / 打反了
_WRONG = re.compile(
    r"不对(?![外口劲称等应付路头])|错了|[说记搞弄写填打答看报算数]错|有误|不准确?|口误|手滑|多算|少算|算漏|漏算|"
    r"[说报算][多少高低]了|[说打写]反|颠倒|作废|不作数|不算数"
)


def disowns(text: str) -> bool:
    """Whether a message says the answer it corrects was wrong (不对，… / 数字报错了), not only that it adds to it."""
    return bool(_WRONG.search(normalize(text)))


_POINTER = re.compile(
    r"(?:跟|和)?(?:(?:刚才|刚刚|前面|之前|上面)(?:那题|那个|那道题)|上一?题|上个问题|上一个|前一题)(?:说的|提到的|讲的|的)?"
)


def without_pointer(text: str) -> str:
    """The message without its words that point back (前面那题说的目录里… -> 目录里…)."""
    return _POINTER.sub("", normalize(text))


def only_points_back(text: str) -> bool:
    """前面那题说的目录里，每一项都标了密级: it points back to the last answer and changes nothing of it."""
    t = normalize(text)
    rest = without_pointer(t)
    return rest != t and not any(
        x.search(rest) for x in (_EXPLICIT, _WRONG, _CHANGE, _SUPPLEMENT, _REVISED, _CHECKED, _RECALLED)
    )


def parse(text: str, previous: Any, previous_is_figure: bool) -> Correction | None:
    """The correction in ``text`` of an answer ``previous``, or None when it is not one."""
    t = normalize(text)
    if not t or _OWN_TARGET.search(t):
        return None
    kind: Kind | None = None
    if _SUPPLEMENT.search(t):
        kind = "supplement"
    elif _EXPLICIT.search(t) or _NOT_THAT_FIGURE.search(arabic(t)) or _denies_figure(arabic(t), previous):
        kind = "explicit"  # 不是六家，是三家 / 宣传那个是280，不是380
    elif _CHECKED.search(t) and (previous == "unknown" or previous_is_figure):
        kind = "checked"
    elif _RECALLED.search(t) and (previous in ("unknown", False, 0) or previous_is_figure):
        kind = "recalled"
    elif _REVISED.search(t) or _RECORD_AS.search(t) or _SHOULD_BE.search(t):
        kind = "revision"
    elif previous_is_figure and _NOT_SO_MANY.search(t) and re.search(r"\d", arabic(_NOT_SO_MANY.sub("", t))):
        kind = "revision"  # 类型没那么多，就法律、信息、鉴定、咨询四类: the figure said too high, and the new one
    elif previous_is_figure and _names_figure(arabic(t), previous) and _OLD_FIGURE_DISOWNED.search(arabic(t)):
        kind = "revision"  # 600是报名人数，实际到场的只有420 / 4家里有一家没验收，已完成的是3家
    elif previous_is_figure and _CHANGED_TO.search(arabic(t)) and _names_figure(arabic(t), previous):
        kind = "explicit"  # 6→3 / 1改2 / 10家→9家: the figure just recorded, and its new value
    if kind is None:
        return None
    swap = _SWAP.search(arabic(t)) if previous_is_figure else None
    k = next((k for k in ("", "2", "3") if swap.group(f"old{k}")), None) if swap is not None else None
    if (
        swap is not None
        and k is not None
        and _names_figure(swap.group(f"old{k}"), previous)
        and not _PART_OF_FIGURE.search(arabic(t))
    ):  # 把2改成0吧，其实都只是咨询 = 0: the figure swapped for the one just recorded, whatever follows
        told = re.match(r"\d+(?:\.\d+)?[^,，。;；:：]*", arabic(t)[swap.start(f"new{k}") :])
        return Correction(kind, told.group(0) if told else swap.group(f"new{k}"))
    clauses = re.split(r"(?<=[,，。;；])", t)
    for i, first in enumerate(clauses[:-1]):
        later = "".join(clauses[i + 1 :])
        if (
            previous_is_figure
            and _names_figure(arabic(first), previous)
            and len(re.findall(r"\d+(?:\.\d+)?(?!\d*年)", arabic(first))) == 1  # (原来说的3其实是4: the new one)
            and re.search(r"\d[^\d]{0,6}?(?:是|指的是|包括|包含|含)", arabic(first))
            and re.search(r"\d", arabic(later))
        ):
            t = later  # 十次是所有咨询加起来的，免费公益的不到三次 / 记错年份了，三次是2022年的，去年只查了一回:
            break  # what the old figure was is no part of the new one
    old = previous.get("value") if isinstance(previous, dict) else previous
    if previous_is_figure and isinstance(old, (int, float)) and not isinstance(old, bool):
        within = re.compile(rf"(?<![\d.]){old:g}\s*(?:次|场|起|家|个|人次|人)?\s*(?=里|中|当中|之中)")
        if within.search(arabic(t)) and not re.search(r"(?:是|为|剩|就)\s*\d", arabic(t)):
            t = within.sub("", arabic(t))  # 十次里只有一部分是公益的，大概三四次: the old figure is what it is part of
    zeros = ZEROS.search(t)
    if zeros and previous_is_figure and re.search(r"[1-9]", arabic(ZEROS.sub("", t))):
        t = ZEROS.sub("", t)  # 多打了一个0，300: the figure said is the new one
    elif zeros and previous_is_figure:
        value = previous.get("value") if isinstance(previous, dict) else previous
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            n = 2 if zeros.group(2) in ("两", "2") else 1
            new = value / 10**n if zeros.group(1) == "多" else value * 10**n
            return Correction("explicit", f"{new:g}")  # 5000人次 → 多了个零: 500
    fixed = figures_fixed(t)  # 3家错了 2家: the figure as meant, never 3家2家 (else the words as said)
    return Correction(kind, remainder(fixed if fixed != arabic(normalize(t)) else t))


_NOT_SO_MANY = re.compile(r"没(?:有)?(?:那么|这么)(?:多|少)|不(?:到|够)(?:那么|这么)多|哪有(?:那么|这么)多")
_OLD_FIGURE_DISOWNED = re.compile(  # 600是报名人数，实际到场的只有420 / 380是去年的，今年是280
    r"(?:所以|\bso\b|因此|那就|也就是|等于)\s*(?:是|算|只有|就|应该是)?\s*\d+\s*\S{0,2}[。.!！~]*$|"  # …有一起我们没插手，so 两起
    r"实际|其实|真正|已完成|只有|才|是(?:去年|前年|两年|报名|计划|目标|邀请|预计|年初)|今年(?:是|有|只有|才)?\s*\d|"
    # 十次是所有咨询加起来的，免费公益的不到三次 / 一千出头是把员工培训也算进去了，宣传受众四百多
    r"^[^,，。;；]*?\d[^,，。;；\d]{0,6}?(?:是|指的是|包括|包含|含)(?:[^,，。;；\d]|\d+年)*(?:的|了|在内)[,，。;；]\s*[^,，。;；]*\d"
    r"|^[^,，。;；]*?\d[^,，。;；\d]{0,6}?是(?:[^,，。;；\d]|\d+年)*[,，]\s*(?:不是|并非|而不是)[^,，。;；\d]*[,，。;；]\s*[^,，。;；]*\d"
)


def _denies_figure(t: str, previous: Any) -> bool:
    """…，不是380 / 280 not 380: the figure just recorded, denied in so many words."""
    value = previous.get("value") if isinstance(previous, dict) else previous
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return False
    return bool(
        re.search(rf"(?:不是|\bnot)\s*{value:g}(?![\d.])", t)
        or re.search(rf"(?<![\d.]){value:g}\s*\S{{0,2}}?\s*(?:错了|不对|有误|不准确?|有问题|是错的)", t)
    )  # 350错了，250


_NOT_THAT_FIGURE = re.compile(  # 不是六家，是三家 / 3家，不是2家 / 没两次，一次: the old figure denied, in words
    r"不是\s*\d+[^,，。\d]{0,3}[,，]?\s*(?:而)?是\s*\d|^是?\s*\d+[^,，。\d]{0,3}[,，]\s*(?:而)?不是\s*\d|"
    r"^没(?:有)?\s*\d+[^,，。\d]{0,3}[,，]\s*(?:就|只有|是)?\s*\d|"
    r"(?:只能|只好|就|顶多|最多)算\s*\d"  # 第二次没做完，只能算1次
)
_N = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)"  # a figure, in digits or in words
_BREAK = r"(?:[\s,，。!！:：;；~?？]|(?<!\d)\.|\.(?!\d))+"  # where a reply breaks into clauses (1.2千 is one figure)
ZEROS = re.compile(r"(多|少)(?:打|写|按|输|敲)?了?(一|1|两|2)?个(?:0|零)")


def opens_with_contrast(text: str) -> bool:
    """不过只有一半人签了 / 但是期限没标: a message that goes on from the answer before it."""
    return bool(_CONTRAST_OPEN.search(normalize(text)))


def _names_figure(t: str, previous: Any) -> bool:
    """Whether a reply says the figure just recorded again (600是报名人数…): it is about that answer."""
    if isinstance(previous, dict) and "value" not in previous:  # 客户6家 → 6家是前年的: one of its figures
        return any(_names_figure(t, v) for v in previous.values())
    value = previous.get("value") if isinstance(previous, dict) else previous
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return False
    return bool(re.search(rf"(?<![\d.]){value:g}(?![\d.])", t))


# 有…哦不对，没有 / 四百人次，呃 记错了，两百人次 / 两起，不不不，三起: what follows the cue is the answer
_SELF = re.compile(
    r"(?:[,，。…\s]|\.\.\.)+(?:哦|呃|啊|诶|额|噢)?\s*(?:不对不对|不对|不不不|不不|哦不是|不是不是|说错了|记错了|搞错了|弄错了|"
    r"错了|等下|等等|等一下|no no|吹过头了?|吹牛了?|说大了|说高了|说多了|记岔了|记串了|看错(?:行)?了|(?<=[哎唉])算了|其实(?=我|是|没|只)|"
    r"(?<=[,，])对(?=[,，])|(?<=[哦呃啊诶额噢])不|不(?=[,，]))[,，。…\s!！]*"
)
_REFERS_BACK = re.compile(r"刚才|上一题|上题|前面|前一题|那题|之前")


def self_correction(text: str) -> tuple[str, str] | None:
    """What a message said first and what it settles on after correcting itself
    ("有…哦不对，没有" -> ("有", "没有")), or None. Right after an answer the same words are read as a
    correction of that answer (``parse``): the first part often restates it (三百那个，不对，是两百五)."""
    t = normalize(text)
    matches = list(_SELF.finditer(t))
    if not matches or _REFERS_BACK.search(t):
        return None
    head, rest = t[: matches[0].start()], t[matches[-1].end() :]
    if not re.search(r"\d|有|没|是|对|[\u4e00-\u9fff]{2}|[a-z]{2}", arabic(head)) or not rest.strip():
        return None
    return head, rest.strip(" ,，。.")


def self_corrected(text: str) -> str | None:
    """The answer a message settles on after correcting itself ("有…哦不对，没有" -> "没有"), or None."""
    split = self_correction(text)
    return split[1] if split else None


# 培训了25家——不对，是35家 / 三成…纠正一下，是三成五 / 服务过5家，更正：4家 / 写成了23%，应该是32%
_FIGURE_FIXED = re.compile(
    r"(?P<old>\d+(?:\.\d+)?)(?P<unit>[^\d,，。;；:：…\s—-]{0,3}?)(?P<gap>(?:——|—|…+|\.{3}|[,，。;；\s])*)"
    r"(?:(?:哦|噢|啊|呃)?(?:不对|更正|纠正一下|纠正|说错了|写错了|口误|打错了|错了|有误|有问题|不准确?)|(?:哦|噢)不)[,，。:：\s]*(?:应该|实际)?(?:是|为)?\s*"
    r"(?P<new>\d+(?:\.\d+)?)"
)
_WRITTEN_AS = re.compile(
    r"(?:写成|说成|记成|填成)了?\s*(?P<old>\d+(?:\.\d+)?)(?P<unit>%|[^\d,，。;；\s]{0,2}?)[,，\s]*(?:应该|实际)(?:是|为)\s*(?P<new>\d+(?:\.\d+)?)"
)


# a figure said not to be it, beside the one that is: 是2不是12 / 不是120，是200 / 600不是，是500多
_FIG = r"\d+(?:\.\d+)?\s*(?:%|人次|[次场回期轮家个起件人名位类种])?"
_NOT_THIS_FIGURE = re.compile(
    rf"(?<!还)没(?:有)?\s*{_FIG}[,，\s]+(?=(?:就|只有|只|是|才)?\s*\d)|"  # 没两次，一次 / 我们没有3次，就2次
    rf"(?<=\d)(?P<u>\s*(?:%|人次|[次场回期轮家个起件人名位类种])?)[,，\s]*(?:而)?不是\s*{_FIG}(?![\d.])(?=[,，。;；!！\s]|$)"
    rf"|(?<![\d.])不是\s*{_FIG}[,，。\s]*(?:而|应该|实际上?)?(?=是|有|为\s*\d)"
    rf"|(?<![\d.]){_FIG}[,，\s]*不是[,，。\s]*(?:而|应该|实际上?)?(?=是|有|为\s*\d)"
)


_CHANGED_TO = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?\s*(?:人次|[次场家起个件类%])?\s*(?:→|->|=>|—>|改成|改为|变成|(?<![\u4e00-\u9fff])改)\s*(?=\d)"
)


def changed_to(text: str) -> bool:
    """6→3 / 1改2 / 10家变成9家: a figure and its new value, side by side."""
    return _CHANGED_TO.search(arabic(normalize(text))) is not None


def figures_fixed(text: str) -> str:
    """A figure corrected in the same message is replaced by its correction, the rest kept
    (会员100家，培训了25家——不对，是35家，开展40家 -> 会员100家，培训了35家，开展40家); a figure said
    not to be it is dropped (是2不是12 -> 是2: never their sum)."""
    t = arabic(normalize(text))
    t = _FIGURE_FIXED.sub(lambda m: m.group("new"), t)
    t = _CHANGED_TO.sub("", t)  # 3→2 = 2
    t = _NOT_THIS_FIGURE.sub(lambda m: m.group("u") or "", t)
    return _WRITTEN_AS.sub(lambda m: m.group("new"), t)


# what follows these is the corrected answer: a verdict marker (改成 / 应该算) wins over a fact (其实 / 实际)
_VERDICT_MARK = re.compile(
    r"(?:改成|改为|改(?=没有|没|有|部分|不清楚|不确定|不知道|做到|全部)|记成|记为|应该(?:是|选|算|为)?|(?:^|那|就|这|那就|可以)算(?:是|作)?|(?:帮我|给我|先|就)记(?:成|为|作)?)([^，,。;；:：]+)"
)
_FACT_MARK = re.compile(r"(?:其实(?:是)?|实际上?(?:是)?)([^，,。;；]+)")
_ANSWERISH = re.compile(r"\d|有|没|部分|不|全|都|是的|对|做到|达到|符合|yes|no")


_DENIED_FIGURE = re.compile(r"[^,，。;；\s]*\d[^,，。;；\s\d]{0,4}?(?:不对|错了|有误|不准确?)(?=[,，。;；\s]|$)")
_CHANGE = re.compile(
    r"回到|返回|退回|(?<!整)改(?!进|善)|修改|更正(?!措施)|纠正(?!措施)|答错|选错|填错|写错|说错|弄错|搞错|重新答|重新说|重说|不作数|不算数|作废|有误|报错|数字错|数错|"
    r"不准|说多了|说少了|报低|报高|才对|纠错|有出入|太满|太好听|收回|核对|骗你的|逗你的|开玩笑的|开个玩笑|"
    r"(?<=[题项条])\s*(?:[,，:：]\s*)?(?:其实|实际上?|应该|是(?!什么|啥|哪|指|问|不是|否|怎么))|"  # 第3题其实没有 / 第3题是部分做到
    r"(?<=[题项条])\s*(?:[,，:：]\s*)?(?:再|还要|还得|得|要)?(?:加上?|减掉?|扣掉|去掉|补充|漏了|少算|多算)"  # 第20题再加一起
)
_NEW_ANSWER = re.compile(
    r"(?:改成|改为|更正为|纠正为|应该是|应该选|换成|记成|记为|→|->|(?<=[题项条])\s*(?:为|是|选(?!错|反)|答(?!错|反)|改(?!\s*一?下)))[\s:：]*([^，,。;；]+)"
)


_REVISION = re.compile(r"其实|实际上|准确(?:地|的)?说|严格(?:地|的)?说|说实话|老实说|算(?:是)?(?:部分|有|没有|做到)")


def about(text: str, previous_topic: str, current_topic: str) -> bool:
    """Whether a reply is about the previous question's subject and not the current one's: a
    correction without its cue. It must share words with the previous question only."""
    t = normalize(text)
    clauses = [c for c in re.split(r"[，,。；;！!？?\s]+", t) if c]
    prev = [on_topic(c, previous_topic) for c in clauses]
    if any(on_topic(c, current_topic) and not p for c, p in zip(clauses, prev, strict=True)):
        return False  # a clause about the current question alone: an answer to it
    hits = sum(p and not on_topic(c, current_topic) for c, p in zip(clauses, prev, strict=True))
    if hits >= 2 or (hits >= 1 and bool(_REVISION.search(t))):
        return True
    # 领导小组是有的，不过办事的部门和职责还没明确: words of the previous question only, none of the current one's
    own = topic_words(t)
    return len({w for w in own if w in previous_topic and w not in current_topic}) >= 2 and not any(
        w in current_topic and w not in previous_topic for w in own
    )


def continues(text: str, previous_topic: str, current_topic: str) -> bool:
    """期限没标，也没登记 (just after 密级标了): about the previous question, by ``about`` or by a word of its
    subject alone — none of the current question's."""
    if about(text, previous_topic, current_topic):
        return True
    own = topic_words(normalize(text))
    theirs = {w for w in own if w in previous_topic and w not in current_topic}
    mine = {w for w in own if w in current_topic and w not in previous_topic}
    # 每个部门一个保密员管登记册，按密级定谁能借 (just after 文件借阅登记, asked 复制披露审批): one word of the
    # question now asked (密级) among many of the last one's still tells more of the last one
    return bool(theirs) and (not mine or len(theirs) >= max(3, 3 * len(mine)))


# 背调那个我要改 / 涉密标志那道题 / 保密制度那条: the words before it name a question
NAMING = (
    r"(?:(?:那|这)(?:个问题|个|一块|块|项|道题|道|题|一项|一题|一条|条|里|部分|件事|句)"
    r"|的(?:事|问题|情况|那题)(?=[，,：:\s]|我|前面|之前|刚才))"
)
# 刚才那题 / 前面那个: the two characters before 那题 that point back, and name no question
NOT_A_NAME = r"(?<!刚才)(?<!刚刚)(?<!前面)(?<!之前)(?<!上面)(?<!上个)"
# 背调那个我要改 / 高校合作那项改成不清楚 / Q2改成有 / 第十四题应该是: a question named, and a change
_NAMED_QUESTION = re.compile(
    r"[\u4e00-\u9fffa-z]{2}" + NOT_A_NAME + NAMING + "|"
    r"\bno\.\s*\d{1,2}(?!\d)|#\s*\d{1,2}(?!\d)|"
    + BONUS_ID.pattern
    + r"|第\s*[\d一二三四五六七八九十百两]+\s*(?:/\s*\d+\s*)?(?:个)?(?:题|项|条|个问题)|(?<![\d第/那这每一])(?<!\d\s)\d{1,2}\s*[题项](?!目)|\bq\s*\d+|(?<![\d第/])\d{1,2}\s*号\s*(?:题|项|问题|那|这)|"
    r"^[\u4e00-\u9fff]{2,14}[,，]\s*(?:这个|这块|这题|这一项)(?=我?(?:前面|之前|刚才))|"
    r"^关于[\u4e00-\u9fff]{2,8}[:：]|^(?:再)?(?:回到|返回|退回|说回|回头说)(?:一下)?[\u4e00-\u9fff]{2,8}(?:那题|这题)?(?=[,，:：\s])|^前面问[\u4e00-\u9fff]{2,8}的|^(?!上一?题|上个|刚才|刚刚|前一题|这题|这个)[\u4e00-\u9fff]{2,8}的答案"
)
_NAMED_CHANGE = re.compile(
    r"不准|[说讲]得?不对|前面(?:说|答|讲)|之前(?:说|答|讲)|刚才(?:说|答|讲)|修正|补正|太满|太好听|说多了|说少了|报低|报高|才对|纠错|"
    r"^(?:再)?(?:回到|返回|退回|说回|回头说)|有出入|核对|想起来|收回|没问题，但|报错|数字错|数错|(?<!整)改(?!进|善)|更正(?!措施)|纠正(?!措施)|重新(?:答|回答|评估)|重答|说错|答错|选错|填错|写错|弄错|搞错|多报|少报|应该是|应该算|只能算|换成|记成|→|->|"
    r"其实|是有的|是隔离的|不作数|不算数|作废|不准确|有误|不对|重新说|重说|"
    r"记错|[记搞弄看想](?:岔|串|混)|看错|听错|理解错|[说答写]反|太乐观|乐观了|撤回|换个答案|没那么"
    r"|(?:那题|那项|那个|那条|那道题)\s*(?:那个)?\s*[,，:：]?\s*(?:其实|我们)?(?:也)?"
    r"(?:不清楚|不太清楚|不确定|说不准|不好说|算(?:是)?(?:部分|没有|没做|有|做到)|应该算)|"  # 秘密范围那题不清楚
    r"(?:那题|那项|那个|那条|那道题)[^,，。]{0,10}?(?:不确定|没把握|拿不准|记不清|说不准|不太清楚|"
    r"得(?:查|问|核实|确认)|要(?:查|问|核实|确认)|去问|问问|先记不确定|先记不清楚)|"  # 定期复评那题我不确定，要问法务
    # 脱密那题，通知客户这一步我们没做 / 留痕那个说一下，… / 协助示范创建那个我再确认了下，…: told more about it
    r"(?:那题|那道题|那一题|那个问题|那项|那一项)\s*(?:我)?(?:再)?(?:说一下|说下|补充(?:一)?下|补充|提一下|讲一下)?\s*[,，:：]|"
    r"那个\s*(?:我)?(?:再)?(?:说一下|说下|补充(?:一)?下|提一下|讲一下|(?:确认|核实|问|查|核对)了?(?:一)?下)\s*[,，:：]"
)
# 政府联系那个，联络人走了 / 高校那个是去年谈过，还没签: named first thing in the message, then told about
_NAMED_FIRST_THEN_TOLD = re.compile(
    r"^(?:对了|哦|噢|啊|还有|另外)?[,，\s]*[\u4e00-\u9fff]{2,8}?那个\s*(?:[,，:：]|是(?=去年|前年|之前|以前|还没|没))"
)


# 前面那个检查，其中有一次是集团来查的: the pointer first, then the words that name the question (not 刚才那个…:
# that is the answer just given, which the correction of the last answer reads)
_POINTER_THEN_NAME = re.compile(
    r"^((?:对了|哦|噢|啊|还有|另外)?[,，\s]*)(?:前面|之前|上面|先前)(?:说的|的)?(?:那个|那题|那道题|那项)\s*"
    r"(?P<name>(?![数])(?:(?![有没是不对错改说了算多少加减漏记报填写一二两三四五六七八九十几的])[\u4e00-\u9fff]){2,6}?)"
    r"(?:的)?(?:那题|题|那个)?\s*(?=[,，:：])"
)


def pointer_named(text: str) -> str:
    """前面那个检查，… -> 检查那个，…: a question named after the words that point back, said the usual way round
    (the name first), so that one reading of named questions serves both."""
    t = normalize(text)
    if not _POINTER_THEN_NAME.search(t):
        return text  # (as said: the callers read the words as typed)
    return _POINTER_THEN_NAME.sub(lambda m: f"{m.group(1)}{m.group('name')}那个", t, count=1)


# 之前说检查没做过不对，去年做了两次: an earlier answer quoted, and said to be wrong — it names its question
QUOTED_OLD_ANSWER = re.compile(
    r"(?:之前|前面|上面|先前)(?:我)?(?:说|答|填|讲|报)(?:的)?(?:是)?(?P<quoted>[^,，。;；\d]{2,12}?)(?:不对|错了|说错了|有误|不准确?)"
)


def names_a_question(text: str) -> bool:
    """背调那个我要改：其实从来没做过 / 第18题改一下，… / 之前说检查没做过不对: a change to a question the message names."""
    t = normalize(pointer_named(text))
    ref = _NAMED_QUESTION.search(t)
    return (
        bool(ref and _NAMED_CHANGE.search(t[ref.start() :]))
        or bool(_NAMED_FIRST_THEN_TOLD.match(t))
        or bool(QUOTED_OLD_ANSWER.search(t))
    )


def modification_rest(text: str) -> str:
    """What a named change says the answer is: after its colon, else after the clause that names and
    changes the question (背调那个我要改：其实从来没做过背景调查 -> 其实从来没做过背景调查)."""
    t = normalize(_TAKEN_BACK.sub("", text))
    if settled := settled_after_taking_back(t):  # 第13题，改成没有……算了，还是有: taken back
        return settled
    if m := re.search(r"[:：]", t):
        return remainder(t[m.end() :]) or t[m.end() :].strip()
    parts = [p for p in re.split(r"[，,。；;]", t) if p.strip()]
    for i, part in enumerate(parts):
        if _NAMED_QUESTION.search(part) or _NAMED_CHANGE.search(part):
            tail = "，".join(parts[i + 1 :])
            own = _NEW_ANSWER.search(part)
            if own and _ANSWERISH.search(arabic(own.group(1))):
                return own.group(1) + (f"，{tail}" if tail else "")
            ref = _NAMED_QUESTION.search(part)
            if ref is None and (said := remainder(part)) and re.search(r"\d", arabic(said)):
                return said + (f"，{tail}" if tail else "")  # …的题，其实是一年一回，两回是计划: the figure is here
            after = remainder(part[ref.end() :]) if ref else ""  # without 我说得不准 and the like
            if after and (
                _ANSWERISH.search(arabic(after))
                or (tail and re.search(r"只|仅|光|就", after) and not _EXPLICIT.search(after))  # 其实只分了级，没定期限
            ):
                # 第14题其实只做了一部分 / 背调那个其实只有研发岗做，… / 密级期限那个其实只分了级，没定期限
                return after + (f"，{tail}" if tail else "")
            if tail:
                return _without_old_figure(tail)  # 内部检查次数那个填错了，是两次不是四次
    quoted = re.match(r"^[^“\"'‘]{0,8}[“\"'‘][^”\"'’]{1,12}[”\"'’][^,，。;；]{0,12}[,，。;；]\s*(.+)$", text.strip())
    if quoted and _ANSWERISH.search(arabic(normalize(quoted.group(1)))):  # 我说的“两次”是计划，实际上今年只做了一次
        return normalize(quoted.group(1))
    return ""


# 那个“有”不作数: the old answer quoted to take it back is not the new one
_TAKEN_BACK = re.compile(r"[“\"'‘][^”\"'’]{1,6}[”\"'’](?=\s*(?:不作数|不算数?|作废|不对|错了|是错的))")


# 上上题 / 上上个问题 / 上一题的再前一题: a question counted back from the one now asked
_QUESTIONS_BACK = re.compile(
    r"(上{2,3})(?:一)?(?:个|道)?(?:题|问题|项)|上一?(?:题|个问题)的(?:再)?(?:前一|上一?)(?:题|个问题)|前前一?(?:题|个问题)|倒数第(二|三|2|3)(?:题|个问题)"
)


def questions_back(text: str) -> tuple[int, re.Match[str]] | None:
    """How many questions back the message points (上上题 = 2, 上上上题 = 3), and where it says so."""
    m = _QUESTIONS_BACK.search(text)
    if m is None:
        return None
    if m.group(1):
        return len(m.group(1)), m
    if m.group(2):
        return int(m.group(2).replace("二", "2").replace("三", "3")), m
    return 2, m


# 改宣传那题 / 我要改一下检查那题 / 能改下第12题吗 / 第四十二题能不能改 / 回到检查次数 / #25 / 十五题: the whole
# message asks to open a question again (by its number or its words), with no new answer in it
_QN = r"[\d一二三四五六七八九十两]"
_Q_REF = (
    rf"(?:加分(?:项|题)?(?:里|中|的)?第\s*{_QN}+\s*(?:个)?(?:题|项|条)?|第\s*{_QN}+\s*个加分项|第\s*{_QN}+\s*(?:个)?(?:题|项|条|个问题)?|"
    rf"{_QN}{{1,3}}\s*(?:号)?(?:题|项)|#\s*\d{{1,2}}|no\.?\s*\d{{1,2}}|q\s?\d{{1,2}}|b\s?[1-9]|{_QN}{{1,3}}(?=[,，\s]*(?:那|这)(?:个|题|项)))"
)
_Q_NAME = r"(?![成为掉好完善进]|上|前一|前面|刚|这|那|之前|先前|最后|一下|下)[^,，。;；:：\d#]{2,12}?"
_Q_SUFFIX = r"[,，\s]*(?:那|这)?(?:一)?(?:道题|题|项|个问题|个数字?|个|块|条)?(?:的答案|的回答|的数字?|的)?"
_Q_TAIL = r"(?:吧|吗|呢|好吗|行吗|可以吗|可以不|行不行|呀|啊)?[?？。.!！~\s]*$"
_FILL = r"^(?:那|哦|嗯|对了|另外|麻烦|请|帮我|我|咱|你)*[,，\s]*"
_VERB_FIRST = (
    r"(?:我|我们)?(?:要|想|得|需要|可以|能不能|能否|能|可不可以|再)*(?:帮我|给我)?"
    r"(?:修改|更改|更正|纠正|(?<!整)改|重新填|重填|重新回答|重新答|重答|回到|返回|退回|跳回|回)(?:一下|下)?\s*"
)
# what points at a question after its words: 宣传那题 / 检查次数那个 / 会员那个数
_Q_POINTER = r"[,，\s]*(?:那|这)(?:一)?(?:道题|题|项|个问题|个数字?|个|块|条)(?:的答案|的回答|的数字?|的)?"
_VERB_AFTER = (
    r"[,，\s]*(?:我|我们)?(?:(?:能不能|能否|可不可以|可以|能|要|想|得|需要|再)+(?:修改|更改|更正|改|重新填|重填|看|核对)(?:一下|下|一改)?"
    r"|(?:修改|更改|更正|(?<!整)改|重新填|重填|看|核对)(?:一下|下))(?:吗|吧|不)?"
)
_OPEN_REQUEST = re.compile(
    _FILL
    + r"(?:"
    + _VERB_FIRST
    + rf"(?:(?P<a>{_Q_REF}){_Q_SUFFIX}|(?P<a2>{_Q_NAME}){_Q_POINTER})"
    + rf"|(?:(?P<b>{_Q_REF}){_Q_SUFFIX}|(?P<b2>{_Q_NAME}){_Q_POINTER}){_VERB_AFTER}"
    + rf"|(?P<c>{_Q_REF}){_Q_SUFFIX}"
    + r"|(?P<d>(?![^,，。]*[没有不无是])[^,，。;；:：\d#]{2,12}?)那(?:一)?(?:道题|题|项)"
    + rf"|(?:我|我们)?(?:要|想|再)?(?:回到|返回|退回|跳回)(?P<e>{_Q_NAME}))"
    + _Q_TAIL
)
# 我想改一下之前的一个答案 / 前面有题要改: a change asked for, naming no question (asked which)
_OPEN_UNNAMED = re.compile(
    _FILL + r"(?:我|我们)?(?:要|想|得|需要|可以|能不能|能否|能|再)*(?:修改|更改|更正|改)(?:一下|下)?\s*"
    r"(?:之前|前面|上面|先前|刚才)?(?:的)?(?:一个|某个|一道|个|有个|有道)?(?:答案|回答|题|题目|问题)"
    + _Q_TAIL
    + r"|"
    + _FILL
    + r"(?:之前|前面|上面|先前)(?:有|的)?(?:一|个|一个|一道|道)?(?:题|答案|回答)(?:我)?(?:要|想|得|需要)(?:改|修改)(?:一下|下)?"
    + _Q_TAIL
)


_QUOTES = "“”\"'‘’「」"


def opening_request(text: str) -> str | None:
    """改宣传那题 / 能改下第12题吗 / 回到检查次数 / #25: a request to open a named question again, with no new answer
    in it; the words that name it (宣传那题 / 第12题), "" when it names none (我想改一下之前的一个答案), or None."""
    t = normalize(text)
    if _OPEN_UNNAMED.match(t):
        return ""
    m = _OPEN_REQUEST.match(t)
    if m is None:
        return None
    name = next((g for g in m.group("a", "a2", "b", "b2", "c", "d", "e") if g), "").strip()
    if re.fullmatch(rf"{_QN}{{1,3}}", name):
        return f"第{arabic(name)}题"  # 四十二 那个我改下
    if re.fullmatch(_Q_REF, name):
        name = arabic(re.sub(r"^#\s*", "第", name))
        return name if re.search(r"[题项条]|^[bq]|no|加分", name) else f"{name}题"
    return name.strip(_QUOTES) + "那题"


def named_changes(text: str) -> list[str] | None:
    """43题改成部分做到，42题改成一次 / 42题改成一次、B1也改成没有: two changes or more, each naming its question
    by number and saying its new answer; the parts, or None."""
    t = normalize(text)
    parts = [p.strip() for p in re.split(r"[,，;；、]|(?:，|,)?(?:然后|还有|另外|以及)", t) if p and p.strip()]
    if len(parts) < 2:
        return None
    for p in parts:
        ref = _OWN_TARGET.match(p)
        if ref is None or not _NEW_ANSWER.search(p):
            return None
    return parts


def names_its_target(text: str) -> bool:
    """修改第3题 / 第三题要改成有: a change that names the question it is about."""
    t = normalize(text)
    if _OWN_TARGET.search(t) and _CHANGE.search(t):
        return True
    opening_text = re.sub(r"^(?:哦|啊|嗯|对了|另外|还有|那个)*[,，\s]*", "", t)
    opening = _OWN_TARGET.match(opening_text)
    return bool(  # 第25题我再算了一下，… / 第18题说高了，…: opened with the question, then looked at again
        opening
        and (
            _EXPLICIT.search(t)
            or REVISION_CUE.search(t)
            or _CHECKED.search(t)
            or _RECALLED.search(t)
            or _SUPPLEMENT.search(t)
            or re.search(r"还有[^,，。]{0,12}忘|忘了|加起来|合起来|再加", t)  # 第25题，还有一场直播我给忘了
            or re.search(  # 第14题我不确定了，得问问主任: that answer, now not known
                r"不(?:太|是很|大)?(?:确定|清楚|肯定)了?|拿不准|记不清|(?:得|要|再)问问|回头(?:再)?问", t
            )
            or re.search(
                r"[多少再补]加|加上|再添|[减扣去刨](?:掉|去)?\s*[\d一二两三四五六七八九十百]|忘算|漏算|少算|多算|漏了|补上",
                t,
            )
            or re.match(
                r"(?:第\s*[\d一二三四五六七八九十百两]+\s*[题项]|\d{1,2}\s*[题项]|q\s?\d{1,2}|b\s?[1-9])(?:[^,，。]{0,3}?)(?:是|为|选|答|记|填|有|没)",
                arabic(opening_text),
            )
        )
    )


def new_answer(text: str) -> str:
    """The answer a modification carries ("把第8题改成有" -> "有"), or "" when it only names the question."""
    t = normalize(text)
    m = _NEW_ANSWER.search(t)
    again = [a for a in _TAKEN_BACK_AGAIN.finditer(t) if m and a.start() >= m.start(1)]
    if again:  # 改成没有……算了，还是有: the change taken back, what it settles on
        tail = t[again[-1].end() :].strip(" ,，。.")
        return re.split(r"[,，。;；]", tail)[0].strip(" 吧啊呢。.") if _ANSWERISH.search(arabic(tail)) else ""
    return m.group(1).strip(" 吧啊呢。.") if m else ""


def without_cue(text: str) -> str:
    """The message with the words of the change taken out (培训过的写错了，应该是32家 -> 培训过的，应该是32家)."""
    return _FILLER.sub("", normalize(text))


def _without_old_figure(t: str) -> str:
    """The figure a correction takes back, taken out of it: 应该是350不是530 / 不是5次是3次 / …，我记成一年两次了."""
    t = re.sub(r"[,，]?\s*我(?:之前|刚才)?(?:记成|写成|说成|填成|看成|当成)[^,，。;；]*了", "", t)
    t = re.sub(rf"[,，]?\s*(?:而)?不是\s*{_N}[^\d,，。;；\s]{{0,3}}?(?=[,，。;；\s]|$)", "", t)
    t = re.sub(r"[,，]?\s*(?:but\s+)?\bnot\s+\d+(?:\.\d+)?\b", "", t)  # 280 not 380
    return re.sub(
        rf"(?:^|(?<=[,，]))\s*不是\s*{_N}[^\d,，。;；\s]{{0,3}}?\s*(?=(?:而)?是\s*(?:\d|[一二两三四五六七八九十]))",
        "",
        t,
    )


# 改成没有……算了，还是有 / 改成部分做到吧。哦不对，还是做到了: a change taken back in the same message
_TAKEN_BACK_AGAIN = re.compile(
    r"(?:[,，。…\s!！—~～-]|\.\.\.)+(?:哦|呃|啊|诶|额|噢|哎|唉)?\s*"
    r"(?:(?:算了算了|算了|不对不对|不对|不不)(?=[,，。…\s!！]|还是|是)|不(?=[,，。…\s!！]))[,，。…\s!！]*"
    r"(?=还是|就是|是|应该|按|有|没|做到|部分)"  # (…，不是全部: a part, not the change taken back)
)


def settled_after_taking_back(t: str) -> str:
    """What a change taken back in the same message settles on (改成没有……算了，还是有 -> 还是有), or ""."""
    again = list(_TAKEN_BACK_AGAIN.finditer(t))
    if not again or not _VERDICT_MARK.search(t[: again[-1].start()]):
        return ""
    settled = t[again[-1].end() :].strip(" ,，。.")
    return settled if settled and _ANSWERISH.search(arabic(settled)) else ""


# the answer left as it was, said in so many words
_KEEP_IT = re.compile(r"不改了?|不用改|别改|先别改|先不改|不要改|暂时不改|说的(?:是)?对|没说错|就按(?:原来|刚才)的")
_ANSWER_AFTER_KEEP = re.compile(r"改成|改为|应该|其实|还是(?:有|没)|(?<![确])(?:是|有|没有|部分|不清楚|做到)(?![来问])")


_OLD_ANSWER_SAID = re.compile(
    r"^(?:哦|啊|嗯)?[,，\s]*(?:我)?(?:刚才|刚刚|之前|前面|上面)(?:我)?(?:说|答|选|填|讲)(?:的|了)?(?:是)?"
    r"[^,，。;；\d]{1,8}[,，。;；]\s*"
)


def remainder(text: str) -> str:
    """The new answer inside a correction ("不对，应该是部分做到" -> "部分做到"), possibly empty.

    What follows 应该是 / 其实 / 改成 wins when it carries an answer; otherwise the message without
    the words of the correction itself."""
    t = normalize(text)
    t = _without_old_figure(t)
    if (said := _OLD_ANSWER_SAID.match(t)) and len(re.sub(r"[\W_]", "", t[said.end() :])) >= 2:
        t = t[said.end() :]  # 刚才说不清楚，问了下人事，都签了: the answer taken back is restated first
    if settled := settled_after_taking_back(t):  # 改成没有……算了，还是有: the change taken back
        return settled
    keep = list(_KEEP_IT.finditer(t))
    if (
        keep
        and not re.search(r"\d", arabic(without_question_refs(t)))  # (上一题ok的，不用改: 上一题 is no figure)
        and not _ANSWER_AFTER_KEEP.search(t[keep[-1].end() :])
    ):
        return "不改"  # 刚才那个说的对 ok，不改 / 刚才那个改成……嗯，先别改，我回头确认了再说: the answer stands
    marked: list[str] = [m.group(1).strip(" 吧啊呢。.") for m in _VERDICT_MARK.finditer(t)]
    for part in reversed(marked):  # 其实还没签，应该算一部分: the verdict said last
        if part and _ANSWERISH.search(arabic(part)):
            return part
    for m in _FACT_MARK.finditer(t):
        part = str(m.group(1)).strip(" 吧啊呢。.")
        if part and _ANSWERISH.search(arabic(part)):
            start = max(t.rfind(d, 0, m.start()) for d in ",，。;；:：") + 1  # 加密其实还没上: its subject too
            head = t[start : m.start()].split()[-1] if t[start : m.start()].split() else ""  # 等下 账号密码其实…
            head = "" if _EXPLICIT.search(head) or _FILLER.fullmatch(head) else head
            if re.search(r"\d\s*[^\d\s,，]{0,2}$", arabic(head)) and re.match(r"\s*\d", arabic(part)):
                head = ""  # 原来说的3其实是2 / 说的4家其实是7家: the figure before 其实 is the one taken back
            kept = [  # 场所和设施有，经费其实没有: what the message keeps before the fact is part of the new answer
                c.strip()
                for c in re.split(r"[,，;；。]", t[: max(start - 1, 0)])
                if len(c.strip()) >= 4
                and re.search(r"有|做了|签了|在用|装了|都在", c)
                and not re.search(r"不|没|未|错|改|刚才|上一?题|前面|说多|说少|那题", c)
                and not _EXPLICIT.search(c)
            ]
            prefix = "，".join(kept) + "，" if kept else ""
            return (prefix + head + t[m.start(1) :]).strip(
                " 吧啊呢。."
            )  # 其实还没上，只有存储位置管住了: all that follows
    if re.fullmatch(r"[a-z0-9\s,.'!:;?%-]+", t):  # English: words, not clauses
        return re.sub(r"^[\s,.:;!-]+|[\s,.:;!-]+$", "", _FILLER.sub("", t))
    t = _DENIED_FIGURE.sub("", t)  # 4起不对，3起: the figure taken back is not the new answer
    pieces = [p for p in (_FILLER.sub("", c).strip() for c in re.split(_BREAK, t)) if p]
    pieces = [  # (不对，2 / 不对 two: a figure alone, one character or one English word, is the new answer)
        p for p in pieces if (len(p) > 1 and not re.fullmatch(r"[a-z]+", p)) or p.isdigit() or p in ENGLISH_NUMBERS
    ]
    if len(pieces) > 1 and re.fullmatch(r"不是的?|不对", pieces[0]):
        pieces = pieces[1:]  # 啊不是，只有涉密岗位培训了: the no is to the answer taken back
    asked = [p for p in pieces if re.search(r"^(?:是|你)?问(?:的)?(?:是)?|有没有|是不是|对吧|是吧[?？]?$|[?？]$", p)]
    if asked and len(asked) < len(pieces):
        pieces = [p for p in pieces if p not in asked]  # 是问有没有发生过侵权对吧？那没有: the question restated
    rest = "，".join(pieces)
    rest = re.sub(_BREAK, "，", rest).strip("，")  # 场所、设施、经费: a list stays one clause
    if re.fullmatch(r"是?", rest):
        return ""
    tail = re.search(r"(?:^|，)(?:现在|目前|一共|总共|实际)?是([^，]+)$", rest)  # 少打了个0，是4000
    if tail and re.search(r"\d|有|没|部分|不", arabic(tail.group(1))):
        return tail.group(1)
    return rest


# 不是16家，是14家 / 16家改成14家 / 把16改成14: the old figure named and the new one
_SWAP = re.compile(
    r"(?:不是|并非)\s*(?P<old>\d+(?:\.\d+)?)\s*[^,，。\d]{0,4}?[,，]?\s*(?:而)?(?:是|应该是|为)\s*(?P<new>\d+(?:\.\d+)?)|"
    r"(?:把)?\s*(?P<old2>\d+(?:\.\d+)?)\s*[^,，。\d]{0,4}?(?:改成|改为|换成|应该是|→|->|=>|—>|(?<![\u4e00-\u9fff])改)\s*(?P<new2>\d+(?:\.\d+)?)|"
    # 18家说错了，是24家 / 20家写错了，应该是26家
    r"(?P<old3>\d+(?:\.\d+)?)\s*[^,，。\d]{0,3}?(?:说错了?|写错了?|记错了?|填错了?|错了|不对|有误)[,，\s]*"
    r"(?:应该|实际|其实)?(?:是|为)\s*(?P<new3>\d+(?:\.\d+)?)"
)


def figure_swapped(said: str, text: str) -> str | None:
    """What was said before with the one figure a correction names replaced by its new value
    (会员50家，培训的20家，开展工作的16家 + 不是16家，是14家 -> …开展工作的14家); None when the correction names
    no figure, or one said more than once or not at all."""
    m = _SWAP.search(arabic(normalize(text)))
    if m is None:
        return None
    old, new = next((m.group(f"old{k}"), m.group(f"new{k}")) for k in ("", "2", "3") if m.group(f"old{k}"))
    return _one_figure_replaced(said, old, new)


def _one_figure_replaced(said: str, old: str, new: str) -> str | None:
    """``said`` (as read: digits) with its one figure ``old`` replaced by ``new``; None when ``old`` stands there
    more than once or not at all."""
    before = arabic(normalize(said))
    places = list(re.finditer(rf"(?<![\d.]){re.escape(old)}(?![\d.])", before))
    if len(places) != 1:
        return None
    return before[: places[0].start()] + new + before[places[0].end() :]


# 培训那40家里有5家不是会员，要扣掉: a part of one figure said before, taken off it
_PART_OF_FIGURE = re.compile(
    r"(?:这|那)(?:个)?\s*(?P<old>\d+)\s*家[^,，。\d]{0,6}?(?:里|中|当中|里面)?(?:有)?\s*(?P<part>\d+)\s*家"
    r"[^。\d]{0,14}?(?:扣掉|去掉|减掉|不算|不是会员|要扣|要减|不该算)"
)


def figure_less_part(said: str, text: str) -> str | None:
    """What was said before with the one figure a change names made smaller by the part it takes off
    (会员120家，培训过40家… + 培训那40家里有5家不是会员，要扣掉 -> …培训过35家…); None otherwise."""
    m = _PART_OF_FIGURE.search(arabic(normalize(text)))
    if m is None or int(m.group("part")) > int(m.group("old")):
        return None
    return _one_figure_replaced(said, m.group("old"), str(int(m.group("old")) - int(m.group("part"))))


# 每场是五十来人 (after 每个月一场，每场三十来人): the figure for each session said anew
_EACH_FIGURE = re.compile(
    r"每(?P<per>场|次|期|回|轮|批|个?月|个?季度)[^,，。;；\d]{0,6}?(?:是|有|都是|就是|大概|差不多|其实)\s*(?P<new>\d+)"
)


_SESSIONS_SAID = re.compile(
    r"(?:^|[,，。]|不对|错了)\s*(?:其实|实际上?|应该)?(?:是|只有|就|只办了|办了|一共)\s*(?P<new>\d+)\s*(?P<unit>场|期|次|回|轮)(?![^,，。]*每)"
)


_SESSION_ONLY = re.compile(
    r"(?:其中|里面|当中|(?<![还另又再])有)\s*(?P<k>\d+)\s*(?P<unit>场|次|期|回)[^,，。\d]{0,6}?(?:只|才|就|仅)[^,，。\d]{0,4}?(?P<new>\d+)\s*(?:人|名|位|个)?"
)
_NTH_SESSION = re.compile(r"第\s*(?P<k>\d)\s*(?P<unit>场|次|期|回)[^。\d]{0,12}?(?P<new>\d+)")


def per_item_refigured(said: str, text: str) -> str | None:
    """What was said before with the figure for each session replaced (每个月一场，每场三十来人 + 不对，每场是五十来人
    -> 每个月一场，每场50来人): the count of sessions as said, each one refigured; None when the reply said no
    figure for that 每… once."""
    t = arabic(normalize(text))
    before = arabic(normalize(said))
    sessions = _SESSIONS_SAID.search(t)
    if sessions and re.search(r"每(?:场|次|期|回|轮)", before) and not re.search(r"每(?:场|次|期|回|轮)", t):
        unit = sessions.group("unit")  # 办了六场讲座，每场五十来人 + 不对，是五场: the sessions, each as said
        places = list(re.finditer(rf"(?<![每\d.])(\d+)\s*{unit}", before))
        if len(places) == 1 and places[0].group(1) != sessions.group("new"):
            p = places[0]
            return before[: p.start(1)] + sessions.group("new") + before[p.end(1) :]
    one = _SESSION_ONLY.search(t)
    if one and re.search(rf"每{one.group('unit')}", before) and not re.search(rf"每{one.group('unit')}", t):
        k, unit, new = one.group("k"), one.group("unit"), one.group("new")
        return f"{before}，其中{k}{unit}只有{new}人"  # 三场，每场一百五 + 不对，有一场只来了八十人: that one apart
    nth = _NTH_SESSION.search(t)
    if nth:  # 一场三百一场二百五 + 第二场记错了，是一百五: that session's figure
        listed = list(re.finditer(rf"(?<![\d.])1\s*{nth.group('unit')}\s*(?:是|有|来了|大概)?\s*(\d+)", before))
        k = int(nth.group("k"))
        if 1 <= k <= len(listed) >= 2:
            p = listed[k - 1]
            return before[: p.start(1)] + nth.group("new") + before[p.end(1) :]
    m = _EACH_FIGURE.search(t)
    if m is None:
        return None
    places = list(re.finditer(rf"每{re.escape(m.group('per'))}[^,，。;；\d]{{0,6}}?(\d+)", before))
    if len(places) != 1:
        return None
    p = places[0]
    return before[: p.start(1)] + m.group("new") + before[p.end(1) :]


# 律所是3家 / 鉴定那个应该是2家 (after 律所2家，鉴定1家，培训1家): one named item's figure said anew
_ITEM_FIGURE = re.compile(
    r"(?P<item>[\u4e00-\u9fff]{2,6}?)(?:那个|那家|那块|那边|这块)?(?:应该|其实|实际)?(?:是|有|为)\s*(?P<new>\d+)\s*(?P<unit>家|个|所|类)"
)


def item_refigured(said: str, text: str) -> str | None:
    """What was said before with the figure of the one item a change names replaced (律所2家，鉴定1家 + 律所是3家
    -> 律所3家，鉴定1家); None when the item is not said before with one figure of that unit."""
    t = arabic(normalize(text))
    m = _ITEM_FIGURE.search(t)
    if m is None:
        return None
    before = arabic(normalize(said))
    item = re.sub(r"的$", "", m.group("item"))[-2:]  # 等等律所 -> 律所 / 培训的 -> 培训: the item's own name
    places = list(re.finditer(rf"{re.escape(item)}[^,，。;；、\d]{{0,4}}?(\d+)\s*{m.group('unit')}", before))
    if len(places) != 1:
        return None
    p = places[0]
    return before[: p.start(1)] + m.group("new") + before[p.end(1) :]
