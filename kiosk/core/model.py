"""The exhibit as the rest of the program sees it: frozen, checked, complete.

Instances are only made by the loader after validation, so code that uses
them never needs to ask whether a translation or a file is missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.dates import DateSpec, PartialDate, is_before
from kiosk.core.webvtt import Cue, text_at


@dataclass(frozen=True)
class LocalText:
    """A text in every exhibit language, as ordered (code, text) pairs."""

    items: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, str]) -> LocalText:
        return cls(tuple(mapping.items()))

    def __getitem__(self, lang: str) -> str:
        for code, text in self.items:
            if code == lang:
                return text
        raise KeyError(lang)

    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.items)


@dataclass(frozen=True)
class LocalParagraphs:
    """Running text in every exhibit language, as paragraphs."""

    items: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, tuple[str, ...]]) -> LocalParagraphs:
        return cls(tuple((lang, tuple(paras)) for lang, paras in mapping.items()))

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        for code, paragraphs in self.items:
            if code == lang:
                return paragraphs
        raise KeyError(lang)

    def text(self, lang: str) -> str:
        return "\n\n".join(self[lang])

    def word_count(self, lang: str) -> int:
        return sum(len(p.split()) for p in self[lang])


@dataclass(frozen=True)
class Language:
    code: str
    name: str


@dataclass(frozen=True)
class Image:
    file: str
    """Path relative to the media folder, as the curator wrote it."""
    path: Path
    """Absolute path of the file, resolved inside the media folder."""
    alt: LocalText
    caption: LocalText
    credit: LocalText
    per_language: tuple[tuple[str, str, Path], ...] = ()
    """(language, file, path) when the curator gave a file per language, as for
    a map whose labels are words; ``file`` and ``path`` are then the default
    language's."""

    def path_for(self, lang: str) -> Path:
        """The file to show a visitor reading ``lang``."""
        return next((path for code, _, path in self.per_language if code == lang), self.path)

    def paths(self) -> tuple[Path, ...]:
        """Every file of this image, the default language's first."""
        return tuple(dict.fromkeys((self.path, *(path for _, _, path in self.per_language))))


@dataclass(frozen=True)
class Video:
    """A film clip: it plays muted until the visitor asks for sound, with the
    kiosk's own captions in the visitor's language."""

    file: str
    path: Path
    title: LocalText
    poster: Path
    captions: tuple[tuple[str, Path], ...]
    credit: LocalText
    transcript: LocalParagraphs | None = None
    cues: tuple[tuple[str, tuple[Cue, ...]], ...] = ()
    """The captions' cues per language, read at load (never while playing)."""

    def captions_for(self, lang: str) -> Path:
        return next(path for code, path in self.captions if code == lang)

    def caption_at(self, lang: str, seconds: float) -> str:
        """The caption to show ``seconds`` into the clip, in ``lang`` ('' between cues)."""
        return text_at(next((cues for code, cues in self.cues if code == lang), ()), seconds)

    def paths(self) -> tuple[Path, ...]:
        return (self.path, self.poster, *(path for _, path in self.captions))


@dataclass(frozen=True)
class AudioClip:
    """An oral-history or music recording, with its transcript."""

    file: str
    path: Path
    title: LocalText
    transcript: LocalParagraphs
    credit: LocalText

    def paths(self) -> tuple[Path, ...]:
        return (self.path,)


@dataclass(frozen=True)
class Quotation:
    """Someone's own words, attributed: who, when, and where they are published."""

    words: LocalText
    who: str
    source: str
    when: PartialDate | None = None

    def paths(self) -> tuple[Path, ...]:
        return ()


MediaItem = Video | AudioClip | Quotation


@dataclass(frozen=True)
class Stop:
    id: str
    date: DateSpec
    title: LocalText
    narration: LocalParagraphs
    images: tuple[Image, ...]
    audio: tuple[tuple[str, Path], ...] = ()
    sources: tuple[str, ...] = ()
    media: tuple[MediaItem, ...] = ()
    """Film clips, recordings and quotations, after the pictures."""

    def audio_for(self, lang: str) -> Path | None:
        return next((path for code, path in self.audio if code == lang), None)


@dataclass(frozen=True)
class AttractSettings:
    idle_timeout: float = 90.0
    warning: float = 15.0
    slide_seconds: float = 8.0
    stop_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reading:
    author: str
    title: str
    year: int
    publisher: str | None = None

    def citation(self) -> str:
        publisher = f", {self.publisher}" if self.publisher else ""
        return f"{self.author}, {self.title}{publisher} ({self.year})"


@dataclass(frozen=True)
class Era:
    """A named stretch of time that the timeline strip and the home list group
    stops by ("The Chaco War", "The sexenio"), from the first day of ``start``
    to the last of ``end`` at the precision given."""

    title: LocalText
    start: PartialDate
    end: PartialDate

    def holds(self, date: PartialDate) -> bool:
        return not is_before(date, self.start) and not is_before(self.end, date)


@dataclass(frozen=True)
class Exhibit:
    id: str
    languages: tuple[Language, ...]
    title: LocalText
    subtitle: LocalText
    introduction: LocalParagraphs
    attract: AttractSettings
    stops: tuple[Stop, ...]
    further_reading: tuple[Reading, ...]
    credits: LocalParagraphs
    source: Path
    media_root: Path
    eras: tuple[Era, ...] = ()

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def stop_index(self, stop_id: str) -> int | None:
        return next((i for i, stop in enumerate(self.stops) if stop.id == stop_id), None)

    def attract_images(self) -> Iterator[Image]:
        """The images the attract loop cycles through, in order."""
        wanted = self.attract.stop_ids or tuple(stop.id for stop in self.stops)
        by_id = {stop.id: stop for stop in self.stops}
        for stop_id in wanted:
            if stop_id in by_id:
                yield by_id[stop_id].images[0]


def build_exhibit(values: dict[str, Any], source: Path, media_root: Path) -> Exhibit:
    """Turn validated plain values into the frozen model."""
    root = media_root.resolve()
    attract = values.get("attract", {})
    return Exhibit(
        id=values["id"],
        languages=tuple(Language(code, name) for code, name in values["languages"].items()),
        title=LocalText.of(values["title"]),
        subtitle=LocalText.of(values["subtitle"]),
        introduction=LocalParagraphs.of(values["introduction"]),
        attract=AttractSettings(
            idle_timeout=float(attract.get("idle_timeout", 90)),
            warning=float(attract.get("warning", 15)),
            slide_seconds=float(attract.get("slide_seconds", 8)),
            stop_ids=tuple(attract.get("stops", ())),
        ),
        stops=tuple(_build_stop(stop, root, next(iter(values["languages"]))) for stop in values["stops"]),
        further_reading=tuple(Reading(**entry) for entry in values.get("further_reading", ())),
        credits=LocalParagraphs.of(values["credits"]),
        source=source,
        media_root=root,
        eras=tuple(Era(LocalText.of(era["title"]), era["from"], era["to"]) for era in values.get("eras", ())),
    )


def _build_image(values: dict[str, Any], root: Path, default_lang: str) -> Image:
    file = values["file"]
    files = file if isinstance(file, dict) else {}
    main = files.get(default_lang, file) if files else file
    return Image(
        file=main,
        path=root / main,
        alt=LocalText.of(values["alt"]),
        caption=LocalText.of(values["caption"]),
        credit=LocalText.of(values["credit"]),
        per_language=tuple((lang, rel, root / rel) for lang, rel in files.items()),
    )


def _build_stop(values: dict[str, Any], root: Path, default_lang: str) -> Stop:
    date = values["date"]
    if isinstance(date, PartialDate):
        spec = DateSpec(date)
    else:
        display = tuple((date.get("display") or {}).items())
        spec = DateSpec(date["from"], date.get("to"), display)
    return Stop(
        id=values["id"],
        date=spec,
        title=LocalText.of(values["title"]),
        narration=LocalParagraphs.of(values["narration"]),
        images=tuple(_build_image(image, root, default_lang) for image in values["images"]),
        audio=tuple((lang, root / rel) for lang, rel in values.get("audio", {}).items()),
        sources=tuple(values.get("sources", ())),
        media=tuple(_build_media(item, root) for item in values.get("media", ())),
    )


def _build_media(values: dict[str, Any], root: Path) -> MediaItem:
    if values["kind"] == "video":
        transcript = values.get("transcript")
        return Video(
            file=values["video"],
            path=root / values["video"],
            title=LocalText.of(values["title"]),
            poster=root / values["poster"],
            captions=tuple((lang, root / rel) for lang, (rel, _) in values["captions"].items()),
            cues=tuple((lang, cues) for lang, (_, cues) in values["captions"].items()),
            credit=LocalText.of(values["credit"]),
            transcript=LocalParagraphs.of(transcript) if transcript else None,
        )
    if values["kind"] == "audio":
        return AudioClip(
            file=values["audio"],
            path=root / values["audio"],
            title=LocalText.of(values["title"]),
            transcript=LocalParagraphs.of(values["transcript"]),
            credit=LocalText.of(values["credit"]),
        )
    return Quotation(LocalText.of(values["quotation"]), values["who"], values["source"], values.get("when"))
