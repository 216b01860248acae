"""A picture with words in it (a map and its place names) can have a file per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core import exhibit_cache
from kiosk.core.exhibit_format import json_schema
from kiosk.core.loader import check_exhibit
from tests.helpers import copy_minimal

PER_LANGUAGE = "      - file:\n          es: mini/scene.svg\n          en: mini/square.png\n"


def with_file(tmp_path: Path, replacement: str) -> Path:
    path = copy_minimal(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.count("      - file: mini/scene.svg\n") == 1
    path.write_text(text.replace("      - file: mini/scene.svg\n", replacement), encoding="utf-8")
    return path


def test_each_language_gets_its_own_file(tmp_path: Path) -> None:
    result = check_exhibit(with_file(tmp_path, PER_LANGUAGE))
    assert result.errors == ()
    assert result.exhibit is not None
    image = result.exhibit.stops[0].images[0]
    media = tmp_path / "media" / "mini"
    assert (image.path_for("es"), image.path_for("en")) == (media / "scene.svg", media / "square.png")
    assert image.file == "mini/scene.svg" and image.path == media / "scene.svg"  # the default language's
    assert image.paths() == (media / "scene.svg", media / "square.png")


def test_one_file_serves_every_language(tmp_path: Path) -> None:
    result = check_exhibit(copy_minimal(tmp_path))
    assert result.exhibit is not None
    image = result.exhibit.stops[0].images[0]
    assert image.path_for("en") == image.path_for("es") == image.path and image.paths() == (image.path,)


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        ("      - file:\n          es: mini/scene.svg\n", "missing translation: no 'en' text"),
        (PER_LANGUAGE + "          fr: mini/scene.svg\n", "'fr' is not one of this exhibit's languages (es, en)"),
        (
            "      - file:\n          es: mini/scene.svg\n          en: mini/absent.svg\n",
            "media file not found: 'mini/absent.svg'",
        ),
        ("      - file:\n          es: mini/scene.svg\n          en: ../outside.svg\n", "outside"),
        ("      - file:\n          es: mini/scene.svg\n          en: mini/not-really.png\n", "is named .png but"),
    ],
)
def test_a_wrong_file_per_language_is_a_located_error(tmp_path: Path, replacement: str, message: str) -> None:
    path = with_file(tmp_path, replacement)
    result = check_exhibit(path)
    assert result.exhibit is None
    (error,) = result.errors
    assert message in error.message
    first = path.read_text(encoding="utf-8").splitlines().index("      - file:") + 1
    assert first <= error.line <= first + 3


def test_the_kept_copy_of_a_checked_exhibit_keeps_the_files_per_language(tmp_path: Path) -> None:
    path = with_file(tmp_path, PER_LANGUAGE)
    first = exhibit_cache.check(path, folder=tmp_path / "cache")[0]
    again = exhibit_cache.check(path, folder=tmp_path / "cache")[0]
    assert first is not None and again == first
    assert again.stops[0].images[0].path_for("en").name == "square.png"


def test_the_schema_allows_one_file_or_one_per_language() -> None:
    stop = json_schema()["properties"]["stops"]["items"]
    image = stop["properties"]["images"]["items"]["properties"]["file"]
    one, per_language = image["oneOf"]
    assert one["type"] == "string" and per_language["type"] == "object"
