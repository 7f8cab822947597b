"""The whole procedure through the real widgets of the main window, as the office works it.

Create from a template → call → announce → offers (an invalid NIP refused) → formal check with
one rejection → committee with a recusal and an expert → scores typed into the grid → results
with a tie decision → sign-off by the chair → PDF and Excel export.  Each step asserts what a
user would check on the screen; the database is read only to confirm what the screen claims.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView

from app.models import CompetitionKind, CompetitionStatus, FormalStatus
from app.scoring.types import MemberRole
from app.services import call_setup, queries, registration
from app.services import results as results_service
from app.services.specs import MemberSpec
from app.ui.main_window import MainWindow
from app.ui.pages.protocol_page import ProtocolPage
from app.ui.pages.results_page import ResultsPage
from app.ui.pages.scoring_page import ScoringPage
from app.ui.widgets.fields import utc_to_qdatetime
from tests.builders import VALID_NIPS

D = Decimal
DEADLINE = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)  # 16:00 in Warsaw
OPENED = DEADLINE - timedelta(days=31)

# per offer and criterion K1..K6 (scales 10, 5, 10, 3, 3, 4): O1 and O3 end equal everywhere
SCORES = {
    "O1": ("8", "4", "8", "2", "2", "3"),
    "O2": ("6", "3", "6", "2", "1", "2"),
    "O3": ("8", "4", "8", "2", "2", "3"),
}


def _status(window: MainWindow) -> CompetitionStatus:
    assert window.competition_id is not None
    return queries.competition_detail(window.ctx.db, window.competition_id).summary.status


def _type(qtbot, page: ScoringPage, offer: str, criterion: str, text: str) -> None:  # type: ignore[no-untyped-def]
    model = page.model
    index = page.proxy.mapFromSource(model.index(model.row_of(offer), model.column_of(criterion)))
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    qtbot.keyClicks(page.view, text[0])
    editor = page.view.focusWidget()
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)


# showing a top-level window offscreen makes Qt warn that it cannot pass size hints on
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_whole_procedure_through_the_window(
    qtbot, ui_ctx, user_errors, clock, tmp_path: Path, screenshot
) -> None:  # type: ignore[no-untyped-def]
    clock.set(OPENED)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()

    # 1. create from the open-competition template: the call page opens with its card
    cid = window.competitions.create_competition(
        CompetitionKind.NGO_GRANT, "Wsparcie seniorów 2027"
    )
    assert cid is not None and window.competition_id == cid
    assert window.stack.currentWidget() is window.page("call")
    qtbot.waitUntil(lambda: window.idle)  # the screens and status bar read off the GUI thread
    assert "case reference" in window.status_label.text()

    # 2. the call: reference, dates, budget
    call = window.page("call")
    call.case_reference.setText("SO.524.3.2027")
    call.case_reference.editingFinished.emit()
    for field, day in ((call.announced_on, OPENED), (call.last_publication_on, OPENED)):
        field.enabled_box.setChecked(True)
        field.edit.setDate(QDate(day.year, day.month, day.day))
        field.changed.emit()
    call.deadline.enabled_box.setChecked(True)
    call.deadline.edit.setDateTime(utc_to_qdatetime(DEADLINE))
    call.deadline.changed.emit()
    assert call.deadline_warning.text() == ""  # 31 days: the 21-day rule is met
    call.add_year.click()
    assert call.budget_model.setData(call.budget_model.index(0, 1), "100 000,00")

    # the rules: the chain "K3, then the earlier submission" loses its second rule, so two
    # equal offers stay tied for the committee to decide
    criteria = window.show_page("criteria")
    criteria.set_competition(cid)
    qtbot.waitUntil(lambda: criteria.idle)  # read off the GUI thread
    assert criteria.ties.count() == 2
    criteria.ties.setCurrentRow(1)
    criteria.remove_tie_breaker()
    assert [t.kind.value for t in call_setup.policy_spec(ui_ctx.db, cid).tie_breakers] == [
        "criterion"
    ]

    # 3. committee (before the announcement: members are known from the act appointing it)
    committee = window.show_page("committee")
    for name, role in (
        ("Anna Wójcik", MemberRole.CHAIR),
        ("Piotr Zieliński", MemberRole.MEMBER),
        ("Ewa Łęcka", MemberRole.MEMBER),
        ("dr Jan Ekspert", MemberRole.EXPERT),
    ):
        assert committee.add_member(MemberSpec(name=name, role=role)) is not None
    for code in ("M1", "M2", "M3", "M4"):
        committee.sign_declaration(code, OPENED.date())
    qtbot.waitUntil(lambda: window.idle)
    assert committee.members_model.rowCount() == 4

    # 4. announce with "Next step"
    window.next_step()
    assert not user_errors, [e.text("en") for e in user_errors]
    assert _status(window) is CompetitionStatus.ANNOUNCED
    qtbot.waitUntil(lambda: window.idle)
    assert "announced" in window.status_label.text()

    # 5. offers: an invalid NIP is refused with the digit named, then four offers
    offers = window.show_page("offers")
    dialog = offers.offer_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Fundacja Alfa")
    dialog.amount.setText("40 000,00")
    dialog.nip.setText("7251801127")
    assert "digit 10" in dialog.problem.text()
    dialog.accept()
    assert user_errors and "digit 10" in user_errors[-1].text("en")
    assert registration.offer_table(ui_ctx.db, cid) == ()
    user_errors.clear()
    received = DEADLINE - timedelta(days=5)
    for number, (name, amount, late) in enumerate(
        (
            ("Fundacja Alfa", "40 000,00", False),
            ("Stowarzyszenie Beta", "30 000,00", False),
            ("Koło Gamma", "45 000,00", False),
            ("Fundacja Ostatnia", "10 000,00", False),
        )
    ):
        dialog = offers.offer_dialog()
        qtbot.addWidget(dialog)
        dialog.name.setText(name)
        dialog.amount.setText(amount)
        dialog.nip.setText(VALID_NIPS[number])
        when = received + timedelta(hours=number) if not late else DEADLINE + timedelta(hours=1)
        dialog.received.setDateTime(utc_to_qdatetime(when))
        assert dialog.problem.text() == ""
        dialog.accept()
    assert not user_errors, [e.text("en") for e in user_errors]
    qtbot.waitUntil(lambda: window.idle)
    assert offers.model.rowCount() == 4

    # 6. the deadline passes: close submissions, open the formal check
    clock.set(DEADLINE + timedelta(days=1))
    window.next_step()
    window.next_step()
    assert _status(window) is CompetitionStatus.FORMAL_CHECK

    # 7. formal check: three admitted, O4 rejected with its reason
    formal = window.show_page("formal")
    qtbot.waitUntil(lambda: window.idle)
    rows = formal.model.view.rows
    for row in rows[:3]:
        formal.answer_all_yes(row)
    formal.answer_all_yes(formal.model.view.rows[3])
    qtbot.waitUntil(lambda: window.idle)
    f3 = next(c for c in range(formal.model.columnCount()) if formal.model.headerData(c, 1) == "F3")
    assert formal.model.setData(formal.model.index(3, f3), "n")
    qtbot.waitUntil(lambda: window.idle)
    formal.reject(formal.model.view.rows[3], "F3", "Oferta bez wymaganych podpisów.")
    qtbot.waitUntil(lambda: window.idle)
    statuses = [r.status for r in formal.model.view.rows]
    assert statuses == [FormalStatus.ADMITTED] * 3 + [FormalStatus.REJECTED]

    # 8. the recusal: M3 is on the board of the applicant of O2
    committee = window.show_page("committee")
    committee.recuse("M3", "O2", "członek zarządu oferenta")
    assert queries.competition_detail(ui_ctx.db, cid).members[2].recused_from == ("O2",)

    window.next_step()
    assert not user_errors, [e.text("en") for e in user_errors]
    assert _status(window) is CompetitionStatus.SCORING

    # 9. scores typed into the grid, member by member, each with its justification
    scoring = window.show_page("scoring")
    assert isinstance(scoring, ScoringPage)
    qtbot.waitUntil(lambda: scoring.data is not None and scoring.idle, timeout=20_000)
    criteria_codes = [c.code for c in scoring.data.criteria]
    assert criteria_codes == ["K1", "K2", "K3", "K4", "K5", "K6"]
    for member in ("M1", "M2", "M3", "M4"):
        scoring.select_member(member)  # the member's card is read off the GUI thread
        qtbot.waitUntil(
            lambda m=member: scoring.idle and scoring.model.member_code == m, timeout=20_000
        )
        for offer, values in SCORES.items():
            if member == "M3" and offer == "O2":
                row = scoring.model.row_of("O2")
                assert not scoring.model.cell_editable(row, scoring.model.column_of("K1"))
                continue
            for code, value in zip(criteria_codes, values, strict=True):
                if member == "M4":
                    value = "1"  # the expert's scores are recorded and never counted
                source = scoring.model.index(
                    scoring.model.row_of(offer), scoring.model.column_of(code)
                )
                scoring.view.setCurrentIndex(scoring.proxy.mapFromSource(source))
                scoring.justification.setPlainText(f"Ocena {value}: uzasadnienie {member}.")
                scoring.commit_justification()
                _type(qtbot, scoring, offer, code, value)
        qtbot.waitUntil(lambda: scoring.idle, timeout=30_000)
        given, due = scoring.model.member_progress()
        assert given == due == (12 if member == "M3" else 18)
        assert scoring.member_progress.text().startswith(f"Scored {due} of {due}")
    screenshot(scoring, "e2e_scoring")
    assert not user_errors, [e.text("en") for e in user_errors]
    scoring.close_button.click()
    assert _status(window) is CompetitionStatus.RESULTS

    # 10. results: O1 and O3 tied; the committee records its order
    results = window.show_page("results")
    assert isinstance(results, ResultsPage)
    qtbot.waitUntil(lambda: results.view_data is not None and results.idle, timeout=20_000)
    assert "O1, O3" in results.headline.text()
    assert results.tie_button.isEnabled()

    def decide(dialog):  # type: ignore[no-untyped-def]
        dialog.list.setCurrentRow(1)
        dialog.move_selected(-1)
        dialog.reason.setPlainText("Komisja głosowała 3:0 za ofertą O3.")
        return True

    with qtbot.waitSignal(results.refreshed, timeout=20_000):
        results.record_tie(dialog_hook=decide)
    qtbot.waitUntil(lambda: results.idle, timeout=20_000)
    ranking = [
        (results.proxy.index(r, 0).data(), results.proxy.index(r, 1).data())
        for r in range(results.proxy.rowCount())
    ]
    # O2 scores 20 points, under the call's threshold of 21: listed, flagged, not ranked
    assert ranking[:3] == [("1", "O3"), ("2", "O1"), ("—", "O2")]
    o2_flags = results.model.index(results.model.row_of("O2"), results.model.col_flags).data()
    assert "below threshold" in o2_flags and "recused members" in o2_flags
    assert "Awarded" in results.allocation.text()
    view = results_service.results(ui_ctx.db, cid)
    assert view.results.offer("O3").award == D("45000.00")
    results.select_offer("O1", column=results.model.col_total)
    qtbot.waitUntil(lambda: results.idle, timeout=20_000)  # the "why" is worded in the worker
    assert "M4" in results.why.toPlainText()  # the expert is listed as not counted
    screenshot(results, "e2e_results")

    # 11. sign-off by the chair, then PDF and Excel
    protocol = window.show_page("protocol")
    assert isinstance(protocol, ProtocolPage)
    protocol.reload()
    qtbot.waitUntil(lambda: protocol.idle and protocol.detail is not None, timeout=60_000)
    assert protocol.blockers_list.item(0).text().startswith("Nothing")
    assert protocol.chair_combo.currentData() == "M1"
    protocol.sign_off(confirm=lambda question: "Anna Wójcik" in question)
    qtbot.waitUntil(
        lambda: protocol.idle and protocol.versions_model.rowCount() == 1, timeout=60_000
    )
    assert _status(window) is CompetitionStatus.SIGNED_OFF
    pdf, xlsx = tmp_path / "protokol.pdf", tmp_path / "protokol.xlsx"
    protocol.export("pdf", str(pdf))
    qtbot.waitUntil(lambda: protocol.idle, timeout=60_000)
    protocol.export("xlsx", str(xlsx))
    qtbot.waitUntil(lambda: protocol.idle, timeout=60_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(xlsx)
    assert "SO.524.3.2027" in protocol.headline.text()
    screenshot(protocol, "e2e_protocol")
    assert not user_errors, [e.text("en") for e in user_errors]
