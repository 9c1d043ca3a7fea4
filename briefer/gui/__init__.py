"""Qt only: the window, item models, widgets and dialogs over briefer.core."""

import ctypes
import sys

if sys.version_info < (3, 12):
    # Stopgap for PySide6 6.12 on CPython 3.11: every Qt call returning void drops one
    # reference to None too many, and after some tens of thousands of calls (minutes of
    # use) the interpreter aborts with "none_dealloc". CPython 3.12 makes None immortal;
    # on 3.11 we give it the same headroom. Remove once Briefer requires Python 3.12.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
