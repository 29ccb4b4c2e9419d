"""Clerk actions on licence contracts (专利开放许可合同, 003 附件 6).

One function per action, shared by the window and the command line: list, load, check, save
(the licensee's block is kept by name for their next contract), delete, write the PDF and the
editable .docx, create the deal (达成许可) of a signed contract, and record a patent's inventors
and annual-fee date, which 第一条 prints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.models.contracts import (
    Contract,
    ContractFields,
    Licensee,
    PartyBlock,
    check_contract,
    deal_from_contract,
    declared_fee,
    inventors_text,
    licensor_block,
)
from app.models.entities import Patent
from app.models.fees import FeeOption
from app.models.findings import Finding, error, has_errors
from app.models.form_records import contract_patents, save_contract
from app.models.store import SaveResult, stored_number
from app.os_errors import reason_params

if TYPE_CHECKING:
    from app.models.store import Store

PDF_NAME = "专利开放许可合同"
STEM_BYTES = 200
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class ContractSummary:
    """A saved contract as the list shows it."""

    id: int
    licensee: str
    patents: tuple[str, ...]
    signed_on: dt.date | None
    deal_id: int | None
    errors: int


@dataclass(frozen=True)
class ContractDocuments:
    """What writing a contract produced: the files, or the findings that stopped it."""

    paths: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.paths)


def declared_fee_of(store: Store, numbers: Iterable[str]) -> FeeOption | None:
    """The fee option the patents' information sheets declared alike (for "一致"), if any."""
    with store.session() as session:
        patents = contract_patents(session, numbers)
    return declared_fee(patents) if patents else None


def licensees(store: Store) -> list[PartyBlock]:
    """Every licensee's block typed so far, by name (offered again for the next contract)."""
    with store.session() as session:
        return [PartyBlock.of(row) for row in
                session.scalars(select(Licensee).order_by(Licensee.name))]


def licensor(store: Store) -> PartyBlock:
    """许可人: from the unit's profile."""
    return licensor_block(store.organisation())


def check(store: Store, fields: ContractFields, *, today: dt.date | None = None
          ) -> list[Finding]:
    """The contract's rules on fields as typed (the editor checks live)."""
    with store.session() as session:
        return check_contract(fields, contract_patents(session, fields.patents), today=today)


def contracts(store: Store) -> list[ContractSummary]:
    with store.session() as session:
        rows = session.scalars(select(Contract).order_by(Contract.id)).all()
        out = []
        for row in rows:
            fields = ContractFields.of(row)
            findings = check_contract(fields, contract_patents(session, fields.patents))
            out.append(ContractSummary(row.id, fields.licensee.name, fields.patents,
                                       row.signed_on, row.deal_id,
                                       sum(1 for f in findings if f.is_error)))
        return out


def load(store: Store, contract_id: int) -> ContractFields | None:
    with store.session() as session:
        row = session.get(Contract, contract_id)
        return ContractFields.of(row) if row is not None else None


def new_contract(store: Store, patent_numbers: Sequence[str] = (),
                 licensee_name: str = "") -> ContractFields:
    """A new contract for these patents: the term offered from the patents' offer (单次许可期限),
    the licensee's block when they are known, "一致" preselected when the patents declared a
    fee."""
    from app.models.contracts import FeeAgreement, declared_fee

    block = PartyBlock(name=licensee_name)
    with store.session() as session:
        if licensee_name.strip():
            known = session.scalar(select(Licensee).where(Licensee.name == licensee_name.strip()))
            if known is not None:
                block = PartyBlock.of(known)
        patents = contract_patents(session, patent_numbers)
        term = ""
        for number in patent_numbers:
            patent = session.scalar(select(Patent).where(Patent.number == stored_number(number)))
            if patent is not None and patent.offer is not None and patent.offer.single_term:
                term = patent.offer.single_term
                break
    agreement = FeeAgreement.CONSISTENT.value if patents and declared_fee(patents) else ""
    return ContractFields(patents=tuple(p.number for p in patents) or tuple(patent_numbers),
                          licensee=block, term=term, fee_agreement=agreement)


def save(store: Store, fields: ContractFields, contract_id: int | None = None, *,
         expected_version: int | None = None) -> SaveResult:
    """Create or update a contract, errors and all (a draft is kept, marked by its findings).
    The licensee's block is stored under their name and updated with what was typed. Given
    `expected_version`, a save over a newer version is refused (record.changed_elsewhere)."""
    return save_contract(store, fields, contract_id, expected_version=expected_version)


def delete(store: Store, contract_ids: Iterable[int]) -> int:
    ids = list(contract_ids)
    with store.session() as session, session.begin():
        rows = session.scalars(select(Contract).where(Contract.id.in_(ids))).all()
        for row in rows:
            session.delete(row)
        return len(rows)


def file_stem(fields: ContractFields) -> str:
    """"专利开放许可合同 武汉光谷新材料有限公司 ZL201710601862.3" (safe on Windows)."""
    from app.export.contract_text import official_number

    parts = [PDF_NAME, fields.licensee.name.strip()]
    if fields.patents:
        parts.append(official_number(fields.patents[0])
                     + (f"等{len(fields.patents)}件" if len(fields.patents) > 1 else ""))
    stem = _UNSAFE.sub("_", " ".join(p for p in parts if p)).strip(" .")
    # File systems count bytes (255 on NTFS and ext4, in UTF-16/UTF-8): leave room for
    # "（草稿）.docx". A licensee's long name is cut, never the contract's own words.
    while len(stem.encode("utf-8")) > STEM_BYTES:
        stem = stem[:-1]
    return stem.rstrip(" .") or PDF_NAME


def write_documents(store: Store, contract_id: int, out_dir: Path, *, draft: bool = False,
                    today: dt.date | None = None) -> ContractDocuments:
    """The contract as ``<stem>.pdf`` and ``<stem>.docx`` in `out_dir`.

    A contract with errors is refused unless `draft` (then the PDF carries the 草稿 watermark
    and both names say （草稿））. A character the font lacks is reported, never printed as a box.
    """
    from app.export.docx import render_contract_docx
    from app.export.offer_documents import missing_glyph_findings
    from app.export.pdf import write_atomic
    from app.export.pdf.contract import render_contract
    from app.export.pdf.information_sheet import UnprintableText

    with store.session() as session:
        row = session.get(Contract, contract_id)
        if row is None:
            return ContractDocuments([], [error("contract.missing", "contract", id=contract_id)])
        fields = ContractFields.of(row)
        patents = contract_patents(session, fields.patents)
        created = row.signed_on or (row.updated_at.date() if row.updated_at else None)
    findings = check_contract(fields, patents, today=today)
    if has_errors(findings) and not draft:
        return ContractDocuments([], findings)
    when = created or today or dt.date.today()
    party = licensor(store)
    try:
        pdf = render_contract(fields, party, patents, creation_date=when, watermark=draft)
    except UnprintableText as exc:
        return ContractDocuments([], missing_glyph_findings(exc.missing))
    docx = render_contract_docx(fields, party, patents, creation_date=when)
    stem = file_stem(fields) + ("（草稿）" if draft else "")
    paths: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths.append(write_atomic(out_dir / f"{stem}.pdf", pdf))
        paths.append(write_atomic(out_dir / f"{stem}.docx", docx))
    except OSError as exc:
        return ContractDocuments([], [error("pdf.write_failed", "contract",
                                            path=str(out_dir / stem), **reason_params(exc))])
    return ContractDocuments(paths, [f for f in findings if not f.is_error])


def create_deal(store: Store, contract_id: int) -> SaveResult:
    """The deal (达成许可) of a signed contract, its figures taken from the contract, linked to
    it. A contract that already has its deal updates that deal."""
    with store.session() as session:
        row = session.get(Contract, contract_id)
        if row is None:
            return SaveResult(None, [error("contract.missing", "contract", id=contract_id)])
        fields = ContractFields.of(row)
        patents = contract_patents(session, fields.patents)
        offer_id = None
        for number in fields.patents:
            patent = session.scalar(select(Patent).where(Patent.number == number))
            if patent is not None and patent.offer is not None:
                offer_id = patent.offer.id
                break
        deal_id = row.deal_id
    findings = check_contract(fields, patents)
    if has_errors(findings):
        return SaveResult(None, findings)
    if fields.signed_on is None:
        return SaveResult(None, [error("contract.not_signed", "signed_on")])
    result = store.save_deal(deal_from_contract(fields, patents, offer_id), deal_id)
    if result.saved:
        with store.session() as session, session.begin():
            saved = session.get(Contract, contract_id)
            if saved is not None:
                saved.deal_id = result.record_id
    return result


@dataclass(frozen=True)
class PatentParticulars:
    """What 第一条 needs of a patent beyond the register's other fields."""

    inventors: tuple[str, ...] = ()
    annual_fee_paid_until: dt.date | None = None


def patent_particulars(store: Store, number: str) -> PatentParticulars | None:
    from app.models.contracts import inventor_names

    with store.session() as session:
        patent = session.scalar(select(Patent).where(Patent.number == stored_number(number)))
        if patent is None:
            return None
        return PatentParticulars(tuple(inventor_names(patent.inventors)),
                                 patent.annual_fee_paid_until)


def save_patent_particulars(store: Store, number: str, data: PatentParticulars) -> bool:
    """Record a patent's inventors (发明人/设计人) and 专利年费已交至; False when not in the
    register."""
    with store.session() as session, session.begin():
        patent = session.scalar(select(Patent).where(Patent.number == stored_number(number)))
        if patent is None:
            return False
        patent.inventors = inventors_text(data.inventors)
        patent.annual_fee_paid_until = data.annual_fee_paid_until
        return True

