"""Findings: what a rule says about a record, as data.

A rule never builds a sentence. It returns a `Finding` with a stable code, the field it concerns,
a severity and parameters; `app.messages` turns codes into words for the window and the command
line, in Chinese or English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # blocks finalising and printing
    WARNING = "warning"  # shown, never blocks


@dataclass(frozen=True)
class Finding:
    code: str
    field: str
    severity: Severity = Severity.ERROR
    # `dataclasses.field` in full: this class has an attribute called `field`.
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "field": self.field,
            "severity": self.severity.value,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):  # rules give amounts as text; never crash on one that doesn't
        return format(value.normalize(), "f")
    return value


def error(code: str, field: str, **params: Any) -> Finding:
    return Finding(code, field, Severity.ERROR, params)


def warning(code: str, field: str, **params: Any) -> Finding:
    return Finding(code, field, Severity.WARNING, params)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)
