"""Reading a stop's label aloud: its recording, or a synthetic voice.

The narrator follows the navigation state and never decides anything: when
the state says "narrating" on a stop it plays that stop in the visitor's
language, and stops as soon as the state says otherwise (navigation, a new
language, the idle reset). Qt's mock speech engine is only used when asked
for by name (tests); a kiosk without a real engine simply has no Listen
button on stops without recordings.
"""

from __future__ import annotations

import logging
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

if TYPE_CHECKING:  # loaded on first use: they cost start-up time and most stops never need them
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.core.model import Exhibit, Stop
from kiosk.core.state import NavState, Screen

log = logging.getLogger(__name__)


def real_engines() -> list[str]:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return [name for name in QTextToSpeech.availableEngines() if name != "mock"]


class Narrator(QObject):
    finished = Signal()

    def __init__(self, parent: QObject | None = None, engine: str | None = None, volume: float = 0.8) -> None:
        super().__init__(parent)
        self.volume = volume
        self._engine_name = engine
        self._engine_chosen = engine is not None
        self._tts: QTextToSpeech | None = None
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self.current: tuple[str, str] | None = None
        self.mode: str | None = None
        """'audio' or 'speech' while narrating."""

    # --- what can be done ------------------------------------------------------
    def tts(self) -> QTextToSpeech | None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if not self._engine_chosen:
            self._engine_name, self._engine_chosen = next(iter(real_engines()), None), True
        if self._tts is None and self._engine_name:
            tts = QTextToSpeech(self._engine_name, self)
            if tts.state() == QTextToSpeech.State.Error:
                log.warning("text-to-speech engine %s is not working: %s", self._engine_name, tts.errorString())
                self._engine_name = None
                return None
            tts.stateChanged.connect(self._tts_state)
            self._tts = tts
        return self._tts

    def can_narrate(self, stop: Stop, lang: str) -> bool:
        return stop.audio_for(lang) is not None or self._speaks(lang)

    def _speaks(self, lang: str) -> bool:
        tts = self.tts()
        if tts is None:
            return False
        if self._engine_name == "mock":  # Qt's test engine speaks every language
            return True
        return any(locale.name().startswith(lang) for locale in tts.availableLocales())

    # --- following the state ------------------------------------------------------
    def follow(self, exhibit: Exhibit, state: NavState) -> None:
        wanted = None
        if state.visit.narrating and state.screen in (Screen.STOP, Screen.ZOOM):
            wanted = (exhibit.stops[state.stop].id, state.visit.language)
        if wanted == self.current:
            return
        self.stop()
        if wanted is not None:
            self._start(exhibit.stops[state.stop], state.visit.language)

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        if self._output is not None:
            self._output.setVolume(self.volume)
        if self._tts is not None:
            self._tts.setVolume(self.volume)

    def stop(self) -> None:
        self.current, self.mode = None, None
        if self._player is not None:
            self._player.stop()
        if self._tts is not None and self._tts.state() != type(self._tts).State.Ready:
            self._tts.stop()

    @property
    def playing(self) -> bool:
        return self.current is not None

    def _start(self, stop: Stop, lang: str) -> None:
        self.current = (stop.id, lang)
        audio = stop.audio_for(lang)
        if audio is not None and self._play_file(audio):
            self.mode = "audio"
            return
        tts = self.tts()
        if tts is None:
            self.current = None
            self.finished.emit()
            return
        self.mode = "speech"
        for locale in tts.availableLocales():
            if locale.name().startswith(lang):
                tts.setLocale(locale)
                break
        tts.setVolume(self.volume)
        tts.say(" ".join(stop.narration[lang]))

    def _play_file(self, path: Path) -> bool:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        if self._player is None:
            self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._player.setAudioOutput(self._output)
            self._player.mediaStatusChanged.connect(self._media_status)
            self._player.errorOccurred.connect(self._media_error)
        self._output.setVolume(self.volume)
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()
        return True

    def _media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == type(self._player).MediaStatus.EndOfMedia and self.mode == "audio":
            self.current, self.mode = None, None
            self.finished.emit()

    def _media_error(self, error: QMediaPlayer.Error, message: str) -> None:
        log.warning("narration audio failed (%s): %s", error, message)
        if self.mode == "audio":
            self.current, self.mode = None, None
            self.finished.emit()

    def _tts_state(self, state: QTextToSpeech.State) -> None:
        if state == type(self._tts).State.Ready and self.mode == "speech":
            self.current, self.mode = None, None
            self.finished.emit()
