"""Nothing outside media/ reaches the screen, however the files change after validation."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from kiosk.core.loader import load_exhibit
from kiosk.ui.media.images import decode, open_svg
from tests.helpers import copy_minimal


def _secret(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    path = folder / "secret.png"
    image.save(str(path))
    return path


def test_an_svg_changed_after_validation_to_show_another_file_is_refused_when_read(tmp_path: Path) -> None:
    exhibit = load_exhibit(copy_minimal(tmp_path))
    secret = _secret(tmp_path / "outside")
    scene = tmp_path / "media" / "mini" / "scene.svg"
    scene.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="{secret}" '
        'width="20" height="20"/></svg>'
    )
    assert decode(scene, QSize(20, 20), root=exhibit.media_root) is None
    assert open_svg(scene, exhibit.media_root) is None


def test_a_media_folder_swapped_for_a_link_is_refused_when_read(tmp_path: Path) -> None:
    exhibit = load_exhibit(copy_minimal(tmp_path))
    picture = next(image.path for stop in exhibit.stops for image in stop.images if image.path.suffix == ".png")
    assert decode(picture, QSize(20, 20), root=exhibit.media_root) is not None  # as validated
    outside = tmp_path / "outside" / "mini"
    shutil.copytree(tmp_path / "media" / "mini", outside)
    _secret(outside).replace(outside / picture.name)
    shutil.rmtree(tmp_path / "media" / "mini")
    (tmp_path / "media" / "mini").symlink_to(outside)  # the content already loaded would follow it
    assert decode(picture, QSize(20, 20), root=exhibit.media_root) is None
