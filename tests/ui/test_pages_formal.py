"""Formal check: the grid records answers, a rejection with its reason, a correction request."""

from __future__ import annotations

from datetime import timedelta

from app.models import CheckAnswer, FormalStatus
from app.services import registration, workflow
from app.ui.pages.formal import FormalPage
from tests.builders import DEADLINE, VALID_NIPS, announced, offer


def _at_formal_check(ui_ctx, clock) -> int:  # type: ignore[no-untyped-def]
    db, actor = ui_ctx.db, ui_ctx.actor()
    cid = announced(db, actor, clock)
    for number, (name, hours) in enumerate((("Alfa", 5), ("Beta", 3), ("Późna", -1))):
        registration.add_offer(db, actor, cid, offer(name, hours, "1000", VALID_NIPS[number]))
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(db, actor, cid)
    workflow.advance(db, actor, cid)
    return cid


def test_answers_rejection_and_correction(qtbot, ui_ctx, user_errors, clock, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = _at_formal_check(ui_ctx, clock)
    page = FormalPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)
    qtmodeltester.check(page.model)
    rows = page.model.view.rows
    assert rows[2].status is FormalStatus.REJECTED  # late: failed automatically
    assert "late" in page.model.index(2, 2).data()
    page.answer_all_yes(rows[0])
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.view.rows[0].status is FormalStatus.ADMITTED
    # typing N into a cell of the grid
    f3 = next(c for c in range(page.model.columnCount()) if page.model.headerData(c, 1) == "F3")
    page.answer_all_yes(page.model.view.rows[1])
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.setData(page.model.index(1, f3), "n")
    qtbot.waitUntil(lambda: page.idle)
    row = page.model.view.rows[1]
    assert dict(row.answers)["F3"] is CheckAnswer.NO and row.status is FormalStatus.REJECTED
    page.reject(row, "F3", "Oferta złożona na nieaktualnym wzorze.")
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.view.rows[1].rejection_reason == "Oferta złożona na nieaktualnym wzorze."
    # one correction request with a deadline
    deadline = page.request_correction(page.model.view.rows[1], "Złożyć ofertę na wzorze", 7)
    qtbot.waitUntil(lambda: page.idle)
    assert deadline == (DEADLINE + timedelta(days=1)).date() + timedelta(days=7)
    assert page.model.view.rows[1].status is FormalStatus.CORRECTION_REQUESTED
    assert page.request_correction(page.model.view.rows[1], "drugie", 7) is None
    qtbot.waitUntil(lambda: page.idle)
    assert user_errors and "jedno wezwanie" in user_errors[-1].text("pl")
    assert not user_errors[:-1]
