"""The curator's preview follows real saves: in place and by atomic rename."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core import events as ev
from kiosk.core.loader import load_exhibit
from kiosk.core.navigation import Screen
from kiosk.ui.curator.preview import PreviewWindow
from kiosk.ui.media.images import ImageStore
from kiosk.ui.style.fonts import register_fonts
from tests.helpers import copy_minimal


@pytest.fixture
def preview(qtbot, tmp_path: Path) -> Iterator[PreviewWindow]:
    path = copy_minimal(tmp_path)
    store = ImageStore()
    window = PreviewWindow(path, load_exhibit(path), store, register_fonts(), size=(1280, 800))
    qtbot.addWidget(window)
    window.show()
    window.start()
    yield window
    window.stop()
    store.wait()


def save_in_place(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    """What many editors do: write a new file, then rename it over the old."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@pytest.mark.parametrize("save", [save_in_place, save_by_rename], ids=["in-place", "rename"])
def test_a_save_reloads_and_keeps_the_stop_being_edited(qtbot, preview: PreviewWindow, save) -> None:
    preview.controller.send(ev.Touch())
    preview.controller.send(ev.OpenStop(1))
    path = preview.exhibit_path
    for round_ in range(2):  # the second save checks the file is still watched
        with qtbot.waitSignal(preview.reloaded, timeout=2000) as reloaded:
            save(
                path,
                path.read_text().replace(
                    "Segunda parada" if round_ == 0 else "Parada editada",
                    "Parada editada" if round_ == 0 else "Otra vez",
                ),
            )
        assert reloaded.args == [True]
        state = preview.controller.machine.state
        assert (state.screen, state.stop) == (Screen.STOP, 1)
        assert preview.kiosk.stop.title.text() == ("Parada editada" if round_ == 0 else "Otra vez")


@pytest.mark.parametrize("save", [save_in_place, save_by_rename], ids=["in-place", "rename"])
def test_an_invalid_save_keeps_the_last_good_content_and_shows_the_error(qtbot, preview: PreviewWindow, save) -> None:
    path = preview.exhibit_path
    good = path.read_text()
    with qtbot.waitSignal(preview.reloaded, timeout=2000) as reloaded:
        save(path, good.replace("date: 1949", "date: 1949-02-30"))
    assert reloaded.args == [False]
    assert preview.banner.isVisible()
    assert preview.banner.lines[0] == f"{path}:23:11: error: '1949-02-30' is not a real day: 1949-02 has 28 days"
    assert preview.banner.lines[2:4] == ["  23 |     date: 1949-02-30", "     |           ^"]  # as the terminal shows
    assert preview.controller.exhibit.stops[0].date.label("en") == "1949"  # last good content
    with qtbot.waitSignal(preview.reloaded, timeout=2000) as reloaded:
        save(path, good)
    assert reloaded.args == [True]
    assert not preview.banner.isVisible()


def test_a_changed_picture_is_shown_anew(qtbot, preview: PreviewWindow) -> None:
    preview.controller.send(ev.Touch())
    preview.controller.send(ev.OpenStop(1))
    picture = preview.exhibit_path.parent.parent / "media" / "mini" / "square.png"
    with qtbot.waitSignal(preview.reloaded, timeout=2000):
        picture.write_bytes((picture.parent / "corrupt.png").read_bytes())
    qtbot.waitUntil(lambda: preview.kiosk.stop.image.showing_fallback, timeout=2000)


def test_screen_sizes_can_be_chosen(preview: PreviewWindow) -> None:
    preview.sizes.setCurrentText("1080 × 1920")
    assert (preview.kiosk.width(), preview.kiosk.height()) == (1080, 1920)
