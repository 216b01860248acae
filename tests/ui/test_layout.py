"""Text is never clipped and controls are big enough, on every screen shape."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.core import events as ev
from kiosk.ui.curator.layout_check import clipped_texts, off_screen
from tests.ui.conftest import Kiosk, make_kiosk

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def widgets_off_screen(kiosk: Kiosk, root: QWidget) -> list[str]:
    return off_screen(kiosk.window, root)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_text_is_clipped_at_any_text_size(qtbot, size: tuple[int, int], lang: str) -> None:
    kiosk = make_kiosk(qtbot, size=size)
    try:
        for level in range(3):
            kiosk.send(ev.Touch(), ev.SetLanguage(lang), ev.SetTextSize(level))
            for screen_events, root in (
                ((), kiosk.window.home),
                ((ev.OpenStop(12),), kiosk.window.stop),
                ((ev.OpenImage(0),), kiosk.window.zoom),
            ):
                kiosk.send(*screen_events)
                kiosk.settle()
                problems = clipped_texts(root) + widgets_off_screen(kiosk, root)
                assert not problems, f"text size {level}: " + "; ".join(problems)
            kiosk.send(ev.Home())
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()


def test_every_control_is_a_finger_wide_at_1080p(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(1))
    kiosk.settle()
    for root in (kiosk.window.home, kiosk.window.stop):
        for button in root.findChildren(QAbstractButton):
            touchable = not button.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            if button.isVisibleTo(root) and touchable:  # (the strip's places are for screen readers)
                assert min(button.width(), button.height()) >= 64, button.text()
    strip = kiosk.window.stop.strip
    assert all(right - left >= 64 for left, right in map(strip.span_of, strip.groups())) and strip.height() >= 64
    for thumb in kiosk.window.stop.thumbs:
        assert min(thumb.width(), thumb.height()) >= 64


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_rows_never_overlap_after_a_language_change(qtbot, size: tuple[int, int]) -> None:
    kiosk = make_kiosk(qtbot, size=size)
    try:
        kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.SetTextSize(2), ev.SetLanguage("es"))
        kiosk.settle()
        box = kiosk.window.home.list_box
        rows = [w for w in box.findChildren(QAbstractButton) if w.isVisibleTo(box)]
        assert len(rows) == len(kiosk.exhibit.stops)
        for upper, lower in itertools.pairwise(rows):
            assert upper.geometry().bottom() < lower.geometry().top(), (upper.text(), lower.text())
            assert upper.height() >= upper.heightForWidth(upper.width())
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()


def test_attract_prompt_wraps_instead_of_running_off_a_portrait_screen(qtbot) -> None:
    kiosk = make_kiosk(qtbot, size=(1080, 1920))
    try:
        attract = kiosk.window.attract
        narrow = attract.prompt_text(lambda text: len(text) * 30, 600)
        assert narrow == "Toca para explorar\nTouch to explore"
        assert attract.prompt_text(lambda text: len(text) * 30, 5000) == "Toca para explorar  ·  Touch to explore"
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_stop_of_the_bundled_exhibit_renders(kiosk: Kiosk, lang: str) -> None:
    kiosk.send(ev.Touch(), ev.SetLanguage(lang), ev.OpenStop(0))
    for index, stop in enumerate(kiosk.exhibit.stops):
        kiosk.send(ev.Jump(index))
        kiosk.settle()
        screen = kiosk.window.stop
        assert screen.title.text() == stop.title[lang]
        assert screen.image.has_image and not screen.image.showing_fallback, stop.id
        assert not clipped_texts(screen), (stop.id, clipped_texts(screen))


def test_home_rows_have_their_height_in_the_very_first_frame(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch())
    kiosk.settle()
    kiosk.send(ev.SetTextSize(1))  # rows rebuilt; no event loop turn before we look
    rows = kiosk.window.home.rows
    width = kiosk.window.home.list_area.viewport().width()
    for row in rows:
        assert row.height() >= row.heightForWidth(width)
    for upper, lower in itertools.pairwise(rows):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.text(), lower.text())
