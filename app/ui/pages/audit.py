"""The audit trail: every change with who and when, filterable by object, person and date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import queries
from app.services.base import WARSAW
from app.services.queries import AuditRow
from app.ui.context import UiContext
from app.ui.formatting import date_text
from app.ui.widgets.fields import from_qdate
from app.ui.widgets.page import ShellPage, restore_sort, select_row_where, sort_state
from app.ui.widgets.table_model import (
    ROW_ROLE,
    Column,
    FilterProxy,
    RowTableModel,
    search_texts,
    selected_rows,
)

AUDIT_PAGE = 2_000  # the newest entries shown at first, more on request; the CLI exports all

# What the audit trail stores (model and action names) as a reader says it; unknown names
# are shown as stored.
OBJECT_LABELS = {
    "Applicant": QT_TRANSLATE_NOOP("AuditPage", "Applicant"),
    "Attachment": QT_TRANSLATE_NOOP("AuditPage", "Attachment"),
    "AttachmentBlob": QT_TRANSLATE_NOOP("AuditPage", "Attachment file"),
    "Attendance": QT_TRANSLATE_NOOP("AuditPage", "Attendance"),
    "BudgetLine": QT_TRANSLATE_NOOP("AuditPage", "Budget line"),
    "Competition": QT_TRANSLATE_NOOP("AuditPage", "Competition"),
    "Conflict": QT_TRANSLATE_NOOP("AuditPage", "Recusal"),
    "CorrectionRequest": QT_TRANSLATE_NOOP("AuditPage", "Correction request"),
    "Criterion": QT_TRANSLATE_NOOP("AuditPage", "Criterion"),
    "CriterionBand": QT_TRANSLATE_NOOP("AuditPage", "Criterion band"),
    "Decision": QT_TRANSLATE_NOOP("AuditPage", "Committee decision"),
    "FormalCheckItem": QT_TRANSLATE_NOOP("AuditPage", "Formal check item"),
    "FormalCheckResult": QT_TRANSLATE_NOOP("AuditPage", "Formal check answer"),
    "Institution": QT_TRANSLATE_NOOP("AuditPage", "Institution"),
    "Meeting": QT_TRANSLATE_NOOP("AuditPage", "Meeting"),
    "Member": QT_TRANSLATE_NOOP("AuditPage", "Committee member"),
    "Offer": QT_TRANSLATE_NOOP("AuditPage", "Offer"),
    "OfferValue": QT_TRANSLATE_NOOP("AuditPage", "Offer figure"),
    "ProtocolVersion": QT_TRANSLATE_NOOP("AuditPage", "Protocol version"),
    "Score": QT_TRANSLATE_NOOP("AuditPage", "Score"),
    "ScoreSheetIssue": QT_TRANSLATE_NOOP("AuditPage", "Issued score sheet"),
    "ScoringPolicy": QT_TRANSLATE_NOOP("AuditPage", "Scoring rules"),
    "TieBreakerRule": QT_TRANSLATE_NOOP("AuditPage", "Tie-break rule"),
}
ACTION_LABELS = {
    "create": QT_TRANSLATE_NOOP("AuditPage", "created"),
    "update": QT_TRANSLATE_NOOP("AuditPage", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditPage", "deleted"),
    "import": QT_TRANSLATE_NOOP("AuditPage", "imported"),
    "sign_off": QT_TRANSLATE_NOOP("AuditPage", "signed off"),
    "reopen": QT_TRANSLATE_NOOP("AuditPage", "reopened"),
    "reopen_scoring": QT_TRANSLATE_NOOP("AuditPage", "scoring reopened"),
}


def _label(labels: dict[str, object], name: str) -> str:
    # QT_TRANSLATE_NOOP returns its text, but its stub says ``object``: narrow, don't cast.
    source = labels.get(name)
    if isinstance(source, str) and source:
        return QCoreApplication.translate("AuditPage", source)
    return name


def group_digits(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")


@dataclass(frozen=True)
class AuditPageData:
    """The newest entries matching the filters, read off the GUI thread."""

    rows: list[AuditRow]
    total: int  # how many match, of which ``rows`` are the newest
    types: tuple[str, ...]  # object types among the matches (for the filter's list)
    search: list[str]


class AuditPage(ShellPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("auditPage")
        lang = ctx.lang
        columns: list[Column[AuditRow]] = [
            Column(self.tr("No."), lambda r: str(r.seq), key=lambda r: r.seq, numeric=True),
            Column(
                self.tr("When"), lambda r: date_text(r.at, lang, with_time=True), key=lambda r: r.at
            ),
            Column(
                self.tr("Who"),
                lambda r: r.operator + (f" ({r.acting_member})" if r.acting_member else ""),
            ),
            Column(
                self.tr("Object"),
                lambda r: f"{_label(OBJECT_LABELS, r.object_type)} {r.object_id}",
                tooltip=lambda r: r.object_type,
            ),
            Column(self.tr("Action"), lambda r: _label(ACTION_LABELS, r.action)),
            Column(self.tr("Before"), lambda r: r.before[:200], tooltip=lambda r: r.before),
            Column(self.tr("After"), lambda r: r.after[:200], tooltip=lambda r: r.after),
        ]
        self.model: RowTableModel[AuditRow] = RowTableModel(columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.object_filter = QComboBox(self)
        self.object_filter.setAccessibleName(self.tr("Object type"))
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("Person…"))
        self.person.setAccessibleName(self.tr("Person"))
        self.person.setClearButtonEnabled(True)
        self.since = QDateEdit(self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd.MM.yyyy")
        self.since.setAccessibleName(self.tr("From date"))
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd.MM.yyyy")
        self.until.setAccessibleName(self.tr("To date"))
        self.use_dates = QCheckBox(self.tr("&Dates:"), self)
        self.only_this = QCheckBox(self.tr("Only the open &competition"), self)
        self.only_this.setChecked(True)
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Search the changes…"))
        self.text_filter.setAccessibleName(self.tr("Search the changes"))
        self.text_filter.setClearButtonEnabled(True)
        bar.addWidget(QLabel(self.tr("Object:"), self))
        bar.addWidget(self.object_filter)
        bar.addWidget(self.person)
        bar.addWidget(self.use_dates)
        bar.addWidget(self.since)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.until)
        bar.addWidget(self.only_this)
        bar.addWidget(self.text_filter, 1)
        layout.addLayout(bar)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Audit trail"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 60), (1, 130), (2, 150), (3, 150), (4, 90), (5, 200)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        self.count = QLabel(self)
        self.more_button = QPushButton(self.tr("Show &older entries"), self)
        self.more_button.setVisible(False)
        self.more_button.clicked.connect(self.show_more)
        footer.addWidget(self.count, 1)
        footer.addWidget(self.more_button)
        layout.addLayout(footer)
        self.limit = AUDIT_PAGE
        today = QDate.currentDate()
        self.since.setDate(today.addMonths(-1))
        self.until.setDate(today)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.use_dates.toggled.connect(self.since.setEnabled)
        self.use_dates.toggled.connect(self.until.setEnabled)
        for signal in (
            self.object_filter.activated,
            self.person.editingFinished,
            self.use_dates.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
            self.only_this.toggled,
        ):
            signal.connect(lambda *_: self.refresh())
        self.text_filter.textChanged.connect(self.proxy.setFilterFixedString)
        self._types_loaded = False

    def _on_changed(self, competition_id: int) -> None:
        if self.isVisible():
            self._refresh_now()
        else:
            self._stale = True

    def reader(self) -> Callable[[], AuditPageData]:
        only = self.only_this.isChecked() and self.competition_id is not None
        since = until = None
        if self.use_dates.isChecked():
            since = datetime.combine(from_qdate(self.since.date()), time.min, WARSAW).astimezone(
                UTC
            )
            until = datetime.combine(from_qdate(self.until.date()), time.max, WARSAW).astimezone(
                UTC
            )
        object_type = self.object_filter.currentData() or None
        db, competition_id, limit = self.ctx.db, self.competition_id, self.limit
        person = self.person.text().strip() or None
        columns = self.model.columns()

        def read() -> AuditPageData:  # on a worker thread: plain values only
            page = queries.audit_page(
                db,
                limit=limit,
                competition_id=competition_id if only else None,
                object_type=object_type,
                person=person,
                since=since,
                until=until,
            )
            types = () if object_type else page.types
            return AuditPageData(page.rows, page.total, types, search_texts(columns, page.rows))

        return read

    def apply(self, data: AuditPageData) -> None:
        self.model.set_rows(data.rows, data.search)
        if not self._types_loaded or data.types:
            self._load_types(data.types)
        self.more_button.setVisible(data.total > len(data.rows))
        if not data.rows:
            text = self.tr("No entries match the filter. Clear the filters to see every change.")
        elif data.total > len(data.rows):
            text = (
                self.tr("The newest %1 of %2 entries")
                .replace("%1", group_digits(len(data.rows)))
                .replace("%2", group_digits(data.total))
            )
        else:
            text = self.tr("%1 entries").replace("%1", group_digits(len(data.rows)))
        self.count.setText(text)

    def current_view(self) -> dict[str, Any]:
        selected = selected_rows(self.table)
        return {
            "object_type": self.object_filter.currentData() or "",
            "person": self.person.text(),
            "dates": self.use_dates.isChecked(),
            "since": self.since.date().toString(Qt.DateFormat.ISODate),
            "until": self.until.date().toString(Qt.DateFormat.ISODate),
            "only_this": self.only_this.isChecked(),
            "limit": self.limit,
            "search": self.text_filter.text(),
            "sort": sort_state(self.table),
            "selected": selected[0].seq if selected else None,
        }

    def restore_inputs(self, state: dict[str, Any]) -> None:
        """The filters decide what is read: set before the first read, without reading now."""
        filters = (self.object_filter, self.person, self.use_dates, self.since, self.until)
        for widget in (*filters, self.only_this):
            widget.blockSignals(True)
        try:
            if state.get("object_type"):
                name = state["object_type"]
                self.object_filter.addItem(_label(OBJECT_LABELS, name), name)
                self.object_filter.setCurrentIndex(self.object_filter.count() - 1)
            self.person.setText(state.get("person", ""))
            self.use_dates.setChecked(bool(state.get("dates", False)))
            for edit, key in ((self.since, "since"), (self.until, "until")):
                if state.get(key):
                    edit.setDate(QDate.fromString(state[key], Qt.DateFormat.ISODate))
                edit.setEnabled(self.use_dates.isChecked())
            self.only_this.setChecked(bool(state.get("only_this", True)))
        finally:
            for widget in (*filters, self.only_this):
                widget.blockSignals(False)
        self.limit = max(int(state.get("limit", AUDIT_PAGE)), AUDIT_PAGE)
        self.text_filter.setText(state.get("search", ""))

    def show_view(self, state: dict[str, Any]) -> None:
        restore_sort(self.table, state.get("sort"))
        wanted = state.get("selected")
        if wanted is not None:
            select_row_where(self.table, lambda index: index.data(ROW_ROLE).seq == wanted)

    def show_more(self) -> None:
        """Load the next page of older entries as well."""
        self.limit += AUDIT_PAGE
        self.refresh()

    def _load_types(self, types: tuple[str, ...]) -> None:
        current = self.object_filter.currentData()
        self.object_filter.blockSignals(True)
        self.object_filter.clear()
        self.object_filter.addItem(self.tr("all objects"), "")
        for name in types:
            self.object_filter.addItem(_label(OBJECT_LABELS, name), name)
        found = self.object_filter.findData(current or "")
        if found < 0 and current:  # the filter stays (the read for one type lists no types)
            self.object_filter.addItem(_label(OBJECT_LABELS, current), current)
            found = self.object_filter.count() - 1
        self.object_filter.setCurrentIndex(max(found, 0))
        self.object_filter.blockSignals(False)
        self._types_loaded = True

    def set_object_type(self, object_type: str) -> None:
        found = self.object_filter.findData(object_type)
        if found < 0:
            self.object_filter.addItem(object_type, object_type)
            found = self.object_filter.count() - 1
        self.object_filter.setCurrentIndex(found)
        self.refresh()
