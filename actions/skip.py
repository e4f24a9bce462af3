"""跳过: leave the current question 待确认 and move on."""

from __future__ import annotations

from .base import EngineAction


class ActionSkip(EngineAction):
    action_name = "action_skip"
    command = "skip"
