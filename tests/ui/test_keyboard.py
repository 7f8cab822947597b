"""Keyboard use of every screen, every dialog and the evaluator window: each control is reached
with Tab, in reading order, and has a name a screen reader can announce.

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
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
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
from app.services import call_setup, offline_issue, registration, workflow
from app.services.base import Actor
from app.services.demo import create_demo
from app.ui.context import UiContext
from app.ui.dialogs.decisions import (
    DiscrepancyDialog,
    ManualAwardDialog,
    ReasonDialog,
    TieOrderDialog,
)
from app.ui.dialogs.import_preview import ImportPreviewDialog as ScoreImportPreviewDialog
from app.ui.errors import CrashDialog
from app.ui.evaluator import EvaluatorWindow
from app.ui.main_window import MainWindow
from app.ui.pages.committee import MemberDialog
from app.ui.pages.competitions import NewCompetitionDialog
from app.ui.pages.offers import AttachmentsDialog, OfferDialog, OffersPage
from app.ui.pages.protocol_page import SignatureDialog
from app.ui.pages.scoring_page import ScoringPage
from app.ui.settings_dialog import SettingsDialog
from app.ui.widgets.page import wait_for_loads
from app.ui.widgets.undo import forget_stack
from tests.builders import DEADLINE, announced, call, offer, to_results, to_scoring

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
    draft = call_setup.create_competition(db, actor, call())
    submissions = announced(db, actor, clock)
    formal = announced(db, actor, clock)
    for name, hours in (("Fundacja Alfa", 48), ("Stowarzyszenie Beta", 30)):
        registration.add_offer(db, actor, submissions, offer(name, hours, "1000.00"))
        registration.add_offer(db, actor, formal, offer(name, hours, "1000.00"))
    clock.set(DEADLINE + timedelta(days=1))
    workflow.advance(db, actor, formal)  # submissions closed
    workflow.advance(db, actor, formal)  # the formal check
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


def _score_import_preview() -> Any:
    """What the score import's preview dialog reads (a file with one problem)."""
    rows = [
        ("O1", "K1", None, Decimal("7"), "new"),
        ("O1", "K2", Decimal("3"), Decimal("4"), "changed"),
        ("O2", "K1", Decimal("5"), Decimal("5"), "unchanged"),
    ]
    return SimpleNamespace(
        member_name="Anna Wójcik",
        member_code="M1",
        rows=rows,
        problems=["Row 4: „12” is more than the criterion's maximum 10."],
        already_imported=False,
        ok=False,
        counts=lambda: {"new": 1, "changed": 1, "unchanged": 1},
    )


def _offer_import_preview(qtbot, ctx: UiContext, page: OffersPage, tmp_path: Path) -> QDialog:  # type: ignore[no-untyped-def]
    source = tmp_path / "oferty.csv"
    source.write_text(
        "Oferent;NIP;Data wpływu;Kwota wnioskowana\n"
        "Fundacja Alfa;;10.01.2027 12:30;40 000,00\n"
        "Stowarzyszenie Beta;7251801127;11.01.2027 09:00;1 500,00\n",
        encoding="utf-8",
    )
    shown: list[QDialog] = []
    page.import_file(source, confirm=lambda dialog: shown.append(dialog) or False)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    return shown[0]


DIALOGS = (
    "settings",
    "new competition",
    "offer",
    "offer import preview",
    "attachments",
    "member",
    "reason",
    "tie order",
    "discrepancy",
    "manual award",
    "score import preview",
    "signature",
    "crash",
)


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_by_keyboard(qtbot, ui_ctx, clock, tmp_path, name: str) -> None:  # type: ignore[no-untyped-def]
    """Each dialog the application opens: every control named and reached by Tab in reading
    order (the dialogs are built as the screens build them, then checked while shown)."""
    criteria = [("K1", "Jakość", Decimal(10), Decimal(1)), ("K2", "Koszt", Decimal(5), Decimal(1))]
    page: OffersPage | None = None
    if name in ("offer import preview", "attachments"):
        cid = announced(ui_ctx.db, ui_ctx.actor(), clock)
        registration.add_offer(
            ui_ctx.db, ui_ctx.actor(), cid, offer("Fundacja Alfa", 48, "1000.00")
        )
        page = OffersPage(ui_ctx)
        qtbot.addWidget(page)
        page.show()
        page.set_competition(cid)
        qtbot.waitUntil(lambda: page.idle and page.model.rowCount() == 1, timeout=10_000)
    factories: dict[str, Any] = {
        "settings": lambda: SettingsDialog(ui_ctx.settings),
        "new competition": lambda: NewCompetitionDialog(),
        "offer": lambda: OfferDialog("en", ("Liczba uczestników",)),
        "offer import preview": lambda: _offer_import_preview(qtbot, ui_ctx, page, tmp_path),
        "attachments": lambda: AttachmentsDialog(page, page.model.row_at(0)),  # type: ignore[union-attr,arg-type]
        "member": lambda: MemberDialog(),
        "reason": lambda: ReasonDialog("Reopen scoring", "Why is the scoring reopened?"),
        "tie order": lambda: TieOrderDialog([("O1", "Fundacja Alfa"), ("O2", "Koło Gamma")]),
        "discrepancy": lambda: DiscrepancyDialog("O1", "Spread 6 points", criteria, "en"),
        "manual award": lambda: ManualAwardDialog(
            "O1", Decimal("40000"), None, Decimal("10000"), Decimal("100000"), "en"
        ),
        "score import preview": lambda: ScoreImportPreviewDialog(_score_import_preview(), "en"),
        "signature": lambda: SignatureDialog("Anna Wójcik"),
        "crash": lambda: CrashDialog("Traceback (most recent call last): …"),
    }
    dialog = factories[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    first = next(w for w in _focus_chain(dialog) if w in _controls(dialog))
    _check_keyboard(qtbot, first, dialog, name)


def _focus_chain(window: QWidget) -> list[QWidget]:
    """The window's widgets in Tab order, from the window itself."""
    chain, widget = [], window.nextInFocusChain()
    while widget is not window:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_the_evaluator_window_by_keyboard(qtbot, ui_ctx, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    built = to_scoring(ui_ctx.db, ui_ctx.actor(), clock)
    package = tmp_path / "M1.komisja"
    package.write_bytes(
        offline_issue.export_package(ui_ctx.db, ui_ctx.actor(), built.competition_id, "M1")
    )
    window = EvaluatorWindow(ui_ctx, package)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    model = window.model
    window.view.setCurrentIndex(  # a cell chosen: its justification box is enabled
        window.proxy.mapFromSource(model.index(model.row_of("O1"), model.column_of("K1")))
    )
    _check_keyboard(qtbot, window.view, window, "evaluator")


def _answer_modal_dialogs(qtbot, answers: list[str], problems: list[str], seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the next modal dialog is up, check it by keyboard and then answer it ("accept" or
    "reject"); the answers left are given to the dialogs that follow."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, check)
            return
        title = dialog.windowTitle()
        seen.append(title)
        try:
            qtbot.waitUntil(dialog.isActiveWindow)
            first = next(w for w in _focus_chain(dialog) if w in _controls(dialog))
            _check_keyboard(qtbot, first, dialog, title)
        except AssertionError as error:  # reported after the dialog is closed
            problems.append(str(error))
        answer = answers.pop(0)
        if answers:
            _answer_modal_dialogs(qtbot, answers, problems, seen)
        dialog.accept() if answer == "accept" else dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, check)


@pytest.mark.parametrize(
    ("action", "answers"),
    [
        ("rejection", ["accept", "reject"]),  # the requirement not met, then the reason
        ("correction", ["accept", "reject"]),  # what to correct, then the days
        ("late", ["reject"]),
        ("recusal", ["reject"]),
        ("sign-off", ["reject"]),
    ],
)
def test_the_questions_asked_on_the_screens_by_keyboard(
    qtbot, ui_ctx, clock, action: str, answers: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """The small questions the formal check, the committee and the sign-off ask."""
    db, actor = ui_ctx.db, ui_ctx.actor()
    if action == "sign-off":
        cid = to_results(db, actor, clock).competition_id
    else:
        cid = announced(db, actor, clock)
        registration.add_offer(db, actor, cid, offer("Fundacja Alfa", 48, "1000.00"))
        clock.set(DEADLINE + timedelta(days=1))
        workflow.advance(db, actor, cid)  # submissions closed
        workflow.advance(db, actor, cid)  # the formal check
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.open_competition(cid)
    key = {"recusal": "committee", "sign-off": "protocol"}.get(action, "formal")
    page: Any = window.show_page(key)
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
    problems: list[str] = []
    seen: list[str] = []
    expected = len(answers)
    _answer_modal_dialogs(qtbot, answers, problems, seen)
    if action == "recusal":
        page._ask_recusal("M1", "O1")
    elif action == "sign-off":
        page.sign_off()
    else:
        page.table.setCurrentIndex(page.model.index(0, 0))
        {"rejection": page._ask_reason, "correction": page._ask_correction}.get(
            action, page._ask_late
        )()
    assert len(seen) == expected, f"dialogs shown: {seen}"
    assert not problems, problems
    qtbot.waitUntil(lambda: window.idle, timeout=10_000)
