"""The first tap after start: a fresh process, its screens built as at READY=1,
a visitor touches the attract screen and taps the first stop; we time the tap
to the stop painted with its picture. This is the wait a visitor meets first.

    python -m kiosk.bench.first_touch EXHIBIT   (prints milliseconds)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.bench import interaction
    from kiosk.core import events as ev

    rig = interaction.make_rig(Path(argv[0]))
    try:
        rig.window.build_all()  # what the supervisor does just after READY=1
        rig.settle()
        rig.clock.now += 1
        rig.controller.send(ev.Touch())
        rig.settle()
        rig.clock.now += 1
        started = time.perf_counter()
        rig.controller.send(ev.OpenStop(0))
        view = rig.window.stop.image
        while not view.has_image and not view.showing_fallback:
            rig.app.processEvents()
        rig.window.repaint()
        print(f"{(time.perf_counter() - started) * 1000:.3f}")
    finally:
        rig.close()


if __name__ == "__main__":
    main(sys.argv[1:])
