"""One code path, two back ends: the register on a SQLite file and on a real PostgreSQL server.

The server is LICENCE_DESK_TEST_PG_URL or a throwaway cluster (tests/pg_server.py); without
either these tests are skipped with the reason, and fail under CI=true.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from app import interchange
from app.cli import main
from app.interchange import export_file, import_file
from app.messages import EN, ZH, message
from app.models.database import (
    DatabaseError,
    current_revisions,
    head_revisions,
    open_database,
)
from app.models.deals import DealFields, Payment
from app.models.offers import OfferFields
from app.models.patent_rules import PatentFields
from app.models.schema import metadata
from app.models.store import Store
from app.usecases.register import register_findings
from tests.pg_server import PASSWORD, Server
from tests.test_cli_book import GOOD, OFFER, ORGANISATION, OTHER
from tests.test_interchange import ORGANISATION as FULL_ORGANISATION
from tests.test_interchange import PATENTS


def patent(number: str, title: str = "一种测试方法") -> PatentFields:
    filed = dt.date(int(number[:4]), 3, 1)
    return PatentFields(number=number, title=title, patentees=("武汉大学", "某某科技有限公司"),
                        filing_date=filed, grant_date=filed + dt.timedelta(days=700))


# Opening and migrating ----------------------------------------------------------------------


def test_open_creates_the_whole_schema_and_reopens(backend_location: Path | str) -> None:
    database = open_database(backend_location)
    try:
        assert current_revisions(database.engine) == head_revisions()
        tables = set(inspect(database.engine).get_table_names()) - {"alembic_version"}
        assert tables == set(metadata.tables)
        assert database.is_server == isinstance(backend_location, str)
    finally:
        database.close()
    again = open_database(backend_location)
    assert again.backup_path is None
    again.close()


def test_migrations_from_an_older_server_database(pg_server: Server) -> None:
    """0001..0003 as an older version left them, with a patent in it; this version upgrades."""
    from alembic import command

    from app.models.database import _alembic_config
    from app.models.server import make_server_engine, parse

    url = pg_server.new_database(migrated=False)
    engine = make_server_engine(parse(url))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0003")
        connection.execute(text(
            "INSERT INTO patent (number, title, legal_status, expiry_override_note, remarks, "
            "created_at, updated_at, pledged) VALUES ('201710601862.3', '旧的专利', 'valid', '', "
            "'', now(), now(), false)"))
    engine.dispose()
    database = open_database(url)
    try:
        assert current_revisions(database.engine) == head_revisions()
        assert [p.title for p in Store(database).patents()] == ["旧的专利"]
    finally:
        database.close()


def test_a_server_database_of_a_newer_version_is_refused_unchanged(pg_server: Server) -> None:
    pg_url = pg_server.new_database()
    database = open_database(pg_url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.close()
    with pytest.raises(DatabaseError) as caught:
        open_database(pg_url)
    assert caught.value.code == "db.newer_version"
    assert caught.value.params["revision"] == "9999_future"
    assert PASSWORD not in caught.value.params["path"]


def test_the_schema_is_the_same_on_both(tmp_path: Path, pg_url: str) -> None:
    lite, server = open_database(tmp_path / "a.sqlite3"), open_database(pg_url)
    try:
        def shape(engine: object) -> dict[str, list[tuple[str, bool]]]:
            found = inspect(engine)
            return {t: [(c["name"], c["nullable"]) for c in found.get_columns(t)]
                    for t in sorted(found.get_table_names())}

        assert shape(lite.engine) == shape(server.engine)
    finally:
        lite.close()
        server.close()


# Records ------------------------------------------------------------------------------------


def test_patents_offers_and_deals(backend_store: Store) -> None:
    store = backend_store
    store.save_organisation(ORGANISATION)
    assert store.organisation() == ORGANISATION
    first = store.save_patent(patent(GOOD))
    second = store.save_patent(patent(OTHER, "第二个"))
    assert first.saved and second.saved and first.record_id is not None
    assert store.save_patent(patent(GOOD, "改过的名称"), first.record_id).saved
    assert [p.title for p in store.patents()] == ["改过的名称", "第二个"]
    assert PatentFields.of(store.patent(first.record_id)).patentees == (  # type: ignore[arg-type]
        "武汉大学", "某某科技有限公司")

    assert store.save_offer(first.record_id, OFFER).saved
    offer = store.offer_for_patent(first.record_id)
    assert offer is not None and OfferFields.of(offer) == OFFER
    assert store.finalise_offer(offer.id).saved
    assert store.offer_states() == {first.record_id: "finalised"}

    deals = [store.save_deal(DealFields(patents=(GOOD,), licensee=f"被许可人{n}",
                                        licence_date=dt.date(2023, 3, n),
                                        payment=Payment("free"))) for n in (1, 2, 3)]
    assert all(d.record_id is not None for d in deals)
    assert [d.serial for d in store.deals()] == [1, 2, 3]
    assert store.delete_deals([deals[1].record_id]) == 1  # type: ignore[list-item]
    fourth = store.save_deal(DealFields(patents=(OTHER,), licensee="第四",
                                        payment=Payment("free")))
    assert [d.serial for d in store.deals()] == [1, 3, 4]
    assert store.deal(fourth.record_id).fields.licensee == "第四"

    assert store.delete_patents([second.record_id]) == 1  # type: ignore[list-item]
    assert [p.number for p in store.patents()] == [GOOD]
    batch = store.create_batch("第一批", offer_ids=[offer.id])
    assert batch.batch is not None
    assert store.create_batch("第一批").findings[0].code == "batch.name_taken"


def test_the_register_rows_as_the_window_loads_them(backend_store: Store) -> None:
    """Store.patent_register reads dates as text for speed: on the server they come as dates."""
    backend_store.replace_all(FULL_ORGANISATION, list(PATENTS))
    rows = backend_store.patent_register()
    assert [fields for _id, fields in rows] == [PatentFields.of(p) for p in backend_store.patents()]
    assert any(fields.filing_date is not None for _id, fields in rows)
    first_id = rows[0][0]
    assert backend_store.patent_register([first_id]) == rows[:1]


def test_json_round_trip_is_byte_identical_across_back_ends(
    backend_store: Store, tmp_path: Path, pg_server: Server
) -> None:
    """Export from one back end, import into a fresh SQLite file and a fresh server database:
    both export the very same bytes."""
    backend_store.replace_all(FULL_ORGANISATION, list(PATENTS))
    patent_id = backend_store.find_patent(PATENTS[0].number).id  # type: ignore[union-attr]
    backend_store.save_offer(patent_id, replace(OFFER, fee={"option": "lump_sum", "days": 30,
                                                            "amount_yuan": "10000.5"}))
    backend_store.save_deal(DealFields(patents=(PATENTS[0].number,), licensee="某某公司",
                                       licence_date=dt.date(2023, 5, 4),
                                       payment=Payment("free"), remarks="备注"))
    first = tmp_path / "first.json"
    export_file(backend_store, first)
    for target in (tmp_path / "copy.sqlite3", pg_server.new_database()):
        copy = Store(open_database(target))
        try:
            result = import_file(copy, first)
            assert result.imported, result
            second = tmp_path / "second.json"
            export_file(copy, second)
            assert second.read_bytes() == first.read_bytes(), target
        finally:
            copy.database.close()
    assert json.loads(first.read_text(encoding="utf-8"))["deals"][0]["remarks"] == "备注"


def test_validate_finds_the_same_on_both(tmp_path: Path, pg_url: str) -> None:
    results = []
    for location in (tmp_path / "v.sqlite3", pg_url):
        database = open_database(location)
        store = Store(database)
        store.replace_all(FULL_ORGANISATION, list(PATENTS))
        findings, with_errors = register_findings(store, EN)
        results.append(([(f.record, f.finding.code, f.finding.field) for f in findings],
                        with_errors))
        document = interchange.export_document(store)
        database.close()
        results.append(document)
    assert results[0] == results[2] and results[0][0]
    assert results[1] == results[3]


def test_the_command_line_on_a_server_database(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "in.json"
    lite = Store(open_database(tmp_path / "s.sqlite3"))
    lite.replace_all(FULL_ORGANISATION, list(PATENTS))
    export_file(lite, source)
    lite.database.close()
    assert main(["--db", pg_url, "import", str(source)]) == 1  # two patents have errors
    monkeypatch.setenv("LICENCE_DESK_DB", pg_url)
    out = tmp_path / "out.json"
    assert main(["export-json", str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()
    capsys.readouterr()
    status = main(["--lang", "en", "validate", "--json"])
    printed = capsys.readouterr().out
    assert status in (0, 1) and json.loads(printed) is not None


# Connecting: passwords and failures in words -------------------------------------------------


def without_password(url: str) -> str:
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def fails_with(address: str) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        open_database(address)
    for language in (EN, ZH):
        words = message(caught.value.code, caught.value.params, language)
        assert PASSWORD not in words and "postgresql+psycopg" not in words
    return caught.value


def test_connection_failures_are_explained(
    pg_server: Server, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LICENCE_DESK_DB_PASSWORD", raising=False)
    url = make_url(pg_url)
    if url.host != "127.0.0.1" or url.password != PASSWORD:
        pytest.skip("the failure cases need the tests' own cluster (password known)")
    wrong = url.set(password="not-the-password").render_as_string(hide_password=False)
    assert fails_with(wrong).code == "db.server_wrong_password"
    missing = url.set(database="no_such_register").render_as_string(hide_password=False)
    error = fails_with(missing)
    assert error.code == "db.server_database_missing"
    assert error.params["database"] == "no_such_register"
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    unreachable = url.set(port=port).render_as_string(hide_password=False)
    assert fails_with(unreachable).code == "db.server_unreachable"
    no_tls = url.update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    assert fails_with(no_tls).code == "db.server_no_tls"
    assert fails_with("postgresql://clerk@/licence_desk").code == "db.server_bad_address"
    assert fails_with(without_password(pg_url)).code in (
        "db.server_password_missing", "db.server_wrong_password")


def test_the_password_comes_from_the_environment(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = make_url(pg_url)
    if url.password is None:
        pytest.skip("the server given needs no password")
    monkeypatch.setenv("LICENCE_DESK_DB_PASSWORD", url.password)
    database = open_database(without_password(pg_url))
    assert database.server is not None and url.password not in database.server
    assert Store(database).patents() == []
    database.close()
    monkeypatch.setenv("LICENCE_DESK_DB_PASSWORD", "wrong")
    assert fails_with(without_password(pg_url)).code == "db.server_wrong_password"


def test_no_server_skips_with_the_reason_but_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.pg_server import unavailable

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run under CI: no initdb"):
        unavailable("no initdb")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="no initdb.*LICENCE_DESK_TEST_PG_URL"):
        unavailable("no initdb")


def test_the_register_table_is_one_form_on_both(backend_store: Store) -> None:
    """Store.register_table reads through the driver: dates are ISO text on both back ends
    (PostgreSQL's driver gives dates), and the fields made from a row are the record's."""
    from app.models.register_table import FILING, fields_of

    backend_store.replace_all(FULL_ORGANISATION, list(PATENTS))
    table = backend_store.register_table()
    assert all(isinstance(row[FILING], str | None) for row in table)
    assert any(row[FILING] for row in table)
    assert [fields_of(row) for row in table] == [
        PatentFields.of(p) for p in backend_store.patents()]
