"""Tap to screen, measured from outside the kiosk, as a visitor sees it.

A real X server (Xvfb) runs the kiosk. Taps are sent with XTEST at the X
server; frames are seen with the X DAMAGE extension on the kiosk's window,
all on one clock in this process. A frame counts as "the new content" only
when a sample of the screen outside the tapped control (the stop's title)
has changed, read back with XGetImage: the button's own pressed look does
not count. Reported: tap on Next or Previous to the first changed frame, tap
to the screen standing still, how many taps a brisk visitor loses (taps
150 ms apart), and the first frame after a tap on a stop of the timeline
strip and on a row of the home screen.

    python -m kiosk.bench.external EXHIBIT TAPS   (prints JSON; needs Xvfb and python-xlib)
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIZE = (1920, 1080)
STILL_MS = 250
"""No damage for this long: the screen stands still."""


@dataclass(frozen=True)
class Places:
    """Where things are on the kiosk's screen (from the same layout, offscreen)."""

    next_button: tuple[int, int, int, int]
    previous_button: tuple[int, int, int, int]
    title: tuple[int, int, int, int]
    home_button: tuple[int, int, int, int]
    rows: tuple[tuple[int, int, int, int], ...]
    """Each row on the home screen (those in view)."""
    strip_stops: tuple[tuple[int, int], ...]
    """The centre of each stop on the timeline strip."""


def places(exhibit: Path) -> Places:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.bench import interaction
    from kiosk.core import events as ev

    rig = interaction.make_rig(exhibit)
    try:
        rig.window.resize(*SIZE)
        rig.controller.send(ev.Touch())
        rig.at_rest()
        rows = []
        for row in rig.window.home.rows:
            corner = row.mapTo(rig.window, row.rect().topLeft())
            if row.isVisible() and rig.window.rect().contains(corner + row.rect().center()):
                rows.append((corner.x(), corner.y(), row.width(), row.height()))
        rig.clock.now += 1
        rig.controller.send(ev.OpenStop(0))
        rig.at_rest()

        def rect(widget: Any) -> tuple[int, int, int, int]:
            corner = widget.mapTo(rig.window, widget.rect().topLeft())
            return corner.x(), corner.y(), widget.width(), widget.height()

        stop = rig.window.stop
        strip = tuple(p.mapTo(rig.window, p.rect().center()).toTuple() for p in stop.strip.places)
        return Places(rect(stop.next), rect(stop.previous), rect(stop.title), rect(stop.home), tuple(rows), strip)
    finally:
        rig.close()


class Screen:
    """An Xvfb server of our own, and a connection to it."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            self.name = f":{pipe.readline().strip()}"
        from Xlib import display

        self.x = display.Display(self.name)

    def close(self) -> None:
        self.x.close()
        self.server.terminate()
        self.server.wait(timeout=10)


def _kiosk(screen: Screen, exhibit: Path, folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    address = str(folder / "notify")
    log = folder / "kiosk.log"
    env = {
        **os.environ,
        "DISPLAY": screen.name,
        "QT_QPA_PLATFORM": "xcb",
        "NOTIFY_SOCKET": address,
        "KIOSK_LOG_LEVEL": "DEBUG",
        "XDG_STATE_HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder),
    }
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.settimeout(60)
        with log.open("wb") as out:
            child = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "run", str(exhibit), "--size", f"{SIZE[0]}x{SIZE[1]}"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        while listener.recv(4096) != b"READY=1":
            pass
    return child, log


def _window(screen: Screen) -> Any:
    for _ in range(100):
        for child in screen.x.screen().root.query_tree().children:
            if (child.get_wm_name() or "") == "Museum kiosk":
                return child
        time.sleep(0.05)
    raise RuntimeError("the kiosk window never appeared")


class Probe:
    """Taps by XTEST, frames by DAMAGE, pixels by XGetImage, one clock."""

    def __init__(self, screen: Screen, window: Any) -> None:
        from Xlib.ext import damage

        self.x, self.window = screen.x, window
        self.x.damage_query_version()  # the extension answers nothing before this
        self.damage = window.damage_create(damage.DamageReportRawRectangles)

    def tap(self, point: tuple[int, int]) -> float:
        from Xlib import X
        from Xlib.ext import xtest

        xtest.fake_input(self.x, X.MotionNotify, x=point[0], y=point[1])
        xtest.fake_input(self.x, X.ButtonPress, 1)
        self.x.sync()
        time.sleep(0.03)  # a finger's touch
        xtest.fake_input(self.x, X.ButtonRelease, 1)
        self.x.sync()
        return time.perf_counter()  # the click happens on release

    def sample(self, area: tuple[int, int, int, int]) -> bytes:
        from Xlib import X

        x, y, w, h = area
        return bytes(self.window.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data)

    def drain(self) -> None:
        while self.x.pending_events():
            self.x.next_event()
        self.x.damage_subtract(self.damage)

    def frames_after(
        self, started: float, sample: tuple[int, int, int, int], before: bytes, timeout: float = 3.0
    ) -> tuple[float | None, float]:
        """(tap to the first frame whose sample differs, tap to the screen standing still), in ms."""
        changed: float | None = None
        last = started
        deadline = started + timeout
        while time.perf_counter() < deadline:
            if not self.x.pending_events():
                ready, _, _ = select.select([self.x.fileno()], [], [], STILL_MS / 1000)
                if not ready and changed is not None:
                    break
                if not ready:
                    continue
            event = self.x.next_event()
            if type(event).__name__ != "DamageNotify":
                continue
            now = time.perf_counter()
            last = now
            self.x.damage_subtract(self.damage)
            if changed is None and self.sample(sample) != before:
                changed = now
        return ((changed - started) * 1000 if changed is not None else None), (last - started) * 1000


def measure(exhibit: Path, taps: int) -> dict[str, Any]:
    spots = places(exhibit)
    screen = Screen()
    with tempfile.TemporaryDirectory(prefix="kiosk-external-") as folder:
        child, log = _kiosk(screen, exhibit, Path(folder))
        try:
            window = _window(screen)
            probe = Probe(screen, window)
            probe.tap((SIZE[0] // 2, SIZE[1] // 2))
            time.sleep(1.0)
            probe.tap(centre(spots.rows[0]))
            time.sleep(1.0)
            first, still, missed = [], [], 0
            stops = _stop_count(exhibit)
            at, forward = 0, True
            for _ in range(taps):
                if at == stops - 1:
                    forward = False
                elif at == 0:
                    forward = True
                probe.drain()
                before = probe.sample(spots.title)
                started = probe.tap(centre(spots.next_button if forward else spots.previous_button))
                changed, settled = probe.frames_after(started, spots.title, before)
                at += 1 if forward else -1
                if changed is None:
                    missed += 1
                else:
                    first.append(changed)
                still.append(settled)
                time.sleep(0.3)
            dropped = _brisk(probe, log, centre(spots.next_button), centre(spots.previous_button), at, stops)
            time.sleep(1.0)
            strip = _strip_taps(probe, spots, taps)
            rows = _row_taps(probe, spots, max(4, taps // 2))
        finally:
            child.terminate()
            child.wait(timeout=10)
            screen.close()
    return {
        "first_frame_ms": first,
        "still_ms": still,
        "no_change": missed,
        "brisk": dropped,
        "strip_first_frame_ms": strip,
        "row_first_frame_ms": rows,
    }


def _strip_taps(probe: Probe, spots: Places, taps: int) -> list[float]:
    """Taps on stops of the timeline strip, each far from the one before (ms to the first frame)."""
    stops = len(spots.strip_stops)
    first = []
    for number in range(taps):
        target = (number * 7 + 3) % stops  # jumps of seven stops, wrapping: never the stop on screen
        probe.drain()
        before = probe.sample(spots.title)
        changed, _ = probe.frames_after(probe.tap(spots.strip_stops[target]), spots.title, before)
        if changed is not None:
            first.append(changed)
        time.sleep(0.3)
    return first


def _row_taps(probe: Probe, spots: Places, taps: int) -> list[float]:
    """Home, then a row of the home screen (ms from the row's tap to its first frame)."""
    first = []
    for number in range(taps):
        probe.tap(centre(spots.home_button))
        time.sleep(0.6)
        probe.drain()
        row = spots.rows[number % len(spots.rows)]
        area = next(a for a in (spots.title, spots.next_button, spots.home_button) if not _overlap(a, row))
        before = probe.sample(area)  # away from the row, whose pressed look does not count
        changed, _ = probe.frames_after(probe.tap(centre(row)), area, before)
        if changed is not None:
            first.append(changed)
        time.sleep(0.3)
    return first


def _brisk(
    probe: Probe, log: Path, next_at: tuple[int, int], previous_at: tuple[int, int], at: int, stops: int
) -> dict[str, int]:
    """Taps 150 ms apart, in one direction: how many moved the kiosk on?"""
    forward = at < stops / 2
    taps = min(20, (stops - 1 - at) if forward else at)
    before = log.read_text(errors="replace").count("state screen=stop")
    for _ in range(taps):
        probe.tap(next_at if forward else previous_at)
        time.sleep(0.12)
    time.sleep(1.0)
    moved = log.read_text(errors="replace").count("state screen=stop") - before
    return {"taps": taps, "moved": moved, "dropped": max(0, taps - moved)}


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def centre(rect: tuple[int, int, int, int]) -> tuple[int, int]:
    return rect[0] + rect[2] // 2, rect[1] + rect[3] // 2


def _stop_count(exhibit: Path) -> int:
    from kiosk.core.loader import load_exhibit

    return len(load_exhibit(exhibit).stops)


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), int(sys.argv[2]))))
