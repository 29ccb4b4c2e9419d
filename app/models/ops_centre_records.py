"""Where operations-centre reports live: one row per report year holding the report as JSON
(`OpsCentreFields.to_dict`), and the attached policy documents (2.2) stored in the database,
content-addressed by SHA-256.

Functions here take a `Store` (its session) so the store's shared class needs no new methods.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from app.models.deals import Deal, DealRecord, register_fields
from app.models.entities import Base, DocumentState
from app.models.findings import Finding, error, has_errors, warning
from app.models.ops_centre import (
    CENTRE_CATEGORY,
    UNIVERSITY_LIST,
    OpsCentreData,
    OpsCentreFields,
    UnitInfo,
    build_ops_centre,
    read_ops_centre,
)

if TYPE_CHECKING:
    from app.models.store import Store


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class OpsCentreReport(Base):
    """河南省高校知识产权运营管理中心建设工作总结表 of one report year."""

    __tablename__ = "ops_centre_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_year: Mapped[int] = mapped_column(Integer, unique=True)
    data: Mapped[str] = mapped_column(Text, default="{}")  # OpsCentreFields.to_dict()
    state: Mapped[str] = mapped_column(String(20), default=DocumentState.DRAFT.value)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")


class OpsCentreFile(Base):
    """A policy document attached to 2.2, stored once by its SHA-256."""

    __tablename__ = "ops_centre_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    original_name: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    # Empty since 0009_stored_files: the bytes are in the shared store (app.models.stored_files).
    content: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


@dataclass(frozen=True)
class ReportSave:
    saved: bool
    findings: list[Finding]
    notices: list[Finding]


def _fields_of(row: OpsCentreReport) -> OpsCentreFields:
    try:
        data = json.loads(row.data or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    data["report_year"] = row.report_year
    fields, _ = read_ops_centre(data)
    return fields or OpsCentreFields(row.report_year)


def report_years(store: Store) -> list[int]:
    with store.session() as session:
        return list(session.scalars(select(OpsCentreReport.report_year)
                                    .order_by(OpsCentreReport.report_year.desc())))


def load_report(store: Store, year: int) -> OpsCentreFields | None:
    with store.session() as session:
        row = session.scalar(select(OpsCentreReport).where(OpsCentreReport.report_year == year))
        return _fields_of(row) if row is not None else None


def all_reports(store: Store) -> list[OpsCentreFields]:
    with store.session() as session:
        rows = session.scalars(select(OpsCentreReport).order_by(OpsCentreReport.report_year))
        return [_fields_of(r) for r in rows]


def report_state(store: Store, year: int) -> str | None:
    with store.session() as session:
        return session.scalar(select(OpsCentreReport.state)
                              .where(OpsCentreReport.report_year == year))


def save_report(store: Store, fields: OpsCentreFields, *, today: dt.date | None = None,
                expected_version: int | None = None) -> ReportSave:
    """Create or update the report of its year; changing a finalised report returns it to
    draft (a notice says so). Given `expected_version`, a save over a newer version is
    refused (app.models.versions): not saved, the finding says who saved it and when."""
    from app.models.versions import claim, editor_name

    notices: list[Finding] = []
    text = json.dumps(fields.to_dict(), ensure_ascii=False, sort_keys=True)
    with store.session() as session, session.begin():
        row = session.scalar(select(OpsCentreReport)
                             .where(OpsCentreReport.report_year == fields.report_year))
        if row is not None:
            newer = claim(session, OpsCentreReport, row.id, expected_version,
                          str(fields.report_year))
            if newer is not None:
                session.rollback()
                return ReportSave(False, [newer], [])
        if row is None:
            row = OpsCentreReport(report_year=fields.report_year, data=text,
                                  updated_by=editor_name())
            session.add(row)
        elif row.data != text:
            row.data = text
            if row.state != DocumentState.DRAFT.value:
                notices.append(warning("ops.returned_to_draft", "report",
                                       year=fields.report_year, previous_state=row.state))
                row.state = DocumentState.DRAFT.value
                row.finalised_at = None
    data = report_data(store, fields.report_year, today=today)
    return ReportSave(True, list(data.findings), notices)


def delete_report(store: Store, year: int) -> bool:
    with store.session() as session, session.begin():
        result = session.execute(delete(OpsCentreReport)
                                 .where(OpsCentreReport.report_year == year))
        return bool(result.rowcount)  # type: ignore[attr-defined]


def report_data(store: Store, year: int, fields: OpsCentreFields | None = None, *,
                today: dt.date | None = None) -> OpsCentreData:
    """The printable report with every finding: the saved report of the year, or `fields`."""
    if fields is None:
        fields = load_report(store, year) or OpsCentreFields(year)
    unit = UnitInfo.of(store.organisation())
    with store.session() as session:
        deals = [DealRecord.of(d) for d in session.scalars(select(Deal).order_by(Deal.serial))]
        register = list(register_fields(session).values())
    return build_ops_centre(fields, unit, deals, register, today=today)


def finalise_report(store: Store, year: int, *, today: dt.date | None = None) -> ReportSave:
    data = report_data(store, year, today=today)
    findings = list(data.findings)
    if has_errors(findings):
        return ReportSave(False, findings, [])
    with store.session() as session, session.begin():
        row = session.scalar(select(OpsCentreReport).where(OpsCentreReport.report_year == year))
        if row is None:
            return ReportSave(False, [error("ops.missing", "report", year=year)], [])
        if row.state == DocumentState.DRAFT.value:
            row.state = DocumentState.FINALISED.value
            row.finalised_at = _now()
    return ReportSave(True, findings, [])


def store_document(store: Store, path: str | Path) -> tuple[str, str]:
    """Keep a policy document's bytes in the database (the shared store of files, issue 16);
    return (original name, SHA-256). Raises StoredFileError (too large) and OSError."""
    from app.models.stored_files import put_file

    source = Path(path)
    with store.session() as session, session.begin():
        digest, size = put_file(session, source)
        if session.get(OpsCentreFile, digest) is None:
            session.add(OpsCentreFile(sha256=digest, original_name=source.name,
                                      size=size, content=b""))
    return source.name, digest


def document_bytes(store: Store, sha256: str) -> bytes | None:
    from app.models.stored_files import read_bytes

    with store.session() as session:
        return read_bytes(session, sha256)


def stored_documents(store: Store) -> dict[str, Any]:
    """SHA-256 → (name, bytes) of every stored policy document (backup, packages)."""
    from app.models.stored_files import read_bytes

    with store.session() as session:
        return {r.sha256: (r.original_name, read_bytes(session, r.sha256) or b"")
                for r in session.scalars(select(OpsCentreFile))}


# The universities that build a provincial IP operations-management centre (附件 2) -----------


class OpsCentreUniversity(Base):
    """One row of 附件 2's list; seeded from the preset, then the clerk's to edit."""

    __tablename__ = "ops_centre_university"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    categories: Mapped[str] = mapped_column(Text, default="")  # "、"-joined 类别


@dataclass(frozen=True)
class ListedUniversity:
    name: str
    categories: tuple[str, ...]

    @property
    def builds_centre(self) -> bool:
        return CENTRE_CATEGORY in self.categories


def _seed_universities(session: Any) -> None:
    if session.scalar(select(OpsCentreUniversity.id).limit(1)) is None:
        for i, (name, categories) in enumerate(UNIVERSITY_LIST):
            session.add(OpsCentreUniversity(position=i, name=name,
                                            categories="、".join(categories)))


def listed_universities(store: Store) -> list[ListedUniversity]:
    """附件 2 as the clerk keeps it (the preset until edited)."""
    with store.session() as session, session.begin():
        _seed_universities(session)
        rows = session.scalars(select(OpsCentreUniversity)
                               .order_by(OpsCentreUniversity.position))
        return [ListedUniversity(r.name, tuple(c for c in r.categories.split("、") if c))
                for r in rows]


def set_listed_universities(store: Store, universities: list[ListedUniversity]) -> None:
    """Replace the list (names stripped, each once, in the order given)."""
    seen: dict[str, ListedUniversity] = {}
    for u in universities:
        name = u.name.strip()
        if name and name not in seen:
            seen[name] = ListedUniversity(name, u.categories)
    with store.session() as session, session.begin():
        session.execute(delete(OpsCentreUniversity))
        session.flush()
        for i, u in enumerate(seen.values()):
            session.add(OpsCentreUniversity(position=i, name=u.name,
                                            categories="、".join(u.categories)))


def builds_centre(store: Store, unit_name: str) -> bool:
    """Whether the unit is on the list as a 省知识产权运营管理中心建设高校."""
    wanted = _normal_name(unit_name)
    return bool(wanted) and any(_normal_name(u.name) == wanted and u.builds_centre
                                for u in listed_universities(store))


def _normal_name(name: str) -> str:
    return "".join(name.split())
