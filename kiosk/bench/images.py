"""A 6000x4000 photograph: decoded off the GUI thread, and the GUI never stalls."""

from __future__ import annotations

import itertools
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.ui.media.images import ImageStore


def make_photo(path: Path, width: int = 6000, height: int = 4000) -> None:
    """A large JPEG with real detail (gradients and edges), made on the spot."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, width, height)
    gradient.setColorAt(0, QColor("#2b3a55"))
    gradient.setColorAt(1, QColor("#e8b44c"))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(QColor("#f3ead8"))
    for x in range(0, width, 37):
        painter.drawLine(x, 0, width - x, height)
    painter.end()
    image.save(str(path))


def measure(runs: int, shown: QSize | None = None) -> tuple[float, float]:
    """Median decode time (ms) at display size, and the GUI thread's longest stall (ms)."""
    shown = shown or QSize(1056, 660)
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    try:
        photo = folder / "photo.jpg"
        make_photo(photo)
        decode_ms, stalls = [], []
        for run in range(runs):
            store = ImageStore()
            done: list[float] = []
            store.ready.connect(lambda path, image, done=done: done.append(time.perf_counter()))
            beats: list[float] = []
            heartbeat = QTimer()
            heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
            heartbeat.setInterval(1)
            heartbeat.timeout.connect(lambda beats=beats: beats.append(time.perf_counter()))
            heartbeat.start()
            app.processEvents()
            started = time.perf_counter()
            beats.append(started)
            store.request(photo, QSize(shown.width() + run, shown.height()))  # a new size each run: no cache
            while not done:
                app.processEvents()
            heartbeat.stop()
            decode_ms.append((done[0] - started) * 1000)
            stalls.append(max(b - a for a, b in itertools.pairwise(beats)) * 1000 if len(beats) > 1 else 0.0)
            store.wait()
        decode_ms.sort()
        return decode_ms[len(decode_ms) // 2], max(stalls)
    finally:
        shutil.rmtree(folder)
