"""Kinetic touch scrolling for text and lists (QScroller), without scrollbars to aim at."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget

from kiosk.ui.widgets.buttons import set_style


def kinetic_area(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """A vertical scroll area that follows a dragging finger and coasts."""
    area = QScrollArea(parent)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys page it (PageUp/PageDown); a tap must not take focus
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
    make_kinetic(area)
    return area


def make_kinetic(area: QAbstractScrollArea) -> None:
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    props.setScrollMetric(
        QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
        QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    )
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DecelerationFactor, 0.3)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    # Deliver the press at once: a delayed press is lost when a quick tap releases first.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)


def style_scrollbar(area: QScrollArea, handle: str, width: int) -> None:
    """A thin, visible bar: it tells visitors there is more, it need not be hit."""
    set_style(
        area.verticalScrollBar(),
        f"QScrollBar:vertical {{ background: transparent; width: {width}px; margin: 0; }}"
        f"QScrollBar::handle:vertical {{ background: {handle}; border-radius: {width // 2}px; min-height: 40px; }}"
        "QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page"
        " { background: none; height: 0; }",
    )


class FadeEdge(QWidget):
    """Fades the bottom of a scroll area while there is more text below.

    A line cut in half looks like a mistake; a fade says "keep reading".
    It ignores input, so drags still reach the scroll area beneath.
    """

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        self.colour = QColor("#000000")
        self.fade_depth = 80
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self._follow)
        bar.rangeChanged.connect(self._follow)
        area.installEventFilter(self)
        # and the viewport: it narrows when the scroll bar appears (the area keeps its
        # size), and a fade as wide as before would cover the bar's lower end
        area.viewport().installEventFilter(self)

    def set_colour(self, colour: str, depth: int) -> None:
        self.colour, self.fade_depth = QColor(colour), depth
        self._follow()

    @property
    def more_below(self) -> bool:
        bar = self.area.verticalScrollBar()
        return bar.value() < bar.maximum()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._follow()
        return False

    def _follow(self) -> None:
        viewport = self.area.viewport()
        self.setGeometry(0, viewport.height() - self.fade_depth, viewport.width(), self.fade_depth)
        self.setVisible(self.more_below)
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        gradient = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        clear = QColor(self.colour)
        clear.setAlpha(0)
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(1.0, self.colour)
        painter.fillRect(self.rect(), gradient)
        painter.end()
