"""Everything that can happen to the kiosk, as plain values.

The interface turns touches, clicks and keys into these; tests send them
directly. ``INPUT_EVENTS`` are those a person causes: they restart the idle
time and dismiss the idle warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.shape import Shape


class _Plain:
    """An event that carries nothing: equal to any other of its kind.

    Cheaper to define than a dataclass, which matters at start-up: there are
    many of these and each dataclass costs a fraction of a millisecond.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Touch(_Plain):
    """Any touch, click or key that has no more specific meaning."""


@dataclass(frozen=True)
class OpenStop:
    index: int


@dataclass(frozen=True)
class Jump:
    """A tap on the timeline strip of a stop screen."""

    index: int


class Next(_Plain):
    pass


class Previous(_Plain):
    pass


class Back(_Plain):
    pass


class Home(_Plain):
    pass


@dataclass(frozen=True)
class OpenImage:
    index: int = 0


class CloseImage(_Plain):
    pass


@dataclass(frozen=True)
class SetLanguage:
    code: str


@dataclass(frozen=True)
class SetTextSize:
    level: int


@dataclass(frozen=True)
class SetContrast:
    high: bool


@dataclass(frozen=True)
class SetReducedMotion:
    reduced: bool


class ToggleNarration(_Plain):
    pass


class Watching(_Plain):
    """A clip is playing: the visitor is watching or listening, not gone. Sent
    by the player as the clip advances, so it keeps a visit alive no longer
    than the clip runs."""


class NarrationEnded(_Plain):
    """The recording or the synthetic voice reached the end of the label."""


class CornerTap(_Plain):
    """A tap in the hidden staff corner; five in a row open the PIN pad."""


@dataclass(frozen=True)
class PinEntered:
    pin: str


class PinAccepted(_Plain):
    """A PIN was typed and it is right (the machine checks before it looks up the graph)."""


class PinRejected(_Plain):
    pass


class PinLocked(_Plain):
    """Too many wrong PINs: the pad refuses for a while."""


class StaffResume(_Plain):
    pass


class StaffReload(_Plain):
    pass


class StaffExit(_Plain):
    pass


class StaffRestart(_Plain):
    pass


class Tick(_Plain):
    """The clock moved on; the machine reads the time from its clock."""


@dataclass(frozen=True)
class ContentReloaded:
    """A new version of the exhibit is in place; its shape may differ."""

    shape: Shape


# Internal events: made by the machine itself from clock ticks, listed in the
# transition table so that the diagram shows them.
class IdleWarning(_Plain):
    pass


class IdleReset(_Plain):
    pass


@dataclass(frozen=True)
class NextSlide:
    """The attract loop moves on to this slide."""

    slide: int


class StaffGesture(_Plain):
    pass


class Recover(_Plain):
    """A handler failed: drop the visit and start afresh from attract."""


Event = (
    Touch
    | OpenStop
    | Jump
    | Next
    | Previous
    | Back
    | Home
    | OpenImage
    | CloseImage
    | SetLanguage
    | SetTextSize
    | SetContrast
    | SetReducedMotion
    | ToggleNarration
    | CornerTap
    | PinEntered
    | StaffResume
    | StaffReload
    | StaffExit
    | StaffRestart
    | Tick
    | ContentReloaded
    | IdleWarning
    | IdleReset
    | NextSlide
    | StaffGesture
    | Recover
    | NarrationEnded
    | Watching
    | PinAccepted
    | PinRejected
    | PinLocked
)

INPUT_EVENTS: tuple[type, ...] = (
    Touch,
    OpenStop,
    Jump,
    Next,
    Previous,
    Back,
    Home,
    OpenImage,
    CloseImage,
    SetLanguage,
    SetTextSize,
    SetContrast,
    SetReducedMotion,
    ToggleNarration,
    Watching,
    CornerTap,
    PinEntered,
    StaffResume,
    StaffReload,
    StaffExit,
    StaffRestart,
)
NAVIGATION_EVENTS: tuple[type, ...] = (OpenStop, Jump, Next, Previous, Back, Home, OpenImage, CloseImage)
"""Moves that start a screen transition; too quick a second one is a bounce."""
