"""The protocol workbook: its live formulas recompute (LibreOffice) to the engine's numbers.

Every sample is written, all workbooks are recalculated by one LibreOffice run and exported
sheet by sheet to CSV with raw (unformatted) values; the ranking sheet must then give exactly
the engine's totals, points and aggregated scores, and the award sum the engine's total.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string

from app.protocol.document import ProtocolDocument, ReceivedOffer
from app.protocol.labels import label
from app.protocol.xlsx import FIRST_ROW, HEADER_ROW, render_xlsx, sheet_names
from app.scoring import Aggregation, RoundingStage
from tests.unit.protocol.test_protocol_samples import (
    large_document,
    sample_cancelled_document,
    sample_document,
    sample_investor_document,
    soffice_csv_many,
)

T, M = RoundingStage.TOTAL, Aggregation.MEDIAN

SAMPLES = {
    "ngo": lambda: sample_document(),
    "ngo_total_median": lambda: sample_document(stage=T, aggregation=M),
    "ngo_en_total": lambda: sample_document(language="en", stage=T),
    "investor": lambda: sample_investor_document(),
    "investor_total_en": lambda: sample_investor_document(stage=T, language="en"),
    "investor_median": lambda: sample_investor_document(aggregation=M),
    "cancelled": lambda: sample_cancelled_document(),
    "large": lambda: large_document(45, 6, 7, seed=3),
    "large_total": lambda: large_document(45, 7, 6, seed=11, stage=T),
    "large_median": lambda: large_document(30, 6, 5, seed=5, aggregation=M),
}


def _half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ranking_rows(doc: ProtocolDocument, path: Path) -> dict[str, dict[str, str]]:
    """The ranking sheet's data rows as LibreOffice computed them: offer → header → value."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[HEADER_ROW - 1]
    found: dict[str, dict[str, str]] = {}
    for row in rows[FIRST_ROW - 1 :]:
        if not row or not row[1]:
            break
        found[row[1]] = dict(zip(header, row, strict=False))
    return found


def check_ranking(doc: ProtocolDocument, path: Path, rows_after: list[list[str]]) -> int:
    """Compare every recomputed number with the engine's; returns how many were compared."""
    lang = doc.language
    places = doc.policy.rounding_places
    stage_total = doc.policy.rounding_stage is RoundingStage.TOTAL
    rows = ranking_rows(doc, path)
    admitted = [r for r in doc.results.offers if r.admitted]
    assert list(rows) == [r.offer_id for r in admitted], "ranking order differs"
    compared = 0
    for r in admitted:
        row = rows[r.offer_id]
        total = Decimal(row[label(lang, "res_total")])
        assert total == r.total, f"{path.name} {r.offer_id}: total {total} != {r.total}"
        compared += 1
        for cr in r.criteria:
            key = next(
                h
                for h in row
                if h.startswith(label(lang, "wb_points_of", code=cr.criterion_id) + " ")
            )
            points = Decimal(row[key])
            shown = _half_up(points, places) if stage_total else points
            assert shown == cr.points, f"{path.name} {r.offer_id} {cr.criterion_id}: points"
            compared += 1
            score_key = label(lang, "wb_score_of", code=cr.criterion_id)
            if cr.score is not None and score_key in row:
                score = Decimal(row[score_key])
                shown = _half_up(score, places) if stage_total else score
                assert shown == cr.score, f"{path.name} {r.offer_id} {cr.criterion_id}: score"
                compared += 1
        rank = row[label(lang, "rk_rank")]
        assert (int(rank) if rank else None) == r.rank
        if r.award is not None:
            assert Decimal(row[label(lang, "rk_award")]) == r.award
    awarded = [
        line for line in rows_after if len(line) > 2 and line[2] == label(lang, "wb_sum_awarded")
    ]
    if doc.results.awarded_total is not None and admitted:
        assert awarded, "no award sum row"
        value = next(v for v in awarded[0][3:] if v)
        assert Decimal(value) == doc.results.awarded_total
    return compared


@pytest.mark.external
def test_live_formulas_recompute_to_the_engines_numbers(tmp_path: Path) -> None:
    docs = {name: build() for name, build in SAMPLES.items()}
    for name, doc in docs.items():
        (tmp_path / f"{name}.xlsx").write_bytes(render_xlsx(doc))
    exported = soffice_csv_many(sorted(tmp_path.glob("*.xlsx")), tmp_path / "csv")
    total_compared = 0
    for name, doc in docs.items():
        sheets = exported[name]
        ranking = sheets[sheet_names(doc.language)["ranking"]]
        with ranking.open(encoding="utf-8", newline="") as handle:
            all_rows = list(csv.reader(handle))
        total_compared += check_ranking(doc, ranking, all_rows)
        assert set(sheets) == set(sheet_names(doc.language).values())
    assert total_compared > 1500  # the samples really exercised the formulas


def _load(doc: ProtocolDocument) -> Workbook:
    return load_workbook(io.BytesIO(render_xlsx(doc)))


def test_sheets_print_setup_and_frozen_header() -> None:
    doc = sample_document()
    wb = _load(doc)
    names = sheet_names("pl")
    assert (
        wb.sheetnames
        == [names[k] for k in ("ranking", "rules", "scores", "formal", "committee", "explain")]
        == ["Ranking", "Zasady", "Oceny", "Ocena formalna", "Komisja", "Wyjaśnienia"]
    )
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize in (9, "9")
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith(str(FIRST_ROW))
    en = load_workbook(io.BytesIO(render_xlsx(sample_document(language="en"))))
    assert en.sheetnames == [
        "Ranking",
        "Rules",
        "Scores",
        "Formal check",
        "Committee",
        "Explanations",
    ]


def test_explanations_and_signature_block_match_the_pdf_annex() -> None:
    from app.texts import explain

    doc = sample_document()
    wb = _load(doc)
    texts = [row[2] for row in wb["Wyjaśnienia"].iter_rows(values_only=True) if len(row) > 2]
    assert len(doc.explanations) == len(doc.results.offers)
    for why in doc.explanations:
        for steps in why.criteria.values():
            for step in steps:
                assert explain(step, "pl") in texts
        for step in why.steps:
            assert explain(step, "pl") in texts
    committee = [
        cell
        for row in wb["Komisja"].iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert "Podpis" in committee and "ZATWIERDZAM" in committee
    for m in doc.committee:
        if m.present_at_sign_off:
            assert committee.count(m.name) >= 2  # in the list and on a signature line
    assert doc.institution.head_name in committee


def _explanations(doc: ProtocolDocument) -> list[str]:
    """The explanation lines of the workbook's explanations sheet, offer headings left out."""
    ws = _load(doc)[sheet_names(doc.language)["explain"]]
    return [
        text
        for offer, criterion, text in ws.iter_rows(min_row=FIRST_ROW, max_col=3, values_only=True)
        if criterion is not None or offer is None
    ]


def _every_step_explained(doc: ProtocolDocument) -> list[str]:
    from app.texts import explain

    lang = doc.language
    lines = [explain(step, lang) for step in doc.results.steps]
    for why in doc.explanations:
        lines += [explain(step, lang) for steps in why.criteria.values() for step in steps]
        lines += [explain(step, lang) for step in why.steps]
    return lines


@pytest.mark.parametrize(
    "name", ["ngo_en_total", "investor", "investor_total_en", "cancelled", "large", "large_median"]
)
def test_explanations_sheet_has_every_step_in_order_as_the_pdf_words_it(name: str) -> None:
    doc = SAMPLES[name]()
    assert _explanations(doc) == _every_step_explained(doc)


def test_explanations_follow_a_template_with_a_conversion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.texts import STEP_TEXTS

    pl, en = STEP_TEXTS["mean"]
    monkeypatch.setitem(
        STEP_TEXTS, "mean", (pl.replace("{count}", "{count!r}"), en.replace("{count}", "{count!r}"))
    )
    doc = large_document(6, 4, 3, seed=2)
    lines = _explanations(doc)
    assert lines == _every_step_explained(doc)
    assert any(line.startswith("Średnia:") and "/ '" in line for line in lines)  # "/ '4' ="


def test_signature_lines_and_long_texts_get_tall_rows() -> None:
    doc = sample_document()
    wb = _load(doc)
    committee = wb["Komisja"]
    heading = next(
        row[0].row for row in committee.iter_rows() if row[0].value == label("pl", "s_signatures")
    )
    signing = [
        row[1].row
        for row in committee.iter_rows(min_row=heading)
        if any(row[1].value == m.name for m in doc.committee if m.present_at_sign_off)
    ]
    approve = next(
        row[3].row
        for row in committee.iter_rows(min_row=heading)
        if len(row) > 3 and row[3].value == label("pl", "sg_approve_line")
    )
    assert signing and all(committee.row_dimensions[r].height == 45 for r in [*signing, approve])
    scores = wb["Oceny"]
    long_rows = [
        row[0].row
        for row in scores.iter_rows(min_row=FIRST_ROW)
        if any(isinstance(c.value, str) and len(c.value) > 2 * 40 for c in row[4:])
    ]
    assert long_rows
    assert all((scores.row_dimensions[r].height or 0) >= 45 for r in long_rows)


def test_totals_are_formulas_with_round_at_the_stated_stage() -> None:
    for stage in (RoundingStage.CRITERION, RoundingStage.TOTAL):
        doc = sample_document(stage=stage)
        ws = _load(doc)["Ranking"]
        header = [c.value for c in ws[HEADER_ROW]]
        total = header.index("Suma") + 1
        k1_points = next(i for i, h in enumerate(header) if str(h).startswith("Pkt K1 ")) + 1
        k1_score = header.index("Ocena K1") + 1
        cell = ws.cell(FIRST_ROW, total)
        assert cell.value.startswith("=ROUND(SUM(")
        assert cell.number_format == "#,##0.00"
        points = ws.cell(FIRST_ROW, k1_points).value
        score = ws.cell(FIRST_ROW, k1_score).value
        if stage is RoundingStage.CRITERION:
            assert points.startswith("=ROUND(") and score.startswith("=ROUND(AVERAGE('Oceny'!")
        else:
            assert not points.startswith("=ROUND(") and score.startswith("=AVERAGE('Oceny'!")


def test_consensus_score_is_a_value_with_a_comment_and_experts_are_outside_the_range() -> None:
    doc = sample_document()
    wb = _load(doc)
    ws = wb["Ranking"]
    header = [c.value for c in ws[HEADER_ROW]]
    k1 = header.index("Ocena K1") + 1
    codes = {ws.cell(r, 2).value: r for r in range(FIRST_ROW, FIRST_ROW + 6)}
    o6 = ws.cell(codes["O6"], k1)
    assert o6.value == 8 and o6.comment is not None and "uzgodnion" in o6.comment.text
    # O1's K1 average covers the four counted members, not the expert M5
    formula = ws.cell(codes["O1"], k1).value
    start, end = (int(part.lstrip("E")) for part in formula.split("!")[1].split(")")[0].split(":"))
    scores = wb["Oceny"]
    members = [scores.cell(row, 2).value for row in range(start, end + 1)]
    assert members == ["M1", "M2", "M3", "M4"]
    assert scores.cell(end + 1, 2).value == "M5"
    assert "ekspert" in scores.cell(end + 1, 4).value


def test_user_text_that_looks_like_a_formula_stays_text() -> None:
    doc = sample_document()
    evil = '=HYPERLINK("http://x","kliknij")'
    offers = tuple(replace(o, applicant=evil) if o.code == "O1" else o for o in doc.offers)
    wb = load_workbook(io.BytesIO(render_xlsx(replace(doc, offers=offers))))
    formal = wb["Ocena formalna"]
    cell = formal.cell(FIRST_ROW, 2)
    assert cell.value == evil and cell.data_type == "s"


def test_polish_number_and_date_formats_and_cancellation_banner() -> None:
    wb = _load(sample_cancelled_document())
    ranking = wb["Ranking"]
    assert "UNIEWAŻNIONY" in ranking.cell(5, 1).value
    formal = wb["Ocena formalna"]
    header = [c.value for c in formal[HEADER_ROW]]
    received = formal.cell(FIRST_ROW, header.index("Wpłynęła") + 1)
    requested = formal.cell(FIRST_ROW, header.index("Kwota wnioskowana") + 1)
    assert received.number_format == "DD.MM.YYYY HH:MM"
    assert requested.number_format == '#,##0.00\\ "zł"'
    assert isinstance(requested.value, (int, float)) and requested.value == 15000


def test_rules_committee_and_formal_sheets_hold_the_protocols_facts() -> None:
    doc = sample_document()
    wb = _load(doc)
    text = "\n".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value
    )
    for fact in (
        "SO.524.2.2027",
        doc.fingerprint,
        "Zarządzenie nr 12/2027",
        "średnia arytmetyczna",
        "na etapie każdego kryterium",
        "więcej punktów w kryterium K3",
        "członek zarządu oferenta w latach 2023–2025",
        "oferta złożona po terminie",
        "brak podpisu drugiej osoby upoważnionej (KRS)",
        "Spółdzielnia zatrudnia osoby z niepełnosprawnościami",
        "Urząd Gminy Liszki, sala nr 12 (parter)",
        "Oferent O5 został poinformowany",
        "uzupełnienie oceny oferty O3 po złożeniu korekty",
        "Grzegorz Łuczak",
        "ekspert (głos doradczy)",
    ):
        assert fact in text, fact


def test_rendering_is_refused_for_an_inconsistent_document() -> None:
    doc = sample_document()
    broken = replace(
        doc,
        offers=(*doc.offers[:-1], replace(doc.offers[-1], code="X9")),
    )
    assert isinstance(broken.offers[-1], ReceivedOffer)
    with pytest.raises(ValueError, match="unknown offer"):
        render_xlsx(broken)


@pytest.mark.parametrize("name", ["ngo", "investor_total_en"])
def test_cells_without_a_format_wrap_in_excel_and_in_libreoffice(name: str) -> None:
    """Excel gives a cell without a format the workbook's first one, LibreOffice gives it its
    column's; both must be wrapped and top-aligned, or long names and justifications run on
    one line past their column."""
    import re
    import zipfile

    def wraps(xf: str) -> bool:
        alignment = re.search(r"<alignment ([^>]*)/>", xf)
        return alignment is not None and all(
            part in alignment.group(1) for part in ('wrapText="1"', 'vertical="top"')
        )

    data = render_xlsx(SAMPLES[name]())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("xl/styles.xml").decode("utf-8")
        cell_xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.DOTALL)
        assert cell_xfs is not None
        xfs = re.findall(r"<xf [^>]*/>|<xf [^>]*>.*?</xf>", cell_xfs.group(1), re.DOTALL)
        assert wraps(xfs[0])
        plain_cells = 0
        for sheet in (n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")):
            xml = archive.read(sheet).decode("utf-8")
            wrapped_columns: set[int] = set()
            for col in re.findall(r"<col [^>]*>", xml):
                style = re.search(r'style="(\d+)"', col)
                low, high = re.search(r'min="(\d+)"', col), re.search(r'max="(\d+)"', col)
                assert low is not None and high is not None
                if style is not None and wraps(xfs[int(style.group(1))]):
                    wrapped_columns.update(range(int(low.group(1)), int(high.group(1)) + 1))
            for ref in re.findall(r'<c r="([A-Z]+)\d+"(?![^>]* s=)[^>]*>', xml):
                plain_cells += 1
                assert column_index_from_string(ref) in wrapped_columns, f"{sheet}: {ref}"
        assert plain_cells
