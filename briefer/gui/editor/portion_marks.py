"""Portion marks in the editor: the choices, the marks a document holds, and the
gutter that prints "(C)" beside each marked paragraph.

A mark is a block property (formats.PORTION), so it is saved with the paragraph and
undone like any other edit; the rules (one ladder per brief, roll-up of the overall
marking) are core/tradecraft/portions.py's.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from briefer.core.markings import TLP_LABELS
from briefer.core.tradecraft.portions import display
from briefer.gui.editor import formats as fx

CHOICES: list[tuple[str, str]] = [
    ("", "No portion mark"),
    ("U", "(U) Unclassified"),
    ("C", "(C) Confidential"),
    ("S", "(S) Secret"),
    ("TS", "(TS) Top Secret"),
    *[(f"TLP:{label}", f"(TLP:{label})") for label in TLP_LABELS],
]
GUTTER_WIDTH = 64
MARK_COLOUR = QColor(0x6A, 0x1B, 0x1B)


def marks_of(doc: QTextDocument) -> list[str]:
    """Every portion mark of the document, in reading order."""
    out = []
    block = doc.begin()
    while block.isValid():
        mark = fx.read_portion(block.blockFormat())
        if mark:
            out.append(mark)
        block = block.next()
    return out


def as_body(marks: list[str]) -> dict:
    """A stand-in document holding just these marks, for the core's marking rules."""
    return {"blocks": [{"type": "paragraph", "content": [], "portion": m} for m in marks]}


class PortionGutter(QWidget):
    """The strip left of the text where each marked paragraph shows its mark."""

    def __init__(self, editor: QTextEdit):
        super().__init__(editor)
        self.editor = editor
        self.setToolTip("Portion marks: set them from the toolbar or the context menu")

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 0)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.editor.palette().color(QPalette.ColorRole.Base))
        painter.setPen(self.editor.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.setPen(MARK_COLOUR)
        font = painter.font()
        font.setBold(True)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        doc = self.editor.document()
        layout = doc.documentLayout()
        dy = self.editor.verticalScrollBar().value()
        block = doc.begin()
        height = self.height()
        while block.isValid():
            mark = fx.read_portion(block.blockFormat())
            if mark:
                rect = layout.blockBoundingRect(block)
                top = int(rect.top()) - dy
                line = block.layout().lineAt(0) if block.layout().lineCount() else None
                line_height = int(line.height()) if line is not None else 16
                if top > height:
                    break
                if top + line_height >= 0:
                    painter.drawText(
                        QRect(0, top + int(line.y() if line else 0), self.width() - 6,
                              line_height),
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                        display(mark),
                    )  # fmt: skip
            block = block.next()
        painter.end()
