"""Noticing a frozen interface: the GUI thread's heartbeat, judged from outside it.

The GUI thread beats every few hundred milliseconds; a watcher on another
thread asks ``StallWatch`` whether the last beat is too old. A stall is
counted once, however long it lasts, and reported with where the GUI thread
was stuck. The systemd watchdog heartbeat is sent from the GUI thread too,
so a frozen screen also stops it and systemd restarts the kiosk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

STALL_SECONDS = 2.0


@dataclass
class StallWatch:
    clock: Callable[[], float]
    limit: float = STALL_SECONDS
    stalls: int = 0
    longest: float = 0.0
    _last_beat: float = field(default=0.0, init=False)
    _in_stall: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self._last_beat = self.clock()

    def beat(self) -> None:
        """Called on the GUI thread: it is turning."""
        now = self.clock()
        if self._in_stall:
            self.longest = max(self.longest, now - self._last_beat)
        self._last_beat, self._in_stall = now, False

    def check(self) -> float | None:
        """Called off the GUI thread: seconds stuck when a new stall begins, else None."""
        stuck = self.clock() - self._last_beat
        if stuck <= self.limit or self._in_stall:
            return None
        self._in_stall = True
        self.stalls += 1
        self.longest = max(self.longest, stuck)
        return stuck
