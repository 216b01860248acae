"""Errors and warnings about exhibit files, in the form editors can jump to.

Every problem is reported as ``FILE:LINE:COL: error: MESSAGE`` (1-based line
and column) so that a curator's editor, or a terminal that makes such text
clickable, takes them straight to the offending value.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
    context: str = field(default="", compare=False)
    """The line with one either side and a caret, as compilers show it."""
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    def full(self) -> str:
        """The first line editors jump to, then the lines around the problem."""
        return f"{self}\n{self.context}" if self.context else str(self)

    def with_context(self, text: str) -> Diagnostic:
        from kiosk.core.yaml_errors import context_block

        return self if self.context else replace(self, context=context_block(text, self.line, self.column))

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end": {"line": self.end_line or self.line, "column": self.end_column or self.column},
            "severity": self.severity.value,
            "message": self.message,
            "context": self.context,
        }

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
