"""Small helpers: medians, percentiles, resident memory."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from typing import Any


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def rss_mb() -> float:
    """Resident memory of this process, from /proc (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def stop_child(child: subprocess.Popen[bytes]) -> None:
    """Ask a measured kiosk to stop; kill it if it does not within ten seconds."""
    child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait(timeout=10)


def child_json(module: str, *args: str, timeout: float, env: dict[str, str] | None = None) -> Any:
    """Run a bench module in a process of its own; its last line of output, as JSON."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, check=True, timeout=timeout, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
