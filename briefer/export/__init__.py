"""A brief into .docx from templates/word/. Imports no Qt.

export_brief() is the one entry point the CLI and the GUI call; word_templates() lists
what can be chosen.
"""

from briefer.export.errors import ExportError, TemplateRefused
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
    "export_brief",
    "find_word_template",
    "missing_styles",
    "word_templates",
]
