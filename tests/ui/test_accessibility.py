"""Accessibility: keys only, names for assistive technology, speech, reach."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from kiosk.core import events as ev
from kiosk.core.navigation import Screen
from kiosk.ui.media.narration import Narrator
from tests.helpers import copy_minimal
from tests.ui.conftest import Kiosk, make_kiosk


def press(kiosk: Kiosk, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        kiosk.clock.advance(0.5)
        QTest.keyClick(kiosk.window.windowHandle(), key)


def focus_to(kiosk: Kiosk, widget) -> None:
    """Press Down until ``widget`` has the focus, as a keypad user would."""
    for _ in range(60):
        if kiosk.window.focusWidget() is widget:
            return
        press(kiosk, Qt.Key.Key_Down)
    raise AssertionError(f"focus never reached {widget!r}")


def test_the_whole_exhibit_with_keys_only(kiosk: Kiosk) -> None:
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.state.screen is Screen.HOME
    focus_to(kiosk, kiosk.window.home.settings.language_buttons["en"])
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.state.visit.language == "en"
    focus_to(kiosk, kiosk.window.home.rows[0])
    press(kiosk, Qt.Key.Key_Space)
    assert (kiosk.state.screen, kiosk.state.stop) == (Screen.STOP, 0)
    seen = {kiosk.state.stop}
    for _ in range(len(kiosk.exhibit.stops) - 1):
        press(kiosk, Qt.Key.Key_Right)
        seen.add(kiosk.state.stop)
    assert seen == set(range(len(kiosk.exhibit.stops)))
    focus_to(kiosk, kiosk.window.stop.image)
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.state.screen is Screen.ZOOM
    press(kiosk, Qt.Key.Key_Escape)
    assert kiosk.state.screen is Screen.STOP
    press(kiosk, Qt.Key.Key_Left, 3)
    assert kiosk.state.stop == len(kiosk.exhibit.stops) - 4
    press(kiosk, Qt.Key.Key_Escape)
    assert kiosk.state.screen is Screen.HOME


def test_a_key_that_wakes_the_kiosk_puts_the_focus_on_begin(kiosk: Kiosk) -> None:
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.state.screen is Screen.HOME
    begin = kiosk.window.home.begin
    assert kiosk.window.focusWidget() is begin and begin.hasFocus()  # the ring shows where the keypad is
    press(kiosk, Qt.Key.Key_Return)  # so the next Enter acts
    assert (kiosk.state.screen, kiosk.state.stop) == (Screen.STOP, 0)
    assert kiosk.window.focusWidget() is kiosk.window.stop.image  # a stop opens on its picture


def test_the_focus_ring_is_cleared_by_a_touch_and_by_the_idle_reset(kiosk: Kiosk) -> None:
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.window.focusWidget() is kiosk.window.home.begin
    QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(900, 200))
    assert kiosk.window.focusWidget() in (None, kiosk.window)
    press(kiosk, Qt.Key.Key_Down)
    assert kiosk.window.focusWidget() is not None
    kiosk.clock.advance(10_000)
    kiosk.controller.send(ev.Tick())
    assert kiosk.state.screen is Screen.ATTRACT
    assert kiosk.window.focusWidget() in (None, kiosk.window)


def test_page_keys_scroll_the_label_at_every_text_size_and_never_change_the_stop(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(3), ev.SetTextSize(2))
    kiosk.settle()
    bar = kiosk.window.stop.narration_area.verticalScrollBar()
    assert bar.maximum() > 0, "at the largest size the label should run past the screen"
    for _ in range(20):
        press(kiosk, Qt.Key.Key_PageDown)
    assert bar.value() == bar.maximum()  # the end of the label is reachable
    assert kiosk.state.stop == 3
    press(kiosk, Qt.Key.Key_PageUp, 20)
    assert bar.value() == 0


def test_zoom_pans_with_the_arrows_and_shows_the_focus_ring(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    kiosk.settle()
    kiosk.window.stop.image.setFocus(Qt.FocusReason.TabFocusReason)
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.state.screen is Screen.ZOOM
    kiosk.settle()
    view = kiosk.window.zoom.view
    assert kiosk.window.focusWidget() is view
    press(kiosk, Qt.Key.Key_Return)  # zoom in
    assert view.zoom > 1
    before = view.picture_rect()
    press(kiosk, Qt.Key.Key_Right)
    press(kiosk, Qt.Key.Key_Down)
    after = view.picture_rect()
    assert after.x() < before.x() and after.y() < before.y()
    assert kiosk.state.screen is Screen.ZOOM
    assert "flechas" in kiosk.window.zoom.hint.text()


def test_a_disabled_button_stays_legible(kiosk: Kiosk) -> None:
    from kiosk.core.theme import HIGH_CONTRAST, NORMAL, contrast_ratio

    for theme in (NORMAL, HIGH_CONTRAST):
        assert contrast_ratio(theme.muted, theme.background) >= 4.5
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    css = kiosk.window.stop.previous.styleSheet()
    assert not kiosk.window.stop.previous.isEnabled()
    assert f"QPushButton:disabled {{ background: {NORMAL.background}; color: {NORMAL.muted};" in css


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_control_and_image_has_an_accessible_name(kiosk: Kiosk, lang: str) -> None:
    kiosk.send(ev.Touch(), ev.SetLanguage(lang))
    screens = [((), kiosk.window.home), ((ev.OpenStop(0),), kiosk.window.stop), ((ev.OpenImage(1),), kiosk.window.zoom)]
    for events, screen in screens:
        kiosk.send(*events)
        kiosk.settle()
        for widget in screen.focus_chain():
            name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
            assert name.strip(), f"{type(widget).__name__} on {type(screen).__name__} has no name"
    stop = kiosk.exhibit.stops[0]
    assert kiosk.window.zoom.view.accessibleName() == stop.images[1].alt[lang]
    kiosk.send(ev.CloseImage())
    assert kiosk.window.stop.image.accessibleName() == stop.images[0].alt[lang]
    names = {"es": "Inicio", "en": "Home"}
    assert kiosk.window.stop.home.accessibleName() == names[lang]


def test_primary_controls_sit_in_the_lower_two_thirds(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch())
    kiosk.settle()
    third = kiosk.window.height() / 3
    home = kiosk.window.home
    controls = [home.begin, *home.settings.focus_chain()]
    kiosk.send(ev.OpenStop(0))
    kiosk.settle()
    stop = kiosk.window.stop
    controls += [stop.home, stop.previous, stop.next, *stop.settings.focus_chain()]
    for control in controls:
        top = control.mapTo(kiosk.window, control.rect().topLeft()).y()
        assert top >= third, f"{control.accessibleName() or control.text()} is at y={top}"


def test_volume_keys_change_the_volume_and_reset_with_the_visit(kiosk: Kiosk) -> None:
    speaking = kiosk
    narrator = speaking.controller.narrator
    start = narrator.volume
    speaking.send(ev.Touch(), ev.OpenStop(1))
    press(speaking, Qt.Key.Key_Minus, 3)
    assert narrator.volume == pytest.approx(start - 0.3)
    speaking.clock.advance(speaking.exhibit.attract.idle_timeout + speaking.exhibit.attract.warning + 1)
    speaking.qtbot.waitUntil(lambda: speaking.state.screen is Screen.ATTRACT, timeout=1000)
    assert narrator.volume == pytest.approx(start)


def _silent_wav(path: Path) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 800)


def test_listen_is_hidden_without_a_recording_or_a_voice(qtbot, tmp_path: Path) -> None:
    path = copy_minimal(tmp_path)
    _silent_wav(tmp_path / "media" / "mini" / "voice.wav")
    path.write_text(
        path.read_text().replace("    sources:\n", "    audio:\n      en: mini/voice.wav\n    sources:\n", 1)
    )
    kiosk = make_kiosk(qtbot, path, narrator=Narrator(engine="none"))
    listen = kiosk.window.stop.listen
    try:
        kiosk.send(ev.Touch(), ev.OpenStop(0))
        assert not listen.isVisible()  # Spanish: no recording, no voice
        kiosk.send(ev.SetLanguage("en"))
        assert listen.isVisible()  # English: the recording
        kiosk.send(ev.ToggleNarration())
        assert kiosk.controller.narrator.current in (("first", "en"), None)  # None: no sound device, it ended
        kiosk.send(ev.Next())
        assert not listen.isVisible()  # the second stop has no recording
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()


def test_a_key_during_the_idle_warning_only_dismisses_it(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(4))
    kiosk.clock.advance(kiosk.exhibit.attract.idle_timeout + 1)
    kiosk.qtbot.waitUntil(lambda: kiosk.state.warning, timeout=1000)
    press(kiosk, Qt.Key.Key_Right)
    assert (kiosk.state.screen, kiosk.state.stop, kiosk.state.warning) == (Screen.STOP, 4, False)


def test_each_stop_on_the_strip_is_a_named_place_a_screen_reader_can_press(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    kiosk.settle()
    strip = kiosk.window.stop.strip
    stops = kiosk.exhibit.stops
    assert [place.accessibleName() for place in strip.places] == [
        f"{stop.date.label('es')}. {stop.title['es']}" for stop in stops
    ]
    for index, place in enumerate(strip.places):  # over its own dot, or its share of its period
        assert place.isVisible() and place.focusPolicy() == Qt.FocusPolicy.NoFocus
        segment = next(s for s in strip.segments() if index in s.stops)
        assert segment.left - 1 <= place.geometry().center().x() <= segment.right + 1
    kiosk.send(ev.SetLanguage("en"))
    assert strip.places[2].accessibleName() == f"{stops[2].date.label('en')}. {stops[2].title['en']}"
    kiosk.clock.advance(1)
    strip.places[5].click()  # what a screen reader's "press" does
    assert kiosk.state.stop == 5
