"""The kiosk's navigation state machine.

``GRAPH`` below is the whole behaviour in one table: from which screens an
event is accepted, where it leads, and what guards or updates it. The
machine looks every event up there; an event the table does not list for the
current screen is ignored (still counting as input for the idle timer), so no
sequence of events can put the machine in an undefined state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Callable

from kiosk.core import events as ev
from kiosk.core.shape import Shape
from kiosk.core.state import NavState, Screen, Visit  # noqa: F401 - the graph is told in these; callers import them here too

Clock = Callable[[], float]

TEXT_SIZES = 3
"""Standard, large and larger; 0 is the default."""

NAV_DEBOUNCE = 0.2
"""Seconds within which a second navigation is taken as a bounce of the first."""


class Effect(str, Enum):
    """Things the application must do that are not screen state."""

    SESSION_STARTED = "session_started"
    SESSION_ENDED = "session_ended"
    RELOAD_REQUESTED = "reload_requested"
    EXIT_REQUESTED = "exit_requested"
    RESTART_REQUESTED = "restart_requested"
    PIN_REJECTED = "pin_rejected"
    PIN_LOCKED = "pin_locked"


@dataclass(frozen=True)
class Change:
    """What listeners receive: the event, the states around it, any effects."""

    event: ev.Event
    old: NavState
    new: NavState
    effects: tuple[Effect, ...] = ()


if TYPE_CHECKING:
    from kiosk.core.machine import NavigationMachine

Update = Callable[["NavigationMachine", NavState, ev.Event], NavState | None]
"""Computes the next state; None means the guard refused and nothing happens."""

VISITOR_SCREENS = frozenset({Screen.HOME, Screen.STOP, Screen.ZOOM})
PUBLIC_SCREENS = VISITOR_SCREENS | {Screen.ATTRACT}
ALL_SCREENS = frozenset(Screen)


@dataclass(frozen=True)
class Edge:
    sources: frozenset[Screen]
    event: type
    target: Screen | None
    """None: stay on the same screen."""
    update: Update | None = None
    label: str = ""


def _to_stop(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    index = e.index  # type: ignore[union-attr]
    return replace(s, stop=index, image=0) if 0 <= index < m.shape.stop_count else None


def _next(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    return replace(s, stop=s.stop + 1, image=0) if s.stop + 1 < m.shape.stop_count else None


def _previous(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    return replace(s, stop=s.stop - 1, image=0) if s.stop > 0 else None


def _first_stop(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    return replace(s, stop=0, image=0)


def _open_image(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    index = e.index  # type: ignore[union-attr]
    return replace(s, image=index) if 0 <= index < m.shape.image_counts[s.stop] else None


def _visit(**fields: Callable[[ev.Event], object]) -> Update:
    def update(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
        return replace(s, visit=replace(s.visit, **{k: f(e) for k, f in fields.items()}))
    return update


def _language(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    code = e.code  # type: ignore[union-attr]
    if code not in m.shape.languages:
        return None
    return replace(s, visit=replace(s.visit, language=code, narrating=False))


def _text_size(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    level = e.level  # type: ignore[union-attr]
    return replace(s, visit=replace(s.visit, text_size=level)) if 0 <= level < TEXT_SIZES else None


def _narration(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    return replace(s, visit=replace(s.visit, narrating=not s.visit.narrating))


def _pin(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    return s if m.check_pin(e.pin) else None  # type: ignore[union-attr]


def _next_slide(m: "NavigationMachine", s: NavState, e: ev.Event) -> NavState | None:
    return replace(s, slide=m.due_slide())


GRAPH: tuple[Edge, ...] = (
    Edge(frozenset({Screen.ATTRACT}), ev.Touch, Screen.HOME, label="touch anywhere"),
    Edge(frozenset({Screen.ATTRACT}), ev.NextSlide, None, _next_slide, "slide interval"),
    Edge(frozenset({Screen.HOME}), ev.OpenStop, Screen.STOP, _to_stop, "tap a stop"),
    Edge(frozenset({Screen.HOME}), ev.Next, Screen.STOP, _first_stop, "swipe to first stop"),
    Edge(frozenset({Screen.STOP}), ev.Jump, Screen.STOP, _to_stop, "tap timeline strip"),
    Edge(frozenset({Screen.STOP}), ev.Next, Screen.STOP, _next, "swipe left / next"),
    Edge(frozenset({Screen.STOP}), ev.Previous, Screen.STOP, _previous, "swipe right / previous"),
    Edge(frozenset({Screen.STOP}), ev.Back, Screen.HOME, label="back"),
    Edge(frozenset({Screen.STOP}), ev.OpenImage, Screen.ZOOM, _open_image, "tap image"),
    Edge(frozenset({Screen.ZOOM}), ev.CloseImage, Screen.STOP, label="close"),
    Edge(frozenset({Screen.ZOOM}), ev.Back, Screen.STOP, label="back"),
    Edge(VISITOR_SCREENS, ev.Home, Screen.HOME, label="home"),
    Edge(VISITOR_SCREENS, ev.SetLanguage, None, _language, "language"),
    Edge(VISITOR_SCREENS, ev.SetTextSize, None, _text_size, "text size"),
    Edge(VISITOR_SCREENS, ev.SetContrast, None, _visit(high_contrast=lambda e: e.high), "contrast"),
    Edge(VISITOR_SCREENS, ev.SetReducedMotion, None,
         _visit(reduced_motion=lambda e: e.reduced), "reduced motion"),
    Edge(frozenset({Screen.STOP}), ev.ToggleNarration, None, _narration, "listen"),
    Edge(frozenset({Screen.STOP, Screen.ZOOM}), ev.NarrationEnded, None,
         _visit(narrating=lambda e: False), "narration finished"),
    Edge(PUBLIC_SCREENS, ev.StaffGesture, Screen.STAFF_PIN, label="5 corner taps in 3 s"),
    Edge(frozenset({Screen.STAFF_PIN}), ev.PinEntered, Screen.STAFF_PANEL, _pin, "correct PIN"),
    Edge(frozenset({Screen.STAFF_PIN}), ev.Back, Screen.ATTRACT, label="cancel"),
    Edge(frozenset({Screen.STAFF_PANEL}), ev.StaffResume, Screen.ATTRACT, label="resume"),
    Edge(frozenset({Screen.STAFF_PANEL}), ev.StaffReload, None, label="reload exhibit"),
    Edge(frozenset({Screen.STAFF_PANEL}), ev.StaffExit, None, label="exit to desktop"),
    Edge(frozenset({Screen.STAFF_PANEL}), ev.StaffRestart, None, label="restart"),
    Edge(ALL_SCREENS - {Screen.ATTRACT}, ev.IdleWarning, None, label="idle timeout"),
    Edge(ALL_SCREENS - {Screen.ATTRACT}, ev.IdleReset, Screen.ATTRACT, label="warning ran out"),
    Edge(ALL_SCREENS, ev.Recover, Screen.ATTRACT, label="a fault: start afresh"),
)

EDGES: dict[tuple[Screen, type], Edge] = {
    (source, edge.event): edge for edge in GRAPH for source in edge.sources
}
STAFF_EFFECTS: dict[type, Effect] = {
    ev.StaffReload: Effect.RELOAD_REQUESTED,
    ev.StaffExit: Effect.EXIT_REQUESTED,
    ev.StaffRestart: Effect.RESTART_REQUESTED,
}


def mermaid() -> str:
    """The graph as a Mermaid state diagram (docs/navigation.md embeds it)."""
    lines = ["stateDiagram-v2", "    [*] --> attract"]
    for edge in GRAPH:
        for source in sorted(edge.sources, key=list(Screen).index):
            target = (edge.target or source).value
            label = f"{edge.event.__name__}: {edge.label}" if edge.label else edge.event.__name__
            lines.append(f"    {source.value} --> {target} : {label}")
    return "\n".join(lines) + "\n"
