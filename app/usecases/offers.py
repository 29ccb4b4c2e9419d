"""Information sheets and declarations (offers): choose by patent, finalise, write the PDFs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.models.entities import DocumentState
from app.models.findings import Finding, warning
from app.models.patent_number import parse

if TYPE_CHECKING:
    from app.export.offer_documents import Cancelled, OfferFailure, Progress, RenderResult
    from app.models.store import Store


@dataclass(frozen=True)
class PatentChoice:
    """The offers of the patents a clerk named, and the names that matched none."""

    offers: list[Any]
    unmatched: list[Finding] = field(default_factory=list)  # register.not_found codes

    @property
    def all_found(self) -> bool:
        return not self.unmatched


def offers_for_patents(store: Store, numbers: Sequence[str] | None) -> PatentChoice:
    """The offers of the patents named (any notation), in register order, or every offer.

    A name that matches no patent gives `cli.patent_not_found`, a patent without an offer
    `cli.no_offer` (warnings with the number as param).
    """
    offers = store.offers()
    if not numbers:
        return PatentChoice(offers)
    by_patent = {offer.patent_id: offer for offer in offers}
    chosen: set[int] = set()
    unmatched: list[Finding] = []
    for text in numbers:
        patent = store.find_patent(text)
        if patent is None:
            unmatched.append(warning("cli.patent_not_found", "patent", number=text))
        elif patent.id not in by_patent:
            unmatched.append(warning("cli.no_offer", "patent", number=patent.number))
        else:
            chosen.add(by_patent[patent.id].id)
    return PatentChoice([offer for offer in offers if offer.id in chosen], unmatched)


@dataclass
class FinaliseOutcome:
    """What finalising some offers did; `refused` holds each refused offer's errors."""

    finalised: int = 0
    already: int = 0  # finalised or later before: left as they are
    refused: list[tuple[str, list[Finding]]] = field(default_factory=list)  # (ZL number, …)


def finalise_offers(store: Store, offers: Sequence[Any]) -> FinaliseOutcome:
    """Finalise every draft sheet of `offers` that has no errors."""
    outcome = FinaliseOutcome()
    for offer in offers:
        if offer.state != DocumentState.DRAFT.value:
            outcome.already += 1
            continue
        result = store.finalise_offer(offer.id)
        if result.saved:
            outcome.finalised += 1
            continue
        check = parse(offer.patent.number)
        number = check.number.official if check.valid and check.number else offer.patent.number
        outcome.refused.append((number, [f for f in result.findings if f.is_error]))
    return outcome


@dataclass(frozen=True)
class WritePlan:
    """What writing the documents of some offers would do, told before a folder is asked."""

    offers: int
    refused: tuple[OfferFailure, ...]  # not finalised, with errors, unprintable characters

    @property
    def writes_nothing(self) -> bool:
        return len(self.refused) >= self.offers


def plan_offer_documents(store: Store, offer_ids: Sequence[int], *, draft: bool = False,
                         today: dt.date | None = None) -> WritePlan:
    """Which of `offer_ids` `write_offer_documents` would refuse, and why: a front end says so
    before the clerk chooses a folder for files that will not be written (issue 17 §9)."""
    from app.export.offer_documents import refusals

    return WritePlan(len(offer_ids), tuple(refusals(store, offer_ids, draft=draft,
                                                    today=today)))


def write_offer_documents(
    store: Store,
    offer_ids: Sequence[int] | None,
    folder: str | Path,
    *,
    draft: bool = False,
    combined: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: dt.date | None = None,
) -> RenderResult:
    """Write the sheets and declarations of `offer_ids` (None: every offer) into `folder`:
    finalised offers without errors, recorded for the package, or with `draft` any offer,
    marked 草稿 and not recorded; with `combined` one print file in register order."""
    from app.export.offer_documents import render_offer_documents

    return render_offer_documents(store, offer_ids, folder, draft=draft, combined=combined,
                                  progress=progress, cancelled=cancelled, today=today)
