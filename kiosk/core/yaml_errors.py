"""YAML syntax errors in words a curator can act on, at the line to change.

PyYAML reports where its parser gave up, which is often lines after the
mistake (an unclosed quote is noticed fifty lines later), in the grammar's
own words ("mapping values are not allowed in this context"). Here each
error is looked at again beside the text: where the mistake most likely is
(the quote that was opened, the line whose colon is missing, the tab), and
what to do about it, in plain words. ``context_block`` shows the line with
one line either side and a caret, as compilers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY_WITHOUT_COLON = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s+\S")
_KEY_WITHOUT_SPACE = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*):(?=[^\s])")
_KEY_VALUE = re.compile(r"^(\s*)(-\s+)?([^\s:#\"'][^:#]*?):(\s+|$)")


@dataclass(frozen=True)
class Explained:
    line: int
    """1-based."""
    column: int
    message: str


def explain(text: str, error: yaml.MarkedYAMLError) -> Explained:
    """Where the mistake behind ``error`` most likely is, and what to do."""
    lines = text.splitlines()
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    problem, context = error.problem or "", error.context or ""
    for rule in (
        _tab,
        _unclosed_quote,
        _unclosed_bracket,
        _value_with_colon,
        _missing_colon_or_space,
        _text_after_quote,
        _lost_dash,
        _indentation,
    ):
        found = rule(lines, line, column, problem, context, error)
        if found is not None:
            return found
    return Explained(
        line + 1, column + 1, f"YAML syntax: {problem or 'invalid YAML'}; check this line and the one before it"
    )


def _at(lines: list[str], line: int) -> str:
    return lines[line] if 0 <= line < len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _tab(lines: list[str], line: int, column: int, problem: str, context: str, _: object) -> Explained | None:
    here = _at(lines, line)
    if "\t" not in here or "cannot start any token" not in problem:
        return None
    where = here.index("\t")
    if not here[:where].strip():
        return Explained(
            line + 1, where + 1, "this line is indented with a tab; YAML needs spaces: replace the tab with spaces"
        )
    return Explained(line + 1, where + 1, "a tab character here; YAML needs spaces: replace it with a space")


def _quote_start(text: str) -> tuple[int, str] | None:
    """Where a quoted value begins on this line (after 'key: ' or '- '), and its quote."""
    match = re.match(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*?:\s+)?([\"'])", text)
    return (match.start(1), match.group(1)) if match else None


def _closes(text: str, start: int, quote: str) -> bool:
    at = start + 1
    while at < len(text):
        if quote == '"' and text[at] == "\\":
            at += 2
            continue
        if text[at] == quote:
            if quote == "'" and text[at + 1 : at + 2] == "'":
                at += 2
                continue
            return True
        at += 1
    return False


def _unclosed_quote(
    lines: list[str], line: int, column: int, problem: str, context: str, error: yaml.MarkedYAMLError
) -> Explained | None:
    if "expected" not in problem and "end of the stream" not in problem:
        return None
    for number in range(min(line + 1, len(lines))):
        found = _quote_start(lines[number])
        if found is None or _closes(lines[number], *found):
            continue
        start, quote = found
        following = _at(lines, number + 1)
        if _KEY_VALUE.match(following) or number == line:  # the next line is YAML again: the quote ran on
            return Explained(
                number + 1,
                start + 1,
                f"the quote opened on line {number + 1} is never closed: add {quote} at the end of the value",
            )
    return None


def _unclosed_bracket(
    lines: list[str], line: int, column: int, problem: str, context: str, error: yaml.MarkedYAMLError
) -> Explained | None:
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    mark = error.context_mark
    if mark is None:
        return None
    opener = "[" if "sequence" in context else "{"
    closer = "]" if opener == "[" else "}"
    return Explained(
        mark.line + 1,
        mark.column + 1,
        f"the {opener} opened on line {mark.line + 1} is never closed: add {closer} at the end of the list",
    )


def _value_with_colon(
    lines: list[str], line: int, column: int, problem: str, context: str, _: object
) -> Explained | None:
    here = _at(lines, line)
    if "mapping values are not allowed" not in problem:
        return None
    key = _KEY_VALUE.match(here)
    if key is None or column <= key.end():
        return None
    value = here[key.end() :].strip()
    return Explained(
        line + 1,
        key.end() + 1,
        f"this value holds ': ', which YAML reads as a new key: put the "
        f'whole value in quotes: {key.group(3)}: "{value}"',
    )


def _missing_colon_or_space(
    lines: list[str], line: int, column: int, problem: str, context: str, _: object
) -> Explained | None:
    if "mapping values are not allowed" not in problem and "could not find expected ':'" not in problem:
        return None
    previous = line - 1
    while previous >= 0 and (not _at(lines, previous).strip() or _at(lines, previous).lstrip().startswith("#")):
        previous -= 1
    text = _at(lines, previous)
    squeezed = _KEY_WITHOUT_SPACE.match(text)
    if squeezed is not None:
        colon = squeezed.end()
        return Explained(
            previous + 1,
            colon,
            f"a space is missing after the colon: write '{squeezed.group(3)}: ' with a space before the value",
        )
    missing = _KEY_WITHOUT_COLON.match(text)
    if missing is not None and ":" not in text.split("#")[0]:
        end = missing.end(3)
        return Explained(
            previous + 1,
            end + 1,
            f"a colon seems to be missing after '{missing.group(3)}': write '{missing.group(3)}: ' before the value",
        )
    return None


def _text_after_quote(
    lines: list[str], line: int, column: int, problem: str, context: str, _: object
) -> Explained | None:
    here = _at(lines, line)
    if "expected" not in problem or column < 1 or column > len(here) or here[column - 1] not in "\"'":
        return None
    return Explained(
        line + 1, column + 1, "unexpected text after the closing quote: remove it, or move it inside the quotes"
    )


def _lost_dash(lines: list[str], line: int, column: int, problem: str, context: str, _: object) -> Explained | None:
    if "expected key" not in problem or not _at(lines, line)[column:].startswith("- "):
        return None
    for number in range(line - 1, -1, -1):  # up to the list's own key ('images:')
        text = _at(lines, number)
        if text.strip() and _indent(text) < column:
            first = number + 1
            while first < line and not _at(lines, first).strip():
                first += 1
            item = _at(lines, first)
            if not item.lstrip().startswith("- "):
                return Explained(
                    first + 1,
                    _indent(item) + 1,
                    f"this item has lost its '- ': the other items of '{text.strip().rstrip(':')}' start with '- '",
                )
            return None
    return None


def _indentation(lines: list[str], line: int, column: int, problem: str, context: str, _: object) -> Explained | None:
    if "expected key" not in problem and "mapping values are not allowed" not in problem:
        return None
    here = _at(lines, line)
    previous = line - 1
    while previous >= 0 and not _at(lines, previous).strip():
        previous -= 1
    above = _at(lines, previous)
    if not here.strip() or not above.strip() or _indent(here) == _indent(above):
        return None
    if abs(_indent(here) - _indent(above)) > 2 or not _KEY_VALUE.match(here):
        return None
    return Explained(
        line + 1,
        1,
        f"this line is indented by {_indent(here)} spaces, the line above by "
        f"{_indent(above)}: keys of one mapping must line up",
    )


def context_block(text: str, line: int, column: int) -> str:
    """The line (1-based) with one line either side and a caret under the column."""
    lines = text.splitlines()
    if not 1 <= line <= max(1, len(lines)):
        return ""
    width = len(str(min(len(lines), line + 1)))
    shown = []
    for number in range(max(1, line - 1), min(len(lines), line + 1) + 1):
        shown.append(f"  {number:>{width}} | {lines[number - 1].expandtabs(4)}")
        if number == line:
            prefix = lines[number - 1][: column - 1].expandtabs(4)
            shown.append(f"  {' ' * width} | {' ' * len(prefix)}^")
    return "\n".join(shown)
