"""A real kiosk window on a fake clock, offscreen, cleaned up after each test."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication

from kiosk.core import events as ev
from kiosk.core.loader import load_exhibit
from kiosk.core.model import Exhibit
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.window import KioskWindow
from kiosk.ui.style.fonts import register_fonts
from tests.core.machine_helpers import FakeClock
from tests.helpers import BUNDLED


@dataclass
class Kiosk:
    window: KioskWindow
    controller: KioskController
    clock: FakeClock
    store: ImageStore
    exhibit: Exhibit
    qtbot: object

    def send(self, *events: ev.Event, gap: float = 0.5) -> None:
        for event in events:
            self.clock.advance(gap)
            self.controller.send(event)

    def settle(self) -> None:
        """Let decodes finish and their results arrive; end any transition."""
        for _ in range(3):
            self.store.wait()
            QApplication.processEvents()
        self.window.end_transition()

    @property
    def state(self):
        return self.controller.machine.state


def make_kiosk(
    qtbot, exhibit_path: Path = BUNDLED, size: tuple[int, int] = (1920, 1080), tick_ms: int = 5, narrator=None
) -> Kiosk:
    exhibit = load_exhibit(exhibit_path)
    store = ImageStore()
    window = KioskWindow(store, register_fonts())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    clock = FakeClock()
    controller = KioskController(exhibit, window, clock=clock, tick_ms=tick_ms, narrator=narrator)
    controller.start()
    return Kiosk(window, controller, clock, store, exhibit, qtbot)


NEEDED = ("Xvfb", "xdotool", "import")


@contextmanager
def xvfb(size: str = "1280x720", *options: str) -> Iterator[str]:
    """A real X server of its own (``size``: its framebuffer), stopped afterwards."""
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (make test installs them)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp", *options],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb() as number:
        yield number


@pytest.fixture
def kiosk(qtbot) -> Iterator[Kiosk]:
    made = make_kiosk(qtbot)
    yield made
    made.controller.stop()
    made.store.wait()


@pytest.fixture(autouse=True)
def no_leftovers(qapp) -> Iterator[None]:
    """No test may leave a thread running or a window open."""
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000)
    assert pool.activeThreadCount() == 0
    QApplication.processEvents()
    # Delete the test's closed windows now: processEvents() leaves deleteLater()
    # undone outside an event loop, and windows piled up over many tests were
    # all deleted at once in a later test's wait (a long exhibit's window is
    # thousands of widgets), eating that test's time.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and isinstance(widget, KioskWindow):
            raise AssertionError(f"window left open: {widget!r}")
    left = [command for command in child_processes() if "audio_worker" in command]
    assert not left, f"audio worker left running: {left}"


def child_processes() -> list[str]:
    """Command lines of this process's living children (from /proc)."""
    import os

    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.append(command)
    return found
