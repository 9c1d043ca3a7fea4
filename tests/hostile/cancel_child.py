"""Run by test_leftovers.py: cancel a pooled import mid-file, then list live workers.

argv: library folder [qt]. Prints one JSON line: the report's counts and the pids of
worker processes still alive after import_paths returned (the fork server and the
resource tracker live as long as this process, by design, and are not counted).
"""

import json
import os
import sys
from pathlib import Path


def workers_alive() -> list[int]:
    me = os.getpid()
    sid = os.getsid(0)
    alive = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] == "Z" or int(fields[3]) != sid:
            continue
        ppid = int(fields[1])
        if ppid == me and (b"resource_tracker" in cmdline or b"forkserver" in cmdline):
            continue
        alive.append(int(entry))
    return alive


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "qt":
        import PySide6.QtCore  # noqa: F401

    from briefer.core.library import Library
    from briefer.ingest import import_paths

    polls = []

    def should_cancel() -> bool:
        polls.append(1)
        return len(polls) > 30  # a few seconds into the first heavy files

    with Library.open(Path(sys.argv[1])) as lib:
        report = import_paths(lib, [Path(sys.argv[2])], should_cancel=should_cancel)
    print(
        json.dumps(
            {
                "cancelled": report.cancelled,
                "not_processed": report.not_processed,
                "results": len(report.results),
                "workers": workers_alive(),
            }
        )
    )
