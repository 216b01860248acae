"""The kiosk follows its screen on a real X server: a display unplugged, another
plugged in later, one standing in portrait.

Xvfb cannot plug monitors or turn its output, but RandR monitors can be added
and removed while it runs (``xrandr --setmonitor``), and Qt reports them as
screens coming and going, exactly as it does for a real display; the kiosk is
the real ``kiosk run --kiosk`` in its own process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.conftest import xvfb
from tests.ui.test_real_window import RunningKiosk

pytestmark = pytest.mark.xvfb


@pytest.fixture
def tall_display() -> Iterator[str]:
    """A framebuffer big enough for a landscape and a portrait 1080p display."""
    if shutil.which("xrandr") is None:
        pytest.skip("needs xrandr (make test installs it)")
    with xvfb("1920x1920", "-noreset") as display:  # keep its monitors while no client is connected
        yield display


def xrandr(display: str, *args: str) -> None:
    subprocess.run(["xrandr", *args], env={**os.environ, "DISPLAY": display}, check=True, timeout=30)


def monitor(display: str, name: str, width: int, height: int) -> None:
    """A display of ``width`` x ``height`` at the top left (96 dpi)."""
    size = f"{width}/{round(width * 25.4 / 96)}x{height}/{round(height * 25.4 / 96)}+0+0"
    xrandr(display, "--setmonitor", name, size, "none")


def geometry(kiosk: RunningKiosk) -> tuple[int, int]:
    """The kiosk window's size as the X server has it."""
    values = dict(line.split("=", 1) for line in kiosk.xdotool("getwindowgeometry", "--shell", kiosk.window).split())
    return int(values["WIDTH"]), int(values["HEIGHT"])


def fills(kiosk: RunningKiosk, size: tuple[int, int]) -> None:
    try:
        kiosk.qtbot.waitUntil(lambda: geometry(kiosk) == size, timeout=10_000)
    except Exception:
        print("GEOM", geometry(kiosk), kiosk.log_path.read_text()[-3000:])
        raise


def test_the_kiosk_fills_whatever_display_it_is_given_while_it_runs(qtbot, tall_display: str, tmp_path: Path) -> None:
    monitor(tall_display, "LANDSCAPE", 1920, 1080)
    kiosk = RunningKiosk(qtbot, tall_display, tmp_path / "kiosk.log", "--kiosk")
    try:
        kiosk.wait_for("kiosk started")
        fills(kiosk, (1920, 1080))

        xrandr(tall_display, "--delmonitor", "LANDSCAPE")  # unplugged: the screen left is the whole framebuffer
        fills(kiosk, (1920, 1920))
        kiosk.wait_for("screen screen is 1920x1920 at 0,0: the kiosk fills it")

        monitor(tall_display, "PORTRAIT", 1080, 1920)  # a portrait display plugged in later
        fills(kiosk, (1080, 1920))
        kiosk.wait_for("screen PORTRAIT is 1080x1920 at 0,0: the kiosk fills it")
        shots = Path(os.environ.get("KIOSK_SHOTS", tmp_path))

        def portrait_drawn() -> bool:
            """The picture drawn again for the new shape (decoded anew, off the GUI
            thread), under the title and prompt laid out for portrait."""
            shot = kiosk.screenshot(shots / "portrait.png", moving=True)
            picture = {shot.pixel(x, y) for x in range(0, 1080, 12) for y in range(0, 1000, 12)}
            words = {shot.pixel(x, y) for x in range(0, 1080, 9) for y in range(1300, 1920, 9)}
            return len(picture) > 20 and len(words) > 20

        qtbot.waitUntil(portrait_drawn, timeout=10_000)
        assert kiosk.process.poll() is None  # no restart was needed
    finally:
        kiosk.stop()
