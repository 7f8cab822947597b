"""Form fields the screens share: optional dates, decimals typed the Polish way, a banner."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services.base import WARSAW
from app.ui.formatting import decimal_text, parse_user_decimal

_WARSAW_TZ = QTimeZone(b"Europe/Warsaw")


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date that may be left empty (a check box switches it on)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, with_time: bool = False) -> None:
        super().__init__(parent)
        self._with_time = with_time
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled_box = QCheckBox(self)
        self.edit: QDateEdit | QDateTimeEdit = QDateTimeEdit(self) if with_time else QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy HH:mm" if with_time else "dd.MM.yyyy")
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        # Tab reaches the check box first, then the date: with the date as the proxy Tab
        # jumped over the box, and a date could not be switched on or cleared by keyboard.
        self.setFocusProxy(self.enabled_box)
        self.enabled_box.toggled.connect(self._toggled)
        self.edit.editingFinished.connect(self.changed)
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def set_accessible_name(self, name: str) -> None:
        self.edit.setAccessibleName(name)
        self.enabled_box.setAccessibleName(name)

    def set_date(self, value: date | datetime | None) -> None:
        self.enabled_box.blockSignals(True)
        self.enabled_box.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled_box.blockSignals(False)
        if value is None:
            return
        if isinstance(value, datetime):
            local = value.astimezone(WARSAW)
            self.edit.setDateTime(
                QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute), _WARSAW_TZ)
            )
        else:
            self.edit.setDate(to_qdate(value))

    def value_date(self) -> date | None:
        if not self.enabled_box.isChecked():
            return None
        return from_qdate(self.edit.date())

    def value_datetime(self) -> datetime | None:
        if not self.enabled_box.isChecked():
            return None
        return qdatetime_to_utc(self.edit.dateTime())

    def set_read_only(self, read_only: bool) -> None:
        self.enabled_box.setEnabled(not read_only)
        self.edit.setReadOnly(read_only)


def qdatetime_to_utc(value: QDateTime) -> datetime:
    """A date and time typed in the dialog (Polish civil time) as an aware UTC datetime."""
    day = from_qdate(value.date())
    time = value.time()
    local = datetime(day.year, day.month, day.day, time.hour(), time.minute(), tzinfo=WARSAW)
    return local.astimezone(UTC)


def utc_to_qdatetime(value: datetime) -> QDateTime:
    local = value.astimezone(WARSAW)
    return QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute), _WARSAW_TZ)


class DecimalEdit(QLineEdit):
    """A number typed as '1 234,56' or '1234.56'; ``value()`` is a Decimal or None if empty."""

    def __init__(self, parent: QWidget | None = None, places: int = 2) -> None:
        super().__init__(parent)
        self._places = places

    def value(self) -> Decimal | None:
        text = self.text().strip()
        if not text:
            return None
        return parse_user_decimal(text)

    def is_valid(self) -> bool:
        try:
            self.value()
        except ValueError:
            return False
        return True

    def set_value(self, value: Decimal | None, lang: str = "pl") -> None:
        if value is None:
            self.setText("")
        else:
            normal = value.normalize()
            places = max(0, -normal.as_tuple().exponent)  # type: ignore[operator]
            self.setText(decimal_text(value, min(max(places, 0), 6), lang))


class Banner(QLabel):
    """A coloured line above a form: why it is read-only, or what to fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("banner")
        self.setStyleSheet(
            "QLabel#banner { background: #fff4ce; border: 1px solid #e0c36c; padding: 6px; }"
        )
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setStyleSheet("border: 1px solid #b3261e;" if invalid else "")
    widget.setProperty("invalid", invalid)
