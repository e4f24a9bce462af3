"""Append a list field to criteria of a rubric file, keeping the file's layout (officers' edits stay).

python scripts/rubric_field.py rubrics/point.yml accepts point.39 保密条款 协议条款
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def add(path: Path, field: str, criterion: str, words: list[str]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    current = None
    done = False

    def flush() -> None:
        nonlocal done
        if current == criterion and not done:
            while out and out[-1] == "":
                out.pop()
            out.append(f"  {field}:")
            out.extend(f"  - {w}" for w in words)
            done = True

    for line in lines:
        m = re.match(r"^- id: (\S+)", line)
        if m:
            flush()
            current = m.group(1)
        out.append(line)
    flush()
    if not done:
        raise SystemExit(f"{path}: no criterion {criterion}")
    text = "\n".join(out)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


if __name__ == "__main__":
    add(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:])
