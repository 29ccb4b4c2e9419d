"""Contract actions on a real database: 第一条 from the register (inventors and the annual-fee
date recorded on the patent), the licensee's block kept for their next contract, the PDF and
.docx written (drafts only with the watermark), and the deal of a signed contract."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import pypdf

from app.models.contracts import ContractFields, PartyBlock
from app.models.deals import PaymentMethod
from app.models.store import ContactData, OrganisationData, Store
from app.usecases import contracts
from tests.models.test_batches import OFFER, add_offer, number

ORG = OrganisationData(name="武汉大学", legal_representative="张平",
                       address="武汉市武昌区八一路299号",
                       postcode="430072", phone="027-68752222", fax="027-68752223",
                       contacts=(ContactData(name="王老师", office_phone="027-68754321",
                                             email="wang@whu.edu.cn"),))
LICENSEE = PartyBlock("武汉光谷新材料有限公司", "武汉市东湖新技术开发区高新大道1号", "王总",
                      "赵经理",
                      "13912345678", "zhao@example.com")
LUMP = {"option": "lump_sum", "days": 30, "amount_yuan": "120000"}


def contract(**kw: object) -> ContractFields:
    values: dict[str, object] = dict(
        patents=(number(1),), licensee=LICENSEE, manner="制造、使用、销售", scope="湖北省",
        term="5年", fee_agreement="consistent", bank_name="工商银行珞珈山支行",
        bank_account="3202006009200012345", penalty="每日万分之五", improvement="licensee",
        dispute="court", copies=4, signed_on=dt.date.today(),
    )
    values.update(kw)
    return ContractFields(**values)  # type: ignore[arg-type]


def setup(store: Store) -> None:
    store.save_organisation(ORG)
    add_offer(store, 1, offer=replace(OFFER, fee=LUMP))
    assert contracts.save_patent_particulars(
        store, number(1), contracts.PatentParticulars(("张三", "李四"), dt.date(2027, 2, 28)))


def test_first_article_comes_from_the_patent_record(store: Store) -> None:
    setup(store)
    with store.session() as session:
        (patent,) = contracts.contract_patents(session, [number(1)])
    assert patent.inventors == ("张三", "李四")
    assert patent.fee_paid_until == dt.date(2027, 2, 28)
    assert patent.patentees == ("武汉大学",) and patent.grant_date == dt.date(2025, 5, 6)
    assert patent.expiry == dt.date(2044, 2, 29)
    assert contracts.patent_particulars(store, number(1)) == contracts.PatentParticulars(
        ("张三", "李四"), dt.date(2027, 2, 28))
    assert not contracts.save_patent_particulars(store, number(9), contracts.PatentParticulars())


def test_licensee_block_is_kept_for_the_next_contract(store: Store) -> None:
    setup(store)
    saved = contracts.save(store, contract())
    assert saved.saved and [f.code for f in saved.findings if f.is_error] == []
    assert contracts.licensees(store) == [LICENSEE]
    fresh = contracts.new_contract(store, [number(1)], "武汉光谷新材料有限公司")
    assert fresh.licensee == LICENSEE
    assert fresh.fee_agreement == "consistent" and fresh.term == "3年"
    # Editing the block on a later contract updates the one record.
    moved = replace(LICENSEE, address="武汉市江夏区")
    contracts.save(store, contract(licensee=moved))
    assert contracts.licensees(store) == [moved]
    assert contracts.load(store, saved.record_id or 0) == contract(licensee=moved)


def test_documents_are_written_only_without_errors_unless_draft(store: Store,
                                                                tmp_path: Path) -> None:
    setup(store)
    bad = contracts.save(store, contract(manner=""))
    assert bad.record_id is not None
    refused = contracts.write_documents(store, bad.record_id, tmp_path)
    assert not refused.ok and "contract.required" in {f.code for f in refused.findings}
    draft = contracts.write_documents(store, bad.record_id, tmp_path, draft=True)
    assert draft.ok and all("（草稿）" in p.name for p in draft.paths)

    good = contracts.save(store, contract())
    assert good.record_id is not None
    result = contracts.write_documents(store, good.record_id, tmp_path)
    assert [p.suffix for p in result.paths] == [".pdf", ".docx"]
    pdf, word = result.paths
    assert pdf.name == f"专利开放许可合同 武汉光谷新材料有限公司 ZL{number(1)}.pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "许 可 人：" in text and "武汉大学" in text and "张三、李四" in text
    paragraphs = "".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "一次性全额支付所有使用费\u00a0120000\u00a0元。" in paragraphs


def test_a_deal_is_created_from_a_signed_contract(store: Store) -> None:
    setup(store)
    unsigned = contracts.save(store, contract(signed_on=None))
    assert unsigned.record_id is not None
    refused = contracts.create_deal(store, unsigned.record_id)
    assert not refused.saved and refused.findings[0].code == "contract.not_signed"

    saved = contracts.save(store, contract())
    assert saved.record_id is not None
    result = contracts.create_deal(store, saved.record_id)
    assert result.saved, result.findings
    deal = store.deal(result.record_id)
    assert deal.fields.licensee == "武汉光谷新材料有限公司"
    assert deal.fields.payment.kind is PaymentMethod.LUMP_SUM
    assert deal.fields.payment.amount_yuan == Decimal("120000")
    assert deal.fields.patents == (number(1),) and deal.fields.offer_id is not None
    # The contract remembers its deal; creating again updates the same deal.
    again = contracts.create_deal(store, saved.record_id)
    assert again.record_id == result.record_id and len(store.deals()) == 1
    assert contracts.contracts(store)[-1].deal_id == result.record_id


def test_file_names_stay_within_the_file_systems_limit() -> None:
    long_name = contract(licensee=PartyBlock("某" * 150 + "有限公司"))
    stem = contracts.file_stem(long_name)
    assert stem.startswith("专利开放许可合同 某某") and len(stem.encode("utf-8")) <= 200
    assert len((stem + "（草稿）.docx").encode("utf-8")) <= 255
    assert contracts.file_stem(contract(licensee=PartyBlock("A/B:C"))).endswith(
        f"A_B_C ZL{number(1)}")
