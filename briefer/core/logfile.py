"""The log file in the user data folder, so a failure seen once can be read again.

The window logs what it shows in its message bars (failed backups, damage, writes
that failed) and every error; Help › Open Log Folder opens the folder. The file rotates
at LOG_BYTES, keeping LOG_BACKUPS old files, so it never grows without bound.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

from briefer.core.paths import data_dir

LOG_NAME = "briefer.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens, the first and each after a rotation, is mode 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def log_folder() -> Path:
    return data_dir() / "logs"


def setup_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Send the "briefer" loggers to a rotating file in folder; returns the file.

    Calling it again (another window, a test) replaces the handler rather than
    adding a second one. A folder that cannot be made leaves logging to stderr.
    """
    folder = folder or log_folder()
    path = folder / LOG_NAME
    logger = logging.getLogger("briefer")
    logger.setLevel(level)
    for handler in list(logger.handlers):
        if getattr(handler, "briefer_log_file", False):
            logger.removeHandler(handler)
            handler.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger("briefer").warning("no log file in %s: %s", folder, exc)
        return path
    handler.briefer_log_file = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    return path
