"""The kiosk as a component of an Exhibitera Hub, against a double that follows
the Hub's Core API document: pings with a stable UUID and the visitor's state,
commands carried out (a refresh never under a visitor), the screenshot and
restart the Hub may ask for, and a Hub that is down or slow costing visitors
nothing."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.core import events as ev
from kiosk.core.config import Config
from kiosk.core.state import Screen
from kiosk.ui.runtime.supervisor import EXIT_RESTART
from tests.helpers import copy_minimal
from tests.hub_double import HubDouble
from tests.services import free_port
from tests.ui.heartbeat import GUI_LIMIT_MS, Heartbeat
from tests.ui.test_staff import Staffed


def hosted(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hub_url: str) -> Staffed:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-home"))
    monkeypatch.setenv("KIOSK_CONTROL_TOKEN", "t")
    config = Config(control_listen=("127.0.0.1", free_port()), hub_url=hub_url, hub_interval=0.1)
    tmp_path.mkdir(parents=True, exist_ok=True)
    return Staffed(qtbot, copy_minimal(tmp_path), config, tmp_path)


@pytest.fixture
def hub() -> Iterator[HubDouble]:
    with HubDouble() as double:
        yield double


@pytest.fixture
def kiosk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hub: HubDouble) -> Iterator[Staffed]:
    made = hosted(qtbot, tmp_path, monkeypatch, hub.url)
    yield made
    made.runtime.stop()


def test_the_kiosk_pings_with_a_stable_uuid_and_says_when_a_visitor_is_there(
    kiosk: Staffed, hub: HubDouble, qtbot
) -> None:
    qtbot.waitUntil(lambda: len(hub.pings) >= 1, timeout=5000)
    first = hub.pings[0]
    assert first["current_interaction"] is False
    assert first["helper_address"] == "{}:{}".format(*kiosk.runtime.remote.server.address)  # type: ignore[union-attr]
    assert first["permissions"] == {"audio": True, "refresh": True, "restart": True, "shutdown": False, "sleep": True}
    kiosk.runtime.controller.send(ev.Touch())
    seen = len(hub.pings)
    qtbot.waitUntil(lambda: len(hub.pings) > seen and hub.pings[-1]["current_interaction"] is True, timeout=5000)
    assert len({ping["uuid"] for ping in hub.pings}) == 1
    uuid_file = Path(os.environ["XDG_STATE_HOME"]) / "museum-kiosk" / "hub-uuid"
    assert uuid_file.read_text().strip() == first["uuid"]  # kept: the next start is the same component


def test_hub_commands_are_carried_out_and_a_refresh_waits_for_the_attract_loop(
    kiosk: Staffed, hub: HubDouble, qtbot, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: len(hub.pings) >= 1, timeout=5000)
    component = hub.pings[0]["uuid"]
    hub.queue(component, "sleep_display")
    qtbot.waitUntil(lambda: not kiosk.runtime.display_on, timeout=5000)
    hub.queue(component, "wake_display")
    qtbot.waitUntil(lambda: kiosk.runtime.display_on, timeout=5000)
    kiosk.runtime.controller.send(ev.Touch())
    exhibit = tmp_path / "exhibits" / "mini.yaml"
    exhibit.write_text(exhibit.read_text().replace("en: Minimal exhibit", "en: Refreshed", 1))
    hub.queue(component, "refresh_page")
    qtbot.waitUntil(lambda: kiosk.runtime.hub.refresh_pending, timeout=5000)  # type: ignore[union-attr]
    assert kiosk.runtime.controller.exhibit.title["en"] == "Minimal exhibit"  # not under the visitor
    kiosk.walk_away()
    assert kiosk.state.screen is Screen.ATTRACT
    assert kiosk.runtime.controller.exhibit.title["en"] == "Refreshed"
    hub.queue(component, "shutdown")  # not permitted by this configuration: ignored
    hub.queue(component, "restart")
    qtbot.waitUntil(lambda: kiosk.exits == [EXIT_RESTART], timeout=5000)


def test_the_hub_can_see_the_screen_and_restart_the_kiosk(kiosk: Staffed, hub: HubDouble, qtbot) -> None:
    qtbot.waitUntil(lambda: len(hub.pings) >= 1 and bool(kiosk.runtime.remote.server.core_clients), timeout=5000)  # type: ignore[union-attr]
    helper = hub.pings[0]["helper_address"]
    got: list[tuple[int, bytes]] = []
    thread = threading.Thread(target=lambda: got.append(hub.call_component(helper, "/core/screenshot")))
    thread.start()  # the Hub waits; the GUI thread grabs the screen meanwhile
    qtbot.waitUntil(lambda: bool(got), timeout=8000)
    status, jpeg = got[0]
    assert status == 200 and jpeg[:3] == b"\xff\xd8\xff"
    picture = QImage.fromData(jpeg, "JPEG")
    assert (picture.width(), picture.height()) == (1920, 1080)
    got.clear()
    thread = threading.Thread(target=lambda: got.append(hub.call_component(helper, "/core/shutdown")))
    thread.start()
    qtbot.waitUntil(lambda: bool(got), timeout=8000)
    assert got[0][0] == 403  # this kiosk does not let the Hub switch it off
    got.clear()
    thread = threading.Thread(target=lambda: got.append(hub.call_component(helper, "/core/restart")))
    thread.start()
    qtbot.waitUntil(lambda: bool(got) and kiosk.exits == [EXIT_RESTART], timeout=8000)


def test_a_hub_that_is_down_or_slow_costs_visitors_nothing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with HubDouble(delay=10.0) as slow:
        beat = Heartbeat()
        down = hosted(qtbot, tmp_path / "a", monkeypatch, f"http://127.0.0.1:{free_port()}")
        stalled = hosted(qtbot, tmp_path / "b", monkeypatch, slow.url)
        try:
            qtbot.wait(1500)  # pings refused, pings hanging
            for kiosk in (down, stalled):
                kiosk.tap(960, 540)
                assert kiosk.state.screen is Screen.HOME
            assert down.runtime.hub.client.last_problem  # type: ignore[union-attr]
            assert beat.widest < GUI_LIMIT_MS, f"the GUI thread stood still for {beat.widest:.0f} ms"
        finally:
            beat.stop()
            down.runtime.stop()
            stalled.runtime.stop()
