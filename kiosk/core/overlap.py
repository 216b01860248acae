"""Runs of words an exhibit shares with a source it was written from.

A museum writes its labels in its own words: a run of eight or more words
taken from a source, outside a marked quotation, is copying. Curators run
``kiosk validate EXHIBIT --against SOURCE.txt`` to see every such run with
the line it is on; the bundled exhibit's tests run the same check against
its source article.

Words are compared case-blind, with punctuation and line breaks ignored, so
re-wrapping a copied sentence does not hide it. Text inside quotation marks
("…", “…”, «…») is left out: a quotation, attributed, is allowed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kiosk.core.diagnostics import Diagnostic, Severity
from kiosk.core.model import Exhibit, LocalParagraphs, LocalText

RUN_LENGTH = 8
"""Eight words: shorter runs are common phrases ("on 9 April the army"),
longer ones let a copied clause slip through."""

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
QUOTATION = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')


@dataclass(frozen=True)
class SharedRun:
    """One run of words a text shares with the source."""

    where: str
    """Which text, e.g. "stop 'milluni' narration (en)"."""
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f'{self.where}: {len(self.words)} words shared with the source: "{" ".join(self.words)}"'


def words(text: str) -> list[str]:
    """The words of ``text``, lower-case, with typographic apostrophes made plain."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def unquoted_parts(text: str) -> list[str]:
    """The stretches of ``text`` outside quotation marks; a run never spans a quotation."""
    return QUOTATION.split(text)


def fingerprint(source: str, length: int = RUN_LENGTH) -> set[str]:
    """A digest of each run of ``length`` words in ``source``.

    Checking against the digests finds the same runs as checking against the
    text, without keeping a copy of someone else's text: the repository holds
    the bundled exhibit's source article only in this form."""
    tokens = words(source)
    return {gram_key(tuple(tokens[i : i + length])) for i in range(len(tokens) - length + 1)}


def gram_key(gram: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(gram).encode("utf-8")).hexdigest()[:16]


def shared_runs(texts: Iterable[tuple[str, str]], source: str | set[str], length: int = RUN_LENGTH) -> list[SharedRun]:
    """Every maximal run of ``length`` or more words that a text shares with
    ``source`` (a text, or its :func:`fingerprint`)."""
    keys = fingerprint(source, length) if isinstance(source, str) else source
    found: list[SharedRun] = []
    for where, text in texts:
        for part in unquoted_parts(text):
            found.extend(SharedRun(where, run) for run in _runs(words(part), keys, length))
    return found


def _runs(tokens: list[str], keys: set[str], length: int) -> Iterator[tuple[str, ...]]:
    """The stretches of ``tokens`` covered by shared windows, each joined into one run."""
    covered = [False] * len(tokens)
    for i in range(len(tokens) - length + 1):
        if gram_key(tuple(tokens[i : i + length])) in keys:
            covered[i : i + length] = [True] * length
    start = None
    for i, hit in enumerate([*covered, False]):
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            yield tuple(tokens[start:i])
            start = None


def exhibit_texts(exhibit: Exhibit) -> Iterator[tuple[str, str]]:
    """Every text a visitor can see or hear, named so a curator can find it."""
    for lang in (language.code for language in exhibit.languages):
        yield from _local(f"title ({lang})", exhibit.title, lang)
        yield from _local(f"subtitle ({lang})", exhibit.subtitle, lang)
        yield from _paragraphs(f"introduction ({lang})", exhibit.introduction, lang)
        yield from _paragraphs(f"credits ({lang})", exhibit.credits, lang)
        for stop in exhibit.stops:
            name = f"stop '{stop.id}'"
            yield f"{name} date ({lang})", stop.date.label(lang)
            yield from _local(f"{name} title ({lang})", stop.title, lang)
            yield from _paragraphs(f"{name} narration ({lang})", stop.narration, lang)
            for image in stop.images:
                for field in ("alt", "caption", "credit"):
                    yield from _local(f"{name} {image.file} {field} ({lang})", getattr(image, field), lang)


def _local(where: str, text: LocalText, lang: str) -> Iterator[tuple[str, str]]:
    yield where, text[lang]


def _paragraphs(where: str, text: LocalParagraphs, lang: str) -> Iterator[tuple[str, str]]:
    yield where, text.text(lang)


def overlap_diagnostics(exhibit: Exhibit, source: str, raw: str) -> list[Diagnostic]:
    """Each shared run as a warning at the line of the exhibit file (``raw``) where it starts."""
    found = []
    for run in shared_runs(exhibit_texts(exhibit), source):
        line, column = locate(raw, run.words)
        message = f'{run.where}: {len(run.words)} words shared with the source: "{" ".join(run.words)}"'
        found.append(Diagnostic(str(exhibit.source), line, column, Severity.WARNING, message).with_context(raw))
    return found


def locate(raw: str, run: tuple[str, ...]) -> tuple[int, int]:
    """Line and column (1-based) where ``run`` starts in ``raw``, across line breaks and punctuation."""
    pattern = r"[\W_]+".join(re.escape(word).replace("'", "['’]") for word in run)
    match = re.search(pattern, raw, re.IGNORECASE)
    if match is None:
        return 1, 1
    before = raw[: match.start()]
    return before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1
