"""The main window: the sources table, menus, import with progress.

All signal wiring sits in _wire(), so what reacts to what is read in one place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer import __version__
from briefer.core.library import Library
from briefer.gui.models.sources_model import SourcesTableModel
from briefer.gui.worker import CoreWorker


class FirstRunPage(QWidget):
    """Shown instead of an empty grid: says how to start."""

    import_files = Signal()
    import_folder = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel("<h2>Your library is empty</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            "Bring in the articles you work from: saved web pages, text pasted from a "
            "browser, Word, PDF or e-mail files. Briefer keeps each original and a clean "
            "text you can cut excerpts from."
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(520)
        layout.addWidget(heading)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        self.files_button = QPushButton("Import files…")
        self.folder_button = QPushButton("Import a folder…")
        for button in (self.files_button, self.folder_button):
            button.setMinimumWidth(200)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.files_button.clicked.connect(self.import_files)
        self.folder_button.clicked.connect(self.import_folder)


class MainWindow(QMainWindow):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.worker = CoreWorker(self)
        self.setWindowTitle(f"Briefer — {library.path.name}")
        self.resize(1100, 700)

        self.sources_model = SourcesTableModel(library, self)
        self.sources_view = QTableView()
        self.sources_view.setModel(self.sources_model)
        self.sources_view.setSortingEnabled(True)
        self.sources_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.sources_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sources_view.setAlternatingRowColors(True)
        self.sources_view.verticalHeader().hide()
        header = self.sources_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.first_run = FirstRunPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self.sources_view)
        self.setCentralWidget(self.pages)

        self._build_actions()
        self._build_menus()
        self._wire()
        self._restore_state()
        self.refresh()

    # -- building ------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.import_files_action = QAction("&Import Files…", self)
        self.import_files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_folder_action = QAction("Import &Folder…", self)
        self.import_folder_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction("&About Briefer", self)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.import_files_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _wire(self) -> None:
        self.import_files_action.triggered.connect(self.choose_files_to_import)
        self.import_folder_action.triggered.connect(self.choose_folder_to_import)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.show_about)
        self.first_run.import_files.connect(self.choose_files_to_import)
        self.first_run.import_folder.connect(self.choose_folder_to_import)

    # -- state ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.sources_model.reload()
        empty = self.sources_model.total == 0
        self.pages.setCurrentWidget(self.first_run if empty else self.sources_view)
        count = self.sources_model.total
        noun = "source" if count == 1 else "sources"
        self.statusBar().showMessage(f"{count:,} {noun} · {self.library.path}")

    def _restore_state(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.worker.wait(10_000)
        super().closeEvent(event)

    # -- import --------------------------------------------------------------------

    def choose_files_to_import(self) -> None:
        from briefer.ingest import SUPPORTED_EXTENSIONS

        patterns = " ".join(f"*{ext}" for ext in sorted(SUPPORTED_EXTENSIONS))
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import files", str(Path.home()), f"Articles ({patterns});;All files (*)"
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder_to_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import on the worker thread with a cancellable progress dialog."""
        from briefer.ingest import import_paths

        progress = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        library = self.library

        def work(report_progress, cancelled):
            return import_paths(
                library,
                paths,
                progress=lambda done, total, path: report_progress(done, total, str(path)),
                should_cancel=cancelled,
            )

        def on_progress(done: int, total: int, label: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(f"Importing {Path(label).name}…")

        def on_done(report) -> None:
            progress.close()
            self.refresh()
            self.show_import_report(report)

        def on_failed(message: str) -> None:
            progress.close()
            self.refresh()
            QMessageBox.warning(self, "Import failed", message)

        job = self.worker.submit(
            "Import", work, on_done=on_done, on_failed=on_failed, on_progress=on_progress
        )
        progress.canceled.connect(job.cancel)
        self.last_import_job = job

    def show_import_report(self, report) -> None:
        summary = report.summary()
        if report.failed or report.duplicates:
            lines = [
                f"{Path(r.path).name}: {r.message}"
                for r in report.results
                if r.status != "imported"
            ]
            box = QMessageBox(self)
            box.setWindowTitle("Import finished")
            box.setIcon(QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information)
            box.setText(summary)
            box.setDetailedText("\n".join(lines))
            box.open()
            self.last_report_box = box
        self.statusBar().showMessage(f"Import: {summary}", 10_000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Briefer",
            f"<b>Briefer {__version__}</b><p>Offline sources, excerpts and briefs.</p>"
            f"<p>Library: {self.library.path}</p>",
        )
