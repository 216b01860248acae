"""The display's power switched by a real command, and the GUI thread never waiting on it."""

from __future__ import annotations

import itertools
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk.ui.runtime.opening_hours import ScreenPower


@pytest.mark.skipif(shutil.which("ddcutil") is None, reason="needs ddcutil (make test installs it)")
def test_ddc_is_asked_off_the_gui_thread_and_its_answer_reported(qtbot) -> None:
    """The real ddcutil, on a machine with no monitor on DDC/CI (no I2C buses here):
    it refuses, the kiosk says so in its status, and meanwhile the GUI thread turns."""
    power = ScreenPower("ddc")
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    heart.start()
    try:
        started = time.monotonic()
        power.switch(False)
        assert power.said == "ddcutil setvcp D6 04: asked"
        assert time.monotonic() - started < 0.1  # started, not waited for
        qtbot.waitUntil(lambda: not power.said.endswith("asked"), timeout=25_000)
        # "done" with a monitor that speaks DDC/CI; here, with no I2C bus, ddcutil's own reason
        assert power.said == "ddcutil setvcp D6 04: done" or (
            power.said.startswith("ddcutil setvcp D6 04: refused (") and len(power.said) > 36
        )
        qtbot.waitUntil(lambda: len(beats) > 5)
        gaps = [b - a for a, b in itertools.pairwise(beats)]
        assert max(gaps) < 0.1
    finally:
        heart.stop()
        power.deleteLater()


def test_a_way_this_machine_lacks_is_explained_not_run(qtbot, monkeypatch) -> None:
    monkeypatch.setattr("kiosk.core.display_power.BACKLIGHTS", Path("/nonexistent"))  # a desktop's: none
    power = ScreenPower("backlight")
    power.switch(False)
    assert power.said == "black screen; this machine has no backlight (display_power: backlight)"
    power.deleteLater()
