"""Keep a long-running kiosk's memory from creeping up (glibc only).

Decoded pictures are large buffers that come and go all day. By default
glibc raises its mmap threshold after large frees, after which such buffers
come from the heap and freed space is rarely given back; and every decode
thread gets an arena of its own. A fixed threshold returns each buffer to
the system when it is freed, and two arenas keep fragmentation down.
"""

from __future__ import annotations

import ctypes
import logging

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8

log = logging.getLogger(__name__)


def tune_allocator() -> bool:
    """Returns whether glibc took the settings. The C library is reached through
    the process's own symbols: ``ctypes.util.find_library`` would run ldconfig."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    ok = bool(mallopt(M_MMAP_THRESHOLD, 128 * 1024)) and bool(mallopt(M_ARENA_MAX, 2))
    if not ok:
        log.debug("mallopt refused; keeping the allocator's defaults")
    return ok
