"""The building blocks of the exhibit format, each able to check a YAML node.

A format is a tree of these types (see ``kiosk.core.exhibit_format``). Each
type checks a node and returns a plain value, or ``INVALID`` after reporting
what is wrong at the node's own line and column; and each can describe itself
as JSON Schema. One description therefore drives both the validator and the
schema a curator's editor uses, so the two cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.core import webvtt
from kiosk.core.dates import is_before, parse_partial_date
from kiosk.core.diagnostics import Diagnostic, Severity
from kiosk.core.media import (
    CAPTION_SUFFIXES,
    EXPECTED_KIND,
    MediaPathError,
    content_problems,
    resolve_media_path,
    sniff_kind,
)

MAX_TEXT = 5000
"""Characters in one text: ample for any label, small enough to lay out within a frame."""

INVALID: Any = type("Invalid", (), {"__repr__": lambda self: "INVALID", "__bool__": lambda self: False})()
"""Returned by a check that failed; its problems are already reported."""

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULL = "tag:yaml.org,2002:null"
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”»)]*\s+")


@dataclass
class Context:
    """What a check needs to know beyond its node, and where it reports."""

    file: str
    media_root: Path
    languages: tuple[str, ...] | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    word_budget: int = 120
    sentence_words: int = 25
    check_media: bool = True
    media_seen: dict[str, str | None] = field(default_factory=dict)
    """Outcome per media path already checked in this load: None when fine."""

    def report(self, node: yaml.Node, message: str, severity: Severity = Severity.ERROR) -> None:
        mark, end = node.start_mark, node.end_mark
        self.diagnostics.append(
            Diagnostic(
                self.file,
                mark.line + 1,
                mark.column + 1,
                severity,
                message,
                end_line=end.line + 1,
                end_column=end.column + 1,
            )
        )

    def warn(self, node: yaml.Node, message: str) -> None:
        self.report(node, message, Severity.WARNING)


def _kind_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "nothing"
    return f"'{node.value}'"


class Type:
    """A kind of value in the format."""

    description = "a value"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def expect(self, node: yaml.Node, ctx: Context) -> Any:
        ctx.report(node, f"expected {self.description}, found {_kind_name(node)}")
        return INVALID


class Str(Type):
    """Text that is not shown to visitors in several languages (ids, citations)."""

    description = "text"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.expect(node, ctx)
        if not node.value.strip():
            ctx.report(node, "text is empty")
            return INVALID
        if len(node.value) > MAX_TEXT:
            ctx.report(
                node, f"text of {len(node.value):,} characters; at most {MAX_TEXT:,} fit a screen (a label is some 800)"
            )
            return INVALID
        return node.value.strip()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}


class Slug(Str):
    description = "an id of lower-case letters, digits and hyphens (like 'tin-barons')"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        value = super().check(node, ctx)
        if value is not INVALID and not _SLUG_RE.match(value):
            ctx.report(node, f"'{value}' is not a valid id; use lower-case letters, digits and hyphens")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": _SLUG_RE.pattern}


@dataclass
class Number(Type):
    minimum: float
    maximum: float
    integer: bool = False

    @property
    def description(self) -> str:  # type: ignore[override]
        kind = "a whole number" if self.integer else "a number"
        return f"{kind} from {self.minimum:g} to {self.maximum:g}"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.expect(node, ctx)
        try:
            value: float = int(node.value) if self.integer else float(node.value)
        except ValueError:
            return self.expect(node, ctx)
        if not self.minimum <= value <= self.maximum:
            ctx.report(node, f"{node.value} is out of range; expected {self.description}")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer" if self.integer else "number", "minimum": self.minimum, "maximum": self.maximum}


class Localised(Type):
    """Visitor-facing text: one entry per exhibit language, none missing.

    A missing translation is an error: a kiosk that silently shows Spanish to
    a visitor who chose English looks broken, and the curator would not know.
    """

    description = "text in each language (a mapping such as 'es: ...' and 'en: ...')"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expect(node, ctx)
        values: dict[str, Any] = {}
        ok = True
        for key_node, value_node in _unique_pairs(node, ctx):
            lang = key_node.value
            if ctx.languages is not None and lang not in ctx.languages:
                same = [code for code in ctx.languages if code.lower() == lang.lower()]
                hint = f"; did you mean '{same[0]}'? (language codes are lower case)" if same else ""
                listed = ", ".join(ctx.languages)
                ctx.report(key_node, f"'{lang}' is not one of this exhibit's languages ({listed}){hint}")
                ok = False
                continue
            value = self.check_one(value_node, ctx)
            ok = ok and value is not INVALID
            values[lang] = value
        for lang in ctx.languages or ():
            if lang not in values:
                ctx.report(node, f"missing translation: no '{lang}' text")
                ok = False
        return values if ok else INVALID

    def check_one(self, node: yaml.Node, ctx: Context) -> Any:
        return Str().check(node, ctx)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": _LANG_RE.pattern},
            "additionalProperties": Str().schema(),
        }


@dataclass
class Paragraphs(Localised):
    """Running text per language: a block of paragraphs or a list of them.

    With ``label=True`` it is held to museum label practice: the word budget
    and sentence length give warnings, not errors, since they are advice.
    """

    label: bool = False
    description = "paragraphs in each language"

    def check_one(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.SequenceNode):
            paragraphs = [Str().check(item, ctx) for item in node.value]
            if not paragraphs:
                ctx.report(node, "list of paragraphs is empty")
                return INVALID
            if INVALID in paragraphs:
                return INVALID
        else:
            text = Str().check(node, ctx)
            if text is INVALID:
                return INVALID
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        if self.label:
            self._check_label(node, paragraphs, ctx)
        return tuple(paragraphs)

    def _check_label(self, node: yaml.Node, paragraphs: list[str], ctx: Context) -> None:
        words = sum(len(p.split()) for p in paragraphs)
        if words > ctx.word_budget:
            ctx.warn(node, f"narration has {words} words; a label should keep to {ctx.word_budget}")
        for paragraph in paragraphs:
            for sentence in _SENTENCE_SPLIT.split(paragraph):
                count = len(sentence.split())
                if count > ctx.sentence_words:
                    ctx.warn(
                        node,
                        f"sentence of {count} words (over {ctx.sentence_words}): "
                        f"'{' '.join(sentence.split()[:6])} ...'",
                    )

    def schema(self) -> dict[str, Any]:
        one = {"oneOf": [Str().schema(), {"type": "array", "minItems": 1, "items": Str().schema()}]}
        return {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": _LANG_RE.pattern},
            "additionalProperties": one,
        }


class LanguageNames(Type):
    """The exhibit's languages in order, each with the name visitors tap."""

    description = "a mapping of language codes to their names (es: Español)"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode) or not node.value:
            return self.expect(node, ctx)
        names: dict[str, str] = {}
        for key_node, value_node in _unique_pairs(node, ctx):
            if not _LANG_RE.match(key_node.value):
                ctx.report(key_node, f"'{key_node.value}' is not a language code (like 'es' or 'en')")
                continue
            name = Str().check(value_node, ctx)
            if name is not INVALID:
                names[key_node.value] = name
        return names if len(names) == len(node.value) else INVALID

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": _LANG_RE.pattern},
            "additionalProperties": Str().schema(),
        }


class DateValue(Type):
    """``1949``, ``1952-04`` or ``1952-04-09``; or a range with wording."""

    description = "a date (YYYY, YYYY-MM, YYYY-MM-DD) or a range {from, to, display}"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag != _NULL:
            return self._one(node, ctx)
        if not isinstance(node, yaml.MappingNode):
            return self.expect(node, ctx)
        fields = check_record(node, ctx, DATE_RANGE_FIELDS, "date")
        if fields is INVALID:
            return INVALID
        start, end = fields["from"], fields.get("to")
        if end is not None and is_before(end, start):
            ctx.report(node, f"date range ends ({end.iso()}) before it starts ({start.iso()})")
            return INVALID
        return {"from": start, "to": end, "display": fields.get("display")}

    def _one(self, node: yaml.Node, ctx: Context) -> Any:
        try:
            return parse_partial_date(node.value)
        except ValueError as exc:
            ctx.report(node, str(exc))
            return INVALID

    def schema(self) -> dict[str, Any]:
        one = {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
        return {"oneOf": [one, record_schema(DATE_RANGE_FIELDS)]}


class PartialDateValue(DateValue):
    description = "a date (YYYY, YYYY-MM or YYYY-MM-DD)"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.expect(node, ctx)
        return self._one(node, ctx)

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


class Bool(Type):
    description = "true or false"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.value.lower() in ("true", "false", "yes", "no", "on", "off"):
            return node.value.lower() in ("true", "yes", "on")
        return self.expect(node, ctx)

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass
class FormatVersion(Type):
    """The format number: refused with advice when the kiosk is too old."""

    version: int
    description = "the exhibit format number"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.value.strip() != str(self.version):
            ctx.report(
                node,
                f"this kiosk reads exhibit format {self.version}; the file says "
                f"{_kind_name(node)} (a newer kiosk may be needed)",
            )
            return INVALID
        return self.version

    def schema(self) -> dict[str, Any]:
        return {"const": self.version}


@dataclass
class MediaFile(Type):
    """A path under the media folder to a file of one of the given types."""

    suffixes: tuple[str, ...]
    what: str = "media file"

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"the path of an {self.what} under the media folder"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        relative = Str().check(node, ctx)
        if relative is INVALID:
            return INVALID
        key = f"{self.what}:{relative}"
        if key not in ctx.media_seen:  # many stops may share a picture: look at it once
            ctx.media_seen[key] = self._problem(relative, ctx)
        problem = ctx.media_seen[key]
        if problem is not None:
            ctx.report(node, problem)
            return INVALID
        return relative

    def _problem(self, relative: str, ctx: Context) -> str | None:
        """What is wrong with this media path, or None."""
        suffix = Path(relative).suffix.lower()
        if suffix not in self.suffixes:
            return f"'{relative}' is not a supported {self.what} (use {', '.join(self.suffixes)})"
        try:
            path = resolve_media_path(ctx.media_root, relative)
        except MediaPathError as exc:
            return str(exc)
        if not ctx.check_media:
            return None
        if not path.is_file():
            return f"media file not found: '{relative}' (looked in {ctx.media_root})"
        found = sniff_kind(path)
        if found != EXPECTED_KIND[suffix]:
            what = f"a {found.upper()} file" if found else "not a file type we recognise"
            return f"'{relative}' is named {suffix} but is {what}"
        problems = content_problems(path, found) if found in ("svg", "png", "jpeg", "gif", "webp", "mp4") else []
        return f"'{relative}': {'; '.join(problems)}" if problems else None

    def schema(self) -> dict[str, Any]:
        ends = "|".join(re.escape(s) for s in self.suffixes)
        return {"type": "string", "pattern": rf"^(?!/)(?!.*(^|/)\.\.(/|$)).*({ends})$"}


@dataclass
class LocalisedMedia(Type):
    """A media file per language where each is optional (narration audio)."""

    media: MediaFile
    description = "a mapping of language codes to media files"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expect(node, ctx)
        files: dict[str, Any] = {}
        for key_node, value_node in _unique_pairs(node, ctx):
            if ctx.languages is not None and key_node.value not in ctx.languages:
                ctx.report(key_node, f"'{key_node.value}' is not one of this exhibit's languages")
                files[key_node.value] = INVALID
                continue
            files[key_node.value] = self.media.check(value_node, ctx)
        return INVALID if INVALID in files.values() else files

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.media.schema()}


@dataclass
class MediaPerLanguage(Type):
    """One media file for every language, or a file per language (each required).

    A picture with words in it, such as a map with its place names, needs a
    version per language; most pictures serve every language as one file.
    """

    media: MediaFile

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"{self.media.description}, or one per language (a mapping such as 'es: ...' and 'en: ...')"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.media.check(node, ctx)
        return _PerLanguage(self.media).check(node, ctx)

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [self.media.schema(), _PerLanguage(self.media).schema()]}


@dataclass
class _PerLanguage(Localised):
    """Localised's rules (every language, no stranger) with a media file as each value."""

    media: MediaFile

    def check_one(self, node: yaml.Node, ctx: Context) -> Any:
        return self.media.check(node, ctx)

    def schema(self) -> dict[str, Any]:
        return {**super().schema(), "additionalProperties": self.media.schema()}


@dataclass
class Captions(_PerLanguage):
    """A WebVTT caption file per language, every language required, each one
    read: its mistakes are reported at their line and column in the caption
    file itself, where the curator will fix them."""

    media: MediaFile = field(default_factory=lambda: MediaFile(CAPTION_SUFFIXES, "caption file"))
    description = "a WebVTT caption file per language (es: ..., en: ...)"

    def check_one(self, node: yaml.Node, ctx: Context) -> Any:
        """(path, cues): the cues read here are the ones the kiosk shows, never read twice."""
        relative = self.media.check(node, ctx)
        if relative is INVALID:
            return INVALID
        if not ctx.check_media:
            return relative, ()
        path = resolve_media_path(ctx.media_root, relative)
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        captions = webvtt.parse(text)
        for problem in captions.problems:
            found = Diagnostic(str(path), problem.line, problem.column, Severity.ERROR, problem.message)
            ctx.diagnostics.append(found.with_context(text))  # the caption file's lines, not the exhibit's
        if captions.problems:
            count = len(captions.problems)
            ctx.report(
                node, f"'{relative}' has {count} mistake{'s' * (count > 1)} in its captions (listed at its lines)"
            )
            return INVALID
        return relative, captions.cues


@dataclass
class Variant(Type):
    """One of several records, told apart by the key that names its kind
    (a media item is a ``video:``, an ``audio:`` or a ``quotation:``)."""

    kinds: dict[str, Record]
    name: str = "item"

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"a {self.name}: a mapping with one of {', '.join(repr(k) for k in self.kinds)}"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expect(node, ctx)
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        named = [key for key in keys if key in self.kinds]
        if len(named) != 1:
            choices = " or ".join(repr(k) for k in self.kinds)
            found = f"it has {' and '.join(repr(k) for k in named)}" if named else "it has neither"
            ctx.report(node, f"a {self.name} needs exactly one of {choices}; {found}")
            return INVALID
        values = self.kinds[named[0]].check(node, ctx)
        return INVALID if values is INVALID else {**values, "kind": named[0]}

    def schema(self) -> dict[str, Any]:
        return {"oneOf": [record.schema() for record in self.kinds.values()]}


@dataclass
class ListOf(Type):
    item: Type
    min_items: int = 1
    unique_key: str | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return "a list (items starting with '- ')"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self.expect(node, ctx)
        if len(node.value) < self.min_items:
            ctx.report(node, f"list needs at least {self.min_items} item{'s' * (self.min_items > 1)}")
            return INVALID
        values = [self.item.check(item, ctx) for item in node.value]
        if self.unique_key:
            self._check_unique(node, values, ctx)
        return INVALID if INVALID in values else values

    def _check_unique(self, node: yaml.SequenceNode, values: list[Any], ctx: Context) -> None:
        seen: dict[str, int] = {}
        for index, (item_node, value) in enumerate(zip(node.value, values)):
            if not isinstance(value, dict) or self.unique_key not in value:
                continue
            key = value[self.unique_key]
            key_node = _value_node(item_node, self.unique_key) or item_node  # type: ignore[arg-type]  # checked above
            if key in seen:
                ctx.report(key_node, f"duplicate {self.unique_key} '{key}' (first used on line {seen[key]})")
                values[index] = INVALID
            else:
                seen[key] = key_node.start_mark.line + 1

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "minItems": self.min_items, "items": self.item.schema()}


@dataclass
class Field:
    type: Type
    required: bool = True
    doc: str = ""


@dataclass
class Record(Type):
    fields: dict[str, Field]
    name: str = "item"
    after: Callable[[dict[str, Any], yaml.MappingNode, Context], None] | None = None

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"a mapping describing the {self.name}"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expect(node, ctx)
        values = check_record(node, ctx, self.fields, self.name)
        if values is not INVALID and self.after is not None:
            self.after(values, node, ctx)
        return values

    def schema(self) -> dict[str, Any]:
        return record_schema(self.fields)


def record_schema(fields: dict[str, Field]) -> dict[str, Any]:
    properties = {}
    for name, spec in fields.items():
        prop = spec.type.schema()
        if spec.doc:
            prop = {**prop, "description": spec.doc}
        properties[name] = prop
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def check_record(node: yaml.MappingNode, ctx: Context, fields: dict[str, Field], name: str) -> Any:
    """Check a mapping against its fields, in the order the fields are listed.

    Order matters: the exhibit's ``languages`` are read before any text that
    must be given in each of them.
    """
    given = {key.value: (key, value) for key, value in _unique_pairs(node, ctx)}
    ok = True
    suggested: set[str] = set()
    for key, (key_node, _value) in given.items():
        if key not in fields:
            ok = False
            unused = [name for name in fields if name not in given]
            import difflib  # only a file with a mistake needs it

            close = difflib.get_close_matches(key, unused, n=1, cutoff=0.6)
            suggested.update(close)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(fields)}"
            ctx.report(key_node, f"unknown key '{key}' in {name}{hint}")
    values: dict[str, Any] = {}
    for key, spec in fields.items():
        if key not in given:
            if spec.required and key not in suggested:
                ctx.report(node, f"{name} is missing '{key}'")
                ok = False
            continue
        value = spec.type.check(given[key][1], ctx)
        ok = ok and value is not INVALID
        values[key] = value
        if key == "languages" and value is not INVALID:
            ctx.languages = tuple(value)
    return values if ok else INVALID


def _unique_pairs(node: yaml.MappingNode, ctx: Context) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The mapping's pairs, reporting duplicate and non-text keys.

    PyYAML silently keeps the last of two equal keys; a curator who pasted a
    second ``title:`` would lose the first without a word, so it is an error.
    """
    pairs = []
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.report(key_node, "keys must be plain words, not lists or mappings")
            continue
        key = key_node.value
        if key in first_line:
            ctx.report(key_node, f"duplicate key '{key}' (first given on line {first_line[key]})")
            continue
        first_line[key] = key_node.start_mark.line + 1
        pairs.append((key_node, value_node))
    return pairs


def _value_node(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                found: yaml.Node = value_node
                return found
    return None


DATE_RANGE_FIELDS: dict[str, Field] = {
    "from": Field(PartialDateValue(), doc="First day, month or year of the range."),
    "to": Field(PartialDateValue(), required=False, doc="Last day, month or year of the range."),
    "display": Field(Localised(), required=False, doc="How the date is written for visitors, per language."),
}
