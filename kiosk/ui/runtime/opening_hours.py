"""Opening hours as part of the running kiosk: the screen dark outside them.

``kiosk.core.schedule.DisplayPolicy`` decides; this applies its answer every
fifteen seconds and at once when staff act (a ``/display`` command, a touch in
the corner of the dark screen). The screen is asked to sleep where the
platform allows: on X11 with DPMS, through ``xset`` started detached, so the
GUI thread never waits on it; on Wayland the compositor owns the screen's
power and the kiosk only goes black.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.core.schedule import DisplayPolicy, Schedule

log = logging.getLogger(__name__)

CHECK_MS = 15_000


class Screen(Protocol):
    display_on: bool

    def set_display(self, on: bool) -> None: ...


class ScreenPower(QObject):
    """Ask the monitor to sleep or wake where that is possible, without waiting:
    ``xset`` runs as a QProcess and its answer lands in ``said`` when it ends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.said = "never changed"
        self._process: QProcess | None = None

    def switch(self, on: bool) -> None:
        platform = QGuiApplication.platformName()
        xset = shutil.which("xset")
        if platform != "xcb" or not os.environ.get("DISPLAY"):
            self.said = f"black screen; its power is left to the platform ({platform})"
            return
        if xset is None:
            self.said = "black screen; xset is not installed, so the monitor stays powered"
            return
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()  # an xset that hangs must not pile up
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        command = f"xset dpms force {'on' if on else 'off'}"
        process.finished.connect(lambda code, _status: self._heard(process, command, code))
        process.start(xset, command.split()[1:])
        deadline = QTimer(process)  # goes with the process: never fires on a deleted one
        deadline.setSingleShot(True)
        deadline.timeout.connect(process.kill)  # an xset that never ends is stopped
        deadline.start(5000)
        self._process = process
        self.said = f"{command}: asked"

    def _heard(self, process: QProcess, command: str, code: int) -> None:
        answer = bytes(process.readAll().data()).decode(errors="replace").strip().splitlines()
        first = answer[0] if answer else ""
        self.said = f"{command}: done" if code == 0 else f"{command}: refused ({first or f'exit {code}'})"
        if self._process is process:
            self._process = None
        process.deleteLater()


class OpeningHours(QObject):
    def __init__(
        self, screen: Screen, schedule: Schedule | None, wall: Callable[[], float], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.screen = screen
        self.policy = DisplayPolicy(schedule, lambda: dt.datetime.fromtimestamp(wall()))
        self.screen_power = ScreenPower(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.apply)

    def start(self) -> None:
        self.apply()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def apply(self) -> None:
        wanted = self.policy.wanted()
        if wanted != self.screen.display_on:
            self.screen.set_display(wanted)
            self.screen_power.switch(wanted)
            log.info("screen %s", "on" if wanted else "off")

    @property
    def power(self) -> str:
        """What was last done to the screen's power, for the status."""
        return self.screen_power.said

    def command(self, on: bool) -> None:
        """Staff asked for the display on or off: held until the next opening or closing."""
        self.policy.set_override(on)
        self.apply()

    def staff_wake(self) -> None:
        """A touch in the corner of the dark screen: ten minutes of light for staff."""
        if not self.screen.display_on:
            log.info("dark kiosk woken by a touch in the corner for %s", "ten minutes")
        self.policy.staff_wake()
        self.apply()

    def counting(self) -> bool:
        """Visitors are counted inside opening hours only (not while staff work after closing)."""
        return self.policy.open_now()
