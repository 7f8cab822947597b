"""Realistic protocol documents for the protocol tests, built through the scoring engine.

``sample_document`` is a 7-offer open competition (art. 15 card, 35 points) with a recusal,
an advisory expert, an offer rejected in the formal check (late), a tie that the tie-break
chain cannot resolve and the committee decides, and a discrepancy resolved by consensus.
``sample_investor_document`` is an investor selection with formula criteria (lower is
better, higher is better with a cap, banded) and one selected winner.
``sample_cancelled_document`` is an open competition in which no offer reaches the threshold.
``large_document`` builds the benchmark-sized case (used with small sizes in the tests).

The results always come from ``app.scoring.compute_results`` — the protocol is checked
against the real engine, never against numbers typed here.

This file also holds the helpers for the external programs (LibreOffice, poppler), and a few
tests of the samples themselves so that a change of the engine that removes a feature the
other tests rely on (the tie, the discrepancy) is reported here, clearly.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random

import pytest

from app.protocol.document import (
    Analysis,
    Attendance,
    BudgetLine,
    CommitteeMember,
    CompetitionInfo,
    CompetitionKind,
    CorrectionRequest,
    Decision,
    DecisionKind,
    FormalResult,
    IndividualScore,
    InstitutionInfo,
    LeniencyRow,
    Meeting,
    PreviousVersion,
    ProtocolDocument,
    ReceivedOffer,
    Recusal,
    SheetSource,
    SheetSourceKind,
)
from app.protocol.formatting import explain
from app.scoring import (
    Aggregation,
    Allocation,
    AllocationMethod,
    Band,
    CompetitionInput,
    Conflict,
    Criterion,
    CriterionKind,
    Decisions,
    DiscrepancyMethod,
    DiscrepancyResolution,
    Flag,
    Member,
    MemberRole,
    Offer,
    Policy,
    RoundingStage,
    Score,
    TieBreaker,
    TieBreakerKind,
    TieOrder,
    committee_agreement,
    compute_results,
    explanations,
    member_leniency,
    result_stability,
)

D = Decimal
CET = timedelta(hours=1)


def _at(day: str, hm: str = "10:00") -> datetime:
    """Polish winter time → aware UTC datetime."""
    local = datetime.fromisoformat(f"{day}T{hm}:00")
    return (local - CET).replace(tzinfo=UTC)


# -- external programs ------------------------------------------------------------------------


def require_program(name: str) -> str:
    """Path of ``name``; skips the test when missing, unless KOMISJA_REQUIRE_EXTERNAL is set."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("KOMISJA_REQUIRE_EXTERNAL"):
        pytest.fail(f"{name} is required (KOMISJA_REQUIRE_EXTERNAL is set) but not installed")
    pytest.skip(f"{name} is not installed")


def pdf_text(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    """Text of the PDF as ``pdftotext`` extracts it (NBSP shown as plain spaces)."""
    exe = require_program("pdftotext")
    source = tmp_path / "extract.pdf"
    source.write_bytes(pdf)
    args = [exe, "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    out = subprocess.run([*args, str(source), "-"], capture_output=True, check=True, timeout=300)
    return out.stdout.decode("utf-8").replace("\u00a0", " ")


def soffice_csv_many(files: list[Path], out_dir: Path) -> dict[str, dict[str, Path]]:
    """Every sheet of every workbook recalculated by ONE LibreOffice run and exported to CSV
    with raw values (not as shown): file stem → sheet name → CSV file."""
    exe = require_program("soffice")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    env = dict(os.environ, HOME=str(out_dir / "home"))
    (out_dir / "home").mkdir(parents=True, exist_ok=True)
    # separator, quote, UTF-8, from line 1, -, language, quoted-as-text, detect numbers,
    # save as shown = false (raw values), formulas = false, -, sheet -1 = every sheet
    filter_options = "44,34,76,1,,0,false,true,false,false,false,-1"
    result = subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{filter_options}",
            "--outdir",
            str(out_dir),
            *map(str, files),
        ],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    found: dict[str, dict[str, Path]] = {}
    for xlsx in files:
        sheets = {
            path.stem[len(xlsx.stem) + 1 :]: path for path in out_dir.glob(f"{xlsx.stem}-*.csv")
        }
        assert sheets, f"LibreOffice exported nothing for {xlsx.name}: {result.stderr!r}"
        found[xlsx.stem] = sheets
    return found


def soffice_csv(xlsx: Path, out_dir: Path) -> dict[str, Path]:
    """Every sheet of one workbook recalculated by LibreOffice: sheet name → CSV file."""
    return soffice_csv_many([xlsx], out_dir)[xlsx.stem]


# -- the open competition ---------------------------------------------------------------------

NGO_CRITERIA = (
    Criterion(
        "K1",
        "Możliwość realizacji zadania przez oferenta",
        CriterionKind.SCORED,
        D(10),
        max_score=D(10),
        step=D("0.5"),
    ),
    Criterion(
        "K2",
        "Kalkulacja kosztów realizacji zadania",
        CriterionKind.SCORED,
        D(5),
        max_score=D(5),
        step=D("0.5"),
    ),
    Criterion(
        "K3",
        "Jakość wykonania zadania i kwalifikacje kadry",
        CriterionKind.SCORED,
        D(10),
        max_score=D(10),
        step=D("0.5"),
        min_score=D(4),
    ),
    Criterion(
        "K4",
        "Udział środków finansowych własnych lub z innych źródeł",
        CriterionKind.SCORED,
        D(3),
        max_score=D(3),
        step=D("0.5"),
    ),
    Criterion(
        "K5",
        "Wkład rzeczowy i osobowy, w tym praca wolontariuszy",
        CriterionKind.SCORED,
        D(3),
        max_score=D(3),
        step=D("0.5"),
    ),
    Criterion(
        "K6",
        "Rzetelność realizacji zadań w latach poprzednich",
        CriterionKind.SCORED,
        D(4),
        max_score=D(4),
        step=D("0.5"),
    ),
)

NGO_MEMBERS = (
    CommitteeMember(
        "M1",
        "Anna Wójcik",
        MemberRole.CHAIR,
        "Miejski Ośrodek Pomocy Społecznej",
        date(2027, 1, 18),
    ),
    CommitteeMember(
        "M2",
        "Piotr Zieliński",
        MemberRole.MEMBER,
        "przedstawiciel organizacji pozarządowych",
        date(2027, 1, 18),
    ),
    CommitteeMember(
        "M3",
        "Małgorzata Kowalczyk",
        MemberRole.SECRETARY,
        "Wydział Spraw Społecznych",
        date(2027, 1, 18),
    ),
    CommitteeMember(
        "M4",
        "Grzegorz Łuczak",
        MemberRole.MEMBER,
        "Rada Działalności Pożytku Publicznego",
        date(2027, 1, 19),
        present_at_sign_off=False,
    ),
    CommitteeMember(
        "M5",
        "dr Jerzy Łęcki",
        MemberRole.EXPERT,
        "Uniwersytet Jagielloński (ekspert)",
        date(2027, 1, 18),
    ),
)

NGO_OFFERS = (
    ReceivedOffer(
        "O1",
        "Fundacja „Złota Jesień”",
        "fundacja",
        "6762468325",
        "Klub Seniora w Gminie Liszki",
        _at("2027-01-10", "10:15"),
        D("45000.00"),
    ),
    ReceivedOffer(
        "O2",
        "Stowarzyszenie Przyjaciół Ziemi Grybowskiej",
        "stowarzyszenie",
        "7342869876",
        "Aktywny senior – warsztaty i wyjazdy",
        _at("2027-01-11", "09:00"),
        D("40000.00"),
    ),
    ReceivedOffer(
        "O3",
        "Koło Gospodyń Wiejskich w Mogilanach",
        "koło gospodyń wiejskich",
        "6812068752",
        "Międzypokoleniowa kuchnia",
        _at("2027-01-12", "14:30"),
        D("15000.00"),
    ),
    ReceivedOffer(
        "O4",
        "Spółdzielnia Socjalna „Parasol”",
        "spółdzielnia socjalna",
        "5512563278",
        "Usługi sąsiedzkie dla osób starszych",
        _at("2027-01-12", "15:45"),
        D("38500.00"),
    ),
    ReceivedOffer(
        "O5",
        "Fundacja Pomocy Osobom Zależnym",
        "fundacja",
        "9452172826",
        "Opieka wytchnieniowa",
        _at("2027-01-16", "08:05"),
        D("50000.00"),
        late=True,
    ),
    ReceivedOffer(
        "O6",
        "Stowarzyszenie „Razem dla Kęt”",
        "stowarzyszenie",
        "5492354751",
        "Seniorzy w sieci",
        _at("2027-01-13", "11:20"),
        D("12000.00"),
    ),
    ReceivedOffer(
        "O7",
        "Caritas Diecezji Tarnowskiej",
        "kościelna osoba prawna",
        "8732609640",
        "Teleopieka i wsparcie domowe",
        _at("2027-01-14", "12:00"),
        D("30000.00"),
    ),
)

# Base scores per offer (K1..K6); members deviate by a fixed pattern around them.
_BASE = {
    "O1": ("9", "4.5", "9", "2.5", "2.5", "3.5"),
    "O2": ("7.5", "4", "7.5", "2", "1.5", "3"),
    "O3": ("6", "3", "6", "1", "1", "2.5"),
    "O4": ("7.5", "4", "7.5", "2", "1.5", "3"),  # = O2: a tie the chain cannot break
    "O6": ("7", "3.5", "7", "2", "2", "3"),
    "O7": ("3", "2", "4.5", "1", "0.5", "1.5"),  # below the minimum total
}
_OFFSETS = {"M1": "0.5", "M2": "0", "M3": "-0.5", "M4": "0", "M5": "1"}
_JUSTIFICATIONS = (
    "Oferta spójna, harmonogram realny, zasoby kadrowe opisane rzetelnie.",
    "Kalkulacja kosztów przejrzysta; stawki zgodne z cenami rynkowymi w regionie.",
    "Brak szczegółowego opisu rekrutacji uczestników – „wg potrzeb” to za mało.",
    "Doświadczenie oferenta potwierdzone sprawozdaniami z lat 2024–2026; współpraca "
    "z gminą oceniona pozytywnie, choć w jednym z projektów wystąpiło opóźnienie rozliczenia "
    "(korekta złożona w terminie, bez zwrotu dotacji). Wkład osobowy wolontariuszy wyceniony "
    "zgodnie z regulaminem, wkład rzeczowy – sala i wyposażenie – udokumentowany umową "
    "użyczenia. Ocena obniżona o pół punktu za zbyt ogólny opis rezultatów.",
    "Zadanie odpowiada priorytetom programu współpracy; rezultaty mierzalne.",
    "Udział środków własnych niewielki (ok. 5%), ale realny.",
    "Ryzyko niezrealizowania działań wyjazdowych – brak planu B na wypadek złej pogody.",
)


def _clamp(value: Decimal, top: Decimal) -> Decimal:
    return min(max(value, D(0)), top)


def _ngo_scores() -> list[tuple[str, str, str, Decimal, str]]:
    rows = []
    n = 0
    for offer, base in _BASE.items():
        for member, offset in _OFFSETS.items():
            if (member, offer) == ("M2", "O3"):
                continue  # recused
            for crit, value in zip(NGO_CRITERIA, base, strict=True):
                score = D(value) + D(offset) * (1 if crit.id in ("K1", "K3") else 0)
                if offer == "O6" and member == "M1":
                    score = D(value) + D(2)  # the discrepancy: M1 far above the others
                if offer == "O6" and member == "M4":
                    score = D(value) - D("1.5")
                score = _clamp(score, crit.max_score or D(0))
                justification = _JUSTIFICATIONS[n % len(_JUSTIFICATIONS)]
                n += 1
                rows.append((member, offer, crit.id, score, justification))
    return rows


def _analysis(inp: CompetitionInput, lang: str) -> tuple[Analysis, tuple[str, ...]]:
    leniency = tuple(
        LeniencyRow(row.member_id, row.mean_difference, row.offers_compared)
        for row in member_leniency(inp)
        if row.mean_difference is not None
    )
    agreement = committee_agreement(inp)
    bands = {
        "pl": {
            "high": "wysoka zgodność",
            "moderate": "umiarkowana zgodność",
            "low": "niska zgodność",
            "undefined": "nieokreślona",
        },
        "en": {
            "high": "high agreement",
            "moderate": "moderate agreement",
            "low": "low agreement",
            "undefined": "undefined",
        },
    }[lang]
    stability = tuple(explain(f.step, lang) for f in result_stability(inp))
    return (
        Analysis(leniency, agreement.coefficient, bands.get(agreement.band, agreement.band)),
        stability,
    )


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def sample_document(
    *,
    language: str = "pl",
    stage: RoundingStage = RoundingStage.CRITERION,
    aggregation: Aggregation = Aggregation.MEAN,
    signed: bool = True,
    version: int = 2,
) -> ProtocolDocument:
    """The 7-offer open competition (see the module docstring)."""
    policy = Policy(
        aggregation=aggregation,
        rounding_places=2,
        rounding_stage=stage,
        min_total=D("21.00"),
        tie_breakers=(
            TieBreaker(TieBreakerKind.CRITERION, "K3"),
            TieBreaker(TieBreakerKind.CRITERION, "K1"),
        ),
        discrepancy_points=D("8.00"),
        allocation=Allocation(AllocationMethod.IN_ORDER_SKIP, D("120000.00")),
    )
    score_rows = _ngo_scores()
    members = tuple(Member(m.code, m.name, m.role) for m in NGO_MEMBERS)
    offers = tuple(
        Offer(o.code, f"{o.applicant}: {o.title}", o.requested, o.received_at, not o.late)
        for o in NGO_OFFERS
    )
    consensus = {"K1": D("8"), "K2": D("4"), "K3": D("8"), "K4": D("2"), "K5": D("2"), "K6": D("3")}
    decisions = Decisions(
        tie_orders=(
            TieOrder(
                ("O4", "O2"),
                "Spółdzielnia zatrudnia osoby z niepełnosprawnościami "
                "– komisja daje pierwszeństwo ofercie O4 (uchwała nr 3/2027).",
            ),
        ),
        discrepancy_resolutions=(
            DiscrepancyResolution(
                "O6",
                DiscrepancyMethod.CONSENSUS,
                "Po dyskusji komisja uzgodniła oceny wspólne.",
                consensus,
            ),
        ),
    )
    inp = CompetitionInput(
        criteria=NGO_CRITERIA,
        policy=policy,
        members=members,
        offers=offers,
        scores=tuple(Score(m, o, c, v) for m, o, c, v, _ in score_rows),
        conflicts=(Conflict("M2", "O3"),),
        decisions=decisions,
    )
    results = compute_results(inp)
    analysis, stability = _analysis(inp, language)
    meetings = (
        Meeting(
            _at("2027-01-18", "09:00"),
            "Urząd Gminy Liszki, sala nr 12 (parter)",
            "ocena formalna ofert, podpisanie oświadczeń o bezstronności",
            tuple(Attendance(m.code, m.code != "M4") for m in NGO_MEMBERS),
        ),
        Meeting(
            _at("2027-01-25", "10:30"),
            "Urząd Gminy Liszki, sala nr 12 (parter)",
            "ocena merytoryczna, rozstrzygnięcie remisu i rozbieżności, przyjęcie protokołu",
            tuple(Attendance(m.code, True) for m in NGO_MEMBERS),
        ),
    )
    formal = tuple(
        FormalResult(
            o.code,
            not o.late,
            "oferta złożona po terminie (16.01.2027 08:05, termin: 15.01.2027 15:30)"
            if o.late
            else "",
            (
                CorrectionRequest(
                    date(2027, 1, 18),
                    date(2027, 1, 25),
                    "brak podpisu drugiej osoby upoważnionej (KRS)",
                    date(2027, 1, 21),
                ),
            )
            if o.code == "O3"
            else (),
        )
        for o in NGO_OFFERS
    )
    doc_decisions = (
        Decision(
            DecisionKind.TIE_ORDER,
            ("O4", "O2"),
            decisions.tie_orders[0].reason,
            date(2027, 1, 25),
            "kolejność: O4 przed O2",
        ),
        Decision(
            DecisionKind.DISCREPANCY_RESOLUTION,
            ("O6",),
            decisions.discrepancy_resolutions[0].reason,
            date(2027, 1, 25),
            "konsensus: K1 8; K2 4; K3 8; K4 2; K5 2; K6 3",
        ),
        Decision(
            DecisionKind.REMARK,
            (),
            "Członek komisji M4 nieobecny przy przyjęciu protokołu.",
            date(2027, 1, 25),
        ),
    )
    signed_at = _at("2027-01-25", "15:40") if signed else None
    return ProtocolDocument(
        language=language,
        version=version,
        fingerprint=_fingerprint("ngo", language, stage, aggregation, version),
        generated_at=_at("2027-01-25", "15:45"),
        institution=InstitutionInfo(
            "Gmina Liszki – Ośrodek Pomocy Społecznej",
            "ul. Mostowa 4, 32-060 Liszki",
            "Żaneta Gęślicka-Źrebiec",
            "Kierownik Ośrodka Pomocy Społecznej",
        ),
        competition=CompetitionInfo(
            uid="6f1c2b9e-2b7d-4c61-9d1e-aa54c3f0e001",
            kind=CompetitionKind.NGO_GRANT,
            title="Otwarty konkurs ofert: aktywizacja społeczna osób starszych 2027",
            case_reference="SO.524.2.2027",
            legal_basis="art. 11 ust. 1 pkt 1 i ust. 2 oraz art. 13 i 15 ustawy z dnia "
            "24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie "
            "(Dz. U. z 2024 r. poz. 1491)",
            committee_act="Zarządzenie nr 12/2027 Wójta Gminy Liszki z dnia 8 stycznia 2027 r.",
            announced_on=date(2026, 12, 20),
            publication_places="BIP Gminy Liszki; tablica ogłoszeń w Urzędzie Gminy; "
            "strona internetowa www.liszki.pl",
            submission_deadline=_at("2027-01-15", "15:30"),
            decision_date=date(2027, 1, 31),
            budget_lines=(BudgetLine(2027, D("80000.00")), BudgetLine(2028, D("40000.00"))),
        ),
        meetings=meetings,
        committee=NGO_MEMBERS,
        recusals=(
            Recusal("M2", "O3", "członek zarządu oferenta w latach 2023–2025", date(2027, 1, 18)),
        ),
        offers=NGO_OFFERS,
        formal_results=formal,
        policy=policy,
        criteria=NGO_CRITERIA,
        results=results,
        explanations=tuple(explanations(inp, results)),
        decisions=doc_decisions,
        remarks=(
            "Oferent O5 został poinformowany o odrzuceniu oferty pismem z dnia 19.01.2027 r.",
        ),
        individual_scores=tuple(IndividualScore(m, o, c, v, j) for m, o, c, v, j in score_rows),
        analysis=analysis,
        stability=stability,
        previous_versions=(
            PreviousVersion(
                1,
                _at("2027-01-22", "14:00"),
                "Anna Wójcik",
                _at("2027-01-24", "09:10"),
                "uzupełnienie oceny oferty O3 po złożeniu korekty",
            ),
        )
        if version > 1
        else (),
        cancelled=False,
        signed_off_by="Anna Wójcik" if signed else None,
        signed_off_at=signed_at,
        sheet_sources=(
            SheetSource(
                "M1",
                SheetSourceKind.WORKBOOK,
                "oceny_M1_Wojcik.xlsx",
                _fingerprint("M1 sheet"),
                _at("2027-01-24", "16:02"),
            ),
            SheetSource(
                "M2",
                SheetSourceKind.PACKAGE,
                "M2_Zielinski.komisja",
                _fingerprint("M2 package"),
                _at("2027-01-24", "18:30"),
            ),
            SheetSource("M3", SheetSourceKind.MANUAL),
            SheetSource("M4", SheetSourceKind.MANUAL),
            SheetSource(
                "M5",
                SheetSourceKind.WORKBOOK,
                "oceny_ekspert.xlsx",
                _fingerprint("M5 sheet"),
                _at("2027-01-23", "11:45"),
            ),
        ),
    )


# -- the investor selection -------------------------------------------------------------------

INVESTOR_CRITERIA = (
    Criterion(
        "R",
        "Maksymalna stopa zwrotu dla inwestora (%)",
        CriterionKind.LOWER_BETTER,
        D(40),
        field="return_rate",
    ),
    Criterion(
        "C",
        "Kapitał zaangażowany w przedsięwzięcie (zł)",
        CriterionKind.HIGHER_BETTER,
        D(30),
        field="capital",
        cap=D("2500000"),
    ),
    Criterion(
        "E",
        "Doświadczenie w inwestycjach społecznych (lata)",
        CriterionKind.BANDED,
        D(10),
        field="experience_years",
        bands=(Band(D(0), D(0)), Band(D(3), D(5)), Band(D(5), D(10))),
    ),
    Criterion(
        "G",
        "Nadzór, zarządzanie ryzykiem i sprawozdawczość",
        CriterionKind.SCORED,
        D(20),
        max_score=D(5),
        step=D("1"),
    ),
)


def sample_investor_document(
    *,
    language: str = "pl",
    stage: RoundingStage = RoundingStage.CRITERION,
    aggregation: Aggregation = Aggregation.MEAN,
) -> ProtocolDocument:
    members = (
        CommitteeMember("M1", "Iwona Musz", MemberRole.CHAIR, "WUP w Krakowie", date(2027, 3, 1)),
        CommitteeMember(
            "M2", "Tomasz Bąk", MemberRole.SECRETARY, "WUP w Krakowie", date(2027, 3, 1)
        ),
        CommitteeMember(
            "M3", "Ewa Kapuścińska", MemberRole.MEMBER, "ROPS w Krakowie", date(2027, 3, 1)
        ),
        CommitteeMember(
            "M4", "prof. Łukasz Śliwa", MemberRole.EXPERT, "ekspert ds. finansów", date(2027, 3, 1)
        ),
    )
    offers = (
        ReceivedOffer(
            "I1",
            "Fundusz Społeczny „Most” S.A.",
            "spółka akcyjna",
            "5213845632",
            "Finansowanie usług opiekuńczych – model płatności za rezultaty",
            _at("2027-03-10", "11:00"),
            D("1800000.00"),
            values={"return_rate": D("6.5"), "capital": D("2000000"), "experience_years": D("6")},
        ),
        ReceivedOffer(
            "I2",
            "TFI Dobra Inwestycja sp. z o.o.",
            "spółka z o.o.",
            "6793166549",
            "Inwestycja społeczna w Małopolsce",
            _at("2027-03-11", "13:20"),
            D("2200000.00"),
            values={"return_rate": D("5.75"), "capital": D("3000000"), "experience_years": D("4")},
        ),
        ReceivedOffer(
            "I3",
            "Bank Spółdzielczy w Gdowie",
            "bank spółdzielczy",
            "6831003342",
            "Kapitał dla usług społecznych",
            _at("2027-03-12", "09:45"),
            D("1500000.00"),
            values={"return_rate": D("7.25"), "capital": D("1500000"), "experience_years": D("2")},
        ),
        ReceivedOffer(
            "I4",
            "Anioł Biznesu Jan Ćwik",
            "osoba fizyczna",
            None,
            "Inwestycja prywatna",
            _at("2027-03-16", "08:00"),
            D("900000.00"),
            late=True,
            values={"return_rate": D("4"), "capital": D("900000"), "experience_years": D("1")},
        ),
    )
    policy = Policy(
        aggregation=aggregation,
        rounding_places=2,
        rounding_stage=stage,
        min_total=D("50"),
        tie_breakers=(
            TieBreaker(TieBreakerKind.LOWER, "return_rate"),
            TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),
        ),
        winners=1,
        allocation=Allocation(AllocationMethod.NONE),
    )
    g_scores = {"I1": ("4", "5", "4", "3"), "I2": ("4", "4", "3", "5"), "I3": ("3", "2", "3", "4")}
    score_rows = [
        (
            member.code,
            offer,
            "G",
            D(values[i]),
            "Struktura nadzoru opisana; raportowanie kwartalne do zamawiającego.",
        )
        for offer, values in g_scores.items()
        for i, member in enumerate(members)
    ]
    inp = CompetitionInput(
        criteria=INVESTOR_CRITERIA,
        policy=policy,
        members=tuple(Member(m.code, m.name, m.role) for m in members),
        offers=tuple(
            Offer(o.code, o.applicant, o.requested, o.received_at, not o.late, o.values)
            for o in offers
        ),
        scores=tuple(Score(m, o, c, v) for m, o, c, v, _ in score_rows),
    )
    results = compute_results(inp)
    analysis, stability = _analysis(inp, language)
    return ProtocolDocument(
        language=language,
        version=1,
        fingerprint=_fingerprint("investor", language, stage, aggregation),
        generated_at=_at("2027-03-20", "12:00"),
        institution=InstitutionInfo(
            "Wojewódzki Urząd Pracy w Krakowie",
            "plac Na Stawach 1, 30-107 Kraków",
            "Jan Żółkiewski",
            "Dyrektor Wojewódzkiego Urzędu Pracy w Krakowie",
        ),
        competition=CompetitionInfo(
            uid="0b8e2d55-3a1f-4e0a-9a44-2f2b7c1d0002",
            kind=CompetitionKind.INVESTOR,
            title="Wybór inwestora – obligacje społeczne: usługi opiekuńcze dla osób zależnych",
            case_reference="WUP/OS/3/2027",
            legal_basis="Regulamin wyboru inwestora zatwierdzony uchwałą Zarządu Województwa "
            "Małopolskiego nr 211/27",
            committee_act="Zarządzenie nr 7/2027 Dyrektora WUP w Krakowie",
            announced_on=date(2027, 2, 15),
            publication_places="BIP WUP w Krakowie",
            submission_deadline=_at("2027-03-15", "15:00"),
            decision_date=date(2027, 3, 31),
            budget_lines=(BudgetLine(2027, D("2500000.00")),),
        ),
        meetings=(
            Meeting(
                _at("2027-03-18", "10:00"),
                "WUP w Krakowie, sala 204",
                "ocena ofert inwestorów",
                tuple(Attendance(m.code, True) for m in members),
            ),
        ),
        committee=members,
        recusals=(),
        offers=offers,
        formal_results=tuple(
            FormalResult(o.code, not o.late, "oferta złożona po terminie" if o.late else "")
            for o in offers
        ),
        policy=policy,
        criteria=INVESTOR_CRITERIA,
        results=results,
        explanations=tuple(explanations(inp, results)),
        individual_scores=tuple(IndividualScore(*row) for row in score_rows),
        analysis=analysis,
        stability=stability,
        signed_off_by="Iwona Musz",
        signed_off_at=_at("2027-03-20", "11:30"),
    )


# -- a cancelled competition ------------------------------------------------------------------


def sample_cancelled_document(*, language: str = "pl") -> ProtocolDocument:
    base = sample_document(language=language, version=1)
    policy = replace(base.policy, min_total=D("33.00"))
    offers = tuple(o for o in base.offers if o.code in ("O3", "O5", "O7"))
    codes = {o.code for o in offers}
    scores = tuple(s for s in base.individual_scores if s.offer_code in codes)
    inp = CompetitionInput(
        criteria=base.criteria,
        policy=policy,
        members=tuple(Member(m.code, m.name, m.role) for m in base.committee),
        offers=tuple(
            Offer(o.code, o.applicant, o.requested, o.received_at, not o.late) for o in offers
        ),
        scores=tuple(Score(s.member_code, s.offer_code, s.criterion_id, s.score) for s in scores),
        conflicts=(Conflict("M2", "O3"),),
    )
    results = compute_results(inp)
    assert results.cancel
    return replace(
        base,
        fingerprint=_fingerprint("cancelled", language),
        offers=offers,
        formal_results=tuple(f for f in base.formal_results if f.offer_code in codes),
        policy=policy,
        results=results,
        explanations=tuple(explanations(inp, results)),
        individual_scores=scores,
        decisions=(),
        analysis=_analysis(inp, language)[0],
        stability=(),
        cancelled=True,
        cancellation_reason="Żadna z ofert dopuszczonych do oceny merytorycznej nie uzyskała "
        "minimalnej liczby 33 punktów określonej w ogłoszeniu.",
    )


# -- large documents (benchmark; small sizes in the tests) -------------------------------------


def large_document(
    offers: int,
    members: int,
    criteria: int,
    *,
    seed: int = 7,
    language: str = "pl",
    stage: RoundingStage = RoundingStage.CRITERION,
    aggregation: Aggregation = Aggregation.MEAN,
) -> ProtocolDocument:
    """``offers`` × ``members`` × ``criteria`` scored competition with justifications."""
    rng = Random(seed)
    crits = tuple(
        Criterion(
            f"K{i + 1}",
            f"Kryterium merytoryczne nr {i + 1} – jakość i wykonalność",
            CriterionKind.SCORED,
            D((10, 15, 5, 20, 7)[i % 5]),  # weights other than the scale: points are scaled
            max_score=D(10),
            step=D("0.5"),
        )
        for i in range(criteria)
    )
    roles = [MemberRole.CHAIR, MemberRole.SECRETARY] + [MemberRole.MEMBER] * max(0, members - 3)
    roles = [*roles[: max(members - 1, 1)], MemberRole.EXPERT]
    committee = tuple(
        CommitteeMember(
            f"M{i + 1}", f"Członek Komisji Nr {i + 1} Żółć-Gęś", role, "Urząd", date(2027, 1, 18)
        )
        for i, role in enumerate(roles[:members])
    )
    received = tuple(
        ReceivedOffer(
            f"O{i + 1}",
            f"Stowarzyszenie „Przykład {i + 1}” w Łodzi",
            "stowarzyszenie",
            "1234563218",
            f"Zadanie publiczne nr {i + 1}",
            _at("2027-01-10") + timedelta(minutes=i),
            D(rng.randrange(5000, 90000)),
            late=(i % 97 == 96),
        )
        for i in range(offers)
    )
    conflicts = (
        tuple(Conflict(committee[1].code, o.code) for o in received[5::50] if not o.late)
        if members > 2
        else ()
    )
    conflict_set = {(c.member_id, c.offer_id) for c in conflicts}
    score_rows = []
    for o in received:
        if o.late:
            continue
        quality = rng.randrange(6, 20) / 2
        for m in committee:
            if (m.code, o.code) in conflict_set:
                continue
            for c in crits:
                value = _clamp(D(str(quality)) + D(rng.randrange(-2, 3)) / 2, D(10))
                just = _JUSTIFICATIONS[rng.randrange(len(_JUSTIFICATIONS))]
                score_rows.append((m.code, o.code, c.id, value, just))
    budget = sum((o.requested for o in received), D(0)) / 3
    policy = Policy(
        aggregation=aggregation,
        rounding_stage=stage,
        min_total=D(criteria * 4),
        tie_breakers=(TieBreaker(TieBreakerKind.EARLIER_SUBMISSION),),
        discrepancy_points=D(criteria * 2),
        allocation=Allocation(AllocationMethod.IN_ORDER_SKIP, budget.quantize(D("0.01"))),
    )
    inp = CompetitionInput(
        criteria=crits,
        policy=policy,
        members=tuple(Member(m.code, m.name, m.role) for m in committee),
        offers=tuple(
            Offer(o.code, o.applicant, o.requested, o.received_at, not o.late) for o in received
        ),
        scores=tuple(Score(m, o, c, v) for m, o, c, v, _ in score_rows),
        conflicts=conflicts,
    )
    results = compute_results(inp)
    leniency = tuple(
        LeniencyRow(row.member_id, row.mean_difference, row.offers_compared)
        for row in member_leniency(inp)
        if row.mean_difference is not None
    )
    return ProtocolDocument(
        language=language,
        version=1,
        fingerprint=_fingerprint("large", offers, members, criteria, seed, stage, aggregation),
        generated_at=_at("2027-02-01", "12:00"),
        institution=InstitutionInfo(
            "Urząd Miasta Łodzi – Wydział Zdrowia i Spraw Społecznych",
            "ul. Piotrkowska 104, 90-926 Łódź",
            "Hanna Zdanowska",
            "Prezydent Miasta Łodzi",
        ),
        competition=CompetitionInfo(
            uid="large-0001",
            kind=CompetitionKind.NGO_GRANT,
            title="Otwarty konkurs ofert – duży test wydajności",
            case_reference="ZSS-I.524.1.2027",
            budget_lines=(BudgetLine(2027, policy.allocation.budget or D(0)),),
        ),
        meetings=(
            Meeting(
                _at("2027-01-25"),
                "Urząd Miasta Łodzi",
                "ocena ofert",
                tuple(Attendance(m.code, True) for m in committee),
            ),
        ),
        committee=committee,
        recusals=tuple(Recusal(c.member_id, c.offer_id, "konflikt interesów") for c in conflicts),
        offers=received,
        formal_results=tuple(
            FormalResult(o.code, not o.late, "po terminie" if o.late else "") for o in received
        ),
        policy=policy,
        criteria=crits,
        results=results,
        explanations=tuple(explanations(inp, results)),
        individual_scores=tuple(IndividualScore(*row) for row in score_rows),
        analysis=Analysis(leniency),
        signed_off_by="Członek Komisji Nr 1",
        signed_off_at=_at("2027-02-01", "11:00"),
    )


# -- tests of the samples themselves ------------------------------------------------------------


def test_sample_has_every_feature_the_protocol_tests_rely_on() -> None:
    doc = sample_document()
    res = doc.results
    assert res.not_evaluated == ("O5",)
    assert res.offer("O3").excluded_members.get("M2"), "M2 must be recused from O3"
    assert "M5" in res.offer("O1").excluded_members, "the expert must not be counted"
    assert Flag.TIE_DECIDED in res.offer("O4").flags
    assert res.offer("O4").rank == res.offer("O2").rank - 1
    assert Flag.DISCREPANCY_RESOLVED in res.offer("O6").flags
    assert Flag.BELOW_THRESHOLD in res.offer("O7").flags
    assert not res.cancel
    assert res.awarded_total is not None and res.awarded_total > 0
    doc.check_consistency()


def test_investor_sample_selects_one_winner() -> None:
    doc = sample_investor_document()
    selected = [r.offer_id for r in doc.results.offers if Flag.SELECTED in r.flags]
    assert len(selected) == 1
    assert doc.results.not_evaluated == ("I4",)


def test_cancelled_sample_is_cancelled() -> None:
    doc = sample_cancelled_document()
    assert doc.is_cancelled and doc.results.cancel


def test_document_rejects_naive_times_and_bad_fingerprints() -> None:
    doc = sample_document()
    with pytest.raises(ValueError, match="fingerprint"):
        replace(doc, fingerprint="abc")
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(doc, generated_at=datetime(2027, 1, 1, 12, 0))
    with pytest.raises(ValueError, match="language"):
        replace(doc, language="de")


def test_consistency_check_names_unknown_references() -> None:
    doc = sample_document()
    broken = replace(
        doc, individual_scores=(*doc.individual_scores, IndividualScore("M9", "O1", "K1", D(1)))
    )
    with pytest.raises(ValueError, match="M9/O1/K1"):
        broken.check_consistency()
