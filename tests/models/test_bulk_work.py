"""Garbage collection held off during a bulk step (app.models.bulk_work) resumes as it was:
after nested steps, steps on two threads, a step that fails, and when it was off before."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.export.excel.patent_list import read_table
from app.models.bulk_work import collection_held_off
from app.models.patent_import import SheetRow, SheetTable, preview_table


@pytest.fixture(autouse=True)
def collection_as_before() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_nested_steps_resume_collection_when_the_outermost_ends() -> None:
    gc.enable()
    with collection_held_off():
        assert not gc.isenabled()
        with collection_held_off():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failing_step_resumes_collection() -> None:
    gc.enable()
    with pytest.raises(KeyError), collection_held_off():
        raise KeyError("x")
    assert gc.isenabled()


def test_collection_off_before_stays_off() -> None:
    gc.disable()
    with collection_held_off():
        pass
    assert not gc.isenabled()


def test_steps_on_two_threads_resume_when_both_have_ended() -> None:
    gc.enable()
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collection_held_off():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(10)
    with collection_held_off():
        pass
    assert not gc.isenabled()  # the other thread's step is still under way
    release.set()
    thread.join(10)
    assert gc.isenabled()


def test_reading_and_previewing_leave_collection_on(tmp_path: Path) -> None:
    gc.enable()
    missing = read_table(tmp_path / "missing.xlsx")
    assert [f.code for f in missing.findings] == ["import.file_unreadable"]
    assert gc.isenabled()
    table = SheetTable(source="x", rows=(SheetRow(1, ("专利号", "专利名称")),
                                         SheetRow(2, ("201710601862.3", "一种方法"))))
    assert len(preview_table(table).rows) == 1
    assert gc.isenabled()
