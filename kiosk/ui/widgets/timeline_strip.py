"""The timeline strip of the stop screen: where you are among all stops.

While every stop fits a touch target of its own, each is a dot a finger can
tap. When they do not (a long exhibit: 300 or 2,000 stops), consecutive stops
are drawn as periods, each at least a touch target wide: a tap opens the
period's first stop, and a finger drawn along the strip scrubs through every
stop, with a bubble above it naming the stop under the finger (its date and
title), which opens when the finger lifts. Year labels are drawn only where
they fit, never overlapping or cut.

The strip is painted as one picture, so for assistive technology each stop
also has a place of its own: an invisible button over its dot (or its share
of its period), named with its date and title, that a screen reader lists and
can press. On a very long exhibit (over PLACES_PER_STOP stops) there is one
place per period instead, named by its first and last stops. Places take no
touch (the strip does, to scrub) and no keypad focus (the arrows already move
stop by stop).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.core.timeline import Run, Segment, era_runs, labels_that_fit, layout, segment_of, stop_at, stop_x
from kiosk.ui.style.look import Look

SCRUB_SLOP = 12
"""Pixels a finger moves along the strip before a tap becomes a scrub."""
PLACES_PER_STOP = 200
"""Up to this many stops, each has its own place for a screen reader; beyond, each period."""


class StripPlace(QAbstractButton):
    """One stop of the strip (or, on a very long exhibit, one period), for
    assistive technology: a named button over it that opens its (first) stop
    when pressed. It draws nothing."""

    def __init__(self, strip: TimelineStrip) -> None:
        super().__init__(strip)
        self.strip, self.first = strip, 0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A bound method, not a lambda: PySide keeps a lambda's connection in a
        # process-wide table, and a kiosk builds many of these over a day.
        self.clicked.connect(self._open)

    def _open(self) -> None:
        self.strip.intent.emit(ev.Jump(self.first))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the strip's picture shows the dot."""


class TimelineStrip(QWidget):
    intent = Signal(object)
    aiming = Signal(int)
    """A finger is down over this stop: a tap lifted here opens it (the window
    draws it ahead in the moment between the press and the lift)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.names: list[str] = []
        """Date and title of each stop, for the scrub bubble and screen readers."""
        self.runs: list[Run] = []
        self.era_titles: list[str] = []
        self.current = 0
        self.look: Look | None = None
        self._cache: QPixmap | None = None
        self._cache_key: tuple[object, ...] | None = None
        self._press: QPointF | None = None
        self.scrubbing: int | None = None
        """The stop under a scrubbing finger, or None."""
        self.bubble: QLabel | None = None
        self.current_label: QRectF | None = None
        """Where the label of the period or era holding the current stop is drawn."""
        self._words_for: tuple[Exhibit, str] | None = None
        self._segments: tuple[tuple[object, ...], list[Segment]] | None = None
        self.places: list[StripPlace] = []
        """One per stop, or per period on a very long exhibit, in order (see the module's docstring)."""
        self._placed: tuple[object, ...] | None = None
        self._shapes_kept: tuple[tuple[object, ...], QPixmap] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        lang = state.visit.language
        if (exhibit, lang) != self._words_for:  # per stop: worth keeping on a long exhibit
            if self._words_for is None or self._words_for[0] is not exhibit:
                self.labels = ["" if stop.date.display else str(stop.date.start.year) for stop in exhibit.stops]
                self.runs = era_runs(exhibit)
            self.names = [f"{stop.date.label(lang)}. {stop.title[lang]}" for stop in exhibit.stops]
            self.era_titles = [era.title[lang] for era in exhibit.eras]
            self._words_for = (exhibit, lang)
        self.current, self.look = state.stop, look
        # A keypad reaches the strip only when it holds periods: Left and Right then move by period.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if self.grouped() else Qt.FocusPolicy.NoFocus)
        self.setFixedHeight(look.target + look.px(24))
        self.setAccessibleName(tr(look.lang, "timeline"))
        where = f"{tr(look.lang, 'stop_of', n=state.stop + 1, total=len(exhibit.stops))}: {self.names[state.stop]}"
        era = self.era_title(state.stop)
        self.setAccessibleDescription(where if era is None else f"{era}. {where}")
        self._place()
        self.update()

    def _spots(self, segments: list[Segment]) -> list[tuple[range, float, float]]:
        """The stops each place stands for, and its left and right edge: each
        stop its share of its period, or (a very long exhibit) each period whole."""
        if len(self.labels) > PLACES_PER_STOP:
            return [(segment.stops, segment.left, segment.right) for segment in segments]
        spots = []
        for segment in segments:
            share = (segment.right - segment.left) / len(segment.stops)
            for number, index in enumerate(segment.stops):
                left = segment.left + number * share
                spots.append((range(index, index + 1), left, left + share))
        return spots

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place()
        super().resizeEvent(event)

    def _place(self) -> None:
        """One named place over each dot or period: made, moved and named again
        only when the stops, their words or the geometry change."""
        if self.look is None or not self.labels:
            return
        segments = self.segments()
        key = (tuple(self.names), self.width(), self.look.target, tuple((s.stops, s.left, s.right) for s in segments))
        if key == self._placed:
            return
        self._placed = key
        spots = self._spots(segments)
        while len(self.places) < len(spots):
            self.places.append(StripPlace(self))
        while len(self.places) > len(spots):
            self.places.pop().deleteLater()
        for place, (stops, left, right) in zip(self.places, spots, strict=True):
            first, last = stops.start, stops.stop - 1
            place.first = first
            place.setAccessibleName(self.names[first] if first == last else f"{self.names[first]} … {self.names[last]}")
            place.setGeometry(QRect(int(left), 0, max(1, int(right - left)), self.look.target))
            place.show()

    # --- geometry ------------------------------------------------------------------
    def segments(self) -> list[Segment]:
        """Kept per geometry: a paint, a scrub and the labels all ask for them."""
        target = self.look.target if self.look is not None else 64
        key = (len(self.labels), self.width(), target, id(self.runs))
        if self._segments is None or self._segments[0] != key:
            self._segments = (key, layout(len(self.labels), self.width(), target, self.runs))
        return self._segments[1]

    def era_title(self, index: int) -> str | None:
        """The name of the era that holds a stop, in the visitor's language (None outside eras)."""
        era = next((era for stops, era in self.runs if index in stops), None)
        return None if era is None else self.era_titles[era]

    def groups(self) -> list[range]:
        return [segment.stops for segment in self.segments()]

    def grouped(self) -> bool:
        return len(self.groups()) < len(self.labels)

    def span_of(self, group: range) -> tuple[float, float]:
        segment = next(segment for segment in self.segments() if segment.stops == group)
        return segment.left, segment.right

    def index_at(self, x: float) -> int:
        return stop_at(self.segments(), x)

    def period_start(self, step: int) -> int:
        """The first stop of the period ``step`` periods away from the current one."""
        groups = self.groups()
        number = min(len(groups) - 1, max(0, segment_of(self.current, self.segments()) + step))
        return groups[number].start

    def centre_of(self, index: int) -> QPointF:
        return QPointF(stop_x(self.segments(), index), self.look.target / 2 if self.look else 0)

    def _label_items(self, segments: list[Segment]) -> list[tuple[str, float, float, range]]:
        """What each label says and the stretch it names: an era's title over all of
        the era, else the years of each period (or the year of each stop)."""
        items: list[tuple[str, float, float, range]] = []
        for segment in segments:
            if segment.era is not None:
                if items and items[-1][0] == self.era_titles[segment.era] and items[-1][3].stop == segment.stops.start:
                    text, left, _, stops = items.pop()
                    items.append((text, left, segment.right, range(stops.start, segment.stops.stop)))
                else:
                    items.append((self.era_titles[segment.era], segment.left, segment.right, segment.stops))
                continue
            text = self.labels[segment.stops.start]
            last = self.labels[segment.stops.stop - 1]
            if len(segment.stops) > 1 and last and last != text:
                text = f"{text}–{last[-2:]}" if text else last  # a first stop dated in words has no year
            items.append((text, segment.left, segment.right, segment.stops))
        return items

    def label_boxes(self) -> list[tuple[QRectF, str]]:
        """Where the year labels go (only those that fit), for drawing and for tests."""
        if self.look is None or not self.labels:
            return []
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(self.look.font("small", QFont.Weight.DemiBold))
        items = self._label_items(self.segments())
        texts, spans = [], []
        for text, left, right, _ in items:
            half = metrics.horizontalAdvance(text) / 2 + self.look.px(6)
            middle = min(max((left + right) / 2, half), self.width() - half)  # at an end: moved inwards, not cut
            texts.append(text)
            spans.append((middle - half, middle + half))
        current = next(number for number, item in enumerate(items) if self.current in item[3])
        self.current_label = None
        shown = labels_that_fit(spans, self.width(), keep=current)
        previous = None
        boxes = []
        top = self.look.target / 2 + self.look.px(26)
        for number, (text, (left, right), fits) in enumerate(zip(texts, spans, shown, strict=True)):
            if not fits or not text or (text == previous and number != current):
                continue
            boxes.append((QRectF(left, top, right - left, self.look.px(40)), text))
            if number == current:
                self.current_label = boxes[-1][0]
            previous = text
        return boxes

    # --- input -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        if self.labels:
            self.aiming.emit(self.tap_target(event.position().x()))

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
            self.intent.emit(ev.Jump(self.tap_target(event.position().x())))
        self.update()

    def tap_target(self, x: float) -> int:
        """The stop a tap at ``x`` opens: the stop there, or on a strip of periods its first."""
        if self.grouped():
            segments = self.segments()
            return segments[segment_of(self.index_at(x), segments)].stops.start
        return self.index_at(x)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def _show_bubble(self, x: float) -> None:
        look = self.look
        if look is None or self.scrubbing is None:
            return
        if self.bubble is None:
            self.bubble = QLabel(self.window())
            self.bubble.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        t = look.theme
        era, name = self.era_title(self.scrubbing), self.names[self.scrubbing]
        self.bubble.setText(name if era is None else f"{era}\n{name}")
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

    def let_go(self) -> None:
        """Drop the pictures kept for the next paint (a strip drawn once, then not shown)."""
        self._cache, self._cache_key, self._shapes_kept = None, None, None

    # --- drawing --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """The strip changes only with the stop, size or look: keep it as a picture."""
        if not self.labels or self.look is None:
            return
        key = (
            self.size().toTuple(),
            tuple(self.labels),
            tuple(self.runs),
            tuple(self.era_titles),
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
        """The strip for the current stop: the kept dots or periods, then what
        marks the current stop, its labels and the keypad's ring."""
        look = self.look
        assert look is not None  # paintEvent draws nothing without one
        t = look.theme
        painter = QPainter(target)
        painter.drawPixmap(0, 0, self._shapes(look))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        segments = self.segments()
        if len(segments) == len(self.labels):
            self._draw_dot(painter, look, self.current, True)
        else:
            self._draw_period(painter, look, segments, segment_of(self.current, segments), True)
            marker = self.scrubbing if self.scrubbing is not None else self.current
            painter.setPen(QPen(QColor(t.background), look.px(4)))
            painter.setBrush(QColor(t.text))
            painter.drawEllipse(self.centre_of(marker), look.px(14), look.px(14))
        if self.hasFocus():  # the keypad's ring, as on every control
            painter.setPen(QPen(QColor(t.focus), look.px(5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(3, 3, -3, -3), look.px(12), look.px(12))
        painter.setFont(look.font("small", QFont.Weight.DemiBold))
        for box, text in self.label_boxes():
            painter.setPen(QColor(t.accent if box == self.current_label else t.muted))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        painter.end()

    def _shapes(self, look: Look) -> QPixmap:
        """Every dot or period as it looks when it is not the current one: drawn
        once per size and look, so a step to the next stop redraws only what
        marks the current one (the strip was a tenth of a tap's work)."""
        ratio = self.devicePixelRatioF()
        key = (self.size().toTuple(), len(self.labels), tuple(self.runs), look, ratio)
        if self._shapes_kept is not None and self._shapes_kept[0] == key:
            return self._shapes_kept[1]
        layer = QPixmap(self.size() * ratio)
        layer.setDevicePixelRatio(ratio)
        layer.fill(Qt.GlobalColor.transparent)
        painter = QPainter(layer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        segments = self.segments()
        if len(segments) == len(self.labels):
            t, y = look.theme, look.target / 2
            painter.setPen(QPen(QColor(t.muted), look.px(4)))
            painter.drawLine(QPointF(self.centre_of(0).x(), y), QPointF(self.centre_of(len(self.labels) - 1).x(), y))
            for index in range(len(self.labels)):
                self._draw_dot(painter, look, index, False)
        else:
            for number in range(len(segments)):
                self._draw_period(painter, look, segments, number, False)
        painter.end()
        self._shapes_kept = (key, layer)
        return layer

    def _draw_dot(self, painter: QPainter, look: Look, index: int, current: bool) -> None:
        t = look.theme
        radius = look.px(20 if current else 10)
        painter.setPen(QPen(QColor(t.background), look.px(4)))
        painter.setBrush(QColor(t.accent if current else t.muted))
        painter.drawEllipse(self.centre_of(index), radius, radius)

    def _draw_period(self, painter: QPainter, look: Look, segments: list[Segment], number: int, current: bool) -> None:
        t, y = look.theme, look.target / 2
        height = look.px(28)
        segment = segments[number]
        left, right = segment.left, segment.right
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.accent if current else t.surface))
        painter.drawRoundedRect(
            QRectF(left + look.px(3), y - height / 2, right - left - look.px(6), height), height / 2, height / 2
        )
        if not current and number and segment.era != segments[number - 1].era:  # where one era gives way to the next
            painter.setPen(QPen(QColor(t.muted), look.px(3)))
            painter.drawLine(QPointF(left, y - look.px(24)), QPointF(left, y + look.px(24)))
