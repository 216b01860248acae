"""Real services a test starts for itself, on a private socket, and always stops.

PulseAudio with a null sink (a sound card that plays into nothing, at real
speed), and speech-dispatcher with espeak-ng. Each yields the environment a
kiosk needs to find it and is stopped when the test ends, whatever happened.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (make test installs them)")


def _wait_for(path: Path, process: subprocess.Popen[bytes], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{process.args[0]} did not start (exit {process.poll()})")
        time.sleep(0.02)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and everything it started (its own process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=3)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)


@contextmanager
def pulseaudio(folder: Path) -> Iterator[dict[str, str]]:
    """A PulseAudio server whose only sink is a null sink."""
    need("pulseaudio")
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / "native"
    env = {**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder)}
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disable-shm=yes",
            "--use-pid-file=no",
            "--log-level=0",
            "-L",
            "module-null-sink sink_name=kiosk_null",
            "-L",
            f"module-native-protocol-unix socket={socket} auth-anonymous=1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(socket, server)
        yield {"PULSE_SERVER": f"unix:{socket}"}
    finally:
        _stop(server)


@contextmanager
def speech_dispatcher(folder: Path, pulse: dict[str, str]) -> Iterator[dict[str, str]]:
    """speech-dispatcher with espeak-ng, speaking into the given PulseAudio server."""
    need("speech-dispatcher", "espeak-ng")
    runtime = folder / "run"
    (runtime / "speech-dispatcher").mkdir(parents=True, exist_ok=True)
    socket = runtime / "speech-dispatcher" / "speechd.sock"
    env = {**os.environ, **pulse, "HOME": str(folder), "XDG_RUNTIME_DIR": str(runtime)}
    server = subprocess.Popen(
        ["speech-dispatcher", "-s", "-t", "0", "-S", str(socket), "-L", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(socket, server)
        yield {"XDG_RUNTIME_DIR": str(runtime), "SPEECHD_ADDRESS": f"unix_socket:{socket}"}
    finally:
        _stop(server)


@contextmanager
def prometheus(folder: Path, targets: list[str], port: int) -> Iterator[str]:
    """A Prometheus server on 127.0.0.1 scraping ``targets`` every second; yields its URL."""
    need("prometheus")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "prometheus.yml"
    listed = ", ".join(f'"{target}"' for target in targets)
    config.write_text(
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "scrape_configs:\n  - job_name: kiosk\n    scrape_timeout: 900ms\n"
        f"    static_configs: [{{targets: [{listed}]}}]\n"
    )
    server = subprocess.Popen(
        [
            "prometheus",
            f"--config.file={config}",
            f"--storage.tsdb.path={folder / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not answers(f"{url}/-/ready"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prometheus did not start (exit {server.poll()})")
            time.sleep(0.1)
        yield url
    finally:
        _stop(server)


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 within a second."""
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
