"""Counting faults: one is recovered from, a burst means start afresh.

An exception in a handler is logged and the interface returns to attract.
If they come too often (five within a minute) something is wrong that a reset
will not fix, so the process exits non-zero and its supervisor restarts it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass
class FaultCounter:
    limit: int = 5
    window: float = 60.0
    total: int = 0
    _times: deque[float] = field(default_factory=deque)

    def record(self, now: float) -> bool:
        """Count a fault; True when the burst limit is reached."""
        self.total += 1
        self._times.append(now)
        while self._times and now - self._times[0] > self.window:
            self._times.popleft()
        return len(self._times) >= self.limit
