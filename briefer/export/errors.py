"""Errors of the Word export; each names the file or template and what to do."""

from briefer.core.errors import BrieferError


class ExportError(BrieferError):
    """The brief could not be written; an earlier file at the path is untouched."""


class TemplateRefused(ExportError):
    """A Word template cannot be used: unreadable, wrong kind, or missing styles."""

    def __init__(self, message: str, missing: tuple[str, ...] = ()):
        super().__init__(message)
        self.missing = missing
