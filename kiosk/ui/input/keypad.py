"""The keypad's focus: where it starts, how it moves, what Select does.

A keypad visitor moves through a screen's controls in reading order (each
screen's ``focus_chain``) with Up and Down, starts on the screen's
``focus_first`` control, pages a long label, pans a zoomed picture, and
never sees a focus ring left over after a touch or from the last visitor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from kiosk.core.state import Screen

if TYPE_CHECKING:
    from kiosk.ui.runtime.window import KioskWindow


class KeypadFocus:
    def __init__(self, window: KioskWindow) -> None:
        self.window = window

    def focus_chain(self) -> list[QWidget]:
        screen = self.window.current_screen()
        chain = screen.focus_chain() if hasattr(screen, "focus_chain") else []
        return [w for w in chain if w.isVisibleTo(self.window) and w.isEnabled()]

    def move_focus(self, step: int) -> None:
        """Up and Down walk the controls in reading order, wrapping round."""
        chain = self.focus_chain()
        if not chain:
            return
        current = self.window.focusWidget()
        index = chain.index(current) if current in chain else (-1 if step > 0 else 0)
        target = chain[(index + step) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        area = _scroll_area_of(target)
        if area is not None:
            area.ensureWidgetVisible(target, 0, 40)

    def focus_first(self) -> None:
        """Put the keyboard focus where a keypad visitor starts on this screen
        (Begin on home, the picture on a stop), visibly."""
        screen = self.window.current_screen()
        first = screen.focus_first() if hasattr(screen, "focus_first") else None
        if first is not None and first.isVisibleTo(self.window):
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def clear_focus(self) -> None:
        """A touch, or a new visitor: no focus ring left over from the keypad."""
        widget = self.window.focusWidget()
        if widget is not None and widget is not self.window:
            widget.clearFocus()

    def scroll_reading(self, pages: int) -> None:
        screen = self.window.current_screen()
        if hasattr(screen, "scroll_reading"):
            screen.scroll_reading(pages)

    def zoomed_in(self) -> bool:
        zoom = self.window.screens.get(Screen.ZOOM)
        return zoom is not None and zoom.wants_arrows()  # type: ignore[attr-defined]

    def pan_picture(self, dx: int, dy: int) -> None:
        """An arrow on the zoom screen: pan the picture, or move the clip back or on."""
        zoom = self.window.screens.get(Screen.ZOOM)
        if zoom is not None:
            zoom.arrow(dx, dy)  # type: ignore[attr-defined]

    def focused_image_index(self) -> int:
        """Which of the stop's pictures has the focus (0, the main one, otherwise)."""
        stop = self.window.screens.get(Screen.STOP)
        focused = self.window.focusWidget()
        thumbs = getattr(stop, "thumbs", [])
        return thumbs.index(focused) if focused in thumbs else 0

    def activate_focus(self) -> None:
        widget = self.window.focusWidget()
        if widget is None or widget not in self.focus_chain():
            self.move_focus(1)  # the first Select shows where the focus is
            return
        if isinstance(widget, QAbstractButton):
            widget.click()
        elif hasattr(widget, "activate"):
            widget.activate()


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
