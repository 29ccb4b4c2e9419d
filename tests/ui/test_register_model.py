"""The register model's fast paths give what the slow ones gave: the filter's folding, the
collation order, the background checks, and selections kept across a filter."""

from __future__ import annotations

import datetime as dt
import functools
import random

import pytest
from PySide6.QtCore import QCollator, QItemSelectionModel, QLocale, Qt
from pytestqt.qtbot import QtBot

from app.models.patent_rules import PatentFields, check_patent
from app.models.store import Store
from app.ui.main_window import MainWindow
from app.ui.register_model import (
    Collation,
    Column,
    PatentFilterProxy,
    PatentTableModel,
    fold,
    fold_joined,
)
from app.ui.settings import Preferences

from .conftest import number, realistic_patents

pytestmark = pytest.mark.usefixtures("questions")


def test_folding_all_rows_at_once_equals_folding_each() -> None:
    texts = [
        "201710601862.3 一种传感器（改进型） 武汉大学",
        "ＺＬ２０１７１０６０１８６２．３　ＡＢＣ",
        "Straße ﬁbre ① ㈱ ｶﾀｶﾅ",  # NFKC's other mappings, and casefold growing a text
        "",
        "e\u0301 combining accent",
        "line\nbreak",
    ]
    assert fold_joined(texts) == [fold(t) for t in texts]
    assert fold_joined(["with \x00 separator", "x"]) == [fold("with \x00 separator"), "x"]


def collator_order(texts: list[str]) -> list[str]:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return sorted(texts, key=functools.cmp_to_key(collator.compare))


def test_collation_keys_order_as_the_collator_compares() -> None:
    rng = random.Random(5)
    words = ["一种", "传感器", "武汉", "大学", "阿", "安", "中国", "（武汉）", "LED", "led",
             "Abc", "abd", "5G", "10", "2", " ", "-", "锂离子", "吕", "绿", "长江", "重庆", "𫖯"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(400)]
    texts += [p.title for p in realistic_patents()] + ["", "a", "A", "ab", "Ab", "aB"]
    texts += ["重庆大学", "重大项目", "长江大学", "长大", "传感器", "银行", "行走"]
    collation = Collation()
    assert [texts[i] for i in collation.order(texts)] == collator_order(texts)
    assert [texts[i] for i in collation.order(texts, descending=True)] == list(
        reversed(collator_order(list(reversed(texts)))))


def make_model(count: int = 30) -> tuple[PatentTableModel, PatentFilterProxy]:
    model = PatentTableModel()
    proxy = PatentFilterProxy()
    proxy.setSourceModel(model)
    owners = ["武汉大学", "华中科技大学", "武汉理工大学"]
    model.load(
        (i + 1, PatentFields(number=number(2018, "1", i + 1), title=f"一种装置（{i}）",
                             patentees=(owners[i % 3],), filing_date=dt.date(2018, 1, 2)))
        for i in range(count)
    )
    return model, proxy


def test_filter_keeps_the_selection_of_rows_still_shown(qtbot: QtBot) -> None:
    model, proxy = make_model()
    selection = QItemSelectionModel(proxy)
    for row in (0, 1, 2):  # 武汉大学, 华中科技大学, 武汉理工大学
        selection.select(proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    selection.setCurrentIndex(proxy.index(2, 1), QItemSelectionModel.SelectionFlag.NoUpdate)
    proxy.set_needle("武汉理工")
    assert proxy.rowCount() == 10 and model.total_count() == 30
    assert [proxy.patent_id(i.row()) for i in selection.selectedRows()] == [3]
    assert proxy.patent_id(selection.currentIndex().row()) == 3
    proxy.set_needle("")
    assert proxy.rowCount() == 30
    assert [proxy.patent_id(i.row()) for i in selection.selectedRows()] == [3]
    assert proxy.patent_id(selection.currentIndex().row()) == 3
    proxy.set_needle("ｚｌ２０１８１０００００１")  # the start of a number, full-width, as pasted
    assert proxy.rowCount() == 10  # serials 10 to 19
    assert all(proxy.index(r, Column.NUMBER).data().startswith("ZL20181000001")
               for r in range(proxy.rowCount()))


def test_a_record_saved_while_filtered_shows_only_when_it_matches() -> None:
    model, proxy = make_model()
    proxy.set_needle("华中")
    shown = proxy.rowCount()
    renamed = PatentFields(number=number(2018, "1", 2), title="改名", patentees=("别的",))
    row = model.upsert(2, renamed)
    assert row is None and proxy.rowCount() == shown - 1
    assert model.find(2) is not None and model.find(2).fields.title == "改名"  # type: ignore[union-attr]
    assert model.upsert(99, PatentFields(number=number(2018, "1", 99), title="新",
                                         patentees=("华中农业大学",))) == shown - 1
    proxy.set_needle("")
    assert proxy.rowCount() == 31 and model.total_count() == 31
    proxy.set_needle("改名")
    assert [proxy.patent_id(r) for r in range(proxy.rowCount())] == [2]


def test_sorting_by_title_and_then_filtering_keeps_the_order() -> None:
    model, proxy = make_model()
    proxy.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    titles = [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]
    assert titles == list(reversed(collator_order(titles)))
    proxy.set_needle("武汉大学")
    shown = [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]
    assert shown == [t for t in titles if t in shown]


def test_every_record_is_checked_on_a_worker_thread(qtbot: QtBot, filled_store: Store) -> None:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(filled_store)
    qtbot.waitUntil(lambda: not window.checking, timeout=10_000)
    records = window.model.records()
    assert all(r._findings is not None for r in records)
    errors = sum(1 for p in realistic_patents() if any(f.is_error for f in check_patent(p)))
    assert errors and window._errors == errors
    assert str(errors) in window.count_label.text()
    window.filter_edit.setText("武汉理工")
    assert "Shown" in window.count_label.text() or "显示" in window.count_label.text()
