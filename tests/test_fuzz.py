"""Fuzz (issue 7): a few thousand random, oversized and malformed requests through the web app in
process (Rasa and the action server replaced by ``FakeRasa``, which takes each turn through the
real use-case layer), from an anonymous visitor, a unit, an officer and the district admin.

Every route the app has is hit (the list is read from the app, so new routes are covered too),
with random unicode, emoji, control characters, very long strings, JSON of the wrong types,
missing fields, bodies that are not JSON, deep nesting, huge headers, bad and forged cookies,
forged CSRF tokens, other units' ids, negative and huge ids, path traversal on /static and on the
report formats.

After the storm: no response was a 5xx (nor an exception); no response carried a file from
outside /static or the secret key; the unit's own conversation still answers a normal message;
nothing of the other unit's assessment changed; no log record contains anything that was posted.

``SHANGMI_FUZZ_SEED`` and ``SHANGMI_FUZZ_N`` change the seed (default fixed, so that a failure is
reproducible) and the number of requests.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select
from webutil import PASSWORD, Web, chat, csrf, make_web, two_offices

from app.db.models import AnswerHistory, Assessment, ChatMessage, Conversation, Unit, User
from app.secrets import secret_key
from app.services.assessments import sender_for
from app.web.security import ANON_COOKIE, SESSION_COOKIE, session_cookie

pytestmark = pytest.mark.fuzz

SEED = int(os.environ.get("SHANGMI_FUZZ_SEED", "20240607"))
N = int(os.environ.get("SHANGMI_FUZZ_N", "3000"))
GUARD_SECONDS = 360  # the storm takes 25–90 s on two busy cores; stop rather than hang
TEST_CLIENT = "http://127.0.0.1:8000/"  # webutil's base URL: httpx logs the test client's own requests
# loggers of the app and of what it runs on; SQLAlchemy's would echo SQL parameters if enabled, which
# the app never does
LOGGERS = ("", "app", "bot", "actions", "httpx", "httpcore", "fastapi", "starlette", "uvicorn", "multipart")

PHRASES = [
    "有",
    "没有",
    "部分做到",
    "不清楚",
    "跳过",
    "全部跳过",
    "上一题",
    "解释一下",
    "暂停",
    "继续",
    "进度",
    "当前得分",
    "看报告",
    "重新开始",
    "修改第3题",
    "不对，应该是没有",
    "第三题要改成有",
    "一年两次",
    "三百左右",
    "👍",
    "❌",
    "/affirm",
    "/deny",
    "/partial",
    "/unsure",
    "/explain",
    "/skip",
    "/go_back",
    "/report",
    "/restart",
    "/start_over",
    "/pause",
    '/inform_tier{"tier":"national"}',
    '/inform_tier{"tier":"national","x":1}',
    '/modify{"criterion":"point.3"}',
    '/modify{"criterion":"../../etc"}',
    '/choose_unit_type{"unit_type":"zone"}',
    "/nlu_fallback",
    "/session_start",
]
NASTY = [
    "' OR 1=1 --",
    '"; DROP TABLE answers; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% raw %}",
    "${jndi:ldap://x}",
    "%s%s%n%x",
    "{0.__class__}",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "\u202eevil\u202c",
    "\u200b\u200c\u200d\ufeff",
    "a\u0301\u0302\u0303\u0304\u0305",
    "\x00",
    "有\x00没有",
    "\r\n\r\nHTTP/1.1 200 OK",
    "null",
    "true",
    "[]",
    "{}",
    "NaN",
    "-1",
    "1e309",
    "Ⅻ",
    "١٢٣",
]
UNESCAPED = (b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>")
FIXED = {t.strip() for t in PHRASES + NASTY}  # short fixed strings ("HTTP/1.1 200 OK") that logs may hold anyway
ALPHABETS = [
    (0x20, 0x7E),  # ASCII
    (0x4E00, 0x9FFF),  # CJK
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF00, 0xFFEF),  # full-width
    (0x1F300, 0x1FAFF),  # emoji
    (0x00, 0x1F),  # control characters
    (0x7F, 0x9F),
    (0x0300, 0x036F),  # combining marks
    (0x0590, 0x06FF),  # Hebrew, Arabic (right to left)
    (0x10000, 0x10FFFF),  # anything beyond the BMP
]


class Gen:
    """Random values: texts, wrong types, ids, bytes (one seeded generator)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def chars(self, n: int) -> str:
        out = []
        for _ in range(n):
            lo, hi = self.rng.choice(ALPHABETS)
            c = chr(self.rng.randint(lo, hi))
            if 0xD800 <= ord(c) <= 0xDFFF:
                c = "?"
            out.append(c)
        return "".join(out)

    def text(self) -> str:
        r = self.rng.random()
        if r < 0.2:
            return self.rng.choice(PHRASES)
        if r < 0.35:
            return self.rng.choice(NASTY)
        if r < 0.45:
            return self.rng.choice(["", " ", "\t\n", "\u3000"])
        if r < 0.55:  # long: around the 1000-character limit, or far over it
            n = self.rng.choice([999, 1000, 1001, 1500, 4000, 9000])
            return (self.rng.choice(PHRASES) + self.chars(8)) * (n // 8 + 1)
        if r < 0.65:
            return self.rng.choice(PHRASES) + self.chars(self.rng.randint(1, 30))
        return self.chars(self.rng.randint(1, 60))

    def value(self, depth: int = 0) -> Any:
        """A JSON value of any type."""
        r = self.rng.random()
        if r < 0.35 or depth > 3:
            return self.text()
        if r < 0.45:
            return self.rng.choice([0, -1, 1, 2**31, 2**63, 10**40, -(10**40), 1.5, 1e308, -0.0])
        if r < 0.55:
            return self.rng.choice([None, True, False])
        if r < 0.75:
            return [self.value(depth + 1) for _ in range(self.rng.randint(0, 4))]
        return {self.text()[:20]: self.value(depth + 1) for _ in range(self.rng.randint(0, 4))}

    def message_id(self) -> Any:
        return self.rng.choice(
            [
                None,
                f"fz-{self.rng.randrange(16**10):010x}",
                "fz-fixed-0001",  # the same id again and again: retries
                "x" * 65,
                "short",
                "../../../etc",
                "有有有有有有有有有",
                self.value(),
            ]
        )

    def raw_body(self) -> bytes:
        return self.rng.choice(
            [
                b"",
                b"not json",
                b"{",
                b'{"message": "\\ud800"}',
                b'{"message": "\\udfff\\ud800", "message_id": "\\ud800\\ud800\\ud800\\ud800"}',
                b'{"message": "\xff\xfe\xfd"}',
                b"\xef\xbb\xbf{}",
                b'{"message": 1e999999}',
                b'{"message": NaN}',
                b'{"message": "a", "message": "b"}',
                b"[" * 5000 + b"]" * 5000,
                b'{"a":' * 3000 + b"1" + b"}" * 3000,
                b"\x00" * 100,
                bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 300))),
                json.dumps({"message": "有" * 5000}).encode(),  # > MAX_FORM bytes
                b"message=%E6%9C%89&message_id=abcdefgh",
            ]
        )


@dataclass
class Storm:
    web: Web
    world: dict[str, Any]
    gen: Gen
    clients: dict[str, TestClient]
    tokens: dict[str, str]
    posted: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    leaks: list[str] = field(default_factory=list)
    sent: int = 0
    secret: bytes = b""

    @property
    def rng(self) -> random.Random:
        return self.gen.rng

    def remember(self, *values: Any) -> None:
        """Posted texts, to be looked for in the logs afterwards (long enough not to match by chance)."""
        for v in values:
            if isinstance(v, str):
                s = v.strip()
                if len(s) >= 8 and not s.startswith("/") and s not in FIXED:
                    self.posted.add(s[:200])
            elif isinstance(v, dict):
                self.remember(*v.keys(), *v.values())
            elif isinstance(v, list):
                self.remember(*v)

    def who(self) -> tuple[str, TestClient]:
        name = self.rng.choices(list(self.clients), weights=[1, 3, 1, 1])[0]  # anon, unit1, officer1, admin
        return name, self.clients[name]

    def token(self, name: str) -> str | None:
        return self.rng.choice(
            [
                self.tokens.get(name),
                self.tokens.get(name),
                self.tokens.get(name),
                self.tokens.get(name),
                self.tokens.get(self.rng.choice(list(self.tokens))),  # another session's token
                None,
                "",
                "forged",
                "0" * 40,
                "x" * 5000,
                self.tokens.get(name, "")[:-1] + "0",
            ]
        )

    def segment(self) -> str:
        """A path parameter: a real id (own or not), or anything."""
        w = self.world
        return self.rng.choice(
            [
                str(w["a1"]),
                str(w["a1b"]),
                str(w["a2"]),
                str(w["unit1_id"]),
                str(w["unit2_id"]),
                "0",
                "-1",
                "-99999999999",
                "2147483648",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999999999999999",
                "1e3",
                "1.5",
                "0x10",
                "%20" + str(w["a1"]),
                "١",
                "abc",
                "..",
                "%2e%2e",
                "..%2f..%2fetc%2fpasswd",
                "%00",
                quote(self.gen.chars(self.rng.randint(1, 20)), safe=""),
                "x" * 3000,
            ]
        )

    def headers(self) -> dict[str, str]:
        h: dict[str, str] = {}
        r = self.rng.random()
        if r < 0.05:
            h["X-Huge"] = "a" * self.rng.choice([8_000, 70_000])
        elif r < 0.1:
            h.update({f"X-Many-{i}": str(i) for i in range(300)})
        elif r < 0.15:
            h["Content-Length"] = self.rng.choice(["-1", "abc", "99999999999999999999", "0"])
        elif r < 0.2:
            h["Host"] = self.rng.choice(["evil.example", "127.0.0.1:1", "a" * 300])
        elif r < 0.3:
            h["Cookie"] = self.cookie()
        return h

    def cookie(self) -> str:
        bad = self.rng.choice(
            [
                "garbage",
                "",
                "x" * 600,
                "x" * 190,
                session_cookie(999_999, 0),  # signed, for no such user
                session_cookie(self.world["unit1_user"], 0),  # signed, an old session version
                session_cookie(self.world["unit2_user"], 99),
                self.clients["unit1"].cookies.get(SESSION_COOKIE, "")[:-2] + "AA",  # tampered
                quote(self.gen.chars(20), safe=""),
            ]
        )
        name = self.rng.choice([SESSION_COOKIE, ANON_COOKIE, "other"])
        return f"{name}={bad}; {name}={bad}"

    # ── one request ──────────────────────────────────────────────────────
    def send(self, client: TestClient, method: str, url: str, **kw: Any) -> httpx.Response | None:
        try:
            request = client.build_request(method, url, **kw)
        except (httpx.HTTPError, ValueError, TypeError, UnicodeError):
            return None  # no browser could send it either (httpx refuses to build it)
        self.sent += 1
        try:
            r = client.send(request)
        except Exception as exc:  # an exception escaping the app is a 5xx
            self.failures.append(f"{method} {url[:120]}: {type(exc).__name__}: {str(exc)[:200]}")
            return None
        self.statuses[r.status_code] = self.statuses.get(r.status_code, 0) + 1
        if r.status_code >= 500:
            self.failures.append(f"{method} {url[:120]} -> {r.status_code}: {r.text[:200]}")
        body = r.content
        if self.secret in body or b"def create_app" in body or b"root:x:0:0" in body or b"[tool.ruff]" in body:
            self.leaks.append(f"{method} {url[:120]}")
        if "html" in r.headers.get("content-type", "") and any(x in body for x in UNESCAPED):
            self.leaks.append(f"{method} {url[:120]}: markup from a request, unescaped")
        return r

    # ── kinds of request ─────────────────────────────────────────────────
    def turn(self) -> None:
        """A well-formed post of the unit's open chat page, saying anything: the dialogue gets it."""
        text = self.gen.text()
        self.remember(text)
        body = {"message": text, "message_id": self.gen.message_id()}
        headers = {"X-CSRF-Token": self.tokens["unit1"]}
        self.send(self.clients["unit1"], "POST", f"/assessments/{self.world['a1']}/chat", json=body, headers=headers)

    def chat_post(self) -> None:
        name, client = self.who()
        aid = self.segment() if self.rng.random() < 0.4 else str(self.world["a1"])
        headers = self.headers()
        tok = self.token(name)
        if tok is not None:
            headers["X-CSRF-Token"] = tok
        r = self.rng.random()
        if r < 0.55:
            body: Any = {"message": self.gen.text(), "message_id": self.gen.message_id()}
            if self.rng.random() < 0.2:
                body["extra"] = self.gen.value()
            if self.rng.random() < 0.1:
                body.pop(self.rng.choice(["message", "message_id"]))
            self.remember(body)
            self.send(client, "POST", f"/assessments/{aid}/chat", json=body, headers=headers)
        elif r < 0.75:
            body = self.gen.value()
            if isinstance(body, dict) and self.rng.random() < 0.5:
                body = {"message": self.gen.value(), "message_id": self.gen.value()}
            self.remember(body)
            self.send(client, "POST", f"/assessments/{aid}/chat", json=body, headers=headers)
        elif r < 0.8:  # chunked: a body of no stated length
            raw = self.gen.raw_body()
            self.send(
                client,
                "POST",
                f"/assessments/{aid}/chat",
                content=iter([raw[: len(raw) // 2], raw[len(raw) // 2 :]]),
                headers={**headers, "content-type": "application/json"},
            )
        else:
            ctype = self.rng.choice(
                [
                    "application/json",
                    "text/plain",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data",
                    "application/json; charset=latin-1",
                ]
            )
            self.send(
                client,
                "POST",
                f"/assessments/{aid}/chat",
                content=self.gen.raw_body(),
                headers={**headers, "content-type": ctype},
            )

    def form_post(self, routes: list[str]) -> None:
        name, client = self.who()
        path = self.fill(self.rng.choice(routes))
        if path == "/logout" and name != "anon":  # a real logout would end the signed-in clients' sessions
            tok: str | None = self.rng.choice(["forged", None, self.tokens["anon"]])
        else:
            tok = self.token(name)
        if path.endswith("/submit") and path != f"/assessments/{self.world['a1b']}/submit":
            tok = "forged" if str(self.world["a1"]) in path else tok  # keep the unit's own chat open
        keys = ["username", "password", "password2", "name", "display_name", "office_id", "unit_type", "message"]
        keys += [f.key for f in self.web.services.assessments.form_fields("point")]
        data: dict[str, Any] = {}
        for k in self.rng.sample(keys, self.rng.randint(0, len(keys))):
            data[k] = self.rng.choice(
                [
                    self.gen.text(),
                    self.gen.text(),
                    str(self.rng.choice([0, -1, 1, 2, 10**30, self.world["office1"], self.world["office2"]])),
                    self.rng.choice(["point", "station", "zone", "POINT", "", "x" * 300]),
                    PASSWORD,
                ]
            )
        if tok is not None:
            data["csrf"] = tok
        self.remember({k: v for k, v in data.items() if v != PASSWORD})
        headers = self.headers()
        r = self.rng.random()
        if r < 0.7:
            self.send(client, "POST", path, data=data, headers=headers)
        elif r < 0.8:
            files = {"file": ("../../x.txt", self.gen.raw_body(), "text/plain")}
            self.send(client, "POST", path, data=data, files=files, headers=headers)
        elif r < 0.85:
            self.send(client, "POST", path, json=data, headers=headers)
        elif r < 0.9:
            chunks = [f"{k}={quote(str(v))}&".encode() for k, v in data.items()]
            ctype = "application/x-www-form-urlencoded"
            self.send(client, "POST", path, content=iter(chunks), headers={**headers, "content-type": ctype})
        else:
            ctype = self.rng.choice(
                [
                    "application/x-www-form-urlencoded",
                    "multipart/form-data",
                    "multipart/form-data; boundary=",
                    "multipart/form-data; boundary=xyz",
                    "text/plain",
                ]
            )
            raw = self.rng.choice(
                [
                    self.gen.raw_body(),
                    b"csrf=%FF%FE&name=%E6%9C&username=%%%",
                    b"&&&===&csrf",
                    b'--xyz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' + b"a" * 100,
                    ("name=" + "有" * 4000).encode(),
                ]
            )
            self.send(client, "POST", path, content=raw, headers={**headers, "content-type": ctype})

    def get(self, routes: list[str]) -> None:
        _, client = self.who()
        r = self.rng.random()
        if r < 0.25:
            path = "/static/" + self.rng.choice(
                [
                    "app.css",
                    "../main.py",
                    "..%2fmain.py",
                    "%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
                    "..%2f..%2f..%2f..%2fetc%2fpasswd",
                    "%2e%2e%2f%2e%2e%2fsecrets.py",
                    "....//....//etc/passwd",
                    "%252e%252e%252fmain.py",
                    "/etc/passwd",
                    "%00app.css",
                    "app.css%00.js",
                    "app.css/",
                    ".",
                    "",
                    "templates/base.html",
                    quote(self.gen.chars(10), safe=""),
                    "x" * 5000,
                ]
            )
        elif r < 0.45:
            fmt = self.rng.choice(
                [
                    "json",
                    "md",
                    "html",
                    "JSON",
                    "pdf",
                    "json%00",
                    "json/../html",
                    "..%2f..%2f..%2fpyproject.toml",
                    "%2e%2e%2fmain.py",
                    "",
                    "x" * 1000,
                    quote(self.gen.chars(5), safe=""),
                ]
            )
            path = f"/assessments/{self.segment()}/report.{fmt}"
        else:
            path = self.fill(self.rng.choice(routes))
            if self.rng.random() < 0.3:
                q = self.rng.choice(["office", "x", "next", "fmt", "page"])
                path += f"?{q}={self.segment()}&{q}={quote(self.gen.text()[:50], safe='')}"
        self.send(client, "GET", path, headers=self.headers())

    def odd_method(self, routes: list[str]) -> None:
        _, client = self.who()
        method = self.rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND"])
        self.send(client, method, self.fill(self.rng.choice(routes)), headers=self.headers())

    def fill(self, template: str) -> str:
        def one(m: re.Match[str]) -> str:
            if m.group(1) == "token":
                return self.rng.choice(["x" * 43, quote(self.gen.text()[:200], safe=""), "..%2f..", "%00", "a"])
            if m.group(1) == "fmt":
                return self.rng.choice(["json", "md", "html", "exe"])
            return self.segment()

        return re.sub(r"\{([a-z_]+)\}", one, template)


def _world(web: Web) -> dict[str, Any]:
    """An admin; two offices with an officer each; a unit in each; unit 1 with two assessments,
    unit 2 with one that has answers."""
    svc = web.services
    w = two_offices(web)
    r = w["unit1"].post(f"/units/{w['unit1_id']}/assessments", data={"csrf": csrf(w["unit1"], "/")})
    w["a1b"] = int(r.headers["location"].split("/")[2])  # unit 1's second assessment: may be submitted
    for text in ("有", "没有", "/partial", "有，总经理任组长"):
        assert chat(w["unit2"], w["a2"], text).json()["ok"]
    with svc.sessions() as db:
        for n in (1, 2):
            w[f"unit{n}_user"] = db.scalar(select(User.id).where(User.unit_id == w[f"unit{n}_id"]))
    return w


def _admin(web: Web) -> Any:
    from app.services.accounts import actor_of

    with web.services.sessions() as db:
        admin = db.scalar(select(User).where(User.role == "admin"))
        assert admin is not None
        return actor_of(admin)


def _records(web: Web, aid: int) -> dict[str, Any]:
    """Everything stored about an assessment that a request could change."""
    svc = web.services
    with svc.sessions() as db:
        a = db.get(Assessment, aid)
        assert a is not None
        unit = db.get(Unit, a.unit_id)
        assert unit is not None
        conv = db.scalar(select(Conversation).where(Conversation.assessment_id == aid))
        assert conv is not None
        history = db.execute(
            select(AnswerHistory.criterion_id, AnswerHistory.value, AnswerHistory.words, AnswerHistory.message_id)
            .where(AnswerHistory.assessment_id == aid)
            .order_by(AnswerHistory.id)
        ).all()
        transcript = db.scalars(
            select(ChatMessage.payload).where(ChatMessage.assessment_id == aid).order_by(ChatMessage.id)
        ).all()
        assessments = db.scalars(select(Assessment.id).where(Assessment.unit_id == unit.id)).all()
        return {
            "answers": svc.assessments.conversation_answers(conv.id),
            "history": [tuple(h) for h in history],
            "transcript": list(transcript),
            "status": a.status,
            "score": (a.base, a.bonus, a.total, a.answered, a.unconfirmed),
            "state": conv.state,
            "turns": conv.turns,
            "unit": (unit.name, unit.unit_type, unit.office_id, dict(unit.form or {})),
            "assessments": sorted(assessments),
        }


def _not_stuck(web: Web, world: dict[str, Any]) -> None:
    """The unit's chat, wherever the storm left it, takes a normal answer and moves on."""
    unit, aid = world["unit1"], world["a1"]
    sender = sender_for(aid)
    for _ in range(8):
        state = unit.get(f"/assessments/{aid}/chat/state")
        assert state.status_code == 200, state.text[:300]
        prompt = state.json()["prompt"]
        custom = next((m["custom"] for m in reversed(prompt) if "custom" in m), {})
        if "report" in custom:  # the storm answered every question: the summary, and it still answers
            r = chat(unit, aid, "进度")
            assert r.json()["ok"], r.json()
            return
        expects = custom.get("expects")
        if expects == "confirm":
            assert chat(unit, aid, "/deny").json()["ok"]
            continue
        if expects != "boolean":
            assert chat(unit, aid, "跳过").json()["ok"]
            continue
        cid = custom["criterion"]
        r = chat(unit, aid, "有")
        body = r.json()
        assert body["ok"] is True, body
        assert web.services.assessments.conversation_answers(sender).get(cid) is True, (cid, body)
        nxt = [m["custom"].get("criterion") for m in body["messages"] if "custom" in m]
        assert nxt and nxt[-1] != cid, body
        return
    raise AssertionError("the unit's chat never came back to a question")


def test_a_storm_of_bad_requests(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    started = time.monotonic()
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name or None)
    caplog.set_level(logging.WARNING, logger="sqlalchemy")  # its INFO would be SQL with parameters
    web = make_web(tmp_path)
    world = _world(web)
    anon = web.client()
    anon.get("/login")
    clients = {
        "anon": anon,
        "unit1": world["unit1"],
        "officer1": world["officer1"],
        "admin": world["admin"],
    }
    pages = {"anon": "/login", "unit1": f"/assessments/{world['a1']}/chat", "officer1": "/office", "admin": "/admin"}
    tokens = {name: csrf(c, pages[name]) for name, c in clients.items()}
    before = _records(web, world["a2"])
    caplog.clear()

    storm = Storm(web, world, Gen(random.Random(SEED)), clients, tokens)
    storm.secret = secret_key()
    routes = [r for r in web.client().app.routes if isinstance(r, APIRoute)]  # type: ignore[attr-defined]
    gets = [r.path for r in routes if "GET" in r.methods]
    posts = [r.path for r in routes if "POST" in r.methods and not r.path.endswith("/chat")]
    assert len(gets) >= 10 and len(posts) >= 8
    kinds: list[Callable[[], None]] = [
        storm.turn,
        storm.turn,
        storm.chat_post,
        storm.chat_post,
        storm.chat_post,
        lambda: storm.form_post(posts),
        lambda: storm.form_post(posts),
        lambda: storm.get(gets),
        lambda: storm.get(gets),
        lambda: storm.odd_method(gets + posts),
    ]
    while storm.sent < N:
        storm.rng.choice(kinds)()
        assert time.monotonic() - started < GUARD_SECONDS, f"too slow: {storm.sent} requests"
    elapsed = time.monotonic() - started
    print(
        f"\nfuzz: seed {SEED}, {storm.sent} requests in {elapsed:.1f}s, {len(web.rasa.calls)} of them taken as "
        f"chat turns, statuses {sorted(storm.statuses.items())}"
    )

    assert storm.failures == [], "\n".join(storm.failures[:30])
    assert storm.leaks == [], storm.leaks[:10]
    assert set(storm.statuses) - {200, 303, 307, 400, 401, 403, 404, 405, 411, 413, 422, 429} == set()
    # the other unit's assessment: not a byte changed
    assert _records(web, world["a2"]) == before
    # the unit's own chat still works, and its session and token survived the storm
    _not_stuck(web, world)
    # nothing that was posted is in a log record
    records = [
        r
        for r in caplog.records
        if not r.getMessage().startswith("HTTP Request: ") or TEST_CLIENT not in r.getMessage()
    ]
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in records
    )  # the app's, not the test client's
    leaked = [p for p in storm.posted if p in logged]
    assert leaked == [], leaked[:5]
    assert len(storm.posted) > 100


def test_what_the_storm_found(tmp_path: Path) -> None:
    """The requests that once made the app fail, each asserted on its own."""
    web = make_web(tmp_path)
    world = _world(web)
    unit, aid = world["unit1"], world["a1"]
    token = csrf(unit, f"/assessments/{aid}/chat")
    chat_url = f"/assessments/{aid}/chat"
    json_headers = {"X-CSRF-Token": token, "content-type": "application/json"}
    # JSON nested deeper than the parser goes: a refusal, not a RecursionError
    for deep in (b"[" * 5000 + b"]" * 5000, b'{"a":' * 3000 + b"1" + b"}" * 3000):
        r = unit.post(chat_url, content=deep, headers=json_headers)
        assert r.status_code == 400 and r.json()["ok"] is False
    # ids beyond 64 bits name nothing (SQLite could not even look them up)
    for huge in ("9223372036854775808", "99999999999999999999999999999999"):
        assert unit.get(f"/assessments/{huge}/report").status_code == 400
        assert unit.get(f"/units/{huge}").status_code == 400
        r = unit.post(f"/assessments/{huge}/chat", json={"message": "有"}, headers=json_headers)
        assert r.status_code == 400
        assert world["admin"].get(f"/office?office={huge}").status_code == 400
        r = world["admin"].post(
            "/admin/officers",
            data={
                "username": "someone",
                "display_name": "x",
                "office_id": huge,
                "csrf": csrf(world["admin"], "/admin"),
            },
        )
        assert r.status_code == 404  # no such office
    # a body with no stated length would escape the size limit (MAX_FORM): refused before it is read
    anon = web.client()
    anon_token = csrf(anon)
    body = [f"csrf={anon_token}&username=".encode(), b"a" * 100_000]
    r = anon.post("/login", content=iter(body), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 411
    r = unit.post(chat_url, content=iter([b'{"message": "', b"x" * 100_000, b'"}']), headers=json_headers)
    assert r.status_code == 411
    assert chat(unit, aid, "有").json()["ok"]  # and the ordinary post still goes through
    # only a unit starts its own assessments: a draft started by the admin would have become the
    # unit's latest, the one its office's list shows
    for who, page in (("admin", "/admin"), ("officer2", "/office")):
        client = world[who]
        r = client.post(f"/units/{world['unit2_id']}/assessments", data={"csrf": csrf(client, page)})
        assert r.status_code == 403, who
    assert [row.id for row in web.services.assessments.for_unit(_admin(web), world["unit2_id"])] == [world["a2"]]
    # NUL, which PostgreSQL text cannot hold (the turn failed there on every retry): dropped
    assert chat(unit, aid, "没有\x00").json()["ok"]
    with web.services.sessions() as db:
        words = db.scalars(select(AnswerHistory.words).where(AnswerHistory.assessment_id == aid)).all()
    assert len(words) == 2 and all("\x00" not in w for w in words), words
