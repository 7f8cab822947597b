"""Scoring grid of one member, 2 000 offers × 15 criteria: time to show it and to scroll through.

Prints each time and its ratio to a plain ``QTableView`` over a trivial model of the same size,
measured in the same run.  ``--quick`` uses 200 offers (smoke test).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from decimal import Decimal
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget


class _Trivial(QAbstractTableModel):
    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self.rows, self.columns = rows, columns

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.columns

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return "5" if role == Qt.ItemDataRole.DisplayRole else None


def _scroll(view: QTableView, app: QApplication) -> float:
    bar = view.verticalScrollBar()
    start = time.perf_counter()
    value = 0
    while value < bar.maximum():
        value += bar.pageStep()
        bar.setValue(value)
        view.viewport().repaint()
        app.processEvents()
    return time.perf_counter() - start


def _show(view: QTableView, app: QApplication) -> float:
    start = time.perf_counter()
    view.resize(1280, 800)
    view.show()
    view.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="200 offers instead of 2 000")
    args = parser.parse_args(argv)
    offers_count, criteria_count = (200 if args.quick else 2000), 15
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    from app.ui.pages.scoring_page import ScoreDelegate
    from app.ui.scoring_data import GridCriterion, GridOffer
    from app.ui.scoring_models import ScoreGridModel, ScoreGridProxy

    criteria = [
        GridCriterion(f"K{i + 1}", f"Kryterium {i + 1}", Decimal(10), Decimal("0.5"), Decimal(10))
        for i in range(criteria_count)
    ]
    offers = [
        GridOffer(f"O{i + 1}", f"Fundacja nr {i + 1}", "Zadanie") for i in range(offers_count)
    ]
    scores = {
        (o.code, c.code): (Decimal((i + j) % 21) / 2, "Uzasadnienie")
        for i, o in enumerate(offers)
        for j, c in enumerate(criteria)
        if (i + j) % 3
    }

    plain = QTableView()
    plain.setModel(_Trivial(offers_count, criteria_count + 3))
    plain_show = _show(plain, app)
    plain_scroll = _scroll(plain, app)
    plain.close()

    start = time.perf_counter()
    model = ScoreGridModel(lang="pl")
    model.set_card(member_code="M1", criteria=criteria, offers=offers, scores=scores,
                   recused={"O7"}, require_justification=True)  # fmt: skip
    proxy = ScoreGridProxy()
    proxy.setSourceModel(model)
    grid = QTableView()
    grid.setModel(proxy)
    grid.setItemDelegate(ScoreDelegate(model, proxy, grid))
    grid.verticalHeader().setDefaultSectionSize(24)
    load = time.perf_counter() - start
    grid_show = _show(grid, app) + load
    grid_scroll = _scroll(grid, app)
    widgets = len(grid.viewport().findChildren(QWidget))
    grid.close()

    print(f"scoring grid {offers_count} × {criteria_count}")
    print(f"  show:   plain {plain_show * 1000:8.1f} ms  grid {grid_show * 1000:8.1f} ms  "
          f"ratio {grid_show / plain_show:5.2f}")  # fmt: skip
    print(f"  scroll: plain {plain_scroll * 1000:8.1f} ms  grid {grid_scroll * 1000:8.1f} ms  "
          f"ratio {grid_scroll / plain_scroll:5.2f}")  # fmt: skip
    print(f"  per-cell widgets in the grid: {widgets}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
