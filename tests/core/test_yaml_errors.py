"""Syntax errors a curator can act on: the line to change, plain words, the lines around it.

Each case is a mistake curators make, made in the bundled exhibit (the stop
'tin-barons', whose Spanish title is on line 57), and each asserts the exact
line, column, message and context block the curator sees.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.config import load_config
from kiosk.core.diagnostics import Diagnostic, ExhibitError
from kiosk.core.loader import check_exhibit
from tests.helpers import BUNDLED, REPO

SOURCE = BUNDLED.read_text(encoding="utf-8").splitlines(keepends=True)
assert SOURCE[56] == "      es: Un país del estaño\n", "the cases below are written against this line"


def changed(line: int, text: str) -> str:
    lines = list(SOURCE)
    lines[line - 1] = text
    return "".join(lines)


def first_problem(tmp_path: Path, text: str | bytes) -> Diagnostic:
    path = tmp_path / "exhibits" / "bolivia-1952.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    result = check_exhibit(path, REPO / "media")
    return next(d for d in result.diagnostics if d.is_error or not result.errors)


def block(*rows: str) -> str:
    return "\n".join(rows)


CASES = {
    "a tab before es:": (
        changed(57, "\tes: Un país del estaño\n"),
        57,
        1,
        "this line is indented with a tab; YAML needs spaces: replace the tab with spaces",
        block(
            "  56 |     title:", "  57 |     es: Un país del estaño", "     | ^", "  58 |       en: A country of tin"
        ),
    ),
    "the colon forgotten": (
        changed(57, '      es "Un país del estaño"\n'),
        57,
        9,
        "a colon seems to be missing after 'es': write 'es: ' before the value",
        block(
            "  56 |     title:",
            '  57 |       es "Un país del estaño"',
            "     |         ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "the closing quote forgotten": (
        changed(57, '      es: "Un país del estaño\n'),
        57,
        11,
        'the quote opened on line 57 is never closed: add " at the end of the value',
        block(
            "  56 |     title:",
            '  57 |       es: "Un país del estaño',
            "     |           ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "a single quote never closed": (
        changed(57, "      es: 'Un país del estaño\n"),
        57,
        11,
        "the quote opened on line 57 is never closed: add ' at the end of the value",
        block(
            "  56 |     title:",
            "  57 |       es: 'Un país del estaño",
            "     |           ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "a key one space too few": (
        changed(58, "     en: A country of tin\n"),
        58,
        1,
        "this line is indented by 5 spaces, the line above by 6: keys of one mapping must line up",
        block(
            "  57 |       es: Un país del estaño",
            "  58 |      en: A country of tin",
            "     | ^",
            "  59 |     narration:",
        ),
    ),
    "an unclosed bracket": (
        changed(52, "      to: [1952\n"),
        52,
        11,
        "the [ opened on line 52 is never closed: add ] at the end of the list",
        block("  51 |       from: 1900", "  52 |       to: [1952", "     |           ^", "  53 |       display:"),
    ),
    "a list item without its dash": (
        changed(74, "        file: bolivia-1952/tin-mine.svg\n"),
        74,
        9,
        "this item has lost its '- ': the other items of 'images' start with '- '",
        block(
            "  73 |     images:",
            "  74 |         file: bolivia-1952/tin-mine.svg",
            "     |         ^",
            "  75 |         alt:",
        ),
    ),
    "a value with a colon in it": (
        changed(57, "      es: Nota: ver abajo\n"),
        57,
        11,
        "this value holds ': ', which YAML reads as a new key: put the whole value in quotes: es: \"Nota: ver abajo\"",
        block(
            "  56 |     title:",
            "  57 |       es: Nota: ver abajo",
            "     |           ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "es: given twice": (
        changed(58, "      es: Otra vez\n"),
        57,
        7,
        "missing translation: no 'en' text",
        block(
            "  56 |     title:", "  57 |       es: Un país del estaño", "     |       ^", "  58 |       es: Otra vez"
        ),
    ),
    "a key in the wrong case": (
        changed(57, "      Es: Un país del estaño\n"),
        57,
        7,
        "'Es' is not one of this exhibit's languages (es, en); did you mean 'es'? (language codes are lower case)",
        block(
            "  56 |     title:",
            "  57 |       Es: Un país del estaño",
            "     |       ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "a stray character after the closing quote": (
        changed(57, '      es: "Un país del estaño"x\n'),
        57,
        31,
        "unexpected text after the closing quote: remove it, or move it inside the quotes",
        block(
            "  56 |     title:",
            '  57 |       es: "Un país del estaño"x',
            "     |                               ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "no space after the colon": (
        changed(57, '      es:"Un país del estaño"\n'),
        57,
        9,
        "a space is missing after the colon: write 'es: ' with a space before the value",
        block(
            "  56 |     title:",
            '  57 |       es:"Un país del estaño"',
            "     |         ^",
            "  58 |       en: A country of tin",
        ),
    ),
    "an empty file": (
        "",
        1,
        1,
        "the file is empty; an exhibit needs at least 'format', 'id', 'languages' and "
        "'stops' (kiosk new makes a start)",
        "",
    ),
    "a file that is only a comment": (
        "# Bolivia, to be written\n",
        1,
        1,
        "the file holds only comments; an exhibit needs at least 'format', "
        "'id', 'languages' and 'stops' (kiosk new makes a start)",
        "",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_curators_mistake_is_shown_where_it_is_in_plain_words(tmp_path: Path, case: str) -> None:
    text, line, column, message, context = CASES[case]
    problem = first_problem(tmp_path, text)
    assert (problem.line, problem.column, problem.message) == (line, column, message)
    assert problem.context == context
    assert f":{line}:{column}: error: {message}" in str(problem)  # the first line editors jump to


def test_the_first_line_stays_file_line_column_for_editors(tmp_path: Path) -> None:
    problem = first_problem(tmp_path, changed(57, '      es: "Un país del estaño\n'))
    first, *rest = problem.full().splitlines()
    assert first.endswith(':57:11: error: the quote opened on line 57 is never closed: add " at the end of the value')
    assert rest[1] == '  57 |       es: "Un país del estaño'


def test_a_tab_inside_a_flow_list_is_a_located_warning(tmp_path: Path) -> None:
    path = tmp_path / "exhibits" / "bolivia-1952.yaml"
    path.parent.mkdir()
    path.write_text(changed(52, "      to: [1952,\t1953]\n"), encoding="utf-8")
    warnings = [d for d in check_exhibit(path, REPO / "media").warnings if "tab" in d.message]
    assert [(w.line, w.column, w.message) for w in warnings] == [
        (52, 17, "a tab character: editors show tabs differently, so use spaces")
    ]


def test_a_file_in_another_encoding_says_which_and_how_to_save_it(tmp_path: Path) -> None:
    problem = first_problem(tmp_path, "".join(SOURCE).encode("cp1252", "replace"))
    assert problem.message.startswith("the file seems to be saved as Windows-1252")
    assert "save it as UTF-8" in problem.message
    utf16 = first_problem(tmp_path, "".join(SOURCE).encode("utf-16"))
    assert utf16.message.startswith("the file is saved as UTF-16; save it as UTF-8")


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "exhibits" / "bolivia-1952.yaml"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf" + "".join(SOURCE).replace("\n", "\r\n").encode("utf-8"))
    assert check_exhibit(path, REPO / "media").errors == ()


def test_the_configuration_file_gets_the_same_help(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text('idle_timeout: 120\ndefault_language: "es\nvolume: 80\n', encoding="utf-8")
    with pytest.raises(ExhibitError) as caught:
        load_config(config, required=True)
    problem = caught.value.diagnostics[0]
    assert (problem.line, problem.column) == (2, 19)
    assert problem.message == 'the quote opened on line 2 is never closed: add " at the end of the value'
    assert problem.context.splitlines()[1] == '  2 | default_language: "es'


def test_validate_speaks_json_for_editors_and_scripts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "exhibits" / "bolivia-1952.yaml"
    path.parent.mkdir()
    path.write_text(changed(57, '      es "Un país del estaño"\n'), encoding="utf-8")
    assert main(["validate", "--format", "json", str(path), "--media", str(REPO / "media")]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["summary"]["errors"] == 1
    (diagnostic,) = found["diagnostics"]
    assert diagnostic["line"] == 57 and diagnostic["column"] == 9 and diagnostic["severity"] == "error"
    assert set(diagnostic) == {"file", "line", "column", "end", "severity", "message", "context"}
