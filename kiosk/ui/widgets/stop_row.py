"""One stop in the home timeline: its date above its title, wrapped."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.ui.style.look import Look


class StopRow(QAbstractButton):
    """One stop in the home timeline: its date above its title, wrapped."""

    def __init__(self, date: str, title: str, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height: tuple[tuple[object, ...], int] | None = None
        self.restyle(date, title, look)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a finger should not leave a focus ring
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def restyle(self, date: str, title: str, look: Look) -> None:
        """New words or look for the same row: a language or text size changes every
        row of the home list at once, and on a long exhibit making them anew would
        hold the screen still for seconds."""
        self.date, self.title, self.look = date, title, look
        self.setText(f"{date}. {title}")
        self.setAccessibleName(f"{date}. {title}")
        self.update()

    def _pad(self) -> int:
        return self.look.px(22)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Kept for the last width, words and look asked: layouts ask again and again."""
        key = (width, self.title, self.look)
        if self._height is None or self._height[0] != key:
            self._height = (key, self._measure(width))
        return self._height[1]

    def _measure(self, width: int) -> int:
        inner = max(1, width - 2 * self._pad())
        date_h = QFontMetrics(self.look.font("date", QFont.Weight.Bold)).height()
        title = QFontMetrics(self.look.font("body", QFont.Weight.DemiBold)).boundingRect(
            0, 0, inner, 10_000, int(Qt.TextFlag.TextWordWrap), self.title
        )
        return max(self.look.target, date_h + title.height() + 2 * self._pad() + self.look.px(6))

    def sizeHint(self) -> QSize:
        width = max(self.width(), self.look.px(500))
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        t, pad = self.look.theme, self._pad()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        down = self.isDown()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.pressed if down else t.surface))
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(0, self.look.px(4), 0, -self.look.px(4)), self.look.px(14), self.look.px(14)
        )
        if self.hasFocus():
            painter.setPen(QPen(QColor(t.focus), self.look.px(5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(3, 6, -3, -6), self.look.px(14), self.look.px(14))
        inner = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        painter.setFont(self.look.font("date", QFont.Weight.Bold))
        painter.setPen(QColor(t.pressed_text if down else t.accent))
        date_h = painter.fontMetrics().height()
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), self.date)
        painter.setFont(self.look.font("body", QFont.Weight.DemiBold))
        painter.setPen(QColor(t.pressed_text if down else t.text))
        painter.drawText(
            inner.adjusted(0, date_h + self.look.px(6), 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.title,
        )
        painter.end()
