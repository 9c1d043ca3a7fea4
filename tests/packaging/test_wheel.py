"""A plain (not editable) install works: the wheel is built from a copy of the checkout,
installed into a fresh virtual environment, and `briefer --self-test` runs there, away
from the source tree. Slow (about two minutes); CI runs it.

Dependencies come from the registry once and are kept in a wheelhouse
($BRIEFER_WHEELHOUSE, else ~/.cache/briefer-wheelhouse); the install itself reads
only that folder and the wheel just built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Read before the autouse fixture of tests/conftest.py points HOME at a temp folder.
WHEELHOUSE = Path(
    os.environ.get("BRIEFER_WHEELHOUSE") or Path.home() / ".cache" / "briefer-wheelhouse"
)
SOURCES = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "briefer",
    "resources",
    "templates",
    "docs",
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def _run(args: list, **kwargs) -> subprocess.CompletedProcess:
    out = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert out.returncode == 0, f"{args[:4]} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out


def _copy_checkout(target: Path) -> Path:
    target.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv (no system site-packages) with the wheel installed; its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    source = _copy_checkout(work / "src")
    pip = [sys.executable, "-m", "pip"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_USER")}
    _run([*pip, "wheel", "--no-deps", "-q", "-w", work / "dist", source], env=env)
    (wheel,) = (work / "dist").glob("briefer-*.whl")
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    _run([*pip, "download", "-q", "-d", WHEELHOUSE, wheel], env=env)
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    _run(
        [
            *pip,
            "--python",
            python,
            "install",
            "-q",
            "--no-index",
            "--find-links",
            WHEELHOUSE,
            wheel,
        ],
        env=env,
    )
    return venv / "bin"


def _clean_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(HOME=str(tmp), XDG_DATA_HOME=str(tmp / "data"), QT_QPA_PLATFORM="offscreen")
    return env


def test_the_installed_wheel_passes_its_self_test(installed, tmp_path):
    out = _run([installed / "briefer", "--self-test"], cwd=tmp_path, env=_clean_env(tmp_path))
    assert out.stdout.startswith("briefer self-test passed")


def test_the_installed_wheel_reads_its_own_data(installed, tmp_path):
    code = (
        "import briefer, briefer.resources as r;"
        "print(briefer.__file__); print(r.templates_dir()); print(r.resource('icons'))"
    )
    out = _run([installed / "python", "-c", code], cwd=tmp_path, env=_clean_env(tmp_path))
    package, templates, icons = (Path(line) for line in out.stdout.splitlines())
    site = installed.parent / "lib"
    assert site in package.parents and ROOT not in package.parents
    assert templates == package.parent / "_data" / "templates"
    assert (templates / "word" / "standard.docx").is_file()
    assert (icons / "app.svg").is_file()
    guide = package.parent / "_data" / "docs" / "guide"
    assert (guide / "import.md").is_file() and (guide / "shortcuts.md").is_file()


def test_the_window_entry_point_is_installed(installed):
    assert (installed / "briefer-gui").is_file()
    script = (installed / "briefer-gui").read_text(encoding="utf-8")
    assert "from briefer.cli import main" in script
