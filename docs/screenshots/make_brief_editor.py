"""Redraws docs/screenshots/brief-editor.png: a brief with citations in the main window.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_brief_editor.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings

from briefer.core.library import Library
from briefer.gui.app import make_app
from briefer.gui.main_window import MainWindow
from briefer.ingest import import_paths

app = make_app()
tmp = Path(tempfile.mkdtemp())
lib = Library.open(tmp / "demo.briefer")
rep = import_paths(
    lib,
    [
        str(
            Path(__file__).resolve().parents[2]
            / "resources"
            / "samples"
            / "rudaw-2024-02-09-pentagon-strikes.txt"
        )
    ],
)
sid = rep.results[0].source_id
lib.sources.set_reliability(sid, "B")
e1 = lib.excerpts.add_quote(
    sid, "efforts to degrade the capabilities", credibility=2, tags=["aims"]
)
e2 = lib.excerpts.add_quote(
    sid, "there are no indications of collateral damage or civilian casualties", credibility=3
)
b = lib.briefs.create(
    "US strikes on Iraqi armed groups",
    template="Standard brief",
    marking="TLP:AMBER",
    subject="Iraq",
)
lib.briefs.add_text(
    b.id, "BLUF", "US strikes aim to degrade Iran-aligned groups and deter further attacks."
)
lib.briefs.add_excerpt(b.id, "BLUF", e1.id, paraphrase=True)
lib.briefs.add_text(
    b.id, "Key judgments", "Baghdad will press harder to end the coalition mission."
)
lib.briefs.add_excerpt(b.id, "Discussion", e2.id)
settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
w = MainWindow(lib, settings=settings)
w.resize(1400, 820)
w.show()
tab = w.open_brief(b.id)
for _ in range(50):
    app.processEvents()
t0 = time.time()
while tab.version is None and time.time() - t0 < 10:
    app.processEvents()
for _ in range(50):
    app.processEvents()
w.grab().save(str(Path(__file__).with_name("brief-editor.png")))
w.worker.wait(5000)
