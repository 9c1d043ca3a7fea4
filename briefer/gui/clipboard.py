"""Putting plain text and HTML on the clipboard together, without the crash at exit.

A QMimeData made in Python is a shiboken wrapper: the clipboard deletes it when the
application exits, after Python has finalised, and its wrapper's destructor then calls
into Python (SIGSEGV, PySide 6.11/6.12). A QMimeData made by Qt itself has no wrapper
destructor, so we ask a throw-away item model for one and empty it.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QStandardItemModel


def native_mime_data() -> QMimeData:
    """An empty QMimeData created on the C++ side (safe to hand to the clipboard)."""
    model = QStandardItemModel(1, 1)
    mime = model.mimeData([model.index(0, 0)])
    mime.clear()
    return mime


def copy_rich(text: str, html: str) -> None:
    """Plain text for editors and terminals, HTML for Word and mail."""
    mime = native_mime_data()
    mime.setText(text)
    mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)
