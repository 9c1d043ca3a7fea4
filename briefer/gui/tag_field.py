"""A line edit for several comma-separated tags that completes the one being typed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


def parse_tags(text: str) -> list[str]:
    """Names in the order typed, blanks and case-insensitive repeats dropped."""
    seen: set[str] = set()
    names = []
    for part in text.split(","):
        name = part.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


class _LastTagCompleter(QCompleter):
    """Completes only the text after the last comma and keeps what came before."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        head = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return head + str(index.data())


class TagField(QLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText("Tags, separated by commas")
        self._names = QStringListModel(self)
        completer = _LastTagCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)

    def set_known_tags(self, names: Sequence[str]) -> None:
        self._names.setStringList(list(names))

    def known_tags(self) -> list[str]:
        return self._names.stringList()

    def tags(self) -> list[str]:
        return parse_tags(self.text())

    def set_tags(self, names: Sequence[str]) -> None:
        self.setText(", ".join(names))
