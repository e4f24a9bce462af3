"""Yes / no / partial / not sure in everyday Chinese: the rules, clause by clause.

Why rules and not only the trained model: DIET sees bags of character n-grams, so it
cannot tell 没有不签的 (everyone signs) from 没有签 (nobody signs), nor 只有兼职的 that meets
a standard asking for 专(兼)职人员 from 只有核心员工 that does not. Those are phenomena of
scope and of the criterion's text, which these rules handle explicitly and explain
(:attr:`Analysis.reasons`). The model's intent is a second opinion the reading combines
with this analysis (:mod:`bot.reading`).

Each clause of a reply gets one polarity, in this order of precedence:

1. **unsure** — including the forms written with negation characters (没印象, 拿不准, 说不上来);
2. **double negation and positive idioms** (没有不签的, 无一例外, 一个不落, 不用担心, 没毛病) — yes;
3. **plans and intentions** (打算, 准备, 正在考虑, 明年) — not done, unless the clause reports practice;
4. **partial** (部分, 有的…, 还没覆盖全部, 刚开始做, 除了…都);
5. **restriction** (只有, 仅) — partial, unless what follows is something the standard accepts
   on its own (``accepts`` in the rubric: 只有兼职的 meets 专(兼)职人员);
6. **negation** (没有, 还没, 木有, 没得, 尚未 …) — no;
7. **assent / practice** (有, 是的, 签了, 一直在做, 必须的 …) — yes.

Clauses are then combined: agreement keeps the verdict; yes with no is a contrastive partial
(研发签了，销售还没签) unless the clauses are past against present (以前没有，现在有了 = yes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .rubric import Criterion
from .text import normalize, split_clauses

Verdict = Literal["yes", "no", "partial", "unknown"]


@dataclass
class Analysis:
    """A reading of a yes/no reply with how sure it is and which rules decided it."""

    verdict: Verdict | None
    confidence: float
    reasons: list[str] = field(default_factory=list)


# ── whole replies that are an answer on their own ───────────────────────────
_PARTICLES = "啊呀呢吧哦嘛啦哈呐嘞哟噢喔哇咯嗷呗了的~!！。.,，…"
WHOLE: dict[Verdict, tuple[str, ...]] = {
    "yes": (
        "有",
        "是",
        "对",
        "嗯",
        "好",
        "行",
        "可以",
        "有的",
        "是的",
        "对的",
        "嗯嗯",
        "嗯呐",
        "嗯那",
        "对头",
        "没错",
        "必须",
        "必须的",
        "那必须",
        "必须滴",
        "当然",
        "当然有",
        "当然了",
        "肯定",
        "肯定有",
        "肯定的",
        "那肯定",
        "没问题",
        "没毛病",
        "妥",
        "妥妥",
        "妥妥的",
        "妥妥滴",
        "有滴",
        "有哒",
        "是滴",
        "是哒",
        "对滴",
        "杠杠的",
        "666",
        "确实",
        "有呀",
        "有啊",
        "有哇",
        "都有",
        "都做了",
        "做了",
        "做到了",
        "已做到",
        "已经做到",
        "全部做到",
        "都做到了",
        "搞了",
        "弄了",
        "签了",
        "做",  # 会不会做离职检查？— 做: the question's verb said back
        "做的",
        "会做",
        "有做",
        "有有",
        "一直有",
        "早就有了",
        "有了",
        "yes",
        "y",
        "yeah",
        "yep",
        "yup",
        "ok",
        "okay",
        "sure",
        "of course",
        "yes we do",
        "we do",
        "done",
        "true",
        "是滴呢",
        "有嘞",
        "好的",
        "有这个",
        "这个有",
        "是有的",
        "确实有",
        "有的有的",
        "对对",
        "bingo",
        "yes!",
        "嗯有",
        "嗯对",
        "是呀",
        "是啊",
        "对啊",
        "对呀",
        "阿拉有额",
        "有额",
        "有个",
        "嗯哼",
        "会",
        "会的",
        "嗯呢",
        "嗯嗯呢",
        "百分百",
        "百分之百",
        "那是",
        "可不",
        "可不是",
        "en",
        "en en",
        "yes yes",
        "ok的",
        "好滴",
        "有嘞",
        "那当然",
    ),
    "no": (
        "没",
        "没有",
        "无",
        "否",
        "不",
        "不是",
        "不对",
        "木有",
        "没得",
        "莫得",
        "冇",
        "冇得",
        "么有",
        "没呢",
        "还没",
        "还没有",
        "暂无",
        "暂时没有",
        "暂时没",
        "没做",
        "没搞",
        "没弄",
        "没签",
        "没建",
        "没设",
        "都没有",
        "啥也没有",
        "什么都没有",
        "从来没有",
        "一直没有",
        "尚未",
        "未",
        "没有呢",
        "没有哦",
        "无此",
        "空白",
        "一片空白",
        "no",
        "n",
        "nope",
        "nah",
        "not yet",
        "none",
        "never",
        "no we don't",
        "false",
        "没有的",
        "木有哦",
        "冇啊",
        "没有啊",
        "并没有",
        "真没有",
        "真没",
        "没呀",
        "没的",
        "没有没有",
        "没有哈",
        "还木有",
        "没得哦",
        "没整",
        "没弄过",
        "木得",
        "莫有",
        "呒没",
        "没有的事",
        "没这回事",
        "木有木有",
    ),
    "partial": (
        "部分",
        "一部分",
        "部分有",
        "部分是",
        "部分做到",
        "部分做了",
        "有一些",
        "有些",
        "一些",
        "一半",
        "一半吧",
        "半半",
        "一半一半",
        "有一半",
        "有一点",
        "一点点",
        "部分吧",
        "partially",
        "partly",
        "some",
        "kind of",
        "sort of",
        "a bit",
        "half",
        "somewhat",
        "not fully",
        "not all",
        "有部分",
        "部分落实",
        "算部分吧",
        "部分岗位",
    ),
    "unknown": (
        "不清楚",
        "不知道",
        "不确定",
        "不晓得",
        "不懂",
        "不了解",
        "不太清楚",
        "不太知道",
        "不太确定",
        "不好说",
        "说不好",
        "说不准",
        "说不清",
        "难说",
        "不知",
        "不知道哦",
        "不造",
        "母鸡",
        "唔知",
        "伐晓得",
        "不晓得哦",
        "待确认",
        "待定",
        "不记得",
        "忘了",
        "没印象",
        "拿不准",
        "说不上来",
        "吃不准",
        "idk",
        "dunno",
        "not sure",
        "no idea",
        "unsure",
        "i don't know",
        "don't know",
        "i'm not sure",
        "maybe",
        "也许",  # 也许吧 / 可能吧 on their own: a guess, not an answer (好像有 is read by the clause rules)
        "可能",
        "大概",
        "或许",
        "兴许",
        "说不定",
        "不确定哦",
        "不清楚诶",
        "这个不清楚",
        "这我不知道",
        "不太了解",
    ),
}


def _strip_particles(t: str) -> str:
    t = t.strip(" " + _PARTICLES)
    while t and t[-1] in _PARTICLES:
        t = t[:-1]
    rest = re.sub(r"^(?:嗯|额|呃|啊|哦|噢|那个|这个|emm+|em+|um+|hmm+)[,，\s]*", "", t).strip(" " + _PARTICLES)
    return rest or t  # "嗯" alone is the answer, not a filler


_WHOLE_LOOKUP: dict[str, Verdict] = {w: v for v, words in WHOLE.items() for w in words}


# ── clause patterns ─────────────────────────────────────────────────────────
def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


UNSURE = _rx(
    r"(?:不|没)(?:太|怎么|大|是很|很)?(?:清楚|知道|确定|了解|晓得|懂|肯定|敢说|敢保证|记得|好说|太记得|掌握|熟悉)",
    # 签没签保密这事我没过问过 / 有没有这一项我没看到 / 具体要交哪些我没参与过 / 我这会儿查不到
    r"待(?:核|核实|核对|查|确认|了解)(?![\u4e00-\u9fff])|"
    r"(?:有没有|签没签|做没做|有无|是不是|哪些|几项|多少)[^,，。]{0,14}(?:我|俺)(?:也|都)?(?:没|没有|不曾)(?:看到|看过|审过|过问|问过|参与|经手|见过)",
    r"没法给你?(?:准话|个准话)|给不了准话|(?:我|俺)(?:这会儿|现在|暂时)?查不到",
    r"记不(?:清|得|住|太清|准|太准)|说不(?:上来|清|准|好|定|出来)|拿不准|吃不准|摸不准|搞不(?:清|懂|明白)|弄不(?:清|明白)",
    r"闹不清|没(?:有)?(?:什么)?印象|没(?:什么)?概念|心里没底|没底|没数|没注意|没留意|没关注|没了解过|没问过",
    r"没(?:有)?(?:统计|算|数|核算|汇总)过?|未统计|不掌握|没掌握|无法(?:确定|判断|确认|回答|说|统计)|不好判断|没法(?:确定|判断|说|统计)",
    r"(?:^|[,，])(?:这块|这个|这事|这方面|这部分)?(?:我|俺)(?:也|个人)?(?:没|从没|没有|不曾)(?:接触|参与|经手|跟进?|过问)(?:过)?(?:这块|这个|这事)?$|"
    r"(?:算|估|估算|统计|数)不(?:出|了|准|清)|没法(?:估|算)|无法(?:估|计算)|(?:没|未)(?:有)?(?:做|搞|进行|作)过?(?:统计|汇总|台账)|"
    r"判断不了|确定不了|不是我(?:负责|管|分管|经手)|不归我管|我是新来的|刚来不久|不太熟悉|不造|母鸡|唔知|伐晓得|不晓得",
    r"(?<![都也须律次])(?:要|得|需要|去|再|还要|还得|帮我|我|先|让我)(?:问(?![清明过了])|(?:查|核实|确认|了解|翻翻|打听|咨询)(?![了过])"
    r"(?:一下|问|下|查|看|领导|老板|上级|同事|$|(?=[,，。!！?？;；])))",  # 要确认身份 is a step of the practice
    r"我?不(?:负责|分管|经手|管)(?:这|那)(?:块|个|方面|些)|不归我|不是我管",
    r"^问(?:一下|问|下)|^查(?:一下|查|下)|核实一下|确认一下|再确认|回头确认|我看看|让我看看|我想想|想不起",
    r"(?:^|我|都|给)忘(?:了|记了)$|忘了(?:是|有没有|具体|当时)|不太记得|难说|待确认|待定|不知|不详|未知|谁知道|天知道|这就不好说",
    r"算不算|不知道算|晓不得|弗晓得|答不了|答不(?:上来|出来|好)|回答不了|没法回答|不好回答|(?<!重)(?:得|要|需要)(?:统计|算|数(?!据)|盘点|汇总)(?:一下|下)?",
    r"\bnot sure\b|\bdunno\b|\bidk\b|no idea|don'?\s?t know|\bunsure\b|not certain|\bmaybe\b|have to check|need to check",
    r"[方才]能(?:确认|答复|回答|确定|知道|作答)|讲不(?:出|清|上来|准|好)|跟[^,，。]{1,6}(?:确认|核实|打听|问)(?:一)?下",
    r"不是很清楚|没有把握|没把握|不敢打包票|不好讲|讲不清|回忆不起来|想不起来",
    # I must look it up (得翻一下记录 / 回头问问人事), not a step of the practice (需要保密办审核 / 得先让法务看看)
    r"(?<![月季年周期度员部])(?:得|要|需要|需|待|还要|还得|等我|我去|我先|回头|回去|稍后|晚点|下来|才能|先)"
    r"[^,，。让由经给交请被每定]{0,10}?(?:(?:翻|查)(?:一下|下|翻|查|看|阅)?[^,，。]{0,4}?(?:台账|记录|资料|档案|名录|材料|账本|本子|表格)|翻(?:一下|翻|下|看)|查(?:一下|下|查|看|阅)|核(?:实|对)|对一下|问(?:一下|问|下)|请示|确认一下|了解(?:一下|下)|"
    r"盘点(?:一下|下)|统计(?:一下|下)|梳理(?:一下|下)|研究(?:一下|下)|打听|看看|看一眼|看下|睇)",
    r"(?:待|需|需要|尚需|有待)(?:进一步)?(?:核实|核查|确认|研究|统计|了解)|另行(?:报告|答复|报送)|暂(?:无法|不能|不好)(?:确认|确定|回答|作答|判断|提供|给出)|暂不作答",
    r"(?:尚在|正在|还在)(?:统计|核实|核对|盘点|汇总|了解)|(?:暂时|暂|还|现在)?给不出|"
    r"我这(?:儿|边|里)?没有?[^,，。]{0,3}[,，]?[^,，。]{0,8}(?:那边|那里|手上|手里)(?:有|才有|管)|(?:尚未|还没|没)汇总|无法提供|[未不没]掌握|以[^,，。]{1,8}为准|"
    r"我不是(?:管|负责|分管)|不敢确定|不好确定|印象不深|(?:只有|得问|要问)[^,，。]{1,6}(?:晓得|知道|清楚|了解)|"
    r"找[^,，。]{1,6}(?:确认|核实|问)(?:一)?下|没啥印象|不摸底|摸不着底|没(?:搞|弄)(?:明白|清楚|懂)|才清楚|才晓得|"
    r"没法答|记不全|不了解|还不了解|翻不到|还没找到|没来得及问|掌握不了|手上没(?:清单|资料|数据|记录)|手(?:上|里|头)(?:没有|没)$|"
    r"(?:部门|科|处|办|那边|同事)[^,，。]{0,4}(?:在|正在)(?:统计|汇总|整理|核)|"
    r"没看到(?:原件|明细|记录|清单|合同|文件)|"
    r"(?:请|让|叫|找)[^,，。]{1,8}来(?:答|回答|说|填)|请示|刚调(?:过来|来|岗)|还没来得及(?:翻|看|查|问|了解)|前任(?:留下|的)?[^,，。]{0,6}(?:还没|没)(?:翻|看|交接)",
    r"给不了|答复你|回复你|回复您|答复您|再回你|再告诉你|再跟你说|回你|(?:回头|稍后|晚点|之后|过两天)再?(?:报|报给你|补报|提供|发你)|"
    r"(?:数据|数字|台账|记录|名单)(?:在|归)[^,，。]{1,8}(?:那边|那里|手上|手里|管)|才知道|才能答|不代表没有|不敢保证|不敢说|说不好|"
    r"还在了解|刚接手|我刚来|我才来|才入职|我(?:是)?新来的|还没接触|两眼一抹黑|没摸清|没摸清楚|难以判断|建议由|讲不出|讲不好|不熟|没看到过|没看过|没见过|没听说过?|没经手|没借过|(?<![还从时直都也过来])没办过(?![^,，。]{0,6}(?:活动|宣传|培训|讲座|会|班|场|次))|没细看|没仔细看|没细究|没认真看|"
    r"没注意过|看记录|看台账|看统计|看数据|看档案|稍等|等我|我找找|找下|翻下|查下|一窍不通|看不懂|不好乱说|不敢乱说|不能乱说|"
    r"(?<!都)(?<!也)看不到(?:签|记录|情况|数据|台账)|不一定(?:知道|掌握|清楚|了解)|记不起|没(?:跟|和)我说|没告诉我|没人跟我说|"
    r"问(?:一下|下)?(?:财务|人事|法务|it|领导|网管|行政|老板|主任|秘书长|技术|前台|档案)|分不清|心里没谱|没谱|"
    r"搞不醒豁|莫得底|没得底|没底|唔(?:太)?清楚|唔知|要睇|depends|confirm later|\btbd\b|check一下|要check",
    r"无从(?:得知|知晓|判断|查起|说起)|(?:一点|一些|什么)?概念(?:都|也)?没有|不甚(?:了解|清楚|明了)|盲区|印象(?:模糊|不清|淡了)|"
    r"\bno clue\b|\bnot a clue\b|\bclueless\b|can'?\s?t remember|do(?:n'?\s?t| not) remember|\bnot certain\b|\bno idea\b|"
    r"i do(?:n'?\s?t| not) know|\bnot sure\b",
)
# a clause about another unit (隔壁那家 / 同行 / 上家公司 / 母公司 / 区市场监管局): not an answer for this one, unless
# the criterion itself is about them (园区企业 for a park, 会员 for an association)
_ANOTHER_UNIT = re.compile(
    r"^(?:我们|我|听说|据说|好像|人家)?(?:的)?(?:[^,，。没不未无跟与和同帮给对向为替协配助陪]{0,4}?)(?P<who>隔壁|同行|别的(?:企业|公司|园区|协会|单位|律所|事务所|机构|商会)|其他(?:企业|公司|园区|协会|单位|律所|事务所|机构|商会)|律协|(?:市里|区里|上级)的?总会|"
    r"另(?:一|外一?)个(?:园区|企业|公司|协会)|上(?:一)?家(?:公司|单位)|前东家|以前(?:待过|呆过|的)的?公司|母公司|总公司|集团(?=在|的|总部)|"
    r"兄弟(?:单位|公司)|区(?:市场监管局|市监局|局)|市(?:场监管局|监局)|园区(?:里|内)(?:的)?[^,，。]{0,4}企业|"
    r"朋友|亲戚|(?:客户|供应商|合作方)(?:说|讲)|他们那边|那个园区|那边的?园区|(?:我们)?服务的(?:企业|客户|会员单位)(?:都|也)|"
    r"(?!我们|咱们|我司|公司|厂里|所里|站里|园区|这边)(?<!技术|研发|销售|生产|行政|财务|人事|市场|采购)"
    r"(?!骨干|部门|车间|研发|销售|技术|生产|行政|财务|人事|市场|采购|法务|高管|员工|同事|领导|业务|岗位|仓库|门卫)"
    r"[\u4e00-\u9fff]{2}那边(?=[^,，。]{0,3}(?:每|都|有|会|也))|"
    r"(?<=^听说)(?!我们|咱们|公司|我司|本)[\u4e00-\u9fff]{2,4}?(?=会|有|都|也|每|一直|早就|已经|那边|那里))"
)
# 帮会员维权的是另一个协会: what was described, done by someone else
_DONE_BY_ANOTHER = re.compile(
    r"(?:是|归|由)(?P<who>另一个|另一家|另外一个|另外一家|别的|其他)(?:协会|律所|单位|公司|机构|园区|商会|事务所)(?:[的做办搞弄]|$)"
)
_OWN_UNIT = re.compile(r"我们|咱们|我司|本(?:公司|单位|园区|协会|所)|自己(?:也|没|有|都)")
_ONLY_SOME_KNOW = re.compile(
    r"(?:只有|仅有?|就)[^,，。没不]{1,6}(?:知道|知晓|了解|清楚)(?![^,，。]{0,3}(?:吧|吗|情况|具体|细节))"
)
# 别的企业怎么弄不清楚 / 其他协会啥情况不了解: what the speaker does not know is not about the unit
_OTHERS_UNSURE = re.compile(
    r"(?:别的|其他|其它|其余|别人|别家|人家|同行|外面|隔壁)(?:的)?(?:企业|公司|园区|协会|单位|机构|律所|家|人|地方)?"
    r"[^,，。]{0,8}?(?:不|没)(?:太|怎么|大)?(?:清楚|知道|了解|晓得|好说)|"
    r"(?:不|没)(?:太|怎么|大)?(?:清楚|知道|了解|晓得)(?:别的|其他|其它|别人|别家|人家|同行|外面|隔壁)"
)
# unsure of a detail, not of the answer: 具体时间记不得 / 说不好算不算专职 / 不好说多不多 / 以后会不会设也不清楚
_DETAIL_UNSURE = re.compile(
    r"具体(?:时间|日期|哪天|哪年|几号|几月|金额|细节|名字|叫什么)|(?:时间|日期|哪一?年|几号)[^,，。]{0,4}(?:记不|忘|不记得)|"
    r"算不算|多不多|够不够|好不好|全不全|规不规范|以后|将来|今后|明年|往后|会不会(?!有)"
)
# after an unsure clause, the words that say the rest is known for sure (反正 / 但 / 肯定 / 压根 …)
_FIRM_AFTER = re.compile(
    r"^(?:反正|但是?|不过|可是?|总之|因为|其实|是真|实际上|实话讲|说实话)|肯定|确实|压根|根本|绝对|从来|一(?:分钱|件|起|次|个)[^,，。]{0,6}都"
)
# "员工不知道" is a fact about others (a gap), not the speaker's uncertainty
OTHERS_UNAWARE = re.compile(
    r"(?:人|员工|大家|企业|同事|他们|职工|会员|客户|别人|下面|部门|成员|大部分|大多数|多数|不少)(?:都|也|还|并|应该|可能|估计|基本上?|根本|压根|完全|大多|大多数|大部分|多数|很多|普遍|一般)*(?:不|没)(?:太|怎么)?(?:知道|清楚|了解|晓得|知晓)|"
    r"(?:不|没)(?:了解|知道|清楚|掌握|跟踪|问)(?:过)?(?:他们|员工|人家|对方|离职的人|走的人)?(?:去哪|去向|在哪|干什么|去了哪)"
)
# fine / no worries: yes to a practice, "nothing happened" to an absence question
FINE = _rx(
    r"没(?:有)?问题|没毛病|(?<![不])没错(?!过|了)|没得说|没说的|没二话|不用(?:担心|操心|怀疑)|不必担心|放心|不成问题|不是问题|妥妥|稳稳",
)
# to an absence question (有没有发生过…), these say "all is well": nothing happened
WELL = _rx(r"符合|满足|达标|太平|平安|安稳|清净|清白|干净")
POSITIVE_IDIOMS = _rx(
    r"无一例外|没有例外|没例外|不例外|(?:啥|什么|样样|一样|[\u4e00-\u9fff]{1,6}[和、][\u4e00-\u9fff]{1,6})都不缺|一样不缺|样样(?:都|俱)?(?:有|全)|应有尽有",
    r"无一(?:遗漏|不|缺)|一个(?:都|也)?(?:不落|不少|没落下?|没少|没漏)|一个不差|没(?:有)?(?:落下|遗漏|漏掉?)|无遗漏|不落下",
    r"一人不落|一家不落|一个部门都没落下|全都没落下|一(?:个|份|家|人|次|项|样|张|台|只)(?:都|也)?(?:不|没)(?:落|少|漏|差)",
    r"(?:一直|向来|从来|都|历来)(?:都)?(?:是)?(?:这么|这样)(?:做|弄|搞|执行|干|要求|操作)|一直这样|一贯如此|"
    r"针插不进|水泼不进|寸步不离|滴水不漏|一丝不苟|毫不含糊|雷打不动",
    r"没有(?:一|哪)(?:台|个|家|人|处)[^,，。]{0,8}(?:还在用|还是|用的)?(?:默认密码|明文|自动登录)",
    r"不差|(?<!就)不错|不含糊|不在话下|错不了|跑不了|少不了|不可少|不可或缺|缺一不可|毫无疑问|无疑",
    r"哪能没有|怎么(?:可能|会)(?:没|不)(?:有)?|谁说[^,，。]{0,6}(?:没|不)(?!清楚|知道)|哪能不|怎能不|岂能不|不可能没(?:有)?|当然不会没有|不会没有|不能没有|不是没(?:有|做|签)",
    r"不能说没(?:有)?|不[\u4e00-\u9fff]{1,3}不(?:让|能|给|许|准|予|可以)|没[\u4e00-\u9fff]{1,4}不(?:让|能|给|许|准)",
    r"办不下来|不让走|走不了|不给办|不放行|不予办理|不给签字",
    r"(?:没有|没|无|不存在)(?:人|谁|哪个|哪位|哪一个|一个|任何|哪家|一家|员工|部门|岗位|同事|一位|一人)[^,，。；也又还更]{0,6}?(?:不|没|未)",
    r"(?:没有|没|无|不存在)[^,，。；]{0,6}?(?:不|没有?|未)[^,，。；]{1,12}的(?:情况|人|员工|部门|岗位)?",
    r"无不|莫不|不会不|不能不|不得不|必须滴?|必需",
    # completeness and strictness said with a negation: 一样没缺 / 一年没停 / 哪一步都省不掉 / 从没间断
    r"(?:一|哪)(?:样|项|步|个|次|年|季度?|天|块|类|份)(?:都|也)?(?:没|不)(?:缺|少|漏|落下?|停|断|空|省)",
    r"(?:一|哪)[^,，。；]{0,3}?(?:都|也)?(?:省|少|缺|免|落)不(?:了|掉|得)|一个(?:都|也)?没(?:放(?:掉|过)|跑掉?)",
    r"从(?:没|未|不)(?:有)?(?:间断|断过?|停过?|中断|落下|漏过?|缺过?)|(?:没|未)(?:有)?(?:间断过?|断过|停过|中断过?)",
    # nothing out of line: 没有账外的 / 登记簿上没有空白的 / 没有谁拿着多余的权限 / 没有先斩后奏的
    r"(?:没有|没|无|不存在|杜绝)(?:哪|谁|什么|一个|任何|人)?[^,，。；]{0,10}?"
    r"(?:空着|空白|多余|账外|例外|先斩后奏|违规|私自|越权|超权|超出|能省|可省|共用|漏登|漏记|落下|漏掉|遗漏|断过|停过|缺过)",
    # what is not done is not allowed: 没审过的一律不准发 / 没签的一律不开放资料
    r"(?:没|未|不)[^,，。；]{1,6}的[^,，。；]{0,4}(?:一律|都|全部|统统|一概)(?:不|别|禁止)",
    # not the weak kind: 不是挂个名字那种 / 不是口头说说 / 不是临时借的地方
    r"不是[^,，。；]{0,6}(?:挂(?:个)?名|口头|说说|摆设|形式|走过场|应付|临时|做样子|空架子|糊弄|虚的)",
    r"没有(?:哪|谁|一)(?:个|位|家|人)?[^,，。；]{0,14}?(?:不|没)[^,，。；]{1,8}的|没(?:有)?任何问题|办不(?:完|了|成)|不[\u4e00-\u9fff]{1,3}不(?:放|批|办|签)",
    r"(?:不|没|未)[\u4e00-\u9fff]{1,3}就(?:撤回|退回|驳回|打回|不让|不能|不给|不准|不放|不发|不批)",
)
# negation characters that do not negate the answer: parts of words …
NOT_NEGATION = _rx(
    r"不少|不仅|不只|不但|不光|不断|无论|不论|不管(?=是|什么|谁|哪|多|怎么|大小)|不久|不同|不一样|不好意思|不客气|没事|没关系",
    r"无所谓|无关|无线|无纸|非常|非得|是否|不间断|不超过|不少于|不低于|不含|除非|不然|要不然|要不|不一定(?=要)|无论如何",
    r"不需要的|不需要时|不用的|不涉密的|非涉密|不相关的|无关的|不同意的",
    r"(?<![领使试借占启采应适引作])(?P<ab>[\u4e00-\u9fff]{1,2})(?:不|没)(?P=ab)|是不是|要不要|有没有|算不算|能不能",
)
# … and prohibitions, which describe a practice (不让外人进, 禁止带手机, 不用默认密码)
PROHIBITION = _rx(
    r"未经|不得|不许|不准|不让(?!(?:他们|员工|人|对方)?(?:签|写|填|做|搞|交|登记|审批|背调))|不能(?:随便|随意|私自|带|拍|拷|外|泄|用|进)|禁止|严禁|不允许|无权|不可(?:以)?(?:随便|私自|外)",
    r"不泄露|不泄密|不外传|不外泄|不外借|不侵犯|不应|不用(?:默认|弱|简单|公共|私人|个人|u盘)|不保存|不自动|不联网|不上网",
    r"不接(?:入)?(?:外网|互联网)|不通(?:外网|互联网)|不连(?:外网|互联网|网)|物理隔离|断网|与外网隔离|不开放|都不给|不给(?:多|额外)",
    r"一律不(?!签|培训|登记|审批|检查|做|搞|办|管|查|记|交|收|备案)|绝不|决不|不随便|不对外|不外发|不外带|不带出|不能带出|不动(?:就|自动)|不明文|不外露|不落地|不留(?:存|底)?在",
    r"(?:闲人|外人|别人|其他人|无关人员|外来人员|陌生人|外部人员|访客|维修的?|外包的?|对方|外面的人|客户)[^,，]{0,4}(?:进不|拿不|带不|看不|接触不|碰不)",
    r"(?:名单外|无关|其他|别的|外部|没权限)[^,，]{0,6}(?:看不到|看不了|拿不到|进不去|碰不到|接触不到|打不开)",
    r"(?:私人|个人|外来|外部|自己的|其他)[^,，]{0,6}(?:插不上|插不进|用不了|读不了|识别不了|连不上|拷不出|带不出|拷不走)",
    r"(?:账号|账户|权限|门禁卡?|邮箱|vpn)[^,，。]{0,6}?(?:停掉|停了|关掉|关了|注销了?|冻结了?)",  # 账号当天就停掉: the step, done
)
# a negated bad event: part of meeting a standard that asks for 未发生… (presence questions only)
NO_BAD_EVENT = re.compile(
    r"(?:没|未|从未|从没)(?:有)?(?:出|发生|出现|遇到|碰到|闹)过?[^,，。；]{0,10}(?:侵犯|侵权|泄密|事故|问题|纠纷|事件|违规|事)|"
    r"(?:侵犯|侵权|泄密|事故|纠纷|事件|违规|投诉)[^,，。；]{0,12}(?:没|未|从未|从没)(?:有)?(?:出|发生|出现|遇到|碰到|闹)过?|"
    r"(?:没|从没|从未|未)(?:有)?侵(?:犯|权)?过|零(?:投诉|纠纷|事故|泄密)|"
    r"(?:侵犯|侵权|泄密|事故|纠纷|事件|违规|投诉|出事)[^,，。；\d]{0,8}?(?:一|1)(?:起|次|回|件)(?:都|也)(?:没|未)|no incidents?"
)
BAD_EVENT = re.compile(  # for 签协议且未发生侵权 (station.28): an event that happened fails the standard
    r"(?:出|发生|(?<![没未])有)过?(?:一|\d)?(?:起|次|回)?[^,，。；]{0,10}(?:侵犯|侵权|泄密|泄露|透露)|出过(?:一次|一回)?事|"
    r"被[^,，。；]{0,10}投诉|(?:泄露|透露|泄密|窃取)(?:给|了)|(?<![没未不])(?:侵犯|侵权|泄露|泄密)过|"
    r"(?:客户|会员|委托人)的?(?:资料|材料|信息|秘密|图纸|数据)[^,，。；]{0,4}(?:给了|带给|交给|卖给|发给)(?:别家|对方|别人|竞争对手|同行)|外泄"
)
# no control over it: a negative description with no negation word (谁都能进, 直接拿去修, 停了)
LAX = _rx(
    r"谁都(?:能|可以|会)|都能(?:看|进|用|拿|访问|下载|拷|发)|随便|随意|直接[^,，]{0,6}?(?:拿|带|给|进|发|用|走|放|拷|删|扔|送|申|叫|交|修)|来了就进",
    r"不管了?$|没人管|放任|自己(?:管|弄|买|保管|处理|决定|看着办)|口头说说|说说而已|走个?形式|不了了之|停了|断了|停掉|没再|不再",
    r"搁置|取消了|废了|荒废|常规的|砍了|卸了|撤了|落灰|没人写|没人用|没人管|明文|共用|一个账号|开放的|敞开|就走了|人走了|想起来才|自己(?:的)?电脑|个人电脑|私人电脑|个人网盘",
    r"有事(?:才|就)?(?:打电话|打个电话|找|联系|问)|乱放|乱丢|到处放|满天飞|(?:都是|都用|共用)管理员(?:账号|权限)|"
    r"出厂密码|开机自动登录|一张网|都行|很自由|随便进|(?P<each>[\u4e00-\u9fff])各\S?(?P=each)|领进去|敞着|百度网盘|微信qq|有事才|"
    r"谁(?:有空|在|方便|想|有时间)谁|想(?P<want>[\u4e00-\u9fff])就(?P=want)|自己(?:就)?(?:发|弄|搞|管)了?|开放式|权限(?:都)?一样|一样的权限|没隔|没分开|混在一起|挤在|挤着|一个[^,，]{0,5}账号|"
    r"(?:还是|还在用|用的|都是|仍是|仍然是)(?:出厂)?默认密码|(?P<same>[\u4e00-\u9fff]{1,3})就(?P=same)|没什么特别|没啥特别|跟平时一样|都一样|默认密码(?:没|未)改|(?:开着|设了|都是|还是|都)自动登录",
    # informal substitutes and neglect said without a negation word (全凭自觉 / 口头交代几句 / 只字未提)
    r"全凭|凭自觉|靠自觉|看个人自觉|全看个人|职业操守|从不过问|不过问|只字未提|就省了|一般就省|随手报|"
    r"口头(?:交代|提醒|讲|说|提)(?:一下|几句|一句|两句)?|偶尔[^,，。]{0,8}提(?:一下|一句|几句)?|顺便讲讲|名存实亡|"
    r"空着|一栏空|栏是空|(?:还是|都是|一直)空(?:白|的)|待(?:落实|明确|完善|建立|制定|补充|推进|配备|补)|还欠着|欠着|"
    r"省掉|省去|省略|都省了|向来省|悬空|空空如也|白纸一张|一张白纸|一片(?:空白|荒地)|荒地|光秃秃|糊涂账|全靠|(?:靠|凭|默认)信任|凭感觉|"
    r"直接上岗|照样|忘了(?:补|签|做|弄|交|收)|临时(?:挪|要|借|拉|找|凑)|旁观|混放|原样躺|定终身|各管各|"
    r"admin|123456|管理员权限|挂名|打个招呼就|打声招呼|形同虚设|(?:是|当|成了?)(?:个)?摆设|有名无实|徒有虚名|停留在口头|嘴上说过|只是嘴上",
)
PLAN = _rx(
    r"打算|计划(?![书里表内上中的已])|准备(?:明年|下|今年|年底|开始|做|搞|弄|建|签|上|启动|申请|成立|设立|引进|招|买|采购|起草|制定|跟|和|与|找|请|对接|联系|谈)|预计|拟(?:定|于|在)?",
    r"将要|将会|即将|马上要|想要|想着|想搞|想做|想弄|考虑|规划|筹划|筹备|酝酿|争取|有意向|想法|念头|设想|后续(?!就)|将来|未来",
    r"(?:下个?(?:季度|月|周|年)|年底|明年)[^,，。]{0,4}才(?:能)?(?:上线|启用|落地|实施|开始|弄好|装好)|在配置|配置中|"
    r"(?:采购|申请|报告|方案)[^,，。]{0,6}(?:还)?(?:压|卡)在|还(?:压|卡)在|还在审批|待审批|还没批下来|"
    r"画饼|纸上谈兵|"
    r"回头再|改天|下一步|下阶段|明年|后年|下个?月|年底前|再说吧?$|还没想好|在采购|采购中|在招|招聘中|"
    r"还在(?:选|挑|摸索|琢磨|走流程|跑流程)|(?:走|跑)流程中|还停(?:在|留在)",
    # thought of, talked of, started and left: 想过但没弄 / 喊了两年 / 审批单设计了一半就搁下了 / 报了预算还没批
    r"(?<![没不])想过|琢磨过|喊了|说了[^,，。]{0,5}要|提过要|报了预算|(?:设计|做|弄|写)了一半|搁下|放那|卡在|还在审|没印发|"
    r"等(?:领导|通知|上面|新|搬|批|预算|理事会|老板)|等[^,，。]{0,10}再(?:申请|做|搞|弄|办|签|建|设|安排|上|批)|下一?(?:个)?年度",
    # a step before the practice, the practice not yet: 课件做好了，还没开讲 / 门禁预算批了，还没装 / 岗位挂到招聘网站上了
    r"(?:已经?)?挂到[^,，。]{0,8}(?:招聘|网站|平台)|招聘网站",  # 岗位挂到招聘网站上了 (a budget approved may be the 经费 asked)
    r"等批|在等|待批|报批中|审批中|还没批|没下文|没签发|还没发布|没发布|草稿|草案|征求意见稿|没落地|没有落地|还没落实|停留在纸面|"
    r"在谈|正在谈|在洽谈|洽谈中|在接触|接触中|正在跟[^,，。]{0,12}谈|在对接(?!了)|在联系|联系中|在沟通(?!了)",
    r"正在(?:考虑|研究|讨论|商量|起草|制定|筹备|准备|申请|规划|论证|酝酿|谋划|物色|招|梳理)|在(?:考虑|研究|讨论|商量|起草|谈)",
    r"\bplanning to\b|\bplan to\b|\bgoing to\b|\bwill\b|next year|\blater\b",
)
GONE = re.compile(
    r"(?:人|员|同事|主任|经理|那个|那位|兼职|专职|负责(?:的|人)?|管的)[^，,。；;]{0,6}(?:辞职|离职|调走|走了|退休|不干了)了"
    r"|(?:系统|软件|设备|摄像头|监控|门禁|制度|协议|平台|预算|经费|合作)[^，,。；;]{0,4}(?:停了|停用了|撤了|拆了|坏了|过期了|失效了|作废了|废止了|砍掉了|砍了|取消了|没了)"
    r"|(?:过期|到期)了?[^，,。；;]{0,2}(?:没|未|没有)续"
)
_GONE_END = re.compile(r"(?:好久|很久|好几个月|几个月|半年|一年|多年|有一阵)?了?[啊呀哦吧嘛呢]*$")
EVIDENTIAL = re.compile(r"^(?:我|我们)?(?:刚|刚刚|刚才)?(?:翻|查|看|问|找|核对|对)了(?:一)?下(?:子)?")
IMPROVE = _rx(
    r"升级|完善|优化|加强|扩大|进一步|再提升|更新|细化|补充|推广|深化|复审|续签|再搞|再做一次|再开展",
    r"再(?:多)?(?:招|增加|加|配|扩|新增|添|增)|再(?:跟|和|与)[^,，。]{0,8}合作|增加|增配|扩充|多招|多配|加派|增设",  # 有专人，后面打算再招一个: more than asked
)
IN_PROGRESS = _rx(
    r"刚(?:刚)?(?:开始|起步|启动|开展|弄|搞|做)|起步阶段|初步|试行|试运行|试点|陆续|逐步|慢慢(?:在|地|来)",
    r"正在(?:做|推进|推行|落实|实施|完善|补|签|覆盖|铺开|整改|建设|搭建|建|弄|搞|执行|开展|办理)",
    r"(?:还在|仍在)(?:完善|推进|补签?|做|弄|搞|建设|建|整改|落实|铺开|梳理|整理|编制|制定|起草)|在(?:完善|推进|补签|建设|整改|铺开)",
    r"建设中|推进中|进行中|完善中|实施中|在建",
    r"搭了个?架子|有(?:个)?雏形|半成品|做了一些|做了一点|签了一些|弄了一些|in progress|started",
)
_ONLY_DONE = re.compile(
    r"^(?:但|不过|就|目前|现在)?只(?:是|有)?(?:确定|定|划|建|签|装|贴|配|设|标|登记|制定|做)(?:了|过|好了)(?!解)"
)
_STOOD_IN_FOR = re.compile(r"^(?:反正|但|不过)?(?:没|无|不是|没有)(?:有|设)?(?:设)?专职|^专职(?:的)?(?:没|没有|无)")
_GROUP_DONE = re.compile(r"(?:人员|部门|岗位|骨干|管理层|高管|员工|同事)[^,，。没不未]{0,4}(?:已经?|都|全部|全都)")
_SOME_OF = re.compile(r"一?小部分|少部分|一部分|少数|个别|少量|一点点")
PARTIAL = _rx(
    r"部分|一些(?!都)|有些|个别|少数|多数|大部分|大多数|大多|一半|半数|大半|小半|没完全|不完全|未完全|不是全(?:部|员|体|都)|不是所有|不是每|并非全员|没有?全员",
    r"(?:没(?:有)?|不是|并不|也没)(?:那么|这么|太|很)(?:全|全面|规范|完善|到位|严格|彻底|系统|健全|完整|齐全|齐)(?![\u4e00-\u9fff]{0,2}[吗么])|"
    r"而已$|罢了$|"
    r"并非全部|并非所有|不是都|没有?都|没(?:有)?全部|没(?:有)?覆盖(?:全|到全|所有|每)|还没覆盖|未覆盖全|覆盖不全|只覆盖",
    r"有的[^有]{0,8}有的|有时|偶尔|时有时无|看情况|视情况|不一定|流于形式|形式上|将就|凑合|马马虎虎|一般般",
    r"除了?[^,，。]{1,12}(?:以外|之外|外)?[^,，。]{0,4}(?:都|全|均)|除[^,，。]{1,10}外|其余|剩下的|还差|还缺",
    r"(?:别的|其他|其它|其余|剩下)的?(?:都|也|还|就)?(?:没|不|无)",
    r"有(?:几|些|个别|少数|一两|两三|一部分)(?:台|个|家|人|份|处|间|部|位|名|批|款)?[^,，。]{0,10}(?:还是|仍然|依然|还没|一直没)",  # 但有几台还是默认密码
    r"缺(?:了)?(?:一些|一点|一部分|几)|没有签全|没签全|没做全|没建全|基本上?(?!是空白|[^,，。;；!！]{0,4}(?:没|不|无))|大体上?|大致",
    r"有的(?:部门|岗位|人|员工|项目|时候|有|签|做|没|地方|区域|系统|设备|文件|子公司|分公司|车间|同事|业务|场合|客户)",
    r"三分之二|(?<!百)分之|百分之(?!百)|五五开|一半一半|对半|看(?:部门|人|岗位|项目|心情|具体)|因人而异|不是完全没|并非完全没|也不是一点没|"
    r"(?:只|就|仅)[^,，。]{0,6}(?:一次|1次|一回|1回)(?!都)|不定期|不太规律|不规律|(?<!\d)[1-8]成|[一二三四五六七八]成|(?<!\d)[1-8]?\d%",
    r"\bpartial(?:ly)?\b|\bpartly\b|\bsome\b|not (?:all|fully|every)|kind of|sort of|\bhalf\b",
)
# done, but not well enough: weaker than a scope ("人手不够就停了" is a stop, not a partial)
INCOMPLETE = _rx(
    r"不完善|不完整|不全|没全|不够|不太够|不到位|不彻底|不充分|不规范|不系统|不严格|有待|还需(?:要)?完善|还有(?:欠缺|不足|缺口|差距)",
    r"有欠缺|有(?:一定)?差距|还行吧?|还可以吧?|差不多吧|不是很(?:完善|规范|全)|不够全面|不太全面|没那么严格",
)
# what a restriction limits when it is itself the practice (access, storage, channels)
CONTROL = _rx(
    r"我和|主管|相关人员|授权|指定|专人|需要的|工作需要|一个口子|一个出口|唯一|服务器|内网|oa|审批|存(?!储)|走|给|开门禁|有权限|权限|保密室|保险柜|柜",
)
RESTRICT = re.compile(
    r"(?:只有|只是|只在|只对|只给|只跟|只和|只针对|只限|只(?!要|需|管|能|允许|准|让|限于?授权|好)|仅仅|仅限|仅(?!供|限授权)|光(?!盘)|单单|\bonly\b|"
    r"^就(?=[\u4e00-\u9fff]{1,6}(?:签|做|有|培训|搞|装|贴|登记|参加)))"
    r"(?P<scope>[^,，。；]{0,14})"
)
# 签啥呀 / 还成立啥领导小组 / 拿什么跟人家分享 / 不罚款就不错了: a rhetorical no
_RHETORICAL_NO = (
    r"^还?(?:签|搞|弄|成立|建|设|做|谈|整|办|装|配|定)(?:个)?(?:啥|什么|哪门子)(?![\u4e00-\u9fff]{0,2}(?:都|也)|的|样)|"
    r"还(?:签|搞|弄|成立|建|设|做|谈|整|办|装|配|定|要)(?:个)?(?:啥|什么)(?![\u4e00-\u9fff]{0,2}(?:都|也)|的|样)|"
    r"拿什么(?:跟|和|去|来)|(?<!不)就(?:不错|谢天谢地|烧高香)了"
)
RHETORICAL_NO = re.compile(_RHETORICAL_NO)
# a thing bought, printed or set up, then never put to use: 一直空着 / 没人记 / 堆在库房 / 锁在抽屉里没用过
_OBJECT_HAD = re.compile(
    r"(?:是|倒是)?(?:买|印|装|配|做|制|领|发)(?:了|好了|回来了?)|(?:本|册|表|资料|手册|软件|设备|柜)[^,，。]{0,3}(?:是|倒是)?有"
)
_UNUSED = re.compile(
    r"一直空着|空着没|没人(?:记|填|用|看|管)|(?:堆|放|锁|躺)在[^,，。]{0,6}(?:里|上)?[^,，。]{0,3}(?:没|还没)|"
    r"(?:从来|一直|还|一次都|压根)(?:没|没有)(?:用|启用|拿出来|发下去|填|记|打开)过?|没发下去|没启用"
)
NEGATIVE = _rx(
    r"没有|没|无(?!线|纸|关|论)|未|否|不|木有|木得|没得|莫得|莫有|冇|么有|呒没|尚未|从未|从没|并未|并没|暂无|暂未|暂不",
    r"空白|缺失|缺少|欠缺|缺|不具备|不存在|谈不上|算不上|哪有|哪里有|啥也没|什么也没|还是零|零|更别说|更不用说|别提|谈何",
    r"短板|弱项|薄弱|空缺|欠账|怎么可能有|哪可能有|哪可能|^在弄$|^在搞$|(?<![没不无])(?:漏|落下|遗漏|漏掉)了|没顾上",
    # 让她独立开展工作有点难 / 一个人够呛: a requirement said to be hard to meet
    r"(?:有点|有些|比较|很|挺|太|非常|还是|还)(?:难|困难|吃力|费劲)(?![度点题过受得怪免道说用看懂听找])|够呛|力不从心|胜任不了|独立不了",
    _RHETORICAL_NO,
    r"哪来的?|^啥(?=[\u4e00-\u9fff]{2,8}$)|哪个(?:管|签|弄|搞|跟)|(?:整|搞|弄)[^,，。]{0,8}(?:嘎哈|干嘛|干啥|有啥用|有什么用)",
    r"\bno\b|\bnot\b|\bnope\b|\bnone\b|\bnever\b|don'?\s?t|doesn'?\s?t|haven'?\s?t|hasn'?\s?t|didn'?\s?t|\bnah\b",
)
POSITIVE = _rx(
    r"有|是(?!否)|对|已|了|在用|在执行|在做|执行|落实|落地|到位|齐全|完善|健全|常态化|一直|始终|一贯|向来|都|全部|全都|全员",
    r"所有|每个|每位|每年|每次|每季|每月|每半年|定期|按时|当然|肯定|必须|确实|的确|确定|没错|对头|妥|搞定|做到|实现|覆盖",
    r"建立|成立|设立|设置|设有|配备|配了|配置|安排|制定|签订|签署|签|开展|组织|实行|实施|采取|采用|装了|部署|上线|启用|登记",
    r"备案|审批|审核|加密|备份|隔离|张贴|贴了|挂了|佩戴|告知|提醒|移交|回收|收回|检查|培训|监督|留痕|记录|管理|管控|规定|要求",
    r"控制|统一|限制|上锁|锁起来|单独|专人|专门|按岗位|按权限|门禁|保险柜|保密柜|聚焦|推荐|帮助|协助|分享|交流|合作|对接",
    r"交(?:了|回|接|还)|全交|都交|上交|门锁|独立(?:房间|的房间|区域)|隔开|分开|列入|列进|发生|出现|出过|遇到|碰到|闹过",
    r"(?<![协学商工社理开])会(?=[\u4e00-\u9fff])(?!议|员|计|上|长|场|后|前|儿|不会|议室)|阿拉有",
    r"\byes\b|\byeah\b|\byep\b|\bok\b|\bokay\b|\bsure\b|of course|\bwe do\b|\bdone\b|\bhave\b|好|行|可以|666|杠杠",
    r"▲|过(?!去|来|程|于|期|渡|滤)",
)
# positives that alone do not report a practice ("都是老板自己管", "就直接走了")
WEAK = re.compile(r"都|是|了|就|过|对|好|行|可以|一直|有(?=[个点些\d])")
# a guess, not an answer, when the reply is no more than that (好像有 / 可能吧 / 也许贴过)
_TENTATIVE = re.compile(
    r"好像|(?<!怎么)(?<!不)(?<!哪)可能|也许|或许|大概|说不定|貌似|似乎|印象中|印象里|"
    r"(?:这个|这样|所以|那)?算(?:是)?(?:有|一半|部分|做到|达标|符合)(?:了)?(?:吧|\s*\?\s*$)"  # …职责都写在文件里了。这个算有吧？
)
HEDGE = _rx(
    r"(?<!怎么)(?<!不)(?<!哪)可能|也许|好像|应该|大概|似乎|估计|印象中|貌似|或许|大约|差不多|感觉|觉得|算是|算有|勉强|\bprobably\b|\bi think\b"
)
PAST = _rx(
    r"以前|之前|过去|原来|原先|早先|早年|前几年|前两年|前些年|头两年|早几年|那几年|前年|去年(?!开始|起)|当初|曾经|先前|那时候?|\d\d年(?!开始|起)"
)
NOW = _rx(
    r"现在|目前|如今|今年|当前|眼下|已经|后来|后面|之后|以后就|最近|近期|这两年|开始|起(?!来)|现已|现有|\bnow\b|already"
)
# words that answer the question outright (有的 / 已经 / 没有 …), as opposed to restating its subject
EXPLICIT = re.compile(
    r"^(?:有的?|是的?|对|嗯|没错|当然|肯定|必须|确实|yes|no)|已经|已|都有|都做|做了|签了|有了|没有|没|不|还没|未|无"
)
# a reply that describes only the unit itself, not an answer ("我们公司", "这个嘛")
# "跟涉密没关系" / "两码事": what was just described is something else, it does not count
IRRELEVANT = re.compile(r"没关系|不搭界|不沾边|不挨边|不相干|无关|两码事|不是一回事|不涉及(?!保密|商秘|涉密)|谈不上")
# "模板倒是有" / "虽然有": a concession, what follows decides
_CONCEDED_FIRST = re.compile(
    r"^(?:(有|做|签|搞|弄|建|装|设|配|培训)(?:倒)?是\1(?:的|了)?|(?:虽然|虽说)[^,，。]{0,8}有)(?=[,，\s])"
)
CONCESSION = re.compile(r"倒是|虽然|虽说|是有(?:的)?[,，]|说是有")
# "那是离职交接" / "我把保密协议当成竞业协议了": explaining an earlier mistake, not answering
MISTAKE = re.compile(
    r"^(?:那是|那个是|那只是|之前那个|之前说的是|刚才那个是|我把|我以为|看错题|理解错)|"
    r"^(?:是|那是)?我?(?:记成|记混|搞混|弄混|混成|当成|看成|错当成|以为是|跟[^,，。]{1,8}(?:搞混|弄混|记混))"
)  # 是我记成安全生产领导小组了: how the mistake came about, not an answer
NEUTRAL = _rx(
    r"^(?:我们|我司|本公司|我们公司|公司|这个|那个|这块|这一块|关于这个|说实话|老实说|怎么说呢|嗯+|emm+|这个嘛|我想想|好的|好|收到了?|算了|哎呀|唉|害|了解了?|明白了?|知道了|懂了|谢谢(?:提醒|你|您|啦|了)?|多谢|辛苦了|好嘞)$"
)
_ECHO = re.compile(r"^[^,，。?]{1,6}\?(?=.)")
_RESTATED = re.compile(
    r"(?:^|(?<=[,，。?]))[啊哦噢哎]?(?:你|您)?(?:问的是|是问|说的是|是说|的意思是)[^,，。?]*(?:有没有|是否|是不是|有无)[^,，。?]*[,，。?]"
)
# a question back to the assistant is not an answer ("你说的留痕是啥意思")
# 新来的几个还没培训: a group said not done, the rest done
_SUBGROUP_NOT = re.compile(
    r"^(?:就|只有|只是|还有|除了)?(?:新来|新招|新入职|刚来|刚入职|实习生?|外包|个别|少数|极个别|有几个|有两个|有一个|几个新|新进|新人|新员工)"
    r"[^,，。]{0,8}?(?:还没|没有?|未)"
)
# 哪个部门来跑、职责是什么，到现在还没写下来: a question inside a statement of what is missing
_EMBEDDED_QUESTION = re.compile(
    r"(?:是什么|是啥|哪个|哪些|哪里)[^?？]{0,4}[,，][^,，。?？]{0,10}(?:还没|没有?|都没|未|尚未)[^?？]*$"
)
QUESTION = re.compile(
    r"(?:什么意思|啥意思|是什么|是啥|是个啥|是个什么|啥玩意|举个例子|举例说明|什么叫|什么是|怎么算|指的是|指什么|怎么理解|啥叫|咋算|是指|怎么办|咋办|"
    r"有(?:啥|什么)区别|什么区别|啥区别|区别是什么)|"
    r"(?:吗|(?<![什怎这那多要])么)[?]?$|嘛\?$|[?]$|(?:吗|么|呢)\?(?=[^,，。]*(?:行不行|可不可以|能不能|怎么|多少|吗|呢|\?))|行不行$|可不可以$|能(?:不能)?发(?:我|一份)|发我一份|(?:模板|范本)[^,，。]{0,4}有吗|给多少|^你[^,，。]{0,6}(?:谁|什么|啥|哪|吗|么)|多少钱|为什么|为啥|凭什么|干嘛要|算不算|怎么样?才算|"
    r"说说看|^(?:我)?(?:不|没)(?:太|是很|大)?(?:明白|懂|看懂)(?:这题|这个|你的意思|意思|什么意思)?[?。.!！~]*$|(?:^|[,，。?\s])不太明白[?。.!！~]*$|\bexplain\b"
)


# a question word that asks (not 不怎么 / 多少有一些 / 没谁不签 / 谁说没有 / 怎么可能没有), and complaints about the questions
_ASK = re.compile(
    r"(?<!不)怎么(?!说呢|讲呢|样都|也|都|可能|会|能)|(?<!多)多少(?:题|道|个|人|次|家|钱|天|分|项|年|[?？啊呀呢]*$)|"
    r"(?<![都也没])谁(?!都|也|说|还|会|能|管|愿意)|哪(?:个|些|里|儿|一|家)(?![^,，。]{0,6}(?:都|也))|咋(?!样都)|为啥|干嘛|何时|几(?:题|道)"
)
_COMPLAINT = re.compile(
    r"重复了|又问|问过(?:一遍|了)|听不懂|烦(?:死|人)|好烦|太多了|累死|无聊|谁定的|什么破|设计得(?:有问题|不好|不合理)|有完没完|还要多久|多久才"
)


def _asks(clause: str) -> bool:
    """还有多少题啊 / 离职员工不配合怎么办呢 asks; 还没梳理过哪些算商秘 / 没怎么督促 does not."""
    return bool(_ASK.search(clause)) and (
        not re.search(r"[没不未无别]", clause) or bool(re.search(r"[呢吗?]\s*$", clause))
    )


OFF_TOPIC = "weak, off the topic"
# 谁具体办、职责是什么都是口头说的: a question word before 都 / 也 means "whoever / whatever", no question
_INDEFINITE = re.compile(r"(?:谁|什么|啥|哪)[^,，。?？]{0,8}(?:都|也)(?!不懂|没懂)[^,，。?？]*$")


def _mask(pattern: re.Pattern[str], text: str, fill: str = "□") -> str:
    return pattern.sub(lambda m: fill * len(m.group(0)), text)


@dataclass
class _Clause:
    text: str
    verdict: Verdict | None
    kind: str  # which rule decided: unsure / idiom / plan / started / except / partial / restrict / accepted / lax / no / yes / weak
    past: bool
    now: bool
    improve: bool
    contrast: bool = False  # opened by 但是 / 不过 …


@dataclass(frozen=True)
class Context:
    """What the criterion adds to the reading of a reply."""

    accepts: Sequence[str] = ()  # phrases that meet the standard on their own (只有兼职的 for 专(兼)职人员)
    own_words: Sequence[str] = ()  # phrases of the standard that look like plans (年度培训计划)
    shortfalls: Sequence[str] = ()  # words saying a requirement of the standard is not met (高中学历 for 大专以上)
    shortfall_scope: Sequence[
        str
    ] = ()  # the shortfalls count only next to these (专职: the 学历 rule is for full-time staff)
    optional: Sequence[str] = ()  # what the standard only recommends (宜以发文形式公布): missing it is no gap
    absence: bool = False  # the question asks whether something bad happened (zone.16)
    topic: str = ""  # the criterion's own text: a clause naming its subject states a practice
    measures: str = ""  # its measures and keywords: a yes naming one reports part of the practice
    no_bad_event_ok: bool = False  # the standard includes 未发生… (station.28): 没出过侵权的事 is part of meeting it
    measure_list: Sequence[str] = ()  # the measures one by one: which of them a clause names
    sensitive_only: bool = False  # the standard asks it of 涉密 / 重点 posts and areas only


def _clause(text: str, contrast: bool, ctx: Context) -> _Clause:
    """The polarity of one clause."""
    t = text
    for w in ctx.own_words:  # the standard's own words (年度培训计划) are practice, not plans
        if w in t:
            t = t.replace(w, "◇" * len(w))
    past, now, improve = bool(PAST.search(t)), bool(NOW.search(t)), bool(IMPROVE.search(t))

    def out(v: Verdict | None, kind: str) -> _Clause:
        return _Clause(text, v, kind, past, now, improve, contrast)

    t = OTHERS_UNAWARE.sub(lambda m: "没落实" + "□" * (len(m.group(0)) - 3), t)
    other = _ANOTHER_UNIT.match(t) or _DONE_BY_ANOTHER.search(t)
    if other and not _OWN_UNIT.search(t[other.end() :]) and other.group("who") not in ctx.topic:
        return out(None, "another-unit")  # 隔壁那家有领导小组 / 听说同行都装了门禁 / 母公司有联络人: not the unit's own
    if MISTAKE.match(t):
        return out(None, "mistake")
    if IRRELEVANT.search(t):
        return out("no", "irrelevant")  # 摄像头…装在大门口防小偷的，跟涉密没关系
    if (
        ctx.absence
        and re.search(r"没(?:有)?听(?:说|到)(?:有|发生)?过|没听过|从没听说|没见过", t)
        and not BAD_EVENT.search(t)
    ):
        return out("no", "never heard of one")  # 连一起像样的纠纷都没听说过: to an absence question, none happened
    if _ONLY_SOME_KNOW.search(t) and re.search(r"知道|知晓|知悉|了解", ctx.topic):
        return out("partial", "restrict")  # 只有管理层知道 (the standard asks that everyone knows): a coverage gap
    if UNSURE.search(t):
        if _OTHERS_UNSURE.search(t):
            return out(None, "unsure-others")  # 别的企业怎么弄我不清楚(，我们是有的): not about the unit
        if _DETAIL_UNSURE.search(t):
            return out("unknown", "unsure-detail")  # 具体时间记不得了(，但确实协助立过案)
        return out("unknown", "unsure")
    if ctx.no_bad_event_ok:
        t = _mask(NO_BAD_EVENT, t, "▲")
        if BAD_EVENT.search(t) and "▲" not in t:
            return out("no", "a bad event")  # 去年被服务对象投诉泄露了客户名单
    if ctx.absence:
        if re.search(r"不符合|不满足|不达标|不能说没|(?:达|做)不到|(?:没|未)(?:有)?(?:达到|做到)|够不上|不合格", t):
            return out("yes", "it happened")
        if re.search(r"不属于|不算|不涉及|不是(?:恶意|群体|反复|商秘|侵权)|跟商秘无关|与商秘无关", t):
            return out("no", "not such an event")  # 有过一起合同纠纷，不属于恶意侵犯商秘
        if re.search(
            r"挖|偷|窃取|泄露|泄密|带走|盗用|抄袭|侵犯|侵权|出(?:过|了)(?:一次|一起|两次|几次)?事", t
        ) and not NEGATIVE.search(t):
            return out("yes", "an event described")  # 同一个人反复去挖几家企业的客户名单
        t = _mask(WELL, t, "◇")
    if FINE.search(t):
        rest = _mask(FINE, t, "◇")
        if ctx.absence:  # "没毛病" to "有没有发生过…": nothing happened
            t = rest
        elif not (PARTIAL.search(rest) or RESTRICT.search(rest) or LAX.search(rest)):
            return out("yes", "idiom")
        else:
            t = rest
    if POSITIVE_IDIOMS.search(t):
        rest = _mask(POSITIVE_IDIOMS, t)
        if not (PARTIAL.search(rest) or RESTRICT.search(rest)):
            return out("yes", "idiom")
        t = rest
    seen = EVIDENTIAL.match(t)
    if seen:  # 我翻了下今年的培训计划: how they know, not an answer; 我查了下，都签了 answers in the next clause
        if not re.search(r"[了过都已有没不未无]", t[seen.end() :]):
            return out(None, "looked it up")
        t = "◇" * seen.end() + t[seen.end() :]
    t = _mask(NOT_NEGATION, t, "◇")
    t = _mask(PROHIBITION, t, "▲")
    if re.match(r"^除(?:了|去|开)?", t) and not NEGATIVE.search(t[1:]):  # 除了销售部，其他都签了
        return out("partial", "except")
    if PLAN.search(t) and not re.search(r"已经|早就|现在|目前|签了|做了|建了|有了|成立了", _mask(PLAN, t)):
        return out("no", "plan")
    gone = GONE.search(t)
    if gone and _GONE_END.match(t[gone.end() :]) and not re.search(r"(?:又|重新|已经|马上)(?:招|找|补|换|配|装|修)", t):
        return out("no", "gone")  # 兼职那个上个月辞职了 / 门禁坏了好久了: the measure is no longer there
    if IN_PROGRESS.search(t):
        return out("partial", "started")
    m = RESTRICT.search(t)
    if m and _INFORMAL.search(t):
        return out("no", "lax")  # 只在开会时口头交代几句 / 只字未提: an informal substitute, not a part of the practice
    if m:
        scope = m.group("scope")
        if any(a.lower() in scope or a.lower() in t for a in ctx.accepts) and not _SOME_OF.search(t):
            return out("yes", "accepted")  # (只覆盖了一小部分核心数据: a part of what is accepted, partial below)
        if (
            CONTROL.search(scope)
            or CONTROL.search(t[: m.start()][-4:])
            or (ctx.sensitive_only and _SENSITIVE_SCOPE.search(scope))
        ):  # 只给工作需要的 / 只存公司服务器 / 只对关键岗位 (when the standard asks no more): a control
            return out("yes", "control")
        if not re.fullmatch(r"[是要]?(?:这样|这么|如此)?", scope):  # 只是这样 = that is how we do it
            return out("partial", "restrict")
    if PARTIAL.search(t):
        return out("partial", "partial")
    if any(w.lower() in t for w in ctx.shortfalls) and (
        not ctx.shortfall_scope or any(w in t for w in ctx.shortfall_scope)
    ):
        return out("partial", "shortfall")
    if (
        ctx.accepts
        and not NEGATIVE.search(t)
        and any(a.lower() in t and not re.search(rf"{re.escape(a.lower())}[^,，]{{0,3}}也", t) for a in ctx.accepts)
    ):  # 重点岗位也是面试完直接入职: "even these" continues what was said before, it accepts nothing
        return out("yes", "accepted")
    if LAX.search(t):
        return out("no", "lax")
    if INCOMPLETE.search(t):
        return out("partial", "incomplete")
    if NEGATIVE.search(t):
        return out("no", "no")
    if POSITIVE.search(t):
        strong = POSITIVE.search(_mask(WEAK, t))
        if not strong and ctx.absence:  # "这几年都很太平": nothing about an event
            return out(None, "none")
        return out("yes", "yes" if strong else "weak")
    return out(None, "none")


_COMMON = {
    "我们",
    "没有",
    "公司",
    "这个",
    "那个",
    "就是",
    "还是",
    "但是",
    "不过",
    "一个",
    "有的",
    "已经",
    "现在",
    "目前",
    "可以",
    "园区",  # the unit's own kind of words say nothing about the criterion
    "企业",
    "单位",
    "员工",
    "人员",
    "协会",
    "成员",
    "会员",
    "专门",  # words every standard uses: they name no criterion
    "相应",
    "必要",
    "相关",
    "具体",
    "情况",
    "方面",
    "时候",
    "一般",
    "主要",
}


_CONTENT = re.compile(r"[^\W\d有的是了在和都个我们这那也就还把被给对与或及其之为以于不没要会能可]{2}")


_THE_REST = re.compile(
    r"^(?:其他|其它|其余|别的|剩下|剩余)(?:的|几[项条个样])?(?:都|也都|全都|全|倒是都|基本都)(?!是)"
)  # 扫描停了，其他都在
# the last clause sums the reply up: 还是算没有 / 不算有 / 就当部分做到吧 / 严格说算没做到
_CLOSING = re.compile(
    r"(?:所以|因此|那|那就|就|还是|总的来说|总体(?:来说|上)?|综合(?:来看|起来)|整体(?:来说|上)?|应该|严格(?:来)?说|"
    r"这个|这块|这项|我觉得|我看|我们)?(?:只能|还是|应该|就|也)?(?P<neg>不)?(?:算|当|记)(?:是|作|为|成)?"
    r"(?P<v>没有|没做到|没做|没|无|不清楚|部分(?:做到)?|一半|半个|有|做到了?|达标|合格)"
)
_ONCE = re.compile(r"(?:一|1)(?:次|回|遍|轮)")
_NOT_AGAIN = re.compile(r"没(?:有)?再|再(?:也)?没|没继续|没接着|就停了|就没了")
# 临时证件没发，审批和登记是有的: a measure named and denied, another named and affirmed (not an explanation)
NAMED_NO = re.compile(
    r"^(?!(?:我们|公司|咱们|这个|这块)?(?:没|不|无|未|从|还没|暂时|目前|并|根本|压根))[^,，]{2,}?(?:没|未|不)"
)
_OWN_SUBJECT = re.compile(
    r"^[^,，]{2,10}?(?:是有的|都有|也有|是(?:交回|做了|签了|有)[^,，]{0,4}的|倒是|有的$)|^[^,，没不未无]{2,10}?[都也还]?有$"
)  # 访客证没有，审批和登记有: another measure of the question kept
_INFORMAL = re.compile(r"偶尔|顺便|随口|只字未提")
_SENSITIVE_SCOPE = re.compile(r"涉密|关键|重点|要害")
_SENSITIVE = re.compile(r"涉密|关键岗|重点区|要害|保密岗")
_THE_OTHERS = re.compile(r"一般|普通|其他|其余|其它|别的|非涉密|非核心|非关键|非重点|不涉密")
_ADDITIVE = re.compile(r"也|还有|另外|此外|同时")  # 加密还没上，备份也在做: a second measure, not an explanation
# 一线工人还没培训到，管理和技术人员都培训了: everyone of another group, a contrast (not 我们都是口头说的)
_OTHER_GROUP_ALL = re.compile(
    r"(?<![我你他她咱大])(?:人员|员工|部门|岗位|工人|干部|骨干|人|部|层|线)(?:都|也都|全都|全部)(?!是|没|不|在谈|在考虑)"
)


def measures_named(clause: str, measures: Sequence[str]) -> set[int]:
    """Which of a criterion's measures a clause names, by the two-character words that set each
    measure apart from the others (临时证件 names 佩戴临时证件; 涉密, said by all three, names none)."""
    grams = [
        {g for g in (m[i : i + 2] for i in range(len(m) - 1)) if g not in _COMMON and _CONTENT.fullmatch(g)}
        for m in measures
    ]
    if len(grams) > 1:
        shared = {g for gs in grams for g in gs if sum(g in other for other in grams) * 2 > len(grams)}
        grams = [gs - shared for gs in grams]
    return {i for i, gs in enumerate(grams) if any(g in clause for g in gs)}


def topic_words(text: str) -> set[str]:
    """The two-character content words of a text (what on_topic compares)."""
    return {g for g in (text[i : i + 2] for i in range(len(text) - 1)) if g not in _COMMON and _CONTENT.fullmatch(g)}


def on_topic(clause: str, topic: str) -> bool:
    """Whether a clause shares a two-character word with the criterion's text."""
    if not topic:
        return False
    grams = {clause[i : i + 2] for i in range(len(clause) - 1)}
    return any(g in topic for g in grams if g not in _COMMON and _CONTENT.fullmatch(g))


# without it nothing goes: 不审批不登记一页都复印不了 / 不登记谁都领不走 / 哪样没交齐，离职手续都办不下来
_CANNOT = (
    r"(?:[\u4e00-\u9fff]不(?:了|去|来|出去|出来|进去|进来|走|下来|成)(?![\u4e00-\u9fff]{0,2}[吗么])"
    r"|(?:都|就)(?:不|没法|无法)(?:让|给|准|予))"
)
_CONDITION = re.compile(
    r"(?:^|[,，。；;])[^,，。；;]{0,5}?(?:不|没|未)(?:经过?|走|审批|登记|签|批|交齐?|通过|拆)[^。；;?]{0,24}?"
    + _CANNOT
    + r"|(?:哪样|哪个|哪份|哪项|谁)没[^。；;?]{0,20}?"
    + _CANNOT
)
_READY_NOT_YET = re.compile(
    r"^[^,，。]{0,8}(?:课件|方案|材料|模板|讲义|设备|系统|软件|牌子|告知书|登记表|审批单)(?:已经?|都)?"
    r"(?:做好|写好|准备好|弄好|定好|备好|买好|买了|到了|印好)了?[,，][^。,，]{0,8}(?:还没|尚未|没)(?:有)?"
    r"(?:开|用|讲|装|上|启|实施|落实|执行|动|印发|发|贴|挂|推)"
)
# what was conceded serves another purpose: 但那是整栋楼物业的 / 放的是财务凭证 / 那是给财务记账用的 / 防小偷的
_OTHER_PURPOSE = re.compile(
    r"^(?:但是?|不过|可是?|只是)?(?:那|这)(?:个|些|里|边|本)?(?:是|只是|都是|其实是|主要是)[^,，。；]{0,14}?(?:的|用的|用|管的)$|"
    r"^(?:但是?|不过|可是?)?(?:放|登|记|管|装|存|锁|登记)的(?:是|都是|只是|全是)|^防[^,，。；]{1,6}的$"
)
_SARCASM = re.compile(
    r"做梦|梦里|在梦|想象中|太阳(?:从|打)西边|有个鬼|有鬼了|鬼才|见鬼|下辈子|猴年马月|痴人说梦|天方夜谭"
)
_MAKESHIFT = re.compile(
    r"口头|嘴上|随口|提一嘴|提了?一句|说一声|说了?一下|讲过|提过|提醒|打招呼|靠自觉|自觉|习惯|私下|意思一下"
)
_KEY_VALUE = re.compile(
    r"(?<![^,，;；。\s])([\u4e00-\u9fff+]{1,10})\s*[:：=]\s*((?:有|没有|无|没|未|已|都|还没|尚未|暂无|yes|no|y|n)[\u4e00-\u9fff]{0,3})(?=[;；,，。\s]|$)"
)
_SECRECY = re.compile(r"保密|涉密|商秘|秘密|机密|敏感|核心|研发|图纸|技术|客户|载体|资料")
_GREETING = re.compile(
    r"(?:你好|您好|早上好|上午好|中午好|下午好|晚上好|早安|早|hi|hello|hey|哈喽|嗨|在吗|在不在|谢谢|多谢|感谢)[啊呀哈~!。.\s]*"
)


def analyze(
    text: str, accepts: Sequence[str] = (), own_words: Sequence[str] = (), ctx: Context | None = None
) -> Analysis:
    """Read a reply to a met-or-not question (see the module docstring for the rules)."""
    ctx = ctx or Context(accepts=accepts, own_words=own_words)
    t = normalize(text)
    if not t:
        return Analysis(None, 0.0, ["empty"])
    if re.fullmatch(r"[嗯额呃啊哦噢哈呵嘿嘻~!。. ]+", t) and re.search(r"[哈呵嘿嘻]", t):
        return Analysis(None, 0.0, ["laughter"])  # 嗯嗯哈哈哈: noise, not an answer
    if re.fullmatch(
        r"(?:嗯|呃|额|唔|emm+|em|这个|那个|我想想|让我想想)+\s*(?:\.{2,}|…+|。{2,}|~+)\s*", t
    ) or re.fullmatch(
        r"(?:嗯+|呃|额)?[,，\s]*(?:(?:稍等|等一下|等下|等等|等一等|等1等)[,，\s]*)?(?:让我|我|等我)(?:再|先)?想(?:想|一下|一想|下)"
        r"[啊哈吧~。.…!！\s]*",
        t,
    ):
        return Analysis(None, 0.0, ["a hesitation"])  # 嗯…… / 呃... : thinking, not yet an answer
    whole = _strip_particles(t)
    if _GREETING.fullmatch(t) or _GREETING.fullmatch(whole):
        return Analysis(None, 0.0, ["a greeting"])
    if whole in _WHOLE_LOOKUP:
        return Analysis(_WHOLE_LOOKUP[whole], 0.97, ["whole reply"])
    echo = re.sub(r"[的了过啊呀]+$", "", whole)
    twice = re.fullmatch(r"([\u4e00-\u9fff]{1,2})[的了过]\s*[,，]?\s*\1[的了过][啊呀吧呢。.!！~]*", t)
    if twice and ctx.topic and twice.group(1) in ctx.topic and not NEGATIVE.search(twice.group(1)):
        return Analysis("yes", 0.93, ["the question's word said back twice"])  # 查的查的 / 签了签了
    if (
        ctx.topic
        and (
            2 <= len(echo) <= 4 or (len(echo) == 1 and echo in "查签做装锁贴审管办建设配派记登交收停封拆批帮报评训教讲")
        )
        and re.search(r"[的了过][啊呀吧呢。.!！~]*$", t)  # 督促的 / 限制了: the word said back as done, not a noun
        and not re.match(r"(?:那个|这个|那|这)", t)
        and echo in ctx.topic
        and echo not in _COMMON
        and not (NEGATIVE.search(echo) or PARTIAL.search(echo) or UNSURE.search(echo) or HEDGE.search(echo))
    ):
        return Analysis("yes", 0.9, ["the question's word said back"])  # 有没有督促…？— 督促的
    for i in range(2, min(7, len(whole))):  # 背调做的 / 密级有的 / 加密没有: the subject named, then an answer word
        head, rest = whole[:i], re.sub(r"^(?:这块|这个|那块|的话|呢|嘛|是)?[,，\s]*", "", whole[i:])
        if (
            ctx.topic
            and head in ctx.topic
            and head not in _COMMON
            and not (NEGATIVE.search(head) or UNSURE.search(head) or HEDGE.search(head))
            and _WHOLE_LOOKUP.get(rest) in ("yes", "no")
            and not (ctx.absence or ctx.no_bad_event_ok)
        ):
            return Analysis(_WHOLE_LOOKUP[rest], 0.93, [f"the subject, then {rest}"])
    unpunctuated = (re.sub(r"[~。.…!！,，\s]+", "", x) for x in (whole, t))  # 了解了: its 了 is part of the word
    if NEUTRAL.match(whole) or any(NEUTRAL.match(x) for x in unpunctuated):
        return Analysis(None, 0.0, ["a filler"])  # 这个嘛 / 我们公司 / 怎么说呢: nothing said yet
    said_clauses = split_clauses(t)
    asking = [p for p, _ in said_clauses if QUESTION.search(p) or re.search(r"(?:吗|\?)$", p)]
    if (
        asking
        and len(asking) == len(said_clauses)
        and not UNSURE.search(re.sub(r"算不算|(?:得|要|需要)算", "", t))
        and not re.search(r"不好(?:判断|说)|搞不清|你问我|问谁", t)
        and not _TENTATIVE.search(t)
    ):
        return Analysis(None, 0.0, ["a question back"])  # 外包的保安保洁也要算进全员吗: every clause asks
    if (
        QUESTION.search(t)
        and not UNSURE.search(t)
        and not (t.endswith("?") and _TENTATIVE.search(t))
        and not _INDEFINITE.search(t)
        and not _EMBEDDED_QUESTION.search(t)
    ):
        return Analysis(None, 0.0, ["a question back"])
    if all(_asks(p) or _COMPLAINT.search(p) for p, _ in split_clauses(t)) and not (
        UNSURE.search(t) or _INDEFINITE.search(t) or POSITIVE_IDIOMS.search(t)
    ):  # 还有多少题啊 / 怎么又问 / 谁定的这些规矩: every clause asks or complains, none answers
        return Analysis(None, 0.0, ["a question back"])
    t = _KEY_VALUE.sub(r"\1\2", t)  # 登记：有；发文：还没发 — a form filled in a chat: each item with its answer
    t = _ECHO.sub("", t)  # "全员？没有的事…": the question's word echoed back is not an answer
    t = _RESTATED.sub("", t)  # "你问的是有没有发生侵权事件，没有": the question said back is not an answer
    if ctx.shortfall_scope:  # 有专职的，高中学历: the scope word may be in another clause than the shortfall
        in_scope = any(w in t for w in ctx.shortfall_scope)
        ctx = replace(ctx, shortfall_scope=(), shortfalls=ctx.shortfalls if in_scope else ())
    if re.search(r"[✓✔✅√☑]", text) and re.search(r"[✗✘❌×❎]", text):  # 造册 ✔️ 领用登记 ❌: some done, some not
        crossed = [m.group(1) for m in re.finditer(r"([^✓✔✅√☑✗✘❌×❎,，;；\s]{1,8})\s*[✗✘❌×❎]", text)]
        if not crossed or not all(any(w in x for w in ctx.optional) for x in crossed):
            return Analysis("partial", 0.85, ["marked done and not done"])
        return Analysis("yes", 0.85, ["marked done, only a recommended part not"])  # 发文✘: only recommended
    if _SARCASM.search(t):  # 当然有，做梦的时候 / 有个鬼 / 太阳打西边出来那天
        return Analysis("no", 0.85, ["sarcasm"])
    if _READY_NOT_YET.search(t):  # 课件做好了，还没开讲: what is ready is not yet the practice
        return Analysis("no", 0.85, ["ready, not yet done"])
    if _CONDITION.search(t) and not QUESTION.search(t) and not UNSURE.search(t):
        return Analysis("yes", 0.85, ["without it nothing goes"])
    parts = split_clauses(t)
    closing = _CLOSING.fullmatch(_strip_particles(parts[-1][0])) if len(parts) > 1 else None
    if closing:  # …从来没人登过，还是算没有: the reply's own verdict (算有 alone is a hedged yes, read as one)
        word = closing.group("v")
        verdict: Verdict = (
            "no"
            if re.match(r"[没无]|不(?!清楚)", word)
            else "unknown"
            if "清楚" in word
            else ("partial" if re.match(r"部分|一半|半", word) else "yes")
        )
        if closing.group("neg"):
            verdict = "no" if verdict == "yes" else verdict
        if (verdict != "unknown" or not closing.group("neg")) and not (verdict == "yes" and HEDGE.search(parts[-1][0])):
            return Analysis(verdict, 0.85, [f"closing verdict:{parts[-1][0]}"])
    found = [_clause(c, contrast, ctx) for c, contrast in parts]
    # a clause with no answer words before a negation ("存单位服务器，但没加密", "口头提一句保密，法律责任没讲")
    # states a practice, when a contrast word says so or it names the criterion's subject
    for i, c in enumerate(found[:-1]):
        nxt = found[i + 1]
        prev_no = i > 0 and found[i - 1].verdict == "no"
        silent = (
            c.verdict is None
            and c.kind != "another-unit"
            and nxt.verdict in ("no", "partial")
            and not NEUTRAL.match(c.text)
            and not re.search(r"改口|更正|纠正|说错|答错|改一下|重新说", c.text)  # 办公室的事我得改口：没有…
        )
        if silent and not ctx.absence and (nxt.contrast or (on_topic(c.text, ctx.topic) and not prev_no)):
            found[i] = _Clause(c.text, "yes", "implicit", c.past, c.now, c.improve, c.contrast)
    for i, c in enumerate(found[:-1]):  # 有门禁，但那是整栋楼物业的 / 有个档案室，放的是财务凭证: not for this
        purpose = found[i + 1].text
        if c.verdict == "yes" and _OTHER_PURPOSE.search(purpose) and not _SECRECY.search(purpose) and not ctx.absence:
            found[i] = _Clause(c.text, "no", "other-purpose", c.past, c.now, c.improve, c.contrast)
            found[i + 1] = _Clause(purpose, None, "other-purpose", False, False, False, True)
    others = any(c.kind == "another-unit" for c in found)
    found = [c for c in found if c.verdict is not None and not NEUTRAL.match(c.text)]
    if others and not found:
        return Analysis(None, 0.0, ["about another unit"])
    found = [  # 扫描停了，其他都在: the rest in place, a kind of its own for the combiner to weigh
        replace(c, kind="rest") if c.verdict == "yes" and _THE_REST.search(c.text) else c for c in found
    ]
    if not found and all(NEUTRAL.match(c) for c, _ in parts):
        return Analysis(None, 0.0, ["a filler"])  # 明白了，谢谢: acknowledgements only, nothing described
    if not found:
        return Analysis(None, 0.0, ["no answer words"])
    reasons = [f"{c.kind}:{c.text}" for c in found]
    hedged = bool(HEDGE.search(t))
    answers = [c for c in found if c.verdict != "unknown"]
    if not answers:
        return Analysis("unknown", 0.92, reasons)
    if len(answers) < len(found) and all(c.kind == "unsure-detail" for c in found if c.verdict == "unknown"):
        firm = [c for c in answers if not HEDGE.search(c.text) and not _TENTATIVE.search(c.text)]
        if firm:  # 具体时间记不得了，但前年确实协助立过案 / 说不好算不算专职，反正有个兼职保密员 / 没有设，以后会不会设也不清楚
            found = [c for c in found if c.verdict != "unknown"]
            reasons.append("unsure only of a detail")
    first_answer = found.index(answers[0])
    if (
        len(answers) < len(found)
        and all(c.verdict != "unknown" for c in found[first_answer:])
        and any(_FIRM_AFTER.search(c.text) and not HEDGE.search(c.text) for c in answers)
    ):  # 学历我说不上来，反正没有专职的 / 不确定排第几，但我们规模在区里数一数二: unsure of something else first
        found = answers
        reasons.append("unsure of something else, then firm")
    if len(answers) < len(found):  # an answer next to an unsure clause
        firm = [c for c in answers if EXPLICIT.search(c.text) and not HEDGE.search(c.text)]
        if not firm or found[0].verdict == "unknown":  # 不清楚，一般是IT在弄 / 可能有吧，不太确定
            reasons.append("unsure, the rest hedged or explaining")
            return Analysis("unknown", 0.85, reasons)
    if ctx.absence and any(c.kind == "not such an event" for c in answers):
        return Analysis("no", 0.85, [*reasons, "what happened is not such an event"])
    if ctx.optional:  # a gap in what the standard only recommends (宜以发文形式公布) is no gap
        kept = [c for c in answers if not (c.verdict == "no" and any(w in c.text for w in ctx.optional))]
        if kept and len(kept) < len(answers):
            answers = kept
            reasons.append("a recommended part left out")
    if _TENTATIVE.search(t) and len(_strip_particles(t)) <= 8 and not any(c.kind == "whole" for c in found):
        return Analysis("unknown", 0.85, [*reasons, "only a guess"])  # 好像有 / 可能吧 / 也许贴过
    if any(c.kind == "accepted" for c in answers) and any(c.verdict == "no" for c in answers):
        # 没专职的，就行政兼着管: the gap named is what the accepted practice stands in for (专（兼）职)
        kept = [c for c in answers if not (c.verdict == "no" and _STOOD_IN_FOR.search(c.text))]
        if len(kept) < len(answers) and all(c.verdict != "no" for c in kept):
            found = [c for c in found if c in kept or c.verdict == "unknown"]
            answers = kept
            reasons.append("the gap is what the accepted practice stands in for")
    verdict, confidence = _combine(answers, reasons)
    if (
        len(answers) > 1
        and re.fullmatch(r"(?:没有?|无|木有|没做|没搞|没弄)(?:的|呢|啊|呀)?", _strip_particles(answers[0].text))
        and all(c.kind == "restrict" and _MAKESHIFT.search(c.text) for c in answers[1:])
        and not ctx.absence
    ):  # 没有，只是口头讲过: a bare no, then the makeshift it stands in for
        verdict, confidence = "no", max(confidence, 0.8)
        reasons.append("no, then only a makeshift")
    if verdict == "no" and len(answers) == 1 and _SUBGROUP_NOT.match(answers[0].text) and not ctx.absence:
        verdict, confidence = "partial", 0.8  # 新来的几个还没培训: the rest have been
        reasons.append("a group left out")
    if (
        verdict == "yes"
        and _CONCEDED_FIRST.match(t)
        and len(parts) > 1
        and all(c.verdict != "yes" for c in answers[1:])
        and any(len(_strip_particles(c)) >= 3 for c, _ in parts[1:])
    ):  # 有是有，企业知道的少: conceded, then what it lacks (no answer word, but not nothing)
        verdict, confidence = "partial", 0.7
        reasons.append("a concession, then a limit")
    if (
        ctx.topic
        and all(c.kind == "weak" for c in answers)
        and not any(on_topic(c.text, ctx.topic) for c in answers)
        and len(_strip_particles(t)) > 4
    ):  # 仓库又漏水了 / 你们问得也太细了: a 了 or a 是, nothing about the question: confirmed, never recorded unasked
        confidence = min(confidence, 0.6)
        reasons.append(OFF_TOPIC)
    if len(answers) < len(found):  # "有，具体要问人事": the answer, to be confirmed
        confidence = min(confidence, 0.65)
        reasons.append("answer with an unsure clause")
    if hedged:
        confidence = min(confidence, 0.66)
        reasons.append("hedged")
    return Analysis(verdict, confidence, reasons)


def _combine(answers: list[_Clause], reasons: list[str]) -> tuple[Verdict, float]:
    kinds = {c.verdict for c in answers}
    accepted = [i for i, c in enumerate(answers) if c.kind == "accepted"]
    negated = [i for i, c in enumerate(answers) if c.verdict == "no"]
    if accepted and kinds == {"yes", "no"} and min(accepted) > max(negated):
        # 没有单独签NDA，但合同里都写了保密条款: what the standard accepts instead is there
        reasons.append("what the standard accepts is there")
        return "yes", 0.85
    scoped = [
        i
        for i, c in enumerate(answers)
        if c.kind in ("accepted", "control") and RESTRICT.search(c.text) and _SENSITIVE.search(c.text)
    ]
    if scoped and kinds == {"yes", "no"} and all(_THE_OTHERS.search(answers[i].text) for i in negated):
        # 只有涉密重点区域才登记，一般区域不用: the standard asks it of the sensitive ones only
        reasons.append("scoped: the others need not")
        return "yes", 0.9
    if len(kinds) == 1:
        v = answers[0].verdict
        assert v is not None
        return v, 0.93 if len(answers) == 1 or all(c.kind == answers[0].kind for c in answers) else 0.9
    # past against present: the present wins (以前没有，现在有了 / 以前做过，后来停了)
    now = [c for c in answers if c.now and not c.past]
    past = [c for c in answers if c.past and not c.now]
    if now and past and {c.verdict for c in now} != {c.verdict for c in past}:
        if any(_ONCE.search(c.text) for c in past if c.verdict == "yes") and all(
            _NOT_AGAIN.search(c.text) for c in now if c.verdict == "no"
        ):
            reasons.append("done once, not since")  # 前年复评过一次，后面就没再弄了 (as 只做过一次)
            return "partial", 0.75
        reasons.append("present over past")
        v = now[-1].verdict
        assert v is not None
        return v, 0.85
    plans = [c for c in answers if c.kind == "plan"]
    others = [c for c in answers if c.kind != "plan"]
    if plans and others:
        rest = {c.verdict for c in others}
        if rest == {"yes"}:
            if all(c.improve for c in plans):  # 有，明年打算再完善 = yes
                reasons.append("plan to improve")
                return "yes", 0.85
            reasons.append("done in part, the rest planned")
            return "partial", 0.72
        if rest == {"no"}:
            return "no", 0.9
        answers, kinds = others, rest
    irrelevant = [i for i, c in enumerate(answers) if c.kind == "irrelevant"]
    if irrelevant and not any(c.verdict == "partial" for c in answers):
        reasons.append("what was described does not count")  # 消防演练每年都搞，网络的没搞过 / …跟涉密没关系
        return "no", 0.8
    conceded = [c for c in answers if c.verdict == "yes" and CONCESSION.search(c.text)]
    if (
        conceded
        and kinds == {"yes", "no"}
        and all(c.verdict != "yes" or c in conceded for c in answers)
        and answers.index(conceded[0]) < max(i for i, c in enumerate(answers) if c.verdict == "no")
    ):  # the concession first; 内外网没隔开，外发审批倒是有 (conceded last) is a part done
        reasons.append("a concession, then the answer")  # 模板倒是有…从来没拿出来让人签过
        return "no", 0.8
    if (
        answers[0].verdict == "no"
        and kinds <= {"yes", "no"}
        and not any(
            c.contrast
            or (c.verdict == "yes" and _OTHER_GROUP_ALL.search(c.text))
            or (c.verdict == "yes" and "倒是" in c.text)  # 内外网没隔开，外发审批倒是有 (没有，虽然有模板 stays no)
            or (c.verdict == "yes" and _ONLY_DONE.search(c.text))  # 标志还没贴，只是定了哪些是涉密区域: a part done
            or (c.verdict == "yes" and _GROUP_DONE.search(c.text))  # 覆盖面不足：管理人员已全部培训，一线还没
            or (c.verdict == "yes" and c.kind != "weak" and _ADDITIVE.search(c.text))
            or (c.verdict == "yes" and _THE_REST.search(c.text))
            or (
                c.verdict == "yes"
                and c.kind != "weak"
                and _OWN_SUBJECT.search(c.text)
                and NAMED_NO.match(answers[0].text)
            )
            for c in answers[1:]
        )
    ):
        reasons.append("a negation explained")  # 没这个要求，离职交接主要交代手上的工作进度
        return "no", 0.85
    unused = [i for i, c in enumerate(answers) if c.verdict == "no" and _UNUSED.search(c.text)]
    if (
        kinds == {"yes", "no"}
        and unused
        and all(i < unused[0] and _OBJECT_HAD.search(c.text) for i, c in enumerate(answers) if c.verdict == "yes")
    ):
        reasons.append("had, never used")  # 借阅登记本是买了，一直空着没人记 / 资料印好了，还堆在库房里
        return "no", 0.8
    if (
        kinds == {"yes", "no"}
        and any(c.verdict == "no" and RHETORICAL_NO.search(c.text) for c in answers)
        and all(c.kind == "weak" for c in answers if c.verdict == "yes")
    ):
        reasons.append("a rhetorical no")  # 高管都是老板自家亲戚，签啥呀
        return "no", 0.85
    yes = [c for c in answers if c.verdict == "yes"]
    first_no = next(i for i, c in enumerate(answers) if c.verdict == "no") if "no" in kinds else -1
    if kinds == {"yes", "no"} and all(
        c.kind == "weak"
        and answers.index(c) > first_no
        and not _THE_REST.search(c.text)
        and ("倒是" not in c.text or re.search(r"计划|打算|准备|想", c.text))  # 今年计划里倒是写了: still a no
        for c in yes
    ):  # (客户不会通知，账号倒是当天关: a part conceded after the gap — partial, below)
        reasons.append("a negation explained")  # 没有，离职就直接走了
        return "no", 0.85
    if "partial" in kinds or kinds == {"yes", "no"}:
        reasons.append("contrast")
        return "partial", 0.86
    v = answers[-1].verdict
    assert v is not None
    return v, 0.6


def context(c: Criterion) -> Context:
    """What the criterion tells the yes/no rules: what its standard accepts, its own plan-like words
    (年度培训计划), whether it asks about a bad event (未发生…)."""
    # the standard's own words that look like plans or unfinished work (培训计划, 初步受理) name the practice
    own = tuple(m.group(0) for rx in (PLAN, IN_PROGRESS, INCOMPLETE) for m in rx.finditer(c.standard))
    absence = c.polarity == "absence"
    return Context(
        accepts=tuple(c.accepts),
        shortfalls=tuple(c.shortfalls),
        shortfall_scope=tuple(c.shortfall_scope),
        optional=tuple(c.optional),
        own_words=own,
        absence=absence,
        no_bad_event_ok=not absence and "未发生" in c.standard,
        topic=" ".join([c.standard, c.question, *c.measures, *c.keywords]),
        measures=" ".join([*c.measures, *c.keywords]),
        measure_list=tuple(c.measures),
        sensitive_only=bool(_SENSITIVE_SCOPE.search(c.standard)),
    )


def interpret_boolean(text: str, accepts: Sequence[str] = ()) -> Verdict | None:
    """The verdict alone, for callers that do not need the confidence."""
    return analyze(text, accepts).verdict
