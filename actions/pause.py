"""暂停: everything is saved; the next message resumes."""

from __future__ import annotations

from .base import EngineAction


class ActionPause(EngineAction):
    action_name = "action_pause"
    command = "pause"
