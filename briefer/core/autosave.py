"""Unsaved brief text, held in memory until the library takes it.

When the disk is full (or refuses the write) the save fails as one transaction and
nothing saved before is touched; the text stays here and the next flush retries, so
saving resumes by itself once there is room. The brief editor calls put() as the
analyst types and flush() on its autosave timer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.core.errors import BrieferError

if TYPE_CHECKING:
    from briefer.core.library import Library


class Autosaver:
    def __init__(self, library: Library):
        self.library = library
        self._pending: dict[int, dict] = {}
        #: The one-line message of the last failed flush; None after a good one.
        self.last_error: str | None = None

    def put(self, brief_id: int, body: dict) -> None:
        """Keep the newest body of a brief; earlier unsaved ones are superseded."""
        self._pending[brief_id] = body

    @property
    def pending(self) -> dict[int, dict]:
        return dict(self._pending)

    def flush(self) -> str | None:
        """Save every pending body; None when all went, else the reason, text kept."""
        for brief_id, body in list(self._pending.items()):
            try:
                self.library.briefs.save_body(brief_id, body)
            except BrieferError as exc:
                self.last_error = str(exc)
                return self.last_error
            # Only drop what was saved, not a newer put() made meanwhile.
            if self._pending.get(brief_id) is body:
                del self._pending[brief_id]
        self.last_error = None
        return None
