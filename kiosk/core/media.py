"""Media paths and file-type checks.

Media paths in an exhibit are relative to the media folder and may never
leave it: a kiosk must not be talked into showing any file on the machine.
File types are checked from the first bytes, because a renamed file is the
commonest way a curator ends up with a broken image.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
AUDIO_SUFFIXES = (".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".flac")

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
        return "m4a"
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
    ".m4a": "m4a",
    ".flac": "flac",
}
