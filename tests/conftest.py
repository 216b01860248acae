"""Every test, and every kiosk a test starts, keeps its caches in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Short clips made once with ffmpeg (tests.clips.make_clips), for every test that plays or checks them."""
    from tests.clips import make_clips

    folder = tmp_path_factory.mktemp("clips")
    make_clips(folder)
    return folder
