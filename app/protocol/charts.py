"""Charts of the protocol's analysis section, drawn with ``reportlab.graphics``.

Two charts: the spread of the members' totals per offer (a min–max line and the mean as a
dot, one row per offer, so 2,000 offers become a few pages of rows rather than an unreadable
bar forest) and the members' leniency (a signed bar per member around zero).

Numbers arrive as ``Decimal`` and are converted to ``float`` here only to place marks on the
page; every printed label is formatted from the ``Decimal``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.colors import Color

from app.protocol.fonts import FONTS
from app.protocol.formatting import format_decimal, format_signed

log = logging.getLogger(__name__)

AXIS = Color(0.35, 0.38, 0.42)
GRID = Color(0.85, 0.87, 0.90)
RANGE = Color(0.20, 0.40, 0.70)
RANGE_FLAGGED = Color(0.80, 0.25, 0.15)
MEAN = Color(0.05, 0.10, 0.20)
LENIENT = Color(0.30, 0.60, 0.35)
SEVERE = Color(0.85, 0.50, 0.15)

ROWS_PER_SPREAD_CHART = 56
_ROW = 11.0
_LABEL_W = 58.0


@dataclass(frozen=True)
class SpreadRow:
    label: str  # offer code
    low: Decimal
    mean: Decimal
    high: Decimal
    flagged: bool = False  # discrepancy


def _nice_step(span: float, ticks: int = 5) -> float:
    if span <= 0:
        return 1.0
    raw = span / ticks
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 0.1
    for factor in (1, 2, 2.5, 5, 10):
        step = magnitude * factor
        if step >= raw:
            return step
    return magnitude * 10


def _label(text: str, x: float, y: float, size: float = 6.5, anchor: str = "start") -> String:
    return String(
        x, y, text, fontName=FONTS.regular, fontSize=size, fillColor=AXIS, textAnchor=anchor
    )


def spread_charts(
    rows: Sequence[SpreadRow], width: float, scale_max: Decimal, lang: str
) -> list[Drawing]:
    """One drawing per ``ROWS_PER_SPREAD_CHART`` offers, sharing the same 0…max axis."""
    drawings: list[Drawing] = []
    top_max = float(scale_max) if scale_max > 0 else 1.0
    step = _nice_step(top_max)
    ticks: list[float] = []
    value = 0.0
    while value <= top_max + 1e-9:
        ticks.append(value)
        value += step
    if ticks[-1] < top_max - 1e-9:
        ticks.append(top_max)
    plot_x = _LABEL_W
    plot_w = width - _LABEL_W - 8
    for start in range(0, len(rows), ROWS_PER_SPREAD_CHART):
        chunk = rows[start : start + ROWS_PER_SPREAD_CHART]
        height = len(chunk) * _ROW + 26
        drawing = Drawing(width, height)
        drawing.initialFontName = FONTS.regular  # PDF/A: no unembedded Helvetica
        base = 16.0
        plot_top = height - 4
        for tick in ticks:
            x = plot_x + plot_w * tick / top_max
            drawing.add(Line(x, base, x, plot_top, strokeColor=GRID, strokeWidth=0.4))
            text = format_decimal(Decimal(str(round(tick, 4))).normalize(), 0, lang)
            if tick != int(tick):
                text = format_decimal(Decimal(str(round(tick, 4))), 1, lang)
            drawing.add(_label(text, x, base - 9, anchor="middle"))
        drawing.add(Line(plot_x, base, plot_x + plot_w, base, strokeColor=AXIS, strokeWidth=0.6))
        for n, row in enumerate(chunk):
            y = plot_top - (n + 0.5) * _ROW
            drawing.add(_label(row.label, 2, y - 2.3))
            x_low = plot_x + plot_w * float(row.low) / top_max
            x_high = plot_x + plot_w * float(row.high) / top_max
            x_mean = plot_x + plot_w * float(row.mean) / top_max
            color = RANGE_FLAGGED if row.flagged else RANGE
            drawing.add(Line(x_low, y, x_high, y, strokeColor=color, strokeWidth=2.2))
            drawing.add(Line(x_low, y - 3, x_low, y + 3, strokeColor=color, strokeWidth=0.8))
            drawing.add(Line(x_high, y - 3, x_high, y + 3, strokeColor=color, strokeWidth=0.8))
            drawing.add(Circle(x_mean, y, 2.1, fillColor=MEAN, strokeColor=MEAN, strokeWidth=0))
            spread = format_decimal(row.high - row.low, 2, lang)
            drawing.add(_label(spread, min(x_high + 4, width - 2), y - 2.3, size=5.5))
        drawings.append(drawing)
    return drawings


def leniency_chart(rows: Sequence[tuple[str, Decimal]], width: float, lang: str) -> Drawing | None:
    """Signed bars around zero: right of the axis more lenient, left more severe."""
    if not rows:
        return None
    bar = 9.0
    gap = 5.0
    height = len(rows) * (bar + gap) + 24
    drawing = Drawing(width, height)
    drawing.initialFontName = FONTS.regular  # PDF/A: no unembedded Helvetica
    largest = max((abs(float(v)) for _, v in rows), default=0.0) or 1.0
    step = _nice_step(largest, 3)
    limit = step * max(1, -(-largest // step))
    plot_x = _LABEL_W
    plot_w = width - _LABEL_W - 40
    center = plot_x + plot_w / 2
    half = plot_w / 2
    base = 14.0
    top = height - 4
    value = -limit
    while value <= limit + 1e-9:
        x = center + half * value / limit
        drawing.add(Line(x, base, x, top, strokeColor=GRID, strokeWidth=0.4))
        text = format_signed(Decimal(str(round(value, 4))), 2, lang)
        drawing.add(_label(text, x, base - 9, anchor="middle"))
        value += step
    drawing.add(Line(center, base, center, top, strokeColor=AXIS, strokeWidth=0.8))
    for n, (label, deviation) in enumerate(rows):
        y = top - (n + 1) * (bar + gap) + gap / 2
        drawing.add(_label(label, 2, y + 1.5, size=7))
        length = half * float(deviation) / limit
        color = LENIENT if deviation >= 0 else SEVERE
        x0 = center if length >= 0 else center + length
        drawing.add(Rect(x0, y, abs(length), bar, fillColor=color, strokeColor=None, strokeWidth=0))
        text = format_signed(deviation, 2, lang)
        tx = center + length + (3 if length >= 0 else -3)
        drawing.add(_label(text, tx, y + 1.5, size=6.5, anchor="start" if length >= 0 else "end"))
    return drawing
