"""The stock-patent inventory in the JSON interchange file (version 4 on).

Version 4 adds a top-level section::

    "screenings": [{"patent": NUMBER, "intentions"?: ["transfer" | "licence" | "self_use", …],
                    "strategic_category"?, "economy_category"?, "ipc"?, "maturity"?: 1…9,
                    "prospect"?: "good" | "fairly_good" | "average" | "poor",
                    "verdict"?: "yes" | "no", "licence"?: "done" | "planned",
                    "transfer"?: "done" | "planned", "abandon"?: bool, "dispute"?: bool,
                    "evaluator"?, "evaluated_on"?: DATE, "note"?,
                    "feedback"?: [{"enterprise", "received_on"?, "prospect"?,
                                   "improvement_needs"?, "cooperation"?: "yes" | "no",
                                   "cooperation_note"?}]}]

Only types are the file's business here (a text where a text belongs, an integer level, an ISO
date): a value the domain does not know (a category not in the list, level 12) imports as it is
and shows as that rule's finding in `validate`, as if typed in the window. A screening replaces
the patent's screening; feedback entries are added unless the patent already has one alike (same
enterprise, date and improvement needs), so importing a file twice changes nothing.

Called from app.interchange; imports nothing of it (the finding codes are its json.* codes).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select

from app.models.entities import Patent
from app.models.findings import Finding, error
from app.models.inventory import (
    EnterpriseFeedback,
    FeedbackFields,
    Screening,
    ScreeningFields,
    split_intentions,
)
from app.models.store import Store, stored_number

SECTION: Final = "screenings"
SINCE_VERSION: Final = 4
_TEXTS: Final = ("strategic_category", "economy_category", "ipc", "prospect", "verdict",
                 "licence", "transfer", "evaluator", "note")
_BOOLEANS: Final = ("abandon", "dispute")
SCREENING_KEYS: Final = ("patent", "intentions", *_TEXTS, "maturity", *_BOOLEANS,
                         "evaluated_on", "feedback")
FEEDBACK_KEYS: Final = ("enterprise", "received_on", "prospect", "improvement_needs",
                        "cooperation", "cooperation_note")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ScreeningEntry:
    patent: str  # as written in the file
    fields: ScreeningFields
    feedback: tuple[FeedbackFields, ...] = ()


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key) else f'{path}["{key}"]'


def _excerpt(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:39] + "…"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Finding] = []

    def object(self, value: Any, path: str, keys: Sequence[str], required: Iterable[str]
               ) -> Mapping[str, Any] | None:
        if not isinstance(value, dict):
            self.problems.append(error("json.type.object", path, value=_excerpt(value)))
            return None
        for key in value:
            if key not in keys:
                self.problems.append(error("json.unknown", _child(path, key), key=key))
        for key in required:
            if key not in value:
                self.problems.append(error("json.missing", _child(path, key), key=key))
        return value

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str:
        value = obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problems.append(error("json.type.text", _child(path, key),
                                       value=_excerpt(value)))
            return ""
        return value

    def date(self, obj: Mapping[str, Any], key: str, path: str) -> dt.date | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problems.append(error("json.date", _child(path, key), value=_excerpt(value)))
        return None

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problems.append(error("json.type.boolean", _child(path, key),
                                       value=_excerpt(value)))
            return False
        return value

    def integer(self, obj: Mapping[str, Any], key: str, path: str) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.append(error("json.type.integer", _child(path, key),
                                       value=_excerpt(value)))
            return None
        return value

    def items(self, obj: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.append(error("json.type.list", _child(path, key),
                                       value=_excerpt(value)))
            return []
        return [(_child(_child(path, key), i), item) for i, item in enumerate(value)]


def read_screenings(doc: Mapping[str, Any], root: str = "$"
                    ) -> tuple[tuple[ScreeningEntry, ...], list[Finding]]:
    """The section's entries and every format problem, each at its JSON path."""
    check = _Checker()
    entries: list[ScreeningEntry] = []
    first_seen: dict[str, str] = {}
    for path, item in check.items(doc, SECTION, root):
        obj = check.object(item, path, SCREENING_KEYS, ("patent",))
        if obj is None:
            continue
        patent = check.text(obj, "patent", path)
        intentions: list[str] = []
        for item_path, value in check.items(obj, "intentions", path):
            if isinstance(value, str):
                intentions.append(value)
            else:
                check.problems.append(error("json.type.text", item_path, value=_excerpt(value)))
        texts = {key: check.text(obj, key, path) for key in _TEXTS}
        fields = ScreeningFields(
            intentions=split_intentions(",".join(intentions)),
            maturity=check.integer(obj, "maturity", path),
            abandon=check.boolean(obj, "abandon", path),
            dispute=check.boolean(obj, "dispute", path),
            evaluated_on=check.date(obj, "evaluated_on", path),
            **texts,
        )
        feedback = []
        for feedback_path, value in check.items(obj, "feedback", path):
            entry = check.object(value, feedback_path, FEEDBACK_KEYS, ("enterprise",))
            if entry is None:
                continue
            feedback.append(FeedbackFields(
                enterprise=check.text(entry, "enterprise", feedback_path),
                received_on=check.date(entry, "received_on", feedback_path),
                prospect=check.text(entry, "prospect", feedback_path),
                improvement_needs=check.text(entry, "improvement_needs", feedback_path),
                cooperation=check.text(entry, "cooperation", feedback_path),
                cooperation_note=check.text(entry, "cooperation_note", feedback_path),
            ))
        key = stored_number(patent)
        if key in first_seen:
            check.problems.append(error("json.duplicate", _child(path, "patent"), number=patent,
                                        first=first_seen[key]))
        elif patent:
            first_seen[key] = path
        entries.append(ScreeningEntry(patent, fields, tuple(feedback)))
    return tuple(entries), check.problems


def unknown_patents(entries: Sequence[ScreeningEntry], known: Iterable[str], root: str = "$"
                    ) -> list[Finding]:
    """`json.screening_patent_unknown` for entries naming a patent neither in the file nor in
    the register (`known`: normalised numbers)."""
    numbers = set(known)
    return [error("json.screening_patent_unknown", _child(_child(_child(root, SECTION), i),
                                                          "patent"), number=entry.patent)
            for i, entry in enumerate(entries) if stored_number(entry.patent) not in numbers]


def write_screenings(store: Store, entries: Sequence[ScreeningEntry]) -> int:
    """Store the entries (their patents exist: `unknown_patents` was empty); one transaction."""
    with store.session() as session, session.begin():
        ids = {str(n): int(i) for n, i in session.execute(select(Patent.number, Patent.id))}
        for entry in entries:
            patent_id = ids[stored_number(entry.patent)]
            row = session.scalar(select(Screening).where(Screening.patent_id == patent_id))
            if row is None:
                row = Screening(patent_id=patent_id)
                session.add(row)
            entry.fields.apply_to(row)
            have = {(f.enterprise, f.received_on, f.improvement_needs) for f in (
                FeedbackFields.of(r) for r in session.scalars(
                    select(EnterpriseFeedback).where(EnterpriseFeedback.patent_id == patent_id)))}
            for feedback in entry.feedback:
                if (feedback.enterprise, feedback.received_on, feedback.improvement_needs) in have:
                    continue
                new = EnterpriseFeedback(patent_id=patent_id)
                feedback.apply_to(new)
                session.add(new)
    return len(entries)


def screening_documents(store: Store) -> list[dict[str, Any]]:
    """Every screening and feedback entry in file form, by patent number; optional keys only
    where they carry something."""
    with store.session() as session:
        numbers = {int(i): str(n) for i, n in session.execute(select(Patent.id, Patent.number))}
        screenings = {row.patent_id: ScreeningFields.of(row)
                      for row in session.scalars(select(Screening))}
        feedback: dict[int, list[FeedbackFields]] = {}
        for row in session.scalars(select(EnterpriseFeedback).order_by(
                EnterpriseFeedback.received_on, EnterpriseFeedback.id)):
            feedback.setdefault(row.patent_id, []).append(FeedbackFields.of(row))
    docs = []
    for patent_id in sorted(set(screenings) | set(feedback), key=lambda i: numbers[i]):
        fields = screenings.get(patent_id, ScreeningFields())
        doc: dict[str, Any] = {"patent": numbers[patent_id]}
        optional: dict[str, Any] = {
            "intentions": list(fields.intentions) or None,
            **{key: getattr(fields, key) for key in _TEXTS},
            "maturity": fields.maturity,
            "abandon": fields.abandon or None,
            "dispute": fields.dispute or None,
            "evaluated_on": fields.evaluated_on.isoformat() if fields.evaluated_on else None,
        }
        doc.update({k: v for k, v in optional.items() if v not in (None, "")})
        entries = []
        for item in feedback.get(patent_id, []):
            entry: dict[str, Any] = {"enterprise": item.enterprise}
            more: dict[str, Any] = {
                "received_on": item.received_on.isoformat() if item.received_on else None,
                "prospect": item.prospect, "improvement_needs": item.improvement_needs,
                "cooperation": item.cooperation, "cooperation_note": item.cooperation_note,
            }
            entry.update({k: v for k, v in more.items() if v not in (None, "")})
            entries.append(entry)
        if entries:
            doc["feedback"] = entries
        docs.append(doc)
    return docs
