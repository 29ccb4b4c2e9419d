"""Merging an edit saved over a newer version (issue 16): the clerk's own edit against what
another clerk saved meanwhile, field by field.

Three payloads (an editor's state as plain JSON values, key by key): `base`, the record as the
editor loaded it; `mine`, what the clerk has typed since; `theirs`, the record as it is now
stored. Only the fields where mine and theirs differ need a decision. For each, the side to
keep by default is the one that changed it since the base: a field only the other clerk
changed keeps theirs, a field only this clerk changed keeps mine, a field both changed (a
clash) keeps mine until the clerk picks otherwise. Nothing here knows Qt; the window's merge
dialog only shows a `Comparison` and gathers the picks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Side(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


_UNKNOWN = object()  # a base that was not kept (a draft from before versions): every change clashes


@dataclass(frozen=True)
class FieldDifference:
    """One field where the clerk's edit and the stored record differ."""

    name: str
    base: Any
    mine: Any
    theirs: Any

    @property
    def mine_changed(self) -> bool:
        return self.base is _UNKNOWN or self.mine != self.base

    @property
    def theirs_changed(self) -> bool:
        return self.base is _UNKNOWN or self.theirs != self.base

    @property
    def clash(self) -> bool:
        """Both changed the field since the base, differently."""
        return self.mine_changed and self.theirs_changed

    @property
    def default(self) -> Side:
        return Side.MINE if self.mine_changed else Side.THEIRS


@dataclass(frozen=True)
class Comparison:
    """The differences between mine and theirs, in the editor's field order."""

    mine: Mapping[str, Any]
    theirs: Mapping[str, Any]
    differences: tuple[FieldDifference, ...]

    @property
    def clashes(self) -> tuple[FieldDifference, ...]:
        return tuple(d for d in self.differences if d.clash)

    def default_picks(self) -> dict[str, Side]:
        return {d.name: d.default for d in self.differences}

    def merged(self, picks: Mapping[str, Side] | None = None) -> dict[str, Any]:
        """Theirs, with each differing field taken from the side picked for it (the default
        side where no pick is given)."""
        chosen = {**self.default_picks(), **(picks or {})}
        out = dict(self.theirs)
        for difference in self.differences:
            if chosen[difference.name] is Side.MINE:
                out[difference.name] = difference.mine
        return out

    def take_theirs(self) -> dict[str, Any]:
        """The stored record as it is: the clerk's edit dropped."""
        return dict(self.theirs)

    def keep_mine(self) -> dict[str, Any]:
        """The clerk's changes over theirs: every field the clerk changed is theirs no more;
        what only the other clerk changed is kept."""
        return self.merged()


def compare(base: Mapping[str, Any] | None, mine: Mapping[str, Any],
            theirs: Mapping[str, Any]) -> Comparison:
    """The fields where `mine` and `theirs` differ, judged against `base` (None: not known)."""
    names = list(mine) + [name for name in theirs if name not in mine]
    differences = []
    for name in names:
        ours, stored = mine.get(name), theirs.get(name)
        if ours == stored:
            continue
        before = _UNKNOWN if base is None else base.get(name)
        differences.append(FieldDifference(name, before, ours, stored))
    return Comparison(dict(mine), dict(theirs), tuple(differences))


def value_text(value: Any, *, yes: str = "是", no: str = "否", empty: str = "（空）") -> str:
    """A payload value as one line of text for the comparison."""
    if value is None or value == "" or value == []:
        return empty
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, (list, tuple)):
        return "、".join(value_text(v, yes=yes, no=no, empty=empty) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{value_text(v, yes=yes, no=no, empty=empty)}"
                        for k, v in value.items())
    return str(value)
