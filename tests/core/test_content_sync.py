"""Content through a real git repository: publish, sync, a broken commit refused
with the old content kept, rollback, and a sync killed with SIGKILL at any
moment leaving a complete exhibit on show."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.core.content_sync import ContentStore, SyncError, git, publish, sync
from kiosk.core.loader import check_exhibit
from tests.helpers import copy_minimal
from tests.services import need


@pytest.fixture
def remote(tmp_path: Path) -> str:
    need("git")
    bare = tmp_path / "content.git"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    return str(bare)


@pytest.fixture
def curator(tmp_path: Path) -> Path:
    """A curator's checkout with the minimal exhibit and its media."""
    (tmp_path / "curator").mkdir()
    return copy_minimal(tmp_path / "curator")


def retitle(exhibit: Path, title: str) -> None:
    text = exhibit.read_text()
    exhibit.write_text(text.replace("en: Minimal exhibit", f"en: {title}", 1))


def noise_png(path: Path, width: int, height: int) -> None:
    """A PNG of random pixels, which no compression shrinks."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b"")
    )


def push_edit(remote: str, folder: Path, old: str, new: str, message: str) -> str:
    """Someone else's commit to the content repository: an edit of mini.yaml; its id."""
    git("clone", "--quiet", remote, str(folder))
    exhibit = folder / "exhibits" / "mini.yaml"
    exhibit.write_text(exhibit.read_text().replace(old, new, 1))
    git("-c", "user.name=x", "-c", "user.email=x@x", "commit", "--quiet", "-am", message, cwd=folder)
    git("push", "--quiet", "origin", "main", cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder)


def title_on_show(store: ContentStore) -> str:
    result = check_exhibit(store.current / "exhibits" / "mini.yaml")
    assert result.exhibit is not None, [str(d) for d in result.errors]
    return result.exhibit.title["en"]


def test_a_published_exhibit_is_synced_and_shown_whole(remote: str, curator: Path, tmp_path: Path) -> None:
    commit = publish(curator, remote)
    assert git("--git-dir", remote, "log", "--format=%s", "main") == "Publish mini: 2 stops"
    files = git("--git-dir", remote, "ls-tree", "-r", "--name-only", "main").splitlines()
    assert "exhibits/mini.yaml" in files and "media/mini/scene.svg" in files
    store = ContentStore(tmp_path / "kiosk")
    assert sync(store, remote, now=1000.0) == commit
    assert os.readlink(store.current) == f"releases/{commit}"
    assert title_on_show(store) == "Minimal exhibit"
    assert store.state() == {"source": remote, "last_sync": 1000.0, "result": "ok", "errors": [], "current": commit}
    assert sync(store, remote) == commit  # nothing new: nothing moves


def test_an_exhibit_with_errors_is_never_published(remote: str, curator: Path) -> None:
    curator.write_text(curator.read_text().replace("format: 1", "format: 1\nnarations: x", 1))
    with pytest.raises(SyncError, match=r"not published: .* has 1 error\(s\)\n.*unknown key 'narations'"):
        publish(curator, remote)
    with pytest.raises(SyncError):
        git("--git-dir", remote, "rev-parse", "--verify", "main")  # nothing was pushed


def test_a_broken_commit_is_refused_and_the_content_on_show_kept(remote: str, curator: Path, tmp_path: Path) -> None:
    good = publish(curator, remote)
    store = ContentStore(tmp_path / "kiosk")
    sync(store, remote)
    bad = push_edit(remote, tmp_path / "clone", "  - id: second", "  - id: second\n    date: 1952-13", "oops")
    with pytest.raises(SyncError, match=f"commit {bad[:12]} refused: its exhibits have errors"):
        sync(store, remote)
    assert store.current_commit() == good and title_on_show(store) == "Minimal exhibit"
    state = store.state()
    assert state["result"] == "refused" and state["current"] == good
    assert any("exhibits/mini.yaml:" in line and "month" in line for line in state["errors"])
    assert not [p for p in store.releases.iterdir() if p.name != good]  # no half release left behind


def test_a_rollback_shows_an_earlier_commit(remote: str, curator: Path, tmp_path: Path) -> None:
    first = publish(curator, remote)
    retitle(curator, "Second edition")
    second = publish(curator, remote, message="Second edition")
    store = ContentStore(tmp_path / "kiosk")
    assert sync(store, remote) == second and title_on_show(store) == "Second edition"
    assert sync(store, remote, first) == first and title_on_show(store) == "Minimal exhibit"
    with pytest.raises(SyncError, match="no commit 'nonsense'"):
        sync(store, remote, "nonsense")
    assert store.current_commit() == first


def test_a_sync_killed_at_any_moment_leaves_a_complete_exhibit(remote: str, curator: Path, tmp_path: Path) -> None:
    """SIGKILL at ever later moments of a sync of a large release: whatever moment,
    ``current`` leads to one whole, valid release: the old or the new."""
    first = publish(curator, remote)
    store = ContentStore(tmp_path / "kiosk")
    sync(store, remote)
    noise_png(curator.parent.parent / "media" / "mini" / "square.png", 3000, 2000)  # 18 MB: a wide window
    retitle(curator, "Large edition")
    second = publish(curator, remote)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [sys.executable, "-m", "kiosk", "sync", "--from", remote, "--content", str(store.root)]
    fetched_not_shown = staged = 0
    delay = 0.1
    while store.current_commit() != second and delay < 5:
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert store.current_commit() in (first, second)
        assert title_on_show(store) in ("Minimal exhibit", "Large edition")
        fetched = git("--git-dir", str(store.repo), "rev-parse", "main") == second
        fetched_not_shown += fetched and store.current_commit() == first
        staged += any(p.name.startswith(".staging") for p in store.releases.iterdir())
        delay += 0.015
    assert fetched_not_shown >= 1, "no kill fell between the fetch and the switch"
    print(f"\n{fetched_not_shown} kills after the fetch and before the switch, {staged} left a half extraction")
    assert sync(store, remote) == second and title_on_show(store) == "Large edition"
    assert not [p for p in store.releases.iterdir() if p.name.startswith(".staging")]  # leftovers cleared


def test_the_first_sync_needs_a_source(tmp_path: Path) -> None:
    from kiosk.cli import main

    assert main(["sync", "--content", str(tmp_path / "kiosk")]) == 2


def test_the_commands_say_what_they_did(remote: str, curator: Path, tmp_path: Path, capsys) -> None:
    from kiosk.cli import main

    assert main(["publish", str(curator), "--to", remote]) == 0
    assert capsys.readouterr().out.startswith(f"published {curator} to {remote} as ")
    content = tmp_path / "kiosk"
    assert main(["sync", "--from", remote, "--content", str(content)]) == 0
    assert "showing " in capsys.readouterr().out
    curator.write_text(curator.read_text().replace("format: 1", "format: 1\nnarations: x", 1))
    assert main(["publish", str(curator), "--to", remote]) == 1
    assert "not published" in capsys.readouterr().err
    assert main(["sync", "--content", str(content), "--to", "nonsense"]) == 1  # the source is remembered
    assert "the content on show is unchanged" in capsys.readouterr().err


def test_two_syncs_never_work_on_one_folder_at_once(remote: str, curator: Path, tmp_path: Path) -> None:
    import fcntl

    publish(curator, remote)
    store = ContentStore(tmp_path / "kiosk")
    store.root.mkdir()
    with (store.root / ".lock").open("w") as held:  # as a sync in another process holds it
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(SyncError, match="another sync is working"):
            sync(store, remote)
    assert sync(store, remote)  # free again
