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

OUT = Path(__file__).resolve().parent.parent / "media" / "bolivia-1952" / "map-bolivia.svg"
LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
NEIGHBOURS = ("Peru", "Brazil", "Paraguay", "Argentina", "Chile")
TOWNS = (  # name, latitude, longitude, label offset (dx, dy) in px
    ("La Paz", -16.50, -68.15, (24, 34)),
    ("Milluni", -16.33, -68.17, (-150, -70)),
    ("Oruro", -17.97, -67.11, (26, 12)),
    ("Potosí", -19.58, -65.75, (26, 12)),
)
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
    for name, lon, lat in (
        ("PERÚ", -72.2, -12.5),
        ("BRASIL", -60.5, -11.0),
        ("CHILE", -70.9, -23.6),
        ("PARAGUAY", -58.8, -22.4),
        ("ARGENTINA", -63.6, -23.9),
    ):
        x, y = project(lon, lat)
        body.append(text(x, y, name, 30, INK, anchor="middle", weight=600, spacing=4, opacity=0.55))
    x, y = project(-63.2, -14.6)
    body.append(text(x, y, "BOLIVIA", 56, PAPER, anchor="middle", weight=800, spacing=8))
    OUT.write_text(svg_document(WIDTH, HEIGHT, "\n".join(body)), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
