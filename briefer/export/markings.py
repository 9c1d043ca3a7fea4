"""The handling marking in the header and footer of every page, page numbers, and the
portion marks that start marked paragraphs.

TLP 2.0 labels follow FIRST's rules: capitals, right-aligned, the label's colour on a
black background (markings.TLP_COLOURS). A free-text marking (OFFICIAL-SENSITIVE) is
set in the template's Marking style as it stands. The footer carries "Page X of Y"
from PAGE and NUMPAGES fields, which every reader fills at layout time.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document
from lxml import etree

from briefer.core.markings import TLP_COLOURS, tlp_label
from briefer.core.records import BriefDetail
from briefer.core.tradecraft import portions
from briefer.export.ooxml import sub, text_el


def overall_marking(brief: BriefDetail) -> str:
    """The marking a file of this brief carries: the stored one, raised to the highest
    portion mark when it is lower (a library an older tool wrote may hold that), so a
    file is never marked below its most sensitive paragraph (docs/TRADECRAFT.md)."""
    return portions.roll_up(brief.marking or "", brief.body or {})


def portion_prefix(node: dict) -> str:
    """The text a marked paragraph or list item starts with: "(C) ", "(TLP:AMBER) "."""
    mark = node.get("portion") or ""
    return f"{portions.display(mark)} " if isinstance(mark, str) and mark else ""


def write_headers_and_footers(
    document: Document,
    marking: str,
    styles: Callable[[str], str | None],
    clean: Callable[[str, str], str],
) -> None:
    """Replace every section's header and footer with the marking and page numbers."""
    marking = clean(marking, "marking").strip()
    document.settings.odd_and_even_pages_header_footer = False
    for section in document.sections:
        section.different_first_page_header_footer = False
        header, footer = section.header, section.footer
        header.is_linked_to_previous = False
        footer.is_linked_to_previous = False
        for part_el, owner in ((header._element, header), (footer._element, footer)):
            for child in list(part_el):
                part_el.remove(child)
            part = owner.part
            for rid in list(part.rels):
                part.rels.pop(rid)
        if marking:
            _marking_paragraph(header._element, marking, styles)
        _page_numbers(footer._element, styles("Footer"))
        if marking:
            _marking_paragraph(footer._element, marking, styles)


def _marking_paragraph(parent: etree._Element, marking: str, styles) -> None:
    p = sub(parent, "p")
    ppr = sub(p, "pPr")
    style = styles("Marking")
    if style:
        sub(ppr, "pStyle", val=style)
    label = tlp_label(marking)
    if label:
        sub(ppr, "jc", val="right")
    r = sub(p, "r")
    if label:
        colour, background = TLP_COLOURS[label]
        rpr = sub(r, "rPr")
        sub(rpr, "caps")
        sub(rpr, "color", val=colour)
        sub(rpr, "shd", val="clear", color="auto", fill=background)
        text_el(r, f"TLP:{label}")
    else:
        text_el(r, marking)


def _page_numbers(parent: etree._Element, style: str | None) -> None:
    p = sub(parent, "p")
    if style:
        sub(sub(p, "pPr"), "pStyle", val=style)
    text_el(sub(p, "r"), "Page ")
    _field(p, "PAGE")
    text_el(sub(p, "r"), " of ")
    _field(p, "NUMPAGES")


def _field(p: etree._Element, instruction: str) -> None:
    sub(sub(p, "r"), "fldChar", fldCharType="begin")
    text_el(sub(p, "r"), f" {instruction} ", tag="instrText")
    sub(sub(p, "r"), "fldChar", fldCharType="separate")
    text_el(sub(p, "r"), "1")
    sub(sub(p, "r"), "fldChar", fldCharType="end")
