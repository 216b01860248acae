"""Proof sheets, TimelineJS import, new exhibits, and the editor schema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.core.exhibit_format import EXHIBIT, json_schema
from kiosk.core.loader import check_exhibit, load_exhibit
from kiosk.core.spec import DateValue, ListOf, Record
from kiosk.ui.curator.proof import is_blank
from tests.helpers import BUNDLED, VALID, copy_minimal

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "timelinejs"


def test_proof_pdf_has_a_page_per_screen_and_language_then_findings(qapp, tmp_path: Path, capsys) -> None:
    exhibit = copy_minimal(tmp_path)
    out = tmp_path / "proof.pdf"
    assert main(["proof", str(exhibit), "--out", str(out), "--size", "1280x800"]) == 0
    screens_per_language = 1 + 1 + 2 + 2  # attract, home, two stops, their two images
    expected = 2 * screens_per_language + 1
    assert f"{expected} pages" in capsys.readouterr().out
    data = out.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == expected
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "page")], check=True)
        rendered = sorted(tmp_path.glob("page-*.png"))
        assert len(rendered) == expected
        assert not [p.name for p in rendered if is_blank(QImage(str(p)))]


def test_proof_png_pages_are_labelled_and_never_blank(qapp, tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    folder = tmp_path / "png"
    assert main(["proof", str(exhibit), "--png", str(folder), "--size", "1280x800"]) == 0
    names = sorted(p.name for p in folder.glob("*.png"))
    assert names[:3] == ["001-attract-es.png", "002-home-es.png", "003-stop-first-es.png"]
    assert "012-zoom-second-1-en.png" in names and len(names) == 12
    assert not [n for n in names if is_blank(QImage(str(folder / n)))]
    assert (folder / "findings.txt").read_text().startswith("No findings")


def test_proof_findings_name_what_needs_attention(qapp, tmp_path: Path, capsys) -> None:
    exhibit = copy_minimal(tmp_path)
    long = " ".join(["word"] * 30) + "."
    text = exhibit.read_text().replace("en: Text of the second stop.", f"en: {' '.join([long] * 5)}")
    exhibit.write_text(text.replace("en: A brown rectangle on a plain ground.", "en: Brown."))
    assert main(["proof", str(exhibit), "--png", str(tmp_path / "png"), "--size", "1280x800"]) == 0
    found = (tmp_path / "png" / "findings.txt").read_text()
    assert "narration has 150 words" in found and "sentence of 30 words" in found
    assert "alt text is very short: 'Brown.'" in found


def test_timelinejs_json_imports_into_a_valid_exhibit(tmp_path: Path, capsys) -> None:
    out = tmp_path / "exhibits" / "river-ferry.yaml"
    assert main(["import", "timelinejs", str(FIXTURES / "ferry.json"), "--out", str(out)]) == 0
    exhibit = load_exhibit(out)
    assert exhibit.title["en"] == "The River Ferry"
    assert [s.id for s in exhibit.stops] == ["rowing-boats", "a-steam-ferry", "the-new-quay", "the-bridge-opens"]
    rowing, steam, quay, bridge = exhibit.stops
    assert rowing.date.label("en") == "The 1850s" and rowing.date.end is not None
    assert steam.narration["en"] == (
        "The first steam ferry began service in May.",
        "It carried & counted 300 passengers a day.",
    )
    assert steam.images[0].file == "river-ferry/first-ferry.png" and steam.images[0].path.is_file()
    assert quay.images[0].file == "river-ferry/new-quay.png"  # the space in the name is made safe
    assert quay.narration["en"] == ("Text to be written.",)
    assert rowing.images[0].file == "river-ferry/rowing-boats-to-download.svg"
    assert "https://example.org/rowing.jpg" in rowing.images[0].path.read_text()
    header = out.read_text().split("\n\n")[0]
    assert "download https://example.org/rowing.jpg" in header
    assert [era.title["en"] for era in exhibit.eras] == ["Oar and sail"]
    assert bridge.images[0].file.endswith("placeholder.svg")
    printed = capsys.readouterr().out
    assert "1 file checked: 0 errors" in printed


def test_timelinejs_eras_become_the_exhibits_eras(tmp_path: Path) -> None:
    """Eras as TimelineJS users write them: out of order, one starting the year the
    one before ends, one overlapping, one without an end."""
    out = tmp_path / "exhibits" / "harbour-light.yaml"
    assert main(["import", "timelinejs", str(FIXTURES / "eras.json"), "--out", str(out)]) == 0
    exhibit = load_exhibit(out)
    assert [era.title["en"] for era in exhibit.eras] == ["Oil and gas", "Electric light", "A museum"]
    assert [(e.start.iso(), e.end.iso()) for e in exhibit.eras] == [
        ("1860", "1900"),
        ("1900", "1968"),
        ("1969", "1995"),
    ]
    header = out.read_text().split("\n\n")[0]
    assert "era 'Overlapping decade' (1950 to 1960) overlaps" in header
    assert "an era without a name, a start or an end was left out (No end given)" in header
    from kiosk.core.timeline import era_runs

    assert [(len(stops), era) for stops, era in era_runs(exhibit)] == [(3, 0), (3, 1), (1, 2)]  # 1899 is gas's


def test_timelinejs_csv_imports_into_a_valid_exhibit(tmp_path: Path) -> None:
    out = tmp_path / "exhibits" / "mill-street.yaml"
    assert main(["import", "timelinejs", str(FIXTURES / "mill-street.csv"), "--out", str(out), "--lang", "es"]) == 0
    exhibit = load_exhibit(out)
    assert exhibit.language_codes == ("es",) and exhibit.title["es"] == "Mill Street"
    assert exhibit.introduction["es"] == ("A street and its shops, 1890–1960.",)
    fair = exhibit.stops[1]
    assert fair.date.label("es") == "June 1923" and fair.date.end is not None
    assert exhibit.stops[0].images[0].credit["es"] == "Parish records"


def test_import_never_overwrites_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "exhibits" / "river-ferry.yaml"
    out.parent.mkdir()
    out.write_text("# a curator's work\n")
    assert main(["import", "timelinejs", str(FIXTURES / "ferry.json"), "--out", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text() == "# a curator's work\n"
    assert main(["import", "timelinejs", str(FIXTURES / "ferry.json"), "--out", str(out), "--force"]) == 0


def test_import_refuses_what_is_not_a_timeline(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"slides": []}')
    assert main(["import", "timelinejs", str(bad), "--out", str(tmp_path / "e" / "x.yaml")]) == 1
    assert "'events' list" in capsys.readouterr().err


def test_new_exhibit_validates_at_once_and_is_never_overwritten(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "harbour-1900", "--title", "The harbour in 1900"]) == 0
    result = check_exhibit(tmp_path / "exhibits" / "harbour-1900.yaml")
    assert result.diagnostics == () and result.exhibit.title["en"] == "The harbour in 1900"
    assert main(["new", "harbour-1900"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "Bad Name"]) == 1


def _valid_examples(tmp_path: Path) -> list[Path]:
    imported = tmp_path / "exhibits" / "river-ferry.yaml"
    main(["import", "timelinejs", str(FIXTURES / "ferry.json"), "--out", str(imported)])
    scaffolded_dir = tmp_path / "new"
    scaffolded_dir.mkdir()
    from kiosk.scaffold import new_exhibit

    scaffolded = new_exhibit("harbour-1900", scaffolded_dir / "exhibits", scaffolded_dir / "media")
    return [BUNDLED, VALID, imported, scaffolded]


class EditorLoader(yaml.SafeLoader):
    """YAML as the YAML language server reads it (1.2 core): dates stay strings."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_every_valid_example_passes_the_schema(tmp_path: Path) -> None:
    schema = json_schema()
    for path in _valid_examples(tmp_path):
        assert check_exhibit(path).exhibit is not None, path
        jsonschema.validate(yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader), schema)


def test_schema_rejects_what_the_loader_rejects_by_shape() -> None:
    data = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    data["subtitel"] = data.pop("subtitle")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def _records(kind, seen=None):
    """Every Record in the format, however deep."""
    seen = seen if seen is not None else []
    if isinstance(kind, Record):
        seen.append(kind)
        for field in kind.fields.values():
            _records(field.type, seen)
    elif isinstance(kind, ListOf):
        _records(kind.item, seen)
    return seen


def test_every_key_the_schema_names_is_accepted_by_the_loader() -> None:
    schema = json_schema()
    stop = schema["properties"]["stops"]["items"]
    image = stop["properties"]["images"]["items"]
    by_name = {record.name: record for record in _records(EXHIBIT)}
    for name, part in (
        ("exhibit", schema),
        ("stop", stop),
        ("image", image),
        ("attract settings", schema["properties"]["attract"]),
        ("further reading entry", schema["properties"]["further_reading"]["items"]),
    ):
        assert set(part["properties"]) == set(by_name[name].fields), name
        assert set(part["required"]) == {k for k, f in by_name[name].fields.items() if f.required}, name
    assert isinstance(by_name["stop"].fields["date"].type, DateValue)


def test_bundled_exhibit_points_editors_at_the_schema() -> None:
    line = BUNDLED.read_text(encoding="utf-8").splitlines()[0]
    target = (BUNDLED.parent / line.split("$schema=")[1]).resolve()
    assert json.loads(target.read_text()) == json_schema()


def test_proof_of_a_part_covers_only_those_stops(qapp, tmp_path: Path) -> None:
    from kiosk.bench.loading import synthetic

    exhibit = synthetic(tmp_path, 12)
    folder = tmp_path / "png"
    assert main(["proof", str(exhibit), "--png", str(folder), "--size", "640x400", "--stops", "3:4"]) == 0
    names = [p.stem.split("-", 1)[1] for p in folder.glob("*.png")]  # '007-stop-stop-2-es' -> 'stop-stop-2-es'
    stops = sorted({name[len("stop-") :].rsplit("-", 1)[0] for name in names if name.startswith("stop-")})
    assert stops == ["stop-2", "stop-3"]  # the third and fourth, counted from 1 as a curator does
    assert main(["proof", str(exhibit), "--png", str(folder), "--stops", "9:40"]) == 2


# VmHWM, not getrusage's ru_maxrss: on Linux that carries the parent's size over
# fork and exec, so a child of a large test process would report the parent's peak.
PEAK = """
import sys
from kiosk.cli import main
code = main(["proof", sys.argv[1], "--out", sys.argv[2], "--size", "960x540"])
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""


def test_a_long_proof_is_streamed_so_memory_does_not_grow_with_pages(tmp_path: Path) -> None:
    """Pages are drawn and written one at a time: four times the stops, about the same peak."""
    import subprocess
    import sys

    from kiosk.bench.loading import synthetic

    peaks = []
    for count in (5, 20):
        folder = tmp_path / str(count)
        exhibit = synthetic(folder, count)
        done = subprocess.run(
            [sys.executable, "-c", PEAK, str(exhibit), str(folder / "proof.pdf")],
            capture_output=True,
            text=True,
            timeout=600,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 0, done.stderr[-2000:]
        peaks.append(int(done.stdout.strip().splitlines()[-1]))
    small, large = peaks
    assert large - small < 40, f"peak memory grew from {small} MB to {large} MB with 4x the pages"
    assert large < 300
