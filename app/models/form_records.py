"""Saving the records of the other forms (licence contracts, Henan applications).

Here, below the use cases, because the JSON import saves them too: the interchange may not
call up into app/usecases. The use cases add the checks and the files around these calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.contracts import (
    Contract,
    ContractFields,
    ContractPatent,
    Licensee,
    check_contract,
)
from app.models.entities import Patent
from app.models.findings import error
from app.models.henan_application import ApplicationFields, HenanApplication
from app.models.store import SaveResult, stored_number
from app.models.versions import claim, editor_name

if TYPE_CHECKING:
    from app.models.store import Store


def contract_patents(session: Session, numbers: Iterable[str]) -> list[ContractPatent]:
    """第一条's particulars of each number from the register (a number not there is kept)."""
    out: list[ContractPatent] = []
    for number in numbers:
        if not number.strip():
            continue
        patent = session.scalar(select(Patent).where(Patent.number == stored_number(number)))
        out.append(ContractPatent.of(patent) if patent is not None
                   else ContractPatent.missing(number.strip()))
    return out


def save_contract(store: Store, fields: ContractFields,
                  contract_id: int | None = None, *,
                  expected_version: int | None = None) -> SaveResult:
    """Create or update a contract, errors and all (a draft is kept, marked by its findings).
    The licensee's block is stored under their name and updated with what was typed. Given
    `expected_version`, a save over a newer version is refused (app.models.versions)."""
    with store.session() as session, session.begin():
        row = session.get(Contract, contract_id) if contract_id is not None else None
        if contract_id is not None and row is None:
            return SaveResult(None, [error("contract.missing", "contract", id=contract_id)])
        if row is not None:
            newer = claim(session, Contract, row.id, expected_version,
                          fields.licensee.name.strip() or str(row.id))
            if newer is not None:
                session.rollback()
                return SaveResult(None, [newer])
        if row is None:
            row = Contract(updated_by=editor_name())
            session.add(row)
        numbers = tuple(stored_number(n) for n in fields.patents if n.strip())
        fields = ContractFields(**{**fields.__dict__, "patents": numbers})
        fields.apply_to(row)
        name = fields.licensee.name.strip()
        if name:
            licensee = session.scalar(select(Licensee).where(Licensee.name == name))
            if licensee is None:
                licensee = Licensee(name=name)
                session.add(licensee)
            fields.licensee.apply_to(licensee)
            row.licensee = licensee
        else:
            row.licensee = None
        session.flush()
        findings = check_contract(fields, contract_patents(session, numbers))
        return SaveResult(row.id, findings)


def save_application(store: Store, fields: ApplicationFields) -> int:
    """Create or update the application of its plan period; returns its record id."""
    saved = save_application_version(store, fields)
    assert saved.record_id is not None  # no version given: never refused
    return saved.record_id


def save_application_version(store: Store, fields: ApplicationFields, *,
                             expected_version: int | None = None) -> SaveResult:
    """`save_application`; given `expected_version`, a save over a newer version is refused
    (app.models.versions), nothing written."""
    with store.session() as session, session.begin():
        row = session.scalar(select(HenanApplication)
                             .where(HenanApplication.plan_start_year == fields.plan_start_year))
        if row is not None:
            newer = claim(session, HenanApplication, row.id, expected_version,
                          str(fields.plan_start_year))
            if newer is not None:
                session.rollback()
                return SaveResult(None, [newer])
        if row is None:
            row = HenanApplication(updated_by=editor_name())
            session.add(row)
        fields.apply_to(row)
        session.flush()
        return SaveResult(row.id)
