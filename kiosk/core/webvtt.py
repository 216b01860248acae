"""WebVTT captions: read them, and say where a curator's file is wrong.

Captions are not optional in a museum, so a caption file that a player would
quietly skip must instead be an error a curator can act on, with the line and
column in the caption file. This reads the part of WebVTT that captions use:
the header, cues with an optional identifier, timings ``[HH:]MM:SS.mmm -->
[HH:]MM:SS.mmm`` with optional settings, and the cue's text; NOTE, STYLE and
REGION blocks are skipped. No Qt: the validator and the kiosk share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIME = re.compile(r"(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Cue:
    start: float
    """Seconds from the start of the clip."""
    end: float
    text: str
    """The cue's lines joined by newlines, with WebVTT's <b>, <i>, <v Name> tags removed."""


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Captions:
    cues: tuple[Cue, ...]
    problems: tuple[Problem, ...]

    @property
    def end(self) -> float:
        return last_end(self.cues)

    def at(self, seconds: float) -> str:
        return text_at(self.cues, seconds)


def last_end(cues: tuple[Cue, ...]) -> float:
    """When the last cue ends, in seconds (0 without cues)."""
    return max((cue.end for cue in cues), default=0.0)


def text_at(cues: tuple[Cue, ...], seconds: float) -> str:
    """The caption to show ``seconds`` into the clip ('' between cues)."""
    return "\n".join(cue.text for cue in cues if cue.start <= seconds < cue.end)


def parse(text: str) -> Captions:
    """Every cue, and every problem with its line and column (1-based)."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[Problem] = []
    if not lines[0].startswith("WEBVTT") or lines[0][6:7] not in ("", " ", "\t"):
        problems.append(Problem(1, 1, "a WebVTT file starts with the line 'WEBVTT'"))
        return Captions((), tuple(problems))
    cues: list[Cue] = []
    for number, block in _blocks(lines):
        cue = _cue(number, block, problems)
        if cue is None:
            continue
        if cues and cue.start < cues[-1].start:
            problems.append(Problem(number, 1, f"this cue starts before the one above it ({_clock(cues[-1].start)})"))
        cues.append(cue)
    if not cues and not problems:
        problems.append(Problem(1, 1, "the file holds no captions (no cue with a '-->' timing line)"))
    return Captions(tuple(cues), tuple(problems))


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks after the header, each with its first line's number."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for index, line in enumerate(lines[1:], start=2):
        if line.strip():
            if not current:
                start = index
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    header_ended = not lines[1:] or not lines[1].strip()
    if blocks and not header_ended and blocks[0][0] == 2:
        blocks = blocks[1:]  # header metadata lines (e.g. "Kind: captions") belong to the header
    return [(n, b) for n, b in blocks if not b[0].startswith(("NOTE", "STYLE", "REGION"))]


def _cue(number: int, block: list[str], problems: list[Problem]) -> Cue | None:
    timing_at = 0 if "-->" in block[0] else 1
    if timing_at >= len(block) or "-->" not in block[timing_at]:
        problems.append(Problem(number, 1, "this block has no timing line like '00:00:01.000 --> 00:00:04.000'"))
        return None
    line_number = number + timing_at
    timing = block[timing_at]
    left, _, right = timing.partition("-->")
    start = _time(left.strip(), line_number, 1 + len(left) - len(left.lstrip()), problems)
    right_text = right.strip().split()[0] if right.strip() else ""
    column = len(left) + 3 + len(right) - len(right.lstrip()) + 1
    end = _time(right_text, line_number, column, problems)
    if start is None or end is None:
        return None
    if end <= start:
        problems.append(
            Problem(line_number, column, f"the cue ends ({_clock(end)}) before it starts ({_clock(start)})")
        )
        return None
    text = "\n".join(_TAG.sub("", line) for line in block[timing_at + 1 :]).strip()
    if not text:
        problems.append(Problem(line_number, 1, "this cue has a timing but no words under it"))
        return None
    return Cue(start, end, text)


def _time(value: str, line: int, column: int, problems: list[Problem]) -> float | None:
    match = _TIME.fullmatch(value)
    if match is None:
        problems.append(Problem(line, column, f"'{value}' is not a time like 00:01.500 or 01:02:03.000"))
        return None
    hours, minutes, seconds, millis = (int(group) if group else 0 for group in match.groups())
    if minutes > 59 or seconds > 59:
        problems.append(Problem(line, column, f"'{value}': minutes and seconds go up to 59"))
        return None
    return hours * 3600 + minutes * 60 + seconds + millis / 1000


def _clock(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:06.3f}"
