"""Load an exhibit file: read safely, check everything, build the model.

``load_exhibit`` either returns a complete Exhibit or raises ExhibitError with
every problem found in one pass, so a curator fixes a file in one round trip.
It never raises anything else for bad input: the fuzz test holds it to that.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kiosk.core.dates import PartialDate, is_before
from kiosk.core.diagnostics import Diagnostic, ExhibitError, Severity
from kiosk.core.exhibit_format import EXHIBIT
from kiosk.core.media import default_media_root
from kiosk.core.model import Exhibit, build_exhibit
from kiosk.core.spec import INVALID, Context
from kiosk.core.yamlsource import compose, only_comments, read_text, tab_warnings


@dataclass(frozen=True)
class LoadResult:
    """An exhibit (None if invalid) with every diagnostic, warnings included."""

    exhibit: Exhibit | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)


def display_name(path: Path) -> str:
    """The path as the curator would type it: relative when under the cwd."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)
    return str(path.resolve()) if relative.startswith("..") else relative


def check_exhibit(path: Path, media_root: Path | None = None, check_media: bool = True) -> LoadResult:
    """Check an exhibit file and build it when there are no errors.

    The cyclic garbage collector is paused meanwhile: a large file makes
    hundreds of thousands of short-lived objects with no cycles among them,
    and letting the collector sweep an ever larger heap makes loading slower
    per stop as exhibits grow.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(Path(path), media_root, check_media)
    finally:
        if was_enabled:
            gc.enable()


def _check(path: Path, media_root: Path | None, check_media: bool) -> LoadResult:
    name = display_name(path)
    root = media_root if media_root is not None else default_media_root(path)
    try:
        text = read_text(path, name)
        node = compose(text, name)
    except ExhibitError as exc:
        return LoadResult(None, tuple(exc.diagnostics))
    if node is None:
        what = "holds only comments" if only_comments(text) else "is empty"
        needs = "an exhibit needs at least 'format', 'id', 'languages' and 'stops' (kiosk new makes a start)"
        return LoadResult(None, (Diagnostic(name, 1, 1, Severity.ERROR, f"the file {what}; {needs}"),))
    ctx = Context(file=name, media_root=root, check_media=check_media)
    values = EXHIBIT.check(node, ctx)
    if values is not INVALID and isinstance(node, yaml.MappingNode):
        _warn_on_order(values, node, ctx)
    ctx.diagnostics.extend(tab_warnings(text, name))
    diagnostics = tuple(sorted(d.with_context(text) for d in ctx.diagnostics))
    if values is INVALID or any(d.is_error for d in diagnostics):
        return LoadResult(None, diagnostics)
    return LoadResult(build_exhibit(values, path.resolve(), root), diagnostics)


def load_exhibit(path: Path, media_root: Path | None = None) -> Exhibit:
    """The exhibit at ``path``, or ExhibitError listing every problem."""
    result = check_exhibit(path, media_root)
    if result.exhibit is None:
        raise ExhibitError(list(result.diagnostics))
    return result.exhibit


def _warn_on_order(values: dict[str, Any], node: yaml.MappingNode, ctx: Context) -> None:
    """Stops are a timeline: one out of time order is probably a typo."""
    stops_node = next((v for k, v in node.value if k.value == "stops"), None)
    previous: PartialDate | None = None
    for stop, stop_node in zip(values["stops"], getattr(stops_node, "value", ())):
        start = stop["date"] if isinstance(stop["date"], PartialDate) else stop["date"]["from"]
        if previous is not None and is_before(start, previous):
            ctx.warn(
                stop_node,
                f"stop '{stop['id']}' ({start.iso()}) comes before the previous stop "
                f"({previous.iso()}) in time; stops should be in time order",
            )
        previous = start
