"""Start the kiosk: configuration, exhibit through the loader, then the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kiosk.core.config import Config
from kiosk.core.loader import check_exhibit
from kiosk.core.paths import state_dir

log = logging.getLogger(__name__)


def run_app(exhibit_path: Path, kiosk_mode: bool = False, language: str | None = None,
            media_root: Path | None = None, size: tuple[int, int] | None = None,
            config: Config | None = None, screen: int | None = None, show_cursor: bool | None = None) -> int:
    config = config or Config()
    result = check_exhibit(exhibit_path, media_root)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if result.exhibit is None:
        print("kiosk: the exhibit has errors; fix them and start again", file=sys.stderr)
        return 1
    exhibit = result.exhibit
    language = language or config.default_language
    if language is not None and language not in exhibit.language_codes:
        print(f"kiosk: language {language} is not one of {', '.join(exhibit.language_codes)}", file=sys.stderr)
        return 2

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    from kiosk.logsetup import attach_file_log, setup_logging
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.images import ImageStore
    from kiosk.ui.runtime import EXIT_RESTART, KioskRuntime
    from kiosk.ui.window import KioskWindow

    from kiosk.ui.allocator import tune_allocator

    tune_allocator()
    folder = state_dir()
    tail = setup_logging(None)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("museum-kiosk")
    family = register_fonts()  # before any picture is drawn: SVG lettering uses Inter
    store = ImageStore()
    screens = app.screens()
    chosen = screens[min(screen if screen is not None else config.screen, len(screens) - 1)]
    width, height = chosen.size().toTuple() if kiosk_mode else (size or (1920, 1080))
    first = next(exhibit.attract_images(), None)
    if first is not None:  # decode the first picture while the window is being built
        store.request(first.path, AttractScreen.request_size(width, height), cover=True)
    window = KioskWindow(store, family)
    runtime = KioskRuntime(exhibit_path, exhibit, window, config, media_root=media_root, language=language,
                           stats_path=folder / "statistics.sqlite3", log_tail=tail)
    if kiosk_mode:
        window.setScreen(chosen)
        window.setGeometry(chosen.geometry())
        runtime.controller.watcher.lockdown = True
        window.lock_down()
        if not (show_cursor if show_cursor is not None else config.show_cursor):
            app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    else:
        window.resize(width, height)
        window.show()

    def announce() -> None:
        """After the first frame: open the log file, then say how we started."""
        attach_file_log(folder)
        log.info("kiosk started on %s (%d stops)%s", exhibit_path, len(exhibit.stops),
                 " in kiosk mode" * kiosk_mode)
        if kiosk_mode:
            frameless = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
            log.info("kiosk window: full screen=%s frameless=%s screen=%s", window.isFullScreen(), frameless,
                     chosen.name())
            if not config.pin_hash:
                log.warning("no staff PIN is set: the staff panel cannot be opened and exit is disabled "
                            "(set one with 'kiosk set-pin')")

    QTimer.singleShot(0, announce)
    runtime.start()
    code = app.exec()
    runtime.stop()
    store.wait()
    if code == EXIT_RESTART and not os.environ.get("INVOCATION_ID"):
        # not under systemd (which restarts us itself): start again in place
        os.execv(sys.executable, [sys.executable, "-m", "kiosk", *sys.argv[1:]])
    return code


def run_preview(exhibit_path: Path, media_root: Path | None = None, size: tuple[int, int] | None = None) -> int:
    """The kiosk in a resizable window that reloads when the file is saved."""
    result = check_exhibit(exhibit_path, media_root)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if result.exhibit is None:
        print("kiosk: fix the errors above once; after that the preview keeps the last good version",
              file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from kiosk.logsetup import setup_logging
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.images import ImageStore
    from kiosk.ui.preview import PreviewWindow

    setup_logging(None)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = ImageStore()
    preview = PreviewWindow(exhibit_path, result.exhibit, store, register_fonts(), media_root, size or (1920, 1080))
    preview.resize(1400, 900)
    preview.show()
    preview.start()
    code = app.exec()
    preview.stop()
    store.wait()
    return code
