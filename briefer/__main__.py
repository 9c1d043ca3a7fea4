"""`python -m briefer`, and the entry script of the desktop build (briefer.spec).

The guard keeps worker processes started by spawn or a fork server (the window's
imports) from running the program again; freeze_support() lets them start at all
in the frozen app.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from briefer.cli import main

    raise SystemExit(main())
