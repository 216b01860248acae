"""The timeline strip's arithmetic, apart from drawing it: which stops share a
target when they do not fit one each, how an exhibit's eras share the strip,
which stop is under a finger, and which labels fit without overlapping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.core.model import Exhibit


@dataclass(frozen=True)
class Segment:
    """A stretch of the strip: the consecutive stops it holds, where it lies, and
    the exhibit era it belongs to (an index into ``exhibit.eras``, or None)."""

    stops: range
    left: float
    right: float
    era: int | None = None


Run = tuple[range, int | None]
"""Consecutive stops and the era that holds them (None between eras)."""


def era_runs(exhibit: Exhibit) -> list[Run]:
    """The stops cut where the era that holds them changes; no eras, no runs."""
    if not exhibit.eras:
        return []
    last = len(exhibit.eras) - 1
    owners = [  # the latest era that holds the stop: on a date two eras share, the new one has begun
        next((last - n for n, era in enumerate(reversed(exhibit.eras)) if era.holds(stop.date.start)), None)
        for stop in exhibit.stops
    ]
    runs: list[Run] = []
    start = 0
    for index in range(1, len(owners) + 1):
        if index == len(owners) or owners[index] != owners[start]:
            runs.append((range(start, index), owners[start]))
            start = index
    return runs


def layout(count: int, width: float, target: float, runs: Sequence[Run] = ()) -> list[Segment]:
    """The strip's segments, each at least ``target`` wide: one stop each while they
    fit; else, when the exhibit has eras and each can have a target, every era gets a
    share of the width by its number of stops (never under a target) cut into
    periods; else equal periods."""
    if count <= 0 or width <= 0:
        return []
    if width / count >= target or not runs or len(runs) * target > width:
        return _cut(range(count), 0.0, width, target, None)
    segments = []
    left = 0.0
    for (stops, era), share in zip(runs, _shares([len(stops) for stops, _ in runs], width, target), strict=True):
        segments += _cut(stops, left, share, target, era)
        left += share
    return segments


def _cut(stops: range, left: float, width: float, target: float, era: int | None) -> list[Segment]:
    """A stretch of ``width`` cut into periods of equal width (so each is at least a
    target, whatever number of stops it holds)."""
    groups = periods(len(stops), width, target)
    slot = width / len(groups)
    return [
        Segment(range(stops.start + group.start, stops.start + group.stop), left + n * slot, left + (n + 1) * slot, era)
        for n, group in enumerate(groups)
    ]


def _shares(sizes: Sequence[int], width: float, target: float) -> list[float]:
    """Widths in proportion to ``sizes``, but none under ``target`` (the caller makes
    sure ``len(sizes) * target <= width``): the small ones get a target, the rest share
    what is left, until none is too small."""
    fixed: set[int] = set()
    while True:
        rest = sum(size for number, size in enumerate(sizes) if number not in fixed)
        free = width - target * len(fixed)
        shares = [target if number in fixed else free * size / rest for number, size in enumerate(sizes)]
        small = {number for number, share in enumerate(shares) if number not in fixed and share < target}
        if not small:
            return shares
        fixed |= small


def segment_at(segments: Sequence[Segment], x: float) -> int:
    """The number of the segment under ``x`` (the ends hold what lies beyond them)."""
    for number, segment in enumerate(segments):
        if x < segment.right:
            return number
    return len(segments) - 1


def stop_at(segments: Sequence[Segment], x: float) -> int:
    """The stop under a finger at ``x``: each stop owns an equal slice of its segment."""
    if not segments:
        return 0
    segment = segments[segment_at(segments, x)]
    share = (x - segment.left) / max(1e-9, segment.right - segment.left)
    return segment.stops.start + min(len(segment.stops) - 1, max(0, int(share * len(segment.stops))))


def stop_x(segments: Sequence[Segment], index: int) -> float:
    """The middle of a stop's slice: where its marker is drawn."""
    segment = segments[segment_of(index, segments)]
    slot = (segment.right - segment.left) / len(segment.stops)
    return segment.left + (index - segment.stops.start + 0.5) * slot


def segment_of(index: int, segments: Sequence[Segment]) -> int:
    return next((number for number, segment in enumerate(segments) if index in segment.stops), 0)


def periods(count: int, width: float, target: float) -> list[range]:
    """Consecutive stops in groups whose slice of the strip is at least ``target`` wide:
    one stop a group while they fit, else as many equal groups as the width allows."""
    if count <= 0 or width <= 0:
        return []
    if width / count >= target:
        return [range(i, i + 1) for i in range(count)]
    groups = max(1, int(width // target))
    bounds = [round(i * count / groups) for i in range(groups + 1)]
    return [range(bounds[i], bounds[i + 1]) for i in range(groups) if bounds[i] < bounds[i + 1]]


def labels_that_fit(spans: Sequence[tuple[float, float]], width: float, keep: int | None = None) -> list[bool]:
    """Which labels (each a (left, right) span) can be drawn without overlapping each
    other or the strip's ends; ``keep`` (the current one) is always drawn, the others
    give way to it."""
    shown = [False] * len(spans)
    taken: list[tuple[float, float]] = []
    order = ([keep] if keep is not None and 0 <= keep < len(spans) else []) + [
        i for i in range(len(spans)) if i != keep
    ]
    for i in order:
        left, right = spans[i]
        if left < 0 or right > width or any(left < end and right > start for start, end in taken):
            continue
        taken.append((left, right))
        shown[i] = True
    return shown
