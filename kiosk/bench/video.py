"""A 1080p H.264 film on the kiosk's player: tap to first frame, frames over
a whole clip, and memory after many play/stop cycles.

Run in a process of its own (``python -m kiosk.bench.video SECONDS CYCLES``)
so its memory figure is the player's alone; prints one JSON line. The clip
is made with ffmpeg on the spot (software decoding, as on a kiosk without a
GPU); without ffmpeg the figures are skipped, and say so.
"""

from __future__ import annotations

import gc
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from kiosk.bench.stats import rss_mb
from kiosk.ui.media.clip_player import ClipPlayer
from kiosk.ui.media.images import ImageStore
from kiosk.ui.screens.media_panel import Surface

FPS = 25


class TimedSurface(Surface):
    """The film's surface, noting when each painted frame reached the screen's buffer."""

    def __init__(self, store: ImageStore) -> None:
        super().__init__(store)
        self.painted: list[float] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.frame is not None:
            self.painted.append(time.perf_counter())


def make_film(path: Path, seconds: float) -> None:
    subprocess.run(
        [
            *("ffmpeg", "-v", "error", "-y", "-f", "lavfi"),
            *("-i", f"testsrc2=size=1920x1080:rate={FPS}:duration={seconds}"),
            *("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", str(path)),
        ],
        check=True,
        timeout=600,
    )


def wait(app: QCoreApplication, until: object, limit: float) -> bool:
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the kiosk's own event loop would
        if until():  # type: ignore[operator]
            return True
        time.sleep(0.001)
    return False


def measure(seconds: float, cycles: int) -> dict[str, object]:
    if shutil.which("ffmpeg") is None:
        return {"skipped": "ffmpeg is not installed"}
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-video-"))
    try:
        film = folder / "film.mp4"
        make_film(film, seconds)
        surface = TimedSurface(ImageStore())
        surface.resize(1920, 1080)
        surface.show()
        player = ClipPlayer()
        player.frame.connect(surface.set_frame)
        return {
            "first_frame_ms": _first_frames(app, player, surface, film, 7),
            **_whole_clip(app, player, surface, film, seconds),
            "memory_growth_mb": _cycles(app, player, surface, film, cycles),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _first_frames(app: QCoreApplication, player: ClipPlayer, surface: TimedSurface, film: Path, runs: int) -> float:
    """Median of Play to the first film frame painted, the file opened anew each time."""
    times = []
    for _ in range(runs):
        player.load(film, video=True, sound=False)
        surface.frame, surface.painted = None, []
        started = time.perf_counter()
        player.play()
        if wait(app, lambda: surface.painted, 10):
            times.append((surface.painted[0] - started) * 1000)
        player.release()
    return statistics.median(times) if times else float("inf")


def _whole_clip(
    app: QCoreApplication, player: ClipPlayer, surface: TimedSurface, film: Path, seconds: float
) -> dict[str, float]:
    """Frames that reached the surface over the whole clip, against the clip's own count."""
    received: list[float] = []
    player.frame.connect(lambda image: received.append(time.perf_counter()))
    player.load(film, video=True, sound=False)
    surface.frame, surface.painted = None, []
    player.play()
    wait(app, lambda: received, 10)
    wait(app, lambda: not player.playing, seconds + 10)
    player.release()
    expected = round(seconds * FPS)
    gaps = [b - a for a, b in itertools.pairwise(received)]
    return {
        "frames_expected": expected,
        "frames_dropped": max(0, expected - len(received)),
        "longest_frame_gap_ms": max(gaps) * 1000 if gaps else float("inf"),
    }


def _cycles(app: QCoreApplication, player: ClipPlayer, surface: TimedSurface, film: Path, cycles: int) -> float:
    """Resident memory after ``cycles`` play/stop rounds, less what it was after the first."""

    def cycle() -> None:
        player.load(film, video=True, sound=False)
        surface.frame, surface.painted = None, []
        player.play()
        wait(app, lambda: surface.painted, 10)
        player.release()
        surface.frame = None
        wait(app, lambda: False, 0.02)  # let deleteLater run

    for _ in range(5):
        cycle()
    gc.collect()
    before = rss_mb()
    for _ in range(cycles):
        cycle()
    gc.collect()
    wait(app, lambda: False, 0.2)
    return rss_mb() - before


def main(argv: list[str]) -> None:
    print(json.dumps(measure(float(argv[0]), int(argv[1]))))


if __name__ == "__main__":
    main(sys.argv[1:])
