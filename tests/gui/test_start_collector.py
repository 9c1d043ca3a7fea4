"""Issue 16: the `briefer` command builds its window with Python's cyclic garbage
collector held (it walked the start-up heap again and again, ~0.2 s of a start) and
releases it once the window is painted, freezing what start-up made so no later full
collection walks it on the GUI thread (briefer/collector.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from briefer.core.library import Library

# The real command (cli.main), with gui/app.py's run() wrapped to record the
# collector's state when the window is built and after its first paint.
START = """
import gc, sys
import briefer.gui.app as gui_app
from PySide6.QtCore import QTimer

run, seen = gui_app.run, {}
make_app = gui_app.make_app

def make_and_watch(*args, **kwargs):
    app = make_app(*args, **kwargs)
    def check():
        windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
        if not windows or not windows[0].isVisible():
            QTimer.singleShot(20, check)
            return
        seen["built"] = seen.get("built", gc.isenabled())
        QTimer.singleShot(500, lambda: (seen.update(after=gc.isenabled(),
                                                    frozen=gc.get_freeze_count()),
                                        app.quit()))
    QTimer.singleShot(0, check)
    return app

gui_app.make_app = make_and_watch

def watched_run(path):
    seen["at_run"] = gc.isenabled()
    return run(path)

gui_app.run = watched_run
from briefer.cli import main
main(["--library", sys.argv[1]])
print(seen["at_run"], seen["after"], seen["frozen"] > 10_000)
"""


def test_the_command_holds_the_collector_until_the_window_is_painted(tmp_path):
    path = tmp_path / "start.briefer"
    Library.open(path).close()
    out = subprocess.run(
        [sys.executable, "-c", START, str(path)],
        capture_output=True, text=True, check=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    # Held when the window starts; collecting again after the paint, with what
    # start-up made frozen.
    assert out.stdout.split("\n")[-2] == "False True True", out.stdout + out.stderr


def test_a_command_other_than_the_window_leaves_the_collector_alone(tmp_path):
    path = tmp_path / "cli.briefer"
    Library.open(path).close()
    code = (
        "import gc, sys\n"
        "from briefer.cli import main\n"
        "main(['--library', sys.argv[1], 'stats'])\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert out.stdout.split("\n")[-2] == "True 0", out.stdout + out.stderr
