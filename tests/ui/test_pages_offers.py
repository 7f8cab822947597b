"""Offers: an invalid NIP is refused naming the digit; the list filters; import preview."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app.services import registration
from app.ui.pages.offers import OffersPage
from tests.builders import DEADLINE, VALID_NIPS, announced, offer


def _page(qtbot, ui_ctx, cid):  # type: ignore[no-untyped-def]
    page = OffersPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_competition(cid)
    qtbot.waitUntil(lambda: page.idle)
    return page


def test_an_invalid_nip_is_refused_and_the_message_names_the_digit(
    qtbot, ui_ctx, user_errors, clock
) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    page = _page(qtbot, ui_ctx, cid)
    dialog = page.offer_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Fundacja Alfa")
    dialog.amount.setText("40 000,00")
    dialog.nip.setText("7251801127")  # last digit mistyped
    assert "digit 10 is 7" in dialog.problem.text() and "require 6" in dialog.problem.text()
    dialog.accept()
    assert user_errors and "digit 10" in user_errors[-1].text("en")
    assert registration.offer_table(ui_ctx.db, cid) == ()
    dialog.nip.setText(VALID_NIPS[1])
    assert dialog.problem.text() == ""
    dialog.accept()
    rows = registration.offer_table(ui_ctx.db, cid)
    assert [(r.code, r.nip, r.requested) for r in rows] == [
        ("O1", VALID_NIPS[1], Decimal("40000.00"))
    ]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the list re-read off the GUI thread


def test_the_list_sorts_and_filters(qtbot, ui_ctx, clock, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    for name, hours, amount in (("Beta", 5, "900.00"), ("Alfa", 3, "10000.00"), ("Gamma", 1, "50")):
        registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer(name, hours, amount))
    page = _page(qtbot, ui_ctx, cid)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    page.table.sortByColumn(6, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.AscendingOrder)
    amounts = [page.proxy.index(r, 2).data() for r in range(3)]
    assert amounts == ["Gamma", "Beta", "Alfa"]  # 50 < 900 < 10 000 (not text order)
    page.search.setText("alf")
    assert page.proxy.rowCount() == 1
    assert "1 of 3" in page.count.text()


def test_import_preview_shows_per_row_errors_and_writes_nothing(
    qtbot, ui_ctx, clock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    page = _page(qtbot, ui_ctx, cid)
    source = tmp_path / "oferty.csv"
    source.write_text(
        "Oferent;NIP;Data wpływu;Kwota wnioskowana\n"
        f"Fundacja Alfa;{VALID_NIPS[0]};10.01.2027 12:30;40 000,00\n"
        "Stowarzyszenie Beta;7251801127;11.01.2027 09:00;1 500,00\n",
        encoding="utf-8",
    )
    shown = []
    handle = page.import_file(source, confirm=lambda dialog: shown.append(dialog) or True)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    problems = dialog.model.index(1, 5).data()
    assert "digit 10" in problems
    assert dialog.model.index(0, 5).data() == "OK"
    assert handle is not None
    assert registration.offer_table(ui_ctx.db, cid) == ()


def test_a_valid_import_registers_the_offers(qtbot, ui_ctx, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    clock.set(DEADLINE - timedelta(days=2))
    page = _page(qtbot, ui_ctx, cid)
    source = tmp_path / "oferty.csv"
    source.write_text(
        "Oferent,Data wpływu,Kwota wnioskowana\nFundacja Alfa,2027-01-10 12:30,100\n",
        encoding="utf-8",
    )
    page.import_file(source, confirm=lambda dialog: True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.row_at(0).applicant == "Fundacja Alfa"


def test_attachments_keep_their_checksum(qtbot, ui_ctx, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.pages.offers import AttachmentsDialog

    cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
    registration.add_offer(ui_ctx.db, ui_ctx.actor(), cid, offer("Alfa", 3, "100"))
    page = _page(qtbot, ui_ctx, cid)
    file = tmp_path / "statut.pdf"
    file.write_bytes(b"%PDF-1.4 statut")
    dialog = AttachmentsDialog(page, page.model.row_at(0))
    qtbot.addWidget(dialog)
    digest = dialog.add_file(file)
    assert digest is not None and dialog.model.row_at(0).sha256 == digest
    qtbot.waitUntil(lambda: page.idle)
    assert page.model.row_at(0).attachments == 1
