"""Logging: timestamped lines to stderr and to a rotating file in the state folder."""

from __future__ import annotations

import collections
import io
import logging
import logging.handlers
import os
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LogTail(logging.Handler):
    """The last lines of the log, kept for the staff panel."""

    def __init__(self, size: int = 50) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=size)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record).splitlines()[0])


def setup_logging(state_dir: Path | None) -> LogTail:
    """Log to stderr and to the staff panel's tail; the file comes with attach_file_log."""
    level = getattr(logging, os.environ.get("KIOSK_LOG_LEVEL", "INFO").upper(), logging.INFO)
    root = logging.getLogger()
    root.setLevel(level)
    stderr = logging.StreamHandler()
    stderr.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(stderr)
    tail = LogTail()
    root.addHandler(tail)
    if state_dir is not None:
        attach_file_log(state_dir)
    return tail


def attach_file_log(state_dir: Path) -> None:
    """The rotating log file. The kiosk attaches it just after its first frame:
    the handler's imports and the file's opening need not delay the screen."""
    root = logging.getLogger()
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        rotating = PrivateRotatingFileHandler(
            state_dir / "kiosk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("cannot write the log file in %s: %s", state_dir, exc)
        return
    rotating.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(rotating)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file readable by the kiosk's account only (0600): staff
    actions and errors are nobody else's business on a shared machine."""

    def _open(self) -> io.TextIOWrapper:
        def private(name: str, flags: int) -> int:
            return os.open(name, flags, 0o600)

        stream = open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private)  # noqa: SIM115
        assert isinstance(stream, io.TextIOWrapper)
        os.chmod(self.baseFilename, 0o600)  # a file made before this version
        return stream
