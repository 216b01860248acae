"""The stall detector: a GUI-thread heartbeat watched from a thread of its own.

When the interface has not turned for over two seconds, the log gets a stack
dump of the GUI thread (where it is stuck, which is what a maintainer needs),
the staff panel's status counts the stall, and, since the systemd watchdog's
heartbeat comes from the same GUI thread, systemd restarts a kiosk that stays
frozen.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.core.stalls import StallWatch

log = logging.getLogger(__name__)

BEAT_MS = 250


class StallDetector(QObject):
    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic, limit: float = 2.0
    ) -> None:
        super().__init__(parent)
        self.watch = StallWatch(clock, limit)
        self._gui_thread = threading.get_ident()
        self._timer = QTimer(self)
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self.watch.beat)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stalls(self) -> int:
        return self.watch.stalls

    def start(self) -> None:
        self.watch.beat()
        self._timer.start()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="stall-detector", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.watch.limit / 4):
            stuck = self.watch.check()
            if stuck is not None:
                log.error("the interface has not answered for %.1f s; it is stuck here:\n%s", stuck, self._where())

    def _where(self) -> str:
        frame = sys._current_frames().get(self._gui_thread)
        return "".join(traceback.format_stack(frame)) if frame is not None else "(no stack)"
