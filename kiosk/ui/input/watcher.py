"""Watches every press, release and key in the application.

It never consumes input; it reports it: any press or key is activity for the
idle timer, a press in the staff corner is a corner tap, a quick sideways
stroke is a swipe, and some keys are navigation. Touches reach us as the
mouse events Qt synthesises from them, except where a widget (the zoom view)
takes the touch itself.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.core import events as ev
from kiosk.core.swipe import Gesture, classify

CORNER = 110
"""Size in px (at 1080p) of the hidden staff corner, top left."""


@functools.cache
def key_tables() -> dict[str, Any]:
    """The key tables, built on first use: touching Qt.Key makes PySide6 build a
    five-hundred-member enum, which would otherwise delay the first frame."""
    key, mod = Qt.Key, Qt.KeyboardModifier
    return {
        # combinations that quit or switch away in most desktops
        "blocked": (
            (key.Key_F4, mod.AltModifier),
            (key.Key_Q, mod.ControlModifier),
            (key.Key_W, mod.ControlModifier),
            (key.Key_F11, mod.NoModifier),
            (key.Key_Tab, mod.AltModifier),
        ),
        # keys with a meaning of their own: an accessible keypad's arrows, select,
        # back and audio, and a keyboard's
        "events": {
            key.Key_Right: ev.Next,
            key.Key_Left: ev.Previous,
            key.Key_Escape: ev.Back,
            key.Key_Backspace: ev.Back,
            key.Key_Home: ev.Home,
            key.Key_A: ev.ToggleNarration,
            key.Key_MediaPlay: ev.ToggleNarration,
            key.Key_MediaTogglePlayPause: ev.ToggleNarration,
        },
        "focus": {key.Key_Up: -1, key.Key_Down: 1, key.Key_Tab: 1, key.Key_Backtab: -1},
        "select": (key.Key_Return, key.Key_Enter, key.Key_Space, key.Key_Select),
        "volume": {
            key.Key_Plus: 0.1,
            key.Key_Equal: 0.1,
            key.Key_VolumeUp: 0.1,
            key.Key_Minus: -0.1,
            key.Key_VolumeDown: -0.1,
        },
        # PageUp/PageDown scroll the label (at large text sizes it runs past the screen)
        "scroll": {key.Key_PageDown: 1, key.Key_PageUp: -1},
        # arrows move a zoomed picture
        "pan": {key.Key_Left: (1, 0), key.Key_Right: (-1, 0), key.Key_Up: (0, 1), key.Key_Down: (0, -1)},
        "describe": (key.Key_D, key.Key_Help),
        "slower": (key.Key_S,),
    }


DISPLAY_OFF_SWALLOWS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Wheel,
    }
)


class InputWatcher(QObject):
    intent = Signal(object)  # a core event
    focus_step = Signal(int)  # move keyboard focus through the screen's controls
    select = Signal()  # activate the focused control
    volume_step = Signal(float)
    woke_by_key = Signal()  # a key woke the kiosk from attract or the idle warning
    touched = Signal()  # a finger or the mouse: the keyboard's focus ring goes
    describe = Signal()  # speak the picture's alt text (audio description)
    slower = Signal()  # toggle slower speech
    scroll = Signal(int)  # page the label down (1) or up (-1)
    pan = Signal(int, int)  # move a zoomed picture by a step in x and y
    period_step = Signal(int)  # on a long exhibit's timeline strip: the previous (-1) or next (1) period

    def __init__(self, window: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self._start: tuple[QPointF, float] | None = None
        self.lockdown = False
        """In kiosk mode, swallow the key combinations that would quit or switch away."""
        self.asleep: Callable[[], bool] = lambda: False
        """True on attract or under the idle warning: a key then only wakes the kiosk."""
        self.zoomed: Callable[[], bool] = lambda: False
        """True on the zoom screen: the arrows pan the picture."""
        self.on_periods: Callable[[], bool] = lambda: False
        """True while the keypad is on a timeline strip of periods: Left/Right move by period."""
        self.keyboard = False
        """The last input came from keys (a keypad visitor), not a finger."""
        self.display_off = False
        """The display is off: no input reaches the kiosk but a touch in the corner."""
        self.on_dark_corner: Callable[[], None] = lambda: None
        """Called for a touch in the top-left corner of the dark screen (staff waking it)."""

    def _scale(self) -> float:
        return max(0.6, min(self.window.width(), self.window.height()) / 1080)

    def _is_ours(self, watched: QObject) -> bool:
        """Every input reaches the top-level QWindow once, before any widget."""
        return isinstance(watched, QWindow) and watched is self.window.windowHandle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._is_ours(watched):
            return False
        kind = event.type()
        if self.display_off and kind in DISPLAY_OFF_SWALLOWS:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and self._in_corner(event):
                self.on_dark_corner()
            return True
        if kind == QEvent.Type.MouseButtonPress:
            self._press(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.MouseButtonRelease:
            self._release(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.TouchBegin:
            self._touched()
            self.intent.emit(ev.Touch())
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if self.lockdown and self._blocked(event):  # type: ignore[arg-type]
                return True
            if kind == QEvent.Type.KeyPress:
                return self._key(event)  # type: ignore[arg-type]
            return kind == QEvent.Type.ShortcutOverride and Qt.Key(event.key()) in key_tables()["select"]  # type: ignore[attr-defined]
        return False

    def _in_corner(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if not points:
                return False
            point = points[0].position()
        elif isinstance(event, QMouseEvent):
            point = event.position()
        else:
            return False
        return self._at_corner(point)

    def _at_corner(self, point: QPointF) -> bool:
        """The top-left corner staff tap (the gesture, and waking a dark kiosk)."""
        corner = CORNER * self._scale()
        return point.x() < corner and point.y() < corner

    @staticmethod
    def _blocked(event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return any(event.key() == key and mods == mod for key, mod in key_tables()["blocked"])

    def _press(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position()
        self._touched()
        self._start = (point, self.clock())
        if self._at_corner(point):
            self.intent.emit(ev.CornerTap())
        else:
            self.intent.emit(ev.Touch())

    def _touched(self) -> None:
        if self.keyboard:
            self.keyboard = False
        self.touched.emit()

    def _release(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._start is None:
            return
        start, began = self._start
        self._start = None
        end = event.position()
        gesture = classify((start.x(), start.y()), (end.x(), end.y()), self.clock() - began, scale=self._scale())
        if gesture is Gesture.SWIPE_LEFT:
            self.intent.emit(ev.Next())
        elif gesture is Gesture.SWIPE_RIGHT:
            self.intent.emit(ev.Previous())

    def _key(self, event: QKeyEvent) -> bool:
        """Every key is activity; the keys we know are consumed here."""
        key, tables = Qt.Key(event.key()), key_tables()
        if event.isAutoRepeat() and key not in tables["focus"]:
            return True
        asleep = self.asleep()
        self.keyboard = True
        self.intent.emit(ev.Touch())
        if asleep:
            self.woke_by_key.emit()
            return True  # like the touch that wakes the kiosk, this key does nothing else
        if self.zoomed() and key in tables["pan"]:
            self.pan.emit(*tables["pan"][key])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.on_periods():
            self.period_step.emit(1 if key == Qt.Key.Key_Right else -1)
        elif key in tables["events"]:
            self.intent.emit(tables["events"][key]())
        elif key in tables["focus"]:
            self.focus_step.emit(tables["focus"][key])
        elif key in tables["select"]:
            self.select.emit()
        elif key in tables["volume"]:
            self.volume_step.emit(tables["volume"][key])
        elif key in tables["scroll"]:
            self.scroll.emit(tables["scroll"][key])
        elif key in tables["describe"]:
            self.describe.emit()
        elif key in tables["slower"]:
            self.slower.emit()
        else:
            return False
        return True
