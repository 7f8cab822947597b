"""The criteria editor: the running sum, edits saved through the service, read-only later."""

from __future__ import annotations

import threading
from decimal import Decimal

from app.models import CompetitionKind
from app.scoring.types import CriterionKind, TieBreakerKind
from app.services import call_setup
from app.ui.pages.criteria import CriteriaPage
from app.ui.widgets.undo import undo_stack
from tests.builders import announced


def _page(qtbot, ui_ctx, cid):  # type: ignore[no-untyped-def]
    page = CriteriaPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)  # read off the GUI thread
    return page


def test_editing_the_card_and_the_running_sum(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    page = _page(qtbot, ui_ctx, cid)
    assert "35 points" in page.weight_sum.text()  # the classic art. 15 card
    weight = page.model.index(0, 5)
    assert page.model.setData(weight, "12")
    specs = call_setup.criteria_specs(ui_ctx.db, cid)
    assert specs[0].weight == Decimal(12)
    assert "37 points" in page.weight_sum.text()
    # a refused card (weight 0) is shown as a message and nothing changes
    page.model.setData(page.model.index(1, 5), "0")
    assert user_errors and "weight must be > 0" in user_errors[-1].text("en")
    assert call_setup.criteria_specs(ui_ctx.db, cid)[1].weight == Decimal(5)
    undo_stack(ui_ctx).undo()
    assert call_setup.criteria_specs(ui_ctx.db, cid)[0].weight == Decimal(10)


def test_banded_criterion_and_tie_chain(qtbot, ui_ctx, user_errors) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.INVESTOR, "I")
    page = _page(qtbot, ui_ctx, cid)
    page.add_criterion()
    row = page.model.rowCount() - 1
    page.table.selectRow(row)
    page.model.setData(page.model.index(row, 7), "experience_years")
    page.model.setData(page.model.index(row, 2), CriterionKind.BANDED.value)
    assert user_errors and "no bands" in user_errors[-1].text("en")  # refused until bands exist
    bands = page.parse_bands("0: 0; 3: 10; 5,5: 20")
    assert [b.points for b in bands] == [Decimal(0), Decimal(10), Decimal(20)]
    assert bands[2].from_value == Decimal("5.5")
    page.bands.setText("3 - 10")
    page.table.selectRow(row)
    page.tie_kind.setCurrentIndex(page.tie_kind.findData(TieBreakerKind.CRITERION.value))
    page.tie_ref.setText("E")
    page.add_tie_breaker()
    chain = call_setup.policy_spec(ui_ctx.db, cid).tie_breakers
    assert chain[-1].kind is TieBreakerKind.CRITERION and chain[-1].ref == "E"
    assert page.ties.count() == 3


def test_read_only_once_announced_with_the_reason(qtbot, ui_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    page = _page(qtbot, ui_ctx, cid)
    assert page.read_only
    assert "fixed when the call was announced" in page.banner.text()
    assert not page.add_button.isEnabled()
    assert not page.model.setData(page.model.index(0, 5), "3")
    assert call_setup.criteria_specs(ui_ctx.db, cid)[0].weight == Decimal(10)


def test_criteria_model_passes_the_model_tester(qtmodeltester, qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.PROVIDER, "P")
    page = _page(qtbot, ui_ctx, cid)
    qtmodeltester.check(page.model)


def test_the_card_is_read_off_the_gui_thread_and_typing_survives_a_re_read(
    qtbot, ui_ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid = call_setup.create_from_template(ui_ctx.db, ui_ctx.actor(), CompetitionKind.NGO_GRANT, "A")
    on_gui_thread: list[bool] = []
    real = call_setup.criteria_specs

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(call_setup, "criteria_specs", watched)
    page = _page(qtbot, ui_ctx, cid)
    assert on_gui_thread == [False]
    assert "35 points" in page.weight_sum.text()
    # the user is typing a threshold when another screen changes the competition: the
    # screen reads again, finds the same card and leaves the field as the user left it
    page.min_total.setFocus()
    page.min_total.selectAll()
    qtbot.keyClicks(page.min_total, "17")
    ui_ctx.notifier.competition_changed.emit(cid)
    qtbot.waitUntil(lambda: page.idle)
    assert on_gui_thread == [False, False]
    assert page.min_total.text() == "17"
