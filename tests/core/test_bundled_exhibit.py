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


def test_sixteen_to_twenty_four_stops_in_time_order(exhibit: Exhibit) -> None:
    assert 16 <= len(exhibit.stops) <= 24
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


def test_every_stop_rests_on_a_reference_beyond_the_article(exhibit: Exhibit) -> None:
    """The first edition cited one newspaper article everywhere; a stop may use
    it, but never as its only ground."""
    for stop in exhibit.stops:
        others = [source for source in stop.sources if "Henshall" not in source]
        assert others, f"stop '{stop.id}' rests on the article alone"


def test_every_source_is_listed_in_the_facts_document(exhibit: Exhibit) -> None:
    facts = (REPO / "docs" / "bolivia-1952-facts.md").read_text(encoding="utf-8")
    for stop in exhibit.stops:
        assert f"| {stop.id} " in facts or f"| {stop.id} (" in facts, f"no claims listed for '{stop.id}'"
        for source in stop.sources:
            assert source in facts, f"'{source}' (stop '{stop.id}') is not in docs/bolivia-1952-facts.md"


def test_the_corrected_facts_are_told(exhibit: Exhibit) -> None:
    """The review's corrections, each a fact a visitor now reads."""
    english = " ".join(" ".join(" ".join(stop.narration["en"]).split()) for stop in exhibit.stops)
    for fact in (
        "Antonio Seleme",  # the one who gave up on 10 April, not "the MNR leadership"
        "Hernán Siles Zuazo headed a provisional government",
        "On 15 April Víctor Paz Estenssoro landed at El Alto",
        "Germán Butrón",
        "At El Alto they seized wagons of ammunition",
        "16 May he handed power to a military junta",
        "about 200,000",
        "On 21 July 1952",
        "On 31 October 1952",
        "On 2 August 1953",
        "Villa Victoria",
        "The capital under the constitution was and is Sucre",
        "International Monetary Fund",
        "detention camps",
        "main backer",
        "On 4 November 1964",
        "The Chaco War",
    ):
        assert fact in english or fact in " ".join(stop.title["en"] for stop in exhibit.stops), fact


def test_one_source_claims_are_attributed(exhibit: Exhibit) -> None:
    """Figures only the article gives are told as the article's."""
    by_id = {stop.id: " ".join(" ".join(stop.narration["en"]).split()) for stop in exhibit.stops}
    assert "Socialist Worker puts their number at 40,000" in by_id["may-day"]
    assert "Socialist Worker says they turned their caps back to front" in by_id["three-days"]
    assert "Socialist Worker speaks of three worker ministers" in by_id["new-government"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_readings_are_set_side_by_side_and_attributed(exhibit: Exhibit, lang: str) -> None:
    readings = " ".join(exhibit.stops[-1].narration[lang])
    for voice in ("MNR", "Carlos Montenegro", "Guillermo Lora", "Socialist Worker", "Rivera Cusicanqui", "Gotkowitz"):
        assert voice in readings, voice
    assert len(exhibit.stops[-1].narration[lang]) == 3, "one paragraph per reading"


def test_pictures_show_women_and_indigenous_bolivians(exhibit: Exhibit) -> None:
    alts = [image.alt["en"].lower() for stop in exhibit.stops for image in stop.images]
    assert sum("women" in alt or "woman" in alt for alt in alts) >= 8
    assert sum("poncho" in alt or "indigenous" in alt for alt in alts) >= 3
    assert sum("bolivian flag" in alt for alt in alts) >= 5, "period images show Bolivia's own flag"
    assert sum("red flag" in alt for alt in alts) <= 1, "red banners only where unions carried them"


def test_alt_text_is_written_for_the_ear(exhibit: Exhibit) -> None:
    """A screen reader reads "9 · IV · 1952" as nonsense: dates in alt text are words."""
    for stop in exhibit.stops:
        for image in stop.images:
            for lang in ("es", "en"):
                assert "·" not in image.alt[lang] and " IV " not in image.alt[lang], (stop.id, lang)


def test_attract_loop_shows_chosen_images(exhibit: Exhibit) -> None:
    images = list(exhibit.attract_images())
    assert len(images) == 6 and images[0].file == "bolivia-1952/may-day-1952.svg"
    assert images[2].file == "bolivia-1952/land-reform.svg"


def test_committed_schema_file_is_current() -> None:
    committed = json.loads((REPO / "docs" / "exhibit.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: kiosk schema > docs/exhibit.schema.json"
    first_line = BUNDLED.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../docs/exhibit.schema.json"
