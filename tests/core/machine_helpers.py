"""A fake clock and a machine on a small exhibit shape, for core tests."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core import events as ev
from kiosk.core.idle import IdlePolicy, SlideClock
from kiosk.core.machine import NavigationMachine
from kiosk.core.navigation import Screen
from kiosk.core.shape import Shape
from kiosk.core.staff import PinLock

PIN = "2468"
SHAPE = Shape(stop_ids=("a", "b", "c", "d"), image_counts=(1, 3, 1, 2), languages=("es", "en"), slide_count=3)


@dataclass
class FakeClock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_machine(
    shape: Shape = SHAPE, clock: FakeClock | None = None, default_language: str | None = None
) -> tuple[NavigationMachine, FakeClock]:
    clock = clock or FakeClock()
    machine = NavigationMachine(
        shape,
        clock,
        idle=IdlePolicy(timeout=60, warning=10),
        slides=SlideClock(interval=8),
        pin_lock=PinLock(check=lambda pin: pin == PIN),
        default_language=default_language,
    )
    return machine, clock


def send(machine: NavigationMachine, clock: FakeClock, *events: ev.Event, gap: float = 0.5) -> None:
    """Send events as a person would, a little apart (beyond the debounce)."""
    for event in events:
        clock.advance(gap)
        machine.dispatch(event)


def goto(machine: NavigationMachine, clock: FakeClock, screen: Screen) -> None:
    """Bring a fresh machine to ``screen`` by real events."""
    routes: dict[Screen, tuple[ev.Event, ...]] = {
        Screen.ATTRACT: (),
        Screen.HOME: (ev.Touch(),),
        Screen.STOP: (ev.Touch(), ev.OpenStop(1)),
        Screen.ZOOM: (ev.Touch(), ev.OpenStop(1), ev.OpenImage(1)),
        Screen.STAFF_PIN: (ev.CornerTap(),) * 5,
        Screen.STAFF_PANEL: (ev.CornerTap(),) * 5 + (ev.PinEntered(PIN),),
    }
    send(machine, clock, *routes[screen])
    assert machine.state.screen is screen
