"""The baseline program: import PySide6 and SQLModel, read 50 rows with sqlite3 and show
a QMainWindow with a table of them. `python -m bench.startup.baseline LIBRARY`"""

from __future__ import annotations

import sqlite3
import sys

import sqlmodel  # noqa: F401  (what Briefer's core imports too)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem

from bench.startup.probe import FirstPaint


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    FirstPaint(app)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT id, title, outlet, published FROM source ORDER BY created DESC LIMIT 50"
    ).fetchall()
    conn.close()
    table = QTableWidget(len(rows), 4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))
    window = QMainWindow()
    window.setCentralWidget(table)
    window.resize(1280, 780)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
