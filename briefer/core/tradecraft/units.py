"""A brief read as units: paragraphs, quotes, list items and table cells with their
place (section, paragraph number), words and citations.

Offsets into a unit's `text` are code points of its text runs; citations count as
nothing (the editor shows them as numbers, which it adds when it maps offsets).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from briefer.core import document
from briefer.core.errors import InvalidInput
from briefer.core.tradecraft.findings import Path

# Heading texts that name a section when the heading carries no id.
_SECTION_TITLES = {
    "bluf": "bluf",
    "bottom line up front": "bluf",
    "bottom line": "bluf",
    "key judgments": "key-judgments",
    "key judgements": "key-judgments",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """One block of the analyst's words.

    section: the nearest heading's id, else its text ("" before any heading).
    scope: the section id that decides which rules apply (the nearest heading with an
    id, or a known heading text such as "Key judgments"); nested headings inherit it.
    paragraph: counted from 1 inside `section`, list items and cells included.
    top: the path of the top-level list item this unit belongs to (itself when top).
    """

    section: str
    scope: str
    paragraph: int
    kind: str  # "paragraph", "quote", "item", "cell"
    path: Path
    depth: int
    top: Path
    text: str
    citations: tuple[int, ...]
    portion: str = ""

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.citations


def words_of(content: list[dict]) -> str:
    return "".join(n.get("text", "") for n in content if n.get("type") == "text")


def citations_of(content: list[dict]) -> tuple[int, ...]:
    return tuple(n["excerpt"] for n in content if n.get("type") == "citation")


def units(doc: dict) -> list[Unit]:
    """Every unit of a (normalized) document in reading order."""
    out: list[Unit] = []
    headings: list[tuple[int, str, str]] = []  # (level, id or title, scope)
    section = scope = ""
    number = 0
    for n, block in enumerate(doc.get("blocks", [])):
        kind = block.get("type")
        if kind == "heading":
            level = block.get("level", 1)
            while headings and headings[-1][0] >= level:
                headings.pop()
            title = words_of(block.get("content", [])).strip()
            sid = block.get("section", "")
            own_scope = sid or _SECTION_TITLES.get(title.casefold(), "")
            parent_scope = headings[-1][2] if headings else ""
            headings.append((level, sid or title, own_scope or parent_scope))
            section, scope = headings[-1][1], headings[-1][2]
            number = 0
            continue
        for path, depth, top, unit_kind, node in _walk(block, ("blocks", n)):
            number += 1
            content = node.get("content", [])
            out.append(
                Unit(
                    section=section,
                    scope=scope,
                    paragraph=number,
                    kind=unit_kind,
                    path=path,
                    depth=depth,
                    top=top,
                    text=words_of(content),
                    citations=citations_of(content),
                    portion=node.get("portion", ""),
                )
            )
    return out


def _walk(block: dict, path: Path) -> Iterator[tuple[Path, int, Path, str, dict]]:
    kind = block.get("type")
    if kind in ("paragraph", "quote"):
        yield path, 0, path, kind, block
    elif kind == "list":
        yield from _items(block, path, 0, None)
    elif kind == "table":
        for r, row in enumerate(block.get("rows", [])):
            for c, cell in enumerate(row):
                at = (*path, "rows", r, c)
                yield at, 0, at, "cell", cell


def _items(block: dict, path: Path, depth: int, top: Path | None):
    for i, item in enumerate(block.get("items", [])):
        at = (*path, "items", i)
        own_top = top if top is not None else at
        yield at, depth, own_top, "item", item
        for c, child in enumerate(item.get("children", [])):
            yield from _items(child, (*at, "children", c), depth + 1, own_top)


def node_at(doc: dict, path: Path) -> dict:
    """The block, item or cell a unit path points at."""
    node: object = doc
    try:
        for step in path:
            node = node[step]  # type: ignore[index]
    except (KeyError, IndexError, TypeError) as exc:
        raise InvalidInput("the brief changed since it was checked; check it again") from exc
    if not isinstance(node, dict) or "content" not in node:
        raise InvalidInput("the brief changed since it was checked; check it again")
    return node


def replace_text(doc: dict, path: Path, start: int, end: int, new: str) -> dict:
    """A normalized copy of doc with the unit's words [start:end] replaced by `new`.

    The new words take the marks of the run they land in; an insertion at the very end
    goes after any closing citation (a sentence added to a judgment).
    """
    out = document.normalize(doc)
    node = node_at(out, path)
    content = node["content"]
    total = len(words_of(content))
    if not 0 <= start <= end <= total:
        raise InvalidInput("the brief changed since it was checked; check it again")
    if start == end == total:
        content.append({"type": "text", "text": new})
        return document.normalize(out)
    result: list[dict] = []
    pos = 0
    placed = False
    for run in content:
        if run["type"] != "text":
            result.append(run)
            continue
        value = run["text"]
        run_start, run_end = pos, pos + len(value)
        pos = run_end
        if run_end <= start or (run_start >= end and placed):
            result.append(run)
            continue
        keep_before = value[: max(0, start - run_start)]
        keep_after = value[max(0, end - run_start) :] if end < run_end else ""
        piece = keep_before
        if not placed and run_start <= start <= run_end:
            piece += new
            placed = True
        piece += keep_after
        if piece:
            result.append({**run, "text": piece})
    node["content"] = result
    return document.normalize(out)
