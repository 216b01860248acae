"""The image view shared by the screens, its fallback panel and the zoom badge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.media.images import ImageStore
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import set_style  # noqa: F401


class ImageView(QWidget):
    """Shows one exhibit image fitted to its box, or a fallback that says so.

    The fallback is a designed panel with the image's alt text, so a visitor
    still learns what the picture was meant to show.
    """

    tapped = Signal()

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.alt = ""
        self.missing_text = ""
        self.look: Look | None = None
        self.zoomable = False
        """Draw the badge that says a tap enlarges the picture."""
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        store.ready.connect(self._on_ready)
        store.failed.connect(self._on_failed)
        store.cleared.connect(self._refetch)

    def show_image(self, path: Path, alt: str, missing_text: str, look: Look) -> None:
        changed = path != self.path
        self.path, self.alt, self.missing_text, self.look = path, alt, missing_text, look
        self.setAccessibleName(alt)
        if changed:
            self._image = None
        self._fetch()
        self.update()

    def let_go(self) -> None:
        """Show nothing and hold no picture (drawn once, not shown again as it is)."""
        self.path, self._image = None, None

    @property
    def showing_fallback(self) -> bool:
        return self.path is not None and self.store.is_broken(self.path)

    @property
    def has_image(self) -> bool:
        return self._image is not None

    @property
    def settled(self) -> bool:
        """Showing what it will go on showing: its picture decoded for its own
        size (not a stand-in of another size, not still on its way), or its fallback."""
        if self.path is None or self.showing_fallback:
            return True
        final = self.store.cached(self.path, self._target())
        return self._image is not None and final is not None and final.cacheKey() == self._image.cacheKey()

    def sizeHint(self) -> QSize:
        return QSize(800, 500)

    def _target(self) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(max(1, int(self.width() * ratio)), max(1, int(self.height() * ratio)))

    def _fetch(self) -> None:
        if self.path is None or (not self.isVisible() and self.width() < 10):
            return
        image = self.store.request(self.path, self._target())
        if image is not None:
            self._image = image

    def _refetch(self) -> None:
        self._image = None
        self._fetch()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fetch()
        super().resizeEvent(event)

    def _on_ready(self, path: str, image: QImage) -> None:
        if self.path is not None and path == str(self.path):
            # the decode for this view's size, else any size of it until that comes
            self._image = self.store.cached(self.path, self._target()) or self._image or image
            self.update()

    def _on_failed(self, path: str) -> None:
        if self.path is not None and path == str(self.path):
            self.update()

    def image_rect(self) -> QRectF:
        if self._image is None:
            return QRectF(self.rect())
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._image is not None:
            painter.drawImage(self.image_rect(), self._image)
            if self.zoomable and self.look is not None:
                paint_zoom_badge(painter, self.image_rect(), self.look)
        elif self.showing_fallback and self.look is not None:
            paint_fallback(painter, QRectF(self.rect()), self.look, self.missing_text, self.alt)
        if self.hasFocus() and self.look is not None:
            width = self.look.px(6)
            painter.setPen(QPen(QColor(self.look.theme.focus), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.image_rect().adjusted(width / 2, width / 2, -width / 2, -width / 2))
        painter.end()

    def activate(self) -> None:
        """Select on a keypad does what a tap does."""
        self.tapped.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.tapped.emit()
        super().mouseReleaseEvent(event)


def paint_fallback(painter: QPainter, rect: QRectF, look: Look, title: str, alt: str) -> None:
    """A quiet panel: a picture-frame glyph, 'Image unavailable' and the alt text."""
    t = look.theme
    painter.save()
    panel = rect.adjusted(look.px(8), look.px(8), -look.px(8), -look.px(8))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(t.surface))
    painter.drawRoundedRect(panel, look.px(18), look.px(18))
    icon = QRectF(0, 0, look.px(120), look.px(90))
    icon.moveCenter(QPointF(panel.center().x(), panel.top() + panel.height() * 0.3))
    painter.setPen(QPen(QColor(t.muted), look.px(5)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(icon, look.px(8), look.px(8))
    hills = QPainterPath(QPointF(icon.left() + look.px(12), icon.bottom() - look.px(14)))
    hills.lineTo(icon.left() + icon.width() * 0.4, icon.top() + icon.height() * 0.45)
    hills.lineTo(icon.left() + icon.width() * 0.6, icon.top() + icon.height() * 0.65)
    hills.lineTo(icon.left() + icon.width() * 0.75, icon.top() + icon.height() * 0.5)
    hills.lineTo(icon.right() - look.px(12), icon.bottom() - look.px(14))
    painter.drawPath(hills)
    text_box = QRectF(
        panel.left() + look.px(40),
        icon.bottom() + look.px(30),
        panel.width() - look.px(80),
        panel.bottom() - icon.bottom() - look.px(50),
    )
    painter.setPen(QColor(t.text))
    painter.setFont(look.font("body", QFont.Weight.DemiBold))
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    title_rect = painter.boundingRect(text_box, flags, title)
    painter.drawText(text_box, flags, title)
    painter.setPen(QColor(t.muted))
    painter.setFont(look.font("small"))
    painter.drawText(text_box.adjusted(0, title_rect.height() + look.px(16), 0, 0), flags, alt)
    painter.restore()


def paint_zoom_badge(painter: QPainter, picture: QRectF, look: Look) -> None:
    """A magnifier in the picture's corner: this picture opens larger."""
    size = look.px(64)
    badge = QRectF(picture.right() - size - look.px(14), picture.bottom() - size - look.px(14), size, size)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 150))
    painter.drawEllipse(badge)
    painter.setPen(QPen(QColor("#ffffff"), look.px(5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    lens = QRectF(0, 0, size * 0.4, size * 0.4)
    lens.moveCenter(badge.center() - QPointF(size * 0.06, size * 0.06))
    painter.drawEllipse(lens)
    painter.drawLine(
        lens.center() + QPointF(size * 0.15, size * 0.15), badge.center() + QPointF(size * 0.24, size * 0.24)
    )
    painter.restore()
