"""How import workers start: forked from a Qt-free process, never from one with Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = "import briefer.ingest.importer as m; print(m._context().get_start_method())"


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_command_line_forks_and_a_qt_process_does_not():
    if sys.platform.startswith("linux"):
        assert run(PROBE) == "fork"
    assert run("import PySide6.QtCore; " + PROBE) in ("forkserver", "spawn")


def test_a_forked_import_leaves_a_sound_library(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(20):
        (folder / f"a{n:02}.txt").write_text(
            f"Article number {n}\n\nBody of article {n}, with its own words {n * 7}.\n",
            encoding="utf-8",
        )
    library = tmp_path / "lib.briefer"
    env = {**os.environ, "BRIEFER_LIBRARY": str(library)}
    briefer = [sys.executable, "-m", "briefer"]
    done = subprocess.run([*briefer, "import", str(folder), "--json"], capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] == 20
    check = subprocess.run([*briefer, "check"], capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    listed = subprocess.run([*briefer, "sources", "--json"], capture_output=True, text=True,
                            env=env, check=True)  # fmt: skip
    titles = {s["title"] for s in json.loads(listed.stdout)}
    assert titles == {f"Article number {n}" for n in range(20)}
