"""Decoded pictures kept on disk, pixel for pixel, for the next start.

The first attract picture is on screen before anything else, so its decode
sits on the path from power-on to the first frame: an SVG illustration takes
over 10 ms to render at 1080p, a large photograph more. Its pixels, written
here once, come back in a single read into the image's own memory.

The attract screen keeps its whole first frame here the same way, so that
the next start can show it before the fonts are registered, the picture is
read or a word is laid out (see ``AttractScreen.render_frame``).

An entry names the file, its size and modification time, the size it was
decoded at and whatever else the pixels depend on (the font files, the
code that drew them, the words on them); a file whose header does not match
exactly is ignored, and written again after the next decode.
"""

from __future__ import annotations

import logging
import os
import struct
import zlib
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

MAGIC = b"KIOSK-PIXELS-1\n"
_SHAPE = struct.Struct("<IIII")  # width, height, bytes per line, QImage format


class KeptPictures:
    def __init__(self, folder: Path, stamp: str = "") -> None:
        self.folder = folder
        self.stamp = stamp
        """What else the pixels depend on (the font files), as text."""

    def entry(self, path: Path, size: QSize, cover: bool) -> Path:
        name = f"{path}|{size.width()}x{size.height()}|{int(cover)}"
        return self.folder / f"{zlib.crc32(name.encode()):08x}.pixels"

    def load(self, path: Path, size: QSize, cover: bool, detail: str = "") -> QImage | None:
        """The picture as last kept, or None if anything about it changed.
        ``detail``: anything else the pixels depend on, as text."""
        try:
            key = self._key(path, size, cover, detail)
            with open(self.entry(path, size, cover), "rb") as file:
                if file.readline() != MAGIC or file.readline() != key:
                    return None
                width, height, line, kind = _SHAPE.unpack(file.read(_SHAPE.size))
                image = QImage(width, height, QImage.Format(kind))
                if image.isNull() or image.bytesPerLine() != line:
                    return None
                if file.readinto(image.bits()) != image.sizeInBytes() or file.read(1):
                    return None
        except (OSError, ValueError, struct.error):
            return None
        return image

    def save(self, path: Path, size: QSize, cover: bool, image: QImage, detail: str = "") -> None:
        """Write the picture (from any thread); failing to is never an error."""
        target = self.entry(path, size, cover)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        try:
            key = self._key(path, size, cover, detail)
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(partial, "wb") as file:
                file.write(MAGIC + key)
                file.write(_SHAPE.pack(image.width(), image.height(), image.bytesPerLine(), image.format().value))
                file.write(image.constBits())
            os.replace(partial, target)
        except OSError as error:
            log.info("could not keep the decoded picture %s: %s", path, error)
            partial.unlink(missing_ok=True)

    def _key(self, path: Path, size: QSize, cover: bool, detail: str) -> bytes:
        info = path.stat()
        text = f"{path}|{info.st_size}|{info.st_mtime_ns}|{size.width()}x{size.height()}|{cover}|{self.stamp}|{detail}"
        return text.encode("utf-8", "surrogateescape").replace(b"\n", b" ") + b"\n"


def stamp_of(paths: list[Path]) -> str:
    """Files as they are now (name, size, modification time), for a key."""
    stamps = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return ",".join(stamps)


def source_files(package_dir: Path) -> list[Path]:
    """The Python files of a package folder and its sub-folders, for ``stamp_of``."""
    found: list[Path] = []
    for entry in os.scandir(package_dir):
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            found += source_files(Path(entry.path))
        elif entry.name.endswith(".py"):
            found.append(Path(entry.path))
    return sorted(found)
