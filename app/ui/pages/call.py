"""The call (ogłoszenie): every field, validated as you type, saved at once with undo."""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import CompetitionKind
from app.services import call_setup, queries
from app.services.base import WARSAW
from app.services.call_setup import MIN_DAYS_OPEN_COMPETITION
from app.services.specs import CallSpec
from app.ui.context import UiContext
from app.ui.errors import show_user_error
from app.ui.formatting import date_text, decimal_text, parse_user_decimal
from app.ui.widgets.fields import Banner, OptionalDateEdit, mark_invalid
from app.ui.widgets.labels import kind_label
from app.ui.widgets.page import ShellPage, empty_hint, no_competition_text
from app.ui.widgets.undo import SaveValueCommand, undo_stack

Index = QModelIndex | QPersistentModelIndex


class BudgetModel(QAbstractTableModel):
    """Funds per year: editable year and amount; every edit is handed to ``on_edit``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[int, Decimal]] = []
        self.lang = "pl"
        self.read_only = False
        self.on_edit: Any = None
        self.on_error: Any = None

    def set_lines(self, lines: tuple[tuple[int, Decimal], ...]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (self.tr("Year"), self.tr("Amount (PLN)"))[section] if section < 2 else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        year, amount = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(year) if index.column() == 0 else decimal_text(amount, 2, self.lang, True)
        if role == Qt.ItemDataRole.EditRole:
            return str(year) if index.column() == 0 else decimal_text(amount, 2, self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        year, amount = self.lines[index.row()]
        text = str(value).strip()
        try:
            if index.column() == 0:
                if not text.isdigit() or not 2000 <= int(text) <= 2100:
                    raise ValueError(text)
                year = int(text)
            else:
                amount = parse_user_decimal(text)
                if amount != amount.quantize(Decimal("0.01")):
                    raise ValueError(text)
        except ValueError:
            if self.on_error is not None:
                self.on_error(index.column(), text)
            return False
        lines = list(self.lines)
        lines[index.row()] = (year, amount)
        if self.on_edit is not None:
            self.on_edit(tuple(lines))
        return True


class CallPage(ShellPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("callPage")
        self._saved: CallSpec | None = None
        self._loading = False
        self._editable: tuple[str, ...] = ()
        outer = QVBoxLayout(self)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.empty = empty_hint(no_competition_text(), self)
        outer.addWidget(self.empty)
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        outer.addWidget(self.form_area, 1)
        body = QWidget(self.form_area)
        self.form_area.setWidget(body)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.kind = QComboBox(body)
        for kind in CompetitionKind:
            self.kind.addItem(kind_label(kind), kind)
        self.title_edit = QLineEdit(body)
        self.title_error = QLabel(body)
        self.title_error.setStyleSheet("color: #b3261e;")
        self.case_reference = QLineEdit(body)
        self.case_reference.setPlaceholderText(self.tr("e.g. SO.524.2.2027"))
        self.legal_basis = QPlainTextEdit(body)
        self.legal_basis.setTabChangesFocus(True)
        self.legal_basis.setFixedHeight(60)
        self.committee_act = QLineEdit(body)
        self.committee_act.setPlaceholderText(
            self.tr("e.g. Order No. 12/2027 of the Mayor of 2 January 2027")
        )
        self.task = QPlainTextEdit(body)
        self.task.setTabChangesFocus(True)
        self.task.setFixedHeight(80)
        self.announced_on = OptionalDateEdit(body)
        self.publication_places = QLineEdit(body)
        self.publication_places.setPlaceholderText(
            self.tr("e.g. BIP, the office's website, the notice board")
        )
        self.last_publication_on = OptionalDateEdit(body)
        self.deadline = OptionalDateEdit(body, with_time=True)
        self.deadline_warning = QLabel(body)
        self.deadline_warning.setWordWrap(True)
        self.deadline_warning.setStyleSheet("color: #8a5300;")
        self.decision_date = OptionalDateEdit(body)
        self.meeting_place = QLineEdit(body)
        self.require_justification = QCheckBox(
            self.tr("Every score needs a written justification"), body
        )
        self.budget_model = BudgetModel(self)
        self.budget_model.on_edit = self._budget_edited
        self.budget_model.on_error = self._budget_error
        self.budget = QTableView(body)
        self.budget.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.budget.setModel(self.budget_model)
        self.budget.setFixedHeight(110)
        self.budget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.budget.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        budget_buttons = QHBoxLayout()
        self.add_year = QPushButton(self.tr("Add a &year"), body)
        self.remove_year = QPushButton(self.tr("Remove the year"), body)
        self.budget_total = QLabel(body)
        budget_buttons.addWidget(self.add_year)
        budget_buttons.addWidget(self.remove_year)
        budget_buttons.addStretch(1)
        budget_buttons.addWidget(self.budget_total)
        budget_box = QVBoxLayout()
        budget_box.addWidget(self.budget)
        budget_box.addLayout(budget_buttons)

        rows: list[tuple[str, QWidget | Any, str]] = [
            (self.tr("&Kind:"), self.kind, self.tr("Kind of competition")),
            (self.tr("T&itle:"), self.title_edit, self.tr("Title")),
            ("", self.title_error, ""),
            (self.tr("Case &reference:"), self.case_reference, self.tr("Case reference")),
            (self.tr("&Legal basis:"), self.legal_basis, self.tr("Legal basis")),
            (self.tr("Committee appointed by:"), self.committee_act, self.tr("Committee act")),
            (self.tr("&Task:"), self.task, self.tr("Task description")),
            (self.tr("Announced on:"), self.announced_on, self.tr("Announcement date")),
            (
                self.tr("Published in:"),
                self.publication_places,
                self.tr("Places of publication"),
            ),
            (
                self.tr("Last publication on:"),
                self.last_publication_on,
                self.tr("Last publication date"),
            ),
            (self.tr("Submission &deadline:"), self.deadline, self.tr("Submission deadline")),
            ("", self.deadline_warning, ""),
            (self.tr("Decision by:"), self.decision_date, self.tr("Decision date")),
            (self.tr("Meeting place:"), self.meeting_place, self.tr("Meeting place")),
            ("", self.require_justification, self.tr("Justification required")),
        ]
        for label, widget, name in rows:
            if name:
                if isinstance(widget, OptionalDateEdit):
                    widget.set_accessible_name(name)
                else:
                    widget.setAccessibleName(name)
            if label:
                form.addRow(label, widget)
            else:
                form.addRow(widget)
        self.budget.setAccessibleName(self.tr("Funds per year"))
        form.addRow(self.tr("Funds per year:"), budget_box)

        for line in (
            self.title_edit,
            self.case_reference,
            self.committee_act,
            self.publication_places,
            self.meeting_place,
        ):
            line.editingFinished.connect(self.commit)
        self.title_edit.textChanged.connect(self._validate)
        self.kind.activated.connect(lambda _i: self.commit())
        self.require_justification.toggled.connect(lambda _on: self.commit())
        for dates in (
            self.announced_on,
            self.last_publication_on,
            self.deadline,
            self.decision_date,
        ):
            dates.changed.connect(self._validate)
            dates.changed.connect(self.commit)
        self.legal_basis.installEventFilter(self)
        self.task.installEventFilter(self)
        self.add_year.clicked.connect(self._add_year)
        self.remove_year.clicked.connect(self._remove_year)
        self.refresh()

    # -- reading -------------------------------------------------------------------------------

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusOut and watched in (self.legal_basis, self.task):
            self.commit()
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        has = self.competition_id is not None
        self.empty.setVisible(not has)
        self.form_area.setVisible(has)
        if not has:
            self.banner.show_text("")
            return
        assert self.competition_id is not None
        spec = call_setup.call_spec(self.ctx.db, self.competition_id)
        # on the GUI thread: the small read of what is editable, not the status bar's gaps
        self._editable = queries.editable_areas(self.ctx.db, self.competition_id)
        self._saved = spec
        self._fill(spec)
        read_only = "call" not in self._editable
        self._set_read_only(read_only)
        if read_only:
            self.banner.show_text(
                self.tr(
                    "The call can no longer be changed: the competition is past the draft stage. "
                    "The criteria and the text of the call are frozen once it is announced."
                )
            )
        else:
            self.banner.show_text("")
        self._validate()

    def current_view(self) -> dict[str, Any]:
        return {"scrolled": self.form_area.verticalScrollBar().value()}

    def show_view(self, state: dict[str, Any]) -> None:
        # the form is laid out when shown: scroll once its height is known
        bar, value = self.form_area.verticalScrollBar(), state.get("scrolled", 0)
        QTimer.singleShot(0, bar, lambda: bar.setValue(value))

    def _fill(self, spec: CallSpec) -> None:
        self._loading = True
        try:
            self.kind.setCurrentIndex(self.kind.findData(spec.kind))
            self.title_edit.setText(spec.title)
            self.case_reference.setText(spec.case_reference)
            if self.legal_basis.toPlainText() != spec.legal_basis:
                self.legal_basis.setPlainText(spec.legal_basis)
            self.committee_act.setText(spec.committee_act)
            if self.task.toPlainText() != spec.task_description:
                self.task.setPlainText(spec.task_description)
            self.announced_on.set_date(spec.announced_on)
            self.publication_places.setText(spec.publication_places)
            self.last_publication_on.set_date(spec.last_publication_on)
            self.deadline.set_date(spec.submission_deadline)
            self.decision_date.set_date(spec.decision_date)
            self.meeting_place.setText(spec.meeting_place)
            self.require_justification.setChecked(spec.require_justification)
            self.budget_model.lang = self.ctx.lang
            self.budget_model.set_lines(spec.budget)
            total = sum((amount for _year, amount in spec.budget), Decimal("0.00"))
            self.budget_total.setText(
                self.tr("Total: %1").replace("%1", decimal_text(total, 2, self.ctx.lang, True))
                + (" zł" if self.ctx.lang == "pl" else " PLN")
            )
        finally:
            self._loading = False

    def _set_read_only(self, read_only: bool) -> None:
        for line in (
            self.title_edit,
            self.case_reference,
            self.committee_act,
            self.publication_places,
            self.meeting_place,
        ):
            line.setReadOnly(read_only)
        self.legal_basis.setReadOnly(read_only)
        self.task.setReadOnly(read_only)
        self.kind.setEnabled(not read_only)
        self.require_justification.setEnabled(not read_only)
        for dates in (
            self.announced_on,
            self.last_publication_on,
            self.deadline,
            self.decision_date,
        ):
            dates.set_read_only(read_only)
        self.budget_model.read_only = read_only
        self.add_year.setEnabled(not read_only)
        self.remove_year.setEnabled(not read_only)

    def form_spec(self) -> CallSpec:
        assert self._saved is not None
        return replace(
            self._saved,
            kind=CompetitionKind(self.kind.currentData()),
            title=self.title_edit.text().strip(),
            case_reference=self.case_reference.text().strip(),
            legal_basis=self.legal_basis.toPlainText(),
            committee_act=self.committee_act.text(),
            task_description=self.task.toPlainText(),
            announced_on=self.announced_on.value_date(),
            publication_places=self.publication_places.text(),
            last_publication_on=self.last_publication_on.value_date(),
            submission_deadline=self.deadline.value_datetime(),
            decision_date=self.decision_date.value_date(),
            meeting_place=self.meeting_place.text(),
            require_justification=self.require_justification.isChecked(),
            budget=tuple(self.budget_model.lines),
        )

    # -- validation as you type ----------------------------------------------------------------

    def _validate(self) -> None:
        title_missing = not self.title_edit.text().strip()
        mark_invalid(self.title_edit, title_missing)
        self.title_error.setText(
            self.tr("The title is required; the call cannot be saved without it.")
            if title_missing
            else ""
        )
        self.title_error.setVisible(title_missing)
        self.deadline_warning.setText(self.deadline_problem())
        self.deadline_warning.setVisible(bool(self.deadline_warning.text()))

    def deadline_problem(self) -> str:
        """The 21-day rule of art. 13 ust. 1 for open competitions, or the order of dates."""
        deadline = self.deadline.value_datetime()
        if deadline is None:
            return ""
        published = self.last_publication_on.value_date() or self.announced_on.value_date()
        deadline_day = deadline.astimezone(WARSAW).date()
        if published is None:
            return ""
        if deadline_day <= published:
            return self.tr("The submission deadline must come after the publication of the call.")
        if self.kind.currentData() == CompetitionKind.NGO_GRANT:
            days = (deadline_day - published).days
            if days < MIN_DAYS_OPEN_COMPETITION:
                earliest = published + timedelta(days=MIN_DAYS_OPEN_COMPETITION)
                return (
                    self.tr(
                        "Only %1 days after the last publication: an open competition needs at "
                        "least 21 days (art. 13 ust. 1 of the Public Benefit Act). The earliest "
                        "deadline is %2."
                    )
                    .replace("%1", str(days))
                    .replace("%2", date_text(earliest, self.ctx.lang))
                )
        return ""

    # -- saving --------------------------------------------------------------------------------

    def commit(self) -> None:
        if self._loading or self._saved is None or self.competition_id is None:
            return
        if "call" not in self._editable:
            return
        if not self.title_edit.text().strip():
            return  # the inline message says what to do; nothing is saved without a title
        new = self.form_spec()
        old = self._saved
        if new == old:
            return
        self._save_with_undo(old, new, self.tr("Edit the call"))

    def _save_with_undo(self, old: CallSpec, new: CallSpec, text: str) -> None:
        competition_id = self.competition_id
        assert competition_id is not None

        def save(spec: CallSpec) -> None:
            call_setup.update_call(self.ctx.db, self.ctx.actor(), competition_id, spec)
            if self.competition_id == competition_id:
                self._saved = spec
                self._fill(spec)
                self._validate()
            self.ctx.notifier.competition_changed.emit(competition_id)

        try:
            save(new)
        except Exception as error:
            from app.errors import UserError

            if not isinstance(error, UserError):
                raise
            show_user_error(self, error)
            self._fill(old)
            self._validate()
            return
        undo_stack(self.ctx).push(
            SaveValueCommand(text, save, old, new, lambda e: show_user_error(self, e))
        )

    def _budget_edited(self, lines: tuple[tuple[int, Decimal], ...]) -> None:
        if self._saved is None:
            return
        self._save_with_undo(
            self._saved, replace(self.form_spec(), budget=lines), self.tr("Edit the funds")
        )

    def _budget_error(self, column: int, text: str) -> None:
        from app.errors import UserError

        field = self.tr("year") if column == 0 else self.tr("amount")
        detail = (
            self.tr("„%1” is not a year between 2000 and 2100")
            if column == 0
            else self.tr("„%1” is not an amount in złoty with at most two decimal places")
        ).replace("%1", text)
        show_user_error(self, UserError("invalid_value", {"field": field, "detail": detail}))

    def _add_year(self) -> None:
        if self._saved is None:
            return
        years = [year for year, _ in self.budget_model.lines]
        base_year = (
            max(years) + 1
            if years
            else (self._saved.announced_on.year if self._saved.announced_on else 2027)
        )
        self._budget_edited((*self.budget_model.lines, (base_year, Decimal("0.00"))))

    def _remove_year(self) -> None:
        rows = self.budget.selectionModel().selectedRows() or (
            [self.budget.currentIndex()] if self.budget.currentIndex().isValid() else []
        )
        if not rows:
            return
        doomed = rows[0].row()
        lines = tuple(line for n, line in enumerate(self.budget_model.lines) if n != doomed)
        self._budget_edited(lines)
