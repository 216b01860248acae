"""The process that owns every sound engine, so none can freeze the interface.

    python -m kiosk.ui.media.audio_worker [--engine auto|espeak|speechd|mock|none]

A speech engine or an audio server can hang inside a call (speech-dispatcher's
``stop()`` does, the second time round), and a call that hangs on the GUI
thread freezes the kiosk. Here it can only hang this process: the kiosk
notices that an answer is late, kills us and starts another.

The kiosk writes one JSON request per line on our stdin, and we answer with
one JSON event per line on stdout:

    {"cmd": "play", "id": 7, "file": "/…/x.ogg", "volume": 0.8, "rate": 1.0}
    {"cmd": "say", "id": 8, "text": "…", "lang": "es", "volume": 0.8, "rate": 1.0}
    {"cmd": "stop", "id": 9}          {"cmd": "volume", "value": 0.5}
    -> {"event": "hello", "speech": ["en", "es"]}   (the languages live speech can speak)
    -> {"event": "started" | "finished" | "stopped", "id": 7}
    -> {"event": "failed", "id": 7, "message": "…"}

Live speech with espeak-ng renders the words to a file (in a subprocess with
a timeout) and plays it like a recording; Qt's text-to-speech engines are
used only when espeak-ng is absent or a test names one. End of input means
the kiosk has gone: we go too.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

log = logging.getLogger("kiosk.audio_worker")

SLOW_RATE = 0.8
"""Playback rate of a recording when the visitor asks for slower speech."""


class Lines(QObject):
    """Reads stdin on a thread and hands each line to the Qt thread."""

    line = Signal(str)
    ended = Signal()

    def start(self) -> None:
        threading.Thread(target=self._read, name="stdin", daemon=True).start()

    def _read(self) -> None:
        for raw in sys.stdin:
            self.line.emit(raw)
        self.ended.emit()


def send(**event: Any) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


class Worker(QObject):
    def __init__(self, engine: str) -> None:
        super().__init__()
        self.engine = _resolve(engine)
        self.current: int | None = None
        self.volume = 0.8
        self.output = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self.output)
        self.player.mediaStatusChanged.connect(self._media_status)
        self.player.playbackStateChanged.connect(self._playback_state)
        self.player.errorOccurred.connect(self._media_error)
        self.scratch = Path(tempfile.mkdtemp(prefix="kiosk-speech-"))
        self._tts: Any = None
        self._spoken: int | None = None

    # --- requests ---------------------------------------------------------------
    def handle(self, raw: str) -> None:
        try:
            request = json.loads(raw)
            command = request["cmd"]
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a request that is not JSON: %r", raw[:80])
            return
        if command == "play":
            self._play(
                int(request["id"]),
                Path(request["file"]),
                float(request.get("volume", self.volume)),
                float(request.get("rate", 1.0)),
            )
        elif command == "say":
            self._say(
                int(request["id"]),
                str(request["text"]),
                str(request["lang"]),
                float(request.get("volume", self.volume)),
                float(request.get("rate", 1.0)),
            )
        elif command == "stop":
            self._stop()
            send(event="stopped", id=request.get("id"))
        elif command == "volume":
            self.volume = max(0.0, min(1.0, float(request["value"])))
            self.output.setVolume(self.volume)
            if self._tts is not None:
                self._tts.setVolume(self.volume)

    def hello(self) -> None:
        send(event="hello", engine=self.engine, speech=self.speech_languages())

    def speech_languages(self) -> list[str]:
        if self.engine == "espeak":
            from kiosk.narrate import espeak_voices

            codes = {name.split("-")[0] for name in espeak_voices()}
            return sorted(code for code in codes if 2 <= len(code) <= 3 and code != "mb")
        if self.engine == "mock":
            return ["*"]
        tts = self.tts()
        return sorted({locale.name().split("_")[0] for locale in tts.availableLocales()}) if tts else []

    def _play(self, ident: int, path: Path, volume: float, rate: float) -> None:
        self._stop()
        self.current, self.volume = ident, volume
        self.output.setVolume(volume)
        self.player.setPlaybackRate(rate)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()

    def _say(self, ident: int, text: str, lang: str, volume: float, rate: float) -> None:
        self._stop()
        self.current = ident
        if self.engine == "espeak":
            from kiosk.narrate import NarrateError, choose_voice, record

            voice = choose_voice(lang)
            if voice is None:
                send(event="failed", id=ident, message=f"no voice speaks {lang}")
                return
            try:
                made = record(text, voice, self.scratch / f"{ident}.wav", timeout=20, words_per_minute=int(150 * rate))
            except NarrateError as error:
                send(event="failed", id=ident, message=str(error))
                return
            if self.current == ident:  # not stopped meanwhile
                self._play(ident, made, volume, 1.0)
            return
        tts = self.tts()
        if tts is None:
            send(event="failed", id=ident, message="no speech engine")
            return
        for locale in tts.availableLocales():
            if locale.name().startswith(lang):
                tts.setLocale(locale)
                break
        tts.setVolume(volume)
        tts.setRate(-0.3 if rate < 1.0 else 0.0)
        self._spoken = ident
        tts.say(text)

    def _stop(self) -> None:
        self.current, self._spoken = None, None
        self.player.stop()
        if self._tts is not None and self._tts.state() != type(self._tts).State.Ready:
            self._tts.stop()  # may hang (speech-dispatcher): the kiosk will notice and kill us

    def tts(self) -> Any:
        if self._tts is None and self.engine not in ("espeak", "none"):
            from PySide6.QtTextToSpeech import QTextToSpeech

            tts = QTextToSpeech(self.engine, self)
            if tts.state() == QTextToSpeech.State.Error:
                log.warning("speech engine %s is not working: %s", self.engine, tts.errorString())
                self.engine = "none"
                return None
            tts.stateChanged.connect(self._tts_state)
            self._tts = tts
        return self._tts

    # --- what the engines say -----------------------------------------------------
    def _playback_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.PlayingState and self.current is not None:
            send(event="started", id=self.current)

    def _media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self.current is not None:
            ident, self.current = self.current, None
            send(event="finished", id=ident)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and self.current is not None:
            ident, self.current = self.current, None
            send(event="failed", id=ident, message="the recording cannot be played")

    def _media_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if self.current is not None:
            ident, self.current = self.current, None
            send(event="failed", id=ident, message=message or str(error))

    def _tts_state(self, state: Any) -> None:
        kind = type(self._tts).State
        if state == kind.Speaking and self._spoken is not None:
            send(event="started", id=self._spoken)
        elif state == kind.Ready and self._spoken is not None:
            ident, self._spoken, self.current = self._spoken, None, None
            send(event="finished", id=ident)
        elif state == kind.Error and self._spoken is not None:
            ident, self._spoken, self.current = self._spoken, None, None
            send(event="failed", id=ident, message=self._tts.errorString())

    def close(self) -> None:
        self.player.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _resolve(engine: str) -> str:
    if engine != "auto":
        return engine
    if shutil.which("espeak-ng"):
        return "espeak"
    from PySide6.QtTextToSpeech import QTextToSpeech

    return next((name for name in QTextToSpeech.availableEngines() if name != "mock"), "none")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk.ui.media.audio_worker")
    parser.add_argument("--engine", default="auto")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="audio worker: %(levelname)s %(message)s")
    app = QCoreApplication(sys.argv[:1])
    worker = Worker(args.engine)
    lines = Lines()
    lines.line.connect(worker.handle)
    lines.ended.connect(app.quit)
    lines.start()
    QTimer.singleShot(0, worker.hello)
    code = app.exec()
    worker.close()
    return code


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.SubprocessError:  # pragma: no cover - reported by the kiosk as a dead worker
        sys.exit(1)
