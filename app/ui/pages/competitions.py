"""Competitions: the list with status, deadline, counts and progress; create, duplicate, archive."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import CompetitionKind, CompetitionStatus
from app.services import call_setup, queries, workflow
from app.services.queries import CompetitionSummary
from app.ui.context import UiContext
from app.ui.formatting import date_text, money_text
from app.ui.widgets.labels import kind_label, progress_percent, status_text
from app.ui.widgets.page import ShellPage, empty_hint, restore_sort, sort_state
from app.ui.widgets.table_model import ROW_ROLE, Column, FilterProxy, RowTableModel

PROGRESS_COLUMN = 8


class ProgressDelegate(QStyledItemDelegate):
    """Paints the procedure progress as a bar (no widget per cell)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = progress_percent(row.status)
        bar.text = f"{bar.progress}%"
        bar.textVisible = True
        bar.state = option.state
        style = option.widget.style() if option.widget else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class NewCompetitionDialog(QDialog):
    """Start a competition from one of the shipped templates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New competition from a template"))
        layout = QFormLayout(self)
        self.kind = QComboBox(self)
        for kind in CompetitionKind:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setAccessibleName(self.tr("Template"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Open competition: social activation of older people")
        )
        self.title_edit.setMinimumWidth(420)
        layout.addRow(self.tr("&Template:"), self.kind)
        layout.addRow(self.tr("T&itle:"), self.title_edit)
        hint = QLabel(
            self.tr(
                "The template brings the criteria, the scoring rules and the formal checklist; "
                "you can change them until the call is announced."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addRow(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.title_edit.textChanged.connect(self._check)
        self.kind.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def _suggest(self) -> None:
        kind = self.chosen_kind()
        suggestions = {
            CompetitionKind.NGO_GRANT: self.tr("Open competition for offers"),
            CompetitionKind.INVESTOR: self.tr("Selection of the investor (social impact bond)"),
            CompetitionKind.PROVIDER: self.tr(
                "Selection of the service provider (social impact bond)"
            ),
        }
        if not self.title_edit.text().strip() or self.title_edit.text() in suggestions.values():
            self.title_edit.setText(suggestions[kind])
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title_edit.text().strip()))

    def chosen_kind(self) -> CompetitionKind:
        return CompetitionKind(self.kind.currentData())


class CompetitionsPage(ShellPage):
    """The list of competitions; opening one makes it current for every other screen."""

    open_requested = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("competitionsPage")
        lang = ctx.lang
        columns: list[Column[CompetitionSummary]] = [
            Column(self.tr("Case reference"), lambda r: r.case_reference),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
            Column(
                self.tr("Status"),
                lambda r: status_text(r.status),
                key=lambda r: progress_percent(r.status),
            ),
            Column(
                self.tr("Deadline"),
                lambda r: date_text(r.submission_deadline, lang, with_time=True),
                key=lambda r: r.submission_deadline,
            ),
            Column(
                self.tr("Offers"), lambda r: str(r.offers), key=lambda r: r.offers, numeric=True
            ),
            Column(
                self.tr("Admitted"),
                lambda r: str(r.admitted),
                key=lambda r: r.admitted,
                numeric=True,
            ),
            Column(
                self.tr("Budget"),
                lambda r: money_text(r.budget, lang),
                key=lambda r: r.budget,
                numeric=True,
            ),
            Column(
                self.tr("Progress"),
                lambda r: f"{progress_percent(r.status)}%",
                key=lambda r: progress_percent(r.status),
            ),
        ]
        self.model: RowTableModel[CompetitionSummary] = RowTableModel(columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by title or case reference…"))
        self.search.setAccessibleName(self.tr("Search competitions"))
        self.search.setClearButtonEnabled(True)
        self.show_archived = QCheckBox(self.tr("Show &archived"), self)
        self.new_button = QPushButton(self.tr("&New from template…"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.duplicate_button = QPushButton(self.tr("&Duplicate"), self)
        self.archive_button = QPushButton(self.tr("Arc&hive"), self)
        self.archive_button.setToolTip(self.tr("Only a signed-off competition can be archived."))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_archived)
        for button in (
            self.new_button,
            self.open_button,
            self.duplicate_button,
            self.archive_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.table = QTableView(self)
        self.table.setObjectName("competitionsTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Competitions"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressDelegate(self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = empty_hint(
            self.tr(
                "No competitions yet. Press “New from template…” to start one "
                "(open competition art. 15, investor or provider selection)."
            ),
            self,
        )
        layout.addWidget(self.empty)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_archived.toggled.connect(self._apply_archived)
        self.new_button.clicked.connect(self.create_from_template)
        self.open_button.clicked.connect(self._open_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.archive_button.clicked.connect(self.archive_selected)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        self.table.activated.connect(lambda _index: self._open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.notifier.competitions_changed.connect(self._list_changed)
        self.setTabOrder(self.search, self.show_archived)
        self.setTabOrder(self.show_archived, self.new_button)
        self.setTabOrder(self.archive_button, self.table)
        self._wanted: int | None = None  # to select when the list being read arrives
        self._apply_archived(False)
        self.refresh()

    # -- data ----------------------------------------------------------------------------------

    def _list_changed(self) -> None:
        self.refresh()

    def _on_changed(self, competition_id: int) -> None:  # every competition is listed here
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def set_competition(self, competition_id: int | None) -> None:
        self.competition_id = competition_id  # the list is the same whichever one is open

    def load_key(self) -> Hashable:
        return None  # every competition is listed, whichever one is open

    def reader(self) -> Callable[[], list[CompetitionSummary]]:
        db = self.ctx.db
        # off the GUI thread: with large competitions the counts take tens of milliseconds
        return lambda: queries.list_competitions(db)

    def apply(self, rows: list[CompetitionSummary]) -> None:
        wanted = self._wanted
        if wanted is None:
            selected = self.selected()
            wanted = selected.id if selected is not None else None
        self._wanted = None
        self.model.set_rows(rows)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        if wanted is not None:
            self.select_competition(wanted)
        self._update_buttons()

    def current_view(self) -> dict[str, Any]:
        selected = self.selected()
        return {
            "search": self.search.text(),
            "archived": self.show_archived.isChecked(),
            "sort": sort_state(self.table),
            "selected": selected.id if selected is not None else None,
        }

    def restore_inputs(self, state: dict[str, Any]) -> None:
        self.search.setText(state.get("search", ""))
        self.show_archived.setChecked(bool(state.get("archived", False)))

    def show_view(self, state: dict[str, Any]) -> None:
        restore_sort(self.table, state.get("sort"))
        if state.get("selected") is not None:
            self.select_competition(state["selected"])

    def _apply_archived(self, show: bool) -> None:
        hidden = {CompetitionStatus.ARCHIVED}
        self.proxy.set_predicate(None if show else (lambda row: row.status not in hidden))

    def selected(self) -> CompetitionSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def select_competition(self, competition_id: int) -> None:
        """Select the competition now, or when the list being read arrives (a new one)."""
        if not self.loader.idle:
            self._wanted = competition_id
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == competition_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.duplicate_button.setEnabled(row is not None)
        self.archive_button.setEnabled(
            row is not None and row.status is CompetitionStatus.SIGNED_OFF
        )

    # -- actions -------------------------------------------------------------------------------

    def _open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_requested.emit(row.id)

    def create_from_template(self) -> int | None:
        dialog = NewCompetitionDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.create_competition(dialog.chosen_kind(), dialog.title_edit.text().strip())

    def create_competition(self, kind: CompetitionKind, title: str) -> int | None:
        new_id = self.run_service(
            lambda: call_setup.create_from_template(self.ctx.db, self.ctx.actor(), kind, title)
        )
        if new_id is not None:
            self.ctx.notifier.competitions_changed.emit()
            self.select_competition(new_id)
            self.open_requested.emit(new_id)
        return new_id

    def duplicate_selected(self) -> int | None:
        row = self.selected()
        if row is None:
            return None
        new_id = self.run_service(
            lambda: call_setup.duplicate_competition(self.ctx.db, self.ctx.actor(), row.id)
        )
        if new_id is not None:
            self.ctx.notifier.competitions_changed.emit()
            self.select_competition(new_id)
        return new_id

    def archive_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        done = self.run_service(lambda: workflow.advance(self.ctx.db, self.ctx.actor(), row.id))
        if done is not None:
            self.ctx.notifier.competition_changed.emit(row.id)
            self.ctx.notifier.competitions_changed.emit()
