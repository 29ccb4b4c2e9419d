"""kill -9 at random points of import, render and package (issue 18 points 8 and the kill
test of "done when"): afterwards the database checks clean, the next run of the same command
removes what the killed one left (hidden .building-* folders, .tmp files) and succeeds.

Disk and records agree after every kill: every finished document or package in an output
folder is one the database records, with the recorded bytes (a document or package is
recorded before it is renamed into place), and the newest record of every path is either on
disk with its bytes or missing (then shown as missing, never as current). The renders are the
offers, the summary list, the ops-centre table, the contacts sheet, the summary book and the
Xinyang deal tables.

Bounded: two kills per command, at delays drawn from a fixed seed."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from app.models.database import open_database
from app.models.store import Store
from tests.test_cli_book import GOOD, OTHER, register  # noqa: F401  (the register fixture)
from tests.test_cli_book import run as run_cli

from .support import document

ROOT = Path(__file__).resolve().parents[2]
KILLS = 2
SCRATCH = (".building-", ".tmp")


def _command(db: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "app", "--db", str(db), "--lang", "en", *argv]


def _kill_at(argv: list[str], delay: float, cwd: Path) -> int | None:
    """Run `argv`, SIGKILL it after `delay` s; its exit status if it finished first."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        return process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return None


def _finish(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _integrity(db: Path) -> None:
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _scratch_left(folder: Path) -> list[Path]:
    if not folder.exists():
        return []
    return [p for p in folder.rglob(".*") if p.name.startswith(SCRATCH) or p.suffix == ".tmp"]


def _records_agree_with_disk(db: Path) -> int:
    database = open_database(db)
    try:
        documents = Store(database).generated_documents()
    finally:
        database.close()
    for recorded in documents:
        path = Path(recorded.path)
        assert path.is_file(), path
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded.sha256, path
    return len(documents)


def _disk_agrees_with_records(db: Path, folder: Path) -> int:
    """Every finished document in ``folder`` is one the register recorded, with its bytes."""
    database = open_database(db)
    try:
        recorded = {(Path(d.path).resolve(), d.sha256)
                    for d in Store(database).generated_documents()}
    finally:
        database.close()
    on_disk = [p for p in folder.iterdir()
               if p.is_file() and not p.name.startswith(".") and p.suffix in (".pdf", ".xlsx")]
    for path in on_disk:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert (path.resolve(), digest) in recorded, f"{path.name} is on disk, not recorded"
    return len(on_disk)


def _newest_documents(db: Path) -> dict[Path, tuple[str, int]]:
    """The newest record of each recorded path: its hash and id."""
    database = open_database(db)
    try:
        documents = Store(database).generated_documents()  # oldest first
    finally:
        database.close()
    return {Path(d.path).resolve(): (d.sha256, d.id) for d in documents}


def _documents_agree(db: Path, folder: Path, suffixes: tuple[str, ...],
                     never_recorded: str = "") -> int:
    """Finished files of `suffixes` in `folder` (but those named starting `never_recorded`)
    are recorded with their bytes; the newest record of every path in `folder` is on disk
    with its bytes or missing. Files checked."""
    newest = _newest_documents(db)
    on_disk = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
               and p.suffix in suffixes
               and not (never_recorded and p.name.startswith(never_recorded))
               ] if folder.exists() else []
    for path in on_disk:
        assert path.resolve() in newest, f"{path.name} is on disk, not recorded"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == newest[path.resolve()][0], path
    for path, (digest, _id) in newest.items():
        if path.parent == folder.resolve() and path.exists():
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path
    return len(on_disk)


def _packages_agree(db: Path, folder: Path) -> int:
    """Every package folder and zip in `folder` is the one its newest record describes (the
    zip's hash, the drafts' Message-IDs); a recorded package not on disk is missing, never
    another build's. Packages on disk."""
    import email
    from email import policy

    from app.submit.records import SubmissionRecords

    database = open_database(db)
    try:
        packages = SubmissionRecords(database).packages()  # newest first
    finally:
        database.close()
    by_folder: dict[Path, Any] = {}
    by_zip: dict[Path, Any] = {}
    for package in packages:
        by_folder.setdefault(Path(package.folder).resolve(), package)
        by_zip.setdefault(Path(package.zip_path).resolve(), package)
    found = 0
    for entry in (folder.iterdir() if folder.exists() else []):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            assert entry.resolve() in by_folder, f"package {entry.name} is on disk, not recorded"
            drafts = {str(email.message_from_bytes(p.read_bytes(), policy=policy.default)
                          ["Message-ID"]) for p in entry.glob("*.eml")}
            recorded = {m.message_id for m in by_folder[entry.resolve()].messages}
            assert drafts == recorded, f"{entry.name} holds another build's drafts"
            found += 1
        elif entry.suffix == ".zip":
            assert entry.resolve() in by_zip, f"{entry.name} is on disk, not recorded"
            assert (hashlib.sha256(entry.read_bytes()).hexdigest()
                    == by_zip[entry.resolve()].zip_sha256), entry
    return found


def _delays(seed: int, low: float, high: float) -> list[float]:
    chooser = random.Random(seed)
    return [round(chooser.uniform(low, high), 2) for _ in range(KILLS)]


def test_kill_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    from app.models.patent_number import check_character

    doc = document()

    for i in range(300):
        digits = f"20191{i:07d}"
        doc["patents"].append({"number": f"{digits}.{check_character(digits)}",
                               "title": "一种方法", "filing_date": "2019-01-05",
                               "grant_date": None, "patentees": ["河南大学"],
                               "legal_status": "valid"})
    source = tmp_path / "big.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "register.sqlite3"
    seen: list[str] = []
    for delay in _delays(18, 1.0, 3.0):
        status = _kill_at(_command(db, "import", str(source)), delay, tmp_path)
        seen.append("finished" if status is not None else f"killed at {delay}s")
        if db.exists():
            _integrity(db)
            with sqlite3.connect(db) as connection:
                made = connection.execute(  # killed while the schema was being made: none
                    "SELECT 1 FROM sqlite_master WHERE name = 'patent'").fetchone()
                count = (connection.execute("SELECT count(*) FROM patent").fetchone()[0]
                         if made else 0)
            assert count in (0, len(doc["patents"])), (count, seen)
    done = _finish(_command(db, "import", str(source)), tmp_path)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    _integrity(db)


def test_kill_during_render_and_package_leaves_nothing_the_next_run_does_not_clean(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
) -> None:
    db = register
    assert run_cli(capsys, "--db", str(db), "finalise", "--patent", GOOD, OTHER)[0] == 0
    pdf, packages = tmp_path / "pdf", tmp_path / "packages"
    commands: dict[str, Callable[[], list[str]]] = {
        "render": lambda: _command(db, "render", "offers", "--patent", GOOD, OTHER,
                                   "--out", str(pdf)),
        "summary": lambda: _command(db, "render", "summary-list", "--out", str(pdf)),
        "package": lambda: _command(db, "package", "--target", "hubei", "--send-unsealed",
                                    "--out", str(packages)),
    }
    outcomes: dict[str, list[str]] = {}
    for seed, (name, argv) in enumerate(commands.items()):
        # The first run of each completes, so that later commands have their inputs.
        started = time.monotonic()
        first = _finish(argv(), tmp_path)
        took = time.monotonic() - started
        assert first.returncode in (0, 1), first.stdout + first.stderr
        # Spread over the later part of a run, where the writing and recording happen.
        for delay in _delays(seed, 0.5 * took, 1.1 * took):
            status = _kill_at(argv(), delay, tmp_path)
            outcomes.setdefault(name, []).append(
                "finished" if status is not None else f"killed at {delay}s")
            _integrity(db)
            _documents_agree(db, pdf, (".pdf", ".xlsx"))
            _packages_agree(db, packages)
        # What a kill left can only be the scratch of a dead process: the next run clears it.
        done = _finish(argv(), tmp_path)
        assert done.returncode in (0, 1), (name, done.stdout, done.stderr)
        _integrity(db)
    # Planted scratch of a dead process (a kill at the exact moment is not guaranteed above).
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (packages / f".building-{dead.pid}-abc123").mkdir()
    (packages / f".building-{dead.pid}-abc123" / "partial.pdf").write_bytes(b"%PDF-")
    (pdf / f".汇总表.pdf.{dead.pid}.abc123xy.tmp").write_bytes(b"%PDF-")
    assert _finish(commands["package"](), tmp_path).returncode in (0, 1)
    assert _finish(commands["summary"](), tmp_path).returncode in (0, 1)
    assert _scratch_left(pdf) == [] and _scratch_left(packages) == [], outcomes
    assert _records_agree_with_disk(db) >= 5
    assert _disk_agrees_with_records(db, pdf) >= 4, outcomes
    assert _packages_agree(db, packages) == 1


def test_kill_during_the_other_renders_keeps_disk_and_records_in_agreement(
    register: Path, tmp_path: Path,  # noqa: F811
) -> None:
    """The ops-centre table, the contacts sheet, the summary book and the Xinyang deal tables
    (each records what a package takes: the PDFs, the Xinyang workbooks; the Henan tables
    workbook, bound into the book's PDF, is never sent on its own nor recorded)."""
    from app.usecases import ops_centre
    from app.usecases.summary_book import BOOK_TABLES
    from tests.ops.sample import sample_fields
    from tests.test_cli_book import PERIOD, seed_book

    db = register
    seed_book(db, tmp_path)
    database = open_database(db)
    try:
        assert ops_centre.save_report(Store(database), sample_fields(2023)).saved
    finally:
        database.close()
    renders = {
        "ops-centre": (["render", "ops-centre", "--year", "2023"], (".pdf",)),
        "contacts-sheet": (["render", "contacts-sheet", "--notice", "henan"], (".pdf",)),
        "summary-book": (["render", "summary-book", "--period", PERIOD], (".pdf",)),
        "deals": (["render", "deals", "--period", PERIOD, "--county", "浉河区"], (".xlsx",)),
    }
    outcomes: dict[str, list[str]] = {}
    for seed, (name, (argv, recorded)) in enumerate(renders.items(), start=10):
        out = tmp_path / name
        command = _command(db, *argv, "--out", str(out))
        started = time.monotonic()
        assert _finish(command, tmp_path).returncode == 0
        took = time.monotonic() - started
        # Spread over the later part of a run (rewriting the same files), where the writing
        # and recording happen.
        for delay in _delays(seed, 0.5 * took, 1.1 * took):
            status = _kill_at(command, delay, tmp_path)
            outcomes.setdefault(name, []).append(
                "finished" if status is not None else f"killed at {delay}s")
            _integrity(db)
            _documents_agree(db, out, recorded, BOOK_TABLES.removesuffix(".xlsx"))
        done = _finish(command, tmp_path)
        assert done.returncode == 0, (name, done.stdout, done.stderr)
        _integrity(db)
        assert _scratch_left(out) == [], (name, outcomes)
        assert _documents_agree(db, out, recorded, BOOK_TABLES.removesuffix(".xlsx")) >= 1, (
            name, outcomes)
