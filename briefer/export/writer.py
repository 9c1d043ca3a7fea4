"""A stored brief into a finished .docx: title block, styled body, notes, sources list.

The writer reads the brief's JSON document (docs/BRIEF_DOCUMENT.md) through core
services and builds WordprocessingML directly with lxml inside the template's package,
so a long brief with hundreds of notes costs little more than python-docx's own
add_paragraph. Every paragraph takes a named style of the template; the code sets no
fonts or sizes. Paragraph styles follow the section a block stands in: paragraphs under
`bluf` in BLUF, list items under `key-judgments` in Key Judgment, quotes in Quote.

Word conventions the writer keeps whatever the template: a paragraph whose first strong
character is right-to-left is a bidi paragraph and each run keeps its own direction
(no italics for right-to-left quotes); adjacent note references are separated by a
superscript comma; a source cited again gets Chicago's short form; a heading with
nothing under it is left out (or says "Nothing to report."); the file's properties hold
the title, the marking (as category) and, when chosen, the author, nothing else.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefer.core import export_records
from briefer.core.bidi import direction_runs, is_rtl, rtl_language
from briefer.core.document import cited_excerpts, placeholders
from briefer.core.export_records import CitedExcerpt, ExportRecord
from briefer.core.markings import tlp_label
from briefer.core.records import BriefDetail, ExcerptRecord, SourceSummary
from briefer.export.atomic import write_atomically
from briefer.export.blocks import empty_headings, has_content, next_is_source_list, words
from briefer.export.footnotes import NotesPart
from briefer.export.markings import overall_marking, portion_prefix, write_headers_and_footers
from briefer.export.ooxml import R_NS, sub, text_el, w
from briefer.export.properties import planned_properties, scrub_package, set_properties
from briefer.export.record import cannot_record, record_export
from briefer.export.references import (
    Segment,
    footnote_reference,
    format_date,
    linkable,
    missing_reference,
    short_reference,
    source_entry,
)
from briefer.export.sanitize import DroppedCharacter, Sanitizer
from briefer.export.settings import template_language, write_settings
from briefer.export.templates import LoadedTemplate, find_word_template, load_template

if TYPE_CHECKING:
    from briefer.core.library import Library

Progress = Callable[[int, int, str], None]
_ALIGN = {"center": "center", "right": "right", "justify": "both"}
_MARKS = (("bold", ("b", "bCs")), ("italic", ("i", "iCs")), ("strike", ("strike",)))
EMPTY_SECTIONS = ("omit", "note")
NOTHING_TO_REPORT = "Nothing to report."
# FIRST's TLP 2.0 definitions, one line each, printed under the title.
SHARING_CAVEATS = {
    "AMBER+STRICT": (
        "TLP:AMBER+STRICT: limited disclosure, restricted to the recipient's organization "
        "only; do not share outside it."
    ),
    "RED": ("TLP:RED: for the eyes and ears of individual recipients only, no further disclosure."),
}
CAVEAT_SWITCH = "BrieferSharingCaveat"  # a template's docVar; "off" leaves the line out


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written, for the CLI's summary and the dialog."""

    path: Path
    template: str
    note_kind: str  # "footnotes" or "endnotes"
    notes: int
    sources: int
    dropped_characters: tuple[DroppedCharacter, ...] = ()
    sha256: str = ""
    size: int = 0
    # The file's document properties, exactly as written ({"title": ..., ...}).
    properties: tuple[tuple[str, str], ...] = ()
    # Paraphrase placeholders the analyst has not written yet ("block 4").
    placeholders: tuple[str, ...] = ()
    # What the export record keeps (core/export_records.py): the brief as exported.
    brief_id: int = 0
    title: str = ""
    doc_version: int = 0
    revision: int = 0
    status: str = ""
    marking: str = ""
    exported: datetime | None = None  # to the second: the .docx's created property
    citations: tuple[CitedExcerpt, ...] = ()
    # The row written for this file, or why none could be (a read-only library).
    record: ExportRecord | None = None
    unrecorded: str = ""

    def summary(self) -> str:
        line = (
            f"{self.path}: {self.notes} {self.note_kind}, {self.sources} source(s), "
            f"template {self.template}"
        )
        if self.placeholders:
            line += (
                f"; {len(self.placeholders)} paraphrase placeholder(s) still to write "
                f"({', '.join(self.placeholders)})"
            )
        if self.record is not None:
            line += f"; recorded as export {self.record.id}"
        elif self.unrecorded:
            line += f"; not recorded in the library: {self.unrecorded}"
        if self.dropped_characters:
            places = "; ".join(str(d) for d in self.dropped_characters[:10])
            more = len(self.dropped_characters) - 10
            line += (
                f"; dropped {len(self.dropped_characters)} character(s) a Word file cannot "
                f"hold: {places}" + (f" and {more} more" if more > 0 else "")
            )
        return line

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "template": self.template,
            "footnotes": self.notes,
            "note_kind": self.note_kind,
            "sources": self.sources,
            "dropped_characters": [
                {"where": d.where, "character": d.code} for d in self.dropped_characters
            ],
            "sha256": self.sha256,
            "properties": dict(self.properties),
            "placeholders": list(self.placeholders),
            "marking": self.marking,
            "version": self.doc_version,
            "export": self.record.id if self.record is not None else None,
            "recipients": self.record.recipients if self.record is not None else "",
            "unrecorded": self.unrecorded,
        }


@dataclass(slots=True)
class RenderReport:
    notes: int = 0
    sources: int = 0
    dropped: list[DroppedCharacter] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)


def export_brief(
    library: Library,
    brief_id: int,
    path: str | Path,
    *,
    template: str | Path | None = None,
    endnotes: bool = False,
    include_author: bool = False,
    brief_date: date | None = None,
    full_citations: bool = False,
    empty_sections: str = "omit",
    final: bool = False,
    progress: Progress | None = None,
    recipients: str = "",
    record: bool = True,
) -> ExportResult:
    """Write brief_id to path (atomically, mode 0600), record it, say what was written.

    template: a Word template name ("Standard", "Compact", a house template) or a path;
    endnotes: citations as endnotes instead of footnotes; include_author: put the
    brief's author in the file's properties (left out by default); brief_date: the
    title block's date (default: the date set on the brief, else the day it was last
    saved); full_citations: the full reference in every note (default: Chicago's short
    form when a source is cited again); empty_sections: "omit" leaves out a heading
    with nothing under it, "note" keeps it with "Nothing to report."; final: export as
    final: a brief not yet final becomes final and its version goes up by one;
    recipients: to whom the file goes, kept in the export record; record: False for
    the .docx export_pdf lays out (it records the PDF itself).

    The export record is written once the file is in place (export/record.py); a
    library that cannot be written (read-only, or held by a window while the command
    line exports) still exports, and the result says why it was not recorded.
    """
    path = Path(path)
    recipients = export_records.recipients(recipients)
    report = progress or (lambda done, total, label: None)
    report(0, 1, "Checking the template")
    loaded = load_template(find_word_template(template))
    brief = library.briefs.get(brief_id)
    if final and brief.status != "final":
        brief = library.briefs.set_release(brief_id, status="final", version=brief.doc_version + 1)
    report(0, 1, "Reading the sources")
    excerpts, sources = gather_citations(library, brief)
    exported = library.now().replace(microsecond=0)
    data, rendered = render_brief(
        brief,
        excerpts,
        sources,
        loaded,
        endnotes=endnotes,
        include_author=include_author,
        brief_date=brief_date,
        full_citations=full_citations,
        empty_sections=empty_sections,
        progress=report,
        exported=exported,
    )
    report(1, 1, "Writing the file")
    unrecorded = cannot_record(library) if record else ""
    write_atomically(path, lambda fh: fh.write(data))
    result = ExportResult(
        path=path,
        template=loaded.template.name,
        note_kind="endnotes" if endnotes else "footnotes",
        notes=rendered.notes,
        sources=rendered.sources,
        dropped_characters=tuple(rendered.dropped),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        properties=tuple(rendered.properties.items()),
        placeholders=tuple(placeholders(brief.body)),
        brief_id=brief.id,
        title=brief.title,
        doc_version=brief.doc_version,
        revision=brief.version,
        status=brief.status,
        marking=overall_marking(brief),
        exported=exported,
        citations=export_records.cited_with_grades(cited_excerpts(brief.body), excerpts),
    )
    if not record:
        return result
    return record_export(library, result, "docx", recipients, unrecorded=unrecorded)


def gather_citations(
    library: Library, brief: BriefDetail
) -> tuple[dict[int, ExcerptRecord], dict[int, SourceSummary]]:
    """The cited excerpts and their sources, by id: one query each."""
    ids = list(dict.fromkeys(cited_excerpts(brief.body)))
    excerpts = {e.id: e for e in library.excerpts.list(ids=ids)} if ids else {}
    source_ids = list(dict.fromkeys(e.source_id for e in excerpts.values()))
    sources = library.sources.list(ids=source_ids) if source_ids else []
    return excerpts, {s.id: s for s in sources}


def render_brief(
    brief: BriefDetail,
    excerpts: Mapping[int, ExcerptRecord],
    sources: Mapping[int, SourceSummary],
    template: LoadedTemplate,
    *,
    endnotes: bool = False,
    include_author: bool = False,
    brief_date: date | None = None,
    full_citations: bool = False,
    empty_sections: str = "omit",
    progress: Progress | None = None,
    exported: datetime | None = None,
) -> tuple[bytes, RenderReport]:
    """The .docx bytes of a brief, built in the template's package (consumed).

    exported: the file's created and modified properties (default: now)."""
    if empty_sections not in EMPTY_SECTIONS:
        raise ValueError(f"empty_sections must be one of {EMPTY_SECTIONS}")
    builder = _Builder(
        template, brief, excerpts, sources, endnotes=endnotes, full_citations=full_citations
    )
    builder.empty_note = empty_sections == "note"
    builder.build(brief_date or brief.doc_date or brief.modified.date(), progress)
    builder.finish(include_author=include_author, when=exported or datetime.now(UTC))
    out = io.BytesIO()
    builder.doc.save(out)
    report = RenderReport(
        notes=builder.notes.count,
        sources=len(builder.source_order),
        dropped=list(builder.clean.dropped),
        properties=builder.properties,
    )
    return out.getvalue(), report


def default_template_name() -> str:
    return find_word_template(None).name


class _Builder:
    def __init__(
        self,
        template: LoadedTemplate,
        brief: BriefDetail,
        excerpts: Mapping[int, ExcerptRecord],
        sources: Mapping[int, SourceSummary],
        *,
        endnotes: bool,
        full_citations: bool = False,
    ):
        self.doc = template.document
        self.full_citations = full_citations
        self.empty_note = False
        self.properties: dict[str, str] = {}
        self._cited_sources: set[int] = set()
        self._rtl_languages: list[str] = []
        self.caveat_on = _caveat_switch(template.document) != "off"
        self.style = template.style_id
        self.brief = brief
        self.marking = overall_marking(brief)
        self.excerpts = excerpts
        self.sources = sources
        self.clean = Sanitizer()
        self.body = self.doc.element.body
        self.sect = self.body.find(w("sectPr"))
        self.width = self._text_width()
        for child in list(self.body):
            if child is not self.sect:
                self.body.remove(child)
        if self.sect is not None:
            self.body.remove(self.sect)
        # Built detached, as plain lxml elements: python-docx's element classes cost a
        # proxy per new element; the content moves into the body once, at the end.
        self.out = etree.Element(w("body"))
        kind = "endnote" if endnotes else "footnote"
        prefix = "Endnote" if endnotes else "Footnote"
        self.notes = NotesPart(
            self.doc,
            kind,
            text_style=self.style(f"{prefix} Text"),
            reference_style=self.style(f"{prefix} Reference"),
            link_style=self.style("Hyperlink"),
        )
        self.source_order: list[int] = []
        for excerpt_id in cited_excerpts(brief.body):
            excerpt = excerpts.get(excerpt_id)
            if (
                excerpt
                and excerpt.source_id in sources
                and excerpt.source_id not in self.source_order
            ):
                self.source_order.append(excerpt.source_id)
        self._links: dict[str, str] = {}
        self._numbering: dict[str, tuple[str, str] | None] = {}

    # -- structure ------------------------------------------------------------------

    def build(self, on_date: date, progress: Progress | None) -> None:
        self.title_block(on_date)
        blocks = [b for b in self.brief.body.get("blocks", []) if isinstance(b, dict)]
        empty = empty_headings(blocks)
        total = len(blocks)
        stack: list[tuple[int, str]] = []
        for n, block in enumerate(blocks):
            where = f"block {n + 1}"
            kind = block.get("type")
            if kind == "heading":
                level = min(max(int(block.get("level", 1) or 1), 1), 3)
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, block.get("section", "") or ""))
            section = next((sid for _, sid in reversed(stack) if sid), "")
            if n in empty:
                if self.empty_note:
                    self.block(block, section, where)
                    self.runs(self.paragraph(None), [(NOTHING_TO_REPORT, None)], where)
            else:
                keep = kind == "heading" and next_is_source_list(blocks, n)
                self.block(block, section, where, keep_next=keep)
            if progress and n % 25 == 0:
                progress(n, total, "Writing the brief")

    def title_block(self, on_date: date) -> None:
        brief = self.brief
        self.runs(self.paragraph("Title", rtl=is_rtl(brief.title)), [(brief.title, None)], "title")
        if brief.subject:
            p = self.paragraph("Subtitle", rtl=is_rtl(brief.subject))
            self.runs(p, [(brief.subject, None)], "subject")
        caveat = SHARING_CAVEATS.get(tlp_label(self.marking) or "")
        if caveat and self.caveat_on:
            self.runs(self.paragraph("Sharing Caveat"), [(caveat, None)], "sharing caveat")
        details = [format_date(on_date)]
        if brief.author:
            details.append(brief.author)
        details.append(f"Version {brief.doc_version} ({brief.status or 'draft'})")
        self.runs(self.paragraph("Brief Details"), [("  ·  ".join(details), None)], "details")

    def block(self, block: dict, section: str, where: str, *, keep_next: bool = False) -> None:
        kind = block.get("type")
        align = block.get("align")
        content = block.get("content") or []
        rtl = block.get("dir") == "rtl" or is_rtl(words(content))
        if kind == "heading":
            if has_content(content):
                level = min(max(int(block.get("level", 1) or 1), 1), 3)
                p = self.paragraph(f"Heading {level}", rtl=rtl, align=align, keep_next=keep_next)
                self.inlines(p, content, where, rtl)
        elif kind in ("paragraph", "quote"):
            if has_content(content):
                quote = kind == "quote"
                style = "Quote" if quote else ("BLUF" if section == "bluf" else None)
                p = self.paragraph(style, rtl=rtl, align=align)
                self.portion(p, block, where)
                self.inlines(p, content, where, rtl, upright_rtl=quote)
                if quote:
                    self.speaker(p, content, where)
        elif kind == "list":
            self.list_block(block, 0, section, where)
        elif kind == "table":
            self.table(block, where)
        elif kind == "source_list":
            self.source_list()

    def portion(self, p: etree._Element, node: dict, where: str) -> None:
        """The paragraph's portion mark, "(C) ", as its first run."""
        prefix = portion_prefix(node)
        if prefix:
            self._text_runs(p, prefix, where, ())

    def speaker(self, p: etree._Element, content: list, where: str) -> None:
        """ "— Speaker" ending a block quote, for the first quoted excerpt that names one."""
        for node in content:
            if isinstance(node, dict) and node.get("type") == "citation":
                excerpt = self.excerpts.get(node.get("excerpt"))
                name = excerpt.speaker.strip() if excerpt else ""
                if name:
                    r = sub(p, "r")
                    sub(r, "br")
                    self._text_runs(p, f"— {name}", where, (), upright_rtl=True)
                    return

    def list_block(self, block: dict, depth: int, section: str, where: str) -> None:
        ordered = bool(block.get("ordered"))
        if depth == 0 and section == "key-judgments":
            style = "Key Judgment"
        else:
            base = "List Number" if ordered else "List Bullet"
            style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
        num = self.restart_numbering(style) if ordered else None
        for n, item in enumerate(block.get("items") or []):
            if not isinstance(item, dict):
                continue
            at = f"{where}, item {n + 1}"
            content = item.get("content") or []
            rtl = item.get("dir") == "rtl" or is_rtl(words(content))
            if has_content(content):
                p = self.paragraph(style, rtl=rtl, num=num)
                self.portion(p, item, at)
                self.inlines(p, content, at, rtl)
            for m, child in enumerate(item.get("children") or []):
                if isinstance(child, dict):
                    self.list_block(child, depth + 1, section, f"{at}, list {m + 1}")

    def table(self, block: dict, where: str) -> None:
        rows = [r for r in block.get("rows") or [] if isinstance(r, list) and r]
        if not rows:
            return
        columns = max(len(r) for r in rows)
        width = self.width
        tbl = sub(self.out, "tbl")
        pr = sub(tbl, "tblPr")
        grid_style = self.style("Table Grid")
        if grid_style:
            sub(pr, "tblStyle", val=grid_style)
        sub(pr, "tblW", w="5000", type="pct")
        header = bool(block.get("header"))
        sub(
            pr, "tblLook", val="04A0" if header else "0480", firstRow="1" if header else "0",
            lastRow="0", firstColumn="0", lastColumn="0", noHBand="1", noVBand="1",
        )  # fmt: skip
        grid = sub(tbl, "tblGrid")
        for _ in range(columns):
            sub(grid, "gridCol", w=str(width // columns))
        for r, row in enumerate(rows):
            tr = sub(tbl, "tr")
            if header and r == 0:
                sub(sub(tr, "trPr"), "tblHeader")
            for c in range(columns):
                tc = sub(tr, "tc")
                sub(sub(tc, "tcPr"), "tcW", w=str(width // columns), type="dxa")
                cell = row[c] if c < len(row) and isinstance(row[c], dict) else {}
                content = cell.get("content") or []
                rtl = is_rtl(words(content))
                p = sub(tc, "p")
                if rtl:
                    sub(sub(p, "pPr"), "bidi")
                self.inlines(p, content, f"{where}, row {r + 1}, cell {c + 1}", rtl)

    def source_list(self) -> None:
        if not self.source_order:
            p = self.paragraph("Source Entry", keep_lines=True)
            self.runs(p, [("No sources are cited in this brief.", None)], "sources")
        for source_id in self.source_order:
            p = self.paragraph("Source Entry", keep_lines=True)
            self.runs(p, source_entry(self.sources[source_id]), f"source {source_id}")

    # -- paragraphs and runs -----------------------------------------------------------

    def paragraph(
        self,
        style: str | None,
        *,
        rtl: bool = False,
        align: str | None = None,
        num: tuple[str, str] | None = None,
        keep_next: bool = False,
        keep_lines: bool = False,
    ) -> etree._Element:
        p = sub(self.out, "p")
        style_id = self.style(style) if style else None
        jc = _ALIGN.get(align or "")
        if style_id or rtl or jc or num or keep_next or keep_lines:
            ppr = sub(p, "pPr")
            if style_id:
                sub(ppr, "pStyle", val=style_id)
            if keep_next:
                sub(ppr, "keepNext")
            if keep_lines:
                sub(ppr, "keepLines")
            if num:
                numpr = sub(ppr, "numPr")
                sub(numpr, "ilvl", val=num[0])
                sub(numpr, "numId", val=num[1])
            if rtl:
                sub(ppr, "bidi")
            if jc:
                sub(ppr, "jc", val=jc)
        return p

    def inlines(
        self,
        p: etree._Element,
        content: list,
        where: str,
        rtl: bool = False,
        *,
        upright_rtl: bool = False,
    ) -> None:
        """The runs of a paragraph; rtl is the paragraph's direction (runs find their own).

        upright_rtl: right-to-left runs are set upright even where the style is italic
        (the Quote style), as Arabic has no italic convention."""
        previous_was_note = False
        for node in content:
            if not isinstance(node, dict):
                continue
            if node.get("type") == "citation":
                if previous_was_note:
                    self.notes.separator_run(p)
                self.cite(p, node.get("excerpt"))
                previous_was_note = True
                continue
            value = self.clean(str(node.get("text", "")), where)
            if not value:
                continue
            previous_was_note = False
            marks = node.get("marks") or ()
            link = self.clean(str(node.get("link") or ""), where).strip()
            parent = p
            if link and linkable(link):
                parent = sub(p, "hyperlink", history="1")
                parent.set(f"{{{R_NS}}}id", self.link(link))
            else:
                link = ""
            self._text_runs(parent, value, where, marks, link=bool(link), upright_rtl=upright_rtl)

    def _text_runs(
        self,
        parent: etree._Element,
        value: str,
        where: str,
        marks,
        *,
        link: bool = False,
        upright_rtl: bool = False,
    ) -> None:
        """One run per stretch of one direction: right-to-left runs carry w:rtl."""
        for piece, rtl in direction_runs(value):
            r = sub(parent, "r")
            if link or marks or rtl:
                rpr = sub(r, "rPr")
                if link and self.style("Hyperlink"):
                    sub(rpr, "rStyle", val=self.style("Hyperlink"))
                for mark, tags in _MARKS:
                    if mark in marks:
                        for tag in tags:
                            sub(rpr, tag)
                    elif mark == "italic" and rtl and upright_rtl:
                        for tag in tags:
                            sub(rpr, tag, val="0")
                if "underline" in marks:
                    sub(rpr, "u", val="single")
                if rtl:
                    sub(rpr, "rtl")
                    language = rtl_language(piece)
                    sub(rpr, "lang", bidi=language)
                    if language not in self._rtl_languages:
                        self._rtl_languages.append(language)
            text_el(r, piece)

    def runs(self, p: etree._Element, segments: list[Segment], where: str) -> None:
        for value, url in segments:
            value = self.clean(value, where)
            if not value:
                continue
            parent = p
            if url:
                parent = sub(p, "hyperlink", history="1")
                parent.set(f"{{{R_NS}}}id", self.link(self.clean(url, where)))
            if url:
                r = sub(parent, "r")
                if self.style("Hyperlink"):
                    sub(sub(r, "rPr"), "rStyle", val=self.style("Hyperlink"))
                text_el(r, value)
            else:
                self._text_runs(parent, value, where, ())

    def cite(self, p: etree._Element, excerpt_id: Any) -> None:
        excerpt = self.excerpts.get(excerpt_id) if isinstance(excerpt_id, int) else None
        source = self.sources.get(excerpt.source_id) if excerpt else None
        where = f"{self.notes.kind} {self.notes.count + 1}"
        if excerpt and source:
            if source.id in self._cited_sources and not self.full_citations:
                segments = short_reference(excerpt, source)
            else:
                segments = footnote_reference(excerpt, source)
            self._cited_sources.add(source.id)
        else:
            segments = missing_reference(excerpt_id if isinstance(excerpt_id, int) else 0)
        cleaned = [(self.clean(t, where), self.clean(u, where) if u else None) for t, u in segments]
        note_id = self.notes.add([(t, u) for t, u in cleaned if t])
        self.notes.reference_run(p, note_id)

    def link(self, url: str) -> str:
        target = url.replace(" ", "%20")
        if target not in self._links:
            self._links[target] = self.doc.part.relate_to(target, RT.HYPERLINK, is_external=True)
        return self._links[target]

    # -- numbering and page ---------------------------------------------------------------

    def restart_numbering(self, style: str) -> tuple[str, str] | None:
        """A new numbering instance for an ordered list, so each list counts from 1."""
        style_id = self.style(style)
        if style_id is None:
            return None
        if style_id not in self._numbering:
            self._numbering[style_id] = self._style_numbering(style_id)
        found = self._numbering[style_id]
        if found is None:
            return None
        ilvl, num_id = found
        numbering = self.doc.part.numbering_part.element
        abstract = None
        for num in numbering.findall(w("num")):
            if num.get(w("numId")) == num_id:
                ref = num.find(w("abstractNumId"))
                abstract = ref.get(w("val")) if ref is not None else None
        if abstract is None:
            return None
        ids = [int(n.get(w("numId"), "0")) for n in numbering.findall(w("num"))]
        new_id = str(max(ids, default=0) + 1)
        num = etree.Element(w("num"))
        num.set(w("numId"), new_id)
        sub(num, "abstractNumId", val=abstract)
        sub(sub(num, "lvlOverride", ilvl=ilvl), "startOverride", val="1")
        cleanup = numbering.find(w("numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            numbering.append(num)
        return ilvl, new_id

    def _style_numbering(self, style_id: str) -> tuple[str, str] | None:
        for style in self.doc.styles.element.findall(w("style")):
            if style.get(w("styleId")) == style_id:
                numpr = style.find(f"{w('pPr')}/{w('numPr')}")
                if numpr is None or numpr.find(w("numId")) is None:
                    return None
                ilvl = numpr.find(w("ilvl"))
                return (
                    ilvl.get(w("val"), "0") if ilvl is not None else "0",
                    numpr.find(w("numId")).get(w("val")),
                )
        return None

    def _text_width(self) -> int:
        """Twips between the margins of the template's page, for table columns."""
        section = self.doc.sections[0]
        try:
            emu = section.page_width - section.left_margin - section.right_margin
            return max(int(emu / 635), 2000)
        except TypeError:
            return 9000

    # -- finishing ----------------------------------------------------------------------

    def finish(self, *, include_author: bool, when: datetime) -> None:
        self.body.extend(list(self.out))
        if self.sect is not None:
            self.notes.section_properties(self.sect)
            self.body.append(self.sect)
        write_headers_and_footers(self.doc, self.marking, self.style, self.clean)
        write_settings(
            self.doc,
            language=template_language(self.doc),
            bidi_language=self._rtl_languages[0] if self._rtl_languages else "",
        )
        brief = self.brief
        quiet = Sanitizer()  # the body already reported what these strings lost
        self.properties = planned_properties(
            title=quiet(brief.title, "title"),
            marking=quiet(self.marking, "marking"),
            author=self.clean(brief.author, "author") if include_author else "",
        )
        set_properties(self.doc, self.properties, when=when)
        scrub_package(self.doc)


def _caveat_switch(document) -> str:
    """A template's BrieferSharingCaveat docVar ("off" turns the caveat line off)."""
    settings = document.settings.element
    for var in settings.iter(w("docVar")):
        if var.get(w("name")) == CAVEAT_SWITCH:
            return (var.get(w("val")) or "").strip().casefold()
    return ""
