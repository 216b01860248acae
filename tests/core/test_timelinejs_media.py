"""Every kind of medium a TimelineJS timeline holds comes in as something a
curator can act on, and no timeline, however odd, crashes the importer."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.loader import load_exhibit
from kiosk.core.model import AudioClip, Quotation, Video
from kiosk.importers.timelinejs import ImportError_, import_timelinejs, media_kind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "timelinejs"


def test_each_kind_of_medium_is_named() -> None:
    assert media_kind("<blockquote>Words</blockquote>") == "quotation"
    assert media_kind("<iframe src='x'></iframe>") == "embed"
    assert media_kind("https://youtu.be/abc") == media_kind("https://m.youtube.com/watch?v=a") == "video"
    assert media_kind("https://player.vimeo.com/video/1") == "video"
    assert media_kind("https://soundcloud.com/a/b") == "recording"
    assert media_kind("https://x.com/a/status/1") == media_kind("https://twitter.com/a/status/1") == "post"
    assert media_kind("https://www.google.com/maps/place/x") == "map"
    assert media_kind("https://es.wikipedia.org/wiki/Bolivia") == "article"
    assert media_kind("https://example.org/x.jpg") == media_kind("images/x.png") == "picture"
    assert media_kind("films/x.mp4") == media_kind("file:///tmp/x.webm") == "local video"
    assert media_kind("sounds/x.ogg") == "local recording"
    assert media_kind("https://example.org/x.mp4") == "video"  # online: saved by hand, as the to-do says


def with_local_clips(tmp_path: Path, clips: Path) -> Path:
    """The media-kinds timeline, plus a film and a recording kept beside it (made with ffmpeg)."""
    source = tmp_path / "source"
    shutil.copytree(FIXTURES, source)
    shutil.copytree(clips, source / "clips")
    timeline = json.loads((source / "media-kinds.json").read_text(encoding="utf-8"))
    timeline["events"] += [
        {"start_date": {"year": 1930}, "text": {"headline": "The harbour film"}, "media": {"url": "clips/clip.webm"}},
        {"start_date": {"year": 1931}, "text": {"headline": "The keeper speaks"}, "media": {"url": "clips/voice.ogg"}},
    ]
    (source / "media-kinds.json").write_text(json.dumps(timeline), encoding="utf-8")
    return source / "media-kinds.json"


def test_a_timeline_with_every_kind_of_medium_imports_into_a_valid_exhibit(tmp_path: Path, clips: Path) -> None:
    out = tmp_path / "exhibits" / "harbour-media.yaml"
    report = import_timelinejs(with_local_clips(tmp_path, clips), out)  # a long blockquote once crashed it
    exhibit = load_exhibit(out)
    by_title = {stop.title["en"]: stop for stop in exhibit.stops}
    (letter,) = by_title["A keeper's letter"].media
    assert isinstance(letter, Quotation) and letter.words["en"].startswith("We were told the mines would be ours")
    assert letter.who == "Letter of the first keeper, 1901"
    (post,) = by_title["A visitor's post"].media
    assert isinstance(post, Quotation) and post.source == "https://twitter.com/harbourlight/status/123456789"
    (film,) = by_title["The harbour film"].media
    assert isinstance(film, Video) and film.path.name == "clip.webm" and film.path.is_file()
    assert film.caption_at("en", 0.5) == "[Captions to be written]"
    (recording,) = by_title["The keeper speaks"].media
    assert isinstance(recording, AudioClip) and recording.path.read_bytes()[:4] == b"OggS"
    assert by_title["Lighthouses in general"].sources == ("https://en.wikipedia.org/wiki/Lighthouse",)
    assert by_title["The lamp room"].images[0].file == "harbour-media/first-ferry.png"
    todo = "\n".join(report.todo)
    for words in (
        "check the quotation's words, who said them, when, and its published source",
        "write the film's captions in media/harbour-media/clip-en.vtt",
        "write the recording's transcript",
        "copy the words of the post (https://twitter.com/harbourlight/status/123456789) into the quotation",
        "the timeline showed an online video (https://www.youtube.com/watch?v=abcdefghijk)",
        "save the clip (with permission) as media/harbour-media/<name>.mp4",
        "the timeline played an online recording (https://soundcloud.com/harbour/foghorn-1920)",
        "social-media post (https://twitter.com/harbourlight/status/123456789)",
        "an online map (https://www.google.com/maps/place/Harbour+Light/@10,10,15z)",
        "encyclopaedia article (https://en.wikipedia.org/wiki/Lighthouse)",
        "embedded a web page here, which a kiosk cannot show",
        "download https://example.org/lens.jpg into media/harbour-media/",
        "an event without a start year from 1000 to 9999 was left out",
    ):
        assert words in todo, words


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10_000, 10_000) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
PART = st.one_of(JSON, st.text(max_size=6), st.integers(-5, 3000))
DATE = st.one_of(JSON, st.fixed_dictionaries({"year": PART}, optional={"month": PART, "day": PART}))
TEXT = st.one_of(JSON, st.fixed_dictionaries({}, optional={"headline": JSON | st.text(), "text": JSON | st.text()}))
MEDIA = st.one_of(
    JSON,
    st.fixed_dictionaries(
        {},
        optional={
            "url": st.one_of(
                JSON, st.text(), st.just("<blockquote>" + "x" * 400 + "</blockquote>"), st.just("a" * 5000)
            ),
            "credit": JSON,
            "caption": JSON,
        },
    ),
)
EVENT = st.one_of(
    JSON,
    st.fixed_dictionaries(
        {}, optional={"start_date": DATE, "end_date": DATE, "text": TEXT, "media": MEDIA, "display_date": JSON}
    ),
)
TIMELINE = st.fixed_dictionaries(
    {"events": st.lists(EVENT, max_size=5)},
    optional={
        "title": st.one_of(JSON, st.fixed_dictionaries({"text": TEXT})),
        "eras": st.one_of(
            JSON,
            st.lists(
                st.fixed_dictionaries({}, optional={"start_date": DATE, "end_date": DATE, "text": TEXT}), max_size=3
            ),
        ),
    },
)


def test_a_name_with_control_characters_cannot_spoil_the_written_file(tmp_path: Path) -> None:
    """Found by the test below: an era named ESC went into a to-do comment, which YAML refuses."""
    source = tmp_path / "timeline.json"
    source.write_text(
        json.dumps({"events": [{"start_date": {"year": 1000}}], "eras": [{"text": {"headline": "\x1b\nnext"}}]})
    )
    out = tmp_path / "exhibits" / "odd.yaml"
    import_timelinejs(source, out)
    load_exhibit(out)
    assert "#   - an era without a name, a start or an end was left out (  next)" in out.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timeline=TIMELINE)
def test_no_timeline_crashes_the_importer(timeline: dict) -> None:
    """Whatever the JSON holds: a valid exhibit, or ImportError_ saying why; nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "timeline.json"
        source.write_text(json.dumps(timeline))
        out = Path(folder) / "exhibits" / "fuzzed.yaml"
        try:
            import_timelinejs(source, out)
        except ImportError_:
            return
        load_exhibit(out)  # what it writes is valid
