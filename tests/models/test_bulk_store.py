"""Store.replace_all writes patents in bulk: same result as one record at a time, progress
reported, and a cancel leaves the register exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.models.entities import Patent, Patentee
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import BULK_CHUNK, Cancelled, Store


def number(index: int) -> str:
    digits = f"20181{index:07d}"
    return f"{digits}.{check_character(digits)}"


def patent(index: int, title: str = "", patentees: tuple[str, ...] = ("武汉大学",)) -> PatentFields:
    return PatentFields(
        number=number(index),
        title=title or f"一种传感器（{index}）",
        patentees=patentees,
        filing_date=dt.date(2018, 1, 1 + index % 28),
    )


def test_new_and_changed_patents_are_merged_by_number(store: Store) -> None:
    store.replace_all(None, [patent(1), patent(2, patentees=("甲大学", "乙公司"))])
    with store.session() as session:
        before = {p.number: p.updated_at for p in session.scalars(select(Patent))}
    store.replace_all(None, [
        patent(2, patentees=("乙公司",)),  # patentees changed
        patent(3, title="新的"),  # new
        patent(1),  # unchanged: left alone
        # typed as a clerk does, with the ZL prefix: the same record as number(3)
        PatentFields(number="ZL" + number(3), title="后一条为准", patentees=(" 丙 ", "")),
    ])
    register = {fields.number: fields for _id, fields in store.patent_register()}
    assert list(register) == [number(1), number(2), number(3)]
    assert register[number(2)].patentees == ("乙公司",)
    assert register[number(3)].title == "后一条为准"
    assert register[number(3)].patentees == ("丙",)
    assert register[number(1)].filing_date == dt.date(2018, 1, 2)
    with store.session() as session:
        after = {p.number: p.updated_at for p in session.scalars(select(Patent))}
        positions = session.execute(
            select(Patentee.position, Patentee.name).join(Patent).where(Patent.number == number(3))
        ).all()
    assert after[number(1)] == before[number(1)]
    assert positions == [(0, "丙")]


def test_progress_counts_patents_and_cancel_writes_nothing(store: Store) -> None:
    store.replace_all(None, [patent(1, title="原来的")])
    records = [patent(i) for i in range(1, 2 * BULK_CHUNK + 11)]
    seen: list[tuple[int, int]] = []

    def note(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    store.replace_all(None, records, progress=note)
    assert seen[0] == (0, len(records)) and seen[-1] == (len(records), len(records))
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert len(store.patent_register()) == len(records)

    fresh = [patent(i, title="改过的") for i in range(1, 3 * BULK_CHUNK)]
    calls = []

    def cancel_after_first_step(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2

    with pytest.raises(Cancelled):
        store.replace_all(None, fresh, progress=cancel_after_first_step)
    titles = {fields.title for _id, fields in store.patent_register()}
    assert titles == {f"一种传感器（{i}）" for i in range(1, 2 * BULK_CHUNK + 11)}
    assert len(store.patent_register()) == len(records)


def test_a_cancelled_json_restore_writes_nothing(store: Store, tmp_path: object) -> None:
    from pathlib import Path

    from app.interchange import build_document, dumps, import_file
    from app.models.store import OrganisationData

    store.replace_all(None, [patent(1, title="原来的")])
    path = Path(str(tmp_path)) / "backup.json"
    records = [patent(i, title="备份里的") for i in range(1, BULK_CHUNK + 5)]
    path.write_text(dumps(build_document(OrganisationData(name="某某大学"), records)),
                    encoding="utf-8")
    with pytest.raises(Cancelled):
        import_file(store, path, progress=lambda done, total: done == 0)
    assert [f.title for _id, f in store.patent_register()] == ["原来的"]
    assert store.organisation().name == ""
    result = import_file(store, path)
    assert result.created == BULK_CHUNK + 3 and result.updated == 1
    assert {f.title for _id, f in store.patent_register()} == {"备份里的"}


def test_the_restore_use_case_passes_progress_and_cancel_on(store: Store, tmp_path: object) -> None:
    from pathlib import Path

    from app.interchange import build_document, dumps
    from app.models.store import OrganisationData
    from app.usecases.register import import_data_file

    path = Path(str(tmp_path)) / "backup.json"
    path.write_text(dumps(build_document(OrganisationData(name="某某大学"),
                                         [patent(i) for i in range(1, 4)])), encoding="utf-8")
    with pytest.raises(Cancelled):
        import_data_file(path, lambda: store, progress=lambda done, total: False)
    assert store.patent_register() == []
    seen: list[tuple[int, int]] = []
    done = import_data_file(path, lambda: store,
                            progress=lambda d, t: seen.append((d, t)) is None)
    assert done.result is not None and done.result.created == 3
    assert seen[-1] == (3, 3)
