"""The trained half of the yes / no / partial / not-sure reading.

The rules (:mod:`bot.verdict`) find the phenomena — negation scope, plans, restrictions, what the
standard accepts — clause by clause; what they cannot know is how people *combine* clauses
("没有，离职就直接走了" explains a no; "分了等级，期限没定" is a partial). That is learned here:
a logistic regression over character n-grams of the reply **plus the rules' own findings as
tokens** (which rule fired on which clause, in which order, with or without a contrast word), so
the model learns when a rule's reading holds and when a combination means something else.

Trained on the development answer banks only (``tests/answer_dev*``; never the held-out bank), by
``make train`` into ``models/answers.joblib``; :func:`default_model` trains it in memory when the
file is missing or older than the banks, so a fresh checkout works without a separate step.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .answer_bank import Case, load_bank
from .rubric import Criterion, Rubric
from .text import arabic, normalize
from .verdict import Analysis, Context, Verdict, analyze, context, measures_named, on_topic

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
MODEL_PATH = ROOT / "models" / "answers.joblib"
DEV_BANKS = (
    "answer_dev",
    "answer_dev2",
    "answer_dev3",
    "answer_dev4",
    "answer_dev5",
    "answer_dev6",
    "answer_dev7",
    "answer_dev8",
    "answer_dev9",
    "answer_dev10",
    "answer_dev11",
    "answer_dev12",
    "answer_dev13",
    "answer_dev14",
    "answer_dev15",
    "answer_dev16",
    "answer_dev17",
    "answer_dev18",
    "answer_dev19",
    "answer_dev20",
    "answer_dev21",
    "answer_dev22",
    "answer_dev23",
    "answer_dev24",
    "answer_dev25",
    "answer_dev26",
    "answer_dev27",
    "answer_dev28",
    "answer_dev29",
    "answer_dev30",
    "answer_dev31",
    "answer_dev32",
    "answer_dev33",
    "answer_dev34",
    "answer_dev35",
    "answer_dev36",
    "answer_dev37",
    "answer_dev38",
    "answer_dev39",
    "answer_dev40",
    "answer_dev41",
    "answer_dev42",
    "answer_dev43",
    "answer_dev44",
    "answer_dev45",
    "answer_dev46",
    "answer_dev47",
    "answer_dev48",
    "answer_dev49",
    "answer_dev50",
    "answer_dev51",
    "answer_dev52",
    "answer_dev53",
    "answer_dev54",
    "answer_dev55",
    "answer_dev56",
    "answer_dev57",
    "answer_dev58",
    "answer_dev59",
    "answer_dev60",
    "answer_dev61",
    "answer_dev62",
    "answer_dev63",
    "answer_dev64",
    "answer_dev65",
    "answer_dev66",
    "answer_dev67",
    "answer_dev68",
    "answer_dev69",
    "answer_dev70",
    "answer_dev71",
    "answer_dev72",
    "answer_dev73",
    "answer_dev74",
    "answer_dev75",
    "answer_dev76",
    "answer_dev77",
    "answer_dev78",
    "answer_dev79",
    "answer_dev80",
    "answer_dev81",
    "answer_dev82",
    "answer_dev83",
    "answer_dev84",
    "answer_dev85",
    "answer_dev86",
    "answer_dev87",
    "answer_dev88",
    "answer_dev89",
    "answer_dev90",
    "answer_dev91",
    "answer_dev92",
    "answer_dev93",
    "answer_dev94",
    "answer_dev95",
    "answer_dev96",
    "answer_dev97",
    "answer_dev99",
    "answer_dev100",
    "answer_dev101",
    "answer_dev102",
    "answer_dev103",
    "answer_dev104",
    "answer_dev105",
    "answer_dev107",
    "answer_dev109",
    "answer_dev111",
    "answer_dev112",
    "answer_dev113",
    "answer_dev114",
    "answer_dev115",
    "answer_dev116",
    "answer_dev117",
    "answer_dev119",
    "answer_dev120",
    "answer_dev121",
    "answer_dev122",
    "answer_dev123",
    "answer_dev124",
    "answer_dev126",
    "answer_dev127",
    "answer_dev128",
    "answer_dev130",
    "answer_dev131",
    "answer_dev118",
    "answer_dev110",
    "answer_dev106",
    "answer_dev108",
    "answer_dev98",
    "answer_dev132",
    "answer_dev133",
    "answer_dev134",
    "answer_dev136",
    "answer_dev137",
    "answer_dev140",
    "answer_dev141",
    "answer_dev142",
    "answer_dev145",
    "answer_dev146",
    "answer_dev147",
    "answer_dev148",
    "answer_dev149",
    "answer_dev150",
    "answer_dev151",
    "answer_dev152",
    "answer_dev153",
    "answer_dev154",
    "answer_dev155",
    "answer_dev156",
    "answer_dev157",
    "answer_dev158",
    "answer_dev159",
    "answer_dev160",
    "answer_dev161",
    "answer_dev162",
    "answer_dev163",
    "answer_dev164",
    "answer_dev165",
    "answer_dev166",
    "answer_dev167",
    "answer_dev168",
    "answer_dev169",
    "answer_dev170",
    "answer_dev171",
    "answer_dev172",
    "answer_dev173",
    "answer_dev174",
)
LABELS: tuple[Verdict, ...] = ("yes", "no", "partial", "unknown")
# the label of a case as the rules' literal verdict: for an absence question (有没有发生过…),
# "met" means nothing happened, i.e. the literal answer was "no"
_LITERAL = {"met": "yes", "not_met": "no", "partial": "partial", "unknown": "unknown"}
_ABSENCE = {"met": "no", "not_met": "yes", "partial": "partial", "unknown": "unknown"}


def rule_tokens(a: Analysis, ctx: Context | None = None) -> str:
    """The rules' findings as words: which rule fired on each clause, first/last, signature, hedges,
    and whether a clause read as a yes names one of the criterion's measures."""
    clauses = [r.split(":", 1) for r in a.reasons if ":" in r]
    kinds = [k for k, _ in clauses]
    notes = [r.replace(" ", "_") for r in a.reasons if ":" not in r]
    toks = [f"V_{a.verdict}", f"N_{min(len(kinds), 4)}"]
    toks += [f"K_{k}" for k in kinds]
    if kinds:
        toks += [f"FIRST_{kinds[0]}", f"LAST_{kinds[-1]}", "SIG_" + "_".join(kinds[:4])]
    toks += [f"R_{n}" for n in notes]
    toks.append(f"C_{int(a.confidence * 10)}")
    if ctx is not None and ctx.measures:
        for k, text in clauses:
            if k in ("yes", "weak", "implicit", "accepted", "control"):
                toks.append(f"M_{k}_{'on' if on_topic(text, ctx.measures) else 'off'}")
    if ctx is not None and len(ctx.measure_list) > 1:
        toks += _coverage(clauses, ctx.measure_list)
    return " ".join(toks)


_AFFIRMING = {"yes", "weak", "implicit", "accepted", "control", "idiom"}
_DENYING = {"no", "lax", "plan", "gone", "irrelevant"}


def _coverage(clauses: Sequence[Sequence[str]], measures: Sequence[str]) -> list[str]:
    """How the reply covers the criterion's measures: named in clauses that affirm, named in clauses
    that deny (临时证件没发，审批和登记是有的 names two affirmed and one denied of three)."""
    affirmed: set[int] = set()
    denied: set[int] = set()
    for kind, text in clauses:
        named = measures_named(text, measures)
        if kind in _AFFIRMING:
            affirmed |= named
        elif kind in _DENYING:
            denied |= named
    affirmed -= denied
    share = len(affirmed) / len(measures)
    cover = "all" if share == 1 else "most" if share >= 0.5 else "some" if affirmed else "none"
    toks = [f"MA_{min(len(affirmed), 3)}", f"MD_{min(len(denied), 3)}", f"MCOV_{cover}"]
    if affirmed and denied:
        toks.append("MBOTH")
    return toks


@dataclass
class AnswerModel:
    """Char n-grams of the reply + the rules' tokens -> P(yes / no / partial / unknown)."""

    chars: Any  # TfidfVectorizer over characters
    tokens: Any  # CountVectorizer over rule tokens
    classifier: Any  # LogisticRegression

    def features(self, texts: Sequence[str], analyses: Sequence[Analysis], contexts: Sequence[Context]) -> Any:
        from scipy.sparse import hstack

        norm = [arabic(normalize(t)) for t in texts]
        toks = [rule_tokens(a, c) for a, c in zip(analyses, contexts, strict=True)]
        return hstack([self.chars.transform(norm), self.tokens.transform(toks)]).tocsr()

    def predict(self, text: str, analysis: Analysis, ctx: Context) -> dict[Verdict, float]:
        probs = self.classifier.predict_proba(self.features([text], [analysis], [ctx]))[0]
        return {label: float(p) for label, p in zip(self.classifier.classes_, probs, strict=True)}

    @classmethod
    def train(cls, examples: Sequence[tuple[str, Analysis, Context, str]]) -> AnswerModel:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        texts = [arabic(normalize(t)) for t, _, _, _ in examples]
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, min_df=2)
        tokens = CountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True)
        toks = [rule_tokens(a, c) for _, a, c, _ in examples]
        x = hstack([chars.fit_transform(texts), tokens.fit_transform(toks)])
        clf = LogisticRegression(C=4.0, max_iter=3000)
        clf.fit(x.tocsr(), [label for _, _, _, label in examples])
        return cls(chars, tokens, clf)


def examples_from(cases: Iterable[Case], rubrics: dict[str, Rubric]) -> list[tuple[str, Analysis, Context, str]]:
    """Single-message yes/no cases as (text, the rules' analysis, literal label)."""
    out = []
    for case in cases:
        if case.text is None or not isinstance(case.expect, str) or case.expect not in _LITERAL:
            continue
        c: Criterion = rubrics[case.criterion.split(".")[0]].get(case.criterion)
        if c.expects != "boolean":
            continue
        ctx: Context = context(c)
        label = (_ABSENCE if c.polarity == "absence" else _LITERAL)[str(case.expect)]
        out.append((case.text, analyze(case.text, ctx=ctx), ctx, label))
    return out


def dev_cases(banks: Sequence[str] = DEV_BANKS) -> list[Case]:
    cases: list[Case] = []
    for name in banks:
        folder = ROOT / "tests" / name
        if folder.is_dir():
            cases += load_bank(folder)
    return cases


def train_default(rubrics: dict[str, Rubric], banks: Sequence[str] = DEV_BANKS) -> AnswerModel:
    return AnswerModel.train(examples_from(dev_cases(banks), rubrics))


def _inputs_mtime() -> float:
    """The newest of what the model depends on: the development banks and the rules it reads with."""
    files = [p for name in DEV_BANKS for p in (ROOT / "tests" / name).glob("*.y*ml")]
    files += [Path(__file__).parent / f for f in ("answer_model.py", "verdict.py", "reading.py", "text.py")]
    return max((p.stat().st_mtime for p in files if p.exists()), default=0.0)


def save(model: AnswerModel, path: Path = MODEL_PATH) -> None:
    import joblib

    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path)


@lru_cache(maxsize=1)
def default_model() -> AnswerModel | None:
    """The model of ``make train``; trained here when the file is missing or older than the banks.

    None only when there are no development banks at all (then the rules read alone)."""
    import joblib

    from .rubric import UNIT_TYPES, load_rubric

    if MODEL_PATH.exists() and MODEL_PATH.stat().st_mtime >= _inputs_mtime():
        model: AnswerModel = joblib.load(MODEL_PATH)
        return model
    rubrics: dict[str, Rubric] = {ut: load_rubric(ut) for ut in UNIT_TYPES}
    if not dev_cases():
        return None
    logger.info("answer model: training from the development banks (models/answers.joblib missing or stale)")
    return train_default(rubrics)


def main() -> None:
    """``python -m bot.answer_model``: train on the development banks, write models/answers.joblib."""
    from .rubric import UNIT_TYPES, load_rubric

    rubrics: dict[str, Rubric] = {ut: load_rubric(ut) for ut in UNIT_TYPES}
    examples = examples_from(dev_cases(), rubrics)
    model = AnswerModel.train(examples)
    save(model)
    print(
        f"{MODEL_PATH.relative_to(ROOT)}: trained on {len(examples)} yes/no answers of {len(DEV_BANKS)} development banks"
    )


if __name__ == "__main__":  # pickle the class as bot.answer_model.AnswerModel, not __main__.AnswerModel
    from bot.answer_model import main as _main

    _main()
