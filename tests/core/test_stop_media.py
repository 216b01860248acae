"""Film clips with captions, recordings and quotations in a stop: checked
against real files made with ffmpeg, every mistake located."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core import exhibit_cache
from kiosk.core.clips import clip_seconds
from kiosk.core.loader import check_exhibit
from kiosk.core.model import AudioClip, Quotation, Video
from tests.clips import MEDIA_BLOCK, minimal_with_media


@pytest.fixture
def exhibit(tmp_path: Path, clips: Path) -> Path:
    return minimal_with_media(tmp_path, clips)


def edited(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_the_container_says_how_long_a_clip_runs(clips: Path) -> None:
    assert clip_seconds(clips / "clip.mp4") == pytest.approx(3.0, abs=0.1)
    assert clip_seconds(clips / "clip.webm") == pytest.approx(3.0, abs=0.1)
    assert clip_seconds(clips / "clip-en.vtt") is None


def test_video_recording_and_quotation_load(exhibit: Path) -> None:
    result = check_exhibit(exhibit)
    assert result.diagnostics == ()
    assert result.exhibit is not None
    video, audio, quotation = result.exhibit.stops[0].media
    assert isinstance(video, Video) and video.path.name == "clip.mp4" and video.poster.name == "poster.png"
    assert video.captions_for("en").name == "clip-en.vtt" and video.title["en"] == "A test film"
    assert video.transcript is not None and video.transcript["es"] == ("Hola y bienvenidos. Segunda línea.",)
    assert isinstance(audio, AudioClip) and audio.transcript["en"] == ("A 440 hertz tone.",)
    assert isinstance(quotation, Quotation) and (quotation.who, quotation.when is not None) == ("Una persona", True)


def test_a_webm_clip_is_accepted(exhibit: Path) -> None:
    assert check_exhibit(edited(exhibit, "video: mini/clip.mp4", "video: mini/clip.webm")).errors == ()


def test_the_kept_copy_keeps_the_media(exhibit: Path, tmp_path: Path) -> None:
    first = exhibit_cache.check(exhibit, folder=tmp_path / "cache")[0]
    again = exhibit_cache.check(exhibit, folder=tmp_path / "cache")[0]
    assert first is not None and again == first and len(again.stops[0].media) == 3


def test_broken_captions_are_located_in_the_caption_file(exhibit: Path) -> None:
    vtt = exhibit.parent.parent / "media" / "mini" / "clip-en.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.200\nHello.\n\n00:01,500 --> 00:02.800\nBye.\n", encoding="utf-8")
    result = check_exhibit(exhibit)
    (in_vtt,) = [error for error in result.errors if error.file == str(vtt)]
    (at_stop,) = [error for error in result.errors if error.file == str(exhibit)]
    assert (in_vtt.file, in_vtt.line, in_vtt.column) == (str(vtt), 6, 1)
    assert "'00:01,500' is not a time" in in_vtt.message
    assert "  6 | 00:01,500 --> 00:02.800" in in_vtt.context  # the caption file's own line
    assert at_stop.file == str(exhibit) and "'mini/clip-en.vtt' has 1 mistake in its captions" in at_stop.message


def test_captions_running_past_the_clip_are_flagged(exhibit: Path) -> None:
    vtt = exhibit.parent.parent / "media" / "mini" / "clip-es.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:09.000\nDemasiado largo.\n", encoding="utf-8")
    result = check_exhibit(exhibit)
    assert result.errors == ()
    (warning,) = result.warnings
    assert warning.message == "the captions in 'mini/clip-es.vtt' run to 0:09.0, past the clip's end at 0:03.0"
    assert exhibit.read_text(encoding="utf-8").splitlines()[warning.line - 1].strip() == "es: mini/clip-es.vtt"


def test_a_truncated_mp4_and_a_text_file_named_mp4_are_errors(exhibit: Path) -> None:
    clip = exhibit.parent.parent / "media" / "mini" / "clip.mp4"
    data = clip.read_bytes()
    clip.write_bytes(data[: len(data) // 2])
    (error,) = check_exhibit(exhibit).errors
    assert "'mini/clip.mp4': the file is cut short" in error.message
    clip.write_text("not a film at all\n", encoding="utf-8")
    (error,) = check_exhibit(exhibit).errors
    assert error.message == "'mini/clip.mp4' is named .mp4 but is not a file type we recognise"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("          en: mini/clip-en.vtt\n", "", "missing translation: no 'en' text"),
        ("video: mini/clip.mp4", "video: ../clip.mp4", "uses '..'"),
        (
            "video: mini/clip.mp4",
            "video: mini/clip.avi",
            "'mini/clip.avi' is not a supported video (use .mp4, .m4v, .webm)",
        ),
        ("        poster: mini/poster.png\n", "", "video is missing 'poster'"),
        ("        who: Una persona\n", "", "quotation is missing 'who'"),
        (
            "      - audio: mini/voice.ogg\n",
            "      - audio: mini/voice.ogg\n        quotation: {es: a, en: b}\n",
            "a media item needs exactly one of 'video' or 'audio' or 'quotation'; it has 'audio' and 'quotation'",
        ),
    ],
)
def test_mistakes_in_media_items_are_located_errors(exhibit: Path, old: str, new: str, message: str) -> None:
    result = check_exhibit(edited(exhibit, old, new))
    assert result.exhibit is None
    assert any(message in error.message and error.file == str(exhibit) for error in result.errors), result.errors
    assert all(error.line > 20 for error in result.errors)


def test_the_media_block_documents_itself() -> None:
    assert MEDIA_BLOCK.count("- ") == 3


def test_the_format_documents_example_is_valid(tmp_path: Path) -> None:
    """docs/exhibit-format.md's complete example, media included, passes the checks a
    file without its media can pass."""
    from tests.helpers import REPO

    doc = (REPO / "docs" / "exhibit-format.md").read_text(encoding="utf-8")
    example = doc.split("## A complete example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "exhibits" / "harbour-1900.yaml"
    path.parent.mkdir()
    path.write_text(example, encoding="utf-8")
    result = check_exhibit(path, check_media=False)
    assert result.errors == (), result.errors
    kinds = [type(item).__name__ for item in result.exhibit.stops[0].media] if result.exhibit else []
    assert kinds == ["Video", "AudioClip", "Quotation"]
