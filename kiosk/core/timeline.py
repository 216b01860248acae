"""The timeline strip's arithmetic, apart from drawing it: which stops share a
target when they do not fit one each, which stop is under a finger, and which
year labels fit without overlapping."""

from __future__ import annotations

from collections.abc import Sequence


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


def index_at(x: float, width: float, count: int) -> int:
    """The stop under a finger at ``x``: every stop owns an equal slice of the strip."""
    if count <= 0 or width <= 0:
        return 0
    return min(count - 1, max(0, int(x / width * count)))


def group_of(index: int, groups: Sequence[range]) -> int:
    return next((number for number, group in enumerate(groups) if index in group), 0)


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
