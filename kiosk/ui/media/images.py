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
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter

from kiosk.core.media import resolve_at_open, svg_problems
from kiosk.ui.media.kept_pictures import KeptPictures

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

Key = tuple[str, int, int, bool]
DEFAULT_BUDGET = 64 * 1024 * 1024
"""Enough for the attract loop's pictures and a stop's neighbours at 1080p;
anything older is decoded again, off the GUI thread, when it is next shown."""


def fitted(size: QSize, box: QSize, cover: bool = False) -> QSize:
    """``size`` scaled to fit inside ``box``, or to cover it, keeping its shape.

    Arithmetic rather than ``QSize.scaled``, whose mode is named in PySide's
    ``Qt`` namespace: importing that builds all its enums (some 10 ms), and
    this module is imported on the way to the first frame.
    """
    if size.isEmpty():
        return QSize(box)
    factor = (max if cover else min)(box.width() / size.width(), box.height() / size.height())
    return QSize(max(1, round(size.width() * factor)), max(1, round(size.height() * factor)))


def read_media(path: Path, root: Path | None) -> bytes | None:
    """The file's bytes, read through its path resolved now: a link swapped since the
    exhibit was checked is refused here, when it is read. None when refused or unreadable."""
    target = resolve_at_open(path, root) if root is not None else path
    if target is None:
        log.warning("refused %s: it now leads outside the media folder", path)
        return None
    try:
        return target.read_bytes()
    except OSError:
        return None


def open_svg(path: Path, root: Path | None) -> QSvgRenderer | None:
    """A renderer for a safe SVG: read from its bytes (so it can resolve nothing
    beside it), refused if it declares entities or refers outside itself."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer  # on a decode thread: not on the way to the first frame

    data = read_media(path, root)
    if data is None:
        return None
    problems = svg_problems(data)
    if problems:
        log.warning("refused %s: %s", path, "; ".join(problems))
        return None
    renderer = QSvgRenderer(QByteArray(data))
    return renderer if renderer.isValid() else None


def decode(path: Path, size: QSize, cover: bool = False, root: Path | None = None) -> QImage | None:
    """The image at ``path`` fitted inside ``size`` (or covering it), or None if broken.
    ``root``: the media folder the file must still be in when it is read."""
    if path.suffix.lower() == ".svg":
        renderer = open_svg(path, root)
        if renderer is None:
            return None
        image = QImage(fitted(renderer.defaultSize(), size, cover), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)  # transparent
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image
    # The real path, resolved now and checked, is what the decoder opens: a link swapped
    # after validation is refused here, and the bytes never pass through Python (a large
    # photograph copied under the interpreter's lock would stall the GUI thread).
    target = resolve_at_open(path, root) if root is not None else path
    if target is None:
        log.warning("refused %s: it now leads outside the media folder", path)
        return None
    reader = QImageReader(str(target))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        scaled = fitted(original, size, cover)
        reader.setScaledSize(scaled if scaled.width() < original.width() else original)
    image = reader.read()
    return None if image.isNull() else image


class _Relay(QObject):
    done = Signal(object, object)  # key, QImage or None
    prepared = Signal()


class _PrepareTask(QRunnable):
    def __init__(self, work: Callable[[], None], gate: threading.Event, relay: _Relay) -> None:
        super().__init__()
        self.work, self.gate, self.relay = work, gate, relay

    def run(self) -> None:
        try:
            self.work()
        except Exception:  # decode anyway, in whatever fonts there are
            log.exception("preparing to decode failed")
        finally:
            self.gate.set()
            self.relay.prepared.emit()


class _DecodeTask(QRunnable):
    def __init__(
        self, key: Key, path: Path, size: QSize, relay: _Relay, gate: threading.Event, keep: KeptPictures | None = None
    ) -> None:
        super().__init__()
        self.key, self.path, self.size, self.relay, self.gate, self.keep = key, path, size, relay, gate, keep
        self.root: Path | None = None

    def run(self) -> None:
        cover = self.key[3]
        try:
            image = self.keep.load(self.path, self.size, cover) if self.keep is not None else None
            if image is None:
                self.gate.wait()  # kept pixels need no fonts; a decode may
                image = decode(self.path, self.size, cover=cover, root=self.root)
                if image is not None and self.keep is not None:
                    self.keep.save(self.path, self.size, cover, image)
        except Exception:  # a decoder bug must not kill the pool thread
            log.exception("decoding %s failed", self.path)
            image = None
        self.relay.done.emit(self.key, image)


class ImageStore(QObject):
    """Asks for images by path and size; answers with ``ready`` or ``failed``."""

    ready = Signal(str, object)  # path, QImage
    failed = Signal(str)  # path
    cleared = Signal()  # files changed on disk: fetch again
    prepared = Signal()  # the work given to prepare() is done

    def __init__(
        self,
        parent: QObject | None = None,
        budget_bytes: int = DEFAULT_BUDGET,
        pool: QThreadPool | None = None,
        kept: KeptPictures | None = None,
    ) -> None:
        super().__init__(parent)
        self.budget = budget_bytes
        self.kept = kept
        """Where pictures asked for with ``keep`` are kept between starts."""
        self.media_root: Path | None = None
        """The media folder every file must still be in when it is read (set with the exhibit)."""
        self._pool = pool or QThreadPool.globalInstance()
        self._cache: OrderedDict[Key, QImage] = OrderedDict()
        self._bytes = 0
        self._pending: set[Key] = set()
        self._broken: set[str] = set()
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._relay.prepared.connect(self.prepared)
        self._gate = threading.Event()
        self._gate.set()

    def hold(self) -> None:
        """Start no decode until ``prepare`` has been given its work and has done it."""
        self._gate.clear()

    def prepare(self, work: Callable[[], None]) -> None:
        """Run ``work`` on a worker thread, and start no decode before it is done.

        The kiosk registers its fonts this way, off the GUI thread: an SVG's
        lettering drawn before Inter is registered would be drawn, and cached,
        in a fallback font. The task goes first in the pool, so the
        decodes waiting for it can never hold every thread it could run on.
        """
        self._gate.clear()
        self._pool.start(_PrepareTask(work, self._gate, self._relay), 1)

    def is_prepared(self) -> bool:
        return self._gate.is_set()

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

    def request(self, path: Path, size: QSize, cover: bool = False, keep: bool = False) -> QImage | None:
        """The image if cached; otherwise start decoding it and return None.

        ``cover``: scale to cover the size (cropped when drawn) rather than fit in it.
        ``keep``: look among the kept pictures before decoding, and keep what
        is decoded there (the first attract picture, for the next start).
        """
        if size.isEmpty() or self.is_broken(path):
            return None
        image = self.cached(path, size, cover)
        if image is not None:
            return image
        key = self.key(path, size, cover)
        if key not in self._pending:
            self._pending.add(key)
            task = _DecodeTask(key, path, size, self._relay, self._gate, self.kept if keep else None)
            task.root = self.media_root
            self._pool.start(task)
        return None

    def asked_for(self, path: Path, size: QSize, cover: bool = False) -> bool:
        """Whether this picture is decoded or being decoded."""
        key = self.key(path, size, cover)
        return key in self._pending or key in self._cache

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
