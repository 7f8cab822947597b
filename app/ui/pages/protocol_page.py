"""Protocol screen: preview, sign-off, export, versions and signature.

The page preview renders the protocol PDF with poppler's ``pdftoppm`` off the GUI thread
(QtPdf is not part of PySide6-Essentials); without ``pdftoppm`` the text of the pages is shown
(``pdftotext``), and without either a hint says what to install.  The competition, what still
blocks the protocol (which computes the results) and the stored versions are read in the
worker process (``app.ui.screen_reads.read_protocol``), asked for as every screen reads
(``ShellPage``).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.fileio import write_atomically
from app.services import protocol, queries, signoff
from app.services.base import Actor
from app.ui.context import UiContext
from app.ui.dialogs.questions import ask_yes_no
from app.ui.errors import report_error
from app.ui.formatting import date_text
from app.ui.screen_reads import read_protocol
from app.ui.tasks import run_task
from app.ui.widgets.page import ShellPage
from app.ui.worker import run_in_worker

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
MAX_PREVIEW_PAGES = 30


def render_preview(pdf: bytes, resolution: int = 60) -> tuple[str, list[QImage] | str]:
    """("images", pages) with pdftoppm, ("text", text) with pdftotext, or ("none", "")."""
    pdftoppm, pdftotext = shutil.which("pdftoppm"), shutil.which("pdftotext")
    with tempfile.TemporaryDirectory(prefix="komisja-preview-") as folder:
        source = Path(folder) / "protocol.pdf"
        source.write_bytes(pdf)
        if pdftoppm:
            subprocess.run(
                [pdftoppm, "-png", "-r", str(resolution), "-l", str(MAX_PREVIEW_PAGES),
                 str(source), str(Path(folder) / "page")],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            pages = sorted(Path(folder).glob("page*.png"))
            return "images", [QImage(str(p)) for p in pages]
        if pdftotext:
            target = Path(folder) / "protocol.txt"
            subprocess.run(
                [pdftotext, "-layout", str(source), str(target)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            return "text", target.read_text(encoding="utf-8", errors="replace")
    return "none", ""


class VersionsModel(QAbstractTableModel):
    """Signed-off protocol versions: number, when, by whom, fingerprint, reopened why."""

    def __init__(self, parent: Any = None, lang: str = "pl") -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[signoff.VersionInfo] = []

    def set_rows(self, rows: list[signoff.VersionInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def version_at(self, row: int) -> signoff.VersionInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802  (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        version = self.version_at(index.row()) if index.isValid() else None
        if version is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(version.number)
            if column == 1:
                return date_text(version.signed_off_at, self.lang, with_time=True)
            if column == 2:
                return version.signed_off_by
            if column == 3:
                return version.fingerprint[:16]
            if column == 4:
                if version.reopened_at is None:
                    return self.tr("current")
                return (
                    self.tr("reopened %1: %2")
                    .replace("%1", date_text(version.reopened_at, self.lang))
                    .replace("%2", version.reopen_reason)
                )
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return version.fingerprint
        return None

    def headerData(  # noqa: N802  (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("Version"),
            self.tr("Signed off"),
            self.tr("By"),
            self.tr("Data fingerprint"),
            self.tr("State"),
        )
        return names[section] if 0 <= section < len(names) else None


class SignatureDialog(QDialog):
    """The .p12 certificate, its password and the signer's name for a PDF signature."""

    def __init__(self, signer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("Sign the protocol PDF digitally"))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.certificate = QLineEdit()
        self.certificate.setObjectName("certificatePath")
        self.certificate.setAccessibleName(self.tr("Certificate file (.p12)"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.certificate, 1)
        row.addWidget(browse)
        form.addRow(self.tr("&Certificate (.p12):"), row)
        self.password = QLineEdit()
        self.password.setObjectName("certificatePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Certificate password"))
        form.addRow(self.tr("&Password:"), self.password)
        self.signer = QLineEdit(signer)
        self.signer.setObjectName("signerName")
        form.addRow(self.tr("&Signer:"), self.signer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate"), "", self.tr("Certificates (*.p12 *.pfx)")
        )
        if path:
            self.certificate.setText(path)


class ProtocolPage(ShellPage):
    """What stops the protocol, the chair's sign-off, exports, versions and the preview."""

    refreshed = Signal()
    preview_ready = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("protocolPage")
        self._ctx = ctx
        self.detail: queries.CompetitionDetail | None = None
        self.blockers: list[str] = []
        self.last_task: Any = None
        self.preview_mode = ""

        layout = QVBoxLayout(self)
        self.headline = QLabel(self.tr("Open a competition to prepare its protocol."))
        self.headline.setObjectName("protocolHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Before the protocol can be exported:")))
        self.blockers_list = QListWidget()
        self.blockers_list.setObjectName("blockersList")
        self.blockers_list.setAccessibleName(self.tr("What still stops the protocol"))
        self.blockers_list.setMaximumHeight(110)
        side_layout.addWidget(self.blockers_list)

        sign_row = QHBoxLayout()
        sign_row.addWidget(QLabel(self.tr("C&hair:")))
        self.chair_combo = QComboBox()
        self.chair_combo.setObjectName("chairCombo")
        self.chair_combo.setAccessibleName(self.tr("Chair who signs off"))
        sign_row.itemAt(0).widget().setBuddy(self.chair_combo)  # type: ignore[union-attr]
        sign_row.addWidget(self.chair_combo, 1)
        self.sign_button = QPushButton(self.tr("Sign &off…"))
        self.sign_button.setObjectName("signOffButton")
        self.sign_button.clicked.connect(self.sign_off)
        sign_row.addWidget(self.sign_button)
        side_layout.addLayout(sign_row)

        export_row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setObjectName("exportPdfButton")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Export &Excel…"))
        self.xlsx_button.setObjectName("exportXlsxButton")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.preview_button = QPushButton(self.tr("P&review"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.preview)
        for button in (self.pdf_button, self.xlsx_button, self.preview_button):
            export_row.addWidget(button)
        side_layout.addLayout(export_row)

        side_layout.addWidget(QLabel(self.tr("Signed-off versions:")))
        self.versions_model = VersionsModel(self, ctx.lang)
        self.versions = QTableView()
        self.versions.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.versions.setObjectName("versionsTable")
        self.versions.setAccessibleName(self.tr("Protocol versions"))
        self.versions.setModel(self.versions_model)
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.verticalHeader().setVisible(False)
        self.versions.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.versions.horizontalHeader().setStretchLastSection(True)
        side_layout.addWidget(self.versions, 1)
        version_row = QHBoxLayout()
        self.reopen_button = QPushButton(self.tr("&Reopen…"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip(
            self.tr("Reopen the signed-off result; the next sign-off makes a new version.")
        )
        self.reopen_button.clicked.connect(self.reopen)
        self.sign_pdf_button = QPushButton(self.tr("Si&gn PDF with a certificate…"))
        self.sign_pdf_button.setObjectName("signPdfButton")
        self.sign_pdf_button.clicked.connect(self.sign_pdf)
        version_row.addWidget(self.reopen_button)
        version_row.addWidget(self.sign_pdf_button)
        version_row.addStretch(1)
        side_layout.addLayout(version_row)
        splitter.addWidget(side)

        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_hint = QLabel(
            self.tr("Press Preview to see the protocol's pages (rendered with pdftoppm).")
        )
        self.preview_hint.setObjectName("previewHint")
        self.preview_hint.setWordWrap(True)
        self.pages_layout.addWidget(self.preview_hint)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setObjectName("previewText")
        self.preview_text.setReadOnly(True)
        self.preview_text.hide()
        self.pages_layout.addWidget(self.preview_text)
        self.preview_area = QScrollArea()
        self.preview_area.setObjectName("previewArea")
        self.preview_area.setAccessibleName(self.tr("Preview of the protocol pages"))
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.pages)
        splitter.addWidget(self.preview_area)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("protocolStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._update_buttons()

    # -- loading (off the GUI thread, when shown: ``ShellPage``) ------------------------------

    @property
    def idle(self) -> bool:
        task = self.last_task
        return self.loader.idle and (task is None or not task.running)

    def set_competition(self, competition_id: int | None) -> None:
        self._clear_preview()
        if competition_id is None:
            self.detail = None
            self.headline.setText(self.tr("Open a competition to prepare its protocol."))
            self._update_buttons()
        super().set_competition(competition_id)

    def reader(self) -> Any:
        url, competition_id, lang = self._ctx.db.url, self.competition_id, self._ctx.lang
        if competition_id is None:
            return None

        def read() -> tuple[queries.CompetitionDetail, list[str], list[signoff.VersionInfo]]:
            # the blockers compute the results: in the worker process
            return run_in_worker(read_protocol, url, competition_id, lang)

        return read

    def apply(
        self,
        data: tuple[queries.CompetitionDetail, list[str], list[signoff.VersionInfo]] | None,
    ) -> None:
        if data is None:
            return
        self.detail, self.blockers, versions = data
        self.versions_model.set_rows(versions)
        summary = self.detail.summary
        self.headline.setText(f"{summary.case_reference} — {summary.title}")
        self.blockers_list.clear()
        if self.blockers:
            self.blockers_list.addItems(self.blockers)
        else:
            self.blockers_list.addItem(self.tr("Nothing: the protocol can be exported."))
        previous = self.chair_combo.currentData()
        self.chair_combo.clear()
        for member in self.detail.members:
            if str(member.role) == "chair":
                self.chair_combo.addItem(f"{member.code} — {member.name}", member.code)
        for member in self.detail.members:
            if str(member.role) != "chair":
                self.chair_combo.addItem(f"{member.code} — {member.name}", member.code)
        index = self.chair_combo.findData(previous or self._ctx.acting_member)
        if index >= 0:
            self.chair_combo.setCurrentIndex(index)
        self._update_buttons()
        self.refreshed.emit()

    def _status(self) -> str:
        return str(self.detail.summary.status) if self.detail else ""

    def _update_buttons(self) -> None:
        status = self._status()
        exportable = self.detail is not None and not self.blockers
        self.sign_button.setEnabled(status == "results" and not self.blockers)
        self.pdf_button.setEnabled(exportable)
        self.xlsx_button.setEnabled(exportable)
        self.preview_button.setEnabled(exportable)
        has_versions = self.versions_model.rowCount() > 0
        self.reopen_button.setEnabled(status == "signed_off")
        self.sign_pdf_button.setEnabled(has_versions)

    # -- sign-off ---------------------------------------------------------------------------

    def sign_off(self, *, confirm: Any = None) -> None:
        """The chair signs off; ``confirm(question) -> bool`` replaces the question (tests)."""
        code = self.chair_combo.currentData()
        if self.competition_id is None or not code:
            return
        name = self.chair_combo.currentText()
        question = self.tr(
            "%1 signs off the result as the chair. The protocol is frozen as a new version; "
            "any later change needs a recorded reason. Sign off now?"
        ).replace("%1", name)
        if confirm is not None:
            accepted = confirm(question)
        else:
            accepted = ask_yes_no(self, self.tr("Sign off the result"), question)
        if not accepted:
            return
        db, cid = self._ctx.db, self.competition_id
        actor = Actor(operator=self._ctx.settings.operator or "?", member=code)
        done_text = self.tr("Signed off: protocol version %1.")

        def done(number: int) -> None:
            self.status.setText(done_text.replace("%1", str(number)))
            self._ctx.notifier.competition_changed.emit(cid)  # every screen re-reads, this too

        self.last_task = run_task(
            self,
            lambda progress: signoff.sign_off(db, actor, cid, progress),
            on_done=done,
            title=self.tr("Signing off and producing the protocol…"),
            on_cancel=self._cancelled,
        )

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; nothing was saved or changed."))

    def reopen(self, *, dialog_hook: Any = None) -> None:
        code = self.chair_combo.currentData()
        if self.competition_id is None or not code:
            return
        from app.ui.dialogs.decisions import ReasonDialog

        dialog = ReasonDialog(
            self.tr("Reopen the signed-off result"),
            self.tr("Only the chair can reopen. The current version stays readable; the next "
                    "sign-off produces a new version."),
            self,
        )  # fmt: skip
        accepted = dialog_hook(dialog) if dialog_hook else dialog.exec()
        if not accepted:
            return
        actor = Actor(operator=self._ctx.settings.operator or "?", member=code)
        try:
            signoff.reopen(self._ctx.db, actor, self.competition_id, dialog.reason_text)
        except UserError as error:
            report_error(self, error)
            return
        self.status.setText(self.tr("The result was reopened."))
        self._ctx.notifier.competition_changed.emit(self.competition_id)  # this screen too

    # -- export -----------------------------------------------------------------------------

    def current_view(self) -> dict[str, Any]:
        return {"version": self._selected_version(), "chair": self.chair_combo.currentData()}

    def show_view(self, state: dict[str, Any]) -> None:
        chair = self.chair_combo.findData(state.get("chair"))
        if chair >= 0:
            self.chair_combo.setCurrentIndex(chair)
        for row in range(self.versions_model.rowCount()):
            version = self.versions_model.version_at(row)
            if version is not None and version.number == state.get("version"):
                self.versions.selectRow(row)

    def _selected_version(self) -> int | None:
        index = self.versions.currentIndex()
        version = self.versions_model.version_at(index.row()) if index.isValid() else None
        return version.number if version else None

    def export(self, kind: str, path: str | None = None) -> None:
        if self.competition_id is None or self.detail is None:
            return
        if not path:
            reference = self.detail.summary.case_reference.replace("/", "_") or "protokol"
            suffix = "pdf" if kind == "pdf" else "xlsx"
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the protocol"),
                str(Path.home() / f"{reference}_protokol.{suffix}"),
                self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Workbooks (*.xlsx)"),
            )
        if not path:
            return
        db, cid, lang, version = (
            self._ctx.db,
            self.competition_id,
            self._ctx.lang,
            self._selected_version(),
        )
        target = Path(path)
        done_text = self.tr("Saved %1.")

        def work(progress: Any) -> None:
            files = protocol.export_protocol_files(db, cid, (kind,), lang, version, progress)
            write_atomically(target, files[kind])

        self.last_task = run_task(
            self,
            work,
            on_done=lambda _r: self.status.setText(done_text.replace("%1", str(target))),
            title=self.tr("Producing the protocol…"),
            on_cancel=self._cancelled,
        )

    def _clear_preview(self) -> None:
        while self.pages_layout.count() > 2:
            item = self.pages_layout.takeAt(2)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.preview_text.hide()
        self.preview_hint.show()

    def preview(self) -> None:
        if self.competition_id is None:
            return
        db, cid, lang, version = (
            self._ctx.db,
            self.competition_id,
            self._ctx.lang,
            self._selected_version(),
        )

        def work(progress: Any) -> tuple[str, Any]:
            files = protocol.export_protocol_files(db, cid, ("pdf",), lang, version, progress)
            return render_preview(files["pdf"])

        self.last_task = run_task(
            self,
            work,
            on_done=self._show_preview,
            title=self.tr("Rendering the pages…"),
            on_cancel=self._cancelled,
        )

    def _show_preview(self, result: tuple[str, Any]) -> None:
        self._clear_preview()
        mode, content = result
        self.preview_mode = mode
        if mode == "images":
            self.preview_hint.hide()
            for number, image in enumerate(content, start=1):
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(image))
                label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
                label.setStyleSheet("border: 1px solid #a0a0a0; background: white;")
                self.pages_layout.addWidget(label)
        elif mode == "text":
            self.preview_hint.setText(
                self.tr("pdftoppm is not installed: the text of the pages is shown instead.")
            )
            self.preview_text.setPlainText(content)
            self.preview_text.show()
        else:
            self.preview_hint.setText(
                self.tr(
                    "No preview: install poppler (pdftoppm) to see the pages here, or export "
                    "the PDF and open it."
                )
            )
        self.preview_ready.emit()

    def sign_pdf(self, *, dialog_hook: Any = None, target: str | None = None) -> None:
        number = self._selected_version() or self.versions_model.rowCount()
        if self.competition_id is None or not number:
            return
        dialog = SignatureDialog(self.chair_combo.currentText().split(" — ")[-1], self)
        accepted = dialog_hook(dialog) if dialog_hook else dialog.exec()
        if not accepted:
            return
        if not target:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the signed PDF"), str(Path.home() / "protokol_podpisany.pdf"),
                self.tr("PDF (*.pdf)"),
            )  # fmt: skip
        if not target:
            return
        db, cid = self._ctx.db, self.competition_id
        certificate, password = Path(dialog.certificate.text()), dialog.password.text()
        signer, output = dialog.signer.text().strip(), Path(target)
        done_text = self.tr("The signed PDF was saved: %1.")

        def work(_progress: Any) -> None:
            pdf, _xlsx = signoff.version_bytes(db, cid, number)
            if pdf is None:
                raise UserError("not_found", {"what": "PDF", "id": number})
            write_atomically(
                output, protocol.sign_protocol_pdf(pdf, certificate.read_bytes(), password, signer)
            )

        self.last_task = run_task(
            self,
            work,
            on_done=lambda _r: self.status.setText(done_text.replace("%1", str(output))),
            title=self.tr("Signing the PDF…"),
        )
