"""What the screen shows: the navigation state, with nothing about how it changes.

Apart from ``navigation`` (the graph of events) so that the window can draw
the attract screen at start-up before the machine, its events and the rest
of the runtime are even imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Screen(str, Enum):
    ATTRACT = "attract"
    HOME = "home"
    STOP = "stop"
    ZOOM = "zoom"
    STAFF_PIN = "staff_pin"
    STAFF_PANEL = "staff_panel"


@dataclass(frozen=True)
class Visit:
    """One visitor's choices; all of them go back to defaults on idle reset."""

    language: str
    text_size: int = 0
    high_contrast: bool = False
    reduced_motion: bool = False
    narrating: bool = False


@dataclass(frozen=True)
class NavState:
    screen: Screen
    visit: Visit
    stop: int = 0
    """Index of the current stop; meaningful on STOP and ZOOM, always valid."""
    image: int = 0
    """Index of the zoomed image within the stop; always valid."""
    warning: bool = False
    """The idle warning is shown over the screen."""
    countdown: int = 0
    """Seconds left on the idle warning."""
    slide: int = 0
    """Attract slide index."""


def attract_state(language: str, reduced_motion: bool = False) -> NavState:
    """Attract, with every visitor setting at its default (``reduced_motion``: the
    kiosk-wide default staff chose; a visitor's own choice still resets to it)."""
    return NavState(screen=Screen.ATTRACT, visit=Visit(language=language, reduced_motion=reduced_motion))
