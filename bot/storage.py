"""Persistence of self-assessment sessions (SQLAlchemy 2; SQLite by default).

Kept apart from the pure core: the dialogue engine works on ``Session`` objects,
this module loads and saves them. Every turn is saved in one transaction, so a
crash of either server never loses an answer already given.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, DateTime, String, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from .dialogue import Session

DEFAULT_VAR = Path(__file__).resolve().parent.parent / "var"


def var_dir() -> Path:
    """``$SHANGMI_VAR`` or ``var/`` in the repository; created owner-only (answers are sensitive)."""
    path = Path(os.environ.get("SHANGMI_VAR", DEFAULT_VAR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_url() -> str:
    return os.environ.get("SHANGMI_DB_URL") or f"sqlite:///{var_dir() / 'shangmi.db'}"


class Base(DeclarativeBase):
    pass


class SessionRow(Base):
    __tablename__ = "assessment_sessions"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    unit_type: Mapped[str | None] = mapped_column(String(16))
    rubric_version: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[dict[str, object]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL: a committed turn survives a crash of the server process; NORMAL sync skips the
    per-commit fsync (only a power loss could drop the very last turns)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class SessionStore:
    def __init__(self, url: str | None = None) -> None:
        url = url or default_url()
        self.engine: Engine = create_engine(url, future=True)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        Base.metadata.create_all(self.engine)
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).chmod(0o600)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def find(self, session_id: str) -> Session | None:
        """The stored session, or None when this id has never been saved."""
        with self._sessions() as db:
            row = db.get(SessionRow, session_id)
            return None if row is None else Session.model_validate({**row.state, "id": session_id})

    def load(self, session_id: str) -> Session:
        """The stored session, or a new one for a first-time id."""
        return self.find(session_id) or Session(id=session_id)

    def save(self, session: Session) -> None:
        now = datetime.now(UTC)
        with self._sessions.begin() as db:
            row = db.get(SessionRow, session.id)
            state = session.model_dump(mode="json")
            if row is None:
                db.add(
                    SessionRow(
                        id=session.id,
                        unit_type=session.unit_type,
                        rubric_version=session.rubric_version,
                        state=state,
                        created_at=now,
                        updated_at=now,
                    )
                )
            else:
                row.unit_type = session.unit_type
                row.rubric_version = session.rubric_version
                row.state = state
                row.updated_at = now

    def list_ids(self) -> list[tuple[str, str | None, datetime]]:
        with self._sessions() as db:
            rows = db.execute(
                select(SessionRow.id, SessionRow.unit_type, SessionRow.updated_at).order_by(
                    SessionRow.updated_at.desc()
                )
            )
            return [(r[0], r[1], r[2]) for r in rows]


def report_name(session_id: str) -> str:
    """A file name that does not reveal (or let a sender id choose) the path."""
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()[:16]
