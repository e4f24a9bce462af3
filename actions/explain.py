"""解释一下 / 为什么问这个: what counts and which evidence to prepare."""

from __future__ import annotations

from .base import EngineAction


class ActionExplain(EngineAction):
    action_name = "action_explain"
    command = "explain"
