"""Sessions, CSRF and response headers of the web app.

- The session cookie is signed (itsdangerous), HttpOnly, SameSite=Lax, and carries only the user
  id, the user's ``session_version`` (bumped at logout: every copy of the cookie stops working)
  and a random nonce; it expires after ``SESSION_HOURS``.
- Every POST carries a CSRF token derived from that nonce (a form field ``csrf`` or the
  ``X-CSRF-Token`` header for the chat's fetch); a visitor who is not signed in gets a nonce in a
  signed cookie of its own, so the login and invitation forms are protected too.
- Every response gets a CSP that allows no inline script, and no caching of pages.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..secrets import same, secret_key, sign

SESSION_COOKIE = "shangmi_session"
ANON_COOKIE = "shangmi_anon"
SESSION_HOURS = 8
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
# the core's printable report has its styles inline; it runs no script and is framed by our page only
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key().decode("utf-8"), salt="shangmi-session")


def secure_cookies() -> bool:
    """Secure cookies behind HTTPS (set SHANGMI_COOKIE_SECURE=1 when a TLS proxy is in front)."""
    return os.environ.get("SHANGMI_COOKIE_SECURE", "") == "1"


@dataclass(frozen=True)
class SessionData:
    user_id: int
    version: int
    nonce: str


def session_cookie(user_id: int, version: int) -> str:
    return _serializer().dumps({"u": user_id, "v": version, "n": secrets.token_urlsafe(16)})


def read_session(request: Request) -> SessionData | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw or len(raw) > 500:
        return None
    try:
        data: Any = _serializer().loads(raw, max_age=SESSION_HOURS * 3600)
        return SessionData(int(data["u"]), int(data["v"]), str(data["n"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None


def anon_nonce(request: Request) -> tuple[str, str | None]:
    """The visitor's nonce and, when new, the signed cookie value to set."""
    raw = request.cookies.get(ANON_COOKIE, "")
    if raw and len(raw) < 200:
        try:
            return str(_serializer().loads(raw, max_age=24 * 3600)), None
        except BadSignature:
            pass
    nonce = secrets.token_urlsafe(16)
    return nonce, _serializer().dumps(nonce)


def csrf_token(nonce: str) -> str:
    return sign("csrf", nonce)[:40]


def csrf_ok(nonce: str, token: str | None) -> bool:
    return bool(token) and same(csrf_token(nonce), str(token))


def cookie_args(max_age: int | None = None) -> dict[str, Any]:
    return {"httponly": True, "samesite": "lax", "secure": secure_cookies(), "max_age": max_age, "path": "/"}
