"""A brief into .docx from templates/word/, or into PDF through LibreOffice. No Qt.

export_brief() and export_pdf() are the entry points the CLI and the GUI call;
word_templates() lists what can be chosen.

The names below load their module on first use (PEP 562): the window imports
briefer.export.references for citations at start-up, and importing the writer with it
(python-docx and the templates) cost ~0.27 s before the first paint (issue 16).
"""

from __future__ import annotations

from briefer.lazy import lazy_names

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
    "Verification": "verify",
    "verify_file": "verify",
}

__all__ = sorted(_HOME)


__getattr__, __dir__ = lazy_names(__name__, _HOME)
