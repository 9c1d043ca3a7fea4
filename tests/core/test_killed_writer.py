"""Kill a writer at random moments: no partial batch, no acknowledged batch lost.

A zygote process imports Briefer once and forks each writer, so the kills are cheap.
BRIEFER_KILLS raises the count for a longer run (docs/RELIABILITY.md).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from briefer.core import damage
from briefer.core.document import plain_text
from briefer.core.library import Library
from tests.core.crash_child import BATCH_ROWS

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = int(os.environ.get("BRIEFER_KILLS", "50"))


class Zygote:
    def __init__(self, path: Path, ackdir: Path):
        self.ackdir = ackdir
        self.child: int | None = None
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), "zygote", str(path), str(ackdir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run_and_kill(
        self, mode: str, n: int, delay: float, *extra: object, after_first_ack: bool = False
    ) -> list[int]:
        """Fork a writer, SIGKILL it after delay (counted from its first acknowledged
        write when after_first_ack, else from its start); return what it acknowledged."""
        self.proc.stdin.write(" ".join([mode, str(n), *map(str, extra)]) + "\n")
        self.proc.stdin.flush()
        pid = self.child = int(self.proc.stdout.readline())
        ack = self.ackdir / f"ack-{n}"
        if after_first_ack:
            deadline = time.monotonic() + 30
            while not (ack.exists() and ack.stat().st_size) and time.monotonic() < deadline:
                time.sleep(0.005)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        assert self.proc.stdout.readline().strip() == "reaped"
        self.child = None
        if not ack.exists():
            return []
        # A line without its newline was cut by the kill: not acknowledged.
        lines = ack.read_text().split("\n")[:-1]
        return [int(x) for x in lines]

    def close(self) -> None:
        """Never leave a writer behind, even when the test failed midway."""
        if self.child is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.child, signal.SIGKILL)
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def zygote(library_path, tmp_path):
    Library.open(library_path).close()
    acks = tmp_path / "acks"
    acks.mkdir()
    z = Zygote(library_path, acks)
    yield z
    z.close()


def batches_in(path: Path) -> tuple[set[int], list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT key FROM library_meta WHERE key LIKE 'batch:%'").fetchall()
        titles = [r[0] for r in conn.execute("SELECT title FROM source")]
    finally:
        conn.close()
    per_batch = Counter(int(k.split(":")[1]) for (k,) in rows)
    partial = [
        f"batch {n}: {c} of {BATCH_ROWS} rows" for n, c in per_batch.items() if c != BATCH_ROWS
    ]
    sources = Counter(int(t.split()[1]) for t in titles)
    partial += [f"batch {n}: no source row" for n in per_batch if sources[n] != 1]
    partial += [f"source of batch {n} without its rows" for n in sources if n not in per_batch]
    return set(per_batch), partial


@pytest.mark.slow
@pytest.mark.timeout(60 + 3 * KILLS)
def test_killed_writer_loses_no_acknowledged_batch(zygote, library_path):
    rng = random.Random(int(os.environ.get("BRIEFER_SEED", "7")))
    acknowledged: set[int] = set()
    unclean = 0
    for n in range(KILLS):
        # Every other kill comes while the writer may still be opening the library.
        mid_work = n % 2 == 0
        acks = zygote.run_and_kill("batches", n, rng.uniform(0.0, 0.3), after_first_ack=mid_work)
        acknowledged |= set(acks)
        # Reopen as the window does: the stale lock is taken over and checked.
        with Library.open(library_path, lock=True) as lib:
            unclean += lib.unclean_shutdown
            if mid_work:
                assert acks and lib.unclean_shutdown, f"kill {n + 1} came after work"
        report = damage.quick_check(library_path, full=True)
        assert report.ok, f"after kill {n + 1}: {report.problems}"
        present, partial = batches_in(library_path)
        assert partial == [], f"after kill {n + 1}"
        lost = acknowledged - present
        assert not lost, f"after kill {n + 1}: acknowledged batches {sorted(lost)} lost"
    assert len(acknowledged) >= KILLS // 2  # the writers did get work done
    with Library.open(library_path) as lib:
        assert lib.check().ok
    print(f"\n{KILLS} kills, {len(acknowledged)} acknowledged batches, 0 lost, {unclean} unclean")


def test_killed_autosave_reopens_with_the_last_acknowledged_body(zygote, library_path):
    with Library.open(library_path) as lib:
        brief = lib.briefs.create("Typed under fire")
    rng = random.Random(11)
    for n in range(3):
        acks = zygote.run_and_kill(
            "autosave", 1000 + n, rng.uniform(0.1, 1.0), brief.id, after_first_ack=True
        )
        assert acks, "the editor saved nothing before the kill"
        with Library.open(library_path, lock=True) as lib:
            assert lib.unclean_shutdown
            text = plain_text(lib.briefs.get(brief.id).body)
        saved = int(text.split()[1])
        # The last acknowledged save is there; at most one more, saved but not yet
        # acknowledged when the kill came.
        assert saved in (acks[-1], acks[-1] + 1)
