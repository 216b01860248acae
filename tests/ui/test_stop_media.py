"""Film clips, recordings and quotations on the kiosk: played by the real
QtMultimedia backend (offscreen), made with ffmpeg by the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core import events as ev
from kiosk.core.state import Screen
from tests.clips import minimal_with_media
from tests.ui.conftest import Kiosk, make_kiosk
from tests.ui.heartbeat import GUI_LIMIT_MS, Heartbeat


@pytest.fixture
def media_kiosk(qtbot, tmp_path: Path, clips: Path) -> Iterator[Kiosk]:
    path = minimal_with_media(tmp_path, clips)
    kiosk = make_kiosk(qtbot, path, size=(1280, 800))
    yield kiosk
    kiosk.controller.stop()
    kiosk.store.wait()


def open_item(kiosk: Kiosk, which: int) -> None:
    """Open the first stop's media item ``which`` (0 film, 1 recording, 2 quotation) from its button."""
    kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(0))
    kiosk.settle()
    button = kiosk.window.stop.media_buttons[which]
    kiosk.clock.advance(1)
    button.click()
    assert kiosk.state.screen is Screen.ZOOM


def test_each_media_item_has_a_touch_sized_button_on_its_stop(media_kiosk: Kiosk) -> None:
    media_kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(0))
    media_kiosk.settle()
    buttons = media_kiosk.window.stop.media_buttons
    assert [b.text() for b in buttons] == [
        "▶  Film: A test film",
        "♪  Recording: A test tone",
        "❝  Quotation: Una persona",
    ]
    assert all(b.height() >= 64 and b.isVisible() for b in buttons)
    assert buttons == media_kiosk.window.stop.focus_chain()[2:5]  # after the pictures and Listen


def test_a_film_plays_muted_with_captions_that_follow_the_clip(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    assert panel.surface.poster is not None and not panel.player.loaded  # nothing opened before Play
    assert panel.play_button.text() == "▶  Play" and panel.sound_button.text() == "♪  Sound on"
    panel.play_button.click()
    qtbot.waitUntil(lambda: panel.surface.frame is not None, timeout=10_000)
    assert panel.player.output is None, "films start muted: no sound device is opened"
    qtbot.waitUntil(lambda: panel.surface.caption == "Hello and welcome.", timeout=10_000)
    qtbot.waitUntil(lambda: panel.surface.caption == "Second line.", timeout=10_000)  # tags gone, time moved on
    assert panel.play_button.text() == "❚❚  Pause"
    panel.captions_button.click()
    assert panel.surface.caption == ""
    qtbot.waitUntil(lambda: not panel.player.playing, timeout=10_000)  # the 3 s clip ends


def test_leaving_stops_the_clip_and_lets_go_of_the_player(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    panel.play_button.click()
    qtbot.waitUntil(lambda: panel.player.playing, timeout=10_000)
    media_kiosk.send(ev.CloseImage(), gap=1)
    assert media_kiosk.state.screen is Screen.STOP
    assert not panel.player.loaded and not panel.player.playing


def test_a_language_change_stops_the_clip_and_captions_follow_the_language(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    panel.play_button.click()
    qtbot.waitUntil(lambda: panel.player.playing, timeout=10_000)
    media_kiosk.send(ev.SetLanguage("es"), gap=1)
    assert not panel.player.playing and panel.play_button.text() == "▶  Reproducir"
    panel.play_button.click()
    qtbot.waitUntil(lambda: panel.surface.caption == "Hola y bienvenidos.", timeout=10_000)
    panel.stop()


def test_watching_keeps_the_visit_but_only_while_the_clip_plays(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    panel.play_button.click()
    qtbot.waitUntil(lambda: panel.player.playing, timeout=10_000)
    idle = media_kiosk.exhibit.attract.idle_timeout
    media_kiosk.clock.advance(idle - 1)
    panel._last_watching = 0.0  # the next position report counts as the clip advancing
    qtbot.waitUntil(lambda: panel._last_watching > 0, timeout=5000)
    media_kiosk.clock.advance(idle - 1)
    media_kiosk.send(ev.Tick(), gap=0)
    assert media_kiosk.state.screen is Screen.ZOOM and not media_kiosk.state.warning
    qtbot.waitUntil(lambda: not panel.player.playing, timeout=10_000)  # the clip ends: no more reports
    media_kiosk.clock.advance(idle + media_kiosk.exhibit.attract.warning + 1)
    media_kiosk.send(ev.Tick(), gap=0)
    assert media_kiosk.state.screen is Screen.ATTRACT
    assert not panel.player.loaded  # the reset closed the file


def test_keypad_select_plays_and_arrows_move_through_the_clip(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 0)
    zoom, keypad = media_kiosk.window.zoom, media_kiosk.controller.keypad
    assert zoom.focus_first() is zoom.panel.play_button
    zoom.panel.play_button.setFocus()
    keypad.activate_focus()
    qtbot.waitUntil(lambda: zoom.panel.player.playing, timeout=10_000)
    assert keypad.zoomed_in()  # the arrows belong to the clip
    zoom.panel.player.pause()
    before = zoom.panel.player.position
    keypad.pan_picture(-1, 0)  # Right
    assert zoom.panel.player.position == pytest.approx(min(before + 5, zoom.panel.player.duration), abs=0.05)
    keypad.pan_picture(1, 0)  # Left
    assert zoom.panel.player.position == pytest.approx(max(0.0, min(before + 5, 3.0) - 5), abs=0.05)


def test_a_recording_shows_its_transcript_and_plays_with_sound(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 1)
    panel = media_kiosk.window.zoom.panel
    assert panel.stage.currentWidget() is panel.transcript_area
    assert panel.transcript.text() == "A test tone\n\nA 440 hertz tone."
    assert not panel.sound_button.isVisible() and not panel.captions_button.isVisible()
    assert media_kiosk.window.zoom.caption.text() == "Recording: A test tone"


def test_a_quotation_shows_the_words_with_who_when_and_source(media_kiosk: Kiosk) -> None:
    open_item(media_kiosk, 2)
    panel = media_kiosk.window.zoom.panel
    assert panel.words.text() == "“The words, in English.”"
    assert panel.attribution.text() == "— Una persona, 17 April 1952\nUn libro publicado (1984), p. 12"
    assert not panel.play_button.isVisible()
    assert media_kiosk.window.zoom.focus_chain() == [media_kiosk.window.zoom.close_button]


def test_a_clip_that_cannot_play_keeps_its_poster_and_says_so(media_kiosk: Kiosk, qtbot, tmp_path: Path) -> None:
    clip = tmp_path / "media" / "mini" / "clip.mp4"
    clip.write_bytes(clip.read_bytes()[:4000])  # broken after validation: cut short on the kiosk's disk
    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    beat = Heartbeat()
    try:
        panel.play_button.click()
        qtbot.waitUntil(lambda: panel.player.broken != "", timeout=10_000)
        assert beat.widest < GUI_LIMIT_MS
    finally:
        beat.stop()
    assert panel.surface.broken == "This cannot be played just now."
    assert not panel.play_button.isEnabled() and panel.surface.frame is None


def test_playing_and_stopping_never_holds_up_the_interface(media_kiosk: Kiosk, qtbot) -> None:
    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    beat = Heartbeat()
    try:
        for _ in range(15):
            panel.play_button.click()
            qtbot.waitUntil(lambda: panel.player.playing, timeout=10_000)
            panel.player.set_sound(True)
            qtbot.wait(30)
            panel.stop()
        assert beat.widest < GUI_LIMIT_MS, f"the GUI thread stood still {beat.widest:.0f} ms"
    finally:
        beat.stop()


def test_the_proof_sheet_shows_each_film_with_its_first_caption_and_transcript(
    qtbot, tmp_path: Path, clips: Path
) -> None:
    from kiosk.core.loader import load_exhibit
    from kiosk.ui.curator.proof import Renderer, is_blank
    from kiosk.ui.style.fonts import register_fonts

    path = minimal_with_media(tmp_path, clips)
    renderer = Renderer(load_exhibit(path), (1280, 800), register_fonts())
    try:
        pages = []
        for page in renderer.pages(range(1)):
            if page.label.startswith(("film", "recording", "quotation")):
                caption = renderer.window.zoom.panel.surface.caption
                transcript = renderer.window.zoom.panel.transcript.text()
                pages.append(
                    (page.label, caption, transcript if "transcript" in page.label else "", is_blank(page.image))
                )
    finally:
        renderer.close()
    assert pages[:4] == [
        ("film first 1 · es", "Hola y bienvenidos.", "", False),
        (
            "film first 1, transcript · es",
            "Hola y bienvenidos.",
            "Una película de prueba\n\nHola y bienvenidos. Segunda línea.",
            False,
        ),
        ("recording first 2 · es", "", "", False),
        ("quotation first 3 · es", "", "", False),
    ]
    assert len(pages) == 8  # and the same in English


def test_a_tap_on_the_position_bar_jumps_there(media_kiosk: Kiosk, qtbot) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    panel.play_button.click()
    qtbot.waitUntil(lambda: panel.player.duration > 0, timeout=10_000)
    panel.player.pause()
    bar = panel.scrub
    assert bar.height() >= 64, "a finger-sized bar"
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() * 3 // 4, bar.height() // 2))
    assert panel.player.position == pytest.approx(panel.player.duration * 0.75, abs=0.3)


def test_the_kiosk_starts_without_loading_qtmultimedia() -> None:
    """The first frame does not wait for the media libraries: they load when a clip first plays."""
    import subprocess
    import sys

    probe = (
        "import sys, kiosk.ui.runtime.window, kiosk.ui.runtime.controller; print('PySide6.QtMultimedia' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"


def test_screen_readers_get_the_controls_names_and_the_transcript(media_kiosk: Kiosk) -> None:
    from PySide6.QtGui import QAccessible

    open_item(media_kiosk, 0)
    panel = media_kiosk.window.zoom.panel
    names = [
        QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        for widget in (
            panel.play_button,
            panel.scrub,
            panel.sound_button,
            panel.captions_button,
            panel.transcript_button,
        )
    ]
    assert names == ["Play", "Position in the clip", "Sound on", "Hide captions", "Transcript"]
    assert panel.surface.accessibleName() == "Film: A test film"
    panel.transcript_button.click()
    transcript = QAccessible.queryAccessibleInterface(panel.transcript).text(QAccessible.Text.Name)
    assert transcript == "A test film\n\nHello and welcome. Second line."
