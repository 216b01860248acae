"""What a screen reader finds: the AT-SPI tree of a running kiosk, read with pyatspi.

The test starts its own session bus and AT-SPI registry, a real X screen and
the kiosk, drives it with xdotool like a keypad visitor, and reads the tree
(and the announcements) with Debian's pyatspi in a separate Python, as Orca
would see them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.loader import load_exhibit
from tests.helpers import BUNDLED
from tests.ui.test_real_window import RunningKiosk

pytestmark = pytest.mark.xvfb
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

DUMP = textwrap.dedent("""
    import json, sys, time, threading
    import pyatspi
    from gi.repository import GLib

    heard = []
    def on_event(event):
        heard.append([event.type, str(event.any_data)])
    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    GLib.timeout_add(int(float(sys.argv[1]) * 1000), pyatspi.Registry.stop)
    pyatspi.Registry.start()

    def walk(node, out):
        state = node.getState()
        out.append({"role": node.getRoleName(), "name": node.name,
                    "showing": state.contains(pyatspi.STATE_SHOWING),
                    "focused": state.contains(pyatspi.STATE_FOCUSED),
                    "locale": node.get_object_locale()})
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), out)
        return out

    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    app = next(a for a in apps if a is not None and a.name == "museum-kiosk")
    tree = walk(app, [])
    if len(sys.argv) > 2:  # press a control on screen by name, as a screen reader user does
        def find(node):
            showing = node.getState().contains(pyatspi.STATE_SHOWING)
            if node.name == sys.argv[2] and node.getRoleName() == "push button" and showing:
                return node
            for i in range(node.childCount):
                found = find(node.getChildAtIndex(i))
                if found is not None:
                    return found
        action = find(app).queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        action.doAction(names.index("Press"))
    print(json.dumps({"tree": tree, "heard": heard}))
""")


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for need in (SYSTEM_PYTHON, LAUNCHER, shutil.which("dbus-daemon") or "/nonexistent"):
        if not Path(need).exists():
            pytest.skip(f"needs {need} (make test installs at-spi2-core, dbus-x11, python3-pyatspi)")
    if subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        pytest.skip("needs python3-pyatspi")
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    bus.stdout.close()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    monkeypatch.setenv("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
    launcher = subprocess.Popen(
        [LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        yield address
    finally:
        for process in (launcher, bus):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 15)
            process.wait(timeout=10)


def start_reading(display_name: str, listen_seconds: float = 0.5) -> subprocess.Popen[str]:
    """Listen for announcements for a while, then read the tree."""
    return subprocess.Popen(
        [SYSTEM_PYTHON, "-c", DUMP, str(listen_seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DISPLAY": display_name},
    )


def finish_reading(reader: subprocess.Popen[str]) -> dict:
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err[-2000:]
    return json.loads(out)


def read_tree(display_name: str, listen_seconds: float = 0.5, press: str | None = None) -> dict:
    extra = [press] if press else []
    reader = subprocess.Popen(
        [SYSTEM_PYTHON, "-c", DUMP, str(listen_seconds), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DISPLAY": display_name},
    )
    return finish_reading(reader)


def shown(tree: dict, role: str) -> list[dict]:
    return [node for node in tree["tree"] if node["role"] == role and node["showing"]]


def test_a_keypad_visit_as_a_screen_reader_hears_it(
    qtbot,
    display: str,
    session_bus: str,
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("idle_timeout: 10\n")
    kiosk = RunningKiosk(qtbot, display, tmp_path / "kiosk.log", "--size", "1280x720", "--config", str(config))
    try:
        kiosk.wait_for("kiosk started")
        kiosk.xdotool("windowfocus", "--sync", kiosk.window)  # no window manager: give it the keyboard
        kiosk.xdotool("key", "--window", kiosk.window, "Return")  # wakes: focus on Begin
        kiosk.wait_for("screen=home")
        home = read_tree(display)
        focused = [n for n in home["tree"] if n["focused"]]
        assert [n["name"] for n in focused] == ["Comenzar"], focused
        rows = [n for n in home["tree"] if n["role"] == "push button" and n["name"].endswith("Un país del estaño")]
        last = [n for n in home["tree"] if n["role"] == "push button" and n["name"].startswith("Hasta hoy")]
        assert rows[0]["showing"] and not last[0]["showing"]  # a row scrolled out of view is not 'showing'

        reader = start_reading(display, listen_seconds=3)
        qtbot.wait(1000)  # the listener is registered
        kiosk.xdotool("key", "--window", kiosk.window, "Return")  # Begin: the first stop
        kiosk.wait_for("screen=stop stop=0")
        stop = finish_reading(reader)
        said = " ".join(text for _, text in stop["heard"])
        assert said.startswith("Un país del estaño. Antes de 1952."), stop["heard"]  # the stop is read out
        images = shown(stop, "image")
        assert images and all(len(n["name"]) > 20 for n in images), images  # pictures, named by alt text
        headings = shown(stop, "heading")
        assert [n["name"] for n in headings] == ["Un país del estaño"], headings
        assert all(n["locale"].startswith("es") for n in images + headings)
        assert not [
            n
            for n in stop["tree"]
            if n["role"] == "filler" and n["showing"] and n["name"] and n["name"] == images[0]["name"]
        ]  # no picture left as an anonymous filler
        focused = [n for n in stop["tree"] if n["focused"]]
        assert [n["role"] for n in focused] == ["image"]  # a stop opens on its picture
        assert not shown(stop, "alert")  # the idle warning is not there until it is
        exhibit = load_exhibit(BUNDLED)
        on_strip = [f"{s.date.label('es')}. {s.title['es']}" for s in exhibit.stops]
        buttons = {n["name"] for n in shown(stop, "push button")}
        assert not [name for name in on_strip if name not in buttons]  # every stop on the strip, by name

        read_tree(display, press=on_strip[3])  # a stop on the strip, pressed as Orca would
        kiosk.wait_for("screen=stop stop=3")
        read_tree(display, press="Siguiente")
        kiosk.wait_for("screen=stop stop=4")
        kiosk.wait_for("state screen=stop stop=4 image=0 lang=es warning=True", timeout_ms=30_000)
        warned = read_tree(display)
        alerts = shown(warned, "alert")
        assert len(alerts) == 1 and "¿Sigues ahí?" in alerts[0]["name"], alerts
        assert "tecla" in alerts[0]["name"]  # says which key keeps the visit going
        covered = [n for n in warned["tree"] if n["name"] == "Siguiente"]
        assert covered and not covered[0]["showing"]  # under the warning: not reported as on screen
    finally:
        kiosk.stop()


ORCA_SETTINGS = {
    "general": {
        "enableBraille": False,
        "enableBrailleMonitor": False,
        "firstStart": False,
        "activeProfile": ["Default", "default"],
        "startingProfile": ["Default", "default"],
    },
    "keybindings": {},
    "pronunciations": {},
    "profiles": {"default": {"profile": ["Default", "default"], "enableBraille": False}},
}
"""Braille off: with no braille display BrlAPI's start-up waits on the system bus."""


class Orca:
    """Orca itself, with its speech written to its debug log."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        home = folder / "orca-home"
        settings = home / ".local" / "share" / "orca" / "user-settings.conf"
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps(ORCA_SETTINGS))
        self.log = folder / "orca-debug.log"
        self.process = subprocess.Popen(
            ["orca", "--replace", f"--debug-file={self.log}"],
            env={**env, "HOME": str(home)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def said(self) -> list[str]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return [line.split("SPEECH OUTPUT: ", 1)[1] for line in lines if "SPEECH OUTPUT: " in line]

    def finish(self) -> list[str]:
        """Stop Orca the way a user would (it writes its log out as it quits); what it said."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, 15)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=15)
        return self.said()

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, 9)
        self.process.wait(timeout=10)
        home = str(self.log.parent)
        for entry in Path("/proc").iterdir():  # the speech-dispatcher Orca started, detached
            with contextlib.suppress(OSError, ValueError):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                if "speech-dispatcher" in command and home in command:
                    os.kill(int(entry.name), 9)


def test_orca_reads_each_stop_and_the_idle_warning_aloud(qtbot, display: str, session_bus: str, tmp_path: Path) -> None:
    """Orca 43 presents what takes the focus, not announcements: the stop's title,
    date and label come with its picture's focus, on opening a stop and on moving on."""
    from tests.services import need, pulseaudio

    need("orca", "speech-dispatcher", "espeak-ng", "pulseaudio")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    with pulseaudio(tmp_path / "pulse") as pulse:
        # Orca starts its own speech-dispatcher (its socket under this runtime folder), speaking
        # into the null sink: with no sound device at all, speech-dispatcher hangs, and Orca with it.
        orca = Orca(tmp_path, {**os.environ, **pulse, "DISPLAY": display, "XDG_RUNTIME_DIR": str(runtime)})
        kiosk = None
        try:
            qtbot.wait(5000)  # Orca registers with the AT-SPI bus (its log is written only as it quits)
            config = tmp_path / "config.yaml"
            config.write_text("idle_timeout: 10\n")
            kiosk = RunningKiosk(qtbot, display, tmp_path / "kiosk.log", "--size", "1280x720", "--config", str(config))
            kiosk.wait_for("kiosk started")
            kiosk.xdotool("windowfocus", "--sync", kiosk.window)
            kiosk.xdotool("key", "--window", kiosk.window, "Return")  # wakes, on Begin
            kiosk.wait_for("screen=home")
            qtbot.wait(1500)
            kiosk.xdotool("key", "--window", kiosk.window, "Return")  # the first stop
            kiosk.wait_for("screen=stop stop=0")
            qtbot.wait(2500)
            kiosk.xdotool("key", "--window", kiosk.window, "Right")  # the next stop
            kiosk.wait_for("screen=stop stop=1")
            kiosk.wait_for("state screen=stop stop=1 image=0 lang=es warning=True", timeout_ms=30_000)
            qtbot.wait(2500)
            said = orca.finish()
            assert any("Comenzar push button" in line for line in said), said
            assert any(
                "Un país del estaño. Antes de 1952. A mediados del siglo XX, Bolivia vivía" in line for line in said
            ), said
            assert any("La Guerra del Chaco. 1932 – 1935. Entre 1932 y 1935" in line for line in said), said
            warning = [line for line in said if "¿Sigues ahí?" in line]
            assert warning and warning[0].startswith("'alert") and "pulsa cualquier tecla" in warning[0], said
        finally:
            if kiosk is not None:
                kiosk.stop()
            orca.stop()
