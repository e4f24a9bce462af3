"""Accounts: the first admin (CLI), offices and officers (admin), units and their members'
one-time invitations (officer), sign-in with a rate limit, and who the signed-in user is."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session as Db
from sqlalchemy.orm import sessionmaker

from bot.rubric import UNIT_TYPES

from ..db.models import AuditLog, Invitation, Office, Unit, User, now
from . import audit
from .authz import Actor, Target, require
from .errors import Invalid, NotFound, TooManyAttempts

INVITATION_DAYS = 7
MAX_FAILURES = 5  # per username or per client within LOCKOUT
LOCKOUT = timedelta(minutes=15)
_HASHER = PasswordHasher()
_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{3,64}$")


@dataclass(frozen=True)
class SignedIn:
    """Who a request comes from, as the pages show them."""

    actor: Actor
    username: str
    display_name: str

    @property
    def role(self) -> str:
        return self.actor.role


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, role=user.role, office_id=user.office_id, unit_id=user.unit_id)  # type: ignore[arg-type]


def _check_password(password: str) -> None:
    if len(password) < 10:
        raise Invalid("密码至少 10 位。")
    if len(password) > 200:
        raise Invalid("密码太长了（最多 200 位）。")


def _check_username(username: str) -> str:
    username = username.strip()
    if not _USERNAME.match(username):
        raise Invalid("用户名为 3–64 位字母、数字或 _ . @ -。")
    return username


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _client_key(client: str) -> str:
    """The client address is personal data: only a hash of it goes into the audit log."""
    return hashlib.sha256(client.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class NewInvitation:
    user_id: int
    token: str  # shown once; only its hash is stored
    expires_at: datetime


class Accounts:
    def __init__(self, sessions: sessionmaker[Db]) -> None:
        self.sessions = sessions

    # ── the first admin, from the command line ───────────────────────────
    def create_admin(self, username: str, password: str) -> int:
        username = _check_username(username)
        _check_password(password)
        with self.sessions.begin() as db:
            if db.scalar(select(User).where(User.username == username)):
                raise Invalid(f"用户名 {username} 已存在。")
            user = User(username=username, password_hash=_HASHER.hash(password), role="admin", display_name=username)
            db.add(user)
            db.flush()
            audit.log(db, None, "admin.create", "user", user.id)
            return user.id

    # ── offices and officers (admin) ─────────────────────────────────────
    def create_office(self, actor: Actor, name: str) -> int:
        require(actor, "office.manage")
        name = name.strip()
        if not name or len(name) > 100:
            raise Invalid("请填写市场监管所名称（100 字以内）。")
        with self.sessions.begin() as db:
            if db.scalar(select(Office).where(Office.name == name)):
                raise Invalid("这个市场监管所已经在列表里了。")
            office = Office(name=name)
            db.add(office)
            db.flush()
            audit.log(db, actor, "office.create", "office", office.id)
            return office.id

    def overview(self, actor: Actor) -> tuple[list[Office], list[User]]:
        """The district admin's lists: offices and officers."""
        require(actor, "office.manage")
        return self.offices(), self.officers()

    def offices(self) -> list[Office]:
        with self.sessions() as db:
            return list(db.scalars(select(Office).where(Office.active).order_by(Office.name)))

    def create_officer(self, actor: Actor, username: str, display_name: str, office_id: int) -> NewInvitation:
        require(actor, "officer.manage")
        username = _check_username(username)
        with self.sessions.begin() as db:
            if db.get(Office, office_id) is None:
                raise NotFound("找不到这个市场监管所。")
            if db.scalar(select(User).where(User.username == username)):
                raise Invalid(f"用户名 {username} 已存在。")
            user = User(username=username, display_name=display_name.strip()[:100], role="officer", office_id=office_id)
            db.add(user)
            db.flush()
            audit.log(db, actor, "officer.create", "user", user.id, office_id=office_id)
            return self._invite(db, actor, user)

    def officers(self) -> list[User]:
        with self.sessions() as db:
            return list(db.scalars(select(User).where(User.role == "officer").order_by(User.username)))

    # ── units and their members (officer) ────────────────────────────────
    def create_unit(
        self, actor: Actor, name: str, unit_type: str, username: str, office_id: int | None = None
    ) -> tuple[int, NewInvitation]:
        """A unit of the officer's office and its first member, who gets a one-time invitation."""
        office_id = office_id if actor.role == "admin" else actor.office_id
        require(actor, "unit.create", Target(office_id=office_id))
        name = name.strip()
        if not name or len(name) > 200:
            raise Invalid("请填写单位名称（200 字以内）。")
        if unit_type not in UNIT_TYPES:
            raise Invalid("请选择单位类型：示范点（企业）、示范站（协会/服务机构）或示范区（园区）。")
        username = _check_username(username)
        with self.sessions.begin() as db:
            if office_id is None or db.get(Office, office_id) is None:
                raise NotFound("找不到这个市场监管所。")
            if db.scalar(select(User).where(User.username == username)):
                raise Invalid(f"用户名 {username} 已存在。")
            unit = Unit(
                name=name, unit_type=unit_type, office_id=office_id, form={"name": name}, created_by=actor.user_id
            )
            db.add(unit)
            db.flush()
            user = User(username=username, display_name=name, role="unit", unit_id=unit.id, office_id=office_id)
            db.add(user)
            db.flush()
            audit.log(db, actor, "unit.create", "unit", unit.id, office_id=office_id)
            return unit.id, self._invite(db, actor, user)

    def reinvite(self, actor: Actor, user_id: int) -> NewInvitation:
        """A fresh invitation for a member who lost theirs (the old ones stop working)."""
        with self.sessions.begin() as db:
            user = db.get(User, user_id)
            if user is None:
                raise NotFound()
            if user.role == "unit":
                require(actor, "unit.create", Target(office_id=user.office_id))
            else:
                require(actor, "officer.manage")
            for inv in db.scalars(
                select(Invitation).where(Invitation.user_id == user.id, Invitation.used_at.is_(None))
            ):
                inv.used_at = now()
            return self._invite(db, actor, user)

    def _invite(self, db: Db, actor: Actor | None, user: User) -> NewInvitation:
        token = secrets.token_urlsafe(32)
        expires = now() + timedelta(days=INVITATION_DAYS)
        db.add(
            Invitation(
                token_hash=_token_hash(token),
                user_id=user.id,
                created_by=actor.user_id if actor else None,
                expires_at=expires,
            )
        )
        audit.log(db, actor, "invitation.create", "user", user.id)
        return NewInvitation(user.id, token, expires)

    def invitation_user(self, token: str) -> User:
        """The user a valid, unused, unexpired invitation is for; NotFound otherwise (no detail why)."""
        with self.sessions() as db:
            inv = db.scalar(select(Invitation).where(Invitation.token_hash == _token_hash(token)))
            if inv is None or inv.used_at is not None or _aware(inv.expires_at) < now():
                raise NotFound("这个邀请链接无效、已使用或已过期，请联系市场监管所重新发送。")
            user = db.get(User, inv.user_id)
            if user is None or not user.active:
                raise NotFound("这个邀请链接无效、已使用或已过期，请联系市场监管所重新发送。")
            return user

    def accept_invitation(self, token: str, password: str) -> User:
        _check_password(password)
        with self.sessions.begin() as db:
            inv = db.scalar(select(Invitation).where(Invitation.token_hash == _token_hash(token)).with_for_update())
            if inv is None or inv.used_at is not None or _aware(inv.expires_at) < now():
                raise NotFound("这个邀请链接无效、已使用或已过期，请联系市场监管所重新发送。")
            user = db.get(User, inv.user_id)
            if user is None or not user.active:
                raise NotFound("这个邀请链接无效、已使用或已过期，请联系市场监管所重新发送。")
            inv.used_at = now()
            user.password_hash = _HASHER.hash(password)
            user.session_version += 1
            audit.log(db, user.id, "invitation.accept", "user", user.id)
            return user

    # ── signing in ───────────────────────────────────────────────────────
    def authenticate(self, username: str, password: str, client: str) -> User:
        """The user, or Invalid (same message whatever was wrong); TooManyAttempts when locked."""
        key = _client_key(client)
        with self.sessions.begin() as db:
            since = now() - LOCKOUT
            failures = db.scalar(
                select(func.count(AuditLog.id)).where(
                    AuditLog.action == "login.failed",
                    AuditLog.at >= since,
                    (AuditLog.object_id == username[:64]) | (AuditLog.detail["client"].as_string() == key),
                )
            )
            if (failures or 0) >= MAX_FAILURES:
                audit.log(db, None, "login.locked", "user", username[:64], client=key)
                outcome = "locked"
            else:
                user = db.scalar(select(User).where(User.username == username.strip()))
                ok = False
                if user is not None and user.active and user.password_hash:
                    try:
                        ok = _HASHER.verify(user.password_hash, password)
                    except (VerificationError, InvalidHashError):
                        ok = False
                else:
                    _HASHER.hash(password)  # the same cost whether or not the user exists
                if not ok or user is None:
                    audit.log(db, None, "login.failed", "user", username[:64], client=key)
                    outcome = "failed"
                else:
                    if _HASHER.check_needs_rehash(user.password_hash or ""):
                        user.password_hash = _HASHER.hash(password)
                    audit.log(db, user.id, "login", "user", user.id)
                    return user
        # the failure is committed above, then refused: a rolled-back failure would not count
        if outcome == "locked":
            raise TooManyAttempts()
        raise Invalid("用户名或密码不正确。")

    def logout(self, user_id: int) -> None:
        """Ends every session of the user (the cookie's version no longer matches)."""
        with self.sessions.begin() as db:
            user = db.get(User, user_id)
            if user is not None:
                user.session_version += 1
                audit.log(db, user.id, "logout", "user", user.id)

    def user(self, user_id: int) -> User | None:
        with self.sessions() as db:
            return db.get(User, user_id)

    def signed_in(self, user_id: int, session_version: int) -> SignedIn | None:
        """The user a session cookie names, while the session is still valid (active, not signed
        out since). Every request asks: a few columns, no ORM object."""
        with self.sessions() as db:
            row = db.execute(
                select(User.id, User.role, User.office_id, User.unit_id, User.username, User.display_name).where(
                    User.id == user_id, User.active.is_(True), User.session_version == session_version
                )
            ).first()
        if row is None:
            return None
        actor = Actor(user_id=row.id, role=row.role, office_id=row.office_id, unit_id=row.unit_id)
        return SignedIn(actor, row.username, row.display_name or "")


def _aware(at: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)
