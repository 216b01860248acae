"""The timeline strip of the stop screen: where you are among all stops.

While every stop fits a touch target of its own, each is a dot a finger can
tap. When they do not (a long exhibit: 300 or 2,000 stops), consecutive stops
are drawn as periods, each at least a touch target wide: a tap opens the
period's first stop, and a finger drawn along the strip scrubs through every
stop, with a bubble above it naming the stop under the finger (its date and
title), which opens when the finger lifts. Year labels are drawn only where
they fit, never overlapping or cut.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.core.timeline import group_of, index_at, labels_that_fit, periods
from kiosk.ui.style.look import Look

SCRUB_SLOP = 12
"""Pixels a finger moves along the strip before a tap becomes a scrub."""


class TimelineStrip(QWidget):
    intent = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.names: list[str] = []
        """Date and title of each stop, for the scrub bubble and screen readers."""
        self.current = 0
        self.look: Look | None = None
        self._cache: QPixmap | None = None
        self._cache_key: tuple[object, ...] | None = None
        self._press: QPointF | None = None
        self.scrubbing: int | None = None
        """The stop under a scrubbing finger, or None."""
        self.bubble: QLabel | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        lang = state.visit.language
        self.labels = ["" if stop.date.display else str(stop.date.start.year) for stop in exhibit.stops]
        self.names = [f"{stop.date.label(lang)}. {stop.title[lang]}" for stop in exhibit.stops]
        self.current, self.look = state.stop, look
        self.setFixedHeight(look.target + look.px(24))
        self.setAccessibleName(tr(look.lang, "timeline"))
        self.setAccessibleDescription(
            f"{tr(look.lang, 'stop_of', n=state.stop + 1, total=len(exhibit.stops))}: {self.names[state.stop]}"
        )
        self.update()

    # --- geometry ------------------------------------------------------------------
    def groups(self) -> list[range]:
        target = self.look.target if self.look is not None else 64
        return periods(len(self.labels), self.width(), target)

    def grouped(self) -> bool:
        return len(self.groups()) < len(self.labels)

    def span_of(self, group: range) -> tuple[float, float]:
        count = max(1, len(self.labels))
        return group.start / count * self.width(), group.stop / count * self.width()

    def index_at(self, x: float) -> int:
        return index_at(x, self.width(), len(self.labels))

    def centre_of(self, index: int) -> QPointF:
        slot = self.width() / max(1, len(self.labels))
        return QPointF((index + 0.5) * slot, self.look.target / 2 if self.look else 0)

    def label_boxes(self) -> list[tuple[QRectF, str]]:
        """Where the year labels go (only those that fit), for drawing and for tests."""
        if self.look is None or not self.labels:
            return []
        groups = self.groups()
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(self.look.font("small", QFont.Weight.DemiBold))
        texts, spans = [], []
        for group in groups:
            text = self.labels[group.start]
            if len(group) > 1 and self.labels[group.stop - 1] and self.labels[group.stop - 1] != text:
                text = f"{text}–{self.labels[group.stop - 1][-2:]}"
            left, right = self.span_of(group)
            half = metrics.horizontalAdvance(text) / 2 + self.look.px(6)
            middle = (left + right) / 2
            texts.append(text)
            spans.append((middle - half, middle + half))
        current = group_of(self.current, groups)
        shown = labels_that_fit(spans, self.width(), keep=current)
        previous = None
        boxes = []
        top = self.look.target / 2 + self.look.px(26)
        for number, (text, (left, right), fits) in enumerate(zip(texts, spans, shown, strict=True)):
            if not fits or not text or (text == previous and number != current):
                continue
            boxes.append((QRectF(left, top, right - left, self.look.px(40)), text))
            previous = text
        return boxes

    # --- input -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not self.grouped():
            return
        if self.scrubbing is None and abs(event.position().x() - self._press.x()) < SCRUB_SLOP:
            return
        self.scrubbing = self.index_at(event.position().x())
        self._show_bubble(event.position().x())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._press = self._press, None
        if not self.labels or pressed is None:
            return
        if self.scrubbing is not None:
            index, self.scrubbing = self.index_at(event.position().x()), None
            self._hide_bubble()
            self.intent.emit(ev.Jump(index))
        elif self.rect().contains(event.position().toPoint()):
            x = event.position().x()
            if self.grouped():  # a tap on a period: its first stop
                groups = self.groups()
                self.intent.emit(ev.Jump(groups[group_of(self.index_at(x), groups)].start))
            else:
                self.intent.emit(ev.Jump(self.index_at(x)))
        self.update()

    def _show_bubble(self, x: float) -> None:
        look = self.look
        if look is None or self.scrubbing is None:
            return
        if self.bubble is None:
            self.bubble = QLabel(self.window())
            self.bubble.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        t = look.theme
        self.bubble.setText(self.names[self.scrubbing])
        self.bubble.setFont(look.font("body", QFont.Weight.DemiBold))
        self.bubble.setStyleSheet(
            f"background: {t.surface}; color: {t.text}; border: {look.px(3)}px solid {t.accent};"
            f" border-radius: {look.px(12)}px; padding: {look.px(10)}px {look.px(18)}px;"
        )
        self.bubble.adjustSize()
        above = self.mapTo(self.window(), QPoint(int(x), 0))
        window = self.window().width()
        left = min(max(0, above.x() - self.bubble.width() // 2), window - self.bubble.width())
        self.bubble.move(left, above.y() - self.bubble.height() - look.px(12))
        self.bubble.show()
        self.bubble.raise_()

    def _hide_bubble(self) -> None:
        if self.bubble is not None:
            self.bubble.hide()

    # --- drawing --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """The strip changes only with the stop, size or look: keep it as a picture."""
        if not self.labels or self.look is None:
            return
        key = (
            self.size().toTuple(),
            tuple(self.labels),
            self.current,
            self.scrubbing,
            self.look,
            self.devicePixelRatioF(),
        )
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
        groups = self.groups()
        if len(groups) == len(self.labels):
            self._draw_dots(painter, look, y)
        else:
            self._draw_periods(painter, look, y, groups)
        painter.setFont(look.font("small", QFont.Weight.DemiBold))
        current_box = group_of(self.current, groups)
        for box, text in self.label_boxes():
            here = box.contains(QPointF(sum(self.span_of(groups[current_box])) / 2, box.center().y()))
            painter.setPen(QColor(t.accent if here else t.muted))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        painter.end()

    def _draw_dots(self, painter: QPainter, look: Look, y: float) -> None:
        t = look.theme
        painter.setPen(QPen(QColor(t.muted), look.px(4)))
        painter.drawLine(QPointF(self.centre_of(0).x(), y), QPointF(self.centre_of(len(self.labels) - 1).x(), y))
        for index in range(len(self.labels)):
            current = index == self.current
            radius = look.px(20 if current else 10)
            painter.setPen(QPen(QColor(t.background), look.px(4)))
            painter.setBrush(QColor(t.accent if current else t.muted))
            painter.drawEllipse(self.centre_of(index), radius, radius)

    def _draw_periods(self, painter: QPainter, look: Look, y: float, groups: list[range]) -> None:
        t = look.theme
        current = group_of(self.current, groups)
        height = look.px(28)
        painter.setPen(Qt.PenStyle.NoPen)
        for number, group in enumerate(groups):
            left, right = self.span_of(group)
            painter.setBrush(QColor(t.accent if number == current else t.surface))
            painter.drawRoundedRect(
                QRectF(left + look.px(3), y - height / 2, right - left - look.px(6), height), height / 2, height / 2
            )
        marker = self.scrubbing if self.scrubbing is not None else self.current
        painter.setPen(QPen(QColor(t.background), look.px(4)))
        painter.setBrush(QColor(t.text))
        painter.drawEllipse(self.centre_of(marker), look.px(14), look.px(14))
