"""What every screen needs to draw itself: theme, type, scale, language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont

from kiosk.core.theme import TEXT_SIZES, TOUCH_TARGET, Theme, TypeScale
from kiosk.ui.style.fonts import font


@dataclass(frozen=True)
class Look:
    theme: Theme
    type: TypeScale
    scale: float
    """Screen's shorter side / 1080: sizes are designed at 1080p."""
    family: str
    lang: str
    reduced_motion: bool = False

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    @property
    def target(self) -> int:
        return max(64, self.px(TOUCH_TARGET))

    def font(self, role: str, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        return font(self.family, self.px(getattr(self.type, role)), weight)

    @classmethod
    def make(
        cls, theme: Theme, text_size: int, width: int, height: int, family: str, lang: str, reduced_motion: bool = False
    ) -> Look:
        scale = max(0.6, min(width, height) / 1080)
        return cls(theme, TEXT_SIZES[text_size], scale, family, lang, reduced_motion)

    def button_css(self, primary: bool = False) -> str:
        t = self.theme
        face, ink = (t.accent, t.background) if primary else (t.surface, t.text)
        return (
            f"QPushButton {{ background: {face}; color: {ink}; border: {self.px(5)}px solid transparent;"
            f" border-radius: {self.px(14)}px; padding: 0 {self.px(26)}px; }}"
            f"QPushButton:pressed, QPushButton:checked:pressed {{ background: {t.pressed}; color: {t.pressed_text}; }}"
            f"QPushButton:checked {{ background: {t.text}; color: {t.background}; }}"
            # still legible when disabled (muted text meets 4.5:1 on the background), set apart by a dashed
            # edge as wide as the others: a button's size, and so the bar's layout, never depends on its state
            f"QPushButton:disabled {{ background: {t.background}; color: {t.muted};"
            f" border: {self.px(5)}px dashed {t.surface}; }}"
            f"QPushButton:focus {{ border: {self.px(5)}px solid {t.focus}; }}"
        )
