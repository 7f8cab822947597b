"""Keyboard use of every screen: each control is reached with Tab, in reading order, and has a
name a screen reader can announce.

The walk presses Tab from the navigation list until focus comes back to it, as a user would.
Reading order is decided level by level: two controls are compared through the widgets or
layouts that hold them just below their common ancestor (a table, a side panel, a group box or
a column of a layout counts as one block); blocks side by side (their heights overlap by more
than half a row) read left to right, others top to bottom.  The screens are checked with
competitions at four steps, since each step enables other controls.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.config import Settings
from app.db import Database
from app.services import procedure
from app.services.base import Actor
from app.services.demo import create_demo
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.scoring_page import ScoringPage
from app.ui.settings_dialog import SettingsDialog
from app.ui.widgets.page import wait_for_loads
from app.ui.widgets.undo import forget_stack
from tests.builders import DEADLINE, announced, call, offer, to_scoring

PAGES = (
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
INTERACTIVE = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
)
MAX_TABS = 300  # more presses than any screen needs: focus is caught in a control
ROW = 24  # about one row of controls, in pixels


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The demo competitions (all at the results step), created once for the module; the
    file and the open competition's id."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        first_id, _title = create_demo(db, Actor(operator="Jan Testowy"))[0]
    finally:
        db.dispose()
    return path, first_id


@pytest.fixture
def demo_ctx(
    demo_file: tuple[Path, int], tmp_path: Path, language: object, clock: Any
) -> Iterator[tuple[UiContext, dict[str, int]]]:
    """A copy of the demo database, plus competitions at the steps where other controls are
    enabled: a draft (the call and the criteria), one taking offers, one in the formal check."""
    source, demo_id = demo_file
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(source, copy)
    db = Database.open(f"sqlite:///{copy}")
    ctx = UiContext(db=db, settings=Settings(operator="Jan Testowy", language="en"))
    actor = ctx.actor()
    draft = procedure.create_competition(db, actor, call())
    submissions = announced(db, actor, clock)
    formal = announced(db, actor, clock)
    for name, hours in (("Fundacja Alfa", 48), ("Stowarzyszenie Beta", 30)):
        procedure.add_offer(db, actor, submissions, offer(name, hours, "1000.00"))
        procedure.add_offer(db, actor, formal, offer(name, hours, "1000.00"))
    clock.set(DEADLINE + timedelta(days=1))
    procedure.advance(db, actor, formal)  # submissions closed
    procedure.advance(db, actor, formal)  # the formal check
    clock.set(DEADLINE - timedelta(days=2))
    competitions = {
        "results": demo_id,
        "draft": draft,
        "submissions": submissions,
        "formal": formal,
    }
    yield ctx, competitions
    wait_for_loads()
    forget_stack(ctx)
    db.dispose()


def _controls(page: QWidget) -> list[QWidget]:
    """The visible, enabled controls a user works with (not the parts of other controls)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if _part_of_control(widget, page):
            continue
        found.append(widget)
    return found


def _part_of_control(widget: QWidget, page: QWidget) -> bool:
    """A line edit in a spin box or combo, a table's corner button, a scroll arrow…"""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, INTERACTIVE):
            return True
        parent = parent.parentWidget()
    return False


def _owner(widget: QWidget | None, controls: list[QWidget]) -> QWidget | None:
    while widget is not None:
        if widget in controls:
            return widget
        widget = widget.parentWidget()
    return None


def _walk(qtbot, start: QWidget, controls: list[QWidget]) -> tuple[list[QWidget], int]:  # type: ignore[no-untyped-def]
    """Tab from ``start`` round to it again: the controls in the order reached and the presses
    it took (``MAX_TABS`` when focus never came back)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    order: list[QWidget] = [start] if start in controls else []
    for presses in range(1, MAX_TABS + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return order, presses
        owner = _owner(focused, controls)
        if owner is not None and owner not in order:
            order.append(owner)
    return order, MAX_TABS


def _check_keyboard(qtbot, start: QWidget, page: QWidget, where: str) -> None:  # type: ignore[no-untyped-def]
    """Every control of ``page`` named, reached by Tab from ``start`` and in reading order."""
    controls = _controls(page)
    assert controls, f"no control found on {where}"

    unnamed = [_describe(w) for w in controls if not _name(w)]
    assert not unnamed, f"{where}: controls without an accessible name: {unnamed}"

    order, presses = _walk(qtbot, start, controls)
    caught = _owner(QApplication.focusWidget(), controls) or QApplication.focusWidget()
    assert presses < MAX_TABS, f"{where}: Tab never leaves {_describe(caught)}"
    missed = [_describe(w) for w in controls if w not in order]
    assert not missed, f"{where}: not reached by Tab: {missed}"

    backwards = [
        f"{_describe(second)} is reached after {_describe(first)} but reads before it"
        for n, first in enumerate(order)
        for second in order[n + 1 :]
        if _reads_before(second, first, page) is True
    ]
    assert not backwards, f"{where}: Tab order against reading order: {backwards}"


def _layout_path(layout: QLayout, target: QWidget) -> list[QLayout] | None:
    """The nested layouts, outermost first, that place ``target`` in ``layout``."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is target:
            return [layout]
        inner = item.layout()
        if inner is not None:
            found = _layout_path(inner, target)
            if found is not None:
                return [layout, *found]
    return None


def _path(widget: QWidget, page: QWidget) -> list[QWidget | QLayout]:
    """From the page down to ``widget``: every widget and every (nested) layout in between, so
    a column of a layout is a block like a panel widget is."""
    chain = [widget]
    while chain[-1] is not page:
        parent = chain[-1].parentWidget()
        assert parent is not None, f"{widget!r} is not on the page"
        chain.append(parent)
    chain.reverse()
    path: list[QWidget | QLayout] = []
    for outer, inner in itertools.pairwise(chain):
        path.append(outer)
        if outer.layout() is not None:
            path.extend(_layout_path(outer.layout(), inner) or [])
    path.append(widget)
    return path


def _reads_before(first: QWidget, second: QWidget, page: QWidget) -> bool | None:
    """True if ``first`` comes before ``second`` in reading order, False if after."""
    a, b = _path(first, page), _path(second, page)
    level = 0
    while level < min(len(a), len(b)) and a[level] is b[level]:
        level += 1
    if level == len(a) or level == len(b):
        return None  # one holds the other
    # the two blocks below the common ancestor, both in the coordinates of the same widget
    block_a, block_b = QRect(a[level].geometry()), QRect(b[level].geometry())
    overlap = min(block_a.bottom(), block_b.bottom()) - max(block_a.top(), block_b.top())
    if overlap > min(ROW, block_a.height(), block_b.height()) // 2:  # side by side
        return block_a.left() < block_b.left()
    return block_a.top() < block_b.top()


def _name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, a buddy label, or the text."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def _describe(widget: QWidget) -> str:
    text = _name(widget) or widget.objectName() or "?"
    return f"{type(widget).__name__}({text!r})"


@pytest.mark.parametrize("competition", ["draft", "submissions", "formal", "results"])
@pytest.mark.parametrize("key", PAGES)
def test_every_control_is_reached_by_tab_in_reading_order_and_named(
    qtbot, demo_ctx, key, competition
) -> None:  # type: ignore[no-untyped-def]
    ctx, competitions = demo_ctx
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.open_competition(competitions[competition])
    page = window.show_page(key)
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    _check_keyboard(qtbot, window.nav, page, key)


def test_the_settings_dialog_by_keyboard(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ui_ctx.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    _check_keyboard(qtbot, dialog.operator, dialog, "settings")


def test_tab_in_a_score_being_typed_moves_to_the_next_cell_and_otherwise_leaves_the_grid(
    qtbot, ui_ctx, clock
) -> None:  # type: ignore[no-untyped-def]
    built = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)
    page = ScoringPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: page.isActiveWindow())
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.set_competition(built.competition_id)
    page.select_member("M1")
    model, view = page.model, page.view
    first = model.index(model.row_of("O1"), model.column_of("K1"))
    view.setFocus()
    view.setCurrentIndex(page.proxy.mapFromSource(first))
    qtbot.keyClicks(view, "7")  # the first key opens the editor in the cell
    editor = QApplication.focusWidget()
    assert editor is not view and view.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    # the score is entered and the next criterion of the same offer is being edited
    qtbot.waitUntil(lambda: first.data() == "7")
    current = page.proxy.mapToSource(view.currentIndex())
    assert (current.row(), current.column()) == (first.row(), model.column_of("K2"))
    assert view.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    # not typing: Tab goes on to the next control instead of walking through every cell
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    assert not view.isAncestorOf(QApplication.focusWidget())
    qtbot.waitUntil(lambda: page.idle, timeout=10_000)
