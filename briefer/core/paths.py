"""Where Briefer keeps things on this machine."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Briefer"
LIBRARY_ENV = "BRIEFER_LIBRARY"
DEFAULT_LIBRARY_NAME = "library.briefer"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_library_path() -> Path:
    return data_dir() / DEFAULT_LIBRARY_NAME


def resolve_library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--library beats BRIEFER_LIBRARY beats the default in the user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return default_library_path()
