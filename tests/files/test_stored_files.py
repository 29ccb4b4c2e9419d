"""Files in the database (issue 16), on both back ends: stored once by SHA-256, read back
verified, removed from this database only when no row refers to them, bounded in size, moved
in from an older version's data folder on upgrade."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from app.messages import EN, ZH, describe
from app.models import stored_files
from app.models.database import Database, open_database
from app.models.deals import Deal, DealFields, DealFile, Payment
from app.models.entities import GeneratedDocument
from app.models.ops_centre_records import OpsCentreFile, store_document
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.models.stored_files import StoredFileChunk, materialise, stored_hashes
from app.usecases.files import deal_file_path
from tests.pg_server import Server

NUMBER = "201710601862.3"


def _deal(store: Store, licensee: str) -> int:
    if not store.patents():
        store.save_patent(PatentFields(number=NUMBER, title="一种方法", patentees=("武汉大学",),
                                       filing_date=dt.date(2017, 7, 21)))
    deal_id = store.save_deal(DealFields(patents=(NUMBER,), licensee=licensee,
                                         licence_date=dt.date(2023, 6, 1),
                                         payment=Payment("free"))).record_id
    assert deal_id is not None
    return deal_id


def test_one_content_stored_once_in_chunks_and_removed_with_its_last_row(
        backend_store: Store, tmp_path: Path) -> None:
    store = backend_store
    data = os.urandom(stored_files.CHUNK_SIZE * 2 + 1000)
    scan = tmp_path / "合同.pdf"
    scan.write_bytes(data)
    first, second = _deal(store, "甲公司"), _deal(store, "乙公司")
    assert store.add_deal_file(first, scan, "contract").saved
    assert store.add_deal_file(second, scan, "contract").saved
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as session:
        assert stored_hashes(session) == {digest: len(data)}
        assert session.scalar(select(func.count()).select_from(StoredFileChunk)) == 3
    scan.unlink()
    file_id = store.deal(second).files[0].id
    assert file_id is not None
    opened = deal_file_path(store, file_id)
    assert isinstance(opened, Path) and opened.read_bytes() == data
    assert opened.name == "2-1 合同.pdf"
    assert stored_files.cache_key(store.database) in opened.parts
    store.delete_deals([first])
    with store.session() as session:
        assert stored_hashes(session) == {digest: len(data)}  # deal 2 still refers to it
    store.delete_deals([second])
    with store.session() as session:
        assert stored_hashes(session) == {}
        assert session.scalar(select(func.count()).select_from(StoredFileChunk)) == 0


def test_a_file_above_the_bound_is_refused_in_words(backend_store: Store, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored_files, "MAX_FILE_SIZE", 3 * 1024 * 1024)
    big = tmp_path / "扫描.pdf"
    big.write_bytes(b"x" * (4 * 1024 * 1024))
    result = backend_store.add_deal_file(_deal(backend_store, "甲公司"), big, "contract")
    assert not result.saved
    [finding] = result.findings
    assert finding.code == "files.too_large"
    assert "3 MB" in describe(finding, EN) and "扫描.pdf" in describe(finding, ZH)
    with backend_store.session() as session:
        assert stored_hashes(session) == {}


def test_a_damaged_stored_file_is_never_handed_out(store: Store, tmp_path: Path) -> None:
    scan = tmp_path / "a.pdf"
    scan.write_bytes(b"%PDF-1.4 good")
    assert store.add_deal_file(_deal(store, "甲公司"), scan, "contract").saved
    info = store.deal(store.deals()[0].id).files[0]
    with store.session() as session, session.begin():
        chunk = session.scalars(select(StoredFileChunk)).one()
        chunk.data = b"%PDF-1.4 evil"
    opened = deal_file_path(store, info.id or 0)
    assert not isinstance(opened, Path) and opened.code == "files.damaged"
    assert not list(stored_files.cache_dir(store.database).rglob("*.pdf"))


def test_storing_and_reading_stream_in_chunks(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with open(big, "wb") as out:
        for _ in range(24):
            out.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    try:
        with store.session() as session, session.begin():
            digest, size = stored_files.put_file(session, big)
        _, stored_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        target = tmp_path / "out.pdf"
        with store.session() as session:
            stored_files.write_out(session, digest, target)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == 24 * 1024 * 1024 and target.read_bytes() == big.read_bytes()
    # A few chunks at most in memory, never the 24 MB file.
    assert stored_peak < 6 * 1024 * 1024, stored_peak
    assert read_peak < 6 * 1024 * 1024, read_peak


def test_policy_documents_share_the_store(backend_store: Store, tmp_path: Path) -> None:
    from app.models.ops_centre_records import document_bytes

    policy = tmp_path / "知识产权管理办法.pdf"
    policy.write_bytes(b"%PDF-1.4 policy")
    name, digest = store_document(backend_store, policy)
    assert name == policy.name
    assert document_bytes(backend_store, digest) == b"%PDF-1.4 policy"
    with backend_store.session() as session:
        assert stored_hashes(session) == {digest: 15}
        assert session.get(OpsCentreFile, digest).content == b""  # type: ignore[union-attr]


# Upgrading a register of an older version ----------------------------------------------------


@pytest.fixture(params=("sqlite", "postgresql"))
def old_register(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Store]]:
    """A register at every revision but 0009_stored_files (before files in the database): the
    record versions of 0009_more_record_versions are there, since today's Store writes them."""
    from alembic import command

    from app.models.database import _alembic_config, make_engine

    if request.param == "sqlite":
        location = str(tmp_path / "old.sqlite3")
        engine = make_engine(Path(location))
    else:
        from app.models.server import make_server_engine, parse

        server: Server = request.getfixturevalue("pg_server")
        location = server.new_database(migrated=False)
        engine = make_server_engine(parse(location))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0009_more_record_versions")
    database = Database(Path(location), engine, sessionmaker(engine, expire_on_commit=False))
    yield location, Store(database)
    engine.dispose()


def test_upgrade_moves_the_data_folder_in_and_reports_what_it_cannot(
        old_register: tuple[str, Store], private_data_dir: Path) -> None:
    location, store = old_register
    deal_id = _deal(store, "甲公司")
    folder = private_data_dir / "deals" / "1"
    folder.mkdir(parents=True)
    good, altered = b"%PDF-1.4 contract", b"%PDF-1.4 receipt"
    (folder / "1-1 合同.pdf").write_bytes(good)
    (folder / "1-2 票据.pdf").write_bytes(b"%PDF-1.4 edited since")
    sealed = private_data_dir / "sealed" / "1-declaration-abc.pdf"
    sealed.parent.mkdir()
    sealed.write_bytes(b"%PDF-1.4 sealed")
    policy = b"%PDF-1.4 policy"

    def sha(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    with store.session() as session, session.begin():
        deal = session.get(Deal, deal_id)
        assert deal is not None
        for number, name, data in ((1, "1-1 合同.pdf", good), (2, "1-2 票据.pdf", altered),
                                   (3, "1-3 其他材料.pdf", b"gone")):
            deal.files.append(DealFile(number=number, kind="contract", original_name=name,
                                       stored_path=f"deals/1/{name}", sha256=sha(data),
                                       size=len(data)))
        session.add(GeneratedDocument(kind="declaration", subject=NUMBER, path="/x.pdf",
                                      sha256="0" * 64, sealed_path=str(sealed),
                                      sealed_sha256=sha(b"%PDF-1.4 sealed")))
        session.add(OpsCentreFile(sha256=sha(policy), original_name="办法.pdf",
                                  size=len(policy), content=policy))
    store.database.engine.dispose()
    before = {p: p.read_bytes() for p in private_data_dir.rglob("*.pdf")}

    database = open_database(location)
    try:
        report = {f.code: f for f in database.file_report}
        assert set(report) == {"files.upgrade_missing", "files.upgrade_altered"}
        assert report["files.upgrade_missing"].params["what"] == "1-3"
        assert "1-3 其他材料.pdf" in describe(report["files.upgrade_missing"], ZH)
        assert str(folder / "1-2 票据.pdf") in describe(report["files.upgrade_altered"], EN)
        with database.session() as session:
            assert set(stored_hashes(session)) == {sha(good), sha(b"%PDF-1.4 sealed"),
                                                   sha(policy)}
            assert session.scalars(select(OpsCentreFile.content)).one() == b""
        upgraded = Store(database)
        files = upgraded.deal(deal_id).files
        assert len(files) == 3  # every record kept, the missing and altered ones too
        opened = materialise(database, files[0].sha256, files[0].stored_path)
        assert opened.read_bytes() == good
        missing = deal_file_path(upgraded, files[2].id or 0)
        assert not isinstance(missing, Path) and missing.code == "files.not_stored"
    finally:
        database.close()
    # Nothing in the data folder was deleted or changed.
    assert {p: p.read_bytes() for p in before} == before


def test_no_earlier_file_is_nothing_to_remove(store: Store) -> None:
    """A record that had no file before (its hash "") leaves nothing to collect, and says so."""
    with store.session() as session, session.begin():
        assert stored_files.collect_garbage(session, [""]) == 0
