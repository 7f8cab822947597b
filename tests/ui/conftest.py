"""Fixtures for the desktop screens: a UI context on the test database, user-error capture,
isolated QSettings, the translations, and screenshots saved as artifacts."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from app.config import Settings
from app.db import Database
from app.errors import UserError
from app.ui.context import UiContext
from app.ui.widgets.page import wait_for_loads
from app.ui.widgets.undo import forget_stack
from app.ui.worker import stop_worker

ERROR_SITES = (
    "app.ui.widgets.page",
    "app.ui.widgets.undo",
    "app.ui.pages.call",
    "app.ui.pages.criteria",
    "app.ui.pages.offers",
    "app.ui.pages.formal",
    "app.ui.pages.committee",
    "app.ui.main_window",
    "app.ui.errors",
)


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    from app.buildtools import compile_translations

    compile_translations()


@pytest.fixture(scope="session", autouse=True)
def _worker_process_stopped() -> Iterator[None]:
    """The screens' worker process (``app.ui.worker``) ends with the tests, none is left."""
    yield
    stop_worker()
    assert not multiprocessing.active_children()


@pytest.fixture(autouse=True)
def _isolated_qsettings(qapp: object, tmp_path: Path) -> None:
    QCoreApplication.setOrganizationName("KomisjaTest")
    QCoreApplication.setApplicationName("KomisjaTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def language(qapp: object) -> Iterator[Callable[[str], None]]:
    """Switch the interface language for a test (English source strings or Polish .qm)."""
    from app.ui.i18n import install_translations

    def switch(lang: str) -> None:
        install_translations(lang)
        os.environ["KOMISJA_LANG"] = lang

    switch("en")
    yield switch
    install_translations("en")
    os.environ.pop("KOMISJA_LANG", None)


@pytest.fixture
def ui_ctx(db: Database, language: Callable[[str], None]) -> Iterator[UiContext]:
    ctx = UiContext(db=db, settings=Settings(operator="Jan Testowy", language="en"))
    yield ctx
    wait_for_loads()  # no screen still reads when the test database goes away
    forget_stack(ctx)


@pytest.fixture
def user_errors(monkeypatch: pytest.MonkeyPatch) -> list[UserError]:
    """Errors shown to the user, captured instead of opening a modal message box."""
    shown: list[UserError] = []

    def record(_parent: object, error: UserError) -> None:
        shown.append(error)

    for module in ERROR_SITES:
        monkeypatch.setattr(f"{module}.show_user_error", record, raising=False)
    return shown


@pytest.fixture
def screenshot(tmp_path: Path) -> Callable[[QWidget, str], Path]:
    folder = Path(os.environ.get("KOMISJA_ARTIFACTS", tmp_path)) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def save(widget: QWidget, name: str) -> Path:
        target = folder / f"{name}.png"
        assert widget.grab().save(str(target)), f"could not save {target}"
        return target

    return save


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot pass a top-level window's size hints on."""
    for item in items:
        if "tests/ui/" in item.path.as_posix():
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def settle(qtbot: object) -> Callable[[QWidget], QWidget]:
    """Wait until a screen (or the main window) has shown what it reads off the GUI thread."""

    def wait(widget: QWidget) -> QWidget:
        qtbot.waitUntil(lambda: widget.idle, timeout=10_000)  # type: ignore[attr-defined]
        return widget

    return wait
