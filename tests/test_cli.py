"""The command line: check-number, import, export-json, validate, exit codes, languages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from app import __version__
from app.cli import main
from app.interchange import organisation_document
from app.models.database import open_database
from app.models.offers import OfferFields
from app.models.store import ContactData, OrganisationData, Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_module(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
    )


ORGANISATION = OrganisationData(
    name="华中某大学",
    legal_representative="王五",
    address="湖北省武汉市洪山区珞喻路 1037 号",
    postcode="430074",
    phone="027-87541234",
    email="tto@example.edu.cn",
    contacts=(ContactData("李四", "科学技术发展院", "科长", "027-87543456", "13912345678",
                          "lisi@example.edu.cn"),),
)


def patent(number: str, **overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "number": number,
        "title": "一种测试方法",
        "filing_date": "2017-07-21",
        "grant_date": "2020-01-10",
        "patentees": ["华中某大学"],
        "legal_status": "valid",
    }
    doc.update(overrides)
    return doc


def data_file(tmp_path: Path, *patents: dict[str, Any], name: str = "data.json") -> Path:
    doc = {
        "format": "licence-desk",
        "version": 1,
        "organisation": organisation_document(ORGANISATION),
        "patents": list(patents),
    }
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def patent_numbers(db: Path) -> list[str]:
    database = open_database(db)
    try:
        return [p.number for p in Store(database).patents()]
    finally:
        database.close()


# --version, usage ---------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"Licence Desk {__version__}" == "Licence Desk 0.1.0"


@pytest.mark.parametrize(
    "argv",
    [
        ["check-number"],
        ["no-such-command"],
        ["--lang", "fr", "validate"],
        ["import"],
        ["validate", "--bogus"],
    ],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "usage:" in err


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in ("check-number", "import", "export-json", "validate"):
        assert name in out


# check-number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normalized", "kind"),
    [
        ("201710601862.3", "201710601862.3", "发明"),
        ("201811564288.x", "201811564288.X", "发明"),  # lower-case x
        ("２０１７１０６０１８６２．３", "201710601862.3", "发明"),  # full-width
        ("ZL201710601862.3", "201710601862.3", "发明"),
        ("CN202322865413.3", "202322865413.3", "实用新型"),
        ("ZL 2017 1 0601862.3", "201710601862.3", "发明"),  # spaces
        ("2017106018623", "201710601862.3", "发明"),  # 13 digits, no dot
        ("97101765.4", "97101765.4", "发明"),  # before 2003
        ("90101673.X", "90101673.X", "发明"),
        ("90101673.x", "90101673.X", "发明"),
        ("85100001", "85100001", "发明"),  # 1985–1988: no check character
    ],
)
def test_check_number_accepts_every_notation(
    capsys: pytest.CaptureFixture[str], typed: str, normalized: str, kind: str
) -> None:
    code, out, err = run(capsys, "check-number", typed)
    assert code == 0, out + err
    assert out.rstrip("\n").split("\t") == [typed, normalized, f"ZL{normalized}", kind, "有效"]


@pytest.mark.parametrize(
    ("typed", "code", "words"),
    [
        ("201710601862.4", "number.check_mismatch", ["校验位 4 不正确", "应为 3"]),
        ("CN104919132B", "number.publication", ["CN104919132B 是公告（公开）号", "申请号"]),
        ("20171060186.3", "number.malformed", ["不是有效的专利号"]),
        ("201710601862", "number.check_missing", ["缺少", "201710601862.3"]),
    ],
)
def test_check_number_explains_defects(
    capsys: pytest.CaptureFixture[str], typed: str, code: str, words: list[str]
) -> None:
    status, out, _ = run(capsys, "check-number", typed)
    assert status == 1
    columns = out.rstrip("\n").split("\t")
    assert columns[:4] == [typed, "-", "-", "-"]
    for word in words:
        assert word in columns[4]

    status, out, _ = run(capsys, "check-number", "--json", typed)
    assert status == 1
    assert json.loads(out) == [
        {"input": typed, "valid": False, "normalized": None, "kind": None, "code": code}
    ]


def test_check_number_json_shape_and_mixed_exit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-number", "--json", "ZL202322865413.3", "201710601862")
    assert code == 1
    assert json.loads(out) == [
        {
            "input": "ZL202322865413.3",
            "valid": True,
            "normalized": "202322865413.3",
            "kind": "utility_model",
            "code": None,
        },
        {
            "input": "201710601862",
            "valid": False,
            "normalized": None,
            "kind": None,
            "code": "number.check_missing",
        },
    ]
    code, out, _ = run(capsys, "check-number", "201710601862.3", "97101765.4")
    assert code == 0 and len(out.splitlines()) == 2


def test_english_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--lang", "en", "check-number", "201710601862.3", "CN104919132B")
    assert code == 1
    first, second = out.splitlines()
    assert first.endswith("\tinvention\tvalid")
    assert "is a publication number, not the application number" in second
    assert not re.search(r"[\u4e00-\u9fff]", out)

    monkeypatch.setenv("LICENCE_DESK_LANG", "en")
    _, out, _ = run(capsys, "check-number", "201710601862")
    assert "The check character after the dot is missing" in out
    _, out, _ = run(capsys, "check-number", "--lang", "zh_CN", "201710601862")
    assert "缺少" in out  # the option beats the variable


# import / export / validate -----------------------------------------------------------------


def test_draft_with_bad_check_character_fails_validate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    source = data_file(tmp_path, patent("201710601862.3"), patent("201710601862.4", title="错号"))
    code, out, _ = run(capsys, "--db", str(db), "import", str(source))
    assert code == 1  # imported, but the data has errors
    assert "新增 2 条" in out and "草稿" in out
    assert patent_numbers(db) == ["201710601862.3", "201710601862.4"]

    code, out, _ = run(capsys, "--db", str(db), "validate")
    assert code == 1
    line = next(li for li in out.splitlines() if li.startswith("201710601862.4"))
    assert line.split("\t")[1:3] == ["专利号", "错误"]
    assert "校验位 4 不正确" in line
    assert not any(li.startswith("201710601862.3\t") for li in out.splitlines())

    code, out, _ = run(capsys, "validate", "--db", str(db), "--json", "--lang", "en")
    assert code == 1
    rows = json.loads(out)
    errors = [r for r in rows if r["severity"] == "error"]
    assert errors == [
        {
            "entity": "patent",
            "record": "201710601862.4",
            "code": "number.check_mismatch",
            "field": "number",
            "severity": "error",
            "params": {"given": "4", "expected": "3"},
            "message": errors[0]["message"],
        }
    ]
    assert errors[0]["message"].startswith("Check character 4 is wrong")


def test_validate_json_with_a_fee_figure_that_is_not_positive(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Finding params once carried a Decimal: `validate --json` crashed with a TypeError."""
    db = tmp_path / "r.sqlite3"
    assert run(capsys, "--db", str(db), "import",
               str(data_file(tmp_path, patent("201710601862.3"))))[0] == 0
    database = open_database(db)
    try:
        store = Store(database)
        [record] = store.patents()
        fee = {"option": "instalments", "first_days": 30, "first_yuan": "-10000",
               "period": "year", "period_days": 30, "batches": 2, "each_yuan": "20000",
               "count": 3, "total_yuan": "30000"}
        assert store.save_offer(record.id, OfferFields(fee=fee)).record_id is not None
    finally:
        database.close()
    code, out, err = run(capsys, "--db", str(db), "validate", "--json")
    assert code == 1 and "Traceback" not in err
    [row] = [r for r in json.loads(out) if r["code"] == "fee.parameter_not_positive"]
    assert row["entity"] == "offer" and row["field"] == "fee.first_yuan"
    assert row["params"] == {"value": "-10000"} and "-10000" in row["message"]


def test_clean_register_validates_and_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, copy_db = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    source = data_file(tmp_path, patent("201710601862.3"))
    assert run(capsys, "--db", str(db), "import", str(source))[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "validate")
    assert code == 0 and "未发现问题" in out

    first, second = tmp_path / "first.json", tmp_path / "second.json"
    code, out, _ = run(capsys, "--db", str(db), "export-json", str(first))
    assert code == 0 and str(first) in out
    assert run(capsys, "--db", str(copy_db), "import", str(first))[0] == 0
    assert run(capsys, "--db", str(copy_db), "export-json", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_validate_reports_the_organisation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "validate", "--json")
    assert code == 1  # an empty register has no unit name
    assert [(r["entity"], r["code"]) for r in json.loads(out)] == [
        ("organisation", "organisation.name_required")
    ]
    database = open_database(db)
    try:
        Store(database).save_organisation(
            OrganisationData(name="某大学", postcode="4300", contacts=(ContactData("李四",
                             mobile="1391234"),))
        )
    finally:
        database.close()
    code, out, _ = run(capsys, "--db", str(db), "validate")
    assert code == 1
    lines = out.splitlines()
    assert any(li.startswith("单位\t邮编\t错误") for li in lines)
    assert any(li.startswith("联系人 1 李四\t") and "1391234" in li for li in lines)


def test_malformed_file_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "r.sqlite3"
    assert run(capsys, "--db", str(db), "import",
               str(data_file(tmp_path, patent("201710601862.3"), name="ok.json")))[0] == 0
    bad = data_file(
        tmp_path,
        patent("202010566088.9", filing_date="2020-06-18"),
        patent("202322865413.3", filing_date=20231026, patentees="一个", kind="plant"),
        name="bad.json",
    )
    code, out, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 2 and out == ""
    for path in ("$.patents[1].filing_date", "$.patents[1].patentees", "$.patents[1].kind"):
        assert path in err
    assert "未导入" in err and "3 处问题" in err
    assert "Traceback" not in err
    assert patent_numbers(db) == ["201710601862.3"]


def test_unreadable_and_newer_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    code, _, err = run(capsys, "--db", str(db), "import", str(tmp_path / "missing.json"))
    assert code == 2 and "无法读取" in err and "missing.json" in err
    assert err.rstrip().endswith("：文件或文件夹不存在")  # the OS's reason in Chinese too
    assert not db.exists()  # a refused file does not even create the database
    code, _, err = run(capsys, "--lang", "en", "--db", str(db), "import",
                       str(tmp_path / "missing.json"))
    assert code == 2 and err.rstrip().endswith(": the file or folder does not exist")

    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "licence-desk", "version": 9, "patents": []}', encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "--db", str(db), "import", str(newer))
    assert code == 2 and "version 9" in err and "newer" in err


def test_export_to_an_impossible_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "r.sqlite3"), "export-json",
                       str(tmp_path / "no" / "such" / "folder" / "x.json"))
    assert code == 2 and "无法写入" in err and "文件或文件夹不存在" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "r.sqlite3"), "export-json", str(tmp_path))
    assert code == 2 and "这是文件夹，不是文件" in err and "Is a directory" not in err


def test_corrupt_database_exits_2_with_the_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "corrupt.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    code, out, err = run(capsys, "--db", str(db), "validate")
    assert code == 2 and out == ""
    assert "不是本软件的数据库文件" in err and str(db) in err


# Where the database is ----------------------------------------------------------------------


def test_db_option_and_environment_variable(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    private_data_dir: Path,
) -> None:
    source = data_file(tmp_path, patent("201710601862.3"))
    env_db, option_db = tmp_path / "env.sqlite3", tmp_path / "option.sqlite3"

    assert run(capsys, "import", str(source))[0] == 0  # neither: the user data folder
    assert patent_numbers(private_data_dir / "licence-desk.sqlite3") == ["201710601862.3"]

    monkeypatch.setenv("LICENCE_DESK_DB", str(env_db))
    assert run(capsys, "import", str(source))[0] == 0
    assert env_db.exists() and not option_db.exists()

    assert run(capsys, "--db", str(option_db), "import", str(source))[0] == 0  # beats the variable
    assert patent_numbers(option_db) == ["201710601862.3"]


# The window ---------------------------------------------------------------------------------


def test_no_command_opens_the_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str | None] = []
    fake = types.ModuleType("app.ui.application")

    def start_window(option: str | None) -> int:
        opened.append(option)
        return 0

    fake.start_window = start_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.ui.application", fake)
    assert run(capsys, "--db", str(tmp_path / "w.sqlite3"))[0] == 0
    assert opened == [str(tmp_path / "w.sqlite3")]


def test_window_that_cannot_start_is_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "app.ui.application", None)  # import fails
    code, _, err = run(capsys)
    assert code == 2 and "无法打开窗口" in err


# End to end, in a fresh interpreter ---------------------------------------------------------


def test_module_entry_point_end_to_end(tmp_path: Path) -> None:
    version = run_module("--version")
    assert version.returncode == 0 and version.stdout.strip() == "Licence Desk 0.1.0"

    numbers = run_module("check-number", "ZL201710601862.3", "CN104919132B")
    assert numbers.returncode == 1
    assert "有效" in numbers.stdout and "公告（公开）号" in numbers.stdout

    db = tmp_path / "e2e.sqlite3"
    source = data_file(tmp_path, patent("201710601862.4"))
    imported = run_module("import", str(source), env={"LICENCE_DESK_DB": str(db)})
    assert imported.returncode == 1, imported.stderr
    checked = run_module("--db", str(db), "validate")
    assert checked.returncode == 1 and "201710601862.4\t专利号\t错误" in checked.stdout

    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"garbage" * 200)
    broken = run_module("--db", str(corrupt), "validate")
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
    assert "不是本软件的数据库文件" in broken.stderr


def test_chinese_output_survives_a_non_utf8_stream() -> None:
    # A Windows console or pipe defaults to a legacy code page; ASCII is the harshest case.
    result = subprocess.run(
        [sys.executable, "-m", "app", "check-number", "201710601862.3"],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "有效" in result.stdout.decode("utf-8")


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    source = data_file(tmp_path, patent("201710601862.3"))
    db = tmp_path / "headless.sqlite3"
    script = (
        "import sys\n"
        "from app.cli import main\n"
        f"db = {str(db)!r}\n"
        "codes = [\n"
        "    main(['check-number', '201710601862.3']),\n"
        f"    main(['--db', db, 'import', {str(source)!r}]),\n"
        f"    main(['--db', db, 'export-json', {str(tmp_path / 'out.json')!r}]),\n"
        "    main(['--db', db, 'validate', '--json']),\n"
        "]\n"
        "print('RESULT', codes, sorted(m for m in sys.modules if m.startswith(('PySide6', "
        "'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
        encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "RESULT [0, 0, 0, 0] []"


# README and CI agree ------------------------------------------------------------------------


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^(python -m pip install \S*\[test\]\S* && python -m pytest.*)$", readme,
                      re.MULTILINE)
    assert match, "README.md must show the one-line test command"
    command = match.group(1).strip()
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert command in ci_lines
    assert "set -euo pipefail" in ci
