"""The one QApplication, made on first use, typed as a QApplication."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The running QApplication, or a new one (argv's program name only)."""
    app = QApplication.instance()
    if app is None:
        return QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):  # a QCoreApplication cannot show windows
        raise RuntimeError("a QApplication is needed, not a QCoreApplication")
    return app
