"""Anonymous visitor statistics, kept on the machine in SQLite.

What is recorded: sessions (from leaving attract to the idle reset), which
stops were viewed and for how long, the language chosen, and whether zoom
and narration were used. Nothing about who the visitor is; nothing leaves
the machine. ``StatsRecorder`` turns navigation changes into rows (plain
logic, no I/O); ``StatsWriter`` writes them from its own thread in batches,
so the GUI thread never waits for the disk. WAL mode keeps the database
intact if the process is killed mid-write.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

from kiosk.core import events as ev
from kiosk.core.navigation import Change, Effect
from kiosk.core.state import Screen

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, started REAL NOT NULL, ended REAL, language TEXT);
CREATE TABLE IF NOT EXISTS views (session TEXT NOT NULL, stop_id TEXT NOT NULL, started REAL NOT NULL,
                                  dwell REAL NOT NULL);
CREATE TABLE IF NOT EXISTS uses (session TEXT NOT NULL, at REAL NOT NULL, kind TEXT NOT NULL, detail TEXT);
"""

Row = tuple[str, tuple[object, ...]]


@dataclass
class _OpenView:
    stop_id: str
    wall: float
    mono: float


@dataclass
class StatsRecorder:
    """Follows navigation changes and says which rows to write."""

    stop_ids: tuple[str, ...]
    session: str | None = None
    language: str | None = None
    view: _OpenView | None = None
    last_input: float = 0.0
    _started_wall: float = field(default=0.0)

    def on_change(self, change: Change, wall: float, mono: float) -> list[Row]:
        rows: list[Row] = []
        if isinstance(change.event, ev.INPUT_EVENTS):
            self.last_input = mono
        if Effect.SESSION_STARTED in change.effects:
            self.session, self.language, self._started_wall = os.urandom(16).hex(), change.new.visit.language, wall
            rows.append(
                ("INSERT INTO sessions (id, started, language) VALUES (?, ?, ?)", (self.session, wall, self.language))
            )
        if self.session is None:
            return rows
        ending = Effect.SESSION_ENDED in change.effects
        if not ending:  # the reset puts the default language back; that is not a visitor's choice
            rows += self._uses(change, wall)
        rows += self._views(change, wall, mono)
        if ending:
            ended = wall - (mono - self.last_input)  # the visitor left at their last touch
            rows.append(
                (
                    "UPDATE sessions SET ended = ?, language = ? WHERE id = ?",
                    (max(ended, self._started_wall), self.language, self.session),
                )
            )
            self.session = None
        return rows

    def _uses(self, change: Change, wall: float) -> list[Row]:
        old, new = change.old, change.new
        uses = []
        if new.visit.language != old.visit.language:
            self.language = new.visit.language
            uses.append(("language", new.visit.language))
        if new.screen is Screen.ZOOM and old.screen is not Screen.ZOOM:
            uses.append(("zoom", self.stop_ids[new.stop]))
        if new.visit.narrating and not old.visit.narrating:
            uses.append(("narration", self.stop_ids[new.stop]))
        insert = "INSERT INTO uses (session, at, kind, detail) VALUES (?, ?, ?, ?)"
        return [(insert, (self.session, wall, kind, detail)) for kind, detail in uses]

    def _views(self, change: Change, wall: float, mono: float) -> list[Row]:
        new = change.new
        on_stop = new.screen in (Screen.STOP, Screen.ZOOM)
        current = self.stop_ids[new.stop] if on_stop and new.stop < len(self.stop_ids) else None
        rows: list[Row] = []
        if self.view is not None and (current != self.view.stop_id or Effect.SESSION_ENDED in change.effects):
            end = min(mono, self.last_input) if Effect.SESSION_ENDED in change.effects else mono
            rows.append(
                (
                    "INSERT INTO views (session, stop_id, started, dwell) VALUES (?, ?, ?, ?)",
                    (self.session, self.view.stop_id, self.view.wall, max(0.0, end - self.view.mono)),
                )
            )
            self.view = None
        if current is not None and self.view is None and Effect.SESSION_ENDED not in change.effects:
            self.view = _OpenView(current, wall, mono)
        return rows


def connect(path: Path) -> sqlite3.Connection:
    """Open (making if needed) the database, private to the kiosk's account."""
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.touch(mode=0o600)
    db = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            companion.chmod(0o600)
    return db


MAX_WAITING_ROWS = 20_000
"""Rows kept in memory while the database cannot be written: about a week of visits."""


class StatsWriter:
    """Writes rows on its own thread, a batch per transaction, and never makes anyone wait.

    If the database cannot be opened or written (a full disk, a read-only
    folder, a broken file), the rows wait in memory, up to MAX_WAITING_ROWS
    (the oldest go first), the problem is logged once and kept in ``problem``
    for the staff panel, and the thread tries again every ``retry_seconds``.
    After every batch it writes, the thread also works out the report the
    staff panel shows, so nothing on the GUI thread ever reads the database.
    """

    def __init__(
        self, path: Path, batch_seconds: float = 2.0, retry_seconds: float = 30.0, max_waiting: int = MAX_WAITING_ROWS
    ) -> None:
        self.path = path
        self.batch_seconds, self.retry_seconds = batch_seconds, retry_seconds
        self.problem: str | None = None
        """Why statistics are not being saved, or None when they are."""
        self.dropped = 0
        """Rows lost because the database stayed unusable too long."""
        self.latest_report: Report | None = None
        self._waiting: deque[Row] = deque(maxlen=max_waiting)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._written = threading.Condition()
        self._generation = 0
        self._thread = threading.Thread(target=self._run, name="stats-writer", daemon=True)
        self._thread.start()  # it opens the database itself: no disk work on the GUI thread

    def write(self, rows: Iterable[Row]) -> None:
        """Queue rows (never blocks)."""
        with self._lock:
            for row in rows:
                if len(self._waiting) == self._waiting.maxlen:
                    self.dropped += 1
                self._waiting.append(row)

    def close(self, timeout: float = 10.0) -> None:
        self._closing.set()
        self._wake.set()
        self._thread.join(timeout=timeout)

    def wait_written(self, timeout: float) -> bool:
        """For tests and tools off the GUI thread: everything queued so far is in
        the database (and the report follows it), within ``timeout``."""
        with self._lock:
            pending = bool(self._waiting)
        if not pending and self.problem is None and self.latest_report is not None:
            return True
        with self._written:
            start = self._generation
            self._wake.set()
            return self._written.wait_for(lambda: self._generation > start and not self._waiting, timeout)

    def _run(self) -> None:
        db = None
        while True:
            if db is None:
                db = self._open()
            if db is not None and not self._commit(db):
                db.close()
                db = None
            if self._closing.is_set():
                break
            self._wake.wait(self.batch_seconds if db is not None else self.retry_seconds)
            self._wake.clear()
        if db is not None:
            db.close()

    def _open(self) -> sqlite3.Connection | None:
        import sqlite3

        try:
            return connect(self.path)
        except (sqlite3.Error, OSError) as error:
            self._trouble(f"cannot open {self.path}: {error}")
            return None

    def _commit(self, db: sqlite3.Connection) -> bool:
        import sqlite3

        with self._lock:
            batch = list(self._waiting)
        try:
            with db:
                for sql, params in batch:
                    db.execute(sql, params)
            with self._lock:
                for _ in batch:
                    self._waiting.popleft()
            report_now = report_from(db)
        except (sqlite3.Error, OSError) as error:
            self._trouble(f"cannot write {self.path}: {error}")
            return False
        if self.problem is not None:
            log.info("visitor statistics are being saved again")
        self.problem, self.latest_report = None, report_now
        with self._written:
            self._generation += 1
            self._written.notify_all()
        return True

    def _trouble(self, problem: str) -> None:
        if problem != self.problem:
            log.warning("visitor statistics kept in memory for now: %s", problem)
        self.problem = problem


@dataclass(frozen=True)
class Report:
    stops: list[tuple[str, int, float]]
    """stop id, views, median dwell in seconds"""
    days: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    uses: list[tuple[str, int]]


def report(path: Path, since: float | None = None) -> Report:
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return report_from(db, since)
    finally:
        db.close()


def report_from(db: sqlite3.Connection, since: float | None = None) -> Report:
    import statistics

    since = since or 0.0
    dwell: dict[str, list[float]] = {}
    for stop_id, seconds in db.execute("SELECT stop_id, dwell FROM views WHERE started >= ?", (since,)):
        dwell.setdefault(stop_id, []).append(seconds)
    stops = sorted(((s, len(d), statistics.median(d)) for s, d in dwell.items()), key=lambda r: -r[1])
    days = list(
        db.execute(
            "SELECT date(started, 'unixepoch', 'localtime'), COUNT(*) FROM sessions "
            "WHERE started >= ? GROUP BY 1 ORDER BY 1",
            (since,),
        )
    )
    languages = list(
        db.execute(
            "SELECT COALESCE(language, '?'), COUNT(*) FROM sessions WHERE started >= ? GROUP BY 1 ORDER BY 2 DESC",
            (since,),
        )
    )
    uses = list(
        db.execute(
            "SELECT kind, COUNT(*) FROM uses WHERE at >= ? AND kind != 'language' GROUP BY 1 ORDER BY 1", (since,)
        )
    )
    return Report(stops, days, languages, uses)


def format_report(rep: Report) -> str:
    lines = ["Stop views", f"  {'stop':<24}{'views':>8}{'median dwell':>15}"]
    lines += [f"  {stop:<24}{views:>8}{dwell:>13.1f} s" for stop, views, dwell in rep.stops] or ["  (none)"]
    lines += ["", "Sessions per day"] + ([f"  {day}  {count}" for day, count in rep.days] or ["  (none)"])
    lines += ["", "Languages (sessions)"] + ([f"  {lang}  {count}" for lang, count in rep.languages] or ["  (none)"])
    lines += ["", "Features used"] + ([f"  {kind}  {count}" for kind, count in rep.uses] or ["  (none)"])
    return "\n".join(lines)


def csv_report(rep: Report) -> str:
    out = ["table,key,count,median_dwell_s"]
    out += [f"stop,{stop},{views},{dwell:.1f}" for stop, views, dwell in rep.stops]
    out += [f"day,{day},{count}," for day, count in rep.days]
    out += [f"language,{lang},{count}," for lang, count in rep.languages]
    out += [f"use,{kind},{count}," for kind, count in rep.uses]
    return "\n".join(out)
