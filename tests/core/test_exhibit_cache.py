"""The checked-exhibit cache: used only while nothing it was made from has changed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import kiosk.core.loader as loader
from kiosk.core import exhibit_cache
from tests.helpers import copy_minimal


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check (YAML parsed and validated) made meanwhile."""
    made: list[Path] = []
    real = loader.check_exhibit

    def counting(path: Path, *args, **kwargs):
        made.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "check_exhibit", counting)
    return made


def test_a_second_start_reads_the_same_exhibit_from_the_cache(tmp_path: Path, checks: list[Path]) -> None:
    path = copy_minimal(tmp_path)
    first = exhibit_cache.check(path)
    second = exhibit_cache.check(path)
    assert len(checks) == 1
    assert first[0] is not None and second == first
    assert second[0] == loader.check_exhibit(path).exhibit


def test_warnings_come_back_with_the_cached_exhibit(tmp_path: Path, checks: list[Path]) -> None:
    path = copy_minimal(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("date: 1949", "date: 1953"), encoding="utf-8")
    _, warned = exhibit_cache.check(path)
    _, again = exhibit_cache.check(path)
    assert len(checks) == 1
    assert again == warned and "comes before the previous stop" in str(again[0])


def test_an_edit_is_checked_again_and_its_errors_reported(tmp_path: Path, checks: list[Path]) -> None:
    path = copy_minimal(tmp_path)
    exhibit_cache.check(path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("title:\n  es: Exposición mínima", "titel:\n  es: Exposición mínima"),
        encoding="utf-8",
    )
    exhibit, diagnostics = exhibit_cache.check(path)
    assert len(checks) == 2
    assert exhibit is None and any("'titel'" in str(d) for d in diagnostics)


def test_a_changed_or_deleted_picture_is_checked_again(tmp_path: Path, checks: list[Path]) -> None:
    path = copy_minimal(tmp_path)
    exhibit_cache.check(path)
    picture = tmp_path / "media" / "mini" / "square.png"
    later = picture.stat().st_mtime_ns + 5_000_000_000
    os.utime(picture, ns=(later, later))
    assert exhibit_cache.check(path)[0] is not None and len(checks) == 2
    picture.unlink()
    exhibit, diagnostics = exhibit_cache.check(path)
    assert len(checks) == 3
    assert exhibit is None and any("square.png" in str(d) for d in diagnostics)


def test_an_exhibit_with_errors_is_never_kept(tmp_path: Path) -> None:
    path = copy_minimal(tmp_path)
    path.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    assert exhibit_cache.check(path)[0] is None
    assert not exhibit_cache.entry_path(path).exists()


@pytest.mark.parametrize("damage", ["truncate", "garbage", "forged-class", "other-key"])
def test_a_damaged_or_forged_entry_is_ignored(tmp_path: Path, checks: list[Path], damage: str) -> None:
    path = copy_minimal(tmp_path)
    good, _ = exhibit_cache.check(path)
    entry = exhibit_cache.entry_path(path)
    text = entry.read_text(encoding="utf-8")
    if damage == "truncate":
        entry.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "garbage":
        entry.write_bytes(b"\x00\xff not json")
    elif damage == "forged-class":  # JSON only names model classes; anything else is refused
        data = json.loads(text)
        data["exhibit"]["@"] = "os.system"
        entry.write_text(json.dumps(data), encoding="utf-8")
    else:
        data = json.loads(text)
        data["key"] = data["key"].replace("|1|", "|2|", 1) if "|1|" in data["key"] else "stale"
        entry.write_text(json.dumps(data), encoding="utf-8")
    exhibit, _ = exhibit_cache.check(path)
    assert len(checks) == 2  # checked again in full
    assert exhibit == good


def test_an_entry_pointing_outside_the_media_folder_is_deleted_and_rebuilt(tmp_path: Path, checks: list[Path]) -> None:
    path = copy_minimal(tmp_path)
    exhibit_cache.check(path)
    entry = exhibit_cache.entry_path(path)
    outside = tmp_path / "outside.png"
    shutil.copy(tmp_path / "media" / "mini" / "square.png", outside)
    text = entry.read_text(encoding="utf-8").replace(str(tmp_path / "media" / "mini" / "square.png"), str(outside))
    entry.write_text(text, encoding="utf-8")  # as someone with the kiosk account's rights could
    checks.clear()
    exhibit, _ = exhibit_cache.check(path)
    assert checks, "the forged entry was trusted"
    assert exhibit is not None and all(
        image.path.is_relative_to(tmp_path / "media") for s in exhibit.stops for image in s.images
    )
    assert str(outside) not in entry.read_text(encoding="utf-8")  # rebuilt from the real file


def test_new_content_with_the_same_size_and_time_is_noticed(tmp_path: Path, checks: list[Path]) -> None:
    path = copy_minimal(tmp_path)
    exhibit_cache.check(path)
    svg = tmp_path / "media" / "mini" / "scene.svg"
    info = svg.stat()
    data = svg.read_bytes()
    svg.write_bytes(data.replace(b"<svg", b"<SVG", 1) if b"<svg" in data else data[::-1])
    os.utime(svg, ns=(info.st_atime_ns, info.st_mtime_ns))  # size and time as before
    checks.clear()
    exhibit_cache.check(path)
    assert checks, "a changed file was taken on trust"


def test_eras_come_back_from_the_cache(tmp_path: Path, checks: list[Path]) -> None:
    from kiosk.bench.loading import synthetic

    path = synthetic(tmp_path, 40, eras=3)
    first, _ = exhibit_cache.check(path)
    second, _ = exhibit_cache.check(path)
    assert len(checks) == 1
    assert first is not None and second == first and len(second.eras) == 3
    assert second.eras[2].title["en"] == "Era 3" and second.eras[2].holds(second.stops[-1].date.start)
