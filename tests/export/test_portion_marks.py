"""Portion marks in the exported file: each marked paragraph starts with its mark, and
the overall marking (rolled up to the highest mark, never lower) heads and foots every
page and is the file's category."""

from __future__ import annotations

import json
import sqlite3

import docx
import pytest

from briefer.core import document as d
from briefer.export import export_brief


def marked_body(*marks: str, listed: str = "", quoted: str = "") -> dict:
    blocks = [d.heading("Discussion", section="discussion")]
    blocks += [
        {**d.paragraph(f"Paragraph {n} says something."), **({"portion": m} if m else {})}
        for n, m in enumerate(marks, 1)
    ]
    if quoted:
        blocks.append({"type": "quote", "content": [d.text("A quoted line.")], "portion": quoted})
    if listed:
        blocks.append(
            {"type": "list", "ordered": False,
             "items": [{"content": [d.text("A listed point.")], "portion": listed}]}
        )  # fmt: skip
    return d.normalize({"blocks": blocks})


def texts(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def header_footer(path) -> tuple[list[str], list[str]]:
    section = docx.Document(str(path)).sections[0]
    return [p.text for p in section.header.paragraphs], [p.text for p in section.footer.paragraphs]


def test_each_marked_paragraph_starts_with_its_mark(library, tmp_path):
    brief = library.briefs.create("Marked", body=marked_body("U", "C", "", quoted="U", listed="C"))
    out = tmp_path / "marked.docx"
    export_brief(library, brief.id, out)
    paragraphs = texts(out)
    assert "(U) Paragraph 1 says something." in paragraphs
    assert "(C) Paragraph 2 says something." in paragraphs
    assert "Paragraph 3 says something." in paragraphs  # no mark, none printed
    assert any(p.startswith("(U) A quoted line.") for p in paragraphs)
    assert "(C) A listed point." in paragraphs
    # headings and the title block carry no mark
    assert "Discussion" in paragraphs and "Marked" in paragraphs


def test_the_overall_marking_rolls_up_into_header_footer_and_properties(library, tmp_path):
    brief = library.briefs.create("Mixed", body=marked_body("U", "S", listed="C"))
    out = tmp_path / "mixed.docx"
    result = export_brief(library, brief.id, out)
    header, footer = header_footer(out)
    assert "SECRET" in header and "SECRET" in footer
    assert dict(result.properties)["category"] == "SECRET"
    assert docx.Document(str(out)).core_properties.category == "SECRET"


def test_a_marking_stored_lower_is_raised_at_export_never_printed_lower(library, tmp_path):
    """A library written by an older tool may hold a marking below its portion marks:
    the export still prints the rolled-up one."""
    brief = library.briefs.create("Old", marking="CONFIDENTIAL//NOFORN", body=marked_body("C"))
    conn = sqlite3.connect(library.path)
    body = marked_body("C", "TS")
    conn.execute("UPDATE brief SET body = ? WHERE id = ?", (json.dumps(body), brief.id))
    conn.commit()
    conn.close()
    out = tmp_path / "old.docx"
    export_brief(library, brief.id, out)
    header, footer = header_footer(out)
    assert "TOP SECRET//NOFORN" in header and "TOP SECRET//NOFORN" in footer
    assert "(TS) Paragraph 2 says something." in texts(out)


def test_tlp_portion_marks_print_as_labels_and_roll_up(library, tmp_path):
    brief = library.briefs.create(
        "Shared", marking="TLP:GREEN", body=marked_body("TLP:CLEAR", "TLP:AMBER")
    )
    out = tmp_path / "tlp.docx"
    export_brief(library, brief.id, out)
    paragraphs = texts(out)
    assert "(TLP:CLEAR) Paragraph 1 says something." in paragraphs
    assert "(TLP:AMBER) Paragraph 2 says something." in paragraphs
    header, footer = header_footer(out)
    assert "TLP:AMBER" in header and "TLP:AMBER" in footer


def test_a_brief_without_portion_marks_exports_as_before(library, tmp_path):
    brief = library.briefs.create("Plain", marking="OFFICIAL", body=marked_body("", ""))
    out = tmp_path / "plain.docx"
    export_brief(library, brief.id, out)
    assert "Paragraph 1 says something." in texts(out)
    header, _ = header_footer(out)
    assert header == ["OFFICIAL"]


def test_the_pdf_prints_the_marks_and_the_rolled_up_marking(library, tmp_path):
    from briefer.export import export_pdf, find_libreoffice
    from tests.export.test_pdf import pdf_pages

    if find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    brief = library.briefs.create("Mixed", body=marked_body("U", "C"))
    out = tmp_path / "mixed.pdf"
    export_pdf(library, brief.id, out)
    (page,) = pdf_pages(out)
    assert "(U) Paragraph 1 says something." in page
    assert "(C) Paragraph 2 says something." in page
    assert page.count("CONFIDENTIAL") >= 2  # header and footer
