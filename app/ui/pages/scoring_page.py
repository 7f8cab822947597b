"""Scoring screen: one member's card at a time, entered by the chair or secretary.

The grid is a ``ScoreGridModel`` in a ``QTableView`` with one delegate (no widget per cell),
so 2 000 offers × 15 criteria scroll like a plain table.  Every accepted cell is saved at once
through ``score_entry.record_scores`` off the GUI thread, one save after another; what the user
typed stays in the cell until the service has answered.
"""

from __future__ import annotations

import logging
from collections import deque
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.fileio import write_atomically
from app.services import offline, offline_issue, score_entry, workflow
from app.services.base import Actor
from app.services.specs import ScoreEntry
from app.ui.context import UiContext
from app.ui.errors import report_error
from app.ui.scoring_data import ScoringData, card_set_aside, read_scoring
from app.ui.scoring_models import GridRole, ScoreGridModel, ScoreGridProxy
from app.ui.tasks import run_task
from app.ui.widgets.page import ShellPage, restore_sort, sort_state
from app.ui.worker import run_in_worker

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


def safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text).strip("_") or "x"


class ScoreDelegate(QStyledItemDelegate):
    """A line editor that says at once, in the status line, why a typed score is refused."""

    message = Signal(str)

    def __init__(self, grid: ScoreGridModel, proxy: ScoreGridProxy, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self._proxy = proxy

    def createEditor(  # noqa: N802  (Qt API)
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("scoreEditor")
        editor.setAccessibleName(self.tr("Score"))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cell = QPersistentModelIndex(index)

        def check(text: str) -> None:
            if not cell.isValid():
                return
            source = self._proxy.mapToSource(self._proxy.index(cell.row(), cell.column()))
            problem = self._grid.validate(source.row(), source.column(), text)
            editor.setStyleSheet("background: #f8d0d0;" if problem else "")
            editor.setToolTip(problem)
            self.message.emit(problem)

        editor.textEdited.connect(check)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()


class ScoringPage(ShellPage):
    """Member selector, the member's grid, the justification of the current cell, progress."""

    refreshed = Signal()  # the data of the competition were (re)loaded
    saves_settled = Signal()  # no save is waiting or running

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("scoringPage")
        self._ctx = ctx
        self._data: ScoringData | None = None
        self._wanted_member: str | None = None  # a card asked for, read off the GUI thread
        self._card_after_saves = False  # read that card once the saves waiting are done
        self._switching = False  # the next read is only another member's card
        self._queue: deque[tuple[str, str, str, Decimal | None, str, int]] = deque()
        self._saving = False
        self._own_change = False
        self._justification_key: tuple[str, str] | None = None

        self.model = ScoreGridModel(self, ctx.lang)
        self.proxy = ScoreGridProxy(self)
        self.proxy.setSourceModel(self.model)
        self.model.save_requested.connect(self._enqueue_save)
        self.model.progress_changed.connect(self._update_progress)
        self.model.cell_message.connect(self._show_message)

        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("scoringTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)

        bar = QHBoxLayout()
        member_label = QLabel(self.tr("&Member:"))
        self.member_combo = QComboBox()
        self.member_combo.setObjectName("memberCombo")
        self.member_combo.setAccessibleName(self.tr("Committee member whose card is shown"))
        self.member_combo.setMinimumContentsLength(28)
        member_label.setBuddy(self.member_combo)
        self.member_combo.currentIndexChanged.connect(self._member_chosen)
        bar.addWidget(member_label)
        bar.addWidget(self.member_combo, 1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("scoringFilter")
        self.filter_edit.setPlaceholderText(self.tr("Find an offer or applicant…"))
        self.filter_edit.setAccessibleName(self.tr("Find an offer"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        bar.addWidget(self.filter_edit, 1)
        self.unfinished = QCheckBox(self.tr("&Unfinished only"))
        self.unfinished.setObjectName("unfinishedOnly")
        self.unfinished.toggled.connect(self.proxy.set_unfinished_only)
        bar.addWidget(self.unfinished)
        layout.addLayout(bar)

        actions = QHBoxLayout()
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_one_action = menu.addAction(self.tr("Score workbook of this member…"))
        self.export_one_action.triggered.connect(self.export_member_workbook)
        self.export_all_action = menu.addAction(self.tr("Score workbooks of all members…"))
        self.export_all_action.triggered.connect(self.export_all_workbooks)
        self.export_package_action = menu.addAction(self.tr("Evaluator packages…"))
        self.export_package_action.triggered.connect(self.export_packages)
        self.export_button.setMenu(menu)
        actions.addWidget(self.export_button)
        self.import_button = QToolButton()
        self.import_button.setObjectName("importButton")
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        import_menu = QMenu(self.import_button)
        self.import_workbook_action = import_menu.addAction(self.tr("Returned score workbook…"))
        self.import_workbook_action.triggered.connect(self.choose_workbook_to_import)
        self.import_package_action = import_menu.addAction(self.tr("Returned evaluator file…"))
        self.import_package_action.triggered.connect(self.choose_return_to_import)
        self.import_button.setMenu(import_menu)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        self.member_progress = QLabel()
        self.member_progress.setObjectName("memberProgress")
        actions.addWidget(self.member_progress)
        self.close_button = QPushButton(self.tr("&Close scoring"))
        self.close_button.setObjectName("closeScoring")
        self.close_button.setToolTip(
            self.tr("Close the scoring when every card is complete; the results are computed.")
        )
        self.close_button.clicked.connect(self.close_scoring)
        actions.addWidget(self.close_button)
        layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setObjectName("scoreGrid")
        self.view.setAccessibleName(self.tr("Scores of the member: offers by criteria"))
        self.view.setModel(self.proxy)
        self.delegate = ScoreDelegate(self.model, self.proxy, self.view)
        self.delegate.message.connect(self._show_message)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(86)
        self.view.setWordWrap(False)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        splitter.addWidget(self.view)

        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_label = QLabel(self.tr("Select a score cell to see and edit its justification."))
        self.cell_label.setObjectName("cellLabel")
        self.cell_label.setWordWrap(True)
        box_layout.addWidget(self.cell_label)
        self.justification = QPlainTextEdit()
        self.justification.setObjectName("justificationEdit")
        self.justification.setAccessibleName(self.tr("Justification of the selected score"))
        self.justification.setPlaceholderText(
            self.tr("Justification of the score (saved automatically as you type)")
        )
        self.justification.setTabChangesFocus(True)
        self.justification.setEnabled(False)
        self.justification.textChanged.connect(self._justification_typed)
        box_layout.addWidget(self.justification)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.status = QLabel()
        self.status.setObjectName("scoringStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self._justification_timer = QTimer(self)
        self._justification_timer.setSingleShot(True)
        self._justification_timer.setInterval(600)
        self._justification_timer.timeout.connect(self.commit_justification)

        self._update_enabled()

    # -- loading (off the GUI thread, when shown: ``ShellPage``) ------------------------------

    @property
    def data(self) -> ScoringData | None:
        return self._data

    @property
    def loading(self) -> bool:
        return not self.loader.idle

    @property
    def busy(self) -> bool:
        return self._saving or bool(self._queue)

    @property
    def idle(self) -> bool:
        """Nothing loading, saving, exporting or importing (tests wait for this)."""
        task = getattr(self, "last_task", None)
        return self.loader.idle and not self.busy and not (task is not None and task.running)

    def _reader(self) -> Actor:
        return self._ctx.actor()

    def set_competition(self, competition_id: int | None) -> None:
        self.commit_justification()
        self._data = None
        self._wanted_member = None
        self._switching = False
        self._card_after_saves = False
        if competition_id is None:
            self.model.set_card(member_code="", criteria=(), offers=(), editable=False)
            self.title.setText(self.tr("Open a competition to score its offers."))
            self.member_combo.clear()
            self._update_enabled()
        super().set_competition(competition_id)

    def reader(self) -> Any:
        competition_id, lang, actor, url = (
            self.competition_id,
            self._ctx.lang,
            self._reader(),
            self._ctx.db.url,
        )
        if competition_id is None:
            return None
        self.status.setText(self.tr("Loading…"))
        member = self._wanted_member or self.model.member_code or None
        # only another member's card is needed: from the data as it is now (the saves made
        # since the member was chosen are in it)
        switching = self._data if self._switching else None

        def read() -> tuple[ScoringData, dict[str, tuple[int, int]]]:
            aside = card_set_aside(switching) if switching is not None else None
            return run_in_worker(read_scoring, url, actor, competition_id, lang, member, aside)

        return read

    def _load_failed(self, error: BaseException, trace: str) -> None:
        self.status.setText("")
        report_error(self, error, trace)

    def apply(self, loaded: tuple[ScoringData, dict[str, tuple[int, int]]] | None) -> None:
        if loaded is None:
            return
        data, progress = loaded
        self._data = data
        self._wanted_member = None
        self._switching = False
        self.title.setText(f"{data.case_reference} — {data.title}")
        previous = data.card_member or self._ctx.acting_member
        self.member_combo.blockSignals(True)
        self.member_combo.clear()
        for member in data.members:
            if self._ctx.acting_member and member.code != self._ctx.acting_member:
                continue
            text = self._member_text(member.code, progress[member.code])
            self.member_combo.addItem(text, member.code)
        found = self.member_combo.findData(previous)
        self.member_combo.setCurrentIndex(max(found, 0))
        self.member_combo.blockSignals(False)
        self._show_member(self.member_combo.currentData())
        self.status.setText(self._status_hint())
        self._update_enabled()
        self.refreshed.emit()

    def current_view(self) -> dict[str, Any]:
        index, cell = self.view.currentIndex(), None
        if index.isValid():
            source = self.proxy.mapToSource(index)
            criterion = self.model.criterion_at(source.column())
            offer = self.model.offers[source.row()].code
            cell = (offer, criterion.code if criterion is not None else source.column())
        return {
            "member": self.member_combo.currentData(),
            "filter": self.filter_edit.text(),
            "unfinished": self.unfinished.isChecked(),
            "sort": sort_state(self.view),
            "cell": cell,
        }

    def restore_inputs(self, state: dict[str, Any]) -> None:
        if state.get("member"):
            self._wanted_member = state["member"]  # that member's card is the one read
        self.filter_edit.setText(state.get("filter", ""))
        self.unfinished.setChecked(bool(state.get("unfinished", False)))

    def show_view(self, state: dict[str, Any]) -> None:
        member = state.get("member")
        if member and member != self.model.member_code:
            self.select_member(member)
            if self._wanted_member == member:  # the card is being read: the rest once shown
                self._view_to_restore = dict(state)
                return
        restore_sort(self.view, state.get("sort"))
        if state.get("cell") is not None:
            offer, column = state["cell"]
            row = self.model.row_of(offer)
            if isinstance(column, str):
                column = self.model.column_of(column)
            index = self.proxy.mapFromSource(self.model.index(row, column))
            if row >= 0 and index.isValid():  # not filtered out
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)

    def _role_text(self, role: str) -> str:
        return {
            "chair": self.tr("chair"),
            "secretary": self.tr("secretary"),
            "member": self.tr("member"),
            "expert": self.tr("expert, advisory"),
        }.get(role, role)

    def _member_text(self, code: str, progress: tuple[int, int] | None = None) -> str:
        assert self._data is not None
        member = self._data.member(code)
        assert member is not None
        given, due = progress if progress is not None else self._data.progress(code)
        return (
            self.tr("%1 — %2 (%3), %4 of %5 scores")
            .replace("%1", member.code)
            .replace("%2", member.name)
            .replace("%3", self._role_text(member.role))
            .replace("%4", str(given))
            .replace("%5", str(due))
        )

    def _status_hint(self) -> str:
        if self._data is None:
            return ""
        if not self._data.offers:
            return self.tr("No admitted offers to score yet: finish the formal check first.")
        if not self._data.members:
            return self.tr("No committee members yet: add them on the Committee page.")
        if not self._data.editable:
            return self.tr(
                "Scores can be entered only while the competition is at the scoring step; "
                "the grid is read-only."
            )
        return self.tr(
            "Type a score and press Enter; Tab and the arrow keys move between cells. "
            "Every score is saved at once."
        )

    def _member_chosen(self, _index: int) -> None:
        self.commit_justification()
        code = self.member_combo.currentData()
        data = self._data
        if data is None or code is None or code in data.scores:
            self._show_member(code)
            return
        # another member's card: read off the GUI thread; the grid is empty meanwhile, so no
        # score can be typed into the card of the member no longer chosen
        self._wanted_member = code
        # only that card is read — unless a read is under way (it may be a full one, after a
        # change elsewhere: the new read, which supersedes it, must then be full too)
        self._switching = self.loader.idle
        self.model.set_card(member_code="", criteria=(), offers=(), editable=False)
        if self.busy:  # the previous card's saves first: its count is then read complete
            self._card_after_saves = True
        else:
            self.refresh()

    def select_member(self, code: str) -> None:
        index = self.member_combo.findData(code)
        if index >= 0:
            self.member_combo.setCurrentIndex(index)

    def _show_member(self, code: str | None) -> None:
        data = self._data
        if data is None or code is None:
            self.model.set_card(member_code="", criteria=(), offers=(), editable=False)
            return
        member = data.member(code)
        assert member is not None
        self.model.set_card(
            member_code=code,
            criteria=data.criteria,
            offers=data.offers,
            recused=member.recused_from,
            scores=data.scores.get(code, {}),
            editable=data.editable,
            require_justification=data.require_justification,
        )
        header = self.view.horizontalHeader()
        header.resizeSection(ScoreGridModel.COL_OFFER, 110)
        header.resizeSection(ScoreGridModel.COL_APPLICANT, 240)
        self._justification_key = None
        self._set_justification_box(None)
        self._update_progress()

    def _on_changed(self, competition_id: int) -> None:
        if self._own_change or self.busy:  # the grid already shows what is being saved
            return
        if competition_id == self.competition_id:
            self._switching = False  # changed elsewhere: everything is read again
        super()._on_changed(competition_id)

    # -- saving -----------------------------------------------------------------------------

    def _enqueue_save(
        self,
        member: str,
        offer: str,
        criterion: str,
        value: Decimal | None,
        justification: str,
        generation: int,
    ) -> None:
        self._queue.append((member, offer, criterion, value, justification, generation))
        self._next_save()

    def _next_save(self) -> None:
        if self._saving or self.competition_id is None:
            return
        if not self._queue:
            if self._card_after_saves:
                self._card_after_saves = False
                self.refresh()
            self.saves_settled.emit()
            return
        self._saving = True
        member, offer, criterion, value, justification, generation = self._queue.popleft()
        db, actor, competition_id = self._ctx.db, self._ctx.actor(), self.competition_id

        def save(_progress: Any) -> None:
            if value is None:
                score_entry.delete_score(db, actor, competition_id, member, offer, criterion)
            else:
                score_entry.record_scores(
                    db,
                    actor,
                    competition_id,
                    member,
                    [ScoreEntry(offer, criterion, value, justification)],
                )

        def done(_result: Any) -> None:
            self._saving = False
            self.model.mark_saved(member, (offer, criterion), value, justification, generation)
            self._remember_saved(member, offer, criterion, value, justification)
            self._announce()
            self._next_save()

        def failed(error: BaseException) -> None:
            self._saving = False
            if isinstance(error, UserError):
                self.model.mark_failed(
                    member, (offer, criterion), error.text(self._ctx.lang), generation
                )
            else:
                log.error("saving a score failed: %r", error)
                self.model.mark_failed(member, (offer, criterion), str(error), generation)
            self._next_save()

        run_task(self, save, on_done=done, on_error=failed, show_progress=False)

    def _remember_saved(
        self, member: str, offer: str, criterion: str, value: Decimal | None, justification: str
    ) -> None:
        """Keep the loaded data in step so switching members does not show stale scores."""
        if self._data is None or member not in self._data.scores:
            return  # not the card read (another member's is being read, counts included)
        # only the card is copied (30,000 scores at 2,000 offers × 15 criteria, per save)
        scores = dict(self._data.scores)
        own = scores[member] = dict(scores.get(member, {}))
        if value is None:
            own.pop((offer, criterion), None)
        else:
            own[(offer, criterion)] = (value, justification.strip())
        from dataclasses import replace

        self._data = replace(self._data, scores=scores)
        index = self.member_combo.findData(member)
        if index >= 0:
            self.member_combo.setItemText(index, self._member_text(member))

    def _announce(self) -> None:
        if self.competition_id is None:
            return
        self._own_change = True
        try:
            self._ctx.notifier.competition_changed.emit(self.competition_id)
        finally:
            self._own_change = False

    # -- justification ----------------------------------------------------------------------

    def _current_key(self) -> tuple[str, str] | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        key = index.data(GridRole.KEY)
        return tuple(key) if key else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_justification()
        key = current.data(GridRole.KEY) if current.isValid() else None
        self._justification_key = tuple(key) if key else None
        self._set_justification_box(current if key else None)

    def _set_justification_box(self, index: QModelIndex | None) -> None:
        self.justification.blockSignals(True)
        if index is None or self._justification_key is None:
            self.justification.setPlainText("")
            self.justification.setEnabled(False)
            self.cell_label.setText(
                self.tr("Select a score cell to see and edit its justification.")
            )
        else:
            offer, criterion = self._justification_key
            recused = bool(index.data(GridRole.RECUSED))
            self.justification.setPlainText(str(index.data(GridRole.JUSTIFICATION) or ""))
            self.justification.setEnabled(self.model.editable and not recused)
            name = next((c.name for c in self.model.criteria if c.code == criterion), criterion)
            text = self.tr("Justification: offer %1, criterion %2 — %3").replace("%1", offer)
            text = text.replace("%2", criterion).replace("%3", name)
            message = str(index.data(GridRole.MESSAGE) or "")
            self.cell_label.setText(text + (f"\n⚠ {message}" if message else ""))
        self.justification.blockSignals(False)

    def _justification_typed(self) -> None:
        self._justification_timer.start()

    def commit_justification(self) -> None:
        """Send the justification being typed (called on a pause, on leaving the cell)."""
        self._justification_timer.stop()
        key = self._justification_key
        if key is None or not self.justification.isEnabled():
            return
        self.model.enter_justification(key, self.justification.toPlainText())

    # -- progress ---------------------------------------------------------------------------

    def _update_progress(self) -> None:
        given, due = self.model.member_progress()
        unsaved = sum(self.model.unsaved().values())
        text = self.tr("Scored %1 of %2").replace("%1", str(given)).replace("%2", str(due))
        if unsaved:
            text += " · " + self.tr("%1 not saved").replace("%1", str(unsaved))
        missing = self.model.missing_justifications() if self.model.require_justification else 0
        if missing:
            text += " · " + self.tr("%1 without justification").replace("%1", str(missing))
        self.member_progress.setText(text if due else "")

    def _show_message(self, message: str) -> None:
        self.status.setText(message or self._status_hint())

    def _update_enabled(self) -> None:
        data = self._data
        has = data is not None and bool(data.members)
        self.export_button.setEnabled(has)
        self.import_button.setEnabled(bool(has and data is not None and data.editable))
        self.close_button.setEnabled(bool(data is not None and data.editable))

    # -- workflow ---------------------------------------------------------------------------

    def close_scoring(self) -> None:
        if self.competition_id is None:
            return
        self.commit_justification()
        if self.busy:
            self.status.setText(self.tr("Wait until every score is saved."))
            return
        try:
            workflow.advance(self._ctx.db, self._ctx.actor(), self.competition_id)
        except UserError as error:
            report_error(self, error)
            return
        self._ctx.notifier.competition_changed.emit(self.competition_id)  # this screen too

    # -- export -----------------------------------------------------------------------------

    def _default_dir(self) -> str:
        return str(Path.home())

    def export_member_workbook(self, path: str | None = None) -> None:
        code = self.member_combo.currentData()
        if self.competition_id is None or not code:
            return
        if not path:
            suggested = str(
                Path(self._default_dir())
                / f"{safe_name(self._data.case_reference if self._data else '')}_{code}.xlsx"
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export score workbook"), suggested, self.tr("Workbooks (*.xlsx)")
            )
        if path:
            self._export_workbooks([(code, Path(path))])

    def export_all_workbooks(self, folder: str | None = None) -> None:
        if self.competition_id is None or self._data is None:
            return
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the score workbooks"), self._default_dir()
            )
        if not folder:
            return
        reference = safe_name(self._data.case_reference)
        jobs = [(m.code, Path(folder) / f"{reference}_{m.code}.xlsx") for m in self._data.members]
        self._export_workbooks(jobs)

    def _export_workbooks(self, jobs: list[tuple[str, Path]]) -> None:
        db, actor, competition_id = self._ctx.db, self._ctx.actor(), self.competition_id
        assert competition_id is not None
        done_text = self.tr("Exported %1 workbook(s).")

        def work(progress: Any) -> int:
            written = 0
            for number, (code, path) in enumerate(jobs):
                if not progress(number, len(jobs), path.name):
                    break
                data = offline_issue.export_scoresheet(db, actor, competition_id, code)
                write_atomically(path, data)
                written += 1
            progress(len(jobs), len(jobs), "")
            return written

        def done(written: int) -> None:
            self.status.setText(done_text.replace("%1", str(written)))
            self._announce()

        self.last_task = run_task(
            self, work, on_done=done, title=self.tr("Exporting score workbooks…")
        )

    def export_packages(self, folder: str | None = None) -> None:
        export = getattr(offline, "export_package", None)
        if export is None or self.competition_id is None or self._data is None:
            return
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the evaluator packages"), self._default_dir()
            )
        if not folder:
            return
        db, actor, competition_id = self._ctx.db, self._ctx.actor(), self.competition_id
        reference = safe_name(self._data.case_reference)
        codes = [m.code for m in self._data.members]
        done_text = self.tr("Exported %1 evaluator package(s).")

        def work(progress: Any) -> int:
            for number, code in enumerate(codes):
                if not progress(number, len(codes), code):
                    return number
                data = export(db, actor, competition_id, code)
                write_atomically(Path(folder) / f"{reference}_{code}.komisja", data)
            return len(codes)

        self.last_task = run_task(
            self,
            work,
            on_done=lambda n: self.status.setText(done_text.replace("%1", str(n))),
            title=self.tr("Exporting evaluator packages…"),
        )

    # -- import -----------------------------------------------------------------------------

    def choose_workbook_to_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a returned score workbook"), self._default_dir(),
            self.tr("Workbooks (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.import_file(Path(path), kind="workbook")

    def choose_return_to_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a returned evaluator file"), self._default_dir(),
            self.tr("Evaluator returns (*.komisja-return *.zip)"),
        )  # fmt: skip
        if path:
            self.import_file(Path(path), kind="return")

    def _import_functions(self, kind: str) -> tuple[Any, Any]:
        if kind == "workbook":
            return offline.preview_scoresheet_import, offline.import_scoresheet
        return offline.preview_package_return, offline.import_package_return

    def import_file(self, path: Path, kind: str = "workbook", *, confirm: Any = None) -> None:
        """Read ``path``, show the preview, and write only what the user confirms.

        ``confirm(dialog) -> bool`` replaces the modal ``exec`` (tests).
        """
        preview_fn, import_fn = self._import_functions(kind)
        db = self._ctx.db
        lang = self._ctx.lang
        competition_id = self.competition_id  # a file of another competition is refused

        def work(_progress: Any) -> tuple[bytes, Any]:
            data = path.read_bytes()
            return data, preview_fn(db, data, competition_id=competition_id, lang=lang)

        def previewed(result: tuple[bytes, Any]) -> None:
            data, preview = result
            from app.ui.dialogs.import_preview import ImportPreviewDialog

            dialog = ImportPreviewDialog(preview, self._ctx.lang, self)
            self.last_preview_dialog = dialog
            accepted = confirm(dialog) if confirm is not None else dialog.exec()
            if not accepted or not preview.ok:
                self.status.setText(self.tr("Nothing was imported."))
                return
            self._write_import(import_fn, data, competition_id)

        self.last_task = run_task(self, work, on_done=previewed, title=self.tr("Reading the file…"))

    def _write_import(self, import_fn: Any, data: bytes, competition_id: int | None) -> None:
        db, actor, lang = self._ctx.db, self._ctx.actor(), self._ctx.lang
        done_text = self.tr("Imported: %1 score(s) changed.")

        def work(_progress: Any) -> Any:
            return import_fn(db, actor, data, competition_id=competition_id, lang=lang)

        def done(preview: Any) -> None:
            self.status.setText(done_text.replace("%1", str(preview.changes)))
            self._announce()
            self.reload()

        self.last_task = run_task(self, work, on_done=done, title=self.tr("Importing scores…"))

    def cells_unsaved(self) -> int:
        return sum(self.model.unsaved().values())
