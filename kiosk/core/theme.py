"""Colours and type sizes, with the WCAG arithmetic that keeps them honest.

Plain Python (no Qt) so tests can check every text colour against its
background: 4.5:1 in the normal theme, 7:1 in high contrast.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    """Panels and buttons."""
    text: str
    muted: str
    """Secondary text: captions, credits, subtitles."""
    accent: str
    """Dates and highlights."""
    pressed: str
    """Button face while a finger is on it."""
    pressed_text: str
    focus: str
    overlay: str
    """The idle warning's card."""

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) pair text is drawn in."""
        return {
            "body": (self.text, self.background),
            "body on surface": (self.text, self.surface),
            "muted": (self.muted, self.background),
            "muted on surface": (self.muted, self.surface),
            "accent": (self.accent, self.background),
            "accent on surface": (self.accent, self.surface),
            "pressed button": (self.pressed_text, self.pressed),
            "warning card": (self.text, self.overlay),
        }


NORMAL = Theme(
    name="normal",
    background="#1c2230",
    surface="#2b3446",
    text="#f3ead8",
    muted="#c8bfae",
    accent="#e0a94a",
    pressed="#e0a94a",
    pressed_text="#1c2230",
    focus="#7fc4ff",
    overlay="#2b3446",
)
HIGH_CONTRAST = Theme(
    name="high contrast",
    background="#000000",
    surface="#1a1a1a",
    text="#ffffff",
    muted="#e6e6e6",
    accent="#ffd84d",
    pressed="#ffd84d",
    pressed_text="#000000",
    focus="#00e5ff",
    overlay="#1a1a1a",
)


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else NORMAL


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2.x)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class TypeScale:
    """Pixel sizes at 1080 px of screen height; the window scales them."""

    body: int
    lead: int
    """Introductions: a step above body text."""
    title: int
    display: int
    small: int
    date: int
    button: int


TEXT_SIZES: tuple[TypeScale, ...] = (
    TypeScale(body=30, lead=36, title=60, display=120, small=24, date=30, button=28),
    TypeScale(body=36, lead=42, title=68, display=130, small=28, date=34, button=30),
    TypeScale(body=43, lead=48, title=76, display=140, small=32, date=38, button=32),
)
"""Standard, large, larger. Body text is never under 28 px at 1080p."""

TOUCH_TARGET = 88
"""Minimum control size in px at 1080p: 15 mm is about 64 px on a 24" screen,
and a comfortable finger needs more."""
