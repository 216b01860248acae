"""The kiosk's navigation state machine.

``GRAPH`` below is the whole behaviour in one table: from which screens an
event is accepted, where it leads, and what guards or updates it. The
machine looks every event up there; an event the table does not list for the
current screen is ignored (still counting as input for the idle timer), so no
sequence of events can put the machine in an undefined state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Generic, TypeVar

from kiosk.core import events as ev
from kiosk.core.shape import Shape
from kiosk.core.state import NavState, Screen, Visit  # noqa: F401 - the graph is told in these; callers import them here too

Clock = Callable[[], float]

TEXT_SIZES = 3
"""Standard, large and larger; 0 is the default."""

NAV_DEBOUNCE = 0.03
"""Seconds within which a second navigation is taken as a bounce of the first: one
finger's contact chattering, a few milliseconds apart. A visitor's second tap comes
100 ms or more after the first, even during the slide, and is honoured."""


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


E = TypeVar("E")
Update = Callable[[Shape, NavState, E], "NavState | None"]
"""Computes the next state from the exhibit's shape, the state and the event;
None means the guard refused and nothing happens. Pure: no side effects."""

VISITOR_SCREENS = frozenset({Screen.HOME, Screen.STOP, Screen.ZOOM})
PUBLIC_SCREENS = VISITOR_SCREENS | {Screen.ATTRACT}
ALL_SCREENS = frozenset(Screen)


@dataclass(frozen=True)
class Edge(Generic[E]):
    sources: frozenset[Screen]
    event: type[E]
    target: Screen | None
    """None: stay on the same screen."""
    update: Update[E] | None = None
    label: str = ""
    effects: tuple[Effect, ...] = ()
    """What the application must do when this edge is taken."""


def _to_stop(shape: Shape, s: NavState, e: ev.OpenStop | ev.Jump) -> NavState | None:
    return replace(s, stop=e.index, image=0) if 0 <= e.index < shape.stop_count else None


def _next(shape: Shape, s: NavState, e: ev.Next) -> NavState | None:
    return replace(s, stop=s.stop + 1, image=0) if s.stop + 1 < shape.stop_count else None


def _previous(shape: Shape, s: NavState, e: ev.Previous) -> NavState | None:
    return replace(s, stop=s.stop - 1, image=0) if s.stop > 0 else None


def _first_stop(shape: Shape, s: NavState, e: ev.Next) -> NavState | None:
    return replace(s, stop=0, image=0)


def _open_image(shape: Shape, s: NavState, e: ev.OpenImage) -> NavState | None:
    return replace(s, image=e.index) if 0 <= e.index < shape.image_counts[s.stop] else None


def _language(shape: Shape, s: NavState, e: ev.SetLanguage) -> NavState | None:
    if e.code not in shape.languages:
        return None
    return replace(s, visit=replace(s.visit, language=e.code, narrating=False))


def _text_size(shape: Shape, s: NavState, e: ev.SetTextSize) -> NavState | None:
    return replace(s, visit=replace(s.visit, text_size=e.level)) if 0 <= e.level < TEXT_SIZES else None


def _contrast(shape: Shape, s: NavState, e: ev.SetContrast) -> NavState | None:
    return replace(s, visit=replace(s.visit, high_contrast=e.high))


def _motion(shape: Shape, s: NavState, e: ev.SetReducedMotion) -> NavState | None:
    return replace(s, visit=replace(s.visit, reduced_motion=e.reduced))


def _narration(shape: Shape, s: NavState, e: ev.ToggleNarration) -> NavState | None:
    return replace(s, visit=replace(s.visit, narrating=not s.visit.narrating))


def _narration_ended(shape: Shape, s: NavState, e: ev.NarrationEnded) -> NavState | None:
    return replace(s, visit=replace(s.visit, narrating=False))


def _slide(shape: Shape, s: NavState, e: ev.NextSlide) -> NavState | None:
    return replace(s, slide=e.slide % shape.slide_count)


STOP, ZOOM, HOME, ATTRACT = (
    frozenset({Screen.STOP}),
    frozenset({Screen.ZOOM}),
    frozenset({Screen.HOME}),
    frozenset({Screen.ATTRACT}),
)
PIN, PANEL = frozenset({Screen.STAFF_PIN}), frozenset({Screen.STAFF_PANEL})
NOT_ATTRACT = ALL_SCREENS - {Screen.ATTRACT}

GRAPH: tuple[Edge[Any], ...] = (
    Edge(ATTRACT, ev.Touch, Screen.HOME, label="touch anywhere", effects=(Effect.SESSION_STARTED,)),
    Edge(ATTRACT, ev.NextSlide, None, _slide, "slide interval"),
    Edge(HOME, ev.OpenStop, Screen.STOP, _to_stop, "tap a stop"),
    Edge(HOME, ev.Next, Screen.STOP, _first_stop, "swipe to first stop"),
    Edge(STOP, ev.Jump, Screen.STOP, _to_stop, "tap timeline strip"),
    Edge(STOP, ev.Next, Screen.STOP, _next, "swipe left / next"),
    Edge(STOP, ev.Previous, Screen.STOP, _previous, "swipe right / previous"),
    Edge(STOP, ev.Back, Screen.HOME, label="back"),
    Edge(STOP, ev.OpenImage, Screen.ZOOM, _open_image, "tap image"),
    Edge(ZOOM, ev.CloseImage, Screen.STOP, label="close"),
    Edge(ZOOM, ev.Back, Screen.STOP, label="back"),
    Edge(VISITOR_SCREENS, ev.Home, Screen.HOME, label="home"),
    Edge(VISITOR_SCREENS, ev.SetLanguage, None, _language, "language"),
    Edge(VISITOR_SCREENS, ev.SetTextSize, None, _text_size, "text size"),
    Edge(VISITOR_SCREENS, ev.SetContrast, None, _contrast, "contrast"),
    Edge(VISITOR_SCREENS, ev.SetReducedMotion, None, _motion, "reduced motion"),
    Edge(STOP, ev.ToggleNarration, None, _narration, "listen"),
    Edge(STOP | ZOOM, ev.NarrationEnded, None, _narration_ended, "narration finished"),
    Edge(ATTRACT, ev.StaffGesture, Screen.STAFF_PIN, label="5 corner taps in 3 s"),
    Edge(
        VISITOR_SCREENS,
        ev.StaffGesture,
        Screen.STAFF_PIN,
        label="5 corner taps in 3 s: the visit ends",
        effects=(Effect.SESSION_ENDED,),
    ),
    Edge(PIN, ev.PinAccepted, Screen.STAFF_PANEL, label="correct PIN"),
    Edge(PIN, ev.PinRejected, None, label="wrong PIN", effects=(Effect.PIN_REJECTED,)),
    Edge(PIN, ev.PinLocked, None, label="too many wrong PINs", effects=(Effect.PIN_LOCKED,)),
    Edge(PIN, ev.Back, Screen.ATTRACT, label="cancel"),
    Edge(PANEL, ev.StaffResume, Screen.ATTRACT, label="resume"),
    Edge(PANEL, ev.StaffReload, None, label="reload exhibit", effects=(Effect.RELOAD_REQUESTED,)),
    Edge(PANEL, ev.StaffExit, None, label="exit to desktop", effects=(Effect.EXIT_REQUESTED,)),
    Edge(PANEL, ev.StaffRestart, None, label="restart", effects=(Effect.RESTART_REQUESTED,)),
    Edge(NOT_ATTRACT, ev.IdleWarning, None, label="idle timeout"),
    Edge(NOT_ATTRACT, ev.IdleReset, Screen.ATTRACT, label="warning ran out"),
    Edge(ALL_SCREENS, ev.Recover, Screen.ATTRACT, label="a fault: start afresh"),
)

EDGES: dict[tuple[Screen, type], Edge[Any]] = {(source, edge.event): edge for edge in GRAPH for source in edge.sources}


def mermaid() -> str:
    """The graph as a Mermaid state diagram (docs/navigation.md embeds it)."""
    lines = ["stateDiagram-v2", "    [*] --> attract"]
    for edge in GRAPH:
        for source in sorted(edge.sources, key=list(Screen).index):
            target = (edge.target or source).value
            label = f"{edge.event.__name__}: {edge.label}" if edge.label else edge.event.__name__
            lines.append(f"    {source.value} --> {target} : {label}")
    return "\n".join(lines) + "\n"
