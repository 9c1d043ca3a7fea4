"""Real readers of .docx: the Open XML SDK validator, LibreOffice and pandoc.

Each test skips, naming the tool, only when that tool is absent; .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.export.conftest import TEMPLATES, need_tool, need_validator, to_pdf

GRADE = re.compile(r"\[[A-F][1-6]\]")


def validate(paths: list[Path]) -> dict[Path, list]:
    """Run the validator on every file at once; it exits 0 even on errors, so read JSON."""
    validator = need_validator()
    runs = {
        p: subprocess.Popen(
            [str(validator), "--of", "json", str(p)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in paths
    }
    results = {}
    for path, proc in runs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results[path] = json.loads(out)
    return results


def out_of_order_copy(source: Path, target: Path) -> Path:
    """The export with one footnote's pPr children swapped: a schema error."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/footnotes.xml":
                data = data.replace(
                    b'<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>',
                    b'<w:pPr><w:jc w:val="left"/><w:pStyle w:val="FootnoteText"/></w:pPr>',
                    1,
                )
            out.writestr(item, data)
    return target


def test_open_xml_sdk_validator_reports_no_errors(exported, tmp_path):
    broken = out_of_order_copy(exported["standard"].path, tmp_path / "broken.docx")
    files = [exported[name].path for name in TEMPLATES] + [broken]
    results = validate(files)
    for name in TEMPLATES:
        assert results[exported[name].path] == [], f"{name}: {results[exported[name].path]}"
    # the check can fail: the validator sees a child out of order in the notes part
    errors = results[broken]
    assert errors and errors[0]["path"]["partUri"] == "/word/footnotes.xml"


@pytest.fixture(scope="session")
def pdf_pages(exported, tmp_path_factory) -> dict[str, list[str]]:
    """Each export through LibreOffice to PDF, then pdftotext: the text of every page."""
    need_tool("soffice")
    pdftotext = need_tool("pdftotext")
    folder = tmp_path_factory.mktemp("pdf")
    pages = {}
    for name in TEMPLATES:
        pdf = to_pdf(exported[name].path, folder, folder / f"profile-{name}")
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        pages[name] = [p for p in text.split("\f") if p.strip()]
    return pages


@pytest.mark.parametrize("name", TEMPLATES)
def test_libreoffice_prints_marking_and_page_numbers_on_every_page(pdf_pages, name):
    pages = pdf_pages[name]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.count("TLP:AMBER") >= 2, f"page {number} lacks the header or footer marking"
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize("name", TEMPLATES)
def test_libreoffice_lays_out_every_footnote(pdf_pages, name, exported):
    text = "\n".join(pdf_pages[name])
    assert len(GRADE.findall(text)) == 50
    flat = " ".join(text.split())
    assert "Rudaw, Jane Doe, “Pentagon sending ‘clear message’" in flat
    assert "accessed 1 March 2024 [A1]" in flat
    assert "Reliability A: completely reliable." in flat


@pytest.mark.parametrize("name", TEMPLATES)
def test_pandoc_reads_the_footnotes_back(exported, name):
    pandoc = need_tool("pandoc")
    out = subprocess.run(
        [pandoc, "-f", "docx", "-t", "json", str(exported[name].path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    notes: list[str] = []

    def words(node) -> str:
        if isinstance(node, dict):
            if node.get("t") == "Str":
                return node["c"]
            if node.get("t") in ("Space", "SoftBreak"):
                return " "
            return words(node.get("c", []))
        if isinstance(node, list):
            return "".join(words(n) for n in node)
        return ""

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Note":
                notes.append(words(node["c"]))
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(out)["blocks"])
    assert len(notes) == 50
    assert all(GRADE.search(n) for n in notes)
    assert notes[0].startswith("Rudaw, Jane Doe, “Pentagon sending ‘clear message’")


def test_tools_are_found_where_ci_installs_them():
    """Says which readers this run has, so a skip is never silent; in CI, where .ci/run
    installs them, a missing one fails instead of letting every reader check skip."""
    missing = [t for t in ("soffice", "pdftotext", "pandoc", "node") if not shutil.which(t)]
    if missing and os.environ.get("CI"):
        pytest.fail(f".ci/run should have installed: {', '.join(missing)}")
    if missing:
        pytest.skip(f"not installed here: {', '.join(missing)}")
