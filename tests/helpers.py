"""Shared helpers for tests: where the corpus lives and how to copy it."""

from __future__ import annotations

import shutil
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
VALID = CORPUS / "valid" / "minimal.yaml"
REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "exhibits" / "bolivia-1952.yaml"


def copy_minimal(tmp_path: Path) -> Path:
    """A private copy of the minimal exhibit with its media, safe to edit."""
    (tmp_path / "exhibits").mkdir()
    shutil.copytree(CORPUS / "media", tmp_path / "media")
    target = tmp_path / "exhibits" / "mini.yaml"
    shutil.copy(VALID, target)
    return target
