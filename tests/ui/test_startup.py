"""What makes the first frame quick: kept pixels, the fonts before any decode,
and the attract screen's kept first frame, none of them ever shown stale."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QThreadPool
from PySide6.QtGui import QColor, QImage

import kiosk.ui.media.images as images
from kiosk.core.loader import load_exhibit
from kiosk.core.state import attract_state
from kiosk.ui.media.images import ImageStore, fitted
from kiosk.ui.media.kept_pictures import KeptPictures
from kiosk.ui.runtime.startup import _recall_first_frame
from kiosk.ui.runtime.window import KioskWindow
from kiosk.ui.style.fonts import register_fonts
from tests.helpers import copy_minimal


def _picture(tmp_path: Path) -> Path:
    path = tmp_path / "scene.png"
    image = QImage(40, 30, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#204060"))
    image.save(str(path))
    return path


def test_kept_pixels_come_back_exactly(tmp_path: Path) -> None:
    kept = KeptPictures(tmp_path / "kept", stamp="fonts-1")
    source = _picture(tmp_path)
    image = QImage(str(source)).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    kept.save(source, QSize(40, 30), True, image, detail="words")
    assert kept.load(source, QSize(40, 30), True, detail="words") == image


@pytest.mark.parametrize(
    "change", ["picture edited", "other size", "other fonts", "other words", "cut short", "not ours"]
)
def test_kept_pixels_are_refused_when_anything_changed(tmp_path: Path, change: str) -> None:
    kept = KeptPictures(tmp_path / "kept", stamp="fonts-1")
    source = _picture(tmp_path)
    size = QSize(40, 30)
    kept.save(source, size, False, QImage(str(source)), detail="words")
    entry = kept.entry(source, size, False)
    detail = "words"
    if change == "picture edited":
        later = source.stat().st_mtime_ns + 2_000_000_000
        os.utime(source, ns=(later, later))
    elif change == "other size":
        entry.rename(kept.entry(source, QSize(41, 30), False))
        size = QSize(41, 30)
    elif change == "other fonts":
        kept = KeptPictures(tmp_path / "kept", stamp="fonts-2")
    elif change == "other words":
        detail = "other words"
    elif change == "cut short":
        entry.write_bytes(entry.read_bytes()[:-10])
    else:
        entry.write_bytes(b"\x89PNG not a kept picture")
    assert kept.load(source, size, False, detail=detail) is None


def test_no_picture_is_decoded_before_the_fonts_are_registered(qtbot, tmp_path: Path, monkeypatch) -> None:
    """An SVG's lettering drawn before Inter is registered would be drawn, and
    kept, in a fallback font: decodes wait for the preparation."""
    pool = QThreadPool()
    pool.setMaxThreadCount(2)  # room for a decode to start beside the preparation
    store = ImageStore(pool=pool)
    release, order = threading.Event(), []
    real_decode = images.decode

    def decode(*args, **kwargs):
        order.append("decode")
        return real_decode(*args, **kwargs)

    def prepare() -> None:
        release.wait(10)
        order.append("fonts")

    monkeypatch.setattr(images, "decode", decode)
    store.prepare(prepare)
    store.request(_picture(tmp_path), QSize(20, 15))
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 2, timeout=3000)  # both tasks are running
    assert order == [] and not store.is_prepared()
    with qtbot.waitSignal(store.ready, timeout=3000):
        release.set()
    assert order == ["fonts", "decode"] and store.is_prepared()
    assert pool.waitForDone(3000)


def test_fitted_keeps_the_shape_inside_or_around_the_box() -> None:
    assert fitted(QSize(400, 300), QSize(200, 200)) == QSize(200, 150)
    assert fitted(QSize(400, 300), QSize(200, 200), cover=True) == QSize(267, 200)
    assert fitted(QSize(1000, 625), QSize(2073, 1166), cover=True) == QSize(2073, 1296)


def _attract_window(qtbot, exhibit_path: Path, store: ImageStore) -> KioskWindow:
    window = KioskWindow(store, register_fonts())
    qtbot.addWidget(window)
    window.resize(800, 450)
    window.show_state(load_exhibit(exhibit_path), attract_state("es"))
    return window


def test_the_kept_first_frame_is_shown_until_the_live_one_is_ready(qtbot, tmp_path: Path) -> None:
    exhibit_path = copy_minimal(tmp_path)
    picture = next(load_exhibit(exhibit_path).attract_images()).path
    frames = KeptPictures(tmp_path / "frames", stamp="fonts and code")

    # A first start: drawn live, then kept.
    first = _attract_window(qtbot, exhibit_path, ImageStore())
    assert not _recall_first_frame(frames, first.attract, picture, first.size())
    first.show()
    with qtbot.waitSignal(first.attract.first_picture, timeout=3000):
        pass
    kept = first.attract.render_frame()
    frames.save(picture, first.attract.size(), False, kept, first.attract.frame_detail())
    first.close()
    first.store.wait()

    # The next start: nothing can be drawn live yet (the fonts are "still being
    # registered"), and the kept frame is on screen at once, pixel for pixel.
    release = threading.Event()
    store = ImageStore()
    store.prepare(lambda: release.wait(10))
    second = _attract_window(qtbot, exhibit_path, store)
    assert _recall_first_frame(frames, second.attract, picture, second.size())
    second.show()
    with qtbot.waitSignal(second.attract.first_picture, timeout=3000):
        pass
    assert second.attract.showing_picture() and second.attract.kept_frame is not None
    assert second.attract.grab().toImage().convertToFormat(kept.format()) == kept

    release.set()  # the fonts are in; the live frames take over and the kept one is let go
    qtbot.waitUntil(store.is_prepared, timeout=3000)
    store.request(picture, second.attract.request_size(800, 450), cover=True)
    qtbot.waitUntil(lambda: second.attract.kept_frame is None, timeout=3000)
    second.close()
    store.wait()


def test_a_kept_frame_with_other_words_is_not_shown(qtbot, tmp_path: Path) -> None:
    exhibit_path = copy_minimal(tmp_path)
    picture = next(load_exhibit(exhibit_path).attract_images()).path
    frames = KeptPictures(tmp_path / "frames", stamp="fonts and code")
    window = _attract_window(qtbot, exhibit_path, ImageStore())
    frames.save(picture, window.size(), False, window.attract.render_frame(), "an older title")
    assert not _recall_first_frame(frames, window.attract, picture, window.size())
    window.store.wait()


def test_a_held_store_decodes_nothing_and_the_attract_screen_waits(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Before the kiosk hands the store its fonts, a paint must not start a
    decode whose lettering would be drawn in a fallback font."""
    calls: list[Path] = []
    monkeypatch.setattr(images, "decode", lambda path, *args, **kwargs: calls.append(path))
    store = ImageStore()
    store.hold()
    window = _attract_window(qtbot, copy_minimal(tmp_path), store)
    window.show()
    qtbot.waitExposed(window)
    window.attract.repaint()
    assert not window.attract.showing_picture() and not store.is_prepared()
    store.prepare(lambda: None)
    qtbot.waitUntil(store.is_prepared, timeout=3000)
    window.attract.repaint()
    assert store.wait(3000)
    assert len(calls) == 1  # now, and only now, the first picture is decoded
    window.close()


def _keep_a_first_frame(qtbot, exhibit_path: Path, frames: KeptPictures, size: tuple[int, int]) -> Path:
    picture = next(load_exhibit(exhibit_path).attract_images()).path
    window = _attract_window(qtbot, exhibit_path, ImageStore())
    window.resize(*size)
    window.show()
    with qtbot.waitSignal(window.attract.first_picture, timeout=3000):
        pass
    frames.save(picture, window.attract.size(), False, window.attract.render_frame(), window.attract.frame_detail())
    window.close()
    window.store.wait()
    return picture


def test_a_kept_frame_of_another_size_never_holds_up_the_start(qtbot, tmp_path: Path) -> None:
    """A frame kept on one screen, and a start on another (a rotated display): it
    is discarded and the live frame comes, so READY=1 is sent."""
    exhibit_path = copy_minimal(tmp_path)
    frames = KeptPictures(tmp_path / "frames", stamp="fonts and code")
    picture = _keep_a_first_frame(qtbot, exhibit_path, frames, (800, 450))
    window = _attract_window(qtbot, exhibit_path, ImageStore())
    window.resize(800, 450)
    assert _recall_first_frame(frames, window.attract, picture, window.size())
    window.resize(450, 800)  # the window ends up another size
    window.show()
    with qtbot.waitSignal(window.attract.first_picture, timeout=3000):
        pass
    assert window.attract.kept_frame is None
    window.close()
    window.store.wait()


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_kept_frame_is_ignored(qtbot, tmp_path: Path, damage: str) -> None:
    exhibit_path = copy_minimal(tmp_path)
    frames = KeptPictures(tmp_path / "frames", stamp="fonts and code")
    picture = _keep_a_first_frame(qtbot, exhibit_path, frames, (800, 450))
    entry = next((tmp_path / "frames").glob("*.pixels"))
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] if damage == "truncated" else data[:20] + b"\xff" * (len(data) - 20))
    window = _attract_window(qtbot, exhibit_path, ImageStore())
    assert not _recall_first_frame(frames, window.attract, picture, window.size())
    window.store.wait()


def test_the_start_deadline_draws_live_whatever_is_still_on_its_way(qtbot, tmp_path: Path) -> None:
    """A decode (or font registration) that never finishes: after the deadline the
    attract screen is drawn live without its picture, and the kiosk counts as started."""
    release = threading.Event()
    store = ImageStore()
    store.prepare(lambda: release.wait(10))  # stuck, as a hung decoder would be
    window = _attract_window(qtbot, copy_minimal(tmp_path), store)
    window.show()
    qtbot.waitExposed(window)
    window.attract.repaint()
    assert not window.attract.showing_picture()
    with qtbot.waitSignal(window.attract.first_picture, timeout=3000):
        window.attract.give_up_waiting()
    assert window.attract.showing_picture()
    release.set()
    window.close()
    store.wait()
