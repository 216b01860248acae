"""Images decoded off the GUI thread, at the size they are shown, and cached.

A 6000x4000 photograph decoded on the GUI thread would freeze the screen for
a visible moment, so every decode runs in the thread pool: ``QImageReader``
with a scaled size for bitmaps (the decoder skips what it does not need) and
``QSvgRenderer`` for SVG, rendered crisp at the exact size. Results come back
through a queued signal; the cache is bounded by bytes. A file that will not
decode is reported once and remembered, and views draw a designed fallback.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

Key = tuple[str, int, int, bool]
DEFAULT_BUDGET = 64 * 1024 * 1024
"""Enough for the attract loop's pictures and a stop's neighbours at 1080p;
anything older is decoded again, off the GUI thread, when it is next shown."""


def decode(path: Path, size: QSize, cover: bool = False) -> QImage | None:
    """The image at ``path`` fitted inside ``size`` (or covering it), or None if broken."""
    mode = Qt.AspectRatioMode.KeepAspectRatioByExpanding if cover else Qt.AspectRatioMode.KeepAspectRatio
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None
        target = renderer.defaultSize().scaled(size, mode)
        image = QImage(target, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        scaled = original.scaled(size, mode)
        reader.setScaledSize(scaled if scaled.width() < original.width() else original)
    image = reader.read()
    return None if image.isNull() else image


class _Relay(QObject):
    done = Signal(object, object)  # key, QImage or None


class _DecodeTask(QRunnable):
    def __init__(self, key: Key, path: Path, size: QSize, relay: _Relay) -> None:
        super().__init__()
        self.key, self.path, self.size, self.relay = key, path, size, relay

    def run(self) -> None:
        try:
            image = decode(self.path, self.size, cover=self.key[3])
        except Exception:  # a decoder bug must not kill the pool thread
            log.exception("decoding %s failed", self.path)
            image = None
        self.relay.done.emit(self.key, image)


class ImageStore(QObject):
    """Asks for images by path and size; answers with ``ready`` or ``failed``."""

    ready = Signal(str, object)   # path, QImage
    failed = Signal(str)          # path
    cleared = Signal()            # files changed on disk: fetch again

    def __init__(self, parent: QObject | None = None, budget_bytes: int = DEFAULT_BUDGET,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.budget = budget_bytes
        self._pool = pool or QThreadPool.globalInstance()
        self._cache: OrderedDict[Key, QImage] = OrderedDict()
        self._bytes = 0
        self._pending: set[Key] = set()
        self._broken: set[str] = set()
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)

    @staticmethod
    def key(path: Path, size: QSize, cover: bool = False) -> Key:
        return (str(path), size.width(), size.height(), cover)

    def cached(self, path: Path, size: QSize, cover: bool = False) -> QImage | None:
        key = self.key(path, size, cover)
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def mark_broken(self, path: Path) -> None:
        """A view found the file unusable by other means (an invalid SVG)."""
        self._broken.add(str(path))

    def is_broken(self, path: Path) -> bool:
        return str(path) in self._broken

    def request(self, path: Path, size: QSize, cover: bool = False) -> QImage | None:
        """The image if cached; otherwise start decoding it and return None.

        ``cover``: scale to cover the size (cropped when drawn) rather than fit in it.
        """
        if size.isEmpty() or self.is_broken(path):
            return None
        image = self.cached(path, size, cover)
        if image is not None:
            return image
        key = self.key(path, size, cover)
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_DecodeTask(key, path, size, self._relay))
        return None

    def clear(self) -> None:
        """Forget everything: media files changed on disk (the curator's preview)."""
        self._cache.clear()
        self._bytes = 0
        self._broken.clear()
        self.cleared.emit()

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for decodes in flight (tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    def _finished(self, key: Key, image: QImage | None) -> None:
        self._pending.discard(key)
        path = key[0]
        if image is None:
            if path not in self._broken:
                log.warning("image could not be decoded, showing fallback: %s", path)
            self._broken.add(path)
            self.failed.emit(path)
            return
        self._cache[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self.budget and len(self._cache) > 1:
            _, evicted = self._cache.popitem(last=False)
            self._bytes -= evicted.sizeInBytes()
        self.ready.emit(path, image)
