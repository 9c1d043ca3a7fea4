"""File > Export to PDF…: the menu item, disabled with its reason when LibreOffice is
missing. Light to import (no exporter), so the window builds it at start-up."""

from __future__ import annotations

from PySide6.QtGui import QAction

from briefer.core.libreoffice import pdf_unavailable_reason


def pdf_export_action(window) -> QAction:
    """File > Export to PDF…, for the main window: enabled when a brief tab is in front
    and LibreOffice is installed; otherwise its text and tip say why it is disabled.
    Triggering it calls window.briefs.export_pdf()."""
    problem = pdf_unavailable_reason()
    action = QAction(
        "Export to &PDF…" if not problem else "Export to PDF (needs LibreOffice)", window
    )
    action.setToolTip(problem or "Export the brief in front to PDF through LibreOffice")
    action.setStatusTip(problem or "Export the brief in front to PDF")

    def refresh(_index: int = 0) -> None:
        action.setEnabled(not problem and window.tabs.current_brief_tab() is not None)

    window.tabs.currentChanged.connect(refresh)
    action.triggered.connect(lambda _checked=False: window.briefs.export_pdf())
    refresh()
    return action
