"""Controls shared by several screens: settings bar, stop rows, timeline strip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.ui.look import Look
from kiosk.ui.strings import tr
from kiosk.ui.widgets import TouchButton


class SettingsBar(QWidget):
    """Language by name (never flags), three text sizes, and contrast."""

    intent = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.language_buttons: dict[str, TouchButton] = {}
        self.size_buttons: list[TouchButton] = []
        for level in range(3):
            button = TouchButton("A", self, on_click=self._emitter(ev.SetTextSize(level)))
            button.setCheckable(True)
            self.size_buttons.append(button)
        self.contrast = TouchButton("◐", self)
        self.contrast.setCheckable(True)
        self.contrast.clicked.connect(lambda: self.intent.emit(ev.SetContrast(self.contrast.isChecked())))
        self.motion = TouchButton("≈", self)
        self.motion.setCheckable(True)
        self.motion.clicked.connect(lambda: self.intent.emit(ev.SetReducedMotion(self.motion.isChecked())))

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        codes = exhibit.language_codes
        if list(self.language_buttons) != list(codes):
            self._rebuild_languages(exhibit)
        for code, button in self.language_buttons.items():
            button.restyle(look)
            button.setChecked(code == state.visit.language)
            button.setAccessibleName(f"{tr(look.lang, 'language')}: {button.text()}")
        for level, button in enumerate(self.size_buttons):
            button.restyle(look, QFont.Weight.Bold)
            f = button.font()
            f.setPixelSize(look.px((22, 30, 38)[level]))
            button.setFont(f)
            button.setChecked(level == state.visit.text_size)
            button.setAccessibleName(f"{tr(look.lang, 'text_size')} {level + 1}")
        self.contrast.restyle(look)
        self.contrast.setChecked(state.visit.high_contrast)
        self.contrast.setAccessibleName(tr(look.lang, "contrast"))
        self.motion.restyle(look, QFont.Weight.Bold)
        self.motion.setChecked(state.visit.reduced_motion)
        self.motion.setAccessibleName(tr(look.lang, "reduce_motion"))
        self._layout.setSpacing(look.px(12))

    def _emitter(self, event: ev.Event) -> Callable[[], None]:
        return lambda: self.intent.emit(event)

    def _rebuild_languages(self, exhibit: Exhibit) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in self.controls_kept():
                widget.deleteLater()
        self.language_buttons = {}
        for lang in exhibit.languages:
            button = TouchButton(lang.name, self, on_click=self._emitter(ev.SetLanguage(lang.code)))
            button.setCheckable(True)
            self.language_buttons[lang.code] = button
            self._layout.addWidget(button)
        self._layout.addSpacing(24)
        for button in self.size_buttons:
            self._layout.addWidget(button)
        self._layout.addWidget(self.contrast)
        self._layout.addWidget(self.motion)

    def controls_kept(self) -> list[QWidget]:
        return [*self.size_buttons, self.contrast, self.motion]

    def focus_chain(self) -> list[QWidget]:
        return [*self.language_buttons.values(), *self.controls_kept()]


class StopRow(QAbstractButton):
    """One stop in the home timeline: its date above its title, wrapped."""

    def __init__(self, date: str, title: str, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date, self.title, self.look = date, title, look
        self.setText(f"{date}. {title}")
        self.setAccessibleName(f"{date}. {title}")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a finger should not leave a focus ring
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _pad(self) -> int:
        return self.look.px(22)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = max(1, width - 2 * self._pad())
        date_h = QFontMetrics(self.look.font("date", QFont.Weight.Bold)).height()
        title = QFontMetrics(self.look.font("body", QFont.Weight.DemiBold)).boundingRect(
            0, 0, inner, 10_000, int(Qt.TextFlag.TextWordWrap), self.title
        )
        return max(self.look.target, date_h + title.height() + 2 * self._pad() + self.look.px(6))

    def sizeHint(self) -> QSize:
        width = max(self.width(), self.look.px(500))
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        t, pad = self.look.theme, self._pad()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        down = self.isDown()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.pressed if down else t.surface))
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(0, self.look.px(4), 0, -self.look.px(4)), self.look.px(14), self.look.px(14)
        )
        if self.hasFocus():
            painter.setPen(QPen(QColor(t.focus), self.look.px(5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(3, 6, -3, -6), self.look.px(14), self.look.px(14))
        inner = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        painter.setFont(self.look.font("date", QFont.Weight.Bold))
        painter.setPen(QColor(t.pressed_text if down else t.accent))
        date_h = painter.fontMetrics().height()
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), self.date)
        painter.setFont(self.look.font("body", QFont.Weight.DemiBold))
        painter.setPen(QColor(t.pressed_text if down else t.text))
        painter.drawText(
            inner.adjusted(0, date_h + self.look.px(6), 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.title,
        )
        painter.end()


class TimelineStrip(QWidget):
    """Where you are among all stops; a tap anywhere jumps to the nearest stop.

    Each stop owns an equal slice of the strip's width, so the tap target per
    stop is the strip's width divided by the number of stops.
    """

    intent = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.current = 0
        self.look: Look | None = None
        self._cache: QPixmap | None = None
        self._cache_key: tuple[object, ...] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        self.labels = ["" if stop.date.display else str(stop.date.start.year) for stop in exhibit.stops]
        self.current, self.look = state.stop, look
        self.setFixedHeight(look.target + look.px(24))
        self.setAccessibleName(tr(look.lang, "timeline"))
        self.setAccessibleDescription(tr(look.lang, "stop_of", n=state.stop + 1, total=len(exhibit.stops)))
        self.update()

    def slot_width(self) -> float:
        return self.width() / max(1, len(self.labels))

    def index_at(self, x: float) -> int:
        return min(len(self.labels) - 1, max(0, int(x // self.slot_width())))

    def centre_of(self, index: int) -> QPointF:
        return QPointF((index + 0.5) * self.slot_width(), self.look.target / 2 if self.look else 0)

    def _crowds_current(self, index: int, half: float) -> bool:
        """Would this label overlap the current stop's (always drawn) label?"""
        if index == self.current or not self.labels[self.current]:
            return False
        return abs(self.centre_of(index).x() - self.centre_of(self.current).x()) < 2 * half

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.labels and self.rect().contains(event.position().toPoint()):
            self.intent.emit(ev.Jump(self.index_at(event.position().x())))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The strip changes only with the stop, size or look: keep it as a picture."""
        if not self.labels or self.look is None:
            return
        key = (self.size().toTuple(), tuple(self.labels), self.current, self.look, self.devicePixelRatioF())
        if key != self._cache_key:
            self._cache = QPixmap(self.size() * self.devicePixelRatioF())
            self._cache.setDevicePixelRatio(self.devicePixelRatioF())
            self._cache.fill(Qt.GlobalColor.transparent)
            self._draw(self._cache)
            self._cache_key = key
        if self._cache is None:
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        painter.end()

    def _draw(self, target: QPixmap) -> None:
        look = self.look
        assert look is not None  # paintEvent draws nothing without one
        t = look.theme
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = look.target / 2
        painter.setPen(QPen(QColor(t.muted), look.px(4)))
        painter.drawLine(QPointF(self.centre_of(0).x(), y), QPointF(self.centre_of(len(self.labels) - 1).x(), y))
        painter.setFont(look.font("small", QFont.Weight.DemiBold))
        shown_year, free_from = None, float("-inf")
        metrics = painter.fontMetrics()
        for index, year in enumerate(self.labels):
            centre = self.centre_of(index)
            current = index == self.current
            radius = look.px(20 if current else 10)
            painter.setPen(QPen(QColor(t.background), look.px(4)))
            painter.setBrush(QColor(t.accent if current else t.muted))
            painter.drawEllipse(centre, radius, radius)
            half = metrics.horizontalAdvance(year) / 2 + look.px(6)
            fits = centre.x() - half >= free_from and (current or not self._crowds_current(index, half))
            if year and (year != shown_year or current) and fits:
                painter.setPen(QColor(t.accent if current else t.muted))
                box = QRectF(centre.x() - self.slot_width(), y + look.px(26), 2 * self.slot_width(), look.px(40))
                painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), year)
                shown_year, free_from = year, centre.x() + half
        painter.end()
