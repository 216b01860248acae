"""How the display is put to sleep: the way chosen and the command, without Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import load_config
from kiosk.core.diagnostics import ExhibitError
from kiosk.core.display_power import Backlight, PowerCommand, backlights, choose, command


def tools(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


PANEL = Backlight("intel_backlight", 640, 1200)


@pytest.mark.parametrize(
    ("platform", "present", "lights", "chosen"),
    [
        ("xcb", ("xset", "busctl", "ddcutil"), [PANEL], "dpms"),  # X11: its own power management first
        ("wayland", ("xset", "busctl", "ddcutil"), [PANEL], "backlight"),  # cage: no protocol for it
        ("wayland", ("busctl", "ddcutil"), [], "ddc"),  # a monitor on a cable
        ("wayland", ("busctl",), [], "none"),
        ("xcb", (), [], "none"),
    ],
)
def test_auto_takes_the_first_way_this_machine_has(platform, present, lights, chosen) -> None:
    assert choose("auto", platform, tools(*present), lights) == chosen


def test_a_configured_way_is_kept_even_where_auto_would_pick_another() -> None:
    assert choose("ddc", "xcb", tools("xset", "ddcutil"), []) == "ddc"


def test_the_commands_that_switch_each_kind_of_display() -> None:
    found = tools("xset", "busctl", "ddcutil")
    assert command("dpms", False, found, None) == PowerCommand("/usr/bin/xset", ("dpms", "force", "off"), 5)
    off, on = command("ddc", False, found, None), command("ddc", True, found, None)
    assert isinstance(off, PowerCommand) and off.text == "ddcutil setvcp D6 04"
    assert isinstance(on, PowerCommand) and on.text == "ddcutil setvcp D6 01"
    dark = command("backlight", False, found, PANEL)
    assert isinstance(dark, PowerCommand)
    assert dark.arguments[-3:] == ("backlight", "intel_backlight", "0")
    assert "/org/freedesktop/login1/session/auto" in dark.arguments  # the seat's session: no root needed


def test_the_backlight_comes_back_as_it_was_or_full_if_it_was_never_seen_lit() -> None:
    found = tools("busctl")
    lit = command("backlight", True, found, PANEL)
    assert isinstance(lit, PowerCommand) and lit.arguments[-1] == "640"
    unknown = command("backlight", True, found, Backlight("panel", 0, 255))
    assert isinstance(unknown, PowerCommand) and unknown.arguments[-1] == "255"


def test_without_the_tool_or_the_panel_the_kiosk_says_why_it_only_goes_black() -> None:
    assert "xset is not installed" in str(command("dpms", False, tools(), None))
    assert "ddcutil is not installed" in str(command("ddc", False, tools(), None))
    assert "no backlight" in str(command("backlight", False, tools("busctl"), None))
    assert "not switched" in str(command("none", False, tools("xset"), None))


def test_backlights_are_read_as_the_kernel_shows_them(tmp_path: Path) -> None:
    for name, brightness, maximum in (("acpi_video0", "5", "10"), ("intel_backlight", "900\n", "1200\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "brightness").write_text(brightness)
        (tmp_path / name / "max_brightness").write_text(maximum)
    (tmp_path / "broken").mkdir()  # a device that went away while being read
    assert backlights(tmp_path) == [Backlight("acpi_video0", 5, 10), Backlight("intel_backlight", 900, 1200)]
    assert backlights(tmp_path / "absent") == []


def test_display_power_in_the_configuration_is_checked_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("volume: 60\ndisplay_power: dim\n")
    with pytest.raises(ExhibitError) as caught:
        load_config(path)
    message = str(caught.value)
    assert f"{path}:2:16" in message and "auto, dpms, backlight, ddc, none" in message
    path.write_text("display_power: ddc\n")
    assert load_config(path).display_power == "ddc"
    assert load_config(tmp_path / "absent.yaml").display_power == "auto"
