"""New Brief…: a title, a structure template, the details; created on the worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.core.markings import TLP_LABELS
from briefer.core.templates import structure_templates
from briefer.gui.dialogs.base import BrieferDialog

BLANK = ""


class NewBriefDialog(BrieferDialog):
    def __init__(self, library, worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New Brief")
        self.setMinimumWidth(520)
        self._library = library
        self._worker = worker
        self.brief_id: int | None = None
        self.title_field = QLineEdit()
        self.title_field.setPlaceholderText("e.g. Strikes on armed groups in Iraq")
        self.template_box = QComboBox()
        templates, problems = structure_templates()
        for template in templates:
            self.template_box.addItem(template.name, template.name)
            self.template_box.setItemData(
                self.template_box.count() - 1, template.description, Qt.ItemDataRole.ToolTipRole
            )
        self.template_box.addItem("Blank brief", BLANK)
        self._descriptions = {t.name: t.description for t in templates}
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_field = QLineEdit()
        self.author_field = QLineEdit()
        self.marking_box = QComboBox()
        self.marking_box.setEditable(True)
        self.marking_box.addItems(["", *(f"TLP:{label}" for label in TLP_LABELS)])
        self.error = QLabel("\n".join(problems))
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(bool(problems))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create")
        form = QFormLayout()
        form.addRow("&Title", self.title_field)
        form.addRow("T&emplate", self.template_box)
        form.addRow("", self.description)
        form.addRow("&Subject", self.subject_field)
        form.addRow("&Author", self.author_field)
        form.addRow("&Marking", self.marking_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._wire()
        self._template_chosen()
        self._sync()

    def _wire(self) -> None:
        self.title_field.textChanged.connect(lambda _t: self._sync())
        self.template_box.currentIndexChanged.connect(lambda _i: self._template_chosen())
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)

    def _template_chosen(self) -> None:
        name = self.template_box.currentData()
        self.description.setText(self._descriptions.get(name, "An empty brief."))

    def _sync(self) -> None:
        self.create_button.setEnabled(bool(self.title_field.text().strip()))

    def create(self) -> None:
        """Create the brief on the worker; the dialog closes when the library has it."""
        title = self.title_field.text().strip()
        if not title:
            return
        options = {
            "template": self.template_box.currentData() or "",
            "subject": self.subject_field.text(),
            "author": self.author_field.text(),
            "marking": self.marking_box.currentText(),
        }
        library = self._library
        self.create_button.setEnabled(False)
        self._worker.submit(
            "New brief",
            lambda _p, _c: library.briefs.create(title, **options),
            on_done=self._created,
            on_failed=self._failed,
        )

    def _created(self, detail) -> None:
        self.brief_id = detail.id
        self.accept()

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self._sync()

    @classmethod
    def create_brief(cls, parent, library, worker) -> int | None:
        """Ask for a new brief and create it; its id, or None when cancelled."""
        dialog = cls(library, worker, parent)
        dialog.exec()
        return dialog.brief_id
