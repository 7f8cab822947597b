"""The main window: navigation, the screens, the status bar with the next step, menus."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QObject, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import __version__
from app.config import log_file
from app.errors import UserError
from app.services import workflow
from app.services.workflow import ShellStatus
from app.ui.context import UiContext
from app.ui.errors import show_user_error
from app.ui.i18n import install_translations
from app.ui.pages.audit import AuditPage
from app.ui.pages.call import CallPage
from app.ui.pages.committee import CommitteePage
from app.ui.pages.competitions import CompetitionsPage
from app.ui.pages.criteria import CriteriaPage
from app.ui.pages.formal import FormalPage
from app.ui.pages.offers import OffersPage
from app.ui.pages.protocol_page import ProtocolPage
from app.ui.pages.results_page import ResultsPage
from app.ui.pages.scoring_page import ScoringPage
from app.ui.settings_dialog import SettingsDialog
from app.ui.tasks import TaskHandle
from app.ui.widgets.labels import status_text
from app.ui.widgets.page import AsyncLoader, finish_cell_editing
from app.ui.widgets.undo import undo_stack

log = logging.getLogger(__name__)

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
MAX_RECENT = 8
REBUILD_POLL_MS = 20  # how often a language switch looks whether the screens finished reading


def app_icon() -> QIcon:
    return QIcon(str(ICONS / "komisja.svg"))


class MainWindow(QMainWindow):
    """The shell.  Its screens, menus and toolbar are built by ``_build_ui`` and built again
    when the user switches the language in Settings (``apply_language``): the open
    competition, the screen shown, the window's geometry and toolbar and the recent list stay
    as they were, and so does what the user set on each screen (``ShellPage.view_state``:
    search, filters, sorting, the selected object) and an open evaluator window follows the
    new language too; only the undo history (whose commands belong to the old screens) is cleared.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle("Komisja")
        self.setWindowIcon(app_icon())
        self.competition_id: int | None = None
        self.undo = undo_stack(ctx)
        self._settings = QSettings()
        self._rebuild_wanted = False
        self._chrome: QObject | None = None  # owns the actions of the menus and the toolbar
        self._toolbar: QToolBar | None = None
        self._evaluator: QWidget | None = None  # the evaluator window opened from here

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.status_loader = AsyncLoader(self, lambda: self.competition_id, self._status_failed)
        self._build_ui()
        self._restore()
        ctx.notifier.competition_changed.connect(self._competition_changed)
        self._update_status()

    def _build_ui(self) -> None:
        """The navigation, every screen, the menus and the toolbar in the current language."""
        ctx = self.ctx
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)

        self.competitions = CompetitionsPage(ctx, self)
        self.pages: list[tuple[str, str, QWidget]] = [
            ("competitions", self.tr("Competitions"), self.competitions),
            ("call", self.tr("Call"), CallPage(ctx, self)),
            ("criteria", self.tr("Criteria and rules"), CriteriaPage(ctx, self)),
            ("offers", self.tr("Offers"), OffersPage(ctx, self)),
            ("formal", self.tr("Formal check"), FormalPage(ctx, self)),
            ("committee", self.tr("Committee"), CommitteePage(ctx, self)),
            ("scoring", self.tr("Scoring"), ScoringPage(ctx, self)),
            ("results", self.tr("Results"), ResultsPage(ctx, self)),
            ("protocol", self.tr("Protocol"), ProtocolPage(ctx, self)),
            ("audit", self.tr("Audit trail"), AuditPage(ctx, self)),
        ]
        for key, title, page in self.pages:
            item = QListWidgetItem(title)
            icon = ICONS / f"{key}.svg"
            if icon.exists():
                item.setIcon(QIcon(str(icon)))
            self.nav.addItem(item)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.setCentralWidget(central)  # a previous central widget (old screens) is deleted
        self.competitions.open_requested.connect(self.open_competition)
        self.status_label.setAccessibleName(self.tr("Competition status"))
        self._build_actions()

    # -- actions and menus ---------------------------------------------------------------------

    def _build_actions(self) -> None:
        chrome = self._chrome = QObject(self)
        menu = QMenuBar(self)
        self.setMenuBar(menu)  # the previous menu bar (old language) is deleted
        file_menu = menu.addMenu(self.tr("&File"))
        self.new_action = file_menu.addAction(self.tr("&New competition…"))
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self._new)
        self.evaluator_action = file_menu.addAction(self.tr("Open &evaluator package…"))
        self.evaluator_action.setShortcut(QKeySequence.StandardKey.Open)
        self.evaluator_action.triggered.connect(self._choose_package)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent competitions"))
        file_menu.addSeparator()
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.show_settings)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        edit_menu = menu.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo.createUndoAction(chrome, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo.createRedoAction(chrome, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        view_menu = menu.addMenu(self.tr("&View"))
        for number, (_key, title, _page) in enumerate(self.pages):
            action = view_menu.addAction(title)
            if number < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _c=False, n=number: self.nav.setCurrentRow(n))
        view_menu.addSeparator()
        refresh = view_menu.addAction(self.tr("&Refresh"))
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self._refresh)

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Log file")).triggered.connect(self._open_log)
        help_menu.addAction(self.tr("&About Komisja")).triggered.connect(self._about)

        self.next_action = QAction(self.tr("Next &step"), chrome)
        self.next_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.next_action.triggered.connect(self.next_step)
        toolbar = QToolBar(self.tr("Procedure"), self)
        toolbar.setObjectName("procedureToolbar")
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.next_action)
        self.addToolBar(toolbar)
        self._toolbar = toolbar

    # -- the open competition ------------------------------------------------------------------

    def open_competition(self, competition_id: int | None) -> None:
        self.competition_id = competition_id
        self.undo.clear()  # undo never reaches into another competition
        for _key, _title, page in self.pages:
            page.set_competition(competition_id)  # type: ignore[attr-defined]
        if competition_id is not None:
            self._remember(competition_id)
            self.nav.setCurrentRow(1)
            self.ctx.notifier.current_competition.emit(competition_id)
        self._update_status()

    def page(self, key: str) -> QWidget:
        return next(page for name, _title, page in self.pages if name == key)

    def show_page(self, key: str) -> QWidget:
        index = next(n for n, (name, _t, _p) in enumerate(self.pages) if name == key)
        self.nav.setCurrentRow(index)
        return self.pages[index][2]

    def _competition_changed(self, competition_id: int) -> None:
        if competition_id == self.competition_id:
            self._update_status()

    def _refresh(self) -> None:
        page = self.stack.currentWidget()
        if (
            page is not None
            and hasattr(page, "refresh")
            and (getattr(page, "competition_id", None) is not None or page is self.competitions)
        ):
            page.refresh()
        self._update_status()

    @property
    def idle(self) -> bool:
        """No screen and not the status bar is reading, and no language switch waits (tests
        and benchmarks wait for this)."""
        return (
            not self._rebuild_wanted
            and self.status_loader.idle
            and all(getattr(page, "idle", True) for _key, _title, page in self.pages)
        )

    def _update_status(self) -> None:
        """Re-read the status bar off the GUI thread; it keeps its text until then."""
        cid = self.competition_id
        if cid is None:
            self.status_label.setText(self.tr("No competition open."))
            self.next_action.setEnabled(False)
            self.setWindowTitle("Komisja")
            return
        db, lang = self.ctx.db, self.ctx.lang
        self.status_loader.request(lambda: workflow.shell_status(db, cid, lang), self._show_status)

    def _status_failed(self, error: BaseException, trace: str) -> None:
        if isinstance(error, UserError):  # the competition is gone (another window deleted it)
            self.competition_id = None
            self._update_status()
            return
        from app.ui.errors import report_error

        report_error(self, error, trace)

    def _show_status(self, status: ShellStatus) -> None:
        self.setWindowTitle(f"{status.case_reference or status.title} — Komisja")
        text = self.tr("Status: %1").replace("%1", status_text(status.status))
        if status.next_status is not None:
            if status.missing:
                text += "  ·  " + self.tr("Next step (%1) needs: %2").replace(
                    "%1", status_text(status.next_status)
                ).replace("%2", "; ".join(status.missing))
            else:
                text += "  ·  " + self.tr("Ready for the next step: %1").replace(
                    "%1", status_text(status.next_status)
                )
        self.status_label.setText(text)
        self.status_label.setToolTip("\n".join(status.missing))
        self.next_action.setEnabled(status.next_status is not None)

    def next_step(self) -> None:
        if self.competition_id is None:
            return
        try:
            workflow.advance(self.ctx.db, self.ctx.actor(), self.competition_id)
        except UserError as error:
            show_user_error(self, error)
            return
        self.undo.clear()
        self.ctx.notifier.competition_changed.emit(self.competition_id)
        self.ctx.notifier.competitions_changed.emit()

    # -- files, settings, help -----------------------------------------------------------------

    def _new(self) -> None:
        self.nav.setCurrentRow(0)
        self.competitions.create_from_template()

    def _choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an evaluator package"),
            "",
            self.tr("Evaluator packages (*.komisja)"),
        )
        if path:
            self.open_package(Path(path))

    def open_package(self, path: Path) -> QWidget:
        from app.ui.evaluator import EvaluatorWindow

        window = EvaluatorWindow(self.ctx, path)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # chosen in the evaluator's own settings (the main window may be hidden): both switch
        window.language_chosen.connect(self.apply_language)
        window.show()
        self._evaluator = window
        return window

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.ctx.settings, self)
        try:
            if dialog.exec() and dialog.apply():
                self.apply_language(self.ctx.lang)
        finally:
            dialog.deleteLater()

    # -- the language --------------------------------------------------------------------------

    def apply_language(self, language: str) -> None:
        """Switch the interface to ``language`` now: translators, number and date formats, and
        the screens built again around the same competition and screen."""
        install_translations(language)
        if "KOMISJA_LANG" in os.environ:  # the process-wide override follows the user's choice
            os.environ["KOMISJA_LANG"] = language
        evaluator = self._evaluator
        if evaluator is not None and shiboken6.isValid(evaluator):  # not closed (deleted)
            evaluator.apply_language()  # type: ignore[attr-defined]
        self._flush_edits()
        self._rebuild_wanted = True
        self._rebuild_when_idle()

    def _flush_edits(self) -> None:
        """Save what the user is typing before its screen goes (a justification waits for a
        pause in typing, a score in a cell until Enter)."""
        finish_cell_editing(self.stack)
        for _key, _title, page in self.pages:
            commit = getattr(page, "commit_justification", None)
            if callable(commit):
                commit()

    def _old_ui_busy(self) -> bool:
        """A screen still reads or saves: its result must reach its own widgets, not deleted
        ones, so the rebuild waits (reads take milliseconds; a save is never dropped)."""
        central = self.stack  # every screen and everything it started lives under it
        if any(not loader.idle for loader in central.findChildren(AsyncLoader)):
            return True
        if any(handle.running for handle in central.findChildren(TaskHandle)):
            return True
        return not all(getattr(page, "idle", True) for _key, _title, page in self.pages)

    def _rebuild_when_idle(self) -> None:
        if not self._rebuild_wanted:
            return
        if self._old_ui_busy():
            QTimer.singleShot(REBUILD_POLL_MS, self._rebuild_when_idle)
            return
        self._rebuild_wanted = False
        self._rebuild_ui()

    def _rebuild_ui(self) -> None:
        shown = self.pages[self.stack.currentIndex()][0]
        competition_id = self.competition_id
        views = {key: page.view_state() for key, _title, page in self.pages}  # type: ignore[attr-defined]
        state = self.saveState()
        self.undo.clear()  # its commands hold on to the old screens
        if self._toolbar is not None:
            self.removeToolBar(self._toolbar)
            self._toolbar.deleteLater()
        if self._chrome is not None:
            self._chrome.deleteLater()
        self._build_ui()
        self.restoreState(state)
        for key, _title, page in self.pages:
            # search, filters and the selected object come back once the rows are read again
            page.restore_view_state(views.get(key, {}))  # type: ignore[attr-defined]
            page.set_competition(competition_id)  # type: ignore[attr-defined]
        self.show_page(shown)
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)  # the focused control was deleted
        self._fill_recent()
        log.info("interface rebuilt in %s", self.ctx.lang)
        self._update_status()

    def _open_log(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file())))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Komisja"),
            self.tr(
                "Komisja %1 — selection competitions from the call to the signed protocol."
            ).replace("%1", __version__)
            + "\n"
            + self.tr("Log file: %1").replace("%1", str(log_file())),
        )

    # -- remembered state ----------------------------------------------------------------------

    def recent(self) -> list[int]:
        raw = self._settings.value("recent", [])
        values = raw if isinstance(raw, list) else [raw] if raw else []
        out: list[int] = []
        for value in values:
            if not isinstance(value, int | str):  # saved as strings; anything else is no id
                continue
            try:
                out.append(int(value))
            except ValueError:
                continue
        return out

    def _remember(self, competition_id: int) -> None:
        recent = [competition_id, *[c for c in self.recent() if c != competition_id]]
        self._settings.setValue("recent", [str(c) for c in recent[:MAX_RECENT]])
        self._fill_recent()

    def _fill_recent(self) -> None:
        from app.services import queries

        self.recent_menu.clear()
        known = queries.competition_labels(self.ctx.db)  # on the GUI thread: one small read
        for competition_id in self.recent():
            if competition_id not in known:
                continue
            reference, title = known[competition_id]
            label = f"{reference or '—'}  {title}"
            action = self.recent_menu.addAction(label)
            action.triggered.connect(
                lambda _c=False, cid=competition_id: self.open_competition(cid)
            )
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _restore(self) -> None:
        geometry = self._settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self._fill_recent()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802  (Qt's name)
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue("state", self.saveState())
        super().closeEvent(event)
