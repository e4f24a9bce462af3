"""Benchmark: per-turn latency (p50/p95), throughput, training time and memory.

Starts, on loopback only, (1) our assistant (Rasa 3.6 + the action server) and
(2) a bare default Rasa bot (`rasa init`) as the floor, drives both through the
REST channel with one client and with 20 concurrent conversations (bounded turn
counts), and prints the figures. Not a test: it prints, it does not assert.

With our servers still up it also starts the web app (bench/webbench.py) and measures
(3) a turn through its chat gateway against the same turn sent to Rasa's REST channel
directly, with 1 and 20 signed-in units, and (4) the officer list page over an office
of 1,000 units and 3,000 assessments.

    .venv/bin/python bench/run.py [--turns 60] [--concurrency 20] [--skip-train] [--skip-web]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from servers import RASA, Servers, free_port, stop, wait_http  # noqa: E402  (shared with the e2e test)
from webbench import GATEWAY_TARGET_MS, OFFICE_TARGET_MS, WebBench, verdict  # noqa: E402

ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SANIC_HOST": "127.0.0.1"}


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(p) for p in out]
    except FileNotFoundError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def drive(port: int, script: Callable[[int], list[str]], clients: int, turns: int) -> tuple[list[float], float]:
    """Run ``clients`` conversations of ``turns`` turns; return per-turn latencies (ms) and wall time (s)."""
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    tag = f"{time.time_ns()}"

    def one(client: int) -> list[float]:
        session = requests.Session()
        lat = []
        msgs = script(turns)
        for msg in msgs:
            t0 = time.perf_counter()
            r = session.post(url, json={"sender": f"bench-{tag}-{client}", "message": msg}, timeout=60)
            r.raise_for_status()
            lat.append((time.perf_counter() - t0) * 1000)
        return lat

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, range(clients)))
    return [x for r in results for x in r], time.perf_counter() - t0


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def our_script(turns: int) -> list[str]:
    answers = ["有", "已经签了", "部分", "没有", "不清楚", "一年两次", "解释一下", "进度"]
    head = ["你好", "我们是一家做芯片的企业", "全部跳过"]
    return (head + [answers[i % len(answers)] for i in range(turns)])[:turns]


LONG_REPLY = (
    "我们签了保密协议，研发和销售都签了，新来的几个还在走流程；制度是去年发的文，培训一年两次，"
    "档案室单独上锁，U盘要登记，离职的时候会收回电脑、停账号；"
)


def long_script(turns: int) -> list[str]:
    """Replies near the web gateway's 1,000-character cap (the longest a unit can send): the reading's worst case."""
    reply = (LONG_REPLY * (990 // len(LONG_REPLY) + 1))[:990]
    head = ["你好", "我们是一家做芯片的企业", "全部跳过"]
    return (head + [reply] * turns)[:turns]


def floor_script(turns: int) -> list[str]:
    msgs = ["hello", "I am sad", "yes", "great", "bye", "are you a bot?"]
    return [msgs[i % len(msgs)] for i in range(turns)]


def train_time(out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [str(RASA), "train", "--force", "--fixed-model-name", "bench", "--out", str(out)],
        cwd=ROOT,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def measure(
    name: str, port: int, script: Callable[[int], list[str]], args: argparse.Namespace, pids: dict[str, int]
) -> dict[str, str]:
    drive(port, script, 1, 5)  # warm-up
    single, _ = drive(port, script, 1, args.turns)
    many, wall = drive(port, script, args.concurrency, args.turns // 2)
    row = {
        "bot": name,
        "1 client p50 ms": f"{statistics.median(single):.1f}",
        "1 client p95 ms": f"{pct(single, 0.95):.1f}",
        f"{args.concurrency} clients p50 ms": f"{statistics.median(many):.1f}",
        f"{args.concurrency} clients p95 ms": f"{pct(many, 0.95):.1f}",
        "turns/s": f"{len(many) / wall:.1f}",
    }
    row["RSS MB"] = ", ".join(f"{k} {rss_mb(v):.0f}" for k, v in pids.items())
    return row


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=60)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--skip-train", action="store_true", help="do not measure training time")
    ap.add_argument("--skip-web", action="store_true", help="do not measure the web app")
    ap.add_argument("--web-turns", type=int, default=240, help="turns per path with 1 unit (a p95 needs a few hundred)")
    ap.add_argument("--web-unit-turns", type=int, default=8, help="turns per path and unit with --concurrency units")
    ap.add_argument("--office-units", type=int, default=1000)
    ap.add_argument("--office-assessments", type=int, default=3000)
    ap.add_argument("--office-requests", type=int, default=50)
    args = ap.parse_args()
    rows: list[dict[str, str]] = []
    chat_rows: list[dict[str, str]] = []
    office_rows: list[dict[str, str]] = []
    web: WebBench | None = None
    tmp = Path(tempfile.mkdtemp(prefix="shangmi-bench-"))
    procs: list[subprocess.Popen[bytes]] = []
    procs_ours: Servers | None = None
    try:
        # ── our assistant ───────────────────────────────────────────────
        train_s = None if args.skip_train else train_time(tmp / "models")
        ours = Servers.create(tmp)
        procs_ours = ours
        ours.start_actions()
        ours.start_rasa()
        assert ours.rasa is not None and ours.actions is not None
        rows.append(
            measure(
                "商秘自评助手", ours.rasa_port, our_script, args, {"rasa": ours.rasa.pid, "actions": ours.actions.pid}
            )
        )
        long_rows = [
            measure(
                "商秘自评助手, 990-character replies",
                ours.rasa_port,
                long_script,
                argparse.Namespace(**{**vars(args), "turns": 20, "concurrency": 5}),  # ~1 s a turn: fewer of them
                {"rasa": ours.rasa.pid, "actions": ours.actions.pid},
            )
        ]

        # ── the web app in front of the same servers ────────────────────
        if not args.skip_web:
            web = WebBench(ours, tmp)
            web.start()
            chat_rows = web.chat(args.web_turns, args.concurrency, args.web_unit_turns)
            office_rows = web.office(args.office_units, args.office_assessments, args.office_requests)
            chat_rows[0]["RSS MB"] = ", ".join(
                f"{k} {rss_mb(v):.0f}"
                for k, v in {"web": web.pid, "rasa": ours.rasa.pid, "actions": ours.actions.pid}.items()
            )
            web.stop()
        ours.stop_all()

        # ── the floor: a bare default Rasa bot ──────────────────────────
        init_dir = tmp / "default-bot"
        init_dir.mkdir()
        t0 = time.perf_counter()
        subprocess.run(
            [str(RASA), "init", "--no-prompt", "--init-dir", str(init_dir)],
            env=ENV,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        floor_train_s = time.perf_counter() - t0
        f_port = free_port()
        floor = subprocess.Popen(
            [str(RASA), "run", "-i", "127.0.0.1", "-p", str(f_port)],
            cwd=init_dir,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        procs.append(floor)
        wait_http(f"http://127.0.0.1:{f_port}/", floor)
        rows.append(measure("default Rasa bot (floor)", f_port, floor_script, args, {"rasa": floor.pid}))
        stop(floor)
    finally:
        for p in procs:
            stop(p)
        if web is not None:
            web.stop()
        if procs_ours is not None:
            procs_ours.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)

    table(rows)
    print()
    table(long_rows)
    ours, base = rows[0], rows[1]
    print(
        f"\n990-character replies, 1 client p95: {long_rows[0]['1 client p95 ms']} ms "
        f"(ordinary replies {ours['1 client p95 ms']} ms)"
    )
    ratio = float(ours["1 client p95 ms"]) / float(base["1 client p95 ms"])
    print(f"\np95 per turn (1 client): {ratio:.2f}x the default bot (target <= 2x)")
    ratio20 = float(ours[f"{args.concurrency} clients p95 ms"]) / float(base[f"{args.concurrency} clients p95 ms"])
    print(f"p95 per turn ({args.concurrency} clients): {ratio20:.2f}x the default bot")
    if train_s is not None:
        print(
            f"training time: ours {train_s:.0f} s (rasa train --force); default bot {floor_train_s:.0f} s (rasa init, incl. training)"
        )
    if web is not None:
        print()
        table(chat_rows)
        print()
        for n, (p95, _) in web.overhead.items():
            print(
                f"gateway adds, {n}: {p95:+.1f} ms at p95 (target <= {GATEWAY_TARGET_MS:g} ms: "
                f"{verdict(p95, GATEWAY_TARGET_MS)}); median of per-step differences {web.paired[n]:+.1f} ms"
            )
        print(f"recorded: {web.recorded}")
        print()
        table(office_rows)
        for row in office_rows:
            p95 = float(row["p95 ms"])
            print(
                f"{row['page']} p95: {p95:.1f} ms (target <= {OFFICE_TARGET_MS:g} ms: {verdict(p95, OFFICE_TARGET_MS)})"
            )
        print(f"({web.answer_rows} answer rows seeded; the page reads cached scores)")
    return 0


def table(rows: list[dict[str, str]]) -> None:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    widths = {k: max(len(k), *(len(r.get(k, "")) for r in rows)) for k in keys}
    print(" | ".join(k.ljust(widths[k]) for k in keys))
    print("-+-".join("-" * widths[k] for k in keys))
    for r in rows:
        print(" | ".join(r.get(k, "").ljust(widths[k]) for k in keys))


if __name__ == "__main__":
    sys.exit(main())
