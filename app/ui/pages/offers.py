"""Offers: a sortable, filterable list; add and edit with NIP/REGON/KRS checks; import; files."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import FormalStatus
from app.services import offer_import, registration, workflow
from app.services.identifiers import validate_krs, validate_nip, validate_regon
from app.services.offer_import import OfferImportPreview, PreviewRow
from app.services.queries import OfferRow
from app.services.registration import AttachmentInfo
from app.services.specs import ApplicantSpec, OfferSpec
from app.ui.context import UiContext
from app.ui.errors import show_user_error
from app.ui.formatting import date_text, money_text
from app.ui.tasks import run_task
from app.ui.widgets.fields import (
    Banner,
    DecimalEdit,
    mark_invalid,
    qdatetime_to_utc,
    utc_to_qdatetime,
)
from app.ui.widgets.labels import formal_status_label
from app.ui.widgets.page import (
    ShellPage,
    empty_hint,
    no_competition_text,
    restore_sort,
    select_row_where,
    sort_state,
)
from app.ui.widgets.table_model import (
    ROW_ROLE,
    Column,
    FilterProxy,
    RowTableModel,
    column_tr,
    search_texts,
    selected_rows,
)
from app.ui.widgets.undo import ActionCommand, SaveValueCommand, undo_stack


def offer_columns(lang: str, tr: Callable[[str], str]) -> list[Column[OfferRow]]:
    return [
        Column(tr("No."), lambda r: str(r.number), key=lambda r: r.number, numeric=True),
        Column(tr("Code"), lambda r: r.code),
        Column(tr("Applicant"), lambda r: r.applicant, tooltip=lambda r: r.legal_form),
        Column(tr("NIP"), lambda r: r.nip or ""),
        Column(tr("Title"), lambda r: r.title),
        Column(
            tr("Received"),
            lambda r: date_text(r.received_at, lang, with_time=True),
            key=lambda r: r.received_at,
            warn=lambda r: r.late,
            tooltip=lambda r: tr("Received after the deadline") if r.late else "",
        ),
        Column(
            tr("Requested"),
            lambda r: money_text(r.requested, lang),
            key=lambda r: r.requested,
            numeric=True,
        ),
        Column(
            tr("Formal check"),
            lambda r: formal_status_label(r.formal_status),
            tooltip=lambda r: r.rejection_reason,
            warn=lambda r: r.formal_status is FormalStatus.REJECTED,
        ),
        Column(
            tr("Files"), lambda r: str(r.attachments), key=lambda r: r.attachments, numeric=True
        ),
    ]


class OfferDialog(QDialog):
    """Add or correct one offer; identifiers are checked as you type."""

    def __init__(
        self,
        lang: str,
        fields: tuple[str, ...],
        spec: OfferSpec | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Edit the offer") if spec else self.tr("Add an offer"))
        self.save: Callable[[OfferSpec], None] | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("assigned automatically (O1, O2, …)"))
        self.name = QLineEdit(self)
        self.legal_form = QLineEdit(self)
        self.legal_form.setPlaceholderText(self.tr("e.g. foundation, association"))
        self.nip = QLineEdit(self)
        self.regon = QLineEdit(self)
        self.krs = QLineEdit(self)
        self.address = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.received = QDateTimeEdit(self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.received.setDateTime(utc_to_qdatetime(datetime.now(UTC)))
        self.amount = DecimalEdit(self)
        self.amount.setPlaceholderText(self.tr("e.g. 45 000,00"))
        self.figures: dict[str, DecimalEdit] = {}
        rows = [
            (self.tr("&Code:"), self.code, self.tr("Offer code")),
            (self.tr("&Applicant:"), self.name, self.tr("Applicant")),
            (self.tr("&Legal form:"), self.legal_form, self.tr("Legal form")),
            (self.tr("&NIP:"), self.nip, "NIP"),
            (self.tr("&REGON:"), self.regon, "REGON"),
            (self.tr("&KRS:"), self.krs, "KRS"),
            (self.tr("Address:"), self.address, self.tr("Address")),
            (self.tr("Contact person:"), self.contact, self.tr("Contact person")),
            (self.tr("E-mail:"), self.email, self.tr("E-mail")),
            (self.tr("Phone:"), self.phone, self.tr("Phone")),
            (self.tr("&Title of the task:"), self.title_edit, self.tr("Title of the task")),
            (self.tr("Received &on:"), self.received, self.tr("Received on")),
            (self.tr("Requested &amount (PLN):"), self.amount, self.tr("Requested amount")),
        ]
        for label, widget, name in rows:
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        for field_name in fields:
            edit = DecimalEdit(self)
            edit.setAccessibleName(field_name)
            self.figures[field_name] = edit
            form.addRow(self.tr("Figure “%1”:").replace("%1", field_name), edit)
        self.problem = QLabel(self)
        self.problem.setObjectName("offerProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setMinimumWidth(460)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for line_edit in (
            self.name,
            self.nip,
            self.regon,
            self.krs,
            self.amount,
            *self.figures.values(),
        ):
            line_edit.textChanged.connect(self.validate)
        if spec is not None:
            self._fill(spec)
        self.validate()

    def _fill(self, spec: OfferSpec) -> None:
        a = spec.applicant
        self.code.setText(spec.code or "")
        self.name.setText(a.name)
        self.legal_form.setText(a.legal_form)
        self.nip.setText(a.nip or "")
        self.regon.setText(a.regon or "")
        self.krs.setText(a.krs or "")
        self.address.setText(a.address)
        self.contact.setText(a.contact_person)
        self.email.setText(a.email)
        self.phone.setText(a.phone)
        self.title_edit.setText(spec.title)
        self.received.setDateTime(utc_to_qdatetime(spec.received_at))
        self.amount.set_value(spec.requested_amount, self.lang)
        for field_name, value in spec.values:
            if field_name in self.figures:
                self.figures[field_name].set_value(value, self.lang)

    def problems(self) -> list[str]:
        """Everything wrong with the form, in the user's words (empty when it can be saved)."""
        out: list[str] = []
        if not self.name.text().strip():
            out.append(self.tr("The applicant's name is required."))
        for edit, check in ((self.nip, validate_nip), (self.regon, validate_regon)):
            valid = True
            if edit.text().strip():
                try:
                    check(edit.text())
                except UserError as error:
                    out.append(error.text(self.lang))
                    valid = False
            mark_invalid(edit, not valid)
        krs_ok = True
        if self.krs.text().strip():
            try:
                validate_krs(self.krs.text())
            except UserError as error:
                out.append(error.text(self.lang))
                krs_ok = False
        mark_invalid(self.krs, not krs_ok)
        amount_ok = True
        try:
            amount = self.amount.value()
            if amount is None or amount < 0 or amount != amount.quantize(Decimal("0.01")):
                raise ValueError
        except ValueError:
            amount_ok = False
            out.append(
                self.tr("Give the requested amount in złoty, e.g. 45 000,00 (at most 2 decimals).")
            )
        mark_invalid(self.amount, not amount_ok)
        for field_name, edit in self.figures.items():
            if not edit.is_valid():
                out.append(self.tr("“%1” must be a number.").replace("%1", field_name))
        return out

    def validate(self) -> bool:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        return not problems

    def spec(self) -> OfferSpec:
        values = tuple(
            (name, value)
            for name, edit in self.figures.items()
            if (value := edit.value()) is not None
        )
        amount = self.amount.value()
        assert amount is not None
        return OfferSpec(
            applicant=ApplicantSpec(
                name=self.name.text().strip(),
                legal_form=self.legal_form.text().strip(),
                nip=self.nip.text().strip() or None,
                regon=self.regon.text().strip() or None,
                krs=self.krs.text().strip() or None,
                address=self.address.text().strip(),
                contact_person=self.contact.text().strip(),
                email=self.email.text().strip(),
                phone=self.phone.text().strip(),
            ),
            received_at=qdatetime_to_utc(self.received.dateTime()),
            requested_amount=amount,
            title=self.title_edit.text().strip(),
            code=self.code.text().strip() or None,
            values=values,
        )

    def accept(self) -> None:
        """Saved at once through the service; a refused offer keeps the dialog open."""
        if not self.validate():
            show_user_error(
                self,
                UserError(
                    "invalid_value",
                    {"field": self.tr("Offer"), "detail": self.problem.text()},
                ),
            )
            return
        try:
            if self.save is not None:
                self.save(self.spec())
        except UserError as error:
            self.problem.setText(error.text(self.lang))
            show_user_error(self, error)
            return
        super().accept()


def preview_columns(tr: Callable[[str], str], lang: str) -> list[Column[PreviewRow]]:
    def cell(key: str) -> Callable[[PreviewRow], str]:
        return lambda r: dict(r.cells).get(key, "")

    return [
        Column(tr("Row"), lambda r: str(r.line), key=lambda r: r.line, numeric=True),
        Column(tr("Applicant"), cell("name")),
        Column(tr("NIP"), cell("nip")),
        Column(tr("Received"), cell("received_at")),
        Column(tr("Requested"), cell("requested_amount"), numeric=True),
        Column(
            tr("Problems"),
            lambda r: " ".join(p.text(lang) for p in r.problems) or tr("OK"),
            warn=lambda r: bool(r.problems),
            tooltip=lambda r: "\n".join(p.text(lang) for p in r.problems),
        ),
    ]


class ImportPreviewDialog(QDialog):
    """What the import will add; nothing is written unless every row is valid."""

    def __init__(self, preview: OfferImportPreview, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import offers: preview"))
        self.preview = preview
        layout = QVBoxLayout(self)
        good = sum(1 for row in preview.rows if not row.problems)
        summary = QLabel(self)
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        if preview.ok:
            summary.setText(
                self.tr("%1 offers will be registered. Nothing has been written yet.").replace(
                    "%1", str(good)
                )
            )
        else:
            summary.setText(
                self.tr(
                    "%1 problems in %2 rows. Nothing will be written: correct the file and "
                    "import it again."
                )
                .replace("%1", str(preview.problems))
                .replace("%2", str(sum(1 for row in preview.rows if row.problems)))
            )
            summary.setStyleSheet("color: #b3261e;")
        layout.addWidget(summary)
        self.model: RowTableModel[PreviewRow] = RowTableModel(
            preview_columns(column_tr, lang), self
        )
        self.model.set_rows(preview.rows)
        self.table = QTableView(self)
        self.table.setObjectName("importPreviewTable")
        self.table.setAccessibleName(self.tr("Rows of the file"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(preview.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 420)


def attachment_columns(tr: Callable[[str], str], lang: str) -> list[Column[AttachmentInfo]]:
    return [
        Column(tr("File"), lambda a: a.filename),
        Column(
            tr("Size (bytes)"),
            lambda a: f"{a.size:,}".replace(",", "\u00a0"),
            key=lambda a: a.size,
            numeric=True,
        ),
        Column(tr("Added"), lambda a: date_text(a.added_at, lang, True), key=lambda a: a.added_at),
        Column(tr("SHA-256"), lambda a: a.sha256),
    ]


class AttachmentsDialog(QDialog):
    """An offer's files with their checksums; opened with the system's viewer."""

    def __init__(self, page: OffersPage, offer: OfferRow) -> None:
        super().__init__(page)
        self.page = page
        self.offer = offer
        self.setWindowTitle(self.tr("Attachments of offer %1").replace("%1", offer.code))
        layout = QVBoxLayout(self)
        self.model: RowTableModel[AttachmentInfo] = RowTableModel(
            attachment_columns(column_tr, page.ctx.lang), self
        )
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Attachments"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a file…"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        close = QPushButton(self.tr("Close"), self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._choose)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        close.clicked.connect(self.accept)
        self.reload()
        self.resize(760, 320)

    def reload(self) -> None:
        cid = self.page.competition_id
        assert cid is not None
        self.model.set_rows(registration.offer_attachments(self.page.ctx.db, cid, self.offer.id))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add an attachment"))
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> str | None:
        cid = self.page.competition_id
        assert cid is not None
        try:
            content = path.read_bytes()
        except OSError as error:
            show_user_error(self, UserError("file_unreadable", {"path": path, "detail": error}))
            return None
        try:
            digest = registration.add_attachment(
                self.page.ctx.db, self.page.ctx.actor(), cid, self.offer.id, path.name, content
            )
        except UserError as error:
            show_user_error(self, error)
            return None
        self.reload()
        self.page.changed()
        return digest

    def open_selected(self) -> Path | None:
        rows = selected_rows(self.table)
        if not rows:
            return None
        info: AttachmentInfo = rows[0]
        try:
            content = registration.attachment_content(self.page.ctx.db, info.sha256)
        except UserError as error:
            show_user_error(self, error)
            return None
        folder = Path(tempfile.mkdtemp(prefix="komisja-"))
        target = folder / Path(info.filename).name
        target.write_bytes(content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target


@dataclass(frozen=True)
class OfferList:
    """What the offers screen shows, read off the GUI thread."""

    editable: bool
    rows: tuple[OfferRow, ...]
    search: list[str]


class OffersPage(ShellPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("offersPage")
        self._editable = False
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by applicant, NIP, title, code…"))
        self.search.setAccessibleName(self.tr("Filter offers"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Formal status filter"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in FormalStatus:
            self.status_filter.addItem(formal_status_label(status), status.value)
        self.add_button = QPushButton(self.tr("&Add offer…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.import_button = QPushButton(self.tr("&Import from XLSX/CSV…"), self)
        self.files_button = QPushButton(self.tr("Attach&ments…"), self)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        for button in (self.add_button, self.edit_button, self.import_button, self.files_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model: RowTableModel[OfferRow] = RowTableModel(
            offer_columns(ctx.lang, column_tr), self
        )
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("offersTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Offers"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 48), (1, 70), (3, 100), (4, 220), (5, 130), (6, 120), (7, 150)):
            header.resizeSection(column, width)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        self.empty = empty_hint(no_competition_text(), self)
        layout.addWidget(self.empty)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(lambda _t: self._update_count())
        self.status_filter.currentIndexChanged.connect(self._status_filter)
        self.add_button.clicked.connect(self.add_offer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.import_button.clicked.connect(self._choose_import)
        self.files_button.clicked.connect(self.show_attachments)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.apply(None)

    def _status_filter(self) -> None:
        wanted = self.status_filter.currentData()
        self.proxy.set_predicate(
            None if not wanted else (lambda row: row.formal_status.value == wanted)
        )
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(
            self.tr("%1 of %2 offers shown").replace("%1", str(shown)).replace("%2", str(total))
        )

    def reader(self) -> Callable[[], OfferList] | None:
        cid = self.competition_id
        if cid is None:
            return None
        db, lang, columns = self.ctx.db, self.ctx.lang, self.model.columns()

        def read() -> OfferList:  # on a worker thread: plain values only
            status = workflow.shell_status(db, cid, lang)
            rows = registration.offer_table(db, cid)
            return OfferList("offers" in status.editable, rows, search_texts(columns, rows))

        return read

    def apply(self, data: OfferList | None) -> None:
        cid = self.competition_id
        self.empty.setVisible(cid is None)
        self.table.setVisible(cid is not None)
        if data is None:
            self._editable = False
            self.model.set_rows([])
            self.banner.show_text("")
            for button in (
                self.add_button,
                self.edit_button,
                self.import_button,
                self.files_button,
            ):
                button.setEnabled(False)
            self._update_count()
            return
        self._editable = data.editable
        self.model.set_rows(data.rows, data.search)
        for button in (self.add_button, self.edit_button, self.import_button):
            button.setEnabled(self._editable)
        self.files_button.setEnabled(True)
        if not self._editable:
            self.banner.show_text(
                self.tr(
                    "Offers are registered after the call is announced and until the formal check "
                    "ends; in this status the list can be read but not changed."
                )
            )
        elif self.model.rowCount() == 0:
            self.banner.show_text(
                self.tr("No offers yet. Add them one by one or import a list from XLSX or CSV.")
            )
        else:
            self.banner.show_text("")
        self._update_count()

    def current_view(self) -> dict[str, Any]:
        selected = self.selected()
        return {
            "search": self.search.text(),
            "status": self.status_filter.currentData(),
            "sort": sort_state(self.table),
            "selected": selected.id if selected is not None else None,
        }

    def restore_inputs(self, state: dict[str, Any]) -> None:
        self.search.setText(state.get("search", ""))
        self.status_filter.setCurrentIndex(
            max(self.status_filter.findData(state.get("status", "")), 0)
        )

    def show_view(self, state: dict[str, Any]) -> None:
        restore_sort(self.table, state.get("sort"))
        wanted = state.get("selected")
        if wanted is not None:
            select_row_where(self.table, lambda index: index.data(ROW_ROLE).id == wanted)

    def selected(self) -> OfferRow | None:
        rows = selected_rows(self.table)
        return rows[0] if rows else None

    def _fields(self) -> tuple[str, ...]:
        assert self.competition_id is not None
        return registration.offer_fields(self.ctx.db, self.competition_id)

    def offer_dialog(self, offer: OfferRow | None = None) -> OfferDialog:
        """The add/edit dialog, wired to save through the service (tests drive it directly)."""
        cid = self.competition_id
        assert cid is not None
        spec = registration.offer_spec(self.ctx.db, cid, offer.id) if offer else None
        dialog = OfferDialog(self.ctx.lang, self._fields(), spec, self)
        if offer is None or spec is None:
            dialog.save = lambda s: self._register(cid, s)
        else:
            dialog.save = lambda s: self._correct(cid, offer.id, spec, s)
        dialog.accepted.connect(self.changed)
        return dialog

    # -- saving with undo (every undo and redo is a service call, so it is in the audit trail)

    def _register(self, cid: int, spec: OfferSpec) -> None:
        """Register the offer; undo removes it again while the service allows that (before
        the formal check, with no files or recusals), redo registers it under the same code."""
        offer_id = registration.add_offer(self.ctx.db, self.ctx.actor(), cid, spec)
        added = registration.offer_spec(self.ctx.db, cid, offer_id)  # with the code it was given
        current = [offer_id]

        def again() -> None:
            current[0] = registration.add_offer(self.ctx.db, self.ctx.actor(), cid, added)
            self.ctx.notifier.competition_changed.emit(cid)

        def reverse() -> None:
            registration.remove_offer(self.ctx.db, self.ctx.actor(), cid, current[0])
            self.ctx.notifier.competition_changed.emit(cid)

        undo_stack(self.ctx).push(
            ActionCommand(
                self.tr("Add offer %1").replace("%1", added.code or ""),
                again,
                reverse,
                self._refused,
            )
        )

    def _correct(self, cid: int, offer_id: int, old: OfferSpec, new: OfferSpec) -> None:
        """Save the corrected offer; undo saves the previous data through the same service."""

        def save(spec: OfferSpec) -> None:
            registration.update_offer(self.ctx.db, self.ctx.actor(), cid, offer_id, spec)
            self.ctx.notifier.competition_changed.emit(cid)

        registration.update_offer(self.ctx.db, self.ctx.actor(), cid, offer_id, new)
        if replace(new, values=tuple(sorted(new.values))) == old:
            return  # nothing changed: nothing to undo
        undo_stack(self.ctx).push(
            SaveValueCommand(
                self.tr("Edit offer %1").replace("%1", new.code or old.code or ""),
                save,
                old,
                new,
                self._refused,
            )
        )

    def _refused(self, error: UserError) -> None:
        show_user_error(self, error)
        self.changed()  # show what is really saved

    def add_offer(self) -> None:
        if self.competition_id is not None:
            self.offer_dialog().exec()

    def edit_selected(self) -> None:
        offer = self.selected()
        if offer is not None and self._editable:
            self.offer_dialog(offer).exec()

    def show_attachments(self) -> None:
        offer = self.selected()
        if offer is not None:
            AttachmentsDialog(self, offer).exec()

    # -- import --------------------------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import offers"),
            "",
            self.tr("Offer lists (*.xlsx *.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, confirm: Callable[[ImportPreviewDialog], bool] | None = None):  # type: ignore[no-untyped-def]
        """Read the file off the GUI thread, show the preview, then write all rows or none."""
        cid = self.competition_id
        assert cid is not None
        fields = self._fields()

        def read(progress) -> OfferImportPreview:  # type: ignore[no-untyped-def]
            progress(0, 0, self.tr("Reading %1…").replace("%1", path.name))
            return offer_import.read_offer_file(path, fields)

        def show_preview(preview: OfferImportPreview) -> None:
            dialog = ImportPreviewDialog(preview, self.ctx.lang, self)
            self.last_preview = dialog
            accepted = confirm(dialog) if confirm else dialog.exec() == QDialog.DialogCode.Accepted
            if not accepted or not preview.ok:
                return
            self.import_handle = run_task(
                self,
                lambda _p: offer_import.import_offers(self.ctx.db, self.ctx.actor(), cid, preview),
                on_done=lambda _ids: self.changed(),
                title=self.tr("Registering offers…"),
            )

        self.import_handle = run_task(
            self, read, on_done=show_preview, title=self.tr("Reading the offer list…")
        )
        return self.import_handle
