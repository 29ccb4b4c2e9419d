"""Records that hold values no form can print (written by an older version, or straight into
the file) are findings on their fields: validate, render and a new deal never crash (issue 18
point 2). The JSON import refuses the same values with their paths."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.interchange import read_text

from .support import document

PERIOD = "2023-11"

# (what is poisoned, SQL run on a register imported from a good file, the field that says so)
POISON: dict[str, tuple[str, str]] = {
    "override_paid_amount_wan_1e300": (
        "UPDATE summary_book SET overrides = '{\"paid_amount_wan\": 1e300}'",
        "overrides.paid_amount_wan"),
    "deal_amount_10e30": (
        "UPDATE deal SET amount_yuan = '1000000000000000000000000000000' WHERE serial = 4",
        "payment.amount_yuan"),
    "filled_on_9999_12_31": (
        "UPDATE summary_book SET filled_on = '9999-12-31'", "filled_on"),
    "deal_serial_2_63_minus_1": (
        "UPDATE deal SET serial = 9223372036854775807 WHERE serial = 4", ""),
    "filing_date_9999_12_31": (
        "UPDATE patent SET filing_date = '9999-12-31' WHERE id = 1", "filing_date"),
    "licence_date_9999_12_31": (
        "UPDATE deal SET licence_date = '9999-12-31' WHERE serial = 3", "licence_date"),
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[[str], Path]:
    def make(sql: str) -> Path:
        db = tmp_path / "register.sqlite3"
        source = tmp_path / "good.json"
        source.write_text(json.dumps(document(), ensure_ascii=False), encoding="utf-8")
        assert main(["--db", str(db), "import", str(source)]) in (0, 1)
        capsys.readouterr()
        if sql:
            with sqlite3.connect(db) as connection:
                assert connection.execute(sql).rowcount >= 1
            connection.close()
        return db

    return make


@pytest.mark.parametrize("name", list(POISON))
def test_a_poisoned_record_is_a_finding_and_no_command_crashes(
    name: str, register: Callable[[str], Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sql, field = POISON[name]
    db = str(register(sql))
    code, out, _ = _run(capsys, "--db", db, "--lang", "en", "validate", "--json")
    assert code in (0, 1)
    found = json.loads(out)
    if field:
        codes = {(f["field"].rsplit(".", 2)[-2] + "." + f["field"].rsplit(".", 1)[-1]
                  if "." in f["field"] else f["field"], f["code"]) for f in _findings(found)}
        assert any(c.startswith("range.") and field.endswith(f) or f.endswith(field)
                   and c.startswith("range.") for f, c in codes), (field, codes)
    for target, extra in (("summary-book", ["--period", PERIOD]), ("deals", ["--period", PERIOD])):
        code, _, _ = _run(capsys, "--db", db, "--lang", "en", "render", target, *extra,
                          "--out", str(tmp_path / target))
        assert code in (0, 1)
    # A new deal after the poisoned one gets a 序号 and saves.
    from app.models.database import open_database
    from app.models.deals import DealFields, Payment
    from app.models.store import Store

    database = open_database(db)
    try:
        saved = Store(database).save_deal(DealFields(
            patents=("201710601862.3",), licensee="新公司", payment=Payment(method="free")))
        assert saved.record_id is not None
    finally:
        database.close()


def _findings(found: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [found]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "code" in item and "field" in item:
                out.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out


@pytest.mark.parametrize(("path", "value", "code"), [
    (("summary_books", 0, "overrides", "paid_amount_wan"), 1e300, "json.number_too_large"),
    (("deals", 3, "payment", "amount_yuan"), 10**30, "json.number_too_large"),
    (("summary_books", 0, "filled_on"), "9999-12-31", "range.date"),
    (("deals", 3, "serial"), 2**63 - 1, "json.number_too_large"),
    (("deals", 3, "serial"), 1_000_000, "range.number"),
    (("deals", 3, "licensee"), "\ud800", "json.text_invalid"),
    (("summary_books", 0, "period_end"), "9999-12", "book.period_invalid"),
    (("summary_books", 0, "smes_reached"), 2**64, "json.number_too_large"),
    (("summary_books", 0, "smes_reached"), 10**9, "range.number"),
    (("patents", 0, "term_compensation_days"), 2**63, "json.number_too_large"),
    (("summary_books", 0, "overrides", "paid_amount_wan"), 10**9, "range.number"),
])
def test_the_json_import_refuses_each_named_value_at_its_path(
    path: tuple[Any, ...], value: Any, code: str,
) -> None:
    doc = document()
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    result = read_text(json.dumps(doc))  # ASCII escapes: "\ud800" stays a lone surrogate
    assert result.dataset is None
    assert code in {p.code for p in result.problems}, result.problems
    expected = "$." + ".".join(
        f"{k}" if isinstance(k, str) else f"[{k}]" for k in path).replace(".[", "[")
    assert any(p.field == expected or p.field.startswith(expected) for p in result.problems), (
        expected, result.problems)


def test_1e400_in_json_is_refused_not_infinity() -> None:
    text = json.dumps(document()).replace('"amount_yuan": 50000', '"amount_yuan": 1e400')
    result = read_text(text)
    assert result.dataset is None
    assert {p.field for p in result.problems} == {"$.deals[3].payment.amount_yuan"}


def test_texts_longer_than_their_field_can_print_are_findings() -> None:
    import datetime as dt

    from app.models.deals import DealFields, Payment, check_deal
    from app.models.patent_rules import PatentFields, check_patent

    patent = PatentFields(number="201710601862.3", title="长" * 100_000, patentees=("武汉大学",),
                          filing_date=dt.date(2017, 7, 21))
    assert ("range.text", "title") in {(f.code, f.field) for f in check_patent(patent)}
    deal = DealFields(patents=("201710601862.3",), licensee="某" * 10_000,
                      licence_date=dt.date(2023, 1, 1), payment=Payment("free"))
    assert ("range.text", "licensee") in {(f.code, f.field) for f in check_deal(deal, {})}


@pytest.mark.parametrize(("path", "field"), [
    (("deals", 3, "date"), "licence_date"),
    (("patents", 0, "filing_date"), "filing_date"),
    (("offers", 0, "licence_expiry"), "licence_expiry"),
])
def test_implausible_dates_in_json_import_as_drafts_carrying_range_date(
    path: tuple[Any, ...], field: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    doc = document()
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "9999-12-31"
    source = tmp_path / "dates.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = str(tmp_path / "r.sqlite3")
    assert _run(capsys, "--db", db, "import", str(source))[0] == 1
    code, out, _ = _run(capsys, "--db", db, "validate", "--json")
    assert any(f["code"] == "range.date" and f["field"] == field for f in _findings(
        json.loads(out))), out
    for target_name in ("summary-book", "deals"):
        assert _run(capsys, "--db", db, "render", target_name, "--period", PERIOD, "--out",
                    str(tmp_path / target_name))[0] in (0, 1)


TEN_MB = "长" * 10_000_000


@pytest.mark.parametrize(("sql", "argv"), [
    ("UPDATE patent SET title = ? WHERE id = 4", ["render", "offers", "--draft"]),
    ("UPDATE summary_book SET unit_profile = ?", ["render", "summary-book", "--period", PERIOD]),
    ("UPDATE deal SET licensee = ? WHERE serial = 1",
     ["render", "summary-book", "--period", PERIOD]),
], ids=["offer-draft-title", "book-unit-profile", "book-licensee"])
def test_a_stored_text_of_10_mb_is_a_finding_not_an_endless_render(
    sql: str, argv: list[str], register: Callable[[str], Path], tmp_path: Path,
) -> None:
    """Issue 18 point 6: "10 MB never finishes". A text no field can print, stored by an
    older version or straight into the file, is refused before any layout, drafts too."""
    import subprocess
    import sys

    db = register("")
    with sqlite3.connect(db) as connection:
        assert connection.execute(sql, (TEN_MB,)).rowcount == 1
    connection.close()
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "--lang", "en", *argv, "--out", str(out)],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "10000000 characters: more than this field can print" in done.stdout
    assert not any(p.suffix == ".pdf" for p in out.rglob("*")) if out.exists() else True


@pytest.mark.parametrize(("sql", "argv"), [
    ("UPDATE deal SET licensee = ? WHERE serial = 1",
     ["render", "deals", "--period", PERIOD, "--county", "浉河区"]),
], ids=["xinyang-tables-licensee"])
def test_a_stored_text_longer_than_a_cell_holds_writes_no_workbook(
    sql: str, argv: list[str], register: Callable[[str], Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Excel holds at most 32,767 characters in a cell and calls a file with more damaged:
    such a text is a finding, and no workbook is written."""
    db = register("")
    with sqlite3.connect(db) as connection:
        assert connection.execute(sql, ("长" * 40_000,)).rowcount == 1
    connection.close()
    out = tmp_path / "out"
    code, printed, _ = _run(capsys, "--db", str(db), "--lang", "en", *argv, "--out", str(out))
    assert code == 1
    assert "40000 characters: more than this field can print (at most 32767)" in printed
    assert not list(out.glob("*.xlsx")) if out.exists() else True
