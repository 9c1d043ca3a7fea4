"""The brief document: a versioned, Qt-free JSON structure (docs/BRIEF_DOCUMENT.md).

The editor converts Qt's QTextDocument to and from it; export, search and the future
standards checks read it without Qt. `normalize` gives the one canonical form of a
document, which is what the editor's lossless round trip is measured against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from briefer.core.bidi import is_rtl
from briefer.core.errors import InvalidInput
from briefer.core.markings import normalize_portion
from briefer.core.textutil import clean_text

FORMAT = "briefer.brief"
VERSION = 1

MARKS = ("bold", "italic", "underline", "strike")
ALIGNS = ("left", "center", "right", "justify")
DIRECTIONS = ("ltr", "rtl")
MAX_LIST_DEPTH = 8
MAX_HEADING_LEVEL = 3

# Section ids that carry meaning for export and the standards checks.
KNOWN_SECTIONS = (
    "bluf", "key-judgments", "background", "discussion", "outlook", "sources",
    "situation", "assessment", "summary", "next-steps",
)  # fmt: skip

# Characters Qt's text document uses for itself (object replacement, its block and
# frame markers): text holding them could not survive the editor's round trip.
_QT_RESERVED = re.compile("[\ufffc\ufdd0\ufdd1]")
_SEPARATORS = str.maketrans({"\u2028": " ", "\u2029": " "})

_SECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def empty_document() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "blocks": []}


def text(value: str, *marks: str, link: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": value}
    if marks:
        node["marks"] = list(marks)
    if link:
        node["link"] = link
    return node


def citation(excerpt_id: int) -> dict[str, Any]:
    return {"type": "citation", "excerpt": excerpt_id}


def paragraph(*content: dict[str, Any] | str, **attrs: str) -> dict[str, Any]:
    return {"type": "paragraph", "content": [_inline(c) for c in content], **attrs}


def heading(title: str, level: int = 1, section: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "heading", "level": level, "content": [text(title)]}
    if section:
        node["section"] = section
    return node


def _inline(item: dict[str, Any] | str) -> dict[str, Any]:
    return text(item) if isinstance(item, str) else item


# -- validation and the canonical form ----------------------------------------------


def normalize(doc: Any) -> dict[str, Any]:
    """Check a document and return its canonical form.

    Canonical: marks in MARKS order without repeats, adjacent text runs with the same
    marks and link merged, empty runs dropped, default attributes omitted. Raises
    InvalidInput naming the place of the first problem.
    """
    if not isinstance(doc, dict):
        raise InvalidInput("brief body: not a document object")
    if doc.get("format", FORMAT) != FORMAT:
        raise InvalidInput(f"brief body: format {doc.get('format')!r} is not {FORMAT!r}")
    version = doc.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise InvalidInput(
            f"brief body: document version {version!r} is newer than this Briefer reads"
        )
    blocks = doc.get("blocks", [])
    if not isinstance(blocks, list):
        raise InvalidInput("brief body: blocks must be a list")
    return {
        "format": FORMAT,
        "version": VERSION,
        "blocks": [_block(b, f"block {n + 1}") for n, b in enumerate(blocks)],
    }


def _block(block: Any, where: str, depth: int = 0) -> dict[str, Any]:
    if not isinstance(block, dict):
        raise InvalidInput(f"brief body, {where}: not an object")
    kind = block.get("type")
    if kind == "heading":
        level = block.get("level", 1)
        if not isinstance(level, int) or not 1 <= level <= MAX_HEADING_LEVEL:
            raise InvalidInput(f"brief body, {where}: heading level must be 1 to 3")
        out: dict[str, Any] = {"type": "heading", "level": level}
        section = block.get("section")
        if section:
            if not isinstance(section, str) or not _SECTION_ID.match(section):
                raise InvalidInput(f"brief body, {where}: section id {section!r} is not valid")
            out["section"] = section
        out["content"] = _inlines(block.get("content", []), where)
        return _with_paragraph_attrs(out, block, where)
    if kind in ("paragraph", "quote"):
        out = {"type": kind, "content": _inlines(block.get("content", []), where)}
        return _with_portion(_with_paragraph_attrs(out, block, where), block, where)
    if kind == "list":
        return _list(block, where, depth)
    if kind == "table":
        return _table(block, where)
    if kind == "source_list":
        return {"type": "source_list"}
    raise InvalidInput(f"brief body, {where}: unknown block type {kind!r}")


def _with_paragraph_attrs(out: dict[str, Any], block: dict[str, Any], where: str) -> dict[str, Any]:
    """Alignment and direction; a paragraph whose first strong character is
    right-to-left is right-to-left whatever its stored direction says."""
    align = block.get("align")
    if align not in (None, "left"):
        if align not in ALIGNS:
            raise InvalidInput(f"brief body, {where}: alignment {align!r} is not valid")
        out["align"] = align
    direction = block.get("dir")
    if direction not in (None, "ltr"):
        if direction not in DIRECTIONS:
            raise InvalidInput(f"brief body, {where}: direction {direction!r} is not valid")
        out["dir"] = direction
    elif is_rtl(_words(out["content"])):
        out["dir"] = "rtl"
    return out


def _with_portion(out: dict[str, Any], node: dict[str, Any], where: str) -> dict[str, Any]:
    """An optional portion mark ("U", "C", "TLP:AMBER"; core/tradecraft/portions.py)."""
    if node.get("portion"):
        try:
            mark = normalize_portion(str(node["portion"]))
        except InvalidInput as exc:
            raise InvalidInput(f"brief body, {where}: {exc}") from exc
        out["portion"] = mark
    return out


def _words(content: list[dict[str, Any]]) -> str:
    return "".join(n.get("text", "") for n in content if n.get("type") == "text")


def _list(block: dict[str, Any], where: str, depth: int) -> dict[str, Any]:
    if depth >= MAX_LIST_DEPTH:
        raise InvalidInput(f"brief body, {where}: lists nest deeper than {MAX_LIST_DEPTH}")
    items = block.get("items", [])
    if not isinstance(items, list) or not items:
        raise InvalidInput(f"brief body, {where}: a list needs at least one item")
    out_items = []
    for n, item in enumerate(items):
        at = f"{where}, item {n + 1}"
        if not isinstance(item, dict):
            raise InvalidInput(f"brief body, {at}: not an object")
        entry: dict[str, Any] = {"content": _inlines(item.get("content", []), at)}
        children = item.get("children") or []
        if not isinstance(children, list):
            raise InvalidInput(f"brief body, {at}: children must be a list of lists")
        if children:
            nested = []
            for m, child in enumerate(children):
                if not isinstance(child, dict) or child.get("type") != "list":
                    raise InvalidInput(f"brief body, {at}: children must be lists")
                nested.append(_list(child, f"{at}, list {m + 1}", depth + 1))
            entry["children"] = nested
        direction = item.get("dir")
        if direction == "rtl" or is_rtl(_words(entry["content"])):
            entry["dir"] = "rtl"
        out_items.append(_with_portion(entry, item, at))
    return {"type": "list", "ordered": bool(block.get("ordered", False)), "items": out_items}


def _table(block: dict[str, Any], where: str) -> dict[str, Any]:
    rows = block.get("rows", [])
    if not isinstance(rows, list) or not rows:
        raise InvalidInput(f"brief body, {where}: a table needs at least one row")
    width = None
    out_rows = []
    for r, row in enumerate(rows):
        if not isinstance(row, list) or not row:
            raise InvalidInput(f"brief body, {where}, row {r + 1}: not a list of cells")
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise InvalidInput(
                f"brief body, {where}, row {r + 1}: has {len(row)} cells, not {width}"
            )
        cells = []
        for c, cell in enumerate(row):
            at = f"{where}, row {r + 1}, cell {c + 1}"
            if not isinstance(cell, dict):
                raise InvalidInput(f"brief body, {at}: not an object")
            cells.append({"content": _inlines(cell.get("content", []), at)})
        out_rows.append(cells)
    return {"type": "table", "header": bool(block.get("header", False)), "rows": out_rows}


def _inlines(content: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(content, list):
        raise InvalidInput(f"brief body, {where}: content must be a list")
    out: list[dict[str, Any]] = []
    for node in content:
        if not isinstance(node, dict):
            raise InvalidInput(f"brief body, {where}: inline content must be objects")
        kind = node.get("type")
        if kind == "citation":
            excerpt = node.get("excerpt")
            if not isinstance(excerpt, int) or isinstance(excerpt, bool) or excerpt < 1:
                raise InvalidInput(f"brief body, {where}: a citation needs an excerpt id")
            out.append({"type": "citation", "excerpt": excerpt})
            continue
        if kind != "text":
            raise InvalidInput(f"brief body, {where}: unknown inline type {kind!r}")
        value = node.get("text", "")
        if not isinstance(value, str):
            raise InvalidInput(f"brief body, {where}: text must be a string")
        value = _QT_RESERVED.sub("", clean_text(value).replace("\n", " ")).translate(_SEPARATORS)
        if not value:
            continue
        marks = node.get("marks") or []
        if not isinstance(marks, list) or any(m not in MARKS for m in marks):
            raise InvalidInput(f"brief body, {where}: marks must be among {', '.join(MARKS)}")
        run: dict[str, Any] = {"type": "text", "text": value}
        ordered = [m for m in MARKS if m in marks]
        if ordered:
            run["marks"] = ordered
        link = node.get("link")
        if link:
            if not isinstance(link, str):
                raise InvalidInput(f"brief body, {where}: a link must be a string")
            run["link"] = link
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous["type"] == "text"
            and previous.get("marks") == run.get("marks")
            and previous.get("link") == run.get("link")
        ):
            previous["text"] += value
        else:
            out.append(run)
    return out


# -- reading ---------------------------------------------------------------------------


def iter_blocks(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every block in reading order, list items' nested lists included."""
    for block in doc.get("blocks", []):
        yield from _walk_block(block)


def _walk_block(block: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield block
    if block.get("type") == "list":
        for item in block.get("items", []):
            for child in item.get("children", []):
                yield from _walk_block(child)


def inline_runs(block: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """The inline content lists of a block: one for most, one per item or cell."""
    kind = block.get("type")
    if kind in ("heading", "paragraph", "quote"):
        yield block.get("content", [])
    elif kind == "list":
        for item in block.get("items", []):
            yield item.get("content", [])
    elif kind == "table":
        for row in block.get("rows", []):
            for cell in row:
                yield cell.get("content", [])


def plain_text(doc: dict[str, Any]) -> str:
    """The words of the document, one line a paragraph; citations as [n] markers."""
    lines = []
    number = 0
    for block in iter_blocks(doc):
        for content in inline_runs(block):
            parts = []
            for node in content:
                if node["type"] == "citation":
                    number += 1
                    parts.append(f"[{number}]")
                else:
                    parts.append(node["text"])
            lines.append("".join(parts))
    return "\n".join(lines)


def sections(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(section id or '', heading text) of every heading, in order."""
    found = []
    for block in doc.get("blocks", []):
        if block.get("type") == "heading":
            title = "".join(n.get("text", "") for n in block.get("content", []))
            found.append((block.get("section", ""), title))
    return found


def _section_range(doc: dict[str, Any], section: str) -> tuple[int, int]:
    """Indexes of a section's heading and of the block after its last block.

    The section is matched by id or by heading text (case-insensitive); it ends where
    the next heading of the same or a higher level begins.
    """
    items = doc["blocks"]
    key = section.strip().casefold()
    for start, block in enumerate(items):
        if block.get("type") != "heading":
            continue
        title = "".join(x.get("text", "") for x in block.get("content", []))
        if block.get("section", "").casefold() == key or title.strip().casefold() == key:
            level = block["level"]
            for end in range(start + 1, len(items)):
                if items[end].get("type") == "heading" and items[end]["level"] <= level:
                    return start, end
            return start, len(items)
    names = ", ".join(sid or title for sid, title in sections(doc)) or "none"
    raise InvalidInput(f"section {section!r} is not in this brief (sections: {names})")


def _is_empty(content: list[dict[str, Any]]) -> bool:
    return not any(n["type"] == "citation" or n.get("text", "").strip() for n in content)


def add_to_section(
    doc: dict[str, Any], section: str, content: list[dict[str, Any]], *, kind: str = "paragraph"
) -> dict[str, Any]:
    """A copy of doc with a paragraph (or quote) added at the end of a section.

    An empty placeholder paragraph left by the template is filled instead; in a section
    that ends with a list (key judgments), a paragraph becomes a new list item. A
    source_list block stays last.
    """
    out = normalize(doc)
    items = out["blocks"]
    start, end = _section_range(out, section)
    insert_at = end
    while insert_at > start + 1 and items[insert_at - 1].get("type") == "source_list":
        insert_at -= 1
    last = items[insert_at - 1] if insert_at > start + 1 else None
    content = _inlines(content, f"section {section}")
    if last is not None and kind == "paragraph" and last["type"] == "list":
        if _is_empty(last["items"][-1]["content"]) and not last["items"][-1].get("children"):
            last["items"][-1]["content"] = content
        else:
            last["items"].append({"content": content})
        return out
    if last is not None and last["type"] == "paragraph" and _is_empty(last["content"]):
        items[insert_at - 1] = {"type": kind, "content": content}
        return out
    items.insert(insert_at, {"type": kind, "content": content})
    return out


PARAPHRASE_PREFIX = "[paraphrase of "


def paraphrase_placeholder(label: str) -> str:
    """The words that stand for a paraphrase the analyst has still to write."""
    return f"{PARAPHRASE_PREFIX}{label or 'the excerpt'}]"


def is_placeholder(content: list[dict[str, Any]]) -> bool:
    """True for a paragraph still holding a paraphrase placeholder."""
    return _words(content).lstrip().startswith(PARAPHRASE_PREFIX)


def placeholders(doc: dict[str, Any]) -> list[str]:
    """Where unwritten paraphrase placeholders stand: "block 4", "block 6, item 2"."""
    found = []
    for n, block in enumerate(doc.get("blocks", [])):
        if block.get("type") in ("paragraph", "quote") and is_placeholder(block["content"]):
            found.append(f"block {n + 1}")
        elif block.get("type") == "list":
            for m, item in enumerate(block.get("items", [])):
                if is_placeholder(item.get("content", [])):
                    found.append(f"block {n + 1}, item {m + 1}")
    return found


def add_marker_to_section(
    doc: dict[str, Any], section: str, excerpt_id: int, label: str = ""
) -> dict[str, Any]:
    """A copy of doc with a citation marker for a paraphrase ("cite without quoting").

    The marker joins the section's last block only when that is the analyst's own text
    (a paragraph or list item): never a block quote, whose words it would attribute to
    this excerpt too. Otherwise it starts a paragraph holding the placeholder
    "[paraphrase of <label>]", which the editor and the export flag until it is written.
    """
    out = normalize(doc)
    items = out["blocks"]
    start, end = _section_range(out, section)
    last_at = end
    while last_at > start + 1 and items[last_at - 1].get("type") == "source_list":
        last_at -= 1
    for n in range(last_at - 1, start, -1):
        block = items[n]
        if block["type"] == "paragraph" and _is_empty(block["content"]):
            continue  # a template's empty placeholder: add_to_section fills it
        if block["type"] == "paragraph":
            block["content"].append(citation(excerpt_id))
            return out
        if block["type"] == "list" and not _is_empty(block["items"][-1]["content"]):
            block["items"][-1]["content"].append(citation(excerpt_id))
            return out
        break
    content = [text(paraphrase_placeholder(label)), citation(excerpt_id)]
    if last_at > start + 1 and items[last_at - 1]["type"] == "list":
        # After a list (key judgments) the placeholder is a paragraph, not an item.
        items.insert(last_at, {"type": "paragraph", "content": _inlines(content, section)})
        return out
    return add_to_section(out, section, content)


# The citations' walk lives here, below the ORM services: the sources table's suspect
# marks (core/suspect.py) need it at start-up, before any service is loaded.
def cited_excerpts(body: Any) -> list[int]:
    """Excerpt ids of the citation nodes in document order, repeats kept."""
    return list(_walk_citations(body))


def _walk_citations(node: Any) -> Iterator[int]:
    if isinstance(node, dict):
        if node.get("type") == "citation" and isinstance(node.get("excerpt"), int):
            yield node["excerpt"]
        for value in node.values():
            yield from _walk_citations(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk_citations(item)
