"""Plays one film clip or recording with QtMultimedia, for the media panel.

QMediaPlayer decodes and outputs on its own threads; the GUI thread only
asks (play, pause, seek) and hears back (frames, position, errors). Two
things keep a bad device or file from reaching the visitor's screen:

- no audio output exists until the visitor asks for sound (films start
  muted, as museums run them), so a silent clip never touches the sound
  device, and a muted one is let go of it;
- the player is made for a clip when it is first played, not when a stop
  opens, and dropped when the clip leaves the screen, so an idle kiosk holds
  no decoder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage

if TYPE_CHECKING:  # QtMultimedia is loaded when a clip is first played, not with the kiosk
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

log = logging.getLogger(__name__)


class ClipPlayer(QObject):
    frame = Signal(QImage)
    """A new video frame, as an image ready to paint."""
    moved = Signal(float)
    """The position, in seconds, as the clip plays or is moved."""
    changed = Signal()
    """Playing, paused, ended, failed or the sound switched: redraw the controls."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.video = False
        self.player: QMediaPlayer | None = None
        self.sink: QVideoSink | None = None
        self.output: QAudioOutput | None = None
        self.sound = False
        self.broken = ""
        """Why the clip cannot play ('' when it can)."""
        self.duration = 0.0
        self.position = 0.0

    # --- what the panel asks ------------------------------------------------------
    def load(self, path: Path, video: bool, sound: bool) -> None:
        """The clip on screen now; nothing is opened until it is played."""
        self.release()
        self.path, self.video, self.sound, self.broken = path, video, sound, ""
        self.duration = self.position = 0.0
        self.changed.emit()

    @property
    def playing(self) -> bool:
        if self.player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.path is None or self.broken:
            return
        player = self.player or self._make()
        if player.mediaStatus() == player.MediaStatus.EndOfMedia:
            player.setPosition(0)
        player.play()

    def pause(self) -> None:
        if self.player is not None:
            self.player.pause()

    def seek(self, seconds: float) -> None:
        """Move to ``seconds`` (clamped to the clip); plays from there if playing."""
        if self.player is None:
            if self.path is None or self.broken:
                return
            self._make()
        target = max(0.0, min(seconds, self.duration or seconds))
        assert self.player is not None
        self.player.setPosition(int(target * 1000))
        self.position = target
        self.moved.emit(target)

    def set_sound(self, on: bool) -> None:
        """Sound is off until the visitor asks; the audio output exists only while it is on."""
        self.sound = on
        if self.player is not None:
            self._route_sound(self.player)
        self.changed.emit()

    def release(self) -> None:
        """Stop and let go of the decoder and the sound device."""
        if self.player is not None:
            self.player.stop()
            self.player.setVideoSink(None)  # type: ignore[arg-type]  # None detaches (Qt docs)
            self.player.setAudioOutput(None)  # type: ignore[arg-type]
            self.player.deleteLater()
        if self.sink is not None:
            self.sink.deleteLater()
        if self.output is not None:
            self.output.deleteLater()
        self.player = self.sink = self.output = None
        self.changed.emit()

    # --- inside -------------------------------------------------------------------
    def _make(self) -> QMediaPlayer:
        from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

        assert self.path is not None
        player = self.player = QMediaPlayer(self)
        player.errorOccurred.connect(self._error)
        player.mediaStatusChanged.connect(self._status)
        player.playbackStateChanged.connect(lambda _state: self.changed.emit())
        player.positionChanged.connect(self._position)
        player.durationChanged.connect(self._duration)
        if self.video:
            self.sink = QVideoSink(self)
            self.sink.videoFrameChanged.connect(self._frame)
            player.setVideoSink(self.sink)
        self._route_sound(player)
        player.setSource(QUrl.fromLocalFile(str(self.path)))
        return player

    def _route_sound(self, player: QMediaPlayer) -> None:
        if self.sound and self.output is None:
            from PySide6.QtMultimedia import QAudioOutput

            self.output = QAudioOutput(self)
            player.setAudioOutput(self.output)
        elif not self.sound and self.output is not None:
            player.setAudioOutput(None)  # type: ignore[arg-type]  # None detaches: no sound device held
            self.output.deleteLater()
            self.output = None

    def _frame(self, frame: QVideoFrame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.frame.emit(image)

    def _position(self, millis: int) -> None:
        self.position = millis / 1000
        self.moved.emit(self.position)

    def _duration(self, millis: int) -> None:
        self.duration = millis / 1000
        self.changed.emit()

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == status.InvalidMedia:
            self._fail("the file cannot be decoded")
        elif status == status.EndOfMedia:
            self.changed.emit()

    def _error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != error.NoError:
            self._fail(message or error.name)

    def _fail(self, why: str) -> None:
        if not self.broken:
            log.warning("cannot play %s: %s", self.path, why)
            self.broken = why
            self.changed.emit()
