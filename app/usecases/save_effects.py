"""What a save would do beyond the record itself, told before the clerk commits.

The editors ask these before saving, so that a sheet returning to draft (its printed sheet and
declaration no longer valid) or a status contradicting the term is said while the clerk can
still cancel, not after. The same codes as the notices `Store.save_patent` and
`Store.save_offer` return after the fact (app/messages.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.models.entities import DocumentState
from app.models.findings import Finding, warning
from app.models.offers import OfferFields, changed_fields
from app.models.patent_rules import PatentFields, check_patent

if TYPE_CHECKING:
    from app.models.store import Store

# Patent warnings a clerk must see before saving: they mean the record contradicts itself.
_PATENT_WARNINGS_BEFORE_SAVE = ("legal_status.term_ended",)


def _returned_to_draft(store: Store, patent_id: int, offer_fields: OfferFields | None,
                       patent_fields: PatentFields | None) -> Finding | None:
    offer = store.offer_for_patent(patent_id)
    patent = store.patent(patent_id)
    if offer is None or patent is None or offer.state == DocumentState.DRAFT.value:
        return None
    changed = changed_fields(
        offer.finalised_snapshot,
        offer_fields if offer_fields is not None else OfferFields.of(offer),
        patent_fields if patent_fields is not None else PatentFields.of(patent),
    )
    if not changed:
        return None
    return warning("offer.returned_to_draft", "offer", fields=changed,
                   previous_state=offer.state, number=patent.number)


def patent_save_effects(store: Store, patent_id: int | None, fields: PatentFields, *,
                        today: dt.date | None = None) -> list[Finding]:
    """What saving `fields` as patent `patent_id` (None: a new patent) would bring: its sheet
    returned to draft, and warnings about the record the stored one does not already have."""
    effects: list[Finding] = []
    stored = store.patent(patent_id) if patent_id is not None else None
    known = ({f.code for f in check_patent(PatentFields.of(stored), today=today)}
             if stored is not None else set())
    effects.extend(f for f in check_patent(fields, today=today)
                   if f.code in _PATENT_WARNINGS_BEFORE_SAVE and f.code not in known)
    if patent_id is not None:
        notice = _returned_to_draft(store, patent_id, None, fields)
        if notice is not None:
            effects.append(notice)
    return effects


def offer_save_effects(store: Store, patent_id: int, fields: OfferFields) -> list[Finding]:
    """What saving `fields` as the sheet of patent `patent_id` would bring: a finalised (or
    generated) sheet returned to draft, with the fields that differ."""
    notice = _returned_to_draft(store, patent_id, fields, None)
    return [notice] if notice is not None else []


def offer_is_draft(state: str) -> bool:
    """Only a draft sheet can be finalised; a later one is returned to draft by a change."""
    return state == DocumentState.DRAFT.value
