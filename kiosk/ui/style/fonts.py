"""The kiosk's typeface: Inter, installed with the kiosk, never the OS default.

``make setup`` installs Debian's fonts-inter; we register its files with Qt
by path so every kiosk renders the same, whatever fontconfig prefers.
Finding the files is a few stat calls; registering them parses seven fonts,
which the kiosk does on a worker thread, off the way to its first frame
(QFontDatabase is thread-safe), so ``font_family`` and ``register`` are apart.
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


def font_files() -> list[Path]:
    """Inter's files from the first folder that has them; empty if none does."""
    for folder in SEARCH:
        files = [folder / f"Inter-{weight}.{suffix}" for suffix in ("otf", "ttf") for weight in WEIGHTS]
        found = [f for f in files if f.is_file()]
        if found:
            return found
    return []


def font_family(files: list[Path]) -> str:
    """The family the interface should ask for, given what ``font_files`` found."""
    if files:
        return FAMILY
    log.warning("Inter font not found (install fonts-inter); using the system sans-serif")
    return QFont().defaultFamily()


def register(files: list[Path]) -> None:
    for path in files:
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("font file could not be loaded: %s", path)


def register_fonts() -> str:
    """Register Inter now; returns the family name Qt should use."""
    files = font_files()
    register(files)
    return font_family(files)


def font(family: str, pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, pixel_size))
    f.setWeight(weight)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f
