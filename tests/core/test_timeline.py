"""The timeline strip's arithmetic with eras, without Qt: every target a finger
wide, small eras never squeezed out, and the stop under a finger always the one
whose marker is there."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.bench.loading import synthetic
from kiosk.core.loader import load_exhibit
from kiosk.core.timeline import era_runs, layout, segment_of, stop_at, stop_x

TARGET = 88.0


def runs_of(sizes: list[int]) -> list[tuple[range, int | None]]:
    runs, start = [], 0
    for number, size in enumerate(sizes):
        runs.append((range(start, start + size), number if number % 3 else None))  # some stretches between eras
        start += size
    return runs


@given(
    sizes=st.lists(st.integers(1, 400), min_size=1, max_size=12),
    width=st.floats(300, 4000),
)
def test_eras_share_the_strip_without_a_target_under_a_finger(sizes: list[int], width: float) -> None:
    count = sum(sizes)
    runs = runs_of(sizes)
    segments = layout(count, width, TARGET, runs)
    assert segments[0].left == 0 and abs(segments[-1].right - width) < 1e-6
    assert all(abs(a.right - b.left) < 1e-6 for a, b in pairwise(segments))  # no gap, no overlap
    assert [i for segment in segments for i in segment.stops] == list(range(count))  # every stop, in order
    if count * TARGET > width:
        assert all(segment.right - segment.left >= TARGET - 1e-6 for segment in segments)
    if len(runs) * TARGET <= width < count * TARGET:
        for stops, era in runs:  # each era keeps its own segments
            assert {segment.era for segment in segments if segment.stops.start in stops} == {era}


@given(sizes=st.lists(st.integers(1, 300), min_size=1, max_size=8), width=st.floats(500, 3000))
def test_the_stop_under_a_finger_is_the_one_whose_marker_is_there(sizes: list[int], width: float) -> None:
    count = sum(sizes)
    segments = layout(count, width, TARGET, runs_of(sizes))
    for index in range(0, count, max(1, count // 50)):
        assert stop_at(segments, stop_x(segments, index)) == index
        assert index in segments[segment_of(index, segments)].stops
    assert stop_at(segments, -5) == 0 and stop_at(segments, width + 5) == count - 1


def test_a_short_era_gets_a_finger_wide_target_beside_long_ones(tmp_path: Path) -> None:
    exhibit = load_exhibit(synthetic(tmp_path, 2000, eras=8))
    runs = era_runs(exhibit)
    assert [era for _, era in runs] == list(range(8))
    segments = layout(2000, 1800, TARGET, runs)
    first = [s for s in segments if s.era == 0]
    assert len(runs[0][0]) < 2000 * TARGET / 1800  # in proportion it would be narrower than a finger
    assert first[-1].right - first[0].left >= TARGET
    assert len([s for s in segments if s.era == 7]) > 1  # a long era is cut into periods, for precision


def test_a_stop_on_the_date_two_eras_share_belongs_to_the_later(tmp_path: Path) -> None:
    path = synthetic(tmp_path, 30, eras=0)  # stops in 1800, 1801, 1802
    text = path.read_text().replace(
        "credits:",
        "eras:\n  - title: {es: Antes, en: Before}\n    from: 1800\n    to: 1801\n"
        "  - title: {es: Después, en: After}\n    from: 1801\n    to: 1802\ncredits:",
    )
    path.write_text(text)
    exhibit = load_exhibit(path)
    assert [(len(stops), era) for stops, era in era_runs(exhibit)] == [(10, 0), (20, 1)]
