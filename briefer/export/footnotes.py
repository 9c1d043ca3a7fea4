"""Real Word footnotes (or endnotes): the notes part python-docx has no API for.

python-docx cannot write notes (python-openxml/python-docx#1), so this module builds
word/footnotes.xml (or endnotes.xml) itself: the separator and continuation separator
notes with ids -1 and 0 as Word writes them, one note per citation, its relationship
from the document part (python-docx adds the content-type override from the part) and
the footnotePr of settings.xml that names the separators.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from lxml import etree

from briefer.export.ooxml import NSMAP, R_NS, insert_ordered, remove_all, sub, text_el, w
from briefer.export.references import Segment

KINDS = {
    "footnote": ("/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES),
    "endnote": ("/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES),
}


class NotesPart:
    """The footnotes or endnotes of one document, filled as citations are met."""

    def __init__(
        self,
        document: Document,
        kind: str,
        *,
        text_style: str | None,
        reference_style: str | None,
        link_style: str | None,
    ):
        self.kind = kind
        self.count = 0
        self._text_style = text_style
        self._reference_style = reference_style
        self._link_style = link_style
        self._links: dict[str, str] = {}
        partname, content_type, reltype = KINDS[kind]
        doc_part = document.part
        # A template's own notes belong to its cleared body: drop both kinds.
        for rid, rel in list(doc_part.rels.items()):
            if rel.reltype in (RT.FOOTNOTES, RT.ENDNOTES):
                doc_part.rels.pop(rid)
        self.root = etree.Element(w(f"{kind}s"), nsmap=NSMAP)
        for note_id, sep in (("-1", "separator"), ("0", "continuationSeparator")):
            note = sub(self.root, kind, type=sep, id=note_id)
            p = sub(note, "p")
            sub(sub(p, "pPr"), "spacing", after="0", line="240", lineRule="auto")
            sub(sub(p, "r"), sep)
        self.part = XmlPart(PackURI(partname), content_type, self.root, doc_part.package)
        doc_part.relate_to(self.part, reltype)
        settings = document.settings.element
        remove_all(settings, "footnotePr", "endnotePr")
        pr = etree.Element(w(f"{kind}Pr"))
        # Word and LibreOffice number endnotes i, ii, iii unless told: 1, 2, 3.
        sub(pr, "numFmt", val="decimal")
        for note_id in ("-1", "0"):
            sub(pr, kind, id=note_id)
        insert_ordered(settings, pr)

    def add(self, segments: list[Segment]) -> int:
        """A new note holding the reference; returns its id (1, 2, ...)."""
        self.count += 1
        note_id = self.count
        note = sub(self.root, self.kind, id=str(note_id))
        p = sub(note, "p")
        if self._text_style:
            sub(sub(p, "pPr"), "pStyle", val=self._text_style)
        r = sub(p, "r")
        if self._reference_style:
            sub(sub(r, "rPr"), "rStyle", val=self._reference_style)
        sub(r, f"{self.kind}Ref")
        sub(sub(p, "r"), "tab")  # the note text hangs at the style's tab stop
        for value, url in segments:
            parent = p
            if url:
                parent = sub(p, "hyperlink", history="1")
                parent.set(f"{{{R_NS}}}id", self._link(url))
            r = sub(parent, "r")
            if url and self._link_style:
                sub(sub(r, "rPr"), "rStyle", val=self._link_style)
            text_el(r, value)
        return note_id

    def reference_run(self, parent: etree._Element, note_id: int) -> etree._Element:
        """The superscript mark in the body that points at a note."""
        r = sub(parent, "r")
        if self._reference_style:
            sub(sub(r, "rPr"), "rStyle", val=self._reference_style)
        sub(r, f"{self.kind}Reference", id=str(note_id))
        return r

    def separator_run(self, parent: etree._Element) -> etree._Element:
        """A superscript comma between two adjacent note references: 9,10 not 910."""
        r = sub(parent, "r")
        rpr = sub(r, "rPr")
        if self._reference_style:
            sub(rpr, "rStyle", val=self._reference_style)
        else:
            sub(rpr, "vertAlign", val="superscript")
        text_el(r, ",")
        return r

    def section_properties(self, sect: etree._Element) -> None:
        """The section's own note properties, numbered 1, 2, 3 like the document's."""
        for tag in ("footnotePr", "endnotePr"):
            for old in sect.findall(w(tag)):
                sect.remove(old)
        pr = etree.Element(w(f"{self.kind}Pr"))
        sub(pr, "numFmt", val="decimal")
        later = {
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        }
        if self.kind == "footnote":
            later.add("endnotePr")
        for child in sect:
            if isinstance(child.tag, str) and etree.QName(child).localname in later:
                child.addprevious(pr)
                return
        sect.append(pr)

    def _link(self, url: str) -> str:
        if url not in self._links:
            self._links[url] = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return self._links[url]
