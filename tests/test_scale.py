"""Scaled out on Rasa's own mechanisms: TWO Rasa servers share one conversation through a
PostgreSQL tracker store and a Redis lock store; one action server records the answers in
PostgreSQL (SHANGMI_DB_URL). The turns of one conversation go alternately to the two servers:
every answer must be recorded exactly once, none lost, Rasa's tracker must hold every message once,
and the conversation must end at the right question. Then two messages at once, one to each server
(see that test for what Rasa 3.6 does and does not guarantee there). docs/deploy.md describes the
same set-up for production.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
import requests
import sqlalchemy as sa
import yaml
from pg import PostgresServer
from servers import MODEL, RASA, ROOT, free_port, launch_actions, launch_rasa, stop, wait_http

from app.bootstrap import Services, build
from app.db.models import AnswerHistory, Conversation

pytestmark = pytest.mark.scale

ANSWERS = 20  # questions answered one by one, alternating between the two Rasa servers


@dataclass
class Cluster:
    tmp: Path
    services: Services  # the action server's database, seen from here
    tracker_url: str  # Rasa's tracker store database (psycopg URL)
    redis: redis.Redis
    rasa_ports: list[int]
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def say(self, instance: int, sender: str, message: str) -> list[dict[str, Any]]:
        r = requests.post(
            f"http://127.0.0.1:{self.rasa_ports[instance]}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=120,
        )
        r.raise_for_status()
        return list(r.json())


NO_PERSISTENCE = ["--save", "", "--appendonly", "no", "--protected-mode", "yes"]


def start_redis(tmp: Path) -> tuple[subprocess.Popen[bytes], int]:
    """A private redis-server on 127.0.0.1 (no persistence, nothing written outside ``tmp``)."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.fail("redis-server is not installed — `make test-deps` installs it")
    for _ in range(3):
        port = free_port()
        with open(tmp / "redis.log", "ab") as log:
            proc = subprocess.Popen(
                [exe, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp), *NO_PERSISTENCE],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        client = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(100):
            if proc.poll() is not None:
                break
            try:
                if client.ping():
                    return proc, port
            except redis.ConnectionError:
                time.sleep(0.1)
        stop(proc)
    pytest.fail(f"redis-server did not start: {(tmp / 'redis.log').read_text(errors='replace')[-1000:]}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, pg_server: PostgresServer) -> Iterator[Cluster]:
    if not MODEL.exists() or not RASA.exists():
        pytest.fail("run `make train` first: the scale-out test needs the Rasa venv and a trained model")
    tmp = tmp_path_factory.mktemp("scale")
    procs: list[subprocess.Popen[bytes]] = []
    services: Services | None = None
    try:
        redis_proc, redis_port = start_redis(tmp)
        procs.append(redis_proc)
        answers_db, tracker_db = pg_server.create_database(), pg_server.create_database()
        db_url = pg_server.url(answers_db)
        actions_port, rasa_ports = free_port(), [free_port(), free_port()]
        # one endpoints file for both Rasa servers, as on every host of a deployment;
        # the password comes from the environment (Rasa substitutes ${...} in endpoints.yml)
        endpoints = tmp / "endpoints.yml"
        endpoints.write_text(
            yaml.safe_dump(
                {
                    "action_endpoint": {"url": f"http://127.0.0.1:{actions_port}/webhook"},
                    "tracker_store": {
                        "type": "SQL",
                        "dialect": "postgresql",
                        "url": "127.0.0.1",
                        "port": pg_server.port,
                        "db": tracker_db,
                        "username": pg_server.user,
                        "password": "${SHANGMI_TRACKER_PASSWORD}",
                    },
                    "lock_store": {
                        "type": "redis",
                        "url": "127.0.0.1",
                        "port": redis_port,
                        "db": 1,
                        "key_prefix": "shangmi",
                    },
                },
                sort_keys=False,
            ),
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "SHANGMI_DB_URL": db_url,
            "SHANGMI_VAR": str(tmp / "var"),
            "SHANGMI_SECRET_KEY": "scale-test-" + uuid.uuid4().hex,
            "SHANGMI_TRACKER_PASSWORD": pg_server.password,
            "SANIC_HOST": "127.0.0.1",
            "RASA_TELEMETRY_ENABLED": "false",
        }
        env.pop("SHANGMI_RUBRICS", None)
        # the schema first, once (docs/deploy.md: `shangmi db upgrade` before the servers start)
        subprocess.run([str(ROOT / ".venv" / "bin" / "shangmi"), "db", "upgrade"], env=env, check=True, cwd=ROOT)
        actions = launch_actions(actions_port, env, tmp / "actions.log")
        procs.append(actions)
        rasas = [launch_rasa(port, endpoints, env, tmp / f"rasa-{i}.log") for i, port in enumerate(rasa_ports)]
        procs.extend(rasas)  # both start at once, on one tracker database
        wait_http(f"http://127.0.0.1:{actions_port}/health", actions, timeout=300)
        for port, proc in zip(rasa_ports, rasas, strict=True):
            wait_http(f"http://127.0.0.1:{port}/", proc, timeout=300)
        services = build(db_url)
        yield Cluster(
            tmp, services, pg_server.url(tracker_db, driver=""), redis.Redis(port=redis_port), rasa_ports, procs
        )
    finally:
        if services is not None:
            services.db.dispose()
        for proc in procs:  # all told at once, then each waited for (or killed)
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in reversed(procs):
            stop(proc)


def customs(msgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m["custom"] for m in msgs if "custom" in m]


def asked(msgs: list[dict[str, Any]]) -> str:
    qs = [c.get("criterion") or c.get("field") for c in customs(msgs) if "criterion" in c or "field" in c]
    assert qs, f"no question in reply: {msgs}"
    return str(qs[-1])


# read by the rules alone (tests/test_e2e.py checks these phrasings), so no NLU confidence matters
PLAN: list[tuple[str, Any]] = [
    ("有", True),
    ("没有", False),
    ("部分", "partial"),
    ("已经签了", True),
    ("还没", False),
    ("不清楚", "unknown"),
    ("都做了", True),
    ("做了一部分", "partial"),
    ("是的", True),
    ("暂时没做", False),
]


def history_of(services: Services, sender: str) -> list[tuple[str, Any]]:
    with services.sessions() as db:
        conv = db.get(Conversation, sender)
        assert conv is not None and conv.assessment_id is not None
        rows = db.execute(
            sa.select(AnswerHistory.criterion_id, AnswerHistory.value)
            .where(AnswerHistory.assessment_id == conv.assessment_id)
            .order_by(AnswerHistory.id)
        )
        return [(r[0], r[1]) for r in rows]


def turns_of(services: Services, sender: str) -> int:
    with services.sessions() as db:
        conv = db.get(Conversation, sender)
        assert conv is not None
        return conv.turns


class Chat:
    """One conversation, its messages sent to the two Rasa servers in turn (A, B, A, B, …)."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.sender = f"scale-{uuid.uuid4().hex[:12]}"
        self.sent = 0

    def say(self, message: str) -> list[dict[str, Any]]:
        instance = self.sent % 2
        self.sent += 1
        return self.cluster.say(instance, self.sender, message)

    def start(self) -> None:
        assert asked(self.say("你好")) == "unit_type"
        assert asked(self.say('/choose_unit_type{"unit_type":"point"}')) == "name"
        assert asked(self.say("全部跳过")) == "point.1"

    def history(self) -> list[tuple[str, Any]]:
        return history_of(self.cluster.services, self.sender)

    def tracker_events(self) -> list[tuple[str, str | None]]:
        """Rasa's side, as its PostgreSQL tracker store holds it: (event type, action name)."""
        with psycopg.connect(self.cluster.tracker_url) as conn:
            rows = conn.execute(
                "SELECT type_name, action_name FROM events WHERE sender_id = %s ORDER BY id", (self.sender,)
            ).fetchall()
        return [(str(t), a) for t, a in rows]


def test_one_conversation_alternating_between_two_rasa_servers(cluster: Cluster) -> None:
    chat = Chat(cluster)
    chat.start()
    expected: list[tuple[str, Any]] = []
    for k in range(ANSWERS):
        cid = f"point.{k + 1}"
        phrase, value = PLAN[k % len(PLAN)]
        msgs = chat.say(phrase)
        expected.append((cid, value))
        assert asked(msgs) == f"point.{k + 2}", f"{cid} via server {(chat.sent - 1) % 2}: {phrase!r} -> {msgs}"
        # recorded when the reply arrives, exactly once, whichever server took the turn
        assert chat.history() == expected

    # none lost, none twice: the record, the current answers, the position, one action per message
    assert cluster.services.assessments.conversation_answers(chat.sender) == dict(expected)
    assert cluster.services.assessments.conversation_at(chat.sender) == f"point.{ANSWERS + 1}"
    assert turns_of(cluster.services, chat.sender) == chat.sent

    # one tracker for both servers: every message once, in order, each turn finished before the next
    kinds = [t if t == "user" else a for t, a in chat.tracker_events() if t == "user" or a == "action_listen"]
    while kinds and kinds[0] == "action_listen":  # the session start listens first
        kinds.pop(0)
    assert kinds == ["user", "action_listen"] * chat.sent, kinds
    stats = cluster.redis.info("commandstats")
    assert stats.get("cmdstat_set", {}).get("calls", 0) >= chat.sent  # the lock store is in use


BURSTS = 3


def at_once(cluster: Cluster, sender: str, messages: list[str]) -> dict[int, list[dict[str, Any]]]:
    """Message i to Rasa server i, all released at the same moment; the replies by server."""
    replies: dict[int, list[dict[str, Any]]] = {}
    barrier = threading.Barrier(len(messages))

    def send(instance: int, message: str) -> None:
        barrier.wait()
        replies[instance] = cluster.say(instance, sender, message)

    threads = [threading.Thread(target=send, args=(i, m)) for i, m in enumerate(messages)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    return replies


def test_two_messages_at_the_same_moment_to_the_two_servers(cluster: Cluster) -> None:
    """A unit sends twice at once (two tabs, a double click) and the messages reach different Rasa
    servers. Rasa 3.6's RedisLockStore issues its tickets with a GET then a SET (not atomically), so
    two messages arriving within that instant may both proceed, and Rasa's tracker then keeps only
    one of them. The records must hold anyway: the action server takes the turns of a conversation
    one at a time (the conversation row is locked in PostgreSQL), so every message Rasa answers with
    a next question is recorded exactly once, on consecutive questions, and a message Rasa could not
    take gets an empty reply (the web gateway then tells the unit it was not recorded)."""
    chat = Chat(cluster)
    chat.start()
    both_taken = 0
    for burst in range(BURSTS):
        before = chat.history()
        at = len(before) + 1  # the current question: point.<at>
        turns = turns_of(cluster.services, chat.sender)
        replies = at_once(cluster, chat.sender, ["有", "没有"])
        chat.sent += 2
        assert set(replies) == {0, 1}
        taken = [r for r in replies.values() if any("criterion" in c for c in customs(r))]
        assert all(not r for r in replies.values() if r not in taken), replies  # not taken: nothing said
        n = len(taken)
        assert n >= 1, replies
        both_taken += n == 2
        new = chat.history()[len(before) :]
        assert [cid for cid, _ in new] == [f"point.{at + j}" for j in range(n)], (burst, new)
        assert sorted(asked(r) for r in taken) == sorted(f"point.{at + j + 1}" for j in range(n))
        assert cluster.services.assessments.conversation_at(chat.sender) == f"point.{at + n}"
        assert turns_of(cluster.services, chat.sender) == turns + n

    # the conversation goes on normally afterwards, on either server
    history = chat.history()
    for _ in range(2):
        at = len(history) + 1
        assert asked(chat.say("有")) == f"point.{at + 1}"
        history = chat.history()
        assert history[-1] == (f"point.{at}", True)
    assert len({cid for cid, _ in history}) == len(history)  # no question answered twice
    assert cluster.services.assessments.conversation_answers(chat.sender) == dict(history)
    users = [t for t, _ in chat.tracker_events() if t == "user"]
    assert len(users) <= chat.sent  # Rasa never stored a message twice
    print(
        f"\nsimultaneous pairs taken one after the other: {both_taken}/{BURSTS}; tracker kept {len(users)}/{chat.sent}"
    )
