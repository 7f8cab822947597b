"""A screenshot of every shell screen in Polish and in English (saved as artifacts)."""

from __future__ import annotations

import pytest

from app.ui.main_window import MainWindow
from tests.builders import to_scoring

SCREENS = (
    "competitions",
    "call",
    "criteria",
    "offers",
    "formal",
    "committee",
    "scoring",
    "results",
    "protocol",
    "audit",
)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_screenshots(qtbot, ui_ctx, language, screenshot, clock, lang) -> None:  # type: ignore[no-untyped-def]
    built = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)
    language(lang)
    ui_ctx.settings.language = lang
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.open_competition(built.competition_id)
    for key in SCREENS:
        window.show_page(key)
        qtbot.waitUntil(lambda: window.idle, timeout=20_000)  # the screen has read its data
        qtbot.wait(10)
        # no screen needs more than a 1280 × 800 window (it would grow past a laptop screen)
        assert window.minimumSizeHint().height() <= 800, key
        path = screenshot(window, f"{key}-{lang}")
        assert path.stat().st_size > 10_000
    status = window.status_label.text()
    assert ("ocena merytoryczna" in status) if lang == "pl" else ("scoring" in status)
    nav = [window.nav.item(n).text() for n in range(window.nav.count())]
    assert nav[1] == ("Ogłoszenie" if lang == "pl" else "Call")
