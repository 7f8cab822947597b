"""The contract between the service layer and the offline scoring formats.

The service builds a :class:`ScoreSheetSpec` from the database (one member, that member's
offers with recused ones already removed, the scored criteria, the scores already recorded)
and hands it to :func:`app.offline.workbook.build_workbook` or
:func:`app.offline.package.build_package`.  What comes back from a member is read into a
:class:`ParsedScoreSheet` (or its signed-return variant :class:`ParsedReturn`): what the file
claims to be, the entries it holds and *every* problem found, each with its sheet and cell.

Everything here is a frozen dataclass of plain values; numbers are ``Decimal``.  No ORM, no
Qt, no I/O.  Words for the problems are in :mod:`app.offline.problems`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

#: Version of the workbook layout and of the package/return formats this code writes.
#: Files with a higher number are refused (``format_newer``).
FORMAT_VERSION = 1

#: (offer code, criterion code)
ScoreKey = tuple[str, str]

LANGUAGES = ("pl", "en")

# Codes travel through file names, hidden cells and JSON: keep them printable and short.
_CODE = re.compile(r"^[^\x00-\x1f\x7f]{1,64}$")


def _check_code(kind: str, code: str) -> None:
    if not isinstance(code, str) or not _CODE.match(code) or code != code.strip():
        raise ValueError(f"{kind} code {code!r}: 1-64 printable characters, no outer spaces")


def decimal_places(value: Decimal) -> int:
    """Number of decimal places ``value`` really needs (``7.50`` -> 1, ``10`` -> 0)."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers only; callers check
    return max(0, -exponent)


@dataclass(frozen=True)
class SheetCriterion:
    """A scored criterion as a member sees it: scale 0..``max_score`` in ``step`` units."""

    code: str
    name: str
    max_score: Decimal
    step: Decimal
    weight: Decimal
    guidance: str = ""

    def __post_init__(self) -> None:
        _check_code("criterion", self.code)
        for label in ("max_score", "step", "weight"):
            value = getattr(self, label)
            if not isinstance(value, Decimal) or not value.is_finite():
                raise ValueError(f"criterion {self.code}: {label} must be a finite Decimal")
        if self.step <= 0 or self.max_score <= 0 or self.weight < 0:
            raise ValueError(f"criterion {self.code}: max and step must be > 0, weight >= 0")
        if self.max_score % self.step != 0:
            raise ValueError(f"criterion {self.code}: max {self.max_score} not on step {self.step}")

    @property
    def decimals(self) -> int:
        """Decimal places a valid score may have (those of the step)."""
        return decimal_places(self.step)

    def accepts(self, value: Decimal) -> bool:
        """True when ``value`` is on this criterion's scale and step."""
        return (
            value.is_finite()
            and 0 <= value <= self.max_score
            and decimal_places(value) <= self.decimals
            and value % self.step == 0
        )


@dataclass(frozen=True)
class SheetOffer:
    """An offer the member is to score."""

    code: str
    applicant: str
    title: str
    requested: Decimal

    def __post_init__(self) -> None:
        _check_code("offer", self.code)
        if not isinstance(self.requested, Decimal):
            raise ValueError(f"offer {self.code}: requested must be a Decimal")


@dataclass(frozen=True)
class SheetEntry:
    """One score with its justification; ``value`` is None when the member left it empty."""

    value: Decimal | None
    justification: str = ""

    @property
    def is_empty(self) -> bool:
        return self.value is None and not self.justification


def _frozen(mapping: Mapping[ScoreKey, SheetEntry] | None) -> Mapping[ScoreKey, SheetEntry]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class ScoreSheetSpec:
    """Everything needed to issue one member's card; built by the service from the database."""

    issue_id: str
    competition_uid: str
    competition_title: str
    case_reference: str
    member_code: str
    member_name: str
    member_role: str
    deadline: date | None
    language: str
    require_justification: bool
    fingerprint: str
    criteria: tuple[SheetCriterion, ...]
    offers: tuple[SheetOffer, ...]
    existing: Mapping[ScoreKey, SheetEntry] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "offers", tuple(self.offers))
        object.__setattr__(self, "existing", _frozen(self.existing))
        if self.language not in LANGUAGES:
            raise ValueError(f"language {self.language!r} is not one of {LANGUAGES}")
        for label in ("issue_id", "competition_uid", "member_code"):
            _check_code(label, getattr(self, label))
        if not re.fullmatch(r"[0-9a-fA-F]{8,128}", self.fingerprint):
            raise ValueError(f"fingerprint {self.fingerprint!r} is not a hex string")
        if not self.criteria:
            raise ValueError("a score sheet needs at least one scored criterion")
        for kind, codes in (
            ("criterion", [c.code for c in self.criteria]),
            ("offer", [o.code for o in self.offers]),
        ):
            if len(set(codes)) != len(codes):
                raise ValueError(f"duplicate {kind} codes")
        keys = set(self.keys)
        stray = [key for key in self.existing if key not in keys]
        if stray:
            raise ValueError(f"existing entries for keys not on the sheet: {stray[:5]}")

    @cached_property
    def keys(self) -> tuple[ScoreKey, ...]:
        """The (offer, criterion) keys of the card, in card order: offer by offer."""
        return tuple((o.code, c.code) for o in self.offers for c in self.criteria)

    @cached_property
    def criteria_by_code(self) -> Mapping[str, SheetCriterion]:
        return MappingProxyType({c.code: c for c in self.criteria})


@dataclass(frozen=True)
class SheetProblem:
    """One thing wrong with a returned file.

    ``sheet`` and ``cell`` say where (empty for problems of the file as a whole, e.g. a
    corrupt zip or a bad signature); ``code`` is stable (see ``app.offline.problems``);
    ``params`` fill the sentence.
    """

    sheet: str
    cell: str
    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", str(self.code))  # a ProblemCode becomes plain text
        object.__setattr__(
            self, "params", MappingProxyType({k: str(v) for k, v in self.params.items()})
        )

    def __hash__(self) -> int:
        return hash((self.sheet, self.cell, self.code, tuple(sorted(self.params.items()))))

    @property
    def key(self) -> ScoreKey | None:
        """The (offer, criterion) the problem is about, when it is about one."""
        if "offer" in self.params and "criterion" in self.params:
            return (self.params["offer"], self.params["criterion"])
        return None


@dataclass(frozen=True)
class ParsedScoreSheet:
    """What a returned workbook (or signed return) holds, and everything wrong with it.

    ``entries`` holds every row with a score or a justification; ``missing`` lists the keys
    without a score (a partial card is allowed: that is information, not an error).  The
    identity fields are what the file *claims*; when the reader was given ``expected`` they
    have been checked and any mismatch is in ``problems``.  Import only when ``ok``.
    """

    format_version: int | None = None
    issue_id: str = ""
    competition_uid: str = ""
    member_code: str = ""
    fingerprint: str = ""
    generator: str = ""
    entries: Mapping[ScoreKey, SheetEntry] = field(default_factory=dict)
    problems: tuple[SheetProblem, ...] = ()
    missing: tuple[ScoreKey, ...] = ()
    #: the keys the file was issued for, in order (from its metadata / payload)
    keys: tuple[ScoreKey, ...] = ()
    #: where each key's score cell was found, e.g. ``"H7"`` (workbooks only)
    cells: Mapping[ScoreKey, str] = field(default_factory=dict)
    #: SHA-256 of the file's bytes: the service's duplicate-import check
    sha256: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", _frozen(self.entries))
        object.__setattr__(self, "cells", MappingProxyType(dict(self.cells)))
        object.__setattr__(self, "problems", tuple(self.problems))
        object.__setattr__(self, "missing", tuple(self.missing))
        object.__setattr__(self, "keys", tuple(self.keys))

    @property
    def ok(self) -> bool:
        return not self.problems

    def codes(self) -> tuple[str, ...]:
        """Problem codes in report order (handy for tests and logs)."""
        return tuple(p.code for p in self.problems)


@dataclass(frozen=True)
class ParsedReturn(ParsedScoreSheet):
    """A signed return from the evaluator package: a parsed sheet plus its envelope."""

    sequence: int | None = None
    finished: bool = False
    created_at: datetime | None = None
    #: short id of the key that signed it (hex of SHA-256 of the raw public key, 16 chars)
    key_id: str = ""
    package_sha256: str = ""

    @property
    def return_sha256(self) -> str:
        return self.sha256
