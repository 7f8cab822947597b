"""Import of offer lists from CSV and XLSX: per-row problems, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import UserError
from app.services import offer_import, queries, registration
from app.services.specs import ApplicantSpec, OfferSpec
from tests.builders import VALID_NIPS, announced

HEADER = "Oferent;NIP;Data wpływu;Kwota wnioskowana;Tytuł\n"


def test_csv_rows_with_problems_name_the_row_and_nothing_is_written(
    db, actor, clock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cid = announced(db, actor, clock)
    source = tmp_path / "oferty.csv"
    source.write_text(
        HEADER
        + f"Fundacja Alfa;{VALID_NIPS[0]};10.01.2027 12:30;40 000,00;Klub seniora\n"
        + "Stowarzyszenie Beta;7251801127;11.01.2027 09:00;12 500,50;Warsztaty\n"
        + "Koło Gamma;;jutro;abc;\n",
        encoding="utf-8",
    )
    preview = offer_import.read_offer_file(source)
    assert [row.line for row in preview.rows] == [2, 3, 4]
    assert preview.rows[0].problems == ()
    nip_problem = preview.rows[1].problems[0].text("pl")
    assert "cyfra nr 10" in nip_problem  # the wrong check digit is named
    assert {p.code for p in preview.rows[2].problems} == {
        "offer_import_date",
        "offer_import_number",
    }
    assert "Wiersz 4" in preview.rows[2].problems[0].text("pl")
    with pytest.raises(UserError) as refused:
        offer_import.import_offers(db, actor, cid, preview)
    assert refused.value.code == "import_refused"
    assert registration.offer_table(db, cid) == ()


def test_xlsx_import_registers_every_row_in_one_go(db, actor, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cid = announced(db, actor, clock)
    book = Workbook()
    sheet = book.active
    sheet.append(["Kod", "Oferent", "NIP", "Data wpływu", "Kwota wnioskowana"])
    sheet.append(["A1", "Fundacja Alfa", VALID_NIPS[0], datetime(2027, 1, 10, 12, 30), 40000])
    sheet.append(["A2", "Stowarzyszenie Beta", None, "11.01.2027 09:00", 12500.5])
    book.save(tmp_path / "oferty.xlsx")
    preview = offer_import.read_offer_file(tmp_path / "oferty.xlsx")
    assert preview.ok
    ids = offer_import.import_offers(db, actor, cid, preview)
    rows = registration.offer_table(db, cid)
    assert [r.code for r in rows] == ["A1", "A2"] and len(ids) == 2
    assert rows[1].requested == Decimal("12500.50")
    assert rows[0].received_at == datetime(2027, 1, 10, 11, 30, tzinfo=UTC)  # 12:30 in Warsaw
    trail = queries.audit_trail(db, competition_id=cid, object_type="Offer")
    assert len([r for r in trail if r.action == "create"]) == 2


def test_an_offer_code_already_registered_refuses_the_whole_file(
    db, actor, clock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cid = announced(db, actor, clock)
    source = tmp_path / "oferty.csv"
    source.write_text(
        "Kod,Oferent,Data wpływu,Kwota wnioskowana\n"
        "B1,Fundacja Alfa,2027-01-10 12:30,100\n"
        "O1,Fundacja Beta,2027-01-10 12:31,200\n",
        encoding="utf-8",
    )
    earlier = OfferSpec(
        applicant=ApplicantSpec(name="Wcześniejsza"),
        received_at=datetime(2027, 1, 9, tzinfo=UTC),
        requested_amount=Decimal(1),
    )
    registration.add_offer(db, actor, cid, earlier)
    preview = offer_import.read_offer_file(source)
    assert preview.ok
    with pytest.raises(UserError) as refused:
        offer_import.import_offers(db, actor, cid, preview)
    assert "row 3" in refused.value.text("en")
    assert [r.code for r in registration.offer_table(db, cid)] == ["O1"]


def test_missing_columns_and_foreign_files_are_explained(tmp_path: Path) -> None:
    source = tmp_path / "lista.csv"
    source.write_text("Nazwa;NIP\nFundacja;\n", encoding="utf-8")
    with pytest.raises(UserError) as missing:
        offer_import.read_offer_file(source)
    assert "data wpływu" in missing.value.text("pl")
    other = tmp_path / "lista.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(UserError) as foreign:
        offer_import.read_offer_file(other)
    assert ".xlsx" in foreign.value.text("en")


def test_xlsx_rows_after_the_declared_size_are_read(tmp_path: Path) -> None:
    import re
    import zipfile

    book = Workbook()
    sheet = book.active
    sheet.append(["Kod", "Oferent", "NIP", "Data wpływu", "Kwota wnioskowana"])
    sheet.append(["A1", "Fundacja Alfa", VALID_NIPS[0], "10.01.2027 12:30", 40000])
    sheet.append(["A2", "Stowarzyszenie Beta", None, "11.01.2027 09:00", 12500])
    book.save(tmp_path / "full.xlsx")
    # the same file declaring only its header and first row
    with (
        zipfile.ZipFile(tmp_path / "full.xlsx") as source,
        zipfile.ZipFile(tmp_path / "short.xlsx", "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:E2"/>', data)
                assert b'<dimension ref="A1:E2"/>' in data
            target.writestr(item, data)
    preview = offer_import.read_offer_file(tmp_path / "short.xlsx")
    assert preview.ok
    assert [row.spec.code for row in preview.rows if row.spec] == ["A1", "A2"]
