"""The information sheet and declaration keep their bytes: every variant below was rendered by
the renderer before the batch was made faster (reused layouts of the fixed wording, the font
subset cut without copying the font's glyph table), and its SHA-256 recorded here.  Anything
that changes a byte of these files fails this test.

The hashes depend on reportlab's version and on zlib's (the page streams and font subsets are
compressed); they were recorded with the versions named in RECORDED_WITH.  With other versions
the fixed hashes are not compared (skipped with the reason), but the cached layouts are still
compared with fresh ones in the same run (`test_reused_layouts_give_the_bytes_of_fresh_ones`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from dataclasses import replace

import pytest
import reportlab
from reportlab.platypus import Flowable, PageBreak

from app.export.pdf import render_pdf
from app.export.pdf.declaration import declaration_story, render_declaration
from app.export.pdf.information_sheet import render_information_sheet, sheet_story
from app.export.pdf.kit import RestartPageNumbers
from app.models.offers import OfferContact, OfferFields
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields

RECORDED_WITH = ("5.1.0", "1.2.13")  # reportlab.Version, zlib.ZLIB_RUNTIME_VERSION

FEES: tuple[dict[str, object], ...] = (
    {"option": "free"},
    {"option": "entry_plus_royalty", "entry_fee_yuan": "10000", "royalty_percent": "5"},
    {"option": "lump_sum", "days": 30, "amount_yuan": "12500.5"},
    {"option": "instalments", "first_days": 30, "first_yuan": "20000", "period": "quarter",
     "period_days": 15, "batches": 4, "each_yuan": "5000", "count": 5, "total_yuan": "40000"},
    {"option": "other", "text": "按被许可人年度销售额分档收取，具体以许可合同为准"},
)
CONTACT = OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                       "kjc@whu.edu.cn")


def _number(serial: int) -> str:
    digits = f"2018101{serial:05d}"
    return f"{digits}.{check_character(digits)}"


def variants() -> dict[str, tuple[PatentFields, OfferFields, bool]]:
    """name → (patent, offer, draft): every alternative of ③ ④ ⑥, one to many patentees,
    a sheet over two pages, a declaration over two pages, the watermark."""
    patent = PatentFields(number=_number(1),
                          title="一种基于深度学习的高压输电线路巡检图像缺陷识别方法及系统",
                          patentees=("武汉大学",), filing_date=dt.date(2018, 3, 1),
                          grant_date=dt.date(2020, 6, 5))
    offer = OfferFields(self_exploitation="none", licensing="none",
                        licence_expiry=dt.date(2035, 12, 31), fee=FEES[0],
                        other_terms="被许可人应自行承担实施风险；技术培训另行约定。",
                        contact=CONTACT, open_scope="全省", single_term="3年",
                        declared_on=dt.date(2024, 9, 1))
    found: dict[str, tuple[PatentFields, OfferFields, bool]] = {}
    for i, fee in enumerate(FEES):
        found[f"fee-{fee['option']}"] = (
            replace(patent, number=_number(10 + i),
                    patentees=("华中科技大学", "张三", "李四")[: 1 + i % 3]),
            replace(offer, fee=fee), False)
    found["implemented-and-licensed"] = (
        replace(patent, number=_number(20), patentees=("湖北某某新材料研究院有限责任公司", "王五")),
        replace(offer, self_exploitation="implemented", self_exploitation_period="2020年起",
                self_exploitation_scope="湖北省内", self_exploitation_manner="自行生产销售",
                licensing="licensed", licensing_period="2021年至2023年",
                licensing_scope="武汉市（普通许可，ZL-2021-0042 号合同）"),
        False)
    found["empty-blanks"] = (
        replace(patent, number=_number(21), grant_date=None),
        replace(offer, other_terms="", declared_on=None, licence_expiry=None,
                contact=OfferContact("", "", "", "", "")),
        False)
    found["long-sheet"] = (
        replace(patent, number=_number(22), title="一种" + "多层复合结构的" * 30 + "装置"),
        replace(offer, other_terms="；".join(f"第{i}条 被许可人应按约定用途实施本专利，"
                                            "不得转许可 (sub-licence) 第三方" for i in range(60))),
        False)
    found["many-patentees"] = (
        replace(patent, number=_number(23),
                patentees=tuple(f"湖北第{i}研究院" for i in range(1, 9))),
        offer, False)
    found["draft"] = (replace(patent, number=_number(24)), replace(offer, fee=FEES[3]), True)
    return found


def combined() -> bytes:
    """Every variant's sheet and declaration in one print file, as the combined render lays
    them out (one story: the fixed wording occurs many times in one layout)."""
    story: list[Flowable] = []
    for patent, offer, _draft in variants().values():
        for build in (sheet_story, declaration_story):
            if story:
                story += [PageBreak(), RestartPageNumbers()]
            story += build(patent, offer)
    return render_pdf(story, title="专利开放许可（试点）信息表和声明", subject="combined",
                      creation_date=dt.date(2024, 9, 1))


def rendered() -> dict[str, str]:
    """name/kind → SHA-256 of the bytes."""
    hashes = {"combined": hashlib.sha256(combined()).hexdigest()}
    for name, (patent, offer, draft) in variants().items():
        day = offer.declared_on or dt.date(2024, 10, 8)
        for kind, render in (("sheet", render_information_sheet),
                             ("declaration", render_declaration)):
            data = render(patent, offer, creation_date=day, watermark=draft)
            hashes[f"{name}/{kind}"] = hashlib.sha256(data).hexdigest()
    return hashes


RECORDED: dict[str, str] = {
    "combined": "b662044009e03e83b175b4907f74261781c7852e5d7d748c2f69f2bc3dc3a2e6",
    "fee-free/sheet": "c1ef55d37e1deaec10003e793672f8ed585c62a87f67f57761a9b3d8f70ffb8c",
    "fee-free/declaration": "49049a68cea6d7cba01031ab4ce9b6da14176bb744ec28f106cfbdc378b2b1bc",
        "fee-entry_plus_royalty/sheet":
        "1ebcb76a103f234957ab30d5b1aa1a6eaffdf9b66bb3e107fec867cdd8bc15cb",
        "fee-entry_plus_royalty/declaration":
        "5f13fbb08b4ac9fe1f92cdd61588c45e1b4083e5e4af9c50468260ae1c524d2d",
    "fee-lump_sum/sheet": "f224c1d037e7c77b9c7d6d90b29f626f644d8d3466cc98dfddcc015a64978477",
    "fee-lump_sum/declaration": "5be4ebf875fca99db4b514f367e99d8ea2d79878ae85ff1639c15ea45d744f45",
    "fee-instalments/sheet": "3f4472d148f449566fa8820571580a3b028cd20e241a22e76e6e727774938a56",
        "fee-instalments/declaration":
        "55957debc0040bc4175eb7af004cd987c0353883e9b7551fe7ceac1393041da3",
    "fee-other/sheet": "d21b04499e2b1b65c80d7f50301d3e0d3afc8d4456554e9c0186da0ecbfad878",
    "fee-other/declaration": "1ab2d3039b00174fd8fe1aa6815537a2564593df622e34c1c11a18b333522e53",
        "implemented-and-licensed/sheet":
        "cfe7ff4fb508f506a435b8f431d1bd4ed446b0f2ea87914cd8373b8cacdd733f",
        "implemented-and-licensed/declaration":
        "558dc9b7c0ac11eec70408de5fb5b8c764225298c5a099ad1a7c65119006ab6f",
    "empty-blanks/sheet": "fa354f3ad03ccbd4bbbe9cf01acbafa6b845abe08569133a1da3420ee4e14eeb",
    "empty-blanks/declaration": "5807297ebc05cdece99b89f5ff74cac6f8742b9ef7e5b82829cfa25468b6497e",
    "long-sheet/sheet": "1b743d72885449bc6e9deb0fa43014f85d3634b787c9124b9cf6e71a7e440925",
    "long-sheet/declaration": "fd4b69962f2f4154be026a63af4c4ed037fa4d5a073b4870c0f47a9c80205fc9",
    "many-patentees/sheet": "d42888e0965b5f977cd3c20db3a8551e1b9dfdc225548609e7534dc6bd4c4abb",
        "many-patentees/declaration":
        "c72f865aa835767e9b58787a75d38ec694946adf6df84090f3fab54e46749828",
    "draft/sheet": "b3ecd75c587d9fcb5dfa704bbcfde91438710fd1fe4e6bc89d7fd652742dc3c1",
    "draft/declaration": "fd85741cffba3af43dd73c1705638baa222e03211af79bf9b30374e21502d01a",
}


def test_the_sheets_and_declarations_keep_their_recorded_bytes() -> None:
    versions = (reportlab.Version, zlib.ZLIB_RUNTIME_VERSION)
    if versions != RECORDED_WITH:
        pytest.skip(f"hashes recorded with reportlab/zlib {RECORDED_WITH}, here {versions}")
    first = rendered()
    assert first == RECORDED
    assert rendered() == RECORDED  # the second time in a process: from the reused layouts


def test_reused_layouts_give_the_bytes_of_fresh_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever reportlab's version: paragraphs made anew (nothing reused) and paragraphs made
    from the kept parses and line breaks, twice over, give the same files."""
    from app.export.pdf import text

    monkeypatch.setattr(text, "_REUSE_LIMIT", 0)
    fresh = rendered()
    monkeypatch.setattr(text, "_REUSE_LIMIT", 2048)
    assert rendered() == fresh
    assert rendered() == fresh


def test_reportlabs_c_helpers_are_used_and_give_the_python_helpers_bytes() -> None:
    """rl_accel (a dependency) replaces reportlab's Python number formatting, ASCII85 and
    string widths: it must be in use, and the files without it must be the same."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys, json; sys.modules['_rl_accel'] = None\n"  # as if it were not installed
        "sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests/export']\n"
        "import reportlab.lib.rl_accel as a\n"
        "assert a.fp_str.__name__ == '_py_fp_str', a.fp_str\n"
        "import test_offer_pdf_bytes as t\n"
        "print(json.dumps(t.rendered()))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True,
                          text=True, timeout=300, cwd=root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == rendered()
