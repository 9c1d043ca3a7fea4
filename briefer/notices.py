"""Licence notices of the software Briefer includes, for Help › About.

Read from the installed packages' metadata (the desktop build copies it in), walking
Briefer's requirements and theirs, so the list follows what is really shipped. Imports
no Qt.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
import sqlite3
from dataclasses import dataclass

# Briefer's direct requirements, used when its own metadata is missing (a source
# checkout run without installing); tests/packaging keeps this equal to pyproject.toml.
DIRECT = (
    "PySide6-Essentials",
    "shiboken6",
    "SQLModel",
    "SQLAlchemy",
    "python-docx",
    "lxml",
    "platformdirs",
    "trafilatura",
    "lxml_html_clean",
    "charset-normalizer",
    "pypdf",
    "docx2python",
    "py3langid",
)
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    version: str
    licence: str


def _licence(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:60] if text else "see the package"


def _requirements(dist) -> list[str]:
    names = []
    for line in dist.requires or []:
        marker = line.split(";", 1)[1] if ";" in line else ""
        if "extra" in marker:
            continue  # optional extras are not installed with Briefer
        match = _NAME.match(line)
        if match:
            names.append(match.group(1))
    return names


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def third_party() -> list[Notice]:
    """Every package Briefer runs on that is present here, by name."""
    try:
        queue = _requirements(metadata.distribution("briefer"))
    except metadata.PackageNotFoundError:
        queue = list(DIRECT)
    found: dict[str, Notice] = {}
    while queue:
        name = queue.pop()
        if _key(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform, or not shipped
        found[_key(name)] = Notice(dist.metadata["Name"], dist.version, _licence(dist.metadata))
        queue.extend(_requirements(dist))
    return sorted(found.values(), key=lambda n: n.name.casefold())


def runtime() -> list[Notice]:
    """The interpreter and the SQLite library, which come without package metadata."""
    return [
        Notice("Python", platform.python_version(), "PSF-2.0"),
        Notice("SQLite", sqlite3.sqlite_version, "public domain"),
    ]


def notices_text() -> str:
    """Plain text: one line a component."""
    lines = [f"{n.name} {n.version}: {n.licence}" for n in runtime() + third_party()]
    return "\n".join(lines)
