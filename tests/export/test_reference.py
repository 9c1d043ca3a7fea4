"""word/document.xml of a fixed brief against a saved copy: any change is deliberate.

Volatile attributes (rsids) are ignored. After an intended change, regenerate with
BRIEFER_UPDATE_REFERENCE=1 and review the diff of tests/export/reference/.
"""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

from lxml import etree

from briefer.core import document as d
from briefer.core.records import NewSource
from briefer.export import export_brief
from tests.export.conftest import template_path

REFERENCE = Path(__file__).parent / "reference" / "standard-document.xml"


def fixed_brief(lib) -> int:
    src = lib.sources.add(
        NewSource(
            title="Pentagon sending ‘clear message’",
            body="The strikes aim to degrade the groups.\n\nBaghdad protested.",
            outlet="Rudaw",
            authors=("Jane Doe",),
            published=date(2024, 2, 9),
            published_precision="day",
            url="https://www.rudaw.net/english/world/090220241",
            accessed=date(2024, 2, 10),
            reliability="B",
        )
    )
    first = lib.excerpts.add_quote(src.id, "The strikes aim to degrade the groups.", credibility=2)
    second = lib.excerpts.add_quote(src.id, "Baghdad protested.", credibility=3)
    body = {
        "format": "briefer.brief",
        "version": 1,
        "blocks": [
            d.heading("BLUF", 1, "bluf"),
            d.paragraph(
                "The strikes aim to ",
                d.text("degrade", "bold"),
                " the groups.",
                d.citation(first.id),
            ),
            d.heading("Key judgments", 1, "key-judgments"),
            {
                "type": "list",
                "ordered": True,
                "items": [{"content": [d.text("More strikes are likely."), d.citation(second.id)]}],
            },
            d.heading("Background", 1, "background"),
            {"type": "quote", "content": [d.text("Baghdad protested."), d.citation(second.id)]},
            d.paragraph(d.text("Rudaw", link="https://www.rudaw.net/"), " reported it."),
            {"type": "paragraph", "dir": "rtl", "content": [d.text("احتجت بغداد.")]},
            {
                "type": "table",
                "header": True,
                "rows": [
                    [{"content": [d.text("Date")]}, {"content": [d.text("Event")]}],
                    [{"content": [d.text("2 Feb")]}, {"content": [d.text("Strikes")]}],
                ],
            },
            d.heading("Sources", 1, "sources"),
            {"type": "source_list"},
        ],
    }
    brief = lib.briefs.create(
        "Iraq strikes", subject="Aims", author="Desk", marking="TLP:AMBER+STRICT", body=body
    )
    return brief.id


def normalized(xml: bytes) -> str:
    root = etree.fromstring(xml)
    for el in root.iter():
        for attr in list(el.attrib):
            if etree.QName(attr).localname.startswith("rsid"):
                del el.attrib[attr]
    etree.indent(root)
    return etree.tostring(root, encoding="unicode")


def test_document_xml_matches_the_reference(library, tmp_path):
    brief_id = fixed_brief(library)
    out = tmp_path / "ref.docx"
    export_brief(
        library, brief_id, out, template=template_path("standard"), brief_date=date(2024, 2, 12)
    )
    with zipfile.ZipFile(out) as archive:
        got = normalized(archive.read("word/document.xml"))
    if os.environ.get("BRIEFER_UPDATE_REFERENCE"):
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        REFERENCE.write_text(got + "\n", encoding="utf-8")
    assert REFERENCE.exists(), "no reference yet: run with BRIEFER_UPDATE_REFERENCE=1"
    assert got + "\n" == REFERENCE.read_text(encoding="utf-8"), (
        "word/document.xml changed; if intended, regenerate with BRIEFER_UPDATE_REFERENCE=1"
    )
