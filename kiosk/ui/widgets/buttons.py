"""Touch-sized buttons and the helpers that style text: no restyling when nothing changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.style.look import Look


class TouchButton(QPushButton):
    """A button at least one touch target in each direction.

    The pressed colour comes from the style sheet, so it shows on the very
    next frame after the finger lands, with no animation in the way.
    """

    def __init__(
        self, text: str = "", parent: QWidget | None = None, on_click: Callable[[], None] | None = None
    ) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a finger should not leave a focus ring
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if on_click is not None:
            # clicked(bool) would pass `checked` into the callback's first default
            self.clicked.connect(lambda _checked=False: on_click())

    def restyle(self, look: Look, weight: QFont.Weight = QFont.Weight.DemiBold, css: str | None = None) -> None:
        """``css``: another style than the look's usual button (one restyle, not two)."""
        set_font(self, look.font("button", weight))
        self.setMinimumSize(look.target, look.target)
        set_style(self, look.button_css() if css is None else css)


def text_label(parent: QWidget | None = None, wrap: bool = True, kind: type[QLabel] = QLabel) -> QLabel:
    """A label for visitor text: wraps, never selectable, no links."""
    label = kind(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def set_style(widget: QWidget, css: str) -> None:
    """Qt restyles a widget on every setStyleSheet, even with the same text: skip that."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


def set_font(widget: QWidget, font: QFont) -> None:
    if widget.font() != font:
        widget.setFont(font)


def paint_label(label: QLabel, look: Look, role: str, colour: str, weight: QFont.Weight = QFont.Weight.Normal) -> None:
    set_font(label, look.font(role, weight))
    set_style(label, f"color: {colour}; background: transparent;")
