"""WebVTT captions: read as a player would, mistakes located in the caption file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core import webvtt


def test_cues_are_read_with_their_times_and_words() -> None:
    captions = webvtt.parse(
        "\ufeffWEBVTT - a title\nKind: captions\n\nNOTE made by hand\n\n"
        "intro\n00:01.000 --> 00:04.250 align:start\n<v Lechín>Compañeros,</v>\n<i>escuchen</i>.\n\n"
        "01:00:00.000 --> 01:00:02.000\nAn hour in.\n"
    )
    assert captions.problems == ()
    first, second = captions.cues
    assert (first.start, first.end, first.text) == (1.0, 4.25, "Compañeros,\nescuchen.")
    assert (second.start, second.end) == (3600.0, 3602.0)
    assert captions.end == 3602.0
    assert captions.at(2.0) == "Compañeros,\nescuchen." and captions.at(4.5) == ""


def test_windows_line_endings_are_read() -> None:
    assert len(webvtt.parse("WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nHola\r\n").cues) == 1


def located(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.message) for p in webvtt.parse(text).problems]


def test_a_file_without_the_header_says_so() -> None:
    assert located("00:00.000 --> 00:01.000\nHola\n") == [(1, 1, "a WebVTT file starts with the line 'WEBVTT'")]


def test_a_comma_in_a_time_is_found_where_it_is() -> None:
    assert located("WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nHola\n") == [
        (3, 1, "'00:00:01,000' is not a time like 00:01.500 or 01:02:03.000")
    ]
    assert located("WEBVTT\n\n00:01.000 --> 00:02\nHola\n") == [
        (3, 15, "'00:02' is not a time like 00:01.500 or 01:02:03.000")
    ]


def test_impossible_and_backward_times_are_errors() -> None:
    assert located("WEBVTT\n\n00:61.000 --> 01:02.000\nHola\n")[0][2] == "'00:61.000': minutes and seconds go up to 59"
    assert located("WEBVTT\n\n00:05.000 --> 00:02.000\nHola\n") == [
        (3, 15, "the cue ends (0:02.000) before it starts (0:05.000)")
    ]


def test_cues_out_of_order_missing_words_or_timing_are_errors() -> None:
    text = (
        "WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n\n00:07.000 --> 00:08.000\n\njust words\n"
    )
    assert located(text) == [
        (6, 1, "this cue starts before the one above it (0:05.000)"),
        (9, 1, "this cue has a timing but no words under it"),
        (11, 1, "this block has no timing line like '00:00:01.000 --> 00:00:04.000'"),
    ]


def test_a_file_with_no_cues_is_an_error() -> None:
    assert located("WEBVTT\n") == [(1, 1, "the file holds no captions (no cue with a '-->' timing line)")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("WEBVT0123456789:.->\n\r\t <>ab,é\ufeff")), max_size=300))
def test_any_text_gives_cues_or_located_problems_never_an_exception(text: str) -> None:
    captions = webvtt.parse("WEBVTT\n\n" + text)
    lines = max(1, ("WEBVTT\n\n" + text).count("\n") + ("WEBVTT\n\n" + text).count("\r") + 1)
    for problem in captions.problems:
        assert 1 <= problem.line <= lines and problem.column >= 1 and problem.message
    assert all(cue.end > cue.start and cue.text for cue in captions.cues)
