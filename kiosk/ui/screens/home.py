"""Home: the exhibit's title and introduction beside the timeline of stops."""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.core.timeline import Run, era_runs, periods
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton, paint_label, set_style, text_label
from kiosk.ui.widgets.scrolling import kinetic_area, style_scrollbar
from kiosk.ui.widgets.settings_bar import SettingsBar
from kiosk.ui.widgets.stop_row import StopRow

PERIODS_FROM = 40
"""Stops from which the home list gets its row of periods."""
PERIOD_BUTTONS = 5
"""Buttons of equal periods, in one row, when the exhibit names no eras."""
ERA_ROWS = 2
"""Rows of era buttons at most; an exhibit with more eras than fit gets equal periods."""


class HomeScreen(QWidget):
    intent = Signal(object)
    aiming = Signal(int)
    """A finger is down on the row of this stop (the window draws the stop ahead)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.subtitle = text_label(), text_label()
        self.intro = text_label()
        self.reading_head, self.reading = text_label(), text_label()
        self.credits = text_label()
        self.begin = TouchButton("", on_click=lambda: self.intent.emit(ev.Next()))
        self.settings = SettingsBar()
        self.settings.intent.connect(self.intent)
        self.timeline_head = text_label()
        self.rows: list[StopRow] = []
        self.period_buttons: list[TouchButton] = []
        self.period_starts: list[int] = []  # the first stop of each period button
        self._periods_for: tuple[Exhibit, Look] | None = None
        self._runs_for: tuple[Exhibit, list[Run]] | None = None
        self._periods_shown: tuple[list[tuple[int, str]], int, Look | None] = ([], 0, None)
        self._key: tuple[object, ...] | None = None

        intro_box = QWidget()
        intro_layout = QVBoxLayout(intro_box)
        intro_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.subtitle, self.intro):
            intro_layout.addWidget(widget)
        intro_layout.addSpacing(24)
        intro_layout.addSpacing(24)
        for widget in (self.reading_head, self.reading, self.credits):
            intro_layout.addWidget(widget)
        intro_layout.addStretch(1)
        self.intro_area = kinetic_area(intro_box)

        self.list_box = QWidget()
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_area = kinetic_area(self.list_box)

        timeline = QWidget()
        timeline_layout = QVBoxLayout(timeline)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(self.timeline_head)
        self.periods_layout = QGridLayout()  # on long exhibits: jump to a period of the list
        self.list_area.viewport().installEventFilter(self)
        timeline_layout.addLayout(self.periods_layout)
        timeline_layout.addWidget(self.list_area, 1)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addWidget(self.intro_area, 11)
        self.columns.addWidget(timeline, 9)
        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bar.addWidget(self.settings, 0, Qt.AlignmentFlag.AlignLeft)
        self.bar.addStretch(1)
        self.bar.addWidget(self.begin, 0, Qt.AlignmentFlag.AlignRight)
        root = self.root = QVBoxLayout(self)
        root.addLayout(self.columns, 1)
        root.addLayout(self.bar)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        lang, t = state.visit.language, look.theme
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.columns.setStretch(0, 9 if portrait else 11)
        self.columns.setStretch(1, 11 if portrait else 9)
        self.columns.setSpacing(look.px(64))
        self.bar.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.bar.setSpacing(look.px(16))
        margin = look.px(64)
        self.root.setContentsMargins(margin, margin, margin, look.px(40))
        self.root.setSpacing(look.px(28))

        self.title.setText(exhibit.title[lang])
        paint_label(self.title, look, "display", t.text, QFont.Weight.Black)
        self.subtitle.setText(exhibit.subtitle[lang])
        paint_label(self.subtitle, look, "title", t.accent, QFont.Weight.Medium)
        self.intro.setText("\n\n".join(exhibit.introduction[lang]))
        paint_label(self.intro, look, "lead", t.text)
        self.intro.setMaximumWidth(look.px(60 * look.type.lead * 0.52))
        self.begin.setText(tr(lang, "start") + "  →")
        self.begin.setAccessibleName(tr(lang, "start"))
        self.begin.restyle(look, QFont.Weight.Bold)
        set_style(self.begin, look.button_css(primary=True))
        self.begin.setMinimumWidth(look.px(320))
        self.reading_head.setText(tr(lang, "reading") if exhibit.further_reading else "")
        paint_label(self.reading_head, look, "small", t.accent, QFont.Weight.Bold)
        self.reading.setText("\n".join(r.citation() for r in exhibit.further_reading))
        paint_label(self.reading, look, "small", t.muted)
        self.credits.setText("\n\n".join(exhibit.credits[lang]))
        paint_label(self.credits, look, "small", t.muted)
        self.timeline_head.setText(tr(lang, "timeline"))
        paint_label(self.timeline_head, look, "small", t.accent, QFont.Weight.Bold)
        style_scrollbar(self.list_area, t.surface, look.px(8))
        style_scrollbar(self.intro_area, t.surface, look.px(8))
        self.settings.show_state(exhibit, state, look)
        self._render_rows(exhibit, lang, look)

    def _render_rows(self, exhibit: Exhibit, lang: str, look: Look) -> None:
        key = (id(exhibit), lang, look)
        if key == self._key:
            return
        same_stops, self._key = self._key is not None and self._key[0] == key[0], key
        if same_stops:  # another language or text size: the rows are kept, reworded
            for row, stop in zip(self.rows, exhibit.stops, strict=True):
                row.restyle(stop.date.label(lang), stop.title[lang], look)
        else:
            self._make_rows(exhibit, lang, look)
        self.list_layout.setSpacing(look.px(10))
        width = self.list_area.viewport().width()
        if width > 10:  # right height from the first frame, not after a relayout
            for row in self.rows:
                row.setFixedHeight(row.heightForWidth(width))
        # Lay the rows out now: Qt's deferred pass would leave one frame
        # of rows piled on each other.
        self.list_layout.activate()
        height = max(self.list_area.viewport().height(), self.list_layout.minimumSize().height())
        self.list_box.resize(self.list_area.viewport().width(), height)
        self.list_layout.setGeometry(self.list_box.rect())
        self._render_periods(exhibit, look)

    def _make_rows(self, exhibit: Exhibit, lang: str, look: Look) -> None:
        for row in self.rows:  # gone now, not at the next turn of the event loop
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        for index, stop in enumerate(exhibit.stops):
            row = StopRow(stop.date.label(lang), stop.title[lang], look, self.list_box)
            row.clicked.connect(lambda _=False, index=index: self.intent.emit(ev.OpenStop(index)))
            row.pressed.connect(lambda index=index: self.aiming.emit(index))
            self.rows.append(row)
            self.list_layout.addWidget(row)
            row.show()  # Qt would show it on a queued call, a frame late
        self.list_layout.addStretch(1)

    def _render_periods(self, exhibit: Exhibit, look: Look) -> None:
        """A long exhibit's list gets a row of periods above it: a tap (or Select) goes
        to the period's first stop in the list, so the end is never a long scroll away."""
        self._periods_for = (exhibit, look)
        labels = self._period_labels(exhibit, look) if len(exhibit.stops) >= PERIODS_FROM else []
        columns = (self._columns([label for _, label in labels], look) or len(labels)) if labels else 0
        if (labels, columns, look) == self._periods_shown:
            return
        self._periods_shown = (labels, columns, look)
        for button in self.period_buttons:
            button.hide()
            button.deleteLater()
        self.period_buttons, self.period_starts = [], []
        for number, (first, label) in enumerate(labels):
            button = TouchButton(label, on_click=functools.partial(self.show_period, first))
            button.restyle(look)
            button.setAccessibleName(f"{tr(look.lang, 'timeline')}: {label}")
            self.periods_layout.addWidget(button, number // columns, number % columns)
            self.period_buttons.append(button)
            self.period_starts.append(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Era names that did not fit a narrow list may fit a wider one, and back."""
        if event.type() == QEvent.Type.Resize and self._periods_for is not None:
            self._render_periods(*self._periods_for)
        return False

    def _columns(self, labels: list[str], look: Look) -> int:
        """How many buttons of these labels fit side by side above the list (0: none)."""
        metrics = QFontMetrics(look.font("button", QFont.Weight.DemiBold))
        widest = max(metrics.horizontalAdvance(label) for label in labels) + look.px(48)
        spacing = self.periods_layout.spacing()
        return min(len(labels), int((self.list_area.viewport().width() + spacing) // (widest + spacing)))

    def _period_labels(self, exhibit: Exhibit, look: Look) -> list[tuple[int, str]]:
        """The first stop and label of each period button: the exhibit's eras when it
        has a few and their names fit side by side, else equal periods by their first
        year."""
        if self._runs_for is None or self._runs_for[0] is not exhibit:
            self._runs_for = (exhibit, era_runs(exhibit))
        runs = self._runs_for[1]
        if len(runs) > 1:
            named = [
                (
                    stops.start,
                    str(exhibit.stops[stops.start].date.start.year)
                    if era is None
                    else exhibit.eras[era].title[look.lang],
                )
                for stops, era in runs
            ]
            columns = self._columns([label for _, label in named], look)
            if columns and len(named) <= ERA_ROWS * columns:
                return named
        return [
            (group.start, str(exhibit.stops[group.start].date.start.year))  # where the period begins
            for group in periods(len(exhibit.stops), PERIOD_BUTTONS * look.target, look.target)
        ]

    def show_period(self, first: int) -> None:
        """Scroll the list to the period's first stop (and, for a keypad, put the focus there)."""
        row = self.rows[first]
        self.list_area.verticalScrollBar().setValue(row.y())
        if any(button.hasFocus() for button in self.period_buttons):
            row.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_first(self) -> QWidget:
        """A keypad that wakes the kiosk lands on Begin: the next Enter acts."""
        return self.begin

    def focus_chain(self) -> list[QWidget]:
        """Reading order: the periods (on long exhibits), the stops, then Begin, then the settings."""
        return [*self.period_buttons, *self.rows, self.begin, *self.settings.focus_chain()]
