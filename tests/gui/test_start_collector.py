"""Issue 16: the `briefer` command builds its window with Python's cyclic garbage
collector held (it walked the start-up heap again and again, ~0.2 s of a start) and
releases it once the window is painted and its worker has loaded the services,
freezing what start-up made so no later full collection walks it on the GUI thread
(briefer/collector.py)."""

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
        if not windows[0].started:
            # The last look before the services are loaded (the paint was before).
            seen["painted, loading"] = gc.isenabled()
            QTimer.singleShot(5, check)
            return
        QTimer.singleShot(0, lambda: (seen.update(after=gc.isenabled(),
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
print(seen["at_run"], seen["painted, loading"], seen["after"], seen["frozen"] > 10_000)
"""


def test_the_command_holds_the_collector_until_the_window_is_painted_and_loaded(tmp_path):
    path = tmp_path / "start.briefer"
    Library.open(path).close()
    out = subprocess.run(
        [sys.executable, "-c", START, str(path)],
        capture_output=True, text=True, check=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    # Held when the window starts and while it loads the services after its paint;
    # collecting again once loaded, with what start-up made frozen (SQLAlchemy too).
    assert out.stdout.split("\n")[-2] == "False False True True", out.stdout + out.stderr


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


def test_releasing_twice_freezes_once(monkeypatch):
    """The paint's release and the fallback's (below) both run in a normal start."""
    import gc

    from briefer import collector

    freezes = []
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1))
    gc.disable()
    try:
        collector.release()
        assert gc.isenabled() and freezes == [1]
        collector.release()  # the fallback after the paint's release: nothing more
        assert freezes == [1]
    finally:
        gc.enable()


NEVER_PAINTED = """
import gc, sys
import briefer.gui.app as gui_app
from PySide6.QtCore import QTimer

gui_app.after_first_paint = lambda window, fn: None  # as if never painted
gui_app.RELEASE_COLLECTOR_MS = 300
make_app = gui_app.make_app

def make_and_watch(*args, **kwargs):
    app = make_app(*args, **kwargs)
    QTimer.singleShot(100, lambda: print("at 100 ms", gc.isenabled()))
    QTimer.singleShot(1000, lambda: (print("at 1 s", gc.isenabled()), app.quit()))
    return app

gui_app.make_app = make_and_watch
from briefer.cli import main
main(["--library", sys.argv[1]])
"""


def test_a_window_never_painted_still_releases_the_collector(tmp_path):
    """A window that starts minimized or hidden gets no paint event: the collector
    must not stay off for the whole session."""
    path = tmp_path / "hidden.briefer"
    Library.open(path).close()
    out = subprocess.run(
        [sys.executable, "-c", NEVER_PAINTED, str(path)],
        capture_output=True, text=True, check=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert "at 100 ms False" in out.stdout and "at 1 s True" in out.stdout, out.stdout
