"""Closing what holds the analyst's work: save it first, and ask before losing any.

A tab that holds work has flush() -> bool (save now and wait; True once saved) and
unsaved_reason() -> str (what was not saved and why). Closing a tab, quitting,
opening another library and restoring a backup all go through save_or_ask(), so
nothing unsaved goes away without the analyst saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QMessageBox, QWidget


def flush(widget: QWidget) -> bool:
    """Save what a widget holds; False when it could not be saved."""
    method = getattr(widget, "flush", None)
    return not callable(method) or bool(method())


def reason(widget: QWidget) -> str:
    method = getattr(widget, "unsaved_reason", None)
    return method() if callable(method) else "A tab holds changes that were not saved."


def confirm_discard(parent: QWidget | None, what: str) -> bool:
    """Something could not be saved: go on only when the analyst says so (the default
    answer keeps the work)."""
    answer = QMessageBox.warning(
        parent,
        "Not saved",
        f"{what}\n\nClose anyway and lose these changes?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def save_or_ask(parent: QWidget | None, widget: QWidget) -> bool:
    """True when the widget may go: its work is saved, or the analyst let it go."""
    return flush(widget) or confirm_discard(parent, reason(widget))


def save_all_or_ask(
    parent: QWidget | None, widgets: Iterable[QWidget], show: Callable[[QWidget], None]
) -> bool:
    """save_or_ask() for each; the first one kept is shown and False returned."""
    for widget in widgets:
        if not save_or_ask(parent, widget):
            show(widget)
            return False
    return True
