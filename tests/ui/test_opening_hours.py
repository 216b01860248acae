"""Opening hours in a running kiosk: dark and deaf after closing, ten minutes of
light for a staff touch in the corner, no visitor counted after hours, and the
attract loop back at opening."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.config import Config
from kiosk.core.schedule import Schedule, parse_day
from kiosk.core.state import Screen
from tests.helpers import copy_minimal
from tests.services import free_port
from tests.ui.test_staff import Staffed

THURSDAY, FRIDAY = 3, 4


@pytest.fixture
def museum(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Staffed]:
    """A kiosk started on a Thursday at 20:43 (the test clock), open 10:00-21:00 Thursday and Friday."""
    monkeypatch.setenv("KIOSK_CONTROL_TOKEN", "t")
    monkeypatch.setenv("TZ", "UTC")  # the wall clock below is read in local time
    time.tzset()
    request.addfinalizer(time.tzset)  # after monkeypatch puts TZ back
    hours = parse_day("10:00-21:00")
    config = Config(schedule=Schedule({THURSDAY: hours, FRIDAY: hours}), control_listen=("127.0.0.1", free_port()))
    kiosk = Staffed(qtbot, copy_minimal(tmp_path), config, tmp_path)
    assert dt.datetime.fromtimestamp(kiosk.runtime.wall()).strftime("%a %H:%M") == "Thu 20:43"
    yield kiosk
    kiosk.runtime.stop()


def sessions(kiosk: Staffed) -> float:
    return kiosk.runtime.remote.metrics.registry.get_sample_value("kiosk_visitor_sessions_total")  # type: ignore[union-attr,return-value]


def later(kiosk: Staffed, minutes: float) -> None:
    kiosk.clock.advance(minutes * 60)
    kiosk.runtime.opening.apply()  # what its fifteen-second timer does


def test_after_closing_the_kiosk_is_dark_until_opening(museum: Staffed) -> None:
    kiosk = museum
    assert kiosk.runtime.display_on
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.HOME and sessions(kiosk) == 1
    later(kiosk, 20)  # 21:03
    assert not kiosk.runtime.display_on and kiosk.state.screen is Screen.ATTRACT
    assert kiosk.window.dark is not None and kiosk.window.dark.isVisible()
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.ATTRACT  # dark and deaf
    status = kiosk.runtime.status()
    hours = next(line for line in status.lines if line.startswith("Opening hours:"))
    assert hours.startswith("Opening hours: closed, opens Fri 29 May at 10:00; screen off")
    later(kiosk, 13 * 60)  # Friday 10:03
    assert kiosk.runtime.display_on and not kiosk.window.dark.isVisible()
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.HOME and sessions(kiosk) == 2


def test_a_staff_touch_in_the_corner_lights_it_for_ten_minutes_uncounted(museum: Staffed) -> None:
    kiosk = museum
    later(kiosk, 20)
    assert not kiosk.runtime.display_on
    kiosk.tap(10, 10)  # the corner
    assert kiosk.runtime.display_on and not kiosk.window.dark.isVisible()  # type: ignore[union-attr]
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.HOME
    assert sessions(kiosk) == 0  # staff after closing are no visitors
    hours = next(line for line in kiosk.runtime.status().lines if line.startswith("Opening hours:"))
    assert hours.startswith("Opening hours: closed, opens Fri 29 May at 10:00; screen on (a staff touch, until 21:13)")
    later(kiosk, 9)
    assert kiosk.runtime.display_on
    later(kiosk, 1.5)
    assert not kiosk.runtime.display_on and kiosk.state.screen is Screen.ATTRACT


def test_a_display_command_holds_until_the_next_opening(museum: Staffed) -> None:
    kiosk = museum
    later(kiosk, 20)
    kiosk.runtime.request_display(True)  # an evening event: staff want it on
    assert kiosk.runtime.display_on
    later(kiosk, 60 * 5)
    assert kiosk.runtime.display_on
    later(kiosk, 60 * 8)  # Friday 10:03: the schedule takes over again (open)
    assert kiosk.runtime.display_on and kiosk.runtime.opening.policy.override is None
