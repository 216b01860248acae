"""The core must not need Qt: run its tests in a process that cannot import it.

A meta-path finder refuses PySide6 and shiboken6 before anything is imported,
then every module under ``kiosk.core`` is imported and ``tests/core`` runs.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.helpers import REPO

BLOCKED_RUN = textwrap.dedent("""
    import importlib, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked: the core must not import Qt")
            return None

    sys.meta_path.insert(0, BlockQt())
    import kiosk.core
    for module in pkgutil.walk_packages(kiosk.core.__path__, "kiosk.core."):
        importlib.import_module(module.name)
    try:
        import PySide6  # noqa: F401
    except ImportError:
        pass
    else:
        raise SystemExit("the block did not hold")
    import pytest
    sys.exit(pytest.main(["tests/core", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
                          "-o", "qt_api=", "-W", "ignore::pytest.PytestConfigWarning"]))
""")


def test_core_tests_pass_with_pyside6_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCKED_RUN], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
