"""Next and Previous slide in a picture of the new stop drawn ahead of time.

What a visitor would notice if this went wrong: a first frame of the slide
that is not the stop that then stands (another wrapping, a missing scroll
bar, another language), or a tap during the slide that hits the picture
instead of the button under it.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from kiosk.core import events as ev
from kiosk.core.state import Screen
from kiosk.ui.runtime import frames_ahead
from tests.ui.conftest import Kiosk


@pytest.fixture(autouse=True)
def draw_at_once(monkeypatch) -> None:
    """A visitor gives the kiosk hundreds of milliseconds at rest; tests need not wait them."""
    monkeypatch.setattr(frames_ahead, "DRAW_AFTER_MS", 1)
    monkeypatch.setattr(frames_ahead, "RETRY_MS", 5)


def at_rest(kiosk: Kiosk) -> None:
    """Settled on a stop, its neighbours drawn, no keypad focus (a touch visitor's kiosk)."""
    kiosk.settle()
    kiosk.qtbot.waitUntil(lambda: not kiosk.window.frames_ahead.pending(), timeout=10_000)
    focused = kiosk.window.focusWidget()
    if focused is not None:
        focused.clearFocus()


def ahead(kiosk: Kiosk, step: int) -> QImage | None:
    window = kiosk.window
    state = kiosk.state
    wanted = dataclasses.replace(state, stop=state.stop + step, image=0)
    assert window.look is not None
    return window.frames_ahead.frame_for(wanted, window.look, (window.width(), window.height()))


def on_screen(kiosk: Kiosk, like: QImage, step: int) -> QImage:
    """The edge of the screen uncovered first (its right going forward), as it now stands."""
    kiosk.settle()
    whole = kiosk.window.grab().toImage().convertToFormat(like.format())
    left = whole.width() - like.width() if step > 0 else 0
    return whole.copy(QRect(left, 0, like.width(), like.height()))


def walk(kiosk: Kiosk, stops: range, step: int) -> list[int]:
    """Move stop by stop; the stops whose frame ahead differed from the stop that then stood."""
    wrong = []
    for _ in stops:
        at_rest(kiosk)
        picture = ahead(kiosk, step)
        assert picture is not None, f"stop {kiosk.state.stop + step} was not drawn ahead"
        kiosk.send(ev.Next() if step > 0 else ev.Previous())
        if on_screen(kiosk, picture, step) != picture:
            wrong.append(kiosk.state.stop)
    return wrong


def test_every_stop_drawn_ahead_is_the_stop_as_it_then_stands(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    last = len(kiosk.exhibit.stops) - 1
    assert walk(kiosk, range(last), +1) == []  # every stop, the last (scroll bar) and first included
    assert walk(kiosk, range(3), -1) == []


def test_drawn_ahead_in_the_visitors_language_size_and_contrast(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(5))
    at_rest(kiosk)
    spanish = ahead(kiosk, +1)
    kiosk.send(ev.SetLanguage("en"), ev.SetTextSize(2), ev.SetContrast(True))
    assert ahead(kiosk, +1) is None  # the Spanish picture is not shown to an English visitor
    assert walk(kiosk, range(3), +1) == []
    assert walk(kiosk, range(2), -1) == []
    assert spanish is not None and ahead(kiosk, +1) != spanish


@pytest.mark.parametrize("step", [+1, -1], ids=["next", "previous"])
def test_the_first_frame_shows_the_new_stop_before_it_is_laid_out(kiosk: Kiosk, step: int) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(3))
    at_rest(kiosk)
    picture = ahead(kiosk, step)
    assert picture is not None
    kiosk.clock.advance(1)
    button = kiosk.window.stop.next if step > 0 else kiosk.window.stop.previous
    button.click()  # no events processed after it: what is on the glass now?
    frame = kiosk.window.backingStore().paintDevice()
    assert isinstance(frame, QImage)
    window, incoming, old = kiosk.window, kiosk.window.incoming, kiosk.window.snapshot
    # The old stop moves away over the new one, which stands still: the strip it uncovers
    if step > 0:  # going on, the old stop moves left and uncovers the new one's right edge
        shown = QRect(old.x() + window.width(), 0, -old.x(), window.height())
        assert incoming.geometry() == QRect(window.width() - picture.width(), 0, picture.width(), window.height())
    else:  # going back, it moves right and uncovers the left edge
        shown = QRect(0, 0, old.x(), window.height())
        assert incoming.geometry() == QRect(0, 0, picture.width(), window.height())
    assert 100 < shown.width() <= picture.width()  # moving, and what was drawn ahead fills the gap
    drawn = shown.topLeft() - incoming.pos()
    on_glass = frame.copy(shown).convertToFormat(picture.format())
    assert on_glass == picture.copy(QRect(drawn, shown.size()))


def test_every_frame_of_the_slide_uncovers_the_new_stop_where_it_will_stand(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(6))
    at_rest(kiosk)
    kiosk.clock.advance(1)
    kiosk.window.stop.next.click()
    window, old = kiosk.window, kiosk.window.snapshot
    kiosk.qtbot.waitUntil(lambda: old.x() < -window.width() // 2 or not window.transitioning)
    window.repaint()  # the frame for where the still now is (its paint may not have come round yet)
    frame = window.backingStore().paintDevice()
    assert isinstance(frame, QImage) and window.transitioning
    uncovered = QRect(old.x() + window.width(), 0, -old.x(), window.height())  # wider than the edge drawn ahead
    during = frame.copy(uncovered)
    kiosk.settle()
    final = window.grab().toImage().convertToFormat(during.format())
    assert during == final.copy(uncovered)  # the new stop stands still while the old one moves away


def test_a_tap_during_the_slide_reaches_the_stop_under_the_pictures(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(3))
    at_rest(kiosk)
    kiosk.clock.advance(1)
    kiosk.window.stop.next.click()
    assert kiosk.window.incoming.isVisible()
    button = kiosk.window.stop.next
    centre = button.mapTo(kiosk.window, button.rect().center())
    assert kiosk.window.childAt(centre) is button  # not the still sliding over it
    kiosk.clock.advance(0.15)
    QTest.mouseClick(kiosk.window.childAt(centre), Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert kiosk.state.stop == 5


def test_no_picture_ahead_for_a_keypad_visitor_whose_focus_ring_shows(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(3))
    at_rest(kiosk)
    kiosk.window.stop.next.setFocus(Qt.FocusReason.TabFocusReason)
    kiosk.send(ev.Next())
    assert kiosk.window.transitioning and not kiosk.window.incoming.isVisible()


def test_a_neighbour_is_drawn_only_once_its_pictures_are_decoded(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(3))
    kiosk.settle()
    kiosk.store.clear()  # the neighbours' pictures must be decoded again before they can be drawn
    kiosk.window.frames_ahead.forget()
    assert kiosk.window.look is not None
    kiosk.window.frames_ahead.plan(kiosk.exhibit, kiosk.state, kiosk.window.look, (1920, 1080))
    at_rest(kiosk)
    picture = ahead(kiosk, +1)
    assert picture is not None
    kiosk.send(ev.Next())
    assert on_screen(kiosk, picture, +1) == picture  # drawn with its picture, not an empty frame


@pytest.mark.parametrize(("start", "target"), [(3, 15), (15, 2)], ids=["forward", "back"])
def test_a_finger_down_on_the_strip_draws_that_stop_before_it_lifts(kiosk: Kiosk, start: int, target: int) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(start))
    at_rest(kiosk)
    strip = kiosk.window.stop.strip
    spot = strip.places[target].geometry().center()
    assert strip.tap_target(spot.x()) == target
    kiosk.clock.advance(1)
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, pos=spot)
    step = target - start
    # its pictures were never asked for: they decode while the finger is down, and then it is drawn
    kiosk.qtbot.waitUntil(lambda: ahead(kiosk, step) is not None, timeout=5000)
    picture = ahead(kiosk, step)
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=spot)
    assert kiosk.state.stop == target
    assert kiosk.window.incoming.isVisible()  # the first frame came from the picture drawn ahead
    assert picture is not None and on_screen(kiosk, picture, step) == picture
    at_rest(kiosk)
    window = kiosk.window
    assert window.look is not None
    kept = window.frames_ahead.frame_for(kiosk.state, window.look, (window.width(), window.height()))
    assert kept is None  # kept only until that stop shows: not one more picture all day


def test_a_finger_down_on_a_home_row_draws_its_whole_stop_for_the_fade(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch())
    at_rest(kiosk)
    window, row = kiosk.window, kiosk.window.home.rows[4]
    assert window.look is not None
    size = (window.width(), window.height())
    wanted = dataclasses.replace(kiosk.state, screen=Screen.STOP, stop=4, image=0)
    kiosk.clock.advance(1)
    QTest.mousePress(row, Qt.MouseButton.LeftButton, pos=row.rect().center())
    kiosk.qtbot.waitUntil(lambda: window.frames_ahead.frame_for(wanted, window.look, size, whole=True) is not None)
    picture = window.frames_ahead.frame_for(wanted, window.look, size, whole=True)
    assert picture is not None
    QTest.mouseRelease(row, Qt.MouseButton.LeftButton, pos=row.rect().center())
    assert kiosk.state == wanted
    assert window.incoming.isVisible() and window.incoming.geometry() == window.rect()  # under the fading home
    frame = window.backingStore().paintDevice()
    assert isinstance(frame, QImage)
    first = frame.convertToFormat(picture.format())
    assert first != picture  # the home screen still shows through, fading
    assert on_screen(kiosk, picture, +1) == picture  # and then the stop stands as drawn ahead
    assert not window.incoming.isVisible() and window.incoming.picture.isNull()  # its 8 MB let go
