"""Draw the Bolivia 1952 exhibit's illustrations as SVG.

No archival photographs are available to us, so each stop gets an honest
illustration in one flat, screen-print style and one palette. Pictures carry
only numerals and proper names, so they serve every exhibit language.
Run ``python tools/make_illustrations.py``; the output is committed.
"""

from __future__ import annotations

from pathlib import Path

from palette import INK, NIGHT, OCHRE, PAPER, RED, SAND, TIN, TIN_LIGHT, svg_document, text

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
        parts.append(f'<rect x="{x - 36 * s}" y="{y - 360 * s}" width="{7 * s}" height="{250 * s}" fill="{INK}"/>')
        parts.append(
            f'<path d="M{x - 29 * s},{y - 360 * s} L{x + 70 * s},{y - 340 * s} L{x - 29 * s},{y - 300 * s} Z" fill="{flag}"/>'
        )
    return "".join(parts)


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


def poster_mnr() -> str:
    return (
        f'<rect width="{W}" height="{H}" fill="{PAPER}"/>'
        + f'<polygon points="0,1000 0,640 1600,420 1600,1000" fill="{RED}"/>'
        + big_date(110, 400, "MNR", 330, INK)
        + crowd(960, 11, 620, 1500, 0.9, INK, arm_up=True)
    )


def civil_war() -> str:
    return (
        sky(NIGHT, "#4b3a3a")
        + big_date(W / 2, 520, "1949", 380, RED, anchor="middle")
        + ground(760, INK)
        + f'<polygon points="300,760 420,640 560,700 700,610 860,690 1000,620 1180,700 1300,760" fill="{INK}"/>'
        + crowd(880, 7, 220, 1380, 0.55, "#0f131b", rifle=True)
    )


def miners_1950() -> str:
    beams = "".join(
        f'<polygon points="{x},{y} {x + 520},{y + 380} {x + 300},{y + 460}" fill="{OCHRE}" fill-opacity="0.22"/>'
        for x, y in ((300, 470), (640, 500), (980, 480))
    )
    return (
        f'<rect width="{W}" height="{H}" fill="#141923"/>'
        + beams
        + crowd(960, 4, 300, 980, 1.5, TIN, helmet=True)
        + big_date(1540, 190, "1950", 150, OCHRE, anchor="end")
    )


def ballot_1951() -> str:
    return (
        f'<rect width="{W}" height="{H}" fill="{SAND}"/>'
        + f'<rect x="520" y="470" width="560" height="420" rx="18" fill="{INK}"/>'
        + f'<rect x="660" y="470" width="280" height="26" fill="{PAPER}"/>'
        + f'<g transform="rotate(-8 800 330)"><rect x="640" y="150" width="320" height="380" fill="{PAPER}" stroke="{INK}" stroke-width="6"/>'
        + text(800, 300, "MNR", 110, RED, anchor="middle", weight=900)
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
    return (
        sky("#c9cfd6", SAND)
        + illimani
        + snowcaps(((700, 260), (1000, 240)))
        + city_skyline(NIGHT)
        + ground(760, "#4a4e57")
        + crowd(960, 9, 160, 760, 0.7, INK, flag=RED)
        + crowd(960, 5, 1000, 1480, 0.7, "#3a5040", rifle=True, cap=True)
        + big_date(1540, 150, "9 · IV · 1952", 96, INK, anchor="end")
    )


def factory() -> str:
    chimneys = "".join(
        f'<rect x="{x}" y="180" width="60" height="420" fill="{NIGHT}"/>'
        f'<circle cx="{x + 30}" cy="150" r="{46 + i * 8}" fill="{TIN_LIGHT}" fill-opacity="0.7"/>'
        for i, x in enumerate((260, 420, 580))
    )
    saw = f'<polygon points="120,600 120,420 320,340 320,420 520,340 520,420 720,340 720,600" fill="{NIGHT}"/>'
    return (
        sky(SAND, PAPER)
        + chimneys
        + saw
        + ground(740, "#7d6f5a")
        + crowd(940, 7, 150, 760, 0.75, INK, arm_up=True)
        + crowd(940, 4, 1080, 1480, 0.75, "#3a5040", rifle=True, cap=True)
        + f'<rect x="870" y="700" width="40" height="260" fill="{RED}"/>'
    )


def milluni_station() -> str:
    rails = f'<path d="M0,830 L1600,830 M0,880 L1600,880" stroke="{INK}" stroke-width="12"/>' + "".join(
        f'<rect x="{x}" y="820" width="16" height="72" fill="{INK}"/>' for x in range(20, 1600, 60)
    )
    gap = f'<rect x="1080" y="800" width="140" height="110" fill="{SAND}"/>'
    blast = f'<polygon points="1150,820 1110,700 1180,760 1200,660 1230,770 1290,720 1240,820" fill="{OCHRE}"/>'
    station = (
        f'<rect x="200" y="470" width="600" height="320" fill="{RED}"/>'
        f'<polygon points="170,470 500,360 830,470" fill="{INK}"/>'
        f'<rect x="300" y="560" width="90" height="230" fill="{INK}"/><rect x="460" y="560" width="110" height="110" fill="{PAPER}"/>'
        f'<rect x="620" y="560" width="110" height="110" fill="{PAPER}"/>'
        + banner(290, 395, 420, 70, "MILLUNI", INK, 48)
    )
    dynamite = "".join(
        f'<rect x="{x}" y="880" width="26" height="80" rx="6" fill="{RED}" transform="rotate(-20 {x} 900)"/>'
        for x in (900, 940, 980)
    )
    return (
        altiplano()
        + ground(760, SAND)
        + station
        + rails
        + gap
        + blast
        + dynamite
        + crowd(1000, 3, 1330, 1520, 0.6, INK, helmet=True)
    )


def caps_backwards() -> str:
    return (
        f'<rect width="{W}" height="{H}" fill="{SAND}"/>'
        + f'<circle cx="800" cy="520" r="420" fill="{PAPER}"/>'
        + figure(620, 1000, 2.6, "#3a5040", cap="backwards", rifle=True)
        + figure(1010, 1000, 2.2, INK, arm_up=True)
        + figure(300, 1000, 1.6, "#3a5040", cap="backwards")
        + figure(1330, 1000, 1.7, INK, helmet=True)
    )


def palace() -> str:
    columns = "".join(f'<rect x="{x}" y="440" width="46" height="300" fill="{PAPER}"/>' for x in range(480, 1160, 96))
    return (
        sky("#3b2f3a", "#a05a3a")
        + sun(1320, 260, 90, OCHRE)
        + f'<rect x="420" y="400" width="760" height="360" fill="{SAND}"/>'
        + f'<polygon points="400,410 800,250 1200,410" fill="{SAND}"/>'
        + columns
        + f'<rect x="780" y="150" width="10" height="110" fill="{INK}"/>'
        + f'<path d="M790,150 L900,175 L790,205 Z" fill="{RED}"/>'
        + ground(760, INK)
        + crowd(990, 13, 80, 1520, 0.7, "#120f14", rifle=True, flag=RED)
        + big_date(80, 170, "9 — 11 · IV · 1952", 84, PAPER)
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


def emblem(kind: str, x: float, y: float) -> str:
    if kind == "pick":
        return (
            f'<path d="M{x - 60},{y - 20} Q{x},{y - 70} {x + 60},{y - 20}" stroke="{PAPER}" stroke-width="16" fill="none"/>'
            f'<rect x="{x - 7}" y="{y - 50}" width="14" height="110" fill="{PAPER}"/>'
        )
    if kind == "gear":
        teeth = "".join(
            f'<rect x="{x - 10}" y="{y - 58}" width="20" height="30" fill="{PAPER}" transform="rotate({a} {x} {y})"/>'
            for a in range(0, 360, 45)
        )
        return (
            teeth + f'<circle cx="{x}" cy="{y}" r="36" fill="{PAPER}"/><circle cx="{x}" cy="{y}" r="14" fill="{RED}"/>'
        )
    return (
        f'<circle cx="{x}" cy="{y}" r="50" fill="none" stroke="{PAPER}" stroke-width="14"/>'
        f'<path d="M{x - 50},{y} L{x + 50},{y} M{x},{y - 50} L{x},{y + 50}" stroke="{PAPER}" stroke-width="10"/>'
    )


def cabinet() -> str:
    seats = []
    for i, x in enumerate(range(240, 1400, 160)):
        colour = RED if i in (2, 4, 6) else NIGHT
        seats.append(f'<rect x="{x}" y="380" width="120" height="200" rx="18" fill="{colour}"/>')
    for kind, x in (("pick", 560), ("gear", 880), ("wheel", 1200)):
        seats.append(emblem(kind, x, 470))
    return (
        f'<rect width="{W}" height="{H}" fill="{PAPER}"/>'
        + "".join(seats)
        + f'<rect x="160" y="560" width="1280" height="80" rx="12" fill="{INK}"/>'
        + f'<rect x="200" y="640" width="30" height="260" fill="{INK}"/><rect x="1370" y="640" width="30" height="260" fill="{INK}"/>'
        + big_date(160, 220, "17 · IV · 1952", 110, INK)
    )


def cob_poster() -> str:
    return (
        f'<rect width="{W}" height="{H}" fill="{RED}"/>'
        + f'<circle cx="1180" cy="480" r="330" fill="{PAPER}" fill-opacity="0.12"/>'
        + big_date(110, 470, "COB", 400, PAPER)
        + text(120, 580, "17 · IV · 1952", 80, PAPER, weight=800, spacing=8)
        + crowd(980, 10, 760, 1500, 0.85, INK, arm_up=True, helmet=True)
    )


def may_day() -> str:
    return (
        sky(OCHRE, PAPER)
        + city_skyline("#8a6a3a")
        + ground(760, SAND)
        + crowd(880, 16, 40, 1560, 0.55, NIGHT, rifle=True, flag=RED)
        + crowd(1000, 12, 80, 1520, 0.7, INK, rifle=True, arm_up=True)
        + big_date(W / 2, 300, "40 000", 250, INK, anchor="middle")
        + text(W / 2, 390, "1 · V · 1952 · LA PAZ", 60, INK, anchor="middle", weight=800, spacing=8)
    )


def three_gains() -> str:
    def panel(x: float, colour: str, inner: str) -> str:
        return f'<rect x="{x}" y="230" width="440" height="620" fill="{colour}"/>' + inner

    mine = headframe(330, 800, 0.8)
    furrows = "".join(
        f'<path d="M{620 + i * 50},800 L{800 + i * 8},470" stroke="{INK}" stroke-width="14"/>' for i in range(6)
    )
    field = f'<circle cx="800" cy="380" r="70" fill="{OCHRE}"/>' + furrows
    ballot = (
        f'<rect x="1170" y="560" width="300" height="240" rx="12" fill="{INK}"/>'
        f'<rect x="1220" y="360" width="200" height="240" fill="{PAPER}" transform="rotate(-8 1320 480)"/>'
    )
    return (
        f'<rect width="{W}" height="{H}" fill="{PAPER}"/>'
        + panel(110, TIN_LIGHT, mine)
        + panel(580, SAND, field)
        + panel(1050, TIN_LIGHT, ballot)
        + big_date(W / 2, 180, "52", 170, RED, anchor="middle")
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


def legacy() -> str:
    return (
        altiplano(dawn=True)
        + sun(800, 560, 170, OCHRE)
        + mountains(640, TIN, ((200, 560), (500, 470), (800, 600), (1100, 460), (1400, 560)))
        + ground(800, "#8c7a5b")
        + headframe(1250, 800, 0.6)
        + crowd(1000, 7, 160, 1000, 0.8, INK, helmet=True, flag=RED)
    )


PICTURES = {
    "tin-mine.svg": tin_mine,
    "poster-mnr.svg": poster_mnr,
    "civil-war-1949.svg": civil_war,
    "miners-1950.svg": miners_1950,
    "ballot-1951.svg": ballot_1951,
    "junta-1951.svg": junta_1951,
    "secret-plan.svg": secret_plan,
    "april-9.svg": april_9,
    "factory-workers.svg": factory,
    "milluni-station.svg": milluni_station,
    "caps-backwards.svg": caps_backwards,
    "palace.svg": palace,
    "surrender.svg": surrender,
    "cabinet.svg": cabinet,
    "cob-1952.svg": cob_poster,
    "may-day-1952.svg": may_day,
    "three-gains.svg": three_gains,
    "plan-1956.svg": plan_1956,
    "legacy.svg": legacy,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        (OUT / name).write_text(svg_document(W, H, draw()), encoding="utf-8")
    print(f"wrote {len(PICTURES)} illustrations to {OUT}")


if __name__ == "__main__":
    main()
