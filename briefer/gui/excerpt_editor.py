"""The small editor for an excerpt's credibility (1 to 6), speaker, tags and comment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from briefer.core.records import CREDIBILITY
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.tag_field import TagField

QUOTE_PREVIEW = 400


@dataclass(frozen=True)
class ExcerptChoice:
    credibility: int
    tags: tuple[str, ...]
    comment: str
    speaker: str = ""


def credibility_combo() -> QComboBox:
    combo = QComboBox()
    for grade, meaning in CREDIBILITY.items():
        combo.addItem(f"{grade} — {meaning}", grade)
    return combo


class ExcerptEditor(BrieferDialog):
    """Opened with open() (never exec) so the window and its tests keep running."""

    def __init__(
        self,
        quote: str,
        *,
        known_tags: Sequence[str] = (),
        credibility: int = 6,
        tags: Sequence[str] = (),
        comment: str = "",
        speaker: str = "",
        title: str = "New excerpt",
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        shown = " ".join(quote.split())
        if len(shown) > QUOTE_PREVIEW:
            shown = shown[:QUOTE_PREVIEW] + "…"
        self.quote_label = QLabel(f"“{shown}”")
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setWordWrap(True)
        self.credibility = credibility_combo()
        self.credibility.setCurrentIndex(self.credibility.findData(credibility))
        self.credibility.setToolTip("How credible is this piece of information?")
        # Prefilled with who the article says is quoted ("…, said X"); the export
        # ends the block quote with "— <speaker>", so a wrong guess must be fixable.
        self.speaker = QLineEdit(speaker)
        self.speaker.setPlaceholderText("Who is quoted (leave empty if no one)")
        self.speaker.setToolTip("Printed after the block quote as “— Speaker”")
        self.tags = TagField()
        self.tags.set_known_tags(known_tags)
        self.tags.set_tags(tags)
        self.comment = QPlainTextEdit(comment)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText("Why it matters, what it contradicts…")
        self.comment.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.quote_label)
        form.addRow("&Credibility", self.credibility)
        form.addRow("S&peaker", self.speaker)
        form.addRow("&Tags", self.tags)
        form.addRow("Co&mment", self.comment)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.credibility.setFocus()

    def choice(self) -> ExcerptChoice:
        return ExcerptChoice(
            credibility=int(self.credibility.currentData()),
            tags=tuple(self.tags.tags()),
            comment=self.comment.toPlainText().strip(),
            speaker=" ".join(self.speaker.text().split()),
        )
