"""The curator's preview: the kiosk in a window that follows the file.

It watches the exhibit file, its folder and the exhibit's media folders.
Editors that save by writing a new file and renaming it over the old one
make QFileSystemWatcher drop the path, so the folder is watched too and the
file is added back after every change. A short quiet period gathers the
several events of one save into one reload, well within a second.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.core.idle import IdlePolicy
from kiosk.core.loader import check_exhibit
from kiosk.core.model import Exhibit
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.window import KioskWindow

log = logging.getLogger(__name__)

SIZES = {"1920 × 1080": (1920, 1080), "1080 × 1920": (1080, 1920), "1280 × 800": (1280, 800)}
QUIET_MS = 150


class ErrorBanner(QWidget):
    """The file's errors laid over the last good content, until they are fixed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.lines: list[str] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_errors(self, lines: list[str]) -> None:
        self.lines = lines
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.setVisible(bool(lines))
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        box = QRectF(20, 20, self.width() - 40, min(self.height() - 40, 60 + 34 * len(self.lines)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(150, 20, 20, 235))
        painter.drawRoundedRect(box, 12, 12)
        painter.setPen(QColor("#ffffff"))
        font = QFont("DejaVu Sans Mono")
        font.setPixelSize(22)
        painter.setFont(font)
        text = "The exhibit file has errors; showing the last good version:\n" + "\n".join(self.lines)
        painter.drawText(box.adjusted(20, 14, -20, -14), int(Qt.TextFlag.TextWordWrap), text)
        painter.end()


class PreviewWindow(QWidget):
    reloaded = Signal(bool)  # True: new content shown; False: errors shown

    def __init__(
        self,
        exhibit_path: Path,
        exhibit: Exhibit,
        store: ImageStore,
        family: str,
        media_root: Path | None = None,
        size: tuple[int, int] = (1920, 1080),
    ) -> None:
        super().__init__()
        self.setWindowTitle(f"Preview: {exhibit_path.name}")
        self.exhibit_path, self.media_root = exhibit_path.resolve(), media_root
        self.kiosk = KioskWindow(store, family)
        self.controller = KioskController(exhibit, self.kiosk)
        self.controller.machine.idle = IdlePolicy(timeout=10**7, warning=15)  # a curator is never idle
        self.banner = ErrorBanner(self.kiosk)
        self.sizes = QComboBox()
        self.sizes.addItems(list(SIZES))
        self.sizes.currentTextChanged.connect(lambda name: self.set_size(*SIZES[name]))
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Screen:"))
        bar.addWidget(self.sizes)
        bar.addWidget(self.status, 1)
        holder = QScrollArea()
        holder.setWidget(self.kiosk)
        holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root = QVBoxLayout(self)
        root.addLayout(bar)
        root.addWidget(holder, 1)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(QUIET_MS)
        self.quiet.timeout.connect(self.reload)
        self.set_size(*size)
        self._watch(exhibit)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.quiet.stop()
        self.controller.stop()

    def set_size(self, width: int, height: int) -> None:
        self.kiosk.setFixedSize(width, height)
        self.banner.show_errors(self.banner.lines)

    def _watch(self, exhibit: Exhibit) -> None:
        paths = {str(self.exhibit_path), str(self.exhibit_path.parent)}
        for stop in exhibit.stops:
            for image in stop.images:
                for path in image.paths():
                    paths.update((str(path), str(path.parent)))
            paths.update(str(path) for _, path in stop.audio)
        current = set(self.watcher.files()) | set(self.watcher.directories())
        missing = [p for p in paths if p not in current and Path(p).exists()]
        if missing:
            self.watcher.addPaths(missing)

    def _changed(self, path: str) -> None:
        self.quiet.start()  # restart the quiet period: one save, one reload

    def reload(self) -> None:
        result = check_exhibit(self.exhibit_path, self.media_root)
        if result.exhibit is None:
            self.banner.show_errors([row for d in result.errors for row in d.full().splitlines()])
            self.status.setText(f"{len(result.errors)} error(s) in {self.exhibit_path.name}")
            log.warning("preview: %d errors, keeping the last good content", len(result.errors))
            self._watch(self.controller.exhibit)
            self.reloaded.emit(False)
            return
        self.kiosk.store.clear()
        self.controller.replace_exhibit(result.exhibit)
        self.banner.show_errors([])
        warnings = len(result.warnings)
        self.status.setText(f"Reloaded {self.exhibit_path.name}" + (f" ({warnings} warning(s))" if warnings else ""))
        self._watch(result.exhibit)
        self.reloaded.emit(True)
