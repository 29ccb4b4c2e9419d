"""`render summary-list`, `render summary-book` and `render deals`: files, records, exit codes."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.cli import RENDER_TARGETS, main
from app.models.database import open_database
from app.models.deals import DealFields, Payment
from app.models.offers import OfferContact, OfferFields
from app.models.patent_rules import PatentFields
from app.models.store import ContactData, OrganisationData, Store
from app.models.summary_book import LeadContact, SummaryBookFields

ROOT = Path(__file__).resolve().parent.parent
GOOD = "201710601862.3"
OTHER = "202010566088.9"
BAD = "201810123456.5"
OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=dt.date(2035, 12, 31),
    fee={"option": "free"},
    contact=OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                         "kjc@whu.edu.cn"),
    open_scope="全省",
    single_term="3年",
    declared_on=dt.date(2023, 4, 1),
)
ORGANISATION = OrganisationData(
    name="武汉大学", legal_representative="王某", address="湖北省武汉市武昌区八一路299号",
    postcode="430072", phone="027-68754321", email="kjc@whu.edu.cn",
    contacts=(ContactData("李老师", "科技成果转化办公室", "科长", "027-68754321", "13912345678",
                          "li@whu.edu.cn"),),
)
PERIOD = "2023-11"
BOOK = SummaryBookFields(
    period_end=PERIOD, filled_on=dt.date(2023, 12, 5),
    lead=LeadContact("李老师", "13912345678", "科技成果转化办公室", "科长"),
    unit_profile="基本情况。", self_evaluation="自评正文。",
    platform_name="河南省知识产权公共服务平台", platform_url="https://www.hnipsp.cn",
    smes_reached=12,
)


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    """The unit, three patents with offers: GOOD and OTHER complete, BAD without ⑧ contact."""
    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    try:
        store = Store(database)
        store.save_organisation(ORGANISATION)
        for number, offer in ((GOOD, OFFER), (OTHER, OFFER),
                              (BAD, replace(OFFER, contact=OfferContact()))):
            filed = dt.date(int(number[:4]), 3, 1)
            patent = PatentFields(number=number, title="一种测试方法", patentees=("武汉大学",),
                                  filing_date=filed, grant_date=filed + dt.timedelta(days=700))
            patent_id = store.save_patent(patent).record_id
            assert patent_id is not None
            store.save_offer(patent_id, offer)
    finally:
        database.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def with_store(db: Path) -> Store:
    return Store(open_database(db))


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_targets_are_registered() -> None:
    assert {"offers", "summary-list", "summary-book", "deals"} <= set(RENDER_TARGETS)


# render summary-list ------------------------------------------------------------------------


def test_summary_list_of_named_patents_lists_what_is_not_finalised_and_exits_1(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    assert run(capsys, "--db", str(register), "finalise", "--patent", GOOD)[0] == 0
    out_dir = tmp_path / "list"
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-list",
                       "--patent", GOOD, BAD, "--out", str(out_dir))
    assert code == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["汇总表.pdf", "汇总表.xlsx"]
    lines = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert ["ZL" + BAD, "收件人姓名", "此项必填。"] in lines
    assert any(row[0] == "ZL" + BAD and "尚未定稿" in row[2] for row in lines)
    today = dt.date.today().isoformat()
    assert f"批次“{today}”：汇总表列入 1 份信息表。" in out
    sheet = openpyxl.load_workbook(out_dir / "汇总表.xlsx").active
    assert sheet.cell(4, 2).value == "ZL" + GOOD and sheet.cell(5, 2).value is None
    assert "ZL" + GOOD in pdf_text(out_dir / "汇总表.pdf")

    # The same day again, with both finalised: the batch is reused and refilled.
    assert run(capsys, "--db", str(register), "finalise", "--patent", OTHER)[0] == 0
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-list",
                       "--patent", GOOD, OTHER, "--out", str(out_dir))
    assert code == 0, out
    store = with_store(register)
    try:
        [batch] = store.batches()
        assert batch.name == today and batch.size == 2
        recorded = {d.kind for d in store.documents_about(today, ["summary_list",
                                                                   "summary_list_xlsx"])}
        assert recorded == {"summary_list", "summary_list_xlsx"}
    finally:
        store.database.close()


def test_summary_list_of_every_finalised_offer_and_of_a_named_batch(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-list",
                       "--out", str(tmp_path / "none"))
    assert code == 1 and "没有可列入汇总表的信息表" in out
    assert not (tmp_path / "none").exists()

    run(capsys, "--db", str(register), "finalise")
    code, _, err = run(capsys, "--db", str(register), "--lang", "en", "render",
                       "summary-list", "--batch", "2023 年第一批", "--out", str(tmp_path / "b"))
    assert code == 2 and "no batch called" in err

    code, out, _ = run(capsys, "--db", str(register), "render", "summary-list",
                       "--patent", GOOD, "--batch", "2023 年第一批", "--out", str(tmp_path / "a"))
    assert code == 0, out
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-list",
                       "--out", str(tmp_path / "all"))
    assert code == 0, out
    assert "汇总表列入 2 份信息表" in out  # GOOD and OTHER; BAD could not be finalised
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-list",
                       "--batch", "2023 年第一批", "--out", str(tmp_path / "again"))
    assert code == 0 and "批次“2023 年第一批”：汇总表列入 1 份信息表。" in out


def test_summary_list_usage_errors(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    assert run(capsys, "--db", str(register), "render", "summary-list")[0] == 2  # no --out
    run(capsys, "--db", str(register), "finalise")
    code, out, err = run(capsys, "--db", str(register), "render", "summary-list",
                         "--batch", "没有这个批次", "--out", str(tmp_path))
    assert code == 2 and "没有名为“没有这个批次”的批次" in err
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    code, out, err = run(capsys, "--db", str(register), "render", "summary-list",
                         "--out", str(blocked / "sub"))
    assert code == 2 and "Traceback" not in out + err


# render summary-book / deals ----------------------------------------------------------------


def seed_book(db: Path, tmp_path: Path, *, contract: bool = True) -> None:
    """One free deal in the period (with its contract unless told) and the period's book."""
    store = with_store(db)
    try:
        deal_id = store.save_deal(DealFields(patents=(GOOD,), licensee="某某科技有限公司",
                                             licence_date=dt.date(2023, 3, 1),
                                             payment=Payment("free"))).record_id
        assert deal_id is not None
        if contract:
            scan = tmp_path / "合同.pdf"
            scan.write_bytes(b"%PDF-1.4 contract")
            assert store.add_deal_file(deal_id, scan, "contract").saved
        assert store.save_summary_book(BOOK).saved
    finally:
        store.database.close()


def recorded_kinds(db: Path) -> list[str]:
    store = with_store(db)
    try:
        return sorted(d.kind for d in store.generated_documents() if d.offer_id is None)
    finally:
        store.database.close()


def test_summary_book_writes_the_pdf_and_the_tables_and_records_the_pdf(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    seed_book(register, tmp_path)
    out_dir = tmp_path / "book"
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-book",
                       "--period", PERIOD, "--out", str(out_dir))
    assert code == 0, out
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"总结书_{PERIOD}.pdf", f"统计表和达成项目清单_{PERIOD}.xlsx"]
    text = pdf_text(out_dir / f"总结书_{PERIOD}.pdf")
    assert "某某科技有限公司" in text and "草稿" not in text
    sheets = openpyxl.load_workbook(out_dir / f"统计表和达成项目清单_{PERIOD}.xlsx").sheetnames
    assert sheets == ["三 统计表", "四 达成项目清单"]
    assert recorded_kinds(register) == ["summary_book"]


def test_summary_book_with_errors_is_a_draft_not_recorded_and_exits_1(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    seed_book(register, tmp_path, contract=False)  # a deal without its contract: an error
    out_dir = tmp_path / "book"
    code, out, _ = run(capsys, "--db", str(register), "render", "summary-book",
                       "--period", PERIOD, "--out", str(out_dir))
    assert code == 1
    assert any(line.startswith(f"{PERIOD}\t") and "序号 1 的许可" in line
               for line in out.splitlines())
    assert "草稿" in out and "草稿" in pdf_text(out_dir / f"总结书_{PERIOD}.pdf")
    assert recorded_kinds(register) == []


def test_deals_with_a_county_write_the_xinyang_tables_too(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    seed_book(register, tmp_path)
    out_dir = tmp_path / "deals"
    code, out, _ = run(capsys, "--db", str(register), "render", "deals", "--period", PERIOD,
                       "--out", str(out_dir))
    assert code == 0, out
    assert [p.name for p in out_dir.iterdir()] == [f"统计表和达成项目清单_{PERIOD}.xlsx"]
    assert recorded_kinds(register) == []

    code, out, _ = run(capsys, "--db", str(register), "--lang", "en", "render", "deals",
                       "--period", PERIOD, "--county", "浉河区", "--out", str(out_dir))
    assert code == 0, out
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"浉河区_专利开放许可试点情况统计表_{PERIOD}.xlsx",
        f"浉河区_专利开放许可试点达成项目清单_{PERIOD}.xlsx", f"统计表和达成项目清单_{PERIOD}.xlsx"]
    statistics = openpyxl.load_workbook(
        out_dir / f"浉河区_专利开放许可试点情况统计表_{PERIOD}.xlsx")
    assert statistics.sheetnames == ["附件1 统计表"]
    texts = [str(c.value) for row in statistics.active.iter_rows(max_row=3) for c in row]
    assert any("浉河区" in t for t in texts)
    assert recorded_kinds(register) == ["deal_list", "statistics_table"]


def test_period_usage(capsys: pytest.CaptureFixture[str], register: Path,
                      tmp_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(register), "render", "summary-book", "--period",
                       "2023-13", "--out", str(tmp_path))
    assert code == 2 and "2023-13" in err and "不是有效的月份" in err
    assert run(capsys, "--db", str(register), "render", "deals", "--out", str(tmp_path))[0] == 2


def test_the_new_commands_never_load_qt(register: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from app.cli import main\n"
        f"db = {str(register)!r}\n"
        "codes = [\n"
        "    main(['--db', db, 'finalise', '--patent', " + repr(GOOD) + "]),\n"
        f"    main(['--db', db, 'render', 'summary-list', '--out', {str(tmp_path / 'l')!r}]),\n"
        f"    main(['--db', db, 'render', 'deals', '--period', '2023-11', '--county', 'x',"
        f" '--out', {str(tmp_path / 'd')!r}]),\n"
        "]\n"
        "print('RESULT', codes, sorted(m for m in sys.modules if m.startswith(('PySide6', "
        "'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, encoding="utf-8", timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "RESULT [0, 0, 0] []"
