"""Guard against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 on Python 3.11 releases a reference to None on each call of a
method returning void; a kiosk making a few thousand such calls then aborts.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_void_methods_keep_none_alive(qapp) -> None:
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(2000):
        font.setPixelSize(30)
    assert abs(sys.getrefcount(None) - before) < 50
