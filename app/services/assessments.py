"""Assessments: start, take a chat turn, list, report, export, submit. Used alike by the Rasa
actions, the CLI and the web app, so that none of them re-implements a flow.

A turn loads the conversation state and the assessment's answers into the core's ``Session``,
lets the dialogue engine handle it, then writes back only what changed: each changed answer
upserted with the unit's words and appended to ``answer_history``, the cached score updated, the
conversation state saved — all in one transaction, committed before the reply is sent.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as Db
from sqlalchemy.orm import sessionmaker

from bot.answers import answers_template
from bot.dialogue import Engine
from bot.report import build_report
from bot.rubric import UNIT_TYPES, FormField, Rubric, load_rubric, parse_rubric
from bot.scoring import score
from bot.session import Message, Session, UserEvent

from ..db.models import Answer, AnswerHistory, Assessment, ChatMessage, Conversation, Office, RubricVersion, Unit, now
from ..secrets import same, sign
from . import audit
from .authz import Actor, Target, require
from .errors import Invalid, NotFound

logger = logging.getLogger(__name__)

# dialogue fields of the core Session kept in the conversation (the answers live in the record)
_STATE_FIELDS = (
    "cursor",
    "return_to",
    "reviewing",
    "finished",
    "misses",
    "pending",
    "confirm",
    "paused",
    "last",
    "proposal",
    "declined",  # a proposal just declined: the next reply may limit what it said
    "replaced",  # the answer a correction replaced: 还是按我第一次说的 puts it back
)
STAMP_MAX_AGE = 300  # seconds a gateway stamp stays valid
MAX_TRANSCRIPT = 400  # messages shown after a reload


@dataclass(frozen=True)
class Stamp:
    """What the web gateway signs onto a turn it forwards to Rasa: which user sent which message."""

    message_id: str
    user_id: int
    ts: int
    sig: str

    @classmethod
    def make(cls, conversation_id: str, message_id: str, user_id: int) -> Stamp:
        ts = int(time.time())
        return cls(message_id, user_id, ts, sign("turn", conversation_id, message_id, user_id, ts))

    def valid_for(self, conversation_id: str) -> bool:
        fresh = abs(time.time() - self.ts) <= STAMP_MAX_AGE
        return fresh and same(self.sig, sign("turn", conversation_id, self.message_id, self.user_id, self.ts))

    def as_metadata(self) -> dict[str, Any]:
        return {"message_id": self.message_id, "user_id": self.user_id, "ts": self.ts, "sig": self.sig}

    def receipt(self, conversation_id: str) -> str:
        """What the action server sends back once this turn is committed: the gateway checks it
        instead of reading the database again (an answer shown as sent is an answer on disk)."""
        return sign("taken", conversation_id, self.message_id)[:32]

    @classmethod
    def from_metadata(cls, meta: Any) -> Stamp | None:
        if not isinstance(meta, dict):
            return None
        try:
            return cls(str(meta["message_id"])[:64], int(meta["user_id"]), int(meta["ts"]), str(meta["sig"]))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class AssessmentRow:
    """One line of a list: what officers and units see without opening the report."""

    id: int
    unit_id: int
    unit_name: str
    unit_type: str
    office_id: int | None
    status: str
    rubric_version: str
    answered: int
    total_criteria: int
    base: float
    bonus: float
    total: float
    unconfirmed: int
    started_at: datetime
    updated_at: datetime


OFFICE_SORTS = ("updated", "total", "name")
OFFICE_STATUSES = ("", "draft", "submitted", "fresh")


@dataclass(frozen=True)
class OfficeQuery:
    """What an officer asked of the list: which page, in which order, which units."""

    page: int = 1
    per_page: int = 50
    sort: str = "updated"  # updated | total (ranking within the quota) | name
    status: str = ""  # all started | draft | submitted | fresh (not started)

    def __post_init__(self) -> None:
        if self.sort not in OFFICE_SORTS or self.status not in OFFICE_STATUSES:
            raise Invalid("列表参数有误。")
        if not 1 <= self.per_page <= 500:
            raise Invalid("列表参数有误。")

    def pages(self, total: int) -> int:
        return max(1, -(-total // self.per_page))

    def page_in(self, total: int) -> int:
        """The page asked for, kept within the pages there are."""
        return min(max(1, self.page), self.pages(total))


@dataclass
class OfficeCounts:
    units: int = 0
    started: int = 0
    submitted: int = 0

    @property
    def fresh(self) -> int:
        return self.units - self.started


@dataclass
class OfficePage:
    """One page of an office's list, and where it sits in the whole."""

    query: OfficeQuery
    counts: OfficeCounts
    matched: int  # rows the filter matches over all pages
    rows: list[AssessmentRow] = field(default_factory=list)
    fresh: list[Unit] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.query.page_in(self.matched)

    @property
    def pages(self) -> int:
        return self.query.pages(self.matched)

    @property
    def first(self) -> int:
        """The 1-based position of the page's first row (0 when there is none)."""
        return (self.page - 1) * self.query.per_page + 1 if self.matched else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) + len(self.fresh) - 1 if self.matched else 0


@dataclass(frozen=True)
class TakenTurn:
    messages: list[Message]
    receipt: str | None  # Stamp.receipt, when a stamped turn was committed


def sender_for(assessment_id: int) -> str:
    """The Rasa sender id of an assessment's web chat: derived on the server, not guessable."""
    return f"web-{assessment_id}-{sign('sender', assessment_id)[:20]}"


def content_hash(rubric: Rubric) -> str:
    return hashlib.sha256(json.dumps(rubric.model_dump(mode="json"), sort_keys=True).encode("utf-8")).hexdigest()


ReportSink = Callable[[Session, dict[str, Any]], str]


class Assessments:
    def __init__(self, sessions: sessionmaker[Db], file_sink: ReportSink | None = None) -> None:
        self.sessions = sessions
        self.file_sink = file_sink
        self._rubrics: dict[int, Rubric] = {}
        self._owners: dict[int, Target] = {}  # assessment -> its unit and office (never change)

    # ── rubric versions ──────────────────────────────────────────────────
    def sync_rubrics(self) -> dict[str, int]:
        """Record the current rubric files as versions (a changed file is a new version)."""
        for attempt in range(3):
            try:
                return self._sync_rubrics()
            except IntegrityError:  # another server starting at the same moment recorded it first
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _sync_rubrics(self) -> dict[str, int]:
        out: dict[str, int] = {}
        with self.sessions.begin() as db:
            for ut in UNIT_TYPES:
                rubric = load_rubric(ut)
                h = content_hash(rubric)
                row = db.scalar(select(RubricVersion).where(RubricVersion.content_hash == h))
                if row is None:
                    row = RubricVersion(
                        unit_type=ut, version=rubric.version, content_hash=h, content=rubric.model_dump(mode="json")
                    )
                    db.add(row)
                    db.flush()
                out[ut] = row.id
        self._current = out
        return out

    def current_version(self, unit_type: str) -> int:
        if not getattr(self, "_current", None):
            self.sync_rubrics()
        return self._current[unit_type]

    def rubric(self, db: Db, version_id: int) -> Rubric:
        if version_id not in self._rubrics:
            row = db.get(RubricVersion, version_id)
            if row is None:
                raise NotFound("找不到这份验收表版本。")
            self._rubrics[version_id] = parse_rubric(row.content, f"rubric version {version_id}")
        return self._rubrics[version_id]

    # ── starting ─────────────────────────────────────────────────────────
    def start(self, actor: Actor, unit_id: int) -> int:
        """A new draft assessment of the unit, on the current rubric, with its web conversation."""
        with self.sessions.begin() as db:
            unit = db.get(Unit, unit_id)
            if unit is None:
                raise NotFound()
            require(actor, "assessment.start", Target(unit_id=unit.id, office_id=unit.office_id))
            a = Assessment(
                unit_id=unit.id, rubric_version_id=self.current_version(unit.unit_type), created_by=actor.user_id
            )
            db.add(a)
            db.flush()
            rubric = self.rubric(db, a.rubric_version_id)
            state = {"cursor": len(rubric.form)}  # the 申报表 is on the unit's page
            db.add(Conversation(id=sender_for(a.id), assessment_id=a.id, state=state, gated=True))
            self._update_score(a, rubric, {})
            audit.log(db, actor, "assessment.start", "assessment", a.id)
            return a.id

    # ── a chat turn ──────────────────────────────────────────────────────
    def take_turn(self, conversation_id: str, event: UserEvent, stamp: Stamp | None = None) -> list[Message]:
        """Handle one turn of a conversation and persist it before anything is sent."""
        return self.turn(conversation_id, event, stamp).messages

    def turn(self, conversation_id: str, event: UserEvent, stamp: Stamp | None = None) -> TakenTurn:
        """``take_turn``, with the stamped turn's receipt once it is committed (None when the turn
        was not taken: no valid stamp, or a reply that records nothing)."""
        with self.sessions.begin() as db:
            messages = self._take_turn(db, conversation_id, event, stamp)
            conv = db.get(Conversation, conversation_id)  # in the session already: no query
            taken = (
                stamp is not None
                and conv is not None
                and conv.last_message_id == stamp.message_id
                and stamp.valid_for(conversation_id)
            )
        # committed here: only now may the gateway be told
        return TakenTurn(messages, stamp.receipt(conversation_id) if taken and stamp is not None else None)

    def _take_turn(self, db: Db, conversation_id: str, event: UserEvent, stamp: Stamp | None) -> list[Message]:
        conv = db.get(Conversation, conversation_id, with_for_update=True)
        if conv is None:
            conv = Conversation(id=conversation_id, state={})
            db.add(conv)
            db.flush()
        actor_id: int | None = None
        if conv.gated:
            if stamp is None or not stamp.valid_for(conversation_id):
                return [Message(text="请在网页上登录后继续这份自评。")]
            actor_id = stamp.user_id
        if stamp is not None and stamp.message_id and stamp.message_id == conv.last_message_id:
            # the same message again (a retry after a timeout): the turn was already taken
            return [Message(**m) for m in conv.state.get("last_reply", [])]
        assessment = db.get(Assessment, conv.assessment_id) if conv.assessment_id else None
        if assessment is not None and assessment.status == "submitted":
            frozen = [Message(text="这份自评已经提交，不能再修改。如需修改，请联系市场监管所。")]
            if stamp is not None:  # the turn was taken, nothing changed
                conv.last_message_id = stamp.message_id
            return frozen
        session, rubric, before = self._session(db, conv, assessment)
        engine = Engine(self._engine_rubrics(rubric), report_sink=self._sink(conv, assessment))
        if conv.gated and event.command == "restart":  # a new assessment starts from the unit's page
            if stamp is not None:  # the turn was taken, nothing changed
                conv.last_message_id = stamp.message_id
            return [
                Message(text="如需重新开始，请回到“我的自评”页面新建一份自评；这一份的记录会原样保留。"),
                *engine.ask(session),
            ]
        messages = engine.handle(session, event)
        if assessment is not None and session.unit_type is None:
            # 重新开始 in a chat without a web account: the finished record stays as it is and
            # the next unit type chosen starts a new assessment
            conv.assessment_id = None
            conv.state = _dialogue_state(session, anonymous=True)
            conv.turns += 1
            audit.log(db, None, "assessment.detach", "assessment", assessment.id)
            return messages
        if assessment is None and session.unit_type:  # a chat without a web account chose its type
            assessment = self._attach(db, conv, session)
            rubric = self.rubric(db, assessment.rubric_version_id)
        if assessment is not None:
            assert rubric is not None
            self._write_answers(db, assessment, rubric, session, before, actor_id, stamp)
            self._transcript(db, assessment.id, event, messages, conv.gated)
        reply = [m.model_dump(exclude_none=True) for m in messages]
        conv.state = {**_dialogue_state(session, anonymous=assessment is None), "last_reply": reply}
        conv.turns += 1
        conv.updated_at = now()
        if stamp is not None:
            conv.last_message_id = stamp.message_id
        return messages

    def _session(
        self, db: Db, conv: Conversation, a: Assessment | None
    ) -> tuple[Session, Rubric | None, dict[str, Any]]:
        state = {k: v for k, v in (conv.state or {}).items() if k != "last_reply"}
        if a is None:
            return Session.model_validate({**state, "id": conv.id}), None, {}
        unit = db.get(Unit, a.unit_id)
        assert unit is not None
        rubric = self.rubric(db, a.rubric_version_id)
        rows = list(db.scalars(select(Answer).where(Answer.assessment_id == a.id)))
        answers = {r.criterion_id: r.value for r in rows}
        words = {r.criterion_id: r.words for r in rows}
        session = Session.model_validate(
            {
                **{k: state[k] for k in _STATE_FIELDS if k in state},
                "id": conv.id,
                "unit_type": unit.unit_type,
                "rubric_version": rubric.version,
                "basics": {k: str(v) for k, v in (unit.form or {}).items() if v},
                "answers": answers,
                "words": words,
            }
        )
        before = {"answers": dict(answers), "words": dict(words), "basics": dict(session.basics)}
        return session, rubric, before

    def _engine_rubrics(self, rubric: Rubric | None) -> dict[str, Rubric]:
        if rubric is not None:
            return {rubric.unit_type: rubric}
        with self.sessions() as db:
            return {ut: self.rubric(db, self.current_version(ut)) for ut in UNIT_TYPES}

    def _sink(self, conv: Conversation, a: Assessment | None) -> ReportSink | None:
        if conv.gated and a is not None:
            return lambda s, data: ""  # the page shows the report link itself
        return self.file_sink

    def _attach(self, db: Db, conv: Conversation, session: Session) -> Assessment:
        """A chat reached without a web account (terminal, REST on this machine) gets a local unit."""
        assert session.unit_type is not None
        unit = Unit(name=session.basics.get("name") or "本机对话自评", unit_type=session.unit_type, form={})
        db.add(unit)
        db.flush()
        a = Assessment(unit_id=unit.id, rubric_version_id=self.current_version(session.unit_type))
        db.add(a)
        db.flush()
        conv.assessment_id = a.id
        audit.log(db, None, "assessment.start", "assessment", a.id, via="chat")
        return a

    def _write_answers(
        self,
        db: Db,
        a: Assessment,
        rubric: Rubric,
        session: Session,
        before: dict[str, Any],
        actor_id: int | None,
        stamp: Stamp | None,
    ) -> None:
        old_answers, old_words = before.get("answers", {}), before.get("words", {})
        changed = [
            cid
            for cid in {*old_answers, *session.answers}
            if session.answers.get(cid) != old_answers.get(cid) or session.words.get(cid) != old_words.get(cid)
        ]
        rows = {r.criterion_id: r for r in db.scalars(select(Answer).where(Answer.assessment_id == a.id))}
        for cid in sorted(changed):
            value, words = session.answers.get(cid), session.words.get(cid, "")
            row = rows.get(cid)
            if cid not in session.answers:
                if row is not None:
                    db.delete(row)
            elif row is None:
                db.add(Answer(assessment_id=a.id, criterion_id=cid, value=value, words=words, actor_id=actor_id))
            else:
                row.value, row.words, row.actor_id, row.updated_at = value, words, actor_id, now()
            db.add(
                AnswerHistory(
                    assessment_id=a.id,
                    criterion_id=cid,
                    value=value,
                    words=words,
                    actor_id=actor_id,
                    source="chat",
                    message_id=stamp.message_id if stamp else None,
                )
            )
        if changed:
            audit.log(db, actor_id, "answer.write", "assessment", a.id, criteria=sorted(changed))
        if session.basics != before.get("basics", {}):
            unit = db.get(Unit, a.unit_id)
            assert unit is not None
            unit.form = {**(unit.form or {}), **session.basics}
            if session.basics.get("name") and unit.name in ("本机对话自评", ""):
                unit.name = session.basics["name"]
            audit.log(db, actor_id, "unit.form", "unit", unit.id)
        self._update_score(a, rubric, session.answers)
        a.updated_at = now()

    @staticmethod
    def _update_score(a: Assessment, rubric: Rubric, answers: dict[str, Any]) -> None:
        res = score(rubric, answers)
        a.answered = sum(1 for c in rubric.criteria if c.id in answers)  # 不清楚 is answered, and counted apart
        a.unconfirmed = sum(1 for c in res.criteria if c.status == "unknown")
        a.base, a.bonus, a.total = res.base, res.bonus, res.total

    @staticmethod
    def _transcript(db: Db, assessment_id: int, event: UserEvent, messages: list[Message], gated: bool) -> None:
        if not gated:
            return
        said = event.text or _button_title(db, assessment_id, event)
        if said:
            db.add(ChatMessage(assessment_id=assessment_id, role="unit", payload={"text": said[:1000]}))
        for m in messages:
            db.add(ChatMessage(assessment_id=assessment_id, role="bot", payload=m.model_dump(exclude_none=True)))

    # ── reading ──────────────────────────────────────────────────────────
    def _load(
        self, db: Db, actor: Actor, assessment_id: int, action: str = "assessment.read"
    ) -> tuple[Assessment, Unit]:
        a = db.get(Assessment, assessment_id)
        unit = db.get(Unit, a.unit_id) if a is not None else None
        if a is None or unit is None:
            raise NotFound()
        require(actor, action, Target(unit_id=unit.id, office_id=unit.office_id))  # type: ignore[arg-type]
        return a, unit

    def _read(
        self, db: Db, actor: Actor, assessment_id: int, audited_as: str
    ) -> tuple[Assessment, Unit, Rubric, dict[str, Any]]:
        """An assessment with its rubric and answers, for reading; a read by anyone but the unit is audited."""
        a, unit = self._load(db, actor, assessment_id)
        rubric = self.rubric(db, a.rubric_version_id)
        answers = {r.criterion_id: r.value for r in db.scalars(select(Answer).where(Answer.assessment_id == a.id))}
        if actor.unit_id != unit.id:
            audit.log(db, actor, audited_as, "assessment", a.id)
        return a, unit, rubric, answers

    def report(self, actor: Actor, assessment_id: int) -> dict[str, Any]:
        """The gap report (the core's JSON contract); a read by anyone but the unit is audited."""
        with self.sessions.begin() as db:
            a, unit, rubric, answers = self._read(db, actor, assessment_id, "assessment.read")
            form = {k: v for k, v in (unit.form or {}).items() if v}
            data = build_report(rubric, score(rubric, answers), form)
            data["assessment"] = {
                "id": a.id,
                "status": a.status,
                "rubric_version": rubric.version,
                "rubric_hash": self._hash(db, a.rubric_version_id),
                "started_at": a.started_at.isoformat(),
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            }
            return data

    def _hash(self, db: Db, version_id: int) -> str:
        row = db.get(RubricVersion, version_id)
        return row.content_hash[:12] if row else ""

    def answers_file(self, actor: Actor, assessment_id: int) -> str:
        """The assessment as an answers file (YAML) to edit offline and score with the CLI."""
        import yaml

        with self.sessions.begin() as db:
            _, _, rubric, rows = self._read(db, actor, assessment_id, "assessment.export")
        head = answers_template(rubric).split("answers:")[0]
        body = yaml.safe_dump(
            {"answers": {c.id: rows.get(c.id, "unknown") for c in rubric.criteria}}, allow_unicode=True, sort_keys=False
        )
        return head + body

    def may_write(self, actor: Actor, assessment_id: int) -> None:
        """Raise unless the actor may answer in this assessment. Every chat post asks, so the
        assessment's unit and office are remembered: neither ever changes for an assessment (units
        are not moved between offices), and the decision itself is taken anew each time."""
        owner = self._owners.get(assessment_id)
        if owner is None:
            with self.sessions() as db:
                row = db.execute(
                    select(Unit.id, Unit.office_id)
                    .join(Assessment, Assessment.unit_id == Unit.id)
                    .where(Assessment.id == assessment_id)
                ).first()
            if row is None:
                raise NotFound()
            if len(self._owners) >= 50_000:
                self._owners.clear()
            owner = self._owners[assessment_id] = Target(unit_id=row.id, office_id=row.office_id)
        require(actor, "assessment.write", owner)

    def transcript(self, actor: Actor, assessment_id: int) -> list[dict[str, Any]]:
        with self.sessions() as db:
            self._load(db, actor, assessment_id, "assessment.write")
            rows = db.scalars(
                select(ChatMessage)
                .where(ChatMessage.assessment_id == assessment_id)
                .order_by(ChatMessage.id.desc())
                .limit(MAX_TRANSCRIPT)
            )
            return [{"role": r.role, **r.payload} for r in reversed(list(rows))]

    def resume_prompt(self, actor: Actor, assessment_id: int) -> list[Message]:
        """The current question, without taking a turn (the chat page after a reload)."""
        with self.sessions() as db:
            a, _ = self._load(db, actor, assessment_id, "assessment.write")
            conv = db.scalar(select(Conversation).where(Conversation.assessment_id == a.id))
            if conv is None:
                raise NotFound()
            session, rubric, _ = self._session(db, conv, a)
            engine = Engine(self._engine_rubrics(rubric), report_sink=self._sink(conv, a))
            if session.proposal:
                c = engine.rubric(session).get(session.proposal["criterion"])
                return [engine._proposal_message(session, c, session.proposal["value"])]
            return engine.ask(session)

    def submit(self, actor: Actor, assessment_id: int) -> None:
        with self.sessions.begin() as db:
            a, _ = self._load(db, actor, assessment_id, "assessment.write")
            if a.status == "submitted":
                raise Invalid("这份自评已经提交过了。")
            a.status, a.submitted_at, a.updated_at = "submitted", now(), now()
            audit.log(db, actor, "assessment.submit", "assessment", a.id)

    def get(self, actor: Actor, assessment_id: int) -> AssessmentRow:
        with self.sessions() as db:
            self._load(db, actor, assessment_id)
            rows = self._rows(db, select(Assessment).where(Assessment.id == assessment_id))
            return rows[0]

    def for_unit(self, actor: Actor, unit_id: int) -> list[AssessmentRow]:
        with self.sessions() as db:
            unit = db.get(Unit, unit_id)
            if unit is None:
                raise NotFound()
            require(actor, "unit.read", Target(unit_id=unit.id, office_id=unit.office_id))
            rows = self._rows(
                db, select(Assessment).where(Assessment.unit_id == unit_id).order_by(Assessment.id.desc())
            )
        if actor.unit_id != unit_id:  # an officer looked at the unit's scores
            with self.sessions.begin() as db:
                audit.log(db, actor, "unit.read", "unit", unit_id)
        return rows

    @staticmethod
    def office_of(actor: Actor, asked: int | None) -> int | None:
        """The office a list is about: a district admin picks one, everyone else sees their own."""
        return asked if actor.role == "admin" else actor.office_id

    def office_page(self, actor: Actor, office_id: int | None = None, query: OfficeQuery | None = None) -> OfficePage:
        """One page of an office's units with their latest assessment (cached scores, never
        rescored), or of its units not yet started; the counts over the whole office. An office
        lists thousands of units: the page is cut in the database, not in the template."""
        office_id = self.office_of(actor, office_id)
        require(actor, "office.read", Target(office_id=office_id))
        q = query or OfficeQuery()
        if office_id is None:
            raise NotFound()
        with self.sessions() as db:
            counts = self._office_counts(db, [office_id])[office_id]
            if q.status == "fresh":
                fresh = self._fresh(office_id)
                total = counts.units - counts.started
                units = list(
                    db.scalars(
                        fresh.order_by(Unit.name, Unit.id).limit(q.per_page).offset((q.page_in(total) - 1) * q.per_page)
                    )
                )
                return OfficePage(q, counts, total, fresh=units)
            latest = self._latest([office_id])
            chosen = select(Assessment).where(Assessment.id.in_(latest))
            if q.status in ("draft", "submitted"):
                chosen = chosen.where(Assessment.status == q.status)
            total = db.scalar(chosen.with_only_columns(func.count())) or 0
            order = {
                "total": (Assessment.total.desc(), Assessment.base.desc(), Assessment.id),
                "name": (Unit.name, Assessment.id),
                "updated": (Assessment.updated_at.desc(), Assessment.id.desc()),
            }[q.sort]
            rows = self._rows(db, chosen.order_by(*order).limit(q.per_page).offset((q.page_in(total) - 1) * q.per_page))
            return OfficePage(q, counts, total, rows=rows)

    def office_counts(self, actor: Actor, office_ids: list[int]) -> dict[int, OfficeCounts]:
        """Units, started, submitted of each office (the district overview; one grouped query)."""
        for office_id in office_ids:
            require(actor, "office.read", Target(office_id=office_id))
        with self.sessions() as db:
            return self._office_counts(db, office_ids)

    @staticmethod
    def _latest(office_ids: list[int]) -> Any:
        """The id of each unit's latest assessment in the offices."""
        return (
            select(func.max(Assessment.id))
            .join(Unit, Unit.id == Assessment.unit_id)
            .where(Unit.office_id.in_(office_ids))
            .group_by(Assessment.unit_id)
        )

    @staticmethod
    def _fresh(office_id: int) -> Any:
        """The units of an office that have not started an assessment."""
        started = select(Assessment.unit_id)
        return select(Unit).where(Unit.office_id == office_id, Unit.id.not_in(started))

    @staticmethod
    def _office_counts(db: Db, office_ids: list[int]) -> dict[int, OfficeCounts]:
        out = {o: OfficeCounts() for o in office_ids}
        units = select(Unit.office_id, func.count()).where(Unit.office_id.in_(office_ids)).group_by(Unit.office_id)
        for office_id, n in db.execute(units):
            out[int(office_id or 0)].units = n  # never None: the query selects listed offices
        latest = Assessments._latest(office_ids)
        statuses = (
            select(Unit.office_id, Assessment.status, func.count())
            .join(Unit, Unit.id == Assessment.unit_id)
            .where(Assessment.id.in_(latest))
            .group_by(Unit.office_id, Assessment.status)
        )
        for office_id, status, n in db.execute(statuses):
            counts = out[int(office_id or 0)]
            counts.started += n
            if status == "submitted":
                counts.submitted += n
        return out

    def _rows(self, db: Db, query: Any) -> list[AssessmentRow]:
        """The assessments ``query`` selects, in its order: the listed columns of each with its
        unit's in one query, the rubric versions from the parsed cache (no query per row: an
        office lists thousands)."""
        columns = query.with_only_columns(
            Assessment.id,
            Assessment.rubric_version_id,
            Assessment.status,
            Assessment.answered,
            Assessment.base,
            Assessment.bonus,
            Assessment.total,
            Assessment.unconfirmed,
            Assessment.started_at,
            Assessment.updated_at,
            Unit.id.label("unit_id"),
            Unit.name,
            Unit.unit_type,
            Unit.office_id,
        ).join(Unit, Unit.id == Assessment.unit_id)
        out = []
        for r in db.execute(columns):
            rubric = self.rubric(db, r.rubric_version_id)  # a version never changes: parsed once
            out.append(
                AssessmentRow(
                    id=r.id,
                    unit_id=r.unit_id,
                    unit_name=r.name,
                    unit_type=r.unit_type,
                    office_id=r.office_id,
                    status=r.status,
                    rubric_version=rubric.version,
                    answered=r.answered,
                    total_criteria=len(rubric.criteria),
                    base=r.base,
                    bonus=r.bonus,
                    total=r.total,
                    unconfirmed=r.unconfirmed,
                    started_at=r.started_at,
                    updated_at=r.updated_at,
                )
            )
        return out

    def unit(self, actor: Actor, unit_id: int) -> Unit:
        with self.sessions() as db:
            unit = db.get(Unit, unit_id)
            if unit is None:
                raise NotFound()
            require(actor, "unit.read", Target(unit_id=unit.id, office_id=unit.office_id))
            return unit

    def update_form(self, actor: Actor, unit_id: int, values: dict[str, str]) -> list[str]:
        """The unit's 申报表 (附件1) fields, checked as the chat checks them; returns what was wrong."""
        from bot.understanding import clean_phone, clean_postcode, count_in

        with self.sessions.begin() as db:
            unit = db.get(Unit, unit_id)
            if unit is None:
                raise NotFound()
            require(actor, "assessment.write", Target(unit_id=unit.id, office_id=unit.office_id))
            form, problems = dict(unit.form or {}), []
            for f in self.form_fields(unit.unit_type):
                raw = (values.get(f.key) or "").strip()[:200]
                if not raw:
                    form.pop(f.key, None)
                    continue
                value: str | None = raw
                if f.kind == "postcode":
                    value = clean_postcode(raw)
                elif f.kind == "phone":
                    value = clean_phone(raw)
                elif f.kind == "count":
                    n = count_in(raw)
                    value = None if n is None else f"{n:g}"
                if value is None:
                    problems.append(f"{f.label}格式不对：{f.explain}")
                    continue
                form[f.key] = value
            if form.get("name"):
                unit.name = form["name"]
            unit.form = form
            audit.log(db, actor, "unit.form", "unit", unit.id)
            return problems

    def form_fields(self, unit_type: str) -> list[FormField]:
        """The 申报表 fields of the current rubric of a unit type."""
        with self.sessions() as db:
            return self.rubric(db, self.current_version(unit_type)).form

    def office_name(self, office_id: int | None) -> str:
        if office_id is None:
            return ""
        with self.sessions() as db:
            office = db.get(Office, office_id)
            return office.name if office else ""

    # ── the local CLI (this machine's own records) ───────────────────────
    def seed_conversation(self, conversation_id: str, unit_type: str, criterion_id: str) -> None:
        """A local chat positioned at a criterion (evaluation tooling: one fresh chat per labelled case)."""
        with self.sessions.begin() as db:
            unit = Unit(name="评测", unit_type=unit_type, form={})
            db.add(unit)
            db.flush()
            a = Assessment(unit_id=unit.id, rubric_version_id=self.current_version(unit_type))
            db.add(a)
            db.flush()
            rubric = self.rubric(db, a.rubric_version_id)
            cursor = len(rubric.form) + [c.id for c in rubric.criteria].index(criterion_id)
            db.add(Conversation(id=conversation_id, assessment_id=a.id, state={"cursor": cursor}))

    def conversation_at(self, conversation_id: str) -> str | None:
        """The criterion a conversation is at (evaluation tooling)."""
        with self.sessions() as db:
            conv = db.get(Conversation, conversation_id)
            if conv is None or conv.assessment_id is None:
                return None
            a = db.get(Assessment, conv.assessment_id)
            assert a is not None
            rubric = self.rubric(db, a.rubric_version_id)
            i = int(conv.state.get("cursor", 0)) - len(rubric.form)
            return rubric.criteria[i].id if 0 <= i < len(rubric.criteria) else None

    def conversation_answers(self, conversation_id: str) -> dict[str, Any]:
        """The current answers behind a conversation (operator level: tests, the local CLI)."""
        with self.sessions() as db:
            conv = db.get(Conversation, conversation_id)
            if conv is None or conv.assessment_id is None:
                return {}
            return {
                r.criterion_id: r.value
                for r in db.scalars(select(Answer).where(Answer.assessment_id == conv.assessment_id))
            }

    def local_rows(self) -> list[AssessmentRow]:
        with self.sessions() as db:
            return self._rows(db, select(Assessment).order_by(Assessment.updated_at.desc()))

    def local_report(self, assessment_id: int) -> tuple[dict[str, Any], Session]:
        """For ``shangmi sessions`` on the server itself (the operator has the database anyway)."""
        with self.sessions() as db:
            a = db.get(Assessment, assessment_id)
            if a is None:
                raise NotFound()
            conv = db.scalar(select(Conversation).where(Conversation.assessment_id == a.id))
            session, rubric, _ = self._session(db, conv or Conversation(id=f"a{a.id}", state={}), a)
            assert rubric is not None
            return build_report(rubric, score(rubric, session.answers), session.unit), session


_PAYLOAD = re.compile(r"^/([a-z_]+)(\{.*\})?$")


def _button_title(db: Db, assessment_id: int, event: UserEvent) -> str:
    """What a clicked button said (有，已做到), for the transcript: a button sends only its payload."""
    if not event.intent:
        return ""
    last = db.scalars(
        select(ChatMessage)
        .where(ChatMessage.assessment_id == assessment_id, ChatMessage.role == "bot")
        .order_by(ChatMessage.id.desc())
        .limit(5)
    )
    for m in last:
        buttons = (m.payload or {}).get("buttons") or []
        for b in buttons:
            hit = _PAYLOAD.match(str(b.get("payload", "")))
            if hit and hit.group(1) == event.intent and json.loads(hit.group(2) or "{}") == dict(event.entities):
                return str(b.get("title", ""))
        if buttons:
            break
    return ""


def _dialogue_state(session: Session, anonymous: bool) -> dict[str, Any]:
    """What the conversation keeps: the dialogue fields; a chat not yet tied to an assessment
    keeps its whole session until the unit type is chosen."""
    data = session.model_dump(mode="json")
    if anonymous:
        data.pop("id", None)
        return data
    return {k: data[k] for k in _STATE_FIELDS}
