"""The tradecraft side panel of a brief tab: the findings of `TradecraftService`
(ICD 203/206 and portion marks, docs/TRADECRAFT.md), one click to fix or dismiss each,
and the sourcing of the paragraph under the cursor.

The panel only shows and asks; `tradecraft_check.TradecraftCheck` runs the checks on
the worker and does what the buttons ask.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.core.tradecraft.findings import Finding
from briefer.gui.dialogs.base import BrieferDialog

RULE_TITLES = {
    "estimative.vague": "Vague likelihood words",
    "estimative.scale-mix": "Two likelihood scales mixed",
    "estimative.confidence-with-likelihood": "Confidence and likelihood in one sentence",
    "estimative.confidence-missing": "Key judgment without a confidence level",
    "sourcing.single-source": "Rests on a single source",
    "sourcing.ungraded": "Rests only on ungraded sources",
    "sourcing.low-grade": "Rests only on low grades",
    "sourcing.circular": "Possible circular reporting",
    "marking.portion-missing": "Paragraph without a portion mark",
    "marking.overall": "Overall marking",
}
SOURCING_RULES = ("sourcing.single-source", "sourcing.ungraded", "sourcing.low-grade",
                  "sourcing.circular")  # fmt: skip
FindingRole = Qt.ItemDataRole.UserRole + 1
DISMISSED_COLOUR = QColor(140, 140, 140)
WARNING_COLOUR = "#a04000"


def place(f: Finding) -> str:
    """Where a finding is, as `briefer lint` prints it: "discussion ¶2"."""
    if not f.paragraph:
        return f.section or "whole brief"
    return f"{f.section or '(before any heading)'} ¶{f.paragraph}"


def rule_title(rule: str) -> str:
    return RULE_TITLES.get(rule, rule)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TradecraftPanel(QWidget):
    """Findings grouped by rule or by section; the chosen one's advice and buttons;
    the sourcing of the paragraph under the editor's cursor."""

    activated = Signal(object)  # Finding: select its words in the editor
    fix_requested = Signal(object, str)  # Finding, replacement
    dismiss_requested = Signal(object, str)  # Finding, reason
    restore_requested = Signal(object)  # Finding
    compare_requested = Signal(object)  # Finding (circular reporting)
    summary_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self.read_only = False

        self.title = QLabel("Tradecraft")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.state = QLabel("Checking…")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.group_box = QComboBox()
        self.group_box.addItem("By rule", "rule")
        self.group_box.addItem("By section", "section")
        self.group_box.setToolTip("Group the findings by rule or by section")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide the tradecraft panel")

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Finding", "Place"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setWordWrap(True)
        italic = self.advice.font()
        italic.setItalic(True)
        self.advice.setFont(italic)
        self.fix_button = QToolButton()
        self.fix_button.setText("Fix")
        self.fix_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fix_menu = QMenu(self.fix_button)
        self.dismiss_button = QPushButton("Dismiss…")
        self.dismiss_button.setToolTip(
            "Say why this does not apply; the reason stays with the brief"
        )
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Show this finding as open again")
        self.compare_button = QPushButton("Side by Side…")
        self.compare_button.setToolTip("Show the two excerpts that may share one origin")

        self.support_place = QLabel()
        self.support_place.setTextFormat(Qt.TextFormat.PlainText)
        self.support_place.setWordWrap(True)
        self.support_list = QListWidget()
        self.support_list.setWordWrap(True)
        self.support_list.setMaximumHeight(120)
        self.support_warnings = QLabel()
        self.support_warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.support_warnings.setWordWrap(True)
        self.support_warnings.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.summary_button = QPushButton("Insert Source Summary")
        self.summary_button.setToolTip(
            "Draft the source summary statement (ICD 206) and insert it at the cursor, "
            "for you to edit"
        )

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state, 1)
        head.addWidget(self.group_box)
        head.addWidget(self.close_button)
        buttons = QHBoxLayout()
        for button in (self.fix_button, self.dismiss_button, self.restore_button,
                       self.compare_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.message)
        details_layout.addWidget(self.advice)
        details_layout.addLayout(buttons)
        sourcing = QGroupBox("Sourcing of this paragraph")
        sourcing_layout = QVBoxLayout(sourcing)
        sourcing_layout.addWidget(self.support_place)
        sourcing_layout.addWidget(self.support_list, 1)
        sourcing_layout.addWidget(self.support_warnings)
        sourcing_layout.addWidget(self.summary_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(details)
        lower_layout.addWidget(sourcing)
        lower_layout.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        self._wire()
        self._show_current(None)
        self.show_support(None, [])

    def _wire(self) -> None:
        self.group_box.currentIndexChanged.connect(lambda _i: self._fill())
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_current(item))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.fix_button.clicked.connect(self._fix_first)
        self.fix_menu.triggered.connect(self._fix_chosen)
        self.dismiss_button.clicked.connect(self._ask_reason)
        self.restore_button.clicked.connect(
            lambda: self.current() and self.restore_requested.emit(self.current())
        )
        self.compare_button.clicked.connect(
            lambda: self.current() and self.compare_requested.emit(self.current())
        )
        self.summary_button.clicked.connect(self.summary_requested)
        self.close_button.clicked.connect(self.close_requested)

    # -- the findings -----------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """What the panel shows, in document order (as `briefer lint` lists them)."""
        return list(self._findings)

    def shown_findings(self) -> list[Finding]:
        """The findings as the tree holds them, group by group."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            out.extend(group.child(c).data(0, FindingRole) for c in range(group.childCount()))
        return out

    def show_findings(self, findings: list[Finding]) -> None:
        keep = self.current()
        self._findings = list(findings)
        self._fill(keep.key if keep else None)
        still = sum(not f.dismissed for f in findings)
        dismissed = len(findings) - still
        if not findings:
            self.state.setText("No findings")
        else:
            extra = f", {dismissed} dismissed" if dismissed else ""
            self.state.setText(f"{still} open{extra}")

    def show_checking(self) -> None:
        if not self._findings:
            self.state.setText("Checking…")

    def _fill(self, keep_key: str | None = None) -> None:
        by = self.group_box.currentData()
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        select = None
        for f in self._findings:
            name = rule_title(f.rule) if by == "rule" else (f.section or "Whole brief")
            group = groups.get(name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [name, ""])
                font = QFont(group.font(0))
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                groups[name] = group
            label = f"“{_short(f.text)}”" if f.text else rule_title(f.rule)
            if by == "section":
                label = f"{rule_title(f.rule)}: {label}"
            if f.dismissed:
                label += f" — dismissed: {f.reason}"
            item = QTreeWidgetItem(group, [label, place(f)])
            item.setData(0, FindingRole, f)
            tip = f"{rule_title(f.rule)} ({f.rule})\n{f.message}\n{f.suggestion}"
            if f.dismissed:
                tip += f"\nDismissed: {f.reason}"
            item.setToolTip(0, tip)
            item.setToolTip(1, tip)
            if f.dismissed:
                for column in (0, 1):
                    item.setForeground(column, QBrush(DISMISSED_COLOUR))
            if keep_key and f.key == keep_key:
                select = item
        for name, group in groups.items():
            open_count = sum(
                not group.child(c).data(0, FindingRole).dismissed for c in range(group.childCount())
            )
            group.setText(0, f"{name} ({open_count}/{group.childCount()})"
                          if open_count != group.childCount() else
                          f"{name} ({group.childCount()})")  # fmt: skip
            group.setExpanded(True)
        self.tree.blockSignals(False)
        if select is not None:
            self.tree.setCurrentItem(select)
            self.tree.scrollToItem(select)
        self._show_current(self.tree.currentItem())

    def current(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FindingRole) if item is not None else None

    def select_finding(self, finding: Finding) -> None:
        """Make a finding the current one (and show its place in the editor)."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount()):
                if group.child(c).data(0, FindingRole) == finding:
                    self.tree.setCurrentItem(group.child(c))
                    self.tree.scrollToItem(group.child(c))
                    self._clicked(group.child(c))
                    return

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FindingRole) if item is not None else None
        if finding is not None:
            self.activated.emit(finding)

    def _show_current(self, item: QTreeWidgetItem | None) -> None:
        f = item.data(0, FindingRole) if item is not None else None
        if f is None:
            self.message.setText("Choose a finding to see what to do about it.")
            self.advice.setText("")
        else:
            self.message.setText(f"{rule_title(f.rule)}, {place(f)}: {f.message}")
            advice = _sentence(f.suggestion)
            if f.dismissed:
                advice = f"Dismissed: {f.reason}"
            self.advice.setText(advice)
        writable = not self.read_only
        fixes = f.replacements if f is not None and not f.dismissed else ()
        self.fix_button.setVisible(bool(fixes))
        self.fix_button.setEnabled(writable)
        self.fix_menu.clear()
        if len(fixes) == 1:
            self.fix_button.setText(f"Fix: “{fixes[0].strip()}”")
            self.fix_button.setMenu(None)
            self.fix_button.setToolTip(f"Replace “{f.text}” with “{fixes[0].strip()}”")
        elif fixes:
            self.fix_button.setText(f"Fix: “{fixes[0].strip()}”")
            for r in fixes:
                self.fix_menu.addAction(r.strip()).setData(r)
            self.fix_button.setMenu(self.fix_menu)
            self.fix_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            self.fix_button.setToolTip("Apply the first fix; the arrow offers the others")
        self.dismiss_button.setVisible(f is not None and not f.dismissed)
        self.dismiss_button.setEnabled(writable and f is not None and bool(f.key))
        self.restore_button.setVisible(f is not None and f.dismissed)
        self.restore_button.setEnabled(writable)
        self.compare_button.setVisible(f is not None and len(f.detail) >= 2)

    def _fix_first(self) -> None:
        f = self.current()
        if f is not None and f.replacements and not self.read_only:
            self.fix_requested.emit(f, f.replacements[0])

    def _fix_chosen(self, action: QAction) -> None:
        f = self.current()
        if f is not None and not self.read_only:
            self.fix_requested.emit(f, action.data())

    def _ask_reason(self) -> None:
        f = self.current()
        if f is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            "Dismiss Finding",
            f"Why does “{_short(f.text, 50)}” ({rule_title(f.rule)}) not apply?\n"
            "The reason is kept with the brief.",
        )
        if ok and reason.strip():
            self.dismiss_requested.emit(f, reason.strip())

    # -- sourcing ---------------------------------------------------------------------

    def show_support(self, support, warnings: list[Finding]) -> None:
        """The excerpts a paragraph cites, with grade codes, and its sourcing warnings."""
        self.support_list.clear()
        if support is None:
            self.support_place.setText("Put the cursor in a paragraph to see its sources.")
            self.support_warnings.setText("")
            return
        count = support.sources
        noun = "source" if count == 1 else "sources"
        cited = "cites no excerpt"
        if support.excerpts:
            cited = f"{len(support.excerpts)} excerpt(s) from {count} {noun}"
        where = f"{support.section or '(before any heading)'} ¶{support.paragraph}"
        self.support_place.setText(f"{where}: {cited}")
        for e in support.excerpts:
            item = QListWidgetItem(f"[{e.grade}] {e.label} — “{_short(e.text, 90)}”")
            item.setToolTip(f"Excerpt {e.excerpt_id}, graded {e.grade}: {e.text}")
            item.setData(Qt.ItemDataRole.UserRole, e.excerpt_id)
            self.support_list.addItem(item)
        lines = [
            f"⚠ {rule_title(w.rule)}" + (f" (dismissed: {w.reason})" if w.dismissed else "")
            for w in warnings
        ]
        self.support_warnings.setText("\n".join(lines))


class CircularDialog(BrieferDialog):
    """Two excerpts that may share one origin, side by side."""

    def __init__(self, finding: Finding, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Possible Circular Reporting")
        intro = QLabel(f"{_sentence(finding.message)}\n{_sentence(finding.suggestion)}")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        sides = QHBoxLayout()
        self.texts: list[QPlainTextEdit] = []
        for text in finding.detail[:2]:
            label, _sep, words = text.partition(": ")
            column = QVBoxLayout()
            title = QLabel(label)
            title.setTextFormat(Qt.TextFormat.PlainText)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            view = QPlainTextEdit(words)
            view.setReadOnly(True)
            self.texts.append(view)
            column.addWidget(title)
            column.addWidget(view, 1)
            sides.addLayout(column, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides, 1)
        layout.addWidget(buttons)
        self.resize(860, 420)
