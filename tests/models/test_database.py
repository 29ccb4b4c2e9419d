"""The database: creation, pragmas, migrations with a backup, refusal of newer files, the store."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.database import DatabaseError, head_revision, head_revisions, open_database
from app.models.patent_rules import PatentFields
from app.models.schema import metadata
from app.models.store import ContactData, OrganisationData, Store


def test_fresh_file_is_created_at_head_with_wal_and_foreign_keys(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert {row[0] for row in rows} == head_revisions()
        assert db.backup_path is None
    finally:
        db.close()


def test_migrations_match_the_entities(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def _previous_schema_copy(db_path: Path) -> None:
    """A database left at the first revision, as an older version of the application left it."""
    from alembic import command

    from app.models.database import _alembic_config, make_engine

    engine = make_engine(db_path)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO patent (number, title, legal_status, expiry_override_note, remarks,"
            " created_at, updated_at) VALUES ('201710601862.3', '旧数据', 'valid', '', '',"
            " '2024-01-01', '2024-01-01')"
        )
    engine.dispose()


def test_upgrade_copies_the_file_aside_first(db_path: Path) -> None:
    _previous_schema_copy(db_path)
    if head_revision() == "0001":
        pytest.skip("only one revision so far: nothing to upgrade")
    db = open_database(db_path)
    try:
        assert db.backup_path is not None and db.backup_path.exists()
        with sqlite3.connect(db.backup_path) as copy:
            assert copy.execute("SELECT title FROM patent").fetchone() == ("旧数据",)
    finally:
        db.close()


def test_opening_at_head_takes_no_copy(db_path: Path) -> None:
    open_database(db_path).close()
    db = open_database(db_path)
    assert db.backup_path is None
    db.close()
    assert not list(db_path.parent.glob("*.bak"))


def test_database_from_a_newer_version_is_refused_and_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("DELETE FROM alembic_version")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(db_path)
    assert caught.value.code == "db.newer_version"
    assert caught.value.params["revision"] == "9999_future"
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(db_path: Path) -> None:
    db_path.write_bytes(b"this is a word document, honestly" * 100)
    with pytest.raises(DatabaseError) as caught:
        open_database(db_path)
    assert caught.value.code == "db.not_a_database"


def test_store_keeps_patentees_in_order_and_survives_reopening(db_path: Path) -> None:
    db = open_database(db_path)
    store = Store(db)
    names = ("华中科技大学", "武汉大学", "李四", "王五", "赵六", "钱七")
    result = store.save_patent(PatentFields("ZL 2017 1 0601862.3", "一种方法", names,
                                            dt.date(2017, 7, 21), dt.date(2019, 1, 8)))
    assert result.saved and result.findings == []
    db.close()

    store = Store(open_database(db_path))
    [patent] = store.patents()
    assert patent.number == "201710601862.3"
    assert tuple(patent.patentees) == names
    assert patent.expiry is not None and patent.expiry.date == dt.date(2037, 7, 20)
    store.database.close()


def test_draft_with_errors_is_saved_with_its_findings(store: Store) -> None:
    result = store.save_patent(PatentFields("2017106018", "", ()))
    assert result.saved
    assert {"number.malformed", "title.required", "patentees.required"} <= {
        f.code for f in result.findings
    }
    assert store.patents()[0].number == "2017106018"


def test_a_second_patent_with_the_same_number_is_refused(store: Store) -> None:
    store.save_patent(PatentFields("201710601862.3", "甲", ("甲大学",), dt.date(2017, 7, 21)))
    result = store.save_patent(PatentFields("ZL2017106018623", "乙", ("乙大学",)))
    assert not result.saved
    assert result.findings[0].code == "number.duplicate"
    assert [p.title for p in store.patents()] == ["甲"]


def test_editing_patentees_replaces_them_in_order(store: Store) -> None:
    fields = PatentFields("201710601862.3", "甲", ("A", "B", "C"), dt.date(2017, 7, 21))
    patent_id = store.save_patent(fields).record_id
    store.save_patent(PatentFields("201710601862.3", "甲", ("C", "A"), dt.date(2017, 7, 21)),
                      patent_id)
    assert store.patents()[0].patentees == ["C", "A"]


def test_delete_cascades_to_patentees_and_drafts(store: Store) -> None:
    patent_id = store.save_patent(PatentFields("201710601862.3", "甲", ("A",))).record_id
    store.save_draft("patent", patent_id, {"title": "乙"})
    assert store.delete_patents([patent_id]) == 1  # type: ignore[list-item]
    with store.session() as session:
        assert session.execute(
            __import__("sqlalchemy").text("SELECT count(*) FROM patentee")
        ).scalar() == 0
    assert store.load_draft("patent", patent_id) is None


def test_organisation_with_contacts(store: Store) -> None:
    data = OrganisationData(name="武汉大学", postcode="430072",
                            contacts=(ContactData(name="张三", mobile="13912345678"),
                                      ContactData(name="李四")))
    store.save_organisation(data)
    assert store.organisation() == data
    store.save_organisation(OrganisationData(name="武汉大学"))
    assert store.organisation().contacts == ()


def test_drafts_round_trip(store: Store) -> None:
    store.save_draft("patent", None, {"number": "2017", "title": "半截"})
    assert store.load_draft("patent", None) == {"number": "2017", "title": "半截"}
    assert store.drafts("patent") == [(None, {"number": "2017", "title": "半截"})]
    store.discard_draft("patent", None)
    assert store.load_draft("patent", None) is None


def test_a_database_left_on_the_feature_branches_upgrades_to_the_merge(db_path: Path) -> None:
    """Builds of the day when features had side-by-side migrations left three heads behind."""
    from alembic import command

    from app.models.database import _alembic_config, make_engine

    engine = make_engine(db_path)
    with engine.begin() as connection:
        for head in ("0004_batches", "0004_deals", "0004_submission"):
            command.upgrade(_alembic_config(connection), head)
    engine.dispose()
    db = open_database(db_path)
    try:
        assert db.backup_path is not None
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert [row[0] for row in rows] == [head_revision()]
    finally:
        db.close()


def test_schema_head_constant_is_the_newest_migration() -> None:
    from app.models.database import SCHEMA_HEAD

    assert head_revisions() == {SCHEMA_HEAD}


def test_opening_a_database_at_head_does_not_load_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    open_database(db_path).close()
    code = (
        "import sys; from app.models.database import open_database; "
        f"open_database({str(db_path)!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


def test_a_henan_target_seeded_before_0006_takes_the_contacts_sheet(db_path: Path) -> None:
    """Targets are seeded once; migration 0006_contracts adds Henan's contacts sheet to the
    row an older version seeded, keeping the clerk's other edits."""
    import json

    from alembic import command

    from app.models.database import _alembic_config, make_engine
    from app.submit.records import SubmissionRecords

    engine = make_engine(db_path)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0005")
        connection.exec_driver_sql(
            "INSERT INTO send_target (key, position, name, office, recipients, "
            "subject_template, body_template, document_kinds, file_types, file_names, "
            "size_limit, note, updated_at) VALUES ('henan', 1, '河南', '', '[\"x@example.com\"]',"
            " '', '', '[\"summary_book\"]', '[\"pdf\"]', '{\"summary_book\": \"总结书\"}',"
            " 1000, '', '2024-01-01')")
    engine.dispose()
    db = open_database(db_path)
    try:
        target = SubmissionRecords(db).target_by_key("henan")
        assert target is not None
        assert list(target.document_kinds) == ["summary_book", "contact_sheet_henan"]
        assert list(target.recipients) == ["x@example.com"]
        with db.engine.connect() as connection:
            names = connection.exec_driver_sql(
                "SELECT file_names FROM send_target WHERE key = 'henan'").scalar()
        assert json.loads(names) == {
            "summary_book": "总结书",
            "contact_sheet_henan": "河南省专利开放许可试点工作联系人信息表"}
    finally:
        db.close()
