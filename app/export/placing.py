"""Recording documents before they appear under their final names (issue 18 point 9).

A writer stages each file under a scratch name beside its target (`stage_file`), then calls
`record_then_place`: the documents are recorded in one transaction and only then renamed into
place. A process killed in between leaves either scratch (removed by the next run that writes
into the folder) or a recorded document whose file is missing (shown as missing until it is
generated again) — never a finished file the register does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from app.export.pdf import StagedFile


class Recorder(Protocol):
    def record_generated_documents(self, documents: Sequence[Any]) -> list[int]: ...

    def unrecord_generated_documents(self, ids: Sequence[int]) -> None: ...


@dataclass
class Placed:
    """The files renamed into place (in the order staged), the record of each (None: not
    recorded), and the file that could not be put in place, with why (the ones after it were
    discarded, and neither it nor they are recorded)."""

    paths: list[Path] = field(default_factory=list)
    ids: list[int | None] = field(default_factory=list)
    failed: tuple[Path, OSError] | None = None


def discard(staged: Sequence[StagedFile]) -> None:
    for file in staged:
        file.discard()


def record_then_place(store: Recorder, staged: Sequence[StagedFile],
                      documents: Sequence[Any | None]) -> Placed:
    """Record `documents` (unsaved `GeneratedDocument`s; None for a staged file the register
    does not record), then rename `staged` into place, one document per staged file."""
    if len(staged) != len(documents):
        raise ValueError("one document (or None) per staged file")
    recorded = [d for d in documents if d is not None]
    try:
        new_ids = iter(store.record_generated_documents(recorded) if recorded else [])
    except BaseException:
        discard(staged)
        raise
    ids = [next(new_ids) if d is not None else None for d in documents]
    placed = Placed()
    for index, file in enumerate(staged):
        try:
            file.commit()
        except OSError as exc:  # not in place: neither it nor the ones after are recorded
            discard(staged[index + 1:])
            store.unrecord_generated_documents([i for i in ids[index:] if i is not None])
            placed.failed = (file.target, exc)
            return placed
        except BaseException:
            discard(staged[index + 1:])
            raise
        placed.paths.append(file.target)
        placed.ids.append(ids[index])
    return placed
