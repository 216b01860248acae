"""What the configuration file may hold, declared like the exhibit format."""

from __future__ import annotations

from typing import Any

import yaml

from kiosk.core.pin import is_pin_hash
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


CONFIG_FIELDS: dict[str, Field] = {
    "exhibit": Field(Str(), required=False, doc="Exhibit file to show (default: the bundled one)."),
    "idle_timeout": Field(Number(10, 3600), required=False, doc="Overrides the exhibit's idle timeout (s)."),
    "default_language": Field(LanguageCode(), required=False, doc="Language after each reset."),
    "screen": Field(Number(0, 16, integer=True), required=False, doc="Screen number for kiosk mode."),
    "show_cursor": Field(Bool(), required=False, doc="Show the mouse cursor in kiosk mode."),
    "pin_hash": Field(PinHash(), required=False, doc="Staff PIN hash, written by 'kiosk set-pin'."),
    "statistics": Field(Bool(), required=False, doc="Record anonymous visitor statistics."),
    "volume": Field(Number(0, 100, integer=True), required=False, doc="Narration volume, 0-100."),
    "reduced_motion": Field(
        Bool(), required=False, doc="Still attract pictures and cuts between screens for every visitor (default false)."
    ),
}
CONFIG: Type = Record(CONFIG_FIELDS, name="configuration")
