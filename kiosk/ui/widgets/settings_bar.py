"""Language by name (never flags), three text sizes, contrast and reduced motion."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.model import Exhibit
from kiosk.core.state import NavState
from kiosk.core.strings import tr
from kiosk.ui.style.look import Look
from kiosk.ui.widgets.buttons import TouchButton


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
