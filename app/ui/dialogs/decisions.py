"""The committee's decisions on the results: tie order, discrepancy resolution, manual award.

Each dialog only collects the decision and its reason; the results screen sends it to the
service, which checks it again and records it in the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.formatting import money_text, parse_user_decimal, score_text


class _ReasonDialog(QDialog):
    """A dialog whose OK stays disabled until a reason is written (the service requires one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why (goes to the protocol and the audit trail)"))
        self.reason.setMaximumHeight(90)
        self.reason.textChanged.connect(self._update_ok)
        self.problem = QLabel()
        self.problem.setObjectName("dialogProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)
        self._update_ok()

    def extra_problem(self) -> str:
        return ""

    def _update_ok(self) -> None:
        problem = self.extra_problem()
        if not problem and not self.reason.toPlainText().strip():
            problem = self.tr("Write the reason for the decision.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    @property
    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


class ReasonDialog(_ReasonDialog):
    """Asks only for a reason (reopening scoring or a signed-off result)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.layout_.insertWidget(0, label)
        self.finish_layout()


class TieOrderDialog(_ReasonDialog):
    """Puts tied offers in the order the committee decided (best first)."""

    def __init__(self, offers: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tieOrderDialog")
        self.setWindowTitle(self.tr("Record the committee's order of tied offers"))
        intro = QLabel(
            self.tr(
                "The tie-break rules of the call left these offers tied. Put them in the "
                "order the committee decided, best first."
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("tieList")
        self.list.setAccessibleName(self.tr("Tied offers, best first"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for code, label in offers:
            self.list.addItem(f"{code} — {label}")
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, code)
        self.list.setCurrentRow(0)
        row.addWidget(self.list, 1)
        moves = QVBoxLayout()
        self.up = QPushButton(self.tr("Move &up"))
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down = QPushButton(self.tr("Move &down"))
        self.down.clicked.connect(lambda: self.move_selected(1))
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        row.addLayout(moves)
        self.layout_.insertLayout(1, row)
        self.finish_layout()

    def move_selected(self, delta: int) -> None:
        """Move the selected offer ``delta`` places (not ``move``: that is QWidget's)."""
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def order(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]


class DiscrepancyDialog(_ReasonDialog):
    """How a flagged discrepancy was resolved: consensus scores, a third evaluator, the chair."""

    METHODS = ("consensus", "third_evaluator", "chair_decision")

    def __init__(
        self,
        offer: str,
        spread_text: str,
        criteria: Sequence[tuple[str, str, Decimal, Decimal]],  # code, name, max, step
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("discrepancyDialog")
        self.setWindowTitle(self.tr("Resolve the discrepancy of offer %1").replace("%1", offer))
        self.lang = lang
        self._criteria = list(criteria)
        intro = QLabel(spread_text)
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.method = QComboBox()
        self.method.setObjectName("methodCombo")
        self.method.setAccessibleName(self.tr("Resolution method"))
        self.method.addItem(self.tr("Consensus scores agreed by the committee"), "consensus")
        self.method.addItem(self.tr("A third evaluator's scores were added"), "third_evaluator")
        self.method.addItem(self.tr("Chair's decision: the scores stand"), "chair_decision")
        self.method.currentIndexChanged.connect(self._method_changed)
        self.form.addRow(self.tr("&Method:"), self.method)
        self.consensus: dict[str, QLineEdit] = {}
        for code, name, maximum, step in self._criteria:
            edit = QLineEdit()
            edit.setObjectName(f"consensus_{code}")
            edit.setAccessibleName(self.tr("Consensus score for %1").replace("%1", code))
            edit.setPlaceholderText(
                self.tr("0–%1, step %2")
                .replace("%1", score_text(maximum, lang))
                .replace("%2", score_text(step, lang))
            )
            edit.textChanged.connect(self._update_ok)
            self.consensus[code] = edit
            self.form.addRow(f"{code} {name}:", edit)
        self.finish_layout()

    def method_value(self) -> str:
        return str(self.method.currentData())

    def _method_changed(self) -> None:
        for edit in self.consensus.values():
            edit.setEnabled(self.method_value() == "consensus")
        self._update_ok()

    def consensus_scores(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        if self.method_value() != "consensus":
            return out
        for code, edit in self.consensus.items():
            if edit.text().strip():
                out[code] = parse_user_decimal(edit.text())
        return out

    def extra_problem(self) -> str:
        if not hasattr(self, "consensus") or self.method_value() != "consensus":
            return ""
        for code, _name, maximum, step in self._criteria:
            text = self.consensus[code].text()
            if not text.strip():
                return self.tr("Enter the consensus score for %1.").replace("%1", code)
            try:
                value = parse_user_decimal(text)
            except ValueError:
                return (
                    self.tr("„%1” is not a number (criterion %2).")
                    .replace("%1", text)
                    .replace("%2", code)
                )
            if value < 0 or value > maximum or value % step != 0:
                return (
                    self.tr("The score for %1 must be 0–%2 in steps of %3.")
                    .replace("%1", code)
                    .replace("%2", score_text(maximum, self.lang))
                    .replace("%3", score_text(step, self.lang))
                )
        return ""


class ManualAwardDialog(_ReasonDialog):
    """The amount the committee awards an offer, with the running total against the budget."""

    def __init__(
        self,
        offer: str,
        requested: Decimal,
        current: Decimal | None,
        awarded_others: Decimal,
        budget: Decimal | None,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("manualAwardDialog")
        self.setWindowTitle(self.tr("Award for offer %1").replace("%1", offer))
        self.lang = lang
        self.requested = requested
        self.others = awarded_others
        self.budget = budget
        self.amount = QLineEdit(
            money_text(current, lang).replace("\u00a0zł", "") if current else ""
        )
        self.amount.setObjectName("amountEdit")
        self.amount.setAccessibleName(self.tr("Amount awarded"))
        self.amount.textChanged.connect(self._update_ok)
        self.form.addRow(self.tr("Requested:"), QLabel(money_text(requested, lang)))
        self.form.addRow(self.tr("&Amount awarded:"), self.amount)
        self.running = QLabel()
        self.running.setObjectName("runningTotal")
        self.form.addRow(self.running)
        self.finish_layout()

    def value(self) -> Decimal | None:
        try:
            return parse_user_decimal(self.amount.text())
        except ValueError:
            return None

    def extra_problem(self) -> str:
        if not hasattr(self, "running"):
            return ""
        value = self.value()
        total = self.others + (value or Decimal(0))
        text = self.tr("Awarded %1 of %2").replace("%1", money_text(total, self.lang))
        self.running.setText(
            text.replace("%2", money_text(self.budget, self.lang) if self.budget else "—")
        )
        if value is None:
            return self.tr("Enter the amount in złoty, e.g. 12 500,00.")
        if value < 0:
            return self.tr("The amount cannot be negative.")
        if value != value.quantize(Decimal("0.01")):
            return self.tr("The amount can have at most two decimal places (grosze).")
        if value > self.requested:
            return self.tr("The amount is more than the offer requested.")
        if self.budget is not None and total > self.budget:
            return self.tr("The awards would exceed the budget.")
        return ""
