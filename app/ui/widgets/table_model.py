"""A read-only table model over a list of frozen row values, with a sort role and a row role.

Screens describe their columns once (title, how to show a value, how to sort it); the model
never touches the database.  Each row's search text (every column's text, case-folded) is
computed once, on a worker thread when the screen reads off the GUI thread
(``search_texts``), so filtering thousands of rows while typing is a substring test per row.
Sort keys are exact (Decimals become integers of 1/10 000), so money and points sort correctly
without floats; behind a ``FilterProxy`` the model sorts its own rows with one Python sort over
those keys instead of the proxy calling ``data()`` for every comparison.
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

# The roles the model answers; a view's delegate asks about seven roles for every cell it
# paints, so the others are refused before anything else is looked at.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SORT_ROLE,
        ROW_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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


def _comparable(key: object) -> tuple[int, Any]:
    """Numbers before text, so a column mixing both (a missing value is "") still sorts."""
    return (1, key) if isinstance(key, str) else (0, key)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    key: Callable[[R], object] | None = None  # sort value; defaults to the text
    numeric: bool = False  # right-aligned
    tooltip: Callable[[R], str] | None = None
    warn: Callable[[R], bool] | None = None  # painted in the warning colour


WARNING_BRUSH = QBrush(QColor("#b3261e"))


def search_text(columns: Sequence[Column[R]], row: R) -> str:
    """What the text filter looks in: every column's text, case-folded."""
    return "\u0000".join(column.text(row) for column in columns).casefold()


def search_texts(columns: Sequence[Column[R]], rows: Sequence[R]) -> list[str]:
    """The search texts of many rows; plain Python, safe to run on a worker thread."""
    return [search_text(columns, row) for row in rows]


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._search: list[str | None] = []
        # each row's column texts, made when the row is first painted (then a look-up)
        self._texts: list[tuple[str, ...] | None] = []
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- data ----------------------------------------------------------------------------------

    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def set_rows(self, rows: Sequence[R], search: Sequence[str] | None = None) -> None:
        """Show ``rows`` (in the current sort order); ``search`` are their precomputed
        ``search_texts`` if at hand."""
        new_rows = list(rows)
        new_search: list[str | None] = (
            list(search)
            if search is not None and len(search) == len(new_rows)
            else [None] * len(new_rows)
        )
        if self._sort_column is not None:
            order = self._order(new_rows, self._sort_column, self._sort_order)
            new_rows = [new_rows[n] for n in order]
            new_search = [new_search[n] for n in order]
        self.beginResetModel()
        self._rows, self._search = new_rows, new_search
        self._texts = [None] * len(new_rows)
        self.endResetModel()

    def _order(self, rows: list[R], column: int, order: Qt.SortOrder) -> list[int]:
        """Row numbers in sorted order; stable, so equal keys keep their previous order."""
        spec = self._columns[column]
        value = spec.key if spec.key is not None else spec.text
        keys = [_comparable(sort_key(value(row))) for row in rows]
        return sorted(
            range(len(rows)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves: one Python sort over precomputed keys, instead of a
        proxy asking ``data()`` for every comparison (seconds for thousands of rows)."""
        if not 0 <= column < len(self._columns):
            self._sort_column = None
            return
        self._sort_column, self._sort_order = column, order
        permutation = self._order(self._rows, column, order)
        if permutation == list(range(len(self._rows))):
            return
        self.layoutAboutToBeChanged.emit()
        new_position = [0] * len(permutation)
        for new, old in enumerate(permutation):
            new_position[old] = new
        self._rows = [self._rows[n] for n in permutation]
        self._search = [self._search[n] for n in permutation]
        self._texts = [self._texts[n] for n in permutation]
        old_indexes = self.persistentIndexList()
        self.changePersistentIndexList(
            old_indexes,
            [self.index(new_position[i.row()], i.column()) for i in old_indexes],
        )
        self.layoutChanged.emit()

    def search_text(self, row: int) -> str:
        cached = self._search[row]
        if cached is None:
            cached = self._search[row] = search_text(self._columns, self._rows[row])
        return cached

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
        if role not in _ROLES:
            return None
        number, column_number = index.row(), index.column()  # -1 for an invalid index
        if not (0 <= number < len(self._rows) and 0 <= column_number < len(self._columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts[number]
            if texts is None:
                row = self._rows[number]
                texts = self._texts[number] = tuple(c.text(row) for c in self._columns)
            return texts[column_number]
        row = self._rows[number]
        column = self._columns[column_number]
        if role == SORT_ROLE:
            return sort_key(column.key(row) if column.key else column.text(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
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
    """Sorts by ``SORT_ROLE``, filters on any column's text plus an optional row predicate.

    Over a ``RowTableModel`` the text filter is a case-folded substring test on each row's
    cached search text (no per-cell ``data()`` calls); ``setFilterFixedString`` is the way in.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._predicate: Callable[[Any], bool] | None = None
        self._needle = ""

    def setFilterFixedString(self, pattern: str) -> None:
        needle = pattern.casefold()
        if needle == self._needle:
            return
        if not isinstance(self.sourceModel(), RowTableModel):
            self._needle = needle
            super().setFilterFixedString(pattern)
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filter_text(self) -> str:
        return self._needle

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Over a ``RowTableModel`` the source sorts itself and the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)
            return
        super().sort(column, order)

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
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            return not self._needle or self._needle in model.search_text(source_row)
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
