"""The first tap after start: a fresh process, its screens built as at READY=1,
a visitor touches the attract screen and taps the first stop; we time the tap
to the stop painted with its picture. This is the wait a visitor meets first.

    python -m kiosk.bench.first_touch EXHIBIT   (prints milliseconds)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.bench import interaction

    rig = interaction.make_rig(Path(argv[0]))
    try:
        print(f"{interaction.first_tap_ms(rig):.3f}")
    finally:
        rig.close()


if __name__ == "__main__":
    main(sys.argv[1:])
