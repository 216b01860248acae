"""Staff access: the hidden corner gesture and the PIN pad's lockout.

Both take the time from the caller so that tests can walk through a lockout
without waiting a minute.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

PinCheck = Callable[[str], bool]


def no_pin_set(pin: str) -> bool:
    """The verifier used when no PIN is configured: nothing opens the panel."""
    return False


@dataclass
class CornerGesture:
    """Counts taps in the staff corner; ``taps`` within ``window`` seconds opens."""

    taps: int = 5
    window: float = 3.0
    _times: deque[float] = field(default_factory=deque)

    def tap(self, now: float) -> bool:
        self._times.append(now)
        while self._times and now - self._times[0] > self.window:
            self._times.popleft()
        if len(self._times) >= self.taps:
            self._times.clear()
            return True
        return False


class PinResult(Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    LOCKED = "locked"


@dataclass
class PinLock:
    """Five wrong PINs lock the pad for a minute, so guessing takes days."""

    check: PinCheck = no_pin_set
    max_attempts: int = 5
    lockout: float = 60.0
    failures: int = 0
    locked_until: float | None = None

    def try_pin(self, pin: str, now: float) -> PinResult:
        if self.is_locked(now):
            return PinResult.LOCKED
        if self.check(pin):
            self.failures = 0
            return PinResult.ACCEPTED
        self.failures += 1
        if self.failures >= self.max_attempts:
            self.failures = 0
            self.locked_until = now + self.lockout
            return PinResult.LOCKED
        return PinResult.REJECTED

    def is_locked(self, now: float) -> bool:
        if self.locked_until is not None and now >= self.locked_until:
            self.locked_until = None
        return self.locked_until is not None

    def seconds_locked(self, now: float) -> int:
        return 0 if not self.is_locked(now) else int(-(-(self.locked_until - now) // 1))  # type: ignore[operator]
