"""Imported only by the import fork server (set_forkserver_preload in ingest/importer.py).

It ties the server to the process that started it, first thing and with the standard
library only, so a window killed while the server starts still leaves none behind;
then it loads the readers once, so each worker forked from the server starts warm.
The starting process's pid comes as a preload entry `briefer-parent=PID` (not a
module: the server skips it), read from the server's command line where there is one.
"""

import os
import re

PARENT_PREFIX = "briefer-parent="


def _parent() -> int:
    try:
        with open("/proc/self/cmdline", "rb") as fh:
            found = re.search(rb"briefer-parent=(\d+)", fh.read())
    except OSError:
        found = None
    return int(found.group(1)) if found else os.getppid()


from briefer.lifeline import die_with_parent  # noqa: E402  (standard library only)

die_with_parent(_parent())

import trafilatura  # noqa: E402, F401  (shared by every worker forked from here)

from briefer.ingest import parse  # noqa: E402, F401
