"""Run by test_sigterm.py: the window on a library, with unsaved text in a brief."""

import sys

if __name__ == "__main__":
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from briefer.gui import app as gui_app

    path, brief_id = Path(sys.argv[1]), int(sys.argv[2])

    def ready() -> None:
        from briefer.gui.main_window import MainWindow

        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        tab = window.briefs.open_brief(brief_id)

        def type_when_loaded() -> None:
            if tab.version is None:  # the brief is still loading on the worker
                QTimer.singleShot(50, type_when_loaded)
                return
            QTest.keyClicks(tab.editor, "Typed just before SIGTERM.")
            print("ready", flush=True)

        type_when_loaded()

    gui_app.make_app()
    QTimer.singleShot(0, ready)
    sys.exit(gui_app.run(path))
