"""Random edits of a valid file never crash the loader nor make it hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.loader import check_exhibit
from tests.helpers import CORPUS, VALID

TEXT = VALID.read_text(encoding="utf-8")
SNIPPETS = [
    ":",
    "- ",
    "  ",
    "\n",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!!python/object:os.system",
    "'",
    '"',
    "\t",
    "#",
    "1952-02-30",
    "..",
    "/etc/passwd",
    "null",
    "~",
    "---",
    "%YAML 1.1\n",
    "é",
    "\x00",
    "<<: *a",
    "?",
    "|",
    ">",
    "!!binary",
    "0x1F",
    "-1",
    "1e309",
]


@st.composite
def edited(draw: st.DrawFn) -> str:
    text = TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace-line"]))
        if action == "insert":
            piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=8)))
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = draw(st.sampled_from(SNIPPETS)) + lines[index].strip()
            text = "\n".join(lines)
    return text


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=edited())
def test_random_edits_give_an_exhibit_or_located_diagnostics(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz") / "exhibits"
    folder.mkdir()
    path: Path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = check_exhibit(path, media_root=CORPUS / "media")
    assert (result.exhibit is None) == bool(result.errors)
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1 and diagnostic.message
