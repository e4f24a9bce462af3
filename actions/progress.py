"""进度: how many questions are answered and where we are."""

from __future__ import annotations

from .base import EngineAction


class ActionProgress(EngineAction):
    action_name = "action_progress"
    command = "progress"
