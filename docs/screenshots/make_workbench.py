"""Render docs/screenshots/workbench.png offscreen: the sample article open, three excerpts.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_workbench.py
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from briefer.core.library import Library
from briefer.gui.app import make_app
from briefer.gui.icons import SAMPLE_ARTICLE
from briefer.gui.main_window import MainWindow
from briefer.ingest import import_paths

OUT = Path(__file__).with_name("workbench.png")
CUTS = [
    ("efforts to degrade the capabilities", 2, ["aims"]),
    ("killing at least 16 Popular Mobilization Forces (PMF) fighters", 3, ["casualties"]),
    ("there are no indications of collateral damage or civilian casualties", 4, ["claims"]),
]


def main() -> None:
    app = make_app()
    folder = Path(tempfile.mkdtemp())
    with Library.open(folder / "demo.briefer") as library:
        (result,) = import_paths(library, [SAMPLE_ARTICLE]).results
        source_id = result.source_id
        library.sources.set_reliability(source_id, "B")
        library.tags.tag_sources([source_id], ["Iraq", "US strikes"])
        for quote, credibility, tags in CUTS:
            library.excerpts.add_quote(source_id, quote, credibility=credibility, tags=tags)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings=settings)
        window.resize(1400, 820)
        window.show()
        # The navigator and the excerpts panel fill once the window has painted.
        while not window.started:
            app.processEvents()
        tab = window.sources.open_source(source_id)
        tab.reader.select_span(*library.excerpts.locate(source_id, "send a clear message"))
        app.processEvents()
        window.grab().save(str(OUT))
        window.close()
    print(OUT)


if __name__ == "__main__":
    main()
