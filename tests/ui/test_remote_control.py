"""The control endpoint in a running kiosk: commands change what visitors see,
the screen never waits on a client, and a real Prometheus server scrapes two
kiosks (one in this process, one a `kiosk run` of its own) and sees a visit."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.core import events as ev
from kiosk.core.config import Config
from kiosk.core.state import Screen
from tests.helpers import copy_minimal
from tests.services import answers, free_port, need, prometheus
from tests.ui.heartbeat import GUI_LIMIT_MS, Heartbeat
from tests.ui.test_staff import Staffed

TOKEN = "floor-staff-token"
KIOSK_RUN = (sys.executable, "-m", "kiosk", "run")


@contextlib.contextmanager
def kiosk_process(folder: Path, port: int, exhibit: Path | None = None) -> Iterator[None]:
    """Another kiosk, offscreen, in a process and state folders of its own, with its
    control endpoint on ``port``; stopped whatever happens."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(folder / "state"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "KIOSK_LOG_LEVEL": "WARNING",
    }
    where = [str(exhibit)] if exhibit else []
    command = [*KIOSK_RUN, *where, "--size", "640x400", "--control", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def controlled(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Staffed]:
    monkeypatch.setenv("KIOSK_CONTROL_TOKEN", TOKEN)
    config = Config(control_listen=("127.0.0.1", free_port()))
    kiosk = Staffed(qtbot, copy_minimal(tmp_path), config, tmp_path)
    assert kiosk.runtime.remote is not None
    yield kiosk
    kiosk.runtime.stop()


def url_of(kiosk: Staffed, path: str) -> str:
    host, port = kiosk.runtime.remote.server.address  # type: ignore[union-attr]
    return f"http://{host}:{port}{path}"


def call(url: str, body: str | None = None, token: str | None = TOKEN) -> tuple[int, str]:
    request = urllib.request.Request(
        url, data=None if body is None else body.encode(), method="GET" if body is None else "POST"
    )
    if token is not None and body is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def status(kiosk: Staffed) -> dict[str, Any]:
    kiosk.runtime.remote._publish()  # type: ignore[union-attr]  # the once-a-second snapshot, now
    return json.loads(call(url_of(kiosk, "/status"))[1])


def test_display_off_turns_the_screen_black_and_deaf(controlled: Staffed, qtbot) -> None:
    kiosk = controlled
    kiosk.runtime.controller.send(ev.Touch())
    assert kiosk.state.screen is Screen.HOME
    assert call(url_of(kiosk, "/display"), "off", token="wrong")[0] == 401
    assert kiosk.runtime.display_on
    assert call(url_of(kiosk, "/display"), "off")[0] == 202
    qtbot.waitUntil(lambda: not kiosk.runtime.display_on, timeout=2000)
    assert kiosk.state.screen is Screen.ATTRACT  # the visit under way ended
    assert kiosk.window.dark is not None and kiosk.window.dark.isVisible()
    assert kiosk.window.dark.geometry() == kiosk.window.rect()
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.ATTRACT  # nobody can use a dark kiosk
    assert status(kiosk)["display"] == "off"
    assert "kiosk_display_on 0.0" in call(url_of(kiosk, "/metrics"))[1]
    assert call(url_of(kiosk, "/display"), '{"state": "on"}')[0] == 202
    qtbot.waitUntil(lambda: kiosk.runtime.display_on, timeout=2000)
    assert not kiosk.window.dark.isVisible()
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.HOME


def test_volume_and_reload_are_carried_out_and_reported(controlled: Staffed, qtbot, tmp_path: Path) -> None:
    kiosk = controlled
    assert call(url_of(kiosk, "/volume"), "30")[0] == 202
    qtbot.waitUntil(lambda: abs(kiosk.runtime.controller.narrator.volume - 0.3) < 1e-9, timeout=2000)
    assert call(url_of(kiosk, "/reload"), "")[0] == 202
    qtbot.waitUntil(lambda: kiosk.runtime.reloads_ok == 1, timeout=2000)
    assert status(kiosk)["last_reload_result"] == "ok"
    exhibit = tmp_path / "exhibits" / "mini.yaml"
    exhibit.write_text(exhibit.read_text().replace("format: 1", "format: 1\nstops: [", 1))
    assert call(url_of(kiosk, "/reload"), "")[0] == 202
    qtbot.waitUntil(lambda: kiosk.runtime.reloads_failed == 1, timeout=2000)
    now = status(kiosk)
    assert now["last_reload_result"] == "refused" and now["errors"] and now["exhibit"] == "mini"
    assert 'kiosk_reloads_total{result="refused"} 1.0' in call(url_of(kiosk, "/metrics"))[1]


def test_a_tap_is_timed_to_its_frame(controlled: Staffed, qtbot) -> None:
    kiosk = controlled
    touch = kiosk.runtime.remote.metrics.touch  # type: ignore[union-attr]
    before = touch.collect()[0].samples
    kiosk.tap(960, 540)
    qtbot.waitUntil(lambda: _count(touch) >= 1, timeout=2000)
    assert before and _count(touch) >= 1


def _count(histogram: Any) -> float:
    return next(s.value for s in histogram.collect()[0].samples if s.name.endswith("_count"))


def test_the_screen_keeps_turning_under_a_thousandrandom_requests(controlled: Staffed, qtbot) -> None:
    """A thousand fuzzed requests (garbage, wrong paths and tokens, bodies cut short,
    connections left half-open) from four clients at once while the kiosk draws: the
    GUI thread never stands still for long, no command gets through, a visitor's tap
    still answers and so does the endpoint."""
    import random
    import socket

    from tests.core.test_control import random_request

    kiosk = controlled
    host, port = kiosk.runtime.remote.server.address  # type: ignore[union-attr]
    finished: list[int] = []

    def client(seed: int) -> None:
        chooser = random.Random(seed)
        for number in range(250):
            try:
                with socket.create_connection((host, port), timeout=2) as conn:
                    raw = random_request(chooser)
                    if number % 9 == 0:
                        conn.sendall(raw[: max(1, len(raw) // 2)])  # and nothing more
                        continue
                    conn.sendall(raw)
                    conn.shutdown(socket.SHUT_WR)
                    while conn.recv(65536):
                        pass
            except OSError:
                pass
        finished.append(seed)

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(4)]
    beat = Heartbeat()
    for thread in threads:
        thread.start()
    try:
        qtbot.waitUntil(lambda: len(finished) == len(threads), timeout=120_000)
    finally:
        for thread in threads:
            thread.join(timeout=10)
        beat.stop()
    assert kiosk.runtime.display_on and kiosk.runtime.reloads_ok == 0  # nothing got through without the token
    assert beat.widest < GUI_LIMIT_MS, f"the GUI thread stood still for {beat.widest:.0f} ms"
    kiosk.tap(960, 540)
    assert kiosk.state.screen is Screen.HOME
    assert call(url_of(kiosk, "/status"))[0] == 200


def test_a_real_prometheus_scrapes_two_kiosks_and_sees_a_visit(qtbot, display: str, tmp_path: Path) -> None:
    """Two kiosk processes: one on a real X screen that a visitor (xdotool) uses, one
    offscreen; a real Prometheus scrapes both every second and counts the visit."""
    need("prometheus")
    from tests.ui.conftest import make_kiosk
    from tests.ui.test_real_window import SIZE, RunningKiosk

    layout = make_kiosk(qtbot, size=SIZE)  # where the first row is, laid out offscreen at the same size
    layout.send(ev.Touch())
    row = layout.window.home.rows[0]
    row_at = row.mapTo(layout.window, row.rect().center())
    first_stop = layout.exhibit.stops[0].id
    layout.controller.stop()
    seen_port, other_port = free_port(), free_port()
    with kiosk_process(tmp_path / "other", other_port):
        seen = RunningKiosk(
            qtbot,
            display,
            tmp_path / "seen.log",
            "--size",
            f"{SIZE[0]}x{SIZE[1]}",
            "--control",
            f"127.0.0.1:{seen_port}",
        )
        try:
            targets = [f"127.0.0.1:{seen_port}", f"127.0.0.1:{other_port}"]
            with prometheus(tmp_path / "prometheus", targets, free_port()) as server:

                def query(expression: str) -> list[dict[str, Any]]:
                    address = f"{server}/api/v1/query?query={urllib.parse.quote(expression)}"
                    with urllib.request.urlopen(address, timeout=2) as response:
                        return list(json.loads(response.read())["data"]["result"])

                def both_up() -> bool:
                    return sorted(r["value"][1] for r in query('up{job="kiosk"}')) == ["1", "1"]

                qtbot.waitUntil(both_up, timeout=30_000)
                seen.click(SIZE[0] // 2, SIZE[1] // 2)  # a visitor touches the attract loop
                seen.wait_for("screen=home")
                seen.click(row_at.x(), row_at.y())  # and opens the first stop
                seen.wait_for("screen=stop stop=0")

                def counted() -> bool:
                    sessions = query("sum(kiosk_visitor_sessions_total)")
                    views = query("sum(kiosk_stop_views_total)")
                    return bool(sessions and views) and sessions[0]["value"][1] == "1" and views[0]["value"][1] == "1"

                qtbot.waitUntil(counted, timeout=30_000)
                views = [
                    (r["metric"]["instance"], r["metric"]["stop"], r["value"][1])
                    for r in query("kiosk_stop_views_total")
                ]
                print("\nPrometheus, up:", [(r["metric"]["instance"], r["value"][1]) for r in query('up{job="kiosk"}')])
                print(
                    "Prometheus, sessions by kiosk:",
                    [(r["metric"]["instance"], r["value"][1]) for r in query("kiosk_visitor_sessions_total")],
                )
                print("Prometheus, stop views:", views)
                assert views == [(f"127.0.0.1:{seen_port}", first_stop, "1")]
                exhibits = query("kiosk_build_info")
                assert sorted(r["metric"]["exhibit"] for r in exhibits) == ["bolivia-1952", "bolivia-1952"]
        finally:
            seen.stop()


DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"


def test_the_shipped_prometheus_configuration_and_alerts_check_out() -> None:
    need("promtool")
    for command in (
        ["promtool", "check", "config", "prometheus.yml"],
        ["promtool", "check", "rules", "kiosk-alerts.yml"],
        ["promtool", "test", "rules", "kiosk-alerts.test.yml"],
    ):
        done = subprocess.run(command, cwd=DEPLOY, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr


def test_on_a_dark_kiosk_only_a_touch_in_the_corner_answers(controlled: Staffed, qtbot) -> None:
    kiosk = controlled
    kiosk.runtime.request_display(False)
    for x, y in ((960, 540), (1900, 10), (10, 1070)):
        kiosk.clock.advance(0.3)
        QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert not kiosk.runtime.display_on and kiosk.state.screen is Screen.ATTRACT
    kiosk.clock.advance(0.3)
    QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert kiosk.runtime.display_on and kiosk.state.screen is Screen.ATTRACT  # lit for staff, nothing opened


def test_the_fleet_view_lists_every_kiosk_and_marks_the_silent_one(controlled: Staffed, qtbot, tmp_path: Path) -> None:
    """Two kiosks answering (this one after a visit, another as a process of its own)
    and one switched off: `kiosk fleet status` prints a line for each."""
    import threading

    from kiosk.core.fleet import poll, read_hosts, remember, table

    kiosk = controlled
    kiosk.runtime.controller.send(ev.Touch())
    other_port, dead_port = free_port(), free_port()
    hosts = tmp_path / "hosts.txt"
    ours = url_of(kiosk, "").removeprefix("http://")
    hosts.write_text(
        f"# the ground floor\nentrance {ours}\nhall 127.0.0.1:{other_port}\nstairs 127.0.0.1:{dead_port}  # off\n"
    )
    with kiosk_process(tmp_path / "other", other_port, tmp_path / "exhibits" / "mini.yaml"):
        qtbot.waitUntil(lambda: answers(f"http://127.0.0.1:{other_port}/status"), timeout=30_000)
        kiosk.runtime.remote._publish()  # type: ignore[union-attr]
        result: list[str] = []
        thread = threading.Thread(  # the test's own GUI thread keeps turning meanwhile
            target=lambda: result.append(
                table(seen := poll(read_hosts(hosts)), remember(seen, tmp_path / "seen.json", 1e9), 1e9)
            )
        )
        thread.start()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
        printed = result[0]
        print("\n" + printed)
        lines = printed.splitlines()
        assert lines[0].split()[:3] == ["kiosk", "reachable", "exhibit"]
        entrance, hall, stairs = lines[1:]
        assert entrance.split()[:3] == ["entrance", "yes", "mini"] and " on " in entrance
        assert entrance.split()[5] == "1"  # one visit today
        assert hall.split()[:3] == ["hall", "yes", "mini"]
        assert stairs.startswith("stairs") and "NO  <--" in stairs and stairs.rstrip().endswith("never")


def test_every_query_of_the_grafana_dashboard_is_valid_promql(tmp_path: Path) -> None:
    """promtool parses each panel's query (as a recording rule) and every metric
    it names is one the kiosk serves."""
    need("promtool")
    import re

    from kiosk.core.metrics import KioskMetrics

    dashboard = json.loads((DEPLOY.parent / "grafana" / "kiosk-floor.json").read_text())
    expressions = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    rules = "groups:\n  - name: dashboard\n    rules:\n" + "".join(
        f"      - record: dashboard:query{n}\n        expr: {json.dumps(expr)}\n" for n, expr in enumerate(expressions)
    )
    (tmp_path / "dashboard-rules.yml").write_text(rules)
    done = subprocess.run(
        ["promtool", "check", "rules", "dashboard-rules.yml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    served = KioskMetrics("x", "y", "z").text().decode()
    for name in {m for expr in expressions for m in re.findall(r"\b(kiosk_[a-z_]+)", expr)}:
        family = re.sub(r"_(bucket|count|sum|total)$", "", name)
        assert f"# TYPE {family} " in served or f"# TYPE {name} " in served, f"{name} is not a metric the kiosk serves"
