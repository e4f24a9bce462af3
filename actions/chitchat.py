"""Chitchat and off-topic messages: a short reply and the current question again."""

from __future__ import annotations

from .base import EngineAction


class ActionChitchat(EngineAction):
    action_name = "action_chitchat"
    command = "chitchat"
