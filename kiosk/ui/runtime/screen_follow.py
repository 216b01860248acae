"""The kiosk follows its screen: plugged in late, unplugged, turned to portrait.

A kiosk that boots before its display is switched on, whose display is
replaced, or whose screen is turned (a portrait stand, or the output rotated
by the compositor) must end up full screen on what is there now, with its
layout for the new shape, without anyone restarting it. Qt reports screens as
they come, go and change size; this object moves the window to the screen the
configuration asks for (``screen: N``, or the last one there is) and sets it
full screen again. It only acts once Qt has finished its own moves (a
zero-time timer), and logs each move for staff.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def wanted_screen(screens: list[QScreen], wanted: int) -> QScreen | None:
    """Screen number ``wanted``, or the last one there is (None: none at all)."""
    return screens[min(max(0, wanted), len(screens) - 1)] if screens else None


class ScreenFollower(QObject):
    def __init__(self, app: QGuiApplication, window: QWidget, wanted: int) -> None:
        super().__init__(window)
        self.app, self.window, self.wanted = app, window, wanted
        self.watched: QScreen | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.follow)
        app.screenAdded.connect(self._changed)
        app.screenRemoved.connect(self._changed)
        app.primaryScreenChanged.connect(self._changed)
        self._watch(window.screen())

    def _changed(self, *_: object) -> None:
        self._pending.start()

    def _watch(self, screen: QScreen | None) -> None:
        """Hear when this screen changes size or turns (only the one in use)."""
        if self.watched is screen:
            return
        if self.watched is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone with its screen
                self.watched.geometryChanged.disconnect(self._changed)
        self.watched = screen
        if screen is not None:
            screen.geometryChanged.connect(self._changed)

    def follow(self) -> None:
        """Full screen on the wanted screen, if the window is not already there."""
        target = wanted_screen(self.app.screens(), self.wanted)
        if target is None:
            return  # no screen at all: Qt says when one comes
        self._watch(target)
        geometry: QRect = target.geometry()
        if self.window.screen() is target and self.window.geometry() == geometry and self.window.isFullScreen():
            return
        log.info(
            "screen %s is %dx%d at %d,%d: the kiosk fills it",
            target.name() or "(unnamed)",
            geometry.width(),
            geometry.height(),
            geometry.x(),
            geometry.y(),
        )
        handle = self.window.windowHandle()
        if handle is not None:
            handle.setScreen(target)
        self.window.setGeometry(geometry)
        self.window.showFullScreen()
