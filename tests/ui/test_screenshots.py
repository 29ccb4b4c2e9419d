"""Screenshots of the main screens in Chinese, as a clerk sees them.

Saved to $LICENCE_DESK_SHOTS when set (to look at them), else to the test's temporary folder.
The checks are what a screenshot can show wrongly: Chinese drawn as boxes (no font has the
glyphs), and labels cut off by their field.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QWidget
from pytestqt.qtbot import QtBot

from app.models.store import ContactData, OrganisationData, Store
from app.ui.deal_editor import DealEditor
from app.ui.field_message import FieldBox, FieldMessage
from app.ui.main_window import MainWindow
from app.ui.offer_editor import OfferEditor
from app.ui.organisation_dialog import OrganisationDialog
from app.ui.patent_editor import PatentEditor
from app.ui.settings import Preferences
from app.ui.summary_book_editor import SummaryBookEditor

from .conftest import rect_in

pytestmark = pytest.mark.usefixtures("questions")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("LICENCE_DESK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save(widget: QWidget, path: Path) -> None:
    widget.repaint()
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(path))


def assert_chinese_drawable(widget: QWidget) -> None:
    metrics = QFontMetrics(widget.font())
    for char in "专利权人申请日届满":
        assert metrics.inFontUcs4(ord(char)) or _any_family_has(widget, char), char


def _any_family_has(widget: QWidget, char: str) -> bool:
    from PySide6.QtGui import QFont

    for family in widget.font().families():
        if QFontMetrics(QFont(family)).inFontUcs4(ord(char)):
            return True
    return False


def assert_labels_not_clipped(widget: QWidget) -> None:
    for label in widget.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.textFormat() != label.textFormat().PlainText and "<" in label.text():
            continue
        needed = label.fontMetrics().horizontalAdvance(label.text().split("\n")[0])
        assert label.width() >= needed, (label.text(), label.width(), needed)


def test_main_window_with_twenty_patents(
    qtbot: QtBot, filled_store: Store, shots: Path, zh_ui: str
) -> None:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(filled_store)
    window.resize(1280, 760)
    window.show()
    window.view.selectRow(5)
    qtbot.waitUntil(lambda: "有错误" in window.count_label.text())
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert_chinese_drawable(window.view)
    save(window, shots / "main_window.png")


def test_editor_showing_messages(
    qtbot: QtBot, store: Store, shots: Path, zh_ui: str
) -> None:
    from app.models.patent_rules import PatentFields

    result = store.save_patent(
        PatentFields(
            number="201710601862.4",
            title="一种基于深度学习的输电线路缺陷检测方法",
            patentees=("武汉大学", "", "武汉大学"),
            filing_date=None,
            legal_status="valid",
            term_compensation_days=None,
        )
    )
    editor = PatentEditor(store, result.record_id)
    qtbot.addWidget(editor)
    editor.filing_edit.setText("2016-07-21")
    editor.override_edit.setText("2038-01-05")
    editor.validate()
    editor.show()
    editor.adjustSize()
    assert editor.messages["number"].isVisible()
    assert editor.messages["patentees"].isVisible()
    assert editor.messages["expiry_override_note"].isVisible()
    assert_labels_not_clipped(editor)
    save(editor, shots / "patent_editor_messages.png")

    clean = PatentEditor(store, None)
    qtbot.addWidget(clean)
    clean.number_edit.setText("201710601862.3")
    clean.title_edit.setText("一种柔性可穿戴压力传感器")
    clean.patentees_edit.setPlainText("武汉理工大学\n湖北省机电研究设计院")
    clean.filing_edit.setText("2017-07-21")
    clean.grant_edit.setText("2019-03-01")
    clean.validate()
    clean.show()
    clean.adjustSize()
    assert "2037-07-20" in clean.expiry_label.text()
    assert_labels_not_clipped(clean)
    save(clean, shots / "patent_editor_valid.png")


def test_organisation_dialog(qtbot: QtBot, store: Store, shots: Path, zh_ui: str) -> None:
    store.save_organisation(
        OrganisationData(
            name="武汉大学",
            legal_representative="张平文",
            address="湖北省武汉市武昌区八一路299号",
            postcode="43007",
            phone="027-68752114",
            fax="027-6875",
            email="tto@whu.edu.cn",
            contacts=(
                ContactData("李明", "科学技术发展研究院", "科长", "027-68756789",
                            "13912345678", "liming@whu.edu.cn"),
                ContactData("王芳", "技术转移中心", "主任", "027-68751234",
                            "1380000", "wangfang@whu"),
            ),
        )
    )
    dialog = OrganisationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.adjustSize()
    assert dialog.messages["postcode"].isVisible()
    assert dialog.contact_message.isVisible()
    assert_labels_not_clipped(dialog)
    save(dialog, shots / "organisation_dialog.png")


def _widgets_in(layout: QLayout) -> list[QWidget]:
    """The visible widgets of a field box, top to bottom (a narrow field sits in a row)."""
    out: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget, inner = item.widget(), item.layout()
        if widget is not None and widget.isVisible():
            out.append(widget)
        elif inner is not None:
            out.extend(w for w in _widgets_in(inner) if not isinstance(w, FieldMessage))
    return out


def message_placement_problems(window: QWidget) -> list[str]:
    """Every message shown in a field box must sit right under what is above it (its field, or
    the field's hint), not overlap it, and be no taller than its lines."""
    problems = []
    checked = 0
    for box in window.findChildren(FieldBox):
        widgets = _widgets_in(box)
        messages = [w for w in widgets if isinstance(w, FieldMessage)]
        if not messages or widgets.index(messages[0]) == 0:
            continue
        message = messages[0]
        above = rect_in(window, widgets[widgets.index(message) - 1])
        field = rect_in(window, box.field)
        shown = rect_in(window, message)
        gap = shown.top() - (above.bottom() + 1)
        checked += 1
        if shown.intersects(field) or not 0 <= gap <= 4 or (
            shown.height() > message.heightForWidth(message.width()) + 2
        ):
            problems.append(f"{box.field.objectName()}: field {field}, message {shown}")
    assert checked, "no message shown under a field"
    return problems


def _register_with_mistakes(store: Store) -> int:
    from app.models.patent_rules import PatentFields

    store.save_organisation(OrganisationData(
        name="武汉大学", address="湖北省武汉市武昌区八一路299号", postcode="43007",
        contacts=(ContactData(name="李老师", office_phone="027-68754321", email="kjc@whu"),),
    ))
    result = store.save_patent(PatentFields(
        number="201710601862.3", title="一种基于深度学习的图像识别方法",
        patentees=("甲", "乙", "甲"), filing_date=dt.date(2017, 7, 21),
        grant_date=dt.date(2019, 3, 5),
    ))
    assert result.record_id is not None
    return result.record_id


EDITORS: dict[str, Callable[[Store, int], QWidget]] = {
    "offer": lambda store, patent_id: OfferEditor(store, patent_id),
    "deal": lambda store, _patent_id: DealEditor(store, None),
    "summary_book": lambda store, _patent_id: SummaryBookEditor(
        store, "2023-11", today=dt.date(2023, 12, 6)),
    "patent": lambda store, patent_id: PatentEditor(store, patent_id),
}


@pytest.mark.parametrize("name", list(EDITORS))
def test_messages_stay_under_their_fields_in_every_editor(
    qtbot: QtBot, store: Store, shots: Path, ui_language: str, name: str
) -> None:
    """The editors share field_box: at their own size and in a window taller than the whole
    form, every message shown sits right under its field."""
    editor = EDITORS[name](store, _register_with_mistakes(store))
    qtbot.addWidget(editor, before_close_func=lambda w: getattr(w, "discard", w.close)())
    editor.show()
    QApplication.processEvents()
    default = editor.size()
    for width, height in ((default.width(), default.height()), (1400, 2400)):
        editor.resize(width, height)
        QApplication.processEvents()
        assert message_placement_problems(editor) == []
        save(editor, shots / f"{name}_editor_{ui_language}_{width}x{height}.png")


def test_organisation_messages_stay_under_their_fields(
    qtbot: QtBot, store: Store, ui_language: str
) -> None:
    _register_with_mistakes(store)
    dialog = OrganisationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    for size in ((760, 600), (1200, 900)):
        dialog.resize(*size)
        QApplication.processEvents()
        message = dialog.messages["postcode"]
        assert message.isVisible()
        field = rect_in(dialog, dialog.edits["postcode"])
        shown = rect_in(dialog, message)
        assert not shown.intersects(field)
        assert 0 <= shown.top() - (field.bottom() + 1) <= 4
        assert shown.height() <= message.heightForWidth(message.width()) + 2
