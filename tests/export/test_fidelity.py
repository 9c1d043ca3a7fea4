"""Issue 13: a brief a professional sends unchanged. Each item reads the exported file
back (python-docx or the XML parts)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from lxml import etree

from briefer.core import document as d
from briefer.core.records import NewSource
from briefer.export import export_brief
from briefer.export.templates import find_word_template, locale_paper
from tests.export.conftest import W, template_path

ARABIC_BODY = (
    "قال المتحدث إن الحكومة ترفض الضربات.\n\n"
    '"We will respond to every attack," said Hadi al-Amiri, the Badr leader.\n\n'
    "The ministry gave no figures."
)
ARABIC_QUOTE = "قال المتحدث إن الحكومة ترفض الضربات."
ANALYST_STYLES = {"Normal", "Title", "heading 1", "heading 2", "heading 3", "BLUF",
                  "Key Judgment", "Quote"}  # fmt: skip


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def has_part(path: Path, name: str) -> bool:
    with zipfile.ZipFile(path) as archive:
        return name in archive.namelist()


def text_of(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


@pytest.fixture
def made(library):
    """A brief built the way analysts build it: CLI-style adds, paraphrases, repeats."""
    src = library.sources.add(
        NewSource(
            title="Iraqi factions weigh their response after US strikes",
            body=ARABIC_BODY,
            outlet="Shafaq News",
            authors=("Sura Ali",),
            published=date(2024, 2, 9),
            published_precision="day",
            reliability="B",
            tags=("Iraq",),
        )
    )
    arabic = library.excerpts.add_quote(src.id, ARABIC_QUOTE, credibility=2, tags=("aims",))
    amiri = library.excerpts.add_quote(src.id, "We will respond to every attack,", credibility=3)
    figures = library.excerpts.add_quote(src.id, "The ministry gave no figures.", tags=("strikes",))
    brief = library.briefs.create(
        "Weekly Iraq brief", template="Standard brief", marking="TLP:RED", author="Desk"
    )
    b = library.briefs
    b.add_text(brief.id, "bluf", "Strikes will go on.")
    b.add_excerpt(brief.id, "background", arabic.id)  # an Arabic block quote
    b.add_excerpt(brief.id, "background", figures.id, paraphrase=True)  # after a quote
    b.add_excerpt(brief.id, "background", amiri.id)  # a quote with a speaker
    current = b.get(brief.id)
    body = d.add_to_section(
        current.body,
        "outlook",
        [d.text("Both sides dug in."), d.citation(figures.id), d.citation(amiri.id)],
    )
    b.save_body(brief.id, body)
    b.set_release(brief.id, status="final", version=2, on=date(2024, 2, 10))
    return library, brief.id, {"arabic": arabic, "amiri": amiri, "figures": figures}


def export(made, tmp_path, name="out.docx", **options):
    library, brief_id, _ = made
    options.setdefault("template", template_path("standard"))
    path = tmp_path / name
    result = export_brief(library, brief_id, path, **options)
    return path, result


def body_paragraphs(path: Path) -> list[etree._Element]:
    return list(part(path, "word/document.xml").iter(f"{W}p"))


def find_paragraph(path: Path, words: str) -> etree._Element:
    return next(p for p in body_paragraphs(path) if words in text_of(p))


# -- wrong or misleading content --------------------------------------------------------


def test_arabic_quote_added_from_the_command_line_is_right_to_left_and_upright(made, tmp_path):
    path, _ = export(made, tmp_path)
    quote = find_paragraph(path, ARABIC_QUOTE)
    ppr = quote.find(f"{W}pPr")
    assert ppr.find(f"{W}pStyle").get(f"{W}val") == "Quote"
    assert ppr.find(f"{W}bidi") is not None
    arabic_runs = [r for r in quote.iter(f"{W}r") if ARABIC_QUOTE[:5] in text_of(r)]
    assert arabic_runs
    for run in arabic_runs:
        rpr = run.find(f"{W}rPr")
        assert rpr.find(f"{W}rtl") is not None
        assert rpr.find(f"{W}i").get(f"{W}val") == "0"
        assert rpr.find(f"{W}iCs").get(f"{W}val") == "0"
        assert rpr.find(f"{W}lang").get(f"{W}bidi") == "ar-SA"


def test_mixed_paragraph_keeps_each_runs_direction(library, tmp_path):
    body = {
        "blocks": [d.paragraph("US officials said " + ARABIC_QUOTE + " in Baghdad.")],
    }
    brief = library.briefs.create("Mixed", body=body)
    export_brief(library, brief.id, tmp_path / "m.docx", template=template_path("standard"))
    p = find_paragraph(tmp_path / "m.docx", "US officials")
    assert p.find(f"{W}pPr") is None or p.find(f"{W}pPr/{W}bidi") is None
    runs = [(text_of(r), r.find(f"{W}rPr/{W}rtl") is not None) for r in p.iter(f"{W}r")]
    assert [rtl for _, rtl in runs] == [False, True, False]
    assert runs[1][0].startswith("قال")


def test_title_block_prints_the_real_version_status_and_date(made, tmp_path):
    library, brief_id, _ = made
    assert library.briefs.get(brief_id).version > 2  # the save counter
    path, _ = export(made, tmp_path)
    paras = docx.Document(str(path)).paragraphs
    details = next(p for p in paras if p.style.name == "Brief Details")
    assert details.text == "10 February 2024  ·  Desk  ·  Version 2 (final)"


def test_properties_hold_title_and_marking_never_tags(made, tmp_path):
    path, result = export(made, tmp_path)
    core = part(path, "docProps/core.xml")
    names = {etree.QName(el).localname: el.text for el in core}
    assert names.pop("title") == "Weekly Iraq brief"
    assert names.pop("category") == "TLP:RED"
    assert set(names) == {"created", "modified"}
    assert dict(result.properties) == {"title": "Weekly Iraq brief", "category": "TLP:RED"}
    authored, result = export(made, tmp_path, "a.docx", include_author=True)
    assert docx.Document(str(authored)).core_properties.author == "Desk"
    assert dict(result.properties)["author"] == "Desk"


def test_paraphrase_marker_after_a_quote_starts_a_flagged_placeholder(made, tmp_path):
    path, result = export(made, tmp_path)
    quote = find_paragraph(path, ARABIC_QUOTE)
    assert len(quote.findall(f".//{W}footnoteReference")) == 1
    placeholder = find_paragraph(path, "[paraphrase of Shafaq News")
    assert len(placeholder.findall(f".//{W}footnoteReference")) == 1
    assert result.placeholders and "paraphrase placeholder" in result.summary()


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_adjacent_references_are_separated_by_a_superscript_comma(made, tmp_path, kind):
    path, _ = export(made, tmp_path, endnotes=kind == "endnote")
    p = find_paragraph(path, "Both sides dug in.")
    runs = list(p.iter(f"{W}r"))
    refs = [n for n, r in enumerate(runs) if r.find(f"{W}{kind}Reference") is not None]
    assert len(refs) == 2 and refs[1] == refs[0] + 2
    comma = runs[refs[0] + 1]
    assert text_of(comma) == ","
    style = comma.find(f"{W}rPr/{W}rStyle").get(f"{W}val")
    assert style == ("EndnoteReference" if kind == "endnote" else "FootnoteReference")


# -- layout and Word conventions ----------------------------------------------------------


def test_endnotes_are_numbered_1_2_3(made, tmp_path):
    path, _ = export(made, tmp_path, endnotes=True)
    settings = part(path, "word/settings.xml")
    assert settings.find(f"{W}endnotePr/{W}numFmt").get(f"{W}val") == "decimal"
    sect = part(path, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}endnotePr/{W}numFmt").get(f"{W}val") == "decimal"


def test_settings_are_current_mode_with_the_documents_languages(made, tmp_path):
    path, _ = export(made, tmp_path)
    settings = part(path, "word/settings.xml")
    compat = {s.get(f"{W}name"): s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting")}
    assert compat["compatibilityMode"] == "15"
    lang = settings.find(f"{W}themeFontLang")
    assert lang.get(f"{W}val") == "en-GB" and lang.get(f"{W}bidi") == "ar-SA"
    assert lang.get(f"{W}eastAsia") is None
    with zipfile.ZipFile(path) as archive:
        assert not any(b"ja-JP" in archive.read(n) for n in archive.namelist())


def _size(styles: etree._Element, style_id: str) -> int:
    """The run size a style resolves to, in half-points (basedOn and docDefaults)."""
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    style = by_id.get(style_id)
    while style is not None:
        sz = style.find(f"{W}rPr/{W}sz")
        if sz is not None:
            return int(sz.get(f"{W}val"))
        based = style.find(f"{W}basedOn")
        style = by_id.get(based.get(f"{W}val")) if based is not None else None
    return int(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz").get(f"{W}val"))


@pytest.mark.parametrize("name", ["standard", "compact", "standard-letter", "compact-letter"])
def test_sizes_are_word_conventions(name):
    styles = part(template_path(name), "word/styles.xml")
    body = _size(styles, "Normal")
    assert body in (22, 24)  # 11 or 12 pt, no half points
    for note in ("FootnoteText", "EndnoteText"):
        assert 18 <= _size(styles, note) <= 20
    assert _size(styles, "Marking") >= body  # the TLP label at least body size


def test_footnote_number_is_followed_by_a_tab(made, tmp_path):
    path, _ = export(made, tmp_path)
    notes = part(path, "word/footnotes.xml")
    for note in notes.findall(f"{W}footnote"):
        if note.get(f"{W}type"):
            continue
        runs = note.findall(f"{W}p/{W}r")
        assert runs[0].find(f"{W}footnoteRef") is not None
        assert runs[1].find(f"{W}tab") is not None


def test_sources_heading_keeps_with_its_entries(made, tmp_path):
    path, _ = export(made, tmp_path)
    doc = docx.Document(str(path))
    paras = doc.paragraphs
    at = next(n for n, p in enumerate(paras) if p.text == "Sources")
    assert paras[at]._p.pPr.find(f"{W}keepNext") is not None
    entries = [p for p in paras if p.style.name == "Source Entry"]
    assert entries and all(p._p.pPr.find(f"{W}keepLines") is not None for p in entries)


def test_empty_sections_are_left_out_or_say_nothing_to_report(made, tmp_path):
    path, _ = export(made, tmp_path)
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    assert "Key judgments" not in headings and "Background" in headings
    noted, _ = export(made, tmp_path, "n.docx", empty_sections="note")
    paras = docx.Document(str(noted)).paragraphs
    at = next(n for n, p in enumerate(paras) if p.text == "Key judgments")
    assert paras[at + 1].text == "Nothing to report."


@pytest.mark.parametrize("name", ["standard", "compact", "standard-letter", "compact-letter"])
def test_quick_styles_gallery_holds_only_analyst_styles(name):
    styles = part(template_path(name), "word/styles.xml")
    assert styles.find(f"{W}latentStyles") is not None
    assert styles.find(f"{W}latentStyles").get(f"{W}defQFormat") == "0"
    quick = {
        s.find(f"{W}name").get(f"{W}val")
        for s in styles.iter(f"{W}style")
        if s.find(f"{W}qFormat") is not None
    }
    assert quick == ANALYST_STYLES


def test_page_size_follows_the_template_and_the_locale(made, tmp_path, monkeypatch):
    a4, _ = export(made, tmp_path, "a4.docx")
    letter, _ = export(made, tmp_path, "l.docx", template=template_path("standard-letter"))
    size = lambda p: docx.Document(str(p)).sections[0].page_width.inches  # noqa: E731
    assert round(size(a4), 2) == 8.27 and size(letter) == 8.5
    lang = part(letter, "word/settings.xml").find(f"{W}themeFontLang").get(f"{W}val")
    assert lang == "en-US"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_PAPER", raising=False)
    assert locale_paper() == "letter"
    assert find_word_template("Standard").path.name == "standard-letter.docx"
    assert find_word_template("Compact").path.name == "compact-letter.docx"
    assert find_word_template("Standard A4").path.name == "standard.docx"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert find_word_template("Standard").path.name == "standard.docx"
    assert find_word_template(None).name == "Standard"


def _note_texts(path: Path, kind: str = "footnote") -> list[str]:
    notes = part(path, f"word/{kind}s.xml")
    return [text_of(n) for n in notes.findall(f"{W}{kind}") if not n.get(f"{W}type")]


def test_repeated_source_gets_chicagos_short_form(made, tmp_path):
    path, _ = export(made, tmp_path)
    notes = _note_texts(path)
    assert notes[0].startswith("Shafaq News, Sura Ali, “Iraqi factions weigh their response")
    assert notes[1] == "Ali, “Iraqi factions weigh their”, para. 3 [B6]."
    full, _ = export(made, tmp_path, "f.docx", full_citations=True)
    assert all(n.startswith("Shafaq News, Sura Ali, “Iraqi") for n in _note_texts(full))


def test_block_quote_ends_with_its_speaker(made, tmp_path):
    _, _, excerpts = made
    assert excerpts["amiri"].speaker == "Hadi al-Amiri"
    path, _ = export(made, tmp_path)
    quote = find_paragraph(path, "We will respond to every attack")
    assert text_of(quote).endswith("— Hadi al-Amiri")
    assert quote.find(f".//{W}br") is not None
    notes = _note_texts(path)
    assert any("Shafaq News" in n or n.startswith("Ali,") for n in notes)


@pytest.mark.parametrize(
    "marking, caveat",
    [
        ("TLP:RED", "TLP:RED: for the eyes and ears of individual recipients only"),
        ("TLP:AMBER+STRICT", "TLP:AMBER+STRICT: limited disclosure, restricted to"),
        ("TLP:AMBER", None),
        ("TLP:CLEAR", None),
    ],
)
def test_sharing_caveat_under_the_title(library, tmp_path, marking, caveat):
    brief = library.briefs.create("Note", marking=marking)
    export_brief(library, brief.id, tmp_path / "c.docx", template=template_path("standard"))
    paras = docx.Document(str(tmp_path / "c.docx")).paragraphs
    found = [p.text for p in paras if p.style.name == "Sharing Caveat"]
    if caveat is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(caveat)
        assert [p.style.name for p in paras[:2]] == ["Title", "Sharing Caveat"]


def test_a_template_can_turn_the_sharing_caveat_off(library, tmp_path):
    house = tmp_path / "house.docx"
    doc = docx.Document(str(template_path("standard")))
    settings = doc.settings.element
    doc_vars = etree.SubElement(settings, f"{W}docVars")
    var = etree.SubElement(doc_vars, f"{W}docVar")
    var.set(f"{W}name", "BrieferSharingCaveat")
    var.set(f"{W}val", "off")
    doc.save(house)
    brief = library.briefs.create("Note", marking="TLP:RED")
    export_brief(library, brief.id, tmp_path / "c.docx", template=house)
    styles = [p.style.name for p in docx.Document(str(tmp_path / "c.docx")).paragraphs]
    assert "Sharing Caveat" not in styles


def test_exporting_as_final_raises_the_version_once(library, tmp_path):
    brief = library.briefs.create("Note")
    export_brief(library, brief.id, tmp_path / "a.docx", final=True)
    again = export_brief(library, brief.id, tmp_path / "b.docx", final=True)
    stored = library.briefs.get(brief.id)
    assert (stored.status, stored.doc_version) == ("final", 2)
    paras = docx.Document(str(again.path)).paragraphs
    assert next(p.text for p in paras if p.style.name == "Brief Details").endswith(
        "Version 2 (final)"
    )


def test_open_xml_sdk_validator_reports_no_errors_on_every_new_feature(made, tmp_path):
    """RTL quotes, speaker lines, caveat, comma separators, endnotePr, settings, Letter."""
    from tests.export.test_readers import validate

    files = [
        export(made, tmp_path, "f.docx", include_author=True)[0],
        export(
            made, tmp_path, "e.docx", endnotes=True, empty_sections="note",
            template=template_path("compact-letter"),
        )[0],
    ]  # fmt: skip
    results = validate(files)
    for path in files:
        assert results[path] == [], f"{path.name}: {results[path]}"
