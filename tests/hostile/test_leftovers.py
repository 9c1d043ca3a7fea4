"""Issue 14, item 12: a killed import leaves no process behind.

A killed command-line import left a parse worker running for 18 minutes; a killed
window left the fork server, two workers and the resource tracker. The child runs in
its own session, so everything it started (workers, fork server, resource tracker)
carries that session id; after SIGKILL none may remain.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.pdfs import build_pdf, text_ops

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("kill_child.py")
CANCEL_CHILD = Path(__file__).with_name("cancel_child.py")
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def in_session(sid: int) -> list[int]:
    """Live (not zombie) processes of session sid."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            found.append(int(entry))
    return found


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def heavy_folder(tmp_path: Path, files: int) -> Path:
    folder = tmp_path / "heavy"
    folder.mkdir()
    data = build_pdf(text_ops(2000), pages=60)  # seconds of CPU each
    for n in range(files):
        (folder / f"f{n:02}.pdf").write_bytes(data + b"%% %d\n" % n)
    return folder


def kill_mid_import(tmp_path: Path, *extra: str, files: int = 10) -> list[int]:
    folder = heavy_folder(tmp_path, files)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(tmp_path / "lib.briefer"), str(folder), *extra],
        stdout=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        assert child.stdout.readline().strip() == b"importing"
        # Workers are up once the child has two or more processes beside it.
        assert wait_for(lambda: len(in_session(child.pid)) >= 3, 60)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        wait_for(lambda: not in_session(child.pid), 10)
        return in_session(child.pid)
    finally:
        for pid in in_session(child.pid):  # leave nothing to the next test
            os.kill(pid, signal.SIGKILL)
        if child.poll() is None:
            child.kill()
            child.wait()


def test_a_killed_command_line_import_leaves_no_worker(tmp_path):
    assert kill_mid_import(tmp_path) == []


def test_a_killed_window_import_leaves_no_fork_server_worker_or_tracker(tmp_path):
    assert kill_mid_import(tmp_path, "qt") == []


@pytest.mark.slow
def test_kill_loop_leaves_nothing(tmp_path):
    for round_ in range(5):
        where = tmp_path / f"round{round_}"
        where.mkdir()
        assert kill_mid_import(where, "qt" if round_ % 2 else "", files=24) == []


def cancel_mid_file(tmp_path: Path, *extra: str) -> dict:
    import json

    folder = heavy_folder(tmp_path, 10)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(CANCEL_CHILD), str(tmp_path / "lib.briefer"), str(folder), *extra],
        capture_output=True,
        env=env,
        start_new_session=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_a_cancelled_pooled_import_stops_its_workers_mid_file(tmp_path):
    outcome = cancel_mid_file(tmp_path)
    assert outcome["cancelled"] and outcome["not_processed"] == 10
    assert outcome["workers"] == []


def test_a_cancelled_window_import_stops_its_workers_mid_file(tmp_path):
    outcome = cancel_mid_file(tmp_path, "qt")
    assert outcome["cancelled"] and outcome["not_processed"] == 10
    assert outcome["workers"] == []
