"""What a kiosk tells Prometheus, from the navigation machine's changes, without
Qt: visits, stops and their dwell, languages and narration, and nothing that
tells one visitor from another."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from kiosk.core import events as ev
from kiosk.core.metrics import KioskMetrics
from tests.core.machine_helpers import SHAPE, make_machine, send


def scripted_visit() -> KioskMetrics:
    machine, clock = make_machine()
    metrics = KioskMetrics("9.9", "harbour-1900", "sha-abc", clock=clock, memory=lambda: 123e6)
    metrics.set_stops(SHAPE.stop_ids)
    machine.subscribe(metrics.on_change)
    send(machine, clock, ev.Touch(), ev.SetLanguage("en"), ev.OpenStop(1))
    clock.advance(12)  # reads stop b for twelve seconds
    send(machine, clock, ev.ToggleNarration(), ev.Next())
    clock.advance(3)
    send(machine, clock, ev.Home())
    clock.advance(400)  # walks away: warning, then the reset
    machine.dispatch(ev.Tick())
    clock.advance(20)
    machine.dispatch(ev.Tick())
    send(machine, clock, ev.Touch(), ev.OpenStop(0))  # the next visitor
    return metrics


def value(metrics: KioskMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_a_scripted_visit_is_counted() -> None:
    metrics = scripted_visit()
    assert value(metrics, "kiosk_visitor_sessions_total") == 2
    assert value(metrics, "kiosk_stop_views_total", stop="b") == 1
    assert value(metrics, "kiosk_stop_views_total", stop="c") == 1
    assert value(metrics, "kiosk_stop_views_total", stop="a") == 1
    assert value(metrics, "kiosk_language_chosen_total", language="en") == 1
    assert value(metrics, "kiosk_language_chosen_total", language="es") is None  # the reset is not a choice
    assert value(metrics, "kiosk_narration_plays_total") == 1
    assert value(metrics, "kiosk_stop_dwell_seconds_count", stop="b") == 1
    assert 12 <= value(metrics, "kiosk_stop_dwell_seconds_sum", stop="b") <= 13.5  # type: ignore[operator]
    assert value(metrics, "kiosk_stop_dwell_seconds_bucket", stop="b", le="20.0") == 1
    assert value(metrics, "kiosk_stop_dwell_seconds_bucket", stop="b", le="10.0") == 0


def test_the_exposition_is_what_prometheus_parses() -> None:
    metrics = scripted_visit()
    families = {family.name: family for family in text_string_to_metric_families(metrics.text().decode())}
    assert families["kiosk_build_info"].samples[0].labels == {
        "version": "9.9",
        "exhibit": "harbour-1900",
        "content_version": "sha-abc",
    }
    assert families["kiosk_up"].samples[0].value == 1
    assert families["kiosk_resident_memory_bytes"].samples[0].value == 123e6
    assert families["kiosk_uptime_seconds"].samples[0].value > 400
    for wanted in (
        "kiosk_faults",
        "kiosk_gui_stalls",
        "kiosk_reloads",
        "kiosk_video_plays",
        "kiosk_touch_to_frame_seconds",
    ):
        assert wanted in families


def test_nothing_identifies_a_visitor() -> None:
    """Labels are stops, languages and results: never a session, a time or a person."""
    text = scripted_visit().text().decode()
    allowed = {"stop", "language", "result", "le", "version", "exhibit", "content_version"}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            assert set(sample.labels) <= allowed, sample
