"""A batch's summary list files: both written and recorded with their hashes, offers left out
reported, a missing glyph or an unwritable file as findings, "out of date" after an edit."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pypdf
import pytest
from sqlalchemy import update

from app import messages
from app.export.summary_list_documents import (
    KINDS,
    PDF_KIND,
    XLSX_KIND,
    Freshness,
    file_names,
    summary_list_status,
    write_summary_list_documents,
)
from app.models.database import Database
from app.models.entities import GeneratedDocument, Patent
from app.models.store import ContactData, OrganisationData, Store
from app.submit.presets import DocumentKind
from app.submit.records import SubmissionRecords
from tests.models.test_batches import OFFER, add_offer, number

ORG = OrganisationData(name="武汉大学", phone="027-68752222",
                       contacts=(ContactData(name="王老师", office_phone="027-68754321"),))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "".join((p.extract_text() or "") for p in reader.pages).replace("\n", "")


@pytest.fixture
def batch(store: Store) -> int:
    store.save_organisation(ORG)
    offers = [add_offer(store, i, patentees=("武汉大学", f"张{i}")) for i in (1, 2, 3)]
    created = store.create_batch("2026 年第一批", offer_ids=offers).batch
    assert created is not None
    return created.id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "输出"


def test_both_files_are_written_and_recorded_with_their_hashes(
    store: Store, batch: int, out: Path
) -> None:
    result = write_summary_list_documents(store, batch, out)
    assert result.ok and result.findings == []
    assert result.summary is not None and len(result.summary.rows) == 3
    pdf, xlsx = out / "汇总表.pdf", out / "汇总表.xlsx"
    assert {f.path for f in result.files} == {pdf, xlsx}
    assert result.pdf is not None and result.workbook is not None
    assert result.pdf.sha256 == sha256(pdf) and result.pdf.size == pdf.stat().st_size
    assert result.workbook.sha256 == sha256(xlsx)

    recorded = {d.kind: d for d in store.documents_about("2026 年第一批", KINDS)}
    assert set(recorded) == {"summary_list", "summary_list_xlsx"}
    for kind, path in ((PDF_KIND, pdf), (XLSX_KIND, xlsx)):
        document = recorded[kind]
        assert document.path == str(path.resolve())
        assert document.sha256 == sha256(path) and document.size == path.stat().st_size
        assert document.data_hash == result.summary.data_hash()
        assert document.offer_id is None and not document.draft
        assert document.id == result.file(kind).document_id  # type: ignore[union-attr]
    assert recorded[PDF_KIND].generated_at == recorded[XLSX_KIND].generated_at

    text = pdf_text(pdf)
    assert "单位名称（盖章）：武汉大学" in text and "联系人:王老师" in text
    sheet = openpyxl.load_workbook(xlsx).active
    numbers = [sheet.cell(r, 2).value for r in range(4, 7)]
    assert numbers == ["ZL" + number(i) for i in (1, 2, 3)]
    assert all(n in text for n in numbers)
    meta = pypdf.PdfReader(pdf).metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date.replace(tzinfo=None) == result.summary.dated


def test_the_pdf_is_what_a_submission_package_takes(
    store: Store, database: Database, batch: int, out: Path
) -> None:
    assert PDF_KIND == DocumentKind.SUMMARY_LIST
    result = write_summary_list_documents(store, batch, out)
    assert result.pdf is not None and result.pdf.document_id is not None
    item = SubmissionRecords(database).package_item(result.pdf.document_id)
    assert item is not None and item.kind == DocumentKind.SUMMARY_LIST
    assert item.source == (out / "汇总表.pdf").resolve() and item.sha256 == result.pdf.sha256


def test_same_data_gives_the_same_bytes(store: Store, batch: int, tmp_path: Path) -> None:
    first = write_summary_list_documents(store, batch, tmp_path / "a")
    second = write_summary_list_documents(store, batch, tmp_path / "b")
    assert [(f.kind, f.sha256) for f in first.files] == [(f.kind, f.sha256) for f in second.files]


def test_offers_left_out_are_reported(store: Store, batch: int, out: Path) -> None:
    left_out = store.batch_offers(batch)[1]
    store.save_offer(left_out.patent_id, replace(OFFER, single_term="5年"))  # back to draft
    result = write_summary_list_documents(store, batch, out)
    assert [f.code for f in result.findings] == ["batch.offer_not_finalised"]
    assert result.findings[0].params["number"] == "ZL" + number(2)
    assert len(result.files) == 2  # a warning: the others are still printed
    text = pdf_text(out / "汇总表.pdf")
    assert "ZL" + number(1) in text and "ZL" + number(2) not in text


def test_a_missing_glyph_stops_before_anything_is_written(
    store: Store, database: Database, batch: int, out: Path
) -> None:
    with database.session() as session, session.begin():
        session.execute(update(Patent).where(Patent.number == number(3))
                        .values(title="一种\ue000识别方法"))
    result = write_summary_list_documents(store, batch, out)
    assert result.files == [] and not out.exists()
    assert store.documents_about("2026 年第一批", KINDS) == []
    [finding] = result.findings
    assert finding.code == "summary_list.missing_glyph" and finding.is_error
    assert finding.field == "title"
    assert finding.params == {"char": "\ue000", "codepoint": "U+E000",
                              "record": "ZL" + number(3), "column": "专利名称"}
    text = messages.describe(finding)
    assert "ZL" + number(3) in text and "专利名称" in text and "U+E000" in text


def test_a_missing_glyph_in_the_header_line_names_it(
    store: Store, batch: int, out: Path
) -> None:
    store.save_organisation(replace(ORG, name="武汉\ue001大学"))
    result = write_summary_list_documents(store, batch, out)
    assert [(f.code, f.params["record"], f.params["column"]) for f in result.findings] == [
        ("summary_list.missing_glyph", "汇总表表头", "单位名称")]
    assert not out.exists()


def test_a_file_that_cannot_be_written_is_a_finding_and_the_other_still_written(
    store: Store, batch: int, out: Path
) -> None:
    # As good as a PDF held open by a reader on Windows: the target cannot be replaced.
    (out / "汇总表.pdf").mkdir(parents=True)
    (out / "汇总表.pdf" / "x").write_text("x")
    result = write_summary_list_documents(store, batch, out)
    assert not result.ok
    [finding] = result.findings
    assert finding.code == "summary_list.write_failed" and finding.is_error
    assert finding.params["path"] == str(out / "汇总表.pdf")
    assert "关闭后重试" in messages.describe(finding)
    assert "close it" in messages.describe(finding, messages.EN)
    assert [f.kind for f in result.files] == [XLSX_KIND]
    assert [d.kind for d in store.documents_about("2026 年第一批", KINDS)] == [XLSX_KIND]
    assert sorted(p.name for p in out.iterdir()) == ["汇总表.pdf", "汇总表.xlsx"]  # no temp files


def test_an_unwritable_folder_is_a_finding(store: Store, batch: int, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = write_summary_list_documents(store, batch, blocker / "sub")
    assert [f.code for f in result.findings] == ["summary_list.write_failed"]
    assert result.files == []


def test_a_missing_batch(store: Store, out: Path) -> None:
    result = write_summary_list_documents(store, 999, out)
    assert result.summary is None and [f.code for f in result.findings] == ["batch.missing"]
    assert not out.exists()
    assert summary_list_status(store, 999).freshness is Freshness.NONE


def test_status_follows_the_data_and_the_files(store: Store, batch: int, out: Path) -> None:
    assert summary_list_status(store, batch).freshness is Freshness.NONE
    result = write_summary_list_documents(store, batch, out)
    status = summary_list_status(store, batch)
    assert status.current and status.finding() is None
    assert status.document(PDF_KIND) is not None
    assert status.document(PDF_KIND).id == result.pdf.document_id  # type: ignore[union-attr]

    (out / "汇总表.xlsx").write_bytes(b"changed")
    assert summary_list_status(store, batch).freshness is Freshness.FILE_CHANGED
    assert summary_list_status(store, batch, check_files=False).current
    (out / "汇总表.xlsx").unlink()
    assert summary_list_status(store, batch).freshness is Freshness.FILE_MISSING

    write_summary_list_documents(store, batch, out)  # a new generation
    assert summary_list_status(store, batch).current
    store.save_organisation(replace(ORG, name="武汉大学（技术转移中心）"))
    status = summary_list_status(store, batch)
    assert status.freshness is Freshness.DATA_CHANGED and status.out_of_date
    finding = status.finding()
    assert finding is not None and "过期" in messages.describe(finding)


def test_file_names_and_codes_have_both_languages() -> None:
    assert file_names() == {PDF_KIND: "汇总表.pdf", XLSX_KIND: "汇总表.xlsx"}
    for code in ("summary_list.missing_glyph", "summary_list.write_failed",
                 "summary_list.render_failed"):
        english, chinese = messages.MESSAGES[code]
        assert english.strip() and any("\u4e00" <= ch <= "\u9fff" for ch in chinese), code


def test_recorded_documents_are_generated_documents(store: Store, batch: int,
                                                    out: Path) -> None:
    write_summary_list_documents(store, batch, out)
    rows = store.documents_about("2026 年第一批", [PDF_KIND])
    assert [type(r) for r in rows] == [GeneratedDocument]
    assert store.documents_about("另一批", KINDS) == []
