"""Hostile or accidental input that must be refused quickly and clearly."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kiosk.core.loader import check_exhibit
from kiosk.core.yamlsource import MAX_FILE_BYTES
from tests.helpers import CORPUS, copy_minimal


def test_link_pointing_outside_media_is_refused(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    secret = tmp_path / "secret.png"
    secret.write_bytes((tmp_path / "media" / "mini" / "square.png").read_bytes())
    os.symlink(secret, tmp_path / "media" / "mini" / "link.png")
    exhibit.write_text(exhibit.read_text().replace("mini/square.png", "mini/link.png"))
    errors = check_exhibit(exhibit).errors
    assert len(errors) == 1
    assert "link that points outside the media folder" in errors[0].message


def test_link_inside_media_is_allowed(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    os.symlink(tmp_path / "media" / "mini" / "square.png", tmp_path / "media" / "mini" / "alias.png")
    exhibit.write_text(exhibit.read_text().replace("mini/square.png", "mini/alias.png"))
    assert check_exhibit(exhibit).errors == ()


def test_oversized_file_is_refused_without_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    errors = check_exhibit(big).errors
    assert len(errors) == 1 and (errors[0].line, errors[0].column) == (1, 1)
    assert "at most 4 MB" in errors[0].message


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = CORPUS / "broken" / "alias-bomb.yaml"
    started = time.perf_counter()
    assert "aliases" in check_exhibit(bomb).errors[0].message
    assert time.perf_counter() - started < 1.0  # a bomb that expanded would take minutes


def test_missing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    errors = check_exhibit(tmp_path / "nope.yaml").errors
    assert "cannot read file" in errors[0].message


def test_empty_file_says_what_an_exhibit_needs(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n")
    assert "the file holds only comments; an exhibit needs at least" in check_exhibit(empty).errors[0].message


def test_corrupt_image_with_right_header_passes_validation_for_the_ui_fallback(tmp_path: Path) -> None:
    """A truncated PNG has the right header; the interface shows its fallback."""
    exhibit = copy_minimal(tmp_path)
    exhibit.write_text(exhibit.read_text().replace("mini/square.png", "mini/corrupt.png"))
    assert check_exhibit(exhibit).errors == ()


def test_long_narration_and_sentences_are_warnings(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    long_sentence = " ".join(["word"] * 30) + "."
    text = exhibit.read_text().replace("en: Text of the second stop.", f"en: {' '.join([long_sentence] * 5)}")
    exhibit.write_text(text)
    result = check_exhibit(exhibit)
    assert result.errors == ()
    assert result.exhibit is not None
    messages = [w.message for w in result.warnings]
    assert any("narration has 150 words" in m for m in messages)
    assert sum("sentence of 30 words" in m for m in messages) == 5


def test_stops_out_of_time_order_warn(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    exhibit.write_text(exhibit.read_text().replace("date: 1949", "date: 1960"))
    warnings = check_exhibit(exhibit).warnings
    assert len(warnings) == 1 and "time order" in warnings[0].message


def test_range_of_mixed_precision_is_compared_at_the_shared_precision(tmp_path: Path) -> None:
    """Found by the fuzz test: a day against a bare year once raised TypeError."""
    exhibit = copy_minimal(tmp_path)
    exhibit.write_text(exhibit.read_text().replace("to: 1952-04-11", "to: 1952"))
    assert check_exhibit(exhibit).errors == ()
    exhibit.write_text(exhibit.read_text().replace("to: 1952\n", "to: 1951\n"))
    errors = check_exhibit(exhibit).errors
    assert len(errors) == 1 and "ends (1951) before it starts (1952-04-09)" in errors[0].message


SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'


@pytest.mark.parametrize(
    "inside, found",
    [
        ('<image href="/etc/passwd.png" width="10" height="10"/>', "'/etc/passwd.png', outside the file"),
        ('<image xlink:href="../../../outside/secret.png"/>', "'../../../outside/secret.png'"),
        ('<image href="file:///home/staff/secret.png"/>', "'file:///home/staff/secret.png'"),
        ('<image href="https://example.invalid/x.png"/>', "'https://example.invalid/x.png'"),
        ('<rect style="fill: url(other.svg#p)" width="5" height="5"/>', "'other.svg#p'"),
        ("<style>@import 'more.css';</style>", "imports a style sheet"),
    ],
)
def test_an_svg_that_reaches_outside_itself_is_refused(tmp_path: Path, inside: str, found: str) -> None:
    exhibit = copy_minimal(tmp_path)
    (tmp_path / "media" / "mini" / "scene.svg").write_text(f"{SVG_HEAD}{inside}</svg>")
    errors = check_exhibit(exhibit).errors
    assert errors and any(found in e.message for e in errors), errors


def test_svg_fragments_and_embedded_pictures_are_fine(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    (tmp_path / "media" / "mini" / "scene.svg").write_text(
        f'{SVG_HEAD}<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>'
    )
    assert check_exhibit(exhibit).errors == ()


def test_an_svg_with_entity_expansion_is_refused(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    (tmp_path / "media" / "mini" / "scene.svg").write_text(f"{bomb}{SVG_HEAD}<text>&b;</text></svg>")
    errors = check_exhibit(exhibit).errors
    assert any("declares XML entities" in e.message for e in errors), errors


def test_a_bitmap_larger_than_the_decoder_takes_is_refused(tmp_path: Path) -> None:
    import struct
    import zlib

    exhibit = copy_minimal(tmp_path)
    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 6, 0, 0, 0)
    chunk = struct.pack(">I", len(header)) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    (tmp_path / "media" / "mini" / "square.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk)
    errors = check_exhibit(exhibit).errors
    assert any("30000x30000 pixels" in e.message for e in errors), errors


def test_a_text_too_long_to_lay_out_in_a_frame_is_refused_where_it_is(tmp_path: Path) -> None:
    exhibit = copy_minimal(tmp_path)
    text = exhibit.read_text()
    exhibit.write_text(text.replace("title:\n  es:", f"title:\n  es: {'palabra ' * 1000}\n  xx:", 1))
    errors = [e for e in check_exhibit(exhibit).errors if "characters" in e.message]
    assert errors and errors[0].line == text[: text.index("title:\n  es:")].count("\n") + 2
