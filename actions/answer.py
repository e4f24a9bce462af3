"""Answers to the current question: yes/no/partial/not sure, numbers, tiers, free text, form fields."""

from __future__ import annotations

from .base import EngineAction


class ActionAnswer(EngineAction):
    action_name = "action_answer"
    command = "answer"
