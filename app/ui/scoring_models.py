"""Models of score entry: one member's card as a grid of offers (rows) × scored criteria.

The grid holds plain values only (codes, ``Decimal`` scores, justifications) and answers
``data()`` from dictionaries, so 2 000 offers × 15 criteria cost nothing until a cell is
painted.  What the user types is validated at once with the same messages as the service
(``score_off_scale``, ``score_off_step``); a refused or failed value stays visible and marked
in its cell — a keystroke is never lost — until it is corrected or saved.

Saving is not done here: the model emits ``save_requested`` and the screen sends the entry to
the service (``score_entry.record_scores``) or, in evaluator mode, to the member's draft file;
the outcome comes back through ``mark_saved`` / ``mark_failed``.
"""

from __future__ import annotations

import enum
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.errors import UserError
from app.ui.formatting import NBSP, score_text
from app.ui.scoring_data import (
    GridCriterion,
    GridOffer,
    Key,
)

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

# ---------------------------------------------------------------------------------------------
# Validation with the service's own messages


def check_score(criterion: GridCriterion, text: str) -> tuple[Decimal | None, UserError | None]:
    """``text`` as a score of ``criterion``: the value, or the error the service would raise.

    An empty text is (None, None): the score is to be removed.  A Polish decimal comma and a
    point are both accepted; nothing is rounded.
    """
    cleaned = text.strip().replace(NBSP, "").replace(" ", "")
    if not cleaned:
        return None, None
    try:
        value = Decimal(cleaned.replace(",", "."))
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        return None, UserError(
            "invalid_value",
            {
                "field": f"ocena / score ({criterion.code})",
                "detail": f"„{text.strip()}” nie jest liczbą",
            },
        )
    if value < 0 or value > criterion.max_score:
        return None, UserError(
            "score_off_scale",
            {"value": value, "criterion": criterion.code, "max": criterion.max_score},
        )
    if value % criterion.step != 0:
        return None, UserError(
            "score_off_step", {"value": value, "criterion": criterion.code, "step": criterion.step}
        )
    return value, None


# ---------------------------------------------------------------------------------------------
# The grid


class CellState(enum.IntEnum):
    SAVED = 0  # as stored (or empty)
    SAVING = 1  # sent, waiting for the outcome
    INVALID = 2  # refused as typed (off the scale, off the step, not a number)
    FAILED = 3  # refused by the service (message from it)
    NEEDS_JUSTIFICATION = 4  # valid score, not saved until its justification is given


@dataclass
class CellDraft:
    """What the user typed in a cell and has not (yet) been stored."""

    text: str
    value: Decimal | None
    justification: str
    state: CellState
    message: str = ""
    generation: int = 0


class GridRole(enum.IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1  # (offer, criterion) or None
    STATE = Qt.ItemDataRole.UserRole + 2  # CellState
    JUSTIFICATION = Qt.ItemDataRole.UserRole + 3
    MESSAGE = Qt.ItemDataRole.UserRole + 4  # why the cell is marked, or ""
    RECUSED = Qt.ItemDataRole.UserRole + 5
    SORT = Qt.ItemDataRole.UserRole + 6


_RECUSED_BG = QColor("#e6e6e6")
_RECUSED_FG = QColor("#808080")
_ERROR_BG = QColor("#f8d0d0")
_WAITING_BG = QColor("#fbe7b5")
_SAVING_BG = QColor("#dde8f6")


class ScoreGridModel(QAbstractTableModel):
    """One member's scores: rows are offers, columns Offer, Applicant, each criterion, Progress.

    ``save_requested(member, offer, criterion, value or None, justification, generation)`` asks
    the owner to store a cell; ``None`` means remove the score.  ``progress_changed`` fires
    whenever the member's count of stored scores changes.
    """

    save_requested = Signal(str, str, str, object, str, int)
    progress_changed = Signal()
    cell_message = Signal(str)  # a refusal or failure, for the status line

    COL_OFFER = 0
    COL_APPLICANT = 1
    FIRST_CRITERION = 2

    def __init__(self, parent: Any = None, lang: str = "pl") -> None:
        super().__init__(parent)
        self.lang = lang
        self._criteria: tuple[GridCriterion, ...] = ()
        self._offers: tuple[GridOffer, ...] = ()
        self._recused: frozenset[str] = frozenset()
        self._member = ""
        self._editable = False
        self._require_justification = False
        self._saved: dict[Key, tuple[Decimal, str]] = {}
        self._drafts: dict[Key, CellDraft] = {}
        self._per_offer: dict[str, int] = {}
        self._generation = 0
        self._warning_icon: Any = None

    # -- loading ----------------------------------------------------------------------------

    def set_card(
        self,
        *,
        member_code: str,
        criteria: Sequence[GridCriterion],
        offers: Sequence[GridOffer],
        recused: frozenset[str] | set[str] = frozenset(),
        scores: Mapping[Key, tuple[Decimal, str]] | None = None,
        editable: bool = True,
        require_justification: bool = False,
    ) -> None:
        self.beginResetModel()
        self._member = member_code
        self._criteria = tuple(criteria)
        self._offers = tuple(offers)
        self._recused = frozenset(recused)
        self._editable = editable
        self._require_justification = require_justification
        self._saved = dict(scores or {})
        self._drafts = {}
        self._recount()
        self.endResetModel()
        self.progress_changed.emit()

    def _recount(self) -> None:
        """Scores given per offer, on the card's criteria (counted in C: 30,000 of them on the
        GUI thread for a large competition)."""
        criteria = {c.code for c in self._criteria}
        saved = self._saved.keys()
        if set(map(itemgetter(1), saved)) <= criteria:  # the usual case: nothing to leave out
            self._per_offer = dict(Counter(map(itemgetter(0), saved)))
            return
        per_offer: dict[str, int] = {}
        for offer, criterion in saved:
            if criterion in criteria:
                per_offer[offer] = per_offer.get(offer, 0) + 1
        self._per_offer = per_offer

    # -- shape ------------------------------------------------------------------------------

    @property
    def member_code(self) -> str:
        return self._member

    @property
    def criteria(self) -> tuple[GridCriterion, ...]:
        return self._criteria

    @property
    def offers(self) -> tuple[GridOffer, ...]:
        return self._offers

    @property
    def editable(self) -> bool:
        return self._editable

    @property
    def require_justification(self) -> bool:
        return self._require_justification

    @property
    def progress_column(self) -> int:
        return self.FIRST_CRITERION + len(self._criteria)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802  (Qt API)
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.FIRST_CRITERION + len(self._criteria) + 1

    def criterion_at(self, column: int) -> GridCriterion | None:
        position = column - self.FIRST_CRITERION
        if 0 <= position < len(self._criteria):
            return self._criteria[position]
        return None

    def column_of(self, criterion_code: str) -> int:
        for position, criterion in enumerate(self._criteria):
            if criterion.code == criterion_code:
                return self.FIRST_CRITERION + position
        return -1

    def row_of(self, offer_code: str) -> int:
        for row, offer in enumerate(self._offers):
            if offer.code == offer_code:
                return row
        return -1

    def key_at(self, row: int, column: int) -> Key | None:
        criterion = self.criterion_at(column)
        if criterion is None or not 0 <= row < len(self._offers):
            return None
        return (self._offers[row].code, criterion.code)

    def is_recused(self, row: int) -> bool:
        return 0 <= row < len(self._offers) and self._offers[row].code in self._recused

    def cell_editable(self, row: int, column: int) -> bool:
        return self._editable and self.criterion_at(column) is not None and not self.is_recused(row)

    # -- counts -----------------------------------------------------------------------------

    def due_per_offer(self) -> int:
        return len(self._criteria)

    def offer_progress(self, offer_code: str) -> tuple[int, int]:
        if offer_code in self._recused:
            return 0, 0
        return self._per_offer.get(offer_code, 0), len(self._criteria)

    def member_progress(self) -> tuple[int, int]:
        """(stored scores, scores due) of the member on this card."""
        due_offers = [o.code for o in self._offers if o.code not in self._recused]
        given = sum(self._per_offer.get(code, 0) for code in due_offers)
        return given, len(due_offers) * len(self._criteria)

    def missing_justifications(self) -> int:
        return sum(1 for _value, justification in self._saved.values() if not justification.strip())

    def unsaved(self) -> dict[CellState, int]:
        """How many cells are not stored, by state."""
        out: dict[CellState, int] = {}
        for draft in self._drafts.values():
            out[draft.state] = out.get(draft.state, 0) + 1
        return out

    def saved_entry(self, key: Key) -> tuple[Decimal, str] | None:
        return self._saved.get(key)

    def draft(self, key: Key) -> CellDraft | None:
        return self._drafts.get(key)

    # -- data -------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._offers):
            return None
        offer = self._offers[row]
        recused = offer.code in self._recused
        if column == self.COL_OFFER:
            return self._offer_data(offer, recused, role)
        if column == self.COL_APPLICANT:
            if role in (Qt.ItemDataRole.DisplayRole, GridRole.SORT):
                return offer.applicant
            if role == Qt.ItemDataRole.ToolTipRole:
                return offer.title or offer.applicant
            return self._row_style(recused, role)
        if column == self.progress_column:
            given, due = self.offer_progress(offer.code)
            if role == Qt.ItemDataRole.DisplayRole:
                return (
                    "—"
                    if recused
                    else self.tr("%1 of %2").replace("%1", str(given)).replace("%2", str(due))
                )
            if role == GridRole.SORT:
                return -1 if recused else given
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return self._row_style(recused, role)
        criterion = self.criterion_at(column)
        if criterion is None:
            return None
        return self._cell_data((offer.code, criterion.code), recused, role)

    def _offer_data(self, offer: GridOffer, recused: bool, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, GridRole.SORT):
            if recused and role == Qt.ItemDataRole.DisplayRole:
                return offer.code + " " + self.tr("(recused)")
            return offer.code
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{offer.code}: {offer.applicant}"
            if offer.title:
                text += f" — {offer.title}"
            if recused:
                text += "\n" + self.tr(
                    "The member is recused from this offer (conflict of interest) and does "
                    "not score it."
                )
            return text
        if role == GridRole.RECUSED:
            return recused
        return self._row_style(recused, role)

    def _row_style(self, recused: bool, role: int) -> Any:
        if not recused:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_RECUSED_FG)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_RECUSED_BG)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _cell_data(self, key: Key, recused: bool, role: int) -> Any:
        draft = self._drafts.get(key)
        saved = self._saved.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if recused:
                return "—" if role == Qt.ItemDataRole.DisplayRole else ""
            if draft is not None:
                return draft.text
            return score_text(saved[0], self.lang) if saved is not None else ""
        if role == GridRole.SORT:
            if draft is not None and draft.value is not None:
                return float(draft.value)  # sorting only; never used for arithmetic
            return float(saved[0]) if saved is not None else -1.0
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == GridRole.KEY:
            return key
        if role == GridRole.RECUSED:
            return recused
        if role == GridRole.STATE:
            return draft.state if draft is not None else CellState.SAVED
        if role == GridRole.MESSAGE:
            return draft.message if draft is not None else ""
        if role == GridRole.JUSTIFICATION:
            if draft is not None:
                return draft.justification
            return saved[1] if saved is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if recused:
                return self.tr("Recused: this member does not score this offer.")
            if draft is not None and draft.message:
                return draft.message
            if saved is not None:
                if saved[1].strip():
                    return saved[1] if len(saved[1]) <= 300 else saved[1][:300] + "…"
                if self._require_justification:
                    return self.tr("No justification yet (required).")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if recused:
                return QBrush(_RECUSED_BG)
            if draft is not None:
                return QBrush(
                    {
                        CellState.SAVING: _SAVING_BG,
                        CellState.NEEDS_JUSTIFICATION: _WAITING_BG,
                    }.get(draft.state, _ERROR_BG)
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole and recused:
            return QBrush(_RECUSED_FG)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and draft is not None
            and draft.state in (CellState.INVALID, CellState.FAILED, CellState.NEEDS_JUSTIFICATION)
        ):
            return self._warning()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._cell_data(key, recused, Qt.ItemDataRole.DisplayRole) or self.tr("empty")
            if draft is not None and draft.message:
                text += " — " + draft.message
            return text
        return None

    def _warning(self) -> Any:
        if self._warning_icon is None:
            style = QApplication.style()
            self._warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon

    def headerData(  # noqa: N802  (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            return None
        criterion = self.criterion_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COL_OFFER:
                return self.tr("Offer")
            if section == self.COL_APPLICANT:
                return self.tr("Applicant")
            if section == self.progress_column:
                return self.tr("Scored")
            if criterion is not None:
                return f"{criterion.code} (0–{score_text(criterion.max_score, self.lang)})"
            return None
        if role == Qt.ItemDataRole.ToolTipRole and criterion is not None:
            return (
                self.tr("%1: %2\nScale 0–%3 in steps of %4; weight %5 points")
                .replace("%1", criterion.code)
                .replace("%2", criterion.name)
                .replace("%3", score_text(criterion.max_score, self.lang))
                .replace("%4", score_text(criterion.step, self.lang))
                .replace("%5", score_text(criterion.weight, self.lang))
            )
        if role == Qt.ItemDataRole.ToolTipRole and section == self.progress_column:
            return self.tr("Scores given for the offer out of the criteria to score")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_editable(index.row(), index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # -- editing ----------------------------------------------------------------------------

    def validate(self, row: int, column: int, text: str) -> str:
        """The message refusing ``text`` in a cell, or "" when it would be accepted."""
        criterion = self.criterion_at(column)
        if criterion is None:
            return ""
        _value, error = check_score(criterion, text)
        return error.text(self.lang) if error is not None else ""

    def setData(  # noqa: N802  (Qt API)
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.cell_editable(index.row(), index.column()):
            return False
        key = self.key_at(index.row(), index.column())
        assert key is not None
        return self.enter_score(key, "" if value is None else str(value))

    def enter_score(self, key: Key, text: str) -> bool:
        """The user typed ``text`` in a cell: validate, keep it, and ask for it to be saved."""
        criterion = self._criterion(key[1])
        current = self._drafts.get(key)
        saved = self._saved.get(key)
        justification = (
            current.justification if current is not None else (saved[1] if saved else "")
        )
        shown_now = (
            current.text
            if current is not None
            else (score_text(saved[0], self.lang) if saved else "")
        )
        if current is None and text.strip() == shown_now.strip():
            return True  # nothing changed (e.g. Enter on an untouched cell)
        value, error = check_score(criterion, text)
        if error is not None:
            message = error.text(self.lang)
            self._drafts[key] = CellDraft(text, None, justification, CellState.INVALID, message)
            self._changed(key)
            self.cell_message.emit(message)
            return True
        if value is None and saved is None:
            self._drafts.pop(key, None)  # cleared a cell that held nothing stored
            self._changed(key)
            return True
        if saved is not None and value == saved[0] and justification == saved[1]:
            self._drafts.pop(key, None)  # typed back what is stored
            self._changed(key)
            return True
        self._submit(key, text.strip(), value, justification)
        return True

    def enter_justification(self, key: Key, text: str) -> None:
        """The justification of a cell changed (the score stays as it is)."""
        if key[0] in self._recused or not self._editable:
            return
        current = self._drafts.get(key)
        saved = self._saved.get(key)
        if current is not None:
            if current.justification == text and current.state != CellState.NEEDS_JUSTIFICATION:
                return
            current.justification = text
            if current.state == CellState.INVALID:
                self._changed(key)
                return
            if current.value is None and saved is None:
                self._changed(key)
                return
            self._submit(key, current.text, current.value, text)
            return
        if saved is None:
            if not text.strip():
                return
            # no score yet: keep the words, they are saved together with the score
            self._drafts[key] = CellDraft(
                "",
                None,
                text,
                CellState.NEEDS_JUSTIFICATION,
                self.tr("Justification kept; it is saved when a score is entered."),
            )
            self._changed(key)
            return
        if saved[1] == text:
            return
        self._submit(key, score_text(saved[0], self.lang), saved[0], text)

    def _submit(self, key: Key, text: str, value: Decimal | None, justification: str) -> None:
        if value is not None and self._require_justification and not justification.strip():
            message = UserError(
                "justification_required", {"offer": key[0], "criterion": key[1]}
            ).text(self.lang)
            self._drafts[key] = CellDraft(
                text, value, justification, CellState.NEEDS_JUSTIFICATION, message
            )
            self._changed(key)
            self.cell_message.emit(message)
            return
        if value is None and not text and self._saved.get(key) is None:
            self._drafts.pop(key, None)
            self._changed(key)
            return
        self._generation += 1
        self._drafts[key] = CellDraft(
            text, value, justification, CellState.SAVING, "", self._generation
        )
        self._changed(key)
        self.save_requested.emit(
            self._member, key[0], key[1], value, justification, self._generation
        )

    def mark_saved(
        self, member: str, key: Key, value: Decimal | None, justification: str, generation: int
    ) -> None:
        """The store accepted an entry (``value`` None: the score was removed)."""
        if member != self._member:
            return
        before = key in self._saved
        if value is None:
            self._saved.pop(key, None)
        else:
            self._saved[key] = (value, justification.strip())
        after = key in self._saved
        if before != after:
            self._per_offer[key[0]] = self._per_offer.get(key[0], 0) + (1 if after else -1)
        draft = self._drafts.get(key)
        if draft is not None and draft.generation == generation:
            del self._drafts[key]
        self._changed(key, progress=True)

    def mark_failed(self, member: str, key: Key, message: str, generation: int) -> None:
        """The store refused an entry: keep what was typed, marked, with the service's words."""
        if member != self._member:
            return
        draft = self._drafts.get(key)
        if draft is None or draft.generation != generation:
            return
        draft.state = CellState.FAILED
        draft.message = message
        self._changed(key)
        self.cell_message.emit(message)

    def retry_unsaved(self) -> int:
        """Send again every failed cell that is valid (e.g. after the database was busy)."""
        count = 0
        for key, draft in list(self._drafts.items()):
            if draft.state == CellState.FAILED:
                self._submit(key, draft.text, draft.value, draft.justification)
                count += 1
        return count

    def _criterion(self, code: str) -> GridCriterion:
        for criterion in self._criteria:
            if criterion.code == code:
                return criterion
        raise KeyError(code)

    def _changed(self, key: Key, *, progress: bool = False) -> None:
        row, column = self.row_of(key[0]), self.column_of(key[1])
        if row < 0 or column < 0:
            return
        cell = self.index(row, column)
        self.dataChanged.emit(cell, cell)
        if progress:
            done = self.index(row, self.progress_column)
            self.dataChanged.emit(done, done)
        self.progress_changed.emit()


class ScoreGridProxy(QSortFilterProxyModel):
    """Filters the grid by offer code or applicant, optionally to unfinished offers only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._unfinished_only = False
        self.setSortRole(GridRole.SORT)
        self.setDynamicSortFilter(False)  # rows must not jump away while a member types

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_unfinished_only(self, value: bool) -> None:
        self.beginFilterChange()
        self._unfinished_only = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        if not (self._needle or self._unfinished_only):  # asked for every row on each reset
            return True
        model = self.sourceModel()
        if not isinstance(model, ScoreGridModel):
            return True
        offer = model.offers[source_row]
        if self._unfinished_only:
            given, due = model.offer_progress(offer.code)
            if given >= due:
                return False
        if not self._needle:
            return True
        return (
            self._needle in offer.code.casefold()
            or self._needle in offer.applicant.casefold()
            or self._needle in offer.title.casefold()
        )


# ---------------------------------------------------------------------------------------------
# Import preview


class ImportPreviewModel(QAbstractTableModel):
    """Rows of an import preview: offer, criterion, stored value, value in the file, change."""

    HEADERS = ("Offer", "Criterion", "Now", "In the file", "Change")

    def __init__(
        self,
        rows: Sequence[tuple[str, str, Decimal | None, Decimal | None, str]] = (),
        parent: Any = None,
        lang: str = "pl",
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows = list(rows)

    def set_rows(
        self, rows: Sequence[tuple[str, str, Decimal | None, Decimal | None, str]]
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def status_text(self, status: str) -> str:
        return {
            "new": self.tr("new"),
            "changed": self.tr("changed"),
            "unchanged": self.tr("unchanged"),
            "removed": self.tr("removed"),
        }.get(status, status)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        offer, criterion, old, new, status = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, GridRole.SORT):
            if column == 0:
                return offer
            if column == 1:
                return criterion
            if column == 2:
                return score_text(old, self.lang) if old is not None else "—"
            if column == 3:
                return score_text(new, self.lang) if new is not None else "—"
            if column == 4:
                return self.status_text(status)
        if role == Qt.ItemDataRole.BackgroundRole and column == 4:
            colour = {"new": "#d8f0d8", "changed": "#fbe7b5", "removed": "#f8d0d0"}.get(status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            (
                self.tr("Offer"),
                self.tr("Criterion"),
                self.tr("Now"),
                self.tr("In the file"),
                self.tr("Change"),
            )[section]
            if 0 <= section < 5
            else None
        )
