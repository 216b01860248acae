"""The fleet view's inputs and memory, without kiosks: hosts files in both forms,
a wrong line named, and an unreachable kiosk's last sighting kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.fleet import Kiosk, Seen, read_hosts, remember, table

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"


def test_a_hosts_file_of_lines_and_the_prometheus_target_file_both_serve(tmp_path: Path) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text("# floor 1\nentrance 10.0.0.5:9300\n\n10.0.0.6:9300   # no name: its host\n")
    assert read_hosts(hosts) == [Kiosk("entrance", "10.0.0.5:9300"), Kiosk("10.0.0.6", "10.0.0.6:9300")]
    assert read_hosts(DEPLOY / "kiosks.yml") == [
        Kiosk("gallery-1.museum.lan", "gallery-1.museum.lan:9300"),
        Kiosk("gallery-2.museum.lan", "gallery-2.museum.lan:9300"),
    ]


def test_a_wrong_line_is_named(tmp_path: Path) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text("entrance 10.0.0.5:9300\nhall of fame 10.0.0.7:9300\n")
    with pytest.raises(ValueError, match=r"hosts:2: expected '\[NAME\] HOST:PORT'"):
        read_hosts(hosts)


def test_a_silent_kiosk_says_when_it_last_answered(tmp_path: Path) -> None:
    hall = Kiosk("hall", "10.0.0.7:9300")
    state = tmp_path / "seen.json"
    remember([Seen(hall, True, {"exhibit": "x"})], state, 1000.0)
    silent = [Seen(hall, False, {}, "timed out")]
    known = remember(silent, state, 1000.0 + 3 * 3600)
    line = table(silent, known, 1000.0 + 3 * 3600).splitlines()[1]
    assert "NO  <-- timed out" in line and line.endswith("3 h ago")
    state.write_text("{broken")
    assert remember(silent, state, 5.0) == {}  # a damaged memory is started afresh


def test_the_command_prints_the_table_and_fails_when_a_kiosk_is_silent(tmp_path: Path, monkeypatch, capsys) -> None:
    import socket

    from kiosk.cli import main

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    hosts = tmp_path / "hosts"
    hosts.write_text(f"stairs 127.0.0.1:{port}\n")
    assert main(["fleet", "status", str(hosts)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[1].startswith("stairs") and "NO  <--" in out and "1 kiosk(s) did not answer" in err
    hosts.write_text("hall of fame 10.0.0.7:9300\n")
    assert main(["fleet", "status", str(hosts)]) == 1
    assert "hosts:1: expected '[NAME] HOST:PORT'" in capsys.readouterr().err
