"""Every change the window makes to the library, as a named operation (issue 12).

An operation (`ops.py`) runs on the window's single worker thread, in one core
transaction, and reports what it changed as one `Changes` event through the window's
`ChangeHub`; views subscribe to the hub and reload only what changed. Failures reach
one place: the runner's `failed` signal, which the window shows in its message bar and
the log. Anki's `CollectionOp`/`OpChanges` is the model.
"""

from briefer.gui.operations.changes import ChangeHub, Changes
from briefer.gui.operations.runner import Operation, OperationRunner

__all__ = ["ChangeHub", "Changes", "Operation", "OperationRunner"]
