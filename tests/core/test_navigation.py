"""Every edge of the navigation graph, and the rules around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core import events as ev
from kiosk.core.machine import NavigationMachine
from kiosk.core.navigation import GRAPH, Change, Edge, Effect, Screen, mermaid
from kiosk.core.shape import Shape
from tests.core.machine_helpers import PIN, SHAPE, FakeClock, goto, make_machine, send

# A sample event of each type that the graph accepts, made valid for SHAPE
# when the machine stands on stop 1 ("b", three images).
SAMPLE: dict[type, ev.Event] = {
    ev.Touch: ev.Touch(),
    ev.NextSlide: ev.NextSlide(1),
    ev.OpenStop: ev.OpenStop(2),
    ev.Next: ev.Next(),
    ev.Jump: ev.Jump(3),
    ev.Previous: ev.Previous(),
    ev.Back: ev.Back(),
    ev.OpenImage: ev.OpenImage(2),
    ev.CloseImage: ev.CloseImage(),
    ev.Home: ev.Home(),
    ev.SetLanguage: ev.SetLanguage("en"),
    ev.SetTextSize: ev.SetTextSize(2),
    ev.SetContrast: ev.SetContrast(True),
    ev.SetReducedMotion: ev.SetReducedMotion(True),
    ev.ToggleNarration: ev.ToggleNarration(),
    ev.StaffGesture: ev.StaffGesture(),
    ev.PinAccepted: ev.PinEntered(PIN),  # the PIN pad sends what it typed; the machine judges it
    ev.PinRejected: ev.PinEntered("0000"),
    ev.StaffResume: ev.StaffResume(),
    ev.StaffReload: ev.StaffReload(),
    ev.StaffExit: ev.StaffExit(),
    ev.StaffRestart: ev.StaffRestart(),
    ev.IdleWarning: ev.IdleWarning(),
    ev.IdleReset: ev.IdleReset(),
    ev.Recover: ev.Recover(),
    ev.NarrationEnded: ev.NarrationEnded(),
}
CASES = [(edge, source) for edge in GRAPH for source in sorted(edge.sources, key=list(Screen).index)]


def _apply(machine: NavigationMachine, edge: Edge, clock) -> Change | None:
    """Send the edge's event the way it reaches the machine in real use."""
    if edge.event is ev.NextSlide:
        clock.advance(8)
        return machine.dispatch(ev.Tick())
    if edge.event is ev.IdleWarning:
        clock.advance(61)
        return machine.dispatch(ev.Tick())
    if edge.event is ev.IdleReset:
        clock.advance(71)
        return machine.dispatch(ev.Tick())
    if edge.event is ev.PinLocked:
        for _ in range(4):
            clock.advance(0.5)
            machine.dispatch(ev.PinEntered("0000"))
        clock.advance(0.5)
        return machine.dispatch(ev.PinEntered("0000"))
    if edge.event is ev.StaffGesture:
        for _ in range(4):
            clock.advance(0.3)
            machine.dispatch(ev.CornerTap())
        clock.advance(0.3)
        return machine.dispatch(ev.CornerTap())
    clock.advance(0.5)
    return machine.dispatch(SAMPLE[edge.event])


@pytest.mark.parametrize("edge,source", CASES, ids=lambda x: getattr(x, "value", getattr(x, "label", "")))
def test_every_edge_leads_where_the_graph_says(edge: Edge, source: Screen) -> None:
    machine, clock = make_machine()
    goto(machine, clock, source)
    before = machine.state
    change = _apply(machine, edge, clock)
    assert machine.state.screen is (edge.target or source)
    if change is None:  # only a move to where we already are may change nothing
        assert edge.target in (None, source) and machine.state == before
    else:
        assert change.new == machine.state


def test_diagram_in_docs_matches_the_graph() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "navigation.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{mermaid()}```" in doc, "run: kiosk diagram --write docs/navigation.md"


def test_events_not_in_the_graph_are_ignored() -> None:
    machine, clock = make_machine()
    for event in (ev.Next(), ev.OpenImage(0), ev.PinEntered(PIN), ev.StaffExit(), ev.SetLanguage("en")):
        send(machine, clock, event)
        assert machine.state.screen is Screen.ATTRACT


def test_next_on_last_and_previous_on_first_stay_put() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(3), ev.Next())
    assert machine.state.stop == 3
    send(machine, clock, ev.Jump(0), ev.Previous())
    assert (machine.state.screen, machine.state.stop) == (Screen.STOP, 0)


def test_out_of_range_stop_and_image_are_refused() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(9))
    assert machine.state.screen is Screen.HOME
    send(machine, clock, ev.OpenStop(0), ev.OpenImage(1))  # stop a has one image
    assert machine.state.screen is Screen.STOP


def test_a_bounce_is_one_tap_but_a_quick_second_tap_is_honoured() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(0), ev.Next())
    send(machine, clock, ev.Next(), gap=0.005)  # one finger's contact bouncing
    assert machine.state.stop == 1
    send(machine, clock, ev.Next(), gap=0.15)  # a visitor tapping twice to skip a stop, mid-slide
    assert machine.state.stop == 2


def test_single_stop_exhibit_works() -> None:
    machine, clock = make_machine(Shape(("only",), (1,), ("en",), 1))
    send(machine, clock, ev.Touch(), ev.Next(), ev.Next(), ev.Previous(), ev.Jump(0))
    assert (machine.state.screen, machine.state.stop) == (Screen.STOP, 0)


def test_idle_warning_counts_down_then_resets_everything() -> None:
    machine, clock = make_machine()
    send(
        machine,
        clock,
        ev.Touch(),
        ev.OpenStop(1),
        ev.SetLanguage("en"),
        ev.SetTextSize(2),
        ev.SetContrast(True),
        ev.SetReducedMotion(True),
        ev.ToggleNarration(),
        ev.OpenImage(2),
    )
    clock.advance(59.9)
    machine.dispatch(ev.Tick())
    assert not machine.state.warning
    clock.advance(0.2)
    machine.dispatch(ev.Tick())
    assert machine.state.warning and machine.state.countdown == 10
    assert machine.state.screen is Screen.ZOOM  # the warning lies over the screen
    clock.advance(4)
    machine.dispatch(ev.Tick())
    assert machine.state.countdown == 6
    clock.advance(6)
    change = machine.dispatch(ev.Tick())
    assert change is not None and Effect.SESSION_ENDED in change.effects
    assert machine.state == machine.fresh_state()
    assert machine.state.visit.language == "es" and machine.state.visit.text_size == 0


def test_a_touch_during_the_warning_returns_the_visitor_where_they_were() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(2), ev.SetLanguage("en"))
    before = machine.state
    clock.advance(65)
    machine.dispatch(ev.Tick())
    assert machine.state.warning
    machine.dispatch(ev.Next())  # the swipe that woke it only dismisses the warning
    assert machine.state == before
    clock.advance(65)
    machine.dispatch(ev.Tick())
    assert machine.state.warning  # and the idle time restarted from that touch


def test_attract_slides_advance_on_the_interval_and_loop() -> None:
    machine, clock = make_machine()
    seen = []
    for _ in range(8):
        clock.advance(8)
        machine.dispatch(ev.Tick())
        seen.append(machine.state.slide)
    assert seen == [1, 2, 0, 1, 2, 0, 1, 2]


def test_attract_never_shows_the_idle_warning() -> None:
    machine, clock = make_machine()
    clock.advance(500)
    machine.dispatch(ev.Tick())
    assert machine.state.screen is Screen.ATTRACT and not machine.state.warning


def test_touch_on_attract_starts_a_session() -> None:
    machine, clock = make_machine()
    changes: list[Change] = []
    machine.subscribe(changes.append)
    send(machine, clock, ev.Touch())
    assert changes[-1].effects == (Effect.SESSION_STARTED,)
    assert changes[-1].old.screen is Screen.ATTRACT and changes[-1].new.screen is Screen.HOME


def test_unsubscribed_listener_hears_nothing() -> None:
    machine, clock = make_machine()
    heard: list[Change] = []
    unsubscribe = machine.subscribe(heard.append)
    unsubscribe()
    send(machine, clock, ev.Touch())
    assert heard == []


def test_narration_stops_on_navigation_and_language_change() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(1), ev.ToggleNarration())
    assert machine.state.visit.narrating
    send(machine, clock, ev.OpenImage(0), ev.CloseImage())
    assert machine.state.visit.narrating  # zooming keeps listening
    send(machine, clock, ev.Next())
    assert not machine.state.visit.narrating
    send(machine, clock, ev.ToggleNarration(), ev.SetLanguage("en"))
    assert not machine.state.visit.narrating


def test_unknown_language_is_refused() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.SetLanguage("fr"))
    assert machine.state.visit.language == "es"


def test_five_corner_taps_need_to_be_quick() -> None:
    machine, clock = make_machine()
    send(machine, clock, *(ev.CornerTap(),) * 5, gap=1.0)  # 4 s for five taps: too slow
    assert machine.state.screen is Screen.HOME
    send(machine, clock, *(ev.CornerTap(),) * 5, gap=0.5)
    assert machine.state.screen is Screen.STAFF_PIN


def test_wrong_pins_lock_the_pad_for_a_minute() -> None:
    machine, clock = make_machine()
    goto(machine, clock, Screen.STAFF_PIN)
    effects = []
    machine.subscribe(lambda change: effects.extend(change.effects))
    send(machine, clock, *(ev.PinEntered("0000"),) * 4)
    assert effects == [Effect.PIN_REJECTED] * 4
    send(machine, clock, ev.PinEntered("0000"))
    assert effects[-1] is Effect.PIN_LOCKED
    send(machine, clock, ev.PinEntered(PIN))  # right PIN, but locked
    assert machine.state.screen is Screen.STAFF_PIN and effects[-1] is Effect.PIN_LOCKED
    assert machine.pin_lock.seconds_locked(clock()) == 60  # 59.5 s, shown rounded up
    clock.advance(59)
    send(machine, clock, ev.PinEntered(PIN))
    assert machine.state.screen is Screen.STAFF_PANEL


def test_staff_actions_request_their_effects() -> None:
    machine, clock = make_machine()
    goto(machine, clock, Screen.STAFF_PANEL)
    for event, effect in (
        (ev.StaffReload(), Effect.RELOAD_REQUESTED),
        (ev.StaffExit(), Effect.EXIT_REQUESTED),
        (ev.StaffRestart(), Effect.RESTART_REQUESTED),
    ):
        clock.advance(0.5)
        change = machine.dispatch(event)
        assert change is not None and change.effects == (effect,)


def test_idle_on_a_staff_screen_returns_to_attract() -> None:
    machine, clock = make_machine()
    goto(machine, clock, Screen.STAFF_PANEL)
    clock.advance(100)
    machine.dispatch(ev.Tick())
    assert machine.state.screen is Screen.ATTRACT


def test_reload_keeps_the_visitor_on_the_same_stop_id() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(2), ev.OpenImage(0))
    new = Shape(("x", "c", "d"), (2, 1, 1), ("es", "en"), 1)
    machine.dispatch(ev.ContentReloaded(new))
    assert (machine.state.screen, machine.state.stop) == (Screen.ZOOM, 1)


def test_reload_that_removes_the_stop_goes_to_the_nearest_valid_place() -> None:
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(3), ev.OpenImage(1), ev.SetLanguage("en"))
    machine.dispatch(ev.ContentReloaded(Shape(("a",), (1,), ("es",), 1)))
    state = machine.state
    assert (state.screen, state.stop, state.image, state.visit.language) == (Screen.STOP, 0, 0, "es")


def test_empty_shape_is_refused() -> None:
    with pytest.raises(ValueError):
        NavigationMachine(Shape((), (), ("en",)), lambda: 0.0)


def test_start_language_can_be_chosen() -> None:
    machine = NavigationMachine(SHAPE, lambda: 0.0, default_language="en")
    assert machine.state.visit.language == "en"


def test_an_event_sent_by_a_listener_waits_until_every_listener_heard_the_first() -> None:
    """Run to completion: a narrator that fails at once (an earlier listener) must not
    make the statistics recorder (a later one) hear "narration ended" before "started"."""
    machine, clock = make_machine()
    send(machine, clock, ev.Touch(), ev.OpenStop(1))
    heard: list[tuple[str, bool, bool]] = []

    def narrator(change: Change) -> None:
        if change.new.visit.narrating and not change.old.visit.narrating:
            machine.dispatch(ev.NarrationEnded())  # no sound device: it ends at once

    def statistics(change: Change) -> None:
        heard.append((type(change.event).__name__, change.old.visit.narrating, change.new.visit.narrating))

    machine.subscribe(narrator)
    machine.subscribe(statistics)
    send(machine, clock, ev.ToggleNarration())
    assert heard == [("ToggleNarration", False, True), ("NarrationEnded", True, False)]
    assert not machine.state.visit.narrating


def test_a_kiosk_wide_reduced_motion_is_where_every_visit_starts_and_returns() -> None:
    from kiosk.core.idle import IdlePolicy, SlideClock
    from kiosk.core.staff import PinLock

    clock = FakeClock()
    machine = NavigationMachine(
        SHAPE, clock, idle=IdlePolicy(60, 10), slides=SlideClock(8), pin_lock=PinLock(), reduced_motion=True
    )
    assert machine.state.visit.reduced_motion
    send(machine, clock, ev.Touch(), ev.SetReducedMotion(False))
    assert not machine.state.visit.reduced_motion  # a visitor may want the motion
    clock.advance(100)
    machine.dispatch(ev.Tick())
    assert (
        machine.state.screen is Screen.ATTRACT and machine.state.visit.reduced_motion
    )  # and the next one starts still
