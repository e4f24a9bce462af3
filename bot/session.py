"""The chat's data: the session stored after every turn, the user's event and the assistant's messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from .reading import Hint

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
    # what a correction changed, apart from the question asked again after it: several changes in one message and a
    # correction said with the next answer tell it once without reading it back out of the text
    changed: str | None = None


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
    # the answer a correction replaced ({"criterion", "value", "words"}): 还是按我第一次说的 puts it back
    replaced: dict[str, Any] | None = None

    @property
    def unit(self) -> dict[str, str]:
        """The 申报表 fields filled in so far (skipped ones left out), as reports show them."""
        return {k: v for k, v in self.basics.items() if v}


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


def _hint(ev: UserEvent) -> Hint:
    """The NLU's opinion on this turn, for the reading; a button payload carries no text."""
    return Hint(intent=ev.intent, confidence=ev.confidence, entities=ev.entities, button=not ev.text.strip())
