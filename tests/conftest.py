"""Shared fixtures. Qt must run headless before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("BRIEFER_LIBRARY", None)

from pathlib import Path

import pytest

from briefer.core import held_files
from briefer.core.library import Library
from briefer.core.records import NewSource

# Any open of a library file that SQLite has open in this process fails the test
# (issue 10: closing such a descriptor drops SQLite's locks and loses the journal).
held_files.install_audit_guard()

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "rudaw-2024-02-09-pentagon-strikes.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep the user's real data folder and settings out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("BRIEFER_LIBRARY", raising=False)


@pytest.fixture(autouse=True)
def _no_open_behind_sqlite():
    """Catch a guarded open even where the code under test swallowed the error."""
    held_files.violations.clear()
    yield
    assert held_files.violations == [], held_files.violations


@pytest.fixture
def library_path(tmp_path) -> Path:
    return tmp_path / "test.briefer"


@pytest.fixture
def cli(library_path, capsys):
    """Run a command on the test library; check its exit code; return (out, err)."""
    from briefer.cli import main

    def run(*args: str, expect: int = 0):
        code = main(["--library", str(library_path), *args])
        out, err = capsys.readouterr()
        assert code == expect, (code, out, err)
        return out, err

    return run


@pytest.fixture
def library(library_path):
    lib = Library.open(library_path)
    yield lib
    lib.close()


def make_source(lib: Library, title: str = "A title", body: str | None = None, **fields):
    body = body if body is not None else f"Body of {title}.\n\nSecond paragraph of {title}."
    return lib.sources.add(NewSource(title=title, body=body, **fields))


@pytest.fixture
def add_source(library):
    def _add(title: str = "A title", body: str | None = None, **fields):
        return make_source(library, title, body, **fields)

    return _add
