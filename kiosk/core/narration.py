"""What the Listen button can play, decided without Qt and without an engine.

Museums prefer recorded narration: the same words, in the same voice, every
time, and nothing on the kiosk that can hang half-way through a sentence. So
every text a visitor can hear (each stop's label, each picture's alt text,
the keypad's spoken hint) is a *clip*; ``kiosk narrate`` records each clip in
each language once, into files named by what they say and the voice that
said them, and the kiosk plays those files. A recording the curator names in
``audio:`` always wins; live synthesis is only the fallback.

Nothing here plays or renders sound: ``kiosk.narrate`` records, and the Qt
layer asks a worker process to play.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.model import Exhibit, Stop

RECORDING_FORMAT = 1
"""Bumped when the way a clip becomes sound changes: every clip is recorded again."""

SUFFIXES = (".ogg", ".wav")


@dataclass(frozen=True)
class Clip:
    """Something a visitor can hear, in one language."""

    id: str
    """What it is: ``stop:<id>``, ``alt:<stop id>:<n>`` or ``hint:keys``."""
    lang: str
    text: str


def stop_clip_id(stop: Stop) -> str:
    return f"stop:{stop.id}"


def alt_clip_id(stop: Stop, index: int) -> str:
    return f"alt:{stop.id}:{index}"


HINT_CLIP_ID = "hint:keys"


def spoken_label(stop: Stop, lang: str) -> str:
    """The title, then the label: what a listener needs to know where they are."""
    title = stop.title[lang].strip()
    if title and title[-1] not in ".!?…":
        title += "."
    return " ".join([title, *stop.narration[lang]])


def clips(exhibit: Exhibit, hints: Mapping[str, str] | None = None) -> list[Clip]:
    """Every clip of an exhibit, in every language: labels, alt texts, hints."""
    found: list[Clip] = []
    for lang in exhibit.language_codes:
        for stop in exhibit.stops:
            found.append(Clip(stop_clip_id(stop), lang, spoken_label(stop, lang)))
            for index, image in enumerate(stop.images):
                found.append(Clip(alt_clip_id(stop, index), lang, image.alt[lang]))
        if hints and lang in hints:
            found.append(Clip(HINT_CLIP_ID, lang, hints[lang]))
    return found


def text_key(clip: Clip) -> str:
    """The clip's words and language, as a short stable name."""
    digest = hashlib.sha256(f"{RECORDING_FORMAT}|{clip.lang}|{clip.text}".encode())
    return f"{clip.lang}-{digest.hexdigest()[:20]}"


def recording_name(clip: Clip, voice: str, suffix: str = ".ogg") -> str:
    """File name of the clip recorded in ``voice``: a new text or voice, a new file."""
    voice_digest = hashlib.sha256(voice.encode("utf-8")).hexdigest()[:8]
    return f"{text_key(clip)}-{voice_digest}{suffix}"


@dataclass(frozen=True)
class NarrationPlan:
    """Which file plays for each clip and language; found once, off the GUI thread."""

    recordings: Mapping[tuple[str, str], Path] = field(default_factory=dict)

    def recording(self, clip_id: str, lang: str) -> Path | None:
        return self.recordings.get((clip_id, lang))

    def for_stop(self, stop: Stop, lang: str) -> Path | None:
        """The curator's recording, else ours, else None (live speech or nothing)."""
        return stop.audio_for(lang) or self.recording(stop_clip_id(stop), lang)


def find_recordings(wanted: Iterable[Clip], folder: Path, voices: Mapping[str, str] | None = None) -> NarrationPlan:
    """The recordings in ``folder`` for these clips.

    ``voices``: the voice each language would be recorded in now; a recording
    in that voice is preferred, and any recording of the same words is taken
    when the voice is unknown (no engine on this machine) or not yet recorded.
    """
    try:
        present = {entry.name for entry in folder.iterdir() if entry.suffix in SUFFIXES}
    except OSError:
        return NarrationPlan({})
    by_text: dict[str, str] = {}
    for name in sorted(present):
        by_text.setdefault(name.rsplit("-", 1)[0], name)
    recordings: dict[tuple[str, str], Path] = {}
    for clip in wanted:
        voice = (voices or {}).get(clip.lang)
        exact = [recording_name(clip, voice, suffix) for suffix in SUFFIXES] if voice else []
        found = next((n for n in exact if n in present), None) or by_text.get(text_key(clip))
        if found is not None:
            recordings[(clip.id, clip.lang)] = folder / found
    return NarrationPlan(recordings)
