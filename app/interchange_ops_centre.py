"""The JSON interchange's operations-centre reports (format version 4: "ops_centre_reports").

Each entry is `OpsCentreFields.to_dict()`: the report year, the texts, and every figure as the
clerk typed it (text, so nothing typed is lost; the rules say what is wrong with it). The policy
documents' files travel in the backup, not in the JSON: an entry names each by SHA-256.
Called from app/interchange.py, which passes its reader (problems collected by JSON path).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from app.models.findings import Finding
from app.models.ops_centre import OpsCentreFields, read_ops_centre

SECTION = "ops_centre_reports"
SINCE = 4
REPORT_KEYS = ("report_year", "filled_on", "lead_department", "basic", "leading_group",
               "standard", "documents", "texts", "funding", "staff", "tables", "override_note",
               "projects", "matchmaking", "activities", "partners")


class Reader(Protocol):
    def items(self, obj: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Any]]: ...
    def problem(self, code: str, path: str, **params: Any) -> None: ...
    def merge(self, findings: Iterable[Finding]) -> None: ...


def read_reports(reader: Reader, doc: Mapping[str, Any], path: str
                 ) -> tuple[OpsCentreFields, ...]:
    """Every report of the section; two of one year refuse the file."""
    reports: list[OpsCentreFields] = []
    first_seen: dict[int, str] = {}
    for item_path, item in reader.items(doc, SECTION, path):
        if isinstance(item, Mapping):
            for key in item:
                if key not in REPORT_KEYS:
                    reader.problem("json.unknown", f"{item_path}.{key}", key=key)
        fields, findings = read_ops_centre(item, item_path)
        reader.merge(findings)
        if fields is None:
            continue
        if fields.report_year in first_seen:
            reader.problem("json.duplicate_ops_report", f"{item_path}.report_year",
                           year=fields.report_year, first=first_seen[fields.report_year])
            continue
        first_seen[fields.report_year] = item_path
        reports.append(fields)
    return tuple(reports)


def report_documents(reports: Iterable[OpsCentreFields]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in sorted(reports, key=lambda r: r.report_year)]
