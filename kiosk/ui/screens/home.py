"""Home: the exhibit's title and introduction beside the timeline of stops."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton, paint_label, set_style, text_label
from kiosk.ui.widgets.scrolling import kinetic_area, style_scrollbar
from kiosk.ui.widgets.settings_bar import SettingsBar
from kiosk.ui.widgets.stop_row import StopRow


class HomeScreen(QWidget):
    intent = Signal(object)

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
        self._key = key
        for row in self.rows:  # gone now, not at the next turn of the event loop
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        self.list_layout.setSpacing(look.px(10))
        width = self.list_area.viewport().width()
        for index, stop in enumerate(exhibit.stops):
            row = StopRow(stop.date.label(lang), stop.title[lang], look, self.list_box)
            if width > 10:  # right height from the first frame, not after a relayout
                row.setFixedHeight(row.heightForWidth(width))
            row.clicked.connect(lambda _=False, index=index: self.intent.emit(ev.OpenStop(index)))
            self.rows.append(row)
            self.list_layout.addWidget(row)
            row.show()  # Qt would show it on a queued call, a frame late
        self.list_layout.addStretch(1)
        # Lay the new rows out now: Qt's deferred pass would leave one frame
        # of rows piled on each other.
        self.list_layout.activate()
        height = max(self.list_area.viewport().height(), self.list_layout.minimumSize().height())
        self.list_box.resize(self.list_area.viewport().width(), height)
        self.list_layout.setGeometry(self.list_box.rect())

    def focus_first(self) -> QWidget:
        """A keypad that wakes the kiosk lands on Begin: the next Enter acts."""
        return self.begin

    def focus_chain(self) -> list[QWidget]:
        """Reading order: the stops, then Begin, then the settings."""
        return [*self.rows, self.begin, *self.settings.focus_chain()]
