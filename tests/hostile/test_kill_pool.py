"""kill -9 during a batch laid out by worker processes (20 offers: the pool's path), the files
written by this process's writer thread: afterwards the database checks clean, every finished
PDF is recorded with its bytes, every newest record is on disk with its bytes or missing, the
next run clears the scratch and writes everything, and no worker outlives its batch."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from app.export.offer_documents import POOL_MIN_OFFERS
from app.models.database import open_database
from app.models.offers import OfferContact, OfferFields
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import Store

from .test_kill import (
    _command,
    _delays,
    _documents_agree,
    _finish,
    _integrity,
    _kill_at,
    _records_agree_with_disk,
    _scratch_left,
)

OFFERS = POOL_MIN_OFFERS + 4


def _register(db: Path) -> None:
    database = open_database(db)
    try:
        store = Store(database)
        for i in range(OFFERS):
            digits = f"2018101{i:05d}"
            patent_id = store.save_patent(PatentFields(
                number=f"{digits}.{check_character(digits)}", title=f"一种测试方法{i}",
                patentees=("武汉大学", "张三"), filing_date=dt.date(2018, 3, 1),
                grant_date=dt.date(2020, 6, 5))).record_id
            assert patent_id is not None
            offer_id = store.save_offer(patent_id, OfferFields(
                self_exploitation="none", licensing="none",
                licence_expiry=dt.date(2035, 12, 31), fee={"option": "free"},
                contact=OfferContact("李老师", "湖北省武汉市", "430072", "027-68754321",
                                     "kjc@whu.edu.cn"),
                open_scope="全省", single_term="3年",
                declared_on=dt.date(2024, 9, 1))).record_id
            assert offer_id is not None and store.finalise_offer(offer_id).saved
    finally:
        database.close()


def _workers_of_dead_parents() -> list[int]:
    """Python processes whose parent is gone and that run the multiprocessing spawn entry."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"multiprocessing" in command and b"spawn_main" in command and parent == 1:
            found.append(int(entry.name))
    return found


def test_kill_during_a_pooled_render_keeps_disk_and_records_in_agreement(
    tmp_path: Path,
) -> None:
    db, pdf = tmp_path / "register.sqlite3", tmp_path / "pdf"
    _register(db)
    argv = _command(db, "render", "offers", "--out", str(pdf))
    started = time.monotonic()
    first = _finish(argv, tmp_path)
    took = time.monotonic() - started
    assert first.returncode == 0, first.stdout + first.stderr
    assert _documents_agree(db, pdf, (".pdf",)) == 2 * OFFERS
    orphans_before = set(_workers_of_dead_parents())
    outcomes = []
    for delay in _delays(19, 0.4 * took, 0.95 * took):
        status = _kill_at(argv, delay, tmp_path)
        outcomes.append("finished" if status is not None else f"killed at {delay}s")
        _integrity(db)
        _documents_agree(db, pdf, (".pdf",))
    if os.path.isdir("/proc"):  # a killed batch's workers see their parent gone and exit
        deadline = time.monotonic() + 10
        while set(_workers_of_dead_parents()) - orphans_before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not set(_workers_of_dead_parents()) - orphans_before, outcomes
    done = _finish(argv, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    _integrity(db)
    assert _scratch_left(pdf) == [], outcomes
    assert _documents_agree(db, pdf, (".pdf",)) == 2 * OFFERS
    assert _records_agree_with_disk(db) >= 2 * OFFERS
