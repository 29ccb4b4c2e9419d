"""The import wizard, driven as a clerk would: file, columns, preview, import, result."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.export.excel.patent_list import read_table
from app.messages import describe
from app.models.findings import error, warning
from app.models.patent_import import MappingMemory
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.ui import import_wizard
from app.ui.field_message import ERROR_COLOUR, WARNING_COLOUR
from app.ui.import_wizard import FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE, ImportWizard

from .conftest import number

SUMMARY_HEADINGS = ("序号", "专利号", "专利名称", "专利权人\n（全部）", "单次许可\n期限",
                    "专利法律状态", "专利类型（发明\n/实用新型/\n外观设计）",
                    "开放范围\n（全省/\nXX 市）", "联系人", "联系电话")
GOOD_1 = number(2017, "1", 601862)
GOOD_2 = number(2018, "2", 123456)
IN_REGISTER = number(2016, "1", 777777)
BAD_CHECK = GOOD_1[:-1] + ("0" if GOOD_1[-1] != "0" else "1")
LOST_DIGITS = "2.01710601862E+11"  # what Excel shows for a number typed into a General cell


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    workbook.save(path)
    return path


def summary_row(serial: int, patent_number: object, title: str = "一种柔性压力传感器",
                patentees: str = "武汉理工大学、张三") -> list[object]:
    return [serial, patent_number, title, patentees, "3年", "有效", "发明", "全省", "李老师",
            "027-87651234"]


def summary_list(path: Path, *rows: list[object]) -> Path:
    return write_xlsx(path, [
        ["湖北省专利开放许可（试点）汇总表"],
        ["单位名称（盖章）：武汉理工大学  联系人:李老师  联系电话：027-87651234"],
        SUMMARY_HEADINGS,
        *rows,
    ])


def make_wizard(qtbot: QtBot, store: Store) -> ImportWizard:
    wizard = ImportWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def wait(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.operation is not None and wizard.operation.done,
                    timeout=15000)


def read(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.path_edit.setText(str(path))
    wizard.next_button.click()
    wait(qtbot, wizard)


def press_next(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    wait(qtbot, wizard)


def cell(wizard: ImportWizard, sheet_row: int, column: str, role: Any = None) -> Any:
    model = wizard.model
    index = next(i for i, r in enumerate(model.rows) if r.row == sheet_row)
    return model.data(model.index(index, model.COLUMNS.index(column)),
                      role if role is not None else Qt.ItemDataRole.DisplayRole)


@pytest.fixture
def register_one(store: Store) -> Store:
    saved = store.save_patent(PatentFields(number=IN_REGISTER, title="旧名称",
                                           patentees=("武汉大学",)))
    assert saved.saved
    return store


@pytest.fixture
def mixed_file(tmp_path: Path) -> Path:
    """A summary list with every kind of row a clerk's file has."""
    return summary_list(
        tmp_path / "汇总表.xlsx",
        summary_row(1, "ZL" + GOOD_1),  # row 4
        summary_row(2, BAD_CHECK),  # row 5: check character mistyped
        summary_row(3, LOST_DIGITS),  # row 6: Excel rounded the number
        summary_row(4, GOOD_1, title="重复的一行"),  # row 7: duplicate of row 4
        summary_row(5, IN_REGISTER, title="新名称"),  # row 8: already in the register
        summary_row(6, GOOD_2, title="一种建筑垃圾再生骨料", patentees="湖北工业大学"),  # row 9
        summary_row(7, 2017110000000.0),  # row 10: a float rebuilt from 2.01711E+12
    )


def test_a_summary_list_is_previewed_with_each_rows_findings(
    qtbot: QtBot, register_one: Store, mixed_file: Path, chinese: str
) -> None:
    wizard = make_wizard(qtbot, register_one)
    read(qtbot, wizard, mixed_file)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE  # recognised: no mapping step
    assert [r.row for r in wizard.model.rows] == [4, 5, 6, 7, 8, 9, 10]
    assert wizard.counts_label.text().startswith(
        "7 rows · 4 with errors · 1 already in the register · 0 ignored")

    assert cell(wizard, 4, "number") == GOOD_1
    assert cell(wizard, 4, "patentees") == "武汉理工大学、张三"
    bad_check = wizard.model.rows[1].findings[0]
    assert bad_check.code == "import.number_invalid"
    text = cell(wizard, 5, "findings")  # the first message, and how many more in the tooltip
    assert text.startswith(describe(bad_check, chinese) + " (+")
    assert text.startswith("第 5 行：校验位")
    tooltip = cell(wizard, 5, "findings", Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("• " + describe(bad_check, chinese))
    assert cell(wizard, 5, "number", Qt.ItemDataRole.ForegroundRole).color().name() == \
        ERROR_COLOUR
    lost = error("import.number_lost_digits", "number", row=6, value=LOST_DIGITS,
                 suggestion="201710601862.3")
    assert describe(lost, chinese) in cell(wizard, 6, "findings", Qt.ItemDataRole.ToolTipRole)
    rounded = error("import.number_lost_digits", "number", row=10, value="2017110000000")
    assert cell(wizard, 10, "findings").startswith(describe(rounded, chinese))
    duplicate = error("import.duplicate_in_file", "number", row=7, first_row=4, number=GOOD_1)
    assert cell(wizard, 7, "findings").startswith(describe(duplicate, chinese))
    existing = warning("import.number_in_register", "number", row=8, number=IN_REGISTER)
    assert describe(existing, chinese) in cell(wizard, 8, "findings", Qt.ItemDataRole.ToolTipRole)
    assert cell(wizard, 8, "title", Qt.ItemDataRole.ForegroundRole).color().name() == \
        WARNING_COLOUR
    # A summary list has no filing date: the record imports with the register's finding.
    assert "In the register:" in cell(wizard, 9, "findings", Qt.ItemDataRole.ToolTipRole)

    wizard.only_problems.setChecked(True)
    problems = sum(1 for r in wizard.model.rows if r.findings or r.record_findings)
    assert wizard.proxy.rowCount() == problems
    wizard.only_problems.setChecked(False)
    assert wizard.proxy.rowCount() == 7
    assert wizard.existing_box.isEnabled() and wizard.errors_box.isEnabled()
    assert register_one.patent_numbers() == {IN_REGISTER}  # nothing written by the preview


def test_rows_with_errors_refuse_the_import_until_the_clerk_skips_them(
    qtbot: QtBot, register_one: Store, mixed_file: Path, chinese: str
) -> None:
    wizard = make_wizard(qtbot, register_one)
    read(qtbot, wizard, mixed_file)
    press_next(qtbot, wizard)  # Import, with errors and without the option
    assert wizard.pages.currentIndex() == RESULT_PAGE
    refusal = error("import.refused_rows_with_errors", "file", count=4, rows="5、6、7、10")
    assert wizard.result_list.item(0).text() == describe(refusal, chinese)
    assert wizard.imported == 0 and register_one.patent_numbers() == {IN_REGISTER}

    wizard.back_button.click()
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert wizard.skip_existing.isChecked()  # the default: the register stays as it is
    wizard.skip_bad_rows.setChecked(True)
    press_next(qtbot, wizard)
    assert wizard.pages.currentIndex() == RESULT_PAGE
    assert wizard.outcome is not None and wizard.outcome.written
    assert set(wizard.outcome.created) == {GOOD_1, GOOD_2}
    assert wizard.outcome.skipped_existing == (IN_REGISTER,)
    assert wizard.outcome.skipped_rows == (5, 6, 7, 10)
    assert wizard.imported == 2
    assert "2 patent(s) added to the register." in wizard.result_label.text()
    assert "4 row(s) with errors were left out (rows 5、6、7、10)." in wizard.result_label.text()
    assert not wizard.back_button.isVisible() and wizard.close_button.text() == "Close"

    assert register_one.patent_numbers() == {IN_REGISTER, GOOD_1, GOOD_2}
    kept = register_one.find_patent(IN_REGISTER)
    assert kept is not None and kept.title == "旧名称"  # skipped, not updated
    added = register_one.find_patent(GOOD_2)
    assert added is not None and added.patentees == ["湖北工业大学"]
    offer = register_one.offer_for_patent(added.id)
    assert offer is not None and offer.single_term == "3年" and offer.state == "draft"
    wizard.close_button.click()
    assert wizard.result() == ImportWizard.DialogCode.Accepted


def test_numbers_already_in_the_register_are_updated_when_chosen(
    qtbot: QtBot, register_one: Store, tmp_path: Path
) -> None:
    path = summary_list(tmp_path / "更新.xlsx",
                        summary_row(1, IN_REGISTER, title="新名称", patentees="武汉大学、李四"),
                        summary_row(2, GOOD_2))
    wizard = make_wizard(qtbot, register_one)
    read(qtbot, wizard, path)
    assert wizard.errors_box.isEnabled() is False  # no row with errors: nothing to skip
    wizard.update_existing.setChecked(True)
    press_next(qtbot, wizard)
    assert wizard.outcome is not None and wizard.outcome.updated == (IN_REGISTER,)
    assert wizard.imported == 2
    updated = register_one.find_patent(IN_REGISTER)
    assert updated is not None and updated.title == "新名称"
    assert updated.patentees == ["武汉大学", "李四"]


def test_another_layout_goes_through_the_columns_and_is_remembered(
    qtbot: QtBot, store: Store, tmp_path: Path, chinese: str
) -> None:
    headers = ["案卷号", "申请号", "名称", "权属单位", "申请日期", "备注"]
    rows = [headers,
            ["A-001", GOOD_1, "一种柔性压力传感器", "武汉理工大学", "2017-07-21", "转让中"],
            ["A-002", GOOD_2, "一种再生骨料混凝土", "湖北工业大学;张三", "2018-03-02", ""]]
    first = write_xlsx(tmp_path / "清单一.xlsx", rows)
    wizard = make_wizard(qtbot, store)
    read(qtbot, wizard, first)
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    combos = wizard._combos
    assert combos["number"].currentData() == 1 and combos["title"].currentData() == 2
    assert combos["patentees"].currentData() is None  # 权属单位 is no synonym: the clerk says
    assert combos["filing_date"].currentData() == 4
    needed = warning("import.mapping_needed", "mapping", row=1)
    assert describe(needed, chinese) in wizard.mapping_intro.text()
    assert wizard.mapping_table.item(0, 2).text() == f"{GOOD_1} | {GOOD_2}"  # first values

    combos["patentees"].setCurrentIndex(combos["patentees"].findData(3))
    assert wizard.mapping_table.item(2, 2).text() == "武汉理工大学 | 湖北工业大学;张三"
    # Choosing a column another item had frees it there: one column, one item.
    combos["remarks"].setCurrentIndex(combos["remarks"].findData(2))
    assert combos["title"].currentData() is None
    combos["title"].setCurrentIndex(combos["title"].findData(2))
    assert combos["remarks"].currentData() is None
    combos["remarks"].setCurrentIndex(combos["remarks"].findData(5))

    press_next(qtbot, wizard)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert cell(wizard, 3, "patentees") == "湖北工业大学、张三"
    wizard.back_button.click()  # what the clerk chose stays
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    assert combos["patentees"].currentData() == 3
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)  # Import
    assert wizard.imported == 2
    patent = store.find_patent(GOOD_2)
    assert patent is not None and patent.patentees == ["湖北工业大学", "张三"]
    assert store.find_patent(GOOD_1).remarks == "转让中"  # type: ignore[union-attr]
    remembered = MappingMemory().recall(headers)
    assert remembered is not None and remembered.columns["patentees"] == 3

    # The next file with the same headings comes with the clerk's columns.
    second = write_xlsx(tmp_path / "清单二.xlsx", [
        headers, ["A-003", IN_REGISTER, "一种船舶尾气脱硫装置", "武汉理工大学", "2016-05-05", ""]])
    again = make_wizard(qtbot, store)
    read(qtbot, again, second)
    assert again.pages.currentIndex() == MAPPING_PAGE
    assert again._combos["patentees"].currentData() == 3
    assert again._combos["remarks"].currentData() == 5
    assert "same headings" in again.mapping_intro.text()


def test_the_number_column_is_required(
    qtbot: QtBot, store: Store, tmp_path: Path, chinese: str
) -> None:
    path = write_xlsx(tmp_path / "无号.xlsx", [["名称", "权利人", "编号"],
                                                ["一种电池", "武汉大学", GOOD_1]])
    wizard = make_wizard(qtbot, store)
    read(qtbot, wizard, path)
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    assert wizard._combos["number"].currentData() is None
    assert not wizard.next_button.isEnabled()
    assert wizard.mapping_message.text() == describe(
        error("import.mapping_number_missing", "mapping"), chinese)
    wizard._combos["number"].setCurrentIndex(wizard._combos["number"].findData(2))
    assert wizard.next_button.isEnabled() and not wizard.mapping_message.isVisible()
    wizard._combos["number"].setCurrentIndex(0)  # and back: said again
    assert wizard.mapping_message.isVisible() and not wizard.next_button.isEnabled()
    wizard._combos["number"].setCurrentIndex(wizard._combos["number"].findData(2))
    press_next(qtbot, wizard)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert cell(wizard, 2, "number") == GOOD_1


@pytest.mark.parametrize("name", ["清单.xlsx", "清单.xls", "清单.csv"])
def test_a_broken_file_shows_its_message_and_nothing_crashes(
    qtbot: QtBot, store: Store, tmp_path: Path, name: str, chinese: str
) -> None:
    path = tmp_path / name
    path.write_bytes(random.Random(7).randbytes(6000))
    expected = read_table(path).findings[0]
    wizard = make_wizard(qtbot, store)
    read(qtbot, wizard, path)
    assert wizard.pages.currentIndex() == FILE_PAGE
    assert wizard.file_message.isVisible() and wizard.file_message.severity == "error"
    assert wizard.file_message.text() == describe(expected, chinese)
    assert wizard.path_edit.text() == str(path)  # what the clerk chose stays
    assert store.patent_numbers() == set()


def test_an_old_xls_workbook_is_answered_with_save_as_xlsx(
    qtbot: QtBot, store: Store, tmp_path: Path, chinese: str
) -> None:
    path = tmp_path / "专利.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") * 64)
    wizard = make_wizard(qtbot, store)
    read(qtbot, wizard, path)
    assert wizard.file_message.text() == describe(
        error("import.xls_format", "file", path=str(path), name=path.name), chinese)
    assert "另存为 .xlsx" in wizard.file_message.text()


def test_cancel_while_reading_leaves_nothing_written(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    rows = [["专利号", "专利名称", "专利权人"]] + [
        [number(2017, "1", 200000 + i), "一种电池", "武汉大学"] for i in range(3000)]
    path = write_xlsx(tmp_path / "大清单.xlsx", rows)
    wizard = make_wizard(qtbot, store)
    wizard.path_edit.setText(str(path))
    wizard.next_button.click()
    assert wizard.operation is not None and wizard.operation.dialog is not None
    wizard.operation.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    wait(qtbot, wizard)
    assert wizard.pages.currentIndex() == FILE_PAGE
    assert wizard.file_message.text() == "Reading was cancelled; nothing was imported."
    assert wizard.path_edit.text() == str(path)
    assert store.patent_numbers() == set()
    read(qtbot, wizard, path)  # reading again goes through, to the columns of this layout
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    assert store.patent_numbers() == set()


def test_browse_fills_in_the_path_and_the_entry_point_returns_the_count(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = summary_list(tmp_path / "汇总表.xlsx", summary_row(1, GOOD_1))
    monkeypatch.setattr(import_wizard, "choose_file", lambda *args: str(path))
    wizard = make_wizard(qtbot, store)
    wizard.browse_button.click()
    assert wizard.path_edit.text() == str(path)

    def run(dialog: ImportWizard) -> int:
        read(qtbot, dialog, path)
        press_next(qtbot, dialog)
        dialog.close_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ImportWizard, "exec", run)
    assert import_wizard.open_import_wizard(None, store) == 1
    assert store.patent_numbers() == {GOOD_1}


def test_screening_columns_go_through_the_mapping_step_into_the_inventory(
    qtbot: QtBot, store: Store, tmp_path: Path, chinese: str
) -> None:
    from app.usecases import inventory

    headers = ["申请号", "名称", "专利权人", "申请日", "技术成熟度", "市场应用前景", "转化意愿",
               "战略性新兴产业", "评价人", "是否可转化"]
    rows = [headers,
            [GOOD_1, "一种柔性压力传感器", "武汉理工大学", "2017-07-21", "6", "较好",
             "许可、转让", "1.5 人工智能", "王五", "是"],
            [GOOD_2, "一种再生骨料混凝土", "湖北工业大学", "2018-03-02", "很高", "好",
             "许可", "新材料产业", "王五", "否"]]
    wizard = make_wizard(qtbot, store)
    read(qtbot, wizard, write_xlsx(tmp_path / "盘点.xlsx", rows))
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    combos = wizard._combos
    assert combos["maturity"].currentData() == 4 and combos["prospect"].currentData() == 5
    assert combos["intentions"].currentData() == 6 and combos["verdict"].currentData() == 9
    assert combos["strategic_category"].currentData() == 7
    press_next(qtbot, wizard)
    # The unreadable level is said on its row; the patent still goes in.
    assert "很高" in cell(wizard, 3, "findings", Qt.ItemDataRole.ToolTipRole) or any(
        "很高" in describe(f, chinese) for f in wizard.model.rows[1].findings)
    press_next(qtbot, wizard)  # Import
    assert wizard.imported == 2
    saved = {r.number: r.screening for r in inventory.inventory_rows(store)}
    assert saved[GOOD_1].maturity == 6 and saved[GOOD_1].prospect == "fairly_good"
    assert saved[GOOD_1].intentions == ("transfer", "licence")
    assert saved[GOOD_1].strategic_category == "1.5" and saved[GOOD_1].verdict == "yes"
    assert saved[GOOD_2].maturity is None and saved[GOOD_2].strategic_category == "3"


def test_column_captions_take_the_colon_of_the_window_language(
    qtbot: QtBot, store: Store, tmp_path: Path, ui_language: str
) -> None:
    """issue 17 §9: "B: 申请号" showed a half-width colon in the Chinese window."""
    path = write_xlsx(tmp_path / "清单.xlsx", [["案卷号", "申请号", "名称"],
                                              ["A-001", GOOD_1, "一种柔性压力传感器"]])
    wizard = make_wizard(qtbot, store)
    read(qtbot, wizard, path)
    combo = wizard._combos["number"]
    caption = combo.itemText(combo.findData(1))
    assert caption == ("B：申请号" if ui_language == "zh_CN" else "B: 申请号")
