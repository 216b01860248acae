"""Visitor statistics: a scripted visit gives the expected rows and report."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from kiosk.cli import main
from kiosk.core import events as ev
from kiosk.core.stats import StatsRecorder, StatsWriter, report
from tests.core.machine_helpers import SHAPE, make_machine
from tests.helpers import REPO

WALL0 = 1_780_000_000.0  # a fixed wall-clock start (2026-05-28)


def scripted_visit(db: Path) -> None:
    machine, clock = make_machine()
    writer = StatsWriter(db, batch_seconds=0.05)
    recorder = StatsRecorder(SHAPE.stop_ids)
    machine.subscribe(lambda change: writer.write(recorder.on_change(change, WALL0 + clock.now, clock.now)))

    def at(seconds: float, event: ev.Event) -> None:
        clock.advance(seconds)
        machine.dispatch(event)

    at(1, ev.Touch())  # session 1 starts
    at(5, ev.OpenStop(0))  # stop a ...
    at(20, ev.Next())  # ... 20 s; stop b
    at(10, ev.OpenImage(1))  # zoom on b
    at(30, ev.CloseImage())
    at(5, ev.SetLanguage("en"))
    at(5, ev.Next())  # b: 10+30+5+5 = 50 s; stop c
    at(4, ev.ToggleNarration())  # narration on c
    clock.advance(200)  # walks away 4 s after the last touch on c
    machine.dispatch(ev.Tick())
    at(30, ev.Touch())  # session 2
    at(2, ev.OpenStop(0))  # stop a again ...
    at(10, ev.Home())  # ... 10 s
    clock.advance(200)
    machine.dispatch(ev.Tick())
    assert writer.wait_written(10)
    writer.close()


def test_scripted_visit_gives_sessions_views_dwell_and_uses(tmp_path: Path) -> None:
    db = tmp_path / "stats.sqlite3"
    scripted_visit(db)
    rows = sqlite3.connect(db).execute("SELECT stop_id, dwell FROM views ORDER BY started").fetchall()
    assert rows == [("a", 20.0), ("b", 50.0), ("c", 4.0), ("a", 10.0)]
    rep = report(db)
    assert dict((s, (n, d)) for s, n, d in rep.stops) == {"a": (2, 15.0), "b": (1, 50.0), "c": (1, 4.0)}
    assert [count for _, count in rep.days] == [2]
    assert dict(rep.languages) == {"en": 1, "es": 1}
    assert dict(rep.uses) == {"narration": 1, "zoom": 1}
    sessions = sqlite3.connect(db).execute("SELECT ended - started FROM sessions ORDER BY started").fetchall()
    assert [round(s, 1) for (s,) in sessions] == [79.0, 12.0]  # ended at the last touch, not at the reset


def test_stats_command_prints_table_and_csv(tmp_path: Path, capsys) -> None:
    db = tmp_path / "stats.sqlite3"
    scripted_visit(db)
    assert main(["stats", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "Stop views" in table and "Languages (sessions)" in table
    assert main(["stats", "--db", str(db), "--csv"]) == 0
    csv = capsys.readouterr().out.splitlines()
    assert csv[0] == "table,key,count,median_dwell_s" and "stop,a,2,15.0" in csv
    assert main(["stats", "--db", str(db), "--since", "2099-01-01"]) == 0
    assert "(none)" in capsys.readouterr().out
    assert main(["stats", "--db", str(db), "--since", "May"]) == 2


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from kiosk.core import events as ev
    from kiosk.core.stats import StatsRecorder, StatsWriter
    from tests.core.machine_helpers import SHAPE, make_machine
    machine, clock = make_machine()
    writer = StatsWriter(Path(sys.argv[1]), batch_seconds=0.01)
    recorder = StatsRecorder(SHAPE.stop_ids)
    machine.subscribe(lambda c: writer.write(recorder.on_change(c, 1.78e9 + clock.now, clock.now)))
    visits = 0
    while True:  # visitors without end, until killed mid-visit
        for event in (ev.Touch(), ev.OpenStop(0), ev.Next(), ev.Next(), ev.OpenImage(0), ev.CloseImage()):
            clock.advance(1)
            machine.dispatch(event)
        clock.advance(100)
        machine.dispatch(ev.Tick())
        visits += 1
        if visits == 30:
            assert writer.wait_written(10)
            print("committed", flush=True)  # the parent kills us while we keep writing
""")


def test_database_is_intact_after_kill_9_mid_visit(tmp_path: Path) -> None:
    db = tmp_path / "stats.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "committed"  # blocks until the child has written
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _views(db) > 50
    assert report(db).stops  # the report still reads it


def _views(db: Path) -> int:
    try:
        return sqlite3.connect(db, timeout=5).execute("SELECT COUNT(*) FROM views").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_an_unusable_database_never_blocks_and_keeps_the_visits_until_it_can_write(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    db = blocker / "statistics.sqlite3"
    writer = StatsWriter(db, batch_seconds=0.01, retry_seconds=0.02, max_waiting=3)
    try:
        started = time.monotonic()
        writer.write(
            [("INSERT INTO sessions (id, started, language) VALUES (?, ?, ?)", (f"s{i}", 1.0, "es")) for i in range(5)]
        )
        assert time.monotonic() - started < 0.05  # queued, not written: nothing waits
        assert not writer.wait_written(0.3)
        assert writer.problem is not None and "cannot open" in writer.problem
        assert writer.dropped == 2  # bounded: the oldest went first
        blocker.unlink()
        blocker.mkdir()
        assert writer.wait_written(5)
        assert writer.problem is None
        assert oct(db.stat().st_mode & 0o777) == "0o600"  # private to the kiosk's account
    finally:
        writer.close()
    rows = sqlite3.connect(db).execute("SELECT id FROM sessions ORDER BY id").fetchall()
    assert rows == [("s2",), ("s3",), ("s4",)]


def test_the_log_file_is_private(tmp_path: Path) -> None:
    import logging

    from kiosk.logsetup import PrivateRotatingFileHandler, attach_file_log

    attach_file_log(tmp_path)
    root = logging.getLogger()
    handler = next(h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler))
    try:
        root.warning("a line for the log")
        assert oct((tmp_path / "kiosk.log").stat().st_mode & 0o777) == "0o600"
    finally:
        root.removeHandler(handler)
        handler.close()


def test_stats_on_a_kiosk_without_visitors_yet_succeeds(tmp_path: Path, capsys) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.sqlite3")]) == 0
    assert capsys.readouterr().out.startswith("No visits recorded yet")


def test_an_unreadable_statistics_file_is_explained_without_a_traceback(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    assert main(["stats", "--db", str(broken)]) == 1
    said = capsys.readouterr().err
    assert said.startswith(f"kiosk: cannot read the statistics in {broken}") and "Traceback" not in said
