"""Two small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials).

``SpreadChart``: per offer, the range of the counted members' own totals (a bar from the lowest
to the highest) with the offer's total as a dot — long bars are where members disagree.
``LeniencyChart``: per member, the mean difference of their totals from the other members'
(right: more generous, left: stricter).  Values arrive as ``Decimal`` and are converted to
pixels only here, for drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.texts import format_decimal


class SpreadItem(NamedTuple):  # a tuple: 2,000 of them are no work for the collector
    label: str
    low: Decimal
    high: Decimal
    total: Decimal | None
    flagged: bool = False


class LeniencyItem(NamedTuple):
    label: str
    difference: Decimal | None
    advisory: bool = False


class _Chart(QWidget):
    ROW = 22
    LABEL_WIDTH = 130

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "pl"
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _rows(self) -> int:
        return 0

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt API)
        return QSize(360, max(80, 30 + self.ROW * self._rows()))

    def _empty(self, painter: QPainter) -> bool:
        if self._rows():
            return False
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.empty_text,
        )  # fmt: skip
        return True


class SpreadChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spreadChart")
        self.setAccessibleName(self.tr("Spread of the members' totals per offer"))
        self.items: list[SpreadItem] = []
        self.maximum = Decimal(100)

    def set_items(self, items: Sequence[SpreadItem], maximum: Decimal) -> None:
        self.items = list(items)
        self.maximum = maximum if maximum > 0 else Decimal(1)
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def _rows(self) -> int:
        return len(self.items)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802  (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._empty(painter):
            return
        text = self.palette().color(self.foregroundRole())
        left, right = self.LABEL_WIDTH, max(self.LABEL_WIDTH + 40, self.width() - 50)
        span = right - left

        def x(value: Decimal) -> float:
            return left + span * float(value / self.maximum)  # pixels only

        painter.setPen(QPen(QColor("#b0b0b0"), 1))
        for tick in range(0, 5):
            tick_x = left + span * tick / 4
            painter.drawLine(QPointF(tick_x, 4), QPointF(tick_x, 8 + self.ROW * len(self.items)))
        for row, item in enumerate(self.items):
            top = 6 + row * self.ROW
            middle = top + self.ROW / 2
            painter.setPen(text)
            painter.drawText(
                QRectF(2, top, self.LABEL_WIDTH - 8, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                item.label,
            )
            colour = QColor("#d04040") if item.flagged else QColor("#4a78c0")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            width = max(x(item.high) - x(item.low), 3.0)
            painter.drawRoundedRect(QRectF(x(item.low), middle - 5, width, 10), 3, 3)
            if item.total is not None:
                painter.setBrush(QColor("#202020"))
                painter.drawEllipse(QPointF(x(item.total), middle), 4, 4)
            painter.setPen(text)
            painter.drawText(
                QRectF(right + 4, top, 46, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                format_decimal(item.high - item.low, 1, self.lang),
            )
        painter.end()


class LeniencyChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leniencyChart")
        self.setAccessibleName(self.tr("Leniency of members compared with the others"))
        self.items: list[LeniencyItem] = []

    def set_items(self, items: Sequence[LeniencyItem]) -> None:
        self.items = list(items)
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def _rows(self) -> int:
        return len(self.items)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802  (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._empty(painter):
            return
        text = self.palette().color(self.foregroundRole())
        left, right = self.LABEL_WIDTH, max(self.LABEL_WIDTH + 40, self.width() - 50)
        centre = (left + right) / 2
        values = [abs(i.difference) for i in self.items if i.difference is not None]
        largest = max(values, default=Decimal(1)) or Decimal(1)
        half = (right - left) / 2
        painter.setPen(QPen(QColor("#808080"), 1))
        painter.drawLine(QPointF(centre, 2), QPointF(centre, 8 + self.ROW * len(self.items)))
        for row, item in enumerate(self.items):
            top = 6 + row * self.ROW
            middle = top + self.ROW / 2
            painter.setPen(text)
            painter.drawText(
                QRectF(2, top, self.LABEL_WIDTH - 8, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                item.label,
            )
            if item.difference is None:
                continue
            length = half * float(item.difference / largest)  # pixels only
            colour = QColor("#9a9a9a") if item.advisory else (
                QColor("#3d9a50") if item.difference >= 0 else QColor("#c07030")
            )  # fmt: skip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(min(centre, centre + length), middle - 5, abs(length), 10))
            painter.setPen(text)
            sign = "+" if item.difference > 0 else ""
            painter.drawText(
                QRectF(right + 4, top, 46, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                sign + format_decimal(item.difference, 2, self.lang),
            )
        painter.end()
