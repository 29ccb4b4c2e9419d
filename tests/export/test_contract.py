"""The licence contract (专利开放许可合同, notice 003 附件 6): the notice's labels and fixed
sentences in the PDF, 第五条 matching the information sheet's fee option for each of the five
options, the .docx opening in LibreOffice with the same text, and deterministic bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from app.export.contract_text import Kind, contract_blocks, fee_sentence
from app.export.docx import render_contract_docx
from app.export.pdf.contract import render_contract
from app.export.pdf.information_sheet import fee_option_texts
from app.models.contracts import (
    ContractFields,
    ContractPatent,
    PartyBlock,
    check_contract,
    deal_from_contract,
)
from app.models.deals import PaymentMethod
from app.models.fees import FeeKind, read_fee
from app.models.patent_number import PatentKind

DAY = dt.date(2026, 9, 1)
LICENSOR = PartyBlock("武汉大学", "湖北省武汉市武昌区八一路299号", "张平", "李老师", "027-68754321",
                      "kjc@whu.edu.cn", "027-68754322", "湖北省武汉市武昌区八一路299号（430072）")
LICENSEE = PartyBlock("武汉光谷新材料有限公司", "武汉市东湖新技术开发区高新大道1号", "王总",
                      "赵经理",
                      "13912345678", "zhao@example.com", "", "武汉市东湖新技术开发区高新大道1号")

FEES: dict[FeeKind, dict[str, object]] = {
    FeeKind.FREE: {"option": "free"},
    FeeKind.ENTRY_PLUS_ROYALTY: {"option": "entry_plus_royalty", "entry_fee_yuan": "50000",
                                 "royalty_percent": "3.5"},
    FeeKind.LUMP_SUM: {"option": "lump_sum", "days": 30, "amount_yuan": "120000"},
    FeeKind.INSTALMENTS: {"option": "instalments", "first_days": 15, "first_yuan": "20000",
                          "period": "quarter", "period_days": 10, "batches": 4,
                          "each_yuan": "10000", "count": 5, "total_yuan": "60000"},
    FeeKind.OTHER: {"option": "other", "text": "按销售额阶梯提成"},
}


def patent(fee: object = None, **kw: object) -> ContractPatent:
    values: dict[str, object] = dict(
        number="201710601862.3", title="一种基于深度学习的图像识别方法",
        kind=PatentKind.INVENTION, inventors=("张三", "李四"), patentees=("武汉大学",),
        grant_date=dt.date(2019, 3, 5), filing_date=dt.date(2017, 7, 21),
        expiry=dt.date(2037, 7, 20), fee_paid_until=dt.date(2027, 7, 20),
        declared_fee=fee if fee is not None else FEES[FeeKind.LUMP_SUM],
    )
    values.update(kw)
    return ContractPatent(**values)  # type: ignore[arg-type]


CONTRACT = ContractFields(
    patents=("201710601862.3",),
    licensee=LICENSEE,
    manner="制造、使用、销售专利产品",
    scope="湖北省",
    term="2026年9月1日至2031年8月31日",
    fee_agreement="consistent",
    bank_name="中国工商银行武汉珞珈山支行",
    bank_address="武汉市武昌区珞珈山",
    bank_account="3202006009200012345",
    penalty="按逾期金额每日万分之五计算",
    infringement="负责与第三人交涉并承担由此产生的法律责任",
    improvement="joint",
    benefit_sharing="按双方投入比例分配",
    termination_2="被许可人连续两年未实施本专利",
    termination_3="一方严重违约",
    dispute="arbitration",
    arbitration_commission="武汉仲裁委员会",
    other_matters="无",
    copies=4,
    signed_on=DAY,
)

# Verbatim from the notice (seeds/003, 附件 6), typed here independently of the module.
LABELS = [
    "许可人：", "住所地：", "法定代表人：", "联系人：", "联系电话：", "电子信箱：", "传真：",
    "通讯地址：",
    "被许可人：",
    "本合同许可人以普通许可方式，许可被许可人实施其所拥有的",
    "专利权，被许可人支付相应的实施许可使用费。双方经过平等协商，在真实、充分地表达各自意愿的基础上"
    "，"
    "达成如下协议，并由双方共同恪守。",
    "第一条本合同许可实施的专利权：", "1.为", "2.发明人/设计人：", "3．专利权人为：", "4.专利授权日"
                                                                                      "：",
    "5.专利号：", "6.专利有效期限：", "7.专利年费已交至",
    "第二条许可人承诺符合开放许可（试点）声明条件：",
    "1.本专利不在专利独占实施许可或者排他实施许可有效期限内；",
    "2.专利权在开放许可实施期间内，专利权人保证维持专利权有效；",
    "3.本专利通过开放许可（试点）达成的所有许可，将向试点组织单位备案；",
    "4.专利权人属于中国内地单位或个人，以开放许可方式技术出口的，按照《中华人民共和国技术进出口管理"
    "条例》"
    "和《技术进出口合同登记管理办法》的规定办理相关手续；",
    "5.专利权人承诺以上信息属实，是专利权人的真实意思表示。",
    "第三条许可人许可被许可人以如下范围、方式和期限实施本项专利：", "1.实施方式：", "2.实施范围：",
    "3.实施期限：",
    "第四条被许可人在实施本项专利过程中，如需许可人提供相关技术资料、技术服务和技术指导的，另行合同"
    "约定。",
    "第五条被许可人向许可人支付实施该项专利权使用费及支付方式与许可人事先在开放许可（试点）声明中的"
    "使用费标准和支付方式：",
    "一致", "对专利权人实现声明的使用费标准等许可条件进行了协商修改，具体为：",
    "采用入门费和提成费相结合的方式，其中入门费为", "元，提成费按当年度合同产品净销售额的", "%提取"
                                                                                            "。",
    "采用一次总付的方式，在合同生效后", "日内一次性全额支付所有使用费",
    "采用总付额内分期支付的方式，在合同生效后", "日内支付第一批次", "元，后在每个会计", "截止前的",
    "日内，分", "批次支付，每次支付", "元。包括第一次在内总共支付", "次，共计",
    "其他许可使用费标准：", "许可人开户银行名称、地址和帐号为：", "开户银行：", "地址：", "帐号：",
    "被许可人未按本条规定支付许可使用费的，应当", "，向许可人支付违约金。",
    "第六条许可人应当保证其专利权实施许可不侵犯任何第三人的合法权益，如发生第三人指控被许可人侵犯专"
    "利权"
    "的，许可人应当",
    "许可人、被许可人可与第三人协商，或在其他第三方的调解、斡旋下达成和解协议，解决纠纷。",
    "涉及行政指控或法院起诉的，许可人和被许可人应当依法处理。", "其他：",
    "第七条许可人应当在本合同有效期内维持本项专利权的有效性。如由于许可人过错致使本项专利权终止，或"
    "本项"
    "专利权被国家专利行政主管机关宣布无效，本合同终止，许可人应向被许可人返还已支付的许可使用费。",
    "第八条被许可人有权利用许可人许可实施的专利技术进行后续改进。由此产生的具有实质性或创造性技术进"
    "步"
    "特征的新的技术成果，归",
    "被许可人所有。", "许可人所有。", "许可人和被许可人共同所有。", "具体利益分配方式如下：",
    "第九条本合同的变更必须由双方协商一致，并以书面形式确定。",
    "第十条双方确定，出现下列情形，致使本合同的履行成为不必要或不可能，可以解除本合同：",
    "1.发生不可抗力；",
    "第十一条双方因履行本合同而发生的争议，应协商、调解解决。协商、调解不成的，确定按以下第",
    "种方式处理：", "1.提交", "仲裁委员会仲裁；", "2.依法向人民法院起诉。",
    "第十二条双方约定本合同其他相关事项为：", "第十三条本合同一式", "份，具有同等法律效力。",
    "第十四条本合同经双方签字盖章后生效。",
    "（盖章）", "法定代表人／委托代理人：", "（签名）",
]
HINTS = ["（专利号、专利名称）", "（发明、实用新型、外观设计）", "（支付违约金的计算方法）"]
FOOTER = re.compile(r"第\d+页共\d+页")


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", "", text)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return squeeze("".join(p.extract_text() or "" for p in reader.pages))


def render(contract: ContractFields = CONTRACT, patents: tuple[ContractPatent, ...] | None = None
           ) -> bytes:
    return render_contract(contract, LICENSOR, patents or (patent(),), creation_date=DAY)


def test_every_label_and_fixed_sentence_of_the_notice_is_printed() -> None:
    text = pdf_text(render())
    missing = [label for label in LABELS if squeeze(label) not in text]
    assert missing == []
    # The data in its places.
    for value in ("武汉光谷新材料有限公司", "张三、李四", "ZL201710601862.3", "2019年3月5日",
                  "2017年7月21日至2037年7月20日", "2027年7月20日", "为发明专利", "一式4份",
                  "第1种方式处理：1.提交武汉仲裁委员会仲裁", "按逾期金额每日万分之五计算，向许可人"
                                                             "支付违约金",
                  "☑许可人和被许可人共同所有", "☐被许可人所有"):
        assert squeeze(value) in text, value
    # Filled blanks drop the template's hints; empty ones keep them.
    assert not [h for h in HINTS if h in text]
    empty = pdf_text(render(ContractFields(), (ContractPatent(number=""),)))
    assert [h for h in HINTS if h not in empty] == []
    assert [label for label in LABELS if squeeze(label) not in empty] == []


def sheet_sentence(fee_data: dict[str, object]) -> str:
    """The chosen line of the information sheet's ⑥ as the sheet prints it, as text."""
    fee = read_fee(fee_data).fee
    order = [FeeKind.FREE, FeeKind.ENTRY_PLUS_ROYALTY, FeeKind.LUMP_SUM, FeeKind.INSTALMENTS,
             FeeKind.OTHER]
    markup = fee_option_texts(fee)[order.index(fee.option)]  # type: ignore[arg-type]
    return squeeze(re.sub(r"<[^>]+>", "", markup))


@pytest.mark.parametrize("kind", list(FeeKind))
def test_consistent_fee_clause_repeats_the_sheets_option(kind: FeeKind) -> None:
    p = patent(FEES[kind])
    blocks = contract_blocks(CONTRACT, LICENSOR, [p])
    consistent = next(b for b in blocks if b.text.startswith(("☑一致", "☐一致")))
    assert consistent.text.startswith("☑一致，即：")
    assert squeeze(consistent.text.removeprefix("☑一致，即：")) == sheet_sentence(FEES[kind])
    text = pdf_text(render(patents=(p,)))
    assert "☑一致，即：" + sheet_sentence(FEES[kind]) in text
    assert "☐对专利权人实现声明" in text
    # 一致 and 第八条 (and the instalments' period): no negotiated option ticked.
    assert text.count("☑") == (3 if kind is FeeKind.INSTALMENTS else 2)


@pytest.mark.parametrize("kind", [FeeKind.ENTRY_PLUS_ROYALTY, FeeKind.LUMP_SUM,
                                  FeeKind.INSTALMENTS, FeeKind.OTHER])
def test_negotiated_fee_clause_ticks_its_option_with_its_figures(kind: FeeKind) -> None:
    contract = replace(CONTRACT, fee_agreement="negotiated", fee=FEES[kind])
    text = pdf_text(render(contract, (patent(FEES[FeeKind.FREE]),)))
    assert "☐一致☑对专利权人实现声明" in text
    expected = squeeze(fee_sentence(read_fee(FEES[kind]).fee, sheet_wording=False))
    assert "☑" + expected in text
    if kind is FeeKind.INSTALMENTS:
        assert "☐月份/☑季度/☐年度" in text


def test_negotiated_free_licence_is_written_as_other() -> None:
    contract = replace(CONTRACT, fee_agreement="negotiated", fee=FEES[FeeKind.FREE])
    assert "☑其他许可使用费标准：免费使用。" in pdf_text(render(contract))


def test_rules() -> None:
    assert [f.code for f in check_contract(CONTRACT, [patent()], today=DAY)] == []
    codes = {f.code for f in check_contract(ContractFields(), [], today=DAY)}
    assert {"contract.patents_required", "contract.licensee_required", "contract.required",
            "contract.fee_agreement_required", "contract.choose_one"} <= codes
    # 一致 needs a declared option, and the same one on every patent of a package.
    no_offer = check_contract(CONTRACT, [patent({})], today=DAY)
    assert "contract.no_declared_fee" in {f.code for f in no_offer}
    two = replace(CONTRACT, patents=("201710601862.3", "201620123456.1"))
    differ = check_contract(two, [patent(), patent(FEES[FeeKind.FREE], number="201620123456.1")],
                            today=DAY)
    assert "contract.declared_fees_differ" in {f.code for f in differ}
    # A negotiated fee is checked like the sheet's ⑥.
    bad = replace(CONTRACT, fee_agreement="negotiated",
                  fee={**FEES[FeeKind.INSTALMENTS], "total_yuan": "70000"})
    assert "fee.instalments_sum" in {f.code for f in check_contract(bad, [patent()], today=DAY)}
    # A paid licence needs the bank; arbitration needs the commission.
    nobank = replace(CONTRACT, bank_name="", bank_account="", arbitration_commission="")
    codes = {(f.code, f.field) for f in check_contract(nobank, [patent()], today=DAY)}
    assert {("contract.bank_required", "bank_name"), ("contract.bank_required", "bank_account"),
            ("contract.required", "arbitration_commission")} <= codes
    free = check_contract(nobank, [patent(FEES[FeeKind.FREE])], today=DAY)
    assert "contract.bank_required" not in {f.code for f in free}
    # Inventors are on the patent record now; a record without them is a warning.
    assert "contract.inventors_missing" in {
        f.code for f in check_contract(CONTRACT, [patent(inventors=())], today=DAY)}
    unknown = check_contract(CONTRACT, [ContractPatent.missing("201710601862.3")], today=DAY)
    assert "contract.patent_not_in_register" in {f.code for f in unknown}


@pytest.mark.parametrize("kind", list(FeeKind))
def test_deal_from_a_signed_contract_takes_its_figures(kind: FeeKind) -> None:
    deal = deal_from_contract(CONTRACT, [patent(FEES[kind])], offer_id=7)
    assert deal.licensee == "武汉光谷新材料有限公司"
    assert deal.licence_date == DAY and deal.term == CONTRACT.term and deal.offer_id == 7
    expected = {
        FeeKind.FREE: (PaymentMethod.FREE, None),
        FeeKind.ENTRY_PLUS_ROYALTY: (PaymentMethod.ENTRY_PLUS_ROYALTY, None),
        FeeKind.LUMP_SUM: (PaymentMethod.LUMP_SUM, Decimal("120000")),
        FeeKind.INSTALMENTS: (PaymentMethod.INSTALMENTS, Decimal("60000")),
        FeeKind.OTHER: (PaymentMethod.OTHER, None),
    }[kind]
    assert (deal.payment.kind, deal.payment.amount_yuan) == expected
    if kind is FeeKind.ENTRY_PLUS_ROYALTY:
        assert deal.payment.entry_fee_yuan == Decimal("50000")
        assert deal.payment.royalty_percent == Decimal("3.5")


def test_a_patent_package_lists_every_patent() -> None:
    two = replace(CONTRACT, patents=("201710601862.3", "201620123456.1"))
    text = pdf_text(render(two, (patent(), patent(number="201620123456.1", title="一种夹具",
                                                   kind=PatentKind.UTILITY_MODEL))))
    assert "（1）ZL201710601862.3" in text and "（2）ZL201620123456.1" in text
    assert "为实用新型专利" in text
    assert "ZL201710601862.3、一种基于深度学习的图像识别方法；ZL201620123456.1、一种夹具" in text


def test_pdf_and_docx_bytes_are_deterministic() -> None:
    assert render() == render()
    one = render_contract_docx(CONTRACT, LICENSOR, [patent()], creation_date=DAY)
    two = render_contract_docx(CONTRACT, LICENSOR, [patent()], creation_date=DAY)
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as z:
        core = z.read("docProps/core.xml").decode()
        assert "2026-09-01" in core
        document = z.read("word/document.xml").decode()
    assert "宋体" in document or "宋体" in z_styles(one)


def z_styles(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/styles.xml").decode()


def test_docx_holds_the_same_blocks() -> None:
    import docx

    data = render_contract_docx(CONTRACT, LICENSOR, [patent()], creation_date=DAY)
    document = docx.Document(io.BytesIO(data))
    text = squeeze("".join(p.text for p in document.paragraphs))
    blocks = contract_blocks(CONTRACT, LICENSOR, [patent()])
    # Each signature block is followed by its date line.
    expected = "".join(b.text + ("2026 年 9 月 1 日" if b.kind is Kind.SEAL else "")
                       for b in blocks)
    assert text == squeeze(expected)
    underlined = [r.text for p in document.paragraphs for r in p.runs if r.underline]
    assert "\u00a0武汉光谷新材料有限公司\u00a0" in underlined
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == (
        "专利开放许可合同（续）　武汉光谷新材料有限公司　ZL201710601862.3")
    assert section.first_page_header.paragraphs[0].text == ""


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler's pdftotext not found")
def test_docx_opens_in_libreoffice_with_the_same_text(tmp_path: Path) -> None:
    docx_path = tmp_path / "合同.docx"
    docx_path.write_bytes(render_contract_docx(CONTRACT, LICENSOR, [patent()],
                                               creation_date=DAY))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(render())
    # pdftotext reads LibreOffice's fallback CJK font; pypdf does not.
    assert poppler_text(tmp_path / "合同.pdf") == poppler_text(ours)


def poppler_text(path: Path) -> str:
    """The text without the page furniture (number footer, running header), whose count
    depends on where each program breaks the pages."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return FOOTER.sub("", squeeze(out)).replace(HEADER, "")


HEADER = "专利开放许可合同（续）　武汉光谷新材料有限公司　ZL201710601862.3".replace("　", "")


def test_pages_after_the_first_name_the_contract() -> None:
    reader = pypdf.PdfReader(io.BytesIO(render()))
    assert len(reader.pages) > 1
    header = "专利开放许可合同（续）　武汉光谷新材料有限公司　ZL201710601862.3"
    texts = [page.extract_text() for page in reader.pages]
    assert header not in texts[0]
    assert all(header in text for text in texts[1:])
