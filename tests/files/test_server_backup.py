"""Before this version upgrades an office server database of an older revision, it copies the
database into the user data folder's backups/ and says where; a copy that cannot be written
stops the upgrade and leaves the database as it was (issue 16)."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.messages import EN, message
from app.models.database import DatabaseError, current_revisions, head_revisions, open_database
from app.models.server import make_server_engine, parse
from tests.pg_server import Server


def _older_database(pg_server: Server) -> str:
    from alembic import command

    from app.models.database import _alembic_config

    url = pg_server.new_database(migrated=False)
    engine = make_server_engine(parse(url))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0008_organisation_details")
        connection.execute(text(
            "INSERT INTO patent (number, title, legal_status, expiry_override_note, remarks, "
            "created_at, updated_at, pledged, version) VALUES ('201710601862.3', '旧的专利', "
            "'valid', '', '', now(), now(), false, 1)"))
        connection.execute(text(
            "INSERT INTO ops_centre_file (sha256, original_name, size, content, added_at) "
            "VALUES (:h, '办法.pdf', 3, :c, now())"), {"h": "ab" * 32, "c": b"\x00\x01\x02"})
    engine.dispose()
    return url


def test_an_older_server_database_is_copied_before_it_is_upgraded(
        pg_server: Server, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _older_database(pg_server)
    name = parse(url).database
    assert main(["--lang", "en", "--db", url, "validate"]) in (0, 1)
    err = capsys.readouterr().err
    [backup] = (private_data_dir / "backups").iterdir()
    assert f"a copy from before is at {backup}" in err
    assert name is not None and name in backup.name and backup.name.endswith(".zip")
    assert subprocess.run(["unzip", "-tq", str(backup)], capture_output=True).returncode == 0
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["revision"] == "0008_organisation_details"
        assert manifest["tables"]["patent"]["rows"] == 1
        assert "stored_file" not in manifest["tables"]  # the copy is of the older schema
        [row] = [json.loads(line) for line in archive.read("tables/patent.jsonl").splitlines()]
        assert row["title"] == "旧的专利"
        [policy] = [json.loads(line)
                    for line in archive.read("tables/ops_centre_file.jsonl").splitlines()]
        assert policy["content"] == {"$base64": "AAEC"}
    database = open_database(url)  # at the head now: no second copy
    try:
        assert current_revisions(database.engine) == head_revisions()
        assert database.backup_path is None
    finally:
        database.close()
    assert len(list((private_data_dir / "backups").iterdir())) == 1


def test_a_copy_that_cannot_be_written_stops_the_upgrade(
        pg_server: Server, private_data_dir: Path) -> None:
    url = _older_database(pg_server)
    (private_data_dir / "backups").write_text("a file where the folder should be")
    with pytest.raises(DatabaseError) as raised:
        open_database(url)
    assert raised.value.code == "db.server_backup_failed"
    words = message(raised.value.code, raised.value.params, EN)
    assert "was not upgraded" in words and str(private_data_dir / "backups") in words
    engine = make_server_engine(parse(url))
    try:
        assert current_revisions(engine) == {"0008_organisation_details"}
    finally:
        engine.dispose()
