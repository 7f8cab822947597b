"""The scoring screen: a member's card typed into the grid, saved at once, imports previewed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from app.services import score_entry
from app.services.base import Actor
from app.services.specs import ScoreEntry
from app.ui.dialogs.import_preview import OfferChangesModel
from app.ui.pages.scoring_page import ScoringPage
from app.ui.scoring_models import CellState, GridRole
from tests import builders

D = Decimal


@pytest.fixture
def ctx(ui_ctx):  # type: ignore[no-untyped-def]
    return ui_ctx  # English interface (tests/ui/conftest.py); Polish in the screenshots


@pytest.fixture
def page(qtbot, ctx, actor, clock):  # type: ignore[no-untyped-def]
    built = builders.to_scoring(ctx.db, actor, clock)
    widget = ScoringPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()  # pages load when on screen, as in the window
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.set_competition(built.competition_id)
    widget.built = built
    yield widget
    qtbot.waitUntil(lambda: widget.idle, timeout=20_000)


def _choose(qtbot, page: ScoringPage, member: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a member in the list, as a user does, and wait for their card (read off the GUI
    thread)."""
    page.select_member(member)
    qtbot.waitUntil(lambda: page.idle and page.model.member_code == member, timeout=10_000)


def _type(qtbot, page: ScoringPage, offer: str, criterion: str, text: str) -> None:  # type: ignore[no-untyped-def]
    model = page.model
    source = model.index(model.row_of(offer), model.column_of(criterion))
    index = page.proxy.mapFromSource(source)
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    # the first key opens the editor in the cell, the rest go where a user's keys go
    qtbot.keyClicks(page.view, text[0])
    editor = page.view.focusWidget()
    assert editor is not page.view
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits the editor on the next turn of the event loop, as for a user
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)


def _stored(page: ScoringPage, member: str) -> dict[tuple[str, str], tuple[Decimal, str]]:
    return {
        (o, c): (v, j)
        for m, o, c, v, j in score_entry.visible_scores(
            page._ctx.db, Actor("t"), page.competition_id
        )
        if m == member
    }


def test_a_typed_score_with_its_justification_is_stored_at_once(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page, "M2")
    assert page.model.member_code == "M2"
    # the justification first: kept, not saved until a score is given (it is required)
    cell = page.proxy.mapFromSource(page.model.index(page.model.row_of("O1"), 2))
    page.view.setCurrentIndex(cell)
    page.justification.setPlainText("Realny harmonogram, doświadczony zespół.")
    page.commit_justification()
    assert _stored(page, "M2") == {}
    with qtbot.waitSignal(page.saves_settled, timeout=10_000):
        _type(qtbot, page, "O1", "K1", "7,5")
    assert _stored(page, "M2") == {
        ("O1", "K1"): (D("7.5"), "Realny harmonogram, doświadczony zespół.")
    }
    assert "1 of" in page.member_progress.text()
    assert page.model.index(page.model.row_of("O1"), page.model.progress_column).data() == "1 of 2"


def test_an_off_scale_score_is_refused_as_typed_and_kept_visible(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page, "M1")
    _type(qtbot, page, "O2", "K2", "6")  # K2 is scored 0–5
    source = page.model.index(page.model.row_of("O2"), page.model.column_of("K2"))
    assert source.data() == "6"
    assert source.data(GridRole.STATE) == CellState.INVALID
    assert "5" in page.status.text()
    assert _stored(page, "M1") == {}


def test_a_score_without_the_required_justification_waits(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page, "M1")
    _type(qtbot, page, "O3", "K1", "8")
    source = page.model.index(page.model.row_of("O3"), page.model.column_of("K1"))
    assert source.data(GridRole.STATE) == CellState.NEEDS_JUSTIFICATION
    assert _stored(page, "M1") == {}
    # giving the words saves the waiting score
    page.view.setCurrentIndex(page.proxy.mapFromSource(source))
    with qtbot.waitSignal(page.saves_settled, timeout=10_000):
        page.justification.setPlainText("Uzasadnienie oceny.")
        page.commit_justification()
    assert _stored(page, "M1") == {("O3", "K1"): (D("8"), "Uzasadnienie oceny.")}


def test_each_member_s_card_is_read_when_chosen_and_the_counts_stay_right(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    db, cid = page._ctx.db, page.competition_id
    score_entry.record_scores(db, Actor("t"), cid, "M2", [ScoreEntry("O1", "K1", D("7"), "Tak.")])
    page.reload()
    qtbot.waitUntil(lambda: page.idle, timeout=10_000)
    _choose(qtbot, page, "M1")
    # a score typed for M1, and M2 chosen before it is saved: the save ends first, then M2's
    # card is read; M1's count includes the score just typed, M2's card shows M2's score
    target = page.model.index(page.model.row_of("O1"), page.model.column_of("K2"))
    page.view.setCurrentIndex(page.proxy.mapFromSource(target))
    page.justification.setPlainText("Uzasadnienie.")
    page.commit_justification()
    _type(qtbot, page, "O1", "K2", "3")
    page.select_member("M2")
    assert page.model.rowCount() == 0  # no card to type into while M2's is read
    qtbot.waitUntil(lambda: page.idle and page.model.member_code == "M2", timeout=10_000)
    assert _stored(page, "M1") == {("O1", "K2"): (D("3"), "Uzasadnienie.")}
    cell = page.model.index(page.model.row_of("O1"), page.model.column_of("K1"))
    assert cell.data() == "7"
    assert page.model.member_progress()[0] == 1
    texts = [page.member_combo.itemText(i) for i in range(page.member_combo.count())]
    assert any(t.startswith("M1") and "1 of" in t for t in texts), texts
    assert any(t.startswith("M2") and "1 of" in t for t in texts), texts
    # and back to M1: the score typed before is on M1's card
    _choose(qtbot, page, "M1")
    back = page.model.index(page.model.row_of("O1"), page.model.column_of("K2"))
    assert back.data() == "3"
    # a score recorded elsewhere (another screen, the office) shows in that member's count and
    # card: the change makes the screen read everything again, not only the next card
    score_entry.record_scores(db, Actor("t"), cid, "M2", [ScoreEntry("O2", "K1", D("5"), "Też.")])
    page._ctx.notifier.competition_changed.emit(cid)
    qtbot.waitUntil(lambda: page.idle, timeout=10_000)
    texts = [page.member_combo.itemText(i) for i in range(page.member_combo.count())]
    assert any(t.startswith("M2") and "2 of" in t for t in texts), texts
    _choose(qtbot, page, "M2")
    assert page.model.index(page.model.row_of("O2"), page.model.column_of("K1")).data() == "5"


def test_a_card_read_again_lets_the_old_one_go(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    import weakref

    old = weakref.ref(page._data)
    page.reload()
    qtbot.waitUntil(lambda: page.idle and page._data is not old(), timeout=10_000)
    assert old() is None  # freed by reference counting, no collection needed


def test_recused_offer_cannot_be_edited(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page, "M3")  # recused from O2
    row = page.model.row_of("O2")
    assert page.model.is_recused(row)
    cell = page.model.index(row, page.model.column_of("K1"))
    assert not (page.model.flags(cell) & Qt.ItemFlag.ItemIsEditable)
    assert "M3" in page.member_combo.currentText()
    assert "0 of 4" in page.member_combo.currentText()  # 2 offers × 2 criteria due


def test_workbook_export_and_import_with_preview(qtbot, page, tmp_path: Path, screenshot) -> None:  # type: ignore[no-untyped-def]
    db, cid = page._ctx.db, page.competition_id
    entries = [
        ScoreEntry("O1", "K1", D("8"), "Dobrze."),
        ScoreEntry("O1", "K2", D("4.5"), "Rzetelnie."),
    ]
    score_entry.record_scores(db, Actor("t"), cid, "M2", entries)
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    _choose(qtbot, page, "M2")
    target = tmp_path / "M2.xlsx"
    page.export_member_workbook(str(target))
    qtbot.waitUntil(lambda: not page.last_task.running, timeout=20_000)
    assert target.stat().st_size > 1000
    # the scores in the returned file are gone from the database: the import brings them back
    for entry in entries:
        score_entry.delete_score(db, Actor("t"), cid, "M2", "O1", entry.criterion_code)
    seen = []

    def confirm(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog)
        screenshot(dialog, "scoring_import_preview")
        return True

    page.import_file(target, confirm=confirm)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    dialog = seen[0]
    assert dialog.import_button.isEnabled()
    offers = dialog.offers_model
    row = [offers.index(0, c).data() for c in range(5)]
    assert row == ["O1", "2", "0", "0", "0"]  # two new scores for O1, nothing else
    qtbot.waitUntil(lambda: len(_stored(page, "M2")) == 2, timeout=20_000)
    assert _stored(page, "M2")[("O1", "K2")] == (D("4.5"), "Rzetelnie.")
    # the grid reloads with the imported scores
    qtbot.waitUntil(lambda: page.idle and page.model.member_progress()[0] == 2, timeout=20_000)


def test_an_import_of_a_wrong_file_writes_nothing(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    seen = []
    page.import_file(bad, confirm=lambda dialog: seen.append(dialog) or True)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert not seen[0].import_button.isEnabled()
    assert seen[0].problems.toPlainText()
    assert _stored(page, "M2") == {}


def test_offer_changes_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OfferChangesModel(
        [
            ("O1", "K1", None, D("5"), "new"),
            ("O1", "K2", D("3"), D("4"), "changed"),
            ("O2", "K1", D("3"), D("3"), "unchanged"),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(5)] == ["O1", "1", "1", "0", "0"]


def test_grid_models_pass_the_model_tester(qtbot, qtmodeltester, page) -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page, "M1")
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_screenshots(qtbot, ctx, actor, clock, language, screenshot, lang: str) -> None:  # type: ignore[no-untyped-def]
    language(lang)
    ctx.settings.language = lang
    built = builders.to_scoring(ctx.db, actor, clock)
    page = ScoringPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.set_competition(built.competition_id)
    _choose(qtbot, page, "M3")
    _type(qtbot, page, "O1", "K2", "7")  # refused: off the scale, shown marked
    offer_header = page.model.headerData(0, Qt.Orientation.Horizontal)
    assert offer_header == {"pl": "Oferta", "en": "Offer"}[lang]
    assert page.member_progress.text().startswith({"pl": "Oceniono", "en": "Scored"}[lang])
    assert page.status.text().startswith({"pl": "Ocena 7", "en": "Score 7"}[lang])
    screenshot(page, f"scoring_page_{lang}")
    qtbot.waitUntil(lambda: page.idle, timeout=20_000)


# the benchmark shows a top-level table; offscreen Qt warns that it cannot pass size hints on
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_grid_benchmark_runs_at_small_scale(qapp, capsys) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.bench_gui_scoring import main

    assert main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "scoring grid 200 × 15" in out and "per-cell widgets in the grid: 0" in out
