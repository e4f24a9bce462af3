"""Storage on both engines: every test runs on an SQLite file and on a private PostgreSQL database
(tests/pg.py). Migrations up and down, the append-only answer history, assessments kept apart,
the audit of reads, rubric versions — all through the services (app.bootstrap.build), the way
the action server, the CLI and the web app use them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from app.bootstrap import Services, build
from app.db import alembic_config, downgrade, upgrade
from app.db.models import Answer, AnswerHistory, Assessment, AuditLog, Conversation, RubricVersion
from app.secrets import secret_key
from app.services.accounts import actor_of
from app.services.assessments import Stamp, sender_for
from app.services.authz import Actor
from app.services.errors import Forbidden
from bot.session import Message, UserEvent

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.storage

TABLES = {
    "answer_history",
    "answers",
    "assessments",
    "audit_log",
    "chat_messages",
    "conversations",
    "invitations",
    "offices",
    "rubric_versions",
    "units",
    "users",
}


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SHANGMI_VAR", str(tmp_path / "var"))
    monkeypatch.setenv("SHANGMI_SECRET_KEY", "storage-tests-" + uuid.uuid4().hex)
    monkeypatch.delenv("SHANGMI_DB_URL", raising=False)
    monkeypatch.delenv("SHANGMI_RUBRICS", raising=False)
    secret_key.cache_clear()
    yield
    secret_key.cache_clear()


@dataclass
class World:
    """A district as the web app sets it up: an admin, an office with its officer, a unit whose
    member accepted the invitation; plus an officer of another office."""

    services: Services
    admin: Actor
    officer: Actor
    stranger: Actor  # an officer of another office
    member: Actor
    unit_id: int

    def start(self) -> int:
        return self.services.assessments.start(self.member, self.unit_id)

    def say(self, assessment_id: int, text: str, message_id: str | None = None) -> list[Message]:
        """One turn of the unit's web chat, stamped by the gateway as it forwards it to Rasa."""
        sender = sender_for(assessment_id)
        stamp = Stamp.make(sender, message_id or uuid.uuid4().hex, self.member.user_id)
        return self.services.assessments.take_turn(sender, UserEvent("answer", text), stamp)


def populate(services: Services) -> World:
    accounts = services.accounts
    admin_id = accounts.create_admin("district-admin", "admin-password-1")
    admin_user = accounts.user(admin_id)
    assert admin_user is not None
    admin = actor_of(admin_user)
    office = accounts.create_office(admin, "岳阳市场监管所")
    other_office = accounts.create_office(admin, "永丰市场监管所")
    officer = actor_of(
        accounts.accept_invitation(accounts.create_officer(admin, "li.wei", "李伟", office).token, "officer-pass-1")
    )
    stranger = actor_of(
        accounts.accept_invitation(
            accounts.create_officer(admin, "wang.fang", "王芳", other_office).token, "officer-pass-2"
        )
    )
    unit_id, invitation = accounts.create_unit(officer, "上海松江星辰芯片科技有限公司", "point", "xingchen")
    member = actor_of(accounts.accept_invitation(invitation.token, "unit-password-1"))
    return World(services, admin, officer, stranger, member, unit_id)


def criterion(messages: list[Message]) -> str | None:
    asked = [m.custom["criterion"] for m in messages if m.custom and "criterion" in m.custom]
    return asked[-1] if asked else None


def history(services: Services, assessment_id: int) -> list[tuple[Any, ...]]:
    with services.sessions() as db:
        rows = db.execute(
            sa.select(
                AnswerHistory.id,
                AnswerHistory.criterion_id,
                AnswerHistory.value,
                AnswerHistory.words,
                AnswerHistory.actor_id,
                AnswerHistory.message_id,
                AnswerHistory.at,
            )
            .where(AnswerHistory.assessment_id == assessment_id)
            .order_by(AnswerHistory.id)
        )
        return [tuple(r) for r in rows]


def current_answers(services: Services, assessment_id: int) -> dict[str, Any]:
    with services.sessions() as db:
        rows = db.scalars(sa.select(Answer).where(Answer.assessment_id == assessment_id))
        return {r.criterion_id: r.value for r in rows}


def tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def revisions(url: str) -> list[str]:
    """Every migration, newest first."""
    return [s.revision for s in ScriptDirectory.from_config(alembic_config(url)).walk_revisions()]


def version_in_db(url: str) -> str | None:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


# ── migrations ──────────────────────────────────────────────────────────────
def test_migrations_up_and_down_on_an_empty_database(db_url: str) -> None:
    upgrade(db_url)
    assert tables(db_url) == TABLES | {"alembic_version"}
    assert version_in_db(db_url) == revisions(db_url)[0]
    upgrade(db_url)  # idempotent
    downgrade(db_url, "base")
    assert tables(db_url) == {"alembic_version"} and version_in_db(db_url) is None
    upgrade(db_url)
    assert tables(db_url) == TABLES | {"alembic_version"}
    services = build(db_url)
    assert set(services.assessments.sync_rubrics()) == {"point", "station", "zone"}
    services.db.dispose()


def test_migrations_down_and_up_on_a_filled_database(db_url: str) -> None:
    services = build(db_url)
    world = populate(services)
    aid = world.start()
    for text in ["有", "没有", "部分", "不对，刚才那题应该是有", "不清楚"]:
        world.say(aid, text)
    with services.sessions() as db:
        assert db.scalar(sa.select(sa.func.count(AnswerHistory.id))) == 5
        assert db.scalar(sa.select(sa.func.count(AuditLog.id))) > 10
    services.db.dispose()

    # every migration down, one at a time, with the records in place; then back up to the head
    steps = revisions(db_url)
    for i, rev in enumerate(steps):
        assert version_in_db(db_url) == rev
        downgrade(db_url, steps[i + 1] if i + 1 < len(steps) else "base")
    assert tables(db_url) == {"alembic_version"}
    for rev in reversed(steps):
        upgrade(db_url, rev)
        assert version_in_db(db_url) == rev
    assert tables(db_url) == TABLES | {"alembic_version"}

    # the schema works again from scratch: the same district can be set up anew
    services = build(db_url)
    world = populate(services)
    aid = world.start()
    assert criterion(world.say(aid, "有")) == "point.2"
    assert current_answers(services, aid) == {"point.1": True}
    services.db.dispose()


def test_services_starting_at_once_on_a_fresh_database(db_url: str) -> None:
    """Several action servers / web workers starting together on an empty database: each runs the
    migrations and records the rubric versions; all must come up, with one schema and one version
    of each rubric."""
    code = "import sys; from app.bootstrap import build; build(sys.argv[1]).db.dispose()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, db_url], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], "\n".join(errors)
    services = build(db_url)
    with services.sessions() as db:
        assert db.scalar(sa.select(sa.func.count(RubricVersion.id))) == 3
    assert version_in_db(db_url) == revisions(db_url)[0]
    services.db.dispose()


# ── answers ─────────────────────────────────────────────────────────────────
def test_answer_history_is_append_only_and_a_correction_appends(db_url: str) -> None:
    services = build(db_url)
    world = populate(services)
    aid = world.start()
    assert criterion(world.say(aid, "有")) == "point.2"
    assert criterion(world.say(aid, "有", message_id="m-2")) == "point.3"
    before = history(services, aid)
    assert [(r[1], r[2], r[3]) for r in before] == [("point.1", True, "有"), ("point.2", True, "有")]
    assert {r[4] for r in before} == {world.member.user_id} and before[1][5] == "m-2"

    # the same message again (the gateway retried after a timeout): nothing is recorded twice
    world.say(aid, "有", message_id="m-2")
    assert history(services, aid) == before

    # a correction in one message replaces the answer and appends to the history
    msgs = world.say(aid, "不对，刚才那题应该是没有")
    assert criterion(msgs) == "point.3"
    after = history(services, aid)
    assert after[: len(before)] == before  # earlier rows untouched
    assert [(r[1], r[2]) for r in after[len(before) :]] == [("point.2", False)]
    assert current_answers(services, aid) == {"point.1": True, "point.2": False}

    # going back to question 1 and changing it: one more row, the old ones stay
    assert criterion(world.say(aid, "修改第1题")) == "point.1"
    world.say(aid, "部分")
    final = history(services, aid)
    assert final[: len(after)] == after
    assert [(r[1], r[2]) for r in final[len(after) :]] == [("point.1", "partial")]
    assert current_answers(services, aid) == {"point.1": "partial", "point.2": False}
    ids = [r[0] for r in final]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    with services.sessions() as db:  # one current row per criterion, the history in full
        assert db.scalar(sa.select(sa.func.count(Answer.id)).where(Answer.assessment_id == aid)) == 2
    services.db.dispose()


def test_two_assessments_of_the_same_unit_never_share_answers(db_url: str) -> None:
    services = build(db_url)
    world = populate(services)
    first = world.start()
    for _ in range(3):
        world.say(first, "有")
    second = world.start()
    assert second != first and sender_for(second) != sender_for(first)
    for _ in range(2):
        world.say(second, "没有")
    world.say(first, "部分")

    assert current_answers(services, first) == {"point.1": True, "point.2": True, "point.3": True, "point.4": "partial"}
    assert current_answers(services, second) == {"point.1": False, "point.2": False}
    assert services.assessments.conversation_answers(sender_for(second)) == {"point.1": False, "point.2": False}
    assert [r[2] for r in history(services, first)] == [True, True, True, "partial"]
    assert [r[2] for r in history(services, second)] == [False, False]
    rows = {r.id: r for r in services.assessments.for_unit(world.member, world.unit_id)}
    assert set(rows) == {first, second}
    assert (rows[first].answered, rows[second].answered) == (4, 2)
    assert rows[first].base > 0 and rows[second].base == 0
    with services.sessions() as db:
        convs = list(db.scalars(sa.select(Conversation).order_by(Conversation.assessment_id)))
        assert [(c.id, c.assessment_id) for c in convs] == [(sender_for(first), first), (sender_for(second), second)]
    services.db.dispose()


def test_a_chat_turn_without_a_valid_stamp_records_nothing(db_url: str) -> None:
    services = build(db_url)
    world = populate(services)
    aid = world.start()
    sender = sender_for(aid)
    forged = Stamp("m-1", world.member.user_id, Stamp.make(sender, "m-1", 0).ts, "0" * 64)
    for stamp in (None, forged, Stamp.make(sender_for(aid + 1), "m-2", world.member.user_id)):
        msgs = services.assessments.take_turn(sender, UserEvent("answer", "有"), stamp)
        assert "登录" in (msgs[0].text or "")
    assert history(services, aid) == [] and current_answers(services, aid) == {}
    services.db.dispose()


# ── audit ───────────────────────────────────────────────────────────────────
def reads(services: Services, assessment_id: int) -> list[tuple[int | None, str]]:
    with services.sessions() as db:
        rows = db.execute(
            sa.select(AuditLog.actor_id, AuditLog.action)
            .where(
                AuditLog.object_type == "assessment",
                AuditLog.object_id == str(assessment_id),
                AuditLog.action.in_(["assessment.read", "assessment.export"]),
            )
            .order_by(AuditLog.id)
        )
        return [(r[0], r[1]) for r in rows]


def test_audit_log_records_a_read_by_an_officer_not_by_the_unit_itself(db_url: str) -> None:
    services = build(db_url)
    world = populate(services)
    aid = world.start()
    world.say(aid, "我们早就成立了商业秘密保护领导小组")
    world.say(aid, "没有")

    services.assessments.report(world.member, aid)
    services.assessments.answers_file(world.member, aid)
    assert reads(services, aid) == []  # the unit reading its own assessment is not an event

    report = services.assessments.report(world.officer, aid)
    assert report["assessment"]["id"] == aid
    assert reads(services, aid) == [(world.officer.user_id, "assessment.read")]
    services.assessments.answers_file(world.officer, aid)
    services.assessments.report(world.admin, aid)
    assert reads(services, aid) == [
        (world.officer.user_id, "assessment.read"),
        (world.officer.user_id, "assessment.export"),
        (world.admin.user_id, "assessment.read"),
    ]

    with pytest.raises(Forbidden):  # an officer of another office may not read it at all
        services.assessments.report(world.stranger, aid)
    assert len(reads(services, aid)) == 3

    # the audit log says who, what, when — never the unit's words or answers
    with services.sessions() as db:
        logged = [(r.action, r.object_id, r.detail) for r in db.scalars(sa.select(AuditLog))]
    assert "领导小组" not in repr(logged) and "没有" not in repr(logged)
    writes = [d for action, oid, d in logged if action == "answer.write" and oid == str(aid)]
    assert writes == [{"criteria": ["point.1"]}, {"criteria": ["point.2"]}]
    services.db.dispose()


# ── rubric versions ─────────────────────────────────────────────────────────
def edited_rubrics(tmp_path: Path) -> Path:
    """The rubric folder with the 示范点 table edited by the district: a new version label, and
    "partial" no longer earning half the points."""
    folder = tmp_path / "rubrics-edited"
    shutil.copytree(ROOT / "rubrics", folder)
    path = folder / "point.yml"
    text = path.read_text(encoding="utf-8")
    assert "version: '2023'" in text and "partial_ratio: 0.5" in text
    path.write_text(
        text.replace("version: '2023'", "version: '2024'", 1).replace("partial_ratio: 0.5", "partial_ratio: 0", 1),
        encoding="utf-8",
    )
    return folder


def test_an_edited_rubric_is_a_new_version_and_old_assessments_keep_theirs(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = build(db_url)
    world = populate(services)
    old = world.start()
    world.say(old, "部分")  # point.1 (3 points): half of it under the 2023 table
    old_version = services.assessments.get(world.member, old).rubric_version
    assert old_version == "2023"
    services.db.dispose()

    monkeypatch.setenv("SHANGMI_RUBRICS", str(edited_rubrics(tmp_path)))
    services = build(db_url)  # the servers restarted with the edited table
    world.services = services
    with services.sessions() as db:
        versions = list(
            db.execute(
                sa.select(RubricVersion.unit_type, RubricVersion.version).order_by(
                    RubricVersion.unit_type, RubricVersion.id
                )
            )
        )
    assert [tuple(v) for v in versions] == [
        ("point", "2023"),
        ("point", "2024"),
        ("station", "2023"),
        ("zone", "2023"),
    ]
    new = world.start()
    world.say(new, "部分")
    world.say(old, "部分")  # the old assessment goes on with its own table

    rows = {r.id: r for r in services.assessments.for_unit(world.member, world.unit_id)}
    assert (rows[old].rubric_version, rows[new].rubric_version) == ("2023", "2024")
    assert rows[old].base == 1.5 + 1.0  # point.1 3 × 0.5, point.2 2 × 0.5
    assert rows[new].base == 0
    old_report = services.assessments.report(world.member, old)
    new_report = services.assessments.report(world.member, new)
    assert old_report["assessment"]["rubric_version"] == "2023" and old_report["base"] == 2.5
    assert new_report["assessment"]["rubric_version"] == "2024" and new_report["base"] == 0
    assert old_report["assessment"]["rubric_hash"] != new_report["assessment"]["rubric_hash"]
    with services.sessions() as db:
        kept = db.get(Assessment, old)
        assert kept is not None
        old_version_id = kept.rubric_version_id
    services.db.dispose()

    services = build(db_url)  # the same files again: no further version
    with services.sessions() as db:
        assert db.scalar(sa.select(sa.func.count(RubricVersion.id))) == 4
        kept = db.get(Assessment, old)
        assert kept is not None and kept.rubric_version_id == old_version_id
    services.db.dispose()


def test_a_change_undone_across_turns_of_the_service(db_url: str) -> None:
    """The conversation state kept between turns holds what a correction replaced (found through the servers: the
    undo worked in process but not between the action server's turns)."""
    services = build(db_url)
    world = populate(services)
    aid = world.start()
    assert criterion(world.say(aid, "有")) == "point.2"
    world.say(aid, "不对，刚才那题应该是没有")
    assert current_answers(services, aid) == {"point.1": False}
    msgs = world.say(aid, "不对不对，还是按我第一次说的")
    assert current_answers(services, aid) == {"point.1": True}, [m.text for m in msgs]
    assert criterion(msgs) == "point.2"
    services.db.dispose()
