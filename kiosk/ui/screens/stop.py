"""A stop: its picture, date, title and label, with the ways to move on."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit, Image, MediaItem, Quotation, Stop, Video
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.accessibility import Heading
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton, paint_label, text_label
from kiosk.ui.widgets.image_view import ImageView
from kiosk.ui.widgets.scrolling import FadeEdge, kinetic_area, style_scrollbar
from kiosk.ui.widgets.settings_bar import SettingsBar
from kiosk.ui.widgets.timeline_strip import TimelineStrip


class StopScreen(QWidget):
    intent = Signal(object)

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = ImageView(store)
        self.image.tapped.connect(lambda: self.intent.emit(ev.OpenImage(0)))
        self.more_images = QHBoxLayout()
        self.thumbs: list[ImageView] = []
        self._thumb_pool: list[ImageView] = []
        """Thumbnails made so far, reused from stop to stop (the ones not needed hidden)."""
        self._thumbs_key: tuple[object, ...] | None = None
        self.caption, self.credit = text_label(), text_label()
        self.date = text_label()
        self.title = text_label(kind=Heading)  # a heading for screen readers
        self.narration = text_label()
        self.narration.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.narration_area = kinetic_area(self.narration)
        self.more_below = FadeEdge(self.narration_area)
        self.listen = TouchButton("", on_click=lambda: self.intent.emit(ev.ToggleNarration()))
        self.listen.setCheckable(True)
        self.can_listen: Callable[[Stop, str], bool] = lambda stop, lang: False
        self.listen_unavailable: Callable[[Stop, str], bool] = lambda stop, lang: False
        self.media_row = QVBoxLayout()  # one per line: titles are long
        self.media_row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.media_buttons: list[TouchButton] = []
        self._media_key: tuple[object, ...] | None = None
        self.home = TouchButton("", on_click=lambda: self.intent.emit(ev.Home()))
        self.previous = TouchButton("", on_click=lambda: self.intent.emit(ev.Previous()))
        self.next = TouchButton("", on_click=lambda: self.intent.emit(ev.Next()))
        self.position = text_label(wrap=False)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.strip = TimelineStrip()
        self.strip.intent.connect(self.intent)
        self.settings = SettingsBar()
        self.settings.intent.connect(self.intent)

        picture = QVBoxLayout()
        picture.addWidget(self.image, 1)
        about = QVBoxLayout()
        about.addWidget(self.caption)
        about.addWidget(self.credit)
        about.addStretch(1)
        under = QHBoxLayout()
        under.addLayout(about, 1)
        under.addLayout(self.more_images)
        picture.addLayout(under)
        words = QVBoxLayout()
        words.addWidget(self.date)
        words.addWidget(self.title)
        words.addWidget(self.narration_area, 1)
        words.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignLeft)
        words.addLayout(self.media_row)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addLayout(picture, 12)
        self.columns.addLayout(words, 10)

        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        nav = QHBoxLayout()
        for widget in (self.home, self.previous, self.position, self.next):
            nav.addWidget(widget)
        self.bar.addLayout(nav)
        self.bar.addStretch(1)
        self.bar.addWidget(self.settings)

        root = self.root = QVBoxLayout(self)
        root.addLayout(self.columns, 1)
        root.addWidget(self.strip)
        root.addLayout(self.bar)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        lang, t = state.visit.language, look.theme
        stop = exhibit.stops[state.stop]
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(look.px(56))
        self.bar.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        margin = look.px(56)
        self.root.setContentsMargins(margin, look.px(48), margin, look.px(32))
        self.root.setSpacing(look.px(16))

        main = stop.images[0]
        self.image.zoomable = True
        self.image.show_image(main.path_for(lang), main.alt[lang], tr(lang, "image_missing"), look)
        self.image.setAccessibleName(main.alt[lang])

        self.caption.setText(main.caption[lang])
        paint_label(self.caption, look, "small", t.text, QFont.Weight.DemiBold)
        self.credit.setText(main.credit[lang])
        paint_label(self.credit, look, "small", t.muted)
        self._render_thumbs(stop.images, lang, look)

        self.date.setText(stop.date.label(lang))
        paint_label(self.date, look, "date", t.accent, QFont.Weight.Bold)
        self.title.setText(stop.title[lang])
        self.title.setAccessibleName(stop.title[lang])
        paint_label(self.title, look, "title", t.text, QFont.Weight.ExtraBold)
        self.narration.setText("\n\n".join(stop.narration[lang]))
        paint_label(self.narration, look, "body", t.text)
        self.narration.setMaximumWidth(look.px(60 * look.type.body * 0.55))
        style_scrollbar(self.narration_area, t.muted, look.px(8))
        self.more_below.set_colour(t.background, look.px(90))

        self._render_listen(stop, state, look)
        self._render_media(stop, lang, look)
        last = len(exhibit.stops) - 1
        self.home.setText("⌂  " + tr(lang, "home"))
        self.previous.setText("←  " + tr(lang, "previous"))
        self.next.setText(tr(lang, "next") + "  →")
        for button, key in ((self.home, "home"), (self.previous, "previous"), (self.next, "next")):
            button.restyle(look)
            button.setAccessibleName(tr(lang, key))
        self.previous.setEnabled(state.stop > 0)
        self.next.setEnabled(state.stop < last)
        self.position.setText(tr(lang, "stop_of", n=state.stop + 1, total=last + 1))
        paint_label(self.position, look, "small", t.muted, QFont.Weight.DemiBold)
        self.position.setMinimumWidth(look.px(150))
        self.strip.show_state(exhibit, state, look)
        self.settings.show_state(exhibit, state, look)
        # What a screen reader says as the picture takes the focus: the stop itself.
        # Orca 43 presents a focused object's name and description, not announcements.
        self.image.setAccessibleDescription(f"{self.spoken()}. {tr(lang, 'open_image')}.")

    def _render_listen(self, stop: Stop, state: NavState, look: Look) -> None:
        """Shown only when this stop can be heard; plainly different while playing."""
        lang = state.visit.language
        unavailable = self.listen_unavailable(stop, lang)
        self.listen.setVisible(unavailable or self.can_listen(stop, lang))
        playing = state.visit.narrating and not unavailable
        if unavailable:
            text, name = "…  " + tr(lang, "listen_unavailable"), tr(lang, "listen_unavailable")
        elif playing:
            text, name = "■  " + tr(lang, "stop_listening"), tr(lang, "stop_listening")
        else:
            text, name = "▶  " + tr(lang, "listen"), tr(lang, "listen")
        self.listen.setText(text)
        self.listen.setAccessibleName(name)
        self.listen.setEnabled(not unavailable)
        self.listen.setChecked(playing)
        self.listen.restyle(look, QFont.Weight.Bold, look.button_css(primary=not playing and not unavailable))

    def let_go(self) -> None:
        """Hold none of what was drawn: its pictures and the strip's kept layers (the
        spare screen that draws stops ahead, between two drawings)."""
        for view in (self.image, *self.thumbs):
            view.let_go()
        self._thumbs_key = None  # shown again in full next time, not skipped as unchanged
        self.strip.let_go()

    def pictures_ready(self) -> bool:
        """Every picture on the screen is decoded at its size: drawn now, it is final."""
        return all(view.settled for view in (self.image, *self.thumbs))

    def spoken(self) -> str:
        """What a screen reader says when this stop opens: where, when, and the label."""
        return ". ".join(t for t in (self.title.text(), self.date.text(), self.narration.text()) if t)

    def focus_first(self) -> QWidget:
        """A keypad visitor arriving on a stop starts on its picture."""
        return self.image

    def scroll_reading(self, pages: int) -> None:
        """PageDown/PageUp: the label, a screenful at a time (never the next stop)."""
        bar = self.narration_area.verticalScrollBar()
        bar.setValue(bar.value() + pages * max(1, int(self.narration_area.viewport().height() * 0.8)))

    def focus_chain(self) -> list[QWidget]:
        """Reading order: picture, other pictures, listen, the strip (when it holds
        periods: Left and Right then move by period), then the bar."""
        strip = [self.strip] if self.strip.focusPolicy() != Qt.FocusPolicy.NoFocus else []
        return [
            self.image,
            *self.thumbs,
            self.listen,
            *self.media_buttons,
            *strip,
            self.home,
            self.previous,
            self.next,
            *self.settings.focus_chain(),
        ]

    def _render_media(self, stop: Stop, lang: str, look: Look) -> None:
        """A button for each film clip, recording and quotation: a tap opens it full size."""
        key = (stop.media, len(stop.images), lang, look)
        if key == self._media_key:
            return
        self._media_key = key
        for button in self.media_buttons:
            self.media_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.media_buttons = []
        for offset, item in enumerate(stop.media):
            index = len(stop.images) + offset
            button = TouchButton(media_label(item, lang), on_click=partial(self.intent.emit, ev.OpenImage(index)))
            button.setAccessibleName(button.text().split("  ", 1)[-1])
            button.restyle(look, QFont.Weight.Bold)
            self.media_row.addWidget(button)
            self.media_buttons.append(button)
        self.media_row.setSpacing(look.px(12))

    def _render_thumbs(self, images: tuple[Image, ...], lang: str, look: Look) -> None:
        """Every image of a stop as a thumbnail; a tap opens it in zoom."""
        key = (images, lang, look)
        if key == self._thumbs_key:
            return
        self._thumbs_key = key
        # Reused, not made anew for each stop: making and deleting widgets (and
        # their layout) was a good part of the work between a tap and its frame.
        needed = len(images) if len(images) >= 2 else 0
        while len(self._thumb_pool) < needed:
            thumb = ImageView(self.image.store)
            thumb.tapped.connect(self._thumb_tapped)
            self.more_images.addWidget(thumb)
            self._thumb_pool.append(thumb)
        for number, thumb in enumerate(self._thumb_pool):
            thumb.setVisible(number < needed)
        self.thumbs = self._thumb_pool[:needed]
        for thumb, image in zip(self.thumbs, images, strict=False):
            thumb.setFixedSize(look.px(176), look.px(110))
            thumb.show_image(image.path_for(lang), image.alt[lang], tr(lang, "image_missing"), look)
            thumb.setAccessibleDescription(tr(lang, "open_image"))
        self.more_images.setSpacing(look.px(12))

    def _thumb_tapped(self) -> None:
        """A thumbnail was tapped: open that picture in zoom."""
        tapped = self.sender()
        if tapped in self.thumbs:
            self.intent.emit(ev.OpenImage(self.thumbs.index(tapped)))


def media_label(item: MediaItem, lang: str) -> str:
    """What a media button says: its kind and what it is."""
    if isinstance(item, Quotation):
        return f"❝  {tr(lang, 'quotation')}: {item.who}"
    if isinstance(item, Video):
        return f"▶  {tr(lang, 'film')}: {item.title[lang]}"
    return f"♪  {tr(lang, 'recording')}: {item.title[lang]}"
