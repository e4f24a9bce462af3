"""Process-wide wiring of the action server: the services of app.bootstrap, and report files."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.bootstrap import Services, build
from bot.report import render_html, render_markdown, write_private
from bot.session import Session
from bot.storage import report_name, var_dir


def write_report(session: Session, data: dict[str, Any]) -> str:
    """For chats without a web account: write the Markdown and printable HTML report owner-only."""
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
def services() -> Services:
    return build(file_sink=write_report)


def warm_up() -> None:
    """Load the rubrics, the database and the reading models at start-up, not on a first turn."""
    import sys

    from bot.rubric import RubricError
    from bot.understanding import matched_keywords

    try:
        services()
    except RubricError as exc:  # one readable line per problem instead of a traceback
        print(f"验收表文件有误，动作服务器无法启动：\n{exc}", file=sys.stderr)
        raise SystemExit(2) from None
    matched_keywords("预热", ["预热"])
    from bot.reading import ANSWER_MODEL

    ANSWER_MODEL.get()  # load (or, without `make train`, train) the answer combiner now, not on a first answer
