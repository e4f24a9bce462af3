"""The append-only audit log: who did what to which object, when. Never answers or messages."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session as Db

from ..db.models import AuditLog
from .authz import Actor


def log(
    db: Db, actor: Actor | int | None, action: str, object_type: str = "", object_id: object = "", **detail: Any
) -> None:
    actor_id = actor.user_id if isinstance(actor, Actor) else actor
    db.add(AuditLog(actor_id=actor_id, action=action, object_type=object_type, object_id=str(object_id), detail=detail))
