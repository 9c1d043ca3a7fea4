"""Python's cyclic garbage collector while the window starts (issue 16).

Starting the window makes ~100,000 objects that live as long as it does (the modules'
classes and functions, Qt's enums, the widgets' wrappers) and almost no garbage (~700
objects). The collector, triggered by the allocations, walked the growing heap again
and again meanwhile: ~0.2 s of a 1.6 s start. It is held off while the window is
built and released once it is painted and has loaded what it loads after the paint
(the services, on the worker); what start-up made is then frozen (moved out of
the collector's generations), because a full collection walking it took 150-190 ms
on the GUI thread, a pause an analyst would feel in the middle of typing.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No cyclic collection until release(): the window is being built."""
    gc.disable()


def release() -> None:
    """Freeze what start-up made and collect as usual from now on (once: a later call,
    such as the fallback of a window that is never painted, changes nothing)."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
