"""A brief into .docx from templates/word/, or into PDF through LibreOffice. No Qt.

export_brief() and export_pdf() are the entry points the CLI and the GUI call;
word_templates() lists what can be chosen.

The names below load their module on first use (PEP 562): the window imports
briefer.export.references for citations at start-up, and importing the writer with it
(python-docx and the templates) cost ~0.27 s before the first paint (issue 16).
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME = {
    "ExportError": "errors",
    "TemplateRefused": "errors",
    "export_pdf": "pdf",
    "find_libreoffice": "pdf",
    "pdf_unavailable_reason": "pdf",
    "describe_properties": "properties",
    "planned_properties": "properties",
    "DroppedCharacter": "sanitize",
    "DEFAULT_TEMPLATE": "templates",
    "WordTemplate": "templates",
    "find_word_template": "templates",
    "missing_styles": "templates",
    "word_templates": "templates",
    "ExportResult": "writer",
    "export_brief": "writer",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    """Import the module that holds `name` the first time it is asked for, and keep it."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'briefer.export' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"briefer.export.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
