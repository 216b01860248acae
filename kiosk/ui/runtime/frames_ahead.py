"""The stops either side of the one on screen, drawn before a finger asks.

A tap on Next used to wait, before its first frame, for the new stop to be
set up, laid out and painted (11 to 30 ms under X, measured from outside by
``python -m kiosk.bench.external``). A visitor at rest on a stop gives the
kiosk hundreds of milliseconds, so once a stop stands still the neighbours
are drawn, one per turn of the event loop, by a spare stop screen that never
shows. The slide moves the old stop away over the new one, which stands
still; so Next or Previous can paint its first frame at once: the old stop
moved a step, and the edge of the new one it uncovers, from that picture.
The real stop screen is set up under them, matches the picture pixel for
pixel (tested) and shows wherever the picture does not reach, from the second
frame on. Only the edge uncovered first is kept (``EDGE``): a fifth of the
screen for each neighbour, 3.3 MB at 1080p rather than 16.

A tap elsewhere (a stop of the strip, a row of the home screen) cannot be
foreseen, but its finger comes down 30 to 100 ms before it lifts: the stop
under it is drawn then (``draw_now``; the whole stop for the home screen,
which fades rather than slides) and kept until the next stop shows.

A picture is kept only when every image in it was already decoded at its
final size, so it never shows a stop half-loaded; it is thrown away when the
visit changes in any way that shows (language, text size, contrast,
narration), and with the window's size.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.core.model import Exhibit
from kiosk.core.state import NavState, Screen
from kiosk.ui.style.look import Look

if TYPE_CHECKING:
    from kiosk.ui.screens.stop import StopScreen

log = logging.getLogger(__name__)

DRAW_AFTER_MS = 320
"""After the stop's own slide (250 ms) has ended: never a frame of it late."""
RETRY_MS = 100
"""A neighbour whose pictures are still decoding is tried again this much later."""
TRIES = 30
AIM_RETRY_MS = 8
"""While a finger is down on a stop whose pictures are still decoding, how often to look again."""
AIM_TRIES = 40
EDGE = 0.2
"""The share of the screen's width drawn ahead: more than the first frame of
the slide uncovers (18.0 % at 16 ms of a 250 ms ease-out; tested)."""


@dataclasses.dataclass(frozen=True)
class Frame:
    state: NavState
    look: Look
    size: tuple[int, int]
    picture: QImage
    """The edge uncovered first (the right of a stop further on, the left of one before),
    or the whole stop for a fade from the home screen."""


class FramesAhead(QObject):
    """Pictures of the next and previous stop, and of the stop under a finger, ready
    for the first frame of the way there."""

    def __init__(
        self,
        make_spare: Callable[[], StopScreen],
        busy: Callable[[], bool],
        image_format: Callable[[], QImage.Format],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_spare = make_spare
        self._busy = busy
        """The window is in a transition: drawing now would cost one of its frames."""
        self._image_format = image_format
        self._spare: StopScreen | None = None
        self._exhibit: Exhibit | None = None
        self._frames: dict[NavState, Frame] = {}
        self._wanted: list[tuple[NavState, Look, tuple[int, int], int]] = []
        """Neighbours still to draw, each with its side (+1 the next stop, -1 the previous)."""
        self._tries = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._draw_next)
        self._aim: tuple[NavState, Look, tuple[int, int], int] | None = None
        self._aim_tries = 0
        self._aim_timer = QTimer(self)
        self._aim_timer.setInterval(AIM_RETRY_MS)
        self._aim_timer.timeout.connect(self._draw_aim)
        self._shown: tuple[NavState, Look, tuple[int, int]] | None = None
        """What the spare screen was last set up to show."""
        self.drawn = 0
        """Pictures drawn so far (the bench and the tests read it)."""

    def plan(self, exhibit: Exhibit, state: NavState, look: Look, size: tuple[int, int]) -> None:
        """The window shows ``state``: want its neighbours, forget anything else."""
        self._aim = None
        self._aim_timer.stop()
        if exhibit is not self._exhibit:
            self._exhibit, self._frames, self._shown = exhibit, {}, None
        if state.screen is not Screen.STOP or state.warning:
            self._wanted = []
            self._timer.stop()
            if state.screen is not Screen.STOP:
                self._frames = {}  # no stop on screen: none of its neighbours kept
            return
        sides = {
            dataclasses.replace(state, stop=state.stop + side, image=0): side
            for side in (+1, -1)
            if 0 <= state.stop + side < len(exhibit.stops)
        }
        self._frames = {s: f for s, f in self._frames.items() if s in sides and (f.look, f.size) == (look, size)}
        self._wanted = [(s, look, size, side) for s, side in sides.items() if s not in self._frames]
        self._tries = 0
        if self._wanted:
            self._timer.start(DRAW_AFTER_MS)
        else:
            self._timer.stop()

    def draw_now(self, exhibit: Exhibit, state: NavState, look: Look, size: tuple[int, int], side: int) -> None:
        """Draw ``state``'s edge at once (a finger is down on it; the lift comes in
        some 30 to 100 ms): kept until the next stop shows. A stop whose pictures
        are still decoding (asked for by this very drawing) is looked at again
        every few milliseconds while the finger stays down."""
        if state in self._frames or exhibit is not self._exhibit:
            return
        self._aim, self._aim_tries = (state, look, size, side), 0
        self._draw_aim()

    def _draw_aim(self) -> None:
        if self._aim is None or self._exhibit is None:
            self._aim_timer.stop()
            return
        state, look, size, side = self._aim
        again = self._aim_tries > 0
        picture = self._draw(self._exhibit, state, look, size, side, again)
        self._aim_tries += 1
        if picture is not None:
            self._frames[state] = Frame(state, look, size, picture)
            self.drawn += 1
        if picture is not None or self._aim_tries >= AIM_TRIES:
            self._aim = None
            self._aim_timer.stop()
        elif not self._aim_timer.isActive():
            self._aim_timer.start()

    def frame_for(self, state: NavState, look: Look, size: tuple[int, int], whole: bool = False) -> QImage | None:
        """The picture of ``state`` as the window would show it now, if one is ready:
        its edge for a slide, or with ``whole`` the whole screen for a fade."""
        frame = self._frames.get(state)
        if frame is None or (frame.look, frame.size) != (look, size):
            return None
        return frame.picture if (frame.picture.width() == size[0]) == whole else None

    def pending(self) -> bool:
        """Neighbours are still to be drawn (the bench waits for them, as a visitor would)."""
        return bool(self._wanted)

    def forget(self) -> None:
        self._frames, self._wanted, self._aim, self._shown = {}, [], None, None
        self._timer.stop()
        self._aim_timer.stop()

    def _draw_next(self) -> None:
        if not self._wanted or self._exhibit is None:
            return
        if self._busy():
            self._timer.start(RETRY_MS)
            return
        state, look, size, side = self._wanted[0]
        picture = self._draw(self._exhibit, state, look, size, side)
        if picture is None:
            self._tries += 1
            if self._tries < TRIES:
                self._timer.start(RETRY_MS)
            else:
                log.debug("stop %d was not drawn ahead: its pictures never came", state.stop)
                self._wanted.pop(0)
                self._tries = 0
                if self._wanted:
                    self._timer.start(0)
            return
        self._frames[state] = Frame(state, look, size, picture)
        self.drawn += 1
        self._wanted.pop(0)
        self._tries = 0
        if self._wanted:
            self._timer.start(0)  # the other neighbour at the next turn, not in this one

    def _draw(
        self, exhibit: Exhibit, state: NavState, look: Look, size: tuple[int, int], side: int, again: bool = False
    ) -> QImage | None:
        """The edge of ``state``'s screen uncovered first (``side`` +1, the next stop: its
        right; -1 its left); with ``side`` 0 the whole screen (a fade shows it all at once)."""
        spare = self._spare_screen()
        if not again or self._shown != (state, look, size):  # again: only its pictures can have changed
            spare.resize(*size)
            spare.show_state(exhibit, state, look)
            self._shown = (state, look, size)
        settle(spare)
        if not spare.pictures_ready():
            return None
        width, height = size
        edge = edge_width(width) if side else width
        picture = QImage(edge, height, self._image_format())
        picture.fill(QColor(look.theme.background))
        painter = QPainter(picture)
        left = width - edge if side > 0 else 0
        spare.render(painter, QPoint(0, 0), QRegion(left, 0, edge, height), QWidget.RenderFlag.DrawChildren)
        painter.end()
        spare.let_go()  # between drawings it holds no pictures (a long exhibit's strip is megabytes)
        self._shown = None
        return picture

    def _spare_screen(self) -> StopScreen:
        if self._spare is None:
            self._spare = self._make_spare()
        return self._spare


def edge_width(width: int) -> int:
    return -(-width * int(EDGE * 100) // 100)


def settle(widget: QWidget, rounds: int = 5) -> None:
    """Lay out a widget that is never shown, the way showing it would.

    A hidden widget's children are resized without being told (Qt holds the
    resize events until they show), so a scroll area would not know it needs
    its scroll bar and a label would wrap to the wrong width. Rendering one
    pixel delivers those events; the layouts they change are redone, a few
    rounds, until the widget stands as a shown one would (a scroll area decides
    on its scroll bar in a queued call, delivered here too)."""
    scratch = QImage(1, 1, QImage.Format.Format_RGB32)
    for _ in range(rounds):
        widget.ensurePolished()
        for each in (widget, *widget.findChildren(QWidget)):
            QCoreApplication.sendPostedEvents(each, 0)  # a scroll area shows its bar by a queued call
            layout = each.layout()
            if layout is not None:
                layout.activate()
        painter = QPainter(scratch)
        widget.render(painter, QPoint(0, 0), QRegion(0, 0, 1, 1), QWidget.RenderFlag.DrawChildren)
        painter.end()
