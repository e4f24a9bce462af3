"""What a unit said against what was recorded: the shared readings of a follow-up (a figure restated, a
part taken off, a doubt) used both by the walk and by the follow-up handlers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import correction
from .quantity import UNIT_WORDS, as_quantity, numbers
from .reading import NOT_DONE, PART_NOT_COUNTED, Hint, Reading, read
from .rubric import (
    AlternativesRule,
    Criterion,
    PerCountRule,
    ThresholdRule,
    TierRule,
    TwoPartRule,
)
from .scoring import score_criterion
from .text import arabic, normalize
from .verdict import context, measures_named, topic_words


def _n(x: float) -> str:
    return f"{x:g}"


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


_LEFT_AFTER_TAKING_OFF = re.compile(
    r"(?:去掉|扣掉|减掉|除去|刨掉|不算)[^,，。\d]{0,10}?(?:的|后|以后|之后)?(?:就|剩下?|还有|只有)(?:是|有)?\s*(\d+(?:\.\d+)?)"
)


def _the_new_figure(c: Criterion, rest: str, previous: Any = None) -> str:
    """The clause of a figure's correction that carries the new figure: 不对，一起，另一起还没立案 /
    六百是两年加起来的，今年就三百出头 / 有两次其实是收费的，公益的只有3次. A clause that only says what the
    old figure was (6家 → 是6个培育对象，已经授牌的有4家) is not it."""
    plain = arabic(normalize(rest))
    left = _LEFT_AFTER_TAKING_OFF.search(plain)
    if left is not None and c.expects == "number":  # 去掉线上的就250 / 去掉就四百出头: what is left, said as such
        return re.split(r"[,，。;；]", plain[left.start(1) :])[0]
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
        elif (
            len(clauses) == 2
            and len(clauses[1][1]) == 1
            and re.match(
                rf"\s*(?:那个|这个|那|这|我说的|说的)?\s*{float(previous):g}\s*(?:人次|次|家|起|场|人|个)?(?:其实|实际上?)?"
                r"(?:是|指|说的是)(?!对|没错|准)",
                arabic(normalize(clauses[0][0])),
            )
        ):  # 那个3次是三场保密培训，内部检查只做了一次: what the old figure counted, then the new figure
            rest = clauses[1][0]
        if (  # the new total, and the part that makes it (said as the reason, not a further change)
            len(clauses) == 2
            and len(clauses[0][1]) == 1
            and len(clauses[1][1]) == 1
            and (
                (  # 2次 → 检查其实是3次，漏了一次专项的: the new total, and the one left out that makes it
                    re.search(r"漏|忘|没算|少算|没说", clauses[1][0])
                    and abs(float(previous) + clauses[1][1][0].quantity.value - clauses[0][1][0].quantity.value) < 0.01
                )
                or (  # 3次 → 其实是两次，有一次是前年的: the new total, and the one taken off that makes it
                    re.search(r"是(?:前年|去年|往年|以前|收费|有偿|别人|上级|外面)|不算|多算|重复|算错", clauses[1][0])
                    and abs(float(previous) - clauses[1][1][0].quantity.value - clauses[0][1][0].quantity.value) < 0.01
                )
            )
        ):
            return clauses[0][0]
    if c.expects != "number" or re.search(r"每(?:场|次|期|回|轮)|各\s*\d|\d\s*[+＋]\s*\d", arabic(normalize(rest))):
        return (
            rest  # 一共办了4场讲座，每场签到都是80人 / 三场活动：120 + 95 + 60: the figure is worked out of all of it
        )
    alone = [p for p in re.split(r"[，,。；;]", arabic(normalize(rest))) if re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", p)]
    if len(alone) >= 2:
        return rest  # 三场活动，120，95，60: a list of figures, added up
    return _stressed_clause(rest)


_IF_SO = re.compile(r"\S{0,2}?的话")  # 算一家的话: a figure supposed, not stated


_SO_IT_IS = re.compile(r"(?:所以|那就|就|总共|一共|剩下?|加起来)(?:是|有)?\s*$")


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


_ALL_OF_THEM = re.compile(
    r"(?<![每年月天直])(?:都|全)|所有|每(?:个|项|样)|样样|统统|一应俱全"
)  # 每年都搞 is a frequency


_NONE_OF_THEM = re.compile(
    r"没人|没有人|什么都|啥都|一次也没|一个也没|一样也没|都(?:没|不|还没)|全(?:都)?(?:没|不)|一(?:个|样|项)(?:都|也)(?:没|不)|根本|压根|完全(?:没|不)|什么都没|啥都没|全部(?:没|不)|"
    r"从来?没|从未|一直没|说反了|"
    r"算(?:是)?(?:没有|没做|不符合|没做到)(?:吧|的)?(?:[,，。!！]|$)|^(?:其实)?(?:没有|没做)(?:[,，。]|$)"  # …算没做吧: the verdict said
)


# a group of people, not all of them: 转岗过来的那批 / 新来的几个 / 销售那边
_A_GROUP = re.compile(
    r"(?:那|这|一)批|(?:那|这)几(?:个|位)|转岗|新来|新招|新入职|刚来|刚入职|实习生|外包|临时工|个别|少数|部分(?:人|员工|部门|岗位)|"
    r"(?:销售|研发|生产|行政|财务|市场|技术|采购)(?:那边|这边|部门|岗|的人|的同事)|"
    r"车间|一线|(?:生产线|流水线)上|工人|保安|保洁|门卫|劳务派遣|派遣工|兼职的|分公司|子公司|驻外|外地的"
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


_ASKS_ABOUT = re.compile(r"[?？]|算不算|要不要|能不能|可不可以|可以吗|是不是|怎么算|还是按|吗[。.!！]*$")


_NAMES_IT = re.compile(r"那个|那题|那项|那块|那道|那一项|那\s*\d+\s*(?:次|场|起|家|个|人次)")


_ASKED_BACK = re.compile(
    r"(?:算不算数?|能不能算|可不可以算|算吗|行不行|可以吗|对吗|是吗)[吗呢啊呀?？。!！\s]*$|[?？]\s*$"
)


_CONFIRMS = re.compile(
    r"确认|没问题|没错|不用改|不改了?|别改|说的(?:是)?对|没说错|就是这样|就这样|对的|准确|无误|属实|是按[^,，。]{0,14}(?:统计|算|计)的"
)  # 五百多是按签到表加线上观看数统计的: how the figure was counted, which stands


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


_CONFIRM_YES = re.compile(
    r"^(?:是|是的|是滴|对|对的|对头|嗯+|没错|正确|确认|确定|没问题|好的?|可以|ok|okay|yes|yep|y|对对|是是|就是这个|就是|没毛病)[。.!！~]*$",
    re.I,
)


_CONFIRM_NO = re.compile(r"^(?:不是|不对|错了|不|不不|no|nope|n|重新选|不是的|都不是|理解错了|搞错了)[。.!！~]*$", re.I)


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


_STRESS = re.compile(
    r"(?:其实|实际上?|应该)有\s*$|"  # 会员其实有300家
    r"(?:就|是|为|其实|应该|只有|才|一共|总共|共|合计|算|算是|记|记成|改成|改为|加起来有?|实际上?|所以|刚好|正好|整好|凑够|剩下?|的话)\s*$|"
    r"(?:一共|总共|合计|总计|加起来)[^,，。\d]{0,6}$"  # 去年一共服务了5家
)


_MORE_OF_IT = re.compile(
    r"再加|加上|还(?:得|要)加|另加|再算上|(?<!是)算上(?!级|面|半年|次|回|个月|周|年)|漏(?:了|算了?|说了?)[^,，。\d]{0,10}[,，]?\s*(?:还有|再|另外)|"
    r"漏(?:了|算了?|说了?)[^。\d]{0,10}?(?:还|又)(?:加|多|补)(?:了|办了|开了)|"  # 漏了，下半年还加了两场
    r"漏(?:了|算了?|说了?|掉了?)\s*[1一]\s*(?:场|期|回|次)(?=[^,，。\d]{0,8}[,，]\s*(?:那|这)(?:场|期|回|次))|"  # 漏了一次线上的，那次有六十多人
    r"^(?:哦|啊|噢|诶|嗯|对了|不对|等等|等一下|补充(?:一下|一句|下)?|再补充(?:一下|一句)?|补一句|[,，:：\s!！])*"
    r"(?:还有|另外|另有|外加)|"
    # 补一句，…那个，去年12月底还有一次免费咨询活动，我漏了 / 补充上一题：还有线上直播50人次，线上的也算吧
    r"(?:^|[,，:：])\s*[^,，。;；]{0,10}?(?:还有|另外|另有|外加)[^,，。;；]{0,16}?(?:\d|[一二两三四五六七八九十百])"
    r"[^,，。;；]{0,12}?(?:人次|次|场|家|起)[^。]*?(?:漏了|漏说|漏算|也算|也要算|没算|没说|忘了)"
)


# 刚才那个数不对，3起，忘了算上半年那起: a new total said alone after a denial (not 再加上那场普法宣传，60人: more)
_DENIED_THEN_FIGURE = re.compile(
    r"(?:不对|错了|说错|记错|搞错|弄错)[^。;；]*?[,，]\s*(?:\d+|[一二两三四五六七八九十百]+)\s*(?:人次|[次场家起人个件])\s*(?:[,，。]|$)"
)


# a part left out or counted too many, said as that part alone: 漏了一次 / 多算了一起 / 再减一家
_PLUS = (
    r"漏(?:了|算了?|报了?|说了?|掉了?|统计了?|写了?)|少(?:算|报|说|统计|写|数)了?|再加|还得加|要加|加上|(?<![增追参])加"
)


_MINUS = r"多(?:算|报|说|统计|写|数|计)了?|重复算了?|(?:再|得|要)?减(?:掉|去)?|去掉|扣掉|刨掉|扣除"


_DELTA = re.compile(rf"({_PLUS}|{_MINUS})\s*(\d+)\s*(人次|[次场家起人个件期回]|(?=[,，。.!！~吧]|$))")  # 加80


_BY_SO_MANY = re.compile(
    r"\s*(?:应该|要|得|再|还)*(少|多|减|加|减掉|加上)(?:了)?\s*(\d+)\s*(\S{0,2}?)[吧啊哈呀。.!！~]*\s*"
)


_FAILED_PART = re.compile(
    r"(?:(?:有|其中)?\s*(?<!第)(\d+)\s*(人次|[次场家起人个件期回])(?!都|也)|(?:那个|那起|那家|那次|那场|那件|这次|这个|这起|这场)|"
    r"第\d+\s*[次场家起个件]|另(?:外)?\s*(?:一|1)\s*[次场家起个件])"
    r"[^,，。\d]{0,8}?(?:[,，]\s*(?:还|都|也|并)(?=没))?"  # (其中两起只是报了案，还没立案)
    r"(?:没(?:有)?(?:成功|成|做成|搞成|调成|立上|办成|通过|验收|做完|完成|办完|结果|立案)|失败了?|不算|(?:要|得)?去掉|黄了|撤了|还在审|在审|"
    r"(?:还|并|其实)没(?:有)?(?:做|办|搞|开展|查|举办)(?![成完过了])"  # 下半年那次还没做
    r")"
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
    r"多(?:算|报|说|统计|写|数|计|填)了?|搬走|迁走|搬出|迁出|搬离|退租|倒闭|破产|注销|撤销|摘牌|退出|取消了|"
    r"(?:其实|实际上?|原来|不小心)(?:还|也)?(?:包括|包含|含|算上|算进)(?:了|去了|进去了)?"  # 其实包括了员工培训100人次
)


# 里面有一场450人次的是前年办的 / 其中有一次其实是集团来查的: a part of another period, or done by someone else
_OTHER_PERIOD = re.compile(
    r"是(?:前年|往年|以前|之前|早些年|[两三]年前|更早|集团|总部|上级|外部|外面|第三方|别人|别家|外单位)[^,，。;；\d]{0,8}?的"
)
# what opens a part of the figure said (有一家 / 其中两场 / 里面有一场450人次): the part is what follows
_PART_OPENING = re.compile(r"(?:有|其中|其中有|里面有|当中有|这里面有)\s*(?:\d+\s*[场次期回个家起])?\s*$")


_ASIDE = re.compile(r"(?:补充|多说|再多?说|补说|再讲|多讲)\s*(?:一|两|几|\d)\s*句")  # 补充一句 / 多说两句


_LEFT_OUT = re.compile(
    r"漏(?:了|算|报|说|掉|统计|加)|少(?:算|报|说|写|数|计|填|加)了?|忘了?(?:算|说|统计|加)|没(?:算|加)上"
)


_NOT_MEANT = re.compile(r"(?<!漏)没算进去|不算进去|不计入|没计入")  # 阅读量还有2000多，没算进去: left out on purpose


def _same_score(c: Criterion, before: Any, after: Any) -> bool:
    """Whether two answers to a criterion score alike (500 and 五百多 both meet ≥ 300)."""
    return score_criterion(c, before, 0.5).got == score_criterion(c, after, 0.5).got


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


_STATED_TOTAL = re.compile(
    r"(?:(?:其实|实际上?|应该|所以|那就|总共|一共|合计|现在)(?:是|有|只有|就)?"
    r"|(?:去掉|扣掉|减掉|除去|不算)[^,，。\d]{0,10}?(?:的|后|以后|之后)?(?:就|剩下?|还有|只有)(?:是|有)?)"  # 去掉线上的就250
    r"\s*(\d+(?:\.\d+)?)(?!\s*(?:月|号|日|年))"
)


def _delta(c: Criterion, previous: Any, text: str) -> float | None:
    """The count said before, plus or minus the one part the message names; None when the message also states
    a total that disagrees (多写了50，其实250 after 350: the total said wins, read as said — never 300)."""
    value = _delta_said(c, previous, text)
    if value is None:
        return None
    stated = _STATED_TOTAL.search(arabic(normalize(correction.without_question_refs(text))))
    if stated is not None and abs(float(stated.group(1)) - value) > 0.01:
        return None
    return value


def _delta_said(c: Criterion, previous: Any, text: str) -> float | None:
    """The count said before, plus or minus the one part the message names — when it names one part and no
    new total (实际两次 / 所以是两家 are read as said)."""
    if c.expects == "counts" and isinstance(previous, dict) and len(previous) == 1:
        previous = next(iter(previous.values()))  # 律所，服务对象3家 → 比刚才说的多两家
    elif c.expects != "number":
        return None
    if isinstance(previous, dict) and previous.get("relation") == "about" and re.search(r"每(?:场|次|期|回|轮)", text):
        previous = previous.get("value")  # 约280 → 漏了，还有两场，每场五十人: about 380 is 380 near enough
    if (
        isinstance(previous, dict)
        and previous.get("relation") in ("about", "gt", "ge")
        and (_DELTA.search(arabic(normalize(text))) or re.search(r"少加了?|漏加了?", text))
    ):
        previous = previous.get("value")  # 四百人次左右 / 一千出头 → 再加一百五: near enough the figure said
    if isinstance(previous, bool) or not isinstance(previous, (int, float)):
        return None
    if correction.ZEROS.search(normalize(text)):
        return None  # 多写了一个零: a slip of the keys, not one less (correction.parse divides it)
    t = _ASIDE.sub("", correction.without_question_refs(text))  # 多说一句，… is no figure said too many (nor Q12)
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
    told = list(_DELTA.finditer(t))
    if len(told) == 1 and told[0].group(3) in (*units, ""):
        k = float(told[0].group(2))
        step = previous - k if re.fullmatch(_MINUS, told[0].group(1)) else previous + k
        if any(
            f.start >= told[0].end() and f.quantity.relation == "eq" and abs(f.quantity.value - step) < 0.01
            for f in numbers(t)
            if f.unit in units or not f.unit
        ):
            return step  # 一起 → 漏了一起，…那起也算，两起: the total with it said too, never added again
    own = [
        f
        for f in numbers(t)
        if (f.unit in units or not f.unit)
        and f.quantity.value != previous
        and not (unit == "人次" and f.unit == "个" and re.match(r"\s*个\s*(?!人)[\u4e00-\u9fff]", f.after or ""))
    ]  # (少加了一个线上直播，…看的人有一百: 一个 counts the broadcast, not its audience)
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
        if (
            _TAKE_OFF.search(t)
            or ((PART_NOT_COUNTED.search(t) or _OTHER_PERIOD.search(t)) and _PART_OPENING.search(own[0].before))
        ) and n < previous:
            return previous - n  # (有一次只查了涉密区域，不算全面检查: that one off — not 免费的就两次，收费的不能算)
        added = re.search(r"(?:再|还要|还得)(?:加|补)(?:一下|下)", t) and re.search(r"还有", own[0].before)
        if (_LEFT_OUT.search(t) or added) and not _NOT_MEANT.search(t):
            return previous + n  # (宣传受众我再加一下，还有场线上直播200人: the part added)
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


_PART_MORE = r"漏了|漏掉了?|少说了|少算了|忘了(?:说|算)?|另外还有|还有|再加上?|加上|又多了|新增了?|新来了?|新入驻了?"
_PART_LESS = r"去掉|减去|减掉|删掉|多说了|多算了|搬走了|撤走了|注销了|少了"


def _parts_moved(rule: TwoPartRule, previous: Mapping[str, Any], text: str, said: str = "") -> str | None:
    """两类四家 → 服务机构类型我漏了一个培训类，家数不变还是4家 / 再加一家律所 (律所 said before): each count moved by what
    the message adds or takes off (a kind named between the figure and 类 is that kind), or kept where it says so;
    None when it moves neither, or moves a count of firms whose kind may be new (漏了一家: a new kind or not?)."""
    t = arabic(normalize(text))
    if re.search(r"(?:所以|那就|就|一共|总共|共|合计|应该)(?:是)?\s*\d+\s*(?:类|种)", t):
        return None  # 漏了一类鉴定的，1家，所以是4类6家: the counts said, read as said
    merged: dict[str, float] = {}
    for p in rule.parts:
        v = previous.get(p.key)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return None
        merged[p.key] = float(v)
    moved = False
    for p in rule.parts:
        others = "".join(re.escape(w) for q in rule.parts if q is not p for w in q.words if len(w) == 1)
        kinds = "|".join(sorted({re.escape(w) for ws in p.kinds.values() for w in ws}, key=len, reverse=True))
        words = "|".join(sorted((re.escape(w) for w in p.words), key=len, reverse=True))
        between = rf"(?:个)?\s*(?:{kinds})?\s*" if kinds else r"\s*"
        after = rf"(?![^,，。;；\d]{{0,4}}?[{others}])" if others and not kinds else ""  # (一个培训类: no firm)
        for m in re.finditer(rf"({_PART_MORE}|{_PART_LESS})\s*(\d+){between}(?:{words}){after}", t):
            n = float(m.group(2))
            merged[p.key] += -n if re.fullmatch(_PART_LESS, m.group(1)) else n
            moved = True
        cues = "|".join(re.escape(w) for w in p.cues if len(w) >= 2)
        if cues and (kept := re.search(rf"(?:{cues})(?:不变|没变|没有变)[^,，。;；\d]{{0,4}}?(?:还是)?\s*(\d+)?", t)):
            merged[p.key] = float(kept.group(1)) if kept.group(1) else merged[p.key]
        if merged[p.key] < 0:
            return None
    if not moved:
        return None
    first = rule.parts[0]  # the kinds; a firm added or taken off of a kind said before leaves them as they were
    if (
        merged[first.key] == float(previous[first.key])
        and re.search(r"类|种", t)
        and not re.search(r"(?:类型|类别|种类)(?:不变|没变|没有变|还是|仍是|仍然是)", t)
    ):
        return None  # 多算了一家，培训那家在园区外面，这样培训类也没了: the kinds moved too, by words we cannot count
    if merged[first.key] == float(previous[first.key]):
        kinds_said = [k for k, ws in first.kinds.items() if any(w in normalize(said) for w in ws)]
        kinds_now = [k for k, ws in first.kinds.items() if any(w in t for w in ws)]
        unchanged = any(re.search(rf"{re.escape(w)}(?:不变|没变|没有变)", t) for w in first.cues if len(w) >= 2)
        if not unchanged and not (kinds_now and set(kinds_now) <= set(kinds_said)):
            return None
    return "，".join(f"{merged[p.key]:g}{p.words[0]}" for p in rule.parts)


# the words a reply opens with when it answers (有的。另外集团明年要来查两次): such a reply is read as said, never as an aside
ANSWER_OPENING = r"有的?|没有|没|无|是的?|对的?|嗯+|签了|设了|建了|做了|做到了?|都有|全部|部分|yes|no|ok"

# ── the kinds of a two-count answer, one by one (律所两家、鉴定一家) ────────────────────────────────────────
_PIECE = re.compile(r"[,，、;；。:：]")
_KIND_GONE = re.compile(
    r"^(?:也|其实|但)?没有|去掉|去除|剔掉|不算|注销|搬走|搬出|搬到|迁走|迁出|退租|退出|关了|倒闭|没有了|不在园区|园区外|别的区|外区|外地|没有办公|记错|划掉|删掉|减掉|减去|少了"
)
_KIND_ADDED = re.compile(r"再加|加上?|还有|漏了?|又(?:进来|来了?|多了|多来了?|入驻)|新(?:进|来|入驻)|多了|补上?|增加")
_KIND_SET = re.compile(r"(?:其实|实际|应该|只有|就|才)?(?<!不)(?:是|有)\s*(\d+)\s*(?:家|个|所)")


def _kinds_in(piece: str, kinds: Mapping[str, list[str]]) -> list[str]:
    """The kinds a piece of text names, in the order said (the longest word wins where two overlap)."""
    hits: list[tuple[int, str]] = []
    taken: set[int] = set()
    for k, w in sorted(((k, w) for k, ws in kinds.items() for w in ws), key=lambda kw: -len(kw[1])):
        for m in re.finditer(re.escape(w.lower()), piece):
            span = set(range(m.start(), m.end()))
            if not span & taken:
                taken |= span
                hits.append((m.start(), k))
    return list(dict.fromkeys(k for _, k in sorted(hits)))


def _pieces(t: str, kinds: Mapping[str, list[str]]) -> list[str]:
    """The text cut where one kind's count ends and the next begins (两家律所一家咨询 / 律所2家鉴定1家)."""
    out: list[str] = []
    for piece in _PIECE.split(t):
        if len(_kinds_in(piece, kinds)) > 1 and len(re.findall(r"\d", piece)) > 1:
            cut = (
                r"(?=(?<!\d)\d+\s*(?:家|个|所))"
                if re.match(r"\s*\d", piece)
                else r"(?<=\d[家个所])|(?<=\d)(?=[^\d家个所])"
            )
            out += [x for x in re.split(cut, piece) if x]
        else:
            out.append(piece)
    return out


def kinds_inventory(kinds: Mapping[str, list[str]], said: str) -> dict[str, float] | None:
    """律所两家、鉴定一家 → {法律: 2, 鉴定: 1}; None unless every kind said has its own count."""
    t = arabic(normalize(re.sub(r"[“”\"'‘’「」]", "", said)))
    if (all_one := re.fullmatch(r"\s*(\d+)\s*(?:家|个)[,，]?\s*(?:都|全)是([^,，。]+?)[。.!！]*", t)) is not None:
        ks = _kinds_in(all_one.group(2), kinds)  # 四家，都是律所
        return {ks[0]: float(all_one.group(1))} if len(ks) == 1 else None
    each = re.search(r"各\s*(\d+)\s*(?:家|个|所)|每(?:种|类|样)都是\s*(\d+)\s*(?:家|个|所)", t)
    total = re.search(r"(?:一共|总共|合计|总计|(?<![一总])共)(?:有|是)?\s*(\d+)\s*(?:家|个|所)", t)
    inv: dict[str, float] = {}
    pieces = _pieces(t, kinds)
    named = [ks for p in pieces if (ks := _kinds_in(p, kinds))]
    if (
        not each
        and total
        and all(len(ks) == 1 for ks in named)
        and len({ks[0] for ks in named}) == len(named) == int(total.group(1))
        and not any(re.search(r"\d", p) for p in pieces if _kinds_in(p, kinds))
    ):
        return {ks[0]: 1.0 for ks in named}  # 3类：律所、咨询、培训，一共3家: one of each
    for piece in pieces:
        ks = _kinds_in(piece, kinds)
        if not ks:
            continue
        figures = [
            float(x) for x in re.findall(r"(?<![\d.])(\d+)\s*(?:家|个|所|间|户)?(?!\s*(?:类|种|年|月|号|%))", piece)
        ]
        if len(ks) == 1 and len(figures) == 1:
            inv[ks[0]] = inv.get(ks[0], 0) + figures[0]
        elif len(ks) == 1 and not figures and re.search(r"有(?:家|个)|(?<![\d])(?:家|个)(?=[\u4e00-\u9fff])", piece):
            inv[ks[0]] = inv.get(ks[0], 0) + 1  # 有家专利代理 / 还有个公证处
        elif (each and not figures) or (
            each and len(figures) == 1 and figures[0] == float(each.group(1) or each.group(2))
        ):
            for k in ks:
                inv[k] = inv.get(k, 0) + float(each.group(1) or each.group(2))
        else:
            return None
    return inv or None


def _kind_said_again(piece: str, words: list[str]) -> bool:
    """律所是2家 / 鉴定2家 / 律所其实有3家: a kind's word and its count, nothing else (not 律所是同1个老板)."""
    m = re.fullmatch(r"(\D{0,8}?)(\d+)\s*(?:家|个|所)[了的吧啊哈。.!！\s]*", piece)
    if m is None:
        return False
    head = m.group(1)
    for w in sorted(words, key=len, reverse=True):
        head = head.replace(w.lower(), "")
    return (
        re.fullmatch(
            r"\s*(?:所|公司|机构|中心|处|类)?\s*(?:那|的)?\s*(?:其实|应该|实际)?(?:是|有|就是|就|只有)?\s*", head
        )
        is not None
    )


def kinds_edited(rule: TwoPartRule, previous: Mapping[str, Any], said: str, text: str) -> str | None:
    """律所两家、鉴定一家 → 再加一家咨询公司 / 鉴定那家注销了 / 鉴定那家换成了一家培训机构 / 律所其实是三家 / 只剩鉴定所:
    the kinds said one by one, each changed as the message tells, and the two counts worked out again ("2类，3家");
    None when the first answer was not told kind by kind, or the change names a kind or a move it cannot place."""
    first, second = rule.parts[0], rule.parts[1]
    kinds = first.kinds
    if not kinds:
        return None
    inv = kinds_inventory(kinds, said)
    if inv is None or len(inv) != previous.get(first.key) or sum(inv.values()) != previous.get(second.key):
        return None
    t = arabic(normalize(re.sub(r"[“”\"'‘’「」]", "", text)))
    if re.search(r"算不算|拿不准|不确定|不知道|说不准|不好说|可能|也许|好像|记不清", t):
        return None  # 鉴定那家还算不算在园区我也拿不准: unsure, asked (not worked out)
    before = dict(inv)
    restated = re.search(r"(?:不是[^,，。]*[,，]\s*|就是|现在就|其实就)(?:是)?(.+)$", t)
    if restated and (again := kinds_inventory(kinds, restated.group(1))) and len(again) >= 2:
        inv = again  # 不是一家，是一家咨询一家律所 / 现在就一家律所一家鉴定所: told again in full
    else:
        pieces = _pieces(t, kinds)
        adding = False
        for i, piece in enumerate(pieces):
            ks = _kinds_in(piece, kinds)
            if not ks:
                adding = adding or bool(_KIND_ADDED.search(piece))  # 再加两家：一家培训机构一家咨询公司
                continue
            if (
                len(ks) == 1
                and not re.search(r"\d", piece)
                and not (
                    _KIND_GONE.search(piece)
                    or _KIND_ADDED.search(piece)
                    or re.search(r"换成|只剩|就剩|仅剩|其实(?:也)?是|变成|没错|不变|没变", piece)
                )
                and i + 1 < len(pieces)
                and not _kinds_in(pieces[i + 1], kinds)
            ):
                piece = f"{piece}{pieces[i + 1]}"  # 律所那个数不对，应该是一家: the kind, then its figure
                pieces[i + 1] = ""
            n_said = re.findall(r"(?<![\d.])(\d+)\s*(?:家|个|所)", piece)
            n = float(n_said[0]) if n_said else 1.0
            swap = re.search(r"换成|改成|其实(?:也)?是|变成", piece)
            if swap and len(ks) == 2:
                a, b = ks  # the kind before the verb becomes the one after it
                inv[a] = inv.get(a, 0) - 1
                inv[b] = inv.get(b, 0) + 1
            elif len(ks) != 1:
                return None
            elif re.search(r"只剩|就剩|只有|仅剩", piece) and not n_said:
                inv = {ks[0]: inv.get(ks[0], 0)}  # 只剩鉴定所
            elif _KIND_GONE.search(piece):
                inv[ks[0]] = inv.get(ks[0], 0) - (n if n_said and "那" not in piece else inv.get(ks[0], 0))
            elif (m := _KIND_SET.search(piece)) is not None and not _KIND_ADDED.search(piece[: m.start()]):
                inv[ks[0]] = float(m.group(1))  # 律所是三家不是两家 / 鉴定其实是两家 / 律所只有3家
            elif _KIND_ADDED.search(piece) or adding:
                inv[ks[0]] = inv.get(ks[0], 0) + n
            elif n_said and _kind_said_again(piece, kinds[ks[0]]):
                inv[ks[0]] = n  # 不对，律所是两家，鉴定两家: the kind's count said again
            else:
                continue  # 咨询没错 / 只是名字里带了咨询两个字: the kind named, nothing changed of it
    if any(v < 0 for v in inv.values()) or inv == before:
        return None
    total = re.search(r"(?:现在|一共|总共|共|合计)\s*(\d+)\s*(?:家|个)", t)
    if total and float(total.group(1)) != sum(inv.values()):
        return None  # the counts worked out and the total said disagree: asked
    kept = {k: v for k, v in inv.items() if v > 0}
    listed = "、".join(f"{kinds[k][0]}{v:g}家" for k, v in kept.items())  # kind by kind, for the next change
    return f"{listed}，共{len(kept)}{first.words[0]}{sum(kept.values()):g}{second.words[0]}"


_SHARE_N = r"(\d+)(?![\d.]|\s*[批期场次个人位名年月天号轮%])"
_SHARE_MORE = (
    r"(?:少|漏)(?:算|报|说|写|数|计|填|统计)了?\s*" + _SHARE_N + "|"  # 少说了两家: there are two more
    r"(?:再|还|又|另外|也)?(?:加上?|多了?|增加了?|添了?|补了?|新增了?)\s*" + _SHARE_N + "|"
    r"(\d+)\s*家[^,，。;；\d]{0,6}?(?:新入会|刚入会|新加入|漏了|没算|没统计)"
)
_SHARE_LESS = (
    r"多(?:算|报|说|写|数|计|填|统计)了?\s*" + _SHARE_N + "|"  # 多算了两家: there are two fewer
    r"(?:也|还|又)?(?:少了?|减(?:掉|去|少)?了?|去掉了?|扣(?:掉|除)?了?)\s*" + _SHARE_N + "|"
    r"(\d+)\s*家[^,，。;；\d]{0,8}?(?:退会|退出|注销|关了|关门|倒闭|搬走|搬出|退了|不算)"
)


def shares_edited(rule: AlternativesRule, counts: Mapping[str, Any], text: str) -> str | None:
    """会员100家、培训30家、开展50家 → 培训的再加三家 / 开展工作的说少了，多了十家 / 会员里有四家已经注销了: a part of
    the association's counts moved by the difference said, the others as they were; the counts said again in full
    (read like a first answer), or None when the change cannot be placed on one part for sure."""
    group = next((g for g in rule.groups if g.total_cues and all(k.key in counts for k in g.conditions)), None)
    if group is None or not isinstance(counts.get("total"), (int, float)):
        return None
    t = arabic(normalize(text))
    if "%" in t or re.search(r"百分|成\b|比例|占比", t):
        return None  # a share said: read as said elsewhere
    if re.search(r"明年|下一年|打算|计划|准备|将来|争取|预计|有望", t):
        return None  # 培训的明年再加三家: a plan moves no count
    moved: dict[str, float] = {}
    amounts: set[float] = set()
    waiting: str | None = None  # a part named in a clause without its difference (开展工作的说少了，多了十家)
    for clause in re.split(r"[,，。;；!！?？\s]+", t):
        named = [k.key for k in group.conditions if any(w in clause for w in k.cues)]
        part = (
            named[0]
            if len(named) == 1
            else "total"
            if not named and any(w in clause for w in group.total_cues)
            else None
        )
        if len(named) > 1:
            return None
        more = [m for m in re.finditer(_SHARE_MORE, clause)]
        less = [m for m in re.finditer(_SHARE_LESS, clause)]
        if len(more) + len(less) > 1:
            return None
        if not more and not less:
            if part is not None:
                waiting = part
            continue
        m = (more or less)[0]
        n = float(next(g for g in m.groups() if g is not None))
        step = n if more else -n
        if part is None and any(abs(v) == n for v in moved.values()):
            continue  # 会员其实少两家，有两家年初退会了: the difference explained
        part = part or waiting
        if part is None:
            return None
        if part in moved:
            if abs(moved[part]) == n:
                continue  # 会员其实少两家，有两家年初退会了: the difference explained
            return None
        moved[part], waiting = step, None
        amounts.add(n)
    if not moved:
        return None
    after = {key: float(counts[key]) + moved.get(key, 0.0) for key in ("total", *(k.key for k in group.conditions))}
    if any(v < 0 for v in after.values()):
        return None
    for f in (
        f for f in numbers(t) if f.unit in ("家", "")
    ):  # any other figure said must be one of the results (…是102家) or a difference again
        if f.quantity.value not in amounts and f.quantity.value not in after.values():
            return None
    parts = [f"{group.total_cues[0]}{after['total']:g}家"]
    parts += [f"{k.label.replace('占成员总数的比例', '')}{after[k.key]:g}家" for k in group.conditions]
    return "，".join(parts)
