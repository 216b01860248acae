"""Media paths and file-type checks.

Media paths in an exhibit are relative to the media folder and may never
leave it: a kiosk must not be talked into showing any file on the machine.
File types are checked from the first bytes, because a renamed file is the
commonest way a curator ends up with a broken image.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path, PurePosixPath

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
AUDIO_SUFFIXES = (".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".flac")
VIDEO_SUFFIXES = (".mp4", ".m4v", ".webm")
CAPTION_SUFFIXES = (".vtt",)

_HEADER_BYTES = 4096


def default_media_root(exhibit_path: Path) -> Path:
    """``media/`` beside the ``exhibits/`` folder that holds the file."""
    return exhibit_path.resolve().parent.parent / "media"


class MediaPathError(ValueError):
    """A media path that is malformed or points outside the media folder."""


def resolve_media_path(media_root: Path, relative: str) -> Path:
    """The absolute file a media path names, refusing escapes from the root."""
    if not relative.strip():
        raise MediaPathError("media path is empty")
    if "\\" in relative:
        raise MediaPathError(f"'{relative}': use '/' between folders, not '\\'")
    pure = PurePosixPath(relative)
    if pure.is_absolute() or relative.startswith("~"):
        raise MediaPathError(f"'{relative}' is absolute; media paths are relative to the media folder")
    if ".." in pure.parts:
        raise MediaPathError(f"'{relative}' uses '..'; media paths may not leave the media folder")
    root = media_root.resolve()
    target = (root / pure).resolve()
    if not target.is_relative_to(root):
        raise MediaPathError(f"'{relative}' is a link that points outside the media folder")
    return target


def sniff_kind(path: Path) -> str | None:
    """The file type the first bytes announce ('png', 'jpeg', 'svg', ...)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER_BYTES)
    except OSError:
        return None
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> str | None:
    signatures = (
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"\xff\xd8\xff", "jpeg"),
        (b"GIF87a", "gif"),
        (b"GIF89a", "gif"),
        (b"OggS", "ogg"),
        (b"fLaC", "flac"),
        (b"ID3", "mp3"),
    )
    for magic, kind in signatures:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE"):
        return "webp" if head[8:12] == b"WEBP" else "wav"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        return "vtt"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "mp3"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (text.startswith((b"<?xml", b"<svg", b"<!--"))) and b"<svg" in head.lower():
        return "svg"
    return None


EXPECTED_KIND = {
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".webp": "webp",
    ".svg": "svg",
    ".mp3": "mp3",
    ".ogg": "ogg",
    ".oga": "ogg",
    ".opus": "ogg",
    ".wav": "wav",
    ".m4a": "mp4",
    ".mp4": "mp4",
    ".m4v": "mp4",
    ".webm": "webm",
    ".vtt": "vtt",
    ".flac": "flac",
}


# --- what a media file may contain ------------------------------------------------
MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 256 * 1024 * 1024 // 4
"""Qt's image reader refuses to allocate more than 256 MB: this many 32-bit pixels."""

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_REFERENCE = re.compile(rb"""(?:\bhref|\bsrc)\s*=\s*(["'])(.*?)\1|url\(\s*(["']?)([^)"']*)\3\s*\)""", re.DOTALL)
_IMPORT = re.compile(rb"@import", re.IGNORECASE)


def svg_problems(data: bytes) -> list[str]:
    """What makes an SVG unsafe to show: entity declarations (the "billion laughs"
    expansion), and references to anything outside itself (a file on the machine,
    another part of media/, any URL): only '#fragments' and data: URIs may stay."""
    problems = []
    if len(data) > MAX_SVG_BYTES:
        problems.append(f"the SVG is {len(data) / 1e6:.1f} MB; at most {MAX_SVG_BYTES // (1024 * 1024)} MB")
    if _ENTITY.search(data):
        problems.append("the SVG declares XML entities (<!ENTITY ...>), which can expand without bound; remove them")
    if _IMPORT.search(data):
        problems.append("the SVG imports a style sheet (@import); put the styles in the file itself")
    for match in _REFERENCE.finditer(data):
        target = (match.group(2) if match.group(2) is not None else match.group(4) or b"").strip()
        if not target or target.startswith(b"#") or target.lower().startswith(b"data:"):
            continue
        shown = target.decode("utf-8", "replace")[:80]
        problems.append(f"the SVG refers to '{shown}', outside the file; embed it (a data: URI) or draw it in")
    return problems


def pixel_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from a bitmap's first bytes (PNG, GIF, JPEG, WebP), or None."""
    kind = sniff_bytes(head)
    if kind == "png" and len(head) >= 24 and head[12:16] == b"IHDR":  # else damaged: the decoder's fallback
        return struct.unpack(">II", head[16:24])
    if kind == "gif" and len(head) >= 10:
        return struct.unpack("<HH", head[6:10])
    if kind == "webp":
        return _webp_size(head)
    if kind == "jpeg":
        return _jpeg_size(head)
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        return width, int.from_bytes(head[27:30], "little") + 1
    if chunk == b"VP8 " and len(head) >= 30:
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        length = int.from_bytes(head[at + 2 : at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def content_problems(path: Path, kind: str) -> list[str]:
    """Problems inside a file of a known kind that would stop the kiosk showing it."""
    try:
        if kind == "svg":
            with path.open("rb") as handle:
                return svg_problems(handle.read(MAX_SVG_BYTES + 1))
        if kind == "mp4":
            from kiosk.core.clips import mp4_problems

            return mp4_problems(path)
        with path.open("rb") as handle:
            head = handle.read(256 * 1024)  # a JPEG's size can sit after its metadata
    except OSError as error:
        return [f"cannot read the file: {error.strerror or error}"]
    size = pixel_size(head)
    if size is not None and size[0] * size[1] > MAX_PIXELS:
        return [
            f"the picture is {size[0]}x{size[1]} pixels, more than the kiosk can decode; "
            "scale it down (a few thousand pixels across is plenty)"
        ]
    return []


def resolve_at_open(path: Path, root: Path) -> Path | None:
    """The file to open, resolved now (a link swapped since validation is seen),
    or None when it now points outside the media folder."""
    try:
        target = path.resolve(strict=True)
    except OSError:
        return None
    return target if target.is_relative_to(root.resolve()) else None
