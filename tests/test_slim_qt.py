"""The slimmed Qt install keeps every module the kiosk imports (make setup slims .venv)."""

from __future__ import annotations

import importlib.util
import re
import sys

from tests.helpers import REPO

sys.path.insert(0, str(REPO / "tools"))
import slim_qt


def test_every_qt_module_the_code_imports_is_kept() -> None:
    used = set()
    for folder in ("kiosk", "tests", "tools"):
        for path in (REPO / folder).rglob("*.py"):
            used |= set(re.findall(r"PySide6\.(Qt[A-Za-z]+)", path.read_text(encoding="utf-8")))
    missing = used - set(slim_qt.KEPT_MODULES)
    assert not missing, f"add {sorted(missing)} to KEPT_MODULES in tools/slim_qt.py, or slimming deletes them"


def test_the_kept_modules_import_in_this_install() -> None:
    for name in slim_qt.KEPT_MODULES:
        assert importlib.util.find_spec(f"PySide6.{name}") is not None, name
