"""The command line a curator uses: exit codes and printed lines."""

from __future__ import annotations

import json

import pytest

from kiosk.cli import main
from tests.helpers import CORPUS, VALID


def test_validate_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(VALID)]) == 0
    assert capsys.readouterr().out.strip() == "1 file checked: 0 errors, 0 warnings (valid)"


def test_validate_broken_file_exits_1_with_file_line_col(capsys: pytest.CaptureFixture[str]) -> None:
    broken = CORPUS / "broken" / "many-errors.yaml"
    assert main(["validate", str(VALID), str(broken)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].endswith(
        "many-errors.yaml:13:1: error: unknown key 'subtitel' in exhibit; did you mean 'subtitle'?"
    )
    assert lines[-1] == "2 files checked: 3 errors, 0 warnings (invalid)"


def test_validate_without_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert "usage" in capsys.readouterr().err


def test_schema_is_json_naming_every_top_level_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert {"format", "id", "languages", "stops", "credits"} <= set(schema["required"])
    stop = schema["properties"]["stops"]["items"]
    assert set(stop["properties"]) == {"id", "date", "title", "narration", "images", "audio", "media", "sources"}


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import COMMANDS

    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)


def test_a_command_builds_only_its_own_options_yet_helps_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--kiosk" in out and "--show-cursor" in out


def test_an_unknown_command_is_a_usage_error_naming_the_real_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rum"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'rum'" in err and "'run'" in err
