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
from kiosk.core.media import default_media_root
from kiosk.core.model import AttractSettings, Exhibit, Image, Language, LocalParagraphs, LocalText, Reading, Stop
from kiosk.core.paths import cache_dir

log = logging.getLogger(__name__)

FORMAT = 1
_CLASSES = {
    cls.__name__: cls
    for cls in (
        Exhibit,
        Language,
        LocalText,
        LocalParagraphs,
        AttractSettings,
        Stop,
        Image,
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
    """The exhibit and its warnings as last checked, or None when anything changed."""
    try:
        text = entry_path(exhibit_path, folder).read_text(encoding="utf-8")
        data = json.loads(text, object_hook=_decode)
        if data.get("key") != _key(exhibit_path, media_root) or not _media_unchanged(data["media"]):
            return None
        exhibit = data["exhibit"]
        diagnostics = tuple(
            Diagnostic(f, line, col, Severity(sev), msg) for f, line, col, sev, msg in data["diagnostics"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no entry, or one we cannot trust: check the file
    return (exhibit, diagnostics) if isinstance(exhibit, Exhibit) else None


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
    paths = [image.path for stop in exhibit.stops for image in stop.images]
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


def _stamp(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


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
