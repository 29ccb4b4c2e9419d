"""The summary book and deal tables of a period, headless: file names, writing, recording."""

from __future__ import annotations

from pathlib import Path

from app.models.store import Store
from app.usecases.summary_book import (
    BOOK_PDF,
    XINYANG_FILES,
    BookFile,
    book_data,
    book_files,
    write_book_files,
)
from tests.test_cli_book import PERIOD

from .conftest import add_book


def recorded(store: Store) -> list[tuple[str, str]]:
    return sorted((d.kind, Path(d.path).name) for d in store.generated_documents()
                  if d.offer_id is None)


def test_the_file_names_the_command_line_and_the_window_write() -> None:
    # One rule (issue 17 §9): the names carry the period (and the county), so several books
    # share a folder, whichever front end writes them.
    assert book_files("pdf", period_end="2023-11") == [
        BookFile("summary_book", "总结书_2023-11.pdf")]
    assert book_files("excel", period_end="2023-11") == [
        BookFile("", "统计表和达成项目清单_2023-11.xlsx")]
    assert book_files("xinyang", period_end="2023-11", county="浉河区") == [
        BookFile("statistics_table", "浉河区_专利开放许可试点情况统计表_2023-11.xlsx"),
        BookFile("deal_list", "浉河区_专利开放许可试点达成项目清单_2023-11.xlsx")]
    # A county typed with characters Windows refuses in a file name still gives a file name.
    assert [f.name for f in book_files("xinyang", period_end="2023-11", county="浉河/区")] == [
        "浉河_区_专利开放许可试点情况统计表_2023-11.xlsx",
        "浉河_区_专利开放许可试点达成项目清单_2023-11.xlsx"]
    assert BOOK_PDF == "总结书.pdf" and set(XINYANG_FILES) == {"statistics_table", "deal_list"}


def test_a_clean_book_is_written_and_its_sendable_files_recorded(
    store: Store, tmp_path: Path
) -> None:
    add_book(store, tmp_path)
    data = book_data(store, PERIOD)
    assert data is not None and not data.errors
    steps: list[tuple[int, ...]] = []
    files = [*book_files("pdf", period_end=PERIOD), *book_files("excel", period_end=PERIOD),
             *book_files("xinyang", period_end=PERIOD, county="浉河区")]
    result = write_book_files(store, data, tmp_path / "out" / "new", files, county="浉河区",
                              progress=lambda *step: steps.append(step[:2]))
    assert not result.findings and not result.draft and result.recorded
    assert [f.path.name for f in result.written] == [f.name for f in files]
    assert all(f.path.is_file() and f.size == f.path.stat().st_size for f in result.written)
    assert steps == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert recorded(store) == [
        ("deal_list", f"浉河区_专利开放许可试点达成项目清单_{PERIOD}.xlsx"),
        ("statistics_table", f"浉河区_专利开放许可试点情况统计表_{PERIOD}.xlsx"),
        ("summary_book", f"总结书_{PERIOD}.pdf")]


def test_a_book_with_errors_is_a_draft_and_nothing_is_recorded(
    store: Store, tmp_path: Path
) -> None:
    add_book(store, tmp_path, contract=False)  # a deal without its contract: an error
    data = book_data(store, PERIOD)
    assert data is not None and data.errors
    result = write_book_files(store, data, tmp_path / "out", book_files("pdf", period_end=PERIOD))
    assert result.draft and not result.recorded and not result.findings
    assert (tmp_path / "out" / f"总结书_{PERIOD}.pdf").is_file()
    assert recorded(store) == []


def test_a_folder_that_cannot_be_written_is_a_finding_not_an_exception(
    store: Store, tmp_path: Path
) -> None:
    add_book(store, tmp_path)
    data = book_data(store, PERIOD)
    assert data is not None
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    result = write_book_files(store, data, blocked / "sub", book_files("excel", period_end=PERIOD))
    assert result.unwritable and [f.code for f in result.findings] == ["export.write_failed"]
    assert result.written == [] and recorded(store) == []


def test_cancelled_before_the_first_file_writes_nothing(store: Store, tmp_path: Path) -> None:
    add_book(store, tmp_path)
    data = book_data(store, PERIOD)
    assert data is not None
    result = write_book_files(store, data, tmp_path / "out", book_files("pdf", period_end=PERIOD),
                              cancelled=lambda: True)
    assert result.written == [] and not result.recorded
    assert not (tmp_path / "out" / f"总结书_{PERIOD}.pdf").exists()


def test_a_period_that_is_not_a_month_has_no_book(store: Store) -> None:
    assert book_data(store, "2023-13") is None
