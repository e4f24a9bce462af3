"""修改第N题 / 修改“竞业限制”那题: jump to a question, then return."""

from __future__ import annotations

from .base import EngineAction


class ActionModify(EngineAction):
    action_name = "action_modify"
    command = "modify"
