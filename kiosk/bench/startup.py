"""Cold start, measured from outside: launch to first attract frame painted.

The child is the real ``kiosk run`` with KIOSK_BENCH_FIRST_FRAME set: it prints
FIRST_FRAME when the attract screen has painted with its picture in place,
READY once the rest of the kiosk is up and a touch would be answered, and
exits. The floor is a minimal PySide6 window measured the same way.

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


def _time_child(command: list[str], env: dict[str, str], marks: tuple[str, ...] = ("FIRST_FRAME",)) -> list[float]:
    """Milliseconds from launch to each of ``marks``, printed in that order by the child."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    times: list[float] = []
    for line in child.stdout:
        if line.startswith(marks[len(times)]):
            times.append((time.perf_counter() - started) * 1000)
            if len(times) == len(marks):
                break
    else:
        child.wait()
        raise RuntimeError(f"{command[:3]} never printed {marks[len(times)]} (exit {child.returncode})")
    child.stdout.close()
    child.wait(timeout=30)
    return times


def measure(runs: int, exhibit: Path) -> dict[str, list[float]]:
    """Start-up times in ms: the floor; the kiosk's first frame and the moment
    it would hear a touch; its first frame after an edit and with no caches."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_BENCH_FIRST_FRAME": "1", "KIOSK_LOG_LEVEL": "WARNING"}
    state = Path(env.get("TMPDIR", "/tmp")) / "kiosk-bench-state"
    env["XDG_STATE_HOME"] = str(state)
    env["XDG_CONFIG_HOME"] = str(state / "config")
    env["XDG_CACHE_HOME"] = str(state / "cache")
    compileall.compile_dir(Path(__file__).resolve().parent.parent, quiet=1)
    kiosk = [sys.executable, "-m", "kiosk", "run", str(exhibit), "--size", "1920x1080"]
    floor = [sys.executable, "-c", FLOOR]
    marks = ("FIRST_FRAME", "READY")
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
