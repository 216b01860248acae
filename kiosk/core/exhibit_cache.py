"""The last cleanly checked exhibit, kept so a restart need not parse YAML.

Checking the bundled exhibit takes a few milliseconds, but it needs PyYAML
and the whole validator imported first: about a fifth of the time from
power-on to the first picture. A kiosk restarts every morning on an exhibit
that rarely changed, so after a check with no errors the built model is
written here, and the next start reads it back instead.

It is JSON, never pickle: whoever can write the cache must not be able to
run code. An entry is used only when everything that made it is unchanged:
the exhibit's bytes, where it and its media folder are, the code that checked
it, and the size and modification time of every picture and recording it
names. Anything else (a deleted photo, a new kiosk version) falls back to the
full check, which reports the problem as usual.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import zlib
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.core.dates import DateSpec, PartialDate
from kiosk.core.diagnostics import Diagnostic, Severity
from kiosk.core.media import MediaPathError, default_media_root, resolve_media_path
from kiosk.core.model import (
    AttractSettings,
    AudioClip,
    Era,
    Exhibit,
    Image,
    Language,
    LocalParagraphs,
    LocalText,
    Quotation,
    Reading,
    Stop,
    Video,
)
from kiosk.core.paths import cache_dir
from kiosk.core.webvtt import Cue

log = logging.getLogger(__name__)

FORMAT = 3
_CLASSES = {
    cls.__name__: cls
    for cls in (
        Exhibit,
        Era,
        Language,
        LocalText,
        LocalParagraphs,
        AttractSettings,
        Stop,
        Image,
        Video,
        Cue,
        AudioClip,
        Quotation,
        Reading,
        DateSpec,
        PartialDate,
    )
}
_CORE = Path(__file__).resolve().parent

Checked = tuple[Exhibit, tuple[Diagnostic, ...]]


def entry_path(exhibit_path: Path, folder: Path | None = None) -> Path:
    name = f"{zlib.crc32(str(exhibit_path.resolve()).encode()):08x}"
    return (folder or cache_dir()) / "exhibits" / f"{exhibit_path.stem}-{name}.json"


def load(exhibit_path: Path, media_root: Path | None = None, folder: Path | None = None) -> Checked | None:
    """The exhibit and its warnings as last checked, or None when anything changed.

    An entry is trusted no more than the file it stands for: every media path
    in it is checked again with the loader's own rule (no way out of media/),
    and every media file against the digest of its content kept with it. An
    entry that fails any check is deleted, so the full check runs and a good
    entry is written again.
    """
    entry = entry_path(exhibit_path, folder)
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    try:
        data = json.loads(raw.decode("utf-8"), object_hook=_decode)
        if data.get("key") != _key(exhibit_path, media_root):
            return None  # made for another version of the file: replaced at the next store
        exhibit = data["exhibit"]
        if not isinstance(exhibit, Exhibit) or not _paths_inside(exhibit) or not _media_unchanged(data["media"]):
            raise ValueError("the entry does not match its media")
        diagnostics = tuple(
            Diagnostic(f, line, col, Severity(sev), msg) for f, line, col, sev, msg in data["diagnostics"]
        )
    except (OSError, ValueError, KeyError, TypeError, MediaPathError) as error:
        log.info("discarding the kept copy of %s: %s", exhibit_path.name, error)
        with contextlib.suppress(OSError):
            entry.unlink()
        return None
    return exhibit, diagnostics


def _paths_inside(exhibit: Exhibit) -> bool:
    """Each media path is what the loader would resolve it to, inside the media folder."""
    for stop in exhibit.stops:
        for image in stop.images:
            files = [(image.file, image.path), *((file, path) for _, file, path in image.per_language)]
            if any(resolve_media_path(exhibit.media_root, file) != path for file, path in files):
                return False
        media = [path for _, path in stop.audio] + [path for item in stop.media for path in item.paths()]
        for path in media:
            if not path.resolve().is_relative_to(exhibit.media_root.resolve()):
                return False
    return True


def store(
    exhibit_path: Path,
    media_root: Path | None,
    exhibit: Exhibit,
    diagnostics: tuple[Diagnostic, ...],
    folder: Path | None = None,
) -> None:
    """Keep a checked exhibit for the next start; failing to is never an error."""
    target = entry_path(exhibit_path, folder)
    data = {
        "key": _key(exhibit_path, media_root),
        "media": {str(path): _stamp(path) for path in media_files(exhibit)},
        "diagnostics": [[d.file, d.line, d.column, d.severity.value, d.message] for d in diagnostics],
        "exhibit": _encode(exhibit),
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
    except (OSError, ValueError) as error:
        log.info("could not keep the checked exhibit for the next start: %s", error)


def media_files(exhibit: Exhibit) -> list[Path]:
    paths = [path for stop in exhibit.stops for image in stop.images for path in image.paths()]
    paths += [path for stop in exhibit.stops for item in stop.media for path in item.paths()]
    return paths + [path for stop in exhibit.stops for _, path in stop.audio]


def _key(exhibit_path: Path, media_root: Path | None) -> str:
    """Everything the check depended on. The file's bytes by two checksums and
    their length: this detects edits; it need not resist forgery, since whoever
    could forge an entry could as well write the exhibit itself."""
    root = (media_root if media_root is not None else default_media_root(exhibit_path)).resolve()
    data = exhibit_path.read_bytes()
    content = f"{len(data)}:{zlib.crc32(data):08x}:{zlib.adler32(data):08x}"
    return f"{FORMAT}|{exhibit_path.resolve()}|{root}|{content}|{_code_stamp()}"


def _code_stamp() -> str:
    """The kiosk version and the core's source files: new checking rules mean a new check."""
    stamps = sorted(
        f"{entry.name}:{entry.stat().st_mtime_ns}:{entry.stat().st_size}"
        for entry in os.scandir(_CORE)
        if entry.name.endswith(".py")
    )
    return f"{__version__};" + ";".join(stamps)


WHOLE_FILE_BYTES = 8 * 1024 * 1024
"""Media up to this size are hashed whole; larger ones by their ends and size (a
start cannot read gigabytes of photographs), with their change time, which no
one can set back."""


def _stamp(path: Path) -> list[int | str] | None:
    try:
        info = path.stat()
        with path.open("rb") as handle:
            if info.st_size <= WHOLE_FILE_BYTES:
                digest = hashlib.blake2b(handle.read(), digest_size=16)
            else:
                digest = hashlib.blake2b(handle.read(1 << 20), digest_size=16)
                handle.seek(-(1 << 20), os.SEEK_END)
                digest.update(handle.read())
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, digest.hexdigest()]


def _media_unchanged(recorded: dict[str, Any]) -> bool:
    return all(stamp is not None and _stamp(Path(name)) == stamp for name, stamp in recorded.items())


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {"@": type(value).__name__, **{f.name: _encode(getattr(value, f.name)) for f in fields(value)}}
    if isinstance(value, Path):
        return {"@": "Path", "path": str(value)}
    if isinstance(value, (tuple, list)):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"cannot keep a {type(value).__name__} in the exhibit cache")


def _decode(data: dict[str, Any]) -> Any:
    """JSON objects back into the model: every list in the model is a tuple."""
    kind = data.pop("@", None)
    if kind is None:
        return data
    if kind == "Path":
        return Path(data["path"])
    return _CLASSES[kind](**{name: _tuples(value) for name, value in data.items()})


def _tuples(value: Any) -> Any:
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def check(
    exhibit_path: Path, media_root: Path | None = None, folder: Path | None = None
) -> tuple[Exhibit | None, tuple[Diagnostic, ...]]:
    """What ``check_exhibit`` says, from the cache when nothing changed."""
    kept = load(exhibit_path, media_root, folder)
    if kept is not None:
        return kept
    from kiosk.core.loader import check_exhibit  # PyYAML and the validator, only when needed

    result = check_exhibit(exhibit_path, media_root)
    if result.exhibit is not None:
        store(exhibit_path, media_root, result.exhibit, result.diagnostics, folder)
    return result.exhibit, result.diagnostics
