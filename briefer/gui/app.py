"""Starting the window: the QApplication, the library, and what to say when it fails."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from briefer import __version__
from briefer.core.errors import BrieferError
from briefer.core.library import Library


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Briefer")
    app.setOrganizationName("Briefer")
    app.setApplicationVersion(__version__)
    return app


def run(path: Path) -> int:
    app = make_app()
    try:
        library = Library.open(path)
    except BrieferError as exc:
        QMessageBox.critical(None, "Briefer cannot open the library", str(exc))
        print(f"briefer: {exc}", file=sys.stderr)
        return 1
    from briefer.gui.main_window import MainWindow

    window = MainWindow(library)
    window.show()
    try:
        return app.exec()
    finally:
        library.close()
