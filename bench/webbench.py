"""Issue 7 figures for `make bench`: the web app's chat gateway against Rasa's REST channel, and
the officer list page over a large office.

1. Per-turn latency: each unit (its own account, signed in over HTTP) has two assessments that
   advance in lockstep with the same answers (有 / 没有 / 部分 / 不清楚, cycling): one through the
   web app (POST /assessments/{id}/chat with the CSRF header), one straight to Rasa's REST channel
   with the same signed stamp the gateway would add, so that Rasa and the action server do the
   same work on both paths and the difference is the gateway's. The two paths alternate turn by
   turn (which one goes first alternates too), so machine load falls on both alike. Every turn
   must be recorded: the gateway's answer says so, and afterwards every conversation's turn count
   and last message id are checked in the database for both paths.
2. The officer list page (GET /office) with ``units`` units and ``assessments`` assessments of the
   officer's office seeded directly through SQLAlchemy, cached scores computed once from random
   answers (the page reads the cached columns, it never scores).
"""

from __future__ import annotations

import math
import os
import random
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from servers import Servers, free_port, launch_web, stop, wait_http

PASSWORD = "bench-password-42"
ANSWERS = ["有", "没有", "部分", "不清楚"]
PER_ASSESSMENT = 48  # turns one assessment takes before its last criterion (the 50th answer ends it)
GATEWAY_TARGET_MS = 10.0
OFFICE_TARGET_MS = 200.0
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


@dataclass
class BenchUnit:
    user_id: int
    username: str
    http: requests.Session  # signed in to the web app
    rest: requests.Session  # Rasa's REST channel
    csrf: str = ""
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (web assessment, REST assessment)
    sent: dict[int, list[str]] = field(default_factory=dict)  # assessment -> message ids, in order


class WebBench:
    """The web app next to running Rasa and action servers, over their database."""

    def __init__(self, servers: Servers, tmp: Path) -> None:
        self.servers = servers
        self.tmp = tmp
        # this process signs REST turns and seeds the database: the servers' data folder and key
        os.environ["SHANGMI_VAR"] = servers.env["SHANGMI_VAR"]
        os.environ.pop("SHANGMI_DB_URL", None)
        from app.bootstrap import build
        from app.secrets import secret_key

        secret_key()  # created now, before any server needs it (creation is not race-free)
        self.url = f"sqlite:///{Path(servers.env['SHANGMI_VAR']) / 'shangmi.db'}"
        self.svc = build(self.url)
        self.rasa = f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self._n = 0
        from app.services.authz import Actor

        admin_id = self.svc.accounts.create_admin("bench-admin", PASSWORD)
        self.admin = Actor(admin_id, "admin")

    # ── the web app ──────────────────────────────────────────────────────
    def start(self) -> None:
        env = {**self.servers.env, "SHANGMI_RASA_URL": f"http://127.0.0.1:{self.servers.rasa_port}"}
        self.proc = launch_web(self.port, env, self.tmp / "web.log")
        wait_http(f"{self.base}/healthz", self.proc)

    def stop(self) -> None:
        stop(self.proc)

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def sign_in(self, username: str) -> requests.Session:
        http = requests.Session()
        token = self._csrf(http, "/login")
        r = http.post(
            f"{self.base}/login",
            data={"username": username, "password": PASSWORD, "csrf": token},
            allow_redirects=False,
            timeout=30,
        )
        if r.status_code != 303:
            raise RuntimeError(f"sign-in of {username} failed: {r.status_code}")
        return http

    def _csrf(self, http: requests.Session, path: str) -> str:
        r = http.get(f"{self.base}{path}", timeout=30)
        r.raise_for_status()
        m = _CSRF.search(r.text)
        if not m:
            raise RuntimeError(f"no CSRF token on {path}")
        return m.group(1)

    def officer(self, office_name: str) -> tuple[int, Any]:
        """An office and its officer (invitation accepted); returns (office id, officer user)."""
        office = self.svc.accounts.create_office(self.admin, office_name)
        self._n += 1
        inv = self.svc.accounts.create_officer(self.admin, f"bench-officer-{self._n}", "基准测试", office)
        return office, self.svc.accounts.accept_invitation(inv.token, PASSWORD)

    # ── 1. per-turn latency: gateway vs REST ─────────────────────────────
    def units(self, officer: Any, count: int, turns: int) -> list[BenchUnit]:
        """``count`` units of the officer's office, each signed in, with enough assessment pairs
        for ``turns`` turns per path."""
        from app.services.accounts import actor_of

        out = []
        for _ in range(count):
            self._n += 1
            name = f"bench-unit-{self._n}"
            uid, inv = self.svc.accounts.create_unit(actor_of(officer), f"基准芯片{self._n}号公司", "point", name)
            user = self.svc.accounts.accept_invitation(inv.token, PASSWORD)
            unit = BenchUnit(user.id, name, self.sign_in(name), requests.Session())
            for _ in range(math.ceil(turns / PER_ASSESSMENT)):
                pair = (
                    self.svc.assessments.start(actor_of(user), uid),
                    self.svc.assessments.start(actor_of(user), uid),
                )
                unit.pairs.append(pair)
            unit.csrf = self._csrf(unit.http, f"/assessments/{unit.pairs[0][0]}/chat")
            out.append(unit)
        return out

    def _web_turn(self, unit: BenchUnit, aid: int, message: str, mid: str) -> float:
        t0 = time.perf_counter()
        r = unit.http.post(
            f"{self.base}/assessments/{aid}/chat",
            json={"message": message, "message_id": mid},
            headers={"X-CSRF-Token": unit.csrf},
            timeout=60,
        )
        ms = (time.perf_counter() - t0) * 1000
        body = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
        if r.status_code != 200 or not body.get("ok") or not body.get("messages"):
            raise RuntimeError(f"web turn not recorded: {r.status_code} {body.get('error', r.text[:200])}")
        return ms

    def _rest_turn(self, unit: BenchUnit, aid: int, message: str, mid: str) -> float:
        from app.services.assessments import Stamp, sender_for

        sender = sender_for(aid)
        body = {"sender": sender, "message": message, "metadata": Stamp.make(sender, mid, unit.user_id).as_metadata()}
        t0 = time.perf_counter()
        r = unit.rest.post(self.rasa, json=body, timeout=60)
        ms = (time.perf_counter() - t0) * 1000
        r.raise_for_status()
        if not r.json():
            raise RuntimeError("REST turn got no reply")
        return ms

    def converse(self, unit: BenchUnit, turns: int, measured: bool = True) -> tuple[list[float], list[float]]:
        """``turns`` turns on each path, alternating; (web latencies, REST latencies) in ms."""
        web: list[float] = []
        rest: list[float] = []
        for i in range(turns):
            web_aid, rest_aid = unit.pairs[i // PER_ASSESSMENT]
            k = i % PER_ASSESSMENT
            message = ANSWERS[k % len(ANSWERS)]
            mid_web, mid_rest = f"bw{web_aid}x{k:04d}", f"br{rest_aid}x{k:04d}"
            for path in ("web", "rest") if i % 2 == 0 else ("rest", "web"):
                if path == "web":
                    web.append(self._web_turn(unit, web_aid, message, mid_web))
                else:
                    rest.append(self._rest_turn(unit, rest_aid, message, mid_rest))
            unit.sent.setdefault(web_aid, []).append(mid_web)
            unit.sent.setdefault(rest_aid, []).append(mid_rest)
        return (web, rest) if measured else ([], [])

    def check_recorded(self, units: list[BenchUnit]) -> tuple[int, int]:
        """Every turn sent is in the database (turn count and last message id of each
        conversation, answers written under the turns' message ids); (turns, answer changes)."""
        from sqlalchemy import func, select

        from app.db.models import AnswerHistory, Conversation

        turns = changes = 0
        with self.svc.sessions() as db:
            for unit in units:
                for aid, mids in unit.sent.items():
                    conv = db.scalar(select(Conversation).where(Conversation.assessment_id == aid))
                    if conv is None or conv.turns != len(mids) or conv.last_message_id != mids[-1]:
                        got = (conv.turns, conv.last_message_id) if conv else None
                        raise RuntimeError(f"assessment {aid}: {len(mids)} turns sent, recorded {got}")
                    turns += conv.turns
                    changes += (
                        db.scalar(
                            select(func.count(func.distinct(AnswerHistory.message_id))).where(
                                AnswerHistory.assessment_id == aid, AnswerHistory.message_id.in_(mids)
                            )
                        )
                        or 0
                    )
        return turns, changes

    def chat(self, single_turns: int, clients: int, client_turns: int) -> list[dict[str, str]]:
        _, officer = self.officer("基准测试所（对话）")
        warm = self.units(officer, 1, 4)
        self.converse(warm[0], 4, measured=False)  # templates, rubric caches, connections

        one = self.units(officer, 1, single_turns)
        web1, rest1 = self.converse(one[0], single_turns)

        many = self.units(officer, clients, client_turns)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = list(pool.map(lambda u: self.converse(u, client_turns), many))
        wall = time.perf_counter() - t0
        webn = [x for w, _ in results for x in w]
        restn = [x for _, r in results for x in r]

        recorded, changes = self.check_recorded(warm + one + many)
        sent = sum(len(m) for u in warm + one + many for m in u.sent.values())
        self.recorded = f"{recorded}/{sent} turns recorded, {changes} with an answer written under their message id"
        rows = []
        for name, a, b in (("web gateway → Rasa", web1, webn), ("Rasa REST directly", rest1, restn)):
            rows.append(
                {
                    "path (real action server)": name,
                    "1 unit p50 ms": f"{statistics.median(a):.1f}",
                    "1 unit p95 ms": f"{pct(a, 0.95):.1f}",
                    f"{clients} units p50 ms": f"{statistics.median(b):.1f}",
                    f"{clients} units p95 ms": f"{pct(b, 0.95):.1f}",
                    "turns/s": f"{len(webn + restn) / wall:.1f} (both)" if name.startswith("web") else "",
                    "samples": f"{len(a)} + {len(b)}",
                }
            )
        # what the gateway adds: web − REST at the same percentile, and the median of the
        # per-step differences (each web turn against the REST turn of the same step and unit)
        pairs1 = [w - r for w, r in zip(web1, rest1, strict=True)]
        pairsn = [w - r for ws, rs in results for w, r in zip(ws, rs, strict=True)]
        self.overhead = {
            "1 unit": (pct(web1, 0.95) - pct(rest1, 0.95), statistics.median(web1) - statistics.median(rest1)),
            f"{clients} units": (
                pct(webn, 0.95) - pct(restn, 0.95),
                statistics.median(webn) - statistics.median(restn),
            ),
        }
        self.paired = {"1 unit": statistics.median(pairs1), f"{clients} units": statistics.median(pairsn)}
        (o1p95, o1p50), (onp95, onp50) = self.overhead.values()
        rows.append(
            {
                "path (real action server)": "gateway adds (web − REST)",
                "1 unit p50 ms": f"{o1p50:+.1f}",
                "1 unit p95 ms": f"{o1p95:+.1f}",
                f"{clients} units p50 ms": f"{onp50:+.1f}",
                f"{clients} units p95 ms": f"{onp95:+.1f}",
            }
        )
        return rows

    # ── 2. the officer list page ─────────────────────────────────────────
    def seed_office(self, office_id: int, officer_id: int, units: int, assessments: int) -> tuple[int, int, str]:
        """``units`` units of the office, ``assessments`` assessments among all but 2 % of them
        (those show as not yet started), cached scores from random answers, a few hundred answer
        rows; (units listed, units not started, a cached total that must show)."""
        from sqlalchemy import func, insert, select

        from app.db.models import Answer, Assessment, Unit
        from bot.rubric import BooleanRule, PerCountRule, ThresholdRule
        from bot.scoring import score

        rng = random.Random(7)
        types = ["point"] * 7 + ["station"] * 2 + ["zone"]
        with self.svc.sessions() as db:
            rubrics = {
                ut: self.svc.assessments.rubric(db, self.svc.assessments.current_version(ut)) for ut in set(types)
            }
        versions = {ut: self.svc.assessments.current_version(ut) for ut in rubrics}

        def answers(ut: str) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for c in rubrics[ut].criteria:
                if rng.random() < 0.15:
                    continue  # not reached yet
                if isinstance(c.rule, BooleanRule):
                    out[c.id] = rng.choice([True, True, True, False, "partial", "unknown"])
                elif isinstance(c.rule, ThresholdRule | PerCountRule):
                    out[c.id] = rng.randint(0, 6)
            return out

        # a pool of realistic cached scores per unit type (scored once, like the write path does)
        pool: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        for ut, rubric in rubrics.items():
            pool[ut] = []
            for _ in range(40):
                a = answers(ut)
                res = score(rubric, a)
                cached = {
                    "answered": sum(1 for c in rubric.criteria if c.id in a and a[c.id] != "unknown"),
                    "unconfirmed": sum(1 for c in res.criteria if c.status == "unknown"),
                    "base": res.base,
                    "bonus": res.bonus,
                    "total": res.total,
                }
                pool[ut].append((a, cached))

        now = datetime.now(UTC)
        unit_rows = [
            {
                "name": f"松江基准{i:04d}号{['科技', '制造', '贸易', '服务'][i % 4]}有限公司",
                "unit_type": types[i % len(types)],
                "office_id": office_id,
                "form": {"name": f"松江基准{i:04d}号"},
                "created_by": officer_id,
                "created_at": now - timedelta(days=400),
            }
            for i in range(units)
        ]
        started = units - max(1, units // 50)
        with self.svc.sessions.begin() as db:
            first = (db.scalar(select(Unit.id).order_by(Unit.id.desc()).limit(1)) or 0) + 1
            db.execute(insert(Unit), unit_rows)
            ids = list(db.scalars(select(Unit.id).where(Unit.office_id == office_id).order_by(Unit.id)))
            assert len(ids) == units and ids[0] >= first
            per = [assessments // started + (1 if i < assessments % started else 0) for i in range(started)]
            rows = []
            for i, (uid, n) in enumerate(zip(ids[:started], per, strict=True)):
                ut = types[i % len(types)]
                for k in range(n):
                    _, cached = rng.choice(pool[ut])
                    at = now - timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 1440))
                    latest = k == n - 1
                    rows.append(
                        {
                            "unit_id": uid,
                            "rubric_version_id": versions[ut],
                            "status": "submitted" if not latest or rng.random() < 0.3 else "draft",
                            "started_at": at - timedelta(days=3),
                            "submitted_at": at if not latest else None,
                            "updated_at": at,
                            **cached,
                        }
                    )
            db.execute(insert(Assessment), rows)
            # answer rows for a handful of the latest assessments, consistent with their cache
            latest_ids = list(
                db.scalars(
                    select(func.max(Assessment.id))
                    .join(Unit, Unit.id == Assessment.unit_id)
                    .where(Unit.office_id == office_id, Unit.unit_type == "point")
                    .group_by(Assessment.unit_id)
                    .order_by(func.max(Assessment.id).desc())
                    .limit(8)
                )
            )
            answer_rows = []
            for aid in latest_ids:
                a, cached = rng.choice(pool["point"])
                row = db.get(Assessment, aid)
                assert row is not None
                for key, value in cached.items():
                    setattr(row, key, value)
                answer_rows += [
                    {"assessment_id": aid, "criterion_id": cid, "value": v, "words": "", "updated_at": now}
                    for cid, v in a.items()
                ]
            db.execute(insert(Answer), answer_rows)
            shown = f"{cached['total']:g}"
        self.answer_rows = len(answer_rows)
        return started, units - started, shown

    def office(self, units: int, assessments: int, requests_n: int) -> list[dict[str, str]]:
        """The officer's list (its first page, as officers open it) and the ranking by total,
        both checked against the database before they are timed."""
        from sqlalchemy import func, select

        from app.db.models import Assessment, Unit

        office_id, officer = self.officer("基准测试所（列表）")
        t0 = time.perf_counter()
        listed, fresh, _ = self.seed_office(office_id, officer.id, units, assessments)
        seed_s = time.perf_counter() - t0
        with self.svc.sessions() as db:
            latest = (
                select(func.max(Assessment.id))
                .join(Unit, Unit.id == Assessment.unit_id)
                .where(Unit.office_id == office_id)
                .group_by(Assessment.unit_id)
            )
            top = db.scalar(select(func.max(Assessment.total)).where(Assessment.id.in_(latest)))
        http = self.sign_in(officer.username)
        per_page = 50

        def get(url: str) -> tuple[float, str]:
            t = time.perf_counter()
            r = http.get(url, timeout=120)
            ms = (time.perf_counter() - t) * 1000
            r.raise_for_status()
            return ms, r.text

        out = []
        for label, url in (
            ("GET /office (officer)", "/office"),
            ("GET /office?sort=total (ranking)", "/office?sort=total"),
        ):
            _, html = get(self.base + url)  # warm-up, and the page is the one meant
            rows = html.count('">报告</a>')
            whole = f"辖区单位 <strong>{units}</strong> 家" in html and f"共 {listed} 条" in html
            if rows != min(per_page, listed) or not whole or f"尚未开始 {fresh} 家" not in html:
                raise RuntimeError(f"{url} shows {rows} rows, expected {min(per_page, listed)} of {listed}")
            if "sort=total" in url and f"<td><strong>{top:g}</strong></td>" not in html.split("</tr>")[1]:
                raise RuntimeError(f"{url}: the first row is not the highest total {top:g}")
            get(self.base + url)
            lat = [get(self.base + url)[0] for _ in range(requests_n)]
            out.append(
                {
                    "page": label,
                    "units": str(units),
                    "assessments": str(assessments),
                    "rows shown": f"{min(per_page, listed)} of {listed} (+{fresh} not started)",
                    "p50 ms": f"{statistics.median(lat):.1f}",
                    "p95 ms": f"{pct(lat, 0.95):.1f}",
                    "max ms": f"{max(lat):.1f}",
                    "page KB": f"{len(html.encode('utf-8')) / 1024:.0f}",
                    "requests": str(requests_n),
                    "seeded in s": f"{seed_s:.1f}",
                }
            )
        return out


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "NOT met"
