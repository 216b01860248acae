"""The running kiosk as an Exhibitera Hub component.

``kiosk.core.hub.HubClient`` pings the Hub on its own thread; its commands come
here as a queued signal and are carried out on the GUI thread: a refresh waits
for the attract loop (never under a visitor), sleep and wake drive the display
as opening hours do, restart restarts the kiosk, shutdown only when the
configuration allows it. The Hub's receiving API (``/core/screenshot``,
``/core/restart``, ``/core/shutdown``) is served by the control endpoint, to
the Hub's address only; a screenshot is grabbed on the GUI thread while the
server's thread waits for it (at most three seconds), never the other way.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from typing import Protocol
from urllib.parse import urlparse

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QProcess, Qt, Signal

from kiosk.core.config import Config
from kiosk.core.hub import HubClient, component_uuid, reachable_address
from kiosk.core.navigation import Change
from kiosk.core.paths import state_dir
from kiosk.core.state import Screen
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.remote_control import RemoteControl
from kiosk.ui.runtime.window import KioskWindow

log = logging.getLogger(__name__)

SCREENSHOT_WAIT = 3.0


class Hosted(Protocol):
    controller: KioskController
    window: KioskWindow
    remote: RemoteControl | None

    def reload(self) -> bool: ...
    def restart(self) -> None: ...
    def request_display(self, on: bool) -> None: ...


class HubComponent(QObject):
    command = Signal(str)
    grab_wanted = Signal()

    def __init__(self, runtime: Hosted, config: Config, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert config.hub_url is not None
        self.runtime, self.url, self.allow_shutdown = runtime, config.hub_url, config.hub_allow_shutdown
        self.refresh_pending = False
        self._interacting = False
        self._shot: tuple[threading.Event, bytes] | None = None
        remote = runtime.remote
        listen = remote.server.address if remote is not None else None
        permissions = {"audio": True, "refresh": True, "restart": True, "shutdown": self.allow_shutdown, "sleep": True}
        self.client = HubClient(
            self.url,
            component_uuid(state_dir() / "hub-uuid"),
            lambda: None if listen is None else reachable_address(self.url, listen),  # on the ping thread
            permissions,
            lambda: self._interacting,
            self.command.emit,
            interval=config.hub_interval,
        )
        self.command.connect(self._carry_out, Qt.ConnectionType.QueuedConnection)
        self.grab_wanted.connect(self._grab, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = runtime.controller.machine.subscribe(self._follow)

    def start(self) -> None:
        remote = self.runtime.remote
        if remote is not None:
            remote.server.core = self._core
            threading.Thread(target=self._trust_the_hub, args=(remote,), daemon=True).start()
        self.client.start()

    def stop(self) -> None:
        self._unsubscribe()
        self.client.stop()
        if self.runtime.remote is not None:
            self.runtime.remote.server.core = None

    def _trust_the_hub(self, remote: RemoteControl) -> None:
        """The Hub's addresses, looked up off the GUI thread: only they may call /core/."""
        host = urlparse(self.url).hostname or ""
        try:
            found = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
        except OSError as error:
            log.warning("Exhibitera Hub %s cannot be looked up (%s): /core/ refused to everyone", host, error)
            return
        remote.server.core_clients = frozenset(found)

    def _follow(self, change: Change) -> None:
        self._interacting = change.new.screen is not Screen.ATTRACT
        if self.refresh_pending and change.new.screen is Screen.ATTRACT:
            self.refresh_pending = False
            self.runtime.reload()

    # --- commands, on the GUI thread ------------------------------------------------
    def _carry_out(self, command: str) -> None:
        log.info("Exhibitera Hub: %s", command)
        runtime = self.runtime
        if command == "refresh_page":
            if runtime.controller.machine.state.screen is Screen.ATTRACT:
                runtime.reload()
            else:
                self.refresh_pending = True  # at the next attract loop
        elif command == "restart":
            runtime.restart()
        elif command == "sleep_display":
            runtime.request_display(False)
        elif command == "wake_display":
            runtime.request_display(True)
        elif command == "shutdown":
            if self.allow_shutdown:
                QProcess.startDetached("systemctl", ["poweroff"])
            else:
                log.warning("Exhibitera Hub asked to shut the PC down; not allowed here (hub: allow_shutdown)")

    # --- the receiving API, on the control endpoint's threads -----------------------------
    def _core(self, path: str) -> tuple[int, str, bytes]:
        if path == "/core/screenshot":
            return self._screenshot()
        if path == "/core/restart":
            self.command.emit("restart")
            return 200, "application/json", json.dumps({"success": True}).encode()
        if path == "/core/shutdown":
            if not self.allow_shutdown:
                return 403, "application/json", json.dumps({"success": False, "reason": "not allowed"}).encode()
            self.command.emit("shutdown")
            return 200, "application/json", json.dumps({"success": True}).encode()
        return 404, "application/json", json.dumps({"success": False, "reason": "unknown"}).encode()

    def _screenshot(self) -> tuple[int, str, bytes]:
        done = threading.Event()
        self._shot = (done, b"")
        self.grab_wanted.emit()
        if not done.wait(SCREENSHOT_WAIT) or self._shot is None or not self._shot[1]:
            return 503, "text/plain; charset=utf-8", b"the screen could not be captured in time\n"
        return 200, "image/jpeg", self._shot[1]

    def _grab(self) -> None:
        if self._shot is None:
            return
        done, _ = self._shot
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6's stub says bytes for the format; at run time only str is accepted
        self.runtime.window.grab().toImage().save(buffer, "JPEG", 80)  # type: ignore[call-overload]
        buffer.close()
        self._shot = (done, bytes(data.data()))
        done.set()
