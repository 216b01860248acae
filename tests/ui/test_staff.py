"""Staff: the hidden gesture, the PIN pad, the panel, faults and the supervisor."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.core import events as ev
from kiosk.core.config import Config
from kiosk.core.loader import load_exhibit
from kiosk.core.navigation import Screen
from kiosk.core.pin import hash_pin
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.supervisor import EXIT_FAULTS, KioskRuntime
from kiosk.ui.runtime.window import KioskWindow
from kiosk.ui.style.fonts import register_fonts
from tests.core.machine_helpers import FakeClock
from tests.helpers import copy_minimal

PIN = "4321"
PIN_HASH = hash_pin(PIN)


class Staffed:
    def __init__(self, qtbot, exhibit_path: Path, config: Config, tmp_path: Path) -> None:
        self.qtbot, self.clock, self.exits = qtbot, FakeClock(), []
        self.store = ImageStore()
        self.window = KioskWindow(self.store, register_fonts())
        qtbot.addWidget(self.window)
        self.window.resize(1920, 1080)
        self.runtime = KioskRuntime(
            exhibit_path,
            load_exhibit(exhibit_path),
            self.window,
            config,
            clock=self.clock,
            wall=lambda: 1.78e9 + self.clock.now,
            exit_app=self.exits.append,
            stats_path=tmp_path / "stats.sqlite3",
            tick_ms=5,
            narration_engine="none",
            state_folder=tmp_path / "state",
        )
        self.window.show()
        qtbot.waitExposed(self.window)
        self.runtime.start()

    @property
    def state(self):
        return self.runtime.controller.machine.state

    def walk_away(self) -> None:
        """The visitor leaves: past the idle timeout, then past the warning."""
        self.clock.advance(400)
        self.runtime.controller.send(ev.Tick())
        self.clock.advance(20)
        self.runtime.controller.send(ev.Tick())

    def tap(self, x: int, y: int) -> None:
        self.clock.advance(0.3)
        QTest.mouseClick(self.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))

    def tap_widget(self, widget) -> None:
        self.tap(*widget.mapTo(self.window, widget.rect().center()).toTuple())

    def type_pin(self, pin: str) -> None:
        for key in pin + "✓":
            self.tap_widget(self.window.pin.keys[key])


@pytest.fixture
def staffed(qtbot, tmp_path: Path) -> Iterator[Staffed]:
    made = Staffed(qtbot, copy_minimal(tmp_path), Config(pin_hash=PIN_HASH), tmp_path)
    yield made
    made.runtime.stop()
    made.store.wait()


def test_five_corner_taps_open_the_pin_pad_and_the_pin_opens_the_panel(staffed: Staffed) -> None:
    for _ in range(5):
        staffed.tap(20, 20)
    assert staffed.state.screen is Screen.STAFF_PIN
    assert staffed.window.current_screen() is staffed.window.pin
    staffed.type_pin(PIN)
    assert staffed.state.screen is Screen.STAFF_PANEL
    panel = staffed.window.panel
    assert "Errors since start: 0" in panel.status.text() and panel.exit.isEnabled()


def test_wrong_pins_lock_the_pad_for_a_minute(staffed: Staffed) -> None:
    for _ in range(5):
        staffed.tap(20, 20)
    for _attempt in range(4):
        staffed.type_pin("0000")
        assert staffed.window.pin.info.text() == "Wrong PIN."
    staffed.type_pin("0000")
    assert staffed.window.pin.info.text().startswith("Too many wrong PINs: locked for")
    staffed.type_pin(PIN)  # right, but locked
    assert staffed.state.screen is Screen.STAFF_PIN
    staffed.clock.advance(30)
    staffed.type_pin("1")  # keeps the pad awake across the minute
    staffed.clock.advance(31)
    staffed.type_pin(PIN)
    assert staffed.state.screen is Screen.STAFF_PANEL


def test_reload_with_errors_keeps_the_content_and_shows_them(staffed: Staffed) -> None:
    path = staffed.runtime.exhibit_path
    before = staffed.runtime.controller.exhibit
    path.write_text(path.read_text().replace("en: Minimal exhibit", "en: Minimal exhibit\n  fr: oops"))
    assert not staffed.runtime.reload()
    assert staffed.runtime.controller.exhibit is before
    assert "'fr' is not one of this exhibit's languages" in staffed.runtime.status().reload_errors[0]
    path.write_text(path.read_text().replace("\n  fr: oops", "").replace("Minimal exhibit", "Renamed"))
    assert staffed.runtime.reload()
    assert staffed.runtime.controller.exhibit.title["en"] == "Renamed"
    assert staffed.runtime.status().reload_errors == []


def test_staff_exit_and_restart_leave_with_their_codes(staffed: Staffed) -> None:
    staffed.runtime.controller.send(ev.CornerTap())
    for _ in range(4):
        staffed.clock.advance(0.2)
        staffed.runtime.controller.send(ev.CornerTap())
    staffed.clock.advance(0.5)
    staffed.runtime.controller.send(ev.PinEntered(PIN))
    staffed.window.panel.restart.click()
    staffed.window.panel.exit.click()
    assert staffed.exits == [75, 0]
    assert staffed.window.allow_close


def test_without_a_pin_kiosk_mode_cannot_exit(qtbot, tmp_path: Path) -> None:
    made = Staffed(qtbot, copy_minimal(tmp_path), Config(), tmp_path)
    try:
        made.window.kiosk_mode = True
        assert not made.runtime.can_exit
        assert any("Exit is disabled" in line for line in made.runtime.status().lines)
        for _ in range(5):
            made.tap(20, 20)
        made.type_pin("1234")
        assert made.state.screen is Screen.STAFF_PIN  # no PIN set: nothing opens the panel
    finally:
        made.runtime.stop()
        made.store.wait()


def _raise_in_a_qt_handler(window: KioskWindow) -> None:
    def broken(*args) -> None:
        raise RuntimeError("a bug in a handler")

    window.stop.next.clicked.connect(broken)
    window.stop.next.click()
    window.stop.next.clicked.disconnect(broken)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_handler_logs_and_returns_to_attract(staffed: Staffed, caplog) -> None:
    staffed.runtime.controller.send(ev.Touch())
    staffed.clock.advance(1)
    staffed.runtime.controller.send(ev.OpenStop(0))
    with caplog.at_level(logging.ERROR):
        _raise_in_a_qt_handler(staffed.window)
    assert staffed.state.screen is Screen.ATTRACT
    assert staffed.window.current_screen() is staffed.window.attract
    assert any("a bug in a handler" in r.getMessage() and "Traceback" in r.getMessage() for r in caplog.records)
    assert staffed.exits == []


@pytest.mark.qt_no_exception_capture
def test_repeated_exceptions_end_the_process_non_zero(staffed: Staffed) -> None:
    for _ in range(5):
        staffed.clock.advance(5)
        staffed.runtime.controller.send(ev.Touch())
        staffed.clock.advance(1)
        staffed.runtime.controller.send(ev.OpenStop(0))
        _raise_in_a_qt_handler(staffed.window)
    assert staffed.exits == [EXIT_FAULTS]


def test_ready_after_first_frame_and_watchdog_heartbeats(qtbot, tmp_path: Path, monkeypatch) -> None:
    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.setenv("WATCHDOG_USEC", "100000")  # heartbeat every 50 ms
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    received: list[bytes] = []

    def drain() -> bool:
        try:
            while True:
                received.append(server.recv(64))
        except BlockingIOError:
            pass
        return b"READY=1" in received and received.count(b"WATCHDOG=1") >= 2

    made = Staffed(qtbot, copy_minimal(tmp_path), Config(), tmp_path)
    try:
        qtbot.waitUntil(drain, timeout=3000)
        assert received[0] == b"READY=1"
        # The heartbeat is a timer of the GUI thread: if that thread hangs, it stops.
        assert made.runtime.watchdog.heartbeat.thread() is QApplication.instance().thread()
    finally:
        made.runtime.stop()
        made.store.wait()
        server.close()


def test_kiosk_window_refuses_close_and_swallows_quit_keys(staffed: Staffed) -> None:
    staffed.window.kiosk_mode, staffed.window.allow_close = True, False
    staffed.runtime.controller.watcher.lockdown = True
    assert not staffed.window.close()
    assert staffed.window.isVisible()
    handle = staffed.window.windowHandle()
    for key, mods in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    ):
        QTest.keyClick(handle, key, mods)
    assert staffed.window.isVisible() and staffed.exits == []
    staffed.window.allow_close = True
    assert staffed.window.close()


def test_statistics_are_recorded_during_a_visit(staffed: Staffed) -> None:
    staffed.tap(900, 500)
    staffed.tap_widget(staffed.window.home.rows[1])
    staffed.clock.advance(12)
    staffed.tap_widget(staffed.window.stop.home)
    assert staffed.runtime.statistics is not None
    assert staffed.runtime.statistics.writer.wait_written(10)  # the writer thread, not the panel, reads the database
    text = staffed.runtime.status().statistics
    line = next(line for line in text.splitlines() if line.strip().startswith("second"))
    assert line.split() == ["second", "1", "12.3", "s"]  # one view, 12 s + the 0.3 s tap


def test_kiosk_window_takes_full_screen_back(staffed: Staffed) -> None:
    staffed.window.lock_down()
    staffed.qtbot.waitUntil(staffed.window.isFullScreen, timeout=2000)
    staffed.window.showNormal()  # what a desktop shortcut or a window manager might do
    staffed.qtbot.waitUntil(staffed.window.isFullScreen, timeout=2000)
    assert staffed.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    staffed.window.allow_close = True


def test_screens_are_built_after_the_first_picture_before_any_touch(qtbot, tmp_path: Path) -> None:
    made = Staffed(qtbot, copy_minimal(tmp_path), Config(), tmp_path)
    try:
        qtbot.waitUntil(lambda: len(made.window.screens) == len(Screen), timeout=3000)
        assert made.window.attract.showing_picture()
        assert made.state.screen is Screen.ATTRACT  # nobody touched anything
    finally:
        made.runtime.stop()
        made.store.wait()


def test_a_broken_first_picture_still_lets_the_kiosk_say_it_is_ready(qtbot, tmp_path: Path) -> None:
    path = copy_minimal(tmp_path)
    path.write_text(path.read_text().replace("mini/square.png", "mini/corrupt.png"))  # the attract picture
    made = Staffed(qtbot, path, Config(), tmp_path)
    try:
        qtbot.waitUntil(lambda: len(made.window.screens) == len(Screen), timeout=3000)
        assert made.window.attract.showing_picture()
    finally:
        made.runtime.stop()
        made.store.wait()


def test_the_pin_lock_survives_a_restart_and_wrong_tries_are_logged_without_digits(
    qtbot, tmp_path: Path, caplog
) -> None:
    path = copy_minimal(tmp_path)
    config = Config(pin_hash=PIN_HASH)
    first = Staffed(qtbot, path, config, tmp_path)
    try:
        for _ in range(5):
            first.tap(20, 20)
        for _ in range(4):
            first.type_pin("0000")
        first.runtime.pin_record.wait()
    finally:
        first.runtime.stop()
        first.store.wait()
        first.window.allow_close = True
        first.window.close()
    logged = [r.getMessage() for r in caplog.records if "PIN" in r.getMessage()]
    assert len([m for m in logged if "a wrong staff PIN" in m]) == 4
    assert not any("0000" in message for message in logged)  # never the digits
    assert oct((tmp_path / "state" / "pin-lock.json").stat().st_mode & 0o777) == "0o600"

    again = Staffed(qtbot, path, config, tmp_path)  # pulling the plug gives no fresh tries
    try:
        for _ in range(5):
            again.tap(20, 20)
        again.type_pin("0000")
        assert again.window.pin.info.text().startswith("Too many wrong PINs: locked for")
        again.runtime.pin_record.wait()
    finally:
        again.runtime.stop()
        again.store.wait()
        again.window.allow_close = True
        again.window.close()
    third = Staffed(qtbot, path, config, tmp_path)  # still locked after another restart
    try:
        for _ in range(5):
            third.tap(20, 20)
        third.type_pin(PIN)
        assert third.state.screen is Screen.STAFF_PIN
    finally:
        third.runtime.stop()
        third.store.wait()


def test_set_pin_refuses_a_pin_the_pad_cannot_type() -> None:
    with pytest.raises(ValueError, match="at most 12 digits"):
        hash_pin("1234567890123")
