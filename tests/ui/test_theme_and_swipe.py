"""Colour contrast and swipe rules, checked as arithmetic."""

from __future__ import annotations

import pytest

from kiosk.core.swipe import Gesture, classify
from kiosk.core.theme import HIGH_CONTRAST, NORMAL, TEXT_SIZES, contrast_ratio


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme,target", [(NORMAL, 4.5), (HIGH_CONTRAST, 7.0)], ids=["normal", "high"])
def test_every_text_colour_meets_its_target(theme, target: float) -> None:
    for role, (fg, bg) in theme.text_pairs().items():
        assert contrast_ratio(fg, bg) >= target, f"{theme.name}: {role} is {contrast_ratio(fg, bg):.2f}:1"


def test_body_text_is_at_least_28px_at_1080p_and_sizes_grow() -> None:
    assert TEXT_SIZES[0].body >= 28
    assert [s.body for s in TEXT_SIZES] == sorted({s.body for s in TEXT_SIZES})


@pytest.mark.parametrize(
    "end,seconds,expected",
    [
        ((300, 510), 0.2, Gesture.SWIPE_LEFT),
        ((900, 490), 0.2, Gesture.SWIPE_RIGHT),
        ((505, 505), 0.1, Gesture.TAP),
        ((505, 505), 2.0, Gesture.OTHER),  # a long press
        ((450, 500), 0.1, Gesture.OTHER),  # too short to be a swipe
        ((300, 800), 0.2, Gesture.OTHER),  # mostly vertical: a scroll
        ((300, 500), 3.0, Gesture.OTHER),  # too slow: a drag
    ],
)
def test_swipes_are_told_from_taps_drags_and_scrolls(end, seconds, expected) -> None:
    assert classify((500, 500), end, seconds) is expected
