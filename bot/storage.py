"""Where this machine keeps what the servers write (the answer database, reports, logs).

The records themselves are the service's (app/db): SQLAlchemy 2 with Alembic migrations.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

DEFAULT_VAR = Path(__file__).resolve().parent.parent / "var"


def var_dir() -> Path:
    """``$SHANGMI_VAR`` or ``var/`` in the repository; created owner-only (answers are sensitive)."""
    path = Path(os.environ.get("SHANGMI_VAR", DEFAULT_VAR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def report_name(session_id: str) -> str:
    """A file name that does not reveal (or let a sender id choose) the path."""
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()[:16]
