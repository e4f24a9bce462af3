"""Evaluate how answers are recorded, against a labelled answer bank (docs/answer-bank.md).

    python scripts/answer_eval.py tests/answer_bank                 # in process, rules only
    python scripts/answer_eval.py tests/answer_bank --servers       # through real Rasa + action servers
    python scripts/answer_eval.py tests/answer_bank --servers --gate # exit 1 below the bar

Each case starts a fresh conversation at its criterion, sends its message(s) as a unit types
them, and reads what was stored. A confirmation ("我理解为…，对吗？") is answered as the unit
would: "是的" when the proposal is what the label means, "不是" otherwise. Prints accuracy per
category, the confirmation rate and every wrong record.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bot.answer_bank import Case, is_number_case, load_bank, matches, rubric_of  # noqa: E402
from bot.answer_model import DEV_BANKS, train_default  # noqa: E402
from bot.dialogue import Engine  # noqa: E402
from bot.reading import ANSWER_MODEL  # noqa: E402
from bot.rubric import UNIT_TYPES, Rubric, load_rubric  # noqa: E402
from bot.session import Session, UserEvent  # noqa: E402

MIN_ACCURACY = 0.98
MISSING = object()


@dataclass
class Outcome:
    case: Case
    stored: Any
    ok: bool
    confirmed: int  # confirmation turns seen
    wrong_after_confirm: bool
    at: str | None  # the question the walk is at after the last turn
    replies: list[str] = field(default_factory=list)

    @property
    def recorded(self) -> bool:
        return self.stored is not MISSING


Say = Callable[[str], list[dict[str, Any]]]


class Conversation:
    """One case's conversation: start at a criterion, say things, read what was stored."""

    def say(self, text: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    def stored(self, criterion: str) -> Any:
        raise NotImplementedError

    def at(self) -> str | None:
        raise NotImplementedError


def _session_at(rubrics: dict[str, Rubric], sid: str, criterion: str) -> Session:
    rubric = rubric_of(rubrics, criterion)
    ids = [c.id for c in rubric.criteria]
    return Session(
        id=sid,
        unit_type=rubric.unit_type,
        rubric_version=rubric.version,
        cursor=len(rubric.form) + ids.index(criterion),
    )


class InProcess(Conversation):
    """The engine in this process; intents from a Rasa server's /model/parse when given."""

    def __init__(self, engine: Engine, sid: str, criterion: str, nlu: str | None) -> None:
        self.engine, self.nlu = engine, nlu
        self.session = _session_at(engine.rubrics, sid, criterion)

    def say(self, text: str) -> list[dict[str, Any]]:
        intent, conf = None, None
        if self.nlu:
            import requests

            r = requests.post(f"{self.nlu}/model/parse", json={"text": text}, timeout=30).json()
            intent, conf = r["intent"]["name"], float(r["intent"]["confidence"])
        msgs = self.engine.handle(self.session, UserEvent("answer", text, intent, {}, conf))
        return [m.model_dump(exclude_none=True) for m in msgs]

    def stored(self, criterion: str) -> Any:
        return self.session.answers.get(criterion, MISSING)

    def at(self) -> str | None:
        c = self.engine.criterion_at(self.session)
        return c.id if c else None


class ThroughServers(Conversation):
    """The real Rasa server (REST) and action server; the chat is seeded at the criterion."""

    def __init__(self, servers: Any, services: Any, sid: str, criterion: str) -> None:
        self.servers, self.services, self.sid = servers, services, sid
        services.assessments.seed_conversation(sid, criterion.split(".")[0], criterion)

    def say(self, text: str) -> list[dict[str, Any]]:
        return self.servers.say(self.sid, text)

    def stored(self, criterion: str) -> Any:
        return self.services.assessments.conversation_answers(self.sid).get(criterion, MISSING)

    def at(self) -> str | None:
        return self.services.assessments.conversation_at(self.sid)


def _proposal(msgs: list[dict[str, Any]]) -> tuple[bool, Any, str | None]:
    for m in reversed(msgs):
        custom = m.get("custom")
        if isinstance(custom, dict) and custom.get("expects") == "confirm":
            return True, custom.get("proposed"), custom.get("criterion")
    return False, None, None


def run_case(case: Case, conv: Conversation, rubrics: dict[str, Rubric]) -> Outcome:
    c = rubric_of(rubrics, case.criterion).get(case.criterion)
    confirmed = 0
    wrong_after = False
    replies: list[str] = []
    for text in case.messages:
        msgs = conv.say(text)
        replies += [m.get("text", "") for m in msgs if m.get("text")]
        for _ in range(2):  # at most two confirmation rounds per message
            asking, proposed, about = _proposal(msgs)
            if not asking:
                break
            confirmed += 1
            target = rubric_of(rubrics, about or case.criterion).get(about or case.criterion)
            good = about == case.criterion and matches(target, case.expect, proposed)
            msgs = conv.say("是的" if good else "不是")
            replies += [m.get("text", "") for m in msgs if m.get("text")]
            if good and not matches(c, case.expect, _value(conv.stored(case.criterion))):
                wrong_after = True
    stored = conv.stored(case.criterion)
    ok = matches(c, case.expect, _value(stored))
    at = conv.at()
    if ok and case.after is not None and at != case.after:
        ok = False
    return Outcome(case, stored, ok, confirmed, wrong_after, at, replies)


def _value(stored: Any) -> Any:
    return None if stored is MISSING else stored


@dataclass
class Report:
    outcomes: list[Outcome]
    seconds: float

    def summary(self) -> dict[str, Any]:
        n = len(self.outcomes)
        ok = sum(o.ok for o in self.outcomes)
        wrong = [o for o in self.outcomes if not o.ok and o.recorded and o.case.expect != "reask"]
        wrong += [o for o in self.outcomes if not o.ok and o.case.expect == "reask" and o.recorded]
        return {
            "cases": n,
            "recorded_as_meant": ok,
            "accuracy": round(ok / n, 4) if n else 0.0,
            "wrong_records": len(wrong),
            "re_asked": sum(1 for o in self.outcomes if not o.ok and not o.recorded),
            "confirmation_rate": round(sum(1 for o in self.outcomes if o.confirmed) / n, 4) if n else 0.0,
            "wrong_after_confirmation": sum(o.wrong_after_confirm for o in self.outcomes),
            "numbers_wrong_side": len([o for o in wrong if o.case.expect != "reask" and self._number(o)]),
            "seconds": round(self.seconds, 1),
        }

    _rubrics: dict[str, Rubric] = field(default_factory=dict)

    def _number(self, o: Outcome) -> bool:
        return is_number_case(rubric_of(self._rubrics, o.case.criterion).get(o.case.criterion))

    def print(self, verbose: bool = True) -> None:
        by_cat: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            by_cat[o.case.category].append(o)
        print(f"{'category':<22}{'cases':>7}{'as meant':>10}{'accuracy':>10}{'wrong':>7}{'re-ask':>8}{'confirm':>9}")
        for cat, outs in sorted(by_cat.items()):
            n = len(outs)
            ok = sum(o.ok for o in outs)
            wrong = sum(1 for o in outs if not o.ok and o.recorded)
            re_ask = sum(1 for o in outs if not o.ok and not o.recorded)
            conf = sum(1 for o in outs if o.confirmed)
            print(f"{cat:<22}{n:>7}{ok:>10}{ok / n:>10.1%}{wrong:>7}{re_ask:>8}{conf / n:>9.1%}")
        s = self.summary()
        print(
            f"\nall: {s['recorded_as_meant']}/{s['cases']} recorded as meant ({s['accuracy']:.1%}); "
            f"wrong records {s['wrong_records']}; re-asked {s['re_asked']}; "
            f"confirmation rate {s['confirmation_rate']:.1%}; wrong after confirmation {s['wrong_after_confirmation']}; "
            f"numbers on the wrong side {s['numbers_wrong_side']}; {s['seconds']} s"
        )
        if verbose:
            print("\nnot as meant:")
            kinds = Counter()
            for o in self.outcomes:
                if o.ok:
                    continue
                kind = "WRONG" if o.recorded else "re-ask"
                kinds[kind] += 1
                stored = "—" if not o.recorded else json.dumps(o.stored, ensure_ascii=False)
                extra = f" at {o.at} (want {o.case.after})" if o.case.after and o.at != o.case.after else ""
                print(
                    f"  [{kind}] {o.case.id} {o.case.criterion} {' / '.join(o.case.messages)!r} "
                    f"-> {stored} (want {json.dumps(o.case.expect, ensure_ascii=False)}){extra}"
                )


def evaluate(
    cases: list[Case], make: Callable[[Case, int], Conversation], rubrics: dict[str, Rubric], workers: int = 1
) -> Report:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda ic: run_case(ic[1], make(ic[1], ic[0]), rubrics), enumerate(cases)))
    return Report(outcomes, time.perf_counter() - start, rubrics)


def gate(summary: dict[str, Any], minimum: float = MIN_ACCURACY, wrong_side: int = 0) -> list[str]:
    """What keeps the run below the bar: accuracy, numbers on the wrong side, wrong records after a yes."""
    problems = []
    if summary["accuracy"] < minimum:
        problems.append(f"recorded as meant {summary['accuracy']:.1%} < {minimum:.1%}")
    if summary["numbers_wrong_side"] > wrong_side:
        problems.append(
            f"{summary['numbers_wrong_side']} number(s) on the wrong side of their threshold (> {wrong_side})"
        )
    if summary["wrong_after_confirmation"]:
        problems.append(f"{summary['wrong_after_confirmation']} wrong record(s) after a confirmation")
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("bank", type=Path)
    p.add_argument("--servers", action="store_true", help="through real Rasa + action servers on loopback")
    p.add_argument("--nlu", help="in process, with intents from this Rasa server URL")
    p.add_argument("--gate", action="store_true", help="exit 1 below the bar (--min, --wrong-side)")
    p.add_argument("--min", type=float, default=MIN_ACCURACY, help="the accuracy the gate asks for (default 0.98)")
    p.add_argument("--wrong-side", type=int, default=0, help="numbers on the wrong side the gate allows (default 0)")
    p.add_argument("--quiet", action="store_true", help="do not list the cases not recorded as meant")
    p.add_argument("--json", type=Path, help="write the summary as JSON here")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--rules-only", action="store_true", help="in process: without the trained combiner")
    p.add_argument(
        "--model-without", nargs="+", metavar="BANK", help="in process: train the combiner without these dev banks"
    )
    args = p.parse_args(argv)

    rubrics = {ut: load_rubric(ut) for ut in UNIT_TYPES}
    if args.rules_only:
        ANSWER_MODEL.use(None)
    elif args.model_without:
        ANSWER_MODEL.use(train_default(rubrics, [b for b in DEV_BANKS if b not in args.model_without]))
    cases = load_bank(args.bank)
    if args.servers:
        report = _through_servers(cases, rubrics, args.workers)
    else:
        engine = Engine(rubrics)
        report = evaluate(cases, lambda c, i: InProcess(engine, f"eval-{i}", c.criterion, args.nlu), rubrics)
    report.print(verbose=not args.quiet)
    summary = report.summary()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.gate:
        problems = gate(summary, args.min, args.wrong_side)
        for problem in problems:
            print(f"GATE: {problem}", file=sys.stderr)
        return 1 if problems else 0
    return 0


def _through_servers(cases: list[Case], rubrics: dict[str, Rubric], workers: int) -> Report:
    import tempfile

    from servers import Servers

    from app.bootstrap import build

    with tempfile.TemporaryDirectory(prefix="answer-eval-") as tmp:
        servers = Servers.create(Path(tmp))
        (Path(tmp) / "var").mkdir(mode=0o700)
        try:
            servers.start_actions()
            servers.start_rasa()
            services = build(f"sqlite:///{Path(tmp) / 'var' / 'shangmi.db'}")
            return evaluate(
                cases,
                lambda c, i: ThroughServers(servers, services, f"eval-{i}-{c.id}", c.criterion),
                rubrics,
                workers=workers,
            )
        finally:
            servers.stop_all()


if __name__ == "__main__":
    sys.exit(main())
