"""The results screen: ranking with flags, the "why" panel, tie and discrepancy decisions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app.scoring import types as st
from app.services import results as results_service
from app.services import score_entry, workflow
from app.services.specs import ScoreEntry
from app.ui.charts import LeniencyChart, LeniencyItem, SpreadChart, SpreadItem
from app.ui.pages.results_page import RankingModel, ResultsPage
from app.ui.widgets.page import wait_for_loads
from tests import builders

D = Decimal


@pytest.fixture
def ctx(ui_ctx):  # type: ignore[no-untyped-def]
    return ui_ctx  # English interface (tests/ui/conftest.py); Polish in the screenshots


def _tied_results(db, actor, clock) -> int:  # type: ignore[no-untyped-def]
    """O1 and O3 get the same scores from everybody: the K1 tie-break cannot separate them;
    M2 scores O2 far below M1: a discrepancy (8 points allowed)."""
    built = builders.to_scoring(db, actor, clock)
    cid = built.competition_id
    same = {"O1": ("8", "4"), "O3": ("8", "4")}
    o2 = {"M1": ("10", "5"), "M2": ("2", "1")}
    for member in ("M1", "M2", "M3"):
        entries = [
            ScoreEntry(offer, code, D(value), "Uzasadnienie.")
            for offer, values in same.items()
            for code, value in zip(("K1", "K2"), values, strict=True)
        ]
        if member in o2:
            entries += [
                ScoreEntry("O2", code, D(value), "Uzasadnienie.")
                for code, value in zip(("K1", "K2"), o2[member], strict=True)
            ]
        score_entry.record_scores(db, actor, cid, member, entries)
    assert workflow.advance(db, actor, cid).value == "results"
    return cid


@pytest.fixture
def page(qtbot, ctx, actor, clock):  # type: ignore[no-untyped-def]
    cid = _tied_results(ctx.db, actor, clock)
    widget = ResultsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 640)
    widget.show()  # pages load when on screen, as in the window
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.set_competition(cid)
    widget.cid = cid
    yield widget
    # pytest-qt has closed the widget and asked for its deletion by now: wait for its reads
    wait_for_loads()


def _column_texts(page: ResultsPage, column: int) -> list[str]:
    model = page.proxy
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_ranking_shows_flags_for_tie_discrepancy_and_recusal(page) -> None:  # type: ignore[no-untyped-def]
    model = page.model
    flags = dict(zip(_column_texts(page, 1), _column_texts(page, model.col_flags), strict=True))
    assert "unresolved tie" in flags["O1"] and "unresolved tie" in flags["O3"]
    assert "discrepancy" in flags["O2"]
    assert "recused members" in flags["O2"]  # M3 is recused from O2
    assert "O1, O3" in page.headline.text()
    assert page.tie_button.isEnabled()
    # the late offer O4 failed the formal check: listed, not ranked
    row = model.row_of("O4")
    assert model.index(row, model.col_total).data() == "rejected"
    assert model.index(row, RankingModel.COL_RANK).data() == "—"


def _why(qtbot, page: ResultsPage) -> str:  # type: ignore[no-untyped-def]
    """The "why" panel once the explanation asked for in the worker has arrived."""
    qtbot.waitUntil(lambda: page.explainer.idle, timeout=10_000)
    return page.why.toPlainText()


def test_why_panel_explains_the_selected_number(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.select_offer("O1", column=page.model.col_total)
    text = _why(qtbot, page)
    assert text.startswith("O1")
    assert "Fundacja Alfa" in text
    assert "M1" in text and "Anna Wójcik" in text  # members' own totals
    assert "M4" in text  # the expert: listed as not counted
    page.select_offer("O1", column=3)  # K1
    assert "K1 — " in _why(qtbot, page)
    assert page.why.toPlainText() != text


def test_tie_decision_is_recorded_and_the_ranking_follows_it(qtbot, page, screenshot) -> None:  # type: ignore[no-untyped-def]
    def decide(dialog):  # type: ignore[no-untyped-def]
        assert dialog.order() == ["O1", "O3"]
        dialog.list.setCurrentRow(1)
        dialog.move_selected(-1)  # O3 first
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason yet
        dialog.reason.setPlainText("Głosowanie komisji 3:0.")
        assert ok.isEnabled()
        screenshot(dialog, "results_tie_dialog")
        return True

    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.record_tie(dialog_hook=decide)
    view = results_service.results(page._ctx.db, page.cid)
    assert view.results.unresolved_ties == ()
    assert view.results.offer("O3").rank < view.results.offer("O1").rank
    flags = dict(
        zip(_column_texts(page, 1), _column_texts(page, page.model.col_flags), strict=True)
    )
    assert "tie decided" in flags["O3"]
    assert not page.tie_button.isEnabled()


def test_discrepancy_resolution_by_consensus(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.select_offer("O2", column=page.model.col_flags)
    assert page.discrepancy_button.isEnabled()

    def resolve(dialog):  # type: ignore[no-untyped-def]
        dialog.consensus["K1"].setText("11")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        dialog.reason.setPlainText("Uzgodniono na posiedzeniu.")
        assert not ok.isEnabled() and "0–10" in dialog.problem.text()
        dialog.consensus["K1"].setText("6,5")
        dialog.consensus["K2"].setText("3")
        assert ok.isEnabled()
        return True

    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.resolve_discrepancy(dialog_hook=resolve)
    view = results_service.results(page._ctx.db, page.cid)
    assert "O2" not in view.results.unresolved_discrepancies
    assert st.Flag.DISCREPANCY_RESOLVED in view.results.offer("O2").flags


def test_ranking_model_passes_the_model_tester(qtmodeltester, page) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_charts_draw_spread_and_leniency(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    assert [i.label for i in page.spread_chart.items] == ["O1", "O2", "O3"] or len(
        page.spread_chart.items
    ) == 3
    o2 = next(i for i in page.spread_chart.items if i.label == "O2")
    assert o2.flagged and o2.high - o2.low > D("8")
    assert len(page.leniency_chart.items) == 4  # three counted members and the expert
    image = page.spread_chart.grab().toImage()
    assert not image.isNull()


def test_empty_charts_say_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    spread, leniency = SpreadChart(), LeniencyChart()
    qtbot.addWidget(spread)
    qtbot.addWidget(leniency)
    spread.empty_text = "No scores to compare yet."
    spread.set_items([], D(100))
    assert spread.grab().size().width() > 0
    leniency.set_items([LeniencyItem("M1", D("-1.5")), LeniencyItem("M2", None)])
    spread.set_items([SpreadItem("O1", D("60"), D("75"), D("70"))], D(100))
    assert leniency.grab().toImage().pixelColor(5, 5).isValid()


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_screenshots(qtbot, ctx, actor, clock, language, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    language(lang)
    ctx.settings.language = lang
    cid = _tied_results(ctx.db, actor, clock)
    page = ResultsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.set_competition(cid)
    page.select_offer("O2", column=page.model.col_total)
    assert _why(qtbot, page).startswith("O2")  # the screenshot shows the explanation
    assert (
        page.model.headerData(page.model.col_total, Qt.Orientation.Horizontal)
        == ({"pl": "Suma", "en": "Total"}[lang])
    )
    assert (
        page.allocation.text()
        == {
            "pl": "Przyznano 85\u00a0000,00\u00a0zł z 100\u00a0000,00\u00a0zł",
            "en": "Awarded PLN\u00a085,000.00 of PLN\u00a0100,000.00",
        }[lang]
    )
    screenshot(page, f"results_page_{lang}")
    page.tabs.setCurrentIndex(1)
    screenshot(page, f"results_page_charts_{lang}")
    qtbot.waitUntil(lambda: page.idle, timeout=10_000)


def test_every_column_fits_its_title_and_the_rows_on_screen(page) -> None:  # type: ignore[no-untyped-def]
    """The ranking's columns are sized from the texts of the rows on screen: none is narrower
    than Qt's own measure of its contents (the applicant's takes the width that is left)."""
    header = page.table.horizontalHeader()
    for column in range(page.model.columnCount()):
        if column == page.model.COL_APPLICANT:
            continue
        needed = max(page.table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, page.model.headerData(
            column, Qt.Orientation.Horizontal
        )
