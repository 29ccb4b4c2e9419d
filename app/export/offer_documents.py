"""Generating the information sheets and declarations of offers, headless (no Qt).

One call renders a batch: :func:`render_offer_documents` writes ``<number> 信息表.pdf`` and
``<number> 声明.pdf`` per offer, or one print file ``信息表和声明.pdf`` holding every sheet and
declaration in register order, each starting on a new page and numbered on its own.  It
reports progress ``(done, total)`` per document and checks ``cancelled()`` between documents,
so the window can run it on a worker thread behind a progress dialog.  A problem with one
offer (not finalised, errors, a character the font lacks, a file that cannot be written)
becomes that offer's findings and the batch goes on.

Final (non-draft) output is recorded: a ``GeneratedDocument`` per file and offer, with the file's
SHA-256 and the SHA-256 of the data it was rendered from, and the offer moves from finalised to
generated.  :func:`document_status` later says whether those PDFs still match the data and the
files on disk, so the register can mark "PDF out of date" after an edit.

Drafts (``draft=True``) render any offer, whatever its state or errors, with the 草稿 watermark
and "（草稿）" in the file name, and are never recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reportlab.platypus import Flowable, PageBreak

from app.export.pdf import (
    MissingGlyph,
    StagedFile,
    check_text,
    render_pdf,
    stage_file,
)
from app.export.pdf.declaration import declaration_story, declaration_texts
from app.export.pdf.information_sheet import (
    creation_day,
    official_number,
    sheet_story,
    sheet_texts,
)
from app.export.pdf.kit import RestartPageNumbers
from app.export.render_worker import (
    DECLARATION,
    INFORMATION_SHEET,
    leave_with_the_parent,
    render_document,
)
from app.file_names import safe_file_name
from app.models.entities import DocumentState, GeneratedDocument, Offer
from app.models.findings import Finding, Severity, error
from app.models.offers import OfferFields, check_offer_record
from app.models.patent_rules import PatentFields
from app.os_errors import reason_params
from app.scratch import sync_folder

if TYPE_CHECKING:
    from app.models.store import Store

log = logging.getLogger(__name__)

COMBINED = "combined"
KINDS = (INFORMATION_SHEET, DECLARATION, COMBINED)

FILE_SUFFIXES = {INFORMATION_SHEET: "信息表", DECLARATION: "声明"}
COMBINED_NAME = "信息表和声明"
COMBINED_TITLE = "专利开放许可（试点）信息表和声明"
DRAFT_MARK = "（草稿）"

# A date that is in no offer's data, for a draft with neither a declaration date nor a
# finalisation: still the same bytes every time.
FALLBACK_DATE = dt.date(2000, 1, 1)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# --------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class WrittenFile:
    """A PDF written to disk; ``offer_ids`` are the offers it holds (several when combined)."""

    kind: str
    path: Path
    offer_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    sha256: str
    size: int
    draft: bool


@dataclass(frozen=True)
class OfferFailure:
    """Why an offer's documents were not written (``offer_id`` None: not about one offer)."""

    offer_id: int | None
    number: str
    findings: tuple[Finding, ...]


@dataclass
class RenderResult:
    written: list[WrittenFile] = field(default_factory=list)
    failures: list[OfferFailure] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        """Everything asked for was written."""
        return not self.failures and not self.cancelled

    @property
    def paths(self) -> list[Path]:
        return [w.path for w in self.written]


# --------------------------------------------------------------------------------- names, hashes


def file_name(number: str, kind: str, *, draft: bool = False,
              folder: Path | None = None) -> str:
    """``ZL201710601862.3 信息表.pdf``, ``… 声明.pdf``, ``信息表和声明.pdf``; drafts say so.

    Through app.file_names like every written name: valid on Windows (a number typed as
    ``NUL.txt`` is not the device), within MAX_PATH in `folder`; raises OSError (ENAMETOOLONG)
    when `folder` leaves no room."""
    mark = DRAFT_MARK if draft else ""
    if kind == COMBINED:
        return safe_file_name(COMBINED_NAME, extension=f"{mark}.pdf", folder=folder)
    return safe_file_name(official_number(number), "_",
                          extension=f" {FILE_SUFFIXES[kind]}{mark}.pdf", folder=folder)


def data_hash(offer: OfferFields, patent: PatentFields) -> str:
    """SHA-256 of the data a document is rendered from (the offer's finalising snapshot)."""
    from app.models.store import Store

    return Store.offer_data_hash(offer, patent)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def missing_glyph_findings(missing: Iterable[MissingGlyph]) -> list[Finding]:
    """``pdf.missing_glyph`` findings: the character, its code point, the record, the field;
    ``range.text`` for a text too long to print."""
    return [
        Finding("range.text", m.field, Severity.ERROR, {"length": m.length, "limit": m.limit})
        if m.limit else
        Finding("pdf.missing_glyph", m.field, Severity.ERROR,
                {"char": m.char, "codepoint": m.code, "record": m.record, "field": m.field})
        for m in missing
    ]


# --------------------------------------------------------------------------------- preparing


@dataclass(frozen=True)
class _Prepared:
    offer_id: int
    number: str
    patent: PatentFields
    offer: OfferFields
    creation_date: dt.date
    data_hash: str


def _prepare(offer: Offer, *, draft: bool, today: dt.date | None) -> _Prepared | OfferFailure:
    """Everything needed to render one offer, or why it must not be rendered."""
    patent_fields = PatentFields.of(offer.patent)
    offer_fields = OfferFields.of(offer)
    number = official_number(offer.patent.number)
    if not draft:
        errors = [f for f in check_offer_record(offer, today=today) if f.is_error]
        if offer.state == DocumentState.DRAFT.value:
            refusal = error("offer.not_finalised", "offer", number=number)
            return OfferFailure(offer.id, number, (refusal, *errors))
        if errors:
            refusal = error("pdf.offer_has_errors", "offer", number=number, count=len(errors))
            return OfferFailure(offer.id, number, (refusal, *errors))
    # Before anything is laid out or written: a missing glyph would print as an empty box.
    seen: set[tuple[str, str]] = set()
    missing = []
    for m in check_text([*sheet_texts(patent_fields, offer_fields),
                         *declaration_texts(patent_fields, offer_fields)]):
        if (m.field, m.char) not in seen:
            seen.add((m.field, m.char))
            missing.append(m)
    if missing:
        return OfferFailure(offer.id, number, tuple(missing_glyph_findings(missing)))
    return _Prepared(
        offer.id, number, patent_fields, offer_fields,
        creation_day(offer_fields, offer.finalised_at, FALLBACK_DATE),
        data_hash(offer_fields, patent_fields),
    )


def refusals(store: Store, offer_ids: Sequence[int] | None, *, draft: bool = False,
             today: dt.date | None = None) -> list[OfferFailure]:
    """Why each of `offer_ids` would not be written, by the same checks as
    :func:`render_offer_documents`, without laying anything out (asked before a folder)."""
    offers, unknown = _select(store, offer_ids)
    failures = [OfferFailure(i, "", (error("offer.missing", "offer", id=i),)) for i in unknown]
    for offer in offers:
        item = _prepare(offer, draft=draft, today=today)
        if isinstance(item, OfferFailure):
            failures.append(item)
    return failures


def _select(store: Store, offer_ids: Sequence[int] | None) -> tuple[list[Offer], list[int]]:
    """The offers asked for, in register order, and the ids that do not exist."""
    offers = store.offers()
    if offer_ids is None:
        return offers, []
    wanted = set(offer_ids)
    found = [o for o in offers if o.id in wanted]
    known = {o.id for o in found}
    return found, [i for i in dict.fromkeys(offer_ids) if i not in known]


# --------------------------------------------------------------------------------- rendering


class _Cancel(Exception):
    """Raised inside a layout to stop it when the user cancels."""


class _Milestone(Flowable):  # type: ignore[misc]
    """Takes no room; when laid out, reports a finished document and checks for cancel."""

    def __init__(self, reached: Callable[[], None]) -> None:
        super().__init__()
        self._reached = reached

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self._reached()


def render_offer_documents(
    store: Store,
    offer_ids: Sequence[int] | None,
    out_dir: str | Path,
    *,
    draft: bool = False,
    combined: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: dt.date | None = None,
) -> RenderResult:
    """Write the sheets and declarations of ``offer_ids`` (None: every offer) into ``out_dir``.

    Separate files per offer, or with ``combined`` one print file in register order.  Only
    finalised (or later) offers without errors are rendered unless ``draft``.  Never raises
    for a bad offer or an unwritable file: see ``RenderResult.failures``.
    """
    result = RenderResult()
    offers, unknown = _select(store, offer_ids)
    for offer_id in unknown:
        result.failures.append(
            OfferFailure(offer_id, "", (error("offer.missing", "offer", id=offer_id),)))
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        result.failures.append(OfferFailure(None, "", (_write_failed(out, exc),)))
        return result

    prepared: list[_Prepared] = []
    for offer in offers:
        item = _prepare(offer, draft=draft, today=today)
        if isinstance(item, OfferFailure):
            result.failures.append(item)
        else:
            prepared.append(item)

    total = 2 * len(offers)
    done = 2 * (len(offers) - len(prepared))  # refused offers count as done
    report = progress or (lambda _done, _total: None)
    is_cancelled = cancelled or (lambda: False)
    report(done, total)
    generated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if combined:
        _render_combined(store, prepared, out, draft, generated_at, result, done, total,
                         report, is_cancelled)
    elif render_workers(len(prepared)) > 1:
        _render_pooled(store, prepared, out, draft, generated_at, result, done, total,
                       report, is_cancelled, render_workers(len(prepared)))
    else:
        _render_separate(store, prepared, out, draft, generated_at, result, done, total,
                         report, is_cancelled)
    return result


# Below this many offers starting worker processes (about half a second each, importing
# reportlab and registering the font) costs more than the second core gives back.
POOL_MIN_OFFERS = 16


def render_workers(offers: int) -> int:
    """How many processes lay out a batch of separate files, this one included: one per core
    (at most four), or 1 (this process alone) for a small batch or a one-core machine."""
    import os

    if offers < POOL_MIN_OFFERS:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _render_one(item: _Prepared, kind: str, draft: bool) -> tuple[str, object]:
    """One document here, exactly as a worker lays it out."""
    return render_document(item.patent, item.offer, item.creation_date, kind, draft)


def _render_pooled(
    store: Store, prepared: Sequence[_Prepared], out: Path, draft: bool,
    generated_at: dt.datetime, result: RenderResult, done: int, total: int,
    report: Progress, is_cancelled: Cancelled, processes: int,
) -> None:
    """As `_render_separate`, with `processes - 1` worker processes laying out documents
    beside this one (which lays out the next document itself whenever the one due next is not
    ready). Files and the database are written in this process only, by one writer thread
    (`_Writer`), in register order, so output and records are those of one process. Two
    documents per worker are queued at a time: a cancel returns once the writer has written
    the offers already laid out, and the workers finish those alone and exit. A worker that
    dies leaves the rest to this process; workers end when this process is killed."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = processes - 1
    jobs = deque((item, kind) for item in prepared for kind in (INFORMATION_SHEET, DECLARATION))
    # In job order: each a worker's Future or what this process laid out.
    slots: deque[tuple[_Prepared, str, Future[tuple[str, object]] | tuple[str, object]]] = (
        deque())
    # spawn, not fork: this process may hold Qt and threads; Windows has only spawn anyway.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=leave_with_the_parent)
    writer = _Writer(store, out, draft, generated_at, result)
    cancelled = False
    broken: list[BaseException] = []  # the pool broke (a worker killed): all here from then
    try:
        def top_up() -> None:
            while (not broken and jobs
                   and sum(isinstance(s[2], Future) for s in slots) < 2 * workers):
                item, kind = jobs[0]
                try:
                    # Plain data only: the worker imports no ORM to unpickle it.
                    future = pool.submit(render_document, item.patent, item.offer,
                                         item.creation_date, kind, draft)
                except BrokenProcessPool as exc:
                    broken.append(exc)
                    break
                jobs.popleft()
                slots.append((item, kind, future))

        renders: list[tuple[str, bytes]] = []
        failed: set[int] = set()
        top_up()
        while slots or jobs:
            if is_cancelled():
                cancelled = result.cancelled = True
                return
            if not slots:  # the pool broke: this process lays out the rest
                job_item, job_kind = jobs.popleft()
                slots.append((job_item, job_kind, _render_one(job_item, job_kind, draft)))
            item, kind, slot = slots[0]
            if isinstance(slot, Future) and not slot.done() and jobs:
                job_item, job_kind = jobs.popleft()  # the worker is busy: lay one out here
                slots.append((job_item, job_kind, _render_one(job_item, job_kind, draft)))
                continue
            slots.popleft()
            try:
                status, value = slot.result() if isinstance(slot, Future) else slot
            except BrokenProcessPool as exc:  # a worker was killed (out of memory, by hand)
                if not broken:
                    log.warning("a PDF worker process ended (%s): the rest is laid out here",
                                exc)
                    broken.append(exc)
                status, value = _render_one(item, kind, draft)
            top_up()
            if item.offer_id in failed:
                continue
            failure = _failure(item, status, value)
            if failure is not None:
                failed.add(item.offer_id)
                writer.fail(failure)
                renders = []
                continue
            renders.append((kind, cast(bytes, value)))
            done += 1
            report(done, total)
            if kind == DECLARATION:
                writer.write(item, renders)
                renders = []
    finally:
        try:
            writer.finish()  # what was laid out is written, also after a cancel
        finally:
            pool.shutdown(wait=not cancelled, cancel_futures=True)


class _Writer:
    """One thread that writes, records and places the offers laid out, in the order given.

    The pool's loop hands each finished offer over and goes on laying out: writing a file
    waits for the disk (fsync) and recording it for the database, which took a third of this
    process's time when done in between.  Still one writer, in register order: the same
    files, records and results as in one process.  The offers handed over within GATHER_S
    (at most QUEUED) are recorded in one transaction (`_write_offers`), each offer still
    staged before and renamed after it, so a kill leaves scratch or recorded files that show
    as missing, never a file without a record.  At most QUEUED offers wait, so a cancel has
    little left to write (well under a second).  An error in the writer (the database gone)
    stops it and is raised in the caller's thread.
    """

    QUEUED = 8
    GATHER_S = 0.25

    def __init__(self, store: Store, out: Path, draft: bool, generated_at: dt.datetime,
                 result: RenderResult) -> None:
        import queue
        import threading

        self._args = (store, out, draft, generated_at, result)
        self._result = result
        self._queue: queue.Queue[tuple[_Prepared, list[tuple[str, bytes]]] | OfferFailure
                                 | None] = queue.Queue(self.QUEUED)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="offer PDF writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import queue

        store, out, draft, generated_at, result = self._args
        ended = False
        while not ended:
            # What comes within GATHER_S goes in one group: one transaction records it all.
            jobs = [self._queue.get()]
            until = time.monotonic() + self.GATHER_S
            while len(jobs) < self.QUEUED and jobs[-1] is not None:
                try:
                    jobs.append(self._queue.get(timeout=max(0.0, until - time.monotonic())))
                except queue.Empty:
                    break
            if None in jobs:
                ended = True
                jobs = jobs[:jobs.index(None)]  # nothing is put after the end
            if self._error is not None:
                continue  # failed: drain, so that the loop never blocks on a full queue
            offers: list[tuple[_Prepared, Sequence[tuple[str, bytes]]]] = []
            try:
                for job in jobs:
                    if isinstance(job, OfferFailure):  # in order among the offers
                        _write_offers(store, offers, out, draft, generated_at, result)
                        offers = []
                        result.failures.append(job)
                    elif job is not None:
                        offers.append(job)
                _write_offers(store, offers, out, draft, generated_at, result)
            except BaseException as exc:  # raised again in the caller's thread
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def write(self, item: _Prepared, renders: Sequence[tuple[str, bytes]]) -> None:
        self._raise()
        self._queue.put((item, list(renders)))

    def fail(self, failure: OfferFailure) -> None:
        self._raise()
        self._queue.put(failure)

    def finish(self) -> None:
        """Wait until everything handed over is written; raise the writer's error if any."""
        self._queue.put(None)
        self._thread.join()
        self._raise()


def _render_separate(
    store: Store, prepared: Sequence[_Prepared], out: Path, draft: bool,
    generated_at: dt.datetime, result: RenderResult, done: int, total: int,
    report: Progress, is_cancelled: Cancelled,
) -> None:
    for item in prepared:
        if is_cancelled():
            result.cancelled = True
            return
        renders: list[tuple[str, bytes]] = []
        for kind in (INFORMATION_SHEET, DECLARATION):
            if renders and is_cancelled():  # between the two documents of an offer
                result.cancelled = True
                return
            status, value = _render_one(item, kind, draft)
            failure = _failure(item, status, value)
            if failure is not None:  # a layout failure must not stop the batch
                result.failures.append(failure)
                break
            renders.append((kind, cast(bytes, value)))
            done += 1
            report(done, total)
        else:
            _write_offer(store, item, renders, out, draft, generated_at, result)


def _failure(item: _Prepared, status: str, value: object) -> OfferFailure | None:
    """What a document laid out (`render_document`'s status and value) says of its offer;
    None when it was laid out. Unprintable text: _prepare checked already, a safety net."""
    if status == "unprintable":
        return OfferFailure(item.offer_id, item.number, tuple(
            missing_glyph_findings(cast(tuple[MissingGlyph, ...], value))))
    if status == "failed":
        params, text = cast(tuple[dict[str, object], str], value)
        log.error("rendering %s failed: %s", item.number, text)
        return OfferFailure(item.offer_id, item.number, (
            error("pdf.render_failed", "offer", number=item.number, **params),))
    return None


def _write_offer(store: Store, item: _Prepared, renders: Sequence[tuple[str, bytes]], out: Path,
                 draft: bool, generated_at: dt.datetime, result: RenderResult) -> None:
    """Both documents of the offer are laid out before either is written."""
    _write_offers(store, [(item, renders)], out, draft, generated_at, result)


def _write_offers(store: Store, offers: Sequence[tuple[_Prepared, Sequence[tuple[str, bytes]]]],
                  out: Path, draft: bool, generated_at: dt.datetime,
                  result: RenderResult) -> None:
    """Several offers' documents: each staged, all recorded in one transaction, then each
    offer's renamed into place (`_place`); each offer's files and failures as if alone."""
    groups: list[tuple[list[WrittenFile], list[StagedFile]]] = []
    for item, renders in offers:
        written: list[WrittenFile] = []
        staged: list[StagedFile] = []
        for kind, data in renders:
            path = out  # until named: a folder too long for any name is reported as such
            try:
                path = out / file_name(item.number, kind, draft=draft, folder=out)
                staged.append(stage_file(path, data))
            except OSError as exc:
                result.failures.append(OfferFailure(item.offer_id, item.number,
                                                    (_write_failed(path, exc),)))
                break
            written.append(WrittenFile(kind, path, (item.offer_id,), (item.number,),
                                       hashlib.sha256(data).hexdigest(), len(data), draft))
        groups.append((written, staged))
    _place_groups(store, groups, {item.offer_id: item for item, _ in offers}, draft,
                  generated_at, result)


def _place(store: Store, written: list[WrittenFile], staged: Sequence[StagedFile],
           items: dict[int, _Prepared], draft: bool, generated_at: dt.datetime,
           result: RenderResult) -> None:
    """Record the staged files, then rename them into place.

    In this order a kill leaves either scratch (the next run removes it) or a recorded
    document whose file is missing (shown as missing until rendered again), never a final
    file the register does not know.
    """
    _place_groups(store, [(written, list(staged))], items, draft, generated_at, result)


def _place_groups(store: Store, groups: Sequence[tuple[list[WrittenFile], list[StagedFile]]],
                  items: dict[int, _Prepared], draft: bool, generated_at: dt.datetime,
                  result: RenderResult) -> None:
    """`_place` for several groups of files (an offer's each) with one transaction for all
    their records; a file that cannot be renamed takes back its own group's rest only."""
    every = [w for written, _ in groups for w in written]
    ids: list[list[int]] = [[] for _ in every]  # the records of each file
    try:
        if not draft and every:
            ids = _record(store, every, items, generated_at)
    except BaseException:
        for _, staged in groups:
            for file in staged:
                file.discard()
        raise
    first = 0
    folders: set[Path] = set()
    for written, staged in groups:
        group_ids = ids[first:first + len(written)]
        first += len(written)
        for index, file in enumerate(staged):
            try:
                file.commit(durable=False)  # the folders are synced once, below
                folders.add(file.target.parent)
            except OSError as exc:  # not in place: neither it nor the ones after are recorded
                for rest in staged[index + 1:]:
                    rest.discard()
                store.unrecord_generated_documents(
                    [i for group in group_ids[index:] for i in group])
                single = len(written[index].offer_ids) == 1  # a combined file: not one offer's
                result.failures.append(OfferFailure(
                    written[index].offer_ids[0] if single else None,
                    written[index].numbers[0] if single else "",
                    (_write_failed(file.target, exc),)))
                del written[index:]
                break
        result.written.extend(written)
    # Until this, a crash of the system (not a kill) may lose renames: then recorded files
    # are missing and show so, as after a kill between recording and renaming.
    for folder in sorted(folders):
        try:
            sync_folder(folder)
        except OSError as exc:  # the files are in place and recorded; only durability waits
            log.warning("could not sync %s: %s", folder, exc)


def _render_combined(
    store: Store, prepared: Sequence[_Prepared], out: Path, draft: bool,
    generated_at: dt.datetime, result: RenderResult, done: int, total: int,
    report: Progress, is_cancelled: Cancelled,
) -> None:
    if not prepared:
        return
    counter = [done]

    def reached() -> None:
        counter[0] += 1
        report(counter[0], total)
        if counter[0] < total and is_cancelled():
            raise _Cancel

    story: list[Flowable] = []
    for item in prepared:
        for build in (sheet_story, declaration_story):
            if story:  # each document on pages of its own, numbered on its own
                story += [PageBreak(), RestartPageNumbers()]
            story += build(item.patent, item.offer)
            story.append(_Milestone(reached))
    numbers = tuple(item.number for item in prepared)
    try:
        if is_cancelled():
            raise _Cancel
        signers = dict.fromkeys(name for item in prepared for name in item.patent.patentees
                                if name.strip())
        data = render_pdf(story, title=COMBINED_TITLE, subject="、".join(numbers),
                          author="、".join(signers),
                          creation_date=max(item.creation_date for item in prepared),
                          watermark=draft)
    except _Cancel:
        result.cancelled = True
        return
    except Exception as exc:
        log.exception("rendering the combined file failed")
        result.failures.append(OfferFailure(None, "", (
            error("pdf.render_failed", "offer", number=COMBINED_NAME, **reason_params(exc)),)))
        return
    path = out
    try:
        path = out / file_name("", COMBINED, draft=draft, folder=out)
        staged = stage_file(path, data)
    except OSError as exc:
        result.failures.append(OfferFailure(None, "", (_write_failed(path, exc),)))
        return
    written = WrittenFile(COMBINED, path, tuple(item.offer_id for item in prepared), numbers,
                          hashlib.sha256(data).hexdigest(), len(data), draft)
    _place(store, [written], [staged], {item.offer_id: item for item in prepared}, draft,
           generated_at, result)


def _record(store: Store, written: Sequence[WrittenFile], items: dict[int, _Prepared],
            generated_at: dt.datetime) -> list[list[int]]:
    """One GeneratedDocument per file and offer (a combined file: one per offer it holds);
    the ids recorded for each file."""
    rows = [
        GeneratedDocument(
            kind=w.kind, subject=items[offer_id].number, offer_id=offer_id,
            path=str(w.path.resolve()), sha256=w.sha256, size=w.size,
            data_hash=items[offer_id].data_hash, draft=False, generated_at=generated_at,
        )
        for w in written
        for offer_id in w.offer_ids
    ]
    ids = iter(store.record_generated_documents(rows))
    return [[next(ids) for _ in w.offer_ids] for w in written]


def _write_failed(path: Path, exc: OSError) -> Finding:
    return error("pdf.write_failed", "offer", path=str(path), **reason_params(exc))


# --------------------------------------------------------------------------------- status


class Freshness(StrEnum):
    NONE = "none"  # no final PDF recorded
    CURRENT = "current"  # the recorded PDFs match the data and the files on disk
    DATA_CHANGED = "data_changed"  # the data was edited since: "PDF out of date"
    FILE_MISSING = "file_missing"  # a recorded file was moved or deleted
    FILE_CHANGED = "file_changed"  # a recorded file differs from what was written


@dataclass(frozen=True)
class RecordedDocument:
    """A GeneratedDocument row as plain data (safe to hand to another thread)."""

    id: int
    kind: str
    path: Path
    sha256: str
    size: int
    data_hash: str
    generated_at: dt.datetime
    sealed_path: str

    @classmethod
    def of(cls, row: GeneratedDocument) -> RecordedDocument:
        return cls(row.id, row.kind, Path(row.path), row.sha256, row.size, row.data_hash,
                   row.generated_at, row.sealed_path)


@dataclass(frozen=True)
class DocumentStatus:
    offer_id: int
    freshness: Freshness
    documents: tuple[RecordedDocument, ...] = ()  # the latest generation's files

    @property
    def current(self) -> bool:
        return self.freshness is Freshness.CURRENT

    @property
    def out_of_date(self) -> bool:
        """PDFs were generated but no longer match (the register's "PDF out of date")."""
        return self.freshness not in (Freshness.NONE, Freshness.CURRENT)

    def finding(self) -> Finding | None:
        """A warning for the register or the CLI, None when nothing needs saying."""
        if not self.out_of_date:
            return None
        paths = [str(d.path) for d in self.documents]
        return Finding(f"document.{self.freshness.value}", "offer", Severity.WARNING,
                       {"paths": "、".join(paths), "count": len(paths)})


def document_status(store: Store, offer_id: int, *, check_files: bool = True) -> DocumentStatus:
    """Whether the offer's recorded PDFs are current: rendered from the data as it is now,
    and (with ``check_files``) still on disk with the bytes that were written."""
    return document_statuses(store, [offer_id], check_files=check_files)[offer_id]


def document_statuses(
    store: Store, offer_ids: Iterable[int] | None = None, *, check_files: bool = True
) -> dict[int, DocumentStatus]:
    """:func:`document_status` of many offers (None: all), with two queries in all."""
    offers = {o.id: o for o in store.offers()}
    wanted = list(offers) if offer_ids is None else list(offer_ids)
    rows = store.generated_documents(wanted)
    by_offer: dict[int, list[GeneratedDocument]] = {}
    for row in rows:
        if row.offer_id is not None and not row.draft:
            by_offer.setdefault(row.offer_id, []).append(row)
    statuses: dict[int, DocumentStatus] = {}
    for offer_id in wanted:
        offer = offers.get(offer_id)
        recorded = by_offer.get(offer_id, [])
        if offer is None or not recorded:
            statuses[offer_id] = DocumentStatus(offer_id, Freshness.NONE)
            continue
        # Only the latest generation counts: one render call stamps all its rows alike.
        latest = max(r.generated_at for r in recorded)
        documents = tuple(RecordedDocument.of(r) for r in recorded if r.generated_at == latest)
        current = data_hash(OfferFields.of(offer), PatentFields.of(offer.patent))
        statuses[offer_id] = DocumentStatus(
            offer_id, _freshness(documents, current, check_files), documents)
    return statuses


def _freshness(documents: Sequence[RecordedDocument], current_hash: str,
               check_files: bool) -> Freshness:
    if any(d.data_hash != current_hash for d in documents):
        return Freshness.DATA_CHANGED
    if not check_files:
        return Freshness.CURRENT
    hashes: dict[Path, str] = {}
    for d in documents:
        if not d.path.is_file():
            return Freshness.FILE_MISSING
    for d in documents:
        if d.path not in hashes:
            try:
                hashes[d.path] = file_sha256(d.path)
            except OSError:
                return Freshness.FILE_MISSING
        if hashes[d.path] != d.sha256:
            return Freshness.FILE_CHANGED
    return Freshness.CURRENT


def findings_of(result: RenderResult) -> list[tuple[str, Finding]]:
    """(patent number, finding) of every failure, for listing."""
    return [(f.number, finding) for f in result.failures for finding in f.findings]


__all__ = [
    "COMBINED",
    "DECLARATION",
    "INFORMATION_SHEET",
    "DocumentStatus",
    "Freshness",
    "OfferFailure",
    "RecordedDocument",
    "RenderResult",
    "WrittenFile",
    "data_hash",
    "document_status",
    "document_statuses",
    "file_name",
    "findings_of",
    "render_offer_documents",
]

