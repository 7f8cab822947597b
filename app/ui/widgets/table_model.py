"""A read-only table model over a list of frozen row values, with a sort role and a row role.

Screens describe their columns once (title, how to show a value, how to sort it); the model
never touches the database.  Sort keys are exact (Decimals become integers of 1/10 000), so a
``QSortFilterProxyModel`` sorts money and points correctly without floats.
"""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def sort_key(value: object) -> object:
    """An exact, Qt-comparable key: ints for numbers and times, folded text otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value.scaleb(4).to_integral_value())
    if isinstance(value, int):
        return value
    if isinstance(value, datetime):
        return int(value.timestamp())
    if isinstance(value, date):
        return value.toordinal()
    return str(value).casefold()


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    key: Callable[[R], object] | None = None  # sort value; defaults to the text
    numeric: bool = False  # right-aligned
    tooltip: Callable[[R], str] | None = None
    warn: Callable[[R], bool] | None = None  # painted in the warning colour


WARNING_BRUSH = QBrush(QColor("#b3261e"))


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    # -- data ----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def set_titles(self, titles: Sequence[str]) -> None:
        for number, title in enumerate(titles):
            column = self._columns[number]
            self._columns[number] = Column(
                title, column.text, column.key, column.numeric, column.tooltip, column.warn
            )
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # -- Qt interface --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return sort_key(column.key(row) if column.key else column.text(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.warn is not None and column.warn(row):
            return WARNING_BRUSH
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title
            return None
        return str(section + 1)


class FilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``, filters on any column's text plus an optional row predicate."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._predicate: Callable[[Any], bool] | None = None

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._predicate is not None:
            model = self.sourceModel()
            row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
            if row is not None and not self._predicate(row):
                return False
        return super().filterAcceptsRow(source_row, source_parent)


def selected_rows(view: Any) -> list[Any]:
    """The row values selected in a view over a ``RowTableModel`` (through any proxy)."""
    model = view.model()
    seen: list[Any] = []
    for index in view.selectionModel().selectedRows():
        row = model.data(index, ROW_ROLE)
        if row is not None and row not in seen:
            seen.append(row)
    return seen


def column_tr(text: str) -> str:
    """Translate a column title marked with a bare ``tr("…")`` (lupdate files those without a
    class context)."""
    return QCoreApplication.translate("", text)
