"""Connects the navigation machine to the window: events in, state out.

One QTimer, parented here and so living on the GUI thread, sends the
machine its clock ticks. The clock itself is injected, so tests can drive
the idle timeout in milliseconds of real time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, QTimer, Signal

from kiosk.core import events as ev
from kiosk.core.idle import IdlePolicy, SlideClock
from kiosk.core.machine import NavigationMachine
from kiosk.core.model import Exhibit
from kiosk.core.navigation import Change, Effect
from kiosk.core.shape import Shape
from kiosk.core.staff import PinLock
from kiosk.core.state import Screen
from kiosk.core.strings import tr
from kiosk.ui.input.keypad import KeypadFocus
from kiosk.ui.input.watcher import InputWatcher
from kiosk.ui.media.narration import Narrator
from kiosk.ui.runtime import accessibility
from kiosk.ui.runtime.window import KioskWindow

log = logging.getLogger(__name__)

TICK_MS = 200
PRELOAD_AFTER_MS = 40
"""How long after a stop opens its neighbours' pictures start decoding: after
its first frame is on the screen (some 10 to 20 ms), long before a finger can
ask for the next stop."""


class KioskController(QObject):
    effect = Signal(object)  # Effect

    def __init__(
        self,
        exhibit: Exhibit,
        window: KioskWindow,
        clock: Callable[[], float] = time.monotonic,
        language: str | None = None,
        reduced_motion: bool = False,
        pin_lock: PinLock | None = None,
        tick_ms: int = TICK_MS,
        narrator: Narrator | None = None,
    ) -> None:
        super().__init__(window)
        self.exhibit, self.window = exhibit, window
        window.store.media_root = exhibit.media_root  # no file outside it reaches the screen
        self.machine = NavigationMachine(
            Shape.of(exhibit),
            clock,
            idle=IdlePolicy(exhibit.attract.idle_timeout, exhibit.attract.warning),
            slides=SlideClock(exhibit.attract.slide_seconds),
            pin_lock=pin_lock,
            default_language=language,
            reduced_motion=reduced_motion,
        )
        self.machine.subscribe(self._changed)
        self.watcher = InputWatcher(window, clock)
        self.keypad = KeypadFocus(window)
        self.watcher.intent.connect(self.send)
        self.watcher.asleep = lambda: self.machine.state.screen is Screen.ATTRACT or self.machine.state.warning
        self.watcher.zoomed = lambda: self.machine.state.screen is Screen.ZOOM and self.keypad.zoomed_in()
        self.watcher.on_periods = self._on_periods
        self.watcher.period_step.connect(self._period_step)
        self.watcher.focus_step.connect(self.keypad.move_focus)
        self.watcher.select.connect(self.keypad.activate_focus)
        self.watcher.volume_step.connect(self._volume_step)
        self.watcher.woke_by_key.connect(self._woke_by_key)
        self.watcher.touched.connect(self.keypad.clear_focus)
        self.watcher.describe.connect(self._describe)
        self.watcher.slower.connect(self._toggle_slow)
        self.watcher.scroll.connect(self.keypad.scroll_reading)
        self.watcher.pan.connect(self.keypad.pan_picture)
        # Without a narrator, none that could start an engine: tests and tools never meet the host's.
        self.narrator = narrator or Narrator(self, engine="none")
        self.narrator.setParent(self)
        self.default_volume = self.narrator.volume
        self.narrator.finished.connect(lambda: self.send(ev.NarrationEnded()))
        self.narrator.availability.connect(self._rerender)
        self.narrator.set_exhibit(exhibit, self._hints())
        window.can_listen = self.narrator.can_narrate
        window.listen_unavailable = self.narrator.unavailable
        window.intent.connect(self.send)
        self._hint_given = False
        accessibility.install()
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(lambda: self.send(ev.Tick()))
        self._preload = QTimer(self)
        self._preload.setSingleShot(True)
        self._preload.setInterval(PRELOAD_AFTER_MS)
        self._preload.timeout.connect(self._preload_neighbours)

    def start(self) -> None:
        from kiosk.ui.runtime.qtapp import application

        application().installEventFilter(self.watcher)
        self.window.show_state(self.exhibit, self.machine.state)
        self.timer.start()

    def stop(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.timer.stop()
        self.narrator.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)

    def send(self, event: ev.Event) -> None:
        self.machine.dispatch(event)

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """New content is in place: keep the visitor as near as possible."""
        self.exhibit = exhibit
        self.window.store.media_root = exhibit.media_root
        self.narrator.set_exhibit(exhibit, self._hints())
        self.machine.dispatch(ev.ContentReloaded(Shape.of(exhibit)))
        self.window.show_state(self.exhibit, self.machine.state)

    def _hints(self) -> dict[str, str]:
        return {code: tr(code, "keys_hint") for code in self.exhibit.language_codes}

    def _announce(self, change: Change) -> None:
        """A stop that opens is read out by the screen reader, title first."""
        old, new = change.old, change.new
        if new.screen is Screen.STOP and (
            old.screen is not Screen.STOP or old.stop != new.stop or old.visit.language != new.visit.language
        ):
            accessibility.announce(self.window.stop, self.window.stop.spoken())
            focused = self.window.focusWidget()
            if focused is self.window.stop.image and old.screen is Screen.STOP:
                # A keypad visitor moved on with the picture focused: focus it anew, so a
                # screen reader presents the new stop as it does one just opened.
                focused.clearFocus()
                self.keypad.focus_first()

    def _rerender(self) -> None:
        """What can be heard changed: the Listen button follows."""
        if self.machine.state.screen in (Screen.STOP, Screen.ZOOM):
            self.window.show_state(self.exhibit, self.machine.state)

    def _woke_by_key(self) -> None:
        """A keypad woke the kiosk: show where the focus is, and once per visit say what the keys do."""
        self.keypad.focus_first()
        if not self._hint_given:
            self._hint_given = True
            lang = self.machine.state.visit.language
            self.narrator.hint(tr(lang, "keys_hint"), lang)

    def _describe(self) -> None:
        """Audio description: the picture on screen, read aloud."""
        state = self.machine.state
        if state.screen in (Screen.STOP, Screen.ZOOM):
            image = state.image if state.screen is Screen.ZOOM else self.keypad.focused_image_index()
            self.narrator.describe(self.exhibit, state.stop, image, state.visit.language)

    def _on_periods(self) -> bool:
        stop = self.window.screens.get(Screen.STOP)
        return (
            self.machine.state.screen is Screen.STOP
            and stop is not None
            and self.window.focusWidget() is getattr(stop, "strip", None)
        )

    def _period_step(self, step: int) -> None:
        """Left/Right on a strip of periods: the first stop of the period before or after."""
        self.send(ev.Jump(self.window.stop.strip.period_start(step)))

    def _volume_step(self, step: float) -> None:
        self.narrator.set_volume(self.narrator.volume + step)

    def _toggle_slow(self) -> None:
        self.narrator.set_slow(not self.narrator.slow)

    def _changed(self, change: Change) -> None:
        state = change.new
        log.debug(
            "state screen=%s stop=%d image=%d lang=%s warning=%s",
            state.screen.value,
            state.stop,
            state.image,
            state.visit.language,
            state.warning,
        )
        accessibility.set_language(self.window, state.visit.language)
        self.window.show_state(self.exhibit, state)
        self._announce(change)
        self.narrator.follow(self.exhibit, state)
        if Effect.SESSION_ENDED in change.effects or state.screen is Screen.ATTRACT:
            if Effect.SESSION_ENDED in change.effects:
                self.narrator.set_volume(self.default_volume)
                self.narrator.set_slow(False)
            self._hint_given = False
            self.keypad.clear_focus()  # one visitor's focus ring is not the next one's
        if self.watcher.keyboard and change.old.screen != state.screen:
            self.keypad.focus_first()
        if change.new.screen is Screen.STOP:
            # After the new stop's first frame, not during it: on a small machine
            # the decoders would take the cores that frame needs (`kiosk bench`).
            self._preload.start()
        for effect in change.effects:
            self.effect.emit(effect)

    def preloading(self) -> bool:
        """The neighbours' pictures are about to be asked for."""
        return self._preload.isActive()

    def _preload_neighbours(self) -> None:
        """Decode the stops either side of the one on screen, so a swipe finds them ready."""
        if self.machine.state.screen is not Screen.STOP:
            return
        index = self.machine.state.stop
        size = self.window.stop.image.size()
        if size.width() < 10:
            size = QSize(self.window.width() // 2, self.window.height() // 2)
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(self.exhibit.stops):
                image = self.exhibit.stops[neighbour].images[0]
                self.window.store.request(image.path_for(self.machine.state.visit.language), size)
