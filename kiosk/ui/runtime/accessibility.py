"""What assistive technology (Orca, over AT-SPI) is told about the kiosk.

Qt exposes standard widgets well; our own painted widgets it exposes as
anonymous "fillers". A factory installed here gives them their real roles:
pictures are images named by their alt text, a stop's title is a heading, and
the idle warning is an alert that reports itself as not showing while hidden.
Two more things a screen reader needs are said explicitly:

- announcements (Qt's ``QAccessibleAnnouncementEvent``): a stop's title and
  label when it opens, politely; the idle warning, assertively;
- the language: Qt reports each object's locale from the application's
  default, which follows the visitor's language, so Orca picks a Spanish
  voice for Spanish text.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

_installed: list[bool] = []


class Heading(QLabel):
    """A label that assistive technology reads as a heading (a stop's title)."""


class _Accessible(QAccessibleWidget):
    """A custom widget with its proper role, not showing while hidden."""

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if not widget.isVisible():
            state.invisible = True
        return state


def _roles() -> dict[type, QAccessible.Role]:
    from kiosk.ui.screens.idle_warning import IdleWarning
    from kiosk.ui.screens.zoom import ZoomView
    from kiosk.ui.widgets.image_view import ImageView

    return {
        ImageView: QAccessible.Role.Graphic,
        ZoomView: QAccessible.Role.Graphic,
        Heading: QAccessible.Role.Heading,
        IdleWarning: QAccessible.Role.AlertMessage,
    }


def _factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    for kind, role in _roles().items():
        if isinstance(obj, kind) and isinstance(obj, QWidget):
            return _Accessible(obj, role)
    return None


def install() -> None:
    """Once per process, before the first widget is asked about."""
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have the screen reader say ``text`` now (nothing happens without one)."""
    if not QAccessible.isActive() or not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if assertive else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def set_language(window: QWidget, lang: str) -> None:
    """Every text the window exposes is in ``lang`` from now on."""
    locale = QLocale(lang)
    if QLocale().name() != locale.name():
        QLocale.setDefault(locale)
        window.setLocale(locale)
