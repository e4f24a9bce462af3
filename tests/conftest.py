"""Shared fixtures: a private PostgreSQL server and databases on it (tests/pg.py)."""

from pg import db_url, pg_server, pg_url

__all__ = ["db_url", "pg_server", "pg_url"]
