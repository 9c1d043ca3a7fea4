"""What the exported .docx holds, read back with python-docx and from its XML parts."""

from __future__ import annotations

import re

import docx
import pytest

from briefer.core.markings import TLP_COLOURS
from tests.export.conftest import TEMPLATES, W
from tests.export.richbrief import ARABIC, LONG_URL

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
GRADE = re.compile(r"\[[A-F][1-6]\]\.$")


def expected_paragraphs(body: dict) -> list[tuple[str, str]]:
    """(text, style name) of every body paragraph outside tables, from the brief alone."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[int, str]] = []

    def words(content):
        return "".join(n.get("text", "") for n in content).replace("\x0b", "")

    def walk_list(block, depth, section):
        for item in block["items"]:
            if words(item["content"]).strip() or any(
                n["type"] == "citation" for n in item["content"]
            ):
                if depth == 0 and section == "key-judgments":
                    style = "Key Judgment"
                else:
                    base = "List Number" if block["ordered"] else "List Bullet"
                    style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
                out.append((words(item["content"]), style))
            for child in item.get("children", []):
                walk_list(child, depth + 1, section)

    for block in body["blocks"]:
        kind = block["type"]
        if kind == "heading":
            while stack and stack[-1][0] >= block["level"]:
                stack.pop()
            stack.append((block["level"], block.get("section", "")))
        section = next((s for _, s in reversed(stack) if s), "")
        if kind == "heading":
            out.append((words(block["content"]), f"Heading {block['level']}"))
        elif kind == "paragraph":
            out.append((words(block["content"]), "BLUF" if section == "bluf" else "Normal"))
        elif kind == "quote":
            out.append((words(block["content"]), "Quote"))
        elif kind == "list":
            walk_list(block, 0, section)
        elif kind == "source_list":
            out.append(("<sources>", "Source Entry"))
    return out


@pytest.mark.parametrize("name", TEMPLATES)
def test_python_docx_finds_every_paragraph_with_its_style(exported, name, library):
    ex = exported[name]
    doc = docx.Document(str(ex.path))
    got = [(p.text, p.style.name) for p in doc.paragraphs]
    assert got[0] == ("Iraq: US strikes on armed groups", "Title")
    assert got[1] == ("Aims, reactions and outlook", "Subtitle")
    assert got[2] == ("12 February 2024  ·  Kurdistan desk  ·  Version 1 (draft)", "Brief Details")
    body_got = got[3:]
    # the stored body, read back raw (it holds the control character core never lets in)
    from briefer.core.library import Library

    lib = Library.open(ex.path.parent / "rich.briefer")
    try:
        body = lib.briefs.get(ex.brief.brief_id).body
    finally:
        lib.close()
    expected = expected_paragraphs(body)
    sources_at = expected.index(("<sources>", "Source Entry"))
    assert body_got[:sources_at] == expected[:sources_at]
    entries = body_got[sources_at:]
    assert len(entries) == len(set(ex.brief.source_ids))
    assert {style for _, style in entries} == {"Source Entry"}
    assert entries[0][0].startswith("Rudaw, Jane Doe, “Pentagon sending ‘clear message’")
    assert "Reliability A: completely reliable." in entries[0][0]
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Date", "Event"]
    assert table.rows[1].cells[1].text == "Strikes"
    assert table.style is not None and table.style.name == "Table Grid"


@pytest.mark.parametrize("name", TEMPLATES)
def test_citations_are_real_footnotes_with_the_full_reference(exported, name):
    ex = exported[name]
    notes = ex.part("word/footnotes.xml")
    assert notes.nsmap["w"].endswith("/wordprocessingml/2006/main")
    assert notes.nsmap["r"].endswith("/officeDocument/2006/relationships")
    all_notes = notes.findall(f"{W}footnote")
    assert [(n.get(f"{W}type"), n.get(f"{W}id")) for n in all_notes[:2]] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    real = all_notes[2:]
    assert [n.get(f"{W}id") for n in real] == [str(i) for i in range(1, 51)]
    texts = ["".join(n.itertext()).strip() for n in real]
    assert all(GRADE.search(t) for t in texts), texts[:3]
    first = texts[0]
    assert first.startswith("Rudaw, Jane Doe, “Pentagon sending ‘clear message’")
    assert "January 2024" in first and LONG_URL in first and "accessed 1 March 2024" in first
    # every citation node in the body points at its own note, in order
    body = ex.part("word/document.xml")
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == [str(i) for i in range(1, 51)]
    for ref in body.iter(f"{W}footnoteReference"):
        assert ref.getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
    # the part is wired: relationship, content-type override, settings naming separators
    rels = ex.part("word/_rels/document.xml.rels")
    assert any(r.get("Type").endswith("/footnotes") for r in rels)
    types = ex.part("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"].endswith("wordprocessingml.footnotes+xml")
    settings = ex.part("word/settings.xml")
    ids = [f.get(f"{W}id") for f in settings.findall(f"{W}footnotePr/{W}footnote")]
    assert ids == ["-1", "0"]


def test_endnotes_option_writes_endnotes_instead(library, tmp_path):
    from briefer.export import export_brief
    from tests.export.richbrief import rich_brief

    brief = rich_brief(library)
    result = export_brief(library, brief.brief_id, tmp_path / "e.docx", endnotes=True)
    assert result.note_kind == "endnotes" and result.notes == 50
    import zipfile

    with zipfile.ZipFile(tmp_path / "e.docx") as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml").decode()
    assert "word/endnotes.xml" in names and "word/footnotes.xml" not in names
    assert body.count("<w:endnoteReference ") == 50 and "footnoteReference" not in body


@pytest.mark.parametrize("name", TEMPLATES)
def test_hyperlinks_are_clickable_and_styled(exported, name):
    ex = exported[name]
    body = ex.part("word/document.xml")
    rels = {r.get("Id"): r for r in ex.part("word/_rels/document.xml.rels")}
    links = list(body.iter(f"{W}hyperlink"))
    first = links[0]
    assert "".join(first.itertext()) == "the full report"
    rel = rels[first.get(f"{R}id")]
    assert rel.get("TargetMode") == "External" and rel.get("Target") == LONG_URL
    assert first.find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"
    note_rels = ex.part("word/_rels/footnotes.xml.rels")
    assert LONG_URL in [r.get("Target") for r in note_rels]


@pytest.mark.parametrize("name", TEMPLATES)
def test_arabic_paragraph_is_right_to_left(exported, name):
    body = exported[name].part("word/document.xml")
    para = next(p for p in body.iter(f"{W}p") if ARABIC in "".join(p.itertext()))
    assert para.find(f"{W}pPr/{W}bidi") is not None
    runs = [r for r in para.findall(f"{W}r") if r.find(f"{W}t") is not None]
    assert runs and all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    ltr = next(p for p in body.iter(f"{W}p") if "Centred note." in "".join(p.itertext()))
    assert ltr.find(f"{W}pPr/{W}bidi") is None
    assert ltr.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"


@pytest.mark.parametrize("name", TEMPLATES)
def test_tlp_marking_in_header_and_footer_in_first_colours(exported, name):
    ex = exported[name]
    doc = docx.Document(str(ex.path))
    section = doc.sections[0]
    colour, background = TLP_COLOURS["AMBER"]
    for part in (section.header, section.footer):
        marking = next(p for p in part.paragraphs if p.text == "TLP:AMBER")
        assert marking.style.name == "Marking"
        assert marking.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
        rpr = marking.runs[0]._r.rPr
        assert rpr.find(f"{W}color").get(f"{W}val") == colour
        assert rpr.find(f"{W}shd").get(f"{W}fill") == background
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert "Page 1 of 1" in "".join(section.footer._element.itertext())


def test_free_text_marking_is_set_as_written(library, tmp_path):
    from briefer.export import export_brief

    brief = library.briefs.create("Note", marking="OFFICIAL-SENSITIVE")
    export_brief(library, brief.id, tmp_path / "n.docx")
    section = docx.Document(str(tmp_path / "n.docx")).sections[0]
    for part in (section.header, section.footer):
        marking = next(p for p in part.paragraphs if p.style.name == "Marking")
        assert marking.text == "OFFICIAL-SENSITIVE"
        assert marking.alignment is None  # the style's own alignment
        assert marking.runs[0]._r.rPr is None


@pytest.mark.parametrize("name", TEMPLATES)
def test_properties_carry_the_brief_and_nothing_personal(exported, name):
    props = docx.Document(str(exported[name].path)).core_properties
    assert props.title == "Iraq: US strikes on armed groups"
    assert props.category == "TLP:AMBER"
    # Internal tags never go into a shared file; nor does anything but title/marking.
    assert props.keywords == "" and props.subject == ""
    assert props.author == "" and props.last_modified_by == ""
    assert dict(exported[name].result.properties) == {
        "title": "Iraq: US strikes on armed groups",
        "category": "TLP:AMBER",
    }
    assert props.created.year != 2013 and props.comments == ""


def test_author_goes_in_the_properties_only_when_chosen(library, tmp_path):
    from briefer.export import export_brief

    brief = library.briefs.create("Note", author="Kurdistan desk")
    export_brief(library, brief.id, tmp_path / "a.docx", include_author=True)
    props = docx.Document(str(tmp_path / "a.docx")).core_properties
    assert props.author == "Kurdistan desk" and props.last_modified_by == "Kurdistan desk"


@pytest.mark.parametrize("name", TEMPLATES)
def test_control_character_is_dropped_and_reported(exported, name):
    ex = exported[name]
    dropped = ex.result.dropped_characters
    assert [(d.where, d.code) for d in dropped] == [(f"block {ex.brief.control_block}", "U+000B")]
    assert f"U+000B in block {ex.brief.control_block}" in ex.result.summary()
    texts = [p.text for p in docx.Document(str(ex.path)).paragraphs]
    assert "Verticaltab here" in texts


def test_empty_placeholders_of_a_new_brief_are_left_out(library, tmp_path):
    from briefer.export import export_brief

    brief = library.briefs.create("Empty", template="Standard brief")
    result = export_brief(library, brief.id, tmp_path / "e.docx")
    doc = docx.Document(str(tmp_path / "e.docx"))
    got = [(p.text, p.style.name) for p in doc.paragraphs]
    # Empty template sections are not exported as bare headings; Sources holds a line.
    assert [style for _, style in got[:3]] == ["Title", "Brief Details", "Heading 1"]
    assert [text for text, style in got if style.startswith("Heading")] == ["Sources"]
    assert ("No sources are cited in this brief.", "Source Entry") in got
    assert all(text for text, _ in got)
    assert result.notes == 0
