"""One-file backup and restore (issue 16): a zip holding the register as JSON (the newest
version, app.interchange) and every file the register keeps in its database, with a manifest
of SHA-256s.

    manifest.json     {"format": "licence-desk-backup", "version": 1, "created": ISO time,
                       "json": {"name": "register.json", "sha256": …, "size": …},
                       "files": [{"sha256": …, "size": …}, …]}   (files sorted by hash)
    register.json     the JSON data file
    files/<sha256>    each stored file, named by its hash

A restore checks everything before it changes anything: that the file is a zip, that it holds
exactly these names (no other member, no folder, no "..", no duplicate), that every member's
size is within its bound and matches the manifest (a member is read no further than the size
it declares: a zip bomb stops there), that every hash matches, that the JSON reads without a
problem. Only then is the register replaced: the
records and their files; the mail accounts and send targets stay, being this PC's settings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import delete, func, select

from app import interchange
from app.models import stored_files
from app.models.findings import Finding, error
from app.models.store import Cancelled, Store
from app.os_errors import reason_params

log = logging.getLogger(__name__)

BACKUP_FORMAT = "licence-desk-backup"
BACKUP_VERSION = 1
MANIFEST = "manifest.json"
JSON_MEMBER = "register.json"
FILES_FOLDER = "files/"
MAX_MANIFEST = 64 * 1024 * 1024
MAX_JSON = 1024 * 1024 * 1024
_FILE_MEMBER = re.compile(r"^files/([0-9a-f]{64})$")
# Tables a restore leaves alone, not in the backup: this PC's mail accounts and targets, and
# the list of universities of 附件 2 (seeded from the preset, edited here).
KEPT_TABLES = ("alembic_version", "mail_account", "send_target", "ops_centre_university")

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class BackupResult:
    path: Path | None = None
    files: int = 0
    size: int = 0
    findings: tuple[Finding, ...] = ()

    @property
    def written(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class RegisterCounts:
    patents: int = 0
    offers: int = 0
    deals: int = 0
    documents: int = 0
    files: int = 0

    @property
    def empty(self) -> bool:
        return not (self.patents or self.offers or self.deals or self.documents or self.files)

    def params(self) -> dict[str, int]:
        return {"patents": self.patents, "offers": self.offers, "deals": self.deals,
                "documents": self.documents, "files": self.files}


@dataclass(frozen=True)
class RestoreResult:
    restored: bool = False
    replaced: RegisterCounts = field(default_factory=RegisterCounts)
    restored_counts: RegisterCounts = field(default_factory=RegisterCounts)
    findings: tuple[Finding, ...] = ()


# Backup ------------------------------------------------------------------------------------


def write_backup(store: Store, path: str | Path, progress: Progress | None = None
                 ) -> BackupResult:
    """Write the one-file backup of the register to `path` (through a scratch name in the same
    folder; a failure or cancel leaves no partial file). `progress(done, total)` counts files;
    returning False cancels (Cancelled is raised)."""
    target = Path(path)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        text = interchange.dumps(interchange.export_document(store))
        data = text.encode("utf-8")
        with store.session() as session:
            used = stored_files.referenced(session)
            sizes = {h: s for h, s in stored_files.stored_hashes(session).items() if h in used}
        manifest = {
            "format": BACKUP_FORMAT, "version": BACKUP_VERSION,
            "created": dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat(),
            "json": {"name": JSON_MEMBER, "sha256": hashlib.sha256(data).hexdigest(),
                     "size": len(data)},
            "files": [{"sha256": h, "size": sizes[h]} for h in sorted(sizes)],
        }
        total = len(sizes)
        with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
            archive.writestr(JSON_MEMBER, data)
            for done, digest in enumerate(sorted(sizes), start=1):
                info = zipfile.ZipInfo(FILES_FOLDER + digest, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED  # scans and PDFs are compressed already
                check = hashlib.sha256()
                with store.session() as session, archive.open(info, "w",
                                                              force_zip64=True) as member:
                    for block in stored_files.chunks(session, digest):
                        check.update(block)
                        member.write(block)
                if check.hexdigest() != digest:
                    raise stored_files.StoredFileError("files.damaged", sha256=digest)
                if progress is not None and not progress(done, total):
                    raise Cancelled()
        os.replace(scratch, target)
    except stored_files.StoredFileError as exc:
        return BackupResult(findings=(error(exc.code, "backup", **exc.params),))
    except OSError as exc:
        return BackupResult(findings=(error("backup.write_failed", "backup", path=str(target),
                                            **reason_params(exc)),))
    finally:
        scratch.unlink(missing_ok=True)
    log.info("backup written to %s: %d files", target, total)
    return BackupResult(target, total, target.stat().st_size)


# Checking a backup -------------------------------------------------------------------------


@dataclass
class CheckedBackup:
    """A backup whose every member was read and verified; what a restore takes."""

    path: Path
    dataset: interchange.Dataset
    files: dict[str, int]  # sha256 → size
    counts: RegisterCounts


def _refused(code: str, **params: Any) -> Finding:
    return error(code, "backup", **params)


@contextmanager
def _bounded(archive: zipfile.ZipFile, name: str, limit: int) -> Iterator[IO[bytes]]:
    """A member opened for reading that fails once more than `limit` bytes come out of it,
    whatever its header says (a zip bomb stops at the bound)."""
    with archive.open(name) as raw:
        yield _Limited(raw, limit, name)  # type: ignore[misc]


class _Limited(io.RawIOBase):
    def __init__(self, raw: IO[bytes], limit: int, name: str) -> None:
        self.raw, self.left, self.name = raw, limit, name

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        block = self.raw.read(min(size if size >= 0 else self.left + 1, self.left + 1))
        self.left -= len(block)
        if self.left < 0:
            raise stored_files.StoredFileError("backup.member_too_large", member=self.name)
        return block


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with _bounded(archive, name, limit) as stream:
        return stream.read(limit + 1)


def _hash_member(archive: zipfile.ZipFile, name: str, size: int) -> str:
    digest = hashlib.sha256()
    total = 0
    with _bounded(archive, name, size) as stream:
        while block := stream.read(stored_files.CHUNK_SIZE):
            digest.update(block)
            total += len(block)
    if total != size:
        raise stored_files.StoredFileError("backup.member_size", member=name)
    return digest.hexdigest()


def check_backup(path: str | Path, progress: Progress | None = None
                 ) -> CheckedBackup | tuple[Finding, ...]:
    """Read and verify the whole backup; the checked backup, or why it is refused. Nothing is
    written anywhere."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _check(path, archive, progress)
    except zipfile.BadZipFile as exc:
        return (_refused("backup.not_a_zip", path=str(path), reason=str(exc)),)
    except stored_files.StoredFileError as exc:
        return (_refused(exc.code, path=str(path), **exc.params),)
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        return (_refused("backup.unreadable", path=str(path), **reason_params(exc)),)


def _check(path: Path, archive: zipfile.ZipFile, progress: Progress | None
           ) -> CheckedBackup | tuple[Finding, ...]:
    names = [info.filename for info in archive.infolist()]
    if len(names) != len(set(names)):
        return (_refused("backup.bad_member", path=str(path), member="(duplicate names)"),)
    for name in names:
        if name not in (MANIFEST, JSON_MEMBER) and not _FILE_MEMBER.match(name):
            return (_refused("backup.bad_member", path=str(path), member=name[:200]),)
    if MANIFEST not in names or JSON_MEMBER not in names:
        return (_refused("backup.missing_member", path=str(path),
                         member=MANIFEST if MANIFEST not in names else JSON_MEMBER),)
    try:
        manifest = json.loads(_read_member(archive, MANIFEST, MAX_MANIFEST))
        described = manifest["json"]
        listed = {f["sha256"]: int(f["size"]) for f in manifest["files"]}
        version = int(manifest.get("version", 0))
        json_size = int(described.get("size", -1))
        ok = (manifest.get("format") == BACKUP_FORMAT and isinstance(described, dict)
              and all(isinstance(h, str) and re.match(r"^[0-9a-f]{64}$", h) for h in listed)
              and all(0 <= s <= stored_files.MAX_FILE_SIZE for s in listed.values()))
    except (ValueError, KeyError, TypeError, AttributeError):  # a value of another type
        ok = False
    if not ok:
        return (_refused("backup.bad_manifest", path=str(path)),)
    if version > BACKUP_VERSION:
        return (_refused("backup.newer", path=str(path)),)
    present = {m.group(1) for n in names if (m := _FILE_MEMBER.match(n))}
    if present != set(listed):
        member = sorted(set(listed) ^ present)[0]
        return (_refused("backup.missing_member" if member in listed else "backup.bad_member",
                         path=str(path), member=FILES_FOLDER + member),)
    if not 0 <= json_size <= MAX_JSON:
        return (_refused("backup.bad_manifest", path=str(path)),)
    if _hash_member(archive, JSON_MEMBER, json_size) != described.get("sha256"):
        return (_refused("backup.hash_mismatch", path=str(path), member=JSON_MEMBER),)
    total = len(listed)
    for done, (digest, size) in enumerate(sorted(listed.items()), start=1):
        if _hash_member(archive, FILES_FOLDER + digest, size) != digest:
            return (_refused("backup.hash_mismatch", path=str(path),
                             member=FILES_FOLDER + digest),)
        if progress is not None and not progress(done, total * 2):
            raise Cancelled()
    text = _read_member(archive, JSON_MEMBER, json_size).decode("utf-8")
    read = interchange.read_text(text)
    if read.dataset is None or read.problems:
        return (_refused("backup.bad_json", path=str(path)), *read.problems)
    # A record may refer to a file this register never held (a report imported from another
    # register's JSON): it is restored as it was, without contents.
    dataset = read.dataset
    counts = RegisterCounts(
        patents=len(dataset.patents), offers=len(dataset.offers), deals=len(dataset.deals),
        documents=len(dataset.files.documents) if dataset.files else 0, files=len(listed))
    return CheckedBackup(path, dataset, listed, counts)


# Restore -----------------------------------------------------------------------------------


def register_counts(store: Store) -> RegisterCounts:
    """What a restore would replace."""
    from app.models.deals import Deal
    from app.models.entities import GeneratedDocument, Offer, Patent

    with store.session() as session:
        def count(entity: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(entity)) or 0)

        return RegisterCounts(count(Patent), count(Offer), count(Deal),
                              count(GeneratedDocument),
                              count(stored_files.StoredFile))


def restore_backup(store: Store, path: str | Path, *, replace: bool = False,
                   progress: Progress | None = None) -> RestoreResult:
    """Replace the register by the backup at `path`, after checking all of it.

    A register holding records is replaced only with `replace` (the window asks first, saying
    what `register_counts` gives; the command line wants --replace). A refused backup changes
    nothing."""
    checked = check_backup(path, progress)
    if not isinstance(checked, CheckedBackup):
        return RestoreResult(findings=checked)
    current = register_counts(store)
    if not current.empty and not replace:
        return RestoreResult(replaced=current, restored_counts=checked.counts, findings=(
            _refused("backup.register_not_empty", **current.params()),))
    # A register file is copied aside first (SQLite's backup API), so that a failure after the
    # register was emptied (a full disk, a lost server) loses nothing: the message says where.
    safety = _safety_copy(store) if not current.empty else None
    try:
        _empty_register(store)
        total = len(checked.files) * 2
        with zipfile.ZipFile(checked.path) as archive:
            for done, (digest, size) in enumerate(sorted(checked.files.items()), start=1):
                member = FILES_FOLDER + digest
                with store.session() as session, session.begin():
                    stored_files.put_stream(
                        session, lambda m=member, s=size: _bounded(archive, m, s), member, digest)
                if progress is not None:
                    progress(len(checked.files) + done, total)
        result = interchange.import_dataset(store, checked.dataset)
    except Exception as exc:
        log.exception("restore from %s failed", checked.path)
        return RestoreResult(replaced=current, findings=(_refused(
            "backup.restore_failed", path=str(checked.path),
            copy=str(safety) if safety is not None else "", **reason_params(exc)),))
    if result.problems:  # refused by the database after the register was emptied
        return RestoreResult(replaced=current, findings=(_refused(
            "backup.records_not_written", path=str(checked.path),
            copy=str(safety) if safety is not None else ""), *result.problems))
    log.info("register restored from %s", checked.path)
    return RestoreResult(True, current, checked.counts)


def _safety_copy(store: Store) -> Path | None:
    """A copy of a SQLite register beside it before a restore replaces it; None on a server
    (IT's own backups and the one-file backup cover it)."""
    from app.models.database import backup_copy

    if store.database.is_server:
        return None
    return backup_copy(store.database.path, "before-restore")


def _empty_register(store: Store) -> None:
    """Every record and stored file of the register, gone in one transaction."""
    from app.models.schema import metadata

    with store.session() as session, session.begin():
        for table in reversed(metadata.sorted_tables):
            if table.name not in KEPT_TABLES:
                session.execute(delete(table))
