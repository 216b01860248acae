"""Cold start, measured from outside: launch to first attract frame painted.

The child is the real ``kiosk run``, told by NOTIFY_SOCKET (the systemd notify
protocol it speaks in production, not a hook for the bench) to report to us:
``STATUS=attract screen shown`` when the attract screen has painted with its
picture in place, and ``READY=1`` once the rest of the kiosk is up and a touch
would be answered; then we stop it. The floor is a minimal PySide6 window that
reports its first paint the same way.

Measured as a kiosk starts every morning: its bytecode compiled (as pip
leaves an installed package) and its caches warm, since nothing changed
overnight: the checked exhibit, the first picture's pixels and the attract
screen's first frame (see ``kiosk.ui.runtime.startup.run_app``). Two more figures say
what the caches are worth: the start after a curator's edit (the exhibit
checked again, the pictures still kept) and the first start of all (no
caches: YAML, fonts, decoding and drawing all before the first frame).
"""

from __future__ import annotations

import compileall
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.bench.stats import stop_child

FLOOR = """
import os, socket, sys
def tell(message):
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as out:
        out.sendto(message, os.environ["NOTIFY_SOCKET"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1920, 1080)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (tell(b"STATUS=attract screen shown"), app.quit()))
            watched.removeEventFilter(self)
        return False
first = First()
window.installEventFilter(first)
window.show()
app.exec()
"""


FIRST_FRAME, READY = "STATUS=attract screen shown", "READY=1"
CHILD_TIMEOUT = 60.0


def _time_child(command: list[str], env: dict[str, str], marks: tuple[str, ...] = (FIRST_FRAME,)) -> list[float]:
    """Milliseconds from launch to each of ``marks``, notified in that order by the child."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        address = str(Path(folder) / "notify")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
            listener.bind(address)
            started = time.perf_counter()
            child = subprocess.Popen(
                command, env={**env, "NOTIFY_SOCKET": address}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                return _await_marks(listener, started, marks, command)
            finally:
                stop_child(child)


def _await_marks(listener: socket.socket, started: float, marks: tuple[str, ...], command: list[str]) -> list[float]:
    times: list[float] = []
    while len(times) < len(marks):
        left = CHILD_TIMEOUT - (time.perf_counter() - started)
        if left <= 0:
            raise RuntimeError(f"{command[:3]} never said {marks[len(times)]} within {CHILD_TIMEOUT:.0f} s")
        listener.settimeout(left)
        try:
            message = listener.recv(4096).decode("utf-8", "replace")
        except TimeoutError:
            continue
        if message.startswith(marks[len(times)]):
            times.append((time.perf_counter() - started) * 1000)
    return times


def measure(runs: int, exhibit: Path) -> dict[str, list[float]]:
    """Start-up times in ms: the floor; the kiosk's first frame and the moment
    it would hear a touch; its first frame after an edit and with no caches."""
    env, state = _bench_env()
    compileall.compile_dir(Path(__file__).resolve().parent.parent, quiet=1)
    kiosk = _kiosk(exhibit)
    floor = [sys.executable, "-c", FLOOR]
    marks = (FIRST_FRAME, READY)
    caches = state / "cache" / "museum-kiosk"
    _time_child(floor, env)  # warm the disk cache for both, once
    _time_child(kiosk, env, marks)
    times: dict[str, list[float]] = {"floor": [], "kiosk": [], "ready": [], "edited": [], "uncached": []}
    for _ in range(runs):  # interleaved, so drift in machine load hits all alike
        times["floor"] += _time_child(floor, env)
        first, ready = _time_child(kiosk, env, marks)
        times["kiosk"].append(first)
        times["ready"].append(ready)
        shutil.rmtree(caches / "exhibits", ignore_errors=True)  # as after an edit
        times["edited"].append(_time_child(kiosk, env, marks)[0])
        shutil.rmtree(caches, ignore_errors=True)  # as on the first start of all
        times["uncached"].append(_time_child(kiosk, env, marks)[0])
    return times


def _bench_env() -> tuple[dict[str, str], Path]:
    """The environment of a measured kiosk, with its state and caches in a folder of
    the bench's own (the visitor statistics and caches of a real kiosk stay untouched)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_LOG_LEVEL": "WARNING"}
    state = Path(env.get("TMPDIR", "/tmp")) / "kiosk-bench-state"
    env["XDG_STATE_HOME"] = str(state)
    env["XDG_CONFIG_HOME"] = str(state / "config")
    env["XDG_CACHE_HOME"] = str(state / "cache")
    return env, state


def _kiosk(exhibit: Path) -> list[str]:
    return [sys.executable, "-m", "kiosk", "run", str(exhibit), "--size", "1920x1080"]


def time_kiosk(exhibit: Path) -> tuple[float, float]:
    """Launch to first frame and to READY=1 (ms) of one start, caches warmed first."""
    env, _ = _bench_env()
    _time_child(_kiosk(exhibit), env, (FIRST_FRAME, READY))  # the exhibit checked and its first frame kept
    first, ready = _time_child(_kiosk(exhibit), env, (FIRST_FRAME, READY))
    return first, ready
