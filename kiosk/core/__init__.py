"""The Qt-free core: exhibit format, loader, navigation machine, idle policy.

Nothing under this package may import PySide6; ``tests/test_core_without_qt.py``
runs the core's tests with Qt blocked to keep it that way.
"""
