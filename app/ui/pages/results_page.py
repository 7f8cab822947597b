"""Results screen: ranking with flags, the explanation of every number, decisions, allocation.

The results are computed in the worker process (``app.ui.results_data``, asked for as every
screen reads: ``ShellPage``), which sends the ranking's rows ready to show; the screen shows
them, explains the selected number with the engine's own steps (worded in the worker from the
same results) and records the committee's decisions through ``decisions``.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.scoring import types as st
from app.services import decisions, workflow
from app.texts import format_decimal
from app.ui.charts import LeniencyChart, LeniencyItem, SpreadChart, SpreadItem
from app.ui.context import UiContext
from app.ui.errors import report_error
from app.ui.formatting import money_text
from app.ui.results_data import (
    ColumnCriterion,
    Explanation,
    RankingRow,
    ResultsScreen,
    explain_offer,
    read_results,
)
from app.ui.widgets.page import (
    SIZE_SAMPLE_ROWS,
    AsyncLoader,
    ShellPage,
    restore_sort,
    sort_state,
)
from app.ui.worker import run_in_worker

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OFFER_ROLE = Qt.ItemDataRole.UserRole + 2

_WARN_BG = QColor("#fbe7b5")
_BAD_BG = QColor("#f8d0d0")
_GREY = QColor("#808080")
_GOOD_BG = QColor("#d8f0d8")


_ROLES = frozenset(
    {
        OFFER_ROLE,
        SORT_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


class RankingModel(QAbstractTableModel):
    """Rows: offers in the engine's order. Columns: rank, offer, applicant, criteria, total,
    requested, award, flags."""

    COL_RANK, COL_OFFER, COL_APPLICANT = 0, 1, 2

    def __init__(self, parent: Any = None, lang: str = "pl") -> None:
        super().__init__(parent)
        self.lang = lang
        self.view: ResultsScreen | None = None
        self._offers: tuple[RankingRow, ...] = ()
        self._criteria: tuple[ColumnCriterion, ...] = ()
        self._rows: dict[str, int] = {}
        self._set_shape()

    def set_view(self, view: ResultsScreen | None) -> None:
        self.beginResetModel()
        self.view = view
        if view is None:
            self._offers, self._criteria = (), ()
        else:
            self._offers = view.rows
            self._criteria = view.criteria
        self._rows = {offer.offer_id: row for row, offer in enumerate(self._offers)}
        self._set_shape()
        self.endResetModel()

    # shape: plain attributes, read for every cell a view paints or measures
    def _set_shape(self) -> None:
        self.col_total = 3 + len(self._criteria)
        self.col_requested = self.col_total + 1
        self.col_award = self.col_total + 2
        self.col_flags = self.col_total + 3
        self._columns = 0 if self.view is None else self.col_flags + 1

    def criterion_at(self, column: int) -> ColumnCriterion | None:
        position = column - 3
        return self._criteria[position] if 0 <= position < len(self._criteria) else None

    def offer_at(self, row: int) -> RankingRow | None:
        return self._offers[row] if 0 <= row < len(self._offers) else None

    def row_of(self, offer_id: str) -> int:
        return self._rows.get(offer_id, -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802  (Qt API)
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._columns

    def flag_text(self, flag: str) -> str:
        """The words of a flag (an ``st.Flag`` value)."""
        names: dict[str, str] = {
            st.Flag.SELECTED: self.tr("selected"),
            st.Flag.DISCREPANCY: self.tr("discrepancy"),
            st.Flag.DISCREPANCY_RESOLVED: self.tr("discrepancy resolved"),
            st.Flag.TIE_UNRESOLVED: self.tr("unresolved tie"),
            st.Flag.TIE_DECIDED: self.tr("tie decided"),
            st.Flag.BELOW_THRESHOLD: self.tr("below threshold"),
            st.Flag.CRITERION_THRESHOLD_FAILED: self.tr("criterion threshold not met"),
            st.Flag.FORMAL_CRITERION_FAILED: self.tr("formal criterion failed"),
            st.Flag.RECUSALS: self.tr("recused members"),
            st.Flag.INCOMPLETE_SCORES: self.tr("incomplete scores"),
            st.Flag.MANUAL_AWARD: self.tr("manual award"),
            st.Flag.FORMAL_OVERRIDE: self.tr("formal decision changed"),
        }
        return names.get(flag, flag)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # sizing asks for many roles per cell
            return None
        offer = self.offer_at(index.row())
        if offer is None:
            return None
        column = index.column()
        if role == OFFER_ROLE:
            return offer.offer_id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._display(offer, column, role == SORT_ROLE)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
            self.COL_APPLICANT,
            self.col_flags,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not offer.admitted:
            return QBrush(_GREY)
        if role == Qt.ItemDataRole.BackgroundRole:
            flags = offer.flags
            if column == self.col_flags and (
                st.Flag.TIE_UNRESOLVED in flags or st.Flag.DISCREPANCY in flags
            ):
                return QBrush(_BAD_BG)
            if column == self.col_total and offer.admitted and not offer.eligible:
                return QBrush(_WARN_BG)
            if column == self.col_award and offer.award:
                return QBrush(_GOOD_BG)
            if column - 3 in offer.threshold_failed:
                return QBrush(_WARN_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.col_flags and offer.flags:
                return "\n".join(self.flag_text(f) for f in offer.flags)
            return self.tr("Select to see how this number was obtained.")
        return None

    def display_text(self, offer: RankingRow, column: int) -> str:
        """The text shown in ``column`` for ``offer``."""
        value = self._display(offer, column, False)
        return "" if value is None else str(value)

    def _display(self, offer: RankingRow, column: int, sort: bool) -> Any:
        if column == self.COL_RANK:
            if sort:
                return offer.rank if offer.rank is not None else 10**9
            return str(offer.rank) if offer.rank is not None else "—"
        if column == self.COL_OFFER:
            return offer.offer_id
        if column == self.COL_APPLICANT:
            return offer.label
        if column == self.col_flags:
            return ", ".join(self.flag_text(f) for f in offer.flags)
        position = column - 3  # the number columns: criteria, total, requested, award
        if not 0 <= position < len(offer.texts):
            return None
        if sort:
            return offer.sort_keys[position]
        text = offer.texts[position]
        return self.tr("rejected") if text is None else text

    def headerData(  # noqa: N802  (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        criterion = self.criterion_at(section)
        if role == Qt.ItemDataRole.ToolTipRole and criterion is not None:
            return f"{criterion.id}: {criterion.name}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if criterion is not None:
            return criterion.id
        names = {
            self.COL_RANK: self.tr("Rank"),
            self.COL_OFFER: self.tr("Offer"),
            self.COL_APPLICANT: self.tr("Applicant"),
            self.col_total: self.tr("Total"),
            self.col_requested: self.tr("Requested"),
            self.col_award: self.tr("Awarded"),
            self.col_flags: self.tr("Flags"),
        }
        return names.get(section)


class ResultsPage(ShellPage):
    """Ranking, the "why" panel, decisions, allocation and the two charts."""

    refreshed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("resultsPage")
        self._ctx = ctx
        self.view_data: ResultsScreen | None = None
        self._applicant_wanted = 0  # the applicant column's width for its longest name

        self.model = RankingModel(self, ctx.lang)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        layout = QVBoxLayout(self)
        self.headline = QLabel(self.tr("Open a competition to see its results."))
        self.headline.setObjectName("resultsHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.allocation = QLabel()
        self.allocation.setObjectName("allocationLabel")
        layout.addWidget(self.allocation)

        buttons = QHBoxLayout()
        self.tie_button = QPushButton(self.tr("Record &tie order…"))
        self.tie_button.setObjectName("tieButton")
        self.tie_button.clicked.connect(self.record_tie)
        self.discrepancy_button = QPushButton(self.tr("Resolve &discrepancy…"))
        self.discrepancy_button.setObjectName("discrepancyButton")
        self.discrepancy_button.clicked.connect(self.resolve_discrepancy)
        self.award_button = QPushButton(self.tr("Set &award…"))
        self.award_button.setObjectName("awardButton")
        self.award_button.clicked.connect(self.set_award)
        self.reopen_button = QPushButton(self.tr("Reopen &scoring…"))
        self.reopen_button.setObjectName("reopenScoringButton")
        self.reopen_button.clicked.connect(self.reopen_scoring)
        for button in (
            self.tie_button,
            self.discrepancy_button,
            self.award_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setObjectName("rankingTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Ranking of offers"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the columns fit the rows on screen and a few more: all 2,000 take seconds (22 columns)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        self.table.selectionModel().currentChanged.connect(self._explain_current)
        # the "why" of the selected number is worded in the worker: one at a time, newest wins
        self.explainer = AsyncLoader(self, self._explained_key, self._explain_failed)
        splitter.addWidget(self.table)

        tabs = QTabWidget()
        tabs.setObjectName("resultsTabs")
        self.why = QTextBrowser()
        self.why.setObjectName("whyPanel")
        self.why.setAccessibleName(self.tr("Why: explanation of the selected number"))
        self.why.setPlaceholderText(self.tr("Select a number in the ranking to see why it is so."))
        tabs.addTab(self.why, self.tr("Why?"))
        self.spread_chart = SpreadChart()
        self.spread_chart.lang = ctx.lang
        self.spread_chart.empty_text = self.tr("No scores to compare yet.")
        self.leniency_chart = LeniencyChart()
        self.leniency_chart.lang = ctx.lang
        self.leniency_chart.empty_text = self.tr("No scores to compare yet.")
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.addWidget(
            QLabel(self.tr("Spread of members' totals per offer (dot: the offer's total)"))
        )
        charts_layout.addWidget(self.spread_chart)
        charts_layout.addWidget(
            QLabel(self.tr("Member leniency: mean difference from the others, in points"))
        )
        charts_layout.addWidget(self.leniency_chart)
        charts_layout.addStretch(1)
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(charts)
        tabs.addTab(charts_scroll, self.tr("Charts"))
        self.tabs = tabs
        splitter.addWidget(tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 260])
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("resultsStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self._update_buttons()

    # -- loading (off the GUI thread, when shown: ``ShellPage``) ------------------------------

    def set_competition(self, competition_id: int | None) -> None:
        if competition_id is None:
            self.view_data = None
            self.model.set_view(None)
            self.headline.setText(self.tr("Open a competition to see its results."))
            self.allocation.setText("")
            self._update_buttons()
        super().set_competition(competition_id)

    def reader(self) -> Any:
        url, competition_id, lang = self._ctx.db.url, self.competition_id, self._ctx.lang
        if competition_id is None:
            return None

        def read() -> ResultsScreen:
            return run_in_worker(read_results, url, competition_id, lang)

        return read

    def _load_failed(self, error: BaseException, trace: str) -> None:
        self.view_data = None
        self.model.set_view(None)
        if isinstance(error, UserError):
            self.headline.setText(error.text(self._ctx.lang))
        else:
            report_error(self, error, trace)
        self._update_buttons()
        self.refreshed.emit()

    def _size_columns(self) -> None:
        """Each column as wide as its title and the texts of the rows on screen and
        ``SIZE_SAMPLE_ROWS`` more, measured with the font's metrics.

        What ``resizeColumnsToContents`` gives, at a fraction of its cost on the GUI thread: Qt
        asks the model for every role of every sampled cell to size it (70 ms for 22 columns);
        here the model writes each sampled text once.
        """
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 10
        on_screen = self.table.viewport().height() // max(
            1, self.table.verticalHeader().defaultSectionSize()
        )
        rows = min(self.proxy.rowCount(), on_screen + SIZE_SAMPLE_ROWS)
        texts: list[list[str]] = [[] for _ in range(self.proxy.columnCount())]
        for row in range(rows):
            offer = self.model.offer_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if offer is None:
                continue
            for column, column_texts in enumerate(texts):
                column_texts.append(self.model.display_text(offer, column))
        for column, column_texts in enumerate(texts):
            widest = max(map(metrics.horizontalAdvance, column_texts), default=0)
            header.resizeSection(column, max(header.sectionSizeHint(column), widest + padding))
        self._applicant_wanted = header.sectionSize(RankingModel.COL_APPLICANT)

    def _fit_applicant_column(self) -> None:
        """The applicant column gets what the other columns leave of the table's width (at
        least 200 px, at most what its longest visible name needs)."""
        header = self.table.horizontalHeader()
        column = RankingModel.COL_APPLICANT
        wanted = self._applicant_wanted
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != column)
        spare = self.table.viewport().width() - others
        header.resizeSection(column, max(200, min(wanted, spare)))

    # ``object`` as ShellPage declares it (its handler hands the event on to Qt unchanged).
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._applicant_wanted:
            self._fit_applicant_column()

    def apply(self, view: ResultsScreen | None) -> None:
        if view is None:
            return
        selected = self._selected_offer()
        self.view_data = view
        self.model.set_view(view)
        self._size_columns()
        self._fit_applicant_column()
        self._show_headline()
        self._show_charts(view)
        if selected:
            self.select_offer(selected)
        self._update_buttons()
        self.refreshed.emit()

    def _show_headline(self) -> None:
        view = res = self.view_data
        assert view is not None and res is not None
        parts = []
        if not view.complete:
            parts.append(
                self.tr("Provisional: scoring is still open; the ranking can still change.")
            )
        if res.cancel:
            parts.append(
                self.tr("No offer is eligible: the competition must be cancelled (art. 18a).")
            )
        if res.unresolved_ties:
            groups = "; ".join(", ".join(g) for g in res.unresolved_ties)
            parts.append(self.tr("Unresolved tie: %1 — record the committee's order.").replace(
                "%1", groups
            ))  # fmt: skip
        if res.unresolved_discrepancies:
            parts.append(
                self.tr("Discrepancy to resolve: %1.").replace(
                    "%1", ", ".join(res.unresolved_discrepancies)
                )
            )
        if not parts:
            parts.append(self.tr("Results are complete; nothing is waiting for a decision."))
        self.headline.setText(" ".join(parts))
        if res.budget is not None:
            self.allocation.setText(
                self.tr("Awarded %1 of %2")
                .replace("%1", money_text(res.awarded_total or Decimal(0), self._ctx.lang))
                .replace("%2", money_text(res.budget, self._ctx.lang))
            )
        else:
            self.allocation.setText("")

    def _member_name(self, member_id: str) -> str:
        assert self.view_data is not None
        return self.view_data.member_names.get(member_id, member_id)

    def _show_charts(self, view: ResultsScreen) -> None:
        total_weight = sum((c.weight for c in view.criteria if c.scored), Decimal(0))
        self.spread_chart.set_items(
            [SpreadItem(s.offer_id, s.low, s.high, s.mean, s.flagged) for s in view.spreads],
            total_weight or Decimal(100),
        )
        self.leniency_chart.set_items(
            [
                LeniencyItem(
                    f"{item.member_id} {self._member_name(item.member_id)}"[:20],
                    item.mean_difference,
                    item.advisory,
                )
                for item in view.leniency
            ]
        )

    # -- explanation ------------------------------------------------------------------------

    def current_view(self) -> dict[str, Any]:
        index = self.table.currentIndex()
        return {
            "offer": self._selected_offer(),
            "column": self.proxy.mapToSource(index).column() if index.isValid() else 0,
            "sort": sort_state(self.table),
            "tab": self.tabs.currentIndex(),
        }

    def restore_inputs(self, state: dict[str, Any]) -> None:
        self.tabs.setCurrentIndex(state.get("tab", 0))

    def show_view(self, state: dict[str, Any]) -> None:
        restore_sort(self.table, state.get("sort"))
        if state.get("offer"):
            self.select_offer(state["offer"], state.get("column", RankingModel.COL_OFFER))

    def _selected_offer(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(OFFER_ROLE)) if index.isValid() else None

    def select_offer(self, offer_id: str, column: int = RankingModel.COL_OFFER) -> None:
        row = self.model.row_of(offer_id)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, column)))

    def _explain_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        view = self.view_data
        if not current.isValid() or view is None:
            self.why.clear()
            return
        source = self.proxy.mapToSource(current)
        offer = self.model.offer_at(source.row())
        if offer is None:
            return
        criterion = self.model.criterion_at(source.column())
        url, cid, lang = self._ctx.db.url, view.competition_id, self._ctx.lang
        token, code = view.token, offer.offer_id
        criterion_id = criterion.id if criterion is not None else None
        total = source.column() == self.model.col_total

        def read() -> Explanation:
            return run_in_worker(explain_offer, url, cid, token, code, criterion_id, total, lang)

        self.explainer.request(read, self._show_explanation)

    @property
    def idle(self) -> bool:
        """No read and no explanation is running or waiting (tests wait for this)."""
        return self.loader.idle and self.explainer.idle

    def _explained_key(self) -> Any:
        """An explanation is shown only for the results still on screen."""
        return None if self.view_data is None else self.view_data.token

    def _explain_failed(self, error: BaseException, trace: str) -> None:
        self.why.clear()
        report_error(self, error, trace)

    def _show_explanation(self, explanation: Explanation) -> None:
        if explanation.offer_id == self._selected_offer():
            self.why.setPlainText(self.explanation_text(explanation))

    def explanation_text(self, explanation: Explanation) -> str:
        row = self.model.offer_at(self.model.row_of(explanation.offer_id))
        lines = [f"{explanation.offer_id}: {row.label if row else ''}"]
        if explanation.criterion is not None:
            lines.append(" — ".join(explanation.criterion))
            if not explanation.scored:
                lines.append(self.tr("Not scored: the offer did not pass the formal check."))
        lines += explanation.criterion_lines
        lines += [f"• {line}" for line in explanation.lines]
        if explanation.member_totals:
            lines.append("")
            lines.append(self.tr("Members' own totals:"))
            for member, total in explanation.member_totals:
                lines.append(f"  {member} {self._member_name(member)}: {total}")
        if explanation.excluded:
            reasons = {
                "expert": self.tr("advisory expert, not counted"),
                "recused": self.tr("recused (conflict of interest)"),
                "no_scores": self.tr("gave no scores"),
            }
            lines.append(self.tr("Not counted:"))
            for member, reason in explanation.excluded:
                lines.append(
                    f"  {member} {self._member_name(member)}: {reasons.get(reason, reason)}"
                )
        if explanation.notes:
            lines.append("")
            lines += [f"• {note}" for note in explanation.notes]
        return "\n".join(lines)

    # -- decisions --------------------------------------------------------------------------

    def _editable(self) -> bool:
        return self.view_data is not None and self.view_data.status in (
            "scoring",
            "results",
        )

    def _current_offer(self) -> RankingRow | None:
        offer_id = self._selected_offer()
        if offer_id is None or self.view_data is None:
            return None
        return self.view_data.row(offer_id)

    def _update_buttons(self) -> None:
        view = self.view_data
        editable = self._editable()
        self.tie_button.setEnabled(bool(editable and view and view.unresolved_ties))
        offer = self._current_offer()
        self.discrepancy_button.setEnabled(
            bool(
                editable
                and offer is not None
                and (
                    st.Flag.DISCREPANCY in offer.flags
                    or st.Flag.DISCREPANCY_RESOLVED in offer.flags
                )
            )
        )
        self.discrepancy_button.setToolTip(self.tr("Select an offer flagged with a discrepancy."))
        manual = bool(view is not None and view.manual_allocation)
        self.award_button.setVisible(manual)
        self.award_button.setEnabled(bool(editable and manual and offer and offer.eligible))
        self.reopen_button.setEnabled(bool(view is not None and view.status == "results"))

    def _after_decision(self, message: str) -> None:
        assert self.competition_id is not None
        self.status.setText(message)
        self._ctx.notifier.competition_changed.emit(self.competition_id)

    def _run_decision(self, action: Any, message: str) -> bool:
        try:
            action()
        except UserError as error:
            report_error(self, error)
            return False
        self._after_decision(message)
        return True

    def record_tie(self, *, dialog_hook: Any = None) -> None:
        """``dialog_hook(dialog) -> bool`` replaces the modal ``exec`` (tests)."""
        view = self.view_data
        if view is None or not view.unresolved_ties or self.competition_id is None:
            return
        from app.ui.dialogs.decisions import TieOrderDialog

        group = view.unresolved_ties[0]
        labels = {o.offer_id: o.label for o in view.rows}
        dialog = TieOrderDialog([(code, labels.get(code, "")) for code in group], self)
        accepted = (
            dialog_hook(dialog) if dialog_hook else dialog.exec() == QDialog.DialogCode.Accepted
        )
        if not accepted:
            return
        order, reason, cid = dialog.order(), dialog.reason_text, self.competition_id
        self._run_decision(
            lambda: decisions.record_tie_order(self._ctx.db, self._ctx.actor(), cid, order, reason),
            self.tr("The committee's order was recorded: %1.").replace("%1", " > ".join(order)),
        )

    def resolve_discrepancy(self, *, dialog_hook: Any = None) -> None:
        offer = self._current_offer()
        view = self.view_data
        if offer is None or view is None or self.competition_id is None:
            return
        from app.ui.dialogs.decisions import DiscrepancyDialog

        scored = [
            (c.id, c.name, c.max_score or Decimal(1), c.step or Decimal(1))
            for c in view.criteria
            if c.scored
        ]
        spread = (
            self.tr("Members' totals for %1 differ by %2 points.")
            .replace("%1", offer.offer_id)
            .replace("%2", format_decimal(offer.spread or Decimal(0), 2, self._ctx.lang))
        )
        dialog = DiscrepancyDialog(offer.offer_id, spread, scored, self._ctx.lang, self)
        accepted = (
            dialog_hook(dialog) if dialog_hook else dialog.exec() == QDialog.DialogCode.Accepted
        )
        if not accepted:
            return
        method, reason = dialog.method_value(), dialog.reason_text
        scores, cid, code = dialog.consensus_scores(), self.competition_id, offer.offer_id
        self._run_decision(
            lambda: decisions.record_discrepancy_resolution(
                self._ctx.db, self._ctx.actor(), cid, code, method, reason, scores or None
            ),
            self.tr("The resolution of the discrepancy of %1 was recorded.").replace("%1", code),
        )

    def set_award(self, *, dialog_hook: Any = None) -> None:
        offer = self._current_offer()
        view = self.view_data
        if offer is None or view is None or self.competition_id is None:
            return
        from app.ui.dialogs.decisions import ManualAwardDialog

        requested = offer.requested
        others = sum(
            (o.award or Decimal(0) for o in view.rows if o.offer_id != offer.offer_id),
            Decimal(0),
        )
        dialog = ManualAwardDialog(
            offer.offer_id,
            requested,
            offer.award,
            others,
            view.budget,
            self._ctx.lang,
            self,
        )
        accepted = (
            dialog_hook(dialog) if dialog_hook else dialog.exec() == QDialog.DialogCode.Accepted
        )
        if not accepted:
            return
        amount, reason, cid, code = (
            dialog.value(),
            dialog.reason_text,
            self.competition_id,
            offer.offer_id,
        )
        assert amount is not None
        self._run_decision(
            lambda: decisions.record_manual_award(
                self._ctx.db, self._ctx.actor(), cid, code, amount, reason
            ),
            self.tr("The award for %1 was recorded.").replace("%1", code),
        )

    def reopen_scoring(self, *, dialog_hook: Any = None) -> None:
        if self.competition_id is None:
            return
        from app.ui.dialogs.decisions import ReasonDialog

        dialog = ReasonDialog(
            self.tr("Reopen scoring"),
            self.tr("Scoring is opened again so that members can correct their cards. The "
                    "reason is recorded in the audit trail."),
            self,
        )  # fmt: skip
        accepted = (
            dialog_hook(dialog) if dialog_hook else dialog.exec() == QDialog.DialogCode.Accepted
        )
        if not accepted:
            return
        reason, cid = dialog.reason_text, self.competition_id
        self._run_decision(
            lambda: workflow.reopen_scoring(self._ctx.db, self._ctx.actor(), cid, reason),
            self.tr("Scoring was reopened."),
        )
