"""The staff PIN pad's lock, kept across restarts.

Without it, pulling the plug would give a guesser five fresh tries. The
record is a small JSON file in the state folder (0600), written on a thread
after each wrong PIN, read once when the kiosk starts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.core.staff import PinLock, PinLockRecord

log = logging.getLogger(__name__)


class PinRecord:
    def __init__(self, path: Path | None, lock: PinLock, clock: Callable[[], float], wall: Callable[[], float]) -> None:
        self.path, self.lock, self.clock, self.wall = path, lock, clock, wall
        self._writes: list[threading.Thread] = []
        if path is None:
            return
        try:
            record = PinLockRecord.from_json(path.read_text(encoding="utf-8"))
        except OSError:
            record = PinLockRecord()
        left = (record.locked_until_wall - wall()) if record.locked_until_wall is not None else 0.0
        lock.restore(record.failures, left, clock())
        if record.failures or left > 0:
            more = f", locked for {left:.0f} s more" if left > 0 else ""
            log.warning("staff PIN pad: %d wrong PIN(s) before this start%s", record.failures, more)
        lock.changed = self._changed

    def _changed(self, lock: PinLock, now: float) -> None:
        until = self.wall() + (lock.locked_until - now) if lock.locked_until is not None else None
        record = PinLockRecord(lock.failures, until)
        thread = threading.Thread(target=self._write, args=(record,), name="pin-record", daemon=True)
        self._writes = [t for t in self._writes if t.is_alive()] + [thread]
        thread.start()

    def _write(self, record: PinLockRecord) -> None:
        assert self.path is not None
        partial = self.path.with_name(f".{self.path.name}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(record.to_json())
            os.replace(partial, self.path)
        except OSError as error:
            log.warning("could not keep the PIN pad's lock across restarts: %s", error)
            with contextlib.suppress(OSError):
                partial.unlink()

    def wait(self) -> None:
        for thread in self._writes:
            thread.join(timeout=5)
