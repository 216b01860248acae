"""Plays one film clip or recording with QtMultimedia, for the media panel.

QMediaPlayer decodes and outputs on its own threads; the GUI thread only
asks (play, pause, seek) and hears back (frames, position, errors). Two
things keep a bad device or file from reaching the visitor's screen:

- no audio output exists until the visitor asks for sound (films start
  muted, as museums run them), so a silent clip never touches the sound
  device;
- the player is made when a clip is first played, not when a stop opens,
  and the clip's file is closed when it leaves the screen, so an idle kiosk
  holds no decoder.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage

if TYPE_CHECKING:  # QtMultimedia is loaded when a clip is first played, not with the kiosk
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

log = logging.getLogger(__name__)


class _Backend:
    """The process's one QMediaPlayer, video sink and (once sound is asked for)
    audio output: made at the first Play and never destroyed while the kiosk runs.

    Qt's FFmpeg backend deletes helper objects on its own threads; when one of
    them belongs to an object made from Python, PySide needs Python's lock to
    tell it, and a GUI thread that holds that lock while it waits for a Qt lock
    (as it does making a new player) never gets it back. The tests caught a
    kiosk frozen that way after clips were opened and closed; one player for
    the process's life leaves no player to make or tear down while clips come
    and go."""

    player: QMediaPlayer | None = None
    sink: QVideoSink | None = None
    output: QAudioOutput | None = None
    owner: ClipPlayer | None = None

    @classmethod
    def get(cls, owner: ClipPlayer) -> QMediaPlayer:
        from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

        if cls.player is None or cls.sink is None:
            cls.player, cls.sink = QMediaPlayer(), QVideoSink()
            cls.player.setVideoSink(cls.sink)
        if cls.owner is not owner:
            if cls.owner is not None:
                cls.owner._disown()
            cls.owner = owner
            owner._adopt(cls.player, cls.sink)
            owner.destroyed.connect(cls._orphaned)
        return cls.player

    @classmethod
    def _orphaned(cls) -> None:
        """The clip player driving the player went with its window: stop its
        clip, and let the next one take the player without asking the gone one."""
        if cls.player is not None:
            cls.player.stop()
            cls.player.setSource(QUrl())
        cls.owner = None


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
        """Made at the first Play and kept: a player torn down while its decoder
        threads wind down can deadlock Python's lock against Qt's (seen in the
        tests), so clips come and go by source, not by player."""
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
    def loaded(self) -> bool:
        """Whether a file is open in the decoder now."""
        return self.player is not None and not self.player.source().isEmpty()

    @property
    def playing(self) -> bool:
        if self.player is None:
            return False
        return self.player.playbackState() == self.player.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.path is None or self.broken:
            return
        player = self._open()
        if player.mediaStatus() == player.MediaStatus.EndOfMedia:
            player.setPosition(0)
        player.play()

    def pause(self) -> None:
        if self.player is not None:
            self.player.pause()

    def seek(self, seconds: float) -> None:
        """Move to ``seconds`` (clamped to the clip); plays from there if playing."""
        if self.path is None or self.broken:
            return
        player = self._open()
        target = max(0.0, min(seconds, self.duration or seconds))
        player.setPosition(int(target * 1000))
        self.position = target
        self.moved.emit(target)

    def set_sound(self, on: bool) -> None:
        """Sound is off until the visitor asks: until then no audio output exists at all."""
        self.sound = on
        if self.player is not None:
            self._route_sound(self.player)
        self.changed.emit()

    def release(self) -> None:
        """Stop, and close the file: the decoder and its memory go with it."""
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.changed.emit()

    # --- inside -------------------------------------------------------------------
    def _open(self) -> QMediaPlayer:
        """The player, with this clip's file open in it."""
        assert self.path is not None
        player = self._make()
        wanted = QUrl.fromLocalFile(str(self.path))
        self._route_sound(player)
        if player.source() != wanted:
            player.setSource(wanted)
        return player

    def _make(self) -> QMediaPlayer:
        return _Backend.get(self)

    def _adopt(self, player: QMediaPlayer, sink: QVideoSink) -> None:
        """This clip player now drives the process's player: hear what it says."""
        self.player, self.sink = player, sink
        player.errorOccurred.connect(self._error)
        player.mediaStatusChanged.connect(self._status)
        player.playbackStateChanged.connect(self._state)
        player.positionChanged.connect(self._position)
        player.durationChanged.connect(self._duration)
        sink.videoFrameChanged.connect(self._frame)

    def _disown(self) -> None:
        """Another clip player (another window) took the process's player over."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.destroyed.disconnect(_Backend._orphaned)
        if self.player is not None and self.sink is not None:
            for signal, slot in (  # a window already closed has lost these connections with it
                (self.player.errorOccurred, self._error),
                (self.player.mediaStatusChanged, self._status),
                (self.player.playbackStateChanged, self._state),
                (self.player.positionChanged, self._position),
                (self.player.durationChanged, self._duration),
                (self.sink.videoFrameChanged, self._frame),
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
            self.player.stop()
            self.player.setSource(QUrl())
        self.player = self.sink = None

    def _route_sound(self, player: QMediaPlayer) -> None:
        if self.sound and _Backend.output is None:
            from PySide6.QtMultimedia import QAudioOutput

            _Backend.output = QAudioOutput()
            player.setAudioOutput(_Backend.output)
        self.output = _Backend.output
        if self.output is not None:
            self.output.setMuted(not self.sound)

    def _frame(self, frame: QVideoFrame) -> None:
        if not self.video or not self.loaded:
            return
        image = frame.toImage()
        if not image.isNull():
            self.frame.emit(image)

    def _state(self, _state: object) -> None:
        self.changed.emit()

    def _position(self, millis: int) -> None:
        if self.loaded:
            self.position = millis / 1000
            self.moved.emit(self.position)

    def _duration(self, millis: int) -> None:
        self.duration = millis / 1000
        self.changed.emit()

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == status.InvalidMedia and self.loaded:
            self._fail("the file cannot be decoded")
        elif status == status.EndOfMedia:
            self.changed.emit()

    def _error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != error.NoError and self.loaded:
            self._fail(message or error.name)

    def _fail(self, why: str) -> None:
        if not self.broken:
            log.warning("cannot play %s: %s", self.path, why)
            self.broken = why
            self.changed.emit()
