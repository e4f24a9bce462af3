"""The wiring, in one place: one database, one set of services, for the action server, the CLI
and the web app alike. Nothing else constructs engines, sessions or services."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.engine import Engine as DbEngine
from sqlalchemy.orm import Session as Db
from sqlalchemy.orm import sessionmaker

from .db import default_url, make_engine, sessions, upgrade
from .services.accounts import Accounts
from .services.assessments import Assessments, ReportSink


@dataclass
class Services:
    url: str
    db: DbEngine
    sessions: sessionmaker[Db]
    accounts: Accounts
    assessments: Assessments
    rasa_url: str


def build(url: str | None = None, migrate: bool = True, file_sink: ReportSink | None = None) -> Services:
    """Services over the database at ``url`` (default: ``SHANGMI_DB_URL`` or var/shangmi.db),
    its schema brought up to date first."""
    url = url or default_url()
    if migrate:
        upgrade(url)
    engine = make_engine(url)
    factory = sessions(engine)
    assessments = Assessments(factory, file_sink=file_sink)
    assessments.sync_rubrics()
    return Services(
        url=url,
        db=engine,
        sessions=factory,
        accounts=Accounts(factory),
        assessments=assessments,
        rasa_url=os.environ.get("SHANGMI_RASA_URL", "http://127.0.0.1:5005"),
    )


@lru_cache(maxsize=1)
def services() -> Services:
    """The process-wide services (action server, web app)."""
    return build()
