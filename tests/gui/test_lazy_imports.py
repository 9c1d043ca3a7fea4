"""Issue 16: the window's module loads what the first screen shows, nothing more.

The brief editor, excerpt editor, tag manager, source tab, dialogs and the .docx
writer load when first used; importing them with the window cost ~0.25 s of start-up.
"""

from __future__ import annotations

import subprocess
import sys

LATER = [
    "briefer.export.writer",
    "briefer.export.pdf",
    "briefer.gui.editor.brief_tab",
    "briefer.gui.editor.editor_widget",
    "briefer.gui.editor.new_brief_dialog",
    "briefer.gui.excerpt_editor",
    "briefer.gui.tag_manager",
    "briefer.gui.source_tab",
    "briefer.gui.dialogs.import_report",
    "briefer.gui.about",
    "docx",
]


def loaded_by(imports: str, modules: list[str]) -> str:
    """Which of `modules` a fresh process has loaded once it ran `import {imports}`."""
    code = f"import sys, {imports}\nprint(','.join(m for m in {modules!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_importing_the_window_loads_no_editor_dialog_or_writer():
    assert loaded_by("briefer.gui.main_window", LATER) == ""


def test_the_lazy_packages_still_give_every_name():
    import briefer.export
    import briefer.gui.editor
    from briefer.export.writer import export_brief
    from briefer.gui.editor.brief_tab import BriefTab

    assert briefer.export.export_brief is export_brief
    assert briefer.gui.editor.BriefTab is BriefTab
    for package in (briefer.export, briefer.gui.editor):
        for name in package.__all__:
            assert getattr(package, name) is not None


# Issue 16: what start-up does not show loads later (the dialogs of a library that
# does not open; the brief editor).
NOT_AT_START = [
    "briefer.gui.dialogs.restore_backup",
    "briefer.gui.dialogs.damaged_library",
    "briefer.gui.dialogs.no_library",
    "briefer.gui.dialogs.lock_dialog",
    "briefer.gui.dialogs.help_window",
]


def test_starting_the_app_loads_no_opening_dialog():
    assert loaded_by("briefer.gui.app, briefer.gui.main_window", NOT_AT_START) == ""


WINDOW_START = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefer.core.library import Library
from briefer.gui.main_window import MainWindow
ORM = ("briefer.core.models", "briefer.core.sources", "briefer.core.tradecraft.service",
       "sqlalchemy", "sqlmodel", "pydantic")
at_paint = []

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not at_paint:
            at_paint.append(sorted(m for m in ORM if m in sys.modules))
        return False

probe = FirstPaint()
app.installEventFilter(probe)
library = Library.open(sys.argv[1], lock=True)
window = MainWindow(library)
window.show()
deadline = time.monotonic() + 60
while not window.started and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
nav = window.navigator
print(at_paint[0], window.library_page.sources_model.total,
      nav.child_labels(nav.briefs_item), "briefer.core.models" in sys.modules)
window.close()
library.close()
"""


def test_the_window_paints_before_the_orm_loads_and_loads_it_after(tmp_path):
    """Issue 16: building and showing the window reads the table in plain SQL; the
    ORM's modules, SQLAlchemy and SQLModel with them (~0.3 s), load on the worker after
    the first paint, then the navigator fills."""
    from briefer.core.library import Library
    from tests.conftest import make_source

    path = tmp_path / "start.briefer"
    with Library.open(path) as library:
        make_source(library, "One")
        library.briefs.create("Weekly brief")
    out = subprocess.run(
        [sys.executable, "-c", WINDOW_START, str(path)],
        capture_output=True, text=True, check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert out.stdout.split("\n")[0] == "[] 1 ['Weekly brief'] True"


EVERY_MODULE = """
import importlib, pkgutil, sys
import briefer.export, briefer.gui, briefer.ingest
for package in (briefer.gui, briefer.export, briefer.ingest):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
print(",".join(m for m in ("sqlalchemy", "sqlmodel", "briefer.core.models") if m in sys.modules))
"""


def test_nothing_the_window_imports_loads_the_orm():
    """The ORM loads through the library's services only, one thread at a time
    (Library.warm_up on the worker holds the lock the window's services are made
    under): a window module that imported it while the warm-up did could see the
    worker's half-imported SQLAlchemy. So no module of the window, the exporter or the
    importers loads SQLAlchemy or SQLModel when imported."""
    out = subprocess.run(
        [sys.executable, "-c", EVERY_MODULE],
        capture_output=True, text=True, check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert out.stdout.strip() == ""
