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
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

_installed: list[bool] = []


class Heading(QLabel):
    """A label that assistive technology reads as a heading (a stop's title)."""


def _hidden(widget: QWidget) -> bool:
    """Not on the glass for a sighted visitor: hidden, scrolled out of view, or under
    the idle warning (which has the focus and is announced instead)."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return True
    warning = getattr(widget.window(), "_warning", None)
    return warning is not None and warning.isVisible() and widget is not warning


class _Accessible(QAccessibleWidget):
    """A custom widget with its proper role, not showing while hidden."""

    def state(self) -> QAccessible.State:
        state = super().state()
        if _hidden(self.widget()):
            state.invisible = True
        return state


class _Control(QAccessibleWidget):
    """A touch button or stop row as Qt's own button interface presents it (name,
    pressable, checkable), but not reported as showing when it cannot be seen."""

    def __init__(self, widget: QAbstractButton) -> None:
        role = QAccessible.Role.CheckBox if widget.isCheckable() else QAccessible.Role.Button
        super().__init__(widget, role)
        self.button = widget

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.button.accessibleName() or self.button.text()
        return str(super().text(kind))

    def state(self) -> QAccessible.State:
        state = super().state()
        if self.button.isCheckable():
            state.checkable = True
            state.checked = self.button.isChecked()
        if _hidden(self.button):
            state.invisible = True
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleWidget.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleWidget.pressAction():
            self.button.click()
        else:
            super().doAction(name)


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
    from kiosk.ui.widgets.buttons import TouchButton
    from kiosk.ui.widgets.stop_row import StopRow
    from kiosk.ui.widgets.timeline_strip import StripPlace

    if isinstance(obj, TouchButton | StopRow | StripPlace):
        return _Control(obj)
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
