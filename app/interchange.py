"""The JSON interchange file: the whole dataset for backup, moving computers and tests.

Version 1 (DESIGN.md, "Interchange")::

    {"format": "licence-desk", "version": 1,
     "organisation": {"name", "legal_representative", "address", "postcode", "phone", "fax",
                      "email", "contacts": [{"name", "department", "title", "office_phone",
                                             "mobile", "email"}]},
     "patents": [{"number", "title", "filing_date", "grant_date", "patentees": [...],
                  "legal_status", "kind"?, "term_compensation_days"?, "expiry_override"?,
                  "expiry_override_note"?, "remarks"?}]}

Reading is two separate questions. Does the file fit the format (JSON, marker, version, keys,
types, ISO dates, enums)? Every misfit is collected with its JSON path (`$.patents[3].filing_date`)
as a `Finding` whose field is that path, and the file is refused whole. Do the records obey the
domain rules (check characters, dates in order …)? That is not the file's business: such records
import as drafts and their findings show in `validate`, as if typed in the window.

Version 2 adds the patents' "pledged" flag and the offers (information sheets)::

    "offers": [{"patent": NUMBER,
                "self_exploitation": {"status": "none"} |
                                     {"status": "implemented", "period", "scope", "manner"},
                "licensing_to_others": {"status": "none"} |
                                       {"status": "licensed", "period", "scope", "kind"?},
                "licence_expiry": DATE, "fee": FEE, "other_terms"?,
                "contact": {"name", "address", "postcode", "phone", "email"},
                "open_scope"?, "single_term"?, "declared_on"?, "state"?}]

with FEE one of {"option": "free"}, {"option": "entry_plus_royalty", "entry_fee_yuan",
"royalty_percent"}, {"option": "lump_sum", "days", "amount_yuan"}, {"option": "instalments",
"first_days", "first_yuan", "period": "month"|"quarter"|"year", "period_days", "batches",
"each_yuan", "count", "total_yuan"}, {"option": "other", "text"}. What is inside FEE is the
domain's business: a list of several options (two ticked), an unknown option or a missing figure
imports as a draft carrying that rule's finding. "state" "finalised" asks for the offer to be
finalised on import, which happens only when it has no errors.

Version 3 adds the achieved licences and the Henan summary books::

    "deals": [{"serial"?, "patents": [NUMBER, …], "licensee", "date", "term"?, "via_offer",
               "payment": {"method", "amount_yuan"?, "entry_fee_yuan"?, "royalty_percent"?,
                           "text"?},
               "agency"?, "remarks"?}],
    "summary_books": [{"period_end": "YYYY-MM", "filled_on"?,
                       "lead"?: {"name"?, "mobile"?, "department"?, "title"?, "phone"?, "fax"?},
                       "unit_profile"?, "self_evaluation"?, "platform_name"?, "platform_url"?,
                       "smes_reached"?, "overrides"?: {FIGURE: NUMBER}}]

Version 4 adds "competent_authority"?, "organisation_code"?, "ip_leader"? and "centre_head"?
(主管单位, 统一社会信用代码, 分管校领导, 牵头部门负责人) to the organisation,
"received_yuan"? (到款额) to a deal and "ops_centre_reports": [REPORT], each
REPORT the shape of app.models.ops_centre.OpsCentreFields.to_dict() (app/interchange_ops_centre.py);
reports match by report_year on import.

"method" is a app.models.deals.PaymentMethod value ("" while not chosen); FIGURE is a
app.models.summary_book.Figure value. Money, percentages and figures are JSON numbers (50000,
12500.5; exact to 15 significant digits, as they pass through binary floats). A deal names its
patents by number in any notation; each must be in the file or the register, or the file is
refused (`json.deal_patent_unknown`). Rule breaches (no contract file, an amount not positive …)
import as drafts carrying their findings. Supporting files (contracts, receipts) are not in the
JSON but in the data folder: a deal keeps those it already has. A book's state is not carried
(its findings are computed from the records whenever it is opened).

Matching on import. A deal is the same deal when its date, its trimmed licensee and its set of
normalised patent numbers are equal; several alike pair up in 序号 order, so importing a file
twice changes nothing. A matched deal keeps its 序号 (its stored files are named by it) and its
link to an offer; a new deal takes the file's "serial" when that 序号 is free, else the next one.
A deal edited since the export no longer matches and comes back as a second deal. Books match by
period_end; a finalised book whose content changes returns to draft, a new one is a draft.

Version 4 adds the stock-patent inventory ("screenings"), read and written by
app.interchange_inventory (its docstring has the format).

Version 5 adds what a one-file backup needs to restore the whole register: each deal's
"files", the generated "documents" with their sealed scans, and "record_states"; read and
written by app.interchange_files (its docstring has the format). The files' bytes travel beside
the JSON in the backup zip (app.usecases.backup).

Later versions slot in: every top-level section and record key says from which version on it
exists (`since`), a file may only use what its version has, and export always writes
`CURRENT_VERSION`.

No Qt here: the command line and tests use it headless.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from app import interchange_files, interchange_forms, interchange_ops_centre
from app.file_modes import normal_mode
from app.interchange_inventory import (
    ScreeningEntry,
    read_screenings,
    screening_documents,
    unknown_patents,
    write_screenings,
)
from app.models import ops_centre_records
from app.models.deals import DealFields, DealRecord, PaymentMethod, read_deal
from app.models.entities import DocumentState, LegalStatus, Offer, Patent
from app.models.fees import to_decimal
from app.models.findings import Finding, error
from app.models.offers import (
    LicenceKind,
    Licensing,
    OfferContact,
    OfferFields,
    SelfExploitation,
    check_offer,
    fee_json,
)
from app.models.ops_centre import OpsCentreFields
from app.models.patent_number import PatentKind, parse
from app.models.patent_rules import PatentFields, check_patent
from app.models.ranges import JSON_NUMBER_MAX, TEXT_MAX, Domain, range_finding
from app.models.store import (
    ORGANISATION_DETAILS,
    ContactData,
    OrganisationData,
    Store,
    stored_number,
)
from app.models.summary_book import LEAD_LABELS, Figure, SummaryBookFields, read_summary_book
from app.os_errors import reason_params

FORMAT: Final = "licence-desk"
CURRENT_VERSION: Final = 5
ROOT: Final = "$"

LEGAL_STATUSES: Final = tuple(s.value for s in LegalStatus)
KINDS: Final = tuple(k.value for k in PatentKind)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_EXCERPT_CHARS = 40


# The result of reading ---------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """What a file holds, in the shapes the store takes. None organisation: not in the file."""

    organisation: OrganisationData | None = None
    patents: tuple[PatentFields, ...] = ()
    # (patent number as written, the sheet, whether the file asks for it finalised)
    offers: tuple[tuple[str, OfferFields, bool], ...] = ()
    deals: tuple[DealEntry, ...] = ()
    books: tuple[SummaryBookFields, ...] = ()
    # Version 4: contracts, Henan applications, patents' inventors (app.interchange_forms).
    other_forms: interchange_forms.OtherForms | None = None
    ops_reports: tuple[OpsCentreFields, ...] = ()  # version 4
    screenings: tuple[ScreeningEntry, ...] = ()  # version 4 (app.interchange_inventory)
    files: interchange_files.FilesSection | None = None  # version 5 (app.interchange_files)


@dataclass(frozen=True)
class DealEntry:
    """A deal of the file: the 序号 it had where it was exported (None: not given) and its data."""

    serial: int | None
    fields: DealFields
    files: tuple[interchange_files.DealFileEntry, ...] = ()  # version 5


@dataclass(frozen=True)
class ReadResult:
    """A dataset, or the problems that refuse the file (each a Finding whose field is a path)."""

    dataset: Dataset | None
    problems: tuple[Finding, ...] = ()
    version: int | None = None

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not self.problems

    @property
    def unreadable(self) -> bool:
        """The file itself could not be opened (as opposed to read and found wrong)."""
        return any(p.code == "json.unreadable" for p in self.problems)


@dataclass(frozen=True)
class ImportResult:
    """What an import did. Any `problems` mean the file was refused and nothing was written."""

    problems: tuple[Finding, ...] = ()
    unreadable: bool = False
    created: int = 0
    updated: int = 0
    organisation_replaced: bool = False
    # Domain findings of the imported records (kept as drafts), by stored number.
    record_findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    offers: int = 0
    offer_findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    deals: int = 0
    deals_created: int = 0
    # Findings of the imported deals that have errors (kept as drafts), by 序号.
    deal_findings: Mapping[int, tuple[Finding, ...]] = field(default_factory=dict)
    books: int = 0
    books_created: int = 0

    @property
    def imported(self) -> bool:
        return not self.problems

    @property
    def records_with_errors(self) -> int:
        return self.patents_with_errors + self.offers_with_errors + self.deals_with_errors

    @property
    def patents_with_errors(self) -> int:
        return _with_errors(self.record_findings.values())

    @property
    def offers_with_errors(self) -> int:
        """Information sheets with errors of their own (kept as drafts)."""
        return _with_errors(self.offer_findings.values())

    @property
    def deals_with_errors(self) -> int:
        return _with_errors(self.deal_findings.values())


def _with_errors(findings_of_records: Iterable[tuple[Finding, ...]]) -> int:
    return sum(1 for findings in findings_of_records if any(f.is_error for f in findings))


# JSON paths and excerpts -------------------------------------------------------------------


def child(path: str, key: str | int) -> str:
    """`$.patents` + 3 → `$.patents[3]`; odd keys are quoted so the path stays unambiguous."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENTIFIER.match(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def excerpt(value: Any) -> str:
    """A short, language-neutral rendering of a JSON value for a message."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1] + "…"


# The schema, version-gated -----------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One key of a JSON object: whether it must be there and from which version it exists."""

    name: str
    required: bool = True
    since: int = 1


# A key left out means empty, as null does for optional values: only the keys that say which
# record an entry is (a patent's number, an offer's patent, a book's period) must be there.
# A key the format does not have is refused (a misspelt key would otherwise lose data).
ORGANISATION_KEYS: Final = (
    Key("name", required=False),
    Key("legal_representative", required=False),
    Key("address", required=False),
    Key("postcode", required=False),
    Key("phone", required=False),
    Key("fax", required=False),
    Key("email", required=False),
    Key("contacts", required=False),
    # Version 4: the unit's details the operations-centre table prints (issue 11).
    *(Key(name, required=False, since=4) for name in ORGANISATION_DETAILS),
)
# The organisation's own text fields (everything but its list of contacts).
_ORGANISATION_TEXT: Final = frozenset(k.name for k in ORGANISATION_KEYS) - {"contacts"}
CONTACT_KEYS: Final = (
    Key("name", required=False),
    Key("department", required=False),
    Key("title", required=False),
    Key("office_phone", required=False),
    Key("mobile", required=False),
    Key("email", required=False),
)
PATENT_KEYS: Final = (
    Key("number"),
    Key("title", required=False),
    Key("filing_date", required=False),
    Key("grant_date", required=False),
    Key("patentees", required=False),
    Key("legal_status", required=False),
    Key("kind", required=False),
    Key("term_compensation_days", required=False),
    Key("expiry_override", required=False),
    Key("expiry_override_note", required=False),
    Key("remarks", required=False),
    Key("pledged", required=False, since=2),
    *(Key(*spec) for spec in interchange_forms.PATENT_KEYS_V4),
)
OFFER_KEYS: Final = (
    Key("patent"),
    Key("self_exploitation", required=False),
    Key("licensing_to_others", required=False),
    Key("licence_expiry", required=False),
    Key("fee", required=False),
    Key("other_terms", required=False),
    Key("contact", required=False),
    Key("open_scope", required=False),
    Key("single_term", required=False),
    Key("declared_on", required=False),
    Key("state", required=False),
)
SELF_EXPLOITATION_KEYS: Final = (
    Key("status", required=False),
    Key("period", required=False),
    Key("scope", required=False),
    Key("manner", required=False),
)
LICENSING_KEYS: Final = (
    Key("status", required=False),
    Key("period", required=False),
    Key("scope", required=False),
    Key("kind", required=False),
)
OFFER_CONTACT_KEYS: Final = tuple(
    Key(name, required=False) for name in ("name", "address", "postcode", "phone", "email")
)
OFFER_STATES: Final = (DocumentState.DRAFT.value, DocumentState.FINALISED.value)
# Deals and books exist from version 3 on through their sections; a key they gain later says so.
DEAL_KEYS: Final = (
    Key("serial", required=False),
    Key("patents", required=False),
    Key("licensee", required=False),
    Key("date", required=False),
    Key("term", required=False),
    Key("via_offer", required=False),
    Key("payment", required=False),
    Key("agency", required=False),
    Key("remarks", required=False),
    Key("received_yuan", required=False, since=4),
    Key(interchange_files.DEAL_FILES, required=False, since=interchange_files.SINCE),
)
PAYMENT_KEYS: Final = (
    Key("method", required=False),
    Key("amount_yuan", required=False),
    Key("entry_fee_yuan", required=False),
    Key("royalty_percent", required=False),
    Key("text", required=False),
)
PAYMENT_METHODS: Final = tuple(m.value for m in PaymentMethod)
_PAYMENT_FIGURES: Final = ("amount_yuan", "entry_fee_yuan", "royalty_percent")
BOOK_KEYS: Final = (
    Key("period_end"),
    Key("filled_on", required=False),
    Key("lead", required=False),
    Key("unit_profile", required=False),
    Key("self_evaluation", required=False),
    Key("platform_name", required=False),
    Key("platform_url", required=False),
    Key("smes_reached", required=False),
    Key("overrides", required=False),
)
_BOOK_TEXTS: Final = ("unit_profile", "self_evaluation", "platform_name", "platform_url")
LEAD_KEYS: Final = tuple(Key(name, required=False) for name, _ in LEAD_LABELS)
OVERRIDE_KEYS: Final = tuple(Key(f.value, required=False) for f in Figure)
# Top level besides "format" and "version". Version 2 adds Key("offers", since=2), and so on.
SECTION_KEYS: Final = (
    Key("organisation", required=False),
    Key("patents", required=False),
    Key("offers", required=False, since=2),
    Key("deals", required=False, since=3),
    Key("summary_books", required=False, since=3),
    *(Key(*spec) for spec in interchange_forms.SECTION_KEYS_V4),
    Key(interchange_ops_centre.SECTION, required=False, since=interchange_ops_centre.SINCE),
    Key("screenings", required=False, since=4),
    Key(interchange_files.DOCUMENTS, required=False, since=interchange_files.SINCE),
    Key(interchange_files.STATES, required=False, since=interchange_files.SINCE),
)


class _Reader:
    """Collects every format problem of one document; the readers return values regardless."""

    def __init__(self, version: int) -> None:
        self.version = version
        self.problems: list[Finding] = []

    def problem(self, code: str, path: str, **params: Any) -> None:
        self.problems.append(error(code, path, **params))

    def object(self, value: Any, path: str, keys: Sequence[Key]) -> dict[str, Any] | None:
        """The object at `path` with its keys checked against the schema of this version."""
        if not isinstance(value, dict):
            self.problem("json.type.object", path, value=excerpt(value))
            return None
        known = {k.name: k for k in keys if k.since <= self.version}
        for key in value:
            if key not in known:
                self.problem("json.unknown", child(path, key), key=key)
        for key in known.values():
            if key.required and key.name not in value:
                self.problem("json.missing", child(path, key.name), key=key.name)
        return value

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str:
        """A text: left out means empty, null is a type problem (a required key left out was
        reported by `object`)."""
        if key not in obj:
            return ""
        value = obj[key]
        if not isinstance(value, str):
            self.problem("json.type.text", child(path, key), value=excerpt(value))
            return ""
        return value

    def optional_text(self, obj: Mapping[str, Any], key: str, path: str) -> str:
        """An optional text: absent and null both mean empty."""
        value = obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem("json.type.text", child(path, key), value=excerpt(value))
            return ""
        return value

    def date(self, obj: Mapping[str, Any], key: str, path: str) -> dt.date | None:
        """An ISO date or null: a missing date is the domain's concern, a garbled one ours."""
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str) and _ISO_DATE.match(value):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                # A date outside the plausible years (2999-01-01) is the domain's concern:
                # the record imports as a draft carrying range.date, as if typed.
                return day
        self.problem("json.date", child(path, key), value=excerpt(value))
        return None

    def integer(self, obj: Mapping[str, Any], key: str, path: str) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        # bool is an int subclass in Python; true is not a number of days.
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem("json.type.integer", child(path, key), value=excerpt(value))
            return None
        return value

    def choice(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        choices: Sequence[str],
        *,
        optional: bool = False,
    ) -> str | None:
        value = obj.get(key)
        if key not in obj or optional and value is None:
            return None
        if not isinstance(value, str) or value not in choices:
            self.problem(
                "json.enum", child(path, key), value=excerpt(value), choices=", ".join(choices)
            )
            return None
        return value

    def number(self, obj: Mapping[str, Any], key: str, path: str) -> None:
        """A JSON number or null (money, percent, figures); the domain readers convert it."""
        value = obj.get(key)
        if value is None:
            return
        # "50000" is not a number here: export writes numbers, and a quoted one hides a typo.
        if (isinstance(value, bool) or not isinstance(value, int | float)
                or isinstance(value, float) and not math.isfinite(value)):
            self.problem("json.type.number", child(path, key), value=excerpt(value))

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem("json.type.boolean", child(path, key), value=excerpt(value))
            return False
        return value

    def text_list(self, obj: Mapping[str, Any], key: str, path: str) -> list[str]:
        value = obj.get(key)
        if key not in obj:
            return []
        if not isinstance(value, list):
            self.problem("json.type.list", child(path, key), value=excerpt(value))
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem("json.type.text", child(child(path, key), i), value=excerpt(item))
        return out

    def items(self, obj: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        """(path, value) of each element of the list at `key`; a non-list is reported."""
        if key not in obj:
            return []
        value = obj[key]
        if not isinstance(value, list):
            self.problem("json.type.list", child(path, key), value=excerpt(value))
            return []
        return [(child(child(path, key), i), item) for i, item in enumerate(value)]

    def merge(self, findings: Iterable[Finding]) -> None:
        """Findings of a domain reader (read_deal …), each at a JSON path, unless a problem of
        ours already covers its path: one misfit is reported once, in our words."""
        for finding in findings:
            if not any(_covers(p.field, finding.field) for p in self.problems):
                self.problems.append(finding)


def _covers(path: str, other: str) -> bool:
    return other == path or other.startswith((path + ".", path + "["))


def _read_contact(reader: _Reader, value: Any, path: str) -> ContactData:
    obj = reader.object(value, path, CONTACT_KEYS) or {}
    return ContactData(**{k.name: reader.text(obj, k.name, path) for k in CONTACT_KEYS})


def _read_organisation(reader: _Reader, value: Any, path: str) -> OrganisationData | None:
    if value is None:  # "organisation": null — same as absent
        return None
    obj = reader.object(value, path, ORGANISATION_KEYS)
    if obj is None:
        return None
    scalars = {k.name: reader.text(obj, k.name, path) for k in ORGANISATION_KEYS if k.name in
               _ORGANISATION_TEXT}
    contacts = tuple(
        _read_contact(reader, item, item_path)
        for item_path, item in reader.items(obj, "contacts", path)
    )
    return OrganisationData(**scalars, contacts=contacts)


def _read_patent(reader: _Reader, value: Any, path: str) -> PatentFields | None:
    obj = reader.object(value, path, PATENT_KEYS)
    if obj is None:
        return None
    number = reader.text(obj, "number", path)
    kind = reader.choice(obj, "kind", path, KINDS, optional=True)
    derived = parse(number).kind
    # The file carries the effective type; store it as entered only where it says something
    # the number does not (no valid number, or a disagreement the rules will flag).
    entered_kind = kind if kind is not None and (derived is None or kind != derived.value) else None
    return PatentFields(
        number=number,
        title=reader.text(obj, "title", path),
        patentees=tuple(reader.text_list(obj, "patentees", path)),
        filing_date=reader.date(obj, "filing_date", path),
        grant_date=reader.date(obj, "grant_date", path),
        legal_status=reader.choice(obj, "legal_status", path, LEGAL_STATUSES)
        or LegalStatus.VALID.value,
        entered_kind=entered_kind,
        term_compensation_days=reader.integer(obj, "term_compensation_days", path),
        expiry_override=reader.date(obj, "expiry_override", path),
        expiry_override_note=reader.optional_text(obj, "expiry_override_note", path),
        remarks=reader.optional_text(obj, "remarks", path),
        pledged=reader.boolean(obj, "pledged", path),
    )


def _read_patents(reader: _Reader, obj: Mapping[str, Any], path: str) -> tuple[PatentFields, ...]:
    patents: list[PatentFields] = []
    first_seen: dict[str, str] = {}
    for item_path, item in reader.items(obj, "patents", path):
        patent = _read_patent(reader, item, item_path)
        if patent is None:
            continue
        # Two entries for one number would silently merge into one record: refuse instead.
        key = stored_number(patent.number)
        if key in first_seen:
            reader.problem(
                "json.duplicate", child(item_path, "number"), number=key, first=first_seen[key]
            )
        else:
            first_seen[key] = item_path
        patents.append(patent)
    return tuple(patents)


def _read_v1(reader: _Reader, doc: Mapping[str, Any]) -> Dataset:
    organisation = _read_organisation(reader, doc.get("organisation"), child(ROOT, "organisation"))
    return Dataset(organisation=organisation, patents=_read_patents(reader, doc, ROOT))


def _read_offer(
    reader: _Reader, value: Any, path: str
) -> tuple[str, OfferFields, bool] | None:
    obj = reader.object(value, path, OFFER_KEYS)
    if obj is None:
        return None
    number = reader.text(obj, "patent", path)

    own_path = child(path, "self_exploitation")
    own = reader.object(obj.get("self_exploitation", {}), own_path, SELF_EXPLOITATION_KEYS) or {}
    # "" is a status not chosen yet (a draft sheet exports it so): the offer rules say so.
    own_status = "" if own.get("status") == "" else reader.choice(
        own, "status", own_path, [s.value for s in SelfExploitation])
    others_path = child(path, "licensing_to_others")
    others = reader.object(obj.get("licensing_to_others", {}), others_path, LICENSING_KEYS) or {}
    others_status = "" if others.get("status") == "" else reader.choice(
        others, "status", others_path, [s.value for s in Licensing])
    kind = reader.choice(others, "kind", others_path, [k.value for k in LicenceKind],
                         optional=True)

    fee = obj.get("fee")
    fee_path = child(path, "fee")
    if isinstance(fee, list):
        for i, item in enumerate(fee):
            if not isinstance(item, dict):
                reader.problem("json.type.object", child(fee_path, i), value=excerpt(item))
    elif fee is not None and not isinstance(fee, dict):
        reader.problem("json.type.object", fee_path, value=excerpt(fee))
        fee = None

    contact_path = child(path, "contact")
    contact_obj = reader.object(obj.get("contact", {}), contact_path, OFFER_CONTACT_KEYS) or {}
    contact = OfferContact(**{k.name: reader.text(contact_obj, k.name, contact_path)
                              for k in OFFER_CONTACT_KEYS})
    state = reader.choice(obj, "state", path, OFFER_STATES, optional=True)
    fields = OfferFields(
        self_exploitation=own_status or "",
        self_exploitation_period=reader.optional_text(own, "period", own_path),
        self_exploitation_scope=reader.optional_text(own, "scope", own_path),
        self_exploitation_manner=reader.optional_text(own, "manner", own_path),
        licensing=others_status or "",
        licensing_period=reader.optional_text(others, "period", others_path),
        licensing_scope=reader.optional_text(others, "scope", others_path),
        licensing_kind=kind or "",
        licence_expiry=reader.date(obj, "licence_expiry", path),
        fee=fee,
        other_terms=reader.optional_text(obj, "other_terms", path),
        contact=contact,
        open_scope=reader.optional_text(obj, "open_scope", path),
        single_term=reader.optional_text(obj, "single_term", path),
        declared_on=reader.date(obj, "declared_on", path),
    )
    return number, fields, state == DocumentState.FINALISED.value


def _read_offers(
    reader: _Reader, obj: Mapping[str, Any], path: str
) -> tuple[tuple[str, OfferFields, bool], ...]:
    offers: list[tuple[str, OfferFields, bool]] = []
    first_seen: dict[str, str] = {}
    for item_path, item in reader.items(obj, "offers", path):
        offer = _read_offer(reader, item, item_path)
        if offer is None:
            continue
        key = stored_number(offer[0])
        if key in first_seen:
            reader.problem(
                "json.duplicate", child(item_path, "patent"), number=key, first=first_seen[key]
            )
        else:
            first_seen[key] = item_path
        offers.append(offer)
    return tuple(offers)


def _read_v2(reader: _Reader, doc: Mapping[str, Any]) -> Dataset:
    first = _read_v1(reader, doc)
    return Dataset(first.organisation, first.patents, _read_offers(reader, doc, ROOT))


def _read_deal(reader: _Reader, value: Any, path: str) -> DealEntry | None:
    # Types are checked here, strictly and in the file's words; read_deal then builds the
    # domain's fields and adds whatever else it cannot read.
    obj = reader.object(value, path, DEAL_KEYS)
    if obj is None:
        return None
    serial = reader.integer(obj, "serial", path)
    if serial is not None and serial < 1:
        reader.problem("json.positive", child(path, "serial"), value=serial)
    elif serial is not None and (
            problem := range_finding(child(path, "serial"), serial, Domain.SERIAL)):
        reader.problems.append(problem)
        serial = None
    reader.text_list(obj, "patents", path)
    reader.text(obj, "licensee", path)
    reader.date(obj, "date", path)
    for key in ("term", "agency", "remarks"):
        reader.optional_text(obj, key, path)
    reader.number(obj, "received_yuan", path)
    reader.boolean(obj, "via_offer", path)
    if "payment" in obj:
        payment_path = child(path, "payment")
        payment = reader.object(obj["payment"], payment_path, PAYMENT_KEYS)
        if payment is not None:
            method = payment.get("method")
            if method != "":  # "" is a method not chosen yet: the deal rules say so
                reader.choice(payment, "method", payment_path, PAYMENT_METHODS)
            for key in _PAYMENT_FIGURES:
                reader.number(payment, key, payment_path)
            reader.optional_text(payment, "text", payment_path)
    # A payment left out is one not chosen yet, as {"method": ""} is: the deal rules say so.
    files: tuple[interchange_files.DealFileEntry, ...] = ()
    if interchange_files.DEAL_FILES in obj:
        found: list[Finding] = []
        files = interchange_files.read_deal_files(
            obj[interchange_files.DEAL_FILES], child(path, interchange_files.DEAL_FILES),
            found, child)
        reader.problems.extend(found)
        obj = {k: v for k, v in obj.items() if k != interchange_files.DEAL_FILES}
    fields, findings = read_deal(obj if "payment" in obj else {**obj, "payment": {}}, path)
    reader.merge(findings)
    return DealEntry(serial, fields, files)


def _read_deals(reader: _Reader, obj: Mapping[str, Any], path: str) -> tuple[DealEntry, ...]:
    # Two alike deals are not merged (they pair up with two stored ones), so no duplicate check.
    entries = (_read_deal(reader, item, item_path)
               for item_path, item in reader.items(obj, "deals", path))
    return tuple(entry for entry in entries if entry is not None)


def _read_book(reader: _Reader, value: Any, path: str) -> SummaryBookFields | None:
    obj = reader.object(value, path, BOOK_KEYS)
    if obj is None:
        return None
    period = obj.get("period_end")
    if "period_end" in obj and not (isinstance(period, str) and _MONTH.match(period)):
        reader.problem("json.month", child(path, "period_end"), value=excerpt(period))
    reader.date(obj, "filled_on", path)
    for key in _BOOK_TEXTS:
        reader.optional_text(obj, key, path)
    reader.integer(obj, "smes_reached", path)
    if obj.get("lead") is not None:
        lead_path = child(path, "lead")
        lead = reader.object(obj["lead"], lead_path, LEAD_KEYS) or {}
        for lead_key in LEAD_KEYS:
            reader.optional_text(lead, lead_key.name, lead_path)
    if obj.get("overrides") is not None:
        overrides_path = child(path, "overrides")
        overrides = reader.object(obj["overrides"], overrides_path, OVERRIDE_KEYS) or {}
        for figure in OVERRIDE_KEYS:
            reader.number(overrides, figure.name, overrides_path)
    fields, findings = read_summary_book(obj, path)
    if fields is None:
        # It stops at a period that is not a month; read the rest with a stand-in period so
        # that every other misfit of the entry is listed too.
        findings += read_summary_book({**obj, "period_end": "2000-01"}, path)[1]
    # An unknown figure is already ours (json.unknown), with the path quoted where need be.
    reader.merge(f for f in findings if f.code != "book.override_unknown")
    return fields


def _read_books(
    reader: _Reader, obj: Mapping[str, Any], path: str
) -> tuple[SummaryBookFields, ...]:
    books: list[SummaryBookFields] = []
    first_seen: dict[str, str] = {}
    for item_path, item in reader.items(obj, "summary_books", path):
        book = _read_book(reader, item, item_path)
        if book is None:
            continue
        # Two books of one period would silently merge into one record: refuse instead.
        if book.period_end in first_seen:
            reader.problem("json.duplicate_book", child(item_path, "period_end"),
                           period_end=book.period_end, first=first_seen[book.period_end])
        else:
            first_seen[book.period_end] = item_path
        books.append(book)
    return tuple(books)


def _read_v3(reader: _Reader, doc: Mapping[str, Any]) -> Dataset:
    older = _read_v2(reader, doc)
    deals = _read_deals(reader, doc, ROOT)
    return replace(older, deals=deals, books=_read_books(reader, doc, ROOT))


def _read_v4(reader: _Reader, doc: Mapping[str, Any]) -> Dataset:
    older = _read_v3(reader, doc)
    screenings, problems = read_screenings(doc, ROOT)
    reader.merge(problems)
    forms = interchange_forms.read_sections(reader, doc, Key, child)
    patents = interchange_forms.read_patent_extras(reader, doc, Key, child)
    return replace(older, other_forms=replace(forms, patents=patents),
                   ops_reports=interchange_ops_centre.read_reports(reader, doc, ROOT),
                   screenings=screenings)


def _read_v5(reader: _Reader, doc: Mapping[str, Any]) -> Dataset:
    older = _read_v4(reader, doc)
    found: list[Finding] = []
    files = interchange_files.read_sections(doc, ROOT, found, child)
    reader.problems.extend(found)
    return replace(older, files=files)


# One reader per version; a newer one calls the older and reads what its version added.
READERS: Final[dict[int, Callable[[_Reader, Mapping[str, Any]], Dataset]]] = {
    1: _read_v1,
    2: _read_v2,
    3: _read_v3,
    4: _read_v4,
    5: _read_v5,
}


def read_document(doc: Any) -> ReadResult:
    """Check and convert a parsed JSON document; every format problem is collected."""
    reader = _Reader(CURRENT_VERSION)
    if not isinstance(doc, dict):
        reader.problem("json.type.object", ROOT, value=excerpt(doc))
        return ReadResult(None, tuple(reader.problems))
    marker = doc.get("format")
    if marker != FORMAT:
        # Not ours at all: listing its "unknown keys" would only bury the one useful sentence.
        reader.problem("json.format", child(ROOT, "format"), value=excerpt(marker))
        return ReadResult(None, tuple(reader.problems))
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        reader.problem("json.version", child(ROOT, "version"), value=excerpt(version))
        return ReadResult(None, tuple(reader.problems))
    if version > CURRENT_VERSION:
        reader.problem(
            "json.version_newer", child(ROOT, "version"),
            version=version, supported=CURRENT_VERSION,
        )
        return ReadResult(None, tuple(reader.problems), version)

    reader.version = version
    reader.object(doc, ROOT, (Key("format"), Key("version"), *SECTION_KEYS))
    dataset = READERS[version](reader, doc)
    if reader.problems:
        return ReadResult(None, tuple(reader.problems), version)
    return ReadResult(dataset, (), version)


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are accepted by Python's json module but are not JSON.
    raise ValueError(f"{name} is not allowed in JSON")


def read_text(text: str) -> ReadResult:
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return ReadResult(
            None, (error("json.not_json", ROOT, line=exc.lineno, column=exc.colno, reason=exc.msg),)
        )
    except (ValueError, RecursionError) as exc:
        problem = error("json.not_json", ROOT, line="?", column="?", reason=str(exc))
        return ReadResult(None, (problem,))
    hostile = hostile_values(doc)
    if hostile:
        return ReadResult(None, tuple(hostile))
    return read_document(doc)


def hostile_values(doc: Any, limit: int = 50) -> list[Finding]:
    """Values no field of any version can hold, wherever they are: numbers beyond
    JSON_NUMBER_MAX (2^63, 1e300), text with lone surrogates (which no database or file can
    store) and text longer than TEXT_MAX. Found before any reader converts anything; at most
    `limit` are listed."""
    problems: list[Finding] = []
    stack: list[tuple[str, Any]] = [(ROOT, doc)]
    while stack and len(problems) < limit:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if _has_surrogate(key):
                    problems.append(error("json.text_invalid", path, value=_escaped(key)))
                    continue
                stack.append((child(path, key), item))
        elif isinstance(value, list):
            stack.extend((child(path, i), item) for i, item in enumerate(value))
        elif isinstance(value, str):
            if _has_surrogate(value):
                problems.append(error("json.text_invalid", path, value=_escaped(value)))
            elif len(value) > TEXT_MAX:
                problems.append(error("json.text_too_long", path, length=len(value),
                                      limit=TEXT_MAX))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and abs(value) > JSON_NUMBER_MAX or (
                isinstance(value, float) and math.isfinite(value)
                and abs(value) > JSON_NUMBER_MAX):
            problems.append(error("json.number_too_large", path, value=excerpt(value),
                                  limit=f"{JSON_NUMBER_MAX:.0e}"))
    return problems


def _escaped(text: str) -> str:
    """An excerpt that can be printed: a lone surrogate shown as \\ud800."""
    return excerpt(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _decode(data: bytes) -> str:
    # Windows tools write what they like: Notepad UTF-8 with a byte-order mark, PowerShell 5's
    # Out-File UTF-16. Both are unambiguous from the mark; anything else must be UTF-8.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def read_file(path: str | os.PathLike[str]) -> ReadResult:
    """Read and check a whole file; nothing is written anywhere."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = error("json.unreadable", ROOT, path=str(path), **reason_params(exc))
        return ReadResult(None, (problem,))
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        problem = error("json.encoding", ROOT, path=str(path), offset=exc.start + 1)
        return ReadResult(None, (problem,))
    return read_text(text)


# Import ------------------------------------------------------------------------------------


def _deal_key(fields: DealFields) -> tuple[dt.date | None, str, tuple[str, ...]]:
    """What makes two deals the same deal across databases, which share no ids: the date, the
    licensee and the patents (as a set: their order is the contract's wording)."""
    numbers = sorted(stored_number(n) for n in fields.patents if n.strip())
    return fields.licence_date, fields.licensee.strip(), tuple(numbers)


def plan_deals(
    entries: Sequence[DealEntry], stored: Sequence[DealRecord]
) -> list[tuple[int | None, int, DealFields]]:
    """(stored deal id or None for a new deal, its 序号, its fields) for each entry, in order.

    Matched deals keep their 序号 and, when still "via_offer", their link to an offer. A new deal
    takes the file's 序号 where no stored or other new deal has it, else the next free one.
    """
    unmatched: dict[tuple[dt.date | None, str, tuple[str, ...]], list[DealRecord]] = {}
    for stored_record in sorted(stored, key=lambda r: r.serial):
        unmatched.setdefault(_deal_key(stored_record.fields), []).append(stored_record)
    matches = [unmatched.get(_deal_key(e.fields), []) for e in entries]
    matched = [alike.pop(0) if alike else None for alike in matches]

    taken = {r.serial for r in stored}
    serials: list[int | None] = [r.serial if r is not None else None for r in matched]
    for i, entry in enumerate(entries):  # first the 序号 the file asks for, where free …
        if serials[i] is None and entry.serial is not None and entry.serial not in taken:
            serials[i] = entry.serial
            taken.add(entry.serial)
    plan: list[tuple[int | None, int, DealFields]] = []
    for entry, record, serial in zip(entries, matched, serials, strict=True):
        if serial is None:  # … then the next free one, in file order
            serial = max(taken, default=0) + 1
            taken.add(serial)
        fields = entry.fields
        if record is not None and fields.via_offer:
            fields = replace(fields, offer_id=record.fields.offer_id)
        plan.append((record.id if record is not None else None, serial, fields))
    return plan


def import_dataset(
    store: Store, dataset: Dataset, progress: Callable[[int, int], bool] | None = None
) -> ImportResult:
    """Merge a checked dataset: one transaction, patents matched by normalised number.

    `progress(done, total)` counts patents written; returning False cancels: the transaction is
    rolled back and `app.models.store.Cancelled` raised, nothing written.

    An offer or a deal must name patents of the file or of the register; one that names another
    refuses the file (`json.offer_patent_unknown`, `json.deal_patent_unknown`) before anything
    is written. Deals and books are matched as the module docstring says.
    """
    existing = store.patent_numbers()  # numbers only: ORM objects of 50,000 patents take 10 s
    numbers = [stored_number(p.number) for p in dataset.patents]
    in_file = dict(zip(numbers, dataset.patents, strict=True))

    def known(number: str) -> bool:
        return stored_number(number) in in_file or stored_number(number) in existing

    problems = [
        error("json.offer_patent_unknown", child(child(child(ROOT, "offers"), i), "patent"),
              number=number)
        for i, (number, _fields, _finalise) in enumerate(dataset.offers)
        if not known(number)
    ]
    problems += [
        error("json.deal_patent_unknown",
              child(child(child(child(ROOT, "deals"), i), "patents"), j), number=number)
        for i, entry in enumerate(dataset.deals)
        for j, number in enumerate(entry.fields.patents)
        if not known(number)
    ]
    problems += unknown_patents(dataset.screenings, set(in_file) | set(existing), ROOT)
    if problems:
        return ImportResult(problems=tuple(problems))
    plan = plan_deals(dataset.deals, store.deals())
    periods = {b.period_end for b in store.summary_books()}
    from app.models.column_limits import ColumnTooLong

    try:
        store.replace_all(dataset.organisation, list(dataset.patents), list(dataset.offers),
                          plan, list(dataset.books), progress=progress)
    except ColumnTooLong as exc:  # one transaction: nothing was written
        return ImportResult(problems=(error(exc.code, ROOT, **exc.params),))
    if dataset.other_forms is not None:
        interchange_forms.import_sections(store, dataset.other_forms)
    for report in dataset.ops_reports:
        ops_centre_records.save_report(store, report)
    write_screenings(store, dataset.screenings)
    interchange_files.import_sections(store, dataset.deals, plan, dataset.files,
                                      dataset.ops_reports)
    created = sum(1 for n in numbers if n not in existing)
    findings = {n: tuple(check_patent(p)) for n, p in in_file.items()}
    offer_findings: dict[str, tuple[Finding, ...]] = {}
    registered: dict[str, PatentFields] = {}
    if any(stored_number(number) not in in_file for number, _f, _x in dataset.offers):
        registered = {fields.number: fields for _id, fields in store.patent_register()}
    for number, fields, _finalise in dataset.offers:
        key = stored_number(number)
        patent = in_file.get(key) or registered[key]
        offer_findings[key] = tuple(check_offer(fields, patent))
    # The deals as stored now: with their kept files and offer link, as the window sees them.
    by_serial = {record.serial: record for record in store.deals()}
    deal_findings: dict[int, tuple[Finding, ...]] = {}
    for _deal_id, serial, _fields in plan:
        record = by_serial[serial]
        deal_findings[serial] = tuple(store.check_deal_fields(record.fields, record.id))
    return ImportResult(
        created=created,
        updated=len(numbers) - created,
        organisation_replaced=dataset.organisation is not None,
        record_findings={n: fs for n, fs in findings.items() if fs},
        offers=len(dataset.offers),
        offer_findings={n: fs for n, fs in offer_findings.items() if any(f.is_error for f in fs)},
        deals=len(plan),
        deals_created=sum(1 for deal_id, _serial, _fields in plan if deal_id is None),
        deal_findings={n: fs for n, fs in deal_findings.items() if any(f.is_error for f in fs)},
        books=len(dataset.books),
        books_created=len({b.period_end for b in dataset.books} - periods),
    )


def import_file(
    store: Store, path: str | os.PathLike[str],
    progress: Callable[[int, int], bool] | None = None,
) -> ImportResult:
    """Check the whole file first; a file with any format problem is refused, nothing written."""
    read = read_file(path)
    if read.dataset is None or read.problems:
        return ImportResult(problems=read.problems, unreadable=read.unreadable)
    return import_dataset(store, read.dataset, progress)


# Export ------------------------------------------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def organisation_document(org: OrganisationData) -> dict[str, Any]:
    doc: dict[str, Any] = {
        k.name: getattr(org, k.name) for k in ORGANISATION_KEYS if k.name in _ORGANISATION_TEXT
        # The version-4 details only when filled: the object then reads in every version.
        and (k.since == 1 or getattr(org, k.name))
    }
    doc["contacts"] = [{k.name: getattr(c, k.name) for k in CONTACT_KEYS} for c in org.contacts]
    return doc


def patent_document(patent: Patent | PatentFields) -> dict[str, Any]:
    """One patent in file form; optional keys only where they carry something."""
    fields = patent if isinstance(patent, PatentFields) else PatentFields.of(patent)
    doc: dict[str, Any] = {
        "number": fields.number,
        "title": fields.title,
        "filing_date": _date(fields.filing_date),
        "grant_date": _date(fields.grant_date),
        "patentees": list(fields.patentees),
        "legal_status": fields.legal_status,
    }
    # The effective type: what was entered, else what the number says (omitted if neither).
    derived = parse(fields.number).kind
    kind = fields.entered_kind or (derived.value if derived else None)
    optional: dict[str, Any] = {
        "kind": kind,
        "term_compensation_days": fields.term_compensation_days,
        "expiry_override": _date(fields.expiry_override),
        "expiry_override_note": fields.expiry_override_note,
        "remarks": fields.remarks,
        "pledged": fields.pledged or None,
    }
    doc.update({k: v for k, v in optional.items() if v not in (None, "")})
    return doc


def _json_number(value: Any) -> Any:
    """Money and counts as JSON numbers: 50000 not "50000", 12500.5 not 1.25E+4."""
    number = to_decimal(value) if isinstance(value, str) else None
    if number is None:
        return value
    return int(number) if number == number.to_integral_value() else float(number)


def _fee_document(stored: str) -> Any:
    data = json.loads(stored or "{}")
    if isinstance(data, dict):
        return {k: (v if k in ("option", "period", "text") else _json_number(v))
                for k, v in data.items()}
    return data  # several options ticked: kept as it came, for the clerk to resolve


def offer_document(offer: Offer) -> dict[str, Any]:
    fields = OfferFields.of(offer)
    own: dict[str, Any] = {"status": fields.self_exploitation}
    if fields.self_exploitation == SelfExploitation.IMPLEMENTED or any(
        (fields.self_exploitation_period, fields.self_exploitation_scope,
         fields.self_exploitation_manner)
    ):
        own.update(period=fields.self_exploitation_period, scope=fields.self_exploitation_scope,
                   manner=fields.self_exploitation_manner)
    others: dict[str, Any] = {"status": fields.licensing}
    if fields.licensing == Licensing.LICENSED or fields.licensing_period or fields.licensing_scope:
        others.update(period=fields.licensing_period, scope=fields.licensing_scope)
    if fields.licensing_kind:
        others["kind"] = fields.licensing_kind
    doc: dict[str, Any] = {
        "patent": offer.patent.number,
        "self_exploitation": own,
        "licensing_to_others": others,
        "licence_expiry": _date(fields.licence_expiry),
        "fee": _fee_document(fee_json(fields.fee)),
        "contact": {k.name: getattr(fields.contact, k.name) for k in OFFER_CONTACT_KEYS},
    }
    optional: dict[str, Any] = {
        "other_terms": fields.other_terms,
        "open_scope": fields.open_scope,
        "single_term": fields.single_term,
        "declared_on": _date(fields.declared_on),
        # Generated, sealed and submitted depend on files outside the JSON: finalised is
        # what a file can carry.
        "state": None if offer.state == DocumentState.DRAFT.value
        else DocumentState.FINALISED.value,
    }
    doc.update({k: v for k, v in optional.items() if v not in (None, "")})
    return doc


def deal_document(record: DealRecord) -> dict[str, Any]:
    """One deal in file form, keys in DEAL_KEYS order; money as JSON numbers."""
    data = {"serial": record.serial, **record.fields.to_dict()}
    data["payment"] = {k: _json_number(v) if k in _PAYMENT_FIGURES else v
                       for k, v in data["payment"].items()}
    if "received_yuan" in data:
        data["received_yuan"] = _json_number(data["received_yuan"])
    return {k.name: data[k.name] for k in DEAL_KEYS if k.name in data}


def book_document(book: SummaryBookFields) -> dict[str, Any]:
    """One summary book in file form, keys in BOOK_KEYS order; overrides as JSON numbers."""
    data = book.to_dict()
    if "overrides" in data:
        data["overrides"] = {k: _json_number(v) for k, v in data["overrides"].items()}
    return {k.name: data[k.name] for k in BOOK_KEYS if k.name in data}


def build_document(
    organisation: OrganisationData,
    patents: Iterable[Patent | PatentFields],
    offers: Iterable[Offer] = (),
    deals: Iterable[DealRecord] = (),
    books: Iterable[SummaryBookFields] = (),
    ops_reports: Iterable[OpsCentreFields] = (),
    screenings: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The newest version's document; records sorted by number, 序号 or period so the bytes are
    stable."""
    docs = sorted((patent_document(p) for p in patents), key=lambda d: str(d["number"]))
    offer_docs = sorted((offer_document(o) for o in offers), key=lambda d: str(d["patent"]))
    deal_docs = [deal_document(d) for d in sorted(deals, key=lambda d: d.serial)]
    book_docs = [book_document(b) for b in sorted(books, key=lambda b: b.period_end)]
    return {
        "format": FORMAT,
        "version": CURRENT_VERSION,
        "organisation": organisation_document(organisation),
        "patents": docs,
        "offers": offer_docs,
        "deals": deal_docs,
        "summary_books": book_docs,
        interchange_ops_centre.SECTION: interchange_ops_centre.report_documents(ops_reports),
        "screenings": sorted((dict(d) for d in screenings), key=lambda d: str(d["patent"])),
    }


def dumps(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_document(store: Store) -> dict[str, Any]:
    doc = build_document(store.organisation(), store.patents(), store.offers(), store.deals(),
                         store.summary_books(), ops_centre_records.all_reports(store),
                         screening_documents(store))
    extras = interchange_forms.patent_extras(store)
    for patent in doc["patents"]:
        patent.update(extras.get(patent["number"], {}))
    doc.update(interchange_forms.export_sections(store))
    interchange_files.export_sections(store, doc)
    return doc


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 (no BOM, \\n line ends) through a temporary file so a crash leaves either the
    old file or the new one, never half of it."""
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        normal_mode(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def export_file(store: Store, path: str | os.PathLike[str]) -> int:
    """Write the whole dataset to `path`; returns the number of patents written.

    Raises OSError when the file cannot be written (the caller words it).
    """
    doc = export_document(store)
    write_atomically(path, dumps(doc))
    return len(doc["patents"])
