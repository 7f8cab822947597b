"""Decimal arithmetic rules of the engine: one context, half-up rounding, settling.

All arithmetic runs in ``ENGINE_CONTEXT`` (60 significant digits) so that results never depend
on the caller's context.  Quantities that are ratios (a mean of three scores, min/price) cannot
always be held exactly; each one is computed with a single division so it is correctly rounded
at 60 digits.  Before a sum of such quantities is rounded half-up or compared with a threshold
it is *settled* to 30 places: a rational value lying exactly on a half-way point (83.175) whose
60-digit terms add up to a hair below it (83.17499…9) is thereby put back on the point, while
no value with realistic denominators lies closer than 1e-30 to a half-way point without being
on it.
"""

from __future__ import annotations

from decimal import (
    ROUND_FLOOR,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

ENGINE_CONTEXT = Context(
    prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow]
)
MAX_PLACES = 10

ZERO = Decimal(0)
ONE = Decimal(1)
HALF = Decimal("0.5")
CENT = Decimal("0.01")
_SETTLE_QUANTUM = Decimal("1e-30")
_QUANTA = tuple(Decimal(1).scaleb(-places) for places in range(MAX_PLACES + 1))


def quantum(places: int) -> Decimal:
    """``10 ** -places`` as a Decimal (places within 0..MAX_PLACES)."""
    return _QUANTA[places]


def half_up(value: Decimal, places: int) -> Decimal:
    """Round half-up (Excel's ROUND) to ``places`` decimal places."""
    return value.quantize(_QUANTA[places], rounding=ROUND_HALF_UP)


def settle(value: Decimal) -> Decimal:
    """Put a computed ratio back on the exact value it stands for (see the module docstring)."""
    return value.quantize(_SETTLE_QUANTUM, rounding=ROUND_HALF_UP)


def settled_half_up(value: Decimal, places: int) -> Decimal:
    """Half-up rounding of a sum of ratios, settled first."""
    return settle(value).quantize(_QUANTA[places], rounding=ROUND_HALF_UP)


def tidy(value: Decimal) -> Decimal:
    """A settled value without trailing zeros and never in exponent form (for display)."""
    normal = settle(value).normalize()
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return normal.quantize(ONE)
    return normal


def exact_text(value: Decimal) -> str:
    """``plain(tidy(value))``, cheaper: the settled value without trailing zeros."""
    return format(settle(value).normalize(), "f")


def floor_to_step(amount: Decimal, step: Decimal) -> Decimal:
    """Round an amount DOWN to a multiple of ``step``, in grosze (never up past a budget)."""
    units = (amount / step).to_integral_value(rounding=ROUND_FLOOR)
    return (units * step).quantize(CENT, rounding=ROUND_FLOOR)


def plain(value: Decimal) -> str:
    """The exact value as a string, never in exponent notation."""
    return format(value, "f")
