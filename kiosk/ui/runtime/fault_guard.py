"""The fault guard: an error in the interface is logged and the visit starts afresh.

Installed as ``sys.excepthook`` (PySide reports exceptions from slots there).
One fault sends the machine back to attract; a burst (five within a minute)
means something a reset will not fix, so the process exits with EXIT_FAULTS
and its service manager starts it afresh.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from kiosk.core.faults import FaultCounter

log = logging.getLogger(__name__)

EXIT_FAULTS = 70  # EX_SOFTWARE: too many faults; let the supervisor start us afresh

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class FaultGuard:
    def __init__(
        self, clock: Callable[[], float], recover: Callable[[], None], exit_app: Callable[[int], None]
    ) -> None:
        self.clock, self.recover, self.exit_app = clock, recover, exit_app
        self.faults = FaultCounter()
        self._previous: Hook | None = None
        self._recovering = False

    @property
    def total(self) -> int:
        return self.faults.total

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.on_exception

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def on_exception(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled error, returning to attract:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if self.faults.record(self.clock()):
            log.critical(
                "%d faults within %.0f s: exiting for the supervisor to restart the kiosk",
                self.faults.limit,
                self.faults.window,
            )
            self.exit_app(EXIT_FAULTS)
            return
        if self._recovering:
            return
        self._recovering = True
        try:
            self.recover()
        except Exception:  # the recovery itself failed: count it, never loop
            log.exception("recovery failed")
            self.faults.record(self.clock())
        finally:
            self._recovering = False
