"""The summary book editor: figures from the records, overrides and their warning, long texts
saved and printed, finalising, the files written off the UI thread."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import messages
from app.models.database import open_database
from app.models.deals import DealFields, Payment
from app.models.store import ContactData, OrganisationData, Store
from app.ui import interaction, summary_book_editor
from app.ui.deal_editor import DealEditor
from app.ui.summary_book_editor import SummaryBookEditor, open_summary_book_editor
from tests.ui.conftest import commit_text, realistic_patents

PERIOD = "2023-11"
TODAY = dt.date(2023, 12, 6)
PATENTS = realistic_patents()
ORGANISATION = OrganisationData(
    name="华中科技大学", legal_representative="尤政", address="湖北省武汉市洪山区珞喻路1037号",
    postcode="430074", phone="027-87542101", fax="027-87542102", email="kjc@hust.edu.cn",
    contacts=(ContactData("李明", "科学技术发展院", "副主任", "027-87541234", "13907161234",
                          "liming@hust.edu.cn"),),
)
PARAGRAPH = (
    "我校高度重视专利开放许可试点工作，成立了由分管校领导任组长的工作领导小组，制定了《专利开放"
    "许可实施细则》，明确了许可信息征集、筛选、发布和对接的工作流程。学校设立专项经费，保障试点"
    "工作顺利开展，全年共征集开放许可信息一百二十余项，组织对接活动十五场。"
)


@pytest.fixture
def register(filled_store: Store) -> Store:
    filled_store.save_organisation(ORGANISATION)
    return filled_store


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Questions answered "no" (so the folder is not opened), messages collected."""
    out: dict[str, list[str]] = {"confirm": [], "inform": [], "critical": []}
    monkeypatch.setattr(interaction, "confirm",
                        lambda p, t, text, details="": out["confirm"].append(text) or False)
    monkeypatch.setattr(interaction, "inform", lambda p, t, text: out["inform"].append(text))
    monkeypatch.setattr(interaction, "critical", lambda p, t, text: out["critical"].append(text))
    return out


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(summary_book_editor, "choose_folder", lambda p, t, start: str(out))
    return out


def make_editor(qtbot: QtBot, store: Store, period: str = PERIOD) -> SummaryBookEditor:
    editor = SummaryBookEditor(store, period, today=TODAY)
    # Closed without the unsaved-changes question at the end of the test (it would block).
    qtbot.addWidget(editor, before_close_func=lambda w: w.discard())
    editor.show()
    return editor


def add_deal(store: Store, number: str, day: dt.date, payment: Payment) -> None:
    result = store.save_deal(DealFields(patents=(number,), licensee="武汉某某科技有限公司",
                                        licence_date=day, payment=payment))
    assert result.saved


def fill_book(qtbot: QtBot, editor: SummaryBookEditor) -> None:
    editor.filled_on.set_date(dt.date(2023, 12, 5))
    commit_text(editor.unit_profile, "华中科技大学是教育部直属重点综合性大学。")
    commit_text(editor.self_evaluation, PARAGRAPH)
    commit_text(editor.entered_edits["platform_name"], "湖北省知识产权公共服务平台")
    qtbot.keyClicks(editor.entered_edits["platform_url"], "https://www.hbipsp.cn")
    qtbot.keyClicks(editor.entered_edits["smes_reached"], "36")
    editor.validate()


def wait_for(qtbot: QtBot, editor: SummaryBookEditor) -> None:
    operation = editor.operation
    assert operation is not None
    qtbot.waitUntil(lambda: operation.done, timeout=60000)
    assert operation.error is None, operation.error


def test_statistics_come_from_the_deals(qtbot: QtBot, register: Store) -> None:
    add_deal(register, PATENTS[0].number, dt.date(2023, 3, 1), Payment("free"))
    add_deal(register, PATENTS[1].number, dt.date(2023, 5, 1),
             Payment("entry_plus_royalty", entry_fee_yuan=Decimal(50000),
                     royalty_percent=Decimal(3)))
    add_deal(register, PATENTS[2].number, dt.date(2023, 12, 2),  # after the period end
             Payment("lump_sum", amount_yuan=Decimal(80000)))
    editor = make_editor(qtbot, register)
    shown = {key: label.text() for key, label in editor.computed_labels.items()}
    assert shown["deals_total"] == "2"
    assert shown["deals_free"] == "1"
    assert shown["deals_paid"] == "1"
    assert shown["paid_amount_wan"] == "5"  # the entry fee only
    assert editor.deal_table.rowCount() == 2
    assert editor.deal_table.item(1, 5).text() == "入门费+提成"
    assert "3" in editor.excluded_label.text() and editor.excluded_label.isVisible()
    assert editor.cover_unit.text() == "华中科技大学"
    assert editor.unit_labels["legal_representative"].text() == "尤政"
    # A new book takes its work lead from the profile's first contact.
    assert editor.lead_edits["name"].text() == "李明"
    assert editor.lead_edits["mobile"].text() == "13907161234"


def test_a_deal_finding_opens_that_deal(qtbot: QtBot, register: Store) -> None:
    add_deal(register, PATENTS[0].number, dt.date(2023, 3, 1), Payment("free"))
    editor = make_editor(qtbot, register)
    items = [editor.findings_list.item(i) for i in range(editor.findings_list.count())]
    [contract] = [i for i in items if i.data(Qt.ItemDataRole.UserRole) == "deals[1].files"]
    assert contract.text().startswith("达成项目清单：序号 1 的许可：请添加许可合同或备案文件")
    editor.findings_list.itemClicked.emit(contract)
    deal = editor.findChild(DealEditor)
    assert deal is not None and deal.serial == 1
    deal.discard()


def test_an_override_that_differs_from_the_records_shows_the_warning(
    qtbot: QtBot, register: Store
) -> None:
    add_deal(register, PATENTS[0].number, dt.date(2023, 3, 1), Payment("free"))
    editor = make_editor(qtbot, register)
    message = editor.messages["override.deals_free"]
    assert not message.isVisible()
    qtbot.keyClicks(editor.override_edits["deals_free"], "3")
    qtbot.waitUntil(lambda: message.isVisible(), timeout=3000)
    assert "填写为 3，按记录计算为 1（相差 +2）" in message.text()
    assert message.severity == "warning"
    # Free 3 + paid 0 ≠ total 1: that one is an error, under the total, and blocks finalising.
    total = editor.messages["override.deals_total"]
    assert total.severity == "error"
    assert "应等于达成许可总数（1）" in total.text()
    assert not editor.finalise_button.isEnabled()

    editor.override_edits["deals_free"].clear()
    editor.validate()
    assert not message.isVisible() and not total.isVisible()


def test_thirty_pages_of_self_evaluation_saved_and_written_to_pdf(
    qtbot: QtBot, register: Store, said: dict[str, list[str]], folder: Path
) -> None:
    editor = make_editor(qtbot, register)
    fill_book(qtbot, editor)
    text = "\n\n".join(f"{n}. {PARAGRAPH * 4}" for n in range(1, 111))
    editor.self_evaluation.setPlainText(text)
    assert editor.save()
    assert register.summary_book(PERIOD).self_evaluation == text  # type: ignore[union-attr]

    qtbot.mouseClick(editor.pdf_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, editor)
    pdf = folder / f"总结书_{PERIOD}.pdf"
    assert pdf.is_file()
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 30
    assert "110. 我校高度重视" in "".join(page.extract_text() or "" for page in reader.pages)
    assert said["confirm"] and str(folder) in said["confirm"][-1]  # offered to open the folder
    assert said["critical"] == []
    # Without errors the book prints clean and is recorded for the submission package.
    [document] = register.generated_documents()
    assert document.kind == "summary_book" and Path(document.path) == pdf.resolve()


def test_the_folder_is_opened_when_the_clerk_says_so(
    qtbot: QtBot, register: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(summary_book_editor, "open_folder", lambda path: opened.append(path))
    monkeypatch.setattr(interaction, "confirm", lambda p, t, text, details="": True)
    add_deal(register, PATENTS[0].number, dt.date(2023, 3, 1), Payment("free"))
    editor = make_editor(qtbot, register)
    fill_book(qtbot, editor)
    editor.write_excel()
    wait_for(qtbot, editor)
    workbook = folder / f"统计表和达成项目清单_{PERIOD}.xlsx"
    assert workbook.is_file() and opened == [folder]
    values = [cell.value for sheet in openpyxl.load_workbook(workbook).worksheets
              for row in sheet.iter_rows() for cell in row]
    assert "武汉某某科技有限公司" in values


def test_xinyang_tables_carry_the_county(
    qtbot: QtBot, register: Store, said: dict[str, list[str]], folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(summary_book_editor, "ask_county", lambda parent, default: "平桥区")
    editor = make_editor(qtbot, register)
    fill_book(qtbot, editor)
    editor.write_xinyang()
    wait_for(qtbot, editor)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"平桥区_专利开放许可试点情况统计表_{PERIOD}.xlsx",
                     f"平桥区_专利开放许可试点达成项目清单_{PERIOD}.xlsx"]
    sheet = openpyxl.load_workbook(folder / names[0]).active
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any(t.startswith("平桥区专利开放许可试点情况统计表") for t in texts)


def test_a_book_with_errors_prints_as_a_draft_and_finalising_is_refused(
    qtbot: QtBot, register: Store, said: dict[str, list[str]], folder: Path
) -> None:
    register.save_organisation(OrganisationData())  # no unit name: an error
    editor = make_editor(qtbot, register)
    assert messages.message("book.unit_name_missing") in editor.messages["organisation"].text()
    assert not editor.finalise()
    assert said["inform"] and "1" in said["inform"][-1]
    assert register.summary_book_state(PERIOD) == "draft"

    editor.write_pdf()
    wait_for(qtbot, editor)
    assert (folder / f"总结书_{PERIOD}.pdf").is_file()
    assert "草稿" in said["confirm"][-1]
    assert register.generated_documents() == []  # a draft copy is not for sending

    register.save_organisation(ORGANISATION)
    editor.validate()
    assert editor.finalise_button.isEnabled()
    assert editor.finalise()
    assert register.summary_book_state(PERIOD) == "finalised"


def test_kill_and_reopen_keeps_the_typed_book(
    qtbot: QtBot, db_path: Path, register: Store
) -> None:
    editor = make_editor(qtbot, register)
    commit_text(editor.self_evaluation, PARAGRAPH)
    qtbot.keyClicks(editor.override_edits["declarations"], "12")
    qtbot.waitUntil(lambda: (register.load_draft("summary_book", 202311) or {})
                    .get("override.declarations") == "12", timeout=3000)
    editor.hide()  # the process dies: no save, no close event
    reopened = Store(open_database(db_path))
    try:
        again = SummaryBookEditor(reopened, PERIOD, today=TODAY)
        qtbot.addWidget(again, before_close_func=lambda w: w.discard())
        assert again.self_evaluation.toPlainText() == PARAGRAPH
        assert again.override_edits["declarations"].text() == "12"
        assert not again.restored_label.isHidden()
        assert reopened.summary_book(PERIOD) is None  # a draft, not a book
    finally:
        reopened.database.close()


def test_a_period_is_chosen_or_refused(
    qtbot: QtBot, register: Store, said: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summary_book_editor, "choose_period",
                        lambda parent, periods, suggestion: "2023年13月")
    assert open_summary_book_editor(None, register, today=TODAY) is None
    assert said["inform"] == [messages.message("book.period_invalid", {"value": "2023年13月"})]

    suggested: list[str] = []

    def choose(parent, periods, suggestion):  # type: ignore[no-untyped-def]
        suggested.append(suggestion)
        return "2023年11月"

    monkeypatch.setattr(summary_book_editor, "choose_period", choose)
    editor = open_summary_book_editor(None, register, today=TODAY)
    assert editor is not None
    qtbot.addWidget(editor, before_close_func=lambda w: w.discard())
    assert suggested == ["2023-11"]  # the last month ended before today
    assert editor.period_end == PERIOD
    assert "2023 年 11 月底" in editor.windowTitle()


def test_the_deals_register_is_opened_by_whoever_opened_the_book(
    qtbot: QtBot, register: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from app.ui.deals_window import DealsWindow

    deals = DealsWindow(register)
    qtbot.addWidget(deals)
    monkeypatch.setattr(summary_book_editor, "choose_period",
                        lambda parent, periods, suggestion: PERIOD)
    editor = deals.open_summary_book()
    assert isinstance(editor, SummaryBookEditor)
    qtbot.addWidget(editor, before_close_func=lambda w: w.discard())
    button = editor.findChild(QPushButton, "open_deals")
    assert button is not None and not button.isHidden()
    deals.hide()
    button.click()
    assert editor.open_deals() is deals and deals.isVisible()

    # Opened on its own (no register to go back to), the book has no such button.
    alone = make_editor(qtbot, register)
    assert alone.findChild(QPushButton, "open_deals").isHidden()
    assert alone.open_deals() is None


def test_a_file_that_cannot_be_written_is_said_in_words_and_nothing_recorded(
    qtbot: QtBot, register: Store, said: dict[str, list[str]], folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (folder / f"总结书_{PERIOD}.pdf").mkdir()  # a folder where the PDF should go
    monkeypatch.setattr(interaction, "confirm",  # "Replace them?" yes
                        lambda p, t, text, details="": said["confirm"].append(text) or True)
    editor = make_editor(qtbot, register)
    fill_book(qtbot, editor)
    editor.write_pdf()
    wait_for(qtbot, editor)
    [text] = said["critical"]
    assert str(folder / f"总结书_{PERIOD}.pdf") in text and "Traceback" not in text
    assert register.generated_documents() == []
