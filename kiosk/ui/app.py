"""Start the kiosk: load the exhibit through the loader, then open the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kiosk.core.loader import check_exhibit

log = logging.getLogger(__name__)


def run_app(exhibit_path: Path, kiosk_mode: bool = False, language: str | None = None,
            media_root: Path | None = None, size: tuple[int, int] | None = None) -> int:
    result = check_exhibit(exhibit_path, media_root)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if result.exhibit is None:
        print("kiosk: the exhibit has errors; fix them and start again", file=sys.stderr)
        return 1
    exhibit = result.exhibit
    if language is not None and language not in exhibit.language_codes:
        print(f"kiosk: --lang {language} is not one of {', '.join(exhibit.language_codes)}", file=sys.stderr)
        return 2

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.controller import KioskController
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.images import ImageStore
    from kiosk.ui.window import KioskWindow

    level = os.environ.get("KIOSK_LOG_LEVEL", "INFO").upper()
    logging.basicConfig(level=getattr(logging, level, logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("museum-kiosk")
    family = register_fonts()
    store = ImageStore()
    window = KioskWindow(store, family)
    controller = KioskController(exhibit, window, language=language)
    if kiosk_mode:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.showFullScreen()
    else:
        width, height = size or (1920, 1080)
        window.resize(width, height)
        window.show()
    controller.start()
    code = app.exec()
    controller.stop()
    store.wait()
    return code
