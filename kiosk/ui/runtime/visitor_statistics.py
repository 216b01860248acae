"""Visitor statistics as a service of the running kiosk: it listens to the
machine and hands rows to the writer thread; it never waits on the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.core.machine import NavigationMachine
from kiosk.core.navigation import Change
from kiosk.core.stats import StatsRecorder, StatsWriter, format_report


class VisitorStatistics:
    def __init__(
        self,
        machine: NavigationMachine,
        stop_ids: tuple[str, ...],
        path: Path,
        wall: Callable[[], float],
        clock: Callable[[], float],
    ) -> None:
        self.path, self.wall, self.clock = path, wall, clock
        self.recorder = StatsRecorder(stop_ids)
        self.writer = StatsWriter(path)
        self.counting: Callable[[], bool] = lambda: True
        """False outside opening hours: staff at work after closing are no visitors."""
        self._unsubscribe = machine.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if not self.counting() and self.recorder.session is None:
            return
        self.writer.write(self.recorder.on_change(change, self.wall(), self.clock()))

    def set_stops(self, stop_ids: tuple[str, ...]) -> None:
        self.recorder.stop_ids = stop_ids

    def summary(self) -> str:
        """What the staff panel shows: the report as last worked out by the writer thread."""
        lines = []
        if self.writer.problem is not None:
            lines.append(f"Statistics are kept in memory until they can be saved: {self.writer.problem}")
        if self.writer.dropped:
            lines.append(f"{self.writer.dropped} statistics rows were lost while they could not be saved.")
        report = self.writer.latest_report
        lines.append(format_report(report) if report is not None else "No statistics saved yet.")
        return "\n".join(lines)

    def close(self) -> None:
        self._unsubscribe()
        self.writer.close()
