"""JSON interchange, version 4: the keys of the notices' other forms (issue 14).

- patents gain "inventors" (list of names) and "annual_fee_paid_until" (ISO date);
- "contracts": licence contracts (专利开放许可合同), each with its licensee's block;
- "henan_applications": the Henan application and work plan, one per plan period.

app.interchange calls this module: its schema takes the keys below, its version-4 reader calls
`read_sections` and `read_patent_extras`, its import calls `import_sections`, its export
`export_sections` and `patent_extras`. This module does not import app.interchange (no import
circle): the reader is passed in and used through the methods every version's reader has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.models.contracts import (
    PARTY_KEYS,
    TEXT_FIELDS,
    Contract,
    ContractFields,
    PartyBlock,
    inventor_names,
    read_contract,
)
from app.models.entities import Patent
from app.models.fees import OPTION_PARAMETERS
from app.models.henan_application import (
    TEXT_KEYS as APPLICATION_TEXT_KEYS,
)
from app.models.henan_application import (
    ApplicationFields,
    HenanApplication,
    read_application,
)

if TYPE_CHECKING:
    from app.models.store import Store

VERSION = 4

# (name, required, since), turned into app.interchange.Key by the caller.
PATENT_KEYS_V4: tuple[tuple[str, bool, int], ...] = (
    ("inventors", False, VERSION),
    ("annual_fee_paid_until", False, VERSION),
)
SECTION_KEYS_V4: tuple[tuple[str, bool, int], ...] = (
    ("contracts", False, VERSION),
    ("henan_applications", False, VERSION),
)
CONTRACT_KEYS: tuple[tuple[str, bool, int], ...] = (
    ("patents", True, VERSION),
    ("licensee", True, VERSION),
    *((name, False, VERSION) for name in TEXT_FIELDS),
    ("fee", False, VERSION),
    ("copies", False, VERSION),
    ("signed_on", False, VERSION),
)
LICENSEE_KEYS: tuple[tuple[str, bool, int], ...] = tuple(
    (name, name == "name", VERSION) for name in PARTY_KEYS)
APPLICATION_KEYS: tuple[tuple[str, bool, int], ...] = (
    ("plan_start_year", True, VERSION),
    ("filed_on", False, VERSION),
    *((name, False, VERSION) for name in APPLICATION_TEXT_KEYS),
)
FEE_KEYS: tuple[str, ...] = ("option", *sorted({p for ps in OPTION_PARAMETERS.values()
                                                 for p in ps}))


@dataclass(frozen=True)
class PatentExtras:
    inventors: tuple[str, ...] | None = None  # None: not in the file, keep the register's
    annual_fee_paid_until: dt.date | None = None
    has_fee_date: bool = False


@dataclass(frozen=True)
class OtherForms:
    """What a version-4 file holds of these forms."""

    patents: Mapping[str, PatentExtras]  # by the number as written
    contracts: tuple[ContractFields, ...] = ()
    applications: tuple[ApplicationFields, ...] = ()


# Reading -------------------------------------------------------------------------------------


def read_patent_extras(reader: Any, doc: Mapping[str, Any], key: Any, child: Any
                       ) -> dict[str, PatentExtras]:
    """The version-4 keys of every patent of the file (the v1 reader checked the rest)."""
    out: dict[str, PatentExtras] = {}
    for path, value in reader.items(doc, "patents", "$"):
        if not isinstance(value, dict) or not isinstance(value.get("number"), str):
            continue
        inventors = (tuple(reader.text_list(value, "inventors", path))
                     if "inventors" in value else None)
        paid = reader.date(value, "annual_fee_paid_until", path)
        out[value["number"]] = PatentExtras(inventors, paid, "annual_fee_paid_until" in value)
    return out


def read_sections(reader: Any, doc: Mapping[str, Any], key: Any, child: Any) -> OtherForms:
    """`contracts` and `henan_applications`: the shape checked by `reader` against the keys,
    the values by the domain readers (their findings merged at their JSON paths)."""
    def keys(spec: tuple[tuple[str, bool, int], ...]) -> tuple[Any, ...]:
        return tuple(key(name, required, since) for name, required, since in spec)

    contracts: list[ContractFields] = []
    for path, value in reader.items(doc, "contracts", "$"):
        obj = reader.object(value, path, keys(CONTRACT_KEYS))
        if obj is None:
            continue
        reader.text_list(obj, "patents", path)
        licensee = reader.object(obj.get("licensee"), child(path, "licensee"),
                                 keys(LICENSEE_KEYS))
        if licensee is not None:
            for name in PARTY_KEYS:
                reader.optional_text(licensee, name, child(path, "licensee"))
        for name in TEXT_FIELDS:
            reader.optional_text(obj, name, path)
        reader.integer(obj, "copies", path)
        reader.date(obj, "signed_on", path)
        if obj.get("fee") is not None:
            reader.object(obj.get("fee"), child(path, "fee"),
                          tuple(key(n, n == "option", VERSION) for n in FEE_KEYS))
        fields, findings = read_contract(obj, path)
        reader.merge(findings)
        contracts.append(fields)

    applications: list[ApplicationFields] = []
    seen: dict[int, str] = {}
    for path, value in reader.items(doc, "henan_applications", "$"):
        obj = reader.object(value, path, keys(APPLICATION_KEYS))
        if obj is None:
            continue
        reader.integer(obj, "plan_start_year", path)
        reader.date(obj, "filed_on", path)
        for name in APPLICATION_TEXT_KEYS:
            reader.optional_text(obj, name, path)
        application, problems = read_application(dict(obj), path)
        reader.merge(problems)
        year = application.plan_start_year
        if year in seen:
            reader.problem("json.duplicate_application", child(path, "plan_start_year"),
                           year=year, first=seen[year])
        seen[year] = path
        applications.append(application)
    return OtherForms({}, tuple(contracts), tuple(applications))


# Importing -----------------------------------------------------------------------------------


def _contract_key(fields: ContractFields) -> tuple[str, tuple[str, ...], dt.date | None]:
    return fields.licensee.name.strip(), tuple(fields.patents), fields.signed_on


def import_sections(store: Store, forms: OtherForms) -> tuple[int, int]:
    """Merge what the file holds: patents' inventors and fee dates (where the file gives them),
    contracts matched by licensee, patents and signing date, applications by plan period.
    Returns (contracts, applications) imported."""
    from sqlalchemy import update

    from app.models.form_records import save_application, save_contract
    from app.models.store import stored_number

    # Only the patents the file gives something for.
    wanted = {stored_number(number): extras for number, extras in forms.patents.items()
              if extras.inventors is not None or extras.has_fee_date}
    numbers = sorted(wanted)
    with store.session() as session, session.begin():
        # Read a few thousand patents at a time and update only those that change, in one
        # executemany: a query per patent made a 10,000-patent restore wait on the server.
        changes: list[dict[str, Any]] = []
        for start in range(0, len(numbers), 2000):
            for patent_id, number, inventors, paid in session.execute(
                select(Patent.id, Patent.number, Patent.inventors, Patent.annual_fee_paid_until)
                .where(Patent.number.in_(numbers[start : start + 2000]))
            ):
                extras = wanted[number]
                new_inventors, new_paid = inventors, paid
                if extras.inventors is not None:
                    new_inventors = "\n".join(n.strip() for n in extras.inventors if n.strip())
                if extras.has_fee_date:
                    new_paid = extras.annual_fee_paid_until
                if (new_inventors, new_paid) != (inventors, paid):
                    changes.append({"id": patent_id, "inventors": new_inventors,
                                    "annual_fee_paid_until": new_paid})
        for start in range(0, len(changes), 2000):
            session.execute(update(Patent), changes[start : start + 2000])
    existing: dict[tuple[str, tuple[str, ...], dt.date | None], int] = {}
    with store.session() as session:
        for row in session.scalars(select(Contract)):
            existing[_contract_key(ContractFields.of(row))] = row.id
    for fields in forms.contracts:
        stored = ContractFields(**{**fields.__dict__, "patents": tuple(
            stored_number(n) for n in fields.patents)})
        save_contract(store, stored, existing.get(_contract_key(stored)))
    for application in forms.applications:
        save_application(store, application)
    return len(forms.contracts), len(forms.applications)


# Exporting -----------------------------------------------------------------------------------


def patent_extras(store: Store) -> dict[str, dict[str, Any]]:
    """number → the version-4 keys of that patent, only where they carry something."""
    out: dict[str, dict[str, Any]] = {}
    with store.session() as session:
        for number, inventors, paid in session.execute(
                select(Patent.number, Patent.inventors, Patent.annual_fee_paid_until)):
            extra: dict[str, Any] = {}
            if inventor_names(inventors or ""):
                extra["inventors"] = inventor_names(inventors)
            if paid is not None:
                extra["annual_fee_paid_until"] = paid.isoformat()
            if extra:
                out[number] = extra
    return out


def _json_fee(fee: Mapping[str, Any]) -> dict[str, Any]:
    from app.models.fees import to_decimal

    out: dict[str, Any] = {}
    for k, v in fee.items():
        number = to_decimal(v) if isinstance(v, str) and k not in ("option", "period", "text") \
            else None
        if number is None:
            out[k] = v
        else:
            out[k] = int(number) if number == number.to_integral_value() else float(number)
    return out


def export_sections(store: Store) -> dict[str, Any]:
    """`contracts` (by id, the order they were made) and `henan_applications` (by period)."""
    docs: list[dict[str, Any]] = []
    with store.session() as session:
        for row in session.scalars(select(Contract).order_by(Contract.id)):
            data = ContractFields.of(row).to_dict()
            if "fee" in data:
                data["fee"] = _json_fee(data["fee"])
            data["licensee"] = {k: v for k, v in PartyBlock(
                **{k: data["licensee"].get(k, "") for k in PARTY_KEYS}).__dict__.items()
                if v or k == "name"}
            docs.append(data)
        applications = [ApplicationFields.of(row).to_dict() for row in session.scalars(
            select(HenanApplication).order_by(HenanApplication.plan_start_year))]
    return {"contracts": docs, "henan_applications": applications}

