"""看报告: the gap report, final or provisional."""

from __future__ import annotations

from .base import EngineAction


class ActionReport(EngineAction):
    action_name = "action_report"
    command = "report"
