"""``kiosk new NAME``: a new exhibit that validates and previews at once."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from kiosk.core.exhibit_format import json_schema

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PLACEHOLDER_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny"
     viewBox="0 0 1600 1000" width="1600" height="1000">
<rect width="1600" height="1000" fill="#d8d4cc"/>
<rect x="40" y="40" width="1520" height="920" fill="none" stroke="#8a857b" stroke-width="8" stroke-dasharray="40 24"/>
<text x="800" y="520" font-family="Inter" font-size="84" font-weight="700" fill="#5c5850"
      text-anchor="middle">picture to come · imagen por venir</text>
</svg>
"""


class ScaffoldError(ValueError):
    pass


def new_exhibit(name: str, exhibits: Path, media: Path, title: str | None = None) -> Path:
    """Write exhibits/NAME.yaml and media/NAME/placeholder.svg; refuse to overwrite."""
    if not NAME_RE.match(name):
        raise ScaffoldError(f"'{name}' is not a valid name; use lower-case letters, digits and hyphens")
    target = exhibits / f"{name}.yaml"
    folder = media / name
    if target.exists():
        raise ScaffoldError(f"{target} already exists; nothing was changed")
    template = resources.files("kiosk.templates").joinpath("new-exhibit.yaml").read_text(encoding="utf-8")
    text = template.replace("{id}", name).replace("{title}", title or name.replace("-", " ").capitalize())
    exhibits.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    placeholder = folder / "placeholder.svg"
    if not placeholder.exists():
        placeholder.write_text(PLACEHOLDER_SVG, encoding="utf-8")
    if not (exhibits.resolve().parent / "docs" / "exhibit.schema.json").exists():
        # Outside the kiosk's own tree: give the editor a schema beside the file.
        (exhibits / "exhibit.schema.json").write_text(json.dumps(json_schema(), indent=2), encoding="utf-8")
        text = text.replace("$schema=../docs/exhibit.schema.json", "$schema=exhibit.schema.json", 1)
    target.write_text(text, encoding="utf-8")
    return target
