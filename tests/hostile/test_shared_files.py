"""Two registers on one computer (a copy of the database, a restored backup). Supporting files
are in each database (issue 16): deleting, renumbering or adding in one must not delete, move
or overwrite a file the other refers to (issue 18, supporting files)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

from app.models.database import open_database
from app.models.deals import DealFields, Payment
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.models.stored_files import materialise

NUMBER = "201710601862.3"


def _files_agree(db: Path) -> list[Path]:
    database = open_database(db)
    try:
        store = Store(database)
        paths = []
        for deal in store.deals():
            for info in store.deal(deal.id).files:
                path = materialise(database, info.sha256, info.stored_path)
                assert path.is_file(), path
                assert hashlib.sha256(path.read_bytes()).hexdigest() == info.sha256, path
                paths.append(path)
        return paths
    finally:
        database.close()


def test_a_copy_of_the_register_cannot_delete_move_or_overwrite_the_originals_files(
    tmp_path: Path,
) -> None:
    original = tmp_path / "original.sqlite3"
    database = open_database(original)
    try:
        store = Store(database)
        store.save_patent(PatentFields(number=NUMBER, title="一种方法", patentees=("武汉大学",),
                                       filing_date=dt.date(2017, 7, 21)))
        later = store.save_deal(DealFields(patents=(NUMBER,), licensee="甲公司",
                                           licence_date=dt.date(2023, 6, 1),
                                           payment=Payment("free"))).record_id
        earlier = store.save_deal(DealFields(patents=(NUMBER,), licensee="乙公司",
                                             licence_date=dt.date(2023, 2, 1),
                                             payment=Payment("free"))).record_id
        assert later is not None and earlier is not None
        for deal_id, text in ((later, b"%PDF-1.4 later"), (earlier, b"%PDF-1.4 earlier")):
            scan = tmp_path / "合同.pdf"
            scan.write_bytes(text)
            assert store.add_deal_file(deal_id, scan, "contract").saved
    finally:
        database.close()
    before = {p.name: p.read_bytes() for p in _files_agree(original)}

    copy = tmp_path / "copy.sqlite3"
    shutil.copy2(original, copy)
    database = open_database(copy)
    try:
        store = Store(database)
        assert store.renumber_deals() == {1: 2, 2: 1}  # in the copy only
        deals = {d.serial: d.id for d in store.deals()}
        scan = tmp_path / "另一份合同.pdf"
        scan.write_bytes(b"%PDF-1.4 the copy's own contract")
        assert store.add_deal_file(deals[1], scan, "contract").saved  # same 序号, new file
        for info in store.deal(deals[2]).files:
            assert store.remove_deal_file(info.id)
        assert store.delete_deals(list(deals.values())) == 2
    finally:
        database.close()

    assert {p.name: p.read_bytes() for p in _files_agree(original)} == before
    # The copy removed its own contents only; the original's cache is not the copy's.
    copied = open_database(copy)
    try:
        from app.models.stored_files import stored_hashes

        with copied.session() as session:
            assert stored_hashes(session) == {}
    finally:
        copied.close()
