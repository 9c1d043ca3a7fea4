"""Run every benchmark: `make bench` or `python -m bench [NAME [ARGS...]]`.

Names: editor, export, import, keystroke, library, startup (bench/bench_NAME.py).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    """No arguments: every benchmark with its defaults. NAME [ARGS...]: one, with ARGS."""
    if argv:
        jobs = [(argv[0], argv[1:])]
    else:
        jobs = [(p.stem, []) for p in sorted(HERE.glob("bench_*.py"))]
    failed = 0
    for name, args in jobs:
        module_name = name if name.startswith("bench_") else f"bench_{name}"
        module = importlib.import_module(f"bench.{module_name}")
        print(f"== {module.__name__}", flush=True)
        try:
            result = module.main(args)
        except SystemExit as exc:
            result = exc.code
        if result:
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
