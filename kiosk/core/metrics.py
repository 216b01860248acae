"""What a kiosk tells Prometheus, worked out from the navigation machine's changes.

One registry per kiosk (never prometheus_client's global one, so tests can run
several side by side). Everything here counts visits, never visitors: no
session id, no time of a single visit, nothing that tells one person from
another. prometheus_client's metrics are safe to update from the GUI thread
while the control endpoint's thread reads them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, generate_latest

from kiosk.core.navigation import Change, Effect
from kiosk.core.state import Screen

DWELL_BUCKETS = (2.0, 5.0, 10.0, 20.0, 40.0, 60.0, 120.0, 300.0)
"""Seconds on a stop: a glance, a read, a long look."""
TOUCH_BUCKETS = (0.008, 0.016, 0.033, 0.05, 0.1, 0.25, 0.5, 1.0)
"""Seconds from a touch to the frame that answers it: one, two, three 60 Hz frames, then slow."""


def resident_bytes() -> float:
    """This process's resident memory, from /proc (0 where there is none)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    import os

    return float(pages * os.sysconf("SC_PAGE_SIZE"))


@dataclass
class _View:
    stop: str
    since: float


class KioskMetrics:
    """The kiosk's figures, by name, for ``GET /metrics``."""

    def __init__(
        self,
        version: str,
        exhibit_id: str,
        content_version: str,
        clock: Callable[[], float] = time.monotonic,
        memory: Callable[[], float] = resident_bytes,
    ) -> None:
        self.registry = registry = CollectorRegistry()
        self.clock, self.started = clock, clock()
        self.build = Info("kiosk_build", "Kiosk version, exhibit and content version.", registry=registry)
        self.set_content(version, exhibit_id, content_version)
        Gauge("kiosk_up", "1 while the kiosk runs.", registry=registry).set(1)
        uptime = Gauge("kiosk_uptime_seconds", "Seconds since the kiosk started.", registry=registry)
        uptime.set_function(lambda: self.clock() - self.started)
        memory_gauge = Gauge("kiosk_resident_memory_bytes", "Resident memory of the kiosk.", registry=registry)
        memory_gauge.set_function(memory)
        self.display = Gauge("kiosk_display_on", "1 while the screen shows the exhibit.", registry=registry)
        self.display.set(1)
        self.open = Gauge(
            "kiosk_schedule_open", "1 inside opening hours (always, without a schedule).", registry=registry
        )
        self.open.set(1)
        self.sync_ok = Gauge("kiosk_sync_ok", "0 when the last content sync was refused.", registry=registry)
        self.sync_ok.set(1)
        self.sync_time = Gauge(
            "kiosk_sync_last_timestamp_seconds", "When content was last synced (0: never).", registry=registry
        )
        self.faults = Counter("kiosk_faults", "Errors caught and recovered from.", registry=registry)
        self.reloads = Counter("kiosk_reloads", "Exhibit reloads, by result.", ["result"], registry=registry)
        self.stalls = Counter("kiosk_gui_stalls", "Times the screen stood still over 2 s.", registry=registry)
        self.sessions = Counter(
            "kiosk_visitor_sessions", "Visits begun (a touch on the attract loop).", registry=registry
        )
        self.stop_views = Counter("kiosk_stop_views", "Stops opened, by stop.", ["stop"], registry=registry)
        self.dwell = Histogram(
            "kiosk_stop_dwell_seconds", "Time on a stop, by stop.", ["stop"], buckets=DWELL_BUCKETS, registry=registry
        )
        self.languages = Counter(
            "kiosk_language_chosen", "Languages chosen by visitors.", ["language"], registry=registry
        )
        self.narration = Counter("kiosk_narration_plays", "Narrations started by visitors.", registry=registry)
        self.video = Counter("kiosk_video_plays", "Videos started by visitors.", registry=registry)
        self.touch = Histogram(
            "kiosk_touch_to_frame_seconds",
            "From a visitor's touch to the frame that answers it.",
            buckets=TOUCH_BUCKETS,
            registry=registry,
        )
        self._view: _View | None = None
        self._stops: tuple[str, ...] = ()

    def set_content(self, version: str, exhibit_id: str, content_version: str) -> None:
        self.build.info({"version": version, "exhibit": exhibit_id, "content_version": content_version})

    def set_stops(self, stop_ids: tuple[str, ...]) -> None:
        self._stops = stop_ids

    def on_change(self, change: Change) -> None:
        """Follow the machine: visits, languages, narration, and stops with their dwell."""
        now = self.clock()
        if Effect.SESSION_STARTED in change.effects:
            self.sessions.inc()
        ending = Effect.SESSION_ENDED in change.effects
        old, new = change.old, change.new
        if not ending and new.visit.language != old.visit.language:
            self.languages.labels(language=new.visit.language).inc()
        if not ending and new.visit.narrating and not old.visit.narrating:
            self.narration.inc()
        on_stop = new.screen in (Screen.STOP, Screen.ZOOM) and not ending
        current = self._stops[new.stop] if on_stop and new.stop < len(self._stops) else None
        if self._view is not None and current != self._view.stop:
            self.dwell.labels(stop=self._view.stop).observe(max(0.0, now - self._view.since))
            self._view = None
        if current is not None and self._view is None:
            self.stop_views.labels(stop=current).inc()
            self._view = _View(current, now)

    @property
    def following_a_visit(self) -> bool:
        """A stop view is open: its end must still be counted."""
        return self._view is not None

    def text(self) -> bytes:
        """The Prometheus text exposition of every figure."""
        return generate_latest(self.registry)
