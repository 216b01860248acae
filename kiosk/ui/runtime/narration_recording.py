"""Recording missing narration in the background after start-up.

A new label, a cleared cache or a fresh install leaves clips without a
recording; the kiosk records them itself, on a thread at low priority, a
few seconds after its first frame, and then lets the narrator find them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core.model import Exhibit
from kiosk.core.paths import narration_dir
from kiosk.core.strings import tr

log = logging.getLogger(__name__)

DELAY_MS = 3000


def hints(exhibit: Exhibit) -> dict[str, str]:
    """The keypad hint in each language of the exhibit."""
    return {code: tr(code, "keys_hint") for code in exhibit.language_codes}


class NarrationRecording(QObject):
    recorded = Signal()  # new recordings are in place (emitted from the thread, queued to the GUI)

    def __init__(self, exhibit: Callable[[], Exhibit], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exhibit = exhibit
        self._later = QTimer(self)  # after start-up's work, not during it
        self._later.setSingleShot(True)
        self._later.setInterval(DELAY_MS)
        self._later.timeout.connect(self._begin)
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._later.start()

    def stop(self) -> None:
        self._later.stop()
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _begin(self) -> None:
        from kiosk.narrate import espeak

        if espeak() is None or self._stopping.is_set():
            return
        exhibit = self.exhibit()
        self._thread = threading.Thread(target=self._work, args=(exhibit,), name="narration-recorder", daemon=True)
        self._thread.start()

    def _work(self, exhibit: Exhibit) -> None:
        from kiosk.core.narration import clips
        from kiosk.narrate import narrate

        with contextlib.suppress(OSError):
            os.nice(10)  # on Linux, this thread (and the encoders it starts) only
        report = narrate(
            clips(exhibit, hints(exhibit)), narration_dir(exhibit.id), stop_early=self._stopping.is_set, workers=1
        )
        if report.recorded:
            log.info("recorded %d narration clip(s)", len(report.recorded))
            self.recorded.emit()
        for failure in report.failed:
            log.warning("narration not recorded: %s", failure)
