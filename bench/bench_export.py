"""Word export: a ~100-page brief with 500 footnotes vs python-docx alone.

Run: .venv/bin/python bench/bench_export.py [--repeat N] [--no-append]
The target (issue 6): export_brief writes the brief in at most 2x the time python-docx
alone takes to write the same paragraphs (same template, add_paragraph with the same
styles, no footnotes, saved to memory), measured in the same run. The page count is
taken from LibreOffice when soffice and pdfinfo are installed. Figures are printed and
appended to docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "PERFORMANCE.md"
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from briefer.core.library import Library  # noqa: E402
from briefer.core.templates import shipped_templates_dir  # noqa: E402
from briefer.export import export_brief  # noqa: E402
from briefer.export.writer import gather_citations  # noqa: E402
from tests.export.richbrief import long_brief  # noqa: E402

TEMPLATE = shipped_templates_dir() / "word" / "standard.docx"


def python_docx_alone(body: dict) -> bytes:
    """The same paragraphs through python-docx's public API, without footnotes."""
    document = docx.Document(str(TEMPLATE))
    for block in body["blocks"]:
        words = "".join(n.get("text", "") for n in block.get("content", []))
        if block["type"] == "heading":
            document.add_paragraph(words, style=f"Heading {block['level']}")
        elif block["type"] == "paragraph":
            document.add_paragraph(words)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def page_count(path: Path, work: Path) -> int | None:
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if not (soffice and pdfinfo):
        return None
    subprocess.run(
        [soffice, f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(path)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    info = subprocess.run(
        [pdfinfo, str(work / (path.stem + ".pdf"))], check=True, capture_output=True, text=True
    ).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def bench(repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lib = Library.open(work / "bench.briefer")
        try:
            brief_id = long_brief(lib)
            body = lib.briefs.get(brief_id).body
            ours, alone, reads = [], [], []
            target = work / "long.docx"
            result = None
            for _ in range(repeat):
                start = time.perf_counter()
                python_docx_alone(body)
                alone.append(time.perf_counter() - start)
                start = time.perf_counter()
                result = export_brief(lib, brief_id, target, brief_date=date(2024, 2, 12))
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                gather_citations(lib, lib.briefs.get(brief_id))
                reads.append(time.perf_counter() - start)
            pages = page_count(target, work)
        finally:
            lib.close()
    paragraphs = sum(1 for b in body["blocks"] if b["type"] == "paragraph")
    return {
        "alone": statistics.median(alone),
        "ours": statistics.median(ours),
        "reads": statistics.median(reads),
        "notes": result.notes,
        "sources": result.sources,
        "paragraphs": paragraphs,
        "pages": pages,
        "size": result.size,
        "repeat": repeat,
    }


def report(figures: dict) -> str:
    ratio = figures["ours"] / figures["alone"]
    pages = figures["pages"] if figures["pages"] is not None else "not measured (no soffice)"
    return "\n".join(
        [
            f"- Brief: {figures['paragraphs']} paragraphs of 90 words under headings, "
            f"{figures['notes']} footnotes, {figures['sources']} sources; "
            f"{pages} pages (LibreOffice), {figures['size'] / 1024:.0f} KiB",
            f"- python-docx alone, same paragraphs and styles, no footnotes, to memory: "
            f"{figures['alone']:.2f} s (median of {figures['repeat']})",
            f"- export_brief, whole export (library reads, footnotes, sources list, "
            f"atomic write with fsync): {figures['ours']:.2f} s, of which reading the cited "
            f"excerpts and sources through core: {figures['reads']:.2f} s",
            f"- Ratio: {ratio:.2f}x (target <= 2x)",
            f"- Result: {'PASS' if ratio <= 2 else 'FAIL'}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """0 when the target is met (bench/__main__.py reads the code)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    figures = bench(args.repeat)
    text = report(figures)
    print(text)
    if not args.no_append:
        from bench.report import append_section

        append_section("Word export (bench/bench_export.py)", text)
    return 0 if figures["ours"] <= 2 * figures["alone"] else 1


if __name__ == "__main__":
    sys.exit(main())
