"""The attract loop's cost, measured from outside the process: CPU seconds the
kiosk's process used (from /proc) over a stretch of attract loop, software
rendering at 1920x1080; and, in a rig, the gaps between its frames.

    python -m kiosk.bench.attract EXHIBIT SECONDS   (prints JSON)
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.bench.stats import stop_child
from kiosk.service import ALLOCATOR_ENV


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its threads, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def attract_cpu(exhibit: Path, seconds: float) -> float:
    """Share of one core (percent) the kiosk uses on its attract loop."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        address = str(Path(folder) / "notify")
        env = {
            **os.environ,
            **ALLOCATOR_ENV,
            "NOTIFY_SOCKET": address,
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_LOG_LEVEL": "WARNING",
            "XDG_STATE_HOME": folder,
            "XDG_CACHE_HOME": folder,
            "XDG_CONFIG_HOME": folder,
        }
        _record_narration(exhibit, Path(folder))  # as `make run` leaves it: nothing left to record in the loop
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
            listener.bind(address)
            listener.settimeout(60)
            child = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "run", str(exhibit), "--size", "1920x1080"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                while listener.recv(4096) != b"READY=1":
                    pass
                time.sleep(4.0)  # past start-up's own work (background narration waits 3 s)
                before, started = cpu_seconds(child.pid), time.monotonic()
                time.sleep(seconds)
                used, elapsed = cpu_seconds(child.pid) - before, time.monotonic() - started
            finally:
                stop_child(child)
    return 100 * used / elapsed


def _record_narration(exhibit: Path, cache: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "kiosk", "narrate", str(exhibit)],
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        check=False,
        capture_output=True,
        timeout=600,
    )


def frame_gaps(exhibit: Path, seconds: float) -> float:
    """The longest gap (ms) between attract frames over ``seconds``, in a rig."""
    from PySide6.QtCore import QEvent, QObject

    from kiosk.bench import interaction

    rig = interaction.make_rig(exhibit)
    times: list[float] = []

    class Frames(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                times.append(time.perf_counter())
            return False

    frames = Frames()
    try:
        rig.settle()
        rig.window.attract.installEventFilter(frames)
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            rig.app.processEvents()
            time.sleep(0.001)
        rig.window.attract.removeEventFilter(frames)
    finally:
        rig.close()
    return max((b - a for a, b in itertools.pairwise(times)), default=float("nan")) * 1000


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path, span = Path(sys.argv[1]), float(sys.argv[2])
    print(json.dumps({"cpu_percent": attract_cpu(path, span), "max_gap_ms": frame_gaps(path, min(span, 5.0))}))
