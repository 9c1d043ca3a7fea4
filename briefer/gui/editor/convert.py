"""QTextDocument to and from the brief structure (docs/BRIEF_DOCUMENT.md).

The structure is the truth: the editor loads it with `write_document` and saves what
`read_document` gives back. Reading walks frames, blocks and fragments and looks only
at the properties of formats.py, so colours, fonts and sizes a paste brings are dropped
on the way back, and the round trip of any canonical document is lossless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrame,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from briefer.core import document
from briefer.gui.editor import formats as fx

# Characters Qt reserves for its own structure (paragraph and line separators, frame
# bounds, objects): text of the structure never carries them into the editor.
_SEPARATORS = re.compile("[\u2028\u2029]")
_QT_OBJECTS = re.compile("[\ufffc\ufdd0\ufdd1]")
_ORDERED_STYLES = (
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListLowerRoman,
)
_BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)


def list_format(ordered: bool, depth: int) -> QTextListFormat:
    fmt = QTextListFormat()
    styles = _ORDERED_STYLES if ordered else _BULLET_STYLES
    fmt.setStyle(styles[depth % len(styles)])
    fmt.setIndent(depth + 1)
    return fmt


def is_ordered(fmt: QTextListFormat) -> bool:
    return fmt.style() in (
        *_ORDERED_STYLES,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListUpperRoman,
    )


def clean_for_qt(value: str) -> str:
    return _QT_OBJECTS.sub("", _SEPARATORS.sub(" ", value))


# -- structure -> QTextDocument ------------------------------------------------------


def write_document(doc: QTextDocument, body: dict) -> None:
    """Replace doc's content by the structure, as one step outside the undo history."""
    undo = doc.isUndoRedoEnabled()
    doc.setUndoRedoEnabled(False)
    doc.clear()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    _Writer(cursor).blocks(body.get("blocks", []))
    cursor.endEditBlock()
    doc.setUndoRedoEnabled(undo)
    doc.setModified(False)


def fragment_of(body: dict) -> QTextDocumentFragment:
    """The structure as a fragment a cursor can insert (paste, restored selections)."""
    doc = QTextDocument()
    write_document(doc, body)
    return QTextDocumentFragment(doc)


class _Writer:
    def __init__(self, cursor: QTextCursor):
        self.cursor = cursor
        # The cursor's block is still empty and unused: the first block of a document,
        # or the one Qt puts after a table.
        self.fresh = True

    def blocks(self, blocks: list[dict]) -> None:
        for block in blocks:
            kind = block["type"]
            if kind == "list":
                self.list(block, 0)
            elif kind == "table":
                self.table(block)
            elif kind == "source_list":
                self.new_block(fx.block_format("paragraph"), fx.body_char_format())
                self.cursor.insertText(fx.OBJECT_CHAR, fx.source_list_format())
            else:
                level = block.get("level", 1)
                heading = kind == "heading"
                bfmt = fx.block_format(
                    kind,
                    level=level,
                    section=block.get("section", ""),
                    align=block.get("align", ""),
                    direction=block.get("dir", ""),
                    portion=block.get("portion", ""),
                )
                cfmt = fx.heading_char_format(level) if heading else fx.body_char_format()
                self.new_block(bfmt, cfmt)
                inline(self.cursor, block.get("content", []), level if heading else 0)
        if self.fresh:
            self.mark_filler()

    def new_block(self, bfmt, cfmt) -> None:
        if self.fresh:
            self.cursor.setBlockFormat(bfmt)
            self.cursor.setBlockCharFormat(cfmt)
            self.fresh = False
        else:
            self.cursor.insertBlock(bfmt, cfmt)

    def mark_filler(self) -> None:
        fmt = fx.block_format("paragraph")
        fmt.setProperty(fx.FILLER, True)
        self.cursor.setBlockFormat(fmt)

    def list(self, block: dict, depth: int) -> None:
        qlist: QTextList | None = None
        for item in block["items"]:
            bfmt = fx.block_format(
                "paragraph", direction=item.get("dir", ""), portion=item.get("portion", "")
            )
            self.new_block(bfmt, fx.body_char_format())
            if qlist is None:
                qlist = self.cursor.createList(list_format(block.get("ordered", False), depth))
            else:
                qlist.add(self.cursor.block())
            inline(self.cursor, item.get("content", []), 0)
            for child in item.get("children", []):
                self.list(child, depth + 1)

    def table(self, block: dict) -> None:
        rows = block["rows"]
        if self.fresh:
            self.mark_filler()
        table = self.cursor.insertTable(len(rows), len(rows[0]), table_format(block["header"]))
        if block.get("header"):
            style_header(table)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                inline(table.cellAt(r, c).firstCursorPosition(), cell.get("content", []), 0)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = True


def table_format(header: bool) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setHeaderRowCount(1 if header else 0)
    return fmt


def style_header(table: QTextTable) -> None:
    for c in range(table.columns()):
        cell = table.cellAt(0, c)
        fmt = QTextTableCellFormat(cell.format().toTableCellFormat())
        fmt.setBackground(fx.HEADER_BACKGROUND)
        cell.setFormat(fmt)


def inline(cursor: QTextCursor, content: list[dict], heading_level: int) -> None:
    """Insert inline nodes at the cursor: text runs with marks, citation markers."""
    heading = heading_level > 0
    for node in content:
        if node["type"] == "citation":
            cursor.insertText(fx.OBJECT_CHAR, fx.citation_format(node["excerpt"]))
            continue
        value = clean_for_qt(node.get("text", ""))
        if not value:
            continue
        fmt = fx.heading_char_format(heading_level) if heading else fx.body_char_format()
        fmt.merge(fx.text_char_format(node.get("marks", ()), node.get("link", ""), heading=heading))
        cursor.insertText(value, fmt)


# -- QTextDocument -> structure ------------------------------------------------------


@dataclass
class _OpenList:
    index: int  # QTextObject.objectIndex of the QTextList
    indent: int
    node: dict = field(default_factory=dict)


def read_document(doc: QTextDocument) -> dict:
    """The canonical structure of what the editor holds."""
    reader = _Reader()
    reader.frame(doc.rootFrame())
    return document.normalize({"format": document.FORMAT, "version": 1, "blocks": reader.out})


Places = dict[tuple, list[QTextBlock]]


def read_located(doc: QTextDocument) -> tuple[dict, Places]:
    """The structure, and for each paragraph, item and cell path (the `unit` paths of
    core/tradecraft/units.py) the editor blocks that hold it."""
    reader = _Reader()
    reader.frame(doc.rootFrame())
    places: Places = {}

    def visit(node: dict, path: tuple) -> None:
        if id(node) in reader.origin:
            places[path] = reader.origin[id(node)]
        for i, item in enumerate(node.get("items", [])):
            visit(item, (*path, "items", i))
            for c, child in enumerate(item.get("children", [])):
                visit(child, (*path, "items", i, "children", c))
        for r, row in enumerate(node.get("rows", [])):
            for c, cell in enumerate(row):
                visit(cell, (*path, "rows", r, c))

    for n, block in enumerate(reader.out):
        visit(block, ("blocks", n))
    body = document.normalize({"format": document.FORMAT, "version": 1, "blocks": reader.out})
    return body, places


class _Reader:
    def __init__(self):
        self.out: list[dict] = []
        self.lists: list[_OpenList] = []
        # id(node) -> the blocks it was read from (read_located)
        self.origin: dict[int, list[QTextBlock]] = {}

    def frame(self, frame: QTextFrame) -> None:
        it = frame.begin()
        while not it.atEnd():
            child = it.currentFrame()
            if child is not None:
                self.lists = []
                if isinstance(child, QTextTable):
                    self.out.append(read_table(child, self.origin))
                else:
                    self.frame(child)
            else:
                self.block(it.currentBlock())
            it += 1

    def block(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        qlist = block.textList()
        if qlist is not None:
            self.list_item(block, qlist)
            return
        self.lists = []
        if fmt.boolProperty(fx.FILLER) and block.length() <= 1:
            return
        kind = fx.block_kind(fmt)
        level = fx.heading_level(fmt)
        content, source_list = read_inline(block, heading=kind == "heading")
        if source_list:
            if content:
                self.out.append({"type": "paragraph", "content": content})
            self.out.append({"type": "source_list"})
            return
        node: dict = {"type": kind, "content": content}
        self.origin[id(node)] = [block]
        if kind == "heading":
            node["level"] = level
            section = fmt.stringProperty(fx.SECTION_ID)
            if section:
                node["section"] = section
        align, direction = fx.read_align(fmt), fx.read_direction(fmt)
        if align:
            node["align"] = align
        if direction:
            node["dir"] = direction
        portion = fx.read_portion(fmt)
        if portion and kind != "heading":
            node["portion"] = portion
        self.out.append(node)

    def list_item(self, block: QTextBlock, qlist: QTextList) -> None:
        lfmt = qlist.format()
        index, indent = qlist.objectIndex(), lfmt.indent()
        content, _ = read_inline(block, heading=False)
        item: dict = {"content": content}
        self.origin[id(item)] = [block]
        if fx.read_direction(block.blockFormat()):
            item["dir"] = "rtl"
        if fx.read_portion(block.blockFormat()):
            item["portion"] = fx.read_portion(block.blockFormat())
        stack = self.lists
        while stack and (
            stack[-1].indent > indent or (stack[-1].indent == indent and stack[-1].index != index)
        ):
            stack.pop()
        if stack and stack[-1].index == index:
            stack[-1].node["items"].append(item)
            return
        node = {"type": "list", "ordered": is_ordered(lfmt), "items": [item]}
        if not stack:
            self.out.append(node)
        elif len(stack) >= document.MAX_LIST_DEPTH:
            stack[-1].node["items"].append(item)  # deeper than a brief holds: flatten
            return
        else:
            stack[-1].node["items"][-1].setdefault("children", []).append(node)
        stack.append(_OpenList(index, indent, node))


def read_table(table: QTextTable, origin: dict | None = None) -> dict:
    rows = []
    for r in range(table.rows()):
        row = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            content: list[dict] = []
            node = {"content": content}
            if cell.row() == r and cell.column() == c:
                node["content"] = _cell_content(cell)
                if origin is not None:
                    origin[id(node)] = _cell_blocks(cell)
            row.append(node)
        rows.append(row)
    return {"type": "table", "header": table.format().headerRowCount() > 0, "rows": rows}


def _cell_blocks(cell) -> list[QTextBlock]:
    last = cell.lastCursorPosition().position()
    block = cell.firstCursorPosition().block()
    out = []
    while block.isValid() and block.position() <= last:
        out.append(block)
        block = block.next()
    return out


def _cell_content(cell) -> list[dict]:
    """A cell's blocks as one run of inline content, joined by spaces."""
    last = cell.lastCursorPosition().position()
    block = cell.firstCursorPosition().block()
    content: list[dict] = []
    while block.isValid() and block.position() <= last:
        part, _ = read_inline(block, heading=False)
        if content and part:
            content.append(document.text(" "))
        content.extend(part)
        block = block.next()
    return content


def read_inline(block: QTextBlock, *, heading: bool) -> tuple[list[dict], bool]:
    """A block's inline nodes, and whether it holds the source list object."""
    out: list[dict] = []
    source_list = False
    for part in block:
        frag = part.fragment()
        if not frag.isValid():
            continue
        fmt = frag.charFormat()
        value = frag.text()
        if fx.OBJECT_CHAR not in value:
            _add_text(out, value, fmt, heading)
            continue
        citation = fx.is_citation(fmt)
        excerpt = fmt.intProperty(fx.EXCERPT_ID)
        for piece in _split_objects(value):
            if piece != fx.OBJECT_CHAR:
                _add_text(out, piece, fmt, heading)
            elif citation and excerpt > 0:
                out.append(document.citation(excerpt))
            elif fx.is_source_list(fmt):
                source_list = True
            # any other object (an image) is dropped
    return out, source_list


def _split_objects(value: str) -> list[str]:
    pieces: list[str] = []
    run = ""
    for ch in value:
        if ch == fx.OBJECT_CHAR:
            if run:
                pieces.append(run)
                run = ""
            pieces.append(ch)
        else:
            run += ch
    if run:
        pieces.append(run)
    return pieces


def _add_text(out: list[dict], value: str, fmt, heading: bool) -> None:
    value = value.replace("\u2028", " ").replace("\u2029", " ")
    if not value:
        return
    node: dict = {"type": "text", "text": value}
    marks = fx.read_marks(fmt, heading)
    if marks:
        node["marks"] = marks
    link = fx.read_link(fmt)
    if link:
        node["link"] = link
    out.append(node)
