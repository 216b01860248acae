"""``kiosk fleet status``: one line per kiosk, from each one's control endpoint.

The kiosks are listed in a hosts file: either lines of ``[NAME] HOST:PORT``
(``#`` starts a comment) or the ``kiosks.yml`` that Prometheus reads
(``deploy/prometheus``), so one list serves both. Every kiosk is asked at once,
each with a timeout, so fifty kiosks take as long as the slowest. When each
was last seen is kept in a small file, so an unreachable kiosk still says when
it last answered.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT = 3.0


@dataclass(frozen=True)
class Kiosk:
    name: str
    address: str
    """HOST:PORT of its control endpoint."""


@dataclass(frozen=True)
class Seen:
    kiosk: Kiosk
    reachable: bool
    status: dict[str, Any]
    problem: str = ""


def read_hosts(path: Path) -> list[Kiosk]:
    """The kiosks in a hosts file; ValueError names the line that is wrong."""
    text = path.read_text(encoding="utf-8")
    first = next((line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")), "")
    if first.startswith("-"):  # a YAML list: Prometheus's target file
        return _from_prometheus(text, path)
    kiosks = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 2 or ":" not in parts[-1]:
            raise ValueError(f"{path}:{number}: expected '[NAME] HOST:PORT', found '{line}'")
        address = parts[-1]
        kiosks.append(Kiosk(parts[0] if len(parts) == 2 else address.rsplit(":", 1)[0], address))
    return kiosks


def _from_prometheus(text: str, path: Path) -> list[Kiosk]:
    import yaml

    try:
        groups = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not a Prometheus target file ({error})") from None
    kiosks = []
    for group in groups if isinstance(groups, list) else []:
        for target in group.get("targets", []) if isinstance(group, dict) else []:
            kiosks.append(Kiosk(str(target).rsplit(":", 1)[0], str(target)))
    return kiosks


def poll(kiosks: list[Kiosk], fetch: Callable[[str], dict[str, Any]] | None = None) -> list[Seen]:
    """Every kiosk's /status, asked all at once."""
    get = fetch or _status
    with ThreadPoolExecutor(max_workers=max(1, min(32, len(kiosks)))) as pool:
        return list(pool.map(lambda kiosk: _ask(kiosk, get), kiosks))


def _ask(kiosk: Kiosk, get: Callable[[str], dict[str, Any]]) -> Seen:
    try:
        return Seen(kiosk, True, get(kiosk.address))
    except (OSError, ValueError, urllib.error.URLError) as error:
        reason = getattr(error, "reason", None) or error
        return Seen(kiosk, False, {}, str(reason))


def _status(address: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://{address}/status", timeout=TIMEOUT) as response:
        data = json.loads(response.read(1 << 20))
    if not isinstance(data, dict):
        raise ValueError("the status is not a JSON object")
    return data


def remember(seen: list[Seen], path: Path, now: float) -> dict[str, float]:
    """When each kiosk last answered, kept in ``path`` (a broken file is started afresh)."""
    try:
        known = {str(k): float(v) for k, v in json.loads(path.read_text()).items()}
    except (OSError, ValueError, AttributeError):
        known = {}
    for one in seen:
        if one.reachable:
            known[one.kiosk.address] = now
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(known, indent=1))
    temporary.replace(path)
    return known


COLUMNS = ("kiosk", "reachable", "exhibit", "content", "display", "today", "faults", "last seen")


def table(seen: list[Seen], last_seen: dict[str, float], now: float) -> str:
    """One line per kiosk, unreachable ones marked so they stand out."""
    rows = [COLUMNS]
    for one in seen:
        status = one.status
        when = last_seen.get(one.kiosk.address)
        rows.append(
            (
                one.kiosk.name,
                "yes" if one.reachable else "NO  <-- " + (one.problem[:40] or "no answer"),
                str(status.get("exhibit", "-")),
                str(status.get("content_version", "-")),
                str(status.get("display", "-")),
                str(status.get("sessions_today", "-")),
                str(status.get("faults", "-")),
                "now" if one.reachable else (_ago(now - when) if when else "never"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 172_800:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} days ago"


def status_report(hosts: Path, state: Path, now: Callable[[], float] = time.time) -> tuple[str, int]:
    """The table and how many kiosks did not answer."""
    seen = poll(read_hosts(hosts))
    moment = now()
    return table(seen, remember(seen, state, moment), moment), sum(not one.reachable for one in seen)
