"""Text as people type it in a chat, made comparable: width, spaces, emoji, repeats, numerals.

Every reader (yes/no, numbers, tiers, commands) works on :func:`normalize` output, so the
same reply reads the same whether typed with full-width punctuation, stray spaces or 👍.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

import cn2an
import opencc

# traditional characters (a unit in Hong Kong or Taiwan, or an input method left on 繁体): OpenCC's character and
# phrase tables, so 兩/參/貳/鑑/頭 read as the simplified forms every rule is written in (simplified text is unchanged)
_T2S = opencc.OpenCC("t2s")

# emoji carry an answer only in a few cases; the rest is decoration
_EMOJI_WORDS = {
    "👍": "好",
    "👌": "好",
    "✅": "是",
    "✔": "是",
    "☑": "是",
    "💯": "是",
    "🙆": "好",
    "√": "是",
    "❌": "没有",
    "✖": "没有",
    "🙅": "没有",
    "✗": "没有",
    "✘": "没有",
    "❎": "没有",
    "☒": "没有",
    "×": "没有",
    "🤔": "不确定",
    "🤷": "不知道",
}
_DECORATION = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d\u3000]"  # pictographs, dingbats, variation selectors
)
# an emoji between two phrases ends the first (改成三次👌 上半年多做了一次): a clause mark, its word kept
_MID_EMOJI = re.compile(
    "(?<=[\u4e00-\u9fff\\d])\\s*([\U0001f000-\U0001faff\u2600-\u27bf])[\ufe0f\u200d]*\\s*(?=[\u4e00-\u9fff\\d])"
)
_QUOTES = re.compile("[\"'“”‘’「」『』【】《》〈〉()（）\\[\\]]")
_CJK = r"\u4e00-\u9fff"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}\d])\s+(?=[{_CJK}\d])")
_CJK_RUN = re.compile(rf"[{_CJK}\d]+(?:\s+[{_CJK}\d]+)+")


def _spaces(t: str) -> str:
    """Spaces inside Chinese: stray ones go ("有 的" -> "有的"); between two phrases of two characters or more
    characters they separate clauses, as people type on a phone ("经费没有 办公室有" -> "经费没有，办公室有",
    "没有 都微信发" -> "没有，都微信发")."""

    def fix(m: re.Match[str]) -> str:
        parts = m.group(0).split()
        out = parts[0]
        for prev, part in pairwise(parts):
            cjk = "\u4e00" <= prev[-1] <= "\u9fff" and "\u4e00" <= part[0] <= "\u9fff"  # 写成了 25%: a figure follows
            figure = prev[-1].isdigit() != part[0].isdigit()  # 报名的人 600 多: a figure stays with its words
            out += (
                "，" + part
                if not figure and ((len(prev) > 2 and len(part) > 2) or (cjk and len(prev) >= 2 and len(part) >= 2))
                else part
            )
        return out

    return _CJK_RUN.sub(fix, t)


# 有有有 / 对对对 / 有的有的 / 是是是 -> one: a repeated assent or denial is the same answer
_REPEAT = re.compile(r"(有的|是的|对的|好的|没有|有|是|对|没|嗯|好|行|哦|啊|呀|哈|不)\1+")


# financial numerals (壹贰叁) and the English people mix in (twice a year, 6 clients, top 10 nationally)
_NOT_CAPITAL = re.compile(r"陆(?=陆?续|地|路|上|军|家嘴)|(?<=[大登着内])陆")
_CAPITAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
_ENGLISH = [
    (r"\blaw firms?\b", "律所"),
    (r"\bassociations?\b", "协会"),
    (r"\btwice\b", " 2次 "),
    (r"\bonce\b", " 1次 "),
    (r"\bthrice\b", " 3次 "),
    (r"\b(?:times|sessions)\b", "次"),
    (r"\b(?:cases?)\b", "起"),
    (r"\b(?:types?|kinds?(?! of)|categories|category)\b", "类"),
    (r"\b(?:firms?|institutions?|clients?|companies|members?|units?|orgs?|organi[sz]ations?|agencies)\b", "家"),
    (r"\b(?:people|persons|attendees|person-times)\b", "人次"),
    (r"\b(?:nationally|nationwide|national|in china)\b", "全国"),
    (r"\b(?:in the city|city|citywide|shanghai)\b", "全市"),
    (r"\b(?:in the district|district)\b", "全区"),
    (r"\btop\s*(\d+)", r"前\1"),
    (r"\bnone\b", "没有"),
    (r"\b(?:sorry|correction|oops)\b\s*[,，:：]?\s*(\d+)\s*[—–-]*", r"不对，是\1，"),  # sorry, 2 — …: the new figure
    (r"(\d+)\s*,?\s*not\s+(\d+)", r"\1，不是\2"),  # 420 not 520: the figure, and the one it replaces
    (r"\bnot\s+(\d+)", r"不是\1"),
    (r"\b(?:was|were|got|been)\s+(?:cancel+ed|called off)\b", "取消了"),
    (r"\bforgot\s+(?:about\s+)?(?:the\s+)?(\d+)", r"漏了\1"),
    (r"\bmy bad\b", "我的错"),
    (r"([不没太很])\s*(?:clear|sure)\b", r"\1清楚"),  # 不太clear / 不是很sure: Chinese around an English word
]
_UNIT_KEY = re.compile(
    r"(?<![\u4e00-\u9fff])(类|家|起|次|人次)\s*[:=：]\s*(\d+(?:\.\d+)?)(?![\d.]|\s*[\u4e00-\u9fff%])"
)
# figures said in English (members 120, trained 50, 7 clients): each figure keeps the word that says what it counts
_ENGLISH_FIGURES = [
    (r"(\d+)\s*members?\b", r"\1家会员"),
    (r"\bmembers?\b", "会员"),
    (r"(\d+)\s*(?:clients?|customers?)\b", r"\1家客户"),
    (r"\b(?:clients?|customers?)\b", "客户"),
    (r"\btrain(?:ed|ing|s)?\b", "培训"),
    (r"\bprotection(?:\s+measures?)?\b|\bprotect(?:ed|ing|s)?\b", "保护措施"),
    (r"\bserv(?:ed|e|es|ing)\b", "服务"),
    (r"\b(?:in )?total\b", "总共"),
    (r"\bactive\b", "开展工作"),
]
ENGLISH_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


_PINYIN = [
    (r"^\s*(?:mei\s*you|meiyou|mei)\s*$", "没有"),
    (r"^\s*(?:you\s*de|youde|you)\s*$", "有的"),
    (r"^\s*(?:bu\s*zhi\s*dao|buzhidao|bzd)\s*$", "不知道"),
    (r"^\s*(?:bu\s*qing\s*chu|buqingchu|bqc)\s*$", "不清楚"),
    (r"^\s*(?:shi\s*de|shide)\s*$", "是的"),
    (r"^\s*(?:bu\s*shi|bushi)\s*$", "不是"),
]


# liang ci / san jia: a count typed in pinyin, the whole reply
_PINYIN_DIGITS = {"ling": 0, "yi": 1, "liang": 2, "er": 2, "san": 3, "si": 4, "wu": 5, "liu": 6, "qi": 7, "ba": 8}
_PINYIN_DIGITS |= {"jiu": 9, "shi": 10}
_PINYIN_UNITS = {"ci": "次", "jia": "家", "qi": "起", "chang": "场", "lei": "类", "ge": "个"}
_PINYIN_COUNT = re.compile(rf"^\s*({'|'.join(_PINYIN_DIGITS)})\s*({'|'.join(_PINYIN_UNITS)})\s*$")


def _english(t: str) -> str:
    for pattern, repl in _PINYIN:  # a whole reply typed in pinyin
        if re.match(pattern, t):
            return repl
    if m := _PINYIN_COUNT.match(t):
        return f"{_PINYIN_DIGITS[m.group(1)]}{_PINYIN_UNITS[m.group(2)]}"
    if not re.search(r"[a-z]{3,}", t):
        return t
    t = re.sub(r"\b(" + "|".join(ENGLISH_NUMBERS) + r")\b", lambda m: f" {ENGLISH_NUMBERS[m.group(1)]}", t)
    if re.search(r"\d", t):
        for pattern, repl in _ENGLISH_FIGURES:
            t = re.sub(pattern, repl, t)
    for pattern, repl in _ENGLISH:
        t = re.sub(pattern, repl, t)
    return t


# dialect words people type (Shanghainese, Cantonese, northern and south-western), to Mandarin,
# so that every rule reads them: 勿晓得 = 不知道, 呒没 = 没有, 冇 = 没有, 唔清楚 = 不清楚, 莫得 = 没得
_DIALECT = [
    (r"呒没|呒|木有|米有|冇得|冇|么有|莫得|莫有|没得", "没有"),
    (r"(?<![\d.])8(?=太|清楚|知道|晓得|懂|记得|确定|行|是|会|用)", "不"),  # 8太清楚 = 不太清楚
    (r"勿晓得|弗晓得|伐晓得|晓不得|唔知|不造|母鸡", "不知道"),
    (r"清爽|清处|青楚|晴楚|请楚|情楚|清粗|清出(?=[,，。!！~]|$)", "清楚"),
    (r"(?<=[不没]太)清除|(?<=[不没])清除(?=[,，。!！~]|$)", "清楚"),  # 不太清除: typed fast
    (r"弗(?=[对是会要能好清晓知懂做签])", "不"),
    (r"布吉岛|不鸡道|不知岛", "不知道"),
    (r"^mei(?=[\u4e00-\u9fff])", "没"),  # mei跟: pinyin then the verb
    (r"^(?:灭有|美有)(?=[\u4e00-\u9fff])", "没有，"),  # 灭有 跟政府不熟: the answer, then why
    (r"灭有|(?<![完精审])美有", "没有"),  # typed fast: 灭有 / 美有 = 没有
    (r"木(?=人|啥|得)", "没"),  # 木人管 = 没人管
    (r"知到|只道(?=[,，。!！~]|$)", "知道"),
    (r"(?<=有)勿(?=有)", "没"),  # 有勿有 = 有没有
    (r"(?<=[我你他她侬讲说])勿|勿(?=[是要用大会晓清懂能好讲准记得允许准得拆登分锁带对出够])", "不"),
    (r"唔系好(?=清楚|确定|明白|了解|肯定)", "不太"),  # 唔系好清楚 = 不太清楚
    (r"唔(?!该)(?=[\u4e00-\u9fff])", "不"),  # (唔，有的: a filler; 唔该: thanks)
    # Cantonese, read after OpenCC (係 is 系 by then): 唔系，头先嗰题系冇 = 不是，刚才那题是没有
    (r"(?<=[不都就也还仲])系|(?<![体联关派维世直院水星谱母父嫡])系(?=没有|有|不|咪|啊|呀|[,，。!！]|$)", "是"),
    (r"头先", "刚才"),
    (r"[嗰𠮶]", "那"),
    (r"咗", "了"),
    (r"喺度|喺", "在"),
    (r"仲(?!裁)", "还"),
    (r"乜嘢|乜|咩", "什么"),
    (r"啲", "些"),
    (r"嚟", "来"),
    (r"(?<=[\d一二两三四五六七八九十几])宗", "起"),  # 一宗都冇: a case
    (r"廿(?=[一二三四五六七八九])", "二十"),
    (r"廿", "二十"),
    (r"参(?=[佰百仟千拾十万家次起场人个类种位成])", "三"),  # 參佰 (OpenCC: 参): the financial 叁 typed 參
    # typed by ear or by a voice input: 每有 = 没有 (never 每有新人入职都签, whenever), 作到 = 做到, 以经 = 已经
    (r"每有(?![^,，。;；]{0,10}(?:就|都|便|时|的时候|则))", "没有"),
    (r"作到", "做到"),
    (r"以经", "已经"),
    (r"千(?=了字|过字|字了|了协议|了名)", "签"),
    (r"阿拉|俺们|俺", "我们"),
    (r"伊拉|佢哋", "他们"),
    (r"侪", "都"),
    (r"迭个|迭种|迭项|迭只|迭", "这个"),
    (r"事体", "事情"),
    (r"辰光", "时间"),
    (r"一个(?:都)?不多[,，]?一个(?:都)?不少|一个(?:都)?不少[,，]?一个(?:都)?不多", "不多不少"),  # no figure of its own
    (r"(?<=[有做签弄搞])额", "的"),
    (
        r"(?<=[\u4e00-\u9fff])(?<![金限份名配定余差总超数面])额(?=有|是|呢|啊|哦|[,，。!！~]|$)",
        "的",
    ),  # 工作额有 = 工作的有
    (r"额$", "的"),
    (r"嘅", "的"),
    (r"睇", "看"),
    (r"啥子", "什么"),
    (r"嘎哈|干哈", "干啥"),
    (r"伐(?=[,，。?？…]|$)", "吗"),
    (r"肿么", "怎么"),
    (r"神马", "什么"),
    (r"酱紫", "这样"),
    (r"有得(?=[,，。!！~]|$)", "有的"),
]


def _dialect(t: str) -> str:
    for pattern, repl in _DIALECT:
        t = re.sub(pattern, repl, t)
    return t


# 1,080 / 12,000: a thousands separator (a first group of three digits, 500,470, is two numbers in a list)
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{3})+(?![\d,]|\.\d)")


_FIGURES_IN_BRACKETS = re.compile(r"[（(]([^（）()]*?[\d一二两三四五六七八九十][^（）()]*?[、,，和][^（）()]*)[）)]")


_YEAR_IN_BRACKETS = re.compile(
    r"([（(])\s*((?:19[89]|20[0-4])\d)\s*([）)])(?!\s*[沪京津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新])"
)
# 松市监案处〔2024〕8号 / 2024.3、2024.11: a document number or a date, never a count
_DOCUMENT_NUMBER = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d+\s*号")
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?:19|20)\d{2}\s*[./]\s*(?:1[0-2]|0?[1-9])(?:\s*[./]\s*(?:3[01]|[12]\d|0?[1-9]))?(?![\d.])|"
    r"(?<![\d.·•・])(?:1[0-2]|[1-9])\s*[·•・]\s*(?:3[01]|[12]\d|[1-9])(?![\d.·•・])"  # 4·26 / 3·15: a day named
)
# 2 000 / 1 200: a thousands separator typed as a space (after NFKC, so a full-width space too)
_SPACED_THOUSANDS = re.compile(r"(?<![\d.])(?<!\d )(\d{1,2}) (\d{3})(?![\d.])(?! \d)")  # (120 90 100: a list)
_PHONE = re.compile(r"(?<![\d.])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)|(?<![\d.])0\d{2,3}[\s-]\d{7,8}(?!\d)")


def without_dates(t: str) -> str:
    """松市监案处〔2024〕8号 / 2024.3、2024.11 (in a normalized reply): a document number or a date, never a count.
    Kept out of ``normalize``: only the reading of figures needs it (the combiner's features stay as trained)."""
    return _DOTTED_DATE.sub("（日期）", _DOCUMENT_NUMBER.sub("（文号）", t))


def normalize(text: str) -> str:
    """NFKC (full-width to half-width), lower case, emoji to words, spaces inside Chinese removed."""
    t = _PHONE.sub("（电话）", text or "")  # 138 1234 5678 / 021-67891234: a number that names, never a count
    t = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), t)
    t = _FIGURES_IN_BRACKETS.sub(r"：\1，", t)  # 4起（立案2、调解2）: a breakdown, its own clauses
    t = _YEAR_IN_BRACKETS.sub(r"\1\2年\3", t)  # 华谊精密（2021）: a year, not a count
    t = _NOT_CAPITAL.sub("\x01", _T2S.convert(t))  # 陆续 / 大陆: 陆 here is no financial numeral 六
    t = unicodedata.normalize("NFKC", t).translate(_CAPITAL).replace("\x01", "陆")
    t = _SPACED_THOUSANDS.sub(r"\1\2", t)
    t = re.sub(  # 120 90 100: three or more figures listed with spaces (3 0 0 is one figure typed apart)
        r"(?<![\d.])\d{2,}(?: +\d{2,}){2,}(?![\d.])", lambda m: "、".join(m.group(0).split()), t
    )
    t = re.sub(r"(?<=[1-9])[oO]{1,3}(?![a-zA-Z\d])", lambda m: "0" * len(m.group(0)), t)  # 3oo人次: zeros typed as o
    t = re.sub(r"\s*\|\s*", "，", t)  # 会员 56 家｜受训 29 家: a table row typed in a chat
    t = re.sub(r"(?<=[\u4e00-\u9fff])\s*[×✕✖*]\s*(?=\d)", "", t)  # 律所×2: a count, not a cross
    t = re.sub(r"(?:^|(?<=[^\d.\s]))\s*~\s*(?=\d)", "约", t)  # ~300: about, not a range
    t = re.sub(r"\s*(?:➡️|➡|⇒|⟶|⮕|👉)\s*(?=\d)", "→", t)  # 350➡️250: an arrow drawn as an emoji
    t = _MID_EMOJI.sub(lambda m: f"，{_EMOJI_WORDS.get(m.group(1), '')}，" if m.group(1) in _EMOJI_WORDS else "，", t)
    for emoji, word in _EMOJI_WORDS.items():
        t = t.replace(emoji, f" {word} ")
    t = _DECORATION.sub(" ", t)
    t = _english(_QUOTES.sub(" ", t).lower())
    t = _UNIT_KEY.sub(r"\2\1", t)  # types: 3, units: 7 / 类=3: the figure before what it counts
    t = _spaces(t)
    t = _dialect(re.sub(r"\s+", " ", t).strip())
    return _REPEAT.sub(r"\1", t)


# clause boundaries: punctuation, and the contrast words that start a new clause
_SPLIT = re.compile(r"(?:[,;!?，。；！？\n~…:：]|(?<!\d)\.|\.(?!\d))+|\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+")
_CONTRAST = re.compile(r"(但是|但|可是|不过(?!来)|然而|只不过|就是说?还|却)")  # 签不过来: cannot keep up


def split_clauses(text: str) -> list[tuple[str, bool]]:
    """Clauses of a normalized reply, each with whether a contrast word (但是, 不过 …) opened it."""
    out: list[tuple[str, bool]] = []
    for part in _SPLIT.split(text):
        part = part.strip()
        if not part:
            continue
        buf, contrast = "", False
        for p in _CONTRAST.split(part):
            if _CONTRAST.fullmatch(p):
                if buf:
                    out.append((buf, contrast))
                buf, contrast = "", True
            else:
                buf += p
        if buf:
            out.append((buf, contrast))
    return out


def clauses(text: str) -> list[str]:
    """Clauses of a normalized reply; a contrast word (但是, 不过 …) starts a new clause."""
    return [c for c, _ in split_clauses(text)]


_DIGITS = "零〇一二两俩仨三四五六七八九"
_NUMERAL_RUN = re.compile(rf"[{_DIGITS}十百千万亿点]+")
# words whose 一/十/万 is not a number
_NOT_NUMERAL = re.compile(
    r"一直|一下|一些|一般|一定|一样|一致|一律|一共|统一|一旦|一贯|一切|一点|一块|一线|一把手|唯一|"
    r"一起(?=[做干搞来去参学讨开办弄研]|商(?!秘|业))|一同|一道|一并|一时|一向|一手|一体|一再|万一|千万|十分|"
    r"一个不落|一个不少|一个都不少|一个没落|一个也没落|一个都没落|无一|一视同仁|不一|一带|一方面|"
    r"(?<=不是)同一(?=[个起件家批])|(?<=并非)同一(?=[个起件家批])|一丢丢|一咪咪|一大截|一截|一开始|一早|一路|一概|一应|一整套|一系列|一套|(?<!分)之一|九亭|九里亭|九峰|七宝|一口气|一番|一阵|一步步|一步一步|一步|一环|一关|一半|数一数二|独一无二|一流|"
    r"零部件|零配件|零件|零售|零星|零散|零碎|零食|零钱|零花|零工|零距离|零容忍|零事故|零风险|一会儿?|一阵子?|一时半会|一下子|一把|一块儿|一律|一旁|一身|一头|一心|一刀切|一清二楚|一五一十|三天两头|七七八八|乱七八糟|一来二去|"
    r"(?:另|另外|其中)?一(?:个|位|名)(?=同事|人负责|人在管|人管|部门|科室|领导|专人)"
)


_TOGETHER = re.compile(
    r"((?:^|[,，。;；\s])[^,，。;；、\d一]{0,8}?(?:和|跟|与|同|配合)[^,，。;；、\d一]{1,10})一起(?=[\u4e00-\u9fff])"
)


def _to_number(run: str) -> float | None:
    run = run.replace("两", "二").replace("俩", "二").replace("仨", "三").replace("〇", "零")
    try:
        value = cn2an.cn2an(run, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


_MIXED = re.compile(r"(?<![\d.])\d[十百千](?:\d[十百千]?)+(?![\d.])")
_TO_HAN = str.maketrans("0123456789", "零一二三四五六七八九")


@lru_cache(maxsize=2048)
def _plain(x: float) -> str:
    """A number written out in digits, never in exponent form (800万 is 8000000, not 8e+06)."""
    return f"{x:.6f}".rstrip("0").rstrip(".") if not float(x).is_integer() else str(int(x))


def arabic(text: str) -> str:
    """Chinese numerals to digits inside a normalized sentence: 两次 -> 2次, 一万二 -> 12000, 1.2万 -> 12000.

    Idioms that contain numerals (一直, 一起做, 一个不落 …) are left alone, and so is 两 where it is
    not a count (cn2an leaves 两 as is in sentences, hence our own pass).
    """
    protected: list[str] = []

    def protect(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    t = _MIXED.sub(
        lambda m: m.group(0).translate(_TO_HAN), text
    )  # 2百9十 = 二百九十: one numeral, typed half in digits
    t = _TOGETHER.sub(r"\1一同", t)  # 和市监所一起查办过两起: together, not one case
    t = _NOT_NUMERAL.sub(protect, t)

    def conv(m: re.Match[str]) -> str:
        run = m.group(0)
        lead = (
            " " if m.start() and m.string[m.start() - 1].isdigit() and run[0] in "一二两三四五六七八九十零〇" else ""
        )  # 一场200一场150
        while run.startswith("点"):  # 示范点三家: 点 here ends a word, it is not a decimal point
            lead, run = lead + "点", run[1:]
        if not run or run in ("万", "亿", "千", "百"):
            return lead + run
        if run == "三两":  # 三两起 = a few, two or three (never 32)
            return f"{lead}2-3"
        split = re.fullmatch(r"(.+[百千万])([一两])", run)
        if split and re.match(r"[场次期回批轮家起]", m.string[m.end() :]):  # 一场三百一场二百五: 300, then 一场
            head = _to_number(split.group(1))
            if head is not None:
                return f"{lead}{_plain(head)} {_plain(1 if split.group(2) == '一' else 2)}"
        # 三四百 / 两三次 / 七八十: adjacent digits are a range, kept as "a-b"
        rng = re.fullmatch(rf"([{_DIGITS}])([{_DIGITS}])([十百千万]?)", run)
        if rng and rng.group(1) != rng.group(2) and "零" not in run[:2]:
            a, b = _to_number(rng.group(1) + rng.group(3)), _to_number(rng.group(2) + rng.group(3))
            if a is not None and b is not None and b > a:
                return f"{lead}{_plain(a)}-{_plain(b)}"
        # 四百八九 / 两千三四: the last two digits adjacent, a range of the next order down (480-490)
        tail = re.fullmatch(rf"(.+?[百千万])([{_DIGITS}])([{_DIGITS}])([十百千]?)", run)  # 四百八九十 / 两千三四百
        if tail:
            head = _to_number(tail.group(1))
            a, b = _to_number(tail.group(2)), _to_number(tail.group(3))
            if head is not None and a is not None and b == a + 1 and tail.group(2) not in "零〇":  # 三百零一 = 301
                implied = {"百": 10, "千": 100, "万": 1000}[tail.group(1)[-1]]
                step = {"十": 10, "百": 100, "千": 1000}.get(tail.group(4), implied)
                return f"{lead}{_plain(head + a * step)}-{_plain(head + b * step)}"
        trailing = ""
        while run and run[-1] in "点":
            run, trailing = run[:-1], run[-1] + trailing
        value = _to_number(run)
        return lead + (run + trailing if value is None else f"{_plain(value)}{trailing}")

    t = _NUMERAL_RUN.sub(conv, t)
    t = re.sub(r"(\d+(?:\.\d+)?)\s*k(?![a-z])", lambda m: _plain(float(m.group(1)) * 1000), t)  # 1k左右 / 1.2k
    t = re.sub(r"(\d+(?:\.\d+)?)\s*w(?![a-z])", lambda m: _plain(float(m.group(1)) * 10000), t)  # 0.5w / 1w+ (万)
    # 1.2万 / 3千 / 12万5: digit followed by a magnitude
    t = re.sub(r"(\d+(?:\.\d+)?)万(\d+)?", lambda m: _plain(float(m.group(1)) * 10000 + _tail(m.group(2), 1000)), t)
    t = re.sub(r"(\d+(?:\.\d+)?)千(\d+)?", lambda m: _plain(float(m.group(1)) * 1000 + _tail(m.group(2), 100)), t)
    t = re.sub(r"(\d+(?:\.\d+)?)百(\d+)?", lambda m: _plain(float(m.group(1)) * 100 + _tail(m.group(2), 10)), t)
    t = _LISTED_RANGE.sub(
        lambda m: f"{m.group(1)}-{m.group(2)}" if int(m.group(2)) == int(m.group(1)) + 1 else m.group(0), t
    )
    return re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], t)


# 2、3次 / 4、5家: two neighbouring figures before one unit are a range (两三次), not a list to add up
_LISTED_RANGE = re.compile(r"(?<![\d.、])(\d)\s*、\s*(\d)(?=\s*(?:次|家|个|起|场|类|回|人次|期|名|位)(?!\S*各))")


def _tail(digits: str | None, scale: int) -> float:
    """一万二 = 1万2 = 12000: a bare digit after a magnitude is the next order down."""
    if not digits:
        return 0.0
    return float(digits) * scale if len(digits) == 1 else float(digits)


# 22年5次，23年只有2次 / 22、23年各1起 / （22年是600）: a two-digit year is a year (2015–2035), not a count;
# 20年了 / 近20年 / 这20年来 stay a span of years
_SHORT_YEAR = re.compile(
    r"(?:(?<=^)|(?<=[,，。;；、（(\s:：在是于从和到至]))(1[5-9]|2\d|3[0-5])(?=(?:[、和到至-](?:1[5-9]|2\d|3[0-5]))*年(?![来了间多以前后代]))"
)


# ①…②… / ⑴ / ❶ / 一是…二是… / "1." or "1、" opening a line: places in a list, not counts
_PLACE_MARK = re.compile(
    r"[\u2460-\u249b\u24f5-\u24fe\u2776-\u277f]"
    r"|^\s*[(（]?\d{1,2}\s*[)）.、．](?!\d)"
    r"|(?<![统唯第之万单])[一二三四五六七八九十]是(?=\S)",
    re.MULTILINE,
)


def list_places(text: str) -> str:
    """The place marks of a list (two or more) become breaks, so 律所（2家）②鉴定所（1家） is not read as
    1+2+2+1: a clause break between items that tell figures or stories, 、 between bare names."""
    marks = list(_PLACE_MARK.finditer(text))
    if len(marks) < 2 or not any("二" in m.group(0) or "2" in m.group(0) or m.group(0) in "②⑵⒉❷" for m in marks):
        return text
    items = _PLACE_MARK.split(text)
    head, rest = items[0], [i.strip(" ，,;；。") for i in items[1:]]
    told = any(
        len(i) > 16 or re.search(r"\d|[一二三四五六七八九十两](?:家|起|次|场|个|件|类)|了|过|已|在|签|协助|帮", i)
        for i in rest
    )
    head = head.strip(" ，,;；。")
    return head + ("；" if told and head else "") + ("；" if told else "、").join(i for i in rest if i)


def full_years(text: str) -> str:
    """Two-digit years written out in full (22年 -> 2022年), for the figures and the year rules."""
    return _SHORT_YEAR.sub(lambda m: f"20{m.group(1)}", text)
