"""Rasa's REST channel, without the unit's message in the server log.

Rasa 3.6's REST channel logs the message text when a turn times out or fails
(``rest.message.received.timeout`` / ``.failure``, at error level, so no log level hides it).
Answers reveal a unit's weaknesses and must never reach a log: this channel is the same
channel under the same name (``/webhooks/rest/webhook``), with its module's logger wrapped so
that every event it logs loses its ``text``. credentials.yml names it instead of ``rest``.

Runs in the Rasa venv (Python 3.10); kept out of the core's mypy run for that reason.
"""

from __future__ import annotations

from typing import Any

import rasa.core.channels.rest as _rest
from rasa.core.channels.rest import RestInput

DROPPED = ("text", "message", "user_message")


class _WithoutText:
    """A structlog logger that drops the message's keys from every event before logging it."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._inner, name)
        if not callable(method):
            return method

        def log(*args: Any, **kw: Any) -> Any:
            return method(*args, **{k: v for k, v in kw.items() if k not in DROPPED})

        return log


if not isinstance(_rest.structlogger, _WithoutText):
    _rest.structlogger = _WithoutText(_rest.structlogger)


class PrivateRestInput(RestInput):
    """The REST channel at its usual address; only its logging differs (see the module's docstring)."""

    @classmethod
    def name(cls) -> str:
        return "rest"
