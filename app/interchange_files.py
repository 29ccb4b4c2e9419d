"""JSON version 5 (issue 16): what version 4 left behind, so that a backup restores the whole
register.

- each deal's "files": its supporting files, [{"number", "kind", "original_name", "name",
  "sha256", "size"}] ("name" is "deals/3/3-1 合同.pdf", the file's shown name);
- "documents": every generated document with its state of generation and sealing,
  [{"kind", "subject", "path", "sha256", "size", "data_hash", "draft", "generated_at",
  "sealed_name", "sealed_sha256", "sealed_at"}] (times as ISO text, UTC, no zone);
- "record_states": the states the older versions did not carry or carried only as
  draft/finalised: {"offers": {patent number: state}, "summary_books": {period_end: state}}.

The bytes are not in the JSON but beside it, in the backup zip (app.usecases.backup), keyed by
SHA-256. An import of the JSON alone attaches a file only when this database holds its
contents already; the others are counted in `ImportedFiles.without_contents`.

Older versions still import; they simply have none of this.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select

from app.models.deals import DealFileKind
from app.models.entities import DocumentState
from app.models.findings import Finding, error

SINCE: Final = 5
DEAL_FILES: Final = "files"
DOCUMENTS: Final = "documents"
STATES: Final = "record_states"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_KINDS: Final = tuple(DealFileKind)
_STATES: Final = tuple(DocumentState)


@dataclass(frozen=True)
class DealFileEntry:
    number: int
    kind: str
    original_name: str
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class DocumentEntry:
    kind: str
    subject: str
    path: str
    sha256: str
    size: int
    data_hash: str
    draft: bool
    generated_at: dt.datetime | None
    sealed_name: str
    sealed_sha256: str
    sealed_at: dt.datetime | None


@dataclass(frozen=True)
class FilesSection:
    documents: tuple[DocumentEntry, ...] = ()
    offer_states: Mapping[str, str] | None = None
    book_states: Mapping[str, str] | None = None


@dataclass(frozen=True)
class ImportedFiles:
    attached: int = 0
    without_contents: int = 0


# Reading -----------------------------------------------------------------------------------

Child = Callable[[str, "str | int"], str]


def _check(problems: list[Finding], ok: bool, path: str, value: Any,
           code: str = "json.type.text") -> None:
    if not ok:
        problems.append(error(code, path, value=str(value)[:40]))


def _text(obj: Mapping[str, Any], key: str, path: str, problems: list[Finding],
          child: Child) -> str:
    value = obj.get(key, "")
    _check(problems, isinstance(value, str) and len(value) <= 4000, child(path, key), value)
    return value if isinstance(value, str) else ""


def _sha(obj: Mapping[str, Any], key: str, path: str, problems: list[Finding], child: Child,
         *, empty: bool = False) -> str:
    value = obj.get(key, "")
    ok = isinstance(value, str) and (bool(_SHA256.match(value)) or (empty and value == ""))
    _check(problems, ok, child(path, key), value)
    return value if ok else ""


def _count(obj: Mapping[str, Any], key: str, path: str, problems: list[Finding],
           child: Child) -> int:
    value = obj.get(key, 0)
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**12
    _check(problems, ok, child(path, key), value, "json.type.integer")
    return int(value) if ok else 0


def _time(obj: Mapping[str, Any], key: str, path: str, problems: list[Finding],
          child: Child) -> dt.datetime | None:
    value = obj.get(key)
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else _bad(value)
    except ValueError:
        _check(problems, False, child(path, key), value, "json.date")
        return None


def _bad(value: Any) -> dt.datetime:
    raise ValueError(value)


def _object(value: Any, path: str, keys: Sequence[str], problems: list[Finding]
            ) -> Mapping[str, Any] | None:
    if not isinstance(value, dict):
        problems.append(error("json.type.object", path, value=str(value)[:40]))
        return None
    unknown = sorted(set(value) - set(keys))
    for key in unknown:
        problems.append(error("json.unknown", f"{path}.{key}", key=key, version=SINCE))
    return value


DEAL_FILE_KEYS: Final = ("number", "kind", "original_name", "name", "sha256", "size")
DOCUMENT_KEYS: Final = ("kind", "subject", "path", "sha256", "size", "data_hash", "draft",
                        "generated_at", "sealed_name", "sealed_sha256", "sealed_at")


def _objects(value: Any, path: str, keys: Sequence[str], problems: list[Finding],
             child: Child) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(path, object) of each object in the list `value`; what is not a list, or not an
    object, or holds other keys, is a problem."""
    if not isinstance(value, list):
        problems.append(error("json.type.list", path, value=str(value)[:40]))
        return
    for i, item in enumerate(value):
        item_path = child(path, i)
        obj = _object(item, item_path, keys, problems)
        if obj is not None:
            yield item_path, obj


def read_deal_files(value: Any, path: str, problems: list[Finding], child: Child
                    ) -> tuple[DealFileEntry, ...]:
    entries = []
    for item_path, obj in _objects(value, path, DEAL_FILE_KEYS, problems, child):
        number = _count(obj, "number", item_path, problems, child)
        kind = obj.get("kind", "other")
        _check(problems, kind in _KINDS, child(item_path, "kind"), kind, "json.enum")
        entries.append(DealFileEntry(
            max(number, 1), kind if kind in _KINDS else "other",
            _text(obj, "original_name", item_path, problems, child),
            _text(obj, "name", item_path, problems, child),
            _sha(obj, "sha256", item_path, problems, child),
            _count(obj, "size", item_path, problems, child)))
    return tuple(entries)


def read_sections(doc: Mapping[str, Any], root: str, problems: list[Finding], child: Child
                  ) -> FilesSection:
    documents: list[DocumentEntry] = []
    for item_path, obj in _objects(doc.get(DOCUMENTS, []), child(root, DOCUMENTS),
                                   DOCUMENT_KEYS, problems, child):
        draft = obj.get("draft", False)
        _check(problems, isinstance(draft, bool), child(item_path, "draft"), draft,
               "json.type.boolean")
        documents.append(DocumentEntry(
            _text(obj, "kind", item_path, problems, child),
            _text(obj, "subject", item_path, problems, child),
            _text(obj, "path", item_path, problems, child),
            _sha(obj, "sha256", item_path, problems, child, empty=True),
            _count(obj, "size", item_path, problems, child),
            _sha(obj, "data_hash", item_path, problems, child, empty=True),
            bool(draft),
            _time(obj, "generated_at", item_path, problems, child),
            _text(obj, "sealed_name", item_path, problems, child),
            _sha(obj, "sealed_sha256", item_path, problems, child, empty=True),
            _time(obj, "sealed_at", item_path, problems, child)))
    offer_states: dict[str, str] | None = None
    book_states: dict[str, str] | None = None
    if STATES in doc:
        states_path = child(root, STATES)
        states = _object(doc[STATES], states_path, ("offers", "summary_books"), problems)
        if states is not None:
            offer_states = _states(states.get("offers", {}), child(states_path, "offers"),
                                   problems)
            book_states = _states(states.get("summary_books", {}),
                                  child(states_path, "summary_books"), problems)
    return FilesSection(tuple(documents), offer_states, book_states)


def _states(value: Any, path: str, problems: list[Finding]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(error("json.type.object", path, value=str(value)[:40]))
        return {}
    out = {}
    for key, state in value.items():
        if state not in _STATES:
            problems.append(error("json.enum", f"{path}.{key}", value=str(state)[:40],
                                  choices=", ".join(_STATES)))
        else:
            out[str(key)] = state
    return out


# Writing -----------------------------------------------------------------------------------


def _iso(value: dt.datetime | None) -> str | None:
    return value.replace(microsecond=0).isoformat() if value is not None else None


def export_sections(store: Any, doc: dict[str, Any]) -> None:
    """Add version 5's keys to an exported document (the deals' files in place)."""
    from app.models.deals import SummaryBook
    from app.models.entities import GeneratedDocument, Offer, Patent

    files = {record.serial: record.files for record in store.deals()}
    for deal in doc.get("deals", []):
        attached = files.get(deal.get("serial"), ())
        if attached:
            deal[DEAL_FILES] = [
                {"number": f.number, "kind": f.kind, "original_name": f.original_name,
                 "name": f.stored_path, "sha256": f.sha256, "size": f.size}
                for f in sorted(attached, key=lambda f: f.number)]
    with store.session() as session:
        rows = session.scalars(select(GeneratedDocument)).all()
        documents = sorted(({
            "kind": d.kind, "subject": d.subject, "path": d.path, "sha256": d.sha256,
            "size": d.size, "data_hash": d.data_hash, "draft": bool(d.draft),
            "generated_at": _iso(d.generated_at), "sealed_name": d.sealed_path,
            "sealed_sha256": d.sealed_sha256, "sealed_at": _iso(d.sealed_at)}
            for d in rows), key=lambda d: (d["kind"], d["subject"], d["generated_at"] or "",
                                          d["path"], d["sha256"]))
        offers = dict(session.execute(select(Patent.number, Offer.state)
                                      .join(Offer, Offer.patent_id == Patent.id)).all())
        books = dict(session.execute(select(SummaryBook.period_end, SummaryBook.state)).all())
    doc[DOCUMENTS] = documents
    doc[STATES] = {"offers": dict(sorted(offers.items())),
                   "summary_books": dict(sorted(books.items()))}


def referenced_hashes(doc: Mapping[str, Any]) -> set[str]:
    """Every SHA-256 of a file a (checked) document refers to: the deals' files, the sealed
    scans and the operations-centre reports' policy documents."""
    used = {f.get("sha256", "") for d in doc.get("deals", []) if isinstance(d, dict)
            for f in d.get(DEAL_FILES, []) if isinstance(f, dict)}
    used |= {d.get("sealed_sha256", "") for d in doc.get(DOCUMENTS, []) if isinstance(d, dict)}
    for report in doc.get("ops_centre_reports", []) if isinstance(
            doc.get("ops_centre_reports"), list) else []:
        if isinstance(report, dict):
            used |= {d.get("file_sha256", "") for d in report.get("documents", [])
                     if isinstance(d, dict)}
    used.discard("")
    return {h for h in used if isinstance(h, str)}


# Importing ---------------------------------------------------------------------------------


def import_sections(store: Any, entries: Sequence[Any], plan: Sequence[tuple[Any, int, Any]],
                    section: FilesSection | None, ops_reports: Sequence[Any]) -> ImportedFiles:
    """After the records: attach the deals' files, the generated documents and their sealed
    scans, the states, and the policy documents' names, where this database holds the
    contents. One transaction."""
    from app.models.deals import Deal, DealFile, SummaryBook
    from app.models.entities import GeneratedDocument, Offer, Patent
    from app.models.ops_centre_records import OpsCentreFile
    from app.models.stored_files import StoredFile

    attached = without = 0
    with store.session() as session, session.begin():
        sizes = dict(session.execute(select(StoredFile.sha256, StoredFile.size)).all())
        stored = set(sizes)
        deals = {d.serial: d for d in session.scalars(select(Deal))}
        for entry, (_id, serial, _fields) in zip(entries, plan, strict=True):
            deal = deals.get(serial)
            if deal is None or not getattr(entry, "files", ()):
                continue
            have = {f.sha256 for f in deal.files}
            for f in entry.files:
                if f.sha256 in have:
                    continue
                if f.sha256 not in stored:
                    without += 1
                    continue
                number = max((x.number for x in deal.files), default=0) + 1
                deal.files.append(DealFile(number=f.number if f.number >= number else number,
                                           kind=f.kind, original_name=f.original_name,
                                           stored_path=f.name, sha256=f.sha256, size=f.size))
                have.add(f.sha256)
                attached += 1
        if section is not None:
            offers = dict(session.execute(select(Patent.number, Offer.id)
                                          .join(Offer, Offer.patent_id == Patent.id)).all())
            known = {(d.kind, d.subject, d.path, d.sha256)
                     for d in session.scalars(select(GeneratedDocument))}
            for d in section.documents:
                if (d.kind, d.subject, d.path, d.sha256) in known:
                    continue
                sealed = d.sealed_sha256 if d.sealed_sha256 in stored else ""
                if d.sealed_sha256 and not sealed:
                    without += 1
                session.add(GeneratedDocument(
                    kind=d.kind, subject=d.subject, offer_id=offers.get(d.subject),
                    path=d.path, sha256=d.sha256, size=d.size, data_hash=d.data_hash,
                    draft=d.draft, generated_at=d.generated_at or dt.datetime(1970, 1, 1),
                    sealed_path=d.sealed_name if sealed else "", sealed_sha256=sealed,
                    sealed_at=d.sealed_at if sealed else None))
                attached += bool(sealed)
            session.flush()
            for number, state in (section.offer_states or {}).items():
                offer_id = offers.get(number)
                offer = session.get(Offer, offer_id) if offer_id is not None else None
                if offer is not None:
                    offer.state = state
            for period, state in (section.book_states or {}).items():
                book = session.scalars(select(SummaryBook).where(
                    SummaryBook.period_end == period)).first()
                if book is not None:
                    book.state = state
        for report in ops_reports:
            for document in report.documents:
                digest = document.file_sha256
                if digest and digest in stored and session.get(OpsCentreFile, digest) is None:
                    session.add(OpsCentreFile(sha256=digest, original_name=document.file_name,
                                              size=sizes[digest], content=b""))
    return ImportedFiles(attached, without)
