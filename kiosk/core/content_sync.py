"""Content published through git: ``kiosk publish`` on a curator's machine,
``kiosk sync`` on each kiosk.

The content repository mirrors the project's layout (``exhibits/`` beside
``media/``), so an exhibit in it runs as it does in the curator's checkout.

On a kiosk, the content folder holds:

- ``repo``: a mirror of the content repository (``git clone --mirror``);
- ``releases/<commit>``: each commit the kiosk has accepted, extracted whole;
- ``current``: a symbolic link to the release on show, switched with one
  ``rename`` (atomic), so a sync killed at any moment leaves the old release
  or the new one in place, never half of one;
- ``sync-state.json``: the last sync's result, for ``/status``, the metrics
  and the staff panel.

A commit is accepted only when every exhibit in it is valid with its media;
otherwise it is refused, said so in the state, and the content on show stays.
The running kiosk notices a new ``current`` and takes it at its next attract
loop (``kiosk.ui.runtime.content_watch``). git runs as a subprocess with a
timeout: a network that hangs makes a sync fail, never a kiosk freeze.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GIT_TIMEOUT = 300.0
"""Seconds for one git command (a first clone of a large exhibit's pictures over a slow line)."""
KEEP_RELEASES = 4
"""The release on show and the three before it, for quick rollbacks."""
BRANCH = "main"
AUTHOR = ("-c", "user.name=museum-kiosk", "-c", "user.email=kiosk@museum.invalid")


class SyncError(Exception):
    """Publishing or syncing could not be done; the message says why and what to do."""


def git(*args: str, cwd: Path | None = None, timeout: float = GIT_TIMEOUT) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            check=False,  # its words are wanted in the error
        )
    except FileNotFoundError:
        raise SyncError("git is not installed (apt-get install git)") from None
    except subprocess.TimeoutExpired:
        raise SyncError(f"git {args[0]} took over {timeout:.0f} s; is the network or the server down?") from None
    if done.returncode != 0:
        raise SyncError(f"git {args[0]} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    return done.stdout.strip()


# --- publish ---------------------------------------------------------------------
def publish(exhibit_path: Path, remote: str, media_root: Path | None = None, message: str | None = None) -> str:
    """Validate the exhibit, commit it with its media to ``remote`` and push; the
    commit id. An exhibit with errors is refused before anything is written."""
    from kiosk.core.exhibit_cache import media_files
    from kiosk.core.loader import check_exhibit

    result = check_exhibit(exhibit_path, media_root)
    if result.exhibit is None:
        errors = "\n".join(d.full() for d in result.errors[:10])
        raise SyncError(f"not published: {exhibit_path} has {len(result.errors)} error(s)\n{errors}")
    exhibit = result.exhibit
    with tempfile.TemporaryDirectory(prefix="kiosk-publish-") as folder:
        work = Path(folder) / "content"
        git("clone", "--quiet", remote, str(work))
        git("checkout", "--quiet", "-B", BRANCH, cwd=work)
        target = work / "exhibits" / exhibit_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(exhibit_path, target)
        for path in media_files(exhibit):
            relative = path.relative_to(exhibit.media_root)
            (work / "media" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, work / "media" / relative)
        git("add", "--all", cwd=work)
        if git("status", "--porcelain", cwd=work):
            words = message or f"Publish {exhibit.id}: {len(exhibit.stops)} stops"
            git(*AUTHOR, "commit", "--quiet", "-m", words, cwd=work)
        elif not _has_commits(work):
            raise SyncError("nothing to publish")
        git("push", "--quiet", "origin", f"HEAD:refs/heads/{BRANCH}", cwd=work)
        return git("rev-parse", "HEAD", cwd=work)


def _has_commits(work: Path) -> bool:
    try:
        git("rev-parse", "--verify", "HEAD", cwd=work)
    except SyncError:
        return False
    return True


# --- sync on a kiosk ---------------------------------------------------------------
@dataclass(frozen=True)
class ContentStore:
    root: Path

    @property
    def repo(self) -> Path:
        return self.root / "repo"

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def current(self) -> Path:
        return self.root / "current"

    @property
    def state_file(self) -> Path:
        return self.root / "sync-state.json"

    def current_commit(self) -> str | None:
        try:
            return Path(os.readlink(self.current)).name
        except OSError:
            return None

    def state(self) -> dict[str, Any]:
        return read_state(self.state_file)


def read_state(path: Path) -> dict[str, Any]:
    """The last sync's result; empty when there was none or the file is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def sync(store: ContentStore, source: str, revision: str | None = None, now: float | None = None) -> str:
    """Fetch ``source``, and show ``revision`` (default: the newest on main) if every
    exhibit in it is valid; the commit now on show. Raises SyncError when refused."""
    store.root.mkdir(parents=True, exist_ok=True)
    with _only_one_sync(store):
        return _sync(store, source, revision, now)


@contextlib.contextmanager
def _only_one_sync(store: ContentStore) -> Iterator[None]:
    """A timer's sync and one started by hand never work on the same folder at once
    (the lock goes with the process, so a killed sync never leaves it held)."""
    with (store.root / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise SyncError(f"another sync is working on {store.root}; try again when it is done") from None
        yield


def _sync(store: ContentStore, source: str, revision: str | None, now: float | None) -> str:
    try:
        commit = _fetch(store, source, revision)
        if store.current_commit() == commit:
            _record(store, source, commit, "ok", [], now)
            _prune(store)  # what a sync killed after its switch left behind
            return commit
        _accept(store, commit)
    except SyncError as error:
        _record(store, source, revision, "refused", str(error).splitlines(), now)
        raise
    _record(store, source, commit, "ok", [], now)
    _prune(store)
    return commit


def _fetch(store: ContentStore, source: str, revision: str | None) -> str:
    if not (store.repo / "HEAD").exists():
        partial = store.root / f"repo.{os.getpid()}.tmp"
        shutil.rmtree(partial, ignore_errors=True)
        git("clone", "--quiet", "--mirror", source, str(partial))
        partial.rename(store.repo)  # a clone cut short never passes for a mirror
    else:
        git("--git-dir", str(store.repo), "remote", "set-url", "origin", source)
        git("--git-dir", str(store.repo), "fetch", "--quiet", "--prune", "origin", "+refs/heads/*:refs/heads/*")
    wanted = revision or f"refs/heads/{BRANCH}"
    try:
        return git("--git-dir", str(store.repo), "rev-parse", "--verify", f"{wanted}^{{commit}}")
    except SyncError:
        raise SyncError(f"no commit '{wanted}' in {source}") from None


def _accept(store: ContentStore, commit: str) -> None:
    """Extract the commit beside the releases, check it, then move it in and point
    ``current`` at it: each step either happens whole or leaves the old in place."""
    release = store.releases / commit
    if not release.is_dir():
        store.releases.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".staging-{commit[:12]}-", dir=store.releases))
        try:
            _extract(store, commit, staging)
            _validate(staging, commit)
            staging.rename(release)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    else:
        _validate(release, commit)
    link = store.root / f".current.{os.getpid()}"
    link.unlink(missing_ok=True)
    os.symlink(Path("releases") / commit, link)
    os.replace(link, store.current)


def _extract(store: ContentStore, commit: str, into: Path) -> None:
    archive = into / ".archive.tar"
    with archive.open("wb") as out:
        try:
            subprocess.run(
                ["git", "--git-dir", str(store.repo), "archive", "--format=tar", commit],
                stdout=out,
                stderr=subprocess.PIPE,
                timeout=GIT_TIMEOUT,
                check=True,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise SyncError(f"git archive failed: {error}") from None
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")  # no links out, no absolute paths, no devices
    archive.unlink()


def _validate(release: Path, commit: str) -> None:
    from kiosk.core.loader import check_exhibit

    exhibits = sorted((release / "exhibits").glob("*.yaml"))
    if not exhibits:
        raise SyncError(f"commit {commit[:12]} holds no exhibits/*.yaml; refused")
    problems = []
    for path in exhibits:
        result = check_exhibit(path)
        for diagnostic in result.errors[:5]:
            problems.append(str(diagnostic).replace(str(release) + os.sep, ""))
    if problems:
        raise SyncError(f"commit {commit[:12]} refused: its exhibits have errors\n" + "\n".join(problems))


def _record(
    store: ContentStore, source: str, commit: str | None, result: str, errors: list[str], now: float | None
) -> None:
    state = {
        **store.state(),
        "source": source,
        "last_sync": now if now is not None else time.time(),
        "result": result,
        "errors": errors[:20],
        "current": store.current_commit(),
    }
    if result == "refused":
        state["refused"] = commit
    partial = store.state_file.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(state, indent=1), encoding="utf-8")
    os.replace(partial, store.state_file)


def _prune(store: ContentStore) -> None:
    """Keep the release on show and the newest others; leftovers of killed syncs go too."""
    current = store.current_commit()
    entries = [entry for entry in store.releases.iterdir() if entry.is_dir()]
    for entry in entries:
        if entry.name.startswith(".staging-"):
            shutil.rmtree(entry, ignore_errors=True)
    kept = sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.stat().st_mtime, reverse=True)
    for entry in kept[KEEP_RELEASES:]:
        if entry.name != current:
            shutil.rmtree(entry, ignore_errors=True)


def _release_of(exhibit_path: Path) -> Path | None:
    """``<content>/releases/<commit>`` when the exhibit lies in a synced release."""
    real = Path(os.path.realpath(exhibit_path))
    release = real.parent.parent
    return release if real.parent.name == "exhibits" and release.parent.name == "releases" else None


def release_commit(exhibit_path: Path) -> str | None:
    """The commit an exhibit comes from when it lies in a synced release."""
    release = _release_of(exhibit_path)
    return None if release is None else release.name


def store_of(exhibit_path: Path) -> ContentStore | None:
    """The content folder an exhibit was synced into, if it was."""
    release = _release_of(exhibit_path)
    return None if release is None else ContentStore(release.parent.parent)
