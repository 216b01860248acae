"""The still of the screen being left, which a transition slides or fades away."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class Snapshot(QWidget):
    """A still of the screen being left, slid or faded away over the new one.

    It is copied from the window's backing store, the frame already on the
    glass, into a buffer kept from one transition to the next, rather than
    painted again with ``QWidget.grab``: on the way from a swipe to the next
    frame, a copy takes a fraction of the time of painting a stop again.
    """

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.picture = QImage()
        # A still is never what a finger means: a tap during the transition goes
        # to the screen already set up under it (where the next tap's stop is).
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def take(self, screen: QWidget) -> None:
        store = screen.window().backingStore()
        frame = store.paintDevice() if store is not None else None
        ratio = screen.devicePixelRatioF()
        corner = screen.mapTo(screen.window(), QPoint(0, 0))
        area = QRect(
            QPoint(round(corner.x() * ratio), round(corner.y() * ratio)),
            QSize(round(screen.width() * ratio), round(screen.height() * ratio)),
        )
        if not isinstance(frame, QImage) or frame.isNull() or not frame.rect().contains(area):
            self.picture = screen.grab().toImage()  # a platform without an image backing store
            return
        if self.picture.size() != area.size() or self.picture.format() != frame.format():
            self.picture = QImage(area.size(), frame.format())
        painter = QPainter(self.picture)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(QPoint(0, 0), frame, area)
        painter.end()
        self.picture.setDevicePixelRatio(ratio)

    def set_opaque(self, opaque: bool) -> None:
        from PySide6.QtCore import Qt

        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, opaque)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(QPoint(0, 0), self.picture)
        painter.end()
