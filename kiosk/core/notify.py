"""The systemd notify protocol: one datagram on the NOTIFY_SOCKET Unix socket.

``READY=1`` once the first frame is on screen, ``WATCHDOG=1`` as a heartbeat
from the GUI thread; if the interface hangs, the heartbeat stops and systemd
restarts the kiosk. Without NOTIFY_SOCKET (not under systemd) it does nothing.
"""

from __future__ import annotations

import os


def notify(message: str, socket_path: str | None = None) -> bool:
    path = socket_path if socket_path is not None else os.environ.get("NOTIFY_SOCKET", "")
    if not path:
        return False
    import socket  # only under systemd

    address = "\0" + path[1:] if path.startswith("@") else path
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message.encode("utf-8"), address)
    except OSError:
        return False
    return True


def watchdog_interval() -> float | None:
    """Seconds between heartbeats (half systemd's limit), or None when not watched."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or (pid and pid != str(os.getpid())):
        return None
    return int(usec) / 1e6 / 2
