"""How the kiosk asks a screen to sleep and wake for opening hours.

The kiosk always paints black outside opening hours; this is how it also
powers the screen down, where the platform lets it:

- ``dpms``: on X11, the X server's display power management (``xset``);
- ``backlight``: a panel with a backlight (all-in-one touch kiosks, laptops),
  dimmed to nothing through systemd-logind, which lets the user of the seat's
  session do it without root (``busctl``), and set back as it was;
- ``ddc``: a monitor on a cable, told to stand by over DDC/CI (``ddcutil``,
  VCP feature D6, power mode), as signage players do;
- ``none``: black only.

Under Wayland the compositor owns the outputs; cage 0.1.4 (Debian 12) offers
no protocol for a client to power one down, so ``backlight`` and ``ddc`` go
around it, to the panel or monitor itself. ``auto`` picks the first that
this machine can use. Nothing here runs anything: the window runs the
command off the GUI thread and reports what it answered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

METHODS = ("auto", "dpms", "backlight", "ddc", "none")
BACKLIGHTS = Path("/sys/class/backlight")
DDC_POWER = "D6"
"""DDC/CI's power-mode feature: 01 on, 04 off (as the monitor's own power management would)."""


@dataclass(frozen=True)
class PowerCommand:
    program: str
    arguments: tuple[str, ...]
    timeout_s: float

    @property
    def text(self) -> str:
        return " ".join((Path(self.program).name, *self.arguments))


@dataclass(frozen=True)
class Backlight:
    name: str
    brightness: int
    maximum: int


def backlights(root: Path | None = None) -> list[Backlight]:
    """The backlights this machine has, as the kernel shows them (none on most desktops)."""
    root = BACKLIGHTS if root is None else root
    found = []
    for entry in sorted(root.iterdir()) if root.is_dir() else []:
        try:
            brightness = int((entry / "brightness").read_text().strip())
            maximum = int((entry / "max_brightness").read_text().strip())
        except (OSError, ValueError):
            continue
        found.append(Backlight(entry.name, brightness, maximum))
    return found


def choose(method: str, platform: str, which: Callable[[str], str | None], lights: list[Backlight]) -> str:
    """The way to use here: ``method`` as configured, or for ``auto`` the first that works.

    ``platform`` is Qt's platform name (``xcb``, ``wayland``, ``offscreen``)."""
    if method != "auto":
        return method
    if platform == "xcb" and which("xset"):
        return "dpms"
    if lights and which("busctl"):
        return "backlight"
    if which("ddcutil"):
        return "ddc"
    return "none"


def command(method: str, on: bool, which: Callable[[str], str | None], light: Backlight | None) -> PowerCommand | str:
    """The command that switches the screen ``on`` or off, or why there is none."""
    if method == "none":
        return "black screen; the display's power is not switched (display_power: none)"
    program = {"dpms": "xset", "backlight": "busctl", "ddc": "ddcutil"}[method]
    found = which(program)
    if found is None:
        return f"black screen; {program} is not installed, so the display stays powered"
    if method == "dpms":
        return PowerCommand(found, ("dpms", "force", "on" if on else "off"), 5)
    if method == "ddc":  # ddcutil probes the I2C buses first: seconds, not milliseconds
        return PowerCommand(found, ("setvcp", DDC_POWER, "01" if on else "04"), 20)
    if light is None:
        return "black screen; this machine has no backlight (display_power: backlight)"
    level = (light.brightness or light.maximum) if on else 0  # ``light`` as it was before it went dark
    session = ("org.freedesktop.login1", "/org/freedesktop/login1/session/auto", "org.freedesktop.login1.Session")
    return PowerCommand(found, ("call", *session, "SetBrightness", "ssu", "backlight", light.name, str(level)), 5)
