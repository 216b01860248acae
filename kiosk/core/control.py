"""The control and status endpoint: HTTP beside the GUI, never in its way.

``GET /metrics`` (Prometheus text) and ``GET /status`` (JSON) are open to read;
``POST /display``, ``/reload``, ``/restart`` and ``/volume`` need
``Authorization: Bearer TOKEN``. The server runs on threads of its own; the
kiosk hands it a status snapshot to read and a command callback that only
queues the command for the GUI thread, so nothing a client does (a flood, a
half-open connection, a body that never ends) can make the screen wait.
Every request is bounded: a socket timeout, a body limit, a limit on
connections served at once; wrong tokens are answered ever more slowly.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger(__name__)

COMMANDS = ("display", "reload", "restart", "volume")
MAX_BODY = 1024
"""Bytes; every command's body is a word or a number."""
MAX_CONNECTIONS = 16
"""Connections served at once; more are closed at once with 503."""
SOCKET_TIMEOUT = 5.0
"""Seconds a client may take to send its request: a half-open connection costs a thread this long."""
METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8"

Command = Callable[[str, Any], None]
"""Receives ("display", True), ("reload", None), ("restart", None) or ("volume", 40); must not block."""


class BadRequest(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class FailedTokens:
    """Wrong tokens per client address: each one more waits twice as long (to 8 s)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def delay(self, client: str) -> float:
        with self._lock:
            count = self._counts.get(client, 0)
        return 0.0 if count == 0 else min(8.0, 0.25 * 2 ** (count - 1))

    def failed(self, client: str) -> None:
        with self._lock:
            if len(self._counts) > 10_000:  # addresses by the thousand: forget, do not grow
                self._counts.clear()
            self._counts[client] = self._counts.get(client, 0) + 1

    def passed(self, client: str) -> None:
        with self._lock:
            self._counts.pop(client, None)


class ControlServer:
    """Serve the endpoint on ``host:port`` (port 0: any free one) until ``stop``."""

    def __init__(
        self,
        host: str,
        port: int,
        token: str | None,
        metrics: Callable[[], bytes],
        status: Callable[[], dict[str, Any]],
        command: Command,
        sleep: Callable[[float], None] = time.sleep,
        socket_timeout: float = SOCKET_TIMEOUT,
    ) -> None:
        self.token, self.metrics, self.status, self.command, self.sleep = token, metrics, status, command, sleep
        self.failures = FailedTokens()
        self.core: Callable[[str], tuple[int, str, bytes]] | None = None
        """Exhibitera Hub's receiving API (``/core/...``), when a Hub is configured."""
        self.core_clients: frozenset[str] = frozenset()
        """The addresses the Hub calls from: the only ones ``/core/`` answers."""
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._httpd = _Server((host, port), _handler_for(self, socket_timeout), self._slots)
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._httpd.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="kiosk-control", daemon=True)
        self._thread.start()
        log.info("control endpoint on http://%s:%d", *self.address)

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._httpd.server_close()

    # --- requests, on the server's threads --------------------------------------
    def get(self, path: str, client: str = "") -> tuple[int, str, bytes]:
        if path.startswith("/core/") and self.core is not None:
            if client not in self.core_clients:
                raise BadRequest(403, "only the configured Exhibitera Hub may call /core/")
            return self.core(path)
        if path == "/metrics":
            return 200, METRICS_TYPE, self.metrics()
        if path == "/status":
            return 200, "application/json", _json(self.status())
        if path == "/":
            return 200, "application/json", _json({"read": ["/metrics", "/status"], "commands": list(COMMANDS)})
        if path.lstrip("/") in COMMANDS:
            raise BadRequest(405, f"{path} takes POST", {"Allow": "POST"})
        raise BadRequest(404, f"no such endpoint: {path[:80]}")

    def post(self, path: str, authorization: str | None, client: str, body: bytes) -> tuple[int, str, bytes]:
        name = path.lstrip("/")
        if name not in COMMANDS:
            if path in ("/metrics", "/status", "/"):
                raise BadRequest(405, f"{path} takes GET", {"Allow": "GET"})
            raise BadRequest(404, f"no such endpoint: {path[:80]}")
        self._authorise(authorization, client)
        value = _parse(name, body)
        self.command(name, value)
        return 202, "application/json", _json({"accepted": name, "value": value})

    def _authorise(self, authorization: str | None, client: str) -> None:
        if not self.token:
            raise BadRequest(403, "commands are off: no control token is configured")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not authorization or not authorization.startswith("Bearer ") or not given:
            raise BadRequest(401, "send Authorization: Bearer TOKEN", {"WWW-Authenticate": "Bearer"})
        self.sleep(self.failures.delay(client))
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode("utf-8")):
            self.failures.failed(client)
            log.warning("control: a wrong token from %s", client)
            raise BadRequest(401, "wrong token", {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        self.failures.passed(client)


def _parse(name: str, body: bytes) -> Any:
    """The command's value from its body: ``on``/``off`` or ``{"state": "on"}`` for
    display, a whole number 0-100 (or ``{"volume": 40}``) for volume, nothing else."""
    try:
        text = body.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise BadRequest(400, "the body is not UTF-8 text") from None
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            raise BadRequest(400, "the body is not valid JSON") from None
        text = str(data.get("state" if name == "display" else name, "")) if isinstance(data, dict) else ""
    if name == "display":
        if text.lower() not in ("on", "off"):
            raise BadRequest(400, "send 'on' or 'off' (or {\"state\": \"on\"})")
        return text.lower() == "on"
    if name == "volume":
        if not text.isdigit() or not 0 <= int(text) <= 100:
            raise BadRequest(400, "send a volume from 0 to 100")
        return int(text)
    return None


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64  # socketserver's 5 makes the kernel drop a burst's connections for a second

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], slots: threading.Semaphore):
        self.slots = slots
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                request.setblocking(False)
                request.recv(65536)  # what already came, so closing does not reset the answer away
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.warning("control: a request from %s failed", client_address, exc_info=True)


def _handler_for(server: ControlServer, socket_timeout: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = socket_timeout
        server_version = "museum-kiosk"
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._answer(lambda: server.get(self._path(), self.client_address[0]))

        def do_POST(self) -> None:
            self._answer(
                lambda: server.post(
                    self._path(), self.headers.get("Authorization"), self.client_address[0], self._body()
                )
            )

        def do_HEAD(self) -> None:
            self._send(405, "text/plain", b"", {"Allow": "GET, POST"}, body_too=False)

        def _unsupported(self) -> None:
            self._send(405, "text/plain; charset=utf-8", b"use GET or POST\n", {"Allow": "GET, POST"})

        do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _unsupported

        def _path(self) -> str:
            return self.path.split("?", 1)[0]

        def _body(self) -> bytes:
            length = self.headers.get("Content-Length")
            if length is None:
                if self.headers.get("Transfer-Encoding"):
                    raise BadRequest(411, "send the body with a Content-Length")
                return b""
            if not length.strip().isdigit():
                raise BadRequest(400, "Content-Length is not a number")
            if int(length) > MAX_BODY:
                raise BadRequest(413, f"the body is over {MAX_BODY} bytes")
            return self.rfile.read(int(length))

        def _answer(self, work: Callable[[], tuple[int, str, bytes]]) -> None:
            try:
                status, kind, body = work()
                self._send(status, kind, body)
            except BadRequest as bad:
                self.close_connection = True
                self._send(bad.status, "text/plain; charset=utf-8", f"{bad.message}\n".encode(), bad.headers)
            except (TimeoutError, ConnectionError):
                self.close_connection = True
            except Exception:  # never the kiosk's problem: logged, answered, forgotten
                log.exception("control: %s %s failed", self.command, self.path[:80])
                self.close_connection = True
                self._send(500, "text/plain; charset=utf-8", b"the kiosk could not answer that\n")

        def _send(
            self, status: int, kind: str, body: bytes, headers: dict[str, str] | None = None, body_too: bool = True
        ) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                if body_too:
                    self.wfile.write(body)
            except OSError:
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            log.debug("control: %s %s", self.client_address[0], format % args)

    return Handler
