"""The records the service keeps (SQLAlchemy 2). Schema changes go through Alembic (app/db/migrations).

Two things are kept apart on purpose:

- the **assessment record** (unit, rubric version, status, current answers with the unit's words,
  and every change in ``answer_history``, never overwritten), which officers review;
- the **conversation state** (cursor, pending sub-question, proposal awaiting 是/不是), which only
  the dialogue needs; a restart of the chat or a second assessment never touches the first record.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Office(Base):
    """A 市场监管所 of the district (an editable list)."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Unit(Base):
    """An enterprise, association / service firm or park doing the self-assessment."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_type: Mapped[str] = mapped_column(String(16))  # point | station | zone
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    form: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # 附件1 申报表 fields
    created_by: Mapped[int | None] = mapped_column(Integer)  # the officer who created it (no FK: users refer to units)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class User(Base):
    """A unit member, an officer of an office, or a district admin (反不正当竞争科)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None until an invitation is accepted
    role: Mapped[str] = mapped_column(String(16))  # unit | officer | admin
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_version: Mapped[int] = mapped_column(Integer, default=0)  # bumped to end every session
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Invitation(Base):
    """A one-time link that sets a user's password; only its hash is kept."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RubricVersion(Base):
    """A rubric exactly as an assessment used it: an edited table is a new version, old
    assessments keep theirs (criterion ids stay stable across versions)."""

    __tablename__ = "rubric_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_type: Mapped[str] = mapped_column(String(16))
    version: Mapped[str] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Assessment(Base):
    """One self-assessment of a unit against one rubric version. Scores are kept up to date on
    every answer, so lists of thousands of assessments never recompute a score per row."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    rubric_version_id: Mapped[int] = mapped_column(ForeignKey("rubric_versions.id"))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | submitted
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered: Mapped[int] = mapped_column(Integer, default=0)
    unconfirmed: Mapped[int] = mapped_column(Integer, default=0)
    base: Mapped[float] = mapped_column(Float, default=0.0)
    bonus: Mapped[float] = mapped_column(Float, default=0.0)
    total: Mapped[float] = mapped_column(Float, default=0.0)


class Answer(Base):
    """The current answer to one criterion, with the unit's own words."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(32))
    value: Mapped[Any] = mapped_column(JSON)
    words: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class AnswerHistory(Base):
    """Every change of an answer, appended, never updated or deleted."""

    __tablename__ = "answer_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(32))
    value: Mapped[Any] = mapped_column(JSON)  # None when an answer was removed (重新开始)
    words: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(String(16), default="chat")  # chat | file | web
    message_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Conversation(Base):
    """The dialogue state of one chat (the Rasa sender id), apart from the assessment record."""

    __tablename__ = "conversations"
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"), unique=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    gated: Mapped[bool] = mapped_column(Boolean, default=False)  # turns must come through the web gateway
    last_message_id: Mapped[str | None] = mapped_column(String(64))
    turns: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ChatMessage(Base):
    """The transcript of a web chat, so that a reload shows where the unit was."""

    __tablename__ = "chat_messages"
    __table_args__ = (Index("ix_chat_messages_assessment_at", "assessment_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))
    role: Mapped[str] = mapped_column(String(8))  # unit | bot
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class AuditLog(Base):
    """Append-only: every write, and every read of an assessment by someone other than its unit.
    Never holds answers, messages or passwords: who, what, which object, when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_action_at", "action", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
