"""The labelled answer banks (``tests/answer_bank``, ``tests/answer_dev``) and how a recorded
answer is compared with a label. Format: ``docs/answer-bank.md``.

Used by ``scripts/answer_eval.py`` (the gate of ``make test``) and its tests; kept in the core so
that the comparison is the same whichever way the answers were recorded.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .quantity import as_quantity
from .rubric import AlternativesRule, Criterion, PerCountRule, Rubric, ThresholdRule, TierRule, TwoPartRule
from .scoring import score_criterion

BOOLEAN_LABELS: dict[str, Any] = {"met": True, "not_met": False, "partial": "partial", "unknown": "unknown"}


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    criterion: str
    text: str | None = None
    turns: list[str] = Field(default_factory=list)
    expect: Any
    after: str | None = None
    file: str = ""

    @model_validator(mode="after")
    def _one_way(self) -> Case:
        if (self.text is None) == (not self.turns):
            raise ValueError(f"{self.id}: give either text or turns")
        return self

    @property
    def messages(self) -> list[str]:
        return [self.text] if self.text is not None else list(self.turns)

    @property
    def category(self) -> str:
        return Path(self.file).stem


def load_bank(folder: Path | str) -> list[Case]:
    """Every case of every YAML file in ``folder``; ids must be unique."""
    cases: list[Case] = []
    seen: set[str] = set()
    for path in sorted([*Path(folder).glob("*.yml"), *Path(folder).glob("*.yaml")]):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in raw.get("cases", []):
            case = Case.model_validate({**item, "file": path.name})
            if case.id in seen:
                raise ValueError(f"{path}: duplicate case id {case.id}")
            seen.add(case.id)
            cases.append(case)
    return cases


def rubric_of(rubrics: Mapping[str, Rubric], criterion_id: str) -> Rubric:
    return rubrics[criterion_id.split(".")[0]]


def matches(c: Criterion, expect: Any, value: Any, partial_ratio: float = 0.5) -> bool:
    """Whether a stored answer is what the label means (``reask``: nothing stored)."""
    if expect == "reask":
        return value is None
    if value is None:
        return False
    if expect == "unknown":
        return bool(value == "unknown")
    rule = c.rule
    if isinstance(rule, (ThresholdRule, AlternativesRule)):
        if not isinstance(expect, dict) or "meets" not in expect:
            return bool(value == expect)
        if value == "unknown":
            return False
        status = score_criterion(c, value, partial_ratio).status
        return bool(status == ("met" if expect["meets"] else "not_met"))
    if isinstance(rule, PerCountRule):
        q = as_quantity(value)
        return q is not None and q.whole_count() == int(expect["count"])
    if isinstance(rule, TierRule):
        return bool(value == expect)
    if isinstance(rule, TwoPartRule):
        return isinstance(value, dict) and {k: int(v) for k, v in value.items()} == {
            k: int(v) for k, v in dict(expect).items()
        }
    return bool(value == BOOLEAN_LABELS.get(str(expect), expect))


def is_number_case(c: Criterion) -> bool:
    return isinstance(c.rule, (ThresholdRule, PerCountRule, AlternativesRule))
