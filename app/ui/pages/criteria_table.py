"""The criteria card as a table: its model (one row a criterion, edited cell by cell) and the
kind column's delegate."""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QWidget,
)

from app.errors import UserError
from app.scoring.types import (
    CriterionKind,
)
from app.services.specs import CriterionSpec
from app.ui.formatting import decimal_text, parse_user_decimal
from app.ui.widgets.labels import (
    criterion_kind_label,
)

Index = QModelIndex | QPersistentModelIndex

# column: (attribute, is a decimal)
CRITERION_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("code", False),
    ("name", False),
    ("kind", False),
    ("max_score", True),
    ("step", True),
    ("weight", True),
    ("min_score", True),
    ("field", False),
    ("cap", True),
)
KIND_COLUMN = 2


def number_text(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    normal = value.normalize()
    places = max(0, -int(normal.as_tuple().exponent))
    return decimal_text(value, min(places, 6), lang)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


class CriteriaModel(QAbstractTableModel):
    """The card as an editable table; an accepted edit calls ``on_edit(new_specs)``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.specs: tuple[CriterionSpec, ...] = ()
        self.read_only = True
        self.lang = "pl"
        self.on_edit: Callable[[tuple[CriterionSpec, ...]], None] | None = None
        self.on_error: Callable[[UserError], None] | None = None

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Criterion"),
            self.tr("Kind"),
            self.tr("Scale max"),
            self.tr("Step"),
            self.tr("Weight (points)"),
            self.tr("Threshold"),
            self.tr("Offer field"),
            self.tr("Cap"),
        )

    def set_specs(self, specs: tuple[CriterionSpec, ...]) -> None:
        self.beginResetModel()
        self.specs = specs
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.specs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CRITERION_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = self.titles()
            return titles[section] if 0 <= section < len(titles) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or index.row() >= len(self.specs):
            return None  # the view asks for many roles per cell when it paints or measures
        spec = self.specs[index.row()]
        name, numeric = CRITERION_COLUMNS[index.column()]
        value = getattr(spec, name)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if name == "kind":
                return (
                    criterion_kind_label(value)
                    if role == Qt.ItemDataRole.DisplayRole
                    else (value.value)
                )
            if numeric:
                return number_text(value, self.lang)
            return value or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and spec.guidance:
            return spec.guidance
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        spec = self.specs[index.row()]
        name, numeric = CRITERION_COLUMNS[index.column()]
        text = str(value).strip()
        try:
            if name == "kind":
                new_value: Any = CriterionKind(text)
            elif numeric:
                new_value = parse_user_decimal(text) if text else None
            else:
                new_value = text or (None if name == "field" else "")
        except ValueError:
            if self.on_error is not None:
                self.on_error(
                    UserError(
                        "invalid_value",
                        {
                            "field": self.titles()[index.column()],
                            "detail": self.tr("„%1” is not a number").replace("%1", text),
                        },
                    )
                )
            return False
        if name == "weight" and new_value is None:
            new_value = Decimal(0)
        if getattr(spec, name) == new_value:
            return False
        specs = list(self.specs)
        specs[index.row()] = replace(spec, **{name: new_value})
        if self.on_edit is not None:
            self.on_edit(tuple(specs))
        return True


class KindDelegate(QStyledItemDelegate):
    """A combo box for the criterion kind."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for kind in CriterionKind:
            combo.addItem(criterion_kind_label(kind), kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
