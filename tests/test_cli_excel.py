"""`licence-desk import FILE.xlsx|.csv`: the patent-list import on the command line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.cli import main
from app.models.database import open_database
from app.models.store import Store

GOOD = "201710601862.3"
SECOND = "202322865413.3"
BAD = "201710601862.4"  # wrong check character
HEADINGS = ("序号", "专利号", "专利名称", "专利权人", "单次许可期限", "专利法律状态", "专利类型",
            "开放范围", "联系人", "联系电话")


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def workbook(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def summary_list(path: Path, *numbers: str, title: str = "一种测试方法") -> Path:
    """Laid out like the Hubei summary list: title row, header line, headings, data."""
    rows: list[Sequence[Any]] = [["湖北省专利开放许可（试点）汇总表"],
                                 ["单位名称（盖章）：武汉大学"], HEADINGS]
    for serial, number in enumerate(numbers, start=1):
        rows.append([serial, number, title, "武汉大学、张三", "3年", "有效", "发明", "全省",
                     "李老师", "027-68754321"])
    return workbook(path, rows)


def register(db: Path) -> dict[str, tuple[str, str]]:
    """number → (title, offer's open scope), or the empty dict when there is no database."""
    if not db.exists():
        return {}
    database = open_database(db)
    try:
        store = Store(database)
        scopes = {o.patent.number: o.open_scope for o in store.offers()}
        return {p.number: (p.title, scopes.get(p.number, "")) for p in store.patents()}
    finally:
        database.close()


def test_dry_run_reports_and_writes_nothing_then_the_real_import_writes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    source = summary_list(tmp_path / "汇总表.xlsx", GOOD, "ZL" + SECOND)

    code, out, err = run(capsys, "--db", str(db), "import", str(source), "--dry-run")
    assert code == 0, out + err
    assert "从" in out and "读取 2 行：新增 2 条" in out and "试运行：未写入任何数据。" in out
    assert not db.exists()  # a dry run does not even create the register

    code, out, _ = run(capsys, "--db", str(db), "import", str(source))
    assert code == 0, out
    assert "新增 2 条" in out
    # A summary list has no filing date: the records are kept as drafts, and said so.
    assert "草稿" in out
    assert register(db) == {GOOD: ("一种测试方法", "全省"), SECOND: ("一种测试方法", "全省")}

    # Again: the rows are in the register now, skipped unless --update.
    again = summary_list(tmp_path / "again.xlsx", GOOD, title="一种改进的测试方法")
    code, out, _ = run(capsys, "--db", str(db), "import", str(again), "--dry-run")
    assert code == 0 and "1 条已在登记册中" in out
    assert f"4\tZL{GOOD}\t专利号\t" in out  # row, number, field, message
    code, out, _ = run(capsys, "--db", str(db), "import", str(again))
    assert code == 0 and register(db)[GOOD][0] == "一种测试方法"
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "import", str(again),
                       "--update")
    assert code == 0 and "1 updated" in out
    assert register(db)[GOOD][0] == "一种改进的测试方法"


def test_a_row_with_errors_refuses_the_import_unless_bad_rows_are_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    source = summary_list(tmp_path / "list.xlsx", GOOD, BAD)

    code, out, _ = run(capsys, "--db", str(db), "import", str(source))
    assert code == 1
    lines = [line.split("\t") for line in out.splitlines() if "\t" in line]
    [row] = [line for line in lines if line[0] == "5"]
    assert row[1:3] == [BAD, "专利号"] and "校验位 4 不正确" in row[3]
    assert "未导入任何数据" in out
    assert register(db) == {}

    code, out, _ = run(capsys, "--db", str(db), "import", str(source), "--dry-run")
    assert code == 1 and "1 行有错误" in out

    code, out, _ = run(capsys, "--db", str(db), "import", str(source), "--skip-bad-rows")
    assert code == 1  # the data still has an error, but the good row is in
    assert "略过有错误的 1 行" in out
    assert list(register(db)) == [GOOD]


def test_another_layout_prints_a_mapping_to_save_edit_and_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    source = workbook(tmp_path / "portfolio.xlsx", [
        ["申请号", "发明名称", "第一发明人", "权利人", "申请日"],
        [GOOD, "一种测试方法", "张三", "武汉大学", "2017-07-21"],
    ])
    code, out, err = run(capsys, "--db", str(db), "import", str(source))
    assert code == 2
    assert "--mapping" in err and "申请号、发明名称、第一发明人、权利人、申请日" in err
    proposed = json.loads(out)  # stdout is the mapping alone, ready to be saved
    assert proposed["format"] == "licence-desk-column-mapping"
    assert proposed["columns"]["number"] == "申请号"
    assert proposed["columns"]["filing_date"] == "申请日"
    assert register(db) == {}

    # The clerk corrects the patentees column and imports with the file.
    proposed["columns"]["patentees"] = "权利人"
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(proposed, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "import", str(source), "--mapping",
                         str(mapping))
    assert code == 0, out + err
    database = open_database(db)
    try:
        [patent] = Store(database).patents()
        assert patent.patentees == ["武汉大学"] and str(patent.filing_date) == "2017-07-21"
    finally:
        database.close()


def test_a_mapping_that_does_not_fit_and_an_unreadable_mapping_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    source = summary_list(tmp_path / "list.xlsx", GOOD)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"columns": {"number": "没有这一列"}}, ensure_ascii=False),
                     encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "import", str(source), "--mapping", str(wrong))
    assert code == 2 and "没有这一列" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "import", str(source), "--mapping", str(broken))
    assert code == 2 and "无法读取保存的列对应关系" in err
    assert register(db) == {}


def test_csv_lists_and_files_that_are_not_lists(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    csv = tmp_path / "list.csv"
    csv.write_text(",".join(HEADINGS) + "\n"
                   f"1,{GOOD},一种测试方法,武汉大学,3年,有效,发明,全省,李老师,027-68754321\n",
                   encoding="gb18030")  # as Chinese Windows Excel saves CSV
    code, out, _ = run(capsys, "--db", str(db), "import", str(csv))
    assert code == 0, out
    assert list(register(db)) == [GOOD]

    renamed = tmp_path / "report.xlsx"
    renamed.write_bytes(b"this is not a workbook at all")
    code, out, err = run(capsys, "--db", str(tmp_path / "other.sqlite3"), "import",
                         str(renamed))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "不是 Excel 工作簿" in err
    assert not (tmp_path / "other.sqlite3").exists()  # refused before the register is opened

    code, _, err = run(capsys, "--db", str(db), "import", str(tmp_path / "missing.xlsx"))
    assert code == 2 and "missing.xlsx" in err


def test_list_options_are_refused_for_a_json_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data.json"
    data.write_text('{"format": "licence-desk", "version": 1, "patents": []}',
                    encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "r.sqlite3"), "import", str(data),
                       "--dry-run")
    assert code == 2 and "--dry-run" in err
    code, _, _ = run(capsys, "--db", str(tmp_path / "r.sqlite3"), "import", str(data))
    assert code == 0  # JSON keeps working as before
