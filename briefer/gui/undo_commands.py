"""Changes that Ctrl+Z puts back during the session: deletes (core keeps the snapshot)
and edits of a source's details (the command keeps the values before and after).

Each command is pushed after its operation has made the change (so a refusal, such as
a source whose excerpts are cited, never enters the stack); its first redo() does
nothing. Undo and redo run operations too (gui/operations): on the worker, one
transaction each, a failure in the window's message bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefer.core.records import DeletedExcerpt, DeletedSource, DeletedTag
from briefer.gui.operations import Operation, OperationRunner, ops


class _OperationCommand(QUndoCommand):
    def __init__(self, runner: OperationRunner, text: str):
        super().__init__(text)
        self._runner = runner
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._runner.run(self._redo_op(), on_done=self._redone)

    def undo(self) -> None:
        self._runner.run(self._undo_op(), on_done=self._undone)

    def _redo_op(self) -> Operation:
        raise NotImplementedError

    def _undo_op(self) -> Operation:
        raise NotImplementedError

    def _redone(self, _result) -> None:
        pass

    def _undone(self, _result) -> None:
        pass


class DeleteSourceCommand(_OperationCommand):
    def __init__(self, runner: OperationRunner, deleted: DeletedSource):
        super().__init__(runner, f"Delete Source “{deleted.row['title']}”")
        self.deleted = deleted
        self.source_id = deleted.row["id"]

    def _redo_op(self) -> Operation:
        return ops.delete_source(self.source_id)

    def _redone(self, deleted) -> None:
        self.deleted = deleted

    def _undo_op(self) -> Operation:
        return ops.restore_source(self.deleted)

    def _undone(self, source) -> None:
        # The id comes back unless something took it meanwhile; follow it either way.
        self.source_id = source.id


class DeleteExcerptsCommand(_OperationCommand):
    def __init__(self, runner: OperationRunner, deleted: list[DeletedExcerpt]):
        noun = "Excerpt" if len(deleted) == 1 else f"{len(deleted)} Excerpts"
        super().__init__(runner, f"Delete {noun}")
        self.deleted = deleted
        self.excerpt_ids = [d.row["id"] for d in deleted]

    def _redo_op(self) -> Operation:
        return ops.delete_excerpts(self.excerpt_ids)

    def _redone(self, deleted) -> None:
        self.deleted = deleted

    def _undo_op(self) -> Operation:
        return ops.restore_excerpts(self.deleted)

    def _undone(self, records) -> None:
        self.excerpt_ids = [r.id for r in records]


class DeleteTagsCommand(_OperationCommand):
    def __init__(self, runner: OperationRunner, deleted: list[DeletedTag]):
        names = [d.row["name"] for d in deleted]
        what = f"Tag “{names[0]}”" if len(names) == 1 else f"{len(names)} Tags"
        super().__init__(runner, f"Delete {what}")
        self.deleted = deleted
        self.names = names

    def _redo_op(self) -> Operation:
        return ops.delete_tags(self.names)

    def _redone(self, deleted) -> None:
        self.deleted = deleted

    def _undo_op(self) -> Operation:
        return ops.restore_tags(self.deleted)

    def _undone(self, records) -> None:
        self.names = [r.name for r in records]


class EditSourceCommand(QUndoCommand):
    """Details saved from the form. Undo and redo save the values before or after
    through apply(source_id, values), which the window runs as an operation."""

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
