"""Database engine, sessions and migrations: an embedded SQLite file by default, PostgreSQL by URL
(``SHANGMI_DB_URL``). The schema is Alembic's (:func:`upgrade`), never ``create_all`` at run time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

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


MIGRATION_LOCK = 0x5348414E474D49  # the PostgreSQL advisory lock key ("SHANGMI")


@contextmanager
def migration_lock(url: str) -> Iterator[None]:
    """One migration at a time: action servers and web workers starting together on a fresh
    database would otherwise all create the same tables. PostgreSQL: an advisory lock held on a
    connection of its own; an SQLite file: an exclusive ``flock`` on its folder (one host)."""
    if url.startswith("postgresql"):
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                    conn.commit()
        finally:
            engine.dispose()
    elif url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        import fcntl

        folder = Path(url.removeprefix("sqlite:///")).parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock
    else:
        yield


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (idempotent, one process at a time); the file is made
    owner-only for SQLite."""
    from alembic import command

    url = url or default_url()
    with migration_lock(url):
        command.upgrade(alembic_config(url), revision)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        if path.exists():
            path.chmod(0o600)


def downgrade(url: str, revision: str = "base") -> None:
    from alembic import command

    with migration_lock(url):
        command.downgrade(alembic_config(url), revision)
