"""Exhibit format version 1, written out as data.

This tree is the single definition of the format: the loader checks files
against it and ``kiosk schema`` turns it into JSON Schema. To add a key, add
a Field here (with its doc) and a matching attribute in ``kiosk.core.model``.
"""

from __future__ import annotations

from typing import Any

import yaml

from kiosk.core.clips import clip_seconds
from kiosk.core.dates import PartialDate, is_before
from kiosk.core.media import AUDIO_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES, resolve_media_path
from kiosk.core.spec import (
    Captions,
    Context,
    DateValue,
    Field,
    FormatVersion,
    LanguageNames,
    ListOf,
    Localised,
    LocalisedMedia,
    MediaFile,
    MediaPerLanguage,
    Number,
    Paragraphs,
    PartialDateValue,
    Record,
    Slug,
    Str,
    Variant,
)
from kiosk.core.webvtt import last_end

FORMAT_VERSION = 1

IMAGE = Record(
    {
        "file": Field(
            MediaPerLanguage(MediaFile(IMAGE_SUFFIXES, "image")),
            doc="Image path under the media folder, e.g. bolivia-1952/map.svg; or one per language "
            "(es: ..., en: ...) for a picture with words in it, such as a map.",
        ),
        "alt": Field(Localised(), doc="What the image shows, for visitors who cannot see it."),
        "caption": Field(Localised(), doc="The caption shown under the image."),
        "credit": Field(Localised(), doc="Who made it and where it is from. Say when it is an illustration."),
    },
    name="image",
)


def _check_caption_length(values: dict[str, Any], node: yaml.MappingNode, ctx: Context) -> None:
    """Captions that run past the clip's end were written for another cut of it."""
    if not ctx.check_media:
        return
    seconds = clip_seconds(resolve_media_path(ctx.media_root, values["video"]))
    captions_node = next((v for k, v in node.value if k.value == "captions"), node)
    for lang, (relative, cues) in values["captions"].items():
        end = last_end(cues)
        if seconds is not None and end > seconds + 0.5:
            at = next((v for k, v in getattr(captions_node, "value", ()) if k.value == lang), captions_node)
            ctx.warn(at, f"the captions in '{relative}' run to {_clock(end)}, past the clip's end at {_clock(seconds)}")


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds, 1), 60)
    return f"{int(minutes)}:{rest:04.1f}"


VIDEO = Record(
    {
        "video": Field(MediaFile(VIDEO_SUFFIXES, "video"), doc="The clip under the media folder: H.264 MP4 or WebM."),
        "title": Field(Localised(), doc="What the clip is, per language: its play button and screen readers say it."),
        "poster": Field(
            MediaFile(IMAGE_SUFFIXES, "image"), doc="A still shown before it plays, and instead when it cannot."
        ),
        "captions": Field(Captions(), doc="A WebVTT caption file per language; every language needs one."),
        "transcript": Field(Paragraphs(), required=False, doc="What is said, per language, one tap away."),
        "credit": Field(Localised(), doc="Who made it and where it is from."),
    },
    name="video",
    after=_check_caption_length,
)

AUDIO_CLIP = Record(
    {
        "audio": Field(MediaFile(AUDIO_SUFFIXES, "audio file"), doc="An oral-history or music recording."),
        "title": Field(Localised(), doc="What the recording is, per language."),
        "transcript": Field(Paragraphs(), doc="What is said (or what plays), per language."),
        "credit": Field(Localised(), doc="Who is heard, who recorded it, where it is kept."),
    },
    name="audio clip",
)

QUOTATION = Record(
    {
        "quotation": Field(Localised(), doc="The words, per language (a translation says so in 'source')."),
        "who": Field(Str(), doc="Who said or wrote them."),
        "when": Field(PartialDateValue(), required=False, doc="When: YYYY, YYYY-MM or YYYY-MM-DD."),
        "source": Field(Str(), doc="Where the words are published."),
    },
    name="quotation",
)

MEDIA_ITEM = Variant({"video": VIDEO, "audio": AUDIO_CLIP, "quotation": QUOTATION}, name="media item")

STOP = Record(
    {
        "id": Field(Slug(), doc="Unique id of the stop (lower-case, hyphens)."),
        "date": Field(DateValue(), doc="YYYY, YYYY-MM, YYYY-MM-DD, or {from, to, display}."),
        "title": Field(Localised(), doc="Stop title, per language."),
        "narration": Field(Paragraphs(label=True), doc="Label text per language: 60-120 words, short sentences."),
        "images": Field(ListOf(IMAGE), doc="One or more images; the first is the main one."),
        "audio": Field(
            LocalisedMedia(MediaFile(AUDIO_SUFFIXES, "audio file")),
            required=False,
            doc="Recorded narration per language; text-to-speech is used where missing.",
        ),
        "media": Field(
            ListOf(MEDIA_ITEM),
            required=False,
            doc="Film clips, recordings and quotations beside the pictures, in the order shown.",
        ),
        "sources": Field(ListOf(Str()), required=False, doc="Published references for the facts on this stop."),
    },
    name="stop",
)

ATTRACT = Record(
    {
        "idle_timeout": Field(
            Number(10, 3600), required=False, doc="Seconds without a touch before the warning appears (default 90)."
        ),
        "warning": Field(
            Number(3, 120), required=False, doc="Seconds the warning counts down before the reset (default 15)."
        ),
        "slide_seconds": Field(Number(2, 120), required=False, doc="Seconds each attract slide is shown (default 8)."),
        "stops": Field(
            ListOf(Slug()),
            required=False,
            doc="Ids of the stops whose first image the attract loop shows (default: all).",
        ),
    },
    name="attract settings",
)

READING = Record(
    {
        "author": Field(Str(), doc="Author(s) as cited."),
        "title": Field(Str(), doc="Title of the work, in its own language."),
        "year": Field(Number(1000, 2999, integer=True), doc="Year of publication."),
        "publisher": Field(Str(), required=False, doc="Publisher, if wanted."),
    },
    name="further reading entry",
)

ERA = Record(
    {
        "title": Field(Localised(), doc="The era's name, per language, as the timeline strip shows it."),
        "from": Field(PartialDateValue(), doc="Its first year, month or day."),
        "to": Field(PartialDateValue(), doc="Its last year, month or day."),
    },
    name="era",
)


def _check_references(values: dict[str, Any], node: yaml.MappingNode, ctx: Context) -> None:
    _check_attract_refs(values, node, ctx)
    _check_eras(values, node, ctx)


def _check_eras(values: dict[str, Any], node: yaml.MappingNode, ctx: Context) -> None:
    """Eras follow each other without overlapping (one may start on the date the one
    before ends, as TimelineJS timelines often do: a stop on that date belongs to the
    later one), each ends after it starts, and one that holds no stop is probably a
    typo in a date."""
    eras_node = next((v for k, v in node.value if k.value == "eras"), None)
    starts = [
        stop["date"] if isinstance(stop["date"], PartialDate) else stop["date"]["from"] for stop in values["stops"]
    ]
    previous = None
    for era, era_node in zip(values.get("eras", ()), getattr(eras_node, "value", ())):
        name = next(iter(era["title"].values()))
        if is_before(era["to"], era["from"]):
            ctx.report(era_node, f"era '{name}' ends ({era['to'].iso()}) before it starts ({era['from'].iso()})")
        elif previous is not None and is_before(era["from"], previous["to"]):
            before = next(iter(previous["title"].values()))
            ctx.report(
                era_node,
                f"era '{name}' starts ({era['from'].iso()}) before era '{before}' ends ({previous['to'].iso()});"
                " eras follow each other in time without overlapping",
            )
        elif not any(not is_before(d, era["from"]) and not is_before(era["to"], d) for d in starts):
            ctx.warn(era_node, f"era '{name}' ({era['from'].iso()} to {era['to'].iso()}) holds no stop")
        previous = era


def _check_attract_refs(values: dict[str, Any], node: yaml.MappingNode, ctx: Context) -> None:
    """Attract stops must name stops that exist (cross-reference check)."""
    stop_ids = {stop["id"] for stop in values.get("stops", ())}
    attract_node = next((v for k, v in node.value if k.value == "attract"), None)
    stops_node = next((v for k, v in getattr(attract_node, "value", ()) if k.value == "stops"), None)
    for ref, ref_node in zip(values.get("attract", {}).get("stops", ()), getattr(stops_node, "value", ())):
        if ref not in stop_ids:
            ctx.report(ref_node, f"attract names stop '{ref}', which does not exist")


EXHIBIT = Record(
    {
        "format": Field(FormatVersion(FORMAT_VERSION), doc="Version of the exhibit format; this kiosk reads 1."),
        "id": Field(Slug(), doc="Exhibit id; its media live in media/<id>/ by convention."),
        "languages": Field(LanguageNames(), doc="Language codes and names, in order; the first is the default."),
        "title": Field(Localised(), doc="Exhibit title, per language."),
        "subtitle": Field(Localised(), doc="One line under the title, per language."),
        "introduction": Field(Paragraphs(), doc="Home-screen introduction, per language."),
        "attract": Field(ATTRACT, required=False, doc="Idle and attract-loop settings."),
        "stops": Field(ListOf(STOP, unique_key="id"), doc="The timeline stops, in time order."),
        "eras": Field(
            ListOf(ERA),
            required=False,
            doc="Named periods, in time order, that group the stops of a long timeline on the strip and the home list.",
        ),
        "further_reading": Field(ListOf(READING), required=False, doc="Books for visitors who want more."),
        "credits": Field(Paragraphs(), doc="Who made the exhibit, per language."),
    },
    name="exhibit",
    after=_check_references,
)


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the format, for the YAML language server."""
    schema = EXHIBIT.schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://museum-kiosk.invalid/schema/exhibit-v1.json",
        "title": "Museum kiosk exhibit, format 1",
        **schema,
    }
