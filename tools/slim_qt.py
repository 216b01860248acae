"""Remove from a virtual environment the parts of Qt that the kiosk never loads.

PySide6 comes as two wheels: PySide6-Essentials (QtCore, QtGui, QtWidgets,
QtSvg) and PySide6-Addons, which holds QtMultimedia and QtTextToSpeech (the
kiosk's narration and films) beside QtWebEngine, Qt 3D, Qt Quick 3D, charts,
PDF and some forty more modules it never touches. No smaller wheel holds
QtMultimedia, so this keeps the Python modules the kiosk imports, the Qt
libraries they link to (followed with ``ldd``, transitively), the plugins
those libraries load (platforms, images, sound, speech, Wayland), and
deletes the rest: the other Python modules, libraries, QML, QtWebEngine's
helper process, resources and translations, and build-time metadata.

    python tools/slim_qt.py [VENV] [--dry-run]

It prints what it removes and the size before and after. Undo it with
``pip install --force-reinstall PySide6-Essentials PySide6-Addons``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

KEPT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtMultimedia", "QtTextToSpeech", "QtTest", "QtNetwork")
"""What the kiosk and its tests import (``grep -rho 'PySide6\\.Qt[A-Za-z]*' kiosk tests``), and
QtNetwork, which PySide's QtMultimedia module imports for its own signatures."""
KEPT_PLUGINS = (
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "generic",
    "imageformats",
    "iconengines",
    "multimedia",
    "texttospeech",
    "tls",
    "networkinformation",
    "xcbglintegrations",
    "egldeviceintegrations",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)
"""Plugin folders that Qt loads at run time for these modules (never seen by ``ldd``)."""
DLOPENED = re.compile(r"libQt6(FFmpegStub|WlShellIntegration|WaylandEglClientHwIntegration)")
"""Libraries loaded by name at run time, not linked: kept whatever ``ldd`` says."""
GONE_FOLDERS = ("qml", "metatypes", "resources", "typesystems", "glue", "include", "doc", "scripts")


def pyside_folder(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python3*/site-packages/PySide6"))
    if not found:
        raise SystemExit(f"slim_qt: no PySide6 in {venv}")
    return found[0].resolve()


def linked(binary: Path, lib: Path) -> set[str]:
    """The Qt libraries ``binary`` links to, by file name."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(lib)}
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env=env, check=False).stdout
    return {Path(path).name for path in re.findall(r"=> (\S+)", out) if Path(path).resolve().parent == lib}


def needed_libraries(pyside: Path) -> set[str]:
    """Every library under Qt/lib that a kept module or plugin needs, followed to the end."""
    lib = pyside / "Qt" / "lib"
    roots = [p for m in KEPT_MODULES for p in pyside.glob(f"{m}.*.so")]
    roots += [p for folder in KEPT_PLUGINS for p in (pyside / "Qt" / "plugins" / folder).glob("*.so")]
    roots += list(pyside.glob("libpyside6*.so*"))
    keep = {p.name for p in lib.iterdir() if DLOPENED.match(p.name)}
    todo = list(roots) + [lib / name for name in keep]
    seen: set[Path] = set()
    while todo:
        binary = todo.pop()
        if binary in seen or not binary.exists():
            continue
        seen.add(binary)
        for name in linked(binary, lib) - keep:
            keep.add(name)
            todo.append(lib / name)
    return keep


def doomed(pyside: Path) -> list[Path]:
    qt = pyside / "Qt"
    keep = needed_libraries(pyside)
    gone: list[Path] = []
    gone += [p for p in pyside.glob("Qt*.so") if p.name.split(".")[0] not in KEPT_MODULES]
    gone += [p for p in pyside.glob("Qt*.pyi") if p.stem not in KEPT_MODULES]
    gone += [p for p in (qt / "lib").iterdir() if p.name.startswith("libQt6") and p.name not in keep]
    gone += [p for p in (qt / "plugins").iterdir() if p.name not in KEPT_PLUGINS]
    gone += [qt / "libexec" / name for name in ("QtWebEngineProcess",)]
    gone += [qt / "translations" / "qtwebengine_locales"]
    gone += [qt / name for name in GONE_FOLDERS] + [pyside / name for name in GONE_FOLDERS]
    gone += [p for p in pyside.iterdir() if p.is_file() and p.name.startswith(("designer", "assistant", "linguist"))]
    return [p for p in gone if p.exists() or p.is_symlink()]


def size(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("venv", nargs="?", default=".venv", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    pyside = pyside_folder(args.venv)
    before = size(pyside)
    removed = 0
    for path in doomed(pyside):
        removed += size(path)
        print(f"{'would remove' if args.dry_run else 'removed'} {path.relative_to(pyside)}")
        if not args.dry_run:
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    mib = 1024 * 1024
    print(f"slim_qt: PySide6 {before / mib:.0f} MiB -> {(before - removed) / mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
