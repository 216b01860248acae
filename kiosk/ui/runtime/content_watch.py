"""A synced release taken at the next attract loop, never under a visitor.

``kiosk sync`` (a timer beside the kiosk) switches the ``current`` link of the
content folder to a new release. Every fifteen seconds this looks where the
exhibit's path leads now; when it leads somewhere new and the kiosk is on its
attract loop, the runtime reloads (which validates again and keeps the old
content on any error). A visitor mid-visit finishes on the content they began.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

CHECK_MS = 15_000


class ContentWatch(QObject):
    def __init__(
        self, exhibit_path: Path, on_attract: Callable[[], bool], reload: Callable[[], bool], parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.exhibit_path, self.on_attract, self.reload = exhibit_path, on_attract, reload
        self.showing = os.path.realpath(exhibit_path)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        now = os.path.realpath(self.exhibit_path)
        if now == self.showing or not self.on_attract():
            return
        log.info("new content synced (%s): taking it now, on the attract loop", now)
        self.showing = now  # tried once: a refused reload is reported, not retried every 15 s
        self.reload()
