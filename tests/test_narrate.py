"""``kiosk narrate`` with the real espeak-ng and ffmpeg: files that play, made once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.loader import load_exhibit
from kiosk.core.narration import clips, find_recordings, spoken_label, stop_clip_id
from kiosk.narrate import choose_voice, voices_for
from tests.helpers import BUNDLED, copy_minimal

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("ffprobe") is None,
    reason="needs espeak-ng and ffmpeg (make test installs them)",
)


def duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    return float(out)


def test_every_stop_is_recorded_in_every_language_at_a_plausible_pace(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "narration"
    assert main(["narrate", str(BUNDLED), "--out", str(folder)]) == 0
    first = capsys.readouterr().out
    exhibit = load_exhibit(BUNDLED)
    plan = find_recordings(clips(exhibit), folder, voices_for(exhibit.language_codes))
    for lang in exhibit.language_codes:
        for stop in exhibit.stops:
            path = plan.recording(stop_clip_id(stop), lang)
            assert path is not None and path.suffix == ".ogg", f"{stop.id} ({lang}) was not recorded"
            words = len(spoken_label(stop, lang).split())
            seconds = duration(path)
            assert 1.2 <= words / seconds <= 4.0, f"{stop.id} ({lang}): {words} words in {seconds:.1f} s"
    assert " 0 recorded" not in first

    assert main(["narrate", str(BUNDLED), "--out", str(folder)]) == 0
    again = capsys.readouterr().out
    assert " 0 recorded, " in again and "0 failed" in again  # nothing to do the second time


def test_an_edited_label_is_recorded_again_and_its_old_take_removed(tmp_path: Path, capsys) -> None:
    path = copy_minimal(tmp_path)
    folder = tmp_path / "narration"
    assert main(["narrate", str(path), "--out", str(folder)]) == 0
    before = set(folder.iterdir())
    text = path.read_text()
    exhibit = load_exhibit(path)
    old_word = exhibit.stops[0].narration["en"][0].split()[0]
    path.write_text(text.replace(old_word, "Meanwhile", 1))
    capsys.readouterr()
    assert main(["narrate", str(path), "--out", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "1 recorded" in said and "1 old recording(s) removed" in said
    assert len(set(folder.iterdir()) - before) == 1


def test_voices_are_chosen_for_a_neutral_accent() -> None:
    assert choose_voice("es") in ("es-419", "mb-mx1", "mb-es1")
    assert choose_voice("en") in ("en-us", "mb-us1", "mb-us2")  # never the Caribbean default
    assert choose_voice("xx") is None
