"""Touch latency, transition smoothness and memory, on a real window offscreen."""

from __future__ import annotations

import functools
import itertools
import random
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.bench.stats import rss_mb
from kiosk.core import events as ev
from kiosk.core.loader import load_exhibit
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.qtapp import application
from kiosk.ui.runtime.window import KioskWindow
from kiosk.ui.style.fonts import register_fonts


class Clock:
    """An accelerated clock: the bench decides how much time passes."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Rig:
    app: QApplication
    window: KioskWindow
    controller: KioskController
    store: ImageStore
    clock: Clock

    def settle(self) -> None:
        for _ in range(3):
            self.store.wait()
            self.app.processEvents()
        # Outside app.exec(), processEvents() leaves deleteLater() undone; the kiosk's own
        # event loop does it, so the bench must too or it measures its own leak.
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def at_rest(self) -> None:
        """Settled, with no transition half-way: a fade holds a window-sized
        picture while it runs, which would show as megabytes come and gone.
        The neighbours' pictures are decoded too (they start some 40 ms after a
        stop opens) and the neighbours drawn ahead (some 320 ms after): a
        visitor takes longer than that between two swipes."""
        self.settle()
        self.window.end_transition()
        while self.controller.preloading() or self.window.frames_ahead.pending():
            self.app.processEvents()
            time.sleep(0.002)
        self.settle()

    def close(self) -> None:
        self.controller.stop()
        self.store.wait()
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()


def make_rig(exhibit_path: Path) -> Rig:
    app = application()
    store = ImageStore()
    window = KioskWindow(store, register_fonts())
    window.resize(1920, 1080)
    window.show()
    clock = Clock()
    controller = KioskController(load_exhibit(exhibit_path), window, clock=clock)
    controller.start()
    controller.timer.stop()  # the bench sends the ticks
    return Rig(app, window, controller, store, clock)


@functools.cache
def _touch_device() -> QPointingDevice:
    """One simulated touchscreen for the whole bench (Qt keeps every one made)."""
    return QTest.createTouchDevice()


def first_tap_ms(rig: Rig) -> float:
    """A fresh kiosk with its screens built as at READY=1: a visitor touches the
    attract screen and taps the first stop; milliseconds to the stop painted."""
    rig.window.build_all()  # what the supervisor does just after READY=1
    rig.settle()
    rig.clock.now += 1
    rig.controller.send(ev.Touch())
    rig.settle()
    rig.clock.now += 1
    started = time.perf_counter()
    rig.controller.send(ev.OpenStop(0))
    view = rig.window.stop.image
    while not view.has_image and not view.showing_fallback:
        rig.app.processEvents()
    rig.window.repaint()
    return (time.perf_counter() - started) * 1000


def swipe(rig: Rig, forward: bool) -> None:
    start, end = (QPoint(1500, 500), QPoint(700, 500)) if forward else (QPoint(700, 500), QPoint(1500, 500))
    device = _touch_device()
    rig.clock.now += 1.0
    # commit(False): delivered as a screen delivers them, without QTest's extra repaint after each
    QTest.touchEvent(rig.window, device, autoCommit=False).press(0, start).commit(False)
    QTest.touchEvent(rig.window, device, autoCommit=False).move(0, (start + end) / 2).commit(False)
    QTest.touchEvent(rig.window, device, autoCommit=False).release(0, end).commit(False)


class _FirstFrame(QObject):
    """When the transition's top layer is painted: the last thing a frame paints
    (the new stop's edge drawn ahead, or the still of the old stop over the new one)."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__()
        self.window = window
        self.times: list[float] = []
        for layer in (window.snapshot, window.incoming):
            layer.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            top = self.window.incoming if self.window.incoming.isVisible() else self.window.snapshot
            if watched is top:
                self.times.append(time.perf_counter())
        return False

    def close(self) -> None:
        for layer in (self.window.snapshot, self.window.incoming):
            layer.removeEventFilter(self)


def touch_latency(rig: Rig, navigations: int) -> list[float]:
    """From the finger lifting to the first frame of the next stop, with its picture (ms).

    The frame is timed when its top layer is painted; a stop whose picture is
    not decoded yet keeps the clock running until it is, and is painted whole."""
    rig.clock.now += 1
    rig.controller.send(ev.Touch())
    rig.clock.now += 1
    rig.controller.send(ev.OpenStop(0))
    rig.at_rest()
    stops = len(rig.controller.exhibit.stops)
    samples = []
    forward = True
    frames = _FirstFrame(rig.window)
    for _ in range(navigations):
        index = rig.controller.machine.state.stop
        if index == stops - 1:
            forward = False
        elif index == 0:
            forward = True
        frames.times.clear()
        started = time.perf_counter()
        swipe(rig, forward)
        view = rig.window.stop.image
        if view.has_image and rig.window.transitioning:
            while not frames.times:
                rig.app.processEvents()
            ended = frames.times[0]
        else:
            while not view.has_image:  # a picture not yet decoded keeps the clock running
                rig.app.processEvents()
            rig.window.repaint()  # the frame, fully painted (or cut to, in reduced motion)
            ended = time.perf_counter()
        samples.append((ended - started) * 1000)
        rig.at_rest()  # preloads done, neighbours drawn ahead, transition ended, before the next swipe
    frames.close()
    return samples


class _FrameCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


def transition_frames(rig: Rig, transitions: int) -> tuple[float, float]:
    """Frames per second and the longest gap (ms) while a stop slides away."""
    counter = _FrameCounter()
    rig.window.snapshot.installEventFilter(counter)
    fps, gaps = [], []
    for _ in range(transitions):
        counter.times.clear()
        forward = rig.controller.machine.state.stop < len(rig.controller.exhibit.stops) - 1
        rig.clock.now += 1
        rig.controller.send(ev.Next() if forward else ev.Previous())
        began = time.perf_counter()
        while rig.window.transitioning:
            rig.app.processEvents()
        ended = time.perf_counter()
        frames = counter.times
        if len(frames) >= 2:
            fps.append((len(frames) - 1) / (frames[-1] - frames[0]))
            points = [began, *frames, ended]
            gaps.append(max(b - a for a, b in itertools.pairwise(points)) * 1000)
        rig.settle()
    rig.window.snapshot.removeEventFilter(counter)
    fps.sort()
    gaps.sort()
    return fps[len(fps) // 2], gaps[-1]


def soak(rig: Rig, events: int, resets: int, seed: int = 1952) -> tuple[float, float, float]:
    """RSS after start, after a warm-up tour, and after random visitors and resets."""
    rss_start = rss_mb()
    _tour(rig)
    rig.at_rest()
    rss_warm = rss_mb()
    chooser = random.Random(seed)
    stops = len(rig.controller.exhibit.stops)
    every = max(1, events // max(1, resets))
    for number in range(events):
        rig.clock.now += chooser.uniform(0.05, 3.0)
        rig.controller.send(_random_event(chooser, stops))
        if number % every == every - 1:  # a visitor walks away
            rig.clock.now += 200
            rig.controller.send(ev.Tick())
        if number % 50 == 0:
            rig.settle()
    rig.at_rest()
    return rss_start, rss_warm, rss_mb()


def _tour(rig: Rig) -> None:
    """Every screen in every language and text size, so every cache holds what a
    day of visitors fills it with; growth after this is what a leak would show."""
    for lang in rig.controller.exhibit.language_codes:
        for level in range(3):
            rig.clock.now += 200
            rig.controller.send(ev.Tick())  # back to attract
            _visit_everything(rig, lang, level)
    _attract_loop(rig)


def _visit_everything(rig: Rig, lang: str, level: int) -> None:
    send = rig.controller.send
    for event in (ev.Touch(), ev.SetLanguage(lang), ev.SetTextSize(level)):
        rig.clock.now += 1
        send(event)
    for index, stop in enumerate(rig.controller.exhibit.stops):
        rig.clock.now += 1
        send(ev.OpenStop(index) if index == 0 else ev.Jump(index))
        for image in range(len(stop.images)):
            rig.clock.now += 1
            send(ev.OpenImage(image))
            rig.settle()
            rig.clock.now += 1
            send(ev.CloseImage())
        rig.settle()


def _attract_loop(rig: Rig) -> None:
    rig.clock.now += 200
    rig.controller.send(ev.Tick())
    for _slide in range(rig.controller.machine.shape.slide_count):
        rig.clock.now += rig.controller.exhibit.attract.slide_seconds
        rig.controller.send(ev.Tick())
        rig.window.attract.repaint()
        rig.settle()


def _random_event(chooser: random.Random, stops: int) -> ev.Event:
    kind = chooser.randrange(12)
    return (
        ev.Touch(),
        ev.Next(),
        ev.Previous(),
        ev.Home(),
        ev.Back(),
        ev.OpenImage(chooser.randrange(2)),
        ev.CloseImage(),
        ev.OpenStop(chooser.randrange(stops)),
        ev.Jump(chooser.randrange(stops)),
        ev.SetLanguage(chooser.choice(["es", "en"])),
        ev.SetTextSize(chooser.randrange(3)),
        ev.ToggleNarration(),
    )[kind]
