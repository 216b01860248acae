"""The memory soak, in a process of its own so the figures are the kiosk's alone.

python -m kiosk.bench.memory EXHIBIT EVENTS RESETS   (prints JSON)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.bench import interaction

    exhibit, events, resets = Path(argv[0]), int(argv[1]), int(argv[2])
    rig = interaction.make_rig(exhibit)
    try:
        start, warm, after = interaction.soak(rig, events, resets)
    finally:
        rig.close()
    print(json.dumps({"start": start, "warm": warm, "after": after}))


if __name__ == "__main__":
    main(sys.argv[1:])
