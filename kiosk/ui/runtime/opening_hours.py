"""Opening hours as part of the running kiosk: the screen dark outside them.

``kiosk.core.schedule.DisplayPolicy`` decides; this applies its answer every
fifteen seconds and at once when staff act (a ``/display`` command, a touch in
the corner of the dark screen). The screen is also asked to sleep, in the
way ``kiosk.core.display_power`` picks (DPMS on X11; a backlight through
logind or a monitor over DDC/CI, on Wayland as on X11), by a command
started detached with a deadline, so the GUI thread never waits on it.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.core import display_power
from kiosk.core.display_power import Backlight
from kiosk.core.schedule import DisplayPolicy, Schedule

log = logging.getLogger(__name__)

CHECK_MS = 15_000


class Screen(Protocol):
    display_on: bool

    def set_display(self, on: bool) -> None: ...


class ScreenPower(QObject):
    """Ask the display to sleep or wake where that is possible, without waiting:
    the command runs as a QProcess and its answer lands in ``said`` when it ends."""

    def __init__(self, method: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.method = method
        self.said = "never changed"
        self._process: QProcess | None = None
        self._lit: Backlight | None = None
        """The backlight as it was before it went dark, to set it back the same."""

    def switch(self, on: bool) -> None:
        lights = display_power.backlights()
        way = display_power.choose(self.method, QGuiApplication.platformName(), shutil.which, lights)
        current = lights[0] if lights else None
        if not on:
            self._lit = current
        light = (self._lit or current) if on else current
        planned = display_power.command(way, on, shutil.which, light)
        if isinstance(planned, str):
            self.said = planned
            return
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()  # a command that hangs must not pile up
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        command = planned.text
        process.finished.connect(lambda code, _status: self._heard(process, command, code))
        process.errorOccurred.connect(lambda error: self._failed(process, command, error))
        process.start(planned.program, list(planned.arguments))
        deadline = QTimer(process)  # goes with the process: never fires on a deleted one
        deadline.setSingleShot(True)
        deadline.timeout.connect(process.kill)  # a command that never ends is stopped
        deadline.start(int(planned.timeout_s * 1000))
        self._process = process
        self.said = f"{command}: asked"

    def _failed(self, process: QProcess, command: str, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.said = f"{command}: refused (could not start it)"
            if self._process is process:
                self._process = None
            process.deleteLater()

    def _heard(self, process: QProcess, command: str, code: int) -> None:
        answer = bytes(process.readAll().data()).decode(errors="replace").strip().splitlines()
        first = answer[0] if answer else ""
        self.said = f"{command}: done" if code == 0 else f"{command}: refused ({first or f'exit {code}'})"
        if self._process is process:
            self._process = None
        process.deleteLater()


class OpeningHours(QObject):
    def __init__(
        self,
        screen: Screen,
        schedule: Schedule | None,
        wall: Callable[[], float],
        parent: QObject | None = None,
        power: str = "auto",
    ) -> None:
        super().__init__(parent)
        self.screen = screen
        self.policy = DisplayPolicy(schedule, lambda: dt.datetime.fromtimestamp(wall()))
        self.screen_power = ScreenPower(power, self)
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
