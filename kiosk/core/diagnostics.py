"""Errors and warnings about exhibit files, in the form editors can jump to.

Every problem is reported as ``FILE:LINE:COL: error: MESSAGE`` (1-based line
and column) so that a curator's editor, or a terminal that makes such text
clickable, takes them straight to the offending value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a file; line and column are 1-based."""

    file: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ExhibitError(Exception):
    """Raised when an exhibit cannot be loaded; carries every diagnostic found.

    It is the only exception the loader lets out for bad input, so callers
    (the running kiosk, the preview, the CLI) can keep the last good content
    with a single ``except``.
    """

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        errors = [d for d in self.diagnostics if d.is_error]
        first = str(errors[0]) if errors else "invalid exhibit"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """The one-line summary ``kiosk validate`` ends with."""
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    noun = "file" if files == 1 else "files"
    verdict = "valid" if errors == 0 else "invalid"
    return (
        f"{files} {noun} checked: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)} ({verdict})"
    )
