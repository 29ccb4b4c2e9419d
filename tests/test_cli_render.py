"""`licence-desk finalise` and `licence-desk render offers`: exit codes, listings, file names."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import RENDER_TARGETS, main
from app.models.database import open_database
from app.models.offers import OfferContact, OfferFields
from app.models.patent_rules import PatentFields
from app.models.store import Store

GOOD = "201710601862.3"
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
    declared_on=dt.date(2024, 9, 1),
)


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    """Two patents with offers: GOOD complete, BAD without ⑧ contact details (errors)."""
    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    try:
        store = Store(database)
        for number, filed, offer in ((GOOD, dt.date(2017, 7, 21), OFFER),
                                     (BAD, dt.date(2018, 3, 1),
                                      replace(OFFER, contact=OfferContact()))):
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


def states(db: Path) -> dict[str, str]:
    database = open_database(db)
    try:
        return {o.patent.number: o.state for o in Store(database).offers()}
    finally:
        database.close()


def test_finalise_lists_what_cannot_be_finalised_and_exits_1(
    capsys: pytest.CaptureFixture[str], register: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(register), "finalise")
    assert code == 1
    assert states(register) == {GOOD: "finalised", BAD: "draft"}
    lines = out.splitlines()
    listed = [line.split("\t") for line in lines if "\t" in line]
    assert listed and all(row[0] == "ZL" + BAD for row in listed)
    assert ["ZL" + BAD, "收件人姓名", "此项必填。"] in listed
    assert lines[-1] == "定稿 1 份信息表，0 份此前已定稿，1 份有错误未能定稿。"
    # Again: the finalised one is left alone.
    code, out, _ = run(capsys, "--db", str(register), "--lang", "en", "finalise")
    assert code == 1 and "1 already finalised" in out


def test_finalise_only_the_patents_named_in_any_notation(
    capsys: pytest.CaptureFixture[str], register: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(register), "finalise", "--patent",
                       "CN 2017 1 0601862.3")
    assert code == 0, out
    assert states(register) == {GOOD: "finalised", BAD: "draft"}
    code, out, _ = run(capsys, "--db", str(register), "finalise", "--patent", GOOD,
                       "202110567890.4")
    assert code == 1 and "202110567890.4：登记册中没有该专利。" in out


def test_render_writes_finalised_offers_and_refuses_the_others(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    run(capsys, "--db", str(register), "finalise")
    out_dir = tmp_path / "pdf"
    code, out, _ = run(capsys, "--db", str(register), "render", "offers", "--out", str(out_dir))
    assert code == 1
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"ZL{GOOD} 信息表.pdf", f"ZL{GOOD} 声明.pdf"]
    assert f"ZL{BAD}\t信息表\t专利 ZL{BAD} 的信息表尚未定稿。" in out
    assert f"ZL{BAD}\t收件人姓名\t此项必填。" in out
    assert str(out_dir / f"ZL{GOOD} 信息表.pdf") in out
    assert states(register) == {GOOD: "generated", BAD: "draft"}

    code, out, _ = run(capsys, "--db", str(register), "render", "offers", "--patent", GOOD,
                       "--out", str(tmp_path / "one"))
    assert code == 0, out


def test_render_draft_and_combined(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    code, _, _ = run(capsys, "--db", str(register), "render", "offers", "--draft",
                     "--combined", "--out", str(tmp_path / "d"))
    assert code == 0
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["信息表和声明（草稿）.pdf"]
    assert states(register) == {GOOD: "draft", BAD: "draft"}  # drafts are not recorded

    run(capsys, "--db", str(register), "finalise")
    code, _, _ = run(capsys, "--db", str(register), "render", "--lang", "en", "offers",
                     "--combined", "--out", str(tmp_path / "c"))
    assert code == 1
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["信息表和声明.pdf"]


def test_render_usage(capsys: pytest.CaptureFixture[str], register: Path,
                      tmp_path: Path) -> None:
    assert run(capsys, "--db", str(register), "render")[0] == 2  # no target
    assert run(capsys, "--db", str(register), "render", "offers")[0] == 2  # no --out
    assert run(capsys, "render", "nonsense", "--out", str(tmp_path))[0] == 2
    code, out, _ = run(capsys, "render", "--help")
    assert code == 0 and "offers" in out
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    run(capsys, "--db", str(register), "finalise")
    code, out, _ = run(capsys, "--db", str(register), "render", "offers", "--out",
                       str(blocked / "pdf"))
    assert code == 2 and "无法写入" in out


def test_render_targets_are_a_registry() -> None:
    """Other documents add a target with @render_target; `offers` is one of them."""
    assert "offers" in RENDER_TARGETS
