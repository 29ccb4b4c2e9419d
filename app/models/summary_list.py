"""The Hubei summary list (湖北省专利开放许可（试点）汇总表, notice 003 附件 3), as data.

Every cell comes from the records — the patent (number, title, patentees, status, type from the
number) and its offer (single term, open scope, contact) — never typed twice. The Excel writer
(app.export.excel.summary_list) and the PDF lay these rows out; the importer reads the same
headings back. Wording follows the notice character for character, including its ASCII colon in
"联系人:" on the header line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from app.models.entities import LEGAL_STATUS_LABELS_ZH, LegalStatus, Offer
from app.models.patent_number import KIND_LABELS_ZH, parse

TITLE = "湖北省专利开放许可（试点）汇总表"

# The header line under the title, label by label, as the notice prints it.
UNIT_LABEL = "单位名称（盖章）："
CONTACT_LABEL = "联系人:"
PHONE_LABEL = "联系电话："


@dataclass(frozen=True)
class SummaryColumn:
    key: str  # the SummaryRow attribute
    heading: str  # official heading on one line (what the importer matches)
    wrapped: str  # the same heading broken where the notice breaks it


# The official column headings, in order. The notice sets several in narrow cells over two or
# three lines; `wrapped` keeps those breaks where a word is not split (专利法律状态 stays whole).
COLUMNS: tuple[SummaryColumn, ...] = (
    SummaryColumn("serial", "序号", "序号"),
    SummaryColumn("number", "专利号", "专利号"),
    SummaryColumn("title", "专利名称", "专利名称"),
    SummaryColumn("patentees", "专利权人（全部）", "专利权人\n（全部）"),
    SummaryColumn("single_term", "单次许可期限", "单次许可\n期限"),
    SummaryColumn("legal_status", "专利法律状态", "专利法律状态"),
    SummaryColumn(
        "kind", "专利类型（发明/实用新型/外观设计）", "专利类型（发明\n/实用新型/\n外观设计）"
    ),
    SummaryColumn("open_scope", "开放范围（全省/XX 市）", "开放范围\n（全省/\nXX 市）"),
    SummaryColumn("contact_name", "联系人", "联系人"),
    SummaryColumn("contact_phone", "联系电话", "联系电话"),
)

# A date no record can have: the stamp of an empty list, so it too is deterministic.
EMPTY_LIST_DATE = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class SummaryRow:
    serial: int
    number: str  # official notation, ZL201710601862.3
    title: str
    patentees: str  # all patentees in order, joined with 、
    single_term: str
    legal_status: str  # 有效, 失效（…）
    kind: str  # 发明 / 实用新型 / 外观设计
    open_scope: str
    contact_name: str
    contact_phone: str

    def cells(self) -> tuple[int | str, ...]:
        return tuple(getattr(self, column.key) for column in COLUMNS)


@dataclass(frozen=True)
class SummaryList:
    """One summary list: the unit's header line and one row per offer."""

    unit_name: str
    contact_name: str
    contact_phone: str
    rows: tuple[SummaryRow, ...]
    # When the data last changed (the newest finalisation): the workbook's and PDF's fixed
    # creation date, so the same data always gives the same file.
    dated: dt.datetime = EMPTY_LIST_DATE
    title: str = TITLE
    subject: str = ""  # the batch name, for file names and the generated-document record

    @property
    def header_line(self) -> str:
        return (
            f"{UNIT_LABEL}{self.unit_name}  {CONTACT_LABEL}{self.contact_name}  "
            f"{PHONE_LABEL}{self.contact_phone}"
        )

    def data_hash(self) -> str:
        """SHA-256 of the content, to tell whether a generated file is out of date."""
        data = asdict(self)
        data["dated"] = self.dated.isoformat()
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def official_number(number: str) -> str:
    """ZL + the normalised number; a number that does not parse is shown as stored."""
    checked = parse(number)
    return checked.number.official if checked.number is not None else number


def kind_label(offer: Offer) -> str:
    kind = offer.patent.kind
    return KIND_LABELS_ZH[kind] if kind is not None else ""


def status_label(status: str) -> str:
    try:
        return LEGAL_STATUS_LABELS_ZH[LegalStatus(status)]
    except ValueError:
        return status


def summary_row(serial: int, offer: Offer) -> SummaryRow:
    patent = offer.patent
    return SummaryRow(
        serial=serial,
        number=official_number(patent.number),
        title=patent.title,
        patentees="、".join(patent.patentees),
        single_term=offer.single_term,
        legal_status=status_label(patent.legal_status),
        kind=kind_label(offer),
        open_scope=offer.open_scope,
        contact_name=offer.contact_name,
        contact_phone=offer.contact_phone,
    )


def build_summary_list(
    unit_name: str,
    contact_name: str,
    contact_phone: str,
    offers: Sequence[Offer],
    *,
    subject: str = "",
) -> SummaryList:
    """The list of `offers` in the order given (序号 from 1)."""
    stamps = [o.finalised_at or o.updated_at for o in offers if o.finalised_at or o.updated_at]
    return SummaryList(
        unit_name=unit_name,
        contact_name=contact_name,
        contact_phone=contact_phone,
        rows=tuple(summary_row(i, offer) for i, offer in enumerate(offers, start=1)),
        dated=max(stamps).replace(microsecond=0) if stamps else EMPTY_LIST_DATE,
        subject=subject,
    )
