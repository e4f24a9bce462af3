"""继续 / 你好: resume where the user stopped, or start."""

from __future__ import annotations

from .base import EngineAction


class ActionResume(EngineAction):
    action_name = "action_resume"
    command = "resume"
