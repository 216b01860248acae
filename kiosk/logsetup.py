"""Logging: timestamped lines to stderr and to a rotating file in the state folder."""

from __future__ import annotations

import collections
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
    level = getattr(logging, os.environ.get("KIOSK_LOG_LEVEL", "INFO").upper(), logging.INFO)
    root = logging.getLogger()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT)
    stderr = logging.StreamHandler()
    stderr.setFormatter(formatter)
    root.addHandler(stderr)
    if state_dir is not None:
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            rotating = logging.handlers.RotatingFileHandler(state_dir / "kiosk.log", maxBytes=1_000_000,
                                                            backupCount=5, encoding="utf-8")
            rotating.setFormatter(formatter)
            root.addHandler(rotating)
        except OSError as exc:
            root.warning("cannot write the log file in %s: %s", state_dir, exc)
    tail = LogTail()
    root.addHandler(tail)
    return tail
