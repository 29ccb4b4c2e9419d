"""Merging an edit refused by a newer version (app.models.merge): which side each field keeps."""

from __future__ import annotations

import pytest

from app.models.merge import Side, compare, value_text
from app.usecases.versions import resolve

BASE = {"title": "原名称", "remarks": "原备注", "status": "valid", "pledged": False}
MINE = {"title": "我的名称", "remarks": "原备注", "status": "valid", "pledged": True}
THEIRS = {"title": "对方名称", "remarks": "对方备注", "status": "valid", "pledged": False}


def test_only_differing_fields_are_listed_each_with_the_side_that_changed_it() -> None:
    comparison = compare(BASE, MINE, THEIRS)
    assert [d.name for d in comparison.differences] == ["title", "remarks", "pledged"]
    assert [d.name for d in comparison.clashes] == ["title"]
    assert comparison.default_picks() == {"title": Side.MINE, "remarks": Side.THEIRS,
                                          "pledged": Side.MINE}


def test_take_theirs_keep_mine_and_picks() -> None:
    comparison = compare(BASE, MINE, THEIRS)
    assert resolve(comparison, "theirs") == THEIRS
    assert resolve(comparison, "mine") == {"title": "我的名称", "remarks": "对方备注",
                                           "status": "valid", "pledged": True}
    assert resolve(comparison, "picked", {"title": Side.THEIRS, "remarks": Side.MINE}) == {
        "title": "对方名称", "remarks": "原备注", "status": "valid", "pledged": True}
    with pytest.raises(ValueError):
        resolve(comparison, "both")


def test_without_a_base_every_difference_is_a_clash_and_mine_is_kept() -> None:
    comparison = compare(None, MINE, THEIRS)
    assert [d.name for d in comparison.clashes] == ["title", "remarks", "pledged"]
    assert resolve(comparison, "mine") == MINE


def test_the_same_edit_on_both_sides_needs_no_decision() -> None:
    assert compare(BASE, THEIRS, THEIRS).differences == ()


def test_values_as_one_line() -> None:
    assert value_text("") == "（空）" and value_text(True) == "是"
    assert value_text(["201710601862.3", "201810000001.X"]) == "201710601862.3、201810000001.X"
