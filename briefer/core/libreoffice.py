"""Where LibreOffice is, for PDF export: PATH, then its usual install places.

Kept apart from briefer.export (which loads python-docx) so the window can say at
start-up whether File > Export to PDF can work without loading the exporter.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

NOT_FOUND = (
    "PDF export needs LibreOffice, which was not found on PATH or in its usual install "
    "folders; install it from libreoffice.org (or export to Word)"
)


def _candidates() -> list[Path]:
    places: list[Path] = []
    if sys.platform == "win32":
        for var in ("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"):
            root = os.environ.get(var)
            if root:
                places.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
                places.append(Path(root) / "Programs" / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        for root in (Path("/Applications"), Path.home() / "Applications"):
            places.append(root / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    else:
        for place in ("/usr/bin", "/usr/local/bin", "/opt/libreoffice/program"):
            places.append(Path(place) / "soffice")
    return places


def find_libreoffice() -> Path | None:
    """LibreOffice's soffice: BRIEFER_SOFFICE (a path; empty: none), then PATH, then
    the usual install places."""
    override = os.environ.get("BRIEFER_SOFFICE")
    if override is not None:
        path = Path(override)
        return path if override and path.is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((p for p in _candidates() if p.is_file()), None)


def pdf_unavailable_reason() -> str:
    """'' when PDF export can run, else the one line that says why not."""
    return "" if find_libreoffice() else NOT_FOUND
