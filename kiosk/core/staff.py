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
    """Five wrong PINs lock the pad for a minute, so guessing takes days.

    ``changed`` hears of every wrong PIN and lock, so the supervisor can keep
    the count across restarts (a restart must not give five fresh tries).
    """

    check: PinCheck = no_pin_set
    max_attempts: int = 5
    lockout: float = 60.0
    failures: int = 0
    locked_until: float | None = None
    changed: Callable[[PinLock, float], None] | None = None

    def restore(self, failures: int, seconds_locked: float, now: float) -> None:
        """Take up where the last run left off."""
        self.failures = max(0, min(failures, self.max_attempts - 1))
        self.locked_until = now + min(seconds_locked, self.lockout) if seconds_locked > 0 else None

    def try_pin(self, pin: str, now: float) -> PinResult:
        if self.is_locked(now):
            return PinResult.LOCKED
        if self.check(pin):
            had_failures, self.failures = self.failures, 0
            if had_failures and self.changed is not None:
                self.changed(self, now)
            return PinResult.ACCEPTED
        self.failures += 1
        result = PinResult.REJECTED
        if self.failures >= self.max_attempts:
            self.failures = 0
            self.locked_until = now + self.lockout
            result = PinResult.LOCKED
        if self.changed is not None:
            self.changed(self, now)
        return result

    def is_locked(self, now: float) -> bool:
        if self.locked_until is not None and now >= self.locked_until:
            self.locked_until = None
        return self.locked_until is not None

    def seconds_locked(self, now: float) -> int:
        return 0 if not self.is_locked(now) else int(-(-(self.locked_until - now) // 1))  # type: ignore[operator]


@dataclass(frozen=True)
class PinLockRecord:
    """The pad's lock as kept on disk: wrong tries so far, and until when (wall clock) it is locked."""

    failures: int = 0
    locked_until_wall: float | None = None

    def to_json(self) -> str:
        import json

        return json.dumps({"failures": self.failures, "locked_until": self.locked_until_wall})

    @classmethod
    def from_json(cls, text: str) -> PinLockRecord:
        """The record, or a fresh one for anything unreadable (and never a crash)."""
        import json

        try:
            data = json.loads(text)
            failures = int(data.get("failures", 0))
            until = data.get("locked_until")
            return cls(max(0, failures), float(until) if until is not None else None)
        except (ValueError, TypeError, AttributeError):
            return cls()
