"""The change watch's marks (app.models.record_stamps.RowMarks): which patents another clerk
added, saved or deleted between two looks, on both back ends."""

from __future__ import annotations

from app.models.patent_rules import PatentFields
from app.models.record_stamps import RowMarks
from app.models.store import Store
from app.usecases.versions import record_marks, row_changes


def marks(pairs: list[tuple[int, int]]) -> RowMarks:
    made = RowMarks()
    for record, mark in pairs:
        made.ids.append(record)
        made.marks.append(mark)
    return made


def test_changes_between_two_looks_name_what_was_saved_added_and_removed() -> None:
    before = marks([(1, 10), (2, 20), (3, 30), (5, 50)])
    assert before.changes(marks([(1, 10), (2, 21), (3, 30), (5, 50)])) == ([2], [])
    assert before.changes(marks([(1, 10), (2, 20), (3, 30), (5, 50)])) == ([], [])
    assert before.changes(marks([(2, 20), (4, 40), (5, 51), (6, 60)])) == ([4, 5, 6], [1, 3])
    assert before.changes(marks([])) == ([], [1, 2, 3, 5])
    assert RowMarks().changes(before) == ([1, 2, 3, 5], [])
    changes = row_changes(None, before)
    assert changes.changed == (1, 2, 3, 5) and changes.removed == ()


def test_marks_read_from_the_register_see_a_save_an_add_and_a_delete(
        backend_store: Store) -> None:
    store = backend_store
    ids = []
    for i, number in enumerate(("201710601862.3", "201910000001.5", "202010000001.X")):
        saved = store.save_patent(PatentFields(number=number, title=f"题{i}", patentees=()))
        assert saved.saved
        ids.append(saved.record_id)
    first = record_marks(store, "patent")
    assert list(first.ids) == sorted(ids)
    assert row_changes(first, record_marks(store, "patent")).count == 0
    assert store.save_patent(PatentFields(number="201910000001.5", title="改过的题目",
                                          patentees=()), ids[1]).saved
    store.delete_patents([ids[0]])
    added = store.save_patent(PatentFields(number="201820000001.4", title="新", patentees=()))
    changes = row_changes(first, record_marks(store, "patent"))
    assert changes.changed == (ids[1], added.record_id)
    assert changes.removed == (ids[0],)
