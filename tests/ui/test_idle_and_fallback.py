"""Walking away resets the kiosk; broken pictures show a designed fallback."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from kiosk.core import events as ev
from kiosk.core.navigation import Screen
from tests.helpers import copy_minimal
from tests.ui.conftest import Kiosk, make_kiosk


def test_idle_timeout_warns_then_resets_to_attract(kiosk: Kiosk) -> None:
    """The real GUI timer ticks every few ms; the fake clock says how late it is."""
    kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.SetTextSize(2), ev.OpenStop(5))
    timeout, warning = kiosk.exhibit.attract.idle_timeout, kiosk.exhibit.attract.warning
    kiosk.clock.advance(timeout + 1)
    kiosk.qtbot.waitUntil(kiosk.window.warning.isVisible, timeout=1000)
    assert kiosk.window.warning.seconds == int(warning) - 1
    assert kiosk.window.current_screen() is kiosk.window.stop  # the warning lies over the stop
    kiosk.clock.advance(warning)
    kiosk.qtbot.waitUntil(lambda: kiosk.state.screen is Screen.ATTRACT, timeout=1000)
    kiosk.qtbot.waitUntil(lambda: not kiosk.window.warning.isVisible(), timeout=1000)
    assert kiosk.window.current_screen() is kiosk.window.attract
    assert kiosk.state.visit.language == "es" and kiosk.state.visit.text_size == 0
    assert kiosk.window.look.lang == "es"


def test_a_touch_on_the_warning_keeps_the_visitor_where_they_were(kiosk: Kiosk) -> None:
    kiosk.send(ev.Touch(), ev.OpenStop(5))
    kiosk.clock.advance(kiosk.exhibit.attract.idle_timeout + 1)
    kiosk.qtbot.waitUntil(kiosk.window.warning.isVisible, timeout=1000)
    next_button = kiosk.window.stop.next
    QTest.mouseClick(
        kiosk.window.windowHandle(),
        Qt.MouseButton.LeftButton,
        pos=next_button.mapTo(kiosk.window, next_button.rect().center()),
    )
    kiosk.qtbot.waitUntil(lambda: not kiosk.window.warning.isVisible(), timeout=1000)
    assert (kiosk.state.screen, kiosk.state.stop) == (Screen.STOP, 5)  # the tap did not also press Next


def _broken_exhibit(tmp_path: Path) -> Path:
    exhibit = copy_minimal(tmp_path)
    exhibit.write_text(exhibit.read_text().replace("mini/scene.svg", "mini/corrupt.png"))
    return exhibit


def test_corrupt_image_shows_fallback_with_alt_text(qtbot, tmp_path: Path) -> None:
    kiosk = make_kiosk(qtbot, _broken_exhibit(tmp_path))
    try:
        kiosk.send(ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(0))
        kiosk.settle()
        view = kiosk.window.stop.image
        assert view.showing_fallback and not view.has_image
        picture = view.grab().toImage()
        surface = QColor(kiosk.window.look.theme.surface).rgb()
        centre = picture.pixel(picture.width() // 2, picture.height() // 2)
        assert centre == surface or picture.pixel(40, picture.height() // 2) == surface  # the panel is drawn
        kiosk.send(ev.OpenImage(0))
        kiosk.settle()
        assert kiosk.window.current_screen() is kiosk.window.zoom  # zoom copes too
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()


def test_fallback_is_logged_once(qtbot, tmp_path: Path, caplog) -> None:
    kiosk = make_kiosk(qtbot, _broken_exhibit(tmp_path))
    try:
        kiosk.send(ev.Touch(), ev.OpenStop(0), ev.OpenImage(0), ev.CloseImage(), ev.SetLanguage("en"))
        kiosk.settle()
        warnings = [r for r in caplog.records if "could not be decoded" in r.getMessage()]
        assert len(warnings) == 1 and "corrupt.png" in warnings[0].getMessage()
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()


def test_missing_file_at_run_time_shows_fallback(qtbot, tmp_path: Path) -> None:
    """Validated at start, deleted later (a curator tidying up): still no crash."""
    exhibit = copy_minimal(tmp_path)
    kiosk = make_kiosk(qtbot, exhibit)
    try:
        shutil.rmtree(tmp_path / "media")
        kiosk.send(ev.Touch(), ev.OpenStop(1))
        kiosk.settle()
        assert kiosk.window.stop.image.showing_fallback
        QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(900, 900))
    finally:
        kiosk.controller.stop()
        kiosk.store.wait()
