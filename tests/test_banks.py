"""The answer banks, the trained combiner and the evaluation gate (issue 6).

The held-out bank (tests/answer_bank) must stay held out: none of its phrasings may be in the
NLU training data or in a development bank the combiner learns from.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.answer_bank import BOOLEAN_LABELS, load_bank, matches
from bot.answer_model import DEV_BANKS, AnswerModel, dev_cases, examples_from, rule_tokens
from bot.rubric import UNIT_TYPES, Rubric, load_rubric
from bot.verdict import analyze, context

ROOT = Path(__file__).resolve().parent.parent
RUBRICS: dict[str, Rubric] = {ut: load_rubric(ut) for ut in UNIT_TYPES}
sys.path.insert(0, str(ROOT / "scripts"))


def _texts(folder: Path) -> set[str]:
    """Phrasings of five characters or more: shorter ones (有, 没有, 3次) are what every writer types."""
    return {t for c in load_bank(folder) for m in c.messages if len(t := " ".join(m.split())) >= 5}


@pytest.mark.parametrize("bank", ["answer_bank", *DEV_BANKS])
def test_every_bank_is_well_formed(bank: str) -> None:
    cases = load_bank(ROOT / "tests" / bank)
    assert len(cases) >= (
        800 if bank == "answer_bank" else 150
    )  # the issue asks 800 of the held-out bank; a dev bank is one writer's theme
    for case in cases:
        c = RUBRICS[case.criterion.split(".")[0]].get(case.criterion)
        e = case.expect
        if e in ("reask", "unknown"):
            continue
        if c.expects == "boolean":
            assert e in BOOLEAN_LABELS, case.id
        elif c.rule.kind == "tier":
            assert e in [t.name for t in c.rule.tiers] + ["none"], case.id  # type: ignore[union-attr]
        elif c.rule.kind == "per_count":
            assert isinstance(e, dict) and "count" in e, case.id
        elif c.rule.kind == "two_part":
            assert isinstance(e, dict) and set(e) == {"types", "units"}, case.id
        else:
            assert isinstance(e, dict) and "meets" in e, case.id


def test_the_held_out_bank_is_large_and_covers_every_kind() -> None:
    cases = load_bank(ROOT / "tests" / "answer_bank")
    assert len(cases) >= 800
    kinds = {RUBRICS[c.criterion.split(".")[0]].get(c.criterion).rule.kind for c in cases}
    assert kinds == {"boolean", "threshold", "per_count", "tier", "two_part", "alternatives"}
    expects = {str(c.expect) for c in cases}
    assert {"met", "not_met", "partial", "unknown", "reask"} <= expects
    assert any(c.turns for c in cases)  # corrections
    assert any(c.criterion == "zone.16" for c in cases)  # the absence question


def test_held_out_phrasings_are_not_training_data() -> None:
    held_out = _texts(ROOT / "tests" / "answer_bank")
    training = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for m in re.finditer(r"^\s*- (.+)$", path.read_text(encoding="utf-8"), re.M):
            if len(t := " ".join(m.group(1).split())) >= 5:
                training.add(t)
    assert not held_out & training
    for bank in DEV_BANKS:
        assert not held_out & _texts(ROOT / "tests" / bank), bank


def test_the_combiner_learns_from_the_rules_findings() -> None:
    examples = examples_from(dev_cases(["answer_dev"]), RUBRICS)
    assert len(examples) > 300
    model = AnswerModel.train(examples)
    c = RUBRICS["point"].get("point.8")
    ctx = context(c)
    a = analyze("研发签了，销售还没签", ctx=ctx)
    probs = model.predict("研发签了，销售还没签", a, ctx)
    assert set(probs) == {"yes", "no", "partial", "unknown"} and abs(sum(probs.values()) - 1) < 1e-6
    assert max(probs, key=lambda v: probs[v]) == "partial"
    assert "SIG_yes_no" in rule_tokens(a, ctx) and "V_partial" in rule_tokens(a, ctx)


def test_absence_labels_are_turned_into_the_literal_answer() -> None:
    examples = examples_from(dev_cases(["answer_dev"]), RUBRICS)
    zone16 = [e for e in examples if e[0] == "没有发生过"]
    assert all(label == "no" for *_, label in zone16)  # "met" on zone.16 means nothing happened


def test_matches_compares_what_the_label_means() -> None:
    t = RUBRICS["station"].get("station.25")
    assert matches(t, {"meets": False}, {"value": 300, "relation": "lt"})
    assert not matches(t, {"meets": True}, {"value": 300, "relation": "lt"})
    assert matches(t, "reask", None) and not matches(t, "reask", 300)
    b = RUBRICS["point"].get("point.8")
    assert matches(b, "partial", "partial") and not matches(b, "met", "partial")


def test_the_gate() -> None:
    from answer_eval import gate

    ok: dict[str, Any] = {"accuracy": 0.99, "numbers_wrong_side": 0, "wrong_after_confirmation": 0}
    assert gate(ok, 0.98) == []
    assert gate({**ok, "accuracy": 0.97}, 0.98)
    assert gate({**ok, "numbers_wrong_side": 1}, 0.98)
    assert gate({**ok, "wrong_after_confirmation": 1}, 0.98)


def test_the_format_document_names_every_label() -> None:
    doc = (ROOT / "docs" / "answer-bank.md").read_text(encoding="utf-8")
    for word in ("met", "not_met", "partial", "unknown", "reask", "meets", "count", "types", "after"):
        assert word in doc
    assert yaml.safe_load("cases: []") == {"cases": []}
