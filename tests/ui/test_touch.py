"""Real touch input: swipes, taps, extra fingers and pinch."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.core import events as ev
from kiosk.core.navigation import Screen
from tests.ui.conftest import Kiosk

TOUCH = QTest.createTouchDevice()


def swipe(kiosk: Kiosk, start: QPoint, end: QPoint, steps: int = 5) -> None:
    kiosk.clock.advance(1)
    QTest.touchEvent(kiosk.window, TOUCH).press(0, start).commit()
    for i in range(1, steps + 1):
        kiosk.clock.advance(0.02)
        point = start + (end - start) * (i / steps)
        QTest.touchEvent(kiosk.window, TOUCH).move(0, point).commit()
    QTest.touchEvent(kiosk.window, TOUCH).release(0, end).commit()


def test_touch_on_attract_starts(kiosk: Kiosk) -> None:
    QTest.touchEvent(kiosk.window, TOUCH).press(0, QPoint(900, 500)).commit()
    QTest.touchEvent(kiosk.window, TOUCH).release(0, QPoint(900, 500)).commit()
    assert kiosk.state.screen is Screen.HOME


def test_swipe_left_goes_to_next_stop_and_right_to_previous(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(4))
    swipe(kiosk, QPoint(1500, 400), QPoint(900, 420))
    assert kiosk.state.stop == 5
    swipe(kiosk, QPoint(700, 400), QPoint(1400, 380))
    swipe(kiosk, QPoint(700, 400), QPoint(1400, 380))
    assert kiosk.state.stop == 3


def test_slow_drag_and_vertical_scroll_are_not_swipes(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(4))
    swipe(kiosk, QPoint(1500, 300), QPoint(1480, 800))  # reading down the label
    kiosk.clock.advance(1)
    QTest.touchEvent(kiosk.window, TOUCH).press(0, QPoint(1500, 400)).commit()
    kiosk.clock.advance(3)
    QTest.touchEvent(kiosk.window, TOUCH).release(0, QPoint(1300, 400)).commit()  # 200 px in 3 s
    assert kiosk.state.stop == 4


def test_swipe_on_home_opens_the_first_stop(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch())
    swipe(kiosk, QPoint(1200, 900), QPoint(500, 900))
    assert (kiosk.state.screen, kiosk.state.stop) == (Screen.STOP, 0)


def test_a_second_finger_does_not_break_a_swipe(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(4))
    kiosk.clock.advance(1)
    QTest.touchEvent(kiosk.window, TOUCH).press(0, QPoint(1500, 400)).commit()
    QTest.touchEvent(kiosk.window, TOUCH).stationary(0).press(1, QPoint(300, 900)).commit()
    QTest.touchEvent(kiosk.window, TOUCH).move(0, QPoint(900, 400)).stationary(1).commit()
    QTest.touchEvent(kiosk.window, TOUCH).release(0, QPoint(900, 400)).release(1, QPoint(300, 900)).commit()
    assert kiosk.state.screen is Screen.STOP and kiosk.state.stop in (4, 5)


def test_pinch_zooms_and_double_tap_resets(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0), ev.OpenImage(0))
    kiosk.settle()
    view, window = kiosk.window.zoom.view, kiosk.window
    centre = view.rect().center()
    a, b = view.mapTo(window, centre - QPoint(100, 0)), view.mapTo(window, centre + QPoint(100, 0))
    # touches go to the window, as the platform sends them; Qt routes them to the view
    QTest.touchEvent(window, TOUCH).press(0, a).press(1, b).commit()
    for step in range(1, 6):
        QTest.touchEvent(window, TOUCH).move(0, a - QPoint(40 * step, 0)).move(1, b + QPoint(40 * step, 0)).commit()
    QTest.touchEvent(window, TOUCH).release(0, a - QPoint(200, 0)).release(1, b + QPoint(200, 0)).commit()
    assert 2.5 < view.zoom < 3.5  # fingers from 200 px apart to 600 px apart
    assert kiosk.state.screen is Screen.ZOOM  # a pinch is not a swipe
    wide = view.picture_rect().width()
    assert wide > view.width()
    QTest.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert view.zoom == 1.0  # double-tap on a zoomed picture: back to whole
    QTest.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert view.zoom == 2.5


def test_drag_pans_a_zoomed_picture_within_its_edges(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0), ev.OpenImage(0))
    view = kiosk.window.zoom.view
    view.set_zoom(3.0)
    before = view.picture_rect()
    view.pan(QPoint(-5000, 0))
    after = view.picture_rect()
    assert after.left() < before.left()
    assert after.right() >= view.width() - 1  # never past the picture's edge


def test_a_second_tap_during_the_slide_moves_on_again(kiosk) -> None:
    """Tapping Next twice to skip a stop: the second tap, mid-transition, is honoured."""
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    kiosk.settle()
    kiosk.clock.advance(1)
    kiosk.window.stop.next.click()
    assert kiosk.window.transitioning and kiosk.state.stop == 1
    kiosk.clock.advance(0.15)
    kiosk.window.stop.next.click()
    assert kiosk.state.stop == 2 and kiosk.window.transitioning  # retargeted, not dropped
    assert kiosk.window.stop.title.text() == kiosk.exhibit.stops[2].title["es"]
