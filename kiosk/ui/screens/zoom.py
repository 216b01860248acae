"""Image zoom: pinch, drag, double-tap; caption and credit stay in view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QTouchEvent, QWheelEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import AudioClip, Exhibit, MediaItem, Quotation, Video
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.ui.media.images import ImageStore, open_svg
from kiosk.ui.screens.media_panel import SEEK_STEP, MediaPanel
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton, paint_label, set_style, text_label
from kiosk.ui.widgets.image_view import paint_fallback

MAX_ZOOM = 5.0
DOUBLE_TAP_ZOOM = 2.5


class ZoomView(QWidget):
    """The picture under the fingers. SVG is drawn as vectors at every scale."""

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.path: Path | None = None
        self.svg: QSvgRenderer | None = None
        self.image: QImage | None = None
        self.look: Look | None = None
        self.alt = self.missing = ""
        self.zoom = 1.0
        self.offset = QPointF(0, 0)
        self._drag: QPointF | None = None
        self._pinch: tuple[float, float, QPointF] | None = None
        store.ready.connect(self._on_ready)
        store.failed.connect(self._on_failed)  # bound: dropped with the screen, unlike a lambda
        store.cleared.connect(self._forget)

    def _on_failed(self, path: str) -> None:
        self.update()

    def show_image(self, path: Path, alt: str, missing: str, look: Look) -> None:
        if path != self.path:
            self.path, self.zoom, self.offset = path, 1.0, QPointF(0, 0)
            self.image = None
            svg = path.suffix.lower() == ".svg"
            self.svg = open_svg(path, self.store.media_root) if svg else None
            if svg and self.svg is None:
                self.store.mark_broken(path)
        self.alt, self.missing, self.look = alt, missing, look
        self.setAccessibleName(alt)
        if self.svg is None:
            self.image = self.store.request(path, self.size()) or self.image
        self.update()

    def _forget(self) -> None:
        """The files changed: load this picture again next time it is shown."""
        self.path = None

    def _on_ready(self, path: str, image: QImage) -> None:
        if self.path is not None and path == str(self.path) and self.svg is None:
            self.image = image
            self.update()

    def _natural(self) -> QRectF:
        """The picture fitted to the view at zoom 1."""
        if self.svg is not None:
            size = self.svg.defaultSize()
        elif self.image is not None:
            size = self.image.size()
        else:
            return QRectF(self.rect())
        fitted = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            (self.width() - fitted.width()) / 2, (self.height() - fitted.height()) / 2, fitted.width(), fitted.height()
        )

    def picture_rect(self) -> QRectF:
        base = self._natural()
        centre = QPointF(self.width() / 2, self.height() / 2)
        top_left = centre + (base.topLeft() - centre) * self.zoom + self.offset
        return QRectF(top_left.x(), top_left.y(), base.width() * self.zoom, base.height() * self.zoom)

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom about ``anchor`` (view coordinates), keeping that point still."""
        zoom = min(MAX_ZOOM, max(1.0, zoom))
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        centre = QPointF(self.width() / 2, self.height() / 2)
        factor = zoom / self.zoom
        self.offset = (self.offset + centre - anchor) * factor + anchor - centre
        self.zoom = zoom
        self._clamp()
        self.update()

    def _clamp(self) -> None:
        if self.zoom <= 1.0:
            self.offset = QPointF(0, 0)
            return
        base = self._natural()
        limit_x = max(0.0, (base.width() * self.zoom - self.width()) / 2)
        limit_y = max(0.0, (base.height() * self.zoom - self.height()) / 2)
        self.offset = QPointF(
            min(limit_x, max(-limit_x, self.offset.x())), min(limit_y, max(-limit_y, self.offset.y()))
        )

    def pan_step(self, dx: int, dy: int) -> None:
        """An arrow key: a fifth of the view in that direction."""
        self.pan(QPointF(dx * self.width() / 5, dy * self.height() / 5))

    def pan(self, delta: QPointF) -> None:
        self.offset += delta
        self._clamp()
        self.update()

    # --- input --------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            self._touch(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        points = [p for p in event.points() if p.state() != p.State.Released]
        if len(points) >= 2:
            a, b = points[0].position(), points[1].position()
            distance = max(1.0, ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5)
            middle = (a + b) / 2
            if self._pinch is None:
                self._pinch = (distance, self.zoom, middle)
            else:
                start_distance, start_zoom, last_middle = self._pinch
                self.set_zoom(start_zoom * distance / start_distance, middle)
                self.pan(middle - last_middle)
                self._pinch = (start_distance, start_zoom, middle)
            self._drag = None
        elif len(points) == 1 and self._pinch is None:
            here = points[0].position()
            if self._drag is not None:
                self.pan(here - self._drag)
            self._drag = here
        if event.type() == QEvent.Type.TouchEnd:
            self._drag, self._pinch = None, None
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self.pan(event.position() - self._drag)
            self._drag = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.set_zoom(1.0 if self.zoom > 1.01 else DOUBLE_TAP_ZOOM, event.position())

    def activate(self) -> None:
        """Select on a keypad: zoom in, or back to the whole picture."""
        self.set_zoom(1.0 if self.zoom > 1.01 else DOUBLE_TAP_ZOOM)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.set_zoom(self.zoom * (1.0015 ** event.angleDelta().y()), event.position())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self.svg is not None:
            self.svg.render(painter, self.picture_rect())
        elif self.image is not None:
            painter.drawImage(self.picture_rect(), self.image)
        elif self.path is not None and self.store.is_broken(self.path) and self.look is not None:
            paint_fallback(painter, QRectF(self.rect()), self.look, self.missing, self.alt)
        if self.hasFocus() and self.look is not None:  # the keypad's focus ring, as on every control
            width = self.look.px(6)
            painter.setPen(QPen(QColor(self.look.theme.focus), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2))
        painter.end()


class ZoomScreen(QWidget):
    """One of a stop's pictures, full size; or one of its film clips, recordings
    or quotations (they follow the pictures in the stop's count)."""

    intent = Signal(object)

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ZoomView(store)
        self.panel = MediaPanel(store)
        self.panel.intent.connect(self.intent)
        self.item: MediaItem | None = None
        """The media item on show, or None for a picture."""
        self.caption, self.credit, self.hint = text_label(), text_label(), text_label()
        self.close_button = TouchButton("", on_click=lambda: self.intent.emit(ev.CloseImage()))
        words = QVBoxLayout()
        words.addWidget(self.caption)
        words.addWidget(self.credit)
        words.addWidget(self.hint)
        bar = QHBoxLayout()
        bar.addLayout(words, 1)
        bar.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.stage = QStackedLayout()
        self.stage.addWidget(self.view)
        self.stage.addWidget(self.panel)
        root = self.root = QVBoxLayout(self)
        root.addLayout(self.stage, 1)
        root.addLayout(bar)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        lang, t = state.visit.language, look.theme
        stop = exhibit.stops[state.stop]
        margin = look.px(40)
        self.root.setContentsMargins(margin, margin, margin, margin)
        if state.image < len(stop.images):
            self.item = None
            image = stop.images[state.image]
            self.stage.setCurrentWidget(self.view)
            self.view.show_image(image.path_for(lang), image.alt[lang], tr(lang, "image_missing"), look)
            caption, credit, hint = (
                image.caption[lang],
                image.credit[lang],
                f"{tr(lang, 'zoom_hint')}. {tr(lang, 'zoom_keys')}",
            )
        else:
            self.item = stop.media[state.image - len(stop.images)]
            self.stage.setCurrentWidget(self.panel)
            self.panel.show_item(self.item, lang, look, state.visit.narrating)
            caption, credit, hint = _about(self.item, lang)
        self.caption.setText(caption)
        paint_label(self.caption, look, "body", t.text, QFont.Weight.DemiBold)
        self.credit.setText(credit)
        paint_label(self.credit, look, "small", t.muted)
        self.hint.setText(hint)
        paint_label(self.hint, look, "small", t.accent)
        self.close_button.setText("✕  " + tr(lang, "close"))
        self.close_button.setAccessibleName(tr(lang, "close"))
        self.close_button.restyle(look, QFont.Weight.Bold)
        set_style(self.view, f"background: {QColor(t.background).darker(140).name()};")

    def focus_first(self) -> QWidget:
        if self.item is None:
            return self.view
        return next(iter(self.panel.focus_chain()), self.close_button)

    def focus_chain(self) -> list[QWidget]:
        if self.item is None:
            return [self.view, self.close_button]
        return [*self.panel.focus_chain(), self.close_button]

    def wants_arrows(self) -> bool:
        """The arrows move a zoomed picture, or a clip back and on."""
        return self.view.zoom > 1.01 if self.item is None else isinstance(self.item, (Video, AudioClip))

    def arrow(self, dx: int, dy: int) -> None:
        if self.item is None:
            self.view.pan_step(dx, dy)
        elif dx:
            self.panel.seek_by(-dx * SEEK_STEP)  # Left (the picture would move right) goes back


def _about(item: MediaItem, lang: str) -> tuple[str, str, str]:
    """Caption, credit and keypad hint under a media item."""
    if isinstance(item, Quotation):
        return tr(lang, "quotation"), "", ""  # who, when and source stand under the words
    kind = tr(lang, "film" if isinstance(item, Video) else "recording")
    return f"{kind}: {item.title[lang]}", item.credit[lang], tr(lang, "clip_keys")
