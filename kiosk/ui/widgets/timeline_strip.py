"""The timeline strip of the stop screen: where you are among all stops."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.ui.style.look import Look


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
