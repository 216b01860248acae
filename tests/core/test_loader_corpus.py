"""Each broken file in tests/corpus/broken names the errors it must produce.

A file's ``# expect: LINE:COL: SEVERITY: MESSAGE`` header lines are the
whole truth: the loader must report exactly those, at those positions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.core.diagnostics import ExhibitError
from kiosk.core.loader import check_exhibit, load_exhibit
from tests.helpers import CORPUS, VALID

BROKEN = sorted((CORPUS / "broken").glob("*.yaml"))
_EXPECT = re.compile(rb"^# expect: (\d+):(\d+): (error|warning): (.*)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, int, str, str]]:
    return [
        (int(line), int(c), sev.decode(), msg.decode("utf-8"))
        for line, c, sev, msg in _EXPECT.findall(path.read_bytes())
    ]


def test_corpus_covers_every_kind_of_error() -> None:
    names = {path.stem for path in BROKEN}
    for kind in (
        "syntax-error",
        "unknown-key",
        "wrong-type",
        "duplicate-key",
        "duplicate-stop-id",
        "bad-date",
        "impossible-date",
        "empty-text",
        "missing-translation",
        "missing-media",
        "wrong-image-type",
        "path-escape",
        "absolute-path",
        "alias-bomb",
        "python-tag",
        "not-utf8",
        "many-errors",
    ):
        assert kind in names


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_reports_expected_errors(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' lines"
    result = check_exhibit(path)
    assert result.exhibit is None
    found = [(d.line, d.column, d.severity.value, d.message) for d in result.diagnostics]
    assert len(found) == len(expected), "\n".join(map(str, result.diagnostics))
    for (line, col, sev, message), (f_line, f_col, f_sev, f_message) in zip(expected, found):
        assert (f_line, f_col, f_sev) == (line, col, sev)
        assert f_message.startswith(message)
    for diagnostic in result.diagnostics:
        assert str(diagnostic).startswith(f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}: ")


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_load_exhibit_raises_only_its_own_error(path: Path) -> None:
    with pytest.raises(ExhibitError) as caught:
        load_exhibit(path)
    assert caught.value.diagnostics


def test_minimal_exhibit_loads_with_every_part() -> None:
    exhibit = load_exhibit(VALID)
    assert exhibit.id == "mini"
    assert exhibit.language_codes == ("es", "en")
    assert exhibit.default_language == "es"
    assert [stop.id for stop in exhibit.stops] == ["first", "second"]
    first, second = exhibit.stops
    assert first.narration["es"] == ("Primer párrafo.", "Segundo párrafo.")
    assert first.narration["en"] == ("First paragraph.", "Second paragraph.")
    assert first.date.label("en") == "1949"
    assert second.date.label("en") == "9–11 April 1952"
    assert first.images[0].path.is_file()
    assert exhibit.attract.idle_timeout == 60
    assert [image.file for image in exhibit.attract_images()] == ["mini/square.png"]
    assert exhibit.further_reading[0].citation() == "J. Dunkerley, Rebellion in the Veins (1984)"
