"""Errors the analyst can read.

Every error raised on purpose by core, ingest or export derives from BrieferError and
carries a one-line message meant for the user; the CLI prints it, the GUI shows it.
"""


class BrieferError(Exception):
    """A refusal or failure with a message fit for the analyst."""


class NotALibrary(BrieferError):
    """The path is not a Briefer library; it was left untouched."""


class NewerLibrary(BrieferError):
    """The library was written by a newer Briefer than this one."""


class NotFound(BrieferError):
    """No row with that id."""


class InvalidInput(BrieferError):
    """A field's value is not acceptable; the message names the field."""


class InUse(BrieferError):
    """The item is cited by briefs and cannot be deleted."""


class Duplicate(BrieferError):
    """The item is already in the library."""

    def __init__(self, message: str, existing_id: int | None = None):
        super().__init__(message)
        self.existing_id = existing_id
