"""Formal check: the checklist grid, correction requests with deadlines, rejections, late offers."""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import CheckAnswer, FormalStatus
from app.services import formal_check, workflow
from app.services.base import now
from app.services.formal_check import FormalCheckRow, FormalCheckView
from app.ui.context import UiContext
from app.ui.dialogs.questions import ask_int, ask_item, ask_text
from app.ui.errors import show_user_error
from app.ui.formatting import date_text
from app.ui.widgets.fields import Banner
from app.ui.widgets.labels import answer_label, formal_status_label
from app.ui.widgets.page import ShellPage, empty_hint, no_competition_text
from app.ui.widgets.undo import ActionCommand, undo_stack

Index = QModelIndex | QPersistentModelIndex
FIXED = 3  # code, applicant, received; then one column per checklist item; then the outcome
ANSWER_KEYS = {"y": CheckAnswer.YES, "t": CheckAnswer.YES, "n": CheckAnswer.NO}


class FormalCheckModel(QAbstractTableModel):
    """Offers × checklist items; an edited answer is handed to ``on_answer``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view = FormalCheckView(items=(), rows=())
        self.lang = "pl"
        self.editable = False
        self.on_answer: Any = None

    def set_view(self, view: FormalCheckView) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.view.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self.view.items) + 3

    def item_at(self, column: int) -> Any:
        position = column - FIXED
        return self.view.items[position] if 0 <= position < len(self.view.items) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < self.columnCount():
            return None
        item = self.item_at(section)
        if role == Qt.ItemDataRole.ToolTipRole and item is not None:
            return item.text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if item is not None:
            return item.code
        tail = section - FIXED - len(self.view.items)
        titles = (self.tr("Offer"), self.tr("Applicant"), self.tr("Received"))
        if section < FIXED:
            return titles[section]
        return (self.tr("Outcome"), self.tr("Reason"), self.tr("Correction due"))[tail]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.view.rows):
            return None
        row = self.view.rows[index.row()]
        column = index.column()
        item = self.item_at(column)
        answers = dict(row.answers)
        if item is not None:
            answer = answers.get(item.code)
            if role == Qt.ItemDataRole.DisplayRole:
                return answer_label(answer)
            if role == Qt.ItemDataRole.EditRole:
                return answer.value if answer else ""
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.BackgroundRole and answer is CheckAnswer.NO:
                return QBrush(QColor("#f9dedc"))
            if role == Qt.ItemDataRole.ToolTipRole:
                note = dict(row.notes).get(item.code, "")
                return f"{item.text}\n{note}".strip()
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == FIXED + len(self.view.items) + 1:
            return row.rejection_reason or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if (column == 2 and row.late and not row.late_admitted) or (
                column == FIXED + len(self.view.items) and row.status is FormalStatus.REJECTED
            ):
                return QBrush(QColor("#b3261e"))
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.code
        if column == 1:
            return row.applicant
        if column == 2:
            text = date_text(row.received_at, self.lang, with_time=True)
            if row.late:
                text += " " + (
                    self.tr("(late, admitted)") if row.late_admitted else self.tr("(late)")
                )
            return text
        tail = column - FIXED - len(self.view.items)
        if tail == 0:
            return formal_status_label(row.status)
        if tail == 1:
            return row.rejection_reason
        if row.correction is None:
            return ""
        if row.correction.fulfilled_on is not None:
            return self.tr("received %1").replace(
                "%1", date_text(row.correction.fulfilled_on, self.lang)
            )
        return date_text(row.correction.deadline, self.lang)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self.item_at(index.column())
        if self.editable and item is not None and not item.is_timeliness:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.column()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or item is None or not self.editable:
            return False
        text = str(value).strip().lower()
        answer: CheckAnswer | None
        if text in ("n/a", "-", "nd", "nie dotyczy"):
            answer = CheckAnswer.NOT_APPLICABLE
        else:
            try:
                answer = CheckAnswer(text)
            except ValueError:
                answer = ANSWER_KEYS.get(text[:1])
        if answer is None:
            return False
        if self.on_answer is not None:
            self.on_answer(self.view.rows[index.row()], item.code, answer)
        return True


class AnswerDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for answer in CheckAnswer:
            combo.addItem(answer_label(answer), answer.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


@dataclass(frozen=True)
class FormalPageData:
    """What the formal check screen shows, read off the GUI thread."""

    editable: bool
    view: FormalCheckView


class FormalPage(ShellPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("formalPage")
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.empty = empty_hint(no_competition_text(), self)
        layout.addWidget(self.empty)
        self.model = FormalCheckModel(self)
        self.model.on_answer = self.record_answer
        self.table = QTableView(self)
        self.table.setObjectName("formalTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Formal checklist"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(AnswerDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # sized once per load (below), not on every layout: at 2,000 offers each sizing costs
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        bar = QHBoxLayout()
        self.all_yes_button = QPushButton(self.tr("All &yes"), self)
        self.all_yes_button.setToolTip(self.tr("Answer every open item of the offer with yes"))
        self.reason_button = QPushButton(self.tr("Rejection &reason…"), self)
        self.correction_button = QPushButton(self.tr("Request &correction…"), self)
        self.received_button = QPushButton(self.tr("Correction recei&ved"), self)
        self.late_button = QPushButton(self.tr("Admit &late offer…"), self)
        for button in (
            self.all_yes_button,
            self.reason_button,
            self.correction_button,
            self.received_button,
            self.late_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.all_yes_button.clicked.connect(self._all_yes)
        self.reason_button.clicked.connect(self._ask_reason)
        self.correction_button.clicked.connect(self._ask_correction)
        self.received_button.clicked.connect(self._correction_received)
        self.late_button.clicked.connect(self._ask_late)
        self._editable = False
        self.apply(None)

    def reader(self) -> Callable[[], FormalPageData] | None:
        cid = self.competition_id
        if cid is None:
            return None
        db, lang = self.ctx.db, self.ctx.lang

        def read() -> FormalPageData:  # on a worker thread: plain values only
            status = workflow.shell_status(db, cid, lang)
            view = formal_check.formal_check_view(db, cid)
            return FormalPageData("formal_check" in status.editable, view)

        return read

    def apply(self, data: FormalPageData | None) -> None:
        cid = self.competition_id
        self.empty.setVisible(cid is None)
        self.table.setVisible(cid is not None)
        if data is None:
            self._editable = False
            self.model.set_view(FormalCheckView(items=(), rows=()))
            self._set_editing(False)
            self.banner.show_text("")
            return
        editable, view = data.editable, data.view
        self._editable = editable
        row = self.table.currentIndex().row()
        self.model.lang = self.ctx.lang
        # the banner first: showing or hiding it lays the screen out again
        if not editable:
            self.banner.show_text(
                self.tr(
                    "The formal check is recorded in the “formal check” step. Move the "
                    "competition there with “Next step” once submissions are closed."
                )
            )
        elif not view.rows:
            self.banner.show_text(self.tr("There are no offers to check."))
        else:
            self.banner.show_text("")
        self.model.set_view(view)
        self.table.resizeColumnsToContents()
        if 0 <= row < len(view.rows):
            self.table.selectRow(row)
        self._set_editing(editable)
        self.legend.setText(
            "  ·  ".join(f"{item.code}: {item.text}" for item in view.items)
            + "\n"
            + self.tr(
                "Type Y (yes), N (no) or choose n/a in a cell; the timeliness item follows "
                "from the received date. One correction request per offer."
            )
        )

    def _set_editing(self, editable: bool) -> None:
        self.model.editable = editable
        self.table.viewport().update()  # the cells' flags changed
        for button in (
            self.all_yes_button,
            self.reason_button,
            self.correction_button,
            self.received_button,
            self.late_button,
        ):
            button.setEnabled(editable)

    def changed(self) -> None:
        """After a write the rows are re-read off the GUI thread; until they arrive nothing can
        be answered on the old rows (an answer is saved with the row's other answers)."""
        if self.competition_id is not None:
            self._set_editing(False)
        super().changed()

    def current_view(self) -> dict[str, Any]:
        row, index = self.current_row(), self.table.currentIndex()
        return {"offer": row.offer_id if row else None, "column": max(index.column(), 0)}

    def show_view(self, state: dict[str, Any]) -> None:
        offer = state.get("offer")
        rows = self.model.view.rows
        found = next((n for n, row in enumerate(rows) if row.offer_id == offer), -1)
        if found >= 0:
            index = self.model.index(
                found, min(state.get("column", 0), self.model.columnCount() - 1)
            )
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def current_row(self) -> FormalCheckRow | None:
        row = self.table.currentIndex().row()
        rows = self.model.view.rows
        return rows[row] if 0 <= row < len(rows) else None

    # -- actions (also called by tests with their arguments) -----------------------------------

    def record_answer(self, row: FormalCheckRow, item_code: str, answer: CheckAnswer) -> None:
        answers = dict(row.answers)
        answers[item_code] = answer
        self._record(row, answers, "")

    def _record(self, row: FormalCheckRow, answers: dict[str, CheckAnswer], reason: str) -> None:
        cid = self.competition_id
        assert cid is not None
        notes = dict(row.notes)

        def record() -> FormalStatus:
            return formal_check.record_formal_check(
                self.ctx.db,
                self.ctx.actor(),
                cid,
                row.offer_id,
                answers,
                notes=notes,
                rejection_reason=reason,
            )

        done = self.run_service(record)
        if done is not None:
            self._push(self.tr("Formal check of %1"), row, record)
            self.changed()

    # -- undo: back to the row as it was shown, through the service that checks the outcome --

    def _push(self, text: str, row: FormalCheckRow, again: Callable[[], object]) -> None:
        """Put the action done on ``row`` on the undo stack: undo restores the row as shown
        (answers, outcome, reason, correction request), redo repeats the same service call."""
        cid = self.competition_id
        assert cid is not None

        def reread() -> None:  # like ``changed``: no answer on the old rows until re-read
            if self.competition_id == cid:
                self.changed()
            else:
                self.ctx.notifier.competition_changed.emit(cid)

        def redo() -> None:
            again()
            reread()

        def undo() -> None:
            formal_check.restore_formal_check(
                self.ctx.db,
                self.ctx.actor(),
                cid,
                row.offer_id,
                answers=dict(row.answers),
                notes=dict(row.notes),
                status=row.status,
                rejection_reason=row.rejection_reason,
                correction=row.correction,
            )
            reread()

        undo_stack(self.ctx).push(
            ActionCommand(text.replace("%1", row.code), redo, undo, self._refused)
        )

    def _refused(self, error: UserError) -> None:
        show_user_error(self, error)
        self.changed()  # show what is really saved

    def answer_all_yes(self, row: FormalCheckRow) -> None:
        answers = dict(row.answers)
        for item in self.model.view.items:
            answers.setdefault(item.code, CheckAnswer.YES)
        self._record(row, answers, "")

    def reject(self, row: FormalCheckRow, item_code: str, reason: str) -> None:
        """Record that ``item_code`` is not met, with the reason written in the protocol."""
        answers = dict(row.answers)
        for item in self.model.view.items:
            answers.setdefault(item.code, CheckAnswer.YES)
        answers[item_code] = CheckAnswer.NO
        self._record(row, answers, reason)

    def request_correction(self, row: FormalCheckRow, scope: str, days: int = 7) -> date | None:
        cid = self.competition_id
        assert cid is not None

        def request() -> date:
            return formal_check.request_correction(
                self.ctx.db, self.ctx.actor(), cid, row.offer_id, scope, days
            )

        deadline = self.run_service(request)
        if deadline is not None:
            self._push(self.tr("Correction request for %1"), row, request)
            self.changed()
        return deadline

    def correction_received(self, row: FormalCheckRow, received_on: date) -> bool:
        cid = self.competition_id
        assert cid is not None

        def record() -> bool:
            formal_check.record_correction_received(
                self.ctx.db, self.ctx.actor(), cid, row.offer_id, received_on
            )
            return True

        done = self.run_service(record) is not None
        if done:
            self._push(self.tr("Correction received for %1"), row, record)
            self.changed()
        return done

    def admit_late(self, row: FormalCheckRow, reason: str) -> None:
        """A recorded decision with its reason: like a recusal, never undone silently."""
        cid = self.competition_id
        assert cid is not None
        self.run_service(
            lambda: formal_check.admit_late_offer(
                self.ctx.db, self.ctx.actor(), cid, row.offer_id, reason
            )
        )
        self.changed()

    def _all_yes(self) -> None:
        row = self.current_row()
        if row is not None:
            self.answer_all_yes(row)

    def _ask_reason(self) -> None:
        row = self.current_row()
        if row is None:
            return
        items = [i for i in self.model.view.items if not i.is_timeliness]
        labels = [f"{i.code}: {i.text}" for i in items]
        choice, ok = ask_item(self, self.tr("Rejection"), self.tr("Requirement not met:"), labels)
        if not ok:
            return
        reason, ok = ask_text(
            self,
            self.tr("Rejection"),
            self.tr("Reason written in the protocol:"),
            row.rejection_reason,
        )
        if ok:
            self.reject(row, items[labels.index(choice)].code, reason)

    def _ask_correction(self) -> None:
        row = self.current_row()
        if row is None:
            return
        scope, ok = ask_text(
            self, self.tr("Correction request"), self.tr("What the applicant must correct:")
        )
        if not ok:
            return
        days, ok = ask_int(
            self, self.tr("Correction request"), self.tr("Days to correct:"), 7, 1, 60
        )
        if ok:
            self.request_correction(row, scope, days)

    def _correction_received(self) -> None:
        row = self.current_row()
        if row is not None and self.competition_id is not None:
            self.correction_received(row, now().date())

    def _ask_late(self) -> None:
        row = self.current_row()
        if row is None:
            return
        reason, ok = ask_text(
            self,
            self.tr("Late offer"),
            self.tr("Why the late offer is treated as on time (e.g. postal stamp):"),
        )
        if ok:
            self.admit_late(row, reason)
