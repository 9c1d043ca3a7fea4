"""Document properties, and the scrubbing that lets a brief be shared safely.

The core properties hold the title, the marking (as category) and, only when the analyst
chooses, the author: never the cited excerpts' tags (internal words a shared file must
not carry, and LibreOffice copies keywords into a PDF). By default the file carries no
personal or tool metadata: no author or last-modified-by
unless the analyst chose one, none of python-docx's default strings and 2013 dates, no
extended (app.xml) or custom properties, no thumbnail, customXml, macros, glossary or
comments from a template, no attached-template path, and no external relationships but
hyperlinks.

What identifies an exported file is already there: its title and the second it was
exported (the created property, also the export record's time), so `briefer verify`
can name the export a changed file came from without any custom property.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefer.export.ooxml import remove_all, w

_KEEP_PACKAGE = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES}
_KEEP_DOCUMENT = {
    RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME,
    RT.HEADER, RT.FOOTER, RT.FOOTNOTES, RT.ENDNOTES, RT.HYPERLINK, RT.IMAGE,
}  # fmt: skip
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


PROPERTY_LABELS = {"title": "Title", "category": "Category (the marking)", "author": "Author"}


def planned_properties(*, title: str, marking: str, author: str) -> dict[str, str]:
    """Exactly the properties a shared file carries: the title, the marking as category
    and, when the analyst chose it, the author. Never tags, subject or tool names."""
    props = {"title": title}
    if marking:
        props["category"] = marking
    if author:
        props["author"] = author
    return props


def describe_properties(props: dict[str, str]) -> list[str]:
    """One line per property, for the export dialog: "Title: Weekly brief"."""
    return [f"{PROPERTY_LABELS[key]}: {value}" for key, value in props.items()]


def set_properties(document: Document, props: dict[str, str], *, when: datetime) -> None:
    """Core properties rewritten from nothing: only what planned_properties says."""
    core = document.core_properties
    element = core._element
    for child in list(element):
        element.remove(child)
    core.title = props.get("title", "")
    if props.get("category"):
        core.category = props["category"]
    if props.get("author"):
        core.author = props["author"]
        core.last_modified_by = props["author"]
    stamp = when.replace(microsecond=0, tzinfo=None)
    core.created = stamp
    core.modified = stamp


def scrub_package(document: Document) -> None:
    """Drop every part and trace a shared file should not carry (before saving)."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype not in _KEEP_PACKAGE:
            package.rels.pop(rid)
    doc_part = document.part
    for rid, rel in list(doc_part.rels.items()):
        if rel.reltype not in _KEEP_DOCUMENT or (rel.is_external and rel.reltype != RT.HYPERLINK):
            doc_part.rels.pop(rid)
    settings_part = document.settings.element
    for rid in list(document.part._settings_part.rels):
        document.part._settings_part.rels.pop(rid)
    remove_all(settings_part, "attachedTemplate", "mailMerge", "docVars", "rsids")
    for child in list(settings_part):
        if child.tag in (f"{{{_W14}}}docId", f"{{{_W15}}}docId"):
            settings_part.remove(child)
    # Any part left: external targets only as hyperlinks.
    for part in package.iter_parts():
        for rid, rel in list(part.rels.items()):
            if rel.is_external and rel.reltype != RT.HYPERLINK:
                part.rels.pop(rid)
    sect = document.element.body.find(w("sectPr"))
    if sect is not None:
        for attr in list(sect.attrib):
            if attr.startswith(w("rsid")):
                del sect.attrib[attr]


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """What a .docx says about itself in its core properties: the brief's title, its
    marking (category) and the second it was exported (created), which Word and
    LibreOffice keep when they save the file again."""

    title: str
    category: str
    created: datetime


_CORE = "docProps/core.xml"
_CORE_LIMIT = 1 << 20  # a core properties part is a few hundred bytes
_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}


def read_identity(path: Path) -> FileIdentity | None:
    """The identity a .docx carries, or None when the file is no Word package or says
    nothing usable (no created date). Reads only the small core properties part."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CORE)
            if info.file_size > _CORE_LIMIT:
                return None
            root = etree.fromstring(
                archive.read(info), etree.XMLParser(resolve_entities=False, no_network=True)
            )
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError):
        return None

    def text(tag: str) -> str:
        found = root.find(tag, _NS)
        return (found.text or "").strip() if found is not None else ""

    try:
        created = datetime.fromisoformat(text("dcterms:created").replace("Z", "+00:00"))
    except ValueError:
        return None
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return FileIdentity(text("dc:title"), text("cp:category"), created.astimezone(UTC))
