"""Cheap, fast flowables for the protocol's tables.

A protocol for 2,000 offers has tables of tens of thousands of rows (the annex of individual
scores alone has one row per member, offer and criterion).  reportlab's ``Table`` re-measures
the whole remainder of a table at every page break, and a ``Paragraph`` per cell is costly,
so the protocol uses :class:`GridTable`: every cell is wrapped once (plain word wrapping with
the font's metrics), row heights are summed once, and a page break is a slice of the same
shared layout.  Text is written straight into the page's content stream with the embedded
TrueType subsets, which keeps it extractable (``pdftotext``) and exactly as drawn.

Header rows are repeated on every page a table spans; rows are never split across pages
unless a single row is taller than a page, in which case it continues in a following row.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from app.protocol.fonts import FONTS

log = logging.getLogger(__name__)

HEADER_FILL = Color(0.87, 0.90, 0.94)
SHADE_FILL = Color(0.955, 0.962, 0.972)
MARK_FILL = Color(1.0, 0.93, 0.80)
GRID_COLOR = Color(0.62, 0.65, 0.70)
TEXT_COLOR = Color(0.0, 0.0, 0.0)
MUTED_COLOR = Color(0.33, 0.36, 0.40)


def font_name(style: str) -> str:
    return {
        "regular": FONTS.regular,
        "bold": FONTS.bold,
        "italic": FONTS.italic,
        "mono": FONTS.mono,
    }[style]


class _Widths(dict[str, float]):
    """Advance widths of one TrueType font by character, filled on first use."""

    def __init__(self, font: str) -> None:
        super().__init__()
        face = pdfmetrics.getFont(font).face
        self._get = face.charWidths.get
        self._default = face.defaultWidth

    def __missing__(self, ch: str) -> float:
        width: float = self._get(ord(ch), self._default)
        self[ch] = width
        return width


_WIDTHS: dict[str, _Widths] = {}


def measure_of(font: str) -> Callable[[str, float], float]:
    """A fast ``stringWidth(text, size)`` for one registered TrueType font.

    Gives exactly reportlab's ``stringWidth`` (the same widths summed in the same order),
    with the per-character look-up done by C code (``map`` over a dict) instead of a Python
    generator: a large protocol measures a few million strings.
    """
    table = _WIDTHS.get(font)
    if table is None:
        table = _WIDTHS[font] = _Widths(font)
    lookup = table.__getitem__

    def measure(text: str, size: float) -> float:
        return 0.001 * size * sum(map(lookup, text))

    return measure


class TextEmitter:
    """Writes text operators for the embedded TrueType fonts into a canvas' page stream.

    Equivalent to ``canvas.drawString`` (same subset encoding, same ``Tj``), without building
    a text object per string.  Use between :meth:`begin` and :meth:`end`.

    The subset runs of a string (reportlab's ``splitString`` and escaping, pure Python and the
    costliest part of writing text) are kept per canvas: a protocol repeats the same short
    texts (codes, scores, criteria) hundreds of thousands of times.  Subset assignments never
    change once made, so a cached run is exactly what ``splitString`` would return again.
    """

    def __init__(self, canv: Any) -> None:
        self._canv = canv
        self._doc = canv._doc
        self._escape = canv._escape
        self._code: list[str] = canv._code
        self._current: tuple[str, float] | None = None
        self._fonts: dict[str, Any] = {}
        runs = getattr(canv, "_komisja_runs", None)
        if runs is None:
            runs = {}
            canv._komisja_runs = runs
        self._runs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = runs

    def begin(self, gray: float = 0.0) -> None:
        self._code.append(f"BT {fp_str(gray)} g")
        self._current = None

    def end(self) -> None:
        self._code.append("ET")

    def gray(self, value: float) -> None:
        self._code.append(f"{fp_str(value)} g")

    def text(self, x: float, y: float, text: str, font: str, size: float) -> None:
        if not text:
            return
        runs = self._runs.get((font, text))
        if runs is None:
            fnt = self._fonts.get(font)
            if fnt is None:
                fnt = self._fonts[font] = pdfmetrics.getFont(font)
            doc = self._doc
            escape = self._escape
            runs = tuple(
                (fnt.getSubsetInternalName(subset, doc), escape(chunk))
                for subset, chunk in fnt.splitString(text, doc)
            )
            self._runs[(font, text)] = runs
        code = self._code
        code.append(f"1 0 0 1 {x:.3f} {y:.3f} Tm")
        for name, chunk in runs:
            key = (name, size)
            if key != self._current:
                code.append(f"{name} {size:.2f} Tf")
                self._current = key
            code.append(f"({chunk}) Tj")


def string_width(text: str, font: str, size: float) -> float:
    return measure_of(font)(text, size)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap to ``width`` points; words longer than a line are cut by characters.

    Line breaks in ``text`` are kept.  Non-breaking spaces (U+00A0) glue words together.
    """
    measure = measure_of(font)
    lines: list[str] = []
    for para in text.split("\n"):
        if measure(para, size) <= width:
            lines.append(para)
            continue
        space = measure(" ", size)
        line = ""
        line_w = 0.0
        for word in para.split(" "):
            word_w = measure(word, size)
            if line and line_w + space + word_w <= width:
                line += " " + word
                line_w += space + word_w
                continue
            if line or not word:
                lines.append(line)
            if word_w <= width:
                line, line_w = word, word_w
                continue
            # a word wider than the column (a long number, an address): cut it
            piece = ""
            for ch in word:
                if piece and measure(piece + ch, size) > width:
                    lines.append(piece)
                    piece = ch
                else:
                    piece += ch
            line, line_w = piece, measure(piece, size)
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Column:
    """One column of a :class:`GridTable`: a relative width, alignment and face."""

    weight: float
    align: str = "L"  # L, R or C
    font: str = "regular"  # regular, bold, italic, mono


@dataclass
class _Layout:
    width: float
    col_x: list[float]
    col_w: list[float]
    header: list[list[str]]
    header_h: float
    rows: list[tuple[list[str], ...]]
    heights: list[float]
    cum: list[float]  # cum[i] = height of rows[0:i]
    row_source: list[int]  # index of the input row each layout row came from


class _Shared:
    """The data of one logical table, shared by all the pieces it is split into."""

    def __init__(
        self,
        columns: Sequence[Column],
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        font_size: float,
        leading: float,
        pad_x: float,
        pad_y: float,
        shade: Sequence[bool] | None,
        marks: frozenset[int],
        bold_rows: frozenset[int],
        max_row_height: float,
    ) -> None:
        self.columns = tuple(columns)
        self.header = tuple(header) if header is not None else None
        self.rows = rows
        self.font_size = font_size
        self.leading = leading
        self.pad_x = pad_x
        self.pad_y = pad_y
        self.shade = shade
        self.marks = marks
        self.bold_rows = bold_rows
        self.max_row_height = max_row_height
        self.layout: _Layout | None = None

    def get_layout(self, width: float) -> _Layout:
        layout = self.layout
        if layout is not None and abs(layout.width - width) < 0.01:
            return layout
        self.layout = layout = self._compute(width)
        return layout

    def _compute(self, width: float) -> _Layout:
        total_weight = sum(c.weight for c in self.columns)
        col_w = [width * c.weight / total_weight for c in self.columns]
        col_x = [0.0]
        for w in col_w[:-1]:
            col_x.append(col_x[-1] + w)
        size = self.font_size
        pad2 = 2 * self.pad_x
        inner = [w - pad2 for w in col_w]
        fonts = [font_name(c.font) for c in self.columns]
        bold = FONTS.bold
        measures = [measure_of(f) for f in fonts]
        bold_measure = measure_of(bold)
        leading = self.leading
        vpad = 2 * self.pad_y

        header: list[list[str]] = []
        header_h = 0.0
        if self.header is not None:
            header = [wrap_text(text, bold, size, inner[i]) for i, text in enumerate(self.header)]
            header_h = max(len(lines) for lines in header) * leading + vpad

        max_lines = max(1, int((self.max_row_height - vpad) // leading))
        rows_out: list[tuple[list[str], ...]] = []
        heights: list[float] = []
        source: list[int] = []
        bold_rows = self.bold_rows
        ncols = len(self.columns)
        for index, row in enumerate(self.rows):
            is_bold = index in bold_rows
            cells: list[list[str]] = []
            n_lines = 1
            for i in range(ncols):
                text = row[i]
                text = "" if text is None else str(text)
                measure = bold_measure if is_bold else measures[i]
                if "\n" not in text and measure(text, size) <= inner[i]:
                    cells.append([text])
                    continue
                lines = wrap_text(text, bold if is_bold else fonts[i], size, inner[i])
                cells.append(lines)
                n_lines = max(n_lines, len(lines))
            if n_lines <= max_lines:
                rows_out.append(tuple(cells))
                heights.append(n_lines * leading + vpad)
                source.append(index)
                continue
            # taller than a page: continue the row in further rows
            for start in range(0, n_lines, max_lines):
                chunk = tuple(c[start : start + max_lines] for c in cells)
                rows_out.append(chunk)
                heights.append(max(1, max(len(c) for c in chunk)) * leading + vpad)
                source.append(index)
        cum = [0.0]
        acc = 0.0
        for h in heights:
            acc += h
            cum.append(acc)
        return _Layout(width, col_x, col_w, header, header_h, rows_out, heights, cum, source)


class GridTable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A ruled table with a repeated header row, split cheaply across pages."""

    def __init__(
        self,
        columns: Sequence[Column],
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        *,
        font_size: float = 7.5,
        leading: float | None = None,
        shade: Sequence[bool] | None = None,
        marks: frozenset[int] = frozenset(),
        bold_rows: frozenset[int] = frozenset(),
        max_row_height: float = 360.0,
        space_after: float = 6.0,
        _shared: _Shared | None = None,
        _start: int = 0,
        _end: int | None = None,
    ) -> None:
        super().__init__()
        if _shared is None:
            _shared = _Shared(
                columns,
                header,
                rows,
                font_size,
                leading if leading is not None else round(font_size * 1.25, 2),
                2.5,
                1.6,
                shade,
                marks,
                bold_rows,
                max_row_height,
            )
        self._shared = _shared
        self._start = _start
        self._end = _end
        self.spaceAfter = space_after
        self._width = 0.0

    def _bounds(self, layout: _Layout) -> tuple[int, int]:
        end = len(layout.rows) if self._end is None else self._end
        return self._start, end

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        layout = self._shared.get_layout(availWidth)
        start, end = self._bounds(layout)
        self._width = availWidth
        self.width = availWidth
        self.height = layout.header_h + layout.cum[end] - layout.cum[start]
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        layout = self._shared.get_layout(availWidth)
        start, end = self._bounds(layout)
        room = availHeight - layout.header_h
        # largest k with cum[start + k] - cum[start] <= room
        limit = layout.cum[start] + room + 1e-6
        stop = bisect.bisect_right(layout.cum, limit, lo=start, hi=end + 1) - 1
        if stop <= start:
            return []
        if stop >= end:
            return [self]
        shared = self._shared
        first = GridTable((), None, (), _shared=shared, _start=start, _end=stop, space_after=0)
        rest = GridTable(
            (), None, (), _shared=shared, _start=stop, _end=end, space_after=self.spaceAfter
        )
        return [first, rest]

    def draw(self) -> None:
        shared = self._shared
        layout = shared.get_layout(self._width)
        start, end = self._bounds(layout)
        canv = self.canv
        code = canv._code
        size = shared.font_size
        leading = shared.leading
        pad_x = shared.pad_x
        pad_y = shared.pad_y
        width = layout.width
        top = self.height
        ascent = size * 0.78
        fonts = [font_name(c.font) for c in shared.columns]
        aligns = [c.align for c in shared.columns]
        bold = FONTS.bold
        ncols = len(fonts)
        col_x = layout.col_x
        col_w = layout.col_w

        # backgrounds
        fills: list[str] = []
        if layout.header_h:
            fills.append(_fill_op(HEADER_FILL, 0, top - layout.header_h, width, layout.header_h))
        y = top - layout.header_h
        shade = shared.shade
        marks = shared.marks
        source = layout.row_source
        for r in range(start, end):
            h = layout.heights[r]
            src = source[r]
            if src in marks:
                fills.append(_fill_op(MARK_FILL, 0, y - h, width, h))
            elif shade is not None and shade[src]:
                fills.append(_fill_op(SHADE_FILL, 0, y - h, width, h))
            y -= h
        if fills:
            code.append("q")
            code.extend(fills)
            code.append("Q")

        # text
        emitter = TextEmitter(canv)
        emitter.begin()
        measure_cache: dict[str, Any] = {}

        def put(lines: list[str], i: int, row_top: float, font: str) -> None:
            align = aligns[i]
            base = row_top - pad_y - ascent
            for n, line in enumerate(lines):
                if not line:
                    continue
                if align == "L":
                    x = col_x[i] + pad_x
                else:
                    measure = measure_cache.get(font)
                    if measure is None:
                        measure = measure_cache[font] = measure_of(font)
                    w = measure(line, size)
                    if align == "R":
                        x = col_x[i] + col_w[i] - pad_x - w
                    else:
                        x = col_x[i] + (col_w[i] - w) / 2
                emitter.text(x, base - n * leading, line, font, size)

        if layout.header_h:
            for i, lines in enumerate(layout.header):
                put(lines, i, top, bold)
        y = top - layout.header_h
        bold_rows = shared.bold_rows
        for r in range(start, end):
            cells = layout.rows[r]
            is_bold = source[r] in bold_rows
            for i in range(ncols):
                put(cells[i], i, y, bold if is_bold else fonts[i])
            y -= layout.heights[r]
        emitter.end()

        # rules
        bottom = y
        ops = [f"q {fp_str(0.4)} w {_stroke(GRID_COLOR)}"]
        ops.append(f"0 {fp_str(bottom)} {fp_str(width)} {fp_str(top - bottom)} re S")
        for x in col_x[1:]:
            ops.append(f"{x:.3f} {bottom:.3f} m {x:.3f} {top:.3f} l S")
        y = top - layout.header_h
        if layout.header_h:
            ops.append(f"0 {fp_str(y)} m {fp_str(width)} {fp_str(y)} l S")
        ops.append(f"{fp_str(0.2)} w")
        for r in range(start, end - 1):
            y -= layout.heights[r]
            if source[r] == source[r + 1]:
                continue  # continuation of an overlong row
            ops.append(f"0 {y:.3f} m {width:.3f} {y:.3f} l S")
        ops.append("Q")
        code.extend(ops)


def _fill_op(color: Color, x: float, y: float, w: float, h: float) -> str:
    # plain formatting: reportlab's fp_str is pure Python and this runs once per table row
    rgb = f"{color.red:.4f} {color.green:.4f} {color.blue:.4f}"
    return f"{rgb} rg {x:.3f} {y:.3f} {w:.3f} {h:.3f} re f"


def _stroke(color: Color) -> str:
    return f"{fp_str(color.red, color.green, color.blue)} RG"


class SignatureAnchor(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Reserves the box for the electronic signature and records where it was drawn.

    The canvas keeps the position (page number and absolute rectangle) so that the PDF's
    metadata can tell :func:`app.protocol.sign.sign_pdf` where to put the visible field.
    """

    def __init__(self, width: float, height: float, caption: str) -> None:
        super().__init__()
        self.box_width = width
        self.box_height = height
        self.caption = caption

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = min(self.box_width, availWidth)
        self.height = self.box_height
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(GRID_COLOR)
        canv.setLineWidth(0.5)
        canv.setDash(2, 2)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canv.setDash()
        canv.setFillColor(MUTED_COLOR)
        canv.setFont(FONTS.italic, 7)
        canv.drawString(4, self.height - 10, self.caption)
        canv.restoreState()
        x1, y1 = canv.absolutePosition(0, 0)
        x2, y2 = canv.absolutePosition(self.width, self.height)
        canv.komisja_signature_box = (canv.getPageNumber(), x1, y1, x2, y2)
