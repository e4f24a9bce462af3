"""Who may do what: the one place access is decided. Deny by default.

Answers reveal a unit's weaknesses, so an assessment is readable by its own unit's members, by
the officers of the 市场监管所 the unit belongs to, and by district admins (反不正当竞争科, who
review and rank across offices); writable (answers, submit) only by its unit's members.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .errors import Forbidden

Role = Literal["unit", "officer", "admin"]
Action = Literal[
    "assessment.read",
    "assessment.write",
    "assessment.start",
    "unit.read",
    "unit.create",
    "office.read",
    "office.manage",
    "officer.manage",
]


@dataclass(frozen=True)
class Actor:
    """A signed-in user as the checks need them (no password, no name)."""

    user_id: int
    role: Role
    office_id: int | None = None
    unit_id: int | None = None


@dataclass(frozen=True)
class Target:
    """What an action is on: a unit (with its office), an office, or nothing in particular."""

    unit_id: int | None = None
    office_id: int | None = None


def allowed(actor: Actor | None, action: Action, target: Target = Target()) -> bool:
    """True only where a rule below says so."""
    if actor is None:
        return False
    if actor.role == "admin":
        # admins review; only a unit answers for itself and starts its own assessments (a draft
        # started by anyone else would become the unit's latest, the one its office's list shows)
        return action not in ("assessment.write", "assessment.start")
    if actor.role == "officer":
        if actor.office_id is None:
            return False
        if action in ("assessment.read", "unit.read"):
            return target.office_id == actor.office_id and target.office_id is not None
        if action == "unit.create":
            return target.office_id == actor.office_id
        if action == "office.read":
            return target.office_id == actor.office_id
        return False
    if actor.role == "unit":
        if actor.unit_id is None or target.unit_id != actor.unit_id:
            return False
        return action in ("assessment.read", "assessment.write", "assessment.start", "unit.read")
    return False


def require(actor: Actor | None, action: Action, target: Target = Target()) -> Actor:
    """The actor, when allowed; Forbidden otherwise (the caller never learns why in detail)."""
    if not allowed(actor, action, target):
        raise Forbidden(action)
    assert actor is not None
    return actor
