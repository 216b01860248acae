"""Everything that can happen to the kiosk, as plain values.

The interface turns touches, clicks and keys into these; tests send them
directly. ``INPUT_EVENTS`` are those a person causes: they restart the idle
time and dismiss the idle warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.shape import Shape


@dataclass(frozen=True)
class Touch:
    """Any touch, click or key that has no more specific meaning."""


@dataclass(frozen=True)
class OpenStop:
    index: int


@dataclass(frozen=True)
class Jump:
    """A tap on the timeline strip of a stop screen."""

    index: int


@dataclass(frozen=True)
class Next:
    pass


@dataclass(frozen=True)
class Previous:
    pass


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Home:
    pass


@dataclass(frozen=True)
class OpenImage:
    index: int = 0


@dataclass(frozen=True)
class CloseImage:
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


@dataclass(frozen=True)
class ToggleNarration:
    pass


@dataclass(frozen=True)
class NarrationEnded:
    """The recording or the synthetic voice reached the end of the label."""


@dataclass(frozen=True)
class CornerTap:
    """A tap in the hidden staff corner; five in a row open the PIN pad."""


@dataclass(frozen=True)
class PinEntered:
    pin: str


@dataclass(frozen=True)
class StaffResume:
    pass


@dataclass(frozen=True)
class StaffReload:
    pass


@dataclass(frozen=True)
class StaffExit:
    pass


@dataclass(frozen=True)
class StaffRestart:
    pass


@dataclass(frozen=True)
class Tick:
    """The clock moved on; the machine reads the time from its clock."""


@dataclass(frozen=True)
class ContentReloaded:
    """A new version of the exhibit is in place; its shape may differ."""

    shape: Shape


# Internal events: made by the machine itself from clock ticks, listed in the
# transition table so that the diagram shows them.
@dataclass(frozen=True)
class IdleWarning:
    pass


@dataclass(frozen=True)
class IdleReset:
    pass


@dataclass(frozen=True)
class NextSlide:
    pass


@dataclass(frozen=True)
class StaffGesture:
    pass


@dataclass(frozen=True)
class Recover:
    """A handler failed: drop the visit and start afresh from attract."""


Event = (Touch | OpenStop | Jump | Next | Previous | Back | Home | OpenImage | CloseImage
         | SetLanguage | SetTextSize | SetContrast | SetReducedMotion | ToggleNarration | CornerTap
         | PinEntered | StaffResume | StaffReload | StaffExit | StaffRestart | Tick | ContentReloaded
         | IdleWarning | IdleReset | NextSlide | StaffGesture | Recover | NarrationEnded)

INPUT_EVENTS: tuple[type, ...] = (
    Touch, OpenStop, Jump, Next, Previous, Back, Home, OpenImage, CloseImage, SetLanguage,
    SetTextSize, SetContrast, SetReducedMotion, ToggleNarration, CornerTap, PinEntered,
    StaffResume, StaffReload, StaffExit, StaffRestart,
)
NAVIGATION_EVENTS: tuple[type, ...] = (OpenStop, Jump, Next, Previous, Back, Home, OpenImage, CloseImage)
"""Moves that start a screen transition; too quick a second one is a bounce."""
