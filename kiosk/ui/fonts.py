"""The kiosk's typeface: Inter, installed with the kiosk, never the OS default.

``make setup`` installs Debian's fonts-inter; we register its files with Qt
by path so every kiosk renders the same, whatever fontconfig prefers.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FAMILY = "Inter"
SEARCH = (
    Path(__file__).resolve().parent / "fonts",
    Path("/usr/share/fonts/opentype/inter"),
    Path("/usr/share/fonts/truetype/inter"),
)
WEIGHTS = ("Regular", "Medium", "SemiBold", "Bold", "ExtraBold", "Black", "Italic")

log = logging.getLogger(__name__)


def register_fonts() -> str:
    """Register Inter's files; returns the family name Qt should use."""
    for folder in SEARCH:
        files = [folder / f"Inter-{weight}.otf" for weight in WEIGHTS]
        files += [folder / f"Inter-{weight}.ttf" for weight in WEIGHTS]
        loaded = [f for f in files if f.is_file() and QFontDatabase.addApplicationFont(str(f)) >= 0]
        if loaded:
            return FAMILY
    log.warning("Inter font not found (install fonts-inter); using the system sans-serif")
    return QFont().defaultFamily()


def font(family: str, pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, pixel_size))
    f.setWeight(weight)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f
