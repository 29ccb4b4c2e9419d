"""The ops-centre table editor: a clerk fills the whole form in Chinese with the keyboard only,
saves and prints it; the 小计 rows follow the typing; findings take the clerk to the cell."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from app.models.ops_centre import ALL_TEXTS
from app.models.store import ContactData, OrganisationData, Store
from app.ui import interaction, ops_centre_editor
from app.ui.ops_centre_editor import OpsCentreEditor, RowsGrid, YearGrid
from app.usecases import ops_centre
from tests.ui.conftest import Questions, commit_text

TODAY = dt.date(2023, 12, 20)
UNIT = OrganisationData(
    name="河南师范大学", legal_representative="王某某", address="河南省新乡市建设东路46号",
    postcode="453007", phone="0373-3326000", email="zscq@htu.edu.cn",
    contacts=(ContactData("张三", "科学技术处", "科长", "0373-3326001", "13800000002",
                          "zhang@htu.edu.cn"),))

LINES = {
    "lead_department": "科学技术处",
    "filled_on": "2023-12-05",
    "basic.competent_authority": "河南省教育厅",
    "basic.organisation_code": "12410000415800384K",
    "basic.ip_leader": "李副校长",
    "basic.centre_head": "赵处长",
    "basic.centre_head_mobile": "13800000001",
    "leading_group": "河南师范大学科技成果转移转化工作领导小组",
    "staff.total": "12", "staff.growth": "5", "staff.full_time": "4", "staff.part_time": "8",
    "staff.specialists": "6", "staff.agents": "2", "staff.managers": "9",
    "override_note": "登记册未含全部专利",
    "partners": "36",
}
TEXTS = {section.key: f"{section.key}情况：学校已建立相应制度并组织实施。" for section in ALL_TEXTS}
ROWS = {
    "documents": [["河南师范大学科技成果转化管理办法", "2023-05",
                   "赋予科研人员职务科技成果所有权"]],
    "projects": [["产业类", "新乡市生物医药产业专利导航", "2022.03-2023.06", "20",
                  "某知识产权服务有限公司"]],
    "activities": [["专利开放许可路演", "1", "10", "", "", "2", "18"]],
}
GRIDS = {
    "grid_funding": {(0, 0): "50", (0, 1): "30", (0, 2): "企业捐赠", (0, 3): "5",
                     (2, 0): "60", (2, 1): "45.5"},
    "grid_patent_output": {(0, 0): "320", (1, 0): "350", (2, 0): "410", (2, 2): "260"},
    "grid_transfers": {(2, 0): "15", (2, 1): "120", (2, 2): "80", (2, 3): "9"},
    "grid_licences": {},
    "grid_equity": {(1, 0): "3", (1, 1): "500", (1, 2): "1"},
    "grid_incubation": {(2, 0): "2", (2, 1): "300.5"},
    "grid_matchmaking": {(0, 0): "4", (0, 1): "30", (2, 0): "6", (2, 1): "52"},
}


def type_into(qtbot: QtBot, widget: object, text: str) -> None:
    """ASCII with key presses, Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)  # type: ignore[arg-type]


def focused() -> object:
    return QApplication.focusWidget()


def type_cell(qtbot: QtBot, grid: object, text: str) -> None:  # grid: a QTableWidget
    """Type into the current cell: F2 opens its editor, Enter closes it."""
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    type_into(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate closes its editor through a queued call
    assert focused() is grid


def go_to(qtbot: QtBot, grid: YearGrid | RowsGrid, row: int, column: int) -> None:
    """Arrow keys to a cell."""
    while grid.currentRow() < row or grid.currentRow() < 0:
        qtbot.keyClick(grid, Qt.Key.Key_Down)
    while grid.currentRow() > row:
        qtbot.keyClick(grid, Qt.Key.Key_Up)
    while grid.currentColumn() < column:
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    while grid.currentColumn() > column:
        qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert (grid.currentRow(), grid.currentColumn()) == (row, column)


@pytest.fixture
def store_with_unit(store: Store) -> Store:
    store.save_organisation(UNIT)
    return store


def test_a_clerk_fills_the_whole_form_with_the_keyboard_and_prints_it(
        qtbot: QtBot, store_with_unit: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    Questions().install(monkeypatch)
    said: list[str] = []
    monkeypatch.setattr(interaction, "inform", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(interaction, "critical", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(interaction, "confirm", lambda *_a, **_k: True)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(ops_centre_editor, "choose_folder", lambda *_a: str(out))
    policy = tmp_path / "科技成果转化管理办法.pdf"
    policy.write_bytes(b"%PDF-1.4 policy document")
    monkeypatch.setattr(ops_centre_editor, "choose_document", lambda *_a: str(policy))

    editor = OpsCentreEditor(store_with_unit, 2023, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    # The contact comes from the profile, typed once.
    assert editor.basic_edits["contact"].text() == "张三"
    editor.activateWindow()
    editor.lead_department.setFocus()  # the first field; from here on, only keys
    qtbot.waitUntil(lambda: focused() is editor.lead_department, timeout=2000)

    done: set[str] = set()
    for _step in range(400):
        widget = focused()
        name = widget.objectName() if widget is not None else ""
        if name == "findings":
            break
        if name not in done:
            done.add(name)
            if isinstance(widget, QLineEdit) and name in LINES:
                type_into(qtbot, widget, LINES[name])
            elif isinstance(widget, QPlainTextEdit) and name.startswith("texts."):
                type_into(qtbot, widget, TEXTS[name.removeprefix("texts.")])
            elif isinstance(widget, QRadioButton) and name.startswith("standard."):
                # One Tab stop for the three boxes; the arrow keys move between them.
                while focused().objectName() != "standard.implemented":
                    qtbot.keyClick(focused(), Qt.Key.Key_Right)
                if not focused().isChecked():
                    qtbot.keyClick(focused(), Qt.Key.Key_Space)
                done.add("standard.implemented")
            elif isinstance(widget, QPushButton) and name.startswith("add_"):
                grid_name = {"add_document": "documents", "add_project": "projects",
                             "add_activity": "activities"}[name]
                qtbot.keyClick(widget, Qt.Key.Key_Space)
                grid = focused()
                assert isinstance(grid, RowsGrid) and grid.objectName() == grid_name
                for column, text in enumerate(ROWS[grid_name][0]):
                    go_to(qtbot, grid, 0, column)
                    if text:
                        type_cell(qtbot, grid, text)
                done.add(grid_name)
                if grid_name == "documents":
                    # Back to 附文件 (Shift+Tab), attach, and on again.
                    for _ in range(4):
                        if focused().objectName() == "attach_document":
                            break
                        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
                    assert focused().objectName() == "attach_document"
                    qtbot.keyClick(focused(), Qt.Key.Key_Space)
                    for _ in range(4):
                        if focused() is grid:
                            break
                        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
                    assert focused() is grid
            elif isinstance(widget, YearGrid) and name in GRIDS:
                for (row, column), text in sorted(GRIDS[name].items()):
                    go_to(qtbot, widget, row, column)
                    type_cell(qtbot, widget, text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    else:
        pytest.fail("Tab never reached the findings list")

    missing = ({*LINES, *(f"texts.{k}" for k in TEXTS), "standard.implemented", *ROWS,
                *GRIDS} - done)
    assert not missing, missing
    editor.validate()
    fields = editor.fields()
    assert fields.standard == "implemented"
    assert fields.documents[0].file_name == policy.name and fields.documents[0].file_sha256
    assert fields.texts["measures"] == TEXTS["measures"]
    assert fields.tables["patent_output"][2023]["patents_granted"] == "260"
    # 小计 as typed: funding 50 + 60 provincial; patent output 320 + 350 + 410 applications
    assert editor.funding.cell(3, 0).text() == "110"
    assert editor.grids["patent_output"].cell(3, 0).text() == "1080"
    assert editor.grids["patent_output"].cell(3, 3).text() == "/"
    assert not [f for f in editor.findings if f.is_error], editor.findings

    # Ctrl+S (offscreen windows are never active for the shortcut map: emit it as Qt would)
    save = next(s for s in editor.findChildren(QShortcut)
                if s.key() == QKeySequence(QKeySequence.StandardKey.Save))
    save.activated.emit()
    assert ops_centre.report_state(store_with_unit, 2023) == "draft"
    assert not editor.is_dirty()
    # Print: the button, reached with the keyboard.
    while focused() is not editor.print_button:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(editor.print_button, Qt.Key.Key_Space)
    pdf = out / ops_centre.PDF_NAME
    assert pdf.exists() and (out / ops_centre.TABLES_NAME).exists()
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                             check=True).stdout.decode())
    # The override note is for the clerk and the records; the form has no place for it.
    printed = [v for k, v in LINES.items() if k != "override_note"]
    for typed in (*printed, *TEXTS.values(), "河南师范大学科技成果转化管理办法",
                  "新乡市生物医药产业专利导航", "专利开放许可路演", "☑已实施未认证"):
        if typed == "2023-12-05":
            typed = "2023年12月5日"
        assert re.sub(r"\s+", "", typed) in text, typed
    editor.grab().save(str(tmp_path / "ops_centre_editor.png"))


def test_subtotals_follow_typing_and_findings_go_to_their_cell(
        qtbot: QtBot, store_with_unit: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    Questions().install(monkeypatch)
    editor = OpsCentreEditor(store_with_unit, 2024, today=dt.date(2024, 12, 20))
    qtbot.addWidget(editor)
    grid = editor.grids["transfers"]
    assert grid.years == (2022, 2023, 2024)  # 近三年 of 2024, no code change
    grid.cell(0, 1).setText("10")
    grid.cell(0, 2).setText("12")
    qtbot.waitUntil(lambda: grid.cell(3, 2).text() == "12", timeout=2000)
    finding = next(f for f in editor.findings if f.code == "ops.received_exceeds_contract")
    assert finding.field == "transfers[2022].received"
    editor.focus_field(finding.field)
    assert (grid.currentRow(), grid.currentColumn()) == (0, 2)
    # Undo takes the last typing back; the draft survives closing without saving.
    editor.staff_edits["total"].setText("3")
    editor.staff_edits["full_time"].setText("1")
    editor.staff_edits["part_time"].setText("1")
    qtbot.waitUntil(lambda: any(f.code == "ops.staff_mismatch" for f in editor.findings),
                    timeout=2000)
    editor.autosave()
    assert store_with_unit.load_draft("ops_centre", 2024)["staff"]["total"] == "3"
    again = OpsCentreEditor(store_with_unit, 2024, today=dt.date(2024, 12, 20))
    qtbot.addWidget(again)
    assert again.staff_edits["total"].text() == "3" and again.restored_label.isVisibleTo(again)


def test_the_main_window_opens_it_and_the_package_window_asks_for_it(
        qtbot: QtBot, store_with_unit: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.submit.records import SubmissionRecords
    from app.ui.main_window import MainWindow
    from app.ui.package_window import PackageWindow
    from app.ui.settings import Preferences

    Questions().install(monkeypatch)
    monkeypatch.setattr(ops_centre_editor, "choose_year", lambda _p, _years, suggestion: 2023)
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store_with_unit)
    assert window.ops_centre_action.isEnabled()
    window.ops_centre_action.trigger()
    opened = window.findChildren(OpsCentreEditor)
    assert len(opened) == 1 and opened[0].year == 2023
    opened[0].discard()

    # 河南师范大学 builds a centre: its Henan package needs the table …
    records = SubmissionRecords(store_with_unit.database)
    records.ensure_default_targets()
    package = PackageWindow(store_with_unit)
    qtbot.addWidget(package)
    henan = next(t for t in records.targets() if t.key == "henan")
    codes = [f.code for f in package._ops_centre_findings(henan)]
    assert codes == ["ops.package_needs_report"]
    # … unless the clerk ticks that it is not needed this time.
    package.ops_not_needed.setChecked(True)
    assert package._ops_centre_findings(henan) == []


def test_a_deal_saved_with_its_amount_received_fills_the_licence_grid(
        qtbot: QtBot, filled_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.deal_editor import DealEditor
    from tests.ui.test_deals_window import ORGANISATION, fill_paid_deal, retype

    Questions().install(monkeypatch)
    filled_store.save_organisation(ORGANISATION)
    table = OpsCentreEditor(filled_store, 2023, today=TODAY)
    qtbot.addWidget(table)
    licences = table.grids["licences"]
    assert licences.cell(2, 0).data(Qt.ItemDataRole.UserRole + 1) == "0"
    deal = DealEditor(filled_store, None)
    qtbot.addWidget(deal)
    fill_paid_deal(qtbot, deal)  # 125,000 yuan lump sum, dated 2023-05-01
    retype(qtbot, deal.received, "abc")
    deal.validate()
    assert "abc" in deal.messages["received_yuan"].text()
    retype(qtbot, deal.received, "80000")
    assert deal.save()
    # The table recomputes when a deal is saved: 1 licence, 12.5 万元 contracted, 8 received.
    row = [licences.cell(2, c).data(Qt.ItemDataRole.UserRole + 1) for c in range(4)]
    assert row == ["1", "12.5", "8", "1"]
    assert licences.cell(3, 2).text() == "8"
    deal.discard()


def test_each_long_text_shows_the_notice_guidance_and_counts_as_the_clerk_types(
        qtbot: QtBot, store_with_unit: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.long_text import LongTextField, count_text

    Questions().install(monkeypatch)
    editor = OpsCentreEditor(store_with_unit, 2023, today=TODAY)
    qtbot.addWidget(editor)
    for section in ALL_TEXTS:
        field = editor.findChild(LongTextField, f"texts.{section.key}_field")
        assert field is not None, section.key
        assert field.edit is editor.text_edits[section.key]
        assert field.guidance_label.text() == section.guidance
        assert field.guidance_label.isVisibleTo(editor) == bool(section.guidance)
    field = editor.text_fields["grading"]
    assert field.count_label.text() == count_text(0, None)
    editor.show()
    qtbot.waitExposed(editor)
    field.edit.setFocus()
    commit_text(field.edit, "学校建立分级分类制度。\n项目库三个。")
    # Counted as typed, as a reviewer counts: the line break is not a character.
    assert field.count_label.text() == count_text(17, None)
    editor.autosave()
    assert store_with_unit.load_draft("ops_centre", 2023)["texts"]["grading"] == (
        "学校建立分级分类制度。\n项目库三个。")
