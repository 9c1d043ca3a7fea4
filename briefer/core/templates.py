"""Brief structure templates: JSON files a team can copy and edit.

Shipped ones live in templates/briefs/; an analyst's own go in the user data folder's
templates/briefs/ and win over a shipped one of the same name. Word templates for
export sit beside them in templates/word/ (read by briefer.export).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.core import document
from briefer.core.errors import BrieferError, NotFound
from briefer.core.paths import data_dir
from briefer.resources import templates_dir


def shipped_templates_dir() -> Path:
    """The shipped templates/ (checkout, installed wheel or frozen app: briefer.resources)."""
    return templates_dir()


def user_templates_dir() -> Path:
    return data_dir() / "templates"


@dataclass(frozen=True, slots=True)
class StructureTemplate:
    name: str
    description: str
    path: Path
    document: dict[str, Any]
    builtin: bool


class TemplateError(BrieferError):
    """A template file cannot be used; the message names the file."""


def load_structure_template(path: Path, *, builtin: bool = False) -> StructureTemplate:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"template {path}: cannot be read ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise TemplateError(f'template {path}: needs a "name" and a "document"')
    try:
        doc = document.normalize(data.get("document", {}))
    except BrieferError as exc:
        raise TemplateError(f"template {path}: {exc}") from exc
    return StructureTemplate(
        name=data["name"].strip(),
        description=str(data.get("description", "")).strip(),
        path=path,
        document=doc,
        builtin=builtin,
    )


def structure_templates() -> tuple[list[StructureTemplate], list[str]]:
    """Usable templates by name (the user's own first), and one line per broken file."""
    found: dict[str, StructureTemplate] = {}
    problems: list[str] = []
    folders = ((user_templates_dir() / "briefs", False), (shipped_templates_dir() / "briefs", True))
    for folder, builtin in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            try:
                template = load_structure_template(path, builtin=builtin)
            except TemplateError as exc:
                problems.append(str(exc))
                continue
            found.setdefault(template.name.casefold(), template)
    return sorted(found.values(), key=lambda t: (not t.builtin, t.name.casefold())), problems


def structure_template(name: str) -> StructureTemplate:
    """A template by name or file name, case-insensitively."""
    key = name.strip().casefold()
    templates, _ = structure_templates()
    for template in templates:
        if key in (template.name.casefold(), template.path.stem.casefold()):
            return template
    names = ", ".join(t.name for t in templates) or "none"
    raise NotFound(f"there is no brief template {name!r} (templates: {names})")
