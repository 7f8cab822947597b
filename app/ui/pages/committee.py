"""Committee: members and roles (incl. advisory experts), declarations, the conflicts matrix."""

# ruff: noqa: N802  (Qt's camelCase methods are overridden here)

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.scoring.types import MemberRole
from app.services import committee, queries, workflow
from app.services.base import now
from app.services.committee import ConflictInfo
from app.services.queries import MemberRow, OfferRow
from app.services.specs import MemberSpec
from app.ui.context import UiContext
from app.ui.dialogs.questions import ask_line
from app.ui.errors import show_user_error
from app.ui.formatting import date_text
from app.ui.widgets.fields import Banner
from app.ui.widgets.labels import role_label
from app.ui.widgets.page import ShellPage, empty_hint, no_competition_text, select_row_where
from app.ui.widgets.table_model import ROW_ROLE, Column, RowTableModel, column_tr, selected_rows
from app.ui.widgets.undo import ActionCommand, SaveValueCommand, undo_stack

Index = QModelIndex | QPersistentModelIndex


def member_columns(tr: Callable[[str], str], lang: str) -> list[Column[MemberRow]]:
    return [
        Column(tr("Code"), lambda m: m.code),
        Column(tr("Name"), lambda m: m.name),
        Column(
            tr("Role"),
            lambda m: role_label(m.role),
            tooltip=lambda m: (
                tr("Advisory: the opinion is recorded, the scores never count")
                if m.role is MemberRole.EXPERT
                else ""
            ),
        ),
        Column(tr("Affiliation"), lambda m: m.affiliation),
        Column(
            tr("Declaration signed"),
            lambda m: date_text(m.declaration_signed_on, lang) or tr("not yet"),
            key=lambda m: m.declaration_signed_on,
            warn=lambda m: m.declaration_signed_on is None,
        ),
        Column(tr("Recused from"), lambda m: ", ".join(m.recused_from)),
    ]


class ConflictsModel(QAbstractTableModel):
    """Members × offers; a checked cell is a recusal (with its reason as the tooltip)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: tuple[MemberRow, ...] = ()
        self.offers: tuple[OfferRow, ...] = ()
        self.conflicts: dict[tuple[str, str], ConflictInfo] = {}
        self.editable = False
        self.on_recuse: Callable[[str, str], None] | None = None

    def set_data(
        self,
        members: tuple[MemberRow, ...],
        offers: tuple[OfferRow, ...],
        conflicts: tuple[ConflictInfo, ...],
    ) -> None:
        self.beginResetModel()
        self.members = members
        self.offers = offers
        self.conflicts = {(c.member_code, c.offer_code): c for c in conflicts}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.offers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.offers):
            offer = self.offers[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return offer.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return offer.applicant
        if (
            orientation == Qt.Orientation.Vertical
            and 0 <= section < len(self.members)
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return f"{self.members[section].code} {self.members[section].name}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.members):
            return None
        key = (self.members[index.row()].code, self.offers[index.column()].code)
        conflict = self.conflicts.get(key)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if conflict else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and conflict is not None:
            return conflict.reason
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{key[0]} × {key[1]}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = (self.members[index.row()].code, self.offers[index.column()].code)
        if self.editable and key not in self.conflicts:  # a recusal is never silently undone
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self.editable:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        key = (self.members[index.row()].code, self.offers[index.column()].code)
        if not checked or key in self.conflicts:
            return False
        if self.on_recuse is not None:
            self.on_recuse(*key)
        return True


class MemberDialog(QDialog):
    def __init__(self, spec: MemberSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the member") if spec else self.tr("Add a member"))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Role"))
        for role in MemberRole:
            self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(self.role.findData(MemberRole.MEMBER.value))
        self.affiliation = QLineEdit(self)
        self.affiliation.setAccessibleName(self.tr("Affiliation"))
        self.affiliation.setPlaceholderText(self.tr("e.g. the office, an NGO nominee"))
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("E-mail"))
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Affiliation:"), self.affiliation)
        form.addRow(self.tr("&E-mail:"), self.email)
        note = QLabel(
            self.tr("An advisory expert gives an opinion; the expert's scores never count."), self
        )
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if spec is not None:
            self.name.setText(spec.name)
            self.role.setCurrentIndex(self.role.findData(spec.role.value))
            self.affiliation.setText(spec.affiliation)
            self.email.setText(spec.email)

    def spec(self, code: str | None = None) -> MemberSpec:
        return MemberSpec(
            name=self.name.text().strip(),
            role=MemberRole(self.role.currentData()),
            code=code,
            affiliation=self.affiliation.text().strip(),
            email=self.email.text().strip(),
        )


@dataclass(frozen=True)
class CommitteePageData:
    """What the committee screen shows, read off the GUI thread."""

    editable: bool
    members: tuple[MemberRow, ...]
    offers: tuple[OfferRow, ...]
    conflicts: tuple[ConflictInfo, ...]


class CommitteePage(ShellPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("committeePage")
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.empty = empty_hint(no_competition_text(), self)
        layout.addWidget(self.empty)
        self.body = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(self.body, 1)
        top = QWidget(self.body)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add member…"), top)
        self.edit_button = QPushButton(self.tr("&Edit…"), top)
        self.declaration_button = QPushButton(self.tr("Declaration &signed…"), top)
        for button in (self.add_button, self.edit_button, self.declaration_button):
            bar.addWidget(button)
        bar.addStretch(1)
        top_layout.addLayout(bar)
        self.members_model: RowTableModel[MemberRow] = RowTableModel(
            member_columns(column_tr, ctx.lang), self
        )
        self.members = QTableView(top)
        self.members.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.members.setObjectName("membersTable")
        self.members.setAccessibleName(self.tr("Committee members"))
        self.members.setModel(self.members_model)
        self.members.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.members.verticalHeader().hide()
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        top_layout.addWidget(self.members, 1)
        bottom = QWidget(self.body)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.matrix_label = QLabel(
            self.tr(
                "Conflicts of interest: tick a member × offer cell to recuse the member from "
                "that offer (a reason is asked for and recorded)."
            ),
            bottom,
        )
        self.matrix_label.setWordWrap(True)
        bottom_layout.addWidget(self.matrix_label)
        self.conflicts_model = ConflictsModel(self)
        self.conflicts_model.on_recuse = self._ask_recusal
        self.matrix = QTableView(bottom)
        self.matrix.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.matrix.setObjectName("conflictsMatrix")
        self.matrix.setAccessibleName(self.tr("Conflicts matrix"))
        self.matrix.setModel(self.conflicts_model)
        self.matrix.horizontalHeader().setDefaultSectionSize(44)
        bottom_layout.addWidget(self.matrix, 1)
        self.body.addWidget(top)
        self.body.addWidget(bottom)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.declaration_button.clicked.connect(self._declaration)
        self.members.doubleClicked.connect(lambda _i: self._edit())
        self.apply(None)

    def reader(self) -> Callable[[], CommitteePageData] | None:
        cid = self.competition_id
        if cid is None:
            return None
        db, lang = self.ctx.db, self.ctx.lang

        def read() -> CommitteePageData:  # on a worker thread: plain values only
            status = workflow.shell_status(db, cid, lang)
            detail = queries.competition_detail(db, cid, lang)
            return CommitteePageData(
                "committee" in status.editable,
                detail.members,
                detail.offers,
                committee.conflicts(db, cid),
            )

        return read

    def apply(self, data: CommitteePageData | None) -> None:
        cid = self.competition_id
        self.empty.setVisible(cid is None)
        self.body.setVisible(cid is not None)
        if data is None:
            self.banner.show_text("")
            return
        editable = data.editable
        self.members_model.set_rows(data.members)
        self.conflicts_model.editable = editable
        self.conflicts_model.set_data(data.members, data.offers, data.conflicts)
        for button in (self.add_button, self.edit_button, self.declaration_button):
            button.setEnabled(editable)
        if not editable:
            self.banner.show_text(self.tr("The committee can no longer be changed in this status."))
        elif not data.members:
            self.banner.show_text(
                self.tr(
                    "No members yet. Add the chair, the secretary and the members; every member "
                    "signs a declaration of impartiality before scoring."
                )
            )
        else:
            self.banner.show_text("")

    def current_view(self) -> dict[str, Any]:
        selected, cell = self.selected(), self.matrix.currentIndex()
        matrix = self.conflicts_model
        return {
            "member": selected.code if selected is not None else None,
            "splitter": self.body.saveState().data(),  # bytes: a plain value
            "cell": (
                (matrix.members[cell.row()].code, matrix.offers[cell.column()].code)
                if cell.isValid()
                else None
            ),
        }

    def show_view(self, state: dict[str, Any]) -> None:
        if state.get("splitter") is not None:
            self.body.restoreState(QByteArray(state["splitter"]))
        member = state.get("member")
        if member is not None:
            select_row_where(self.members, lambda index: index.data(ROW_ROLE).code == member)
        if state.get("cell") is not None:  # a member × offer cell of the conflicts matrix
            member_code, offer_code = state["cell"]
            matrix = self.conflicts_model
            rows = [n for n, m in enumerate(matrix.members) if m.code == member_code]
            columns = [n for n, o in enumerate(matrix.offers) if o.code == offer_code]
            if rows and columns:
                self.matrix.setCurrentIndex(matrix.index(rows[0], columns[0]))

    def selected(self) -> MemberRow | None:
        rows = selected_rows(self.members)
        return rows[0] if rows else None

    # -- actions (also called by tests with their arguments) -----------------------------------

    def add_member(self, spec: MemberSpec) -> int | None:
        """Add the member; undo removes them while the service allows it (the member added
        last, before scoring, with nothing signed or recorded), redo adds them again."""
        cid = self.competition_id
        assert cid is not None
        new_id = self.run_service(
            lambda: committee.add_member(self.ctx.db, self.ctx.actor(), cid, spec)
        )
        if new_id is not None:
            code = committee.member_code_of(self.ctx.db, cid, new_id)
            added = replace(spec, code=code)

            def again() -> None:
                committee.add_member(self.ctx.db, self.ctx.actor(), cid, added)
                self.ctx.notifier.competition_changed.emit(cid)

            def reverse() -> None:
                committee.remove_member(self.ctx.db, self.ctx.actor(), cid, code)
                self.ctx.notifier.competition_changed.emit(cid)

            undo_stack(self.ctx).push(
                ActionCommand(
                    self.tr("Add member %1").replace("%1", code), again, reverse, self._refused
                )
            )
            self.changed()
        return new_id

    def edit_member(self, code: str, old: MemberSpec, new: MemberSpec) -> None:
        """Save the corrected member; undo saves the previous name, role and affiliation."""
        cid = self.competition_id
        assert cid is not None

        def save(spec: MemberSpec) -> None:
            committee.update_member(self.ctx.db, self.ctx.actor(), cid, code, spec)
            self.ctx.notifier.competition_changed.emit(cid)

        def first() -> bool:
            committee.update_member(self.ctx.db, self.ctx.actor(), cid, code, new)
            return True

        if self.run_service(first) and new != old:
            undo_stack(self.ctx).push(
                SaveValueCommand(
                    self.tr("Edit member %1").replace("%1", code), save, old, new, self._refused
                )
            )
        self.changed()

    def sign_declaration(self, code: str, signed_on: date) -> None:
        """Record the signed declaration; undo puts back the previous date (or none)."""
        cid = self.competition_id
        assert cid is not None
        old = self.run_service(lambda: committee.declaration_of(self.ctx.db, cid, code))
        if old is None:  # the member is gone (the list was older than the data)
            return
        new: tuple[date | None, str] = (signed_on, "")

        def save(value: tuple[date | None, str]) -> None:
            when, text = value
            if when is None:
                committee.withdraw_declaration(self.ctx.db, self.ctx.actor(), cid, code)
            else:
                committee.sign_declaration(self.ctx.db, self.ctx.actor(), cid, code, when, text)
            self.ctx.notifier.competition_changed.emit(cid)

        def first() -> bool:
            committee.sign_declaration(self.ctx.db, self.ctx.actor(), cid, code, signed_on)
            return True

        if self.run_service(first) and new != old:
            undo_stack(self.ctx).push(
                SaveValueCommand(
                    self.tr("Declaration of %1").replace("%1", code), save, old, new, self._refused
                )
            )
        self.changed()

    def _refused(self, error: UserError) -> None:
        show_user_error(self, error)
        self.changed()  # show what is really saved

    def recuse(self, member_code: str, offer_code: str, reason: str) -> None:
        """A recusal is a recorded decision with its reason: it never enters the undo history,
        so no Ctrl+Z can silently let a member score an offer they are in conflict with."""
        cid = self.competition_id
        assert cid is not None
        self.run_service(
            lambda: committee.declare_conflict(
                self.ctx.db, self.ctx.actor(), cid, member_code, offer_code, reason
            )
        )
        self.changed()

    def _ask_recusal(self, member_code: str, offer_code: str) -> None:
        reason, ok = ask_line(
            self,
            self.tr("Recusal"),
            self.tr("Why is %1 recused from offer %2?")
            .replace("%1", member_code)
            .replace("%2", offer_code),
        )
        if ok:
            self.recuse(member_code, offer_code, reason)

    def _add(self) -> None:
        dialog = MemberDialog(parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_member(dialog.spec())

    def _edit(self) -> None:
        member = self.selected()
        cid = self.competition_id
        if member is None or cid is None:
            return
        old = committee.member_spec(self.ctx.db, cid, member.code)
        dialog = MemberDialog(old, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit_member(member.code, old, dialog.spec(member.code))

    def _declaration(self) -> None:
        member = self.selected()
        if member is not None:
            self.sign_declaration(member.code, now().date())
