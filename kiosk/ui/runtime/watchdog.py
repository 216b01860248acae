"""The systemd side of a running kiosk: READY=1 once a touch would be answered,
then WATCHDOG=1 from a GUI-thread timer, so a frozen interface stops the
heartbeat and systemd restarts the kiosk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.core.notify import notify, watchdog_interval


class Watchdog(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = self._ready = False
        self.heartbeat = QTimer(self)
        interval = watchdog_interval()
        if interval:
            self.heartbeat.setInterval(max(50, int(interval * 1000)))
            self.heartbeat.timeout.connect(self._beat)

    @staticmethod
    def _beat() -> None:
        notify("WATCHDOG=1")

    def ready(self, then: Callable[[], None]) -> None:
        """The first frame is out and input is live: tell systemd, start the heartbeat
        (READY=1 always comes first), then do ``then``."""
        notify("READY=1")
        self._ready = True
        self._beat_if_wanted()
        then()

    def start(self) -> None:
        self._wanted = True
        self._beat_if_wanted()

    def _beat_if_wanted(self) -> None:
        if self._wanted and self._ready and self.heartbeat.interval() > 0 and watchdog_interval():
            self.heartbeat.start()

    def stop(self) -> None:
        self._wanted = False
        self.heartbeat.stop()
