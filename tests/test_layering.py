"""core, ingest and export must work without Qt: the CLI and tests rely on it."""

import subprocess
import sys

import pytest

LAYERS = [
    "briefer.core",
    "briefer.ingest",
    "briefer.export",
    "briefer.cli",
    "briefer.resources",
    "briefer.selftest",
]


@pytest.mark.parametrize("package", LAYERS)
def test_layer_imports_no_qt(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(getattr(pkg, '__path__', []), pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{package} pulled in Qt: {out.stdout.strip()}"


def test_gui_does_import_qt():
    """The check above would pass vacuously if the probe could not see Qt at all."""
    code = "import sys, briefer.gui.main_window; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_the_window_module_below_the_app_never_imports_the_app():
    """gui/app.py starts the window; main_window gets the session and the opening
    dialogs from gui/session.py and gui/opening.py, so no cycle runs through app."""
    code = "import sys, briefer.gui.main_window\nprint('briefer.gui.app' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
