"""The inventory on the command line (render inventory, due, validate) and in JSON version 4."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from app.interchange import CURRENT_VERSION, export_file, import_file, read_document
from app.models.database import open_database
from app.models.inventory import FeedbackFields
from app.models.store import Store
from app.usecases import inventory as inv
from tests.inventory.support import add_deal, fill


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def screened_db(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    try:
        store = Store(database)
        patents = fill(store, 30)
        add_deal(store, patents[1].number)
        ids = [r.patent_id for r in inv.inventory_rows(store)
               if r.in_force and not r.deal_serials]
        inv.set_field(store, ids[:6], "verdict", "是")
        inv.set_field(store, ids[:6], "strategic_category", "2.1")
        inv.set_field(store, ids[:6], "maturity", 7)
        inv.set_field(store, ids[:6], "prospect", "好")
        inv.set_field(store, ids[:6], "intentions", "许可")
        inv.set_field(store, ids[:6], "evaluator", "王五")
        inv.set_field(store, ids[:6], "evaluated_on", "2024-01-10")
        inv.add_feedback(store, ids[0], FeedbackFields("合肥乙公司", dt.date(2024, 2, 1), "good",
                                                       "提高耐温性能", "yes"))
    finally:
        database.close()
    return path


def test_render_inventory_writes_the_four_files(
        screened_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "盘点"
    code, stdout, _ = run(capsys, "--db", str(screened_db), "render", "inventory",
                          "--out", str(out))
    assert code == 0, stdout
    assert sorted(p.name for p in out.iterdir()) == sorted([
        "高校和科研机构转化专利统计表.xlsx", "高校和科研机构转化专利统计表.pdf",
        "高校和科研机构存量可转化专利分类统计表.xlsx",
        "高校和科研机构存量可转化专利分类统计表.pdf"])
    assert "已在" in stdout


def test_render_inventory_with_errors_exits_1_and_says_draft(
        screened_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(screened_db)
    try:
        store = Store(database)
        first = next(r for r in inv.inventory_rows(store) if r.screening.verdict == "yes")
        inv.set_field(store, [first.patent_id], "abandon", True)
    finally:
        database.close()
    code, stdout, _ = run(capsys, "--db", str(screened_db), "--lang", "en", "render",
                          "inventory", "--out", str(tmp_path / "o"))
    assert code == 1
    assert "cannot also be screened as convertible" in stdout and "草稿" in stdout


def test_validate_lists_screening_findings(
        screened_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(screened_db)
    try:
        store = Store(database)
        inv.set_field(store, [inv.inventory_rows(store)[3].patent_id], "maturity", 4)
        inv.set_field(store, [inv.inventory_rows(store)[9].patent_id], "verdict", "yes")
    finally:
        database.close()
    code, stdout, _ = run(capsys, "--db", str(screened_db), "validate", "--json")
    rows = [r for r in json.loads(stdout) if r["entity"] == "screening"]
    codes = {r["code"] for r in rows}
    assert "inventory.field_missing" in codes and "inventory.evaluator_missing" in codes
    assert all(r["message"] and not r["message"].startswith("inventory.") for r in rows)


def test_due_lists_fees_and_expiries(screened_db: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "--db", str(screened_db), "due", "--days", "400", "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["days"] == 400 and data["fees"]
    assert all(0 <= f["days_left"] <= 400 for f in data["fees"])
    code, text, _ = run(capsys, "--db", str(screened_db), "due", "--days", "90")
    assert code == 0 and "天内到期年费" in text
    code, _, err = run(capsys, "--db", str(screened_db), "due", "--days", "-1")
    assert code == 2 and "--days" in err


def test_json_version_4_carries_the_screening_and_feedback(
        screened_db: Path, tmp_path: Path) -> None:
    assert CURRENT_VERSION == 5
    exported = tmp_path / "backup.json"
    database = open_database(screened_db)
    try:
        store = Store(database)
        export_file(store, exported)
        before = inv.screenings(store)
    finally:
        database.close()
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["version"] == 5 and len(doc["screenings"]) == 6
    first = doc["screenings"][0]
    assert first["feedback"][0]["enterprise"] == "合肥乙公司"
    target = Store(open_database(tmp_path / "other.sqlite3"))
    for _ in range(2):  # twice: nothing doubles
        result = import_file(target, exported)
        assert not result.problems
    after = inv.screenings(target)
    numbers = {r.patent_id: r.number for r in inv.inventory_rows(target)}
    assert sorted(after.values(), key=repr) == sorted(before.values(), key=repr)
    first_id = next(i for i, n in numbers.items() if n == first["patent"])
    assert len(inv.feedback_of(target, first_id)) == 1


def test_version_3_files_still_import_and_screenings_need_version_4() -> None:
    v3 = {"format": "licence-desk", "version": 3, "patents": []}
    assert read_document(v3).dataset is not None
    with_screening = {**v3, "screenings": []}
    assert read_document(with_screening).problems[0].code == "json.unknown"


def test_bad_screening_entries_are_refused_with_their_paths(tmp_path: Path) -> None:
    doc = {"format": "licence-desk", "version": 4, "patents": [], "screenings": [
        {"patent": "201710601862.3", "maturity": "六", "abandon": "yes", "colour": 1,
         "feedback": [{"received_on": "2024-13-01"}]},
    ]}
    problems = {(p.code, p.field) for p in read_document(doc).problems}
    assert ("json.type.integer", "$.screenings[0].maturity") in problems
    assert ("json.type.boolean", "$.screenings[0].abandon") in problems
    assert ("json.unknown", "$.screenings[0].colour") in problems
    assert ("json.missing", "$.screenings[0].feedback[0].enterprise") in problems
    assert ("json.date", "$.screenings[0].feedback[0].received_on") in problems
    path = tmp_path / "x.json"
    path.write_text(json.dumps({**doc, "screenings": [{"patent": "201710601862.3"}]}),
                    encoding="utf-8")
    store = Store(open_database(tmp_path / "y.sqlite3"))
    result = import_file(store, path)
    assert [p.code for p in result.problems] == ["json.screening_patent_unknown"]


def test_import_reads_screening_columns_through_the_mapping(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    from tests.inventory.support import portfolio

    patents = portfolio(2)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["申请号", "名称", "专利权人", "申请日", "技术成熟度", "转化意愿", "评价日期"])
    for p in patents:
        sheet.append([p.number, p.title, "、".join(p.patentees), p.filing_date, "TRL 5",
                      "自行应用或产业化", "2024-02-01"])
    source = tmp_path / "盘点.xlsx"
    book.save(source)
    db = tmp_path / "r.sqlite3"
    code, proposal, _ = run(capsys, "--db", str(db), "import", str(source))
    assert code == 2 and '"maturity"' in proposal
    mapping = tmp_path / "mapping.json"
    mapping.write_text(proposal, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", str(source), "--mapping",
                       str(mapping))
    assert code == 0, out
    assert "已写入 2 件专利的盘点信息" in out
    store = Store(open_database(db))
    saved = [r.screening for r in inv.inventory_rows(store)]
    assert all(s.maturity == 5 and s.intentions == ("self_use",) for s in saved)
    assert all(s.evaluated_on == dt.date(2024, 2, 1) for s in saved)


def test_render_inventory_into_a_folder_that_cannot_be_made_exits_2(
        screened_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(screened_db), "render", "inventory",
                       "--out", str(blocker / "sub"))
    assert code == 2 and str(blocker / "sub") in err
