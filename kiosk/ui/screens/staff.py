"""Staff screens: the PIN pad and the staff panel. Plain English: staff use."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.pin import MAX_DIGITS
from kiosk.core.state import NavState
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton, paint_label, set_style, text_label
from kiosk.ui.widgets.scrolling import kinetic_area


class PinPadScreen(QWidget):
    """Digits are composed here; only the finished PIN goes to the machine."""

    intent = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digits = ""
        self.message = ""
        self.title, self.dots, self.info = text_label(), text_label(wrap=False), text_label()
        for label in (self.title, self.dots, self.info):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        self.keys: dict[str, TouchButton] = {}
        for index, key in enumerate("123456789C0✓"):
            button = TouchButton(key, on_click=functools.partial(self.press, key))
            button.setAccessibleName({"C": "Clear", "✓": "Enter"}.get(key, key))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.cancel = TouchButton("Cancel", on_click=lambda: self.intent.emit(ev.Back()))
        self.grid = grid
        root = self.root = QVBoxLayout(self)
        root.addStretch(1)
        root.addWidget(self.title)
        root.addWidget(self.dots)
        root.addLayout(grid)
        root.addWidget(self.info)
        root.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        root.addStretch(1)

    def press(self, key: str) -> None:
        if key == "C":
            self.digits = ""
        elif key == "✓":
            pin, self.digits = self.digits, ""
            self.intent.emit(ev.PinEntered(pin))
        elif len(self.digits) < MAX_DIGITS:
            self.digits += key
        self.message = "" if key != "✓" else self.message
        self._show()

    def show_message(self, message: str) -> None:
        self.message = message
        self._show()

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        self.look = look
        self.title.setText("Staff access: enter the PIN")
        paint_label(self.title, look, "title", look.theme.text, QFont.Weight.Bold)
        for button in [*self.keys.values(), self.cancel]:
            button.restyle(look, QFont.Weight.Bold)
            button.setMinimumSize(look.px(140), look.px(110))
        self.grid.setSpacing(look.px(14))
        self.root.setContentsMargins(look.px(400), look.px(40), look.px(400), look.px(40))
        self._show()

    def _show(self) -> None:
        look = getattr(self, "look", None)
        if look is None:
            return
        self.dots.setText("●" * len(self.digits) or " ")
        paint_label(self.dots, look, "display", look.theme.accent, QFont.Weight.Bold)
        self.info.setText(self.message)
        paint_label(self.info, look, "body", look.theme.text)

    def focus_chain(self) -> list[QWidget]:
        return [*self.keys.values(), self.cancel]

    def hideEvent(self, event: QHideEvent) -> None:
        self.digits, self.message = "", ""  # nothing typed survives leaving the pad
        super().hideEvent(event)


@dataclass
class StaffStatus:
    """What the staff panel shows; gathered by the runtime when it opens."""

    lines: list[str] = field(default_factory=list)
    log_tail: list[str] = field(default_factory=list)
    statistics: str = ""
    can_exit: bool = True
    reload_errors: list[str] = field(default_factory=list)


class StaffPanelScreen(QWidget):
    intent = Signal(object)

    def __init__(self, status: Callable[[], StaffStatus] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_source = status or StaffStatus
        self.title = text_label()
        self.resume = TouchButton("Resume", on_click=lambda: self.intent.emit(ev.StaffResume()))
        self.reload = TouchButton("Reload exhibit", on_click=lambda: self.intent.emit(ev.StaffReload()))
        self.restart = TouchButton("Restart kiosk", on_click=lambda: self.intent.emit(ev.StaffRestart()))
        self.exit = TouchButton("Exit to desktop", on_click=lambda: self.intent.emit(ev.StaffExit()))
        self.status, self.errors, self.log, self.stats = text_label(), text_label(), text_label(), text_label()
        self.log.setFont(QFont("monospace"))
        buttons = QHBoxLayout()
        for button in (self.resume, self.reload, self.restart, self.exit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        details = QWidget()
        column = QVBoxLayout(details)
        for label in (self.errors, self.status, self.stats, self.log):
            column.addWidget(label)
        column.addStretch(1)
        root = self.root = QVBoxLayout(self)
        root.addWidget(self.title)
        root.addLayout(buttons)
        root.addWidget(kinetic_area(details), 1)

    def show_state(self, exhibit: Exhibit, state: NavState, look: Look) -> None:
        status = self.status_source() or StaffStatus()
        t = look.theme
        self.root.setContentsMargins(look.px(56), look.px(48), look.px(56), look.px(40))
        self.title.setText("Staff panel")
        paint_label(self.title, look, "title", t.text, QFont.Weight.ExtraBold)
        for button in (self.resume, self.reload, self.restart, self.exit):
            button.restyle(look)
        self.exit.setEnabled(status.can_exit)
        self.errors.setText("\n".join(status.reload_errors))
        paint_label(self.errors, look, "small", t.accent, QFont.Weight.Bold)
        self.status.setText("\n".join(status.lines))
        paint_label(self.status, look, "small", t.text)
        self.stats.setText(status.statistics)
        paint_label(self.stats, look, "small", t.muted)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPixelSize(look.px(22))
        self.stats.setFont(mono)
        self.log.setText("Recent log:\n" + "\n".join(status.log_tail[-15:]))
        set_style(self.log, f"color: {t.muted}; background: transparent;")
        font = self.log.font()
        font.setPixelSize(look.px(18))
        self.log.setFont(font)

    def focus_chain(self) -> list[QWidget]:
        return [self.resume, self.reload, self.restart, self.exit]
