"""Exhibits of 300 and 2,000 stops: a timeline strip that stays legible and precise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.bench.loading import synthetic
from kiosk.core import events as ev
from tests.ui.conftest import Kiosk, make_kiosk


@pytest.fixture(
    params=[(300, 0), (2000, 0), (2000, 6)], ids=lambda p: f"{p[0]}-stops" + (f"-{p[1]}-eras" if p[1] else "")
)
def long_kiosk(qtbot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Kiosk]:
    stops, eras = request.param
    yield from on_first_stop(qtbot, synthetic(tmp_path, stops, eras=eras))


def on_first_stop(qtbot, exhibit: Path) -> Iterator[Kiosk]:
    kiosk = make_kiosk(qtbot, exhibit)
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
    assert strip.bubble.text().split("\n")[-1] == strip.names[under]  # which stop, before the finger lifts
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


def test_a_keypad_moves_by_period_on_the_strip_and_by_stop_elsewhere(long_kiosk: Kiosk) -> None:
    from tests.ui.test_accessibility import focus_to, press

    strip = long_kiosk.window.stop.strip
    focus_to(long_kiosk, strip)
    groups = strip.groups()
    press(long_kiosk, Qt.Key.Key_Right)
    assert long_kiosk.state.stop == groups[1].start  # a period on
    press(long_kiosk, Qt.Key.Key_Right)
    assert long_kiosk.state.stop == groups[2].start
    press(long_kiosk, Qt.Key.Key_Left)
    assert long_kiosk.state.stop == groups[1].start
    long_kiosk.window.stop.image.setFocus()
    press(long_kiosk, Qt.Key.Key_Right)
    assert long_kiosk.state.stop == groups[1].start + 1  # elsewhere, a stop on


def test_the_home_list_jumps_to_a_period(long_kiosk: Kiosk) -> None:
    long_kiosk.send(ev.Home())
    long_kiosk.settle()
    home = long_kiosk.window.home
    assert 2 <= len(home.period_buttons) <= 6
    assert all(min(b.width(), b.height()) >= 64 for b in home.period_buttons)
    from kiosk.ui.curator.layout_check import clipped_texts

    assert not [p for p in clipped_texts(home) if p.startswith("button")]  # no label cut
    home.period_buttons[2].click()
    bar = home.list_area.verticalScrollBar()
    first_row = home.rows[home.period_starts[2]]
    first = long_kiosk.exhibit.stops[home.period_starts[2]]
    eras = [era.title["es"] for era in long_kiosk.exhibit.eras if era.holds(first.date.start)]
    assert home.period_buttons[2].text() in [str(first.date.start.year), *eras]  # its year, or its era's name
    assert bar.value() > 0  # the list moved on
    assert first_row.y() - bar.value() == 0 or bar.value() == bar.maximum()  # its period's first stop on top


@pytest.fixture
def era_kiosk(qtbot, tmp_path: Path) -> Iterator[Kiosk]:
    yield from on_first_stop(qtbot, synthetic(tmp_path, 2000, eras=6))


def test_eras_name_their_stretch_of_the_strip(era_kiosk: Kiosk) -> None:
    strip = era_kiosk.window.stop.strip
    eras = era_kiosk.exhibit.eras
    texts = [text for _box, text in strip.label_boxes()]
    assert texts[0] == "Época 1"  # the current era's name is always drawn
    assert set(texts) <= {era.title["es"] for era in eras}
    first = [s for s in strip.segments() if s.era == 0]  # 10 of 2,000 stops: still a finger wide
    assert first[-1].right - first[0].left >= 64
    era_kiosk.send(ev.Jump(1990))
    era_kiosk.settle()
    assert "Época 6" in [text for _box, text in strip.label_boxes()]
    assert strip.current_label is not None and (strip.current_label, "Época 6") in strip.label_boxes()  # highlighted
    assert strip.accessibleDescription().startswith("Época 6. ")  # a screen reader says the era too


def test_scrubbing_on_an_era_says_which_era_and_stop(era_kiosk: Kiosk) -> None:
    strip = era_kiosk.window.stop.strip
    y = strip.height() // 3
    end = QPoint(int(strip.width() * 0.9), y)
    QTest.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(40, y))
    QTest.mouseMove(strip, end)
    under = strip.index_at(end.x())
    era = next(e for e in era_kiosk.exhibit.eras if e.holds(era_kiosk.exhibit.stops[under].date.start))
    assert strip.bubble is not None and strip.bubble.text() == f"{era.title['es']}\n{strip.names[under]}"
    era_kiosk.clock.advance(1)
    QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=end)
    assert era_kiosk.state.stop == under


def test_the_home_list_has_a_button_per_era(era_kiosk: Kiosk) -> None:
    era_kiosk.send(ev.Home())
    era_kiosk.settle()
    home = era_kiosk.window.home
    assert [b.text() for b in home.period_buttons] == [f"Época {n}" for n in range(1, 7)]
    assert all(min(b.width(), b.height()) >= 64 for b in home.period_buttons)
    home.period_buttons[3].click()
    bar = home.list_area.verticalScrollBar()
    assert home.rows[home.period_starts[3]].y() == bar.value()
    assert era_kiosk.exhibit.eras[3].holds(era_kiosk.exhibit.stops[home.period_starts[3]].date.start)


def test_another_language_on_a_long_home_list_keeps_its_rows(era_kiosk: Kiosk) -> None:
    """2,000 rows made anew held the screen still for seconds; they are reworded instead."""
    era_kiosk.send(ev.Home())
    era_kiosk.settle()
    home = era_kiosk.window.home
    rows = list(home.rows)
    era_kiosk.send(ev.SetLanguage("en"), ev.SetTextSize(2))
    era_kiosk.settle()
    assert home.rows == rows and all(a is b for a, b in zip(home.rows, rows, strict=True))
    last = era_kiosk.exhibit.stops[-1]
    assert home.rows[-1].accessibleName() == f"{last.date.label('en')}. {last.title['en']}"
    width = home.list_area.viewport().width()
    assert all(row.height() == row.heightForWidth(width) for row in home.rows[:50])  # laid out for the new size
    assert [b.text() for b in home.period_buttons][:2] == ["Era 1", "Era 2"]


def test_the_period_buttons_follow_the_text_size(long_kiosk: Kiosk) -> None:
    """Years stay the same labels at another text size; the buttons must still grow."""
    long_kiosk.send(ev.Home())
    long_kiosk.settle()
    home = long_kiosk.window.home
    before = home.period_buttons[0].font().pixelSize()
    long_kiosk.send(ev.SetTextSize(2))
    long_kiosk.settle()
    assert home.period_buttons[0].font().pixelSize() > before


def test_each_period_on_the_strip_is_a_named_place_for_a_screen_reader(long_kiosk: Kiosk) -> None:
    strip = long_kiosk.window.stop.strip
    groups = strip.groups()
    assert len(strip.places) == len(groups)
    place, group = strip.places[3], groups[3]
    assert place.accessibleName() == f"{strip.names[group.start]} … {strip.names[group.stop - 1]}"
    long_kiosk.clock.advance(1)
    place.click()
    assert long_kiosk.state.stop == group.start
