"""Crowds do anything: random event sequences must keep the invariants."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kiosk.core import events as ev
from kiosk.core.navigation import Change, Effect, Screen
from kiosk.core.shape import Shape
from tests.core.machine_helpers import PIN, FakeClock, make_machine

SHAPES = st.builds(
    lambda counts, langs: Shape(tuple(f"s{i}" for i in range(len(counts))), tuple(counts), langs, len(counts)),
    st.lists(st.integers(1, 3), min_size=1, max_size=6),
    st.sampled_from([("es", "en"), ("en",), ("es", "en", "qu")]),
)
VISITOR_EVENTS = st.one_of(
    st.builds(ev.Touch),
    st.builds(ev.Next),
    st.builds(ev.Previous),
    st.builds(ev.Back),
    st.builds(ev.Home),
    st.builds(ev.CloseImage),
    st.builds(ev.ToggleNarration),
    st.builds(ev.CornerTap),
    st.builds(ev.OpenStop, st.integers(-1, 7)),
    st.builds(ev.Jump, st.integers(-1, 7)),
    st.builds(ev.OpenImage, st.integers(-1, 3)),
    st.builds(ev.SetLanguage, st.sampled_from(["es", "en", "qu", "fr"])),
    st.builds(ev.SetTextSize, st.integers(-1, 3)),
    st.builds(ev.SetContrast, st.booleans()),
    st.builds(ev.SetReducedMotion, st.booleans()),
    st.builds(ev.StaffResume),
    st.builds(ev.StaffReload),
    st.builds(ev.StaffExit),
)


class KioskCrowd(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.machine, _ = make_machine(clock=self.clock)
        self.pin_accepted = False
        self.open_sessions = 0

    @initialize(default=st.sampled_from([None, "es", "en", "qu", "fr"]))
    def staff_configured_a_default_language(self, default: str | None) -> None:
        """As config.yaml's default_language, which a later reload may drop or bring back."""
        self.machine, _ = make_machine(clock=self.clock, default_language=default)
        self.machine.subscribe(self._count_sessions)

    def _count_sessions(self, change: Change) -> None:
        self.open_sessions += Effect.SESSION_STARTED in change.effects
        self.open_sessions -= Effect.SESSION_ENDED in change.effects

    @rule(event=VISITOR_EVENTS, gap=st.floats(0.0, 5.0))
    def visitor_acts(self, event: ev.Event, gap: float) -> None:
        self.clock.advance(gap)
        self.machine.dispatch(event)

    @rule(pin=st.sampled_from([PIN, "0000", "", "24680"]), gap=st.floats(0.0, 30.0))
    def someone_types_a_pin(self, pin: str, gap: float) -> None:
        self.clock.advance(gap)
        before = self.machine.state.screen
        self.machine.dispatch(ev.PinEntered(pin))
        if before is Screen.STAFF_PIN and self.machine.state.screen is Screen.STAFF_PANEL:
            assert pin == PIN
            self.pin_accepted = True

    @rule(seconds=st.floats(0.0, 120.0))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.machine.dispatch(ev.Tick())

    @rule(shape=SHAPES)
    def curator_reloads(self, shape: Shape) -> None:
        self.machine.dispatch(ev.ContentReloaded(shape))

    @precondition(lambda self: self.machine.state.screen is not Screen.ATTRACT)
    @rule()
    def visitor_walks_away(self) -> None:
        limit = self.machine.idle.timeout + self.machine.idle.warning
        for _ in range(int(limit) + 2):
            self.clock.advance(1.0)
            self.machine.dispatch(ev.Tick())
        state, fresh = self.machine.state, self.machine.fresh_state()
        assert (state.screen, state.visit, state.warning) == (fresh.screen, fresh.visit, False)

    @invariant()
    def indexes_are_valid(self) -> None:
        state, shape = self.machine.state, self.machine.shape
        assert 0 <= state.stop < shape.stop_count
        assert 0 <= state.image < shape.image_counts[state.stop]
        assert 0 <= state.slide < shape.slide_count
        assert state.visit.language in shape.languages
        assert 0 <= state.visit.text_size < 3

    @invariant()
    def staff_panel_only_through_the_pin(self) -> None:
        if self.machine.state.screen is Screen.STAFF_PANEL:
            assert self.pin_accepted
        if self.machine.state.screen is Screen.ATTRACT:
            self.pin_accepted = False

    @invariant()
    def a_visit_is_open_exactly_while_a_visitor_is_there(self) -> None:
        visiting = self.machine.state.screen in (Screen.HOME, Screen.STOP, Screen.ZOOM)
        assert self.open_sessions == int(visiting)  # staff interrupting a visit closes it too

    @invariant()
    def warning_only_over_a_visit(self) -> None:
        state = self.machine.state
        assert not (state.warning and state.screen is Screen.ATTRACT)


TestKioskCrowd = KioskCrowd.TestCase
TestKioskCrowd.settings = settings(max_examples=200, stateful_step_count=40, deadline=None)
