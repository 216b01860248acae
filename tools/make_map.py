"""Draw the exhibit's map of Bolivia from Natural Earth outline data.

Run by hand when the map needs changing; its output is committed and the
kiosk never downloads anything. The outlines are Natural Earth's 1:110m
"Admin 0 - Countries" (public domain), which the geopandas 0.14 wheel ships
as ``naturalearth_lowres``:

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    pip install pyshp
    python tools/make_map.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

Town positions are from the GeoNames gazetteer (geonames.org), rounded to a
hundredth of a degree, which is far finer than the map can show.

La Paz, El Alto and Milluni lie within thirty kilometres of each other, too
close to tell apart at the scale of the country, so an inset shows them.
The map is drawn once per exhibit language, with the neighbours' names in
that language (map-bolivia-es.svg, map-bolivia-en.svg); the exhibit file
gives the image a file per language.
"""

from __future__ import annotations

import io
import itertools
import math
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp

from palette import INK, PAPER, RED, SAND, TIN, svg_document, text

OUT = Path(__file__).resolve().parent.parent / "media" / "bolivia-1952"
COUNTRY_LABELS = {  # where each neighbour's name goes (lon, lat), and the name per language
    (-72.2, -12.5): {"es": "PERÚ", "en": "PERU"},
    (-60.5, -11.0): {"es": "BRASIL", "en": "BRAZIL"},
    (-70.9, -23.6): {"es": "CHILE", "en": "CHILE"},
    (-58.8, -22.4): {"es": "PARAGUAY", "en": "PARAGUAY"},
    (-63.6, -23.9): {"es": "ARGENTINA", "en": "ARGENTINA"},
}
LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
NEIGHBOURS = ("Peru", "Brazil", "Paraguay", "Argentina", "Chile")
TOWNS = (  # name, latitude, longitude, label offset (dx, dy) in px
    ("Oruro", -17.97, -67.11, (26, 12)),
    ("Potosí", -19.58, -65.75, (26, 12)),
)
INSET_TOWNS = (  # name, latitude, longitude, label offset in the inset
    ("La Paz", -16.50, -68.13, (22, 40)),
    ("El Alto", -16.51, -68.19, (-22, 40)),
    ("Milluni", -16.33, -68.17, (22, -14)),
)
INSET_AREA = (-68.42, -67.92, -16.66, -16.22)  # lon min, lon max, lat min, lat max
INSET_BOX = (1040, 40, 520, 450)  # x, y, width, height on the map
WIDTH, HEIGHT = 1600, 1000
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = -73.5, -55.5, -24.0, -8.8


def read_layer(wheel: Path) -> shapefile.Reader:
    archive = zipfile.ZipFile(wheel)
    return shapefile.Reader(
        shp=io.BytesIO(archive.read(LAYER + ".shp")),
        shx=io.BytesIO(archive.read(LAYER + ".shx")),
        dbf=io.BytesIO(archive.read(LAYER + ".dbf")),
        encoding="latin-1",
    )


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, scaled by cos(latitude) at the map's centre."""
    k = math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))
    span_x = (LON_MAX - LON_MIN) * k
    scale = min(WIDTH / span_x, HEIGHT / (LAT_MAX - LAT_MIN))
    x = (lon - LON_MIN) * k * scale + (WIDTH - span_x * scale) / 2
    y = (LAT_MAX - lat) * scale
    return round(x, 1), round(y, 1)


def path_data(shape: shapefile.Shape) -> str:
    parts = [*list(shape.parts), len(shape.points)]
    rings = []
    for start, end in itertools.pairwise(parts):
        points = [project(lon, lat) for lon, lat in shape.points[start:end]]
        rings.append("M" + " L".join(f"{x},{y}" for x, y in points) + " Z")
    return " ".join(rings)


def inset_project(lon: float, lat: float) -> tuple[float, float]:
    lon0, lon1, lat0, lat1 = INSET_AREA
    x, y, w, h = INSET_BOX
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = min(w / ((lon1 - lon0) * k), h / (lat1 - lat0))
    return round(x + (lon - lon0) * k * scale, 1), round(y + (lat1 - lat) * scale, 1)


def inset() -> str:
    """The area around La Paz, enlarged, with a 10 km bar and a lead to its place on the map."""
    lon0, lon1, lat0, lat1 = INSET_AREA
    x, y, w, h = INSET_BOX
    ax0, ay0 = project(lon0, lat1)
    ax1, ay1 = project(lon1, lat0)
    parts = [
        f'<rect x="{ax0 - 6}" y="{ay0 - 6}" width="{ax1 - ax0 + 12}" height="{ay1 - ay0 + 12}" '
        f'fill="none" stroke="{INK}" stroke-width="4"/>',
        f'<path d="M{ax1 + 6},{ay0 - 6} L{x},{y + h}" stroke="{INK}" stroke-width="3"/>',
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{TIN}" stroke="{INK}" stroke-width="5"/>',
    ]
    ex, ey = inset_project(-68.19, -16.51)
    parts.append(  # the railway south from El Alto towards Oruro
        f'<path d="M{ex},{ey} L{ex + 40},{y + h}" stroke="{PAPER}" stroke-width="6" stroke-dasharray="18 10"/>'
    )
    for name, lat, lon, (dx, dy) in INSET_TOWNS:
        tx, ty = inset_project(lon, lat)
        parts.append(f'<circle cx="{tx}" cy="{ty}" r="12" fill="{RED}" stroke="{PAPER}" stroke-width="4"/>')
        parts.append(text(tx + dx, ty + dy, name, 38, PAPER, anchor="end" if dx < 0 else "start", weight=800))
    bar = inset_project(lon0, lat0)[0], inset_project(lon0 + 10 / (111.32 * math.cos(math.radians(16.4))), lat0)[0]
    parts.append(f'<rect x="{x + 24}" y="{y + h - 40}" width="{bar[1] - bar[0]}" height="10" fill="{PAPER}"/>')
    parts.append(text(x + 24, y + h - 54, "10 km", 30, PAPER, weight=700))
    return "".join(parts)


def main(wheel: Path) -> None:
    layer = read_layer(wheel)
    names = [field[0] for field in layer.fields[1:]]
    shapes = {}
    for record, shape in zip(layer.records(), layer.shapes()):
        shapes[dict(zip(names, record))["name"]] = shape
    body = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>']
    for name in NEIGHBOURS:
        body.append(f'<path d="{path_data(shapes[name])}" fill="{SAND}" stroke="{PAPER}" stroke-width="3"/>')
    body.append(f'<path d="{path_data(shapes["Bolivia"])}" fill="{TIN}" stroke="{INK}" stroke-width="4"/>')
    for name, lat, lon, (dx, dy) in TOWNS:
        x, y = project(lon, lat)
        anchor = "end" if dx < 0 else "start"
        if abs(dx) > 60:  # too close to a neighbour for a label beside it: lead out
            body.append(f'<path d="M{x},{y} L{x + dx + 8},{y + dy + 8}" stroke="{INK}" stroke-width="3" fill="none"/>')
        body.append(f'<circle cx="{x}" cy="{y}" r="9" fill="{RED}" stroke="{PAPER}" stroke-width="3"/>')
        body.append(text(x + dx, y + dy, name, 40, INK, anchor=anchor, weight=700))
    x, y = project(-63.2, -14.6)
    body.append(text(x, y, "BOLIVIA", 56, PAPER, anchor="middle", weight=800, spacing=8))
    body.append(inset())
    for lang in ("es", "en"):
        labels = []
        for (lon, lat), names in COUNTRY_LABELS.items():
            lx, ly = project(lon, lat)
            labels.append(text(lx, ly, names[lang], 30, INK, anchor="middle", weight=600, spacing=4, opacity=0.55))
        out = OUT / f"map-bolivia-{lang}.svg"
        out.write_text(svg_document(WIDTH, HEIGHT, "\n".join(body + labels)), encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
