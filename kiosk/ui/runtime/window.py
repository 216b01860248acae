"""The kiosk window: shows the screen the state names, and moves between them.

``render`` is the only way in: it receives the navigation state and draws
it. Screen changes slide (stop to stop) or fade, in 250 ms, by animating a
snapshot of the old screen over the new one; with reduced motion they cut.
For Next and Previous the edge of the new stop that the first frame uncovers
was drawn ahead of time (``frames_ahead``): that frame costs two copies, not
a stop laid out and painted.

At start-up only the attract screen is made; the other screens and the idle
warning follow its first frame (``build_all``). PySide's ``Qt`` namespace is
imported only where it is used: touching it first costs some 10 ms.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QPropertyAnimation, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QContextMenuEvent, QImage, QPalette, QResizeEvent
from PySide6.QtWidgets import QGraphicsOpacityEffect, QStackedLayout, QWidget

from kiosk.core.model import Exhibit
from kiosk.core.state import NavState, Screen
from kiosk.core.theme import theme_for
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.frames_ahead import FramesAhead
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.snapshot import Snapshot

if TYPE_CHECKING:
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.idle_warning import IdleWarning
    from kiosk.ui.screens.staff import PinPadScreen, StaffPanelScreen, StaffStatus
    from kiosk.ui.screens.stop import StopScreen
    from kiosk.ui.screens.zoom import ZoomScreen

log = logging.getLogger(__name__)

TRANSITION_MS = 250
FIRST_STEP_MS = 16


class KioskWindow(QWidget):
    intent = Signal(object)  # core events from any screen

    def __init__(self, store: ImageStore, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk_mode = False
        self.allow_close = True
        self.setWindowTitle("Museum kiosk")
        self.setAutoFillBackground(True)
        self.store, self.family = store, family
        self.can_listen = lambda stop, lang: False
        """Whether a stop can be heard; the controller's narrator answers."""
        self.listen_unavailable = lambda stop, lang: False
        """Whether a stop's narration is there but its engine is being restarted."""
        self.staff_status: Callable[[], StaffStatus] | None = None
        """Where the staff panel gets its status from; the runtime sets it."""
        self.screen_follower: QObject | None = None
        """In kiosk mode, what keeps the window full screen as screens come, go and turn."""
        self.stack = QStackedLayout(self)
        self.attract = AttractScreen(store)
        self.stack.addWidget(self.attract)
        self.screens: dict[Screen, QWidget] = {Screen.ATTRACT: self.attract}

        self._warning: QWidget | None = None
        self.dark: QWidget | None = None
        """Black over everything while the display is off (opening hours, or staff asked)."""
        self.snapshot = Snapshot(self)
        self.snapshot.hide()
        self.incoming = Snapshot(self)
        """The new stop's edge drawn ahead, under the snapshot, where it first uncovers it."""
        self.incoming.hide()
        self.incoming.set_opaque(True)
        self.frames_ahead = FramesAhead(self._make_spare_stop, lambda: self.transitioning, self._frame_format, self)
        # Two animations made once and reused: one made per transition would stay
        # parented to the window for ever, a few hundred bytes each, all day long.
        self._fade_effect = QGraphicsOpacityEffect(self.snapshot)
        self._fade_effect.setEnabled(False)
        self.snapshot.setGraphicsEffect(self._fade_effect)
        self._slide = QPropertyAnimation(self.snapshot, b"pos", self)
        self._fade = QPropertyAnimation(self._fade_effect, b"opacity", self)
        for animation in (self._slide, self._fade):
            animation.setDuration(TRANSITION_MS)
            animation.setEasingCurve(QEasingCurve.Type.OutCubic)
            animation.finished.connect(self._transition_ended)
        self._animation: QPropertyAnimation | None = None
        self.exhibit: Exhibit | None = None
        self.state: NavState | None = None
        self.look: Look | None = None

    # Only attract is needed for the first frame; the runtime builds the other
    # screens just after it (build_all), or each is built at once if asked for sooner.
    def screen_for(self, which: Screen) -> QWidget:
        if which not in self.screens:
            widget = self._make(which)
            self.screens[which] = widget
            self.stack.addWidget(widget)
            widget.intent.connect(self.intent)  # type: ignore[attr-defined]
        return self.screens[which]

    def _make(self, which: Screen) -> QWidget:
        if which is Screen.HOME:
            from kiosk.ui.screens.home import HomeScreen

            home = HomeScreen()
            home.aiming.connect(self._draw_ahead)
            return home
        if which is Screen.STOP:
            from kiosk.ui.screens.stop import StopScreen

            stop = StopScreen(self.store)
            stop.strip.aiming.connect(self._draw_ahead)
            stop.can_listen = self.can_listen
            stop.listen_unavailable = self.listen_unavailable
            return stop
        if which is Screen.ZOOM:
            from kiosk.ui.screens.zoom import ZoomScreen

            return ZoomScreen(self.store)
        from kiosk.ui.screens.staff import PinPadScreen, StaffPanelScreen, StaffStatus

        if which is Screen.STAFF_PIN:
            return PinPadScreen()
        return StaffPanelScreen(lambda: self.staff_status() if self.staff_status else StaffStatus())

    def _make_spare_stop(self) -> StopScreen:
        """A stop screen that never shows: it draws the neighbours ahead (frames_ahead)."""
        from kiosk.ui.screens.stop import StopScreen

        # Never shown, and not the window's child: rendering a hidden child still made
        # the window flush a frame to the screen (seen as X damage after each stop).
        spare = StopScreen(self.store)
        self.destroyed.connect(spare.deleteLater)
        spare.can_listen, spare.listen_unavailable = self.can_listen, self.listen_unavailable  # as the real one
        return spare

    def _draw_ahead(self, stop: int) -> None:
        """A finger is down on ``stop`` (on the strip, or its row at home): draw
        now what the first frame of going there needs, so the lift can paint
        it at once: from a stop, the edge the slide uncovers first; from home,
        the whole stop, which the fade shows through the home screen."""
        state, look = self.state, self.look
        if self.exhibit is None or state is None or look is None or self.transitioning:
            return  # mid-transition, drawing would cost it a frame
        if state.screen is Screen.STOP and stop != state.stop:
            side = 1 if stop > state.stop else -1
        elif state.screen is Screen.HOME:
            side = 0
        else:
            return
        wanted = dataclasses.replace(state, screen=Screen.STOP, stop=stop, image=0)
        self.frames_ahead.draw_now(self.exhibit, wanted, look, (self.width(), self.height()), side)

    def _frame_format(self) -> QImage.Format:
        store = self.backingStore()
        device = store.paintDevice() if store is not None else None
        return device.format() if isinstance(device, QImage) else QImage.Format.Format_RGB32

    def build_all(self) -> None:
        for which in Screen:
            self.screen_for(which)
        self.warning  # noqa: B018 - built now, not when a visitor walks away

    @property
    def warning(self) -> IdleWarning:
        if self._warning is None:
            from kiosk.ui.screens.idle_warning import IdleWarning

            self._warning = IdleWarning(self)
        return cast("IdleWarning", self._warning)

    @property
    def home(self) -> HomeScreen:
        return cast("HomeScreen", self.screen_for(Screen.HOME))

    @property
    def stop(self) -> StopScreen:
        return cast("StopScreen", self.screen_for(Screen.STOP))

    @property
    def zoom(self) -> ZoomScreen:
        return cast("ZoomScreen", self.screen_for(Screen.ZOOM))

    @property
    def pin(self) -> PinPadScreen:
        return cast("PinPadScreen", self.screen_for(Screen.STAFF_PIN))

    @property
    def panel(self) -> StaffPanelScreen:
        return cast("StaffPanelScreen", self.screen_for(Screen.STAFF_PANEL))

    def current_screen(self) -> QWidget:
        current = self.stack.currentWidget()
        return current if current is not None else self.attract

    def show_state(self, exhibit: Exhibit, state: NavState) -> None:
        previous = self.state
        look = Look.make(
            theme_for(state.visit.high_contrast),
            state.visit.text_size,
            self.width(),
            self.height(),
            self.family,
            state.visit.language,
            state.visit.reduced_motion,
        )
        self.exhibit, self.state, self.look = exhibit, state, look
        self._paint_background(look)
        target = self.screen_for(state.screen)
        moving = (
            previous is not None
            and self.isVisible()
            and (previous.screen != state.screen or (state.screen is Screen.STOP and previous.stop != state.stop))
        )
        if moving and previous is not None and not look.reduced_motion:
            self._begin_transition(previous, state, look)
        target.show_state(exhibit, state, look)  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(target)
        self.frames_ahead.plan(exhibit, state, look, (self.width(), self.height()))
        if state.warning:
            self.warning.show_countdown(state.countdown, look)
        elif self._warning is not None and self._warning.isVisible():
            # The touch that dismissed the warning has not been delivered yet (we
            # hear of input before widgets do): let the overlay absorb it first.
            QTimer.singleShot(0, self._hide_warning)

    def _hide_warning(self) -> None:
        if self.state is None or not self.state.warning:
            self.warning.hide()

    def set_display(self, on: bool) -> None:
        """Off: black over every screen (and the screen asked to sleep where it can)."""
        if self.dark is None:
            self.dark = QWidget(self)
            self.dark.setAutoFillBackground(True)
            palette = self.dark.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor("black"))
            self.dark.setPalette(palette)
            self.dark.setAccessibleName("Display off")
        self.dark.setGeometry(self.rect())
        self.dark.setVisible(not on)
        self.dark.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.dark is not None:
            self.dark.setGeometry(self.rect())
        if self.exhibit is not None and self.state is not None:
            self.show_state(self.exhibit, self.state)

    def _paint_background(self, look: Look) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(look.theme.background))
        self.setPalette(palette)

    def _begin_transition(self, old: NavState, new: NavState, look: Look) -> None:
        """Lay a picture of the old screen on top and move it away.

        A tap during a transition retargets it: the running one ends where it
        was going, that screen is drawn whole at once, and the new transition
        starts from it (as phones do), so no tap is lost to an animation.
        To a neighbour drawn ahead, the edge of the new stop that the first step
        uncovers is laid under the snapshot from the picture drawn ahead, and
        the frame is painted at once, before the real stop screen is set up."""
        if self._animation is not None:
            self._animation.stop()
        if self.snapshot.isVisible():
            self.snapshot.hide()
            self.incoming.hide()
            self.current_screen().repaint()  # the screen being left, whole, into the backing store
        self.snapshot.take(self.current_screen())
        self.snapshot.setGeometry(self.rect())
        sliding = new.screen is Screen.STOP and old.screen is Screen.STOP
        ahead = self._frame_ahead(new, look, whole=not sliding) if new.screen is Screen.STOP else None
        if ahead is not None:
            self.incoming.picture = ahead
            left = self.width() - ahead.width() if sliding and new.stop > old.stop else 0
            self.incoming.setGeometry(left, 0, ahead.width(), self.height())
            self.incoming.show()
            self.incoming.raise_()
        self.snapshot.show()
        self.snapshot.raise_()
        self.snapshot.set_opaque(sliding)  # while it covers the new screen, Qt need not paint what is under it
        if sliding:
            direction = -1 if new.stop > old.stop else 1
            self._fade_effect.setEnabled(False)
            animation = self._slide
            animation.setStartValue(QPoint(0, 0))
            animation.setEndValue(QPoint(direction * self.width(), 0))
        else:
            self._fade_effect.setOpacity(1.0)
            self._fade_effect.setEnabled(True)
            animation = self._fade
            animation.setStartValue(1.0)
            animation.setEndValue(0.0)
        self._animation = animation
        animation.start()
        # The first frame after the tap already shows the new screen coming in (one
        # frame into the movement), not the old one standing still a frame longer.
        animation.setCurrentTime(FIRST_STEP_MS)
        if ahead is not None:
            self.repaint()  # that frame now: two pictures, while the stop is set up under them

    def _frame_ahead(self, new: NavState, look: Look, whole: bool) -> QImage | None:
        """The new stop's picture drawn ahead, when it is exactly what the stop will show.

        Not while a keypad visitor's focus ring is on the screen (the picture has none)."""
        focused = self.focusWidget()
        if focused is not None and self.current_screen().isAncestorOf(focused):
            return None
        return self.frames_ahead.frame_for(new, look, (self.width(), self.height()), whole)

    def _transition_ended(self) -> None:
        self.snapshot.hide()
        self.incoming.hide()
        self.incoming.picture = QImage()  # the stop's edge drawn ahead is not kept past its slide

    def end_transition(self) -> None:
        """Jump to the end of any transition (screenshots, proofs, measurements)."""
        if self._animation is not None:
            self._animation.stop()
        self._transition_ended()

    @property
    def transitioning(self) -> bool:
        return self.snapshot.isVisible()

    # --- kiosk mode: a visitor cannot leave ----------------------------------------
    def lock_down(self) -> None:
        """Full screen, frameless; close requests refused until staff allow them."""
        from PySide6.QtCore import Qt  # some 10 ms of PySide enum set-up, which a kiosk pays before its first frame

        self.kiosk_mode, self.allow_close = True, False
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.showFullScreen()
        # A window manager can still iconify, unmap or cover us (its own shortcuts come
        # first): look twice a second and take the screen back. X11 with a window
        # manager is still not a locked kiosk; the cage session is (README).
        self._guard = QTimer(self)
        self._guard.setInterval(500)
        self._guard.timeout.connect(self._keep_the_screen)
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() != "wayland":  # a Wayland kiosk compositor (cage) is the lock itself
            self._guard.start()

    def _keep_the_screen(self) -> None:
        if self.allow_close:
            return
        handle = self.windowHandle()
        lost = (
            not self.isVisible()
            or self.isMinimized()
            or not self.isFullScreen()
            or (handle is not None and not handle.isExposed())
        )
        if lost:
            log.warning("the kiosk window was hidden, iconified or moved away: taking the screen back")
            self.hide()
            self.showFullScreen()
        if lost or not self.isActiveWindow():
            self.raise_()
            self.activateWindow()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()  # no menus on a kiosk, whatever a long press or a right button asks

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            self.kiosk_mode
            and event.type() == event.Type.WindowStateChange
            and not self.isFullScreen()
            and not self.allow_close
        ):
            QTimer.singleShot(0, self.showFullScreen)  # minimised or restored: take it back
