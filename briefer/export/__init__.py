"""A brief into .docx from templates/word/, or into PDF through LibreOffice. No Qt.

export_brief() and export_pdf() are the entry points the CLI and the GUI call;
word_templates() lists what can be chosen.
"""

from briefer.export.errors import ExportError, TemplateRefused
from briefer.export.pdf import export_pdf, find_libreoffice, pdf_unavailable_reason
from briefer.export.properties import describe_properties, planned_properties
from briefer.export.sanitize import DroppedCharacter
from briefer.export.templates import (
    DEFAULT_TEMPLATE,
    WordTemplate,
    find_word_template,
    missing_styles,
    word_templates,
)
from briefer.export.writer import ExportResult, export_brief

__all__ = [
    "DEFAULT_TEMPLATE",
    "DroppedCharacter",
    "ExportError",
    "ExportResult",
    "TemplateRefused",
    "WordTemplate",
    "describe_properties",
    "export_brief",
    "export_pdf",
    "find_libreoffice",
    "find_word_template",
    "missing_styles",
    "pdf_unavailable_reason",
    "planned_properties",
    "word_templates",
]
