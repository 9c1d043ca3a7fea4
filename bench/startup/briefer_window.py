"""Briefer's own start: gui.app.run(LIBRARY), with the first-paint probe installed as
soon as the QApplication exists. `python -m bench.startup.briefer_window LIBRARY`"""

from __future__ import annotations

import sys
from pathlib import Path


def main(path: str) -> int:
    from bench.startup.probe import FirstPaint
    from briefer.gui import app as gui_app

    make_app = gui_app.make_app

    def make_app_with_probe(*args, **kwargs):
        app = make_app(*args, **kwargs)
        FirstPaint(app)
        return app

    gui_app.make_app = make_app_with_probe
    return gui_app.run(Path(path))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
