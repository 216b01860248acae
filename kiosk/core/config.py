"""The kiosk's configuration file, checked like an exhibit file.

One YAML file in the per-user config folder (``--config`` overrides). Its
errors are reported as ``FILE:LINE:COL: error: ...`` by the same machinery
as exhibits, so staff see the same kind of message as curators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.diagnostics import Diagnostic, ExhibitError, Severity
from kiosk.core.schedule import WEEKDAYS, Schedule


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    exhibit: Path | None = None
    idle_timeout: float | None = None
    default_language: str | None = None
    screen: int = 0
    show_cursor: bool = False
    pin_hash: str | None = None
    statistics: bool = True
    volume: int = 80
    reduced_motion: bool = False
    control_listen: tuple[str, int] | None = None
    control_token_file: Path | None = None
    schedule: Schedule | None = None
    hub_url: str | None = None
    hub_interval: float = 5.0
    hub_allow_shutdown: bool = False
    display_power: str = "auto"


def load_config(path: Path, required: bool = False) -> Config:
    """The configuration at ``path``; defaults when it does not exist.

    Raises ExhibitError with located diagnostics when the file is wrong.
    """
    if not path.exists():
        if required:
            raise ExhibitError([Diagnostic(str(path), 1, 1, Severity.ERROR, "configuration file not found")])
        return Config(path=None)
    import yaml  # with the checker, only when there is a file to check

    from kiosk.core.config_format import CONFIG
    from kiosk.core.spec import INVALID, Context
    from kiosk.core.yamlsource import compose, read_text

    name = str(path)
    text = read_text(path, name)
    node = compose(text, name)
    if node is None:
        return Config(path=path)
    ctx = Context(file=name, media_root=path.parent, check_media=False)
    values = CONFIG.check(node, ctx) if isinstance(node, yaml.MappingNode) else CONFIG.expect(node, ctx)
    if values is INVALID or any(d.is_error for d in ctx.diagnostics):
        raise ExhibitError([d.with_context(text) for d in ctx.diagnostics])
    exhibit = values.get("exhibit")
    control = values.get("control", {})
    hub = values.get("hub", {})
    return Config(
        path=path,
        exhibit=(path.parent / exhibit).resolve() if exhibit else None,
        idle_timeout=values.get("idle_timeout"),
        default_language=values.get("default_language"),
        screen=int(values.get("screen", 0)),
        show_cursor=bool(values.get("show_cursor", False)),
        pin_hash=values.get("pin_hash"),
        statistics=bool(values.get("statistics", True)),
        volume=int(values.get("volume", 80)),
        reduced_motion=bool(values.get("reduced_motion", False)),
        control_listen=control.get("listen"),
        schedule=_schedule(values.get("schedule")),
        hub_url=hub.get("url"),
        hub_interval=float(hub.get("interval", 5.0)),
        hub_allow_shutdown=bool(hub.get("allow_shutdown", False)),
        display_power=str(values.get("display_power", "auto")),
        control_token_file=(path.parent / control["token_file"]).resolve() if control.get("token_file") else None,
    )


def _schedule(values: dict[str, Any] | None) -> Schedule | None:
    if values is None:
        return None
    weekly = {number: values[day] for number, day in enumerate(WEEKDAYS) if day in values}
    return Schedule(weekly, dict(values.get("exceptions", {})))


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set ``pin_hash`` in the file, keeping every other line as it was."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    entry = f"pin_hash: '{pin_hash}'"
    for index, line in enumerate(lines):
        if line.startswith("pin_hash:"):
            lines[index] = entry
            break
    else:
        lines.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)
