"""Building a package from finalised offers' generated PDFs: states, the unsealed tick, the
check, the build into a folder (zip, manifests, .eml drafts), recording and queueing."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.export.offer_documents import render_offer_documents
from app.messages import message
from app.models.database import Database
from app.models.offers import OfferContact, OfferFields
from app.models.patent_rules import PatentFields
from app.models.store import ContactData, OrganisationData, Store
from app.submit.accounts import AccountData
from app.submit.records import SubmissionRecords
from app.submit.sealing import attach_sealed_copy
from app.ui.package_window import PackageWindow

from .conftest import Questions

DAY = dt.date(2024, 9, 10)
LEFT = Qt.MouseButton.LeftButton
OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=dt.date(2035, 12, 31),
    fee={"option": "lump_sum", "days": 30, "amount_yuan": "50000"},
    contact=OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                         "kjc@whu.edu.cn"),
    open_scope="全省",
    single_term="3年",
    declared_on=dt.date(2024, 9, 1),
)
PATENTS = {  # valid invention numbers whose terms run past 2035
    "201710601862.3": ("一种基于深度学习的输电线路缺陷检测方法", dt.date(2017, 7, 21)),
    "201810123456.5": ("一种高强度耐腐蚀铝合金及其制备方法", dt.date(2018, 3, 1)),
}


def finalised_offers(store: Store, pdf_folder: Path) -> dict[str, int]:
    """The unit, two finalised offers and their generated sheets and declarations."""
    store.save_organisation(OrganisationData(
        name="武汉大学", phone="027-68754321",
        contacts=(ContactData(name="李老师", office_phone="027-68754321"),)))
    patent_ids = {}
    offer_ids = []
    for number, (title, filed) in PATENTS.items():
        patent_id = store.save_patent(PatentFields(
            number, title, ("武汉大学",), filed, filed + dt.timedelta(days=700))).record_id
        assert patent_id is not None
        offer_id = store.save_offer(patent_id, OFFER).record_id
        assert offer_id is not None and store.finalise_offer(offer_id).saved
        patent_ids[number] = patent_id
        offer_ids.append(offer_id)
    result = render_offer_documents(store, offer_ids, pdf_folder)
    assert result.ok, result.failures
    return patent_ids


def make_window(qtbot: QtBot, store: Store, tmp_path: Path, **kwargs: object) -> PackageWindow:
    opened: list[Path] = []
    window = PackageWindow(store, folder_chooser=lambda *_: str(tmp_path / "chosen"),
                           open_folder=opened.append, today=DAY, **kwargs)  # type: ignore[arg-type]
    window.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    return window


def listed(window: PackageWindow) -> list[tuple[str, str, str]]:
    return [tuple(window.table.item(r, c).text() for c in (1, 3, 4))  # type: ignore[misc]
            for r in range(window.table.rowCount())]


def shown_findings(window: PackageWindow) -> list[str]:
    return [window.findings_list.item(i).text() for i in range(window.findings_list.count())]


def build(qtbot: QtBot, window: PackageWindow) -> None:
    window.built = None
    qtbot.mouseClick(window.build_button, LEFT)
    assert window.operation is not None
    qtbot.waitUntil(lambda: window.operation.done, timeout=20000)  # type: ignore[union-attr]


def test_unsealed_documents_are_held_back_until_ticked_then_the_package_is_built(
    qtbot: QtBot, store: Store, database: Database, tmp_path: Path, questions: Questions,
    chinese: str,
) -> None:
    finalised_offers(store, tmp_path / "pdf")
    window = make_window(qtbot, store, tmp_path)
    assert window.target() is not None and window.target().key == "hubei"  # type: ignore[union-attr]
    assert listed(window) == [
        ("ZL201710601862.3 信息表", "Current", "Not sealed"),
        ("ZL201710601862.3 声明", "Current", "Not sealed"),
        ("ZL201810123456.5 信息表", "Current", "Not sealed"),
        ("ZL201810123456.5 声明", "Current", "Not sealed"),
    ]
    assert window._ticks(0) == [True] * 4  # current documents are chosen

    # Without the "send unsealed" tick nothing is built and the reason is shown in words.
    window.folder_edit.setText(str(tmp_path / "out"))
    qtbot.mouseClick(window.build_button, LEFT)
    assert window.operation is None and not (tmp_path / "out").exists()
    expected = message("package.unsealed_unconfirmed", {"document": "ZL201710601862.3 信息表"},
                       chinese)
    assert expected in shown_findings(window)
    assert len(shown_findings(window)) == 4
    assert window.result_label.text().startswith("4 problem(s) stop the package")

    for document in window.rows:
        window.set_unsealed_confirmed(document.document_id, True)
    qtbot.mouseClick(window.check_button, LEFT)
    assert shown_findings(window) == []
    assert window.result_label.text() == "No problems found: the package can be built."

    questions.answers.append(True)  # open the folder
    build(qtbot, window)
    built = window.built
    assert built is not None and built.built, window.findings
    assert built.name == "武汉大学-湖北-20240910"
    folder = tmp_path / "out" / built.name
    assert built.folder == folder and folder.is_dir()
    assert built.zip_path == tmp_path / "out" / f"{built.name}.zip"
    with zipfile.ZipFile(built.zip_path) as archive:
        names = sorted(archive.namelist())
    assert names == sorted(f"{built.name}/{n}" for n in (
        "ZL201710601862.3 信息表.pdf", "ZL201710601862.3 声明.pdf",
        "ZL201810123456.5 信息表.pdf", "ZL201810123456.5 声明.pdf", "清单.csv",
        "manifest.json"))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in manifest["files"]][0] == "ZL201710601862.3 信息表.pdf"
    assert manifest["recipients"] == ["dingwei@hbipo.gov.cn"]
    assert all(f["sealed"] is False for f in manifest["files"])
    assert (folder / "邮件草稿.eml").is_file()
    assert "1 mail(s)" in window.result_label.text() and str(folder) in window.result_label.text()
    # The unsealed documents are named among the notices, as warnings.
    assert message("package.unsealed", {"document": "ZL201710601862.3 信息表"}, chinese) in (
        shown_findings(window))
    assert window.opened == [folder]  # type: ignore[attr-defined]
    assert window.open_folder_button.isVisible()
    qtbot.mouseClick(window.open_folder_button, LEFT)
    assert window.opened == [folder, folder]  # type: ignore[attr-defined]

    # Recorded; with no account chosen the mail stays a draft in the outbox.
    records = SubmissionRecords(database)
    [package] = records.packages()
    assert window.package_id == package.id and package.name == built.name
    assert [m.state for m in records.outbox(package.id)] == ["draft"]


def test_a_sealed_scan_goes_without_the_tick_and_an_account_queues_the_mails(
    qtbot: QtBot, store: Store, database: Database, tmp_path: Path, questions: Questions,
    chinese: str,
) -> None:
    patent_ids = finalised_offers(store, tmp_path / "pdf")
    records = SubmissionRecords(database)
    saved = records.save_account(AccountData(
        "科技处 163 邮箱", "smtp.163.com", 465, "ssl", "kjc@163.com", "武汉大学科技处",
        "kjc@163.com"))
    assert saved.saved
    # Only the first patent was selected in the register.
    window = make_window(qtbot, store, tmp_path, patent_ids=[patent_ids["201710601862.3"]])
    assert window._ticks(0) == [True, True, False, False]
    sheet, declaration = window.rows[0], window.rows[1]
    for document in (sheet, declaration):
        page = tmp_path / f"{document.document_id}.png"
        Image.new("RGB", (620, 877), "white").save(page)
        assert attach_sealed_copy(records, document.document_id, [page]).attached
    window.reload_documents()
    assert [row[2] for row in listed(window)][:2] == ["Sealed", "Sealed"]
    assert window._ticks(0) == [True, True, False, False]  # the ticks survive a reload
    assert window.account() is not None and window.account().id == saved.record_id  # type: ignore[union-attr]

    window.folder_edit.setText(str(tmp_path / "out"))
    build(qtbot, window)
    built = window.built
    assert built is not None and built.built, shown_findings(window)
    assert [f.sealed for f in built.files] == [True, True]
    assert "ready to send" in window.result_label.text()
    assert window.opened == []  # type: ignore[attr-defined]  # "open the folder?" said no
    [queued] = records.outbox(window.package_id)
    assert queued.state == "queued" and queued.sender == "kjc@163.com"


def test_an_edited_offer_shows_out_of_date_and_stops_the_package(
    qtbot: QtBot, store: Store, tmp_path: Path, questions: Questions, chinese: str,
) -> None:
    patent_ids = finalised_offers(store, tmp_path / "pdf")
    first = patent_ids["201710601862.3"]
    store.save_offer(first, OfferFields(**{**OFFER.__dict__, "single_term": "5年"}))
    window = make_window(qtbot, store, tmp_path)
    states = [row[1] for row in listed(window)]
    assert states[0].startswith("Out of date") and states[2] == "Current"
    assert window._ticks(0) == [False, False, True, True]
    window.set_included(window.rows[0].document_id, True)
    for document in window.rows:
        window.set_unsealed_confirmed(document.document_id, True)
    findings = window.check()
    # The sheet chosen without its declaration is named too (Hubei wants both).
    assert [f.code for f in findings] == ["package.document_not_current",
                                          "package.declaration_missing"]
    assert shown_findings(window)[0] == message(
        "package.document_not_current", {"document": "ZL201710601862.3 信息表"}, chinese)
    window.set_included(window.rows[1].document_id, True)
    assert [f.code for f in window.check()] == ["package.document_not_current"] * 2
    qtbot.mouseClick(window.build_button, LEFT)
    assert window.operation is None  # held back before anything runs


def test_the_summary_list_is_compared_with_the_sheets_chosen(
    qtbot: QtBot, store: Store, tmp_path: Path, questions: Questions, chinese: str,
) -> None:
    from app.export.summary_list_documents import write_summary_list_documents

    finalised_offers(store, tmp_path / "pdf")
    batch = store.create_batch("2024年第一批", offer_ids=[o.id for o in store.offers()])
    assert batch.batch is not None
    written = write_summary_list_documents(store, batch.batch.id, tmp_path / "pdf")
    assert written.files, written.findings

    window = make_window(qtbot, store, tmp_path)
    assert listed(window)[0] == ("汇总表 2024年第一批", "Current", "Not sealed")
    for document in window.rows:
        window.set_unsealed_confirmed(document.document_id, True)
    assert window.check() == []
    # The second patent left out: the list names a patent the package has no sheet for.
    window.set_included(window.rows[3].document_id, False)
    window.set_included(window.rows[4].document_id, False)
    assert [f.code for f in window.check()] == ["package.summary_extra_patent"]
    assert shown_findings(window) == [message(
        "package.summary_extra_patent", {"patent": "ZL201810123456.5"}, chinese)]

    # An edit to a listed offer makes the list out of date (and its sheets too).
    offer = store.offers()[0]
    store.save_offer(offer.patent_id, OfferFields(**{**OFFER.__dict__, "single_term": "5年"}))
    window.reload_documents()
    assert listed(window)[0][1] == "Out of date: the data changed since it was generated"
