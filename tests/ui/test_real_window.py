"""The kiosk in a real X window (Xvfb), driven by xdotool like a visitor.

Where to click is found by laying the same window out offscreen at the same
size: layout is deterministic, so the positions match.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.core import events as ev
from tests.helpers import REPO
from tests.ui.conftest import make_kiosk

pytestmark = pytest.mark.xvfb
SIZE = (1280, 720)


class RunningKiosk:
    def __init__(self, qtbot, display: str, log_path: Path, *options: str) -> None:
        self.qtbot, self.display, self.log_path = qtbot, display, log_path
        state = log_path.parent / "state"
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "KIOSK_LOG_LEVEL": "DEBUG",
            "XDG_STATE_HOME": str(state),
            "XDG_CONFIG_HOME": str(log_path.parent / "config"),
        }
        self.log = log_path.open("w")
        command = [sys.executable, "-m", "kiosk", "run", *(options or ("--size", f"{SIZE[0]}x{SIZE[1]}"))]
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.window = self._find_window()

    def _find_window(self, seconds: float = 30.0) -> str:
        """The kiosk's X window. xdotool's own --sync wait can fail outright when a
        window it is looking at goes away mid-search (a fresh-clone CI run saw it at
        start-up), so the search is simply asked again until the deadline."""
        import time

        deadline = time.monotonic() + seconds
        while True:
            done = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Museum kiosk"],
                env={**os.environ, "DISPLAY": self.display},
                capture_output=True,
                text=True,
                timeout=30,
            )
            found = done.stdout.split()
            if done.returncode == 0 and found:
                return found[0]
            assert self.process.poll() is None, f"the kiosk exited: {self.log_path.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "the kiosk's window never showed"
            self.qtbot.wait(100)

    def xdotool(self, *args: str) -> str:
        return subprocess.run(
            ["xdotool", *args],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout

    def xdotool_ok(self, *args: str) -> bool:
        """Whether xdotool finds what it is asked for (a search that finds nothing fails)."""
        done = subprocess.run(
            ["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, capture_output=True, text=True, timeout=30
        )
        return done.returncode == 0 and bool(done.stdout.strip())

    def click(self, x: int, y: int) -> None:
        self.xdotool("mousemove", "--window", self.window, str(x), str(y), "click", "1")

    def swipe(self, x0: int, x1: int, y: int) -> None:
        self.xdotool(
            "mousemove",
            "--window",
            self.window,
            str(x0),
            str(y),
            "mousedown",
            "1",
            "mousemove",
            "--window",
            self.window,
            str((x0 + x1) // 2),
            str(y),
            "mousemove",
            "--window",
            self.window,
            str(x1),
            str(y),
            "mouseup",
            "1",
        )

    def wait_for(self, text: str, timeout_ms: int = 20_000) -> None:
        """Another process has no clock to inject: watch its log until the line shows."""

        def seen() -> bool:
            assert self.process.poll() is None, self.log_path.read_text()[-2000:]
            return text in self.log_path.read_text()

        self.qtbot.waitUntil(seen, timeout=timeout_ms)

    def _capture(self, path: Path) -> QImage:
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            timeout=30,
        )
        return QImage(str(path))

    def screenshot(self, path: Path, moving: bool = False) -> QImage:
        """The screen once it has settled: two captures in a row are the same.

        ``moving``: a screen that never stands still (attract); take it as it is.
        """
        shots = [self._capture(path)]
        if moving:
            return shots[0]

        def settled() -> bool:
            shots.append(self._capture(path))
            return shots[-1] == shots[-2]

        self.qtbot.waitUntil(settled, timeout=10_000)
        return shots[-1]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def _difference(a: QImage, b: QImage) -> float:
    """Share of sampled pixels that differ."""
    points = [(x, y) for x in range(0, a.width(), 16) for y in range(0, a.height(), 16)]
    return sum(a.pixel(x, y) != b.pixel(x, y) for x, y in points) / len(points)


def test_visitor_clicks_from_attract_to_a_stop_and_on(qtbot, display: str, tmp_path: Path) -> None:
    layout = make_kiosk(qtbot, size=SIZE)
    layout.send(ev.Touch())
    first_row = layout.window.home.rows[0]
    row_at = first_row.mapTo(layout.window, first_row.rect().center())
    layout.send(ev.OpenStop(0))
    layout.settle()
    next_button = layout.window.stop.next
    next_at = next_button.mapTo(layout.window, next_button.rect().center())
    layout.controller.stop()

    kiosk = RunningKiosk(qtbot, display, tmp_path / "kiosk.log")
    try:
        attract = kiosk.screenshot(tmp_path / "1-attract.png", moving=True)
        kiosk.click(SIZE[0] // 2, SIZE[1] // 2)
        kiosk.wait_for("screen=home")
        home = kiosk.screenshot(tmp_path / "2-home.png")
        kiosk.click(row_at.x(), row_at.y())
        kiosk.wait_for("screen=stop stop=0")
        first = kiosk.screenshot(tmp_path / "3-stop-0.png")
        kiosk.click(next_at.x(), next_at.y())
        kiosk.wait_for("screen=stop stop=1")
        second = kiosk.screenshot(tmp_path / "4-stop-1.png")
        kiosk.swipe(900, 300, 300)
        kiosk.wait_for("screen=stop stop=2")
    finally:
        kiosk.stop()
    assert _difference(attract, home) > 0.3
    assert _difference(home, first) > 0.3
    assert _difference(first, second) > 0.05  # a new picture and label, the same frame
    keep = os.environ.get("KIOSK_SCREENSHOTS")
    if keep:
        for png in tmp_path.glob("*.png"):
            shutil.copy(png, Path(keep) / png.name)


def test_kiosk_mode_fills_the_screen_and_ignores_quit_keys(qtbot, display: str, tmp_path: Path) -> None:
    kiosk = RunningKiosk(qtbot, display, tmp_path / "kiosk.log", "--kiosk")
    try:
        kiosk.wait_for("kiosk window: full screen=True frameless=True")
        kiosk.wait_for("WARNING kiosk.ui.runtime.startup: no staff PIN is set")
        geometry = kiosk.xdotool("getwindowgeometry", kiosk.window)
        assert f"Geometry: {SIZE[0]}x{SIZE[1]}" in geometry
        for keys in ("alt+F4", "ctrl+q", "ctrl+w", "Escape", "F11", "alt+Tab"):
            kiosk.xdotool("key", "--window", kiosk.window, keys)
        kiosk.click(SIZE[0] // 2, SIZE[1] // 2)
        kiosk.wait_for("screen=home")  # still running, still answering
        assert kiosk.process.poll() is None
        assert f"Geometry: {SIZE[0]}x{SIZE[1]}" in kiosk.xdotool("getwindowgeometry", kiosk.window)
        assert (tmp_path / "state" / "museum-kiosk" / "kiosk.log").read_text().count("kiosk started") == 1
    finally:
        kiosk.stop()


def _ring_around(shot: QImage, widget_rect: tuple[int, int, int, int], colour: str) -> int:
    """How many pixels of the focus-ring colour lie on the edge band of a widget's rectangle."""
    from PySide6.QtGui import QColor

    target = QColor(colour).rgb() & 0xFFFFFF
    x, y, w, h = widget_rect
    edge = [(px, py) for px in range(x, x + w, 4) for py in (y + 2, y + h - 3)]
    edge += [(px, py) for py in range(y, y + h, 4) for px in (x + 2, x + w - 3)]
    return sum(
        1
        for px, py in edge
        if 0 <= px < shot.width() and 0 <= py < shot.height() and shot.pixel(px, py) & 0xFFFFFF == target
    )


def test_a_keypad_visit_on_a_real_screen(qtbot, display: str, tmp_path: Path) -> None:
    """Wake, Enter, Right, Enter on the picture, Escape: each step seen on the screen."""
    from kiosk.core.theme import NORMAL

    layout = make_kiosk(qtbot, size=SIZE)
    layout.send(ev.Touch())
    layout.settle()
    begin = layout.window.home.begin
    begin_rect = (*begin.mapTo(layout.window, begin.rect().topLeft()).toTuple(), begin.width(), begin.height())
    layout.send(ev.OpenStop(0))
    layout.settle()
    image = layout.window.stop.image
    picture = image.image_rect().toRect()
    image_rect = (*image.mapTo(layout.window, picture.topLeft()).toTuple(), picture.width(), picture.height())
    layout.send(ev.Next(), ev.OpenImage(0))
    layout.settle()
    view = layout.window.zoom.view
    view_rect = (*view.mapTo(layout.window, view.rect().topLeft()).toTuple(), view.width(), view.height())
    layout.controller.stop()

    kiosk = RunningKiosk(qtbot, display, tmp_path / "kiosk.log")
    try:
        kiosk.wait_for("kiosk started")
        kiosk.xdotool("windowfocus", "--sync", kiosk.window)
        kiosk.xdotool("key", "--window", kiosk.window, "Return")
        kiosk.wait_for("screen=home")
        home = kiosk.screenshot(tmp_path / "k1-home.png")
        assert _ring_around(home, begin_rect, NORMAL.focus) > 20, "no focus ring on Begin after a key woke the kiosk"
        kiosk.xdotool("key", "--window", kiosk.window, "Return")
        kiosk.wait_for("screen=stop stop=0")
        first = kiosk.screenshot(tmp_path / "k2-stop-0.png")
        assert _ring_around(first, image_rect, NORMAL.focus) > 20, "the stop did not open with its picture focused"
        kiosk.xdotool("key", "--window", kiosk.window, "Right")
        kiosk.wait_for("screen=stop stop=1")
        qtbot.wait(300)  # a keypad visitor's pace
        kiosk.xdotool("key", "--window", kiosk.window, "Return")
        kiosk.wait_for("screen=zoom stop=1")
        zoom = kiosk.screenshot(tmp_path / "k3-zoom.png")
        assert _ring_around(zoom, view_rect, NORMAL.focus) > 20, "the zoom view shows no focus ring"
        kiosk.xdotool("key", "--window", kiosk.window, "Escape")
        kiosk.wait_for("screen=stop stop=1 image=0 lang=es warning=False")
        back = kiosk.screenshot(tmp_path / "k4-back.png")
        assert _difference(zoom, back) > 0.3
    finally:
        kiosk.stop()
    keep = os.environ.get("KIOSK_SCREENSHOTS")
    if keep:
        for png in tmp_path.glob("k*.png"):
            shutil.copy(png, Path(keep) / png.name)


def test_kiosk_mode_takes_the_screen_back_when_the_window_is_hidden(qtbot, display: str, tmp_path: Path) -> None:
    """What a window manager's 'Iconify' or another desktop does: the window unmapped
    from outside. The kiosk notices within a second and is back on the screen."""
    kiosk = RunningKiosk(qtbot, display, tmp_path / "kiosk.log", "--kiosk")
    try:
        kiosk.wait_for("kiosk window: full screen=True")
        kiosk.xdotool("windowunmap", "--sync", kiosk.window)
        assert not kiosk.xdotool_ok("search", "--onlyvisible", "--name", "Museum kiosk")
        kiosk.wait_for("taking the screen back", timeout_ms=3000)
        qtbot.waitUntil(lambda: kiosk.xdotool_ok("search", "--onlyvisible", "--name", "Museum kiosk"), timeout=3000)
        assert f"Geometry: {SIZE[0]}x{SIZE[1]}" in kiosk.xdotool("getwindowgeometry", kiosk.window)
    finally:
        kiosk.stop()


def test_after_hours_the_real_screen_is_black_until_staff_touch_the_corner(qtbot, display: str, tmp_path: Path) -> None:
    """On a real X screen: closed all day by the schedule, the kiosk paints black and
    asks X to power the monitor down (Xvfb has no DPMS, and the kiosk says so);
    a touch in the corner lights it for staff."""
    import json
    import urllib.request

    from tests.services import free_port

    port = free_port()
    config = tmp_path / "config.yaml"
    config.write_text(f"schedule:\n  exceptions:\n    2000-01-01: closed\ncontrol:\n  listen: 127.0.0.1:{port}\n")
    running = RunningKiosk(
        qtbot, display, tmp_path / "kiosk.log", "--size", f"{SIZE[0]}x{SIZE[1]}", "--config", str(config)
    )
    try:
        running.wait_for("screen off")
        points = [(x, y) for x in range(0, SIZE[0], 20) for y in range(0, SIZE[1], 20)]
        shots = []

        def black() -> bool:  # the log line comes just before the black frame reaches X
            shots.append(running.screenshot(tmp_path / "closed.png"))
            window = shots[-1].copy(0, 0, SIZE[0], SIZE[1])
            return all(window.pixelColor(x, y).name() == "#000000" for x, y in points)

        qtbot.waitUntil(black, timeout=5000)
        shot = shots[-1]

        def status() -> dict:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=3) as response:
                return json.loads(response.read())

        qtbot.waitUntil(
            lambda: "refused" in status()["schedule"]["screen_power"] or "done" in status()["schedule"]["screen_power"],
            timeout=15_000,
        )
        hours = status()["schedule"]
        assert hours["configured"] and not hours["open"] and status()["display"] == "off"
        assert hours["screen_power"].startswith("xset dpms force off")
        running.click(8, 8)
        running.wait_for("woken by a touch in the corner")
        lit = running.screenshot(tmp_path / "woken.png", moving=True)
        assert _difference(lit, shot) > 0.2
        assert "Traceback" not in running.log_path.read_text()
    finally:
        running.stop()
