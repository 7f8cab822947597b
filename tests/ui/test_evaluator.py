"""Evaluator mode: a member opens their package, scores, the draft autosaves, the return imports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from app.services import offline, offline_issue, score_entry
from app.services.base import Actor
from app.ui.evaluator import EvaluatorWindow
from app.ui.scoring_models import CellState, GridRole
from tests import builders


def _type(qtbot, window, offer: str, criterion: str, text: str) -> None:  # type: ignore[no-untyped-def]
    model = window.model
    index = window.proxy.mapFromSource(model.index(model.row_of(offer), model.column_of(criterion)))
    window.view.setFocus()
    window.view.setCurrentIndex(index)
    qtbot.keyClicks(window.view, text[0])
    editor = window.view.focusWidget()
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.state() != QAbstractItemView.State.EditingState)


def test_member_scores_offline_and_the_return_imports(
    qtbot, ui_ctx, actor, clock, tmp_path: Path, screenshot
) -> None:  # type: ignore[no-untyped-def]
    db, ctx = ui_ctx.db, ui_ctx
    built = builders.to_scoring(db, actor, clock)
    package = tmp_path / "M3.komisja"
    package.write_bytes(offline_issue.export_package(db, actor, built.competition_id, "M3"))
    window = EvaluatorWindow(ctx, package)
    qtbot.addWidget(window)
    # only M3's card: O2 (recused) is not in the package at all
    assert [o.code for o in window.model.offers] == ["O1", "O3"]
    _type(qtbot, window, "O1", "K1", "12")
    cell = window.model.index(window.model.row_of("O1"), window.model.column_of("K1"))
    assert cell.data(GridRole.STATE) == CellState.INVALID
    for offer, values in (("O1", ("9", "4,5")), ("O3", ("5", "2,5"))):
        for criterion, value in zip(("K1", "K2"), values, strict=True):
            index = window.model.index(
                window.model.row_of(offer), window.model.column_of(criterion)
            )
            window.view.setCurrentIndex(window.proxy.mapFromSource(index))
            window.justification.setPlainText(f"Uzasadnienie {offer} {criterion}")
            window.commit_justification()
            _type(qtbot, window, offer, criterion, value)
    assert window.progress.text() == "Scored 4 of 4"
    # the draft autosaved: a new window opened on the same package shows the scores
    again = EvaluatorWindow(ctx, package)
    qtbot.addWidget(again)
    assert again.model.member_progress() == (4, 4)
    screenshot(window, "evaluator_window_en")
    target = tmp_path / "M3.komisja-return"
    assert window.write_return(finished=True, target=target)
    preview = offline.preview_package_return(db, target.read_bytes())
    assert preview.ok and preview.member_code == "M3"
    offline.import_package_return(db, actor, target.read_bytes())
    stored = {
        (o, c): v
        for m, o, c, v, _j in score_entry.visible_scores(db, Actor("t"), built.competition_id)
        if m == "M3"
    }
    assert stored == {
        ("O1", "K1"): Decimal("9"),
        ("O1", "K2"): Decimal("4.5"),
        ("O3", "K1"): Decimal("5"),
        ("O3", "K2"): Decimal("2.5"),
    }


def test_evaluator_in_polish(
    qtbot, ui_ctx, actor, clock, tmp_path: Path, language, screenshot
) -> None:  # type: ignore[no-untyped-def]
    language("pl")
    ui_ctx.settings.language = "pl"
    built = builders.to_scoring(ui_ctx.db, actor, clock)
    package = tmp_path / "M1.komisja"
    package.write_bytes(offline_issue.export_package(ui_ctx.db, actor, built.competition_id, "M1"))
    window = EvaluatorWindow(ui_ctx, package)
    qtbot.addWidget(window)
    _type(qtbot, window, "O2", "K2", "5,5")  # K2: 0–5
    assert window.finish_button.text().replace("&", "").startswith("Zakończono")
    assert "5,5" in window.status.text() and "0–5" in window.status.text()
    # finishing with an incomplete card is refused and nothing is written
    shown = []
    import app.ui.evaluator as evaluator_module

    original = evaluator_module.report_error
    evaluator_module.report_error = lambda _parent, error: shown.append(error)
    try:
        assert not window.write_return(finished=True, target=tmp_path / "r.komisja-return")
    finally:
        evaluator_module.report_error = original
    assert shown[0].code == "evaluator_incomplete"
    assert not (tmp_path / "r.komisja-return").exists()
    screenshot(window, "evaluator_window_pl")
