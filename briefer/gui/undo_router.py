"""The window's Undo and Redo follow what Ctrl+Z would do at that moment.

An editable text field or editor that has the focus takes Ctrl+Z itself (Qt gives it
the shortcut first), so the toolbar and the Edit menu act on it too and show its state;
anywhere else they act on the library's undo stack (deletes, details edits). The texts
stay "Undo" and "Redo", so the toolbar does not grow with an item's title; the item is
named in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

ROUTED = "briefer_undo_routed"


def editable_text(widget: QWidget | None) -> QWidget | None:
    """The widget if it is a text field or editor the analyst can type in."""
    if isinstance(widget, QTextEdit | QPlainTextEdit | QLineEdit) and not widget.isReadOnly():
        return widget
    return None


class UndoRouter(QObject):
    def __init__(self, stack: QUndoStack, undo: QAction, redo: QAction, parent=None):
        super().__init__(parent)
        self.stack, self.undo_action, self.redo_action = stack, undo, redo
        self.editor: QWidget | None = None
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.indexChanged,
                       stack.cleanChanged):  # fmt: skip
            signal.connect(self.update)
        undo.triggered.connect(self.undo)
        redo.triggered.connect(self.redo)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.update()

    def _alive(self) -> bool:
        """False once the window is being torn down (focus still moves meanwhile)."""
        return all(isValid(o) for o in (self, self.stack, self.undo_action, self.redo_action))

    def _focus_changed(self, _old, new) -> None:
        if not self._alive():
            return
        self.editor = editable_text(new)
        editor = self.editor
        if editor is not None and not editor.property(ROUTED):
            editor.setProperty(ROUTED, True)
            if isinstance(editor, QLineEdit):
                editor.textChanged.connect(self.update)
            else:
                editor.undoAvailable.connect(self.update)
                editor.redoAvailable.connect(self.update)
        self.update()

    def _editor_state(self) -> tuple[bool, bool]:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            return editor.isUndoAvailable(), editor.isRedoAvailable()
        document = editor.document()
        return document.isUndoAvailable(), document.isRedoAvailable()

    def update(self, *_) -> None:
        """Enable and describe Undo/Redo from the target's state."""
        if not self._alive():
            return
        try:
            can_undo, can_redo = (
                self._editor_state()
                if self.editor is not None
                else (self.stack.canUndo(), self.stack.canRedo())
            )
        except RuntimeError:  # the editor was deleted
            self.editor = None
            can_undo, can_redo = self.stack.canUndo(), self.stack.canRedo()
        if self.editor is not None:
            undo_tip, redo_tip = "Undo typing (Ctrl+Z)", "Redo typing (Ctrl+Shift+Z)"
        else:
            undo_tip = f"Undo {self.stack.undoText()} (Ctrl+Z)"
            redo_tip = f"Redo {self.stack.redoText()} (Ctrl+Shift+Z)"
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setToolTip(undo_tip if can_undo else "Nothing to undo")
        self.redo_action.setToolTip(redo_tip if can_redo else "Nothing to redo")

    def undo(self) -> None:
        if self.editor is not None:
            self.editor.undo()
        else:
            self.stack.undo()

    def redo(self) -> None:
        if self.editor is not None:
            self.editor.redo()
        else:
            self.stack.redo()
