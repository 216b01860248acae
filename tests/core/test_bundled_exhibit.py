"""The Bolivia 1952 exhibit meets the content standard, not just the format."""

from __future__ import annotations

import json
import re

import pytest

from kiosk.core.exhibit_format import json_schema
from kiosk.core.loader import check_exhibit
from kiosk.core.model import Exhibit
from tests.helpers import BUNDLED, REPO

MADE_FOR = {"es": re.compile(r"hech[oa] para esta exposición"), "en": re.compile(r"made for this exhibit")}


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    result = check_exhibit(BUNDLED)
    assert result.diagnostics == (), "\n".join(map(str, result.diagnostics))
    assert result.exhibit is not None
    return result.exhibit


def test_spanish_first_then_english(exhibit: Exhibit) -> None:
    assert [(lang.code, lang.name) for lang in exhibit.languages] == [("es", "Español"), ("en", "English")]


def test_fourteen_to_eighteen_stops_in_time_order(exhibit: Exhibit) -> None:
    assert 14 <= len(exhibit.stops) <= 18
    starts = [stop.date.start for stop in exhibit.stops]
    assert [s.year for s in starts] == sorted(s.year for s in starts)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_label_is_60_to_120_words(exhibit: Exhibit, lang: str) -> None:
    counts = {stop.id: stop.narration.word_count(lang) for stop in exhibit.stops}
    assert all(60 <= n <= 120 for n in counts.values()), counts


def test_every_image_is_credited_as_made_for_the_exhibit(exhibit: Exhibit) -> None:
    for stop in exhibit.stops:
        for image in stop.images:
            for lang, pattern in MADE_FOR.items():
                assert pattern.search(image.credit[lang].lower()), (stop.id, image.file, lang)
                assert len(image.alt[lang].split()) >= 8, (stop.id, image.file, "alt text too thin")


def test_every_stop_names_its_source(exhibit: Exhibit) -> None:
    for stop in exhibit.stops:
        assert any("Henshall" in source for source in stop.sources), stop.id


def test_key_facts_of_the_source_are_told(exhibit: Exhibit) -> None:
    english = " ".join(" ".join(stop.narration["en"]) for stop in exhibit.stops)
    for fact in (
        "Milluni",
        "caps\nbackwards",
        "11 April 1952",
        "Paz Estenssoro",
        "40,000",
        "COB",
        "stabilisation",
        "the state of 52",
        "military college",
        "dynamite",
    ):
        assert " ".join(fact.split()) in english, fact


def test_attract_loop_shows_chosen_images(exhibit: Exhibit) -> None:
    images = list(exhibit.attract_images())
    assert len(images) == 6 and images[0].file == "bolivia-1952/may-day-1952.svg"


def test_committed_schema_file_is_current() -> None:
    committed = json.loads((REPO / "docs" / "exhibit.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: kiosk schema > docs/exhibit.schema.json"
    first_line = BUNDLED.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../docs/exhibit.schema.json"
