"""上一题: step back one question, showing the earlier answer."""

from __future__ import annotations

from .base import EngineAction


class ActionGoBack(EngineAction):
    action_name = "action_go_back"
    command = "back"
