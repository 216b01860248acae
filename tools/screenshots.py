"""Render kiosk screens offscreen to PNG files, for looking at them.

QT_QPA_PLATFORM=offscreen python tools/screenshots.py OUT_DIR [WxH ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.cli import bundled_exhibit
from kiosk.core import events as ev
from kiosk.core.loader import load_exhibit
from kiosk.ui.media.images import ImageStore
from kiosk.ui.runtime.controller import KioskController
from kiosk.ui.runtime.window import KioskWindow
from kiosk.ui.style.fonts import register_fonts


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle(app: QApplication, store: ImageStore, window: KioskWindow) -> None:
    for _ in range(3):
        store.wait()
        app.processEvents()
    window.end_transition()


def main(out: Path, sizes: list[tuple[int, int]], langs: list[str], text_sizes: list[int]) -> None:
    app = QApplication.instance() or QApplication([])
    family = register_fonts()
    exhibit = load_exhibit(bundled_exhibit())
    out.mkdir(parents=True, exist_ok=True)
    for width, height in sizes:
        for lang in langs:
            for level in text_sizes:
                store = ImageStore()
                window = KioskWindow(store, family)
                window.resize(width, height)
                window.show()
                clock = Clock()
                controller = KioskController(exhibit, window, clock=clock)
                controller.start()
                controller.timer.stop()

                def shot(name: str) -> None:
                    settle(app, store, window)
                    window.grab().save(str(out / f"{width}x{height}-{lang}-t{level}-{name}.png"))

                def send(*events: ev.Event) -> None:
                    for event in events:
                        clock.now += 0.5
                        controller.send(event)

                shot("attract")
                send(ev.Touch(), ev.SetLanguage(lang), ev.SetTextSize(level))
                shot("home")
                send(ev.OpenStop(0))
                shot("stop-first")
                send(ev.Jump(13))
                shot("stop-cob")
                send(ev.Jump(7))
                shot("stop-milluni")
                send(ev.OpenImage(1))
                shot("zoom")
                send(ev.CloseImage(), ev.SetContrast(True))
                shot("stop-contrast")
                send(ev.SetContrast(False))
                clock.now += exhibit.attract.idle_timeout + 3
                controller.send(ev.Tick())
                shot("idle-warning")
                controller.stop()
                window.close()
                window.deleteLater()
                app.processEvents()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    wanted = [tuple(int(p) for p in s.split("x")) for s in sys.argv[2:]] or [(1920, 1080)]
    main(target, wanted, ["es", "en"], [0, 1, 2])  # type: ignore[arg-type]
