"""The brief as a PDF: the same .docx, laid out by LibreOffice when it is installed.

LibreOffice is looked for on PATH and in its usual install folders on Windows and
macOS, and runs headless with a profile folder of its own for every export (a shared
profile makes a second instance fail silently). The .docx goes through ODF first for
one fix: LibreOffice sets endnotes on its "Endnote" page style, which has no header or
footer, so the endnote pages would lose the marking and the page number; the endnote
configuration is pointed at the body's own page style before the PDF is made.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.core import export_records
from briefer.core.libreoffice import NOT_FOUND, find_libreoffice, pdf_unavailable_reason
from briefer.export.atomic import write_atomically
from briefer.export.errors import ExportError
from briefer.export.record import cannot_record, record_export
from briefer.export.writer import ExportResult, export_brief

if TYPE_CHECKING:
    from briefer.core.library import Library

__all__ = ["endnotes_on_body_pages", "export_pdf", "find_libreoffice", "pdf_unavailable_reason"]

TIMEOUT_SECONDS = 300


def export_pdf(library: Library, brief_id: int, path: str | Path, **options: Any) -> ExportResult:
    """Export the brief to .docx (export_brief's options) and lay it out as a PDF at path;
    the PDF is recorded (export/record.py) once it is in place."""
    path = Path(path)
    recipients = export_records.recipients(options.pop("recipients", ""))
    options.pop("record", None)
    soffice = find_libreoffice()
    if soffice is None:
        raise ExportError(NOT_FOUND)
    progress = options.get("progress") or (lambda done, total, label: None)
    with tempfile.TemporaryDirectory(prefix="briefer-pdf-") as tmp:
        work = Path(tmp)
        docx_path = work / "brief.docx"
        result = export_brief(library, brief_id, docx_path, record=False, **options)
        progress(0, 1, "Laying out the PDF in LibreOffice")
        source = docx_path
        if result.note_kind == "endnotes":  # only endnotes need the ODF step
            source = _convert(soffice, docx_path, "odt", work)
            source.write_bytes(endnotes_on_body_pages(source.read_bytes()))
        pdf = _convert(soffice, source, "pdf", work)
        data = pdf.read_bytes()
    unrecorded = cannot_record(library)
    write_atomically(path, lambda fh: fh.write(data))
    result = dataclasses.replace(
        result, path=path, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    return record_export(library, result, "pdf", recipients, unrecorded=unrecorded)


def _convert(soffice: Path, source: Path, kind: str, work: Path) -> Path:
    outdir = work / kind
    profile = work / "profile"  # one per export, used by one LibreOffice at a time
    command = [
        str(soffice),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless", "--norestore", "--nolockcheck",
        "--convert-to", kind, "--outdir", str(outdir), str(source),
    ]  # fmt: skip
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise ExportError(
            f"LibreOffice ({soffice}) took more than {TIMEOUT_SECONDS} s to lay out the PDF; "
            "close other LibreOffice windows and try again"
        ) from None
    except OSError as exc:
        raise ExportError(f"LibreOffice ({soffice}) cannot be started ({exc.strerror})") from exc
    made = outdir / f"{source.stem}.{kind}"
    if done.returncode != 0 or not made.is_file():
        said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip()
        said = said.splitlines()[-1] if said else f"exit status {done.returncode}"
        raise ExportError(f"LibreOffice ({soffice}) wrote no {kind.upper()} file: {said}")
    return made


_ENDNOTE_CONFIG = re.compile(rb'<text:notes-configuration\b[^>]*text:note-class="endnote"[^>]*?/?>')
_MASTER = re.compile(rb'<style:master-page\b[^>]*style:name="([^"]+)"')
_USED_MASTER = re.compile(rb'style:master-page-name="([^"]+)"')


def endnotes_on_body_pages(odt: bytes) -> bytes:
    """An ODF text package whose endnotes are set on the body's page style (with its
    header and footer) instead of LibreOffice's bare "Endnote" page style."""
    source = zipfile.ZipFile(io.BytesIO(odt))
    styles = source.read("styles.xml")
    content = source.read("content.xml")
    used = [m for m in _USED_MASTER.findall(content) if m]
    masters = _MASTER.findall(styles)
    body = used[0] if used else (b"Standard" if b"Standard" in masters else masters[0])

    def repoint(match: re.Match) -> bytes:
        tag = re.sub(rb'\s+text:master-page-name="[^"]*"', b"", match.group(0))
        return tag.replace(
            b"<text:notes-configuration",
            b'<text:notes-configuration text:master-page-name="' + body + b'"',
            1,
        )

    styles, count = _ENDNOTE_CONFIG.subn(repoint, styles)
    if count == 0:
        return odt
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = styles if item.filename == "styles.xml" else source.read(item.filename)
            kind = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(item, data, compress_type=kind)
    return out.getvalue()
