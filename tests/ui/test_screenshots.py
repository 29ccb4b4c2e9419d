"""Screenshots of the main screens in Chinese, as a clerk sees them.

Saved to $LICENCE_DESK_SHOTS when set (to look at them), else to the test's temporary folder.
The checks are what a screenshot can show wrongly: Chinese drawn as boxes (no font has the
glyphs), and labels cut off by their field.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.models.store import ContactData, OrganisationData, Store
from app.ui import i18n
from app.ui.fonts import configure_fonts
from app.ui.main_window import MainWindow
from app.ui.organisation_dialog import OrganisationDialog
from app.ui.patent_editor import PatentEditor
from app.ui.settings import Preferences

pytestmark = pytest.mark.usefixtures("questions")


@pytest.fixture
def zh_ui(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    i18n.install_translators(qapp, "zh_CN")
    configure_fonts(qapp)
    yield
    i18n.install_translators(qapp, "en")
    i18n.set_language("zh_CN")
    qapp.setFont(font)


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
    qtbot: QtBot, filled_store: Store, shots: Path, zh_ui: None
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
    qtbot: QtBot, store: Store, shots: Path, zh_ui: None
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


def test_organisation_dialog(qtbot: QtBot, store: Store, shots: Path, zh_ui: None) -> None:
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
