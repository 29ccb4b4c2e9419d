"""Opening the files kept in the database (issue 16): a deal's supporting files and a
document's sealed copy, written into the database's cache folder and verified by hash."""

from __future__ import annotations

from pathlib import Path

from app.models.findings import Finding, error
from app.models.store import Store
from app.models.stored_files import StoredFileError, file_path
from app.os_errors import reason_params


def deal_file_path(store: Store, file_id: int) -> Path | Finding:
    """The path to open supporting file `file_id` from, or why it cannot be opened."""
    from app.models.deals import DealFile

    with store.session() as session:
        record = session.get(DealFile, file_id)
        if record is None:
            return error("files.not_stored", "files", name=str(file_id))
        sha256, name = record.sha256, record.stored_path or record.original_name
    return _opened(store, sha256, name)


def sealed_copy_path(store: Store, document_id: int) -> Path | Finding | None:
    """The path to open a generated document's sealed copy from; None when it has none."""
    from app.models.entities import GeneratedDocument

    with store.session() as session:
        document = session.get(GeneratedDocument, document_id)
        if document is None or not document.sealed_sha256:
            return None
        sha256, recorded = document.sealed_sha256, document.sealed_path
    return _opened(store, sha256, recorded, fallback=recorded)


def _opened(store: Store, sha256: str, name: str, fallback: str = "") -> Path | Finding:
    try:
        return file_path(store.database, sha256, name, fallback)
    except StoredFileError as exc:
        return error(exc.code, "files", **exc.params)
    except OSError as exc:
        return error("deal.file_unreadable", "files", path=name, **reason_params(exc))
