"""The licence contract's text (notice 003, 附件 6) as plain data, for the PDF and the .docx.

Both renderers read the same list of `Block`s, so the Word file and the PDF say exactly the
same thing (a test converts the .docx with LibreOffice and compares the text). A block is a
paragraph made of `Run`s; a run marked `fill` is a blank of the form: the value underlined, or
an underlined gap when the data leaves it empty. Hints printed under a blank on the template
("（专利号、专利名称）", "（发明、实用新型、外观设计）", "（支付违约金的计算方法）") stay
only while the
blank is empty: a filled contract reads as a contract.

Wording is the notice's, character for character, apart from what the module's constants say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.models.contracts import (
    CONTRACT_COMMITMENTS,
    IMPROVEMENT_LABELS_ZH,
    TEXT_FIELDS,
    ContractFields,
    ContractPatent,
    Dispute,
    FeeAgreement,
    Improvement,
    PartyBlock,
    fee_clause,
    kind_name,
)
from app.models.fees import PERIOD_LABELS_ZH, FeeKind, FeeOption, InstalmentPeriod, decimal_text
from app.models.patent_number import parse

TITLE = "专利开放许可合同"
NOTICE_TITLE = "专利开放许可合同（参考样例）"  # the template's own title (see FORMS differences)
CHECKED = "☑"
UNCHECKED = "☐"
NBSP = "\u00a0"
SHORT = 6  # width of an empty blank, in NBSPs
MONEY = 10
TEXT = 20


class Kind(StrEnum):
    TITLE = "title"
    PARTY = "party"  # a line of a party block
    LEAD = "lead"  # the preamble: first-line indent
    ARTICLE = "article"  # 第X条 …: first-line indent
    ITEM = "item"  # an item of an article: first-line indent
    OPTION = "option"  # a ticked or unticked alternative: indented
    SUBOPTION = "suboption"  # an alternative under an alternative: indented twice
    SEAL = "seal"  # a signature block: label lines and the date, with a seal area
    SPACE = "space"


@dataclass(frozen=True)
class Run:
    text: str
    fill: bool = False  # underlined: a blank of the form, filled or not


@dataclass(frozen=True)
class Block:
    kind: Kind
    runs: tuple[Run, ...] = ()
    date: dt.date | None = None  # SEAL: the signing date (blank when None)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def blank(value: str | None, width: int = TEXT) -> Run:
    if value:
        return Run(f"{NBSP}{value}{NBSP}", fill=True)
    return Run(NBSP * width, fill=True)


def _b(kind: Kind, *parts: str | Run) -> Block:
    return Block(kind, tuple(Run(p) if isinstance(p, str) else p for p in parts))


def box(checked: bool) -> str:
    return CHECKED if checked else UNCHECKED


def official_number(number: str) -> str:
    result = parse(number)
    return result.number.official if result.valid and result.number else number.strip()


def date_zh(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _num(value: int | Decimal | None) -> str | None:
    if value is None:
        return None
    return decimal_text(value) if isinstance(value, Decimal) else str(value)


def _periods(chosen: InstalmentPeriod | None) -> str:
    return "/".join(box(p == chosen) + PERIOD_LABELS_ZH[p] for p in InstalmentPeriod)


# The fee sentences ------------------------------------------------------------------------------


def fee_runs(fee: FeeOption, kind: FeeKind, *, sheet_wording: bool) -> list[Run | str]:
    """One fee option's sentence with the figures of `fee` when it is that option.

    `sheet_wording`: the information sheet's ⑥ wording (for "一致", the declared option repeated
    in its own words); otherwise the contract's 第五条 wording. They differ only in option 5
    (其他明确合理的许可使用费标准 / 其他许可使用费标准：) — the contract has no "免费使用" line.
    """
    f = fee if fee.option is kind else FeeOption()
    if kind is FeeKind.FREE:
        return ["免费使用。"]
    if kind is FeeKind.ENTRY_PLUS_ROYALTY:
        return ["采用入门费和提成费相结合的方式，其中入门费为",
                blank(_num(f.entry_fee_yuan), MONEY),
                "元，提成费按当年度合同产品净销售额的",
                blank(_num(f.royalty_percent), SHORT), "%提取。"]
    if kind is FeeKind.LUMP_SUM:
        return ["采用一次总付的方式，在合同生效后", blank(_num(f.days), SHORT),
                "日内一次性全额支付所有使用费", blank(_num(f.amount_yuan), MONEY), "元。"]
    if kind is FeeKind.INSTALMENTS:
        return ["采用总付额内分期支付的方式，在合同生效后", blank(_num(f.first_days), SHORT),
                "日内支付第一批次", blank(_num(f.first_yuan), MONEY),
                f"元，后在每个会计{_periods(f.period)}截止前的", blank(_num(f.period_days), SHORT),
                "日内，分", blank(_num(f.batches), SHORT), "批次支付，每次支付",
                blank(_num(f.each_yuan), MONEY), "元。包括第一次在内总共支付",
                blank(_num(f.count), SHORT), "次，共计", blank(_num(f.total_yuan), MONEY), "元。"]
    text = f.text.strip() or None
    if sheet_wording:
        return ["其他明确合理的许可使用费标准", blank(text)]
    return ["其他许可使用费标准：", blank(text), "。"]


def fee_sentence(fee: FeeOption, *, sheet_wording: bool) -> str:
    """The chosen option's sentence as plain text (tests compare it with the sheet's ⑥)."""
    if fee.option is None:
        return ""
    runs = fee_runs(fee, fee.option, sheet_wording=sheet_wording)
    return "".join(r if isinstance(r, str) else r.text for r in runs)


NEGOTIATED_OPTIONS: tuple[FeeKind, ...] = (
    FeeKind.ENTRY_PLUS_ROYALTY, FeeKind.LUMP_SUM, FeeKind.INSTALMENTS, FeeKind.OTHER,
)


def _fee_article(contract: ContractFields, patents: Sequence[ContractPatent]) -> list[Block]:
    clause = fee_clause(contract, patents)
    consistent = clause.agreement is FeeAgreement.CONSISTENT
    negotiated = clause.agreement is FeeAgreement.NEGOTIATED
    out = [_b(Kind.ARTICLE, "第五条　被许可人向许可人支付实施该项专利权使用费及支付方式与许可人事先"
                            "在"
              "开放许可（试点）声明中的使用费标准和支付方式：")]
    declared: list[str | Run] = []
    if consistent and clause.option.option is not None:
        declared = ["，即：", *fee_runs(clause.option, clause.option.option, sheet_wording=True)]
    out.append(_b(Kind.OPTION, f"{box(consistent)}一致", *declared))
    out.append(_b(Kind.OPTION, f"{box(negotiated)}对专利权人实现声明的使用费标准等许可条件进行了协"
                               f"商修改，"
                  "具体为："))
    chosen = clause.option if negotiated else FeeOption()
    # A negotiation down to a free licence has no line of its own in 附件 6: it is "其他".
    if chosen.option is FeeKind.FREE:
        chosen = FeeOption(option=FeeKind.OTHER, text="免费使用")
    for kind in NEGOTIATED_OPTIONS:
        out.append(_b(Kind.SUBOPTION, box(chosen.option is kind),
                      *fee_runs(chosen, kind, sheet_wording=False)))
    out += [
        _b(Kind.ITEM, "许可人开户银行名称、地址和帐号为："),
        _b(Kind.ITEM, "开户银行：", blank(contract.bank_name.strip() or None)),
        _b(Kind.ITEM, "地址：", blank(contract.bank_address.strip() or None)),
        _b(Kind.ITEM, "帐号：", blank(contract.bank_account.strip() or None)),
    ]
    penalty = contract.penalty.strip()
    out.append(_b(Kind.ITEM, "被许可人未按本条规定支付许可使用费的，应当", blank(penalty or None),
                  *([] if penalty else ["（支付违约金的计算方法）"]), "，向许可人支付违约金。"))
    return out


# The whole contract -------------------------------------------------------------------------------


def _party(label: str, party: PartyBlock) -> list[Block]:
    def v(text: str) -> Run:
        return blank(text.strip() or None)

    return [
        _b(Kind.PARTY, f"{label}：", v(party.name)),
        _b(Kind.PARTY, "住 所 地：", v(party.domicile)),
        _b(Kind.PARTY, "法定代表人：", v(party.legal_representative)),
        _b(Kind.PARTY, "联 系 人：", v(party.contact_name), "　联系电话：", v(party.contact_phone)),
        _b(Kind.PARTY, "电子信箱：", v(party.email), "　传 真：", v(party.fax)),
        _b(Kind.PARTY, "通讯地址：", v(party.address)),
    ]


def _patent_items(p: ContractPatent) -> list[Block]:
    kind = kind_name(p.kind)
    term = ""
    if p.filing_date and p.expiry:
        term = f"{date_zh(p.filing_date)}至{date_zh(p.expiry)}"
    return [
        _b(Kind.ITEM, "1.为", blank(kind or None, SHORT),
           *([] if kind else ["（发明、实用新型、外观设计）"]), "专利。"),
        _b(Kind.ITEM, "2.发明人/设计人：", blank("、".join(p.inventors) or None), "。"),
        _b(Kind.ITEM, "3．专利权人为：", blank("、".join(p.patentees) or None), "。"),
        _b(Kind.ITEM, "4.专利授权日：", blank(date_zh(p.grant_date) or None), "。"),
        _b(Kind.ITEM, "5.专利号：", blank(official_number(p.number) or None), "。"),
        _b(Kind.ITEM, "6.专利有效期限：", blank(term or None), "。"),
        _b(Kind.ITEM, "7.专利年费已交至", blank(date_zh(p.fee_paid_until) or None), "。"),
    ]


def _choice(chosen: str, value: str) -> str:
    return box(chosen == value)


def _commission(text: str) -> str | None:
    text = text.strip()
    if text.endswith("仲裁委员会"):
        text = text[: -len("仲裁委员会")].strip()
    return text or None


def contract_blocks(
    contract: ContractFields, licensor: PartyBlock, patents: Sequence[ContractPatent]
) -> list[Block]:
    """The contract, block by block, in the notice's order."""
    names = "；".join(f"{official_number(p.number)}、{p.title}" if p.title
                     else official_number(p.number) for p in patents)
    blocks: list[Block] = [_b(Kind.TITLE, TITLE)]
    blocks += _party("许 可 人", licensor)
    blocks.append(Block(Kind.SPACE))
    blocks += _party("被 许 可 人", contract.licensee)
    blocks.append(Block(Kind.SPACE))
    blocks.append(_b(Kind.LEAD, "本合同许可人以普通许可方式，许可被许可人实施其所拥有的",
                     blank(names or None),
                     *([] if names else ["（专利号、专利名称）"]),
                     "专利权，被许可人支付相应的实施许可使用费。双方经过平等协商，在真实、充分地表"
                     "达各自意愿的"
                     "基础上，达成如下协议，并由双方共同恪守。"))
    blocks.append(_b(Kind.ARTICLE, "第一条　本合同许可实施的专利权："))
    if len(patents) <= 1:
        blocks += _patent_items(patents[0] if patents else ContractPatent(number=""))
    else:
        for i, p in enumerate(patents, 1):
            blocks.append(_b(Kind.ITEM, f"（{i}）{official_number(p.number)}"))
            blocks += _patent_items(p)
    blocks.append(_b(Kind.ARTICLE, "第二条　许可人承诺符合开放许可（试点）声明条件："))
    blocks += [_b(Kind.ITEM, f"{i}.{t}") for i, t in enumerate(CONTRACT_COMMITMENTS, 1)]
    blocks += [
        _b(Kind.ARTICLE, "第三条　许可人许可被许可人以如下范围、方式和期限实施本项专利："),
        _b(Kind.ITEM, "1.实施方式：", blank(contract.manner.strip() or None), "。"),
        _b(Kind.ITEM, "2.实施范围：", blank(contract.scope.strip() or None), "。"),
        _b(Kind.ITEM, "3.实施期限：", blank(contract.term.strip() or None), "。"),
        _b(Kind.ARTICLE, "第四条　被许可人在实施本项专利过程中，如需许可人提供相关技术资料、技术服"
                         "务和"
           "技术指导的，另行合同约定。"),
    ]
    blocks += _fee_article(contract, patents)
    blocks += [
        _b(Kind.ARTICLE, "第六条　许可人应当保证其专利权实施许可不侵犯任何第三人的合法权益，如发生"
                         "第三人"
           "指控被许可人侵犯专利权的，许可人应当", blank(contract.infringement.strip() or None),
           "。许可人、被许可人可与第三人协商，或在其他第三方的调解、斡旋下达成和解协议，解决纠纷。"),
        _b(Kind.ITEM, "涉及行政指控或法院起诉的，许可人和被许可人应当依法处理。"),
        _b(Kind.ITEM, "其他：", blank(contract.infringement_other.strip() or None), "。"),
        _b(Kind.ARTICLE, "第七条　许可人应当在本合同有效期内维持本项专利权的有效性。如由于许可人过"
                         "错致使"
           "本项专利权终止，或本项专利权被国家专利行政主管机关宣布无效，本合同终止，许可人应向被许"
           "可人"
           "返还已支付的许可使用费。"),
        _b(Kind.ARTICLE, "第八条　被许可人有权利用许可人许可实施的专利技术进行后续改进。由此产生的"
                         "具有"
           "实质性或创造性技术进步特征的新的技术成果，归：")]
    for choice in Improvement:
        extra: list[str | Run] = []
        if choice is Improvement.OTHER:
            other = contract.improvement_other.strip() if contract.improvement == choice else ""
            extra = [blank(other or None), "。"]
        blocks.append(_b(Kind.OPTION, _choice(contract.improvement, choice.value),
                         IMPROVEMENT_LABELS_ZH[choice], *extra))
    blocks += [
        _b(Kind.ITEM, "具体利益分配方式如下：", blank(contract.benefit_sharing.strip() or None),
           "。"),
        _b(Kind.ARTICLE, "第九条　本合同的变更必须由双方协商一致，并以书面形式确定。"),
        _b(Kind.ARTICLE, "第十条　双方确定，出现下列情形，致使本合同的履行成为不必要或不可能，可以"
                         "解除"
           "本合同："),
        _b(Kind.ITEM, "1.发生不可抗力；"),
        _b(Kind.ITEM, "2.", blank(contract.termination_2.strip() or None), "；"),
        _b(Kind.ITEM, "3.", blank(contract.termination_3.strip() or None), "。"),
    ]
    way = {Dispute.ARBITRATION.value: "1", Dispute.COURT.value: "2"}.get(contract.dispute)
    commission = (_commission(contract.arbitration_commission)
                  if contract.dispute == Dispute.ARBITRATION else None)
    blocks += [
        _b(Kind.ARTICLE, "第十一条　双方因履行本合同而发生的争议，应协商、调解解决。协商、调解不成"
                         "的，"
           "确定按以下第", blank(way, SHORT), "种方式处理："),
        # The way is named by its number in the blank above, as the notice has it: no boxes.
        _b(Kind.OPTION, "1.提交", blank(commission), "仲裁委员会仲裁；"),
        _b(Kind.OPTION, "2.依法向人民法院起诉。"),
        _b(Kind.ARTICLE, "第十二条　双方约定本合同其他相关事项为：",
           blank(contract.other_matters.strip() or None), "。"),
        _b(Kind.ARTICLE, "第十三条　本合同一式", blank(_num(contract.copies), SHORT),
           "份，具有同等法律效力。"),
        _b(Kind.ARTICLE, "第十四条　本合同经双方签字盖章后生效。"),
    ]
    for label, party in (("许可人", licensor), ("被许可人", contract.licensee)):
        blocks.append(Block(Kind.SEAL, (
            Run(f"{label}："), blank(party.name.strip() or None), Run("（盖章）\n"),
            Run("法定代表人／委托代理人："), blank(None, TEXT), Run("（签名）"),
        ), date=contract.signed_on))
    return blocks


def data_texts(contract: ContractFields, licensor: PartyBlock,
               patents: Sequence[ContractPatent]) -> list[tuple[str, str, str]]:
    """Every data text the contract prints, as (record, field, text) for the font check."""
    record = contract.licensee.name or "contract"
    out = [(record, f"licensor.{k}", v) for k, v in licensor.__dict__.items()]
    out += [(record, f"licensee.{k}", v) for k, v in contract.licensee.__dict__.items()]
    for p in patents:
        out += [(p.number, "title", p.title), (p.number, "inventors", "、".join(p.inventors)),
                (p.number, "patentees", "、".join(p.patentees))]
    out += [(record, k, str(getattr(contract, k))) for k in TEXT_FIELDS]
    out.append((record, "fee.text", contract.fee_option().text))
    return out
