"""The desktop build: briefer.spec makes a one-folder app that runs without Python and
passes its self-test headless. Slow (a PyInstaller build, about three minutes on two
cores); CI runs it. `make dist` runs the same spec into dist/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_MIB = 200  # docs/PERFORMANCE.md, "Desktop build"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the CI build is Linux's"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """dist/Briefer/ built from this checkout into a temp folder."""
    pytest.importorskip("PyInstaller", reason="pyinstaller is in the test extra")
    work = tmp_path_factory.mktemp("pyinstaller")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--workpath", str(work / "build"), "--distpath", str(work / "dist"),
         str(ROOT / "briefer.spec")],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return work / "dist" / "Briefer"


def _headless_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(HOME=str(tmp), XDG_DATA_HOME=str(tmp / "data"), QT_QPA_PLATFORM="offscreen")
    return env


def test_the_frozen_app_passes_its_self_test(app, tmp_path):
    done = subprocess.run(
        [str(app / "Briefer"), "--self-test"],
        capture_output=True, text=True, cwd=tmp_path, env=_headless_env(tmp_path), timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("briefer self-test passed")


def test_the_frozen_app_names_its_version(app, tmp_path):
    import briefer

    done = subprocess.run(
        [str(app / "Briefer"), "--version"],
        capture_output=True, text=True, cwd=tmp_path, env=_headless_env(tmp_path), timeout=120,
    )
    assert done.stdout.strip() == f"briefer {briefer.__version__}"


def test_the_frozen_app_carries_what_it_needs_and_not_more(app):
    internal = app / "_internal"
    qt = internal / "PySide6" / "Qt"
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= platforms
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    assert (internal / "briefer" / "_data" / "templates" / "word" / "standard.docx").is_file()
    assert (internal / "docx" / "templates" / "default.docx").is_file()
    assert (internal / "trafilatura" / "settings.cfg").is_file()
    assert list((internal / "py3langid" / "data").glob("model*"))
    assert (internal / "justext" / "stoplists" / "English.txt").is_file()
    # Help > About reads the licences from the packages' metadata
    for dist in ("briefer", "pyside6_essentials", "sqlalchemy", "numpy", "justext"):
        assert list(internal.glob(f"{dist}-*.dist-info")), dist
    names = {p.name for p in internal.rglob("*")}
    unwanted = ("WebEngine", "Multimedia", "Qt63D", "Qt6Qml", "Qt6Quick", "QtQml", "pytest")
    assert not [n for n in names if any(u in n for u in unwanted)]
    assert not (qt / "translations").exists()
    assert not list(internal.rglob("tests"))


def test_the_folder_stays_within_its_size(app):
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= MAX_MIB * 1024 * 1024, f"dist/Briefer is {size / 1024**2:.1f} MiB"
