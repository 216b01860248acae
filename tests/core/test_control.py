"""The control endpoint on a real socket, without Qt: reading is open, commands
need the token, wrong tokens are answered ever more slowly, anything else gets
a 4xx with a message, and no client (a flood, a half-open connection, garbage)
stops it from answering the next one."""

from __future__ import annotations

import http.client
import json
import random
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.core.control import MAX_CONNECTIONS, ControlServer

TOKEN = "correct-horse-battery"


class Endpoint:
    def __init__(self, token: str | None = TOKEN) -> None:
        self.commands: list[tuple[str, Any]] = []
        self.sleeps: list[float] = []
        self.server = ControlServer(
            "127.0.0.1",
            0,
            token,
            metrics=lambda: b"# HELP kiosk_up 1 while the kiosk runs.\n# TYPE kiosk_up gauge\nkiosk_up 1.0\n",
            status=lambda: {"screen": "attract", "display": "on"},
            command=lambda name, value: self.commands.append((name, value)),
            sleep=self.sleeps.append,
            socket_timeout=1.0,
        )
        self.server.start()
        self.host, self.port = self.server.address

    def request(
        self, method: str, path: str, body: bytes | str = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=5)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode(), dict(response.getheaders())
        finally:
            connection.close()

    def command(self, path: str, body: str, token: str | None = TOKEN) -> tuple[int, str, dict[str, str]]:
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        return self.request("POST", path, body, headers)


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    made = Endpoint()
    yield made
    made.server.stop()


def test_metrics_and_status_are_open_to_read(endpoint: Endpoint) -> None:
    status, text, headers = endpoint.request("GET", "/metrics")
    assert status == 200 and "kiosk_up 1.0" in text
    assert headers["Content-Type"].startswith("text/plain; version=0.0.4")
    status, text, headers = endpoint.request("GET", "/status")
    assert status == 200 and json.loads(text) == {"screen": "attract", "display": "on"}


def test_commands_need_the_token(endpoint: Endpoint) -> None:
    status, text, headers = endpoint.command("/display", "off", token=None)
    assert status == 401 and "Bearer" in text and headers["WWW-Authenticate"] == "Bearer"
    assert endpoint.command("/display", "off", token="guess")[0] == 401
    assert endpoint.request("POST", "/display", "off", {"Authorization": "Basic dXNlcjpwdw=="})[0] == 401
    assert endpoint.commands == []
    assert endpoint.command("/display", "off")[0] == 202
    assert endpoint.command("/display", '{"state": "on"}')[0] == 202
    assert endpoint.command("/volume", " 40\n")[0] == 202
    assert endpoint.command("/reload", "")[0] == 202
    assert endpoint.command("/restart", "")[0] == 202
    assert endpoint.commands == [
        ("display", False),
        ("display", True),
        ("volume", 40),
        ("reload", None),
        ("restart", None),
    ]


def test_wrong_tokens_are_answered_ever_more_slowly(endpoint: Endpoint) -> None:
    for _ in range(7):
        endpoint.command("/reload", "", token="guess")
    assert endpoint.sleeps == [0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0]
    endpoint.command("/reload", "")  # the right token: waits the last delay once, then none
    endpoint.command("/reload", "")
    assert endpoint.sleeps[-2:] == [8.0, 0.0]


def test_without_a_configured_token_commands_are_off() -> None:
    closed = Endpoint(token=None)
    try:
        status, text, _ = closed.command("/display", "off", token="anything")
        assert status == 403 and "no control token" in text
        assert closed.request("GET", "/status")[0] == 200
    finally:
        closed.server.stop()


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "words"),
    [
        ("POST", "/volume", "loud", 400, "0 to 100"),
        ("POST", "/volume", "101", 400, "0 to 100"),
        ("POST", "/volume", "-3", 400, "0 to 100"),
        ("POST", "/display", "maybe", 400, "'on' or 'off'"),
        ("POST", "/display", '{"state": ', 400, "not valid JSON"),
        ("POST", "/display", "x" * 5000, 413, "over 1024 bytes"),
        ("POST", "/display", b"\xff\xfe", 400, "not UTF-8"),
        ("GET", "/display", "", 405, "takes POST"),
        ("POST", "/metrics", "", 405, "takes GET"),
        ("PUT", "/status", "", 405, "use GET or POST"),
        ("DELETE", "/reload", "", 405, "use GET or POST"),
        ("GET", "/../../etc/passwd", "", 404, "no such endpoint"),
        ("POST", "/shutdown", "", 404, "no such endpoint"),
    ],
)
def test_a_bad_request_gets_a_4xx_that_says_why(
    endpoint: Endpoint, method: str, path: str, body: str | bytes, status: int, words: str
) -> None:
    got, text, _ = endpoint.request(method, path, body, {"Authorization": f"Bearer {TOKEN}"})
    assert (got, words in text) == (status, True)
    assert endpoint.commands == []


def test_a_bad_content_length_is_refused(endpoint: Endpoint) -> None:
    raw = (
        f"POST /display HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: lots\r\n\r\noff"
    ).encode()
    assert _raw(endpoint, raw).startswith(b"HTTP/1.1 400")


def test_connections_beyond_the_limit_are_turned_away_not_queued(endpoint: Endpoint) -> None:
    idle = [socket.create_connection((endpoint.host, endpoint.port)) for _ in range(MAX_CONNECTIONS)]
    try:
        _wait_served(endpoint, MAX_CONNECTIONS)
        assert _raw(endpoint, b"GET /status HTTP/1.1\r\nHost: x\r\n\r\n").startswith(b"HTTP/1.1 503")
    finally:
        for connection in idle:
            connection.close()
    assert _retry_status(endpoint) == 200


def test_a_thousandrandom_requests_leave_it_answering(endpoint: Endpoint) -> None:
    """Garbage, fuzzed paths and headers, bodies cut short and connections left
    half-open, from several clients at once; then a plain request is answered
    and no command got through without the token."""
    chooser = random.Random(1952)
    parked: list[socket.socket] = []
    lock = threading.Lock()

    def client(seed: int) -> None:
        local = random.Random(seed)
        for _ in range(125):
            raw = random_request(local)
            try:
                with socket.create_connection((endpoint.host, endpoint.port), timeout=3) as conn:
                    if local.random() < 0.1:  # half-open: sent part, never read
                        conn.sendall(raw[: local.randrange(1, max(2, len(raw)))])
                        with lock:
                            if len(parked) < 6:
                                parked.append(conn.dup())
                        continue
                    conn.sendall(raw)
                    conn.shutdown(socket.SHUT_WR)
                    while conn.recv(4096):
                        pass
            except OSError:
                pass  # a 503, a reset: the server's right

    threads = [threading.Thread(target=client, args=(chooser.random(),)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    for conn in parked:
        conn.close()
    assert _retry_status(endpoint) == 200
    assert endpoint.command("/volume", "55")[0] == 202
    assert all(name in ("display", "reload", "restart", "volume") for name, _ in endpoint.commands)
    assert endpoint.commands[-1] == ("volume", 55)
    assert len(endpoint.commands) == 1  # the fuzz never knew the token


def random_request(chooser: random.Random) -> bytes:
    kind = chooser.randrange(5)
    if kind == 0:
        return bytes(chooser.randrange(256) for _ in range(chooser.randrange(1, 300)))
    method = chooser.choice(["GET", "POST", "PUT", "HEAD", "OPTIONS", "BREW", "", "G\x00T"])
    path = chooser.choice(["/metrics", "/status", "/display", "/volume", "/reload", "/restart", "/", "//", "/%00"])
    path += "".join(chooser.choice("abc/%?&=.\\~") for _ in range(chooser.randrange(0, 20)))
    headers = [f"Host: {chooser.choice(['x', '', 'a' * 300])}"]
    if chooser.random() < 0.5:
        headers.append(
            f"Authorization: {chooser.choice(['Bearer ', 'Bearer wrong', 'Basic x', 'Bearer ' + 'z' * 500])}"
        )
    body = bytes(chooser.randrange(256) for _ in range(chooser.randrange(0, 60)))
    if chooser.random() < 0.7:
        length = chooser.choice([str(len(body)), "-1", "9" * 30, "abc", str(len(body) + 50)])
        headers.append(f"Content-Length: {length}")
    if chooser.random() < 0.2:
        headers.append("X-Long: " + "y" * chooser.randrange(1000, 70_000))
    return (
        f"{method} {path} HTTP/1.{chooser.choice('01')}\r\n".encode()
        + "\r\n".join(headers).encode()
        + b"\r\n\r\n"
        + body
    )


def _raw(endpoint: Endpoint, data: bytes) -> bytes:
    """Send ``data``, read the answer to the end. A server that answers and closes at
    once (the 503 of a full server) may close before we finish sending: that is fine."""
    import contextlib

    chunks = []
    with socket.create_connection((endpoint.host, endpoint.port), timeout=5) as conn:
        with contextlib.suppress(OSError):
            conn.sendall(data)
            conn.shutdown(socket.SHUT_WR)
        with contextlib.suppress(ConnectionResetError):
            while chunk := conn.recv(4096):
                chunks.append(chunk)
    return b"".join(chunks)


def _wait_served(endpoint: Endpoint, count: int) -> None:
    """Until the server has taken ``count`` connections (its semaphore says so)."""
    import time

    deadline = time.monotonic() + 5
    while endpoint.server._slots._value > MAX_CONNECTIONS - count and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.01)


def _retry_status(endpoint: Endpoint) -> int:
    """GET /status, allowing the server a moment to free the slots of closed clients."""
    import time

    deadline = time.monotonic() + 10
    while True:
        try:
            status = endpoint.request("GET", "/status")[0]
            if status != 503 or time.monotonic() > deadline:
                return status
        except (OSError, http.client.HTTPException):
            if time.monotonic() > deadline:
                raise
        time.sleep(0.05)
