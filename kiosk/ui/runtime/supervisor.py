"""The running kiosk, as staff depend on it: services composed around the controller.

The supervisor builds the controller (machine, window, narrator) and starts
the small services that subscribe to it: the fault guard, visitor
statistics, the systemd watchdog, the stall detector and background
narration recording. What it does itself is the staff side: PIN messages,
reloads that validate first and keep the current content on errors, exit
and restart, and the status the staff panel shows.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kiosk.core import events as ev
from kiosk.core.config import Config
from kiosk.core.idle import IdlePolicy
from kiosk.core.model import Exhibit
from kiosk.core.navigation import Effect
from kiosk.core.paths import narration_dir
from kiosk.core.staff import PinCheck, PinLock, no_pin_set
from kiosk.core.state import Screen
from kiosk.logsetup import LogTail
from kiosk.ui.media.narration import Narrator
from kiosk.ui.runtime.content_watch import ContentWatch
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.fault_guard import EXIT_FAULTS, FaultGuard
from kiosk.ui.runtime.narration_recording import NarrationRecording, hints
from kiosk.ui.runtime.opening_hours import OpeningHours
from kiosk.ui.runtime.pin_record import PinRecord
from kiosk.ui.runtime.qtapp import application
from kiosk.ui.runtime.stall_detector import StallDetector
from kiosk.ui.runtime.visitor_statistics import VisitorStatistics
from kiosk.ui.runtime.watchdog import Watchdog
from kiosk.ui.runtime.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.runtime.hub_component import HubComponent
    from kiosk.ui.runtime.remote_control import RemoteControl
    from kiosk.ui.screens.staff import StaffStatus

log = logging.getLogger(__name__)

__all__ = ["EXIT_FAULTS", "EXIT_RESTART", "KioskRuntime"]

EXIT_RESTART = 75  # EX_TEMPFAIL: staff asked for a restart


class KioskRuntime(QObject):
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
        state_folder: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.exhibit_path, self.media_root, self.config = exhibit_path, media_root, config
        self.window, self.clock, self.wall = window, clock, wall
        self.exit_app = exit_app or (lambda code: application().exit(code))
        self.started = wall()
        self.last_reload: float | None = None
        self.reload_errors: list[str] = []
        self.reloads_ok = self.reloads_failed = 0
        self.display_on = True
        self.hub: HubComponent | None = None
        self.remote: RemoteControl | None = None
        """The control endpoint, when configured (prometheus_client is imported only then)."""
        self.log_tail = log_tail or LogTail()
        narrator = Narrator(engine=narration_engine, volume=config.volume / 100, recordings=narration_dir(exhibit.id))
        self.pin_lock = PinLock(check=_pin_check(config))
        self.pin_record = PinRecord(
            state_folder / "pin-lock.json" if state_folder else None, self.pin_lock, clock, wall
        )
        self.controller = KioskController(
            exhibit,
            window,
            clock=clock,
            pin_lock=self.pin_lock,
            language=language or config.default_language,
            reduced_motion=config.reduced_motion,
            tick_ms=tick_ms,
            narrator=narrator,
        )
        machine = self.controller.machine
        if config.idle_timeout:
            machine.idle = IdlePolicy(config.idle_timeout, machine.idle.warning)
        self.controller.effect.connect(self._on_effect)
        window.staff_status = self.status
        self.fault_guard = FaultGuard(clock, lambda: self.controller.send(ev.Recover()), self.exit_app)
        self.statistics = (
            VisitorStatistics(machine, tuple(s.id for s in exhibit.stops), stats_path, wall, clock)
            if config.statistics and stats_path is not None
            else None
        )
        self.opening = OpeningHours(self, config.schedule, wall, parent=self, power=config.display_power)
        self.content_watch = ContentWatch(
            exhibit_path, lambda: self.controller.machine.state.screen is Screen.ATTRACT, self.reload, parent=self
        )
        self.controller.watcher.on_dark_corner = self.opening.staff_wake
        if self.statistics is not None:
            self.statistics.counting = self.opening.counting
        self.watchdog = Watchdog(self)
        self.stall_detector = StallDetector(self)
        self.recording = NarrationRecording(lambda: self.controller.exhibit, self)
        self.recording.recorded.connect(self._take_recordings)
        self._narration_engine = narration_engine
        if window.attract.showing_picture():  # the kiosk drew its first frame before building us
            QTimer.singleShot(0, self._first_frame)
        else:
            window.attract.first_picture.connect(self._first_frame)

    # --- life ----------------------------------------------------------------
    def start(self) -> None:
        self.fault_guard.install()
        self.controller.start()
        self.controller.narrator.start()
        self.stall_detector.start()
        self.opening.start()
        self.content_watch.start()
        self.watchdog.start()
        if self._narration_engine != "none":
            self.recording.start()
        if self.config.control_listen is not None:
            self._start_remote(self.config.control_listen)
        if self.config.hub_url:
            from kiosk.ui.runtime.hub_component import HubComponent

            self.hub = HubComponent(self, self.config, parent=self)
            self.hub.start()

    def _start_remote(self, listen: tuple[str, int]) -> None:
        from kiosk.ui.runtime.remote_control import RemoteControl, control_token

        try:
            remote = RemoteControl(self, listen, control_token(self.config), parent=self)
            remote.start()
            self.remote = remote
        except OSError as error:  # the port is taken, the address is not ours: run without it
            log.error("control endpoint on %s:%d not started: %s", *listen, error)
            self.remote = None

    def stop(self) -> None:
        if self.hub is not None:
            self.hub.stop()
            self.hub = None
        if self.remote is not None:
            self.remote.stop()
            self.remote = None
        self.watchdog.stop()
        self.opening.stop()
        self.content_watch.stop()
        self.stall_detector.stop()
        self.recording.stop()
        self.controller.stop()
        self.pin_record.wait()
        self.fault_guard.uninstall()
        if self.statistics is not None:
            self.statistics.close()
            self.statistics = None

    def _first_frame(self) -> None:
        """The attract loop is on screen with its first picture, and a touch
        would be heard: we have started."""
        self.watchdog.ready(then=self.window.build_all)  # the screens a touch will need, before any touch

    def _take_recordings(self) -> None:
        exhibit = self.controller.exhibit
        self.controller.narrator.set_exhibit(exhibit, hints(exhibit))

    # --- staff -----------------------------------------------------------------
    def _on_effect(self, effect: Effect) -> None:
        if effect is Effect.PIN_REJECTED:
            log.warning(
                "a wrong staff PIN was entered (%d of %d before the pad locks)",
                self.pin_lock.failures,
                self.pin_lock.max_attempts,
            )
            self.window.pin.show_message("Wrong PIN.")
        elif effect is Effect.PIN_LOCKED:
            seconds = self.pin_lock.seconds_locked(self.clock())
            log.warning("staff PIN pad locked for %d s after repeated wrong PINs", seconds)
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
            self.restart()

    def restart(self) -> None:
        """Stop and start again: systemd restarts the service; elsewhere the kiosk starts itself again."""
        self.window.allow_close = True
        self.exit_app(EXIT_RESTART)

    def request_display(self, on: bool) -> None:
        """Staff (through /display) want the screen on or off, until the next opening or closing."""
        self.opening.command(on)

    def set_display(self, on: bool) -> None:
        """Off: the screen goes black and hears no visitor (a visit under way ends
        first); on: the attract loop again."""
        if on == self.display_on:
            return
        self.display_on = on
        if not on and self.controller.machine.state.screen is not Screen.ATTRACT:
            self.controller.send(ev.Recover())
        self.controller.watcher.display_off = not on
        self.window.set_display(on)
        log.info("display %s", "on" if on else "off")

    @property
    def can_exit(self) -> bool:
        return not self.window.kiosk_mode or bool(self.config.pin_hash)

    def reload(self) -> bool:
        """Validate the exhibit file again; switch to it only if it is valid."""
        from kiosk.core.loader import check_exhibit

        result = check_exhibit(self.exhibit_path, self.media_root)
        self.last_reload = self.wall()
        if result.exhibit is None:
            self.reloads_failed += 1
            self.reload_errors = [row for d in result.errors for row in d.full().splitlines()]
            log.warning("reload refused, keeping the current exhibit: %d errors", len(result.errors))
        else:
            self.reloads_ok += 1
            self.reload_errors = []
            self.controller.replace_exhibit(result.exhibit)
            if self.statistics is not None:
                self.statistics.set_stops(tuple(stop.id for stop in result.exhibit.stops))
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
            f"Errors since start: {self.fault_guard.total}",
            f"Interface stalls over 2 s: {self.stall_detector.stalls}",
            f"Narration: {self._narration_status()}",
            f"Opening hours: {self._hours_status()}",
            f"Content: {self._content_status()}",
        ]
        if not self.can_exit:
            lines.append("Exit is disabled: no staff PIN is set (run 'kiosk set-pin').")
        statistics = self.statistics.summary() if self.statistics is not None else "Visitor statistics are off."
        return StaffStatus(
            lines=lines,
            log_tail=list(self.log_tail.lines),
            statistics=statistics,
            can_exit=self.can_exit,
            reload_errors=self.reload_errors,
        )

    def _content_status(self) -> str:
        from kiosk.core.content_sync import release_commit, store_of

        commit = release_commit(self.exhibit_path)
        if commit is None:
            return "a local file (not synced)"
        store = store_of(self.exhibit_path)
        state = store.state() if store is not None else {}
        last = state.get("last_sync")
        when = datetime.datetime.fromtimestamp(last).strftime("%Y-%m-%d %H:%M") if last else "never"
        said = f"commit {commit[:12]}; last sync {when}: {state.get('result', 'none')}"
        if state.get("result") == "refused":
            said += f" (refused {str(state.get('refused') or '')[:12]}: {'; '.join(state.get('errors', [])[:2])})"
        return said

    def _hours_status(self) -> str:
        """In staff words: "open, closes at 21:00", "closed, opens Fri 29 May at 10:00"."""
        policy = self.opening.policy
        if policy.schedule is None:
            return "none set (always on)"
        now = policy.now()
        upcoming = policy.schedule.next_change(now)
        state = "open" if policy.open_now() else "closed"
        said = state
        if upcoming is not None:
            verb = "closes" if state == "open" else "opens"
            when = (
                upcoming.strftime("%H:%M") if upcoming.date() == now.date() else upcoming.strftime("%a %d %b at %H:%M")
            )
            said += f", {verb} {'at ' if upcoming.date() == now.date() else ''}{when}"
        screen = "on" if self.display_on else "off"
        if policy.woken_until is not None and policy.woken_until > now:
            screen += f" (a staff touch, until {policy.woken_until:%H:%M})"
        elif policy.override is not None:
            screen += " (by a remote command)"
        power = self.opening.power
        return f"{said}; screen {screen}" + ("" if power == "never changed" else f"; {power}")

    def _narration_status(self) -> str:
        narrator = self.controller.narrator
        state = "ready" if narrator.available else "starting or restarting"
        recorded = len(narrator.plan.recordings)
        return f"{state}; {recorded} recorded clip(s); engine restarts after a hang: {narrator.hung}"


def _pin_check(config: Config) -> PinCheck:
    pin_hash = config.pin_hash
    if not pin_hash:
        return no_pin_set

    def check(pin: str) -> bool:
        from kiosk.core.pin import verify_pin  # hashlib's scrypt: only once somebody types a PIN

        return verify_pin(pin, pin_hash)

    return check
