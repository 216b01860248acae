"""Which recording plays, and when the interface counts as stalled: plain logic."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.loader import load_exhibit
from kiosk.core.narration import clips, find_recordings, recording_name, stop_clip_id
from kiosk.core.stalls import StallWatch
from tests.core.machine_helpers import FakeClock
from tests.helpers import BUNDLED


def test_a_recording_in_the_current_voice_wins_and_any_voice_will_do_without_one(tmp_path: Path) -> None:
    exhibit = load_exhibit(BUNDLED)
    stop = exhibit.stops[0]
    clip = next(c for c in clips(exhibit) if c.id == stop_clip_id(stop) and c.lang == "es")
    old = tmp_path / recording_name(clip, "espeak-ng/es")
    new = tmp_path / recording_name(clip, "espeak-ng/mb-mx1")
    old.write_bytes(b"x")
    assert find_recordings([clip], tmp_path, {"es": "espeak-ng/mb-mx1"}).for_stop(stop, "es") == old
    new.write_bytes(b"x")
    assert find_recordings([clip], tmp_path, {"es": "espeak-ng/mb-mx1"}).for_stop(stop, "es") == new
    assert find_recordings([clip], tmp_path, None).for_stop(stop, "es") in (old, new)  # no engine here
    assert find_recordings([clip], tmp_path, None).for_stop(stop, "en") is None


def test_an_edited_text_does_not_find_the_old_recording(tmp_path: Path) -> None:
    exhibit = load_exhibit(BUNDLED)
    clip = clips(exhibit)[0]
    (tmp_path / recording_name(clip, "espeak-ng/es-419")).write_bytes(b"x")
    edited = type(clip)(clip.id, clip.lang, clip.text + " Una frase nueva.")
    assert find_recordings([edited], tmp_path).recording(clip.id, clip.lang) is None


def test_a_missing_folder_means_no_recordings(tmp_path: Path) -> None:
    exhibit = load_exhibit(BUNDLED)
    assert find_recordings(clips(exhibit), tmp_path / "nowhere").recordings == {}


def test_a_stall_is_counted_once_however_long_it_lasts() -> None:
    clock = FakeClock()
    watch = StallWatch(clock, limit=2.0)
    clock.advance(1.9)
    assert watch.check() is None
    clock.advance(0.5)
    assert watch.check() == pytest_approx(2.4)
    clock.advance(5)
    assert watch.check() is None and watch.stalls == 1
    watch.beat()
    assert watch.longest >= 7.3
    clock.advance(2.5)
    assert watch.check() is not None and watch.stalls == 2


def pytest_approx(value: float) -> object:
    import pytest

    return pytest.approx(value)
