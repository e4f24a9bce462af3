"""The one base class every action shares: load the session, let the core engine
handle the turn, save, then send the messages.

Saving happens before anything is sent, so an answer the user has given is on
disk even if the reply never reaches them.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from app.services.assessments import Stamp
from bot.session import Command, Message, UserEvent

from . import runtime

logger = logging.getLogger(__name__)


def event_from_tracker(tracker: Tracker, command: Command) -> UserEvent:
    """What the user said this turn; button payloads (``/intent{...}``) carry no text."""
    latest = tracker.latest_message or {}
    text = str(latest.get("text") or "")
    if text.startswith("/"):
        text = ""
    intent_data = latest.get("intent") or {}
    entities = {e["entity"]: e.get("value") for e in latest.get("entities") or [] if "entity" in e}
    confidence = intent_data.get("confidence")
    return UserEvent(
        command=command,
        text=text,
        intent=intent_data.get("name"),
        entities=entities,
        confidence=None if confidence is None else float(confidence),
    )


def send(dispatcher: CollectingDispatcher, messages: list[Message], channel: str | None = None) -> None:
    """Send the engine's messages; a custom payload reaches every channel as ``{"custom": ...}``.

    Rasa's REST channel wraps a ``json_message`` itself; its socket.io channel passes
    it to ``emit(**json_message)``, so there it must be ``{"data": ...}``.
    """
    for m in messages:
        kwargs: dict[str, Any] = {}
        if m.buttons:
            kwargs["buttons"] = [b.model_dump() for b in m.buttons]
        if m.custom is not None:
            kwargs["json_message"] = {"data": {"custom": m.custom}} if channel == "socketio" else m.custom
        if m.text is not None:
            kwargs["text"] = m.text
        dispatcher.utter_message(**kwargs)


class EngineAction(Action, ABC):
    """Subclasses only name the action and the engine command it stands for.

    Abstract, so that rasa-sdk (which registers every concrete ``Action``
    subclass it finds) does not register the base class itself.
    """

    action_name: ClassVar[str]

    @property
    @abstractmethod
    def command(self) -> Command:
        """The engine command; subclasses set it as a class attribute."""

    def name(self) -> str:
        return self.action_name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        latest = tracker.latest_message or {}
        stamp = Stamp.from_metadata(latest.get("metadata"))
        try:
            event = event_from_tracker(tracker, self.command)
            turn = runtime.services().assessments.turn(tracker.sender_id, event, stamp)
        except Exception as exc:  # the turn's transaction rolled back: answers stay as they were
            # no message text or answers in logs: they reveal a unit's weaknesses
            logger.error("action %s failed: %s", self.action_name, type(exc).__name__)
            dispatcher.utter_message(text="抱歉，处理这条消息时出了问题。之前的回答都已保存，请再说一次或换个说法。")
            return []
        send(dispatcher, turn.messages, tracker.get_latest_input_channel())
        if turn.receipt:  # committed: the web gateway shows the turn as recorded on this, not before
            dispatcher.utter_message(json_message={"receipt": turn.receipt})
        return []
