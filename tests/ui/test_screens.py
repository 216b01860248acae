"""Every screen renders what the state says, in the visitor's language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.core import events as ev
from kiosk.core.navigation import Screen
from kiosk.ui.screens.attract import FRAME_MS
from tests.ui.conftest import Kiosk


def test_attract_is_first_and_invites_in_every_language(kiosk: Kiosk) -> None:
    kiosk.settle()
    assert kiosk.window.current_screen() is kiosk.window.attract
    assert kiosk.window.attract.prompts == ["Toca para explorar", "Touch to explore"]
    assert kiosk.window.attract.frame.isActive()  # it moves while shown
    image = kiosk.window.grab().toImage()
    background = QColor(kiosk.window.look.theme.background).rgb()
    grid = [image.pixel(x, y) for x in range(50, image.width(), 160) for y in range(50, image.height() // 2, 90)]
    assert sum(pixel != background for pixel in grid) > 0.8 * len(grid)  # a picture, not an empty screen


def _shift(before: QImage, after: QImage, y: int, most: int) -> int:
    """How many pixels row ``y`` moved left from ``before`` to ``after`` (the
    best match of at most ``most``), checked on the row's middle half."""
    width = before.width()

    def misfit(dx: int) -> int:
        return sum(
            abs(QColor(before.pixel(x + dx, y)).red() - QColor(after.pixel(x, y)).red())
            for x in range(width // 4, 3 * width // 4, 3)
        )

    return min(range(most + 1), key=misfit)


def test_the_attract_picture_pans_steadily_and_holds_still_with_reduced_motion(kiosk: Kiosk) -> None:
    from kiosk.ui.screens.attract import DRIFT, FADE_SECONDS

    kiosk.settle()
    attract = kiosk.window.attract
    kiosk.qtbot.waitUntil(attract.showing_picture)
    pace = DRIFT * attract.width() / (attract.slide_seconds + FADE_SECONDS)  # px a second
    first, later = attract.render_frame(1.0), attract.render_frame(5.0)
    row = attract.height() // 5  # above the words
    assert abs(_shift(first, later, row, 100) - 4 * pace) <= 1.5  # the whole picture slid, at its pace
    step = attract.render_frame(1.0 + FRAME_MS / 1000)
    assert step != first and _shift(first, step, row, 3) <= 1  # and a frame on, less than a pixel
    kiosk.controller.machine.reduced_motion = True  # config.yaml's kiosk-wide setting
    kiosk.send(ev.Recover())
    assert kiosk.state.visit.reduced_motion
    assert attract.render_frame(1.0) == attract.render_frame(5.0)
    assert not attract.frame.isActive()


def test_the_attract_loop_lets_go_of_its_pictures_while_visitors_browse(kiosk: Kiosk) -> None:
    """Its screen-sized layers (some 9 MB each at 1080p) are not carried through a visit,
    and the loop looks the same when it comes back."""
    kiosk.settle()
    attract = kiosk.window.attract
    kiosk.qtbot.waitUntil(attract.showing_picture)
    before = [attract.render_frame(age) for age in (1.0, 1.0 + FRAME_MS / 1000)]  # a whole and a half step
    kiosk.send(ev.Touch(), ev.OpenStop(3))
    assert not attract.isVisible()
    held = [attract._opaque_cache, attract._half, attract._layers]
    assert held == [{}, None, None]
    kiosk.clock.advance(kiosk.exhibit.attract.idle_timeout + kiosk.exhibit.attract.warning + 1)
    kiosk.qtbot.waitUntil(lambda: kiosk.state.screen is Screen.ATTRACT, timeout=2000)
    kiosk.settle()
    assert [attract.render_frame(age) for age in (1.0, 1.0 + FRAME_MS / 1000)] == before


def test_a_touch_anywhere_leaves_attract_for_home(kiosk: Kiosk) -> None:
    QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(960, 540))
    assert kiosk.state.screen is Screen.HOME
    assert kiosk.window.current_screen() is kiosk.window.home
    assert not kiosk.window.attract.frame.isActive()  # no animation behind the scenes
    assert kiosk.window.home.title.text() == "Bolivia 1952"
    assert kiosk.window.home.subtitle.text() == "La Revolución Nacional"
    assert len(kiosk.window.home.rows) == len(kiosk.exhibit.stops)


def test_home_shows_language_names_not_flags(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch())
    buttons = kiosk.window.home.settings.language_buttons
    assert [b.text() for b in buttons.values()] == ["Español", "English"]
    buttons["en"].click()
    assert kiosk.state.visit.language == "en"
    assert kiosk.window.home.subtitle.text() == "The National Revolution"


def test_tapping_a_stop_row_opens_it(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch())
    row = kiosk.window.home.rows[3]
    kiosk.clock.advance(1)
    # through the window, as a finger would: the kinetic scroller must not eat the tap
    QTest.mouseClick(
        kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=row.mapTo(kiosk.window, row.rect().center())
    )
    assert (kiosk.state.screen, kiosk.state.stop) == (Screen.STOP, 3)
    stop = kiosk.exhibit.stops[3]
    assert kiosk.window.stop.title.text() == stop.title["es"]
    assert kiosk.window.stop.date.text() == "diciembre de 1942 – noviembre de 1946"
    assert kiosk.window.stop.narration.text().startswith("Las minas estaban a más de cuatro mil metros")


def test_stop_screen_shows_picture_caption_and_credit(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(6))
    kiosk.settle()
    stop = kiosk.window.stop
    assert stop.image.has_image and not stop.image.showing_fallback
    assert stop.caption.text() == "The MNR won the most votes in May 1951."
    assert "made for this exhibit" in stop.credit.text()
    assert len(stop.thumbs) == 2
    assert stop.next.isEnabled() and stop.previous.isEnabled()


def test_next_and_previous_buttons_and_their_limits(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    stop = kiosk.window.stop
    assert not stop.previous.isEnabled()
    kiosk.clock.advance(1)
    stop.next.click()
    assert kiosk.state.stop == 1
    kiosk.clock.advance(1)
    stop.previous.click()
    assert kiosk.state.stop == 0
    kiosk.send(ev.Jump(len(kiosk.exhibit.stops) - 1))
    assert not stop.next.isEnabled()


def test_tap_on_the_timeline_strip_jumps(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    strip = kiosk.window.stop.strip
    target = strip.centre_of(12).toPoint()
    kiosk.clock.advance(1)
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=target)
    assert kiosk.state.stop == 12
    assert kiosk.window.stop.title.text() == kiosk.exhibit.stops[12].title["es"]


def test_image_tap_opens_zoom_and_close_returns(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(2))
    kiosk.settle()
    view = kiosk.window.stop.image
    kiosk.clock.advance(1)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.rect().center())
    assert kiosk.state.screen is Screen.ZOOM
    zoom = kiosk.window.zoom
    assert zoom.caption.text() == kiosk.exhibit.stops[2].images[0].caption["es"]
    kiosk.clock.advance(1)
    zoom.close_button.click()
    assert kiosk.state.screen is Screen.STOP


def test_thumbnail_opens_that_image_in_zoom(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(0))
    kiosk.settle()
    thumb = kiosk.window.stop.thumbs[1]
    kiosk.clock.advance(1)
    QTest.mouseClick(thumb, Qt.MouseButton.LeftButton, pos=thumb.rect().center())
    assert (kiosk.state.screen, kiosk.state.image) == (Screen.ZOOM, 1)
    assert kiosk.window.zoom.caption.text().startswith("Bolivia within its present borders")


def test_a_map_shows_its_names_in_the_visitors_language(kiosk: Kiosk) -> None:
    """The map has a file per language: its neighbours are PERU and BRAZIL in
    English, PERÚ and BRASIL in Spanish, and switching language swaps it."""
    kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(0))
    kiosk.settle()
    assert kiosk.window.stop.thumbs[1].path.name == "map-bolivia-en.svg"
    assert "BRAZIL" in kiosk.window.stop.thumbs[1].path.read_text(encoding="utf-8")
    kiosk.send(ev.OpenImage(1))
    assert kiosk.window.zoom.view.path.name == "map-bolivia-en.svg"
    kiosk.send(ev.SetLanguage("es"))
    kiosk.settle()
    assert kiosk.window.zoom.view.path.name == "map-bolivia-es.svg"
    assert "BRASIL" in kiosk.window.zoom.view.path.read_text(encoding="utf-8")


def test_high_contrast_changes_the_colours(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    before = kiosk.window.look.theme.background
    kiosk.window.stop.settings.contrast.click()
    assert kiosk.state.visit.high_contrast
    assert kiosk.window.look.theme.background != before
    assert kiosk.window.palette().window().color() == QColor("#000000")


def test_transitions_are_short_and_cut_with_reduced_motion(kiosk: Kiosk) -> None:
    from kiosk.ui.runtime.window import TRANSITION_MS

    assert TRANSITION_MS <= 300
    kiosk.send(ev.Touch(), ev.OpenStop(0), ev.Next())
    assert kiosk.window.transitioning
    kiosk.qtbot.waitUntil(lambda: not kiosk.window.transitioning, timeout=3000)
    kiosk.send(ev.SetReducedMotion(True), ev.Next())
    assert not kiosk.window.transitioning


def test_transitions_leave_nothing_behind(kiosk: Kiosk) -> None:
    """Found by the memory soak: one animation per transition, kept for ever."""
    from PySide6.QtCore import QObject

    kiosk.window.build_all()  # screens are built lazily; count from when all exist
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    before = len(kiosk.window.findChildren(QObject))
    for _ in range(20):
        kiosk.send(ev.Next(), ev.OpenImage(0), ev.CloseImage(), ev.Previous(), ev.Home(), ev.OpenStop(0))
        kiosk.settle()
        kiosk.qtbot.wait(0)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(kiosk.window.findChildren(QObject)) <= before + 5


def test_the_stop_slid_away_is_the_one_that_was_on_screen(kiosk: Kiosk) -> None:
    """The snapshot comes from the frame on the glass, not from painting again."""
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    kiosk.settle()
    kiosk.window.repaint()
    on_screen = kiosk.window.grab().toImage()
    kiosk.send(ev.Next())
    assert kiosk.window.transitioning
    slid = kiosk.window.snapshot.picture.convertToFormat(on_screen.format())
    assert slid.size() == on_screen.size()
    samples = [(x, y) for x in range(0, slid.width(), 24) for y in range(0, slid.height(), 24)]
    assert sum(slid.pixel(x, y) != on_screen.pixel(x, y) for x, y in samples) / len(samples) < 0.01
    assert kiosk.window.stop.title.text() != ""  # and the new stop is already in place beneath it


def test_the_next_stops_pictures_are_decoded_just_after_a_stop_opens_not_during(kiosk: Kiosk) -> None:
    """The neighbours' decoding waits for the new stop's first frame: on a small
    machine it would take the cores that frame needs."""
    from kiosk.ui.runtime.controller import PRELOAD_AFTER_MS

    kiosk.send(ev.Touch(), ev.OpenStop(3))
    size = kiosk.window.stop.image.size()
    after, before = (kiosk.exhibit.stops[n].images[0].path_for("es") for n in (4, 2))
    assert not kiosk.store.asked_for(after, size) and not kiosk.store.asked_for(before, size)
    kiosk.qtbot.waitUntil(lambda: kiosk.store.asked_for(after, size), timeout=PRELOAD_AFTER_MS + 1000)
    assert kiosk.store.asked_for(after, size) and kiosk.store.asked_for(before, size)
    kiosk.qtbot.waitUntil(lambda: kiosk.store.cached(after, size) is not None, timeout=5000)


def test_every_year_on_the_strip_reads_as_a_year(kiosk: Kiosk) -> None:
    """A period whose first stop is dated in words ("Mayo de 1951") still
    says its year, never a bare "–56"."""
    import re

    kiosk.send(ev.Touch(), ev.OpenStop(0))
    kiosk.settle()
    texts = [text for _box, text in kiosk.window.stop.strip.label_boxes()]
    assert texts and all(re.fullmatch(r"\d{4}(–\d{2})?", text) for text in texts), texts
