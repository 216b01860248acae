"""A stand-in for an Exhibitera Hub that follows its Core API document exactly
(``exhibitera/hub/api/core/API.md``): components POST /core/ping with a UUID
and get back the commands queued for them, once; the Hub can call a
component's helper address (/core/screenshot, /core/restart)."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class HubDouble:
    def __init__(self, delay: float = 0.0) -> None:
        self.pings: list[dict[str, Any]] = []
        self.queued: dict[str, list[str]] = {}
        self.delay = delay
        self.lock = threading.Lock()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                if self.path != "/core/ping":
                    self.send_error(404)
                    return
                data = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                time.sleep(hub.delay)
                self._reply(hub.answer(data))

            def _reply(self, body: dict[str, Any]) -> None:
                raw = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, data: dict[str, Any]) -> dict[str, Any]:
        component = data.get("uuid", "")
        if component == "":
            return {"success": False, "reason": "Request missing required 'uuid' field."}
        if not isinstance(component, str):
            return {"success": False, "reason": "'uuid' field should be a UUID4 string."}
        with self.lock:
            self.pings.append(data)
            commands, self.queued[component] = self.queued.get(component, []), []
        return {"commands": commands, "definition": None, "success": True}

    def queue(self, component: str, command: str) -> None:
        with self.lock:
            self.queued.setdefault(component, []).append(command)

    def call_component(self, helper_address: str, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://{helper_address}{path}", timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def __enter__(self) -> HubDouble:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
