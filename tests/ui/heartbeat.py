"""A heartbeat on the GUI thread: how long it stood still while something else happened."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

GUI_LIMIT_MS = 300
"""The longest the GUI thread may stand still. Well under every deadline the kiosk
gives the worker (1.5 s to stop, 8 s to start), so a wait on the worker on the GUI
thread still fails; well over the scheduling noise of a shared, loaded CI machine
(a loaded 2-core machine showed gaps of 144 ms with nothing blocking)."""


class Heartbeat:
    """Beats every 5 ms on the GUI thread; the widest gap is how long it was blocked."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.widest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.widest = max(self.widest, (now - self.last) * 1000)
        self.last = now

    def restart(self) -> None:
        self.last, self.widest = time.perf_counter(), 0.0

    def stop(self) -> None:
        self.timer.stop()
