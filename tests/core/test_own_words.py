"""The exhibit is written in its own words: no run of eight words is shared
with the article it started from, outside a marked quotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.loader import check_exhibit
from kiosk.core.overlap import exhibit_texts, fingerprint, shared_runs
from tests.helpers import BUNDLED, REPO

ARTICLE = REPO.parent / "shared" / "source" / "bolivia-1952-article.txt"
DIGESTS = REPO / "tests" / "fixtures" / "bolivia-1952-article.8-word-digests"
SOURCE = "Political power was centred in the hands of a tiny elite of mine owners."


def article_digests() -> set[str]:
    lines = DIGESTS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def test_no_text_of_the_exhibit_shares_eight_words_with_the_article() -> None:
    exhibit = check_exhibit(BUNDLED).exhibit
    assert exhibit is not None
    texts = list(exhibit_texts(exhibit))
    assert len(texts) > 300  # titles, labels, alt texts, captions and credits, in both languages
    assert [str(run) for run in shared_runs(texts, article_digests())] == []


def test_the_digests_are_those_of_the_article() -> None:
    """The repository keeps the article only as digests; where the article is
    at hand, they must be its own, and they must catch a sentence taken from it."""
    if not ARTICLE.exists():
        pytest.skip("the source article is kept beside the repository, in ../shared/source")
    assert article_digests() == fingerprint(ARTICLE.read_text(encoding="utf-8"))
    copied = "Three days of fighting ensued as workers fought to disarm the army loyalists."
    assert len(shared_runs([("t", copied)], article_digests())[0].words) == 13


def test_a_copied_sentence_is_found_however_it_is_wrapped_and_cased() -> None:
    copied = "Before 1952, POLITICAL power was\ncentred in the hands of a tiny elite — of mine owners: the barons."
    (run,) = shared_runs([("stop 'x' narration (en)", copied)], SOURCE)
    assert run.words == tuple(
        [
            "political",
            "power",
            "was",
            "centred",
            "in",
            "the",
            "hands",
            "of",
            "a",
            "tiny",
            "elite",
            "of",
            "mine",
            "owners",
        ]
    )
    assert str(run).startswith("stop 'x' narration (en): 14 words shared with the source")


def test_seven_words_are_a_phrase_not_a_copy() -> None:
    assert shared_runs([("t", "They said power was centred in the hands of others.")], SOURCE) == []


@pytest.mark.parametrize("quote", ['"{}"', "“{}”", "«{}»"])
def test_a_marked_quotation_is_allowed(quote: str) -> None:
    text = "As one writer put it, " + quote.format("political power was centred in the hands of a tiny elite") + "."
    assert shared_runs([("t", text)], SOURCE) == []


def test_a_quotation_does_not_join_the_words_around_it() -> None:
    text = 'political power was centred "in the hands" of a tiny elite of mine owners'
    assert shared_runs([("t", text)], SOURCE) == []


def test_curators_run_the_check_with_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text("The tin mines lay more than four thousand metres up, and the work was hard.", encoding="utf-8")
    assert main(["validate", str(BUNDLED), "--against", str(source)]) == 0  # a warning: the file still loads
    out = capsys.readouterr().out
    assert "warning: stop 'miners' narration (en): 13 words shared with" in out
    assert "1 file checked: 0 errors, 1 warning" in out
