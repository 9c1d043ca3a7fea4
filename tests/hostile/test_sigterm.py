"""Issue 14, item 12: SIGTERM to the window is a clean shutdown.

Open briefs are flushed, the session backs up and closes the library, and the lock
file (the unclean-shutdown marker) is gone, so the next open runs no crash check.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from briefer.core import backups, document
from briefer.core.library import Library

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("term_child.py")


def test_sigterm_flushes_the_brief_and_closes_cleanly(tmp_path):
    path = tmp_path / "lib.briefer"
    with Library.open(path) as lib:
        brief_id = lib.briefs.create("Note").id
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(brief_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == b"ready", child.stderr.read()
        assert Path(f"{path}.lock").exists()  # the window holds the library
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert code == 0, child.stderr.read()
    assert not Path(f"{path}.lock").exists()  # a clean close: no unclean marker
    with Library.open(path) as lib:
        body = document.plain_text(lib.briefs.get(brief_id).body)
    assert "Typed just before SIGTERM." in body
    assert backups.list_backups(path)  # the backup on close ran
