"""Process-wide singletons of the action server: the rubrics, the engine and the store."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.dialogue import Engine, Session
from bot.report import render_html, render_markdown, write_private
from bot.rubric import UNIT_TYPES, load_rubric
from bot.storage import SessionStore, report_name, var_dir


def write_report(session: Session, data: dict[str, Any]) -> str:
    """Write the Markdown and printable HTML report owner-only; return where to find it."""
    folder = var_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stem = f"{session.unit_type}-{report_name(session.id)}"
    html_path = folder / f"{stem}.html"
    md_path = folder / f"{stem}.md"
    today = date.today().isoformat()
    for path, text in ((html_path, render_html(data, generated=today)), (md_path, render_markdown(data))):
        write_private(path, text)
    return str(_display(html_path))


def _display(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine({ut: load_rubric(ut) for ut in UNIT_TYPES}, report_sink=write_report)


@lru_cache(maxsize=1)
def store() -> SessionStore:
    return SessionStore()


def warm_up() -> None:
    """Load the rubrics and the spaCy pipeline at start-up, not on a user's first turn (~2 s)."""
    import sys

    from bot.rubric import RubricError
    from bot.understanding import matched_keywords

    try:
        engine()
    except RubricError as exc:  # one readable line per problem instead of a traceback
        print(f"验收表文件有误，动作服务器无法启动：\n{exc}", file=sys.stderr)
        raise SystemExit(2) from None
    matched_keywords("预热", ["预热"])
    from bot.reading import ANSWER_MODEL

    ANSWER_MODEL.get()  # load (or, without `make train`, train) the answer combiner now, not on a first answer
