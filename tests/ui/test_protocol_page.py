"""The protocol screen: blockers, the chair's sign-off, exports, preview, versions, reopening."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import signoff
from app.ui.pages.protocol_page import ProtocolPage
from tests import builders


@pytest.fixture
def page(qtbot, ui_ctx, actor, clock):  # type: ignore[no-untyped-def]
    built = builders.to_results(ui_ctx.db, actor, clock)
    widget = ProtocolPage(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()  # pages load when on screen, as in the window
    with qtbot.waitSignal(widget.refreshed, timeout=60_000):  # read off the GUI thread
        widget.set_competition(built.competition_id)
    widget.cid = built.competition_id
    yield widget
    qtbot.waitUntil(lambda: widget.idle, timeout=60_000)


def test_sign_off_by_the_chair_then_export_and_reopen(
    qtbot, page, tmp_path: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    assert page.chair_combo.currentData() == "M1"  # the chair is offered first
    assert page.sign_button.isEnabled()
    questions = []
    page.sign_off(confirm=lambda q: questions.append(q) or True)
    qtbot.waitUntil(lambda: page.idle, timeout=60_000)
    assert "Anna Wójcik" in questions[0]
    assert page.versions_model.rowCount() == 1
    assert page.versions_model.index(0, 2).data() == "Anna Wójcik"
    qtmodeltester.check(page.versions_model)
    assert not page.sign_button.isEnabled() and page.reopen_button.isEnabled()
    pdf, xlsx = tmp_path / "p.pdf", tmp_path / "p.xlsx"
    page.export("pdf", str(pdf))
    qtbot.waitUntil(lambda: page.idle, timeout=60_000)
    page.export("xlsx", str(xlsx))
    qtbot.waitUntil(lambda: page.idle, timeout=60_000)
    stored_pdf, stored_xlsx = signoff.version_bytes(page._ctx.db, page.cid, 1)
    assert pdf.read_bytes() == stored_pdf  # the export is the signed-off version, unchanged
    assert xlsx.read_bytes() == stored_xlsx
    assert pdf.read_bytes().startswith(b"%PDF")
    # reopening needs a reason and leaves version 1 readable
    page.reopen(dialog_hook=lambda d: d.reason.setPlainText("Błąd pisarski w uzasadnieniu") or True)
    qtbot.waitUntil(lambda: page.idle, timeout=60_000)  # the screen re-reads off the GUI thread
    assert page._status() == "results"
    assert "reopened" in page.versions_model.index(0, 4).data()
    assert signoff.version_bytes(page._ctx.db, page.cid, 1)[0] == stored_pdf


def test_a_member_who_is_not_the_chair_cannot_sign_off(qtbot, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page.chair_combo.setCurrentIndex(page.chair_combo.findData("M2"))
    errors = []
    from app.ui import pages

    handle_errors = pages.protocol_page.run_task

    def run_task(parent, fn, **kw):  # type: ignore[no-untyped-def]
        kw["on_error"] = errors.append
        return handle_errors(parent, fn, **kw)

    monkeypatch.setattr("app.ui.pages.protocol_page.run_task", run_task)
    page.sign_off(confirm=lambda q: True)
    qtbot.waitUntil(lambda: page.idle and bool(errors), timeout=60_000)
    assert errors[0].code == "only_chair"
    assert signoff.versions(page._ctx.db, page.cid) == []


@pytest.mark.external
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_preview_renders_the_pages(qtbot, ui_ctx, actor, clock, language, screenshot, lang) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import external_tool

    external_tool("pdftoppm")
    language(lang)
    ui_ctx.settings.language = lang
    built = builders.to_results(ui_ctx.db, actor, clock)
    page = ProtocolPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=60_000):
        page.set_competition(built.competition_id)
    assert page.blockers_list.item(0).text().startswith({"pl": "Nic", "en": "Nothing"}[lang])
    page.preview()
    qtbot.waitUntil(lambda: page.idle, timeout=60_000)
    assert page.preview_mode == "images"
    assert page.pages_layout.count() > 2  # at least one page image
    screenshot(page, f"protocol_page_{lang}")


def test_cancel_stops_an_export_before_anything_is_written(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "protokol.pdf"
    target.write_bytes(b"an older file the user keeps")
    page.export("pdf", str(target))
    page.last_task.cancel()  # the Cancel button of the progress dialog
    qtbot.waitUntil(lambda: not page.last_task.running, timeout=60_000)
    assert target.read_bytes() == b"an older file the user keeps"  # untouched
    assert not list(tmp_path.glob("*.part"))
    assert "Cancelled" in page.status.text()
    page.export("pdf", str(target))  # not cancelled: the whole file replaces the old one
    qtbot.waitUntil(lambda: not page.last_task.running, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")
