"""The kiosk as a component of an Exhibitera Hub (its Core API).

Every few seconds, on a thread of its own, the kiosk ``POST``s ``/core/ping`` to
the Hub with its stable UUID, whether a visitor is mid-visit, where its control
endpoint is (``helper_address``) and what the Hub may ask of it; the answer
carries commands (``refresh_page``, ``restart``, ``shutdown``, ``sleep_display``,
``wake_display``), handed on to the GUI thread. A Hub that is down or slow
costs a log line and a retry, never a visitor's wait: every request has a
timeout, and nothing here runs on the GUI thread.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

log = logging.getLogger(__name__)

COMMANDS = frozenset({"refresh_page", "restart", "shutdown", "sleep_display", "wake_display"})
TIMEOUT = 3.0


def component_uuid(path: Path) -> str:
    """The kiosk's UUID for the Hub: made once, kept (a new one would be a new component)."""
    try:
        kept = path.read_text(encoding="ascii").strip()
        return str(uuid.UUID(kept))
    except (OSError, ValueError):
        made = str(uuid.uuid4())
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(made + "\n", encoding="ascii")
        return made


def reachable_address(hub_url: str, listen: tuple[str, int]) -> str:
    """``helper_address``: our control endpoint as the Hub can reach it (a wildcard
    listening address is replaced by the address this machine uses towards the Hub)."""
    host, port = listen
    if host not in ("0.0.0.0", "::", ""):
        return f"{host}:{port}"
    target = urlparse(hub_url).hostname or "127.0.0.1"
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((target, 9))  # no packet is sent: this only picks the route
            host = probe.getsockname()[0]
    except OSError:
        host = "127.0.0.1"
    return f"{host}:{port}"


class HubClient:
    """Pings the Hub until stopped; ``on_command`` must not block (it queues)."""

    def __init__(
        self,
        url: str,
        component: str,
        helper_address: Callable[[], str | None],
        permissions: dict[str, bool],
        interacting: Callable[[], bool],
        on_command: Callable[[str], None],
        interval: float = 5.0,
    ) -> None:
        self.url = url.rstrip("/")
        self.component, self.permissions = component, permissions
        self._helper = helper_address
        self.helper_address: str | None = None
        """Worked out on the ping thread, once: finding the route to the Hub may need DNS."""
        self.interacting, self.on_command, self.interval = interacting, on_command, interval
        self.last_contact: float | None = None
        self.last_problem: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kiosk-hub", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=TIMEOUT + 2)
            self._thread = None

    def _run(self) -> None:
        try:
            self.helper_address = self._helper()
        except OSError as error:
            log.warning("no address for the Hub to reach this kiosk at: %s", error)
        while not self._stop.is_set():
            self.ping()
            self._stop.wait(self.interval)

    def ping(self) -> None:
        """One heartbeat: tell the Hub how we are, take its commands."""
        body = {
            "uuid": self.component,
            "current_interaction": bool(self.interacting()),
            "permissions": self.permissions,
        }
        if self.helper_address:
            body["helper_address"] = self.helper_address
        try:
            answer = self._post("/core/ping", body)
        except (OSError, ValueError, urllib.error.URLError) as error:
            problem = str(getattr(error, "reason", None) or error)
            if problem != self.last_problem:  # one line per new problem, not one per ping
                log.warning("Exhibitera Hub at %s: %s (the kiosk carries on)", self.url, problem)
            self.last_problem = problem
            return
        if self.last_problem is not None:
            log.info("Exhibitera Hub at %s answers again", self.url)
        self.last_problem, self.last_contact = None, time.time()
        if not answer.get("success", False):
            log.warning("Exhibitera Hub refused the ping: %s", answer.get("reason", "no reason given"))
            return
        for command in answer.get("commands") or []:
            if command in COMMANDS:
                self.on_command(command)
            else:
                log.warning("Exhibitera Hub sent an unknown command %r; ignored", command)

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = json.loads(response.read(1 << 20))
        if not isinstance(data, dict):
            raise ValueError("the Hub's answer is not a JSON object")
        return data

    def describe(self) -> dict[str, object]:
        return {
            "url": self.url,
            "uuid": self.component,
            "last_contact": self.last_contact,
            "problem": self.last_problem,
        }
