"""Send targets as plain data, and the templates they carry (subject, body, file names)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.models.findings import Finding, error
from app.models.submission import SendTarget
from app.submit.presets import DEFAULT_SIZE_LIMIT, DOCUMENT_KIND_LABELS, TargetPreset


@dataclass(frozen=True)
class TargetData:
    """A target as the window edits it; `id` is None for one not saved yet."""

    key: str
    name: str
    office: str = ""
    recipients: tuple[str, ...] = ()
    subject_template: str = ""
    body_template: str = ""
    document_kinds: tuple[str, ...] = ()
    file_types: tuple[str, ...] = ("pdf",)
    file_names: Mapping[str, str] = field(default_factory=dict)
    size_limit: int = DEFAULT_SIZE_LIMIT
    note: str = ""
    id: int | None = None

    @classmethod
    def of(cls, row: SendTarget) -> TargetData:
        return cls(
            key=row.key,
            name=row.name,
            office=row.office,
            recipients=tuple(_json_list(row.recipients)),
            subject_template=row.subject_template,
            body_template=row.body_template,
            document_kinds=tuple(_json_list(row.document_kinds)),
            file_types=tuple(_json_list(row.file_types)),
            file_names=_json_dict(row.file_names),
            size_limit=row.size_limit,
            note=row.note,
            id=row.id,
        )

    @classmethod
    def from_preset(cls, preset: TargetPreset) -> TargetData:
        return cls(
            key=preset.key,
            name=preset.name,
            office=preset.office,
            recipients=preset.recipients,
            subject_template=preset.subject_template,
            body_template=preset.body_template,
            document_kinds=tuple(str(k) for k in preset.document_kinds),
            file_types=preset.file_types,
            file_names={str(k): v for k, v in preset.file_names.items()},
            size_limit=preset.size_limit,
            note=preset.note,
        )

    def apply_to(self, row: SendTarget) -> None:
        row.key = self.key.strip()
        row.name = self.name.strip()
        row.office = self.office.strip()
        row.recipients = _dumps([r.strip() for r in self.recipients if r.strip()])
        row.subject_template = self.subject_template
        row.body_template = self.body_template
        row.document_kinds = _dumps(list(self.document_kinds))
        row.file_types = _dumps([t.lower().lstrip(".") for t in self.file_types])
        row.file_names = _dumps(dict(self.file_names))
        row.size_limit = int(self.size_limit)
        row.note = self.note


_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def check_target(target: TargetData) -> list[Finding]:
    """What makes a target unusable for sending; a draft target may still be saved."""
    findings: list[Finding] = []
    if not target.key.strip():
        findings.append(error("target.key_required", "key"))
    if not target.name.strip():
        findings.append(error("target.name_required", "name"))
    if not target.recipients:
        findings.append(error("target.no_recipient", "recipients", target=target.name))
    for address in target.recipients:
        if not _EMAIL.match(address.strip()):
            findings.append(error("target.recipient_invalid", "recipients", address=address))
    if not target.document_kinds:
        findings.append(error("target.no_document_kind", "document_kinds"))
    if target.size_limit < 100_000:
        findings.append(error("target.size_limit_too_small", "size_limit",
                              limit=target.size_limit))
    return findings


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill `{name}` placeholders. Unknown ones stay as typed, so a typo shows instead of
    failing; no attribute or index access as `str.format` would allow in an edited template."""

    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        return str(values[key]) if key in values else match.group(0)

    return _PLACEHOLDER.sub(substitute, template)


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def kind_label_zh(kind: str) -> str:
    pair = DOCUMENT_KIND_LABELS.get(kind)
    return pair[1] if pair else kind


def _json_list(text: str) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _json_dict(text: str) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
