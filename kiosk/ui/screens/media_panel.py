"""A stop's film clip, recording or quotation, opened full size from the stop.

Films start muted with the kiosk's own captions (large, high contrast, in
the visitor's language, switchable off); the transcript is one tap away;
every control is a touch target and on the keypad's path. A clip that
cannot play keeps its poster and says so, never a black box.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHideEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSlider, QStackedLayout, QStyle, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import AudioClip, MediaItem, Quotation, Video
from kiosk.core.strings import tr
from kiosk.ui.media.clip_player import ClipPlayer
from kiosk.ui.media.images import ImageStore
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton, paint_label, set_style, text_label
from kiosk.ui.widgets.scrolling import kinetic_area

SEEK_STEP = 5.0
"""Seconds a keypad Left or Right moves."""
WATCHING_EVERY = 5.0
"""Seconds between the player's "still watching" messages to the idle timer."""


def clock(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


class Surface(QWidget):
    """The film (or its poster until it plays), with its caption drawn on top."""

    tapped = Signal()

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.poster: Path | None = None
        self.frame: QImage | None = None
        self.caption = ""
        self.broken = ""
        self.look: Look | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        store.ready.connect(self._ready)

    def show_poster(self, poster: Path | None, look: Look) -> None:
        self.poster, self.frame, self.look = poster, None, look
        self.update()

    def _ready(self, path: str, image: QImage) -> None:
        if self.poster is not None and path == str(self.poster):
            self.update()

    def set_frame(self, image: QImage) -> None:
        self.frame = image
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        picture = self.frame
        if picture is None and self.poster is not None:
            picture = self.store.request(self.poster, self.size())
        if picture is not None:
            fitted = picture.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(
                (self.width() - fitted.width()) / 2,
                (self.height() - fitted.height()) / 2,
                fitted.width(),
                fitted.height(),
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setOpacity(0.35 if self.broken else 1.0)
            painter.drawImage(target, picture)
            painter.setOpacity(1.0)
        if self.look is not None:
            self._words(painter, self.broken or self.caption, boxed=not self.broken)
        painter.end()

    def _words(self, painter: QPainter, text: str, boxed: bool) -> None:
        """A caption: large, white on a near-black box, at the foot of the picture."""
        if not text or self.look is None:
            return
        look = self.look
        font = look.font("body", QFont.Weight.DemiBold)
        font.setPixelSize(max(font.pixelSize(), look.px(34)))
        painter.setFont(font)
        width = self.width() * 0.86
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap)
        bounds = painter.boundingRect(QRectF(0, 0, width, self.height()), flags, text)
        pad = look.px(14)
        if boxed:
            y = self.height() - bounds.height() - look.px(28)
        else:
            y = (self.height() - bounds.height()) / 2
        box = QRectF(
            (self.width() - bounds.width()) / 2 - pad, y - pad, bounds.width() + 2 * pad, bounds.height() + 2 * pad
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 215))
        painter.drawRoundedRect(box, pad, pad)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box.adjusted(pad, pad, -pad, -pad), flags, text)


class ScrubBar(QSlider):
    """A position bar for a finger: a tap anywhere on it jumps there, and a drag
    follows the finger (a plain slider only pages towards a tap)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, 1000)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setSliderDown(True)
        self._follow(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.isSliderDown():
            self._follow(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.setSliderDown(False)

    def _follow(self, event: QMouseEvent) -> None:
        value = QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), int(event.position().x()), self.width())
        self.setValue(value)
        self.sliderMoved.emit(value)


class MediaPanel(QWidget):
    """What the zoom screen shows for a stop's media item."""

    intent = Signal(object)

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = ClipPlayer(self)
        self.item: MediaItem | None = None
        self.lang = ""
        self.look: Look | None = None
        self.narrating = False
        self.captions_on = True
        self.transcript_on = False
        self._last_watching = 0.0
        self.surface = Surface(store)
        self.surface.tapped.connect(self.toggle)
        self.words = text_label()  # a quotation's words, or a recording's title
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attribution = text_label()
        self.attribution.setAlignment(Qt.AlignmentFlag.AlignCenter)
        quote = QWidget()
        quote_layout = QVBoxLayout(quote)
        quote_layout.addStretch(1)
        quote_layout.addWidget(self.words)
        quote_layout.addWidget(self.attribution)
        quote_layout.addStretch(1)
        self.transcript = text_label()
        self.transcript.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.transcript_area = kinetic_area(self.transcript)
        self.stage = QStackedLayout()
        for page in (self.surface, quote, self.transcript_area):
            self.stage.addWidget(page)
        self.play_button = TouchButton("", on_click=self.toggle)
        self.scrub = ScrubBar()
        self.scrub.sliderMoved.connect(self._scrubbed)
        self.time = text_label(wrap=False)
        self.sound_button = TouchButton("", on_click=lambda: self.player.set_sound(not self.player.sound))
        self.captions_button = TouchButton("", on_click=self._toggle_captions)
        self.transcript_button = TouchButton("", on_click=self._toggle_transcript)
        self.controls = QHBoxLayout()
        for widget in (self.play_button, self.scrub, self.time, self.sound_button, self.captions_button):
            self.controls.addWidget(widget, 1 if widget is self.scrub else 0)
        self.controls.addWidget(self.transcript_button)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(self.stage, 1)
        root.addLayout(self.controls)
        self.player.frame.connect(self.surface.set_frame)
        self.player.moved.connect(self._moved)
        self.player.changed.connect(self._render_controls)

    # --- what the zoom screen asks --------------------------------------------------
    def show_item(self, item: MediaItem, lang: str, look: Look, narrating: bool) -> None:
        """Show ``item``; a different item or language stops what was playing."""
        fresh = item is not self.item or lang != self.lang
        self.look, self.narrating = look, narrating
        if fresh:
            self.item, self.lang = item, lang
            self.transcript_on = isinstance(item, AudioClip)  # nothing to watch: the words are what there is
            if isinstance(item, (Video, AudioClip)):
                self.player.load(item.path, video=isinstance(item, Video), sound=isinstance(item, AudioClip))
            else:
                self.player.release()
            self.surface.caption = ""
            self.surface.show_poster(item.poster if isinstance(item, Video) else None, look)
        self._render(look)

    def stop(self) -> None:
        """Leaving the clip (navigation, zoom, idle reset): stop and let go of the player."""
        self.player.release()
        self.surface.frame = None
        self.surface.caption = ""

    def proof_view(self, transcript: bool) -> None:
        """For the proof sheet: a film's poster under its first caption, or the transcript."""
        item = self.item
        if isinstance(item, Video):
            first = next((cues for code, cues in item.cues if code == self.lang), ())
            self.surface.caption = first[0].text if first else ""
        self.transcript_on = transcript or isinstance(item, AudioClip)
        if self.look is not None:
            self._render(self.look)

    def toggle(self) -> None:
        if self.narrating and not self.player.playing:
            self.intent.emit(ev.ToggleNarration())  # one voice at a time: the label stops for the clip
        self.player.toggle()

    def seek_by(self, seconds: float) -> None:
        self.player.seek(self.player.position + seconds)

    def focus_chain(self) -> list[QWidget]:
        if isinstance(self.item, Quotation):
            return []
        shown = [self.play_button, self.scrub]
        if isinstance(self.item, Video):
            shown += [self.sound_button, self.captions_button]
        if self._has_transcript():
            shown.append(self.transcript_button)
        return shown

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.surface.update()
        super().resizeEvent(event)

    # --- inside ---------------------------------------------------------------------
    def _has_transcript(self) -> bool:
        return isinstance(self.item, AudioClip) or (isinstance(self.item, Video) and self.item.transcript is not None)

    def _toggle_captions(self) -> None:
        self.captions_on = not self.captions_on
        self._moved(self.player.position)
        self._render_controls()

    def _toggle_transcript(self) -> None:
        self.transcript_on = not self.transcript_on
        if self.look is not None:
            self._render(self.look)

    def _scrubbed(self, value: int) -> None:
        if self.player.duration:
            self.player.seek(self.player.duration * value / 1000)

    def _moved(self, seconds: float) -> None:
        item = self.item
        if isinstance(item, Video):
            caption = item.caption_at(self.lang, seconds) if self.captions_on else ""
            if caption != self.surface.caption:
                self.surface.caption = caption
                self.surface.update()
        if self.player.duration and not self.scrub.isSliderDown():
            self.scrub.blockSignals(True)
            self.scrub.setValue(int(1000 * seconds / self.player.duration))
            self.scrub.blockSignals(False)
        self.time.setText(f"{clock(seconds)} / {clock(self.player.duration)}")
        now = time.monotonic()
        if self.player.playing and now - self._last_watching >= WATCHING_EVERY:
            self._last_watching = now
            self.intent.emit(ev.Watching())

    def _render(self, look: Look) -> None:
        item, lang, t = self.item, self.lang, look.theme
        if item is None:
            return
        if isinstance(item, Quotation):
            self.words.setText(f"“{item.words[lang]}”")
            paint_label(self.words, look, "title", t.text, QFont.Weight.DemiBold)
            when = f", {item.when.label(lang)}" if item.when is not None else ""
            self.attribution.setText(f"— {item.who}{when}\n{item.source}")
            paint_label(self.attribution, look, "body", t.muted)
            self.stage.setCurrentIndex(1)
        elif self.transcript_on and self._has_transcript():
            paragraphs = item.transcript[lang] if item.transcript is not None else ()
            self.transcript.setText(f"{item.title[lang]}\n\n" + "\n\n".join(paragraphs))
            paint_label(self.transcript, look, "body", t.text)
            self.transcript.setMaximumWidth(look.px(60 * look.type.body * 0.55))
            self.stage.setCurrentIndex(2)
        else:
            self.stage.setCurrentIndex(0)
        self.surface.setAccessibleName(f"{tr(lang, 'film')}: {item.title[lang]}" if isinstance(item, Video) else "")
        self.scrub.setAccessibleName(tr(lang, "clip_position"))
        self.scrub.setMinimumHeight(look.target)
        handle, groove = look.px(56), look.px(12)
        set_style(
            self.scrub,
            f"QSlider::groove:horizontal {{ height: {groove}px; background: {t.surface};"
            f" border-radius: {groove // 2}px; }}"
            f"QSlider::sub-page:horizontal {{ background: {t.accent}; border-radius: {groove // 2}px; }}"
            f"QSlider::handle:horizontal {{ width: {handle}px; height: {handle}px;"
            f" margin: -{(handle - groove) // 2}px 0; border-radius: {handle // 2}px; background: {t.text}; }}",
        )
        paint_label(self.time, look, "small", t.muted, QFont.Weight.DemiBold)
        self._render_controls()

    def _render_controls(self) -> None:
        look, lang, item = self.look, self.lang, self.item
        if look is None or item is None:
            return
        clip = isinstance(item, (Video, AudioClip))
        for widget in (self.play_button, self.scrub, self.time):
            widget.setVisible(clip)
        for widget in (self.sound_button, self.captions_button):
            widget.setVisible(isinstance(item, Video))
        self.transcript_button.setVisible(self._has_transcript())
        self.surface.broken = tr(lang, "clip_missing") if self.player.broken else ""
        self.surface.update()
        labels = (
            (self.play_button, "❚❚  " + tr(lang, "pause") if self.player.playing else "▶  " + tr(lang, "play")),
            (
                self.sound_button,
                "♪  " + tr(lang, "sound_off" if self.player.sound else "sound_on"),
            ),
            (self.captions_button, "CC  " + tr(lang, "captions_off" if self.captions_on else "captions_on")),
            (self.transcript_button, tr(lang, "hide_transcript" if self.transcript_on else "transcript")),
        )
        for button, text in labels:
            button.setText(text)
            button.setAccessibleName(text.split("  ", 1)[-1])
            button.restyle(look, QFont.Weight.Bold)
        set_style(self.play_button, look.button_css(primary=not self.player.playing))
        self.play_button.setEnabled(not self.player.broken)
        self.time.setText(f"{clock(self.player.position)} / {clock(self.player.duration)}")

    def sizeHint(self) -> QSize:
        return QSize(960, 600)
