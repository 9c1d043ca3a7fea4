"""Brief > Export to Word… and File > Export to PDF…: template, marking confirmation,
options, the exact properties the file will carry, progress, then "Open file" / "Show
in folder".

PDF goes through LibreOffice (briefer.export.pdf); without it the PDF choice and the
menu item are disabled and say why in one line.

The export runs on a worker thread (gui/worker.py) so the window stays responsive on a
long brief; everything it does goes through briefer.export, which the CLI shares.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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
    ExportResult,
    describe_properties,
    export_brief,
    export_pdf,
    find_word_template,
    missing_styles,
    pdf_unavailable_reason,
    planned_properties,
    word_templates,
)
from briefer.export.markings import overall_marking
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.settings import EXPORT_FOLDER
from briefer.gui.worker import CoreWorker

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


WORD, PDF = "docx", "pdf"


def default_folder() -> Path:
    """Documents when that folder exists, else the home folder: never a missing one."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class ExportDialog(BrieferDialog):
    def __init__(
        self,
        library,
        brief_id: int,
        parent: QWidget | None = None,
        *,
        pdf: bool = False,
        settings: QSettings | None = None,
    ):
        super().__init__(parent, settings=settings)
        self.library = library
        self.settings = settings if settings is not None else QSettings()
        self.brief_id = brief_id
        self.brief = library.briefs.get(brief_id)
        # What the file will carry: the marking rolled up to the highest portion mark.
        self.marking = overall_marking(self.brief)
        self.result: ExportResult | None = None
        self.pdf_problem = pdf_unavailable_reason()
        self._worker = CoreWorker(self)
        self._job = None
        self._start_pdf = pdf and not self.pdf_problem
        self.setWindowTitle("Export to PDF" if pdf else "Export to Word")
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
        # The template of the system's paper (Standard on A4, Standard Letter in the US).
        default = self.template_combo.findData(find_word_template(None).name)
        self.template_combo.setCurrentIndex(max(default, 0))

        self.format_combo = QComboBox()
        self.format_combo.addItem("Word document (.docx)", WORD)
        self.format_combo.addItem(
            "PDF (.pdf)" if not self.pdf_problem else "PDF (.pdf) — needs LibreOffice", PDF
        )
        if self.pdf_problem:
            item = self.format_combo.model().item(1)
            item.setEnabled(False)
            item.setToolTip(self.pdf_problem)
        self.format_combo.setCurrentIndex(1 if self._start_pdf else 0)
        self.pdf_note = QLabel(self.pdf_problem)
        self.pdf_note.setWordWrap(True)
        self.pdf_note.setVisible(bool(self.pdf_problem))

        marking = self.marking
        self.marking_check = QCheckBox(
            f"The handling marking is right: {marking}"
            if marking
            else "Export without a handling marking"
        )
        self.endnotes_check = QCheckBox("Citations as endnotes instead of footnotes")
        self.full_citations_check = QCheckBox(
            "Full reference in every note (otherwise a short form for a source cited again)"
        )
        self.empty_note_check = QCheckBox(
            "Keep empty sections with “Nothing to report.” (otherwise left out)"
        )
        brief = self.brief
        self.final_check = QCheckBox(
            f"Export as final (version {brief.doc_version + 1})"
            if brief.status != "final"
            else f"Final, version {brief.doc_version}"
        )
        self.final_check.setChecked(brief.status == "final")
        self.final_check.setEnabled(brief.status != "final")
        when = brief.doc_date or brief.modified.date()
        self.date_edit = QDateEdit(QDate(when.year, when.month, when.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setToolTip("The date the title block prints; kept with the brief")
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
        self.properties_label = QLabel()
        self.properties_label.setWordWrap(True)
        self.properties_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.recipients_edit = QLineEdit()
        self.recipients_edit.setPlaceholderText("To whom it goes (kept in the export record)")
        self.recipients_edit.setToolTip(
            "Free text kept with the record of this export (the brief's History and "
            "`briefer exports`); it is not written into the file"
        )
        self.path_edit = QLineEdit(str(self._default_path()))
        self.browse_button = QPushButton("Choose…")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("", self.pdf_note)
        form.addRow("Template:", self.template_combo)
        form.addRow("", self.template_note)
        form.addRow("Marking:", self.marking_check)
        form.addRow("Notes:", self.endnotes_check)
        form.addRow("", self.full_citations_check)
        form.addRow("Sections:", self.empty_note_check)
        form.addRow("Status:", self.final_check)
        form.addRow("Date:", self.date_edit)
        form.addRow("Metadata:", self.author_check)
        form.addRow("Properties:", self.properties_label)
        form.addRow("Recipients:", self.recipients_edit)
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
                f"sending:\n{lines}{more}"
            )
        return self.suspect_label

    def _wire(self) -> None:
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.author_check.toggled.connect(self._update_properties)
        self._update_properties()
        self.marking_check.toggled.connect(self._update_buttons)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.browse_button.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_file)
        self.show_button.clicked.connect(self.show_in_folder)
        self.close_button.clicked.connect(self.reject)

    def _default_path(self) -> Path:
        """The brief's title in the folder this library last exported to (while it
        exists), else in Documents or home."""
        remembered = EXPORT_FOLDER.get(self.settings, self.library.path)
        folder = Path(remembered) if remembered and Path(remembered).is_dir() else None
        name = _UNSAFE.sub(" ", self.brief.title).strip() or "brief"
        ending = PDF if self._start_pdf else WORD
        return (folder or default_folder()) / f"{name}.{ending}"

    @property
    def file_format(self) -> str:
        return self.format_combo.currentData() or WORD

    def _format_changed(self) -> None:
        """Keep the file name's ending in step with the chosen format."""
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.file_format}")))
        self.setWindowTitle("Export to PDF" if self.file_format == PDF else "Export to Word")

    def planned_properties(self) -> dict[str, str]:
        """Exactly what the file's document properties will hold."""
        author = self.brief.author if self.author_check.isChecked() else ""
        return planned_properties(title=self.brief.title, marking=self.marking, author=author)

    def _update_properties(self) -> None:
        lines = describe_properties(self.planned_properties())
        self.properties_label.setText(
            "The file's properties will hold only:\n" + "\n".join(f"• {line}" for line in lines)
        )

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
            self.format_combo,
            self.template_combo,
            self.marking_check,
            self.endnotes_check,
            self.full_citations_check,
            self.empty_note_check,
            self.date_edit,
            self.recipients_edit,
            self.path_edit,
            self.browse_button,
        ):
            widget.setEnabled(not self.busy)
        self.author_check.setEnabled(not self.busy and bool(self.brief.author))
        self.final_check.setEnabled(not self.busy and self.brief.status != "final")

    def _browse(self) -> None:
        pdf = self.file_format == PDF
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Export to PDF" if pdf else "Export to Word",
            self.path_edit.text(),
            "PDF (*.pdf)" if pdf else "Word document (*.docx)",
        )
        if chosen:
            ending = f".{self.file_format}"
            if not chosen.lower().endswith(ending):
                chosen += ending
            self.path_edit.setText(chosen)

    def start_export(self) -> None:
        """Run the export on the worker thread; results come back by signal."""
        if self.busy or not self.export_button.isEnabled():
            return
        path = Path(self.path_edit.text().strip()).expanduser()
        template = self.template_combo.currentData()
        endnotes = self.endnotes_check.isChecked()
        include_author = self.author_check.isChecked()
        full_citations = self.full_citations_check.isChecked()
        empty_sections = "note" if self.empty_note_check.isChecked() else "omit"
        final = self.final_check.isChecked() and self.final_check.isEnabled()
        chosen = self.date_edit.date().toPython()
        new_date = chosen if chosen != self.brief.doc_date else None
        recipients = self.recipients_edit.text()
        library, brief_id = self.library, self.brief_id
        write = export_pdf if self.file_format == PDF else export_brief

        def job(progress, _cancelled):
            if new_date is not None:
                library.briefs.set_release(brief_id, on=new_date)
            return write(
                library,
                brief_id,
                path,
                template=template,
                endnotes=endnotes,
                include_author=include_author,
                full_citations=full_citations,
                empty_sections=empty_sections,
                final=final,
                progress=progress,
                recipients=recipients,
            )

        self.result = None
        self.progress.setRange(0, 0)
        self.status_label.setText("Exporting…")
        self._job = self._worker.submit(
            "Export to PDF" if self.file_format == PDF else "Export to Word",
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
        EXPORT_FOLDER.set(self.settings, str(Path(result.path).parent), self.library.path)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status_label.setText(f"Exported. {result.summary()}")
        if result.unrecorded:
            self.status_label.setText(
                f"Exported, but not recorded in the library ({result.unrecorded}). "
                f"{result.summary()}"
            )
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


def export_brief_interactively(
    parent: QWidget | None,
    library,
    brief_id: int,
    *,
    pdf: bool = False,
    settings: QSettings | None = None,
) -> Path | None:
    """Show the dialog; the path of the exported file, or None when nothing was written."""
    dialog = ExportDialog(library, brief_id, parent, pdf=pdf, settings=settings)
    try:
        dialog.exec()
        return dialog.exported_path
    finally:
        dialog.deleteLater()
