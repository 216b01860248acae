"""Draw the Bolivia 1952 exhibit's illustrations as SVG.

No archival photographs are available to us, so each stop gets an honest
illustration in one flat, screen-print style and one palette. Pictures carry
only numerals and proper names, so they serve every exhibit language.

The people drawn are the people who were there: miners, factory workers,
women in the pollera and bowler hat of La Paz and the valleys, men in the
poncho and knitted ch'ullu of the high plateau. Flags are Bolivia's red,
yellow and green and the MNR's pink, as in period photographs; red banners
appear only where unions carried them.
Run ``python tools/make_illustrations.py``; the output is committed.
"""

from __future__ import annotations

from pathlib import Path

from palette import GREEN, INK, MNR_PINK, NIGHT, OCHRE, PAPER, RED, SAND, TIN, TIN_LIGHT, YELLOW, svg_document, text

OUT = Path(__file__).resolve().parent.parent / "media" / "bolivia-1952"
W, H = 1600, 1000


# --- motifs -----------------------------------------------------------------
def sky(top: str, bottom: str) -> str:
    return (
        f'<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{top}"/><stop offset="1" stop-color="{bottom}"/>'
        f'</linearGradient></defs><rect width="{W}" height="{H}" fill="url(#sky)"/>'
    )


def mountains(base: int, colour: str, peaks: tuple[tuple[int, int], ...]) -> str:
    points = [f"0,{base}"] + [f"{x},{y}" for x, y in peaks] + [f"{W},{base}", f"{W},{H}", f"0,{H}"]
    return f'<polygon points="{" ".join(points)}" fill="{colour}"/>'


def snowcaps(peaks: tuple[tuple[int, int], ...]) -> str:
    caps = []
    for x, y in peaks:
        caps.append(
            f'<polygon points="{x},{y} {x - 38},{y + 46} {x - 12},{y + 34} {x + 6},{y + 52} {x + 40},{y + 44}" fill="{PAPER}"/>'
        )
    return "".join(caps)


def sun(x: int, y: int, r: int, colour: str = OCHRE) -> str:
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}"/>'


def ground(y: int, colour: str) -> str:
    return f'<rect x="0" y="{y}" width="{W}" height="{H - y}" fill="{colour}"/>'


def figure(
    x: float,
    y: float,
    s: float = 1.0,
    colour: str = INK,
    rifle: bool = False,
    helmet: bool = False,
    cap: str | None = None,
    arm_up: bool = False,
    flag: str | None = None,
) -> str:
    """A standing person, feet at (x, y), about 230*s px tall."""
    parts = [
        f'<rect x="{x - 28 * s}" y="{y - 170 * s}" width="{56 * s}" height="{105 * s}" rx="{18 * s}" fill="{colour}"/>',
        f'<rect x="{x - 26 * s}" y="{y - 80 * s}" width="{22 * s}" height="{80 * s}" rx="{8 * s}" fill="{colour}"/>',
        f'<rect x="{x + 4 * s}" y="{y - 80 * s}" width="{22 * s}" height="{80 * s}" rx="{8 * s}" fill="{colour}"/>',
        f'<circle cx="{x}" cy="{y - 196 * s}" r="{24 * s}" fill="{colour}"/>',
    ]
    if helmet:
        parts.append(
            f'<path d="M{x - 30 * s},{y - 200 * s} A{30 * s},{30 * s} 0 0 1 {x + 30 * s},{y - 200 * s} Z" fill="{TIN_LIGHT}"/>'
        )
        parts.append(f'<circle cx="{x + 22 * s}" cy="{y - 208 * s}" r="{7 * s}" fill="{OCHRE}"/>')
    if cap == "forward":
        parts.append(
            f'<path d="M{x - 26 * s},{y - 206 * s} L{x + 24 * s},{y - 206 * s} L{x + 50 * s},{y - 200 * s} L{x - 26 * s},{y - 198 * s} Z" fill="{TIN}"/>'
        )
        parts.append(
            f'<rect x="{x - 26 * s}" y="{y - 226 * s}" width="{50 * s}" height="{22 * s}" rx="{6 * s}" fill="{TIN}"/>'
        )
    if cap == "backwards":
        parts.append(
            f'<path d="M{x + 26 * s},{y - 206 * s} L{x - 24 * s},{y - 206 * s} L{x - 50 * s},{y - 200 * s} L{x + 26 * s},{y - 198 * s} Z" fill="{RED}"/>'
        )
        parts.append(
            f'<rect x="{x - 24 * s}" y="{y - 226 * s}" width="{50 * s}" height="{22 * s}" rx="{6 * s}" fill="{RED}"/>'
        )
    if rifle:
        parts.append(
            f'<rect x="{x + 30 * s}" y="{y - 250 * s}" width="{9 * s}" height="{170 * s}" fill="{colour}" transform="rotate(12 {x + 34 * s} {y - 160 * s})"/>'
        )
    if arm_up:
        parts.append(
            f'<rect x="{x - 46 * s}" y="{y - 270 * s}" width="{18 * s}" height="{110 * s}" rx="{8 * s}" fill="{colour}"/>'
        )
        parts.append(f'<circle cx="{x - 37 * s}" cy="{y - 272 * s}" r="{13 * s}" fill="{colour}"/>')
    if flag:
        parts.append(flag_on_pole(x - 36 * s, y - 360 * s, s, flag))
    return "".join(parts)


def flag_on_pole(x: float, y: float, s: float, flag: str) -> str:
    """A pole with a flag: 'bolivia' (red, yellow, green), 'mnr' (pink) or a plain colour."""
    pole = f'<rect x="{x}" y="{y}" width="{7 * s}" height="{250 * s}" fill="{INK}"/>'
    fx, w, h = x + 7 * s, 96 * s, 60 * s
    if flag == "bolivia":
        cloth = "".join(
            f'<rect x="{fx}" y="{y + i * h / 3}" width="{w}" height="{h / 3 + 0.5}" fill="{colour}"/>'
            for i, colour in enumerate((RED, YELLOW, GREEN))
        )
    else:
        colour = MNR_PINK if flag == "mnr" else flag
        cloth = f'<rect x="{fx}" y="{y}" width="{w}" height="{h}" fill="{colour}"/>'
    return pole + cloth


def woman(x: float, y: float, s: float = 1.0, skirt: str = OCHRE, colour: str = INK, hat: bool = True) -> str:
    """A woman in a pollera (wide gathered skirt), shawl and, if ``hat``, a bowler; feet at (x, y)."""
    parts = [
        f'<rect x="{x - 18 * s}" y="{y - 20 * s}" width="{12 * s}" height="{20 * s}" fill="{colour}"/>',
        f'<rect x="{x + 6 * s}" y="{y - 20 * s}" width="{12 * s}" height="{20 * s}" fill="{colour}"/>',
        f'<path d="M{x - 30 * s},{y - 118 * s} L{x + 30 * s},{y - 118 * s} L{x + 66 * s},{y - 16 * s} '
        f'Q{x},{y - 4 * s} {x - 66 * s},{y - 16 * s} Z" fill="{skirt}"/>',
        f'<path d="M{x - 40 * s},{y - 110 * s} L{x - 26 * s},{y - 176 * s} L{x + 26 * s},{y - 176 * s} '
        f'L{x + 40 * s},{y - 110 * s} Z" fill="{colour}"/>',
        f'<circle cx="{x}" cy="{y - 198 * s}" r="{23 * s}" fill="{colour}"/>',
        f'<rect x="{x - 24 * s}" y="{y - 196 * s}" width="{7 * s}" height="{62 * s}" rx="{3 * s}" fill="{colour}"/>',
        f'<rect x="{x + 17 * s}" y="{y - 196 * s}" width="{7 * s}" height="{62 * s}" rx="{3 * s}" fill="{colour}"/>',
    ]
    if hat:
        parts.append(
            f'<rect x="{x - 32 * s}" y="{y - 222 * s}" width="{64 * s}" height="{7 * s}" rx="{3 * s}" fill="{NIGHT}"/>'
        )
        parts.append(
            f'<path d="M{x - 18 * s},{y - 220 * s} Q{x},{y - 262 * s} {x + 18 * s},{y - 220 * s} Z" fill="{NIGHT}"/>'
        )
    return "".join(parts)


def poncho_man(x: float, y: float, s: float = 1.0, poncho: str = RED, colour: str = INK, tool: bool = False) -> str:
    """A man of the high plateau in a poncho and a knitted ch'ullu with ear flaps; feet at (x, y)."""
    parts = [
        f'<rect x="{x - 24 * s}" y="{y - 80 * s}" width="{20 * s}" height="{80 * s}" rx="{7 * s}" fill="{colour}"/>',
        f'<rect x="{x + 4 * s}" y="{y - 80 * s}" width="{20 * s}" height="{80 * s}" rx="{7 * s}" fill="{colour}"/>',
        f'<path d="M{x - 20 * s},{y - 172 * s} L{x + 20 * s},{y - 172 * s} L{x + 62 * s},{y - 70 * s} '
        f'L{x - 62 * s},{y - 70 * s} Z" fill="{poncho}"/>',
        f'<path d="M{x - 54 * s},{y - 88 * s} L{x + 54 * s},{y - 88 * s}" stroke="{PAPER}" stroke-width="{5 * s}"/>',
        f'<circle cx="{x}" cy="{y - 194 * s}" r="{23 * s}" fill="{colour}"/>',
        f'<path d="M{x - 25 * s},{y - 196 * s} Q{x},{y - 250 * s} {x + 25 * s},{y - 196 * s} L{x + 22 * s},{y - 172 * s} '
        f'L{x + 14 * s},{y - 192 * s} L{x - 14 * s},{y - 192 * s} L{x - 22 * s},{y - 172 * s} Z" fill="{YELLOW}"/>',
        f'<circle cx="{x}" cy="{y - 234 * s}" r="{5 * s}" fill="{RED}"/>',
    ]
    if tool:
        parts.append(
            f'<rect x="{x + 50 * s}" y="{y - 210 * s}" width="{8 * s}" height="{200 * s}" fill="{NIGHT}" '
            f'transform="rotate(-8 {x + 54 * s} {y - 110 * s})"/>'
            f'<rect x="{x + 40 * s}" y="{y - 24 * s}" width="{40 * s}" height="{14 * s}" fill="{NIGHT}"/>'
        )
    return "".join(parts)


def soldier(x: float, y: float, s: float = 1.0, colour: str = "#3a5040", rifle: bool = True) -> str:
    """A conscript of 1952 in uniform and peaked kepi (no modern baseball caps)."""
    kepi = (
        f'<rect x="{x - 24 * s}" y="{y - 236 * s}" width="{48 * s}" height="{30 * s}" fill="{colour}"/>'
        f'<rect x="{x - 26 * s}" y="{y - 240 * s}" width="{52 * s}" height="{8 * s}" fill="{NIGHT}"/>'
        f'<path d="M{x + 4 * s},{y - 206 * s} L{x + 40 * s},{y - 204 * s} L{x + 4 * s},{y - 198 * s} Z" fill="{NIGHT}"/>'
    )
    return figure(x, y, s, colour, rifle=rifle) + kepi


def crowd(y: float, count: int, x0: float, x1: float, s: float, colour: str, **kinds: bool) -> str:
    step = (x1 - x0) / max(1, count - 1)
    out = []
    for i in range(count):
        wobble = (i * 37 % 11 - 5) * s * 2
        opts = {k: v for k, v in kinds.items() if v and (i % 3 == 0 or k in ("helmet", "rifle"))}
        out.append(figure(x0 + i * step, y + wobble, s, colour, **opts))
    return "".join(out)


def headframe(x: float, y: float, s: float = 1.0) -> str:
    """A mine head-frame: two legs, a brace and the winding wheel on top."""
    c = INK
    return (
        f'<path d="M{x - 120 * s},{y} L{x - 20 * s},{y - 420 * s} L{x + 20 * s},{y - 420 * s} L{x + 120 * s},{y}" '
        f'fill="none" stroke="{c}" stroke-width="{18 * s}"/>'
        f'<path d="M{x + 20 * s},{y - 420 * s} L{x + 210 * s},{y}" stroke="{c}" stroke-width="{14 * s}"/>'
        f'<path d="M{x - 90 * s},{y - 120 * s} L{x + 90 * s},{y - 120 * s} M{x - 62 * s},{y - 240 * s} L{x + 62 * s},{y - 240 * s}" '
        f'stroke="{c}" stroke-width="{10 * s}"/>'
        f'<circle cx="{x}" cy="{y - 430 * s}" r="{62 * s}" fill="none" stroke="{c}" stroke-width="{14 * s}"/>'
        f'<circle cx="{x}" cy="{y - 430 * s}" r="{12 * s}" fill="{c}"/>'
        f'<rect x="{x - 150 * s}" y="{y - 60 * s}" width="{300 * s}" height="{60 * s}" fill="{c}"/>'
    )


def building(x: float, y: float, w: float, h: float, colour: str, windows: str = PAPER, rows: int = 3) -> str:
    out = [f'<rect x="{x}" y="{y - h}" width="{w}" height="{h}" fill="{colour}"/>']
    cols = max(1, int(w // 70))
    for r in range(rows):
        for c in range(cols):
            wx = x + 22 + c * (w - 44) / max(1, cols)
            wy = y - h + 30 + r * (h - 60) / rows
            out.append(f'<rect x="{wx}" y="{wy}" width="24" height="38" fill="{windows}" fill-opacity="0.8"/>')
    return "".join(out)


def banner(x: float, y: float, w: float, h: float, label: str, colour: str = RED, size: int = 64) -> str:
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}"/>' + text(
        x + w / 2, y + h / 2 + size * 0.36, label, size, PAPER, anchor="middle", weight=800, spacing=6
    )


def big_date(x: float, y: float, label: str, size: int = 200, colour: str = PAPER, anchor: str = "start") -> str:
    return text(x, y, label, size, colour, anchor=anchor, weight=900, spacing=-4)


def altiplano(dawn: bool = False) -> str:
    peaks = ((180, 470), (360, 380), (520, 455), (760, 300), (980, 440), (1220, 340), (1450, 430))
    top, bottom = ("#f0c987", "#e8dcc4") if dawn else (TIN_LIGHT, SAND)
    return sky(top, bottom) + mountains(560, TIN, peaks) + snowcaps(((760, 300), (1220, 340), (360, 380)))


# --- pictures ----------------------------------------------------------------
def tin_mine() -> str:
    return (
        altiplano()
        + ground(700, "#8c7a5b")
        + headframe(560, 700, 1.0)
        + building(880, 700, 330, 150, NIGHT)
        + f'<rect x="1240" y="520" width="36" height="180" fill="{NIGHT}"/>'
        + crowd(880, 6, 240, 1360, 0.62, INK, helmet=True)
        + f'<rect x="80" y="640" width="150" height="60" rx="10" fill="{RED}"/>'
        + f'<circle cx="110" cy="705" r="18" fill="{INK}"/><circle cx="200" cy="705" r="18" fill="{INK}"/>'
    )


def chaco_war() -> str:
    scrub = "".join(
        f'<path d="M{x},{y} l-30,-70 M{x},{y} l10,-90 M{x},{y} l40,-60 M{x - 20},{y - 40} l-20,-10 M{x + 20},{y - 50} l22,-8" '
        f'stroke="#5b4a32" stroke-width="8" fill="none"/>'
        for x, y in ((90, 820), (260, 790), (1180, 800), (1380, 830), (1520, 790))
    )
    march = "".join(
        figure(480 + i * 130, 900 + (i % 2) * 10, 0.72, "#4a4f3a", rifle=True, helmet=True) for i in range(5)
    )
    return (
        sky("#f4efe0", "#e0c890")
        + sun(300, 200, 110, "#fffbe8")
        + ground(760, "#c9a86a")
        + scrub
        + march
        + big_date(1540, 200, "1932 — 1935", 110, INK, anchor="end")
    )


def poster_mnr() -> str:
    return (
        f'<rect width="{W}" height="{H}" fill="{PAPER}"/>'
        + f'<polygon points="0,1000 0,640 1600,420 1600,1000" fill="{MNR_PINK}"/>'
        + big_date(110, 400, "MNR", 330, INK)
        + crowd(960, 11, 620, 1500, 0.9, INK, arm_up=True)
    )


def miners() -> str:
    beams = "".join(
        f'<polygon points="{x},{y} {x + 520},{y + 380} {x + 300},{y + 460}" fill="{OCHRE}" fill-opacity="0.22"/>'
        for x, y in ((300, 470), (640, 500), (980, 480))
    )
    return (
        f'<rect width="{W}" height="{H}" fill="#141923"/>'
        + beams
        + crowd(960, 4, 300, 980, 1.5, TIN, helmet=True)
        + woman(1250, 980, 1.6, RED, TIN_LIGHT)
        + flag_on_pole(1150, 420, 1.4, "bolivia")
        + big_date(1540, 190, "1942", 150, OCHRE, anchor="end")
    )


def congress_1945() -> str:
    back = "".join(poncho_man(170 + i * 175, 700, 0.8, (RED, TIN, OCHRE, GREEN)[i % 4]) for i in range(8))
    front = "".join(
        woman(120 + i * 230, 960, 1.0, (OCHRE, GREEN, RED, TIN)[i % 4])
        if i % 2 == 0
        else poncho_man(120 + i * 230, 960, 1.0, (TIN, RED, OCHRE, GREEN)[i % 4])
        for i in range(7)
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{SAND}"/>'
        + "".join(
            f'<rect x="{x}" y="80" width="60" height="520" fill="{PAPER}" fill-opacity="0.6"/>'
            for x in range(120, 1600, 260)
        )
        + f'<rect x="0" y="600" width="{W}" height="400" fill="#b89a6a"/>'
        + back
        + front
        + big_date(W / 2, 200, "1945", 150, INK, anchor="middle")
    )


def villa_victoria() -> str:
    chimneys = "".join(
        f'<rect x="{x}" y="200" width="56" height="400" fill="{NIGHT}"/>'
        f'<circle cx="{x + 28}" cy="170" r="{44 + i * 8}" fill="{TIN_LIGHT}" fill-opacity="0.7"/>'
        for i, x in enumerate((260, 420))
    )
    saw = f'<polygon points="100,600 100,420 300,340 300,420 500,340 500,420 700,340 700,420 900,340 900,600" fill="{NIGHT}"/>'
    plane = (
        f'<g transform="translate(760,150)"><rect x="-120" y="-14" width="240" height="28" rx="14" fill="{INK}"/>'
        f'<rect x="-30" y="-80" width="50" height="160" rx="8" fill="{INK}"/>'
        f'<rect x="-120" y="-44" width="22" height="60" fill="{INK}"/></g>'
    )
    barricade = '<polygon points="560,980 620,860 760,880 860,830 980,870 1080,980" fill="#5b4a32"/>'
    return (
        sky(SAND, PAPER)
        + chimneys
        + saw
        + plane
        + ground(740, "#7d6f5a")
        + crowd(960, 4, 180, 520, 0.78, INK, arm_up=True)
        + woman(1160, 960, 0.8, RED)
        + figure(1290, 960, 0.8, INK, rifle=True)
        + woman(1420, 960, 0.8, TIN)
        + barricade
        + big_date(1540, 300, "1950", 150, INK, anchor="end")
    )


def ballot_1951() -> str:
    return (
        f'<rect width="{W}" height="{H}" fill="{SAND}"/>'
        + f'<rect x="520" y="470" width="560" height="420" rx="18" fill="{INK}"/>'
        + f'<rect x="660" y="470" width="280" height="26" fill="{PAPER}"/>'
        + f'<g transform="rotate(-8 800 330)"><rect x="640" y="150" width="320" height="380" fill="{PAPER}" stroke="{INK}" stroke-width="6"/>'
        + text(800, 300, "MNR", 110, MNR_PINK, anchor="middle", weight=900)
        + f'<path d="M700,380 L770,450 L900,330" stroke="{INK}" stroke-width="22" fill="none"/></g>'
        + big_date(1520, 940, "1951", 160, INK, anchor="end")
    )


def junta_1951() -> str:
    caps = "".join(
        f'<g transform="translate({x},520)"><path d="M-150,0 Q0,-190 150,0 Z" fill="{NIGHT}"/>'
        f'<rect x="-160" y="-6" width="320" height="44" rx="10" fill="{INK}"/>'
        f'<path d="M-170,38 Q0,90 190,40 L190,56 Q0,120 -170,56 Z" fill="{INK}"/>'
        f'<circle cx="0" cy="-60" r="26" fill="{OCHRE}"/></g>'
        for x in (380, 800, 1220)
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{TIN_LIGHT}"/>'
        + caps
        + '<g transform="rotate(-6 800 820)">'
        + f'<rect x="430" y="740" width="740" height="150" fill="{PAPER}"/>'
        + text(800, 850, "MNR", 96, INK, anchor="middle", weight=900, spacing=6)
        + "</g>"
        + f'<path d="M420,720 L1180,910 M1180,720 L420,910" stroke="{RED}" stroke-width="34"/>'
    )


def secret_plan() -> str:
    streets = "".join(
        f'<path d="M{x},120 L{x + 120},880" stroke="{TIN_LIGHT}" stroke-width="16"/>' for x in range(220, 1400, 190)
    )
    cross = "".join(
        f'<path d="M140,{y} L1460,{y - 60}" stroke="{TIN_LIGHT}" stroke-width="16"/>' for y in range(240, 900, 170)
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{NIGHT}"/>'
        + f'<rect x="120" y="100" width="1360" height="800" fill="{INK}"/>'
        + streets
        + cross
        + f'<path d="M300,820 C520,700 700,640 820,470" stroke="{RED}" stroke-width="22" fill="none" stroke-dasharray="40 26"/>'
        + f'<path d="M1300,800 C1100,660 980,600 860,470" stroke="{OCHRE}" stroke-width="22" fill="none" stroke-dasharray="40 26"/>'
        + f'<circle cx="840" cy="450" r="70" fill="none" stroke="{PAPER}" stroke-width="14"/>'
        + text(840, 350, "9 · IV · 1952", 64, PAPER, anchor="middle", weight=800, spacing=6)
    )


def city_skyline(colour: str) -> str:
    return (
        building(60, 760, 230, 300, colour)
        + building(320, 760, 180, 380, colour)
        + building(530, 760, 260, 260, colour)
        + building(1090, 760, 220, 340, colour)
        + building(1340, 760, 200, 280, colour)
    )


def april_9() -> str:
    illimani = mountains(560, TIN, ((300, 520), (700, 260), (860, 330), (1000, 240), (1350, 520)))
    civilians = "".join(
        figure(160 + i * 75, 960 + (i * 37 % 11 - 5) * 1.4, 0.7, INK, flag=("bolivia", None, "mnr")[i % 3] or None)
        for i in range(9)
    )
    police = "".join(soldier(1000 + i * 120, 960, 0.7, "#3a5040") for i in range(5))
    return (
        sky("#c9cfd6", SAND)
        + illimani
        + snowcaps(((700, 260), (1000, 240)))
        + city_skyline(NIGHT)
        + ground(760, "#4a4e57")
        + civilians
        + police
        + big_date(1540, 150, "9 · IV · 1952", 96, INK, anchor="end")
    )


def milluni_el_alto() -> str:
    huayna = mountains(560, TIN, ((200, 540), (520, 420), (760, 210), (980, 420), (1400, 520)))
    wagons = "".join(
        f'<rect x="{x}" y="640" width="250" height="140" fill="{NIGHT}"/>'
        f'<rect x="{x + 90}" y="660" width="70" height="120" fill="{INK}"/>'
        f'<circle cx="{x + 50}" cy="790" r="20" fill="{INK}"/><circle cx="{x + 200}" cy="790" r="20" fill="{INK}"/>'
        for x in (120, 400, 680)
    )
    rails = f'<path d="M0,812 L1600,812" stroke="{INK}" stroke-width="10"/>'
    dynamite = "".join(
        f'<rect x="{x}" y="740" width="18" height="60" rx="5" fill="{RED}" transform="rotate(-20 {x} 760)"/>'
        for x in (950, 976)
    )
    return (
        altiplano()
        + huayna
        + snowcaps(((760, 210),))
        + ground(800, SAND)
        + wagons
        + rails
        + crowd(990, 4, 1040, 1500, 0.72, INK, helmet=True)
        + figure(1000, 990, 0.72, INK, helmet=True, arm_up=True)
        + dynamite
    )


def palace() -> str:
    columns = "".join(f'<rect x="{x}" y="440" width="46" height="300" fill="{PAPER}"/>' for x in range(480, 1160, 96))
    return (
        sky("#3b2f3a", "#a05a3a")
        + sun(1320, 260, 90, OCHRE)
        + f'<rect x="420" y="400" width="760" height="360" fill="{SAND}"/>'
        + f'<polygon points="400,410 800,250 1200,410" fill="{SAND}"/>'
        + columns
        + flag_on_pole(780, 120, 0.9, "bolivia")
        + ground(760, INK)
        + crowd(990, 13, 80, 1520, 0.7, "#120f14", rifle=True)
        + flag_on_pole(200, 620, 1.0, "bolivia")
        + flag_on_pole(1300, 620, 1.0, "mnr")
        + big_date(80, 170, "9 — 11 · IV · 1952", 84, PAPER)
    )


def soldiers_join() -> str:
    handed = f'<path d="M640,700 L1000,735" stroke="{NIGHT}" stroke-width="18" stroke-linecap="round"/>'
    return (
        f'<rect width="{W}" height="{H}" fill="{SAND}"/>'
        + f'<circle cx="800" cy="520" r="420" fill="{PAPER}"/>'
        + soldier(560, 1000, 2.4, "#3a5040", rifle=False)
        + figure(1060, 1000, 2.2, INK)
        + f'<rect x="1000" y="500" width="120" height="40" rx="12" fill="{TIN}"/>'
        + handed
        + woman(260, 1000, 1.5, RED)
        + figure(1360, 1000, 1.6, INK, helmet=True)
    )


def surrender() -> str:
    return (
        sky(TIN_LIGHT, PAPER)
        + building(340, 780, 920, 330, TIN, PAPER, 2)
        + f'<polygon points="320,450 800,330 1280,450" fill="{NIGHT}"/>'
        + f'<rect x="796" y="150" width="12" height="190" fill="{INK}"/>'
        + f'<path d="M808,150 C900,130 960,190 1050,170 L1050,250 C960,270 900,210 808,230 Z" fill="#ffffff" stroke="{INK}" stroke-width="4"/>'
        + ground(780, SAND)
        + big_date(W / 2, 950, "11 · IV · 1952", 110, INK, anchor="middle")
    )


def arrival() -> str:
    plane = (
        f'<g transform="translate(1100,560)"><rect x="-300" y="-40" width="600" height="80" rx="40" fill="{TIN}"/>'
        f'<rect x="-80" y="-20" width="220" height="30" fill="{TIN_LIGHT}"/>'
        f'<polygon points="-40,0 120,0 60,-160 20,-160" fill="{NIGHT}"/>'
        f'<polygon points="-300,-30 -360,-120 -310,-120 -250,-30" fill="{NIGHT}"/>'
        f'<circle cx="300" cy="0" r="14" fill="{INK}"/><rect x="296" y="-70" width="8" height="140" fill="{INK}"/>'
        f'<circle cx="-120" cy="60" r="22" fill="{INK}"/><circle cx="140" cy="60" r="22" fill="{INK}"/></g>'
    )
    people = "".join(
        woman(90 + i * 150, 980, 0.8, (RED, OCHRE, GREEN)[i % 3])
        if i % 2 == 0
        else figure(90 + i * 150, 980, 0.8, INK, arm_up=True)
        for i in range(10)
    )
    return (
        sky("#9fb4cc", PAPER)
        + mountains(600, TIN_LIGHT, ((200, 560), (500, 470), (760, 520), (1100, 430), (1450, 540)))
        + ground(640, SAND)
        + plane
        + people
        + flag_on_pole(230, 560, 1.0, "bolivia")
        + flag_on_pole(830, 560, 1.0, "mnr")
        + flag_on_pole(1280, 560, 1.0, "bolivia")
        + big_date(80, 170, "15 · IV · 1952", 96, INK)
    )


def cob_poster() -> str:
    people = "".join(
        woman(780 + i * 80, 980, 0.85, PAPER, INK)
        if i % 3 == 1
        else figure(780 + i * 80, 980, 0.85, INK, arm_up=True, helmet=i % 3 == 0)
        for i in range(10)
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{RED}"/>'
        + f'<circle cx="1180" cy="480" r="330" fill="{PAPER}" fill-opacity="0.12"/>'
        + big_date(110, 470, "COB", 400, PAPER)
        + text(120, 580, "17 · IV · 1952", 80, PAPER, weight=800, spacing=8)
        + people
    )


def may_day() -> str:
    back = "".join(
        figure(40 + i * 100, 880 + (i * 37 % 11 - 5), 0.55, NIGHT, rifle=True, flag=("bolivia", RED, None, None)[i % 4])
        for i in range(16)
    )
    front = "".join(
        woman(80 + i * 130, 1000, 0.7, (OCHRE, RED, GREEN)[i % 3])
        if i % 4 == 2
        else figure(80 + i * 130, 1000, 0.7, INK, rifle=True)
        for i in range(12)
    )
    return (
        sky(OCHRE, PAPER)
        + city_skyline("#8a6a3a")
        + ground(760, SAND)
        + back
        + front
        + big_date(W / 2, 300, "1 · V · 1952", 200, INK, anchor="middle")
        + text(W / 2, 390, "LA PAZ", 60, INK, anchor="middle", weight=800, spacing=8)
    )


def vote_1956() -> str:
    queue = [
        woman(260, 940, 1.0, RED),
        poncho_man(420, 940, 1.0, TIN),
        woman(580, 940, 1.0, GREEN),
        figure(730, 940, 1.0, INK, helmet=True),
        poncho_man(880, 940, 1.0, RED),
        woman(1040, 940, 1.0, OCHRE),
    ]
    box = (
        f'<rect x="1220" y="660" width="260" height="280" rx="14" fill="{INK}"/>'
        f'<rect x="1290" y="660" width="120" height="16" fill="{PAPER}"/>'
        f'<rect x="1300" y="560" width="100" height="120" fill="{PAPER}" stroke="{INK}" stroke-width="6" transform="rotate(-6 1350 620)"/>'
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{PAPER}"/>'
        + f'<rect x="0" y="940" width="{W}" height="60" fill="{SAND}"/>'
        + "".join(queue)
        + box
        + big_date(120, 220, "1956", 170, INK)
    )


def comibol() -> str:
    people = "".join(
        woman(260 + i * 120, 980, 0.8, (OCHRE, GREEN)[i % 2])
        if i % 3 == 1
        else figure(260 + i * 120, 980, 0.8, INK, helmet=True, arm_up=i % 2 == 0)
        for i in range(8)
    )
    return (
        altiplano()
        + ground(760, "#8c7a5b")
        + headframe(1200, 760, 1.05)
        + flag_on_pole(1196, 120, 1.0, "bolivia")
        + banner(960, 560, 480, 90, "COMIBOL", INK, 64)
        + people
        + big_date(80, 170, "31 · X · 1952", 96, INK)
    )


def land_reform() -> str:
    furrows = "".join(
        f'<path d="M0,{y} Q800,{y - 40} 1600,{y}" stroke="#3f6b35" stroke-width="10" fill="none"/>'
        for y in range(700, 1000, 46)
    )
    document = f'<rect x="700" y="440" width="150" height="190" fill="{PAPER}" stroke="{INK}" stroke-width="5" transform="rotate(6 775 535)"/>'
    return (
        sky("#bcd3e0", PAPER)
        + mountains(600, TIN, ((150, 520), (420, 380), (700, 470), (1000, 330), (1300, 450), (1600, 400)))
        + ground(640, "#6f9a4e")
        + furrows
        + poncho_man(420, 950, 1.2, RED, tool=True)
        + woman(620, 950, 1.2, OCHRE)
        + figure(790, 950, 1.2, INK, arm_up=True)
        + document
        + woman(1000, 950, 1.2, GREEN)
        + poncho_man(1200, 950, 1.2, TIN, tool=True)
        + big_date(1540, 170, "2 · VIII · 1953", 96, INK, anchor="end")
    )


def hard_years() -> str:
    wire = "".join(f'<path d="M60,{y} L760,{y}" stroke="{INK}" stroke-width="5"/>' for y in (640, 700, 760, 820))
    posts = "".join(f'<rect x="{x}" y="600" width="14" height="260" fill="{INK}"/>' for x in range(80, 780, 170))
    barbs = "".join(
        f'<path d="M{x - 8},{y - 8} L{x + 8},{y + 8} M{x + 8},{y - 8} L{x - 8},{y + 8}" stroke="{INK}" stroke-width="4"/>'
        for x in range(100, 760, 60)
        for y in (640, 700, 760, 820)
    )
    tower = (
        f'<rect x="560" y="300" width="140" height="90" fill="{NIGHT}"/>'
        f'<path d="M570,390 L540,860 M690,390 L720,860 M560,560 L700,560" stroke="{NIGHT}" stroke-width="12"/>'
    )
    sacks = "".join(
        f'<rect x="{x}" y="{y}" width="150" height="90" rx="34" fill="{PAPER}" stroke="{TIN}" stroke-width="5"/>'
        for x, y in ((960, 770), (1120, 770), (1280, 770), (1040, 680), (1200, 680), (1120, 590))
    )
    return (
        f'<rect width="800" height="{H}" fill="{TIN_LIGHT}"/>'
        + f'<rect x="800" width="800" height="{H}" fill="{SAND}"/>'
        + f'<rect x="0" y="860" width="800" height="140" fill="{TIN}"/>'
        + '<rect x="800" y="860" width="800" height="140" fill="#8c7a5b"/>'
        + tower
        + posts
        + wire
        + barbs
        + sacks
        + big_date(W / 2, 200, "1952 — 1956", 120, INK, anchor="middle")
    )


def plan_1956() -> str:
    line = "M160,330 L420,300 L640,420 L860,520 L1080,640 L1300,700 L1460,790"
    return (
        f'<rect width="{W}" height="{H}" fill="{TIN_LIGHT}"/>'
        + "".join(f'<path d="M140,{y} L1480,{y}" stroke="{PAPER}" stroke-width="4"/>' for y in range(280, 880, 100))
        + f'<path d="{line}" stroke="{RED}" stroke-width="26" fill="none"/>'
        + f'<polygon points="1460,790 1420,740 1500,760" fill="{RED}"/>'
        + big_date(1480, 220, "1956", 170, INK, anchor="end")
        + crowd(960, 5, 200, 700, 0.45, NIGHT, helmet=True)
    )


def tank(x: float, y: float, s: float = 1.0) -> str:
    return (
        f'<rect x="{x}" y="{y - 70 * s}" width="{300 * s}" height="{70 * s}" rx="{30 * s}" fill="{INK}"/>'
        f'<rect x="{x + 40 * s}" y="{y - 130 * s}" width="{200 * s}" height="{70 * s}" rx="{10 * s}" fill="#3a5040"/>'
        f'<rect x="{x + 90 * s}" y="{y - 170 * s}" width="{110 * s}" height="{50 * s}" rx="{18 * s}" fill="#3a5040"/>'
        f'<rect x="{x + 190 * s}" y="{y - 155 * s}" width="{200 * s}" height="{16 * s}" fill="#3a5040"/>'
    )


def coup_1964() -> str:
    columns = "".join(
        f'<rect x="{x}" y="400" width="40" height="300" fill="{TIN_LIGHT}"/>' for x in range(500, 1120, 90)
    )
    return (
        sky("#7c8593", "#b7bcc4")
        + f'<rect x="440" y="360" width="720" height="340" fill="{TIN}"/>'
        + f'<polygon points="420,370 800,220 1180,370" fill="{TIN}"/>'
        + columns
        + ground(700, "#4a4e57")
        + tank(120, 900, 1.0)
        + tank(1100, 900, 1.0)
        + "".join(soldier(560 + i * 100, 960, 0.6, "#3a5040") for i in range(5))
        + big_date(80, 170, "1964", 150, INK)
    )


def legacy() -> str:
    people = "".join(
        woman(160 + i * 125, 1000, 0.8, (RED, OCHRE, GREEN)[i % 3])
        if i % 2 == 1
        else figure(160 + i * 125, 1000, 0.8, INK, helmet=i % 4 == 0, flag="bolivia" if i % 4 == 2 else None)
        for i in range(8)
    )
    return (
        sky("#f0c987", "#e8dcc4")
        + sun(800, 560, 170, OCHRE)
        + mountains(640, TIN, ((200, 560), (500, 470), (800, 600), (1100, 460), (1400, 560)))
        + snowcaps(((500, 470), (1100, 460)))
        + ground(800, "#8c7a5b")
        + headframe(1300, 800, 0.6)
        + people
    )


def readings() -> str:
    def panel(x: float, colour: str) -> str:
        return f'<rect x="{x}" y="140" width="440" height="760" rx="20" fill="{colour}"/>'

    tricolour = "".join(
        f'<rect x="190" y="{300 + i * 90}" width="280" height="90" fill="{colour}"/>'
        for i, colour in enumerate((RED, YELLOW, GREEN))
    )
    nation = f'<rect x="176" y="280" width="14" height="560" fill="{INK}"/>' + tricolour
    workers = (
        f'<path d="M660,560 A140,140 0 0 1 940,560 Z" fill="{TIN_LIGHT}"/>'
        f'<rect x="640" y="552" width="320" height="24" rx="10" fill="{TIN_LIGHT}"/>'
        f'<circle cx="900" cy="500" r="20" fill="{OCHRE}"/>'
        + text(800, 760, "COB", 120, PAPER, anchor="middle", weight=900)
    )
    land = (
        "".join(f'<path d="M1090,{y} L1450,{y - 20}" stroke="#3f6b35" stroke-width="10"/>' for y in range(760, 880, 30))
        + woman(1270, 840, 1.5, RED)
        + f'<rect x="1350" y="470" width="10" height="360" fill="{INK}" transform="rotate(10 1355 650)"/>'
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{PAPER}"/>'
        + panel(110, SAND)
        + panel(580, NIGHT)
        + panel(1050, "#bcd3a0")
        + nation
        + workers
        + land
    )


PICTURES = {
    "tin-mine.svg": tin_mine,
    "chaco-war.svg": chaco_war,
    "poster-mnr.svg": poster_mnr,
    "miners.svg": miners,
    "congress-1945.svg": congress_1945,
    "villa-victoria.svg": villa_victoria,
    "ballot-1951.svg": ballot_1951,
    "junta-1951.svg": junta_1951,
    "secret-plan.svg": secret_plan,
    "april-9.svg": april_9,
    "milluni-el-alto.svg": milluni_el_alto,
    "palace.svg": palace,
    "soldiers-join.svg": soldiers_join,
    "surrender.svg": surrender,
    "arrival.svg": arrival,
    "cob-1952.svg": cob_poster,
    "may-day-1952.svg": may_day,
    "vote-1956.svg": vote_1956,
    "comibol.svg": comibol,
    "land-reform.svg": land_reform,
    "hard-years.svg": hard_years,
    "plan-1956.svg": plan_1956,
    "coup-1964.svg": coup_1964,
    "legacy.svg": legacy,
    "readings.svg": readings,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        (OUT / name).write_text(svg_document(W, H, draw()), encoding="utf-8")
    print(f"wrote {len(PICTURES)} illustrations to {OUT}")


if __name__ == "__main__":
    main()
