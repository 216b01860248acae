"""``kiosk narrate``: record every clip of an exhibit with the installed voice.

espeak-ng speaks each clip into a WAV file, and ffmpeg (when installed) turns
it into Ogg Opus, a tenth of the size. A better voice is used where one is
installed (an MBROLA voice with its data); otherwise espeak-ng's own voice
for the language, chosen for a neutral accent (Latin American Spanish for a
Bolivian exhibit, American English rather than espeak's Caribbean default).

Clips already recorded in the same words and voice are left alone, so a run
after one edited label records one clip. Every subprocess has a timeout.
No Qt here: the kiosk also runs this on a worker thread after its first frame.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.narration import Clip, recording_name, text_key

log = logging.getLogger(__name__)

WORDS_PER_MINUTE = 150
"""A calm reading pace for a gallery: espeak-ng's default (175) is brisk."""
CLIP_TIMEOUT = 60.0

MBROLA = Path("/usr/share/mbrola")
PREFERRED: dict[str, tuple[str, ...]] = {
    "es": ("mb-mx1", "mb-es1", "es-419", "es"),
    "en": ("mb-us1", "mb-us2", "en-us", "en"),
    "fr": ("mb-fr1", "fr"),
    "de": ("mb-de1", "de"),
    "pt": ("mb-br1", "pt-br", "pt"),
    "qu": ("qu",),
}


def espeak() -> str | None:
    return shutil.which("espeak-ng")


@functools.cache
def espeak_voices() -> frozenset[str]:
    """Voice and language names espeak-ng knows (empty without espeak-ng)."""
    program = espeak()
    if program is None:
        return frozenset()
    try:
        listing = ""
        for which in ("--voices", "--voices=mb"):
            listing += subprocess.run([program, which], check=False, capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    names: set[str] = set()
    for line in listing.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 5 and parts[0].isdigit():
            names.add(parts[1])
            names.add(Path(parts[4]).name)  # the file: 'es-419', 'mb-us1'
    return frozenset(names)


def _usable(voice: str, known: frozenset[str]) -> bool:
    if voice not in known:
        return False
    if voice.startswith("mb-"):  # an MBROLA voice needs its data as well as its definition
        data = voice[3:]
        return (MBROLA / data / data).is_file() or (MBROLA / data).is_file()
    return True


def choose_voice(lang: str, known: frozenset[str] | None = None) -> str | None:
    """The best installed voice for ``lang``, or None when none speaks it."""
    known = espeak_voices() if known is None else known
    base = lang.split("-")[0]
    for voice in (*PREFERRED.get(base, ()), lang, base):
        if _usable(voice, known):
            return voice
    return None


def voices_for(langs: Iterable[str]) -> dict[str, str]:
    """The voice each language would be recorded in now ('espeak-ng/<voice>')."""
    chosen = {lang: choose_voice(lang) for lang in langs}
    return {lang: f"espeak-ng/{voice}" for lang, voice in chosen.items() if voice}


class NarrateError(RuntimeError):
    pass


def record(
    text: str, voice: str, target: Path, timeout: float = CLIP_TIMEOUT, words_per_minute: int = WORDS_PER_MINUTE
) -> Path:
    """Speak ``text`` into ``target`` (.ogg when ffmpeg is there, else .wav); the
    file appears whole or not at all."""
    program = espeak()
    if program is None:
        raise NarrateError("espeak-ng is not installed (apt-get install espeak-ng)")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-narrate-") as work:
        script, wav = Path(work) / "text.txt", Path(work) / "speech.wav"
        script.write_text(text, encoding="utf-8")
        _run([program, "-v", voice, "-s", str(words_per_minute), "-w", str(wav), "-f", str(script)], timeout)
        if not wav.is_file() or wav.stat().st_size < 100:
            raise NarrateError(f"espeak-ng wrote no sound for voice {voice}")
        made = wav
        ffmpeg = shutil.which("ffmpeg")
        if ffmpeg is not None and target.suffix == ".ogg":
            made = Path(work) / "speech.ogg"
            _run(
                [
                    ffmpeg,
                    "-nostdin",
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-y",
                    "-i",
                    str(wav),
                    "-c:a",
                    "libopus",
                    "-b:a",
                    "32k",
                    "-compression_level",
                    "3",
                    str(made),
                ],
                timeout,
            )
        final = target if made.suffix == target.suffix else target.with_suffix(made.suffix)
        partial = final.with_name(f".{final.name}.{os.getpid()}.part")
        shutil.copyfile(made, partial)
        os.replace(partial, final)
        return final


def _run(command: list[str], timeout: float) -> None:
    try:
        done = subprocess.run(command, check=False, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise NarrateError(f"{Path(command[0]).name} took longer than {timeout:.0f} s") from None
    except OSError as error:
        raise NarrateError(f"{Path(command[0]).name} could not run: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise NarrateError(f"{Path(command[0]).name} failed: {said[-1] if said else done.returncode}")


@dataclass
class NarrateReport:
    recorded: list[Path] = field(default_factory=list)
    kept: int = 0
    failed: list[str] = field(default_factory=list)
    unvoiced: set[str] = field(default_factory=set)
    """Languages no installed voice speaks."""


def narrate(
    wanted: list[Clip],
    folder: Path,
    progress: Callable[[str], None] | None = None,
    stop_early: Callable[[], bool] | None = None,
    workers: int = 0,
) -> NarrateReport:
    """Record what is missing of ``wanted`` into ``folder``, a clip per core at a time."""
    from concurrent.futures import ThreadPoolExecutor

    report = NarrateReport()
    voices = voices_for({clip.lang for clip in wanted})
    present = {entry.stem for entry in folder.iterdir()} if folder.is_dir() else set()
    todo: list[tuple[Clip, str, str]] = []
    for clip in wanted:
        voice = voices.get(clip.lang)
        if voice is None:
            report.unvoiced.add(clip.lang)
            continue
        name = recording_name(clip, voice)
        if Path(name).stem in present:
            report.kept += 1
        elif name not in {n for _, _, n in todo}:
            todo.append((clip, voice, name))

    def one(item: tuple[Clip, str, str]) -> None:
        clip, voice, name = item
        if stop_early is not None and stop_early():
            return
        try:
            made = record(clip.text, voice.split("/", 1)[1], folder / name)
        except (NarrateError, OSError) as error:
            report.failed.append(f"{clip.id} ({clip.lang}): {error}")
            return
        report.recorded.append(made)
        if progress is not None:
            progress(f"recorded {clip.id} ({clip.lang}) with {voice}")

    with ThreadPoolExecutor(max_workers=workers or max(1, min(4, os.cpu_count() or 1))) as pool:
        list(pool.map(one, todo))
    return report


def stale_recordings(wanted: list[Clip], folder: Path) -> list[Path]:
    """Recordings of words no clip says any more (an edited label's old take)."""
    keys = {text_key(clip) for clip in wanted}
    if not folder.is_dir():
        return []
    return [
        entry
        for entry in folder.iterdir()
        if entry.suffix in (".ogg", ".wav") and entry.name.rsplit("-", 1)[0] not in keys
    ]
