"""Criteria and scoring rules: the card, the running sum of weights and the scoring policy.

Every edit replaces the whole card (or policy) through the service, so the same validation
applies as on the command line; undo saves the previous card.  Once the call is announced the
editor is read-only and says why.
"""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    RoundingStage,
    ThresholdBasis,
    TieBreakerKind,
)
from app.services import call_setup, queries
from app.services.specs import BandSpec, CriterionSpec, PolicySpec, TieBreakerSpec
from app.ui.context import UiContext
from app.ui.errors import show_user_error
from app.ui.formatting import parse_user_decimal
from app.ui.pages.criteria_table import KIND_COLUMN, CriteriaModel, KindDelegate, number_text
from app.ui.widgets.fields import Banner, DecimalEdit
from app.ui.widgets.labels import (
    aggregation_label,
    allocation_label,
    basis_label,
    rounding_stage_label,
    tie_breaker_label,
)
from app.ui.widgets.page import ShellPage, empty_hint, no_competition_text
from app.ui.widgets.undo import SaveValueCommand, undo_stack


class CriteriaPage(ShellPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("criteriaPage")
        self._specs: tuple[CriterionSpec, ...] = ()
        self._policy: PolicySpec | None = None
        self._loading = False
        self.read_only = True
        outer = QVBoxLayout(self)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.empty = empty_hint(no_competition_text(), self)
        outer.addWidget(self.empty)
        self.body = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(self.body, 1)

        # the card
        card = QWidget(self.body)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        self.model = CriteriaModel(self)
        self.model.on_edit = lambda specs: self.save_criteria(specs, self.tr("Edit a criterion"))
        self.model.on_error = lambda error: show_user_error(self, error)
        self.table = QTableView(card)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setObjectName("criteriaTable")
        self.table.setMinimumHeight(self.fontMetrics().height() * 9)  # at least ~5 rows
        self.table.setAccessibleName(self.tr("Criteria"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KIND_COLUMN, KindDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        card_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add criterion"), card)
        self.remove_button = QPushButton(self.tr("&Remove"), card)
        self.up_button = QPushButton(self.tr("Move &up"), card)
        self.down_button = QPushButton(self.tr("Move do&wn"), card)
        self.weight_sum = QLabel(card)
        self.weight_sum.setObjectName("weightSum")
        self.weight_sum.setAccessibleName(self.tr("Sum of weights"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.weight_sum)
        card_layout.addLayout(buttons)

        # the selected criterion: guidance and bands
        detail = QGroupBox(self.tr("Selected criterion"), card)
        detail_form = QFormLayout(detail)
        self.guidance = QPlainTextEdit(detail)
        self.guidance.setTabChangesFocus(True)
        self.guidance.setFixedHeight(54)
        self.guidance.setAccessibleName(self.tr("Guidance for the committee"))
        self.guidance.setPlaceholderText(
            self.tr(
                "What the committee should look at; shown on the scoring card and in the protocol."
            )
        )
        self.bands = QLineEdit(detail)
        self.bands.setAccessibleName(self.tr("Bands"))
        self.bands.setPlaceholderText(self.tr("from value: points; … e.g. 0: 0; 3: 10; 5: 20"))
        self.bands_error = QLabel(detail)
        self.bands_error.setStyleSheet("color: #b3261e;")
        self.bands_error.setWordWrap(True)
        detail_form.addRow(self.tr("&Guidance:"), self.guidance)
        detail_form.addRow(self.tr("&Bands:"), self.bands)
        detail_form.addRow(self.bands_error)
        card_layout.addWidget(detail)

        # the policy
        policy_box = QGroupBox(self.tr("Scoring rules"), self.body)
        policy_layout = QHBoxLayout(policy_box)
        left = QFormLayout()
        right = QVBoxLayout()
        policy_layout.addLayout(left, 3)
        policy_layout.addLayout(right, 2)
        self.aggregation = self._combo(Aggregation, aggregation_label, self.tr("Aggregation"))
        self.rounding_places = QSpinBox(policy_box)
        self.rounding_places.setRange(0, 4)
        self.rounding_places.setAccessibleName(self.tr("Decimal places"))
        self.rounding_stage = self._combo(
            RoundingStage, rounding_stage_label, self.tr("Rounding stage")
        )
        self.min_total = DecimalEdit(policy_box)
        self.min_total.setAccessibleName(self.tr("Minimum total"))
        self.min_total.setPlaceholderText(self.tr("none"))
        self.min_total_basis = self._combo(
            ThresholdBasis, basis_label, self.tr("Threshold applies to")
        )
        self.discrepancy = DecimalEdit(policy_box)
        self.discrepancy.setAccessibleName(self.tr("Discrepancy limit"))
        self.discrepancy.setPlaceholderText(self.tr("not checked"))
        self.winners = QSpinBox(policy_box)
        self.winners.setRange(0, 999)
        self.winners.setSpecialValueText(self.tr("all eligible"))
        self.winners.setAccessibleName(self.tr("Number of winners"))
        self.allocation = self._combo(AllocationMethod, allocation_label, self.tr("Allocation"))
        self.allocation_budget = DecimalEdit(policy_box)
        self.allocation_budget.setAccessibleName(self.tr("Amount to allocate"))
        self.allocation_budget.setPlaceholderText(self.tr("the funds of the call"))
        self.award_step = DecimalEdit(policy_box)
        self.award_step.setAccessibleName(self.tr("Amounts rounded down to"))
        self.full_above = DecimalEdit(policy_box)
        self.full_above.setAccessibleName(self.tr("Full funding from score"))
        self.full_above.setPlaceholderText(self.tr("only for full/percentage allocation"))
        left.addRow(self.tr("Aggregation of members' scores:"), self.aggregation)
        left.addRow(self.tr("Rounding (half up), places:"), self.rounding_places)
        left.addRow(self.tr("Rounded at:"), self.rounding_stage)
        left.addRow(self.tr("Minimum total:"), self.min_total)
        left.addRow(self.tr("Threshold applies to:"), self.min_total_basis)
        left.addRow(self.tr("Discrepancy limit (points):"), self.discrepancy)
        left.addRow(self.tr("Number of winners:"), self.winners)
        left.addRow(self.tr("Allocation:"), self.allocation)
        left.addRow(self.tr("Amount to allocate:"), self.allocation_budget)
        left.addRow(self.tr("Amounts rounded down to:"), self.award_step)
        left.addRow(self.tr("Full funding from score:"), self.full_above)
        right.addWidget(QLabel(self.tr("Tie-break chain (in order):"), policy_box))
        self.ties = QListWidget(policy_box)
        self.ties.setAccessibleName(self.tr("Tie-break chain"))
        right.addWidget(self.ties, 1)
        tie_add = QHBoxLayout()
        self.tie_kind = self._combo(TieBreakerKind, tie_breaker_label, self.tr("Tie-break rule"))
        self.tie_ref = QLineEdit(policy_box)
        self.tie_ref.setAccessibleName(self.tr("Criterion code or offer field"))
        self.tie_ref.setPlaceholderText(self.tr("criterion / field"))
        self.tie_ref.setMaximumWidth(130)
        tie_add.addWidget(self.tie_kind, 1)
        tie_add.addWidget(self.tie_ref)
        right.addLayout(tie_add)
        tie_buttons = QHBoxLayout()
        self.tie_add_button = QPushButton(self.tr("Add &rule"), policy_box)
        self.tie_remove_button = QPushButton(self.tr("Remove rule"), policy_box)
        self.tie_up_button = QPushButton(self.tr("Up"), policy_box)
        for button in (self.tie_add_button, self.tie_remove_button, self.tie_up_button):
            tie_buttons.addWidget(button)
        right.addLayout(tie_buttons)
        right.addWidget(
            QLabel(
                self.tr("What is still tied is shown to the committee as an unresolved tie."),
                policy_box,
            )
        )
        right.itemAt(right.count() - 1).widget().setWordWrap(True)  # type: ignore[union-attr]
        self.body.addWidget(card)
        # the rules scroll on a small screen instead of making the window taller
        policy_scroll = QScrollArea(self.body)
        policy_scroll.setWidgetResizable(True)
        policy_scroll.setFrameShape(QFrame.Shape.NoFrame)
        policy_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy_scroll.setWidget(policy_box)
        self.body.addWidget(policy_scroll)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)

        # wiring
        self.add_button.clicked.connect(self.add_criterion)
        self.remove_button.clicked.connect(self.remove_criterion)
        self.up_button.clicked.connect(lambda: self.move_criterion(-1))
        self.down_button.clicked.connect(lambda: self.move_criterion(1))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.guidance.installEventFilter(self)
        self.bands.editingFinished.connect(self._bands_edited)
        for combo in (
            self.aggregation,
            self.rounding_stage,
            self.min_total_basis,
            self.allocation,
        ):
            combo.activated.connect(lambda _i: self.commit_policy())
        for spin in (self.rounding_places, self.winners):
            spin.editingFinished.connect(self.commit_policy)
        for edit in (
            self.min_total,
            self.discrepancy,
            self.allocation_budget,
            self.award_step,
            self.full_above,
        ):
            edit.editingFinished.connect(self.commit_policy)
        self.tie_add_button.clicked.connect(self.add_tie_breaker)
        self.tie_remove_button.clicked.connect(self.remove_tie_breaker)
        self.tie_up_button.clicked.connect(self.raise_tie_breaker)
        self.refresh()

    def _combo(self, enum: Any, label: Callable[[Any], str], name: str) -> QComboBox:
        combo = QComboBox(self)
        for value in enum:
            combo.addItem(label(value), value.value)
        combo.setAccessibleName(name)
        return combo

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.guidance and event.type() == QEvent.Type.FocusOut:
            self._guidance_edited()
        return super().eventFilter(watched, event)

    # -- reading -------------------------------------------------------------------------------

    def reader(self) -> Callable[[], tuple[bool, tuple[CriterionSpec, ...], PolicySpec]] | None:
        competition_id = self.competition_id
        if competition_id is None:
            return None
        db = self.ctx.db

        def read() -> tuple[bool, tuple[CriterionSpec, ...], PolicySpec]:
            return (
                "criteria" not in queries.editable_areas(db, competition_id),
                call_setup.criteria_specs(db, competition_id),
                call_setup.policy_spec(db, competition_id),
            )

        return read

    def _refresh_now(self) -> None:
        """Shown, or the competition changed elsewhere: read off the GUI thread."""
        self._stale = False
        if self.competition_id is None:
            self.refresh()
            return
        ShellPage.refresh(self)  # through the loader; ``apply`` shows what it read

    def refresh(self) -> None:
        """Read at once, on the GUI thread: after the editor's own saves (three small reads),
        so the next edit starts from what was saved."""
        has = self.competition_id is not None
        self.empty.setVisible(not has)
        self.body.setVisible(has)
        if not has:
            self.banner.show_text("")
            return
        read = self.reader()
        assert read is not None
        self._fill(read())

    def apply(self, data: tuple[bool, tuple[CriterionSpec, ...], PolicySpec] | None) -> None:
        if data is None:
            return
        self.empty.setVisible(False)
        self.body.setVisible(True)
        if data == (self.read_only, self._specs, self._policy):
            return  # as shown (the editor's own save, read again): nothing being typed is lost
        self._fill(data)

    def _fill(self, data: tuple[bool, tuple[CriterionSpec, ...], PolicySpec]) -> None:
        self.read_only, self._specs, self._policy = data
        row = max(self.table.currentIndex().row(), 0)
        self.model.lang = self.ctx.lang
        self.model.read_only = self.read_only
        self.model.set_specs(self._specs)
        if self._specs:
            self.table.selectRow(min(row, len(self._specs) - 1))
        self._fill_policy(self._policy)
        self._update_sum()
        self._show_detail()
        self._apply_read_only()
        self.banner.show_text(
            self.tr(
                "Read-only: the criteria and scoring rules were fixed when the call was announced "
                "(art. 13 of the Public Benefit Act); changing them now would change the rules "
                "after the offers were written."
            )
            if self.read_only
            else ""
        )

    def _apply_read_only(self) -> None:
        editable = not self.read_only
        for widget in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.tie_add_button,
            self.tie_remove_button,
            self.tie_up_button,
            self.aggregation,
            self.rounding_stage,
            self.min_total_basis,
            self.allocation,
            self.tie_kind,
        ):
            widget.setEnabled(editable)
        for field in (
            self.rounding_places,
            self.winners,
            self.min_total,
            self.discrepancy,
            self.allocation_budget,
            self.award_step,
            self.full_above,
            self.tie_ref,
            self.bands,
        ):
            field.setReadOnly(self.read_only)
        self.guidance.setReadOnly(self.read_only)

    def _update_sum(self) -> None:
        total = sum((spec.weight for spec in self._specs), Decimal(0))
        text = self.tr("Sum of weights: %1 points").replace("%1", number_text(total, self.ctx.lang))
        if (
            self._specs
            and total != Decimal(100)
            and total != sum((s.max_score or Decimal(0) for s in self._specs), Decimal(0))
        ):
            text += " " + self.tr("(not 100 — check the weights)")
        self.weight_sum.setText(text)

    def current_view(self) -> dict[str, Any]:
        spec = self.current_spec()
        return {
            "criterion": spec.code if spec is not None else None,
            "tie_rule": self.ties.currentRow(),
            "splitter": self.body.saveState().data(),  # bytes: a plain value
        }

    def show_view(self, state: dict[str, Any]) -> None:
        if state.get("splitter") is not None:
            self.body.restoreState(QByteArray(state["splitter"]))
        codes = [spec.code for spec in self._specs]
        if state.get("criterion") in codes:
            self.table.selectRow(codes.index(state["criterion"]))
        if 0 <= state.get("tie_rule", -1) < self.ties.count():  # the rules are in chain order
            self.ties.setCurrentRow(state["tie_rule"])

    def current_spec(self) -> CriterionSpec | None:
        row = self.table.currentIndex().row()
        return self._specs[row] if 0 <= row < len(self._specs) else None

    def _show_detail(self) -> None:
        spec = self.current_spec()
        lang = self.ctx.lang
        self._loading = True
        try:
            self.guidance.setPlainText(spec.guidance if spec else "")
            self.bands.setText(
                "; ".join(
                    f"{number_text(b.from_value, lang)}: {number_text(b.points, lang)}"
                    for b in spec.bands
                )
                if spec
                else ""
            )
            self.bands.setEnabled(spec is not None and spec.kind is CriterionKind.BANDED)
            self.bands_error.setText("")
        finally:
            self._loading = False

    def _fill_policy(self, policy: PolicySpec) -> None:
        lang = self.ctx.lang
        self._loading = True
        try:
            self.aggregation.setCurrentIndex(self.aggregation.findData(policy.aggregation.value))
            self.rounding_places.setValue(policy.rounding_places)
            self.rounding_stage.setCurrentIndex(
                self.rounding_stage.findData(policy.rounding_stage.value)
            )
            self.min_total.set_value(policy.min_total, lang)
            self.min_total_basis.setCurrentIndex(
                self.min_total_basis.findData(policy.min_total_basis.value)
            )
            self.discrepancy.set_value(policy.discrepancy_points, lang)
            self.winners.setValue(policy.winners or 0)
            self.allocation.setCurrentIndex(
                self.allocation.findData(policy.allocation_method.value)
            )
            self.allocation_budget.set_value(policy.allocation_budget, lang)
            self.award_step.set_value(policy.award_step, lang)
            self.full_above.set_value(policy.full_above, lang)
            self.ties.clear()
            for number, rule in enumerate(policy.tie_breakers, start=1):
                ref = f" ({rule.ref})" if rule.ref else ""
                self.ties.addItem(f"{number}. {tie_breaker_label(rule.kind)}{ref}")
        finally:
            self._loading = False

    # -- saving --------------------------------------------------------------------------------

    def _push(self, text: str, save: Callable[[Any], None], old: Any, new: Any) -> None:
        try:
            save(new)
        except UserError as error:
            show_user_error(self, error)
            self.refresh()
            return
        undo_stack(self.ctx).push(
            SaveValueCommand(text, save, old, new, lambda e: show_user_error(self, e))
        )

    def save_criteria(self, specs: tuple[CriterionSpec, ...], text: str) -> None:
        competition_id = self.competition_id
        if competition_id is None or self.read_only:
            return

        def save(value: tuple[CriterionSpec, ...]) -> None:
            call_setup.set_criteria(self.ctx.db, self.ctx.actor(), competition_id, value)
            self.ctx.notifier.competition_changed.emit(competition_id)
            if self.competition_id == competition_id:
                self.refresh()

        self._push(text, save, self._specs, specs)

    def save_policy(self, policy: PolicySpec, text: str) -> None:
        competition_id = self.competition_id
        if competition_id is None or self.read_only or self._policy is None:
            return

        def save(value: PolicySpec) -> None:
            call_setup.set_policy(self.ctx.db, self.ctx.actor(), competition_id, value)
            self.ctx.notifier.competition_changed.emit(competition_id)
            if self.competition_id == competition_id:
                self.refresh()

        self._push(text, save, self._policy, policy)

    def add_criterion(self) -> None:
        codes = {spec.code for spec in self._specs}
        number = len(self._specs) + 1
        while f"K{number}" in codes:
            number += 1
        new = CriterionSpec(
            code=f"K{number}",
            name=self.tr("New criterion"),
            kind=CriterionKind.SCORED,
            weight=Decimal(5),
            max_score=Decimal(5),
            step=Decimal("0.5"),
        )
        self.save_criteria((*self._specs, new), self.tr("Add a criterion"))
        self.table.selectRow(len(self._specs) - 1)
        self.table.setFocus()

    def remove_criterion(self) -> None:
        spec = self.current_spec()
        if spec is None:
            return
        self.save_criteria(
            tuple(s for s in self._specs if s is not spec), self.tr("Remove a criterion")
        )

    def move_criterion(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        target = row + delta
        if not (0 <= row < len(self._specs) and 0 <= target < len(self._specs)):
            return
        specs = list(self._specs)
        specs[row], specs[target] = specs[target], specs[row]
        self.save_criteria(tuple(specs), self.tr("Reorder the criteria"))
        self.table.selectRow(target)

    def _guidance_edited(self) -> None:
        spec = self.current_spec()
        if self._loading or spec is None or self.read_only:
            return
        text = self.guidance.toPlainText()
        if text == spec.guidance:
            return
        self.save_criteria(
            tuple(replace(s, guidance=text) if s is spec else s for s in self._specs),
            self.tr("Edit the guidance"),
        )

    def parse_bands(self, text: str) -> tuple[BandSpec, ...]:
        bands: list[BandSpec] = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            start, colon, points = part.partition(":")
            try:
                if not colon:
                    raise ValueError(part)
                bands.append(
                    BandSpec(
                        from_value=parse_user_decimal(start), points=parse_user_decimal(points)
                    )
                )
            except ValueError:
                raise UserError(
                    "invalid_value",
                    {
                        "field": self.tr("Bands"),
                        "detail": self.tr(
                            "„%1” is not “from value: points”; write e.g. 0: 0; 3: 10; 5: 20"
                        ).replace("%1", part),
                    },
                ) from None
        return tuple(sorted(bands, key=lambda b: b.from_value))

    def _bands_edited(self) -> None:
        spec = self.current_spec()
        if self._loading or spec is None or self.read_only:
            return
        try:
            bands = self.parse_bands(self.bands.text())
        except UserError as error:
            self.bands_error.setText(error.text(self.ctx.lang))
            return
        self.bands_error.setText("")
        if bands == spec.bands:
            return
        self.save_criteria(
            tuple(replace(s, bands=bands) if s is spec else s for s in self._specs),
            self.tr("Edit the bands"),
        )

    def form_policy(self) -> PolicySpec:
        assert self._policy is not None
        fields = {
            self.min_total: self.tr("Minimum total"),
            self.discrepancy: self.tr("Discrepancy limit"),
            self.allocation_budget: self.tr("Amount to allocate"),
            self.award_step: self.tr("Amounts rounded down to"),
            self.full_above: self.tr("Full funding from score"),
        }
        for edit, name in fields.items():
            if not edit.is_valid():
                raise UserError(
                    "invalid_value",
                    {
                        "field": name,
                        "detail": self.tr("„%1” is not a number").replace("%1", edit.text()),
                    },
                )
        return replace(
            self._policy,
            aggregation=Aggregation(self.aggregation.currentData()),
            rounding_places=self.rounding_places.value(),
            rounding_stage=RoundingStage(self.rounding_stage.currentData()),
            min_total=self.min_total.value(),
            min_total_basis=ThresholdBasis(self.min_total_basis.currentData()),
            discrepancy_points=self.discrepancy.value(),
            winners=self.winners.value() or None,
            allocation_method=AllocationMethod(self.allocation.currentData()),
            allocation_budget=self.allocation_budget.value(),
            award_step=self.award_step.value() or Decimal("0.01"),
            full_above=self.full_above.value(),
        )

    def commit_policy(self) -> None:
        if self._loading or self._policy is None or self.read_only:
            return
        try:
            policy = self.form_policy()
        except UserError as error:
            show_user_error(self, error)
            self._fill_policy(self._policy)
            return
        if policy != self._policy:
            self.save_policy(policy, self.tr("Edit the scoring rules"))

    def add_tie_breaker(self) -> None:
        if self._policy is None:
            return
        kind = TieBreakerKind(self.tie_kind.currentData())
        ref = self.tie_ref.text().strip() or None
        if kind in (TieBreakerKind.HIGHEST_WEIGHT, TieBreakerKind.EARLIER_SUBMISSION):
            ref = None
        elif ref is None:
            show_user_error(
                self,
                UserError(
                    "invalid_value",
                    {
                        "field": tie_breaker_label(kind),
                        "detail": self.tr(
                            "give the criterion code or the offer field this rule compares"
                        ),
                    },
                ),
            )
            return
        rules = (*self._policy.tie_breakers, TieBreakerSpec(kind=kind, ref=ref))
        self.save_policy(replace(self._policy, tie_breakers=rules), self.tr("Add a tie-break rule"))
        self.tie_ref.clear()

    def remove_tie_breaker(self) -> None:
        row = self.ties.currentRow()
        if self._policy is None or row < 0:
            return
        rules = tuple(r for n, r in enumerate(self._policy.tie_breakers) if n != row)
        self.save_policy(
            replace(self._policy, tie_breakers=rules), self.tr("Remove a tie-break rule")
        )

    def raise_tie_breaker(self) -> None:
        row = self.ties.currentRow()
        if self._policy is None or row < 1:
            return
        rules = list(self._policy.tie_breakers)
        rules[row - 1], rules[row] = rules[row], rules[row - 1]
        self.save_policy(
            replace(self._policy, tie_breakers=tuple(rules)), self.tr("Reorder the tie-break rules")
        )
        self.ties.setCurrentRow(row - 1)
