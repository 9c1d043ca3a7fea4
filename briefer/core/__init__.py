"""The domain: the library file, its services and search. Imports no Qt.

Library is imported on first use, not here: the import's worker processes only need
core's records and text rules, and loading SQLAlchemy cost each of them half a second.
"""

from briefer.core.errors import BrieferError

__all__ = ["BrieferError", "Library"]


def __getattr__(name: str) -> type:
    if name == "Library":
        from briefer.core.library import Library

        return Library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
