"""Cold start, measured from outside: launch to first attract frame painted.

The child is the real ``kiosk run`` with KIOSK_BENCH_FIRST_FRAME set: it prints
one line when the attract screen has painted with its picture in place, and
exits. The floor is a minimal PySide6 window measured the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

FLOOR = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1920, 1080)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("FIRST_FRAME", flush=True), app.quit()))
            watched.removeEventFilter(self)
        return False
first = First()
window.installEventFilter(first)
window.show()
app.exec()
"""


def _time_child(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("FIRST_FRAME"):
            elapsed = time.perf_counter() - started
            break
    else:
        child.wait()
        raise RuntimeError(f"{command[:3]} never painted (exit {child.returncode})")
    child.stdout.close()
    child.wait(timeout=30)
    return elapsed * 1000


def measure(runs: int, exhibit: Path) -> tuple[list[float], list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_BENCH_FIRST_FRAME": "1",
           "KIOSK_LOG_LEVEL": "WARNING"}
    state = Path(env.get("TMPDIR", "/tmp")) / "kiosk-bench-state"
    env["XDG_STATE_HOME"] = str(state)
    env["XDG_CONFIG_HOME"] = str(state / "config")
    kiosk = [sys.executable, "-m", "kiosk", "run", str(exhibit), "--size", "1920x1080"]
    floor = [sys.executable, "-c", FLOOR]
    _time_child(floor, env)  # warm the disk cache for both, once
    _time_child(kiosk, env)
    app_ms, floor_ms = [], []
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        floor_ms.append(_time_child(floor, env))
        app_ms.append(_time_child(kiosk, env))
    return app_ms, floor_ms
