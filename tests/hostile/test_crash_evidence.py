"""Issue 14, item 1: a -wal checkpointed by another process after a crash is not lost.

The lock file of a killed window says its -wal held work. If another process then
opened the library, SQLite recovered that -wal, copied it into the file and deleted
it: nothing is lost, and the next window must not call the library damaged.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core.damage import LibraryDamaged
from briefer.core.library import Library
from briefer.core.lock import lock_path

CHILD = Path(__file__).parents[1] / "core" / "crash_child.py"


def kill_holder(path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert '"wal_pending": true' in lock_path(path).read_text()
    assert Path(f"{path}-wal").stat().st_size > 0


@pytest.mark.parametrize("command", [["sources"], ["check"]])
def test_a_journal_recovered_by_a_command_is_not_lost(library_path, capsys, command):
    Library.open(library_path).close()
    kill_holder(library_path)
    assert main(["--library", str(library_path), *command]) == 0
    capsys.readouterr()
    assert not Path(f"{library_path}-wal").exists(), "the command checkpointed the -wal"
    with Library.open(library_path, lock=True) as lib:
        assert lib.unclean_shutdown
        assert [s.title for s in lib.sources.list()] == ["written by the holder"]
        assert not lib.writer_lock.wal_pending, "the window that judged it clears the flag"


def test_a_deleted_journal_is_still_lost(library_path):
    Library.open(library_path).close()
    kill_holder(library_path)
    Path(f"{library_path}-wal").unlink()
    with pytest.raises(LibraryDamaged, match="missing after a crash"):
        Library.open(library_path, lock=True)


def test_the_restore_offer_says_what_would_be_lost(qtbot, tmp_path):
    from datetime import UTC, datetime

    from briefer.core.backups import BackupInfo
    from briefer.gui.dialogs.damaged_library import DamagedLibraryDialog

    newest = BackupInfo(path=tmp_path / "b.briefer", taken=datetime(2024, 2, 9, tzinfo=UTC), size=1)
    dialog = DamagedLibraryDialog("x is damaged", ("integrity: bad",), newest)
    qtbot.addWidget(dialog)
    text = dialog.informativeText()
    assert "made after that time" in text and "would be lost" in text
    assert "kept aside" in text
