"""PDF export through LibreOffice: the same document, the marking and the page number on
every page (endnote pages too), no tags in the PDF's keywords; without LibreOffice, one
line saying why. Layout is read back from the PDF with poppler's pdftotext/pdfinfo."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.export import ExportError, export_pdf, find_libreoffice, pdf_unavailable_reason
from briefer.export.pdf import endnotes_on_body_pages
from tests.export.conftest import need_tool, template_path, to_pdf
from tests.export.richbrief import rich_brief


def pdf_pages(pdf: Path) -> list[str]:
    need_tool("pdftotext")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for n in range(1, count + 1)
    ]  # fmt: skip


def pdf_info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def rich_library(tmp_path_factory):
    from briefer.core.library import Library

    folder = tmp_path_factory.mktemp("pdf")
    lib = Library.open(folder / "rich.briefer")
    brief = rich_brief(lib)
    yield lib, brief.brief_id, folder
    lib.close()


@pytest.mark.parametrize("name", ["standard", "compact-letter"])
@pytest.mark.parametrize("endnotes", [False, True], ids=["footnotes", "endnotes"])
def test_every_pdf_page_carries_marking_and_page_number(rich_library, name, endnotes):
    if find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    lib, brief_id, folder = rich_library
    out = folder / f"{name}-{endnotes}.pdf"
    result = export_pdf(
        lib, brief_id, out, template=template_path(name), endnotes=endnotes,
        brief_date=date(2024, 2, 12),
    )  # fmt: skip
    assert result.path == out and out.read_bytes().startswith(b"%PDF")
    pages = pdf_pages(out)
    assert len(pages) >= 3
    for n, text in enumerate(pages, 1):
        assert text.count("TLP:AMBER") == 2, f"page {n}: marking in header and footer"
        assert f"Page {n} of {len(pages)}" in text, f"page {n}: page number"
    if endnotes:
        last = pages[-1]
        assert re.search(r"\[[A-F][1-6]\]", last)  # the endnotes themselves
        assert not any(" ii " in p or "\nii\n" in p for p in pages)
    assert "Keywords" not in pdf_info(out) or "Iraq" not in pdf_info(out)
    assert "Title:           Iraq: US strikes on armed groups" in pdf_info(out)


def test_plain_libreoffice_conversion_of_the_docx_keeps_numbers_decimal(rich_library, tmp_path):
    """The .docx alone, converted by LibreOffice as a reader would: notes 1, 2, 3."""
    lib, brief_id, _ = rich_library
    from briefer.export import export_brief

    docx_path = tmp_path / "e.docx"
    export_brief(lib, brief_id, docx_path, template=template_path("standard"), endnotes=True)
    pdf = to_pdf(docx_path, tmp_path / "out", tmp_path / "profile")
    text = "".join(pdf_pages(pdf))
    assert "xxiii" not in text and "Analysis paragraph 19 weighs the reporting.25" in text


def test_endnote_configuration_points_at_the_body_page_style():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr(
            "styles.xml",
            '<s><text:notes-configuration text:note-class="endnote" style:num-format="1"/>'
            '<style:master-page style:name="Standard" style:page-layout-name="M"/></s>',
        )
        odt.writestr("content.xml", '<c><style:style style:master-page-name="Standard"/></c>')
    fixed = zipfile.ZipFile(io.BytesIO(endnotes_on_body_pages(buf.getvalue())))
    assert fixed.namelist()[0] == "mimetype"
    styles = fixed.read("styles.xml").decode()
    assert 'note-class="endnote"' in styles and 'text:master-page-name="Standard"' in styles


def test_without_libreoffice_pdf_export_says_why_in_one_line(
    library, library_path, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("BRIEFER_SOFFICE", "")
    assert find_libreoffice() is None
    reason = pdf_unavailable_reason()
    assert "LibreOffice" in reason and "\n" not in reason
    brief = library.briefs.create("Note")
    with pytest.raises(ExportError, match="needs LibreOffice"):
        export_pdf(library, brief.id, tmp_path / "n.pdf")
    assert not (tmp_path / "n.pdf").exists()
    code = main(
        ["--library", str(library_path), "export", str(brief.id), "-o", str(tmp_path / "n.pdf")]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "needs LibreOffice" in err


def test_cli_exports_pdf_by_the_file_name(library, library_path, tmp_path, capsys):
    if find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    brief = library.briefs.create("Note", marking="TLP:RED", template="Standard brief")
    library.briefs.add_text(brief.id, "bluf", "Strikes will go on.")
    out = tmp_path / "note.pdf"
    code = main(["--library", str(library_path), "export", str(brief.id), "-o", str(out)])
    assert code == 0 and capsys.readouterr().out.strip() == str(out)
    (page,) = pdf_pages(out)
    assert "Strikes will go on." in page and "for the eyes and ears" in page


def test_cli_sets_release_fields_and_export_prints_them(library, library_path, tmp_path, capsys):
    brief = library.briefs.create("Note", template="Standard brief")
    args = ["brief", "set", str(brief.id), "--status", "final", "--date", "2024-02-10"]
    assert main(["--library", str(library_path), *args, "--version", "2"]) == 0
    assert "version 2, final, dated 2024-02-10" in capsys.readouterr().out
    out = tmp_path / "n.docx"
    assert main(["--library", str(library_path), "export", str(brief.id), "-o", str(out)]) == 0
    import docx

    details = [
        p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Brief Details"
    ]
    assert details == ["10 February 2024  ·  Version 2 (final)"]
    bad = main(
        ["--library", str(library_path), "brief", "set", str(brief.id), "--date", "10/02/24"]
    )
    assert bad == 1 and "--date" in capsys.readouterr().err
