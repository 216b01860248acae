"""Everything around the visitor interface that staff depend on.

The runtime owns the controller and adds: the staff PIN check, reloads that
validate first and keep the current content on errors, exit and restart, a
fault handler that logs and returns to attract (and gives up after a burst
so the supervisor can restart us), visitor statistics, and the systemd
notify protocol (READY after the first frame, WATCHDOG from a GUI timer).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core import events as ev
from kiosk.core.config import Config
from kiosk.core.faults import FaultCounter
from kiosk.core.model import Exhibit
from kiosk.core.navigation import Change, Effect
from kiosk.core.notify import notify, watchdog_interval
from kiosk.core.paths import narration_dir
from kiosk.core.staff import PinLock, no_pin_set
from kiosk.core.state import Screen
from kiosk.core.stats import StatsRecorder, StatsWriter, format_report, report
from kiosk.logsetup import LogTail
from kiosk.ui.media.narration import Narrator
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.qtapp import application
from kiosk.ui.runtime.stall_detector import StallDetector
from kiosk.ui.runtime.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.screens.staff import StaffStatus

log = logging.getLogger(__name__)

EXIT_FAULTS = 70  # EX_SOFTWARE: too many faults; let the supervisor start us afresh
EXIT_RESTART = 75  # EX_TEMPFAIL: staff asked for a restart


class KioskRuntime(QObject):
    narration_recorded = Signal()

    def __init__(
        self,
        exhibit_path: Path,
        exhibit: Exhibit,
        window: KioskWindow,
        config: Config,
        media_root: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        exit_app: Callable[[int], None] | None = None,
        stats_path: Path | None = None,
        language: str | None = None,
        log_tail: LogTail | None = None,
        tick_ms: int = 200,
        narration_engine: str = "auto",
    ) -> None:
        super().__init__(window)
        self.exhibit_path, self.media_root, self.config = exhibit_path, media_root, config
        self.window, self.clock, self.wall = window, clock, wall
        self.exit_app = exit_app or (lambda code: application().exit(code))
        self.started = wall()
        self.last_reload: float | None = None
        self.reload_errors: list[str] = []
        self.faults = FaultCounter()
        self.log_tail = log_tail or LogTail()
        check = (lambda pin: _verify(pin, config.pin_hash)) if config.pin_hash else no_pin_set
        narrator = Narrator(engine=narration_engine, volume=config.volume / 100, recordings=narration_dir(exhibit.id))
        self.controller = KioskController(
            exhibit,
            window,
            clock=clock,
            pin_lock=PinLock(check=check),
            language=language or config.default_language,
            tick_ms=tick_ms,
            narrator=narrator,
        )
        self.stall_detector = StallDetector(self)
        self._narration_engine = narration_engine
        self._record_later = QTimer(self)  # after start-up's work, not during it
        self._record_later.setSingleShot(True)
        self._record_later.setInterval(3000)
        self._record_later.timeout.connect(self._record_missing_narration)
        self._recorder_thread: threading.Thread | None = None
        if config.idle_timeout:
            self.controller.machine.idle = type(self.controller.machine.idle)(
                config.idle_timeout, self.controller.machine.idle.warning
            )
        self.controller.effect.connect(self._on_effect)
        self.narration_recorded.connect(self._take_recordings)
        window.staff_status = self.status
        self.stats_path = stats_path
        self.stats_writer: StatsWriter | None = None
        self.recorder: StatsRecorder | None = None
        if config.statistics and stats_path is not None:
            self.stats_writer = StatsWriter(stats_path)
            self.recorder = StatsRecorder(tuple(stop.id for stop in exhibit.stops))
            self.controller.machine.subscribe(self._record)
        if window.attract.showing_picture():  # the kiosk drew its first frame before building us
            QTimer.singleShot(0, self._first_frame)
        else:
            window.attract.first_picture.connect(self._first_frame)
        self.heartbeat = QTimer(self)
        interval = watchdog_interval()
        if interval:
            self.heartbeat.setInterval(max(50, int(interval * 1000)))
            self.heartbeat.timeout.connect(lambda: notify("WATCHDOG=1"))
        self._previous_hook: Callable[[type[BaseException], BaseException, TracebackType | None], object] | None = None
        self._recovering = False
        self._stopping = threading.Event()

    # --- narration ---------------------------------------------------------------
    def _record_missing_narration(self) -> None:
        """Record clips that have no recording yet (a new label, a cleared cache),
        on a thread at low priority, then let the narrator find them."""
        from kiosk.narrate import espeak

        if espeak() is None or self._stopping.is_set():
            return
        exhibit = self.controller.exhibit
        hints = {code: _hint(code) for code in exhibit.language_codes}

        def work() -> None:
            from kiosk.core.narration import clips
            from kiosk.narrate import narrate

            with contextlib.suppress(OSError):
                os.nice(10)  # on Linux, this thread (and the encoders it starts) only
            report = narrate(
                clips(exhibit, hints), narration_dir(exhibit.id), stop_early=self._stopping.is_set, workers=1
            )
            if report.recorded:
                log.info("recorded %d narration clip(s)", len(report.recorded))
                self.narration_recorded.emit()
            for failure in report.failed:
                log.warning("narration not recorded: %s", failure)

        self._recorder_thread = threading.Thread(target=work, name="narration-recorder", daemon=True)
        self._recorder_thread.start()

    def _take_recordings(self) -> None:
        controller = self.controller
        controller.narrator.set_exhibit(controller.exhibit, {c: _hint(c) for c in controller.exhibit.language_codes})

    # --- life ----------------------------------------------------------------
    def start(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self._on_exception
        self.controller.start()
        self.controller.narrator.start()
        self.stall_detector.start()
        if self.heartbeat.interval() > 0 and watchdog_interval():
            self.heartbeat.start()
        if self._narration_engine != "none":
            self._record_later.start()

    def stop(self) -> None:
        self.heartbeat.stop()
        self.stall_detector.stop()
        self._record_later.stop()
        self._stopping.set()
        if self._recorder_thread is not None:
            self._recorder_thread.join(timeout=5)
        self.controller.stop()
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self.stats_writer is not None:
            self.stats_writer.close()
            self.stats_writer = None

    def _first_frame(self) -> None:
        """The attract loop is on screen with its first picture, and a touch
        would be heard: we have started."""
        notify("READY=1")
        self.window.build_all()  # the screens a touch will need, before any touch comes

    # --- faults ----------------------------------------------------------------
    def _on_exception(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
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
            self.controller.send(ev.Recover())
        except Exception:  # the recovery itself failed: count it, never loop
            log.exception("recovery failed")
            self.faults.record(self.clock())
        finally:
            self._recovering = False

    # --- staff -----------------------------------------------------------------
    def _on_effect(self, effect: Effect) -> None:
        if effect is Effect.PIN_REJECTED:
            self.window.pin.show_message("Wrong PIN.")
        elif effect is Effect.PIN_LOCKED:
            seconds = self.controller.machine.pin_lock.seconds_locked(self.clock())
            self.window.pin.show_message(f"Too many wrong PINs: locked for {seconds} s.")
        elif effect is Effect.RELOAD_REQUESTED:
            self.reload()
        elif effect is Effect.EXIT_REQUESTED:
            if self.can_exit:
                log.info("staff exit")
                self.window.allow_close = True
                self.exit_app(0)
        elif effect is Effect.RESTART_REQUESTED:
            log.info("staff restart")
            self.window.allow_close = True
            self.exit_app(EXIT_RESTART)

    @property
    def can_exit(self) -> bool:
        return not self.window.kiosk_mode or bool(self.config.pin_hash)

    def reload(self) -> bool:
        """Validate the exhibit file again; switch to it only if it is valid."""
        from kiosk.core.loader import check_exhibit

        result = check_exhibit(self.exhibit_path, self.media_root)
        self.last_reload = self.wall()
        if result.exhibit is None:
            self.reload_errors = [str(d) for d in result.errors]
            log.warning("reload refused, keeping the current exhibit: %d errors", len(result.errors))
        else:
            self.reload_errors = []
            self.controller.replace_exhibit(result.exhibit)
            if self.recorder is not None:
                self.recorder.stop_ids = tuple(stop.id for stop in result.exhibit.stops)
            log.info("exhibit reloaded from %s", self.exhibit_path)
        if self.controller.machine.state.screen is Screen.STAFF_PANEL:
            self.window.show_state(self.controller.exhibit, self.controller.machine.state)
        return result.exhibit is not None

    def status(self) -> StaffStatus:
        import datetime

        from kiosk.ui.screens.staff import StaffStatus

        def stamp(t: float) -> str:
            return datetime.datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S")

        try:
            modified = stamp(self.exhibit_path.stat().st_mtime)
        except OSError:
            modified = "file missing"
        uptime = datetime.timedelta(seconds=int(self.wall() - self.started))
        lines = [
            f"Exhibit: {self.exhibit_path} (modified {modified})",
            f"Up for: {uptime}",
            f"Last reload: {stamp(self.last_reload) if self.last_reload else 'none since start'}",
            f"Errors since start: {self.faults.total}",
            f"Interface stalls over 2 s: {self.stall_detector.stalls}",
            f"Narration: {self._narration_status()}",
        ]
        if not self.can_exit:
            lines.append("Exit is disabled: no staff PIN is set (run 'kiosk set-pin').")
        statistics = "Visitor statistics are off."
        if self.stats_writer is not None and self.stats_path is not None:
            self.stats_writer.flush()
            statistics = format_report(report(self.stats_path))
        return StaffStatus(
            lines=lines,
            log_tail=list(self.log_tail.lines),
            statistics=statistics,
            can_exit=self.can_exit,
            reload_errors=self.reload_errors,
        )

    def _narration_status(self) -> str:
        narrator = self.controller.narrator
        state = "ready" if narrator.available else "starting or restarting"
        recorded = len(narrator.plan.recordings)
        return f"{state}; {recorded} recorded clip(s); engine restarts after a hang: {narrator.hung}"

    # --- statistics ------------------------------------------------------------
    def _record(self, change: Change) -> None:
        if self.recorder is not None and self.stats_writer is not None:
            self.stats_writer.write(self.recorder.on_change(change, self.wall(), self.clock()))


def _hint(lang: str) -> str:
    from kiosk.core.strings import tr

    return tr(lang, "keys_hint")


def _verify(pin: str, pin_hash: str) -> bool:
    from kiosk.core.pin import verify_pin  # hashlib's scrypt: only once somebody types a PIN

    return verify_pin(pin, pin_hash)
