"""PINs, configuration, notify protocol, fault bursts and the service unit."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.config import load_config, write_pin_hash
from kiosk.core.diagnostics import ExhibitError
from kiosk.core.faults import FaultCounter
from kiosk.core.notify import notify, watchdog_interval
from kiosk.core.pin import hash_pin, verify_pin
from kiosk.service import unit_text


def test_pin_is_stored_salted_and_verified() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and "2468" not in first
    assert verify_pin("2468", first) and not verify_pin("2469", first)
    assert not verify_pin("2468", "plain-text") and not verify_pin("2468", "scrypt$x$y$z$a$b")


@pytest.mark.parametrize("bad", ["12", "12ab", ""])
def test_short_or_non_digit_pins_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        hash_pin(bad)


def test_config_errors_name_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("screen: 1\nshow_cursor: perhaps\nidel_timeout: 30\npin_hash: '1234'\n")
    with pytest.raises(ExhibitError) as caught:
        load_config(path)
    found = [(d.line, d.column, d.message.split(";")[0]) for d in caught.value.diagnostics]
    assert found == [
        (2, 14, "expected true or false, found 'perhaps'"),
        (3, 1, "unknown key 'idel_timeout' in configuration"),
        (4, 11, "pin_hash is not a hash"),
    ]


def test_missing_config_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.yaml")
    assert config.path is None and config.statistics and config.pin_hash is None


def test_set_pin_prompts_and_keeps_the_rest_of_the_file(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("# staff notes: kiosk in room 3\nscreen: 1\n")
    answers = iter(["97531", "97531"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["set-pin", "--config", str(path)]) == 0
    text = path.read_text()
    assert text.startswith("# staff notes: kiosk in room 3\nscreen: 1\npin_hash: 'scrypt$")
    config = load_config(path)
    assert config.screen == 1 and verify_pin("97531", config.pin_hash)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    write_pin_hash(path, hash_pin("1111"))
    assert path.read_text().count("pin_hash:") == 1


def test_set_pin_refuses_mismatch(tmp_path: Path, monkeypatch) -> None:
    answers = iter(["97531", "97532"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["set-pin", "--config", str(tmp_path / "c.yaml")]) == 1
    assert not (tmp_path / "c.yaml").exists()


def test_notify_sends_a_datagram_to_the_socket(tmp_path: Path, monkeypatch) -> None:
    path = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(path)
        server.settimeout(2)
        monkeypatch.setenv("NOTIFY_SOCKET", path)
        assert notify("READY=1")
        assert server.recv(64) == b"READY=1"
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not notify("READY=1")


def test_watchdog_interval_is_half_of_systemds(monkeypatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert watchdog_interval() == 15.0
    monkeypatch.setenv("WATCHDOG_PID", "1")
    assert watchdog_interval() is None


def test_five_faults_in_a_minute_is_a_burst() -> None:
    counter = FaultCounter()
    assert not any(counter.record(t) for t in (0, 20, 40, 59))
    assert counter.record(59.5)
    spaced = FaultCounter()
    assert not any(spaced.record(t * 20.0) for t in range(10))  # one every 20 s never bursts


def test_service_unit_restarts_and_is_watched(tmp_path: Path, capsys) -> None:
    text = unit_text(tmp_path / "e.yaml", None)
    for line in ("Type=notify", "Restart=always", "WatchdogSec=30", "WantedBy=graphical-session.target"):
        assert line in text.splitlines()
    assert "-m kiosk run --kiosk" in text and str(tmp_path / "e.yaml") in text
    assert main(["service", "print"]) == 0
    assert "Restart=always" in capsys.readouterr().out


def test_service_install_writes_the_unit(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no systemctl here: it says so
    assert main(["service", "install"]) == 0
    unit = tmp_path / "config" / "systemd" / "user" / "museum-kiosk.service"
    assert "Restart=always" in unit.read_text()
    assert "systemctl not found" in capsys.readouterr().out


def test_service_install_with_sync_writes_a_timer_systemd_accepts(tmp_path: Path, monkeypatch, capsys) -> None:
    import shutil
    import subprocess

    analyze = shutil.which("systemd-analyze")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["service", "install", "--sync", "https://git.museum.lan/content.git"]) == 0
    units = tmp_path / "config" / "systemd" / "user"
    timer = (units / "museum-kiosk-sync.timer").read_text()
    service = (units / "museum-kiosk-sync.service").read_text()
    assert "OnUnitActiveSec=5min" in timer and "-m kiosk sync --from https://git.museum.lan/content.git" in service
    if analyze is not None:  # systemd's own check of both files
        done = subprocess.run(
            [
                analyze,
                "verify",
                "--man=no",
                str(units / "museum-kiosk-sync.service"),
                str(units / "museum-kiosk-sync.timer"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "museum-kiosk-sync" not in done.stderr or done.returncode == 0, done.stderr


def test_the_cage_session_starts_only_the_kiosk_on_a_console_and_is_watched(capsys) -> None:
    from kiosk.service import cage_unit_text

    lines = cage_unit_text(None, None, "kiosk", rotate=180).splitlines()
    for line in (
        "Type=notify",
        "NotifyAccess=all",  # the kiosk, cage's child, sends READY=1 and the heartbeat
        "User=kiosk",
        "PAMName=museum-kiosk",
        "TTYPath=/dev/tty1",
        "Conflicts=getty@tty1.service",
        "Restart=always",
        "WatchdogSec=30",
        "Environment=QT_QPA_PLATFORM=wayland",
        "Environment=QT_WAYLAND_DISABLE_WINDOWDECORATION=1",
        "WantedBy=graphical.target",
    ):
        assert line in lines, line
    (start,) = [line for line in lines if line.startswith("ExecStart=")]
    assert start.startswith("ExecStart=/usr/bin/cage -d -r -r -- ") and start.endswith("-m kiosk run --kiosk")
    assert main(["service", "print", "--session", "cage", "--user", "guide"]) == 0
    printed = capsys.readouterr().out
    assert "User=guide" in printed and "session  required pam_systemd.so" in printed


def test_installing_the_cage_session_names_what_is_missing(tmp_path: Path) -> None:
    import pytest

    from kiosk.service import CAGE_UNIT, ServiceError, install_cage

    with pytest.raises(ServiceError, match="there is no account 'no-such-kiosk': create it first"):
        install_cage(None, None, "no-such-kiosk", root=tmp_path)
    with pytest.raises(ServiceError, match="must not run as root"):
        install_cage(None, None, "root", root=tmp_path)
    paths, said = install_cage(None, None, "nobody", root=tmp_path)
    assert paths == [tmp_path / "etc/systemd/system" / CAGE_UNIT, tmp_path / "etc/pam.d/museum-kiosk"]
    assert "User=nobody" in paths[0].read_text() and "pam_systemd.so" in paths[1].read_text()
    assert "systemctl enable museum-kiosk-cage.service" in said
