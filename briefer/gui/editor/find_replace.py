"""Find and replace in a brief: a bar under the text, never a modal dialog.

Replacing keeps each match's formatting and leaves citation markers alone (they are
objects, not text); Replace All is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)


class FindReplaceBar(QWidget):
    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self._editor = editor
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("Find")
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit()
        self.replace_field.setPlaceholderText("Replace with")
        self.case_box = QCheckBox("Match case")
        self.previous_button = QPushButton("Previous")
        self.next_button = QPushButton("Next")
        self.replace_button = QPushButton("Replace")
        self.replace_all_button = QPushButton("Replace All")
        self.status = QLabel()
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close (Esc)")
        self.close_button.setAutoRaise(True)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.find_field, self.previous_button, self.next_button,
                       self.replace_field, self.replace_button, self.replace_all_button,
                       self.case_box, self.status):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self._wire()

    def _wire(self) -> None:
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textEdited.connect(lambda _t: self.find_next(from_start=True))
        self.replace_field.returnPressed.connect(self.replace)
        self.next_button.clicked.connect(lambda: self.find_next())
        self.previous_button.clicked.connect(lambda: self.find_next(backward=True))
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.dismiss)
        self._escape.activated.connect(self.dismiss)

    def open(self, replace: bool = False) -> None:
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.replace_field.setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.show()
        field = self.replace_field if replace and self.find_field.text() else self.find_field
        field.setFocus()
        field.selectAll()

    def dismiss(self) -> None:
        self.hide()
        self._editor.setFocus()
        self.closed.emit()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self, backward: bool = False, from_start: bool = False) -> bool:
        """Select the next match, wrapping round the end of the brief."""
        needle = self.find_field.text()
        if not needle:
            self.status.clear()
            return False
        doc = self._editor.document()
        cursor = self._editor.textCursor()
        if from_start:
            cursor.setPosition(cursor.selectionStart())
        found = doc.find(needle, cursor, self._flags(backward))
        if found.isNull():
            wrap = QTextCursor(doc)
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, wrap, self._flags(backward))
        if found.isNull():
            self.status.setText("No match")
            return False
        self.status.clear()
        self._editor.setTextCursor(found)
        return True

    def _selection_matches(self) -> bool:
        selected = self._editor.textCursor().selectedText()
        needle = self.find_field.text()
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace(self) -> None:
        if self.find_field.text() and self._selection_matches():
            cursor = self._editor.textCursor()
            cursor.insertText(self.replace_field.text())
            self._editor.setTextCursor(cursor)
        self.find_next()

    def replace_all(self) -> int:
        needle = self.find_field.text()
        if not needle:
            return 0
        doc = self._editor.document()
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        count = 0
        found = doc.find(needle, QTextCursor(doc), self._flags())
        while not found.isNull():
            found.insertText(self.replace_field.text())
            count += 1
            found = doc.find(needle, found, self._flags())
        edit.endEditBlock()
        self.status.setText(f"{count} replaced" if count else "No match")
        return count
