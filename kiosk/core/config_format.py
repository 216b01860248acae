"""What the configuration file may hold, declared like the exhibit format."""

from __future__ import annotations

import datetime
from typing import Any

import yaml

from kiosk.core.display_power import METHODS
from kiosk.core.pin import is_pin_hash
from kiosk.core.schedule import WEEKDAYS, parse_day
from kiosk.core.spec import INVALID, Bool, Context, Field, Number, Record, Str, Type


class PinHash(Str):
    description = "a PIN hash written by 'kiosk set-pin'"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        value = super().check(node, ctx)
        if value is not INVALID and not is_pin_hash(value):
            ctx.report(node, "pin_hash is not a hash; set the PIN with 'kiosk set-pin', never by hand")
            return INVALID
        return value


class LanguageCode(Str):
    description = "a language code such as 'es'"


class DisplayPower(Str):
    description = "one of " + ", ".join(METHODS)

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        value = super().check(node, ctx)
        if value is not INVALID and value not in METHODS:
            ctx.report(node, f"display_power '{value}' is not one of {', '.join(METHODS)}")
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return {"enum": list(METHODS)}


def parse_listen(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:9300`` for IPv6) as a host and a port; ValueError says why not."""
    host, sep, port = text.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"'{text}' is not HOST:PORT, e.g. 127.0.0.1:9300 or 0.0.0.0:9300")
    return host, int(port)


class ListenAddress(Str):
    description = "HOST:PORT, e.g. 127.0.0.1:9300"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        value = super().check(node, ctx)
        if value is INVALID:
            return INVALID
        try:
            return parse_listen(value)
        except ValueError as error:
            ctx.report(node, str(error))
            return INVALID


CONTROL = Record(
    {
        "listen": Field(ListenAddress(), doc="Address and port of the control endpoint, e.g. 0.0.0.0:9300."),
        "token_file": Field(
            Str(),
            required=False,
            doc="File holding the token that commands need (readable by the kiosk account only).",
        ),
    },
    name="control endpoint",
)


class DayHoursValue(Type):
    """``closed``, ``10:00-18:00``, or a list of such spans."""

    description = "'closed', hours like 10:00-18:00, or a list of them"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
            value: str | list[str] = node.value
        elif isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
            value = [item.value for item in node.value]
        else:
            return self.expect(node, ctx)
        try:
            return parse_day(value)
        except ValueError as error:
            ctx.report(node, str(error))
            return INVALID

    def schema(self) -> dict[str, Any]:
        one = {"type": "string", "pattern": r"^(closed|\d{1,2}:\d{2}-\d{1,2}:\d{2})$"}
        return {"oneOf": [one, {"type": "array", "items": one}]}


class DatedHours(Type):
    """Exceptions to the week: ``2026-12-25: closed``."""

    description = "a mapping of dates (YYYY-MM-DD) to hours"

    def check(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expect(node, ctx)
        found: dict[datetime.date, Any] = {}
        for key, value in node.value:
            try:
                day = datetime.date.fromisoformat(str(key.value))
            except ValueError:
                ctx.report(key, f"'{key.value}' is not a date like 2026-12-25")
                continue
            if day in found:
                ctx.report(key, f"{day} is listed twice")
                continue
            found[day] = DayHoursValue().check(value, ctx)
        return INVALID if any(v is INVALID for v in found.values()) else found

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": DayHoursValue().schema()}


SCHEDULE = Record(
    {
        **{
            day: Field(
                DayHoursValue(), required=False, doc=f"Opening hours on {day.title()}s (a day left out is closed)."
            )
            for day in WEEKDAYS
        },
        "exceptions": Field(
            DatedHours(), required=False, doc="Dates that differ from the week: holidays, late openings."
        ),
    },
    name="opening hours",
)

HUB = Record(
    {
        "url": Field(Str(), doc="The Exhibitera Hub, e.g. http://hub.museum.lan:8082."),
        "interval": Field(Number(1, 600), required=False, doc="Seconds between pings (default 5)."),
        "allow_shutdown": Field(
            Bool(), required=False, doc="Let the Hub switch the PC off (default false: restart and sleep only)."
        ),
    },
    name="Exhibitera Hub",
)

CONFIG_FIELDS: dict[str, Field] = {
    "exhibit": Field(Str(), required=False, doc="Exhibit file to show (default: the bundled one)."),
    "idle_timeout": Field(Number(10, 3600), required=False, doc="Overrides the exhibit's idle timeout (s)."),
    "default_language": Field(LanguageCode(), required=False, doc="Language after each reset."),
    "screen": Field(Number(0, 16, integer=True), required=False, doc="Screen number for kiosk mode."),
    "show_cursor": Field(Bool(), required=False, doc="Show the mouse cursor in kiosk mode."),
    "pin_hash": Field(PinHash(), required=False, doc="Staff PIN hash, written by 'kiosk set-pin'."),
    "statistics": Field(Bool(), required=False, doc="Record anonymous visitor statistics."),
    "volume": Field(Number(0, 100, integer=True), required=False, doc="Narration volume, 0-100."),
    "hub": Field(HUB, required=False, doc="Take part in an Exhibitera Hub as one of its components."),
    "schedule": Field(
        SCHEDULE, required=False, doc="Opening hours: outside them the screen is dark (always on when absent)."
    ),
    "control": Field(
        CONTROL, required=False, doc="The control and status endpoint (metrics, status, commands); off when absent."
    ),
    "reduced_motion": Field(
        Bool(), required=False, doc="Still attract pictures and cuts between screens for every visitor (default false)."
    ),
    "display_power": Field(
        DisplayPower(),
        required=False,
        doc="How the display sleeps outside opening hours: auto (default), dpms (X11), backlight, ddc or none.",
    ),
}
CONFIG: Type = Record(CONFIG_FIELDS, name="configuration")
