"""Start the kiosk, in named phases: the checked exhibit; the first frame; on the
screen; the runtime once the first frame is out; the event loop until exit."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core import exhibit_cache
from kiosk.core.config import Config
from kiosk.core.notify import notify
from kiosk.core.paths import cache_dir, state_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QApplication

    from kiosk.core.model import Exhibit, Image
    from kiosk.logsetup import LogTail
    from kiosk.ui.media.images import ImageStore
    from kiosk.ui.media.kept_pictures import KeptPictures
    from kiosk.ui.runtime.supervisor import KioskRuntime
    from kiosk.ui.runtime.window import KioskWindow
    from kiosk.ui.screens.attract import AttractScreen

log = logging.getLogger(__name__)

START_DEADLINE_MS = 3000
NO_SCREEN_MS = 6000
"""With no frame painted by then, there is no screen to paint on (a display off
or absent at boot): the kiosk starts without it and shows when one appears."""


@dataclass(frozen=True)
class Launch:
    """What `kiosk run` was asked for."""

    exhibit_path: Path
    kiosk_mode: bool
    language: str | None
    media_root: Path | None
    size: tuple[int, int] | None
    config: Config
    screen: int | None
    show_cursor: bool | None

    @property
    def screen_number(self) -> int:
        """The screen asked for: ``--screen``, else config.yaml's ``screen``."""
        return self.screen if self.screen is not None else self.config.screen


@dataclass
class FirstFrame:
    """What the first frame is drawn with, and what the runtime takes over after it."""

    app: QApplication
    window: KioskWindow
    store: ImageStore
    frames: KeptPictures
    screen: QScreen
    tail: LogTail
    first: Image | None
    recalled: bool
    prepare_live: Callable[[], None]


def run_app(
    exhibit_path: Path,
    kiosk_mode: bool = False,
    language: str | None = None,
    media_root: Path | None = None,
    size: tuple[int, int] | None = None,
    config: Config | None = None,
    screen: int | None = None,
    show_cursor: bool | None = None,
) -> int:
    """Start the kiosk, in the order a visitor waits on: the checked exhibit (from
    its cache when unchanged); Qt; the attract screen and its first frame, kept
    from the last start or else drawn once the fonts are registered and the
    first picture is ready (both on a worker thread); and only then the runtime
    (machine, input, narration, staff, statistics), imports that nobody can
    tell from the first frame. See README, "How the kiosk starts quickly"."""
    launch = Launch(exhibit_path, kiosk_mode, language, media_root, size, config or Config(), screen, show_cursor)
    exhibit = checked_exhibit(launch)
    if isinstance(exhibit, int):
        return exhibit
    frame = first_frame(launch, exhibit)
    show(launch, frame)
    running: list[KioskRuntime] = []

    def start_once() -> None:
        if not running:
            running.append(start_runtime(launch, exhibit, frame))

    def without_a_screen() -> None:
        if not running:
            log.warning("no frame painted yet: no screen to paint on; starting, and showing when one appears")
            start_once()

    frame.window.attract.first_picture.connect(start_once)
    # Whatever the caches say or a decoder does, the kiosk starts: after this long it draws
    # live with what it has, and a picture still on its way is drawn when it comes.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(START_DEADLINE_MS, frame.window.attract.give_up_waiting)
    # And with nothing to draw on (a display off or unplugged at boot), the rest of the
    # kiosk still starts: staff can reach it, systemd hears READY=1, the screen follower
    # puts the window on the display when it comes.
    QTimer.singleShot(NO_SCREEN_MS, without_a_screen)
    return run_until_exit(frame, running)


def checked_exhibit(launch: Launch) -> Exhibit | int:
    """Phase 1: the exhibit, checked (or from its cache), or the exit code for its errors."""
    exhibit, diagnostics = exhibit_cache.check(launch.exhibit_path, launch.media_root)
    for diagnostic in diagnostics:
        print(diagnostic.full(), file=sys.stderr)
    if exhibit is None:
        print("kiosk: the exhibit has errors; fix them and start again", file=sys.stderr)
        return 1
    language = launch.language or launch.config.default_language
    if language is not None and language not in exhibit.language_codes:
        print(f"kiosk: language {language} is not one of {', '.join(exhibit.language_codes)}", file=sys.stderr)
        return 2
    return exhibit


def first_frame(launch: Launch, exhibit: Exhibit) -> FirstFrame:
    """Phase 2: Qt, the window and the attract screen; the first frame's picture and
    fonts start on a worker (or the frame kept from the last start is recalled)."""
    from kiosk.core.state import attract_state
    from kiosk.logsetup import setup_logging
    from kiosk.ui.media.images import ImageStore
    from kiosk.ui.media.kept_pictures import KeptPictures, stamp_of
    from kiosk.ui.runtime.qtapp import application
    from kiosk.ui.runtime.screen_follow import wanted_screen
    from kiosk.ui.runtime.window import KioskWindow
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.style.fonts import font_family, font_files, register

    config = launch.config
    tail = setup_logging(None)  # stderr and the staff panel's tail now; the file after the first frame
    app = application()
    app.setApplicationName("museum-kiosk")
    fonts = font_files()
    drawn_with = stamp_of(fonts + drawing_code())  # the fonts and the code that draws the first frame
    store = ImageStore(kept=KeptPictures(cache_dir() / "pictures", drawn_with))
    store.hold()  # no decode before the fonts its lettering needs (prepare_live)
    store.media_root = exhibit.media_root  # no file outside it reaches the screen
    frames = KeptPictures(cache_dir() / "frames", drawn_with)
    chosen = wanted_screen(app.screens(), launch.screen_number) or app.primaryScreen()
    width, height = chosen.size().toTuple() if launch.kiosk_mode else (launch.size or (1920, 1080))
    first = next(exhibit.attract_images(), None)

    def prepare_live() -> None:
        """On a worker: the fonts, then the first picture (kept from the last start, or decoded)."""
        store.prepare(lambda: register(fonts))
        if first is not None:
            store.request(first.path, AttractScreen.request_size(width, height), cover=True, keep=True)

    window = KioskWindow(store, font_family(fonts))
    if launch.kiosk_mode:
        window.setScreen(chosen)
        window.setGeometry(chosen.geometry())
    else:
        window.resize(width, height)
    language = launch.language or config.default_language or exhibit.default_language
    window.show_state(exhibit, attract_state(language, config.reduced_motion))
    recalled = _recall_first_frame(frames, window.attract, first.path if first else None, window.size())
    if not recalled:  # the first frame will be drawn live: start on what it needs now
        prepare_live()
    return FirstFrame(app, window, store, frames, chosen, tail, first, recalled, prepare_live)


def show(launch: Launch, frame: FirstFrame) -> None:
    """Phase 3: on the screen, locked down in kiosk mode."""
    if not launch.kiosk_mode:
        frame.window.show()
        return
    frame.window.lock_down()
    from kiosk.ui.runtime.screen_follow import ScreenFollower

    frame.window.screen_follower = ScreenFollower(frame.app, frame.window, launch.screen_number)
    if not (launch.show_cursor if launch.show_cursor is not None else launch.config.show_cursor):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QCursor

        frame.app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))


def start_runtime(launch: Launch, exhibit: Exhibit, frame: FirstFrame) -> KioskRuntime:
    """Phase 4, once the first frame is out: the rest of the kiosk."""
    notify("STATUS=attract screen shown")  # systemd shows it; `kiosk bench` times it
    from kiosk.logsetup import attach_file_log
    from kiosk.ui.runtime.supervisor import KioskRuntime

    window, first, config = frame.window, frame.first, launch.config
    if frame.recalled:
        frame.prepare_live()  # the kept frame stays on screen until these are ready
    elif first is not None and not frame.store.is_broken(first.path) and window.attract.showing_picture():
        attract = window.attract  # kept only as painted on a screen (never without one)
        frame.frames.save(first.path, attract.size(), False, attract.render_frame(), attract.frame_detail())
    folder = state_dir()
    attach_file_log(folder)
    runtime = KioskRuntime(
        launch.exhibit_path,
        exhibit,
        window,
        config,
        media_root=launch.media_root,
        language=launch.language or config.default_language,
        stats_path=folder / "statistics.sqlite3",
        log_tail=frame.tail,
        state_folder=folder,
    )
    runtime.controller.watcher.lockdown = launch.kiosk_mode
    runtime.start()
    mode = " in kiosk mode" * launch.kiosk_mode
    log.info("kiosk started on %s (%d stops)%s", launch.exhibit_path, len(exhibit.stops), mode)
    if launch.kiosk_mode:
        from PySide6.QtCore import Qt

        frameless = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
        log.info(
            "kiosk window: full screen=%s frameless=%s screen=%s", window.isFullScreen(), frameless, frame.screen.name()
        )
        if not config.pin_hash:
            log.warning(
                "no staff PIN is set: the staff panel cannot be opened and exit is disabled "
                "(set one with 'kiosk set-pin')"
            )
    return runtime


def run_until_exit(frame: FirstFrame, running: list[KioskRuntime]) -> int:
    """Phase 5: the event loop; then stop, and start again in place for a staff restart."""
    code = frame.app.exec()
    for runtime in running:
        runtime.stop()
    frame.store.wait()
    from kiosk.ui.runtime.supervisor import EXIT_RESTART

    if code == EXIT_RESTART and not os.environ.get("INVOCATION_ID"):
        # not under systemd (which restarts us itself): start again in place
        os.execv(sys.executable, [sys.executable, "-m", "kiosk", *sys.argv[1:]])
    return code


def drawing_code() -> list[Path]:
    """The interface's source files and the core's colours and words: what a kept frame was drawn by."""
    from kiosk.ui.media.kept_pictures import source_files

    ui = Path(__file__).resolve().parent.parent
    core = ui.parent / "core"
    return [*source_files(ui), core / "theme.py", core / "strings.py"]


def _recall_first_frame(frames: KeptPictures, attract: AttractScreen, picture: Path | None, size: QSize) -> bool:
    """Give the attract screen its first frame as drawn at the last start, if
    nothing it was drawn from has changed. It is drawn until the live frame is
    ready: before the fonts are registered, the picture is read or any of
    PySide's Qt enums (some 10 ms to set up) are needed."""
    if picture is None:
        return False
    attract.kept_frame = frames.load(picture, size, False, attract.frame_detail())
    return attract.kept_frame is not None


def run_preview(exhibit_path: Path, media_root: Path | None = None, size: tuple[int, int] | None = None) -> int:
    """The kiosk in a resizable window that reloads when the file is saved."""
    from kiosk.core.loader import check_exhibit

    result = check_exhibit(exhibit_path, media_root)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if result.exhibit is None:
        print("kiosk: fix the errors above once; after that the preview keeps the last good version", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from kiosk.logsetup import setup_logging
    from kiosk.ui.curator.preview import PreviewWindow
    from kiosk.ui.media.images import ImageStore
    from kiosk.ui.style.fonts import register_fonts

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
