"""A kiosk showing synced content: a new release is taken at the next attract
loop (never under a visitor), a refused one is reported in the staff panel,
/status and the metrics while the old content stays on screen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core import events as ev
from kiosk.core.config import Config
from kiosk.core.content_sync import ContentStore, SyncError, git, publish, sync
from kiosk.core.state import Screen
from tests.core.test_content_sync import push_edit, retitle
from tests.helpers import copy_minimal
from tests.services import free_port, need
from tests.ui.test_staff import Staffed


@pytest.fixture
def synced(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Staffed, Path, str, ContentStore]]:
    need("git")
    remote = str(tmp_path / "content.git")
    git("init", "--quiet", "--bare", "--initial-branch=main", remote)
    (tmp_path / "curator").mkdir()
    curator = copy_minimal(tmp_path / "curator")
    publish(curator, remote)
    store = ContentStore(tmp_path / "kiosk-content")
    sync(store, remote)
    monkeypatch.setenv("KIOSK_CONTROL_TOKEN", "t")
    config = Config(control_listen=("127.0.0.1", free_port()))
    kiosk = Staffed(qtbot, store.current / "exhibits" / "mini.yaml", config, tmp_path)
    yield kiosk, curator, remote, store
    kiosk.runtime.stop()


def test_new_content_is_taken_at_the_next_attract_loop(synced) -> None:
    kiosk, curator, remote, store = synced
    first = store.current_commit()
    assert kiosk.runtime.remote.version == f"git-{first[:12]}"  # type: ignore[union-attr]
    kiosk.runtime.controller.send(ev.Touch())
    assert kiosk.state.screen is Screen.HOME
    retitle(curator, "Corrected label")
    second = publish(curator, remote)
    sync(store, remote)
    kiosk.runtime.content_watch.check()
    assert kiosk.runtime.controller.exhibit.title["en"] == "Minimal exhibit"  # not under a visitor
    kiosk.walk_away()
    assert kiosk.state.screen is Screen.ATTRACT
    kiosk.runtime.content_watch.check()
    assert kiosk.runtime.controller.exhibit.title["en"] == "Corrected label"
    kiosk.runtime.remote._publish()  # type: ignore[union-attr]
    assert kiosk.runtime.remote.version == f"git-{second[:12]}"  # type: ignore[union-attr]
    content = next(line for line in kiosk.runtime.status().lines if line.startswith("Content:"))
    assert content.startswith(f"Content: commit {second[:12]}; last sync ") and content.endswith(": ok")


def test_a_refused_sync_is_reported_and_the_old_content_stays(synced, tmp_path: Path) -> None:
    kiosk, _curator, remote, store = synced
    push_edit(remote, tmp_path / "clone", "format: 1", "format: 2", "wrong format")
    with pytest.raises(SyncError):
        sync(store, remote)
    kiosk.runtime.content_watch.check()
    assert kiosk.runtime.controller.exhibit.title["en"] == "Minimal exhibit"
    remote_control = kiosk.runtime.remote
    remote_control._publish()  # type: ignore[union-attr]
    status = remote_control._status  # type: ignore[union-attr]
    assert status["sync"]["result"] == "refused" and status["sync"]["errors"]
    assert remote_control.metrics.registry.get_sample_value("kiosk_sync_ok") == 0  # type: ignore[union-attr]
    content = next(line for line in kiosk.runtime.status().lines if line.startswith("Content:"))
    assert "refused" in content and "format" in content
    assert os.path.isdir(store.current)
