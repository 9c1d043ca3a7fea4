"""The desktop build: briefer.spec makes a one-folder app that runs without Python and
passes its self-test headless. Slow (a PyInstaller build, about three minutes on two
cores); CI runs it. `make dist` runs the same spec into dist/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            str(work / "build"),
            "--distpath",
            str(work / "dist"),
            str(ROOT / "briefer.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
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
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_headless_env(tmp_path),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("briefer self-test passed")


def test_the_frozen_app_names_its_version(app, tmp_path):
    import briefer

    done = subprocess.run(
        [str(app / "Briefer"), "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_headless_env(tmp_path),
        timeout=120,
    )
    assert done.stdout.strip() == f"briefer {briefer.__version__}"


def test_the_frozen_app_carries_what_it_needs_and_not_more(app):
    internal = app / "_internal"
    qt = internal / "PySide6" / "Qt"
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= platforms
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    assert (internal / "briefer" / "_data" / "templates" / "word" / "standard.docx").is_file()
    assert (internal / "briefer" / "_data" / "docs" / "guide" / "export.md").is_file()
    assert (internal / "docx" / "templates" / "default.docx").is_file()
    assert (internal / "trafilatura" / "settings.cfg").is_file()
    assert list((internal / "py3langid" / "data").glob("model*"))
    assert (internal / "justext" / "stoplists" / "English.txt").is_file()
    # Help > About reads the licences from the packages' metadata (Briefer's own is an
    # egg-info when an editable install left one in the checkout)
    assert list(internal.glob("briefer-*.dist-info")) + list(internal.glob("briefer*.egg-info"))
    for dist in ("pyside6_essentials", "sqlalchemy", "numpy", "justext"):
        assert list(internal.glob(f"{dist}-*.dist-info")), dist
    names = {p.name for p in internal.rglob("*")}
    unwanted = ("WebEngine", "Multimedia", "Qt63D", "Qt6Qml", "Qt6Quick", "QtQml", "pytest")
    assert not [n for n in names if any(u in n for u in unwanted)]
    assert not (qt / "translations").exists()
    assert not list(internal.rglob("tests"))


def test_the_folder_stays_within_its_size(app):
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= MAX_MIB * 1024 * 1024, f"dist/Briefer is {size / 1024**2:.1f} MiB"


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A virtual X server on a display number it picks itself (free, whoever else runs)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        return xvfb, f":{numbers.readline().strip()}"


def _mapped_briefer_window(env: dict[str, str]) -> bool:
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True
    ).stdout
    for line in tree.splitlines():
        if '"Briefer' in line and line.strip().startswith("0x"):
            info = subprocess.run(
                ["xwininfo", "-id", line.split()[0]], env=env, capture_output=True, text=True
            ).stdout
            if "IsViewable" in info:
                return True
    return False


@pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xwininfo") is None,
    reason="needs Xvfb and xwininfo (.ci/run installs xvfb and x11-utils)",
)
def test_the_frozen_app_opens_its_window_on_x11(app, tmp_path):
    """The xcb platform plugin and the libraries it loads work from the folder."""
    xvfb, display = start_xvfb()
    env = _headless_env(tmp_path)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = None
    try:
        proc = subprocess.Popen(
            [str(app / "Briefer"), "--library", str(tmp_path / "x.briefer")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        shown = False
        for _ in range(1200):  # polls for up to two minutes on a loaded machine
            if proc.poll() is not None:
                break
            if _mapped_briefer_window(env):
                shown = True
                break
            time.sleep(0.1)
        assert shown, f"no window; exit {proc.poll()}: {proc.stderr.read() if proc.poll() else ''}"
        assert (tmp_path / "x.briefer").is_file()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(60)
        xvfb.terminate()
        xvfb.wait(30)
