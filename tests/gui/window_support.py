"""Helpers for tests of the whole window: wait for its operations, find its dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def settle(window) -> None:
    """Until every operation the window started has finished and told the views."""
    window.operations.wait()


def import_report(window):
    """The import summary dialog the window opened last, or None."""
    boxes = window.findChildren(QDialog, "import_report")
    return boxes[-1] if boxes else None


def wait_for_import_report(qtbot, window, timeout: int = 30_000):
    qtbot.waitUntil(lambda: import_report(window) is not None, timeout=timeout)
    return import_report(window)
