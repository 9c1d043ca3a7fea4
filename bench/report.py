"""Writing benchmark figures into docs/PERFORMANCE.md, one section per benchmark."""

from __future__ import annotations

import os
import platform
import re
from datetime import date
from pathlib import Path

REPORT = Path(__file__).resolve().parents[1] / "docs" / "PERFORMANCE.md"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def append_section(title: str, body: str) -> None:
    """Replace the section of that title (or add it), keeping everyone else's sections."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    section = (
        f"## {title}\n\nMeasured {date.today().isoformat()} on {machine()}.\n\n{body.strip()}\n"
    )
    # A section runs to the next heading of level 2 or 3, whoever wrote it.
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^##? |^### |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    REPORT.write_text(text, encoding="utf-8")


def load_note(name: str) -> str:
    """The hand-written analysis kept beside the benchmarks (bench/notes/NAME.md), so a
    run that rewrites its section keeps the why next to the new figures."""
    path = Path(__file__).parent / "notes" / f"{name}.md"
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""
