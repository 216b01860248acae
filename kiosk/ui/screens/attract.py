"""Attract: the exhibit's strongest pictures, slowly moving, and an invitation.

The slide index comes from the navigation state (the core's slide clock);
this view only animates between slides. Animation runs only while the screen
is visible, and reduced motion turns pans into still images and fades into cuts.

The attract loop runs most of a museum's day, so its frames are cheap: each
picture is scaled once and then slid sideways (a pan), some two thirds of a
pixel per frame. The pan moves in half pixels: beside the picture we keep it
once more shifted by half a pixel (each pixel blended half and half with its
neighbour, as a resampling draw would), so every frame is one plain copy of
one of the two. A slow zoom would need a full resample of every pixel on
every frame (3 to 4 ms of a core at 1080p in software, measured), which
alone is more than the attract loop's whole budget (`kiosk bench`: attract
CPU, 8 % of a core).
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
"""25 frames a second: the slow pan and the pulse look the same as at 30, for less work."""
DRIFT = 0.08
"""How far the slow pan goes over one slide: 8 % of the screen's width."""


def pan_offset(picture_width: int, screen_width: int, progress: float) -> float:
    """How far (px) the picture's left edge lies left of the screen's, ``progress``
    of the way through its pan: a slide of at most DRIFT of the screen, centred
    on the picture, so a panorama pans at the same pace as any other picture."""
    spare = max(0, picture_width - screen_width)
    travel = min(spare, DRIFT * screen_width)
    return (spare - travel) / 2 + travel * progress


def shade(painter: QPainter, width: int, height: int, screen_height: int, top: int) -> None:
    """The dark shade that lets the words read over any picture: clear down to
    45 % of the screen, then darker to the bottom. ``top``: where the painted
    image's top edge lies on the screen (a picture taller than the screen is
    centred, so its top is above it)."""
    start, end = screen_height * 0.45 - top, screen_height - top
    gradient = QLinearGradient(QPointF(0, start), QPointF(0, end))
    gradient.setColorAt(0.0, QColor(0, 0, 0, 0))
    gradient.setColorAt(1.0, QColor(0, 0, 0, 225))
    painter.fillRect(QRectF(0, start, width, height - start), gradient)


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
        self._opaque_cache: dict[int, tuple[tuple[int, int, int], QImage]] = {}
        self._half: tuple[tuple[int, int], QImage] | None = None
        self._layers: tuple[tuple[object, ...], tuple[QImage, QPoint, QImage, QPoint]] | None = None
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
        # The screen-sized pictures the loop copies from (the laid pictures, the half
        # step, the words) are made again when it shows: a visitor's stops should not
        # carry 10 to 30 MB of a loop nobody sees (seen in `kiosk bench`'s long exhibit).
        self._opaque_cache, self._half, self._layers = {}, None, None
        super().hideEvent(event)

    @staticmethod
    def request_size(width: int, height: int) -> QSize:
        """Big enough to cover the screen through the slow pan, and no bigger."""
        return QSize(int(width * (1 + DRIFT)), height)

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

    def render_frame(self, age: float = 0.0) -> QImage:
        """The frame ``paintEvent`` draws live ``age`` seconds into the slide (the
        first one is kept for the next start)."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        self._paint_live(painter, self.size(), age, None)
        painter.end()
        return image

    def frame_detail(self) -> str:
        """Everything a kept first frame depends on besides its picture, fonts and code."""
        return f"{self.look!r}|{self.title}|{self.subtitle}|{self.prompts}|{self.slide}"

    def _paint_live(self, painter: QPainter, size: QSize, age: float, previous: int | None) -> None:
        assert self.look is not None
        fade = 1.0 if self.look.reduced_motion or previous is None else min(1.0, age / FADE_SECONDS)
        if self._image(previous if previous is not None and fade < 1.0 else self.slide) is None:
            # Only under no picture: a picture covers the screen, opaque (its shade in it).
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor(self.look.theme.background))
            shade(painter, size.width(), size.height(), size.height(), 0)
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
        progress = 0.5 if still else min(1.0, age / max(1.0, self.slide_seconds + FADE_SECONDS))
        if index % 2:
            progress = 1.0 - progress  # every other picture pans the other way
        opaque = self._opaque(index, image, size)
        left = pan_offset(opaque.width(), size.width(), progress)
        top = (size.height() - opaque.height()) // 2
        if opacity < 1.0 or index != self.slide:
            # A cross-fade: nobody sees half a pixel through it, and the half
            # step is kept for the picture on show only (memory).
            painter.setOpacity(opacity)
            painter.drawImage(QPoint(-round(left), top), opaque)
            painter.setOpacity(1.0)
            return
        halves = round(left * 2)
        picture = self._half_step(index, opaque) if halves % 2 else opaque
        painter.drawImage(QPoint(-(halves // 2), top), picture)

    def _opaque(self, index: int, image: QImage, size: QSize) -> QImage:
        """The picture laid once on the background as an opaque image covering
        the pan, so each frame is a plain copy, not a blend of every pixel. A
        picture smaller than that (the store never enlarges one) is enlarged here,
        once, smoothly."""
        cover = fitted(image.size(), self.request_size(size.width(), size.height()), cover=True)
        key = (image.cacheKey(), cover.width(), cover.height())
        kept = self._opaque_cache.get(index)
        if kept is not None and kept[0] == key:
            return kept[1]
        opaque = QImage(cover, QImage.Format.Format_RGB32)
        opaque.fill(QColor(self.look.theme.background if self.look is not None else "#000000"))
        painter = QPainter(opaque)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(0, 0, cover.width(), cover.height()), image)
        # The shade under the words goes in here too: it changes only from top to
        # bottom and the picture moves only sideways, so it is the same on every
        # frame, and a per-frame blend of half the screen is saved.
        shade(painter, cover.width(), cover.height(), size.height(), (size.height() - cover.height()) // 2)
        painter.end()
        self._opaque_cache = {i: v for i, v in self._opaque_cache.items() if i in (self.previous, self.slide)}
        self._opaque_cache[index] = (key, opaque)
        return opaque

    def _half_step(self, index: int, opaque: QImage) -> QImage:
        """``opaque`` moved left by half a pixel: each pixel the even blend of
        itself and its right-hand neighbour. Made once per picture on show."""
        key = (index, opaque.cacheKey())
        if self._half is not None and self._half[0] == key:
            return self._half[1]
        half = opaque.copy()
        painter = QPainter(half)
        painter.setOpacity(0.5)
        painter.drawImage(QPoint(-1, 0), opaque)
        painter.end()
        self._half = (key, half)
        return half

    def _draw_words(self, painter: QPainter, size: QSize, look: Look, age: float) -> None:
        words, words_at, prompt, at = self._word_layers(size, look)
        painter.drawImage(words_at, words)
        pulse = 1.0 if look.reduced_motion else 0.6 + 0.4 * (0.5 + 0.5 * math.cos(age * 2.6))
        painter.setOpacity(pulse)
        painter.drawImage(at, prompt)
        painter.setOpacity(1.0)

    def _word_layers(self, size: QSize, look: Look) -> tuple[QImage, QPoint, QImage, QPoint]:
        """The title and subtitle as one picture, and the prompt as another (it
        pulses): drawn once per size, look and wording, then only composed. The
        first is cut to the box its words cover, so the rest of the screen costs
        no blending on every frame (the shade is in the pictures)."""
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
        covered = painter.boundingRect(box.adjusted(0, 0, 0, -lift), int(bottom), self.subtitle)
        painter.setFont(look.font("display", QFont.Weight.Black))
        painter.setPen(QColor(t.text))
        title_box, title_flags = box.adjusted(0, 0, 0, -lift - sub_height), int(bottom | Qt.TextFlag.TextWordWrap)
        painter.drawText(title_box, title_flags, self.title)
        covered = covered.united(painter.boundingRect(title_box, title_flags, self.title))
        painter.end()
        band_rect = covered.toAlignedRect().adjusted(-2, -2, 2, 2).intersected(words.rect())
        prompt = QImage(prompt_rect.size().expandedTo(QSize(1, 1)), QImage.Format.Format_ARGB32_Premultiplied)
        prompt.fill(0)
        painter = QPainter(prompt)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(look.font("title", QFont.Weight.Bold))
        painter.setPen(QColor(t.text))
        painter.translate(-prompt_rect.topLeft())
        painter.drawText(box, int(bottom), prompt_text)
        painter.end()
        self._layers = (key, (words.copy(band_rect), band_rect.topLeft(), prompt, prompt_rect.topLeft()))
        return self._layers[1]
