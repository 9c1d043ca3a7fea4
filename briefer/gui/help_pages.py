"""The user guide's pages: read from the shipped docs/guide/, searched, and chosen for
what the analyst is doing (F1). Imports no Qt, so tests and tools can read the guide.

Each page is one Markdown file named by its id (`import.md` is the page "import"); its
first `# ` line is its title. The shortcuts page holds a marked section that the help
window fills with the window's real shortcuts (SHORTCUTS_MARK), so the list is never
written by hand and cannot disagree with the menus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.resources import guide_dir

# The pages in reading order; tests check every file of docs/guide/ is listed here.
ORDER = (
    "start", "import", "excerpt", "grade", "search", "briefs", "export", "backups",
    "tradecraft", "shortcuts",
)  # fmt: skip
START = "start"
SHORTCUTS = "shortcuts"
SHORTCUTS_MARK = "<!-- shortcuts -->"

# What the analyst is doing -> the page F1 opens. The actions table and the window
# name these contexts; page_for_context falls back to the start page.
CONTEXT_PAGES: dict[str, str] = {
    "window": "start",
    "navigator": "start",
    "sources": "import",
    "first_run": "import",
    "import": "import",
    "paste": "import",
    "original": "import",
    "reader": "excerpt",
    "excerpts": "excerpt",
    "excerpt_editor": "excerpt",
    "details": "grade",
    "grade": "grade",
    "search": "search",
    "filters": "search",
    "tags": "search",
    "brief": "briefs",
    "new_brief": "briefs",
    "history": "briefs",
    "export": "export",
    "backup": "backups",
    "restore": "backups",
    "check": "backups",
    "read_only": "backups",
    "tradecraft": "tradecraft",
    "shortcuts": "shortcuts",
}


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    title: str
    text: str  # Markdown


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def load_pages(folder: Path | None = None) -> list[Page]:
    """The guide's pages in ORDER, then any page not listed there by name."""
    folder = folder or guide_dir()
    found = {p.stem: p for p in folder.glob("*.md")}
    ids = [i for i in ORDER if i in found] + sorted(set(found) - set(ORDER))
    pages = []
    for page_id in ids:
        text = found[page_id].read_text(encoding="utf-8")
        pages.append(Page(page_id, _title(text, page_id), text))
    return pages


def page_for_context(context: str | None) -> str:
    """The page id F1 opens for a context name (unknown ones open the start page)."""
    if context in ORDER:
        return context
    return CONTEXT_PAGES.get(context or "", START)


def shortcuts_markdown(shortcuts: Sequence[tuple[str, str]] | None) -> str:
    """The generated section: a table of (what it does, its keys)."""
    if not shortcuts:
        return "*The window's shortcuts are listed here when the guide is opened from it.*"
    rows = ["| command | keys |", "| --- | --- |"]
    for text, keys in shortcuts:
        rows.append(f"| {_cell(text)} | {_cell(keys)} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def with_shortcuts(page: Page, shortcuts: Sequence[tuple[str, str]] | None) -> Page:
    """The page with its shortcuts section filled (pages without the mark unchanged)."""
    if SHORTCUTS_MARK not in page.text:
        return page
    return Page(
        page.id, page.title, page.text.replace(SHORTCUTS_MARK, shortcuts_markdown(shortcuts))
    )


def matching(pages: Iterable[Page], query: str) -> list[Page]:
    """Pages holding every word of the query (case-insensitive); all for no words."""
    words = query.casefold().split()
    return [p for p in pages if all(w in p.text.casefold() for w in words)]
