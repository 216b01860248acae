"""Bring a TimelineJS3 timeline (JSON, or its spreadsheet's CSV) into an exhibit.

TimelineJS has one language, HTML text, optional media and no alt text, so the
import fills the gaps in ways a curator will see and fix: placeholders named as
such, and a list of what to do, both printed and written at the top of the
file. Nothing is fetched from the network: a remote picture becomes a
placeholder that names the address to download by hand.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlparse

import yaml

from kiosk.core.clips import clip_seconds
from kiosk.core.dates import is_before, parse_partial_date
from kiosk.core.media import AUDIO_SUFFIXES, IMAGE_SUFFIXES, VIDEO_SUFFIXES

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "pt": "Português",
    "it": "Italiano",
    "nl": "Nederlands",
    "ca": "Català",
    "qu": "Runa Simi",
}
TO_WRITE = "Text to be written."
CREDIT_UNKNOWN = "Credit to be confirmed."
SOURCE_UNKNOWN = "Published source to be confirmed."


class ImportError_(ValueError):
    """The source cannot be read or the target would be overwritten."""


@dataclass
class ImportReport:
    path: Path
    stops: int = 0
    copied: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


class _Text(HTMLParser):
    BREAKS: ClassVar[set[str]] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BREAKS:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        self.paragraphs[-1].append(data)


def paragraphs(markup: Any) -> list[str]:
    """HTML to plain paragraphs: tags dropped, entities decoded, spaces folded."""
    markup = _text(markup)
    if not markup:
        return []
    parser = _Text()
    parser.feed(markup)
    parser.close()
    out = [" ".join(html.unescape("".join(parts)).split()) for parts in parser.paragraphs]
    return [p for p in out if p]


def _number(value: Any) -> int:
    """A date part as TimelineJS writes it (a number or its text); 0 when it is neither."""
    text = str(value if value is not None else "").strip()
    return int(text) if text.lstrip("-").isdigit() else 0


def _date(part: Any) -> str | None:
    """YYYY[-MM[-DD]] from a TimelineJS date; None when there is no usable year."""
    if not isinstance(part, dict) or not str(part.get("year", "")).strip().isdigit():
        return None
    year = int(str(part["year"]).strip())
    if not 1000 <= year <= 9999:  # the exhibit format's dates have four-digit years
        return None
    text = f"{year:04d}"
    month = _number(part.get("month"))
    if 1 <= month <= 12:
        text += f"-{month:02d}"
        day = _number(part.get("day"))
        if 1 <= day <= 31:
            text += f"-{day:02d}"
    return text


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower().encode("ascii", "ignore").decode()).strip("-")[:40].strip("-")
    base = base or "stop"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


# --- reading the two source forms ------------------------------------------------
def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportError_(f"{path}: not a readable TimelineJS JSON file ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ImportError_(f"{path}: a TimelineJS file has an 'events' list")
    return data


def read_csv(path: Path) -> dict[str, Any]:
    """The Google Sheets template's columns, as TimelineJS's own JSON."""
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ImportError_(f"{path}: not a readable CSV file ({error})") from None
    if not rows or "Headline" not in rows[0] or "Year" not in rows[0]:
        raise ImportError_(f"{path}: expected the TimelineJS spreadsheet columns (Year, ..., Headline, Text, ...)")
    data: dict[str, Any] = {"events": [], "eras": []}
    for row in rows:

        def get(key: str, row: dict[str, str | None] = row) -> str:
            return (row.get(key) or "").strip()

        item: dict[str, Any] = {
            "start_date": {"year": get("Year"), "month": get("Month"), "day": get("Day")},
            "end_date": {"year": get("End Year"), "month": get("End Month"), "day": get("End Day")},
            "display_date": get("Display Date"),
            "text": {"headline": get("Headline"), "text": get("Text")},
            "media": {"url": get("Media"), "credit": get("Media Credit"), "caption": get("Media Caption")},
            "group": get("Group"),
        }
        kind = get("Type").lower()
        if kind == "title":
            data["title"] = item
        elif kind == "era":
            data["eras"].append(item)
        elif item["start_date"]["year"]:
            data["events"].append(item)
    return data


# --- building the exhibit ----------------------------------------------------------
def build(
    data: dict[str, Any], name: str, lang: str, source_dir: Path, media_root: Path, report: ImportReport
) -> dict[str, Any]:
    taken: set[str] = set()
    title_text = _mapping(_mapping(data.get("title")).get("text"))
    title = " ".join(paragraphs(title_text.get("headline"))) or name.replace("-", " ").capitalize()
    intro = paragraphs(title_text.get("text"))
    events = sorted(
        (event for event in data["events"] if isinstance(event, dict)),
        key=lambda e: tuple(_number(_part(e.get("start_date"), k)) for k in ("year", "month", "day")),
    )
    stops = []
    for event in events:
        start = _date(event.get("start_date"))
        if start is None:
            report.todo.append("an event without a start year from 1000 to 9999 was left out")
            continue
        text = _mapping(event.get("text"))
        headline = " ".join(paragraphs(_text(text.get("headline")))) or _text(event.get("display_date")) or start
        stop_id = _slug(headline, taken)
        narration = paragraphs(_text(text.get("text")))
        media = _mapping(event.get("media"))
        if not narration:
            narration = [TO_WRITE]
            report.todo.append(f"stop '{stop_id}': write the label (narration)")
        stop: dict[str, Any] = {
            "id": stop_id,
            "date": _stop_date(event, start),
            "title": {lang: headline},
            "narration": {lang: narration},
            "images": [_image(media, headline, stop_id, name, lang, source_dir, media_root, report)],
        }
        item = _media_item(media, headline, stop, lang, source_dir, media_root / name, report)
        if item is not None:
            stop["media"] = [item]
        if media_kind(_text(media.get("url")).strip()) == "article":
            stop["sources"] = [_text(media.get("url")).strip()]
        stops.append(stop)
    if not stops:
        raise ImportError_("the timeline has no events with a start year")
    report.stops = len(stops)
    exhibit = {
        "format": 1,
        "id": name,
        "languages": {lang: LANGUAGE_NAMES.get(lang, lang)},
        "title": {lang: title},
        "subtitle": {lang: intro[0] if intro else title},
        "introduction": {lang: intro or [title]},
        "stops": stops,
        "credits": {lang: ["Imported from a TimelineJS timeline. Credits to be completed."]},
    }
    report.todo.append("complete the credits")
    if not intro:
        report.todo.append("write the subtitle and the introduction")
    listed = data.get("eras")
    eras = _eras(listed if isinstance(listed, list) else [], lang, report)
    if eras:
        exhibit["eras"] = eras
    return exhibit


def _eras(items: list[Any], lang: str, report: ImportReport) -> list[dict[str, Any]]:
    """TimelineJS eras as the format's eras: in time order, none overlapping the one
    before (the format's rule; TimelineJS allows it), each with a name; those that
    cannot be kept go to the to-do list with the reason."""
    found = []
    for era in items:
        if not isinstance(era, dict):
            continue
        headline = " ".join(paragraphs(_mapping(era.get("text")).get("headline")))
        try:
            start, end = _date(era.get("start_date")), _date(era.get("end_date"))
            for date in (start, end):
                parse_partial_date(date or "")
        except (ValueError, TypeError, AttributeError):
            start = end = None
        if not headline or start is None or end is None:
            report.todo.append(f"an era without a name, a start or an end was left out ({headline or 'unnamed'})")
            continue
        found.append((start, end, headline))
    kept: list[dict[str, Any]] = []
    for start, end, headline in sorted(found):
        first, last = parse_partial_date(start), parse_partial_date(end)
        if is_before(last, first) or (kept and is_before(first, parse_partial_date(kept[-1]["to"]))):
            report.todo.append(
                f"era '{headline}' ({start} to {end}) overlaps the one before it or ends before it starts; left out"
            )
            continue
        kept.append({"title": {lang: headline}, "from": start, "to": end})
    return kept


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _part(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _text(value: Any) -> str:
    """A TimelineJS text field as text (numbers and odd values included)."""
    return "" if value is None or isinstance(value, (dict, list)) else str(value)


def _media_item(
    media: dict[str, Any],
    headline: str,
    stop: dict[str, Any],
    lang: str,
    source_dir: Path,
    folder: Path,
    report: ImportReport,
) -> dict[str, Any] | None:
    """The stop's media item for a quotation, a post, or a local film or recording."""
    url = _text(media.get("url")).strip()
    kind = media_kind(url)
    credit = " ".join(paragraphs(_text(media.get("credit"))))
    title = " ".join(paragraphs(_text(media.get("caption")))) or headline
    where = f"stop '{stop['id']}'"
    if kind == "quotation":
        report.todo.append(f"{where}: check the quotation's words, who said them, when, and its published source")
        words = " ".join(paragraphs(url))
        return {"quotation": {lang: words}, "who": credit or "Who said it: to confirm", "source": SOURCE_UNKNOWN}
    if kind == "post":
        report.todo.append(f"{where}: copy the words of the post ({url[:90]}) into the quotation, with its author")
        return {
            "quotation": {lang: f"Words of the post at {url[:200]}"},
            "who": credit or "Author to confirm",
            "source": url,
        }
    if kind not in ("local video", "local recording"):
        return None
    copied = _local_copy(url, source_dir, folder, report, VIDEO_SUFFIXES + AUDIO_SUFFIXES)
    if copied is None:
        report.todo.append(f"{where}: the timeline named a file that is not there ({url[:90]}); add it")
        return None
    if kind == "local recording":
        report.todo.append(f"{where}: write the recording's transcript")
        return {
            "audio": f"{folder.name}/{copied}",
            "title": {lang: title},
            "transcript": {lang: [TO_WRITE]},
            "credit": {lang: credit or CREDIT_UNKNOWN},
        }
    captions = _caption_stub(folder, copied, lang)
    report.todo.append(f"{where}: write the film's captions in media/{folder.name}/{captions} (a start is there)")
    return {
        "video": f"{folder.name}/{copied}",
        "title": {lang: title},
        "poster": stop["images"][0]["file"],
        "captions": {lang: f"{folder.name}/{captions}"},
        "credit": {lang: credit or CREDIT_UNKNOWN},
    }


def _caption_stub(folder: Path, clip: str, lang: str) -> str:
    """A caption file holding one cue, saying the captions are still to come: the
    curator replaces it; until then the kiosk shows that plainly."""
    seconds = clip_seconds(folder / clip) or 1.0
    name = f"{Path(clip).stem}-{lang}.vtt"
    end = min(seconds, 5.0)
    (folder / name).write_text(
        f"WEBVTT\n\n00:00.000 --> 00:{int(end):02d}.{int(end * 1000) % 1000:03d}\n[Captions to be written]\n",
        encoding="utf-8",
    )
    return name


def _stop_date(event: dict[str, Any], start: str) -> Any:
    end = _date(event.get("end_date"))
    display = _text(event.get("display_date")).strip()
    if end is None and not display:
        return int(start) if start.isdigit() else start
    value: dict[str, Any] = {"from": start}
    if end is not None:
        value["to"] = end
    return value if not display else {**value, "display": {"__lang__": display}}


def _image(
    media: dict[str, Any],
    headline: str,
    stop_id: str,
    name: str,
    lang: str,
    source_dir: Path,
    media_root: Path,
    report: ImportReport,
) -> dict[str, Any]:
    url = _text(media.get("url")).strip()
    caption = " ".join(paragraphs(_text(media.get("caption")))) or headline
    credit = " ".join(paragraphs(_text(media.get("credit"))))
    alt = " ".join(paragraphs(_text(media.get("alt"))))
    kind = media_kind(url)
    file = _local_copy(url, source_dir, media_root / name, report) if kind == "picture" else None
    if file is None:
        file = _placeholder(
            media_root / name, stop_id, "" if kind in ("quotation", "embed", "local video", "local recording") else url
        )
        report.todo.append(f"stop '{stop_id}': {_what_to_do(kind, url, name)}")
        credit = credit or "Placeholder made by the kiosk."
    if not alt:
        alt = caption
        report.todo.append(f"stop '{stop_id}': write alt text describing the picture")
    if not credit:
        credit = CREDIT_UNKNOWN
        report.todo.append(f"stop '{stop_id}': confirm the picture's credit")
    return {"file": f"{name}/{file}", "alt": {lang: alt}, "caption": {lang: caption}, "credit": {lang: credit}}


MEDIA_SITES = (
    ("video", ("youtube.com", "youtu.be", "vimeo.com", "dailymotion.com")),
    ("recording", ("soundcloud.com", "spotify.com")),
    ("post", ("twitter.com", "x.com", "instagram.com")),
    ("map", ("google.com/maps", "maps.google", "openstreetmap.org")),
    ("article", ("wikipedia.org",)),
)


def media_kind(url: str) -> str:
    """What a TimelineJS media address holds: none, a quotation (blockquote), an
    embed (other HTML), a video, a recording, a post, a map, an article, or a picture."""
    if not url:
        return "none"
    lowered = url.lower()
    if lowered.startswith("<blockquote"):
        return "quotation"
    if lowered.startswith("<"):
        return "embed"
    host_and_path = re.sub(r"^[a-z]+://(www\.|m\.)?", "", lowered)
    for kind, sites in MEDIA_SITES:
        if any(host_and_path.startswith(site) or f".{site}" in host_and_path.split("/")[0] for site in sites):
            return kind
    suffix = Path(urlparse(lowered).path).suffix
    local = not re.match(r"^[a-z]+://", lowered) or lowered.startswith("file://")
    if suffix in VIDEO_SUFFIXES:
        return "local video" if local else "video"
    if suffix in AUDIO_SUFFIXES:
        return "local recording" if local else "recording"
    return "picture"


def _what_to_do(kind: str, url: str, name: str) -> str:
    """A to-do a curator can act on, for each kind of TimelineJS media."""
    short = url if len(url) <= 90 else url[:87] + "..."
    return {
        "none": "add a picture",
        "quotation": "the timeline showed a quotation here; it is now the stop's quotation item: add a picture",
        "local video": "the timeline showed a film here; it is now the stop's film: add a picture",
        "local recording": "the timeline played a recording here; it is now the stop's recording: add a picture",
        "embed": "the timeline embedded a web page here, which a kiosk cannot show; add a picture",
        "video": f"the timeline showed an online video ({short}); the kiosk plays no online video: save the "
        f"clip (with permission) as media/{name}/<name>.mp4 with a WebVTT caption file per language and add it "
        "under the stop's 'media:' as a 'video:' item; add a still from it as the picture",
        "recording": f"the timeline played an online recording ({short}); save it (with permission) as "
        f"media/{name}/<name>.ogg and add it under the stop's 'media:' as an 'audio:' item with its "
        "transcript; add a picture",
        "post": f"the timeline showed a social-media post ({short}); it is now the stop's quotation item; "
        "add a picture",
        "map": f"the timeline showed an online map ({short}); add a map picture you may use",
        "article": f"the timeline showed an encyclopaedia article ({short}); it is now in the stop's "
        "sources: take the facts you need into the label, and add a picture",
    }.get(kind, f"download {short} into media/{name}/ and name it in 'file'")


def _local_copy(
    url: str, source_dir: Path, folder: Path, report: ImportReport, suffixes: tuple[str, ...] = IMAGE_SUFFIXES
) -> str | None:
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https"):
        return None
    path = Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(url)
    path = path if path.is_absolute() else source_dir / path
    try:
        if not path.is_file() or path.suffix.lower() not in suffixes:
            return None
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / re.sub(r"[^A-Za-z0-9._-]+", "-", path.name)
    n = 2
    while target.exists() and target.read_bytes() != path.read_bytes():
        target = folder / f"{path.stem}-{n}{path.suffix.lower()}"
        n += 1
    shutil.copyfile(path, target)
    report.copied.append(target.name)
    return target.name


def _placeholder(folder: Path, stop_id: str, url: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{stop_id}-to-download.svg" if url else f"{stop_id}-placeholder.svg"
    note = html.escape(url[:90] if url else "picture to come")
    (folder / name).write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 1600 1000" '
        'width="1600" height="1000"><rect width="1600" height="1000" fill="#d8d4cc"/>'
        '<text x="800" y="470" font-family="Inter" font-size="64" font-weight="700" fill="#5c5850" '
        f'text-anchor="middle">{"picture to download" if url else "picture to come"}</text>'
        f'<text x="800" y="560" font-family="Inter" font-size="30" fill="#5c5850" text-anchor="middle">{note}</text>'
        "</svg>\n",
        encoding="utf-8",
    )
    return name


def _comment_safe(text: str) -> str:
    """A to-do as one comment line: a line break would end the comment, and YAML
    refuses control characters even in comments (Hypothesis found an era named ESC)."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]", " ", text)


def dump(exhibit: dict[str, Any], lang: str, source: Path, report: ImportReport) -> str:
    text = yaml.safe_dump(exhibit, sort_keys=False, allow_unicode=True, width=88)
    text = text.replace("__lang__:", f"{lang}:")
    todo = "".join(f"#   - {_comment_safe(item)}\n" for item in report.todo) or "#   (nothing)\n"
    return (
        f"# yaml-language-server: $schema=../docs/exhibit.schema.json\n"
        f"# Imported from the TimelineJS timeline {source.name} by `kiosk import timelinejs`.\n"
        f"# Still to do before this opens to visitors:\n{todo}"
        f"# Add more languages as described in docs/curators.md.\n\n{text}"
    )


def import_timelinejs(
    source: Path, out: Path, media_root: Path | None = None, lang: str = "en", force: bool = False
) -> ImportReport:
    if out.exists() and not force:
        raise ImportError_(f"{out} already exists; use --force to replace it")
    name = out.stem
    if not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", name):
        raise ImportError_(f"'{name}' is not a valid exhibit id; name the output like exhibits/harbour-1900.yaml")
    data = read_csv(source) if source.suffix.lower() == ".csv" else read_json(source)
    media_root = media_root or out.resolve().parent.parent / "media"
    report = ImportReport(path=out)
    exhibit = build(data, name, lang, source.resolve().parent, media_root, report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump(exhibit, lang, source, report), encoding="utf-8")
    return report
