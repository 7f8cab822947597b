"""Evaluator mode: a committee member scores offline from a .komisja package.

Only the member's own offers and card are shown (the package holds nothing else).  Each valid
cell is stored in the draft beside the package at once (``evaluator_mode.update_entry`` +
``save_evaluator_draft``); "Finished" writes the signed return file for the office.  A language
switch in the main window's Settings reaches an open evaluator window too (``apply_language``).
"""

from __future__ import annotations

import logging
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import evaluator_mode
from app.ui.context import UiContext
from app.ui.errors import report_error
from app.ui.formatting import score_text
from app.ui.pages.scoring_page import ScoreDelegate
from app.ui.scoring_data import GridCriterion, GridOffer
from app.ui.scoring_models import GridRole, ScoreGridModel, ScoreGridProxy
from app.ui.settings_dialog import SettingsDialog
from app.ui.widgets.page import finish_cell_editing

log = logging.getLogger(__name__)


class EvaluatorWindow(QMainWindow):
    """The member's card.  Its widgets are built by ``_build_ui`` and built again when the
    language is switched (``apply_language``): what was typed is entered first, and the same
    package, the cell shown, the sorting and the window's size stay as they were."""

    language_chosen = Signal(str)  # a new language chosen in this window's settings

    def __init__(self, ctx: UiContext, package_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluatorWindow")
        self._ctx = ctx
        self._package_path = Path(package_path)
        self.session = evaluator_mode.open_evaluator_package(self._package_path)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(600)
        self._timer.timeout.connect(self.commit_justification)
        self._key: tuple[str, str] | None = None
        self._build_ui()
        self._load_card()
        self.resize(1000, 680)

    def _build_ui(self) -> None:
        """Every widget of the window, in the current language, around ``self.session``."""
        spec = self.session.package.spec
        self.setWindowTitle(self.tr("Komisja — evaluator: %1").replace("%1", f"{spec.member_name}"))
        self.model = ScoreGridModel(self, self._ctx.lang)
        self.proxy = ScoreGridProxy(self)
        self.proxy.setSourceModel(self.model)
        self.model.save_requested.connect(self._store)
        self.model.progress_changed.connect(self._update_progress)

        central = QWidget()
        layout = QVBoxLayout(central)
        title = QLabel(
            f"{spec.case_reference} — {spec.competition_title}\n"
            + self.tr("Card of %1 (%2)").replace("%1", spec.member_name).replace(
                "%2", spec.member_code
            )
        )  # fmt: skip
        title.setObjectName("evaluatorTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        if self.session.notice:
            notice = QLabel(self.session.notice_in(self._ctx.lang))
            notice.setObjectName("evaluatorNotice")
            notice.setWordWrap(True)
            notice.setStyleSheet("color: #a00000;")
            layout.addWidget(notice)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.view = QTableView()
        self.view.setObjectName("evaluatorGrid")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setAccessibleName(self.tr("Your scores: offers by criteria"))
        self.view.setModel(self.proxy)
        self.delegate = ScoreDelegate(self.model, self.proxy, self.view)
        self.delegate.message.connect(self._message)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.splitter.addWidget(self.view)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.justification = QPlainTextEdit()
        self.justification.setObjectName("evaluatorJustification")
        self.justification.setAccessibleName(self.tr("Justification of the selected score"))
        self.justification.setPlaceholderText(
            self.tr("Justification of the score (saved automatically as you type)")
        )
        self.justification.setTabChangesFocus(True)
        self.justification.setEnabled(False)
        self.justification.textChanged.connect(lambda: self._timer.start())
        lower_layout.addWidget(self.justification, 3)
        side = QVBoxLayout()
        attachments_label = QLabel(self.tr("A&ttachments of the offer:"))
        side.addWidget(attachments_label)
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachmentsList")
        self.attachments.setAccessibleName(self.tr("Attachments of the selected offer"))
        self.attachments.itemActivated.connect(self._open_attachment)
        attachments_label.setBuddy(self.attachments)
        side.addWidget(self.attachments)
        lower_layout.addLayout(side, 2)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 4)
        layout.addWidget(self.splitter, 1)
        row = QHBoxLayout()
        self.progress = QLabel()
        self.progress.setObjectName("evaluatorProgress")
        row.addWidget(self.progress, 1)
        # the window may be all the member sees (a package opened on its own): the language
        # and the name in the trail are chosen here too
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setObjectName("evaluatorSettings")
        self.settings_button.setToolTip(self.tr("The language of the window and your name"))
        self.settings_button.clicked.connect(self.show_settings)
        row.addWidget(self.settings_button)
        self.send_button = QPushButton(self.tr("Save a &return file (unfinished)…"))
        self.send_button.clicked.connect(lambda: self.write_return(finished=False))
        self.finish_button = QPushButton(self.tr("&Finished — write the return file…"))
        self.finish_button.setObjectName("finishButton")
        self.finish_button.clicked.connect(lambda: self.write_return(finished=True))
        row.addWidget(self.send_button)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("evaluatorStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setCentralWidget(central)  # the previous widgets (old language) are deleted
        central.show()  # at once, not on the next pass of the event loop (a rebuild)

    # -- the language --------------------------------------------------------------------------

    def show_settings(self) -> None:
        """The application's settings; a new language applies at once, here and in the main
        window (``language_chosen``)."""
        dialog = SettingsDialog(self._ctx.settings, self)
        try:
            if dialog.exec() and dialog.apply():
                self.language_chosen.emit(self._ctx.lang)
        finally:
            dialog.deleteLater()

    def apply_language(self) -> None:
        """Build the window again in the language installed now (``MainWindow.apply_language``
        calls this): a score or justification being typed is entered and saved in the draft
        first, then the same card is shown with the same cell, sorting and layout."""
        finish_cell_editing(self.view)
        self.commit_justification()
        state = self.view_state()
        old_view, old_model, old_proxy = self.view, self.model, self.proxy
        old_view.selectionModel().currentChanged.disconnect(self._current_changed)
        old_model.save_requested.disconnect(self._store)
        old_model.progress_changed.disconnect(self._update_progress)
        self._key = None
        self._build_ui()
        self._load_card()
        self.restore_view_state(state)
        old_proxy.deleteLater()
        old_model.deleteLater()
        log.info("evaluator window rebuilt in %s", self._ctx.lang)

    def view_state(self) -> dict[str, Any]:
        """What the member set on the window, as plain values: the cell, sorting, splitter."""
        header = self.view.horizontalHeader()
        return {
            "cell": self._key,
            "sort": (header.sortIndicatorSection(), header.sortIndicatorOrder()),
            "splitter": self.splitter.saveState().data(),  # bytes: a plain value
            "focus_grid": self.view.hasFocus(),
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        column, order = state.get("sort", (-1, Qt.SortOrder.AscendingOrder))
        if 0 <= column < self.proxy.columnCount():
            self.view.sortByColumn(column, order)
        if state.get("splitter") is not None:
            self.splitter.restoreState(QByteArray(state["splitter"]))
        cell = state.get("cell")
        if cell:
            self.select_cell(*cell)
        if state.get("focus_grid"):
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_cell(self, offer: str, criterion: str) -> None:
        """Make the score of ``offer`` for ``criterion`` the current cell."""
        row, column = self.model.row_of(offer), self.model.column_of(criterion)
        if row >= 0 and column >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, column))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _load_card(self) -> None:
        spec = self.session.package.spec
        scores = {
            key: (entry.value, entry.justification)
            for key, entry in self.session.draft.entries.items()
            if entry.value is not None
        }
        self.model.set_card(
            member_code=spec.member_code,
            criteria=[
                GridCriterion(c.code, c.name, c.max_score, c.step, c.weight, c.guidance)
                for c in spec.criteria
            ],
            offers=[GridOffer(o.code, o.applicant, o.title) for o in spec.offers],
            scores=scores,
            editable=True,
            require_justification=spec.require_justification,
        )
        self.view.horizontalHeader().resizeSection(ScoreGridModel.COL_APPLICANT, 240)

    def _store(
        self, member: str, offer: str, criterion: str, value: Decimal | None, text: str, gen: int
    ) -> None:
        key = (offer, criterion)
        shown = score_text(value, self._ctx.lang) if value is not None else ""
        try:
            session, problems = evaluator_mode.update_entry(self.session, key, shown, text)
            if problems:
                self.model.mark_failed(member, key, "\n".join(problems), gen)
                return
            evaluator_mode.save_evaluator_draft(session)
        except UserError as error:
            self.model.mark_failed(member, key, error.text(self._ctx.lang), gen)
            return
        self.session = session
        self.model.mark_saved(member, key, value, text, gen)
        self.status.setText(self.tr("Saved in the draft."))

    def _message(self, text: str) -> None:
        self.status.setText(text)

    def _update_progress(self) -> None:
        done, total = self.model.member_progress()
        self.progress.setText(
            self.tr("Scored %1 of %2").replace("%1", str(done)).replace("%2", str(total))
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_justification()
        key = current.data(GridRole.KEY) if current.isValid() else None
        self._key = tuple(key) if key else None
        self.justification.blockSignals(True)
        self.justification.setPlainText(
            str(current.data(GridRole.JUSTIFICATION) or "") if key else ""
        )
        self.justification.setEnabled(bool(key))
        self.justification.blockSignals(False)
        self.attachments.clear()
        if current.isValid():
            offer = self.model.offers[self.proxy.mapToSource(current).row()].code
            for attachment in self.session.package.attachments_of(offer):
                self.attachments.addItem(attachment.name)
                item = self.attachments.item(self.attachments.count() - 1)
                item.setData(Qt.ItemDataRole.UserRole, attachment)
            if not self.attachments.count():
                self.attachments.addItem(self.tr("No attachments for this offer."))
                self.attachments.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def commit_justification(self) -> None:
        self._timer.stop()
        if self._key is not None and self.justification.isEnabled():
            self.model.enter_justification(self._key, self.justification.toPlainText())

    def _open_attachment(self, item: Any) -> None:
        attachment = item.data(Qt.ItemDataRole.UserRole)
        if attachment is None:
            return
        try:
            data = self.session.package.read_attachment(attachment)
        except Exception as error:  # a damaged attachment: say so, keep working
            report_error(self, UserError("package_unusable", {"path": attachment.name}))
            log.warning("attachment %s unreadable: %s", attachment.name, error)
            return
        folder = Path(tempfile.mkdtemp(prefix="komisja-attachment-"))
        target = folder / Path(attachment.name).name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def write_return(self, *, finished: bool, target: Path | None = None) -> bool:
        self.commit_justification()
        if target is None:
            suggested = self._package_path.with_suffix(".komisja-return")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the return file"), str(suggested),
                self.tr("Evaluator returns (*.komisja-return)"),
            )  # fmt: skip
            if not path:
                return False
            target = Path(path)
        try:
            self.session = evaluator_mode.write_return(self.session, target, finished=finished)
        except UserError as error:
            report_error(self, error)
            return False
        self.status.setText(
            (self.tr("Finished. Send this file to the office: %1") if finished else
             self.tr("Return file saved: %1")).replace("%1", str(target))
        )  # fmt: skip
        return True
