"""Templates to start a competition from: the art. 15 card, investor and provider selection."""

from __future__ import annotations

from decimal import Decimal

from app.models import CompetitionKind
from app.scoring.types import (
    Aggregation,
    AllocationMethod,
    CriterionKind,
    RoundingStage,
    TieBreakerKind,
)
from app.services.specs import CriterionSpec, PolicySpec, TieBreakerSpec

D = Decimal
HALF = D("0.5")


def _scored(
    code: str,
    name: str,
    maximum: str,
    weight: str | None = None,
    step: Decimal = HALF,
    guidance: str = "",
) -> CriterionSpec:
    return CriterionSpec(
        code=code,
        name=name,
        kind=CriterionKind.SCORED,
        weight=D(weight or maximum),
        max_score=D(maximum),
        step=step,
        guidance=guidance,
    )


def template_criteria(kind: CompetitionKind) -> tuple[CriterionSpec, ...]:
    if kind is CompetitionKind.NGO_GRANT:
        return (
            _scored(
                "K1",
                "Możliwość realizacji zadania przez oferenta",
                "10",
                guidance="Art. 15 ust. 1 pkt 1: zasoby, doświadczenie i potencjał oferenta do "
                "realizacji zadania w zaplanowanym zakresie.",
            ),
            _scored(
                "K2",
                "Kalkulacja kosztów realizacji zadania",
                "5",
                guidance="Art. 15 ust. 1 pkt 2: rzetelność i celowość kosztów w odniesieniu do "
                "zakresu rzeczowego zadania.",
            ),
            _scored(
                "K3",
                "Jakość wykonania zadania i kwalifikacje kadry",
                "10",
                guidance="Art. 15 ust. 1 pkt 3: jakość działań, rezultaty, kwalifikacje osób "
                "realizujących zadanie.",
            ),
            _scored(
                "K4",
                "Udział środków finansowych własnych lub z innych źródeł",
                "3",
                guidance="Art. 15 ust. 1 pkt 4: wysokość i źródła wkładu finansowego.",
            ),
            _scored(
                "K5",
                "Wkład rzeczowy i osobowy, w tym praca wolontariuszy",
                "3",
                guidance="Art. 15 ust. 1 pkt 5: świadczenia wolontariuszy, praca społeczna "
                "członków, zasoby rzeczowe.",
            ),
            _scored(
                "K6",
                "Rzetelność realizacji zadań zleconych w latach poprzednich",
                "4",
                guidance="Art. 15 ust. 1 pkt 6: terminowość i rzetelność rozliczeń "
                "wcześniejszych dotacji.",
            ),
        )
    if kind is CompetitionKind.INVESTOR:
        return (
            CriterionSpec(
                code="R",
                name="Maksymalna stopa zwrotu (% w skali roku)",
                kind=CriterionKind.LOWER_BETTER,
                weight=D("40"),
                field="max_return",
                guidance="Najniższa stopa zwrotu / stopa zwrotu oferty × 40 pkt.",
            ),
            CriterionSpec(
                code="C",
                name="Kwota zaangażowanego kapitału (zł)",
                kind=CriterionKind.HIGHER_BETTER,
                weight=D("20"),
                field="capital",
                cap=D("1500000.00"),
                guidance="Kapitał oferty / najwyższy kapitał × 20 pkt; kwoty ponad "
                "potrzebny kapitał liczą się jak kwota potrzebna.",
            ),
            CriterionSpec(
                code="RK",
                name="Udział kapitału obciążonego ryzykiem (%)",
                kind=CriterionKind.HIGHER_BETTER,
                weight=D("10"),
                field="capital_at_risk",
            ),
            _scored(
                "E",
                "Doświadczenie w inwestycjach społecznych",
                "5",
                "15",
                guidance="0 – brak; 5 – co najmniej trzy zakończone inwestycje społeczne.",
            ),
            _scored(
                "G",
                "Zarządzanie i sprawozdawczość",
                "5",
                "15",
                guidance="Jakość struktury nadzoru, raportowania i zarządzania ryzykiem.",
            ),
        )
    return (
        _scored(
            "M",
            "Metoda i dowody skuteczności",
            "10",
            "20",
            guidance="Opis interwencji, jej logika i dowody skuteczności.",
        ),
        _scored("D", "Doświadczenie w pracy z grupą docelową", "5", "15"),
        _scored("S", "Kadra", "5", "10"),
        CriterionSpec(
            code="W",
            name="Deklarowane rezultaty (liczba osób)",
            kind=CriterionKind.HIGHER_BETTER,
            weight=D("20"),
            field="outcomes",
        ),
        CriterionSpec(
            code="K",
            name="Koszt na uczestnika (zł)",
            kind=CriterionKind.LOWER_BETTER,
            weight=D("25"),
            field="cost_per_participant",
        ),
        _scored("B", "Realność budżetu", "5", "10"),
    )


def template_policy(kind: CompetitionKind) -> PolicySpec:
    if kind is CompetitionKind.NGO_GRANT:
        return PolicySpec(
            aggregation=Aggregation.MEAN,
            rounding_stage=RoundingStage.CRITERION,
            min_total=D("21.00"),
            tie_breakers=(
                TieBreakerSpec(TieBreakerKind.CRITERION, "K3"),
                TieBreakerSpec(TieBreakerKind.EARLIER_SUBMISSION),
            ),
            discrepancy_points=D("8.00"),
            allocation_method=AllocationMethod.IN_ORDER_SKIP,
        )
    if kind is CompetitionKind.INVESTOR:
        return PolicySpec(
            tie_breakers=(
                TieBreakerSpec(TieBreakerKind.HIGHEST_WEIGHT),
                TieBreakerSpec(TieBreakerKind.LOWER, "max_return"),
            ),
            winners=1,
        )
    return PolicySpec(
        min_total=D("50.00"),
        tie_breakers=(
            TieBreakerSpec(TieBreakerKind.HIGHEST_WEIGHT),
            TieBreakerSpec(TieBreakerKind.EARLIER_SUBMISSION),
        ),
        discrepancy_points=D("30.00"),
        winners=1,
    )
