"""The control endpoint as part of the running kiosk.

The HTTP server (``kiosk.core.control``) runs on threads of its own. This
side gives it what it serves and takes what it is told, always on the GUI
thread's terms: the metrics follow the navigation machine; once a second a
status snapshot is put where the server's threads read it (one reference,
replaced whole); commands come back as a queued Qt signal, carried out at the
GUI thread's next turn. Touch-to-frame latency is read from the window itself:
from an input event reaching the window to the first frame painted after it.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from kiosk import __version__
from kiosk.core.config import Config
from kiosk.core.content_sync import release_commit, store_of
from kiosk.core.control import ControlServer
from kiosk.core.metrics import KioskMetrics
from kiosk.core.navigation import Change, Effect
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.fault_guard import FaultGuard
from kiosk.ui.runtime.opening_hours import OpeningHours
from kiosk.ui.runtime.stall_detector import StallDetector
from kiosk.ui.runtime.window import KioskWindow

log = logging.getLogger(__name__)

TOKEN_ENV = "KIOSK_CONTROL_TOKEN"
INPUT_EVENTS = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.KeyPress)


def control_token(config: Config) -> str | None:
    """The token commands need: the environment's, else the token file's; None turns
    commands off (reading stays on). A token file others can read is refused."""
    if os.environ.get(TOKEN_ENV, "").strip():
        return os.environ[TOKEN_ENV].strip()
    path = config.control_token_file
    if path is None:
        return None
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.error("control token file %s can be read by others (chmod 600 it): commands are off", path)
            return None
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        log.error("control token file %s cannot be read (%s): commands are off", path, error)
        return None
    return token or None


def content_version(path: Path) -> str:
    """Which content is shown: the commit it was synced from, else the exhibit file's digest."""
    commit = release_commit(path)
    if commit is not None:
        return f"git-{commit[:12]}"
    try:
        return "sha-" + hashlib.blake2b(path.read_bytes(), digest_size=6).hexdigest()
    except OSError:
        return "unknown"


class Supervised(Protocol):
    """What the endpoint reads and drives: the running kiosk (``KioskRuntime``)."""

    controller: KioskController
    window: KioskWindow
    fault_guard: FaultGuard
    stall_detector: StallDetector
    exhibit_path: Path
    clock: Callable[[], float]
    wall: Callable[[], float]
    started: float
    last_reload: float | None
    reload_errors: list[str]
    reloads_ok: int
    reloads_failed: int
    display_on: bool

    opening: OpeningHours

    def reload(self) -> bool: ...
    def restart(self) -> None: ...
    def request_display(self, on: bool) -> None: ...


class RemoteControl(QObject):
    command = Signal(str, object)

    def __init__(self, runtime: Supervised, listen: tuple[str, int], token: str | None, parent: QObject) -> None:
        super().__init__(parent)
        self.runtime = runtime
        exhibit = runtime.controller.exhibit
        self.version = content_version(runtime.exhibit_path)
        """Worked out at start and after each reload, not on every status."""
        self.metrics = KioskMetrics(__version__, exhibit.id, self.version, runtime.clock)
        self.metrics.set_stops(tuple(stop.id for stop in exhibit.stops))
        self._unsubscribe = runtime.controller.machine.subscribe(self._follow)
        self._seen = {"faults": 0, "stalls": 0, "reloads_ok": 0, "reloads_failed": 0}
        self._status: dict[str, Any] = {}
        self._sync_seen: tuple[int, dict[str, Any]] | None = None
        self._touched: float | None = None
        self._today: tuple[datetime.date, int] = (datetime.date.fromtimestamp(runtime.wall()), 0)
        """Visits begun today (local date), for the fleet view."""
        self.server = ControlServer(
            listen[0], listen[1], token, self.metrics.text, lambda: self._status, self.command.emit
        )
        self.command.connect(self._carry_out, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._publish)

    def start(self) -> None:
        self._publish()
        self.server.start()
        self.timer.start()
        self.runtime.window.installEventFilter(self)  # Qt posts a widget window's UpdateRequest to the widget
        handle = self.runtime.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)  # input reaches the QWindow first

    def stop(self) -> None:
        self.timer.stop()
        self.runtime.window.removeEventFilter(self)
        handle = self.runtime.window.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)
        self._unsubscribe()
        self.server.stop()

    def _follow(self, change: Change) -> None:
        """Visits are counted inside opening hours only; one under way is followed to its end."""
        if self.runtime.opening.counting() or self.metrics.following_a_visit:
            self.metrics.on_change(change)
            if Effect.SESSION_STARTED in change.effects:
                today = datetime.date.fromtimestamp(self.runtime.wall())
                self._today = (today, (self._today[1] if self._today[0] == today else 0) + 1)

    # --- touch to frame ----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self._touched = time.perf_counter()
        elif kind == QEvent.Type.UpdateRequest and self._touched is not None:
            QTimer.singleShot(0, self._framed)  # after this event: once the frame is painted
        return False

    def _framed(self) -> None:
        if self._touched is not None:
            elapsed = time.perf_counter() - self._touched
            self._touched = None
            if elapsed < 5.0:  # a frame long after is not the touch's answer
                self.metrics.touch.observe(elapsed)

    # --- status, once a second ---------------------------------------------------
    def _publish(self) -> None:
        runtime = self.runtime
        if runtime.reloads_ok > self._seen["reloads_ok"]:  # new content, by whatever way it came
            exhibit = runtime.controller.exhibit
            self.metrics.set_stops(tuple(stop.id for stop in exhibit.stops))
            self.version = content_version(runtime.exhibit_path)
            self.metrics.set_content(__version__, exhibit.id, self.version)
        self._count("faults", runtime.fault_guard.total, self.metrics.faults.inc)
        self._count("stalls", runtime.stall_detector.stalls, self.metrics.stalls.inc)
        self._count("reloads_ok", runtime.reloads_ok, self.metrics.reloads.labels(result="ok").inc)
        self._count("reloads_failed", runtime.reloads_failed, self.metrics.reloads.labels(result="refused").inc)
        exhibit, state = runtime.controller.exhibit, runtime.controller.machine.state
        self.metrics.display.set(1 if runtime.display_on else 0)
        self.metrics.open.set(1 if runtime.opening.counting() else 0)
        self._status = {  # a new dict each time: the server's threads read whole snapshots
            "kiosk_version": __version__,
            "screen": state.screen.value,
            "stop": exhibit.stops[state.stop].id if exhibit.stops else None,
            "language": state.visit.language,
            "exhibit": exhibit.id,
            "exhibit_file": str(runtime.exhibit_path),
            "content_version": self.version,
            "display": "on" if runtime.display_on else "off",
            "schedule": {**runtime.opening.policy.describe(), "screen_power": runtime.opening.power},
            "last_reload": _iso(runtime.last_reload),
            "last_reload_result": None
            if runtime.last_reload is None
            else ("refused" if runtime.reload_errors else "ok"),
            "errors": list(runtime.reload_errors[:20]),
            "sync": self._sync_state(),
            "hub": None if getattr(runtime, "hub", None) is None else runtime.hub.client.describe(),  # type: ignore[attr-defined]
            "faults": runtime.fault_guard.total,
            "sessions_today": self._today[1] if self._today[0] == datetime.date.fromtimestamp(runtime.wall()) else 0,
            "gui_stalls": runtime.stall_detector.stalls,
            "uptime_seconds": round(runtime.wall() - runtime.started, 1),
            "window": {"width": runtime.window.width(), "height": runtime.window.height()},
        }

    def _sync_state(self) -> dict[str, Any] | None:
        store = store_of(self.runtime.exhibit_path)
        if store is None:
            return None
        try:
            stamp = store.state_file.stat().st_mtime_ns
        except OSError:
            stamp = 0
        if self._sync_seen is None or self._sync_seen[0] != stamp:  # read again only when it changed
            self._sync_seen = (stamp, store.state())
        state = self._sync_seen[1]
        self.metrics.sync_ok.set(0 if state.get("result") == "refused" else 1)
        if isinstance(state.get("last_sync"), (int, float)):
            self.metrics.sync_time.set(state["last_sync"])
        return state

    def _count(self, name: str, total: int, inc: Any) -> None:
        if total > self._seen[name]:
            inc(total - self._seen[name])
            self._seen[name] = total

    # --- commands, on the GUI thread ------------------------------------------------
    def _carry_out(self, name: str, value: object) -> None:
        log.info("control: %s %s", name, "" if value is None else value)
        runtime = self.runtime
        if name == "display":
            runtime.request_display(bool(value))
        elif name == "reload":
            runtime.reload()
        elif name == "restart":
            runtime.restart()
        elif name == "volume" and isinstance(value, int):
            runtime.controller.narrator.set_volume(value / 100)
        self._publish()


def _iso(stamp: float | None) -> str | None:
    return None if stamp is None else datetime.datetime.fromtimestamp(stamp).isoformat(timespec="seconds")
