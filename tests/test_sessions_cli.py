"""`shangmi sessions`: officers and units export a stored chat self-assessment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.bootstrap import build
from app.cli import main
from bot.session import UserEvent


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A chat through the service layer, as the action server takes it (conversation chat-42)."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    services = build(url)
    for ev in [
        UserEvent("answer", "", "choose_unit_type", {"unit_type": "point"}),
        UserEvent("answer", "星辰芯片有限公司", "inform_text"),
        UserEvent("answer", "全部跳过", "skip"),
        UserEvent("answer", "有", "affirm"),
        UserEvent("answer", "部分", "partial"),
    ]:
        services.assessments.take_turn("chat-42", ev)
    return url


def test_list_shows_progress_without_answers(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "示范点" in out and "2/50 项" in out and "星辰芯片有限公司" in out


def test_report_of_a_stored_session(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "report", "chat-42", "--db", db, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["base"] == 3 + 2 * 0.5 and report["unit"] == {"name": "星辰芯片有限公司"}
    assert len(report["unconfirmed"]) == 48


def test_unknown_session_is_a_clear_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "report", "nobody", "--db", db]) == 2
    assert "no self-assessment with id 'nobody'" in capsys.readouterr().err


def test_list_shows_scores_for_officers(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["sessions", "list", "--db", db])
    line = next(x for x in capsys.readouterr().out.splitlines() if "星辰芯片" in x)
    assert "\t4/0/4\t48\t" in line  # point.1 3 + point.2 partial 1; 48 of 50 still 待确认


def test_answers_export_round_trips_through_score(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "answers.yml"
    assert main(["sessions", "answers", "chat-42", "--db", db, "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["score", "point", str(out), "--format", "json"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert main(["sessions", "report", "chat-42", "--db", db, "--format", "json"]) == 0
    assert scored == json.loads(capsys.readouterr().out)
