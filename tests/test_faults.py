"""Faults (issue 7): the real action server, Rasa server and web app on loopback, each killed with
SIGKILL in the middle of a unit's conversation and started again.

What must hold after every fault: a message sent while a server was down is answered
``ok: false`` with an error saying it was not recorded (没有记录), or fails at the connection when
the web app itself is down — and nothing of it is stored; sent again with the same message id
once the server is back, it is recorded exactly once; every answer acknowledged before is still
stored; ``/chat/state`` shows the question the unit is really at; the browser's cookie and CSRF
token still work after the web app restarts (the key lives in ``SHANGMI_VAR/secret.key``).

Sanic (the action server) runs its workers in child processes, which outlive a SIGKILL of the
main process and keep answering; a crash is simulated by killing the whole process tree.

Run on SQLite and on a private PostgreSQL server (``db_url`` of tests/pg.py).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from servers import MODEL, RASA, Servers, free_port, launch_web, wait_http
from sqlalchemy import func, select

from app.bootstrap import Services, build
from app.db.models import AnswerHistory, ChatMessage, Conversation
from app.services.accounts import actor_of

pytestmark = pytest.mark.faults

PASSWORD = "correct-horse-42"


# ── processes ────────────────────────────────────────────────────────────
def descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, however deep (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def listeners(port: int) -> set[int]:
    """The processes holding a listening socket on the port (from /proc/net/tcp and /proc/*/fd)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{cols[9]}]")
    pids = set()
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        with suppress(OSError):
            if os.readlink(fd) in inodes:
                pids.add(int(fd.parts[2]))
    return pids


def ours(pid: int, marker: str) -> bool:
    """Whether a process was started by this test (its environment names our private data folder)."""
    try:
        return f"SHANGMI_VAR={marker}\0".encode() in Path(f"/proc/{pid}/environ").read_bytes() + b"\0"
    except OSError:
        return False


def server_processes(proc: subprocess.Popen[bytes] | None, port: int, marker: str) -> set[int]:
    """A server's processes: the one we started and its descendants, and whatever of ours still
    listens on its port (a Sanic worker orphaned by a main process killed from outside)."""
    pids = {proc.pid, *descendants(proc.pid)} if proc is not None and proc.poll() is None else set()
    for pid in listeners(port):
        if ours(pid, marker):
            pids |= {pid, *descendants(pid)}
    return pids


def signal_all(pids: set[int], sig: signal.Signals) -> None:
    for pid in pids:
        with suppress(ProcessLookupError):
            os.kill(pid, sig)


def kill_all(pids: set[int], proc: subprocess.Popen[bytes] | None) -> None:
    """SIGKILL, after freezing them all so that no worker is respawned meanwhile."""
    signal_all(pids, signal.SIGSTOP)
    signal_all(pids, signal.SIGKILL)
    if proc is not None:
        with suppress(subprocess.TimeoutExpired):
            proc.wait(30)
    deadline = time.time() + 30
    while any(alive(p) for p in pids) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in pids), "a killed server left a process behind"


def refused(port: int, wait: float = 15) -> bool:
    """Whether nothing listens on the port any more (the kernel closes it once its last holder is gone)."""
    deadline = time.time() + wait
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                pass
        except ConnectionRefusedError:
            return True
        except OSError:
            pass
        if time.time() > deadline:
            listening = subprocess.run(["ss", "-ltnp", f"sport = :{port}"], capture_output=True, text=True)
            print(f"\nstill listening on {port}:\n{listening.stdout}")
            return False
        time.sleep(0.2)


@dataclass
class Stack:
    """The three servers of a deployment over one database, with their own data folder."""

    servers: Servers
    db_url: str
    web_port: int
    web: subprocess.Popen[bytes] | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def var(self) -> Path:
        return Path(self.servers.env["SHANGMI_VAR"])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def start_web(self) -> None:
        self.web = launch_web(self.web_port, self.servers.env, self.servers.tmp / "web.log")
        wait_http(f"{self.base}/healthz", self.web)

    def proc(self, name: str) -> subprocess.Popen[bytes] | None:
        return {"actions": self.servers.actions, "rasa": self.servers.rasa, "web": self.web}[name]

    def port(self, name: str) -> int:
        return {"actions": self.servers.actions_port, "rasa": self.servers.rasa_port, "web": self.web_port}[name]

    def processes(self, name: str) -> set[int]:
        return server_processes(self.proc(name), self.port(name), str(self.var))

    def kill(self, name: str) -> None:
        """A crash: SIGKILL to every process of the server; afterwards nothing listens on its port."""
        pids = self.processes(name)
        assert pids, f"{name} is not running"
        kill_all(pids, self.proc(name))
        assert refused(self.port(name)), f"{name} still answers after SIGKILL"

    def stop(self, name: str) -> None:
        """A clean stop (SIGTERM), then SIGKILL to whatever is left."""
        proc = self.proc(name)
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                proc.wait(20)
        kill_all(self.processes(name), proc)

    def timed(self, name: str, fn: Any) -> None:
        t = time.monotonic()
        fn()
        self.timings[name] = round(time.monotonic() - t, 1)

    def logs(self) -> str:
        return "\n".join(
            (self.servers.tmp / name).read_text(encoding="utf-8", errors="replace")
            for name in ("actions.log", "rasa.log", "web.log")
            if (self.servers.tmp / name).exists()
        )


@pytest.fixture
def stack(db_url: str, tmp_path: Path) -> Iterator[Stack]:
    if not MODEL.exists() or not RASA.exists():
        pytest.fail("run `make train` first: the fault tests need the Rasa venv and a trained model")
    servers = Servers.create(tmp_path)
    servers.env["SHANGMI_DB_URL"] = db_url
    web_port = free_port()
    servers.env["SHANGMI_RASA_URL"] = f"http://127.0.0.1:{servers.rasa_port}"
    s = Stack(servers, db_url, web_port)
    build(db_url)  # the schema before any server opens the database (as scripts/serve.sh does)
    try:
        s.timed("start actions", servers.start_actions)
        s.timed("start rasa", servers.start_rasa)
        s.timed("start web", s.start_web)
        yield s
    finally:
        for name in ("web", "rasa", "actions"):
            s.stop(name)
        print(f"\n[{db_url.split(':')[0]}] timings (s): {s.timings}")


# ── the unit's browser ───────────────────────────────────────────────────
class Browser:
    """A browser with a cookie jar: reads the CSRF meta tag of a page like chat.js does."""

    def __init__(self, base: str) -> None:
        self.http = httpx.Client(base_url=base, follow_redirects=False, timeout=120)
        self.token = ""

    def csrf(self, path: str) -> str:
        html = self.http.get(path, follow_redirects=True).text
        m = re.search(r'name="csrf-token" content="([^"]+)"', html)
        assert m, f"no CSRF token on {path}"
        self.token = m.group(1)
        return self.token

    def login(self, username: str) -> None:
        r = self.http.post("/login", data={"username": username, "password": PASSWORD, "csrf": self.csrf("/login")})
        assert r.status_code == 303, r.text[:300]

    def chat(self, aid: int, message: str, message_id: str) -> httpx.Response:
        """A post of the open chat page: the token read when the page was loaded, not a fresh one."""
        return self.http.post(
            f"/assessments/{aid}/chat",
            json={"message": message, "message_id": message_id},
            headers={"X-CSRF-Token": self.token},
        )

    def state(self, aid: int) -> str | None:
        r = self.http.get(f"/assessments/{aid}/chat/state")
        assert r.status_code == 200, r.text[:300]
        return criterion(r.json()["prompt"])


def criterion(messages: list[dict[str, Any]]) -> str | None:
    """The question a reply (or the state's prompt) ends on."""
    asked = [m["custom"]["criterion"] for m in messages if "criterion" in (m.get("custom") or {})]
    return asked[-1] if asked else None


# ── the records ──────────────────────────────────────────────────────────
@dataclass(frozen=True)
class Snapshot:
    answers: dict[str, Any]
    history: int
    transcript: int
    last_message_id: str | None
    turns: int


def snapshot(svc: Services, aid: int) -> Snapshot:
    with svc.sessions() as db:
        conv = db.scalar(select(Conversation).where(Conversation.assessment_id == aid))
        assert conv is not None
        history = db.scalar(select(func.count(AnswerHistory.id)).where(AnswerHistory.assessment_id == aid))
        transcript = db.scalar(select(func.count(ChatMessage.id)).where(ChatMessage.assessment_id == aid))
        sender, last, turns = conv.id, conv.last_message_id, conv.turns
    return Snapshot(svc.assessments.conversation_answers(sender), history or 0, transcript or 0, last, turns)


def history_of(svc: Services, message_id: str) -> list[tuple[str, Any]]:
    with svc.sessions() as db:
        rows = db.execute(
            select(AnswerHistory.criterion_id, AnswerHistory.value).where(AnswerHistory.message_id == message_id)
        )
        return [(c, v) for c, v in rows]


def duplicates(svc: Services, aid: int) -> list[str]:
    """Message ids with more than one history row for the same criterion (a retry recorded twice)."""
    with svc.sessions() as db:
        rows = db.execute(
            select(AnswerHistory.message_id, AnswerHistory.criterion_id, func.count())
            .where(AnswerHistory.assessment_id == aid)
            .group_by(AnswerHistory.message_id, AnswerHistory.criterion_id)
            .having(func.count() > 1)
        )
        return [f"{m}:{c}" for m, c, _ in rows]


# ── the conversation ─────────────────────────────────────────────────────
@dataclass
class Walk:
    """A unit answering question after question; what was acknowledged is what must be stored."""

    stack: Stack
    svc: Services
    browser: Browser
    aid: int
    at: str
    acknowledged: dict[str, Any] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)
    n: int = 0

    def mid(self) -> str:
        self.n += 1
        return f"fault-{self.aid}-{self.n:04d}"

    def answer(self, text: str, value: Any, message_id: str | None = None) -> dict[str, Any]:
        """A normal turn: acknowledged, recorded, the next question asked."""
        message_id = message_id or self.mid()
        r = self.browser.chat(self.aid, text, message_id)
        assert r.status_code == 200, r.text[:300]
        body = r.json()
        assert body["ok"] is True, (self.at, text, body)
        self.acknowledged[self.at] = value
        self.said.append(text)
        nxt = criterion(body["messages"])
        assert nxt is not None and nxt != self.at, (self.at, text, body["messages"])
        self.at = nxt
        self.check(message_id)
        return body

    def check(self, retried: str | None = None) -> None:
        """Acknowledged answers stored, no retry recorded twice, the chat at the right question."""
        snap = snapshot(self.svc, self.aid)
        assert snap.answers == self.acknowledged
        assert duplicates(self.svc, self.aid) == []
        if retried:
            assert len(history_of(self.svc, retried)) == 1, history_of(self.svc, retried)
        assert self.browser.state(self.aid) == self.at

    def refused_while_down(self, text: str, message_id: str) -> None:
        """The post is answered ok:false, 没有记录, and nothing of it is stored."""
        before = snapshot(self.svc, self.aid)
        r = self.browser.chat(self.aid, text, message_id)
        assert r.status_code == 200, r.text[:300]
        body = r.json()
        assert body["ok"] is False and "没有记录" in body["error"], body
        assert snapshot(self.svc, self.aid) == before
        assert history_of(self.svc, message_id) == []
        assert self.browser.state(self.aid) == self.at


def sign_in_a_unit(stack: Stack) -> tuple[Services, Browser, int]:
    """An admin, an office with its officer, a unit whose member signs in through the web app
    and starts an assessment there."""
    svc = build(stack.db_url)
    admin = svc.accounts.user(svc.accounts.create_admin("admin", PASSWORD))
    assert admin is not None
    office = svc.accounts.create_office(actor_of(admin), "车墩市场监管所")
    inv = svc.accounts.create_officer(actor_of(admin), "officer1", "王一", office)
    officer = svc.accounts.accept_invitation(inv.token, PASSWORD)
    unit_id, inv = svc.accounts.create_unit(actor_of(officer), "星辰芯片科技有限公司", "point", "unit1")
    svc.accounts.accept_invitation(inv.token, PASSWORD)
    browser = Browser(stack.base)
    browser.login("unit1")
    r = browser.http.post(f"/units/{unit_id}/assessments", data={"csrf": browser.csrf(f"/units/{unit_id}")})
    assert r.status_code == 303, r.text[:300]
    aid = int(r.headers["location"].split("/")[2])
    browser.csrf(f"/assessments/{aid}/chat")  # the chat page is open from here on
    return svc, browser, aid


def test_each_server_killed_mid_conversation(stack: Stack) -> None:
    svc, browser, aid = sign_in_a_unit(stack)
    walk = Walk(stack, svc, browser, aid, at=browser.state(aid) or "")
    assert walk.at == "point.1"
    walk.answer("早就建立了", True)
    walk.answer("暂时没做", False)

    # (a) the action server dies: Rasa cannot run the turn and answers without it
    assert walk.at == "point.3"
    stack.kill("actions")
    mid = walk.mid()
    walk.refused_while_down("做了一部分", mid)
    walk.refused_while_down("做了一部分", mid)  # the unit tries again too early
    stack.timed("restart actions", stack.servers.start_actions)
    first = walk.answer("做了一部分", "partial", message_id=mid)
    again = browser.chat(aid, "做了一部分", mid).json()  # the page retried after a lost answer
    assert again["ok"] is True and again["messages"] == first["messages"]
    walk.check(retried=mid)
    walk.answer("我们一直有执行", True)

    # (b) the Rasa server dies: the gateway cannot reach it
    assert walk.at == "point.5"
    stack.kill("rasa")
    mid = walk.mid()
    walk.refused_while_down("已经签了", mid)
    stack.timed("restart rasa", stack.servers.start_rasa)
    walk.answer("已经签了", True, message_id=mid)
    walk.answer("还没", False)

    # (c) the web app dies: the browser's post fails at the connection
    assert walk.at == "point.7"
    key = (stack.var / "secret.key").read_text()
    stack.kill("web")
    mid = walk.mid()
    before = snapshot(svc, aid)
    with pytest.raises(httpx.TransportError):
        browser.chat(aid, "/partial", mid)
    assert snapshot(svc, aid) == before and history_of(svc, mid) == []
    stack.timed("restart web", stack.start_web)
    assert (stack.var / "secret.key").read_text() == key
    walk.check()  # the same cookie still signs the unit in, the chat is where it was
    walk.answer("/partial", "partial", message_id=mid)  # and the token of the open page still works

    # (c') the web app dies while a turn is on its way: the action server is frozen, so the turn
    # is between Rasa and the action server when the web app is killed; thawed, it completes
    # with no one to tell. Sent again, it is answered from the record and not taken twice.
    assert walk.at == "point.8"
    frozen = stack.processes("actions")
    signal_all(frozen, signal.SIGSTOP)
    mid = walk.mid()
    outcome: list[Any] = []

    def post() -> None:
        try:
            outcome.append(browser.chat(aid, "早就建立了", mid))
        except httpx.TransportError as exc:
            outcome.append(exc)

    poster = threading.Thread(target=post)
    poster.start()
    time.sleep(3)  # web app → Rasa → (frozen) action server
    assert not outcome, "the turn did not wait for the frozen action server"
    stack.kill("web")
    signal_all(frozen, signal.SIGCONT)
    poster.join(30)
    assert outcome and isinstance(outcome[0], httpx.TransportError), outcome
    deadline = time.time() + 30
    while not history_of(svc, mid) and time.time() < deadline:  # the turn may be completed, or dropped
        time.sleep(0.2)
    completed = bool(history_of(svc, mid))
    print(f"\nturn in flight when the web app died: {'completed' if completed else 'dropped'}")
    stack.timed("restart web (2)", stack.start_web)
    walk.answer("早就建立了", True, message_id=mid)
    walk.answer("/affirm", True)

    # a character PostgreSQL cannot store (NUL in text): dropped by the gateway, on either engine,
    # so that the turn does not fail on every retry with "not recorded"
    mid = walk.mid()
    cid = walk.at
    walk.answer("已经签了\x00", True, message_id=mid)
    with svc.sessions() as db:
        words = db.scalars(select(AnswerHistory.words).where(AnswerHistory.message_id == mid)).all()
    assert words and all("\x00" not in w for w in words), (cid, words)
    walk.answer("我们一直有执行", True)

    # in the end: the report agrees, nothing the unit said is in any server's log
    report = browser.http.get(f"/assessments/{aid}/report.json").json()
    assert report["assessment"]["id"] == aid
    unconfirmed = {u["id"] for u in report["unconfirmed"]}
    assert not set(walk.acknowledged) & unconfirmed
    logs = stack.logs()
    for text in walk.said:
        if len(text) >= 3 and not text.startswith("/"):
            for form in (text, json.dumps(text)[1:-1]):  # Rasa's structlog writes JSON, CJK escaped
                assert form not in logs, f"{text!r} in a server log"
    svc.db.dispose()
