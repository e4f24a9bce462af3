"""重新开始: asks for confirmation before clearing the answers."""

from __future__ import annotations

from .base import EngineAction


class ActionStartOver(EngineAction):
    action_name = "action_start_over"
    command = "restart"
