"""The idle warning: a countdown laid over whatever the visitor was looking at."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHideEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.core.strings import tr
from kiosk.ui.style.look import Look


class IdleWarning(QWidget):
    """Covers the window and swallows the touch that dismisses it.

    The touch itself reaches the machine through the input watcher (as
    activity); the overlay only makes sure it does not also press a button.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.look: Look | None = None
        self.seconds = 0
        self._focus_before: QWidget | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def show_countdown(self, seconds: int, look: Look) -> None:
        appearing = not self.isVisible()
        self.seconds, self.look = seconds, look
        words = f"{tr(look.lang, 'still_there')} {seconds}. {tr(look.lang, 'still_there_keys')}"
        self.setAccessibleName(words)
        self.setGeometry(self.window().rect())
        self.raise_()
        self.show()
        self.update()
        if appearing:
            from kiosk.ui.runtime.accessibility import announce

            # The focus leaves the covered control (a screen reader would stay there), and
            # the warning is said at once, over whatever was being read.
            self._focus_before = self.window().focusWidget()
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            announce(self, words, assertive=True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        before, self._focus_before = self._focus_before, None
        if before is not None and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.look is None:
            return
        look, t = self.look, self.look.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 170))
        card = QRectF(0, 0, min(self.width() - look.px(80), look.px(980)), look.px(520))
        card.moveCenter(QRectF(self.rect()).center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.overlay))
        painter.drawRoundedRect(card, look.px(28), look.px(28))
        inner = card.adjusted(look.px(48), look.px(44), -look.px(48), -look.px(44))
        centre = Qt.AlignmentFlag.AlignHCenter
        painter.setPen(QColor(t.text))
        painter.setFont(look.font("title", QFont.Weight.ExtraBold))
        painter.drawText(
            inner, int(centre | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), tr(look.lang, "still_there")
        )
        painter.setPen(QColor(t.accent))
        painter.setFont(look.font("display", QFont.Weight.Black))
        painter.drawText(inner, int(centre | Qt.AlignmentFlag.AlignVCenter), str(self.seconds))
        painter.setPen(QColor(t.text))
        painter.setFont(look.font("body"))
        painter.drawText(
            inner,
            int(centre | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
            tr(look.lang, "still_there_keys"),
        )
        painter.end()
