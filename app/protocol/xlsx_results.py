"""The protocol workbook's result sheets: the ranking with its live formulas, and the
members' individual scores that those formulas read."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname

from app.protocol.formatting import format_score
from app.protocol.xlsx_base import WorkbookBase, member_scored
from app.protocol.xlsx_cells import (
    FIRST_ROW,
    HEADER_ROW,
    ILLEGAL,
    JUSTIFICATION_WIDTH,
    MAX_TEXT,
    Sheet,
    formula_number,
    per_line,
    safe_text,
)
from app.scoring.types import (
    AllocationMethod,
    Criterion,
    CriterionKind,
    CriterionResult,
    Flag,
    ThresholdBasis,
)


class ResultSheets(WorkbookBase):
    """The ranking and scores sheets."""

    # -- scores by member ------------------------------------------------------------------

    def plan_scores(self) -> list[tuple[str, str, str]]:
        """Rows of the scores sheet: (offer, member, counted-state), grouped by offer.

        Fills ``self.blocks`` so the ranking's formulas know each offer's counted rows.
        """
        doc = self.doc
        scored_pairs: set[tuple[str, str]] = {
            (s.offer_code, s.member_code) for s in doc.individual_scores
        }
        recused = {(r.offer_code, r.member_code) for r in doc.recusals}
        order = {m.code: i for i, m in enumerate(doc.committee)}
        rows: list[tuple[str, str, str]] = []
        row = FIRST_ROW
        by_offer = {r.offer_id: r for r in self.admitted}
        for offer in doc.offers:
            result = by_offer.get(offer.code)
            if result is None:
                continue
            counted = sorted(result.counted_members, key=lambda m: order.get(m, 0))
            first = row
            for counted_code in counted:
                rows.append((offer.code, counted_code, ""))
                row += 1
            self.blocks[offer.code] = (first, row - 1)
            for member in doc.committee:
                code = member.code
                if code in result.counted_members:
                    continue
                reason = result.excluded_members.get(code)
                if (offer.code, code) in scored_pairs or (offer.code, code) in recused:
                    rows.append((offer.code, code, reason or "other"))
                    row += 1
        return rows

    def counted_text(self, reason: str) -> str:
        if not reason:
            return self.t("wb_counted_yes")
        if reason == "expert":
            return self.t("wb_excluded_expert")
        if reason == "recused":
            return self.t("wb_excluded_recused")
        return self.t("wb_excluded_other", reason=reason)

    def scores_sheet(self, rows: list[tuple[str, str, str]]) -> None:
        doc = self.doc
        scored = self.scored
        n = len(scored)
        widths = [9, 9, 24, 14, *([8] * n), *([JUSTIFICATION_WIDTH] * n)]
        sheet = Sheet(self.wb, self.names["scores"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "E7", title_cols="A:D")
        last_col = get_column_letter(4 + 2 * n)
        sheet.ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + max(len(rows), 1)}"
        self.title_block(sheet, self.t("annex_scores"))
        sheet.header(
            [
                self.t("ax_offer"),
                self.t("wb_member_code"),
                self.t("wb_member_name"),
                self.t("wb_counted"),
                *(self.t("wb_score_of", code=c.id) for c in scored),
                *(self.t("wb_just", code=c.id) for c in scored),
            ]
        )
        index: dict[tuple[str, str], dict[str, tuple[Decimal, str]]] = {}
        for s in doc.individual_scores:
            index.setdefault((s.offer_code, s.member_code), {})[s.criterion_id] = (
                s.score,
                s.justification,
            )
        names = {m.code: safe_text(m.name) for m in doc.committee}
        ids = [c.id for c in scored]
        counted_yes = self.counted_text("")
        append = sheet.ws.append
        text = sheet.text
        empty: dict[str, tuple[Decimal, str]] = {}
        chars = per_line(JUSTIFICATION_WIDTH)
        row_no = sheet.row
        for offer, member, reason in rows:
            row_no += 1
            given = index.get((offer, member), empty)
            values: list[Any] = [
                offer,
                member,
                names.get(member, member),
                counted_yes if not reason else self.counted_text(reason),
            ]
            pairs = [given.get(cid) for cid in ids]
            values.extend(None if p is None else p[0] for p in pairs)
            longest = max((len(p[1]) for p in pairs if p is not None), default=0)
            if longest > chars:  # the longest text sets the height (line breaks aside)
                sheet.height(row_no, -(-longest // chars))
            for p in pairs:  # plain strings (fast) unless the text needs protecting
                if p is None or not p[1]:
                    values.append(None)
                elif p[1][0] == "=" or ILLEGAL.search(p[1]) or len(p[1]) > MAX_TEXT:
                    values.append(text(p[1]))
                else:
                    values.append(p[1])
            append(values)
        sheet.row += len(rows)

    # -- ranking -----------------------------------------------------------------------------

    def ranking_sheet(self) -> None:
        doc = self.doc
        lang = self.lang
        policy = doc.policy
        criteria = list(doc.criteria)
        with_money = policy.allocation.method is not AllocationMethod.NONE
        unscaled = policy.min_total_basis is ThresholdBasis.UNSCALED
        fields: list[str] = []
        for c in criteria:
            if not member_scored(c) and c.field and c.field not in fields:
                fields.append(c.field)
        # column layout
        col = 4
        score_col: dict[str, str] = {}
        for c in self.scored:
            score_col[c.id] = get_column_letter(col)
            col += 1
        field_col: dict[str, str] = {}
        for name in fields:
            field_col[name] = get_column_letter(col)
            col += 1
        points_col: dict[str, str] = {}
        for c in criteria:
            points_col[c.id] = get_column_letter(col)
            col += 1
        col += 1 + (1 if unscaled else 0)  # total, unscaled total
        award_index = col + 1  # after the amount requested
        award_col = get_column_letter(award_index)
        widths = [8, 8, 44]
        widths += [9] * (len(self.scored) + len(fields) + len(criteria))
        widths += [10] + ([10] if unscaled else []) + [15, 15, 36]
        sheet = Sheet(self.wb, self.names["ranking"], self.styles, widths)
        sheet.landscape(HEADER_ROW, "D7")
        self.title_block(sheet, self.t("s_ranking" if with_money else "s_selection"))
        max_word = "maks." if lang == "pl" else "max"
        sheet.header(
            [
                self.t("rk_rank"),
                self.t("rk_offer"),
                self.t("rk_applicant"),
                *(self.t("wb_score_of", code=c.id) for c in self.scored),
                *(self.t("wb_value_of", field=name) for name in fields),
                *(
                    f"{self.t('wb_points_of', code=c.id)} "
                    f"({max_word} {format_score(c.weight, lang)})"
                    for c in criteria
                ),
                self.t("res_total"),
                *([self.t("res_unscaled")] if unscaled else []),
                self.t("rk_requested"),
                self.t("rk_award" if with_money else "rk_selected"),
                self.t("rk_status"),
            ]
        )
        rows = self.admitted
        first, last = FIRST_ROW, FIRST_ROW + len(rows) - 1
        p = self.places
        # Every formula of a column differs only in the row numbers: one template per column,
        # filled with str.format ({0} the row, or the offer's first and last scores row).
        scores_ref = quote_sheetname(self.names["scores"]).replace("{", "{{").replace("}", "}}")
        agg = "MEDIAN" if policy.aggregation.value == "median" else "AVERAGE"
        aggregates: list[tuple[str, str]] = []  # (criterion id, formula template)
        for c in self.scored:
            scol = self.score_letters[c.id]
            inner = f"{agg}({scores_ref}!{scol}{{0}}:{scol}{{1}})"
            if self.stage_total or c.kind is CriterionKind.YES_NO:
                aggregates.append((c.id, f"={inner}"))
            else:
                aggregates.append((c.id, f"=ROUND({inner},{p})"))
        points = [
            (c, *self.points_template(c, first, last, score_col, field_col)) for c in criteria
        ]
        pts = ",".join(f"{points_col[c.id]}{{0}}" for c in criteria)
        total_template = f"=ROUND(SUM({pts}),{p})"
        parts = ",".join(
            f"{score_col[c.id]}{{0}}" for c in self.scored if c.kind is CriterionKind.SCORED
        )
        unscaled_template = f"=ROUND(SUM({parts}),{p})" if parts else None
        comment_consensus = self.t("wb_comment_consensus")
        comment_given = self.t("wb_comment_given")
        cell = sheet.cell
        for offset, r in enumerate(rows):
            row = FIRST_ROW + offset
            offer = doc.offer_by_code[r.offer_id]
            by_id: dict[str, CriterionResult] = {c.criterion_id: c for c in r.criteria}
            cells: list[Any] = [
                cell(r.rank, "int") if r.rank is not None else None,
                cell(r.offer_id, "bold"),
                sheet.text(f"{offer.applicant} – „{offer.title}”", "wrap"),
            ]
            block = self.blocks.get(r.offer_id)
            span = block if block is not None and block[1] >= block[0] else None
            # aggregated scores
            formula_ok: set[str] = set()
            for cid, template in aggregates:
                cr = by_id.get(cid)
                if cr is None or cr.score is None or span is None:
                    cells.append(None)
                elif cr.consensus:
                    cells.append(cell(cr.score, "score", comment_consensus))
                    formula_ok.add(cid)
                else:
                    cells.append(cell(template.format(*span), "score"))
                    formula_ok.add(cid)
            # figures of formula criteria
            values = offer.values
            cells.extend(values.get(name) for name in fields)
            # points
            for c, formula, needs in points:
                cr = by_id.get(c.id)
                if cr is None:
                    cells.append(None)
                elif (
                    formula is None
                    or (needs is not None and values.get(needs) is None)
                    or (needs is None and c.id in score_col and c.id not in formula_ok)
                ):
                    value = cr.points_exact if self.stage_total else cr.points
                    cells.append(cell(value, "num", comment_given))
                else:
                    cells.append(cell(formula.format(row), "num"))
            if r.total is None:
                cells.append(None)
            else:
                cells.append(cell(total_template.format(row), "num_bold"))
            if unscaled:
                cells.append(
                    cell(unscaled_template.format(row), "num")
                    if unscaled_template
                    else r.unscaled_total
                )
            cells.append(sheet.cell(offer.requested, "money"))
            if with_money:
                note = None
                if r.award is not None and Flag.MANUAL_AWARD in r.flags:
                    note = self.t("wb_comment_manual_award")
                cells.append(
                    sheet.cell(r.award, "money_bold", note) if r.award is not None else None
                )
            else:
                cells.append(self.t("yes") if Flag.SELECTED in r.flags else self.t("no"))
            cells.append(sheet.text(self.flags_text(r), "wrap"))
            sheet.append(cells)
        sheet.blank()
        res = doc.results
        if with_money and rows:
            sum_row = sheet.append(
                [
                    None,
                    None,
                    sheet.cell(self.t("wb_sum_awarded"), "bold"),
                    *([None] * (award_index - 4)),
                    sheet.cell(f"=SUM({award_col}{first}:{award_col}{last})", "money_bold"),
                ]
            )
            budget = res.budget if res.budget is not None else policy.allocation.budget
            if budget is not None:
                budget_row = sheet.append(
                    [
                        None,
                        None,
                        sheet.cell(self.t("wb_budget"), "bold"),
                        *([None] * (award_index - 4)),
                        sheet.cell(budget, "money"),
                    ]
                )
                sheet.append(
                    [
                        None,
                        None,
                        sheet.cell(self.t("wb_left"), "bold"),
                        *([None] * (award_index - 4)),
                        sheet.cell(f"={award_col}{budget_row}-{award_col}{sum_row}", "money"),
                    ]
                )
        elif not with_money:
            selected = [r.offer_id for r in rows if Flag.SELECTED in r.flags]
            words = (
                self.t("rk_selected_list", items=", ".join(selected))
                if selected
                else self.t("rk_selected_none")
            )
            sheet.append([None, None, sheet.text(words, "bold")])
        if not rows:
            sheet.append([None, None, sheet.cell(self.t("res_none"), "wrap")])
        if res.not_evaluated:
            sheet.append(
                [
                    None,
                    None,
                    sheet.text(
                        self.t("res_not_evaluated", codes=", ".join(res.not_evaluated)), "wrap"
                    ),
                ]
            )
        if self.stage_total:
            sheet.append([None, None, sheet.text(self.t("res_stage_total_note"), "wrap")])
        if doc.is_cancelled and doc.cancellation_reason:
            sheet.append(
                [
                    None,
                    None,
                    sheet.text(self.t("cancel_reason", reason=doc.cancellation_reason), "wrap"),
                ]
            )

    def points_template(
        self,
        c: Criterion,
        first: int,
        last: int,
        score_col: dict[str, str],
        field_col: dict[str, str],
    ) -> tuple[str | None, str | None]:
        """The live formula of one criterion's points as a template of the ranking row
        (``{0}``), and the figure an offer needs for it (without it: a value, no formula).

        (None, None): the criterion's points are always written as values.
        """
        p = self.places
        weight = formula_number(c.weight)
        row = "{0}"

        def rounded(expr: str) -> str:
            return f"={expr}" if self.stage_total else f"=ROUND({expr},{p})"

        if c.kind is CriterionKind.SCORED:
            top = formula_number(c.max_score or Decimal(1))
            return rounded(f"{score_col[c.id]}{row}*{weight}/{top}"), None
        if c.kind is CriterionKind.YES_NO:
            if c.field is None:
                return f"=IF({score_col[c.id]}{row}>0.5,{weight},0)", None
            return f"=IF({field_col[c.field]}{row}=1,{weight},0)", c.field
        if c.field is None:
            return None, None
        letter = field_col[c.field]
        cell = f"{letter}{row}"
        column = f"${letter}${first}:${letter}${last}"
        if c.kind is CriterionKind.LOWER_BETTER:
            return rounded(f"MIN({column})*{weight}/{cell}"), c.field
        if c.kind is CriterionKind.HIGHER_BETTER:
            if c.cap is not None:
                cap = formula_number(c.cap)
                return rounded(f"MIN({cell},{cap})*{weight}/MIN(MAX({column}),{cap})"), c.field
            return rounded(f"{cell}*{weight}/MAX({column})"), c.field
        # banded: the highest band whose lower bound the value reaches
        expr = "0"
        for band in sorted(c.bands, key=lambda b: b.from_value):
            bound, points = formula_number(band.from_value), formula_number(band.points)
            expr = f"IF({cell}>={bound},{points},{expr})"
        return rounded(expr), c.field
