"""Messages after faults say what happened (issue 18 point 8 of the report, "misleading
messages"): a good database on read-only media opens read-only and says why; a full disk is
called full, not corrupt; a damaged database is named without SQLAlchemy's wrapper text and
without "a copy is at ." when no copy was taken."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from app.cli import main
from app.models import database as database_module
from app.models.database import database_failure, open_database

from .support import document


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "sqlalche.me" not in out + err and "[SQL:" not in out + err
    return code, out, err


@pytest.fixture
def good(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "register.sqlite3"
    source = tmp_path / "good.json"
    source.write_text(json.dumps(document(), ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(db), "import", str(source)]) in (0, 1)
    capsys.readouterr()
    return db


def test_a_good_database_on_read_only_media_opens_read_only_and_says_why(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What os.open(..., O_RDWR) says on a CD or a write-protected stick (root ignores modes).
    monkeypatch.setattr(database_module, "_read_only_reason",
                        lambda path: "Read-only file system")
    before = good.read_bytes()
    code, out, err = _run(capsys, "--db", str(good), "--lang", "en", "export-json",
                          str(tmp_path / "out.json"))
    assert code == 0 and (tmp_path / "out.json").is_file()
    assert "opened read-only (Read-only file system)" in err
    assert "not ours" not in err and "damaged" not in err
    code, out, err = _run(capsys, "--db", str(good), "--lang", "en", "validate")
    assert code in (0, 1)
    code, out, err = _run(capsys, "--db", str(good), "--lang", "en", "import",
                          str(tmp_path / "out.json"))
    assert code == 2 and "read-only drive" in err
    assert good.read_bytes() == before


def test_a_damaged_database_is_named_without_wrapper_text_or_an_empty_copy_path(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    with sqlite3.connect(good) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    for i in range(4096 + 100, min(len(data), 4096 * 8), 7):
        data[i] = 0xAB
    damaged.write_bytes(bytes(data))
    code, out, err = _run(capsys, "--db", str(damaged), "--lang", "zh_CN", "validate")
    assert code == 2
    assert "已损坏" in err and "副本保存在 。" not in err and "副本保存在" not in err


def test_a_full_disk_is_called_full() -> None:
    import errno

    full = OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full"))
    assert database_failure(full, "/d/r.sqlite3")[0] == "db.disk_full"
    assert database_failure(OSError(errno.ENOSPC, "No space left on device"))[0] == (
        "db.disk_full")
    code, params = database_failure(
        OperationalError("SELECT", {}, sqlite3.DatabaseError("database disk image is malformed")))
    assert code == "db.not_a_database" and "sqlalche.me" not in params["reason"]


def test_a_real_sqlite_full_error_is_called_full(good: Path) -> None:
    """SQLite's own SQLITE_FULL (a page limit stands in for the full disk)."""
    from sqlalchemy import event

    from app.models.patent_rules import PatentFields
    from app.models.store import Store

    database = open_database(good)
    try:
        database.engine.dispose()

        def limit(connection: sqlite3.Connection, _record: object) -> None:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(database.engine, "connect", limit)
        with pytest.raises(OperationalError) as caught:
            for i in range(200):
                Store(database).save_patent(PatentFields(
                    number=f"20191{i:07d}.1", title="长" * 2000, patentees=("某大学",)))
    finally:
        database.close()
    code, params = database_failure(caught.value, good)
    assert code == "db.disk_full", params
    assert "sqlalche.me" not in params["reason"]


def test_opening_a_register_again_keeps_the_open_connections_locks(good: Path) -> None:
    """Opening a register this process already has open must not drop the locks of its open
    connection: on POSIX, closing any descriptor of the file releases every lock the process
    holds on it. Another program closing the register then thinks it is the last one, removes
    the write-ahead log and its index while this process still uses them, and this process
    reads (and would write) through a stale index: "database disk image is malformed" (a
    kill -9 test saw it). SQLite's "How To Corrupt An SQLite Database File", section 2.2."""
    import subprocess
    import sys

    from app.models.store import Store

    first = open_database(good)
    try:
        assert Store(first).organisation() is not None  # a pooled connection stays open
        open_database(good).close()  # e.g. the window opening the same register again
        other = ("import sqlite3, sys\n"
                 "c = sqlite3.connect(sys.argv[1])\n"
                 "c.execute('PRAGMA journal_mode=WAL')\n"
                 "c.execute('CREATE TABLE scratch_of_another_program (x)')\n"
                 "c.commit()\n"
                 "c.close()\n")
        subprocess.run([sys.executable, "-c", other, str(good)], check=True, timeout=60)
        # This process still has the register open: its log must still be there.
        assert good.with_name(good.name + "-wal").exists()
        checker = sqlite3.connect(good)
        try:
            assert checker.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            checker.close()
        assert Store(first).organisation() is not None
    finally:
        first.close()
