"""The control endpoint's cost to visitors: swipe latency with and without it,
while a scraper reads /metrics and /status every second, and the memory it adds.

    python -m kiosk.bench.control EXHIBIT SWIPES   (prints JSON)

Rounds alternate without and with the endpoint, so drift in the machine's load
falls on both alike; the figures are p95 over all rounds of each kind.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import urllib.request
from pathlib import Path


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk import __version__
    from kiosk.bench import interaction
    from kiosk.bench.stats import percentile, rss_mb

    exhibit, swipes = Path(argv[0]), int(argv[1])
    rig = interaction.make_rig(exhibit)
    without: list[float] = []
    with_endpoint: list[float] = []
    try:
        interaction.touch_latency(rig, swipes)  # warm: every picture decoded and cached once
        rig.at_rest()
        before = rss_mb()  # before prometheus_client is even imported: all it costs counts
        from kiosk.core.control import ControlServer
        from kiosk.core.metrics import KioskMetrics

        metrics = KioskMetrics(__version__, rig.controller.exhibit.id, "bench")
        metrics.set_stops(tuple(stop.id for stop in rig.controller.exhibit.stops))
        unsubscribe = rig.controller.machine.subscribe(metrics.on_change)
        server = ControlServer("127.0.0.1", 0, "token", metrics.text, lambda: {"screen": "stop"}, lambda *_: None)
        for _round in range(4):
            without += interaction.touch_latency(rig, swipes // 4)
            server.start()
            stop = threading.Event()
            scraper = threading.Thread(target=_scrape, args=(server.address, stop), daemon=True)
            scraper.start()
            with_endpoint += interaction.touch_latency(rig, swipes // 4)
            stop.set()
            scraper.join(timeout=10)
            server.stop()
            server = ControlServer("127.0.0.1", 0, "token", metrics.text, lambda: {"screen": "stop"}, lambda *_: None)
        rig.at_rest()
        after = rss_mb()
        unsubscribe()
    finally:
        rig.close()
    p95_without, p95_with = percentile(without, 0.95), percentile(with_endpoint, 0.95)
    print(
        json.dumps(
            {
                "p95_without_ms": p95_without,
                "p95_with_ms": p95_with,
                "ratio": p95_with / p95_without,
                "memory_growth_mb": after - before,
            }
        )
    )


def _scrape(address: tuple[str, int], stop: threading.Event) -> None:
    """As Prometheus does, once a second; and the status, as a fleet view would."""
    host, port = address
    while not stop.wait(1.0):
        for path in ("/metrics", "/status"):
            try:
                with urllib.request.urlopen(f"http://{host}:{port}{path}", timeout=2) as response:
                    response.read()
            except OSError:
                pass


if __name__ == "__main__":
    main(sys.argv[1:])
