"""Package and send, headless: what a target's package takes, the check, the build."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from app.export.offer_documents import Freshness
from app.models.offers import OfferFields
from app.models.store import Store
from app.submit.accounts import AccountData
from app.submit.records import SubmissionRecords
from app.usecases.offers import finalise_offers, offers_for_patents, write_offer_documents
from app.usecases.submission import (
    build_and_record_package,
    check_package,
    choose_documents,
    find_account,
    find_package,
    find_target,
    package_documents,
    ticked_contents,
)
from app.usecases.summary_book import book_data, book_files, write_book_files
from app.usecases.summary_list import gather_batch, write_summary_list
from tests.test_cli_book import GOOD, OTHER, PERIOD

from .conftest import add_book

DAY = dt.date(2024, 9, 10)


@pytest.fixture
def rendered(store: Store, tmp_path: Path) -> Store:
    """GOOD and OTHER finalised, their PDFs and the summary list of both written."""
    offers = offers_for_patents(store, [GOOD, OTHER]).offers
    assert finalise_offers(store, offers).finalised == 2
    assert not write_offer_documents(store, [o.id for o in offers], tmp_path / "pdf").failures
    batch = gather_batch(store, [GOOD, OTHER], "第一批")
    assert batch.batch_id is not None
    assert write_summary_list(store, batch.batch_id, tmp_path / "list").files
    return store


def target(store: Store, key: str) -> object:
    found = find_target(SubmissionRecords(store.database), key)
    assert found is not None
    return found


def names(contents: object) -> list[str]:
    return [item.name for item in contents.items]  # type: ignore[attr-defined]


def test_the_hubei_package_takes_the_list_and_each_patents_sheet_and_declaration(
    rendered: Store,
) -> None:
    hubei = target(rendered, "湖北")
    rows = package_documents(rendered, hubei)
    assert [(r.kind, r.subject) for r in rows] == [
        ("summary_list", "第一批"),
        ("information_sheet", f"ZL{GOOD}"), ("declaration", f"ZL{GOOD}"),
        ("information_sheet", f"ZL{OTHER}"), ("declaration", f"ZL{OTHER}")]
    assert all(r.current and not r.sealed for r in rows)

    contents = choose_documents(rendered, hubei, send_unsealed=True)
    assert names(contents) == ["汇总表", f"ZL{GOOD} 信息表", f"ZL{GOOD} 声明",
                               f"ZL{OTHER} 信息表", f"ZL{OTHER} 声明"]
    assert not contents.refused and check_package(rendered, hubei, contents) == []
    # The window's ticks give the same package when every row is ticked.
    ticked = ticked_contents(rendered, [(r, True) for r in rows])
    assert [i.name for i in ticked.items] == names(contents)
    assert ticked.summary_rows == contents.summary_rows
    assert check_package(rendered, hubei, ticked) == []


def test_an_edit_after_rendering_makes_the_documents_out_of_date(rendered: Store) -> None:
    [offer] = [o for o in rendered.offers() if o.patent.number == OTHER]
    assert rendered.save_offer(offer.patent_id,
                               replace(OfferFields.of(offer), single_term="5年")).saved
    hubei = target(rendered, "hubei")
    stale = {(r.kind, r.subject) for r in package_documents(rendered, hubei) if not r.current}
    assert stale == {("summary_list", "第一批"), ("information_sheet", f"ZL{OTHER}"),
                     ("declaration", f"ZL{OTHER}")}
    findings = check_package(rendered, hubei, choose_documents(rendered, hubei,
                                                               send_unsealed=True))
    assert {f.params["document"] for f in findings
            if f.code == "package.document_not_current"} == {
        "汇总表", f"ZL{OTHER} 信息表", f"ZL{OTHER} 声明"}


def test_named_patents_missing_sheets_and_unknown_numbers_refuse_the_package(
    rendered: Store,
) -> None:
    hubei = target(rendered, "hubei")
    only_good = choose_documents(rendered, hubei, [GOOD], send_unsealed=True)
    assert not only_good.refused  # the check finds the list naming OTHER too
    assert [(f.code, f.params["patent"]) for f in check_package(rendered, hubei, only_good)
            if f.code.startswith("package.summary")] == [
        ("package.summary_extra_patent", f"ZL{OTHER}")]

    contents = choose_documents(rendered, hubei, ["201810123456.5", "202110567890.4"],
                                send_unsealed=True)
    assert contents.refused
    assert [(f.code, f.params["number"]) for f in contents.unmatched] == [
        ("cli.patent_not_found", "202110567890.4")]
    assert [(f.code, f.params["number"]) for f in contents.findings] == [
        ("cli.package_not_rendered", "ZL201810123456.5")]


def test_without_a_summary_list_the_hubei_package_is_refused(store: Store) -> None:
    contents = choose_documents(store, target(store, "hubei"))
    assert [f.code for f in contents.findings] == ["cli.package_no_summary_list"]
    assert contents.refused


def test_a_book_is_out_of_date_once_its_records_change(store: Store, tmp_path: Path) -> None:
    add_book(store, tmp_path)
    data = book_data(store, PERIOD)
    assert data is not None
    written = write_book_files(store, data, tmp_path / "book", book_files("pdf", period_end=PERIOD))
    assert written.recorded and not written.findings
    henan = target(store, "henan")
    [book] = [r for r in package_documents(store, henan) if r.kind == "summary_book"]
    assert book.current
    contents = choose_documents(store, henan, send_unsealed=True)
    assert names(contents) == ["总结书"]
    # Documents not generated yet (the operations-centre table, the contacts sheet): said,
    # not an error.
    assert sorted((f.code, f.params["kind"], f.is_error) for f in contents.findings) == [
        ("cli.package_kind_missing", "contact_sheet_henan", False),
        ("cli.package_kind_missing", "ops_centre_table", False)]

    [deal] = store.deals()
    assert store.save_deal(replace(deal.fields, licensee="另一家公司"), deal.id).saved
    [book] = [r for r in package_documents(store, henan) if r.kind == "summary_book"]
    assert book.freshness is Freshness.DATA_CHANGED and not book.current


def test_build_records_the_package_reports_progress_and_finds_it_again(
    rendered: Store, tmp_path: Path
) -> None:
    hubei = target(rendered, "hubei")
    contents = choose_documents(rendered, hubei, send_unsealed=True)
    steps: list[tuple[int, int, str]] = []
    outcome = build_and_record_package(
        rendered, hubei, contents, tmp_path / "packages", day=DAY,
        progress=lambda done, total, text: steps.append((done, total, text)),
        cancelled=lambda: False, progress_text="copying")
    assert outcome.built.built and outcome.package_id is not None
    assert outcome.built.folder is not None
    assert outcome.built.folder.name == "武汉大学-湖北-20240910"
    assert steps and steps[-1][0] == steps[-1][1] and {t for *_, t in steps} == {"copying"}
    records = SubmissionRecords(rendered.database)
    found = find_package(records, outcome.built.folder)
    assert found is not None and found.id == outcome.package_id
    assert find_package(records, tmp_path) is None


def test_a_cancelled_build_writes_nothing(rendered: Store, tmp_path: Path) -> None:
    hubei = target(rendered, "hubei")
    contents = choose_documents(rendered, hubei, send_unsealed=True)
    outcome = build_and_record_package(rendered, hubei, contents, tmp_path / "p", day=DAY,
                                       cancelled=lambda: True)
    assert not outcome.built.built and outcome.package_id is None
    assert not any((tmp_path / "p").glob("*-湖北-*"))


def test_targets_and_accounts_are_found_by_what_a_clerk_types(store: Store) -> None:
    records = SubmissionRecords(store.database)
    assert find_target(records, " HuBei ") is not None
    assert find_target(records, "上海") is None
    saved = records.save_account(AccountData(name="科技处", host="smtp.example.com",
                                             user="kjc@example.com", sender_name="科技处",
                                             sender_address="kjc@example.com"))
    assert saved.record_id is not None
    for typed in ("科技处", "KJC@example.com"):
        account = find_account(records, typed)
        assert account is not None and account.id == saved.record_id
    assert find_account(records, "nobody") is None


def test_a_combined_print_file_written_later_leaves_the_sheets_in_the_package(
    rendered: Store, tmp_path: Path,
) -> None:
    """issue 17 §10: `render offers --combined` after the separate files must not make the
    package say the sheets were never generated: any current generation satisfies it."""
    offers = offers_for_patents(rendered, [GOOD, OTHER]).offers
    combined = write_offer_documents(rendered, [o.id for o in offers], tmp_path / "print",
                                     combined=True)
    assert not combined.failures and combined.written
    hubei = target(rendered, "湖北")
    rows = package_documents(rendered, hubei)
    assert [(r.kind, r.subject) for r in rows] == [
        ("summary_list", "第一批"),
        ("information_sheet", f"ZL{GOOD}"), ("declaration", f"ZL{GOOD}"),
        ("information_sheet", f"ZL{OTHER}"), ("declaration", f"ZL{OTHER}")]
    assert all(r.current for r in rows)
    contents = choose_documents(rendered, hubei, send_unsealed=True)
    assert not contents.refused, contents.findings
    assert check_package(rendered, hubei, contents) == []
