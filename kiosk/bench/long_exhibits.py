"""Exhibits of 300 and 2,000 stops: the figures a long timeline could spoil.

Each size is a generated exhibit (``kiosk.bench.loading.synthetic``: ten stops
a year, small SVG pictures, eras of unequal length) measured in processes of
its own, so one size's memory never counts against the next:

- start: the real ``kiosk run``, launch to the first attract frame and to
  READY=1 (as ``kiosk.bench.startup`` measures the bundled exhibit);
- a visit (``python -m kiosk.bench.long_exhibits visit EXHIBIT SWIPES``): the
  first tap on a stop, then swipe after swipe, each to the next stop painted,
  and resident memory after them;
- the proof sheet (``... proof EXHIBIT STOPS``): ``kiosk proof`` of the first
  STOPS stops, its time per page and its peak memory, read by a parent of its
  own from ``getrusage`` (a process's children's peak counts only its own).
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk.bench.stats import child_json, median, percentile
from kiosk.service import ALLOCATOR_ENV

SIZES = (300, 2000)
ERAS = 8


def measure(folder: Path, quick: bool) -> dict[int, dict[str, float]]:
    """Every figure for each size, by name."""
    from kiosk.bench import startup
    from kiosk.bench.loading import synthetic

    results: dict[int, dict[str, float]] = {}
    for size in SIZES:
        exhibit = synthetic(folder, size, eras=ERAS)
        starts = [startup.time_kiosk(exhibit) for _ in range(1 if quick else 3)]
        visit = child_json(
            "kiosk.bench.long_exhibits",
            "visit",
            str(exhibit),
            "30" if quick else "100",
            timeout=900,
            env={**os.environ, **ALLOCATOR_ENV},  # as the service and `make run` start the kiosk
        )
        proof = child_json("kiosk.bench.long_exhibits", "proof", str(exhibit), "5" if quick else "300", timeout=3600)
        results[size] = {
            "start_ms": median([first for first, _ in starts]),
            "ready_ms": median([ready for _, ready in starts]),
            **visit,
            **proof,
        }
    return results


def visit(exhibit: Path, swipes: int) -> dict[str, float]:
    """First tap on a stop after start, then ``swipes`` swipes; memory after them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.bench import interaction
    from kiosk.bench.stats import rss_mb

    rig = interaction.make_rig(exhibit)
    try:
        first_tap = interaction.first_tap_ms(rig)
        latency = interaction.touch_latency(rig, swipes)
        return {
            "first_tap_ms": first_tap,
            "swipe_p50_ms": percentile(latency, 0.5),
            "swipe_p95_ms": percentile(latency, 0.95),
            "swipes": float(len(latency)),
            "rss_after_swipes_mb": rss_mb(),
        }
    finally:
        rig.close()


def proof(exhibit: Path, stops: int) -> dict[str, float]:
    """``kiosk proof`` of the first ``stops`` stops: ms per page and peak MB."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-proof-") as folder:
        out = Path(folder) / "proof.pdf"
        command = [sys.executable, "-m", "kiosk", "proof", str(exhibit), "--out", str(out), "--stops", f"1:{stops}"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=True)
        seconds = time.perf_counter() - started
    pages = int(_PAGES.search(done.stdout).group(1))  # type: ignore[union-attr]
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # this process's one child
    return {"proof_pages": float(pages), "proof_ms_per_page": seconds * 1000 / pages, "proof_peak_mb": peak_kb / 1024}


_PAGES = re.compile(r": (\d+) pages")


def main(argv: list[str]) -> None:
    kind, exhibit, count = argv[0], Path(argv[1]), int(argv[2])
    figures: Any = visit(exhibit, count) if kind == "visit" else proof(exhibit, count)
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
