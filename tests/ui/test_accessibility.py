"""Accessibility: keys only, names for assistive technology, speech, reach."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QAbstractButton

from kiosk.core import events as ev
from kiosk.core.navigation import Screen
from kiosk.ui.narration import Narrator
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


def test_focus_ring_shows_where_the_keypad_is(kiosk: Kiosk) -> None:
    press(kiosk, Qt.Key.Key_Return)
    press(kiosk, Qt.Key.Key_Down)
    focused = kiosk.window.focusWidget()
    assert focused is kiosk.window.home.rows[0]
    assert focused.hasFocus()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_control_and_image_has_an_accessible_name(kiosk: Kiosk, lang: str) -> None:
    kiosk.send(ev.Touch(), ev.SetLanguage(lang))
    screens = [((), kiosk.window.home), ((ev.OpenStop(0),), kiosk.window.stop),
               ((ev.OpenImage(1),), kiosk.window.zoom)]
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


@pytest.fixture
def speaking(qtbot) -> Iterator[Kiosk]:
    kiosk = make_kiosk(qtbot, narrator=Narrator(engine="mock"))
    yield kiosk
    kiosk.controller.stop()
    kiosk.store.wait()


def test_listen_speaks_the_label_and_stops_on_navigation(speaking: Kiosk) -> None:
    speaking.send(ev.Touch(), ev.OpenStop(3))
    listen = speaking.window.stop.listen
    assert listen.isVisible() and listen.text().endswith("Escuchar")
    speaking.clock.advance(1)
    listen.click()
    narrator = speaking.controller.narrator
    assert narrator.playing and narrator.mode == "speech"
    speaking.qtbot.waitUntil(lambda: narrator.tts().state() == QTextToSpeech.State.Speaking, timeout=2000)
    assert listen.isChecked() and listen.text().endswith("Detener")  # plainly playing
    speaking.send(ev.Next())
    assert not narrator.playing
    speaking.qtbot.waitUntil(lambda: narrator.tts().state() != QTextToSpeech.State.Speaking, timeout=2000)
    assert not listen.isChecked()


def test_narration_stops_on_language_change_and_idle_reset(speaking: Kiosk) -> None:
    speaking.send(ev.Touch(), ev.OpenStop(2), ev.ToggleNarration())
    narrator = speaking.controller.narrator
    assert narrator.current == ("civil-war", "es")
    speaking.send(ev.SetLanguage("en"))
    assert not narrator.playing
    speaking.send(ev.ToggleNarration())
    assert narrator.current == ("civil-war", "en")
    speaking.clock.advance(speaking.exhibit.attract.idle_timeout + speaking.exhibit.attract.warning + 1)
    speaking.qtbot.waitUntil(lambda: speaking.state.screen is Screen.ATTRACT, timeout=1000)
    assert not narrator.playing


def test_the_end_of_narration_resets_the_button(speaking: Kiosk) -> None:
    speaking.send(ev.Touch(), ev.OpenStop(2), ev.ToggleNarration())
    speaking.controller.narrator.stop()
    speaking.controller.narrator.finished.emit()  # as when the voice reaches the end
    assert not speaking.state.visit.narrating
    assert not speaking.window.stop.listen.isChecked()


def test_volume_keys_change_the_volume_and_reset_with_the_visit(speaking: Kiosk) -> None:
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
    path.write_text(path.read_text().replace("    sources:\n", "    audio:\n      en: mini/voice.wav\n    sources:\n", 1))
    kiosk = make_kiosk(qtbot, path, narrator=Narrator(engine=""))
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
