"""Opening hours without Qt or waiting: a week stepped through with an injected
clock, holidays, staff waking a dark kiosk, and a command held until the
schedule next changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.core.config import load_config
from kiosk.core.diagnostics import ExhibitError
from kiosk.core.schedule import DisplayPolicy, Hours, Schedule, parse_day

MONDAY = dt.datetime(2026, 11, 30, 9, 0)  # a Monday


def week() -> Schedule:
    hours = parse_day("10:00-18:00")
    return Schedule(
        {0: (), 1: hours, 2: parse_day(["10:00-13:00", "14:00-20:00"]), 3: hours, 4: hours, 5: hours, 6: hours},
        {dt.date(2026, 12, 25): (), dt.date(2026, 12, 31): parse_day("10:00-14:00")},
    )


def test_hours_are_read_as_a_curator_writes_them() -> None:
    assert parse_day("closed") == ()
    assert parse_day(" 9:30 - 17:00 ") == (Hours(dt.time(9, 30), dt.time(17, 0)),)
    assert parse_day("18:00-24:00") == (Hours(dt.time(18, 0), None),)
    assert parse_day(["14:00-18:00", "10:00-12:00"])[0].opens == dt.time(10, 0)  # put in order


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("10-18", "is not 'closed' or hours"),
        ("18:00-10:00", "closes before it opens"),
        ("25:00-26:00", "does not exist"),
        ("10:70-11:00", "does not exist"),
        (["10:00-14:00", "13:00-18:00"], "overlap"),
    ],
)
def test_wrong_hours_say_what_is_wrong(text: str | list[str], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_day(text)


def test_a_week_with_a_closed_day_a_lunch_break_and_holidays() -> None:
    schedule = week()
    assert not schedule.is_open(MONDAY.replace(hour=12))  # closed on Mondays
    tuesday = MONDAY + dt.timedelta(days=1)
    assert not schedule.is_open(tuesday.replace(hour=9, minute=59))
    assert schedule.is_open(tuesday.replace(hour=10))
    assert not schedule.is_open(tuesday.replace(hour=18))  # closing time is closed
    wednesday = MONDAY + dt.timedelta(days=2)
    assert not schedule.is_open(wednesday.replace(hour=13, minute=30))
    assert schedule.is_open(wednesday.replace(hour=19))
    assert not schedule.is_open(dt.datetime(2026, 12, 25, 12))  # a Friday, but Christmas
    assert schedule.is_open(dt.datetime(2026, 12, 31, 13)) and not schedule.is_open(dt.datetime(2026, 12, 31, 15))
    assert schedule.next_change(MONDAY) == tuesday.replace(hour=10)
    assert schedule.next_change(tuesday.replace(hour=11)) == tuesday.replace(hour=18)
    assert schedule.next_change(wednesday.replace(hour=12)) == wednesday.replace(hour=13)
    assert schedule.next_change(dt.datetime(2026, 12, 24, 19)) == dt.datetime(2026, 12, 26, 10)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def test_closing_a_staff_wake_and_opening_again() -> None:
    clock = Clock(MONDAY + dt.timedelta(days=1, hours=8, minutes=59))  # Tuesday 17:59
    policy = DisplayPolicy(week(), clock)
    assert policy.wanted()
    clock.now += dt.timedelta(minutes=1)  # 18:00
    assert not policy.wanted()
    policy.staff_wake()
    clock.now += dt.timedelta(minutes=9, seconds=59)
    assert policy.wanted()  # ten minutes of light for staff
    clock.now += dt.timedelta(seconds=1)
    assert not policy.wanted()
    clock.now = clock.now.replace(day=clock.now.day + 1, hour=10, minute=0, second=0)
    assert policy.wanted()  # Wednesday opening


def test_a_command_holds_until_the_schedule_next_changes() -> None:
    clock = Clock(MONDAY + dt.timedelta(days=1, hours=3))  # Tuesday 12:00, open
    policy = DisplayPolicy(week(), clock)
    policy.set_override(False)
    assert not policy.wanted()
    assert policy.describe()["override_until"] == "2026-12-01T18:00"
    clock.now = clock.now.replace(hour=17, minute=59)
    assert not policy.wanted()
    clock.now = clock.now.replace(hour=18)
    assert not policy.wanted()  # closed now by the schedule, the override gone
    assert policy.override is None
    policy.set_override(True)  # after hours: on until Wednesday's opening
    clock.now = clock.now.replace(hour=23)
    assert policy.wanted()
    clock.now = (clock.now + dt.timedelta(days=1)).replace(hour=10)
    assert policy.wanted() and policy.override is None  # open by the schedule


def test_without_a_schedule_the_screen_is_always_on_and_a_command_lasts() -> None:
    clock = Clock(MONDAY)
    policy = DisplayPolicy(None, clock)
    assert policy.wanted()
    policy.set_override(False)
    clock.now += dt.timedelta(days=30)
    assert not policy.wanted()


def test_the_configuration_file_reports_bad_hours_where_they_are(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "schedule:\n  monday: closed\n  tuesday: 10:00-18:00\n  friday: 18-10\n  exceptions:\n    2026-13-01: closed\n"
    )
    with pytest.raises(ExhibitError) as caught:
        load_config(path)
    found = [(d.line, d.column, d.message) for d in caught.value.diagnostics]
    assert found == [
        (4, 11, "'18-10' is not 'closed' or hours like 10:00-18:00"),
        (6, 5, "'2026-13-01' is not a date like 2026-12-25"),
    ]
    path.write_text("schedule:\n  tuesday: ['10:00-13:00', '14:00-18:00']\n  exceptions:\n    2026-12-25: closed\n")
    schedule = load_config(path).schedule
    assert schedule is not None and schedule.is_open(dt.datetime(2026, 12, 1, 15))
    assert not schedule.is_open(dt.datetime(2026, 11, 30, 15))  # Monday: not listed, closed


def test_a_staff_touch_at_the_kiosk_outranks_a_command_from_afar_for_ten_minutes() -> None:
    clock = Clock(MONDAY + dt.timedelta(days=1, hours=3))  # Tuesday 12:00, open
    policy = DisplayPolicy(week(), clock)
    policy.set_override(False)
    policy.staff_wake()
    assert policy.wanted()
    clock.now += dt.timedelta(minutes=11)
    assert not policy.wanted()  # the command holds again
