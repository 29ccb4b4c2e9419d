"""Files kept in the database itself (issue 16): supporting files of deals, sealed scans and
policy documents, content-addressed by SHA-256 and stored once however many rows refer to them.

A file is one `stored_file` row (hash, size) and its bytes in `stored_file_chunk` rows of at
most CHUNK_SIZE bytes each, so that neither storing nor reading ever holds a whole large file
in memory, on either back end (SQLite's and PostgreSQL's drivers both take a chunk as one
parameter). A file belongs to its database: another register, even on the same computer, has
its own copy. Contents no row refers to any more are removed from this database only
(`collect_garbage`).

Where a reader needs a path (a package, 打开 in the window, a mail attachment), the bytes are
written once into a cache folder of their own database, `<data>/cache/<key>/`, verified by hash
on the way out; the cache can be deleted at any time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    column,
    delete,
    func,
    insert,
    select,
    table,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.entities import Base

log = logging.getLogger(__name__)

CHUNK_SIZE = 1024 * 1024  # bytes per chunk row
# The largest file the register takes: a scan or a contract is a few MB; a mail carries 20 MB.
MAX_FILE_SIZE = 100 * 1024 * 1024


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class StoredFile(Base):
    """One content, stored once; `size` in bytes."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class StoredFileChunk(Base):
    """Bytes `position * CHUNK_SIZE` … of a stored file."""

    __tablename__ = "stored_file_chunk"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("stored_file.sha256", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class StoredFileError(Exception):
    """A file that cannot be stored or read back; `code` and `params` go through the message
    table (`files.*`)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def _hash_stream(stream: BinaryIO, name: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while block := stream.read(CHUNK_SIZE):
        size += len(block)
        if size > MAX_FILE_SIZE:
            raise StoredFileError("files.too_large", name=name, size=_mb(size, over=True),
                                  limit=_mb(MAX_FILE_SIZE))
        digest.update(block)
    return digest.hexdigest(), size


def _mb(size: int, *, over: bool = False) -> str:
    return (">" if over else "") + f"{size / (1024 * 1024):.0f}"


def has_file(executor: Any, sha256: str) -> bool:
    return executor.execute(select(StoredFile.sha256).where(StoredFile.sha256 == sha256)
                            ).first() is not None


def put_file(executor: Any, path: Path, *, expected: str = "") -> tuple[str, int]:
    """Store the file at `path` (in chunks, never whole in memory); its (SHA-256, size).

    `executor` is a Session or Connection in a transaction. With `expected`, a file whose hash
    differs is refused (`files.altered`). A file changed while it was read is refused too.
    Raises StoredFileError, OSError.
    """
    with open(path, "rb") as stream:
        digest, size = _hash_stream(stream, path.name)
        if expected and digest != expected:
            raise StoredFileError("files.altered", path=str(path))
        if has_file(executor, digest):
            return digest, size
        stream.seek(0)
        _insert(executor, stream, digest, size, path.name)
    return digest, size


def put_stream(executor: Any, opener: Any, name: str, expected: str) -> tuple[str, int]:
    """Store the bytes `opener()` streams (a zip member, read twice: to hash, then to store),
    which must hash to `expected`; its (SHA-256, size)."""
    with opener() as stream:
        digest, size = _hash_stream(stream, name)
    if digest != expected:
        raise StoredFileError("files.altered", path=name)
    if not has_file(executor, digest):
        with opener() as stream:
            _insert(executor, stream, digest, size, name)
    return digest, size


def put_bytes(executor: Any, data: bytes, name: str = "") -> tuple[str, int]:
    """Store `data`; its (SHA-256, size)."""
    if len(data) > MAX_FILE_SIZE:
        raise StoredFileError("files.too_large", name=name, size=_mb(len(data)),
                              limit=_mb(MAX_FILE_SIZE))
    digest = hashlib.sha256(data).hexdigest()
    if not has_file(executor, digest):
        import io

        _insert(executor, io.BytesIO(data), digest, len(data), name)
    return digest, len(data)


def _insert(executor: Any, stream: BinaryIO, digest: str, size: int, name: str) -> None:
    executor.execute(insert(StoredFile).values(sha256=digest, size=size, stored_at=_now()))
    check = hashlib.sha256()
    position = 0
    written = 0
    while block := stream.read(CHUNK_SIZE):
        check.update(block)
        written += len(block)
        executor.execute(insert(StoredFileChunk).values(sha256=digest, position=position,
                                                        data=block))
        position += 1
    if check.hexdigest() != digest or written != size:
        # Raised inside the caller's transaction: nothing of it is kept.
        raise StoredFileError("files.changed_while_read", name=name)


def chunks(executor: Any, sha256: str) -> Iterator[bytes]:
    """The bytes of a stored file, one chunk at a time (one row fetched per chunk)."""
    count = executor.execute(
        select(func.count()).select_from(StoredFileChunk).where(StoredFileChunk.sha256 == sha256)
    ).scalar_one()
    for position in range(int(count)):
        data = executor.execute(
            select(StoredFileChunk.data).where(StoredFileChunk.sha256 == sha256,
                                               StoredFileChunk.position == position)
        ).scalar_one()
        yield bytes(data)


def read_bytes(executor: Any, sha256: str) -> bytes | None:
    """A whole stored file verified by hash (for small files); None when not stored."""
    if not has_file(executor, sha256):
        return None
    data = b"".join(chunks(executor, sha256))
    if hashlib.sha256(data).hexdigest() != sha256:
        raise StoredFileError("files.damaged", sha256=sha256)
    return data


def write_out(executor: Any, sha256: str, target: Path) -> None:
    """Write a stored file to `target` (through a scratch name), verified by hash.

    Raises StoredFileError (`files.not_stored`, `files.damaged`) and OSError."""
    if not has_file(executor, sha256):
        raise StoredFileError("files.not_stored", name=target.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{sha256[:12]}.{os.getpid()}.part")  # short: any name fits
    digest = hashlib.sha256()
    try:
        with open(scratch, "wb") as out:
            for block in chunks(executor, sha256):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != sha256:
            raise StoredFileError("files.damaged", sha256=sha256)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)


def cache_key(database: Any) -> str:
    """The cache folder's name for a database: a hash of its file path or server address."""
    where = database.server if getattr(database, "server", None) else str(
        Path(database.path).resolve())
    return hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]


def cache_dir(database: Any) -> Path:
    from app.paths import user_data_dir

    return user_data_dir() / "cache" / cache_key(database)


def materialise(database: Any, sha256: str, name: str) -> Path:
    """A path holding the stored file `sha256` under `name` (its last part), in the database's
    cache folder; written from the database when absent or not the right bytes."""
    from app.file_names import safe_file_name

    # A short folder per content (16 hex digits; the bytes are checked by their whole hash
    # anyway) leaves the name room within Windows' MAX_PATH.
    folder = cache_dir(database) / sha256[:16]
    shown = Path(name.replace("\\", "/")).name or sha256
    suffix = Path(shown).suffix if len(Path(shown).suffix) <= 10 else ""
    try:
        file_name = safe_file_name(Path(shown).stem, sha256[:12], extension=suffix,
                                   folder=folder)
    except OSError:  # a data folder too deep for the name: the hash names it
        file_name = sha256[:12] + suffix
    target = folder / file_name
    if target.is_file() and _file_hash(target) == sha256:
        return target
    with database.session() as session:
        write_out(session, sha256, target)
    return target


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while block := stream.read(CHUNK_SIZE):
            digest.update(block)
    return digest.hexdigest()


# The rows that refer to stored files, named here as plain tables so that this module needs no
# entity module (they import the store, which imports this).
_DEAL = table("deal", column("id"), column("serial"))
_DEAL_FILE = table("deal_file", column("deal_id"), column("number"), column("stored_path"),
                   column("sha256"), column("original_name"))
_DOCUMENT = table("generated_document", column("id"), column("kind"), column("subject"),
                  column("sealed_path"), column("sealed_sha256"))
_POLICY = table("ops_centre_file", column("sha256"), column("original_name"),
                column("content", LargeBinary))


def referenced(executor: Any) -> set[str]:
    """Every SHA-256 a row of this database refers to."""
    used: set[str] = set(executor.execute(select(_DEAL_FILE.c.sha256)).scalars())
    used |= set(executor.execute(select(_DOCUMENT.c.sealed_sha256)).scalars())
    used |= set(executor.execute(select(_POLICY.c.sha256)).scalars())
    used.discard("")
    return used


def collect_garbage(executor: Any, candidates: Iterable[str] | None = None) -> int:
    """Remove from this database the contents no row refers to (of `candidates`, or all);
    how many. Another database's copies are never touched."""
    used = referenced(executor)
    if candidates is None:
        candidates = executor.execute(select(StoredFile.sha256)).scalars()
    unused = sorted(set(candidates) - used - {""})  # "": a record that had no file
    for digest in unused:
        executor.execute(delete(StoredFileChunk).where(StoredFileChunk.sha256 == digest))
        executor.execute(delete(StoredFile).where(StoredFile.sha256 == digest))
    if unused:
        log.info("%d stored files no longer referred to removed from this database", len(unused))
    return len(unused)


def stored_hashes(executor: Any) -> dict[str, int]:
    """SHA-256 → size of every stored file."""
    return {row[0]: int(row[1]) for row in executor.execute(
        select(StoredFile.sha256, StoredFile.size).order_by(StoredFile.sha256))}


# Moving an older register's files in (the upgrade to 0009_stored_files) --------------------


def absorb_data_folder(connection: Any, data_dir: Path) -> list[Any]:
    """Take every file an older version kept outside the database into it: deal supporting
    files (by their path under `data_dir`), sealed scans (by their recorded path) and the
    policy documents' bytes from their own table. Each is checked against the SHA-256 recorded
    when it was attached. A file missing, altered, unreadable or too large is left where it is
    (nothing is deleted or changed) and reported as a warning; the row keeps its record.
    Runs in the caller's transaction."""
    from sqlalchemy import update

    from app.models.findings import warning

    report: list[Any] = []
    moved = 0

    def take(path: Path, expected: str, what: str, shown: str) -> None:
        nonlocal moved
        if not path.is_file():
            report.append(warning("files.upgrade_missing", "files", what=what, name=shown,
                                  path=str(path)))
            return
        try:
            with connection.begin_nested():
                put_file(connection, path, expected=expected)
            moved += 1
        except StoredFileError as exc:
            code = {"files.altered": "files.upgrade_altered",
                    "files.too_large": "files.upgrade_too_large"}.get(exc.code,
                                                                      "files.upgrade_unreadable")
            report.append(warning(code, "files", what=what, name=shown, path=str(path),
                                  **{k: v for k, v in exc.params.items()
                                                      if k in ("size", "limit")}))
        except OSError as exc:
            from app.os_errors import reason_params

            report.append(warning("files.upgrade_unreadable", "files", what=what, name=shown,
                                  path=str(path), **reason_params(exc)))

    rows = connection.execute(
        select(_DEAL_FILE.c.stored_path, _DEAL_FILE.c.sha256, _DEAL_FILE.c.original_name,
               _DEAL.c.serial, _DEAL_FILE.c.number)
        .join(_DEAL, _DEAL.c.id == _DEAL_FILE.c.deal_id)
        .order_by(_DEAL.c.serial, _DEAL_FILE.c.number)).all()
    for stored_path, sha256, original_name, serial, number in rows:
        if stored_path and sha256 and not has_file(connection, sha256):
            take(data_dir / stored_path, sha256, f"{serial}-{number}",
                 original_name or stored_path)
    documents = connection.execute(
        select(_DOCUMENT.c.sealed_path, _DOCUMENT.c.sealed_sha256, _DOCUMENT.c.subject,
               _DOCUMENT.c.kind)
        .where(_DOCUMENT.c.sealed_sha256 != "").order_by(_DOCUMENT.c.id)).all()
    for sealed_path, sha256, subject, kind in documents:
        if sealed_path and not has_file(connection, sha256):
            path = Path(sealed_path)
            if not path.is_absolute():
                path = data_dir / path
            take(path, sha256, f"{subject} {kind}".strip(), path.name)
    # Policy documents were in the database already, in a table of their own: their bytes
    # move into the shared store (checked by hash) and the old copy is emptied.
    for digest, name, content in connection.execute(
            select(_POLICY.c.sha256, _POLICY.c.original_name, _POLICY.c.content)
            .where(func.length(_POLICY.c.content) > 0)).all():
        data = bytes(content)
        if hashlib.sha256(data).hexdigest() != digest:
            report.append(warning("files.upgrade_altered", "files", what="", name=name,
                                  path=name))
            continue
        put_bytes(connection, data, name)
        connection.execute(update(_POLICY).where(_POLICY.c.sha256 == digest)
                           .values(content=b""))
        moved += 1
    log.info("%d files moved into the database, %d left where they were", moved, len(report))
    return report


def file_path(database: Any, sha256: str, name: str, fallback: str = "") -> Path:
    """Where to open a stored file from: its copy in the database's cache, written from the
    database (verified by hash). When the database does not hold it (a file that was missing
    when an older register was upgraded), the recorded `fallback` path, if any; otherwise
    StoredFileError("files.not_stored")."""
    try:
        return materialise(database, sha256, name)
    except StoredFileError as exc:
        if exc.code == "files.not_stored" and fallback:
            return Path(fallback)
        raise
