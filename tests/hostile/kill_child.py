"""Run by test_leftovers.py: import heavy files into a library until it is killed.

argv: library folder-of-files [qt]. With "qt", PySide6 is loaded first so the import
uses the fork server, as the window does.
"""

import sys

if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "qt":
        import PySide6.QtCore  # noqa: F401

    from pathlib import Path

    from briefer.core.library import Library
    from briefer.ingest import import_paths

    with Library.open(Path(sys.argv[1])) as lib:
        print("importing", flush=True)
        import_paths(lib, [Path(sys.argv[2])])
