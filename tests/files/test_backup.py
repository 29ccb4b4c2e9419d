"""One-file backup and restore (issue 16): the JSON plus every stored file, verified by hash;
a bad zip is refused with a message and nothing changed; a round trip across the two back ends
gives the same JSON and files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.messages import EN, ZH, describe
from app.models.database import open_database
from app.models.store import Store
from app.submit.records import SubmissionRecords
from app.submit.sealing import attach_sealed_copy
from app.usecases.backup import (
    JSON_MEMBER,
    MANIFEST,
    register_counts,
    restore_backup,
    write_backup,
)
from app.usecases.ops_centre import attach_policy_document, save_report
from tests.ops.sample import sample_fields
from tests.pg_server import Server
from tests.submit.support import add_offer_documents, fake_pdf
from tests.usecases.conftest import add_book


@pytest.fixture
def full_register(store: Store, tmp_path: Path) -> Store:
    """The use-case register (both back ends) with a deal's contract, a book, generated
    documents with a sealed scan, and a policy document on an operations-centre report."""
    add_book(store, tmp_path)
    docs = add_offer_documents(store.database, tmp_path, "202010000001.1")
    scan = tmp_path / "盖章扫描件.pdf"
    fake_pdf(scan, "sealed")
    assert attach_sealed_copy(SubmissionRecords(store.database), docs.sheet_id, [scan]).attached
    policy = tmp_path / "办法.pdf"
    policy.write_bytes(b"%PDF-1.4 policy")
    fields = attach_policy_document(store, sample_fields(2023), 0, policy)
    assert save_report(store, fields).saved
    return store


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != MANIFEST}


def _other_backend(store: Store, tmp_path: Path, pg_server: Server) -> Iterator[Store]:
    location: Path | str = (tmp_path / "restored.sqlite3" if store.database.is_server
                            else pg_server.new_database())
    database = open_database(location)
    try:
        yield Store(database)
    finally:
        database.close()


def test_backup_then_restore_into_the_other_back_end_gives_the_same_json_and_files(
        full_register: Store, tmp_path: Path, pg_server: Server) -> None:
    first = tmp_path / "备份1.zip"
    written = write_backup(full_register, first)
    assert written.written and written.files == 3 and written.findings == ()
    # An outside program agrees the zip is sound.
    assert subprocess.run(["unzip", "-tq", str(first)], capture_output=True).returncode == 0
    doc = json.loads(_members(first)[JSON_MEMBER])
    assert doc["version"] == 5
    [deal] = [d for d in doc["deals"] if d.get("files")]
    assert deal["files"][0]["name"] == "deals/1/1-1 合同.pdf"
    sealed = [d for d in doc["documents"] if d["sealed_sha256"]]
    assert len(sealed) == 1 and sealed[0]["sealed_name"].startswith("sealed/")
    assert doc["record_states"]["offers"]["202010000001.1"] == "generated"

    for restored in _other_backend(full_register, tmp_path, pg_server):
        result = restore_backup(restored, first)
        assert result.restored, [describe(f, EN) for f in result.findings]
        second = tmp_path / "备份2.zip"
        assert write_backup(restored, second).written
        assert _members(second) == _members(first)
        # The files read back, verified, from the restored database.
        deal_file = restored.deal(restored.deals()[0].id).files[0]
        from app.usecases.files import deal_file_path

        opened = deal_file_path(restored, deal_file.id or 0)
        assert isinstance(opened, Path) and opened.read_bytes() == b"%PDF-1.4 contract"


def test_restore_over_a_register_needs_the_replace_flag_and_says_what_goes(
        full_register: Store, tmp_path: Path) -> None:
    backup = tmp_path / "b.zip"
    assert write_backup(full_register, backup).written
    before = register_counts(full_register)
    refused = restore_backup(full_register, backup)
    assert not refused.restored and refused.replaced == before
    [finding] = refused.findings
    assert finding.code == "backup.register_not_empty"
    assert "3 stored files" in describe(finding, EN) and "--replace" in describe(finding, ZH)
    assert restore_backup(full_register, backup, replace=True).restored
    again = tmp_path / "again.zip"
    assert write_backup(full_register, again).written
    assert _members(again) == _members(backup)


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None],
             extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = change.get(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


@pytest.fixture
def backup_of(full_register: Store, tmp_path: Path) -> Path:
    path = tmp_path / "good.zip"
    assert write_backup(full_register, path).written
    return path


def _file_member(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist() if n.startswith("files/"))


@pytest.mark.parametrize("damage", ["wrong_hash", "missing_member", "traversal", "not_a_zip",
                                    "bomb", "bad_json", "truncated"])
def test_a_bad_backup_is_refused_in_words_and_nothing_changes(
        damage: str, backup_of: Path, tmp_path: Path, store: Store) -> None:
    """The register restored into is the use-case one (holding records): with --replace it
    would be emptied; a refused backup must leave it exactly as it was."""
    from app.interchange import dumps, export_document

    before = dumps(export_document(store))
    bad = tmp_path / "bad.zip"
    member = _file_member(backup_of)
    if damage == "wrong_hash":
        # Another length than the manifest's: refused by its size before its hash.
        _rewrite(backup_of, bad, {member: b"%PDF-1.4 not the file" * 3})
        expected = "backup.member_too_large"
    elif damage == "missing_member":
        _rewrite(backup_of, bad, {member: None})
        expected = "backup.missing_member"
    elif damage == "traversal":
        _rewrite(backup_of, bad, {}, {"../../evil.txt": b"x"})
        expected = "backup.bad_member"
    elif damage == "not_a_zip":
        bad.write_bytes(b"%PDF-1.4 this is no zip")
        expected = "backup.not_a_zip"
    elif damage == "bomb":
        # A member far larger than the manifest says: reading stops at the declared size.
        with zipfile.ZipFile(backup_of) as archive:
            size = len(archive.read(member))
        _rewrite(backup_of, bad, {member: b"\0" * (size + 50 * 1024 * 1024)})
        expected = "backup.member_too_large"
    elif damage == "bad_json":
        _rewrite(backup_of, bad, {JSON_MEMBER: b"{not json"})
        expected = "backup.member_size"
    else:
        data = backup_of.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
        expected = "backup.not_a_zip"
    result = restore_backup(store, bad, replace=True)
    assert not result.restored
    assert result.findings[0].code == expected, result.findings
    assert str(bad) in describe(result.findings[0], ZH)
    assert dumps(export_document(store)) == before


def test_a_same_size_altered_file_is_caught_by_its_hash(backup_of: Path, tmp_path: Path,
                                                         store: Store) -> None:
    member = _file_member(backup_of)
    with zipfile.ZipFile(backup_of) as archive:
        data = bytearray(archive.read(member))
    data[-1] ^= 1
    bad = _rewrite(backup_of, tmp_path / "bad.zip", {member: bytes(data)})
    result = restore_backup(store, bad, replace=True)
    assert [f.code for f in result.findings] == ["backup.hash_mismatch"]
    assert member in describe(result.findings[0], EN)


# The command line on a file is enough: both back ends are tested above.
@pytest.mark.parametrize("backend_location", ["sqlite"], indirect=True)
def test_the_command_line_backs_up_and_restores(full_register: Store, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = full_register.database.path
    backup = tmp_path / "cli.zip"
    assert main(["--lang", "en", "--db", str(db), "backup", str(backup)]) == 0
    assert "3 stored files" in capsys.readouterr().out
    empty = tmp_path / "empty.sqlite3"
    assert main(["--lang", "en", "--db", str(empty), "restore", str(backup)]) == 0
    assert "Register restored" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(empty), "restore", str(backup)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(empty), "restore", "--replace", str(backup)]) == 0
    copy = tmp_path / "copy.zip"
    assert main(["--lang", "en", "--db", str(empty), "backup", str(copy)]) == 0
    assert _members(copy) == _members(backup)
    digest = hashlib.sha256(_members(copy)[JSON_MEMBER]).hexdigest()
    assert digest == hashlib.sha256(_members(backup)[JSON_MEMBER]).hexdigest()


# A SQLite register is copied aside; a server has IT's backups.
@pytest.mark.parametrize("backend_location", ["sqlite"], indirect=True)
def test_a_restore_failing_part_way_says_where_the_register_was_copied(
        full_register: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from app.interchange import dumps, export_document
    from app.usecases import backup as backup_module

    path = tmp_path / "b.zip"
    assert write_backup(full_register, path).written
    before = dumps(export_document(full_register))

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.interchange, "import_dataset", full_disk)
    result = restore_backup(full_register, path, replace=True)
    assert not result.restored
    [finding] = result.findings
    assert finding.code == "backup.restore_failed"
    copy = Path(finding.params["copy"])
    assert copy.is_file() and str(copy) in describe(finding, ZH)
    assert subprocess.run(["sqlite3", str(copy), "PRAGMA integrity_check"],
                          capture_output=True, text=True).stdout.strip() == "ok"
    saved = open_database(copy)
    try:
        assert dumps(export_document(Store(saved))) == before
    finally:
        saved.close()


@pytest.mark.parametrize("manifest_change", [{"version": "x"}, {"json_size": "two"},
                                             {"json_size": None}])
def test_a_manifest_with_values_of_the_wrong_type_is_refused_in_words(
        manifest_change: dict[str, object], backup_of: Path, tmp_path: Path,
        store: Store) -> None:
    import json

    with zipfile.ZipFile(backup_of) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    if "version" in manifest_change:
        manifest["version"] = manifest_change["version"]
    else:
        manifest["json"]["size"] = manifest_change["json_size"]
    bad = _rewrite(backup_of, tmp_path / "bad.zip",
                   {"manifest.json": json.dumps(manifest).encode()})
    result = restore_backup(store, bad, replace=True)
    assert not result.restored
    assert [f.code for f in result.findings] == ["backup.bad_manifest"]


def test_records_the_database_refuses_after_the_register_was_emptied_say_where_it_was_copied(
        backup_of: Path, tmp_path: Path, store: Store) -> None:
    """An organisation address longer than its column passes the file's checks but not the
    database's, once the register is already emptied: the clerk is told so, and where the
    register as it was is copied (on a server: to restore the last backup)."""
    import hashlib
    import json

    with zipfile.ZipFile(backup_of) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        document = json.loads(archive.read(JSON_MEMBER))
    document["organisation"]["address"] = "路" * 400
    data = json.dumps(document, ensure_ascii=False).encode()
    manifest["json"].update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    bad = _rewrite(backup_of, tmp_path / "bad.zip",
                   {JSON_MEMBER: data, "manifest.json": json.dumps(manifest).encode()})
    result = restore_backup(store, bad, replace=True)
    assert not result.restored
    assert [f.code for f in result.findings] == ["backup.records_not_written",
                                                 "range.column_text"]
    said = describe(result.findings[0], ZH)
    assert str(bad) in said
    if not store.database.is_server:
        copy = result.findings[0].params["copy"]
        assert copy and Path(copy).is_file() and copy in said
