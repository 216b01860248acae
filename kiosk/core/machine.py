"""The machine that runs the navigation graph against a clock.

It owns the current state, the idle timer, the attract slide clock, the
staff gesture and the PIN lock; the graph itself lives in
``kiosk.core.navigation``. The clock is injected: the Qt layer passes a
monotonic clock and sends ``Tick`` from one GUI-thread timer; tests pass a
fake clock and step it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace

from kiosk.core import events as ev
from kiosk.core.idle import IdlePhase, IdlePolicy, SlideClock
from kiosk.core.navigation import EDGES, NAV_DEBOUNCE, Change, Clock, Effect
from kiosk.core.shape import Shape
from kiosk.core.staff import CornerGesture, PinLock, PinResult
from kiosk.core.state import NavState, Screen, attract_state

Listener = Callable[[Change], None]


class NavigationMachine:
    def __init__(
        self,
        shape: Shape,
        clock: Clock,
        idle: IdlePolicy | None = None,
        slides: SlideClock | None = None,
        pin_lock: PinLock | None = None,
        gesture: CornerGesture | None = None,
        default_language: str | None = None,
        reduced_motion: bool = False,
    ) -> None:
        if shape.stop_count == 0:
            raise ValueError("an exhibit needs at least one stop")
        self.shape = shape
        self.clock = clock
        self.idle = idle or IdlePolicy()
        self.slides = slides or SlideClock()
        self.pin_lock = pin_lock or PinLock()
        self.gesture = gesture or CornerGesture()
        self.reduced_motion = reduced_motion
        """The kiosk-wide default (config.yaml's reduced_motion)."""
        self._default_language = default_language
        """As configured; used only while the exhibit has that language (a reload may drop it)."""
        self._listeners: list[Listener] = []
        self._pending_effects: list[Effect] = []
        self._dispatching = False
        self._queue: deque[ev.Event] = deque()
        now = clock()
        self._last_input = now
        self._last_navigation = float("-inf")
        self._attract_since = now
        self._state = self.fresh_state()

    # --- what the outside reads -------------------------------------------------
    @property
    def state(self) -> NavState:
        return self._state

    @property
    def default_language(self) -> str:
        if self._default_language in self.shape.languages:
            return self._default_language
        return self.shape.languages[0]

    def fresh_state(self) -> NavState:
        """Attract, with every visitor setting at its default."""
        return attract_state(self.default_language, self.reduced_motion)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every change; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def due_slide(self) -> int:
        return self.slides.slide(self.clock() - self._attract_since, self.shape.slide_count)

    def resolve_pin(self, pin: str) -> ev.Event:
        """The PIN pad's answer as an event of its own, decided before the graph is
        consulted, so the graph's edges stay free of side effects."""
        result = self.pin_lock.try_pin(pin, self.clock())
        if result is PinResult.ACCEPTED:
            return ev.PinAccepted()
        return ev.PinLocked() if result is PinResult.LOCKED else ev.PinRejected()

    # --- what the outside sends -------------------------------------------------
    def dispatch(self, event: ev.Event) -> Change | None:
        """Apply one event; returns the change, or None if nothing changed.

        Run to completion: an event sent while listeners are still hearing of
        the previous change (a listener that reacts by sending one) waits in a
        queue until every listener has heard of that change, then is handled
        in turn; for it this returns None.
        """
        if self._dispatching:
            self._queue.append(event)
            return None
        self._dispatching = True
        try:
            change = self._handle(event)
            while self._queue:
                self._handle(self._queue.popleft())
        finally:
            self._dispatching = False
            self._queue.clear()
        return change

    def _handle(self, event: ev.Event) -> Change | None:
        self._pending_effects = []
        now = self.clock()
        if isinstance(event, ev.Tick):
            return self._tick(now)
        if isinstance(event, ev.Recover):
            return self._reset(now, event)
        if isinstance(event, ev.ContentReloaded):
            return self._commit(event, self._reconcile(event.shape))
        if isinstance(event, ev.INPUT_EVENTS):
            self._last_input = now
            if self._state.warning:  # a touch during the warning only dismisses it
                return self._commit(event, replace(self._state, warning=False, countdown=0))
        if isinstance(event, ev.CornerTap):
            event = ev.StaffGesture() if self.gesture.tap(now) else ev.Touch()
        if isinstance(event, ev.PinEntered):
            if self._state.screen is not Screen.STAFF_PIN:
                return None
            event = self.resolve_pin(event.pin)
        if isinstance(event, ev.NAVIGATION_EVENTS) and now - self._last_navigation < NAV_DEBOUNCE:
            return None
        return self._follow(event, now)

    # --- inside -----------------------------------------------------------------
    def _follow(self, event: ev.Event, now: float) -> Change | None:
        old = self._state
        edge = EDGES.get((old.screen, type(event)))
        if edge is None:
            return self._commit(event, old)  # effects such as a rejected PIN still go out
        new = edge.update(self.shape, old, event) if edge.update else old
        if new is None:
            return self._commit(event, old)
        if edge.target is not None:
            new = replace(new, screen=edge.target)
        if isinstance(event, ev.NAVIGATION_EVENTS):
            self._last_navigation = now
        if new.stop != old.stop or new.screen not in (Screen.STOP, Screen.ZOOM):
            new = replace(new, visit=replace(new.visit, narrating=False))
        self._pending_effects.extend(edge.effects)
        return self._commit(event, new)

    def _tick(self, now: float) -> Change | None:
        state = self._state
        if state.screen is Screen.ATTRACT:
            due = self.due_slide()
            if due != state.slide:
                return self._follow(ev.NextSlide(due), now)
            return None
        idle_for = now - self._last_input
        phase = self.idle.phase(idle_for)
        if phase is IdlePhase.EXPIRED:
            return self._reset(now, ev.IdleReset())
        if phase is IdlePhase.WARNING:
            countdown = self.idle.countdown(idle_for)
            if not state.warning or countdown != state.countdown:
                return self._commit(ev.IdleWarning(), replace(state, warning=True, countdown=countdown))
        return None

    def _reset(self, now: float, event: ev.Event) -> Change | None:
        """Back to attract with every visitor setting at its default."""
        if self._state.screen in (Screen.HOME, Screen.STOP, Screen.ZOOM):
            self._pending_effects.append(Effect.SESSION_ENDED)
        self._attract_since = now
        self._last_input = now
        return self._commit(event, self.fresh_state())

    def _reconcile(self, shape: Shape) -> NavState:
        """Keep the visitor where they were, or as near as the new content allows."""
        old_shape, state = self.shape, self._state
        self.shape = shape
        current_id = old_shape.stop_ids[state.stop]
        stop = (
            shape.stop_ids.index(current_id) if current_id in shape.stop_ids else min(state.stop, shape.stop_count - 1)
        )
        screen = state.screen
        if screen is Screen.ZOOM and current_id not in shape.stop_ids:
            screen = Screen.STOP
        image = min(state.image, shape.image_counts[stop] - 1)
        visit = state.visit
        if visit.language not in shape.languages:
            visit = replace(visit, language=self.default_language, narrating=False)
        return replace(state, screen=screen, stop=stop, image=image, visit=visit, slide=state.slide % shape.slide_count)

    def _commit(self, event: ev.Event, new: NavState) -> Change | None:
        old, effects = self._state, tuple(self._pending_effects)
        if new == old and not effects:
            return None
        self._state = new
        change = Change(event, old, new, effects)
        for listener in list(self._listeners):
            listener(change)
        return change
