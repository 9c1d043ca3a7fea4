"""Getting articles in: files, folders, dropped files and pasted articles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog

from briefer.gui.features.base import Feature
from briefer.gui.operations import ops


class ImportsFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.progress: QProgressDialog | None = None
        self.job = None  # the import running or run last

    def wire(self) -> None:
        w, first_run = self.window, self.window.library_page.first_run
        w.action("import_files").triggered.connect(self.choose_files)
        w.action("import_folder").triggered.connect(self.choose_folder)
        w.action("paste_article").triggered.connect(self.paste_article)
        first_run.import_files.connect(self.choose_files)
        first_run.import_folder.connect(self.choose_folder)
        first_run.paste_article.connect(self.paste_article)

    def choose_files(self) -> None:
        from briefer.ingest import SUPPORTED_EXTENSIONS

        patterns = " ".join(f"*{ext}" for ext in sorted(SUPPORTED_EXTENSIONS))
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import files", str(Path.home()),
            f"Articles ({patterns});;All files (*)",
        )  # fmt: skip
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import on the worker thread with a cancellable progress dialog."""
        if self.library.read_only:
            self.status("The library is open read-only: nothing imported", 8000)
            return
        progress = QProgressDialog("Importing…", "Cancel", 0, 0, self.window)
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress

        def on_progress(done: int, total: int, label: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(f"Importing {Path(label).name}…")

        def on_done(report) -> None:
            progress.close()
            self.show_report(report)

        self.job = self.window.operations.run(
            ops.import_files(paths), on_progress=on_progress, on_done=on_done,
            on_failed=lambda _message: progress.close(),
        )  # fmt: skip
        progress.canceled.connect(self.job.cancel)

    def show_report(self, report) -> None:
        """The summary at the end; one imported article opens in the reader."""
        imported = [r for r in report.results if r.status == "imported"]
        if len(report.results) == 1 and len(imported) == 1:
            self.window.sources.open_source(imported[0].source_id)
        else:
            from briefer.gui.dialogs.import_report import ImportReportDialog

            box = ImportReportDialog(report, self.window)
            box.setObjectName("import_report")
            box.open()
        self.status(f"Import: {report.summary()}", 10_000)

    def paste_article(self) -> None:
        """The clipboard (its HTML when the browser offers it) becomes a new source."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else None
        if not text.strip() and not (html or "").strip():
            self.error("Paste article", "The clipboard holds no text; copy an article first")
            return
        self._submit_paste(text, html, "")

    def _submit_paste(self, text: str, html: str | None, title: str) -> None:
        self.window.operations.run(
            ops.paste_article(text, html, title),
            on_done=lambda result: self._pasted(result, text, html),
        )

    def ask_paste_title(self, guess: str) -> str:
        """The headline of a paste whose title could not be told apart ('' to cancel)."""
        title, ok = QInputDialog.getText(
            self.window, "Paste article",
            "No headline could be told apart from the page around it.\n"
            "Title of the pasted article:", text=guess)  # fmt: skip
        return title.strip() if ok else ""

    def _pasted(self, result, text: str = "", html: str | None = None) -> None:
        if result.status == "needs_title":
            title = self.ask_paste_title(result.title)
            if title:
                self._submit_paste(text, html, title)
            return
        if result.status == "imported":
            self.window.sources.open_source(result.source_id)
            self.status(f"Pasted as a new source: {result.title}", 8000)
        elif result.status == "duplicate" and result.source_id is not None:
            self.window.sources.open_source(result.source_id)
            self.status(f"Already in the library: {result.message}", 8000)
        else:
            self.error("Paste article", result.message)


def local_paths(mime) -> list[Path]:
    """The files dropped on the window, when all of them are local files."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return paths if paths and len(paths) == len(mime.urls()) else []
