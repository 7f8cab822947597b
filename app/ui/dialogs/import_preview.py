"""Preview of a score import: what changes per offer and cell, and every problem, before writing."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.scoring_models import ImportPreviewModel

AnyIndex = QModelIndex | QPersistentModelIndex
Row = tuple[str, str, Decimal | None, Decimal | None, str]
STATUSES = ("new", "changed", "unchanged", "removed")


class OfferChangesModel(QAbstractTableModel):
    """One row per offer: how many of its scores are new, changed, unchanged or removed."""

    def __init__(self, rows: Sequence[Row] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._offers: list[tuple[str, dict[str, int]]] = []
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        counts: dict[str, dict[str, int]] = {}
        for offer, _criterion, _old, _new, status in rows:
            per = counts.setdefault(offer, dict.fromkeys(STATUSES, 0))
            per[status] = per.get(status, 0) + 1
        self._offers = list(counts.items())
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802  (Qt API)
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1 + len(STATUSES)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._offers):
            return None
        offer, counts = self._offers[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return offer
            return str(counts[STATUSES[column - 1]])
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column > 0:
            status = STATUSES[column - 1]
            colour = {"new": "#d8f0d8", "changed": "#fbe7b5", "removed": "#f8d0d0"}.get(status)
            if colour and counts[status]:
                return QBrush(QColor(colour))
        return None

    def headerData(  # noqa: N802  (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("Offer"),
            self.tr("New"),
            self.tr("Changed"),
            self.tr("Unchanged"),
            self.tr("Removed"),
        )
        return names[section] if 0 <= section < len(names) else None


class ImportPreviewDialog(QDialog):
    """Shows an ``ImportPreview``; Import is offered only when the file is valid."""

    def __init__(self, preview: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import scores — preview"))
        self.preview = preview
        layout = QVBoxLayout(self)
        counts = preview.counts()
        summary = QLabel(
            self.tr("Member: %1. New scores: %2, changed: %3, unchanged: %4, removed: %5.")
            .replace("%1", f"{preview.member_name} ({preview.member_code})")
            .replace("%2", str(counts.get("new", 0)))
            .replace("%3", str(counts.get("changed", 0)))
            .replace("%4", str(counts.get("unchanged", 0)))
            .replace("%5", str(counts.get("removed", 0)))
        )
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if preview.already_imported:
            again = QLabel(self.tr("This file has already been imported."))
            again.setWordWrap(True)
            layout.addWidget(again)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.offers_model = OfferChangesModel(preview.rows, self)
        self.offers_view = QTableView()
        self.offers_view.setObjectName("importOffers")
        self.offers_view.setAccessibleName(self.tr("Changes per offer"))
        self.offers_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.offers_view.setModel(self.offers_model)
        self.offers_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        splitter.addWidget(self.offers_view)
        self.rows_model = ImportPreviewModel(preview.rows, self, lang)
        self.rows_view = QTableView()
        self.rows_view.setObjectName("importRows")
        self.rows_view.setAccessibleName(self.tr("Changes per score"))
        self.rows_view.setTabKeyNavigation(False)
        self.rows_view.setModel(self.rows_model)
        self.rows_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        splitter.addWidget(self.rows_view)
        layout.addWidget(splitter, 1)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Problems found in the file"))
        if preview.problems:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Nothing will be imported until every problem below is corrected "
                        "in the file:"
                    )
                )
            )
            self.problems.setPlainText("\n".join(preview.problems))
            layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(preview.ok))
        if not preview.ok:
            self.import_button.setToolTip(self.tr("The file has problems; see the list."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)
