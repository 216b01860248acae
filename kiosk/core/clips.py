"""How long a video or audio clip runs, and whether its file is whole, read
from the container itself (MP4 boxes, WebM's EBML), without a media library.

The validator uses this to say that captions run past a clip's end and that a
copied MP4 was cut short, on a curator's laptop that may have no ffmpeg, and
without Qt (the core imports none).
"""

from __future__ import annotations

import struct
from pathlib import Path

_READ_LIMIT = 64 * 1024 * 1024
"""Metadata of the clips a kiosk plays sits well inside this; past it, give up."""


def mp4_problems(path: Path) -> list[str]:
    """Why an MP4 cannot play in full: boxes that run past the end of the
    file (a copy cut short), or no 'moov' box (the index a player needs)."""
    size = path.stat().st_size
    boxes = list(_boxes(path, 0, size))
    if boxes and boxes[-1][2] > size:
        return [
            f"the file is cut short: it is {size:,} bytes but its boxes need {boxes[-1][2]:,}; copy or export it again"
        ]
    if not any(kind == b"moov" for kind, _, _ in boxes):
        return ["the file has no 'moov' box (the index a player needs); export it again"]
    return []


def clip_seconds(path: Path) -> float | None:
    """The running time in seconds, or None when the container does not say."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
        if head[4:8] == b"ftyp":
            return _mp4_seconds(path)
        if head[:4] == b"\x1a\x45\xdf\xa3":
            return _webm_seconds(path)
    except (OSError, ValueError, struct.error):
        return None
    return None


# --- MP4 -----------------------------------------------------------------------------
def _boxes(path: Path, start: int, stop: int) -> list[tuple[bytes, int, int]]:
    """(type, where its body starts, where it ends) for each box in [start, stop)."""
    found: list[tuple[bytes, int, int]] = []
    with path.open("rb") as handle:
        offset = start
        while offset + 8 <= stop and len(found) < 10_000:
            handle.seek(offset)
            header = handle.read(16)
            if len(header) < 8:
                break
            size, kind = struct.unpack(">I4s", header[:8])
            body = offset + 8
            if size == 1 and len(header) == 16:
                size, body = struct.unpack(">Q", header[8:16])[0], offset + 16
            elif size == 0:
                size = stop - offset
            if size < 8:
                break
            found.append((kind, body, offset + size))
            offset += size
    return found


def _mp4_seconds(path: Path) -> float | None:
    size = path.stat().st_size
    for kind, body, end in _boxes(path, 0, size):
        if kind != b"moov":
            continue
        for inner, inner_body, _ in _boxes(path, body, min(end, size)):
            if inner == b"mvhd":
                with path.open("rb") as handle:
                    handle.seek(inner_body)
                    data = handle.read(32)
                if data[0] == 1:
                    timescale, duration = struct.unpack(">IQ", data[20:32])
                else:
                    timescale, duration = struct.unpack(">II", data[12:20])
                return duration / timescale if timescale else None
    return None


# --- WebM (Matroska) -------------------------------------------------------------------
_SEGMENT, _INFO, _SCALE, _DURATION = 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489


def _webm_seconds(path: Path) -> float | None:
    data = path.read_bytes()[:_READ_LIMIT]
    offset = 0
    while offset < len(data):
        element, size, body = _element(data, offset)
        if element == _SEGMENT:
            return _segment_seconds(data, body, len(data) if size is None else min(len(data), body + size))
        if size is None:
            return None
        offset = body + size
    return None


def _segment_seconds(data: bytes, start: int, stop: int) -> float | None:
    offset = start
    while offset < stop:
        element, size, body = _element(data, offset)
        if size is None:
            return None
        if element == _INFO:
            return _info_seconds(data[body : body + size])
        offset = body + size
    return None


def _info_seconds(info: bytes) -> float | None:
    scale, duration, offset = 1_000_000, None, 0
    while offset < len(info):
        element, size, body = _element(info, offset)
        if size is None:
            return None
        value = info[body : body + size]
        if element == _SCALE:
            scale = int.from_bytes(value, "big")
        elif element == _DURATION:
            duration = struct.unpack(">f" if size == 4 else ">d", value)[0]
        offset = body + size
    return duration * scale / 1e9 if duration is not None else None


def _element(data: bytes, offset: int) -> tuple[int, int | None, int]:
    """(id with its marker bits, size or None when unknown, where the body starts)."""
    element, id_length = _vint(data, offset, keep_marker=True)
    size, size_length = _vint(data, offset + id_length, keep_marker=False)
    unknown = size == (1 << (7 * size_length)) - 1
    return element, None if unknown else size, offset + id_length + size_length


def _vint(data: bytes, offset: int, keep_marker: bool) -> tuple[int, int]:
    first = data[offset]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8:
        raise ValueError("not an EBML number")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[offset + 1 : offset + length]:
        value = (value << 8) | byte
    return value, length
