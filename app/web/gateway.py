"""The chat gateway: the only caller of Rasa's REST channel.

Browsers never reach Rasa or the action server. The gateway derives the conversation id from the
assessment on the server, signs the turn (who sent which message), forwards it on loopback, and
tells the page a turn was taken only on the action server's receipt, which it signs after the
turn's transaction committed: an answer the page shows as sent is an answer on disk.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp

from ..secrets import same
from ..services.assessments import Stamp, sender_for

MAX_MESSAGE = 1000
TIMEOUT = 30.0
NOT_RECORDED = "助手暂时没有响应，刚才这条消息没有记录。请稍等片刻后重新发送。"
TOO_LONG = f"消息太长了（最多 {MAX_MESSAGE} 字）。这条没有发送，请精简后分几次发送。"
# what a button may send: our intents, with the entities our buttons carry
_PAYLOAD = re.compile(
    r"^/(?:affirm|deny|partial|unsure|explain|skip|go_back|report|start_over|progress|current_score|pause|resume|"
    r'inform_tier\{"tier":"[a-z_]{1,20}"\}|inform_text\{"choice":"[a-z_]{1,20}"\}|'
    r'choose_unit_type\{"unit_type":"(?:point|station|zone)"\}|modify\{"criterion":"[a-z]{1,8}\.B?\d{1,3}"\})$'
)
_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


@dataclass
class Turn:
    ok: bool
    messages: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""


class Channel(Protocol):
    """How the gateway reaches Rasa's REST channel: the parsed JSON of a 200 answer, else None."""

    async def post(self, url: str, body: dict[str, Any]) -> Any: ...

    async def close(self) -> None: ...


class AiohttpChannel:
    """Rasa over loopback HTTP with a kept-alive aiohttp session (a hop costs ~0.4 ms, against
    ~1.5 ms with httpx: the gateway's whole budget is 10 ms at p95)."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _client(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            self._session, self._loop = aiohttp.ClientSession(timeout=self.timeout), loop
        return self._session

    async def post(self, url: str, body: dict[str, Any]) -> Any:
        try:
            async with self._client().post(url, json=body) as r:
                return await r.json(content_type=None) if r.status == 200 else None
        except (TimeoutError, aiohttp.ClientError, ValueError):
            return None

    async def close(self) -> None:
        if self._session is not None and not self._session.closed and self._loop is asyncio.get_running_loop():
            await self._session.close()
        self._session = None


class Gateway:
    def __init__(self, rasa_url: str, channel: Channel | None = None) -> None:
        self.rasa_url = rasa_url.rstrip("/")
        self.channel = channel or AiohttpChannel()

    def check(self, message: Any) -> str | None:
        """Why a message cannot be sent, or None."""
        if not isinstance(message, str) or not message.strip():
            return "请输入内容后再发送。"
        if len(message) > MAX_MESSAGE:
            return TOO_LONG
        if message.strip().startswith("/") and not _PAYLOAD.match(message.strip()):
            return "以“/”开头的内容不能发送；请直接输入文字或点按钮。"
        return None

    async def send(self, assessment_id: int, user_id: int, message: Any, message_id: Any = None) -> Turn:
        if isinstance(message, str):  # NUL: PostgreSQL cannot store it, the turn would fail on every retry
            # and a lone surrogate ("\ud800" in the posted JSON) could be stored but never shown again
            message = message.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
        problem = self.check(message)
        if problem:
            return Turn(False, error=problem)
        mid = message_id if isinstance(message_id, str) and _MESSAGE_ID.match(message_id) else secrets.token_hex(12)
        sender = sender_for(assessment_id)
        stamp = Stamp.make(sender, mid, user_id)
        body = {"sender": sender, "message": str(message).strip(), "metadata": stamp.as_metadata()}
        data = await self.channel.post(f"{self.rasa_url}/webhooks/rest/webhook", body)
        if not isinstance(data, list):
            return Turn(False, error=NOT_RECORDED)
        messages = [m for m in data if isinstance(m, dict)]
        receipts = [m for m in messages if isinstance(m.get("custom"), dict) and "receipt" in m["custom"]]
        expected = stamp.receipt(sender)
        if not any(same(str(m["custom"]["receipt"]), expected) for m in receipts):
            return Turn(False, error=NOT_RECORDED)  # not committed (Rasa answers [] or an apology then)
        return Turn(True, [_clean(m) for m in messages if m not in receipts])

    async def close(self) -> None:
        await self.channel.close()


def _clean(m: dict[str, Any]) -> dict[str, Any]:
    """What the page needs of a Rasa message: text, buttons, the custom payload."""
    out: dict[str, Any] = {}
    if isinstance(m.get("text"), str):
        out["text"] = m["text"]
    buttons = m.get("buttons")
    if isinstance(buttons, list):
        out["buttons"] = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in buttons
            if isinstance(b, dict)
        ]
    if isinstance(m.get("custom"), dict):
        out["custom"] = m["custom"]
    return out
