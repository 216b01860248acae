"""Looking at a rendered screen the way a careful reviewer would.

Shared by the proof sheet and the tests: visible text that does not fit the
space it was given is a defect a visitor sees.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QScrollArea, QWidget


def inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the space they have.

    Text inside a scroll area may run long: it scrolls, and is not clipped.
    """
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text() or label.width() <= 1:
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1 and not inside_scroll_area(label):
                problems.append(f"label {label.text()[:40]!r} needs {needed}px, has {label.height()}px")
        elif label.fontMetrics().horizontalAdvance(label.text()) > label.width() + 1:
            problems.append(f"label {label.text()[:40]!r} is wider than {label.width()}px")
    for button in root.findChildren(QPushButton):
        shown = button.isVisibleTo(root) and button.text()
        if shown and button.fontMetrics().horizontalAdvance(button.text()) > button.width() - 8:
            problems.append(f"button {button.text()!r} is cut at {button.width()}px")
    return problems


def off_screen(window: QWidget, root: QWidget) -> list[str]:
    """Buttons (outside scroll areas) that stick out of the window."""
    out = []
    for widget in root.findChildren(QAbstractButton):
        if widget.isVisibleTo(root) and not inside_scroll_area(widget):
            rect = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
            if not window.rect().contains(rect):
                out.append(f"{widget.text()!r} at {rect.getRect()}")
    return out
