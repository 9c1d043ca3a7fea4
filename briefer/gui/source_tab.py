"""One open source in the central tabs: the reader beside its details form."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from briefer.core.records import ExcerptRecord, SourceDetail
from briefer.gui.reader import ReaderView
from briefer.gui.source_details import SourceDetailsForm


class SourceTab(QWidget):
    # source id: the analyst asked to see the original file (gui/original_view.py)
    original_requested = Signal(int)

    def __init__(self, source: SourceDetail, excerpts: Sequence[ExcerptRecord], parent=None):
        super().__init__(parent)
        self.source_id = source.id
        self.reader = ReaderView()
        self.details = SourceDetailsForm()
        self.original_button = QPushButton("See the Original…")
        self.original_button.setToolTip(
            "The file as imported, read-only and offline; save it or open it in the system viewer"
        )
        self.original_button.clicked.connect(lambda: self.original_requested.emit(self.source_id))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.original_button, 0, Qt.AlignmentFlag.AlignRight)
        side_layout.addWidget(self.details, 1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(260)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("source_splitter")
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 300])
        self.splitter.setChildrenCollapsible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.set_source(source, excerpts)

    def set_source(self, source: SourceDetail, excerpts: Sequence[ExcerptRecord]) -> None:
        self.source = source
        self.reader.set_source(source, excerpts)
        self.details.set_source(source)

    def set_excerpts(self, excerpts: Sequence[ExcerptRecord]) -> None:
        self.reader.set_excerpts(excerpts)

    def flush(self, timeout_ms: int = 10_000) -> bool:
        """Save unsaved details and wait (closing the tab or the window)."""
        return self.details.flush(timeout_ms)

    def unsaved_reason(self) -> str:
        error = self.details.error or "the save did not finish"
        return f"The details of “{self.title}” were not saved: {error}."

    @property
    def title(self) -> str:
        return self.source.title
