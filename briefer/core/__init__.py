"""The domain: the library file, its services and search. Imports no Qt."""

from briefer.core.errors import BrieferError
from briefer.core.library import Library

__all__ = ["BrieferError", "Library"]
