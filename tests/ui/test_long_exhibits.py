"""Exhibits of 300 and 2,000 stops: a timeline strip that stays legible and precise."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.bench.loading import synthetic
from kiosk.core import events as ev
from tests.ui.conftest import Kiosk, make_kiosk


@pytest.fixture(params=[300, 2000], ids=lambda n: f"{n}-stops")
def long_kiosk(qtbot, tmp_path: Path, request: pytest.FixtureRequest):
    kiosk = make_kiosk(qtbot, synthetic(tmp_path, request.param))
    kiosk.send(ev.Touch(), ev.OpenStop(0))
    kiosk.settle()
    yield kiosk
    kiosk.controller.stop()
    kiosk.store.wait()


def test_every_target_on_the_strip_is_a_finger_wide_and_no_label_overlaps(long_kiosk: Kiosk) -> None:
    strip = long_kiosk.window.stop.strip
    assert strip.grouped()
    spans = [strip.span_of(group) for group in strip.groups()]
    assert all(right - left >= 64 for left, right in spans)
    assert sum(len(group) for group in strip.groups()) == len(long_kiosk.exhibit.stops)  # every stop in a period
    boxes = [box for box, _text in strip.label_boxes()]
    assert boxes, "no year at all on the strip"
    for number, box in enumerate(boxes):
        assert box.left() >= 0 and box.right() <= strip.width(), "a label is cut at the strip's end"
        assert all(not box.intersects(other) for other in boxes[number + 1 :]), "labels overlap"


def test_scrubbing_names_the_stop_under_the_finger_and_opens_it(long_kiosk: Kiosk) -> None:
    strip = long_kiosk.window.stop.strip
    y = strip.height() // 3
    start, end = QPoint(40, y), QPoint(int(strip.width() * 0.61), y)
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(strip, QPoint(200, y))
    QTest.mouseMove(strip, end)
    under = strip.index_at(end.x())
    assert strip.bubble is not None and strip.bubble.isVisible()
    assert strip.bubble.text() == strip.names[under]  # which stop, before the finger lifts
    long_kiosk.clock.advance(1)
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=end)
    assert long_kiosk.state.stop == under
    assert not strip.bubble.isVisible()


def test_a_tap_on_a_period_opens_its_first_stop(long_kiosk: Kiosk) -> None:
    strip = long_kiosk.window.stop.strip
    group = strip.groups()[5]
    left, right = strip.span_of(group)
    long_kiosk.clock.advance(1)
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(int((left + right) / 2), strip.height() // 3))
    assert long_kiosk.state.stop == group.start
