"""Reading a curator's YAML file into a node tree, refusing anything unsafe.

We never construct Python objects from YAML. We compose the node tree (which
keeps every value's line and column) after a cheap event scan that refuses
aliases (the "billion laughs" bomb needs them) and explicit tags (the road to
``!!python/object``). The C parser is used when PyYAML was built with it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kiosk.core.diagnostics import Diagnostic, ExhibitError, Severity
from kiosk.core.yaml_errors import context_block, explain

MAX_FILE_BYTES = 4 * 1024 * 1024
"""Exhibit files are text written by hand; anything larger is a mistake."""

_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}

try:  # pragma: no cover - depends on how PyYAML was built
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def _error(file: str, line: int, column: int, message: str) -> ExhibitError:
    return ExhibitError([Diagnostic(file, line, column, Severity.ERROR, message)])


def read_text(path: Path, display_name: str) -> str:
    """The file's text, or an ExhibitError for size and encoding problems."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _error(
                display_name,
                1,
                1,
                f"file is {size / 1e6:.1f} MB; exhibit files may be at most {MAX_FILE_BYTES // (1024 * 1024)} MB",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _error(display_name, 1, 1, f"cannot read file: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise _error(
                display_name,
                1,
                1,
                "the file is saved as UTF-16; save it as UTF-8 (in your editor: "
                "Save As, then choose the encoding UTF-8)",
            ) from None
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        guess = _guess_encoding(data)
        if guess is not None:
            raise _error(
                display_name,
                line,
                column,
                f"the file seems to be saved as {guess}, not UTF-8 "
                f"(byte 0x{data[exc.start]:02x} here); save it as UTF-8 (in your editor: Save As, "
                "then choose the encoding UTF-8)",
            ) from None
        raise _error(
            display_name,
            line,
            column,
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
        ) from None


def _guess_encoding(data: bytes) -> str | None:
    """The likeliest encoding of a file that is not UTF-8, from what a curator's editor saves."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "Windows-1252 (Latin-1, the old Windows and Excel default)"


def compose(text: str, display_name: str) -> yaml.Node | None:
    """Compose one YAML document into nodes; None for an empty file."""
    try:
        _refuse_unsafe_events(text, display_name)
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        found = explain(text, exc)
        raise ExhibitError(
            [
                Diagnostic(
                    display_name,
                    found.line,
                    found.column,
                    Severity.ERROR,
                    found.message,
                    context=context_block(text, found.line, found.column),
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise _error(display_name, 1, 1, f"YAML syntax: {exc}") from None
    except ExhibitError as exc:
        raise ExhibitError([d.with_context(text) for d in exc.diagnostics]) from None
    if len(documents) > 1:
        mark = documents[1].start_mark
        raise ExhibitError(
            [
                Diagnostic(
                    display_name,
                    mark.line + 1,
                    mark.column + 1,
                    Severity.ERROR,
                    "an exhibit file holds one YAML document; remove the extra '---'",
                    context=context_block(text, mark.line + 1, mark.column + 1),
                )
            ]
        )
    return documents[0] if documents else None


def tab_warnings(text: str, display_name: str) -> list[Diagnostic]:
    """Tabs where YAML allowed them: each editor shows them differently, so a curator
    cannot see what lines up; spaces always line up."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            column = line.index("\t") + 1
            found.append(
                Diagnostic(
                    display_name,
                    number,
                    column,
                    Severity.WARNING,
                    "a tab character: editors show tabs differently, so use spaces",
                    context=context_block(text, number, column),
                )
            )
    return found


def only_comments(text: str) -> bool:
    """The file has comments but nothing else."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("#") for line in lines)


_MAYBE_UNSAFE = re.compile(r"(?:^|[\s\[{,:?-])[*!&]", re.MULTILINE)
"""Where an alias (*a), a tag (!x) or an anchor (&a) could begin. Text without
one cannot hold a bomb or an object tag, so it skips the event scan."""


def _refuse_unsafe_events(text: str, display_name: str) -> None:
    if not _MAYBE_UNSAFE.search(text):
        return
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if isinstance(event, yaml.AliasEvent):
            raise _error(
                display_name,
                line,
                column,
                f"aliases (*{event.anchor}) are not allowed in exhibit files; write the value out in full",
            )
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _error(
                display_name,
                line,
                column,
                f"YAML tags such as '{shown}' are not allowed in exhibit files",
            )
