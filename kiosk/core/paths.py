"""Where the kiosk keeps its configuration and its state (XDG base directories)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "museum-kiosk"


def config_dir() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / APP


def state_dir() -> Path:
    """Logs and statistics: machine-written, kept across restarts."""
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / APP


def data_dir() -> Path:
    """Content the kiosk fetched (``kiosk sync``): kept across restarts, fetched again if lost."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP


def cache_dir() -> Path:
    """Things the kiosk can always make again (the checked exhibit)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP


def default_config_path() -> Path:
    return config_dir() / "config.yaml"


def narration_dir(exhibit_id: str) -> Path:
    """The kiosk's own recordings of an exhibit (``kiosk narrate``): made again when missing."""
    return cache_dir() / "narration" / exhibit_id
