"""The generation service: files and names, refusals collected per offer, drafts, recorded
hashes and state, "PDF out of date" after an edit, combined print file, progress and cancel."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from app.export.offer_documents import (
    COMBINED,
    DECLARATION,
    INFORMATION_SHEET,
    Freshness,
    data_hash,
    document_status,
    document_statuses,
    file_name,
    render_offer_documents,
)
from app.messages import describe
from app.models.offers import OfferContact, OfferFields
from app.models.patent_rules import PatentFields
from app.models.store import Store

CONTACT = OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                       "kjc@whu.edu.cn")
OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=dt.date(2035, 12, 31),
    fee={"option": "lump_sum", "days": 30, "amount_yuan": "12500.5"},
    contact=CONTACT,
    open_scope="全省",
    single_term="3年",
    declared_on=dt.date(2024, 9, 1),
)
# Valid invention numbers (check characters computed), filed so their terms end after 2035.
NUMBERS = {
    "201810123456.5": dt.date(2018, 3, 1),
    "201710601862.3": dt.date(2017, 7, 21),
    "202110567890.4": dt.date(2021, 5, 10),
}


def add_offer(store: Store, number: str, *, patentees: tuple[str, ...] = ("武汉大学", "张三"),
              finalise: bool = True, **changes: object) -> int:
    patent = PatentFields(number=number, title=f"一种测试方法{number[-5:]}", patentees=patentees,
                          filing_date=NUMBERS[number],
                          grant_date=NUMBERS[number] + dt.timedelta(days=700))
    patent_id = store.save_patent(patent).record_id
    assert patent_id is not None
    offer_id = store.save_offer(patent_id, replace(OFFER, **changes)).record_id  # type: ignore[arg-type]
    assert offer_id is not None
    if finalise:
        result = store.finalise_offer(offer_id)
        assert result.saved, result.findings
    return offer_id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The PDFs' folder (the database lives in tmp_path itself)."""
    return tmp_path / "out"


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def test_file_names() -> None:
    assert file_name("201710601862.3", INFORMATION_SHEET) == "ZL201710601862.3 信息表.pdf"
    assert file_name("201710601862.3", DECLARATION) == "ZL201710601862.3 声明.pdf"
    assert (file_name("201710601862.3", DECLARATION, draft=True)
            == "ZL201710601862.3 声明（草稿）.pdf")
    assert file_name("", COMBINED) == "信息表和声明.pdf"
    assert file_name("12/34:5", INFORMATION_SHEET) == "12_34_5 信息表.pdf"


def test_finalised_offers_are_written_recorded_and_move_to_generated(
    store: Store, out: Path
) -> None:
    offer_id = add_offer(store, "201710601862.3")
    progress: list[tuple[int, int]] = []
    result = render_offer_documents(store, [offer_id], out, progress=lambda d, t:
                                    progress.append((d, t)))
    assert result.ok and not result.failures
    names = sorted(p.name for p in out.iterdir())
    assert names == ["ZL201710601862.3 信息表.pdf", "ZL201710601862.3 声明.pdf"]
    assert progress[-1] == (2, 2) and [d for d, _ in progress] == sorted(d for d, _ in progress)

    offer = store.offer(offer_id)
    assert offer is not None and offer.state == "generated"
    rows = store.generated_documents([offer_id])
    assert sorted(r.kind for r in rows) == [DECLARATION, INFORMATION_SHEET]
    expected_hash = data_hash(OfferFields.of(offer), PatentFields.of(offer.patent))
    for row in rows:
        path = Path(row.path)
        assert path.is_absolute() and path.is_file()
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row.size == path.stat().st_size
        assert row.data_hash == expected_hash and len(row.data_hash) == 64
        assert row.subject == "ZL201710601862.3" and row.offer_id == offer_id
        assert not row.draft and row.generated_at is not None
    sheet = text_of(out / "ZL201710601862.3 信息表.pdf")
    assert "☑采用一次总付的方式，在合同生效后30日内一次性全额支付所有使用费12500.5元。" in sheet
    assert "草稿" not in sheet
    assert document_status(store, offer_id).current


def test_same_data_renders_byte_identical_files(store: Store, out: Path) -> None:
    offer_id = add_offer(store, "201710601862.3")
    first = render_offer_documents(store, [offer_id], out / "a")
    second = render_offer_documents(store, [offer_id], out / "b")
    assert [w.path.read_bytes() for w in first.written] == [
        w.path.read_bytes() for w in second.written]
    assert [w.sha256 for w in first.written] == [w.sha256 for w in second.written]


def test_an_unfinalised_offer_is_refused_with_its_findings_and_the_rest_written(
    store: Store, out: Path
) -> None:
    good = add_offer(store, "201710601862.3")
    draft = add_offer(store, "201810123456.5", finalise=False, contact=OfferContact())
    result = render_offer_documents(store, None, out)
    [failure] = result.failures
    assert failure.offer_id == draft and failure.number == "ZL201810123456.5"
    codes = [f.code for f in failure.findings]
    assert codes[0] == "offer.not_finalised" and "offer.required" in codes
    assert "ZL201810123456.5" in describe(failure.findings[0])
    assert not any("201810123456" in p.name for p in out.iterdir())
    assert {w.offer_ids for w in result.written} == {(good,)}
    assert store.offer(draft).state == "draft"  # type: ignore[union-attr]


def test_a_draft_render_takes_any_offer_watermarked_and_records_nothing(
    store: Store, out: Path
) -> None:
    offer_id = add_offer(store, "201810123456.5", finalise=False, contact=OfferContact())
    result = render_offer_documents(store, [offer_id], out, draft=True)
    assert result.ok
    names = sorted(p.name for p in out.iterdir())
    assert names == ["ZL201810123456.5 信息表（草稿）.pdf", "ZL201810123456.5 声明（草稿）.pdf"]
    for name in names:
        reader = pypdf.PdfReader(out / name)
        assert all("草稿" in page.extract_text() for page in reader.pages)
    assert store.generated_documents([offer_id]) == []
    assert store.offer(offer_id).state == "draft"  # type: ignore[union-attr]
    assert document_status(store, offer_id).freshness is Freshness.NONE


def test_a_missing_glyph_stops_that_offer_before_writing(store: Store, out: Path) -> None:
    good = add_offer(store, "201710601862.3")
    bad = add_offer(store, "201810123456.5", patentees=("武汉大学", "张\ue000"))
    result = render_offer_documents(store, None, out)
    [failure] = result.failures
    assert failure.offer_id == bad
    [finding] = failure.findings
    assert finding.code == "pdf.missing_glyph" and finding.field == "patent.patentees"
    assert dict(finding.params) == {"char": "\ue000", "codepoint": "U+E000",
                                    "record": "ZL201810123456.5", "field": "patent.patentees"}
    assert "U+E000" in describe(finding) and "ZL201810123456.5" in describe(finding)
    assert sorted(p.name for p in out.iterdir()) == [
        "ZL201710601862.3 信息表.pdf", "ZL201710601862.3 声明.pdf"]
    assert store.offer(bad).state == "finalised"  # type: ignore[union-attr]
    assert store.offer(good).state == "generated"  # type: ignore[union-attr]
    # Even a draft render refuses it: the box would print.
    assert render_offer_documents(store, [bad], out / "d", draft=True).failures


def test_an_edit_makes_the_pdfs_out_of_date(store: Store, out: Path) -> None:
    offer_id = add_offer(store, "201710601862.3")
    render_offer_documents(store, [offer_id], out)
    assert document_status(store, offer_id).freshness is Freshness.CURRENT
    offer = store.offer(offer_id)
    assert offer is not None
    store.save_offer(offer.patent_id, replace(OFFER, other_terms="需技术培训"))
    status = document_status(store, offer_id)
    assert status.freshness is Freshness.DATA_CHANGED and status.out_of_date
    assert status.finding() is not None and "PDF" in describe(status.finding())  # type: ignore[arg-type]
    # Undoing the edit makes them current again: the hash is of the data, not of the time.
    store.save_offer(offer.patent_id, OFFER)
    assert document_status(store, offer_id).current


def test_files_changed_or_removed_on_disk_are_out_of_date(store: Store, out: Path) -> None:
    offer_id = add_offer(store, "201710601862.3")
    result = render_offer_documents(store, [offer_id], out)
    sheet, declaration = (w.path for w in result.written)
    sheet.write_bytes(sheet.read_bytes() + b"\n% edited")
    assert document_status(store, offer_id).freshness is Freshness.FILE_CHANGED
    assert document_status(store, offer_id, check_files=False).current
    declaration.unlink()
    assert document_status(store, offer_id).freshness is Freshness.FILE_MISSING
    # Rendering again makes the newest generation current; older rows no longer count.
    render_offer_documents(store, [offer_id], out)
    assert document_status(store, offer_id).current
    assert document_statuses(store)[offer_id].current


def test_combined_print_file_in_register_order(store: Store, out: Path) -> None:
    ids = [add_offer(store, number) for number in NUMBERS]  # added out of order
    progress: list[tuple[int, int]] = []
    result = render_offer_documents(store, list(reversed(ids)), out, combined=True,
                                    progress=lambda d, t: progress.append((d, t)))
    assert result.ok
    [written] = result.written
    assert written.path.name == "信息表和声明.pdf" and written.kind == COMBINED
    text = text_of(written.path)
    order = [text.index(f"（专利号：ZL{n}）") for n in sorted(NUMBERS)]
    assert order == sorted(order)  # register order: by number
    # Each title once per document, besides the running heads of continuation pages.
    assert len(re.findall("专利开放许可（试点）信息表(?!（续）)", text)) == 3
    assert len(re.findall("同意开放许可（试点）的声明(?!（续）)", text)) == 3
    assert progress[-1] == (6, 6) and len(progress) == 7
    rows = store.generated_documents()
    assert sorted(r.offer_id for r in rows) == sorted(ids)
    assert {(r.kind, r.path, r.sha256) for r in rows} == {
        (COMBINED, str(written.path.resolve()), written.sha256)}
    assert all(store.offer(i).state == "generated" for i in ids)  # type: ignore[union-attr]
    assert all(s.current for s in document_statuses(store).values())
    # Every document starts on a page of its own.
    reader = pypdf.PdfReader(written.path)
    texts = [p.extract_text() for p in reader.pages]
    firsts = [re.sub(r"^\s*附件 \d\s*", "", t)[:6] for t in texts]  # past the notice's mark
    assert firsts.count("专利开放许可") == 3 and firsts.count("同意开放许可") == 3
    # … and numbered on its own: a sheet's pages, then its declaration's page.
    footers = [re.search(r"第 (\d+) 页 共 (\d+) 页", t).groups() for t in texts]  # type: ignore[union-attr]
    assert footers == [("1", "2"), ("2", "2"), ("1", "1")] * 3


def test_cancel_between_documents(store: Store, out: Path) -> None:
    ids = [add_offer(store, number) for number in NUMBERS]
    seen: list[int] = []
    result = render_offer_documents(store, ids, out / "separate",
                                    progress=lambda d, t: seen.append(d),
                                    cancelled=lambda: len(seen) >= 3)
    assert result.cancelled and not result.ok
    # The first offer's pair is complete; the second was cancelled between its documents.
    assert len(result.written) == 2
    assert len(list((out / "separate").iterdir())) == 2
    states = sorted(store.offer(i).state for i in ids)  # type: ignore[union-attr]
    assert states == ["finalised", "finalised", "generated"]

    seen.clear()
    combined = render_offer_documents(store, ids, out / "combined", combined=True,
                                      progress=lambda d, t: seen.append(d),
                                      cancelled=lambda: len(seen) >= 3)
    assert combined.cancelled and combined.written == []
    assert list((out / "combined").iterdir()) == []


def test_unknown_offers_and_unwritable_files_are_collected(store: Store, out: Path) -> None:
    good = add_offer(store, "201710601862.3")
    other = add_offer(store, "201810123456.5")
    (out / "ZL201810123456.5 信息表.pdf").mkdir(parents=True)  # a folder in the file's place
    result = render_offer_documents(store, [good, other, 999], out)
    by_offer = {f.offer_id: [x.code for x in f.findings] for f in result.failures}
    assert by_offer == {999: ["offer.missing"], other: ["pdf.write_failed"]}
    assert [w.offer_ids for w in result.written] == [(good,), (good,)]
    assert store.offer(other).state == "finalised"  # type: ignore[union-attr]

    blocked = out / "a-file"
    blocked.write_text("x")
    result = render_offer_documents(store, [good], blocked / "out")
    [failure] = result.failures
    assert failure.offer_id is None and failure.findings[0].code == "pdf.write_failed"


def test_an_offer_with_errors_now_is_not_printed(store: Store, out: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    offer_id = add_offer(store, "201710601862.3")
    later = dt.date(2036, 1, 1)  # the licence expiry (2035-12-31) has passed
    result = render_offer_documents(store, [offer_id], out, today=later)
    [failure] = result.failures
    assert [f.code for f in failure.findings][:2] == [
        "pdf.offer_has_errors", "offer.licence_expiry_not_future"]
    assert list(out.iterdir()) == []
