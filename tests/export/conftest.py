"""Fixtures of the export tests: the rich brief exported once per shipped template, and
the real readers of .docx (the OOXML validator, LibreOffice, pandoc) located or skipped
with their reason."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from briefer.core.library import Library
from briefer.core.templates import shipped_templates_dir
from briefer.export import ExportResult, export_brief
from tests.export.richbrief import RichBrief, rich_brief

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = ROOT / ".ci" / "ooxml" / "node_modules" / ".bin" / "ooxml-validate"
TEMPLATES = ("standard", "compact")
FIXED_DATE = date(2024, 2, 12)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Exported:
    template: str
    path: Path
    brief: RichBrief
    result: ExportResult

    def part(self, name: str) -> etree._Element:
        with zipfile.ZipFile(self.path) as archive:
            return etree.fromstring(archive.read(name))

    def names(self) -> list[str]:
        with zipfile.ZipFile(self.path) as archive:
            return archive.namelist()


def template_path(name: str) -> Path:
    return shipped_templates_dir() / "word" / f"{name}.docx"


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> dict[str, Exported]:
    """The rich brief exported with every shipped template (by path: no user folders)."""
    folder = tmp_path_factory.mktemp("exports")
    lib = Library.open(folder / "rich.briefer")
    try:
        brief = rich_brief(lib)
        out = {}
        for name in TEMPLATES:
            path = folder / f"{name}.docx"
            result = export_brief(
                lib, brief.brief_id, path, template=template_path(name), brief_date=FIXED_DATE
            )
            out[name] = Exported(name, path, brief, result)
        return out
    finally:
        lib.close()


def need_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return found


def need_validator() -> Path:
    need_tool("node")
    if not VALIDATOR.exists():
        pytest.skip(
            "the OOXML validator is not installed: "
            "npm install --prefix .ci/ooxml @ooxml-tools/validate (.ci/run does it)"
        )
    return VALIDATOR


def to_pdf(docx: Path, outdir: Path, profile: Path) -> Path:
    """LibreOffice headless, one profile per run (a shared one fails silently)."""
    soffice = need_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {docx.name}"
    return pdf
