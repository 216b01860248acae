"""The systemd user unit that starts the kiosk at login and restarts it.

``Type=notify`` with ``WatchdogSec``: systemd waits for READY=1 and restarts
the kiosk if the WATCHDOG=1 heartbeat (sent from the GUI thread) stops.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.core.paths import config_dir

UNIT_NAME = "museum-kiosk.service"

ALLOCATOR_ENV = {"MALLOC_ARENA_MAX": "2", "MALLOC_MMAP_THRESHOLD_": "131072"}
"""glibc's allocator, tuned before the process starts (it must be, to apply to every
thread): decoded pictures come and go all day, and with glibc's defaults each decode
thread keeps an arena and freed pictures stay in the heap. Measured with the memory
soak (3,000 events, 150 resets): 251 MB after a tour and 234 MB after the soak with the
defaults; 167 and 167 MB with these."""


def tune_allocator() -> None:
    """ALLOCATOR_ENV's settings from inside a process already started (``kiosk proof``,
    which a curator runs by hand): they then apply to every thread started after it.
    glibc only; elsewhere nothing to do."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = getattr(libc, "mallopt", None)
    except OSError:
        return
    if mallopt is not None:
        mallopt(-8, int(ALLOCATOR_ENV["MALLOC_ARENA_MAX"]))  # M_ARENA_MAX
        mallopt(-3, int(ALLOCATOR_ENV["MALLOC_MMAP_THRESHOLD_"]))  # M_MMAP_THRESHOLD


def unit_text(exhibit: Path | None, config: Path | None) -> str:
    command = [sys.executable, "-m", "kiosk", "run", "--kiosk"]
    if config is not None:
        command += ["--config", str(config.resolve())]
    if exhibit is not None:
        command.append(str(exhibit.resolve()))
    allocator = "\n".join(f"Environment={name}={value}" for name, value in ALLOCATOR_ENV.items())
    return f"""[Unit]
Description=Museum exhibit kiosk
After=graphical-session.target
PartOf=graphical-session.target

[Service]
Type=notify
NotifyAccess=main
{allocator}
ExecStart={shlex.join(command)}
Restart=always
RestartSec=2
WatchdogSec=30
TimeoutStartSec=60

[Install]
WantedBy=graphical-session.target
"""


SYNC_NAME = "museum-kiosk-sync"
SYNC_EVERY = "5min"


def sync_units(source: str) -> dict[str, str]:
    """A oneshot service that runs ``kiosk sync`` and a timer that starts it every
    few minutes; the kiosk takes what it fetched at its next attract loop."""
    command = shlex.join([sys.executable, "-m", "kiosk", "sync", "--from", source])
    return {
        f"{SYNC_NAME}.service": f"""[Unit]
Description=Fetch the museum kiosk's content from git; keep it only if valid
After=network-online.target

[Service]
Type=oneshot
ExecStart={command}
TimeoutStartSec=15min
Nice=10
""",
        f"{SYNC_NAME}.timer": f"""[Unit]
Description=Fetch the museum kiosk's content every {SYNC_EVERY}

[Timer]
OnBootSec=1min
OnUnitActiveSec={SYNC_EVERY}
RandomizedDelaySec=30s

[Install]
WantedBy=timers.target
""",
    }


def unit_path() -> Path:
    return config_dir().parent / "systemd" / "user" / UNIT_NAME


def install(exhibit: Path | None, config: Path | None, sync_from: str | None = None) -> tuple[Path, str]:
    """Write the unit (and the sync timer) and enable them; the path and what systemctl said."""
    path = unit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unit_text(exhibit, config), encoding="utf-8")
    enable = [UNIT_NAME]
    if sync_from:
        for name, text in sync_units(sync_from).items():
            (path.parent / name).write_text(text, encoding="utf-8")
        enable.append(f"{SYNC_NAME}.timer")
    systemctl = shutil.which("systemctl")
    if systemctl is None:
        return path, "systemctl not found: enable the unit by hand on the kiosk machine"
    said = []
    for args in (["--user", "daemon-reload"], ["--user", "enable", *enable]):
        done = subprocess.run([systemctl, *args], check=False, capture_output=True, text=True, timeout=30)
        said.append((done.stdout + done.stderr).strip())
    return path, "\n".join(line for line in said if line)
