"""Reading a stop's label aloud, without ever waiting on a sound engine.

The narrator follows the navigation state and never decides anything: when
the state says "narrating" on a stop it asks for that stop in the visitor's
language, and asks to stop as soon as the state says otherwise (navigation,
a new language, the idle reset).

It owns no engine. Every sound is played by a worker process
(``kiosk.ui.media.audio_worker``) that it talks to through a QProcess, which never
blocks: requests go out as lines, answers come back as signals. Each request
has a deadline; a worker that misses one (a hung speech engine, a stuck
audio server) is logged, killed and started again, and meanwhile the Listen
button says that narration is unavailable. What can be heard on each stop
(the curator's recording, the kiosk's own recording, live speech, or
nothing) is worked out on a worker thread when the exhibit is loaded, so no
screen waits for it.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.core.media import resolve_at_open
from kiosk.core.model import Exhibit, Stop
from kiosk.core.narration import HINT_CLIP_ID, NarrationPlan, alt_clip_id, clips, find_recordings, spoken_label
from kiosk.core.state import NavState, Screen

log = logging.getLogger(__name__)

START_DEADLINE = 8.0
"""Seconds for the worker to start a sound (live speech renders first)."""
STOP_DEADLINE = 1.5
"""Seconds for the worker to confirm a stop: a hung engine misses this."""
HELLO_DEADLINE = 15.0
"""Seconds for a new worker to say hello (it imports QtMultimedia)."""
RESTART_PAUSES = (0.5, 2.0, 10.0, 60.0)
"""Waits before restarting a worker that died or hung, growing while it keeps failing."""


class Narrator(QObject):
    finished = Signal()
    """The sound ended, failed, or the engine was lost: the state should stop narrating."""
    availability = Signal()
    """What can be heard changed (recordings found, engine up or down): re-render."""

    def __init__(
        self,
        parent: QObject | None = None,
        engine: str | None = "auto",
        volume: float = 0.8,
        recordings: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.engine = engine or "none"
        self.volume = volume
        self.slow = False
        self.recordings = recordings
        """Folder of the kiosk's own recordings (``kiosk narrate``), or None."""
        self.clock = clock
        self.plan = NarrationPlan({})
        self.media_root: Path | None = None
        """The exhibit's media folder: a curator's recording must still be in it when played."""
        self.speech: frozenset[str] = frozenset()
        """Languages live speech can speak, as the worker reported them."""
        self.current: tuple[str, str] | None = None
        self.mode: str | None = None
        """'audio' or 'speech' while narrating."""
        self.hung = 0
        """Workers killed for missing a deadline since start."""
        self.sounding = False
        """The worker said the current sound has started and not yet ended."""
        self._process: QProcess | None = None
        self._ready = False
        self._request = 0
        self._expect: tuple[int, str] | None = None
        self._failures = 0
        self._closing = False
        self._lost = False
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._missed_deadline)
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self.start)
        self._buffer = b""
        self._planned = _Planned()
        self._planned.done.connect(self._take_plan)

    # --- life ------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker (asynchronously: QProcess does not wait for it)."""
        if self._process is not None or self.engine == "none" or self._closing:
            return
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "kiosk.ui.media.audio_worker", "--engine", self.engine])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._exited)
        process.errorOccurred.connect(self._process_error)
        self._process, self._ready, self._buffer = process, False, b""
        self._expect = (0, "hello")
        self._deadline.start(int(HELLO_DEADLINE * 1000))
        process.start()

    def shutdown(self) -> None:
        """At exit: close the worker's input (it leaves), kill it if it lingers."""
        self._closing = True
        self._deadline.stop()
        self._restart.stop()
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._exited)
            process.closeWriteChannel()
            if not process.waitForFinished(300):
                process.kill()
                process.waitForFinished(1000)
            process.deleteLater()
        self._planned.wait()

    @property
    def available(self) -> bool:
        """A worker is up and answering."""
        return self._process is not None and self._ready

    # --- what can be heard ---------------------------------------------------------
    def set_exhibit(self, exhibit: Exhibit, hints: dict[str, str] | None = None) -> None:
        """Find this exhibit's recordings on a worker thread; ``availability`` follows."""
        self.media_root = exhibit.media_root
        if self.recordings is not None:
            self._planned.run(exhibit, self.recordings, hints)

    def _take_plan(self, plan: object) -> None:
        if isinstance(plan, NarrationPlan):
            self.plan = plan
            self.availability.emit()

    def can_narrate(self, stop: Stop, lang: str) -> bool:
        if self.plan.for_stop(stop, lang) is not None:
            return True
        return self.available and self._speaks(lang)

    def _speaks(self, lang: str) -> bool:
        """Live speech knows this language (as the last worker said)."""
        return "*" in self.speech or lang in self.speech

    def unavailable(self, stop: Stop, lang: str) -> bool:
        """The stop could be heard, but its engine hung or died and is being replaced."""
        return self._lost and (self.plan.for_stop(stop, lang) is not None or self._speaks(lang))

    # --- following the state ------------------------------------------------------
    def follow(self, exhibit: Exhibit, state: NavState) -> None:
        wanted = None
        if state.visit.narrating and state.screen in (Screen.STOP, Screen.ZOOM):
            wanted = (exhibit.stops[state.stop].id, state.visit.language)
        if wanted == self.current:
            return
        self.stop()
        if wanted is not None:
            stop = exhibit.stops[state.stop]
            self._start(
                self.plan.for_stop(stop, state.visit.language),
                spoken_label(stop, state.visit.language),
                state.visit.language,
                wanted,
            )

    def say_clip(self, clip_id: str, text: str, lang: str) -> None:
        """Speak an alt text or the keypad hint: its recording, else live speech."""
        self.stop()
        self._start(self.plan.recording(clip_id, lang), text, lang, (clip_id, lang))

    def describe(self, exhibit: Exhibit, stop_index: int, image: int, lang: str) -> None:
        stop = exhibit.stops[stop_index]
        self.say_clip(alt_clip_id(stop, image), stop.images[image].alt[lang], lang)

    def hint(self, text: str, lang: str) -> None:
        self.say_clip(HINT_CLIP_ID, text, lang)

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self._send({"cmd": "volume", "value": self.volume})

    def set_slow(self, slow: bool) -> None:
        self.slow = slow

    def stop(self) -> None:
        if self.current is None:
            return
        self.current, self.mode, self.sounding = None, None, False
        self._send_expecting({"cmd": "stop"}, "stopped", STOP_DEADLINE)

    @property
    def playing(self) -> bool:
        return self.current is not None

    def _start(self, recording: Path | None, text: str, lang: str, what: tuple[str, str]) -> None:
        rate = 0.8 if self.slow else 1.0
        if self._lost:  # the engine is being replaced: the button says so; nothing to wait for
            QTimer.singleShot(0, self.finished.emit)
            return
        if recording is not None and self.media_root is not None and recording.is_relative_to(self.media_root):
            checked = resolve_at_open(recording, self.media_root)  # a curator's file: still inside media/?
            if checked is None:
                log.warning("refused %s: it now leads outside the media folder", recording)
            recording = checked
        if recording is not None:
            request = {"cmd": "play", "file": str(recording), "volume": self.volume, "rate": rate}
            self.mode = "audio"
        elif self._speaks(lang):
            request = {"cmd": "say", "text": text, "lang": lang, "volume": self.volume, "rate": rate}
            self.mode = "speech"
        else:
            QTimer.singleShot(0, self.finished.emit)  # nothing to play: the button goes back at once
            return
        if self.engine == "none":
            QTimer.singleShot(0, self.finished.emit)
            return
        if self._process is None:
            self.start()
        self.current = what
        self._send_expecting(request, "started", START_DEADLINE)

    # --- talking to the worker -----------------------------------------------------
    def _send_expecting(self, request: dict[str, object], answer: str, seconds: float) -> None:
        self._request += 1
        request["id"] = self._request
        if self._send(request):
            self._expect = (self._request, answer)
            self._deadline.start(int(seconds * 1000))

    def _send(self, request: dict[str, object]) -> bool:
        process = self._process
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return False
        process.write((json.dumps(request) + "\n").encode("utf-8"))  # buffered by Qt: never blocks
        return True

    def _read(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                self._on_event(json.loads(line))
            except (ValueError, TypeError, KeyError, AttributeError):
                log.warning("audio worker said something unexpected: %r", line[:120])

    def _on_event(self, event: dict[str, object]) -> None:
        kind, ident = event["event"], event.get("id")
        if kind == "hello":
            self._ready, self._failures, self._lost = True, 0, False
            codes = event.get("speech")
            self.speech = frozenset(str(code) for code in codes) if isinstance(codes, list) else frozenset()
            log.info("narration engine ready (%s; live speech in %d languages)", event.get("engine"), len(self.speech))
            if self._expect is not None and self._expect[1] == "hello":
                self._expect = None
                self._deadline.stop()
            self.availability.emit()
            return
        if self._expect is not None and ident == self._expect[0]:
            self._expect = None
            self._deadline.stop()
        if ident != self._request or self.current is None:
            return  # about a sound already stopped
        if kind == "started":
            self.sounding = True
        elif kind == "finished":
            self.current, self.mode = None, None
            self.finished.emit()
        elif kind == "failed":
            log.warning("narration failed: %s", event.get("message"))
            self.current, self.mode = None, None
            self.finished.emit()

    def _missed_deadline(self) -> None:
        what = self._expect[1] if self._expect else "an answer"
        self.hung += 1
        log.error("narration engine did not answer (%s) in time: killing it and starting a new one", what)
        self._lose_worker()

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.error("narration worker could not start")
            self._lose_worker()

    def _exited(self, code: int, status: QProcess.ExitStatus) -> None:
        if not self._closing:
            log.error("narration worker stopped (exit %s); starting a new one", code)
            self._lose_worker()

    def _lose_worker(self) -> None:
        """Kill (never wait), tell the state narration ended, restart after a pause."""
        self._deadline.stop()
        self._expect = None
        process, self._process, self._ready, self._lost = self._process, None, False, True
        if process is not None:
            process.finished.disconnect(self._exited)
            process.errorOccurred.disconnect(self._process_error)
            process.kill()
            process.finished.connect(process.deleteLater)
        was_playing = self.current is not None
        self.current, self.mode, self.sounding = None, None, False
        pause = RESTART_PAUSES[min(self._failures, len(RESTART_PAUSES) - 1)]
        self._failures += 1
        if not self._closing:
            self._restart.start(int(pause * 1000))
        self.availability.emit()
        if was_playing:
            self.finished.emit()


class _Planned(QObject):
    """Finds recordings on a thread; the answer arrives on the GUI thread."""

    done = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._thread: threading.Thread | None = None

    def run(self, exhibit: Exhibit, folder: Path, hints: dict[str, str] | None) -> None:
        def work() -> None:
            try:
                from kiosk.narrate import voices_for

                plan = find_recordings(clips(exhibit, hints), folder, voices_for(exhibit.language_codes))
            except Exception:  # a broken cache must not cost the kiosk its narration thread
                log.exception("looking for recordings failed")
                plan = NarrationPlan({})
            self.done.emit(plan)

        self._thread = threading.Thread(target=work, name="narration-plan", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join(timeout=5)
