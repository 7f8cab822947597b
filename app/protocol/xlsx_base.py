"""The protocol workbook's shared state and parts: the document, the styles, the title block.

:class:`WorkbookBase` is what every sheet writer of :mod:`app.protocol.xlsx` builds on (the
results in :mod:`app.protocol.xlsx_results`, the records in :mod:`app.protocol.xlsx_records`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from app.protocol.document import CompetitionKind, ProtocolDocument
from app.protocol.formatting import excel_datetime, format_datetime, format_score
from app.protocol.labels import FLAG_ORDER, flag_label, label
from app.protocol.xlsx_cells import Sheet, Styles
from app.scoring.types import (
    Criterion,
    CriterionKind,
    Flag,
    OfferResult,
    RoundingStage,
)


def sheet_names(lang: str) -> dict[str, str]:
    """The sheet names of a workbook in ``lang``: role → name."""
    return {
        key: label(lang, f"wb_{key}")
        for key in ("ranking", "rules", "scores", "formal", "committee", "explain")
    }


def member_scored(criterion: Criterion) -> bool:
    return criterion.kind is CriterionKind.SCORED or (
        criterion.kind is CriterionKind.YES_NO and criterion.field is None
    )


class WorkbookBase:
    """The document being written and what every sheet needs of it."""

    def __init__(self, doc: ProtocolDocument) -> None:
        self.doc = doc
        self.lang = doc.language
        self.wb = Workbook(write_only=True)
        self.styles = Styles(self.wb, self.lang)
        self.names = sheet_names(self.lang)
        self.stage_total = doc.policy.rounding_stage is RoundingStage.TOTAL
        self.places = doc.policy.rounding_places
        self.admitted: list[OfferResult] = [r for r in doc.results.offers if r.admitted]
        self.scored = [c for c in doc.criteria if member_scored(c)]
        self.score_letters: dict[str, str] = {  # column of each criterion on the scores sheet
            c.id: get_column_letter(5 + i) for i, c in enumerate(self.scored)
        }
        # offer code -> (first row, last counted row) of its block on the scores sheet
        self.blocks: dict[str, tuple[int, int]] = {}

    def t(self, key: str, **params: Any) -> str:
        return label(self.lang, key, **params)

    def num_text(self, value: Decimal | None) -> str:
        return "" if value is None else format_score(value, self.lang)

    def when(self, value: datetime | None) -> datetime | None:
        return None if value is None else excel_datetime(value)

    # -- common parts ----------------------------------------------------------------------

    def title_block(self, sheet: Sheet, heading: str) -> None:
        doc = self.doc
        comp = doc.competition
        sheet.append([sheet.cell(f"{doc.institution.name} – {heading}", "title")])
        sheet.append([sheet.text(comp.title, "subtitle")])
        parts = [
            self.t("header_case", ref=comp.case_reference),
            f"{self.t('version')}: {doc.version}",
            f"{self.t('wb_fingerprint')}: {doc.fingerprint}",
        ]
        sheet.append([sheet.text(" · ".join(parts), "info")])
        if doc.is_draft:
            status = self.t("status_draft")
        else:
            status = self.t(
                "status_signed",
                when=format_datetime(doc.signed_off_at, self.lang),
                who=doc.signed_off_by,
            )
        generated = format_datetime(doc.generated_at, self.lang)
        sheet.append([sheet.text(f"{status} · {self.t('wb_generated')}: {generated}", "info")])
        if doc.is_cancelled:
            sheet.append([sheet.cell(self.cancel_banner(), "banner")])
        elif doc.is_draft:
            sheet.append([sheet.cell(self.t("draft_mark"), "banner")])
        else:
            sheet.blank()

    def cancel_banner(self) -> str:
        if self.doc.competition.kind is CompetitionKind.NGO_GRANT:
            return self.t("wb_cancelled")
        return self.t("cancelled_banner_other")

    def flags_text(self, r: OfferResult) -> str:
        words = [flag_label(self.lang, f) for f in FLAG_ORDER if f in r.flags]
        if not r.eligible and Flag.BELOW_THRESHOLD not in r.flags:
            words.insert(0, self.t("rk_ineligible"))
        return "; ".join(words)
