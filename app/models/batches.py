"""Batches: a named selection of offers that go out together under one summary list (汇总表).

A clerk gathers finalised information sheets into a batch ("2026 年第一批"); the summary list,
its PDF and the package are made per batch. Only an offer that is finalised (or later in its
lifecycle) may enter a batch: a draft may still change, and the province must receive the data
the sheets were sealed with. The Store does the writing; the rule lives here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.entities import Base, DocumentState, Offer
from app.models.findings import Finding, error

# States an offer may be in to enter a batch: everything from finalised on.
BATCHABLE_STATES: frozenset[str] = frozenset(
    s.value for s in DocumentState if s is not DocumentState.DRAFT
)

NAME_MAX = 200


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Batch(Base):
    """A named selection of offers, e.g. "2026 年第一批"."""

    __tablename__ = "batch"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    entries: Mapped[list[BatchOffer]] = relationship(
        back_populates="batch",
        order_by="BatchOffer.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )


class BatchOffer(Base):
    """One offer of a batch; `position` is its row (序号) on the summary list."""

    __tablename__ = "batch_offer"
    __table_args__ = (UniqueConstraint("batch_id", "offer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id", ondelete="CASCADE"), index=True)
    # Deleting an offer takes it out of its batches rather than failing.
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    batch: Mapped[Batch] = relationship(back_populates="entries")
    offer: Mapped[Offer] = relationship(lazy="joined")


@dataclass(frozen=True)
class BatchInfo:
    """A batch as the window lists it."""

    id: int
    name: str
    note: str
    created_at: dt.datetime
    offer_ids: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.offer_ids)


@dataclass(frozen=True)
class BatchResult:
    """What a batch operation did: the batch (None when refused), the offers it now holds, and
    findings — refusals of the whole operation, and one `batch.offer_not_finalised` per offer
    left out, with that offer's own findings in `offer_findings`."""

    batch: BatchInfo | None
    findings: list[Finding] = field(default_factory=list)
    offer_findings: dict[int, list[Finding]] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.batch is not None

    @property
    def left_out(self) -> list[int]:
        return list(self.offer_findings)


def batch_info(batch: Batch) -> BatchInfo:
    return BatchInfo(
        id=batch.id,
        name=batch.name,
        note=batch.note,
        created_at=batch.created_at,
        offer_ids=tuple(entry.offer_id for entry in batch.entries),
    )


def check_batch_name(name: str) -> list[Finding]:
    text = name.strip()
    if not text:
        return [error("batch.name_required", "name")]
    if len(text) > NAME_MAX:
        return [error("batch.name_too_long", "name", limit=NAME_MAX)]
    return []


def check_offer_for_batch(offer: Offer) -> Finding | None:
    """None when the offer may enter a batch; otherwise why not (with its patent number)."""
    if offer.state in BATCHABLE_STATES:
        return None
    return error(
        "batch.offer_not_finalised", "offers", number=_number_text(offer), state=offer.state,
        offer_id=offer.id,
    )


def _number_text(offer: Offer) -> str:
    from app.models.patent_number import parse

    number = offer.patent.number if offer.patent is not None else ""
    checked = parse(number)
    return checked.number.official if checked.number is not None else number


def admit_offers(
    offers: dict[int, Offer | None], offer_ids: list[int]
) -> tuple[list[int], list[Finding], dict[int, list[Finding]]]:
    """Which of `offer_ids` (in order, duplicates dropped) may enter a batch.

    `offers` maps each id to its record (None: no such offer). Returns the admitted ids, findings
    about ids that do not exist, and for each offer left out its refusal followed by its own
    findings (what stands between it and finalising).
    """
    from app.models.offers import check_offer_record

    admitted: list[int] = []
    missing: list[Finding] = []
    left_out: dict[int, list[Finding]] = {}
    for offer_id in dict.fromkeys(offer_ids):
        offer = offers.get(offer_id)
        if offer is None:
            missing.append(error("batch.offer_missing", "offers", offer_id=offer_id))
            continue
        refusal = check_offer_for_batch(offer)
        if refusal is None:
            admitted.append(offer_id)
        else:
            left_out[offer_id] = [refusal, *check_offer_record(offer)]
    return admitted, missing, left_out
