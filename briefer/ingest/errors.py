"""The one error type every reader raises for input it cannot take."""

from briefer.core.errors import BrieferError


class IngestError(BrieferError):
    """A file or paste that cannot be imported; the message is one line for the analyst."""
