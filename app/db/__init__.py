"""Database engine, sessions and migrations: an embedded SQLite file by default, PostgreSQL by URL
(``SHANGMI_DB_URL``). The schema is Alembic's (:func:`upgrade`), never ``create_all`` at run time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.storage import var_dir

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url() -> str:
    return os.environ.get("SHANGMI_DB_URL") or f"sqlite:///{var_dir() / 'shangmi.db'}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL: a committed turn survives a crash of any server process; foreign keys enforced; a
    writer waits for another instead of failing at once (several processes share the file)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:" and url.startswith("sqlite:///"):
            Path(path).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True, pool_size=5, max_overflow=10)
    return engine


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (idempotent); the file is made owner-only for SQLite."""
    from alembic import command

    url = url or default_url()
    command.upgrade(alembic_config(url), revision)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        if path.exists():
            path.chmod(0o600)


def downgrade(url: str, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)
