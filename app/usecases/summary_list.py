"""Batches and their summary list (汇总表): gather finalised sheets into a batch, write the
list as PDF and Excel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.models.findings import Finding
from app.models.summary_list import official_number
from app.usecases.offers import offers_for_patents

if TYPE_CHECKING:
    from app.export.summary_list_documents import SummaryListResult
    from app.models.store import Store

READY_STATES = frozenset({"finalised", "generated", "sealed"})  # finalised and not yet sent


@dataclass
class BatchChoice:
    """The batch a summary list is written for, or why there is none."""

    batch_id: int | None = None
    name: str = ""
    findings: list[Finding] = field(default_factory=list)  # about the batch itself
    unmatched: list[Finding] = field(default_factory=list)  # patents named that match no offer
    left_out: list[tuple[str, list[Finding]]] = field(default_factory=list)  # (ZL number, why)
    batch_missing: bool = False  # the batch named does not exist
    nothing_ready: bool = False  # no sheet may enter a batch


def gather_batch(
    store: Store,
    patents: Sequence[str] | None = None,
    batch_name: str | None = None,
    *,
    today: dt.date | None = None,
) -> BatchChoice:
    """The batch to list. A batch name alone: that batch as it is. Otherwise the finalised
    sheets of the patents named (none named: every sheet ready to go), as the batch named
    (default: today's date), created or reused and refilled. The domain's admission rule
    says which sheets may enter and why the others may not; only the admitted go to the
    store, so a refused run leaves no empty batch behind."""
    from app.models.batches import admit_offers

    batches = {batch.name: batch for batch in store.batches()}
    choice = BatchChoice()
    if batch_name and not patents:
        batch = batches.get(batch_name.strip())
        if batch is None:
            choice.batch_missing = True
            return choice
        choice.batch_id, choice.name = batch.id, batch.name
        return choice
    if patents:
        chosen = offers_for_patents(store, patents)
        offers, choice.unmatched = chosen.offers, chosen.unmatched
    else:
        offers = [o for o in store.offers() if o.state in READY_STATES]
    by_id = {o.id: o for o in offers}
    admitted, _missing, left_out = admit_offers(dict(by_id), [o.id for o in offers])
    choice.left_out = [(official_number(by_id[i].patent.number), findings)
                       for i, findings in left_out.items()]
    if not admitted:
        choice.nothing_ready = True
        return choice
    name = (batch_name or (today or dt.date.today()).isoformat()).strip()
    existing = batches.get(name)
    result = (store.set_batch_offers(existing.id, admitted) if existing is not None
              else store.create_batch(name, offer_ids=admitted))
    choice.name = name
    choice.findings = list(result.findings)
    if result.batch is not None:  # None: e.g. a name too long
        choice.batch_id = result.batch.id
    return choice


def write_summary_list(store: Store, batch_id: int, folder: Path) -> SummaryListResult:
    """Write 汇总表.pdf and 汇总表.xlsx of the batch into `folder` and record them; a file
    that cannot be written is a `summary_list.write_failed` finding."""
    from app.export.summary_list_documents import write_summary_list_documents

    return write_summary_list_documents(store, batch_id, folder)
