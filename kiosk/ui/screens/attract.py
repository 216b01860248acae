"""Attract: the exhibit's strongest pictures, slowly moving, and an invitation.

The slide index comes from the navigation state (the core's slide clock);
this view only animates between slides. Animation runs only while the screen
is visible, and reduced motion turns pans into still images and fades into cuts.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QHideEvent, QImage, QLinearGradient, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.ui.media.images import ImageStore, fitted
from kiosk.ui.style.look import Look

FADE_SECONDS = 1.6
FRAME_MS = 40
"""25 frames a second: the slow zoom and the pulse look the same as at 30, for less work."""
DRIFT = 0.08
"""How far the slow zoom goes over one slide (8 %)."""


class AttractScreen(QWidget):
    first_picture = Signal()
    """The first slide's picture is on screen: the kiosk has truly started."""

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.paths: list[Path] = []
        self.slide = 0
        self.previous: int | None = None
        self.slide_seconds = 8.0
        self.changed_at = time.monotonic()
        self.look: Look | None = None
        self.title = self.subtitle = ""
        self.prompts: list[str] = []
        self._painted_slide: int | None = None
        self._live = False
        """The first live frame has been drawn; before it, the kept one if any."""
        self.kept_frame: QImage | None = None
        self._opaque_cache: dict[int, tuple[int, QImage]] = {}
        self._layers: tuple[tuple[object, ...], tuple[QImage, QImage, QPoint]] | None = None
        self._waited_enough = False
        """The first frame as drawn at the last start (see ``render_frame``)."""
        self.frame = QTimer(self)
        self.frame.setInterval(FRAME_MS)
        self.frame.timeout.connect(self.update)
        # Bound methods, not lambdas: Qt drops these connections when the screen goes.
        store.ready.connect(self._store_changed)
        store.failed.connect(self._store_changed)
        store.prepared.connect(self._store_changed)

    def _store_changed(self, *_: object) -> None:
        self.update()

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        self.look = look
        self.paths = [image.path for image in exhibit.attract_images()]
        self.slide_seconds = exhibit.attract.slide_seconds
        if state.slide != self.slide:
            self.previous, self.slide = self.slide, state.slide
            self.changed_at = time.monotonic()
        lang = exhibit.default_language
        self.title, self.subtitle = exhibit.title[lang], exhibit.subtitle[lang]
        self.prompts = [tr(code, "touch") for code in exhibit.language_codes]
        self.setAccessibleName(" · ".join(self.prompts))
        self._animate(self.isVisible())
        self.update()

    def _animate(self, visible: bool) -> None:
        """Frames only while shown and moving: with reduced motion nothing moves,
        and a slide change repaints through render()."""
        moving = visible and not (self.look is not None and self.look.reduced_motion)
        if moving and not self.frame.isActive():
            self.frame.start()
        elif not moving:
            self.frame.stop()

    def prompt_text(self, advance: Callable[[str], float], width: float) -> str:
        """All languages on one line when they fit, else one line each."""
        line = "  ·  ".join(self.prompts)
        return line if advance(line) <= width else "\n".join(self.prompts)

    def _set_opaque(self) -> None:
        """Live frames cover every pixel: Qt need not paint the window's background
        under them first (one full-screen fill less per frame)."""
        from PySide6.QtCore import Qt

        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def showEvent(self, event: QShowEvent) -> None:
        self._animate(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._animate(False)
        super().hideEvent(event)

    @staticmethod
    def request_size(width: int, height: int) -> QSize:
        """Big enough to cover the screen through the slow zoom, and no bigger."""
        return QSize(int(width * (1 + DRIFT)), int(height * (1 + DRIFT)))

    def _image(self, index: int) -> QImage | None:
        if not self.paths:
            return None
        return self.store.request(
            self.paths[index % len(self.paths)], self.request_size(self.width(), self.height()), cover=True
        )

    def give_up_waiting(self) -> None:
        """The start-up deadline: draw live now, with whatever is ready, and count the
        kiosk as started; a picture that arrives later is drawn when it comes."""
        self._waited_enough = True
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.look is None:
            return
        if self.kept_frame is not None and self.kept_frame.size() != self.size():
            self.kept_frame = None  # drawn for another screen: useless here, and must not hold up the start
        if not self._live and (self.kept_frame is None or self._painted_slide is not None) and self._live_ready():
            self._live, self.kept_frame = True, None  # a kept frame is shown at least once: nothing waits for more
            self._set_opaque()
        painter = QPainter(self)
        if self._live:
            self._paint_live(painter, self.size(), time.monotonic() - self.changed_at, self.previous)
            if self._waited_enough:
                self._shown(self.slide)
        elif self.kept_frame is not None and self.kept_frame.size() == self.size():
            painter.drawImage(QPointF(0, 0), self.kept_frame)  # the first frame, as it was last drawn
            self._shown(self.slide)
        # else nothing yet: the window's background shows through
        painter.end()

    def _live_ready(self) -> bool:
        """Whether the first live frame can be drawn: the kiosk font registered
        (words would fall back) and the first picture decoded or known broken
        (words alone would flash before it)."""
        if self._waited_enough:
            return True
        if not self.store.is_prepared():
            return False
        if not self.paths:
            return True
        return self._image(self.slide) is not None or self.store.is_broken(self.paths[self.slide % len(self.paths)])

    def render_frame(self) -> QImage:
        """The first frame as ``paintEvent`` draws it live, to keep for the next start."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        self._paint_live(painter, self.size(), 0.0, None)
        painter.end()
        return image

    def frame_detail(self) -> str:
        """Everything a kept first frame depends on besides its picture, fonts and code."""
        return f"{self.look!r}|{self.title}|{self.subtitle}|{self.prompts}|{self.slide}"

    def _paint_live(self, painter: QPainter, size: QSize, age: float, previous: int | None) -> None:
        assert self.look is not None
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor(self.look.theme.background))
        fade = 1.0 if self.look.reduced_motion or previous is None else min(1.0, age / FADE_SECONDS)
        if previous is not None and fade < 1.0:
            self._draw_slide(painter, size, previous, 1.0, age + self.slide_seconds)
        self._draw_slide(painter, size, self.slide, fade, age)
        self._draw_words(painter, size, self.look, age)

    def _shown(self, index: int) -> None:
        if index == self.slide:
            if self._painted_slide is None:
                QTimer.singleShot(0, self.first_picture.emit)  # once this frame is out
            self._painted_slide = index

    def showing_picture(self) -> bool:
        """The current slide's picture has been painted (not just the background)."""
        return self._painted_slide == self.slide

    def _draw_slide(self, painter: QPainter, size: QSize, index: int, opacity: float, age: float) -> None:
        image = self._image(index)
        broken = image is None and bool(self.paths) and self.store.is_broken(self.paths[index % len(self.paths)])
        if image is not None or broken:
            # A broken picture counts as shown: the screen will look no different
            # later, and a kiosk that never says it is ready gets restarted for ever.
            self._shown(index)
        if image is None:
            return
        still = self.look is not None and self.look.reduced_motion
        progress = 0.0 if still else min(1.0, age / max(1.0, self.slide_seconds + FADE_SECONDS))
        zoom = (1.0 + DRIFT * (progress if index % 2 == 0 else 1.0 - progress)) / (1 + DRIFT)
        cover = fitted(image.size(), size * (1 + DRIFT), cover=True)
        width, height = cover.width() * zoom, cover.height() * zoom
        drift_x = (width - size.width()) * (0.3 + 0.4 * progress if index % 3 else 0.7 - 0.4 * progress)
        target = QRectF(-drift_x, (size.height() - height) / 2, width, height)
        painter.setOpacity(opacity)
        painter.drawImage(target, self._opaque(index, image))
        painter.setOpacity(1.0)

    def _opaque(self, index: int, image: QImage) -> QImage:
        """The picture laid once on the background as an opaque image: drawing it
        zoomed on every frame is then a plain resample, not also a blend of every
        pixel, which halves what the attract loop costs (see `kiosk bench`)."""
        key = image.cacheKey()
        kept = self._opaque_cache.get(index)
        if kept is not None and kept[0] == key:
            return kept[1]
        opaque = QImage(image.size(), QImage.Format.Format_RGB32)
        opaque.fill(QColor(self.look.theme.background if self.look is not None else "#000000"))
        painter = QPainter(opaque)
        painter.drawImage(QPoint(0, 0), image)
        painter.end()
        self._opaque_cache = {i: v for i, v in self._opaque_cache.items() if i in (self.previous, self.slide)}
        self._opaque_cache[index] = (key, opaque)
        return opaque

    def _draw_words(self, painter: QPainter, size: QSize, look: Look, age: float) -> None:
        words, prompt, at = self._word_layers(size, look)
        painter.drawImage(QPoint(0, 0), words)
        pulse = 1.0 if look.reduced_motion else 0.6 + 0.4 * (0.5 + 0.5 * math.cos(age * 2.6))
        painter.setOpacity(pulse)
        painter.drawImage(at, prompt)
        painter.setOpacity(1.0)

    def _word_layers(self, size: QSize, look: Look) -> tuple[QImage, QImage, QPoint]:
        """The shade, title and subtitle as one picture, and the prompt as another
        (it pulses): drawn once per size, look and wording, then only composed."""
        key = (size.width(), size.height(), look, self.title, self.subtitle, tuple(self.prompts))
        if self._layers is not None and self._layers[0] == key:
            return self._layers[1]
        # Imported here, not with the module: PySide builds every enum of its Qt
        # namespace on first use (some 10 ms), and a kept first frame needs none.
        from PySide6.QtCore import Qt

        t = look.theme
        words = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        words.fill(0)
        painter = QPainter(words)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = size.height() * 0.45  # the shade is clear above this
        shade = QLinearGradient(QPointF(0, top), QPointF(0, size.height()))
        shade.setColorAt(0.0, QColor(0, 0, 0, 0))
        shade.setColorAt(1.0, QColor(0, 0, 0, 225))
        painter.fillRect(QRectF(0, top, size.width(), size.height() - top), shade)
        margin = look.px(80)
        box = QRectF(margin, 0, size.width() - 2 * margin, size.height() - look.px(70))
        bottom = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        painter.setFont(look.font("title", QFont.Weight.Bold))
        prompt_text = self.prompt_text(painter.fontMetrics().horizontalAdvance, box.width())
        prompt_rect = painter.boundingRect(box, int(bottom), prompt_text).toAlignedRect()
        lift = painter.fontMetrics().lineSpacing() * (prompt_text.count("\n") + 1) + look.px(80)
        painter.setFont(look.font("title", QFont.Weight.Medium))
        sub_height = painter.fontMetrics().height()
        painter.setPen(QColor(t.accent))
        painter.drawText(box.adjusted(0, 0, 0, -lift), int(bottom), self.subtitle)
        painter.setFont(look.font("display", QFont.Weight.Black))
        painter.setPen(QColor(t.text))
        painter.drawText(box.adjusted(0, 0, 0, -lift - sub_height), int(bottom | Qt.TextFlag.TextWordWrap), self.title)
        painter.end()
        prompt = QImage(prompt_rect.size().expandedTo(QSize(1, 1)), QImage.Format.Format_ARGB32_Premultiplied)
        prompt.fill(0)
        painter = QPainter(prompt)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(look.font("title", QFont.Weight.Bold))
        painter.setPen(QColor(t.text))
        painter.translate(-prompt_rect.topLeft())
        painter.drawText(box, int(bottom), prompt_text)
        painter.end()
        self._layers = (key, (words, prompt, prompt_rect.topLeft()))
        return self._layers[1]
