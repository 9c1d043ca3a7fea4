"""Changes that Ctrl+Z puts back during the session: deletes (core keeps the snapshot)
and edits of a source's details (the command keeps the values before and after).

Each command is pushed after core has already made the change (so a refusal, such as a
source whose excerpts are cited, never enters the stack); its first redo() does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.records import DeletedExcerpt, DeletedSource, DeletedTag

Changed = Callable[[], None]
Report = Callable[[str], None]


class _DeleteCommand(QUndoCommand):
    def __init__(self, library: Library, text: str, on_change: Changed, report: Report):
        super().__init__(text)
        self.library = library
        self._on_change = on_change
        self._report = report
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._run(self._delete)

    def undo(self) -> None:
        self._run(self._restore)

    def _run(self, step: Callable[[], None]) -> None:
        """Core may refuse (the item changed meanwhile): say so, never raise into Qt."""
        try:
            step()
        except BrieferError as exc:
            self._report(str(exc))
        self._on_change()

    def _delete(self) -> None:
        raise NotImplementedError

    def _restore(self) -> None:
        raise NotImplementedError


class DeleteSourceCommand(_DeleteCommand):
    def __init__(
        self, library: Library, deleted: DeletedSource, on_change: Changed, report: Report
    ):
        super().__init__(library, f"Delete Source “{deleted.row['title']}”", on_change, report)
        self.deleted = deleted

        self.source_id = deleted.row["id"]

    def _delete(self) -> None:
        self.deleted = self.library.sources.delete(self.source_id)

    def _restore(self) -> None:
        # The id comes back unless something took it meanwhile; follow it either way.
        self.source_id = self.library.sources.restore(self.deleted).id


class DeleteExcerptsCommand(_DeleteCommand):
    def __init__(
        self, library: Library, deleted: list[DeletedExcerpt], on_change: Changed, report: Report
    ):
        noun = "Excerpt" if len(deleted) == 1 else f"{len(deleted)} Excerpts"
        super().__init__(library, f"Delete {noun}", on_change, report)
        self.deleted = deleted

        self.excerpt_ids = [d.row["id"] for d in deleted]

    def _delete(self) -> None:
        self.deleted = [self.library.excerpts.delete(i) for i in self.excerpt_ids]

    def _restore(self) -> None:
        self.excerpt_ids = [self.library.excerpts.restore(d).id for d in self.deleted]


class DeleteTagCommand(_DeleteCommand):
    def __init__(self, library: Library, deleted: DeletedTag, on_change: Changed, report: Report):
        super().__init__(library, f"Delete Tag “{deleted.row['name']}”", on_change, report)
        self.deleted = deleted

        self.name = deleted.row["name"]

    def _delete(self) -> None:
        self.deleted = self.library.tags.delete(self.name)

    def _restore(self) -> None:
        self.name = self.library.tags.restore(self.deleted).name


class EditSourceCommand(QUndoCommand):
    """Details saved from the form. Undo and redo save the values before or after
    through apply(source_id, values), which the window runs on its worker."""

    def __init__(
        self,
        source_id: int,
        before: dict,
        after: dict,
        title: str,
        apply: Callable[[int, dict], None],
    ):
        names = [k for k in after if k not in ("published_precision", "published_ambiguous")]
        what = names[0].replace("_", " ") if len(names) == 1 else "details"
        if names == ["reliability"]:
            what = "grade"
        super().__init__(f"Edit {what} of “{title}”")
        self.source_id = source_id
        self.before = dict(before)
        self.after = dict(after)
        self._apply = apply
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._apply(self.source_id, self.after)

    def undo(self) -> None:
        self._apply(self.source_id, self.before)
