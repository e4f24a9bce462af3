"""The service's secret key: signs session cookies, CSRF tokens and the gateway's turns to Rasa.

``SHANGMI_SECRET_KEY`` when set (several hosts must share it), else ``var/secret.key``, created
owner-only on first use."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache

from bot.storage import var_dir


@lru_cache(maxsize=1)
def secret_key() -> bytes:
    env = os.environ.get("SHANGMI_SECRET_KEY")
    if env:
        return env.encode("utf-8")
    path = var_dir() / "secret.key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip().encode("utf-8")


def sign(*parts: object) -> str:
    """An HMAC-SHA256 of the parts under the secret key (hex)."""
    msg = "|".join(str(p) for p in parts).encode("utf-8")
    return hmac.new(secret_key(), msg, hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
