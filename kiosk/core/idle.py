"""When to give up on a visitor: the idle timeout and its warning countdown.

Kept apart from the navigation machine so the policy can be read (and tuned
by staff configuration) on its own. Times are seconds from an injected
monotonic clock, never from the wall clock: a kiosk's wall clock jumps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum


class IdlePhase(Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdlePolicy:
    timeout: float = 90.0
    """Seconds without input before the warning shows."""
    warning: float = 15.0
    """Seconds the warning counts down before the kiosk resets."""

    def phase(self, idle_for: float) -> IdlePhase:
        if idle_for < self.timeout:
            return IdlePhase.ACTIVE
        if idle_for < self.timeout + self.warning:
            return IdlePhase.WARNING
        return IdlePhase.EXPIRED

    def countdown(self, idle_for: float) -> int:
        """Whole seconds left on the warning, as the visitor reads them."""
        return max(0, math.ceil(self.timeout + self.warning - idle_for))


@dataclass(frozen=True)
class SlideClock:
    """The attract loop: one slide per interval, forever, from a start time."""

    interval: float = 8.0

    def slide(self, since_start: float, count: int) -> int:
        if count <= 0:
            return 0
        return int(max(0.0, since_start) // self.interval) % count
