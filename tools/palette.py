"""The exhibit's illustration palette and SVG helpers, shared by the tools.

One palette for every picture keeps the illustrations a family: the colours
of tin, of the Altiplano's earth, of paper posters, of Bolivia's red, yellow and green flag and of the
MNR's pink banners.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

INK = "#1c2230"
NIGHT = "#2b3448"
TIN = "#6f7d8f"
TIN_LIGHT = "#a7b1bf"
SAND = "#d9c7a3"
OCHRE = "#c98b2b"
RED = "#b3362a"
PAPER = "#f3ead8"
YELLOW = "#e2b93b"
GREEN = "#2f7d4a"
MNR_PINK = "#d0658c"
"""The MNR's party colour, for its banners; Bolivia's own flag is red, yellow, green."""
FONT = "Inter"


def svg_document(width: int, height: int, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">\n{body}\n</svg>\n'
    )


def text(
    x: float,
    y: float,
    content: str,
    size: int,
    fill: str,
    anchor: str = "start",
    weight: int = 400,
    spacing: float = 0,
    opacity: float = 1.0,
) -> str:
    extra = f' letter-spacing="{spacing}"' if spacing else ""
    extra += f' fill-opacity="{opacity}"' if opacity < 1 else ""
    return (
        f'<text x="{x}" y="{y}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
        f'fill="{fill}" text-anchor="{anchor}"{extra}>{escape(content)}</text>'
    )
