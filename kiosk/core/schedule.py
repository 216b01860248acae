"""Opening hours, and whether the screen should be on now.

A schedule is hours per weekday with dated exceptions (a holiday closed, a late
opening). ``DisplayPolicy`` adds what staff do to it: a ``/display`` command
holds until the next scheduled change; a staff touch in the corner of a dark
kiosk wakes it for ten minutes. Times are the kiosk's local wall-clock time;
the clock is injected, so tests step through a week in no time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STAFF_WAKE = dt.timedelta(minutes=10)
LOOKAHEAD_DAYS = 400
"""How far ahead the next change is looked for: past a year of exceptions."""

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True, order=True)
class Hours:
    """Open from ``opens`` until ``closes`` on the same day (24:00 allowed as the end)."""

    opens: dt.time
    closes: dt.time | None
    """None: until midnight."""

    def holds(self, moment: dt.time) -> bool:
        return self.opens <= moment and (self.closes is None or moment < self.closes)


DayHours = tuple[Hours, ...]
"""A day's opening spans, in order; empty: closed all day."""


def parse_day(value: str | list[str]) -> DayHours:
    """``closed``, ``10:00-18:00`` or a list of spans; ValueError says what is wrong."""
    items = value if isinstance(value, list) else [value]
    if items == ["closed"]:
        return ()
    spans = []
    for item in items:
        match = _SPAN.match(str(item))
        if not match:
            raise ValueError(f"'{item}' is not 'closed' or hours like 10:00-18:00")
        h1, m1, h2, m2 = (int(part) for part in match.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            raise ValueError(f"'{item}' holds a time that does not exist")
        opens, closes = dt.time(h1, m1), None if h2 == 24 else dt.time(h2, m2)
        if closes is not None and closes <= opens:
            raise ValueError(f"'{item}' closes before it opens (hours past midnight: split them over two days)")
        spans.append(Hours(opens, closes))
    spans.sort()
    for before, after in itertools.pairwise(spans):
        if before.closes is None or after.opens < before.closes:
            raise ValueError(f"the spans {_text(before)} and {_text(after)} overlap")
    return tuple(spans)


def _text(hours: Hours) -> str:
    return f"{hours.opens:%H:%M}-{'24:00' if hours.closes is None else format(hours.closes, '%H:%M')}"


@dataclass(frozen=True)
class Schedule:
    weekly: Mapping[int, DayHours]
    """Monday is 0; a day missing is closed."""
    exceptions: Mapping[dt.date, DayHours] = field(default_factory=dict)

    def hours_on(self, day: dt.date) -> DayHours:
        return self.exceptions[day] if day in self.exceptions else self.weekly.get(day.weekday(), ())

    def is_open(self, at: dt.datetime) -> bool:
        return any(hours.holds(at.time()) for hours in self.hours_on(at.date()))

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """The next moment after ``at`` when the kiosk opens or closes; None if never."""
        now_open = self.is_open(at)
        for offset in range(LOOKAHEAD_DAYS):
            day = at.date() + dt.timedelta(days=offset)
            for moment in self._edges(day):
                if moment > at and self.is_open(moment) != now_open:
                    return moment
        return None

    def _edges(self, day: dt.date) -> list[dt.datetime]:
        midnight = dt.datetime.combine(day, dt.time(0))
        edges = [midnight]
        for hours in self.hours_on(day):
            edges.append(dt.datetime.combine(day, hours.opens))
            if hours.closes is not None:
                edges.append(dt.datetime.combine(day, hours.closes))
        return sorted(edges)


@dataclass
class DisplayPolicy:
    """Whether the screen should be on: the schedule, unless staff said otherwise."""

    schedule: Schedule | None
    now: Callable[[], dt.datetime]
    override: bool | None = None
    override_until: dt.datetime | None = None
    woken_until: dt.datetime | None = None

    def wanted(self) -> bool:
        """A staff touch at the kiosk first (someone is there and needs light), then a
        command from afar, then the schedule."""
        now = self.now()
        if self.woken_until is not None and now < self.woken_until:
            return True
        self.woken_until = None
        if self.override is not None and (self.override_until is None or now < self.override_until):
            return self.override
        self.override = self.override_until = None
        return self.open_now()

    def open_now(self) -> bool:
        return True if self.schedule is None else self.schedule.is_open(self.now())

    def set_override(self, on: bool) -> None:
        """Held until the schedule next opens or closes (for ever without a schedule)."""
        now = self.now()
        self.override, self.woken_until = on, None
        self.override_until = None if self.schedule is None else self.schedule.next_change(now)

    def staff_wake(self) -> None:
        self.woken_until = self.now() + STAFF_WAKE

    def describe(self) -> dict[str, object]:
        """For /status: open or not, the next change, and what staff did."""
        now = self.now()
        upcoming = None if self.schedule is None else self.schedule.next_change(now)
        return {
            "configured": self.schedule is not None,
            "open": self.open_now(),
            "next_change": None if upcoming is None else upcoming.isoformat(timespec="minutes"),
            "override": None if self.override is None else ("on" if self.override else "off"),
            "override_until": None
            if self.override_until is None
            else self.override_until.isoformat(timespec="minutes"),
            "staff_wake_until": None if self.woken_until is None else self.woken_until.isoformat(timespec="minutes"),
        }
