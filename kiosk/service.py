"""The systemd units that start the kiosk and restart it.

Two sessions: a user unit that starts the kiosk when the kiosk account logs
in to a desktop (X11), and the recommended one, a system unit that starts the
cage Wayland compositor on a console at boot with only the kiosk in it.
``Type=notify`` with ``WatchdogSec`` in both: systemd waits for READY=1 and
restarts the kiosk if the WATCHDOG=1 heartbeat (sent from the GUI thread) stops.
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


def kiosk_command(exhibit: Path | None, config: Path | None) -> list[str]:
    """``kiosk run --kiosk`` with this Python, as both sessions start it."""
    command = [sys.executable, "-m", "kiosk", "run", "--kiosk"]
    if config is not None:
        command += ["--config", str(config.resolve())]
    if exhibit is not None:
        command.append(str(exhibit.resolve()))
    return command


def unit_text(exhibit: Path | None, config: Path | None) -> str:
    command = kiosk_command(exhibit, config)
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


CAGE_UNIT = "museum-kiosk-cage.service"
CAGE_PAM = "museum-kiosk"
ROTATIONS = {0: 0, 90: 1, 180: 2, 270: 3}
"""Degrees clockwise, to the number of cage's -r options (each turns the output 90°;
wlroots turns touch input with it)."""


def cage_unit_text(exhibit: Path | None, config: Path | None, user: str, rotate: int = 0, tty: int = 1) -> str:
    """A system unit that starts cage on a console at boot, as ``user``, running
    only the kiosk: no login screen, no desktop, nothing else on the screen.

    cage is the service's main process and the kiosk its child, so the kiosk's
    READY=1 and watchdog heartbeats are accepted from any process of the
    service (``NotifyAccess=all``); when the kiosk exits, cage exits with it
    and ``Restart=always`` starts both again. PAM (with pam_systemd) gives the
    session a seat, so cage may open the screen and input devices without root.
    """
    cage = ["/usr/bin/cage", "-d", *(["-r"] * ROTATIONS[rotate]), "--", *kiosk_command(exhibit, config)]
    environment = {
        **ALLOCATOR_ENV,
        "XDG_SESSION_TYPE": "wayland",
        "QT_QPA_PLATFORM": "wayland",
        "QT_WAYLAND_DISABLE_WINDOWDECORATION": "1",
    }
    env_lines = "\n".join(f"Environment={name}={value}" for name, value in environment.items())
    return f"""[Unit]
Description=Museum exhibit kiosk on the cage Wayland compositor (tty{tty})
After=systemd-user-sessions.service plymouth-quit-wait.service dbus.socket systemd-logind.service
Wants=dbus.socket systemd-logind.service
Conflicts=getty@tty{tty}.service
After=getty@tty{tty}.service
ConditionPathExists=/dev/tty{tty}

[Service]
Type=notify
NotifyAccess=all
User={user}
PAMName={CAGE_PAM}
TTYPath=/dev/tty{tty}
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=tty{tty}
UtmpMode=user
{env_lines}
ExecStart={shlex.join(cage)}
Restart=always
RestartSec=2
WatchdogSec=30
TimeoutStartSec=90

[Install]
WantedBy=graphical.target
"""


CAGE_PAM_TEXT = """# The museum kiosk's cage session (kiosk service install --session cage):
# no password is asked; pam_systemd registers the session and its seat.
auth     required pam_unix.so nullok
account  required pam_unix.so
session  required pam_unix.so
session  required pam_systemd.so
"""


def install_cage(
    exhibit: Path | None, config: Path | None, user: str, rotate: int = 0, root: Path = Path("/")
) -> tuple[list[Path], str]:
    """Write the cage unit and its PAM file under ``root`` and enable the unit at boot.
    Needs root; the account must exist (the kiosk never runs as root)."""
    import pwd

    try:
        account = pwd.getpwnam(user)
    except KeyError:
        raise ServiceError(
            f"there is no account '{user}': create it first (sudo adduser --disabled-password {user})"
        ) from None
    if account.pw_uid == 0:
        raise ServiceError("the kiosk must not run as root: name an ordinary account with --user")
    unit = root / "etc" / "systemd" / "system" / CAGE_UNIT
    pam = root / "etc" / "pam.d" / CAGE_PAM
    try:
        unit.parent.mkdir(parents=True, exist_ok=True)
        pam.parent.mkdir(parents=True, exist_ok=True)
        unit.write_text(cage_unit_text(exhibit, config, user, rotate), encoding="utf-8")
        pam.write_text(CAGE_PAM_TEXT, encoding="utf-8")
    except PermissionError:
        raise ServiceError("writing a system unit needs root: run it with sudo") from None
    systemctl = shutil.which("systemctl")
    if systemctl is None or root != Path("/"):
        return [unit, pam], "enable it on the kiosk machine: systemctl enable museum-kiosk-cage.service"
    said = []
    for args in (["daemon-reload"], ["enable", CAGE_UNIT], ["set-default", "graphical.target"]):
        done = subprocess.run([systemctl, *args], check=False, capture_output=True, text=True, timeout=30)
        said.append((done.stdout + done.stderr).strip())
    return [unit, pam], "\n".join(line for line in said if line)


class ServiceError(Exception):
    """Why a unit cannot be installed, in words staff can act on."""


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
