"""Brief > Export to Word…: template, marking confirmation, options, progress, then
"Open file" / "Show in folder".

The export runs on a worker thread (gui/worker.py) so the window stays responsive on a
long brief; everything it does goes through briefer.export, which the CLI shares.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.core.errors import BrieferError
from briefer.export import (
    DEFAULT_TEMPLATE,
    ExportResult,
    export_brief,
    missing_styles,
    word_templates,
)
from briefer.gui.worker import CoreWorker

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ExportDialog(QDialog):
    def __init__(self, library, brief_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.brief_id = brief_id
        self.brief = library.briefs.get(brief_id)
        self.result: ExportResult | None = None
        self._worker = CoreWorker(self)
        self._job = None
        self.setWindowTitle("Export to Word")
        self.setMinimumWidth(520)
        self._build()
        self._wire()
        self._update_buttons()

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.template_combo = QComboBox()
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        for template in word_templates():
            try:
                missing = missing_styles(template.path)
                problem = f"missing styles {', '.join(missing)}" if missing else ""
            except BrieferError as exc:
                problem = str(exc)
            label = template.name if template.builtin else f"{template.name} (house)"
            self.template_combo.addItem(label, template.name)
            index = self.template_combo.count() - 1
            if problem:
                item = self.template_combo.model().item(index)
                item.setEnabled(False)
                item.setToolTip(problem)
                self.template_combo.setItemText(index, f"{label} — cannot be used")
        default = self.template_combo.findData(DEFAULT_TEMPLATE)
        self.template_combo.setCurrentIndex(max(default, 0))

        marking = self.brief.marking
        self.marking_check = QCheckBox(
            f"The handling marking is right: {marking}"
            if marking
            else "Export without a handling marking"
        )
        self.endnotes_check = QCheckBox("Citations as endnotes instead of footnotes")
        author = self.brief.author
        self.author_check = QCheckBox(
            f"Put the author ({author}) in the file properties"
            if author
            else "Put the author in the file properties (the brief names none)"
        )
        self.author_check.setEnabled(bool(author))
        self.author_check.setToolTip(
            "Left out by default: the file then carries no personal or tool metadata."
        )

        self.path_edit = QLineEdit(str(self._default_path()))
        self.browse_button = QPushButton("Choose…")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.addRow("Template:", self.template_combo)
        form.addRow("", self.template_note)
        form.addRow("Marking:", self.marking_check)
        form.addRow("Notes:", self.endnotes_check)
        form.addRow("Metadata:", self.author_check)
        form.addRow("Save as:", path_row)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            "Open file", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_button = self.buttons.addButton(
            "Show in folder", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(self._suspect_warning())
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def _suspect_warning(self) -> QLabel:
        """The cited sources whose metadata should be checked first (core/suspect.py),
        the same warning `briefer export` prints; hidden when there are none."""
        from briefer.core.suspect import cited_suspects

        found = cited_suspects(self.library, self.brief_id)
        self.suspect_label = QLabel()
        self.suspect_label.setObjectName("suspectWarning")
        self.suspect_label.setWordWrap(True)
        self.suspect_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suspect_label.setVisible(bool(found))
        if found:
            lines = "\n".join(f"• {s.describe()}" for s in found[:8])
            more = f"\n… and {len(found) - 8} more" if len(found) > 8 else ""
            self.suspect_label.setText(
                "⚠ This brief cites sources whose metadata should be checked before "
                f"sending:\n{lines}{more}")
        return self.suspect_label

    def _wire(self) -> None:
        self.marking_check.toggled.connect(self._update_buttons)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.browse_button.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_file)
        self.show_button.clicked.connect(self.show_in_folder)
        self.close_button.clicked.connect(self.reject)

    def _default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = _UNSAFE.sub(" ", self.brief.title).strip() or "brief"
        return Path(folder or Path.home()) / f"{name}.docx"

    # -- behaviour -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _update_buttons(self) -> None:
        ready = (
            self.marking_check.isChecked()
            and bool(self.path_edit.text().strip())
            and self.template_combo.currentIndex() >= 0
            and not self.busy
        )
        self.export_button.setEnabled(ready)
        done = self.result is not None and not self.busy
        self.open_button.setEnabled(done)
        self.show_button.setEnabled(done)
        self.close_button.setEnabled(not self.busy)
        for widget in (
            self.template_combo,
            self.marking_check,
            self.endnotes_check,
            self.path_edit,
            self.browse_button,
        ):
            widget.setEnabled(not self.busy)
        self.author_check.setEnabled(not self.busy and bool(self.brief.author))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export to Word", self.path_edit.text(), "Word document (*.docx)"
        )
        if chosen:
            if not chosen.lower().endswith(".docx"):
                chosen += ".docx"
            self.path_edit.setText(chosen)

    def start_export(self) -> None:
        """Run the export on the worker thread; results come back by signal."""
        if self.busy or not self.export_button.isEnabled():
            return
        path = Path(self.path_edit.text().strip()).expanduser()
        template = self.template_combo.currentData()
        endnotes = self.endnotes_check.isChecked()
        include_author = self.author_check.isChecked()
        library, brief_id = self.library, self.brief_id

        def job(progress, _cancelled):
            return export_brief(
                library,
                brief_id,
                path,
                template=template,
                endnotes=endnotes,
                include_author=include_author,
                progress=progress,
            )

        self.result = None
        self.progress.setRange(0, 0)
        self.status_label.setText("Exporting…")
        self._job = self._worker.submit(
            "Export to Word",
            job,
            on_done=self._done,
            on_failed=self._failed,
            on_progress=self._progress,
        )
        self._update_buttons()

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status_label.setText(label + "…")

    def _done(self, result: ExportResult) -> None:
        self._job = None
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status_label.setText(f"Exported. {result.summary()}")
        self._update_buttons()
        self.open_button.setFocus()

    def _failed(self, message: str) -> None:
        self._job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText(f"Not exported: {message}")
        self._update_buttons()

    def open_file(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    def show_in_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))

    @property
    def exported_path(self) -> Path | None:
        return self.result.path if self.result is not None else None

    def reject(self) -> None:
        if self.busy:  # the file is being written: let it finish
            return
        super().reject()

    def done(self, code: int) -> None:
        self._worker.wait()
        super().done(code)


def export_brief_interactively(parent: QWidget | None, library, brief_id: int) -> Path | None:
    """Show the dialog; the path of the exported file, or None when nothing was written."""
    dialog = ExportDialog(library, brief_id, parent)
    try:
        dialog.exec()
        return dialog.exported_path
    finally:
        dialog.deleteLater()
