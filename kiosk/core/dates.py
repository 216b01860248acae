"""Dates as historians write them: a year, a month or a day, or a range.

A stop dated "1949" must not be shown as "1 January 1949", so we keep the
precision the curator gave and format only what is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MONTHS: dict[str, tuple[str, ...]] = {
    "en": tuple(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
    "es": tuple(
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]
    ),
}
"""Month names for the languages whose date wording we know; other languages
fall back to ISO dates unless the exhibit gives display text."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def label(self, lang: str) -> str:
        months = MONTHS.get(lang)
        if self.month is None:
            return str(self.year)
        if months is None:
            return self.iso()
        month = months[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}" if lang == "en" else f"{month} de {self.year}"
        if lang == "en":
            return f"{self.day} {month} {self.year}"
        return f"{self.day} de {month} de {self.year}"

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def is_before(a: PartialDate, b: PartialDate) -> bool:
    """Compare at the precision both share: April 1952 is not before 9 April 1952.

    Comparing a day with a bare year any other way invents a precision
    the curator never gave (and Python cannot order None against a number).
    """
    key_a = [part for part in (a.year, a.month, a.day) if part is not None]
    key_b = [part for part in (b.year, b.month, b.day) if part is not None]
    shared = min(len(key_a), len(key_b))
    return key_a[:shared] < key_b[:shared]


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError says why not."""
    match = _DATE_RE.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has month {month}; months run from 01 to 12")
    if day is not None:
        assert month is not None
        import calendar  # only a curator's check needs it, not a kiosk starting from its cache

        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"'{text}' is not a real day: {year}-{month:02d} has {last} days")
    return PartialDate(year, month, day)


@dataclass(frozen=True)
class DateSpec:
    """A stop's date: one partial date or a range, with optional wording."""

    start: PartialDate
    end: PartialDate | None = None
    display: tuple[tuple[str, str], ...] = ()

    def label(self, lang: str) -> str:
        """What a visitor reads; the curator's wording wins when given."""
        for code, text in self.display:
            if code == lang:
                return text
        if self.end is None:
            return self.start.label(lang)
        return f"{self.start.label(lang)} – {self.end.label(lang)}"
