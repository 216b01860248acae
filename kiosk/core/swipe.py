"""Telling a swipe from a tap or a scroll, by distance, speed and direction.

Plain Python, no Qt: the input watcher feeds it points and times.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Gesture(Enum):
    TAP = "tap"
    SWIPE_LEFT = "swipe_left"  # finger moves right-to-left: next
    SWIPE_RIGHT = "swipe_right"  # finger moves left-to-right: previous
    OTHER = "other"  # a scroll, a slow drag, a long press


@dataclass(frozen=True)
class SwipeRules:
    min_distance: float = 120.0
    """Pixels at 1080p the finger must travel sideways."""
    min_speed: float = 0.35
    """Pixels per millisecond: a slow drag is reading, not swiping."""
    max_slope: float = 0.6
    """|dy| / |dx| above this is a vertical scroll."""
    tap_slop: float = 24.0
    tap_time: float = 0.5


def classify(
    start: tuple[float, float],
    end: tuple[float, float],
    seconds: float,
    rules: SwipeRules = SwipeRules(),
    scale: float = 1.0,
) -> Gesture:
    dx, dy = end[0] - start[0], end[1] - start[1]
    distance = (dx * dx + dy * dy) ** 0.5
    if distance <= rules.tap_slop * scale:
        return Gesture.TAP if seconds <= rules.tap_time else Gesture.OTHER
    if abs(dx) < rules.min_distance * scale or abs(dy) > abs(dx) * rules.max_slope:
        return Gesture.OTHER
    speed = abs(dx) / max(seconds * 1000.0, 1.0)
    if speed < rules.min_speed * scale:
        return Gesture.OTHER
    return Gesture.SWIPE_LEFT if dx < 0 else Gesture.SWIPE_RIGHT
