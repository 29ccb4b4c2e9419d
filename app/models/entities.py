"""SQLAlchemy entities of the register.

Patent particulars are typed once, here; every form reads them from these records. Derived
figures (type from the number, expiry from the dates) are computed, not stored, except where the
clerk overrides them (an entered kind that must agree with the number, an expiry override).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.models.legal_status import LegalStatus as LegalStatus  # its home since issue 19
from app.models.patent_number import PatentKind, parse
from app.models.term import Expiry, patent_expiry

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


LEGAL_STATUS_LABELS_ZH: dict[LegalStatus, str] = {
    LegalStatus.VALID: "有效",
    LegalStatus.LAPSED: "失效（未缴年费）",
    LegalStatus.EXPIRED: "失效（期限届满）",
    LegalStatus.INVALIDATED: "失效（宣告无效）",
}


class Organisation(Base):
    """The submitting unit (填报单位): one row."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    fax: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # The unit's own details the operations-centre table asks for (issue 11, 0008): 主管单位,
    # 组织机构代码 / 统一社会信用代码, 知识产权工作分管校领导, 运营管理中心牵头部门负责人.
    competent_authority: Mapped[str] = mapped_column(String(200), default="", server_default="")
    organisation_code: Mapped[str] = mapped_column(String(50), default="", server_default="")
    ip_leader: Mapped[str] = mapped_column(String(100), default="", server_default="")
    centre_head: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="organisation",
        order_by="Contact.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )


class Contact(Base):
    """A contact person of the unit (联系人)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    office_phone: Mapped[str] = mapped_column(String(50), default="")
    mobile: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    organisation: Mapped[Organisation] = relationship(back_populates="contacts")


class Patent(Base):
    """A patent of the unit's portfolio."""

    __tablename__ = "patent"
    __table_args__ = (UniqueConstraint("number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Normalised (201710601862.3) when valid; otherwise the text as typed, so a draft keeps it.
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text, default="")
    # The type as entered; None means "from the number". Must agree with the number (rule R1).
    entered_kind: Mapped[str | None] = mapped_column("kind", String(20), default=None)
    filing_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    grant_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    legal_status: Mapped[str] = mapped_column(String(20), default=LegalStatus.VALID.value)
    term_compensation_days: Mapped[int | None] = mapped_column(Integer, default=None)
    expiry_override: Mapped[dt.date | None] = mapped_column(Date, default=None)
    expiry_override_note: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    # 质押: a pledged patent may not be offered without the pledgee's consent (rule R7).
    pledged: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # 发明人/设计人, one a line, and 专利年费已交至: 第一条 of the licence contract prints them.
    inventors: Mapped[str] = mapped_column(Text, default="", server_default="")
    annual_fee_paid_until: Mapped[dt.date | None] = mapped_column(Date, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    offer: Mapped[Offer | None] = relationship(
        back_populates="patent", cascade="all, delete-orphan", uselist=False
    )
    patentee_rows: Mapped[list[Patentee]] = relationship(
        back_populates="patent",
        order_by="Patentee.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def patentees(self) -> list[str]:
        return [row.name for row in self.patentee_rows]

    @patentees.setter
    def patentees(self, names: list[str]) -> None:
        # Reuse rows so that an unchanged list is not a change for the ORM.
        names = [n for n in names]
        rows = self.patentee_rows
        for i, name in enumerate(names):
            if i < len(rows):
                if rows[i].name != name:
                    rows[i].name = name
            else:
                rows.append(Patentee(name=name))
        del rows[len(names) :]

    @property
    def kind(self) -> PatentKind | None:
        """The type: from the number when valid, else what was entered."""
        derived = parse(self.number).kind
        if derived is not None:
            return derived
        return PatentKind(self.entered_kind) if self.entered_kind else None

    @property
    def expiry(self) -> Expiry | None:
        return patent_expiry(
            self.kind, self.filing_date, self.term_compensation_days, self.expiry_override
        )

    def __repr__(self) -> str:
        return f"Patent({self.number!r}, {self.title!r})"


class Patentee(Base):
    """One patentee of a patent; their order is the order on the certificate."""

    __tablename__ = "patentee"

    id: Mapped[int] = mapped_column(primary_key=True)
    patent_id: Mapped[int] = mapped_column(ForeignKey("patent.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))

    patent: Mapped[Patent] = relationship(back_populates="patentee_rows")


class EditorDraft(Base):
    """What a clerk typed in an editor and has not saved yet, so a crash or kill loses nothing.

    `entity` names the editor ("patent", "organisation", …), `record_id` the record edited (None for
    a new one); `payload` is the editor's JSON state.
    """

    __tablename__ = "editor_draft"
    __table_args__ = (UniqueConstraint("entity", "record_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    # "new" or the record id as text: SQLite treats NULLs as distinct in unique constraints.
    record_key: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class DocumentState(StrEnum):
    """Lifecycle of a document: draft → finalised → generated → sealed → submitted."""

    DRAFT = "draft"
    FINALISED = "finalised"
    GENERATED = "generated"
    SEALED = "sealed"
    SUBMITTED = "submitted"


class Offer(Base):
    """An open-licence offer: one information sheet (信息表) and its declaration (声明).

    Patent particulars and patentees are read from the patent, never copied here. The fee is the
    JSON of the chosen option (see app.models.fees), kept as entered so that an imported
    "two options ticked" stays visible as a finding until the clerk fixes it.
    """

    __tablename__ = "offer"
    __table_args__ = (UniqueConstraint("patent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patent_id: Mapped[int] = mapped_column(ForeignKey("patent.id", ondelete="CASCADE"))
    # ③ 自行实施专利的情况
    # "" (not chosen) | none | implemented
    self_exploitation: Mapped[str] = mapped_column(String(20), default="")
    self_exploitation_period: Mapped[str] = mapped_column(Text, default="")
    self_exploitation_scope: Mapped[str] = mapped_column(Text, default="")
    self_exploitation_manner: Mapped[str] = mapped_column(Text, default="")
    # ④ 许可他人实施专利的状况
    licensing: Mapped[str] = mapped_column(String(20), default="")  # "" | none | licensed
    licensing_period: Mapped[str] = mapped_column(Text, default="")
    licensing_scope: Mapped[str] = mapped_column(Text, default="")
    # 普通/独占/排他: an exclusive or sole licence in force forbids the offer (commitment 1).
    licensing_kind: Mapped[str] = mapped_column(String(20), default="")
    # ⑤ 许可期限届满日
    licence_expiry: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # ⑥ 许可使用费标准 (JSON)
    fee: Mapped[str] = mapped_column(Text, default="{}")
    # ⑦ 其他约定事项
    other_terms: Mapped[str] = mapped_column(Text, default="")
    # ⑧ 许可人联系方式
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_address: Mapped[str] = mapped_column(String(300), default="")
    contact_postcode: Mapped[str] = mapped_column(String(20), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    # What the summary list (汇总表) needs beyond the sheet.
    open_scope: Mapped[str] = mapped_column(String(100), default="")  # 全省 or XX市
    single_term: Mapped[str] = mapped_column(String(100), default="")  # 单次许可期限
    declared_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # Lifecycle
    state: Mapped[str] = mapped_column(String(20), default=DocumentState.DRAFT.value)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # The offer and patent data it was finalised with (JSON), to say what a later edit changed.
    finalised_snapshot: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    patent: Mapped[Patent] = relationship(back_populates="offer", lazy="joined")


class GeneratedDocument(Base):
    """A file the application wrote (a PDF or a workbook) and, later, its sealed scan.

    `subject` says what it is about: the patent number for an information sheet or declaration,
    a batch or period name for the summary list or book. `data_hash` is the SHA-256 of the data
    it was generated from, so the window can say a PDF is out of date after an edit; `sha256` is
    the file's own hash, so a package can tell a file changed on disk since.
    """

    __tablename__ = "generated_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # information_sheet, declaration, …
    subject: Mapped[str] = mapped_column(String(200), default="")
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer.id", ondelete="SET NULL"), default=None, index=True
    )
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    data_hash: Mapped[str] = mapped_column(String(64), default="")
    draft: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    generated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # The scan of the stamped paper, copied into the data folder (never just linked).
    sealed_path: Mapped[str] = mapped_column(Text, default="")
    sealed_sha256: Mapped[str] = mapped_column(String(64), default="")
    sealed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
