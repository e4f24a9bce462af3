"""当前得分: the score of the answers so far."""

from __future__ import annotations

from .base import EngineAction


class ActionCurrentScore(EngineAction):
    action_name = "action_current_score"
    command = "score"
