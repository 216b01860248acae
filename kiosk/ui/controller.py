"""Connects the navigation machine to the window: events in, state out.

One QTimer, parented here and so living on the GUI thread, sends the
machine its clock ticks. The clock itself is injected, so tests can drive
the idle timeout in milliseconds of real time.
"""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QObject, QSize, QTimer, Signal

from kiosk.core import events as ev
from kiosk.core.idle import IdlePolicy, SlideClock
from kiosk.core.machine import NavigationMachine
from kiosk.core.model import Exhibit
from kiosk.core.navigation import Change, Effect, Screen
from kiosk.core.shape import Shape
from kiosk.core.staff import PinLock
from kiosk.ui.input import InputWatcher
from kiosk.ui.narration import Narrator
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

TICK_MS = 200


class KioskController(QObject):
    effect = Signal(object)  # Effect

    def __init__(self, exhibit: Exhibit, window: KioskWindow, clock: Callable[[], float] = time.monotonic,
                 language: str | None = None, pin_lock: PinLock | None = None, tick_ms: int = TICK_MS,
                 narrator: Narrator | None = None) -> None:
        super().__init__(window)
        self.exhibit, self.window = exhibit, window
        self.machine = NavigationMachine(
            Shape.of(exhibit), clock,
            idle=IdlePolicy(exhibit.attract.idle_timeout, exhibit.attract.warning),
            slides=SlideClock(exhibit.attract.slide_seconds),
            pin_lock=pin_lock, default_language=language,
        )
        self.machine.subscribe(self._changed)
        self.watcher = InputWatcher(window, clock)
        self.watcher.event.connect(self.send)
        self.watcher.asleep = lambda: self.machine.state.screen is Screen.ATTRACT or self.machine.state.warning
        self.watcher.focus_step.connect(window.move_focus)
        self.watcher.select.connect(window.activate_focus)
        self.watcher.volume_step.connect(lambda step: self.narrator.set_volume(self.narrator.volume + step))
        self.narrator = narrator or Narrator(self)
        self.default_volume = self.narrator.volume
        self.narrator.finished.connect(lambda: self.send(ev.NarrationEnded()))
        window.can_listen = self.narrator.can_narrate
        window.intent.connect(self.send)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(lambda: self.send(ev.Tick()))

    def start(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.instance().installEventFilter(self.watcher)
        self.window.render(self.exhibit, self.machine.state)
        self.timer.start()

    def stop(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.timer.stop()
        self.narrator.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)

    def send(self, event: ev.Event) -> None:
        self.machine.dispatch(event)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """New content is in place: keep the visitor as near as possible."""
        self.exhibit = exhibit
        self.machine.dispatch(ev.ContentReloaded(Shape.of(exhibit)))
        self.window.render(self.exhibit, self.machine.state)

    def _changed(self, change: Change) -> None:
        state = change.new
        log.debug("state screen=%s stop=%d image=%d lang=%s warning=%s", state.screen.value, state.stop,
                  state.image, state.visit.language, state.warning)
        self.window.render(self.exhibit, state)
        self.narrator.follow(self.exhibit, state)
        if Effect.SESSION_ENDED in change.effects:
            self.narrator.set_volume(self.default_volume)
        if change.new.screen is Screen.STOP:
            self._preload_neighbours(change.new.stop)
        for effect in change.effects:
            self.effect.emit(effect)

    def _preload_neighbours(self, index: int) -> None:
        """Decode the stops either side now, so a swipe finds them ready."""
        size = self.window.stop.image.size()
        if size.width() < 10:
            size = QSize(self.window.width() // 2, self.window.height() // 2)
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(self.exhibit.stops):
                self.window.store.request(self.exhibit.stops[neighbour].images[0].path, size)

