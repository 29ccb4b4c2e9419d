"""Seed data: the send targets and mail-server presets the application ships with.

These are copied into the database the first time submission is used (see
`SubmissionRecords.ensure_default_targets`); from then on the clerk edits the database rows —
addresses and templates change every year, so nothing reads these values directly to send.
The notices they come from are in the shared seeds (Hubei 003, Henan 000, Xinyang 001,
Anhui 004).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.models.submission import AccountSecurity


class DocumentKind(StrEnum):
    """What a document is, as `GeneratedDocument.kind` records it."""

    SUMMARY_LIST = "summary_list"  # 湖北省专利开放许可（试点）汇总表
    INFORMATION_SHEET = "information_sheet"  # 专利开放许可（试点）信息表
    DECLARATION = "declaration"  # 同意开放许可（试点）的声明
    SUMMARY_BOOK = "summary_book"  # 河南省专利开放许可试点工作总结书
    OPS_CENTRE_TABLE = "ops_centre_table"  # 河南省高校知识产权运营管理中心建设工作总结表
    STATISTICS_TABLE = "statistics_table"  # 专利开放许可试点情况统计表
    DEAL_LIST = "deal_list"  # 专利开放许可（试点）达成项目清单
    CONTACT_SHEET = "contact_sheet"  # 专利开放许可试点工作联系人信息表
    # Henan's own contacts sheet (000 附件 1: 手机, not 手机号; its own title).
    HENAN_CONTACT_SHEET = "contact_sheet_henan"  # 河南省专利开放许可试点工作联系人信息表
    # Anhui's inventory tables (seed 004, issue 15): each recorded as its PDF and its workbook.
    INVENTORY_TRANSFER_TABLE = "inventory_transfer_table"  # 高校和科研机构转化专利统计表
    INVENTORY_CLASSIFICATION_TABLE = "inventory_classification_table"  # …存量可转化专利分类统计表


DOCUMENT_KIND_LABELS: dict[str, tuple[str, str]] = {
    DocumentKind.SUMMARY_LIST: ("summary list", "汇总表"),
    DocumentKind.INFORMATION_SHEET: ("information sheet", "信息表"),
    DocumentKind.DECLARATION: ("declaration", "声明"),
    DocumentKind.SUMMARY_BOOK: ("summary book", "总结书"),
    DocumentKind.OPS_CENTRE_TABLE: (
        "operations-centre summary table", "运营管理中心建设工作总结表"
    ),
    DocumentKind.STATISTICS_TABLE: ("statistics table", "试点情况统计表"),
    DocumentKind.DEAL_LIST: ("achieved-licence list", "达成项目清单"),
    DocumentKind.CONTACT_SHEET: ("contact sheet", "联系人信息表"),
    DocumentKind.HENAN_CONTACT_SHEET: ("contact sheet (Henan)", "联系人信息表"),
    DocumentKind.INVENTORY_TRANSFER_TABLE: ("inventory: patents in transfer", "转化专利统计表"),
    DocumentKind.INVENTORY_CLASSIFICATION_TABLE: (
        "inventory: convertible patents by field", "存量可转化专利分类统计表"
    ),
}

# The official titles, as the mail body names what is attached (area: mail text, issue 17.14).
DOCUMENT_TITLES: dict[str, str] = {
    DocumentKind.SUMMARY_LIST: "《湖北省专利开放许可（试点）汇总表》",
    DocumentKind.INFORMATION_SHEET: "《专利开放许可（试点）信息表》",
    DocumentKind.DECLARATION: "《同意开放许可（试点）的声明》",
    DocumentKind.SUMMARY_BOOK: "《河南省专利开放许可试点工作总结书》",
    DocumentKind.OPS_CENTRE_TABLE: "《河南省高校知识产权运营管理中心建设工作总结表》",
    DocumentKind.STATISTICS_TABLE: "《专利开放许可试点情况统计表》",
    DocumentKind.DEAL_LIST: "《专利开放许可试点达成项目清单》",
    DocumentKind.CONTACT_SHEET: "《专利开放许可试点工作联系人信息表》",
    DocumentKind.INVENTORY_TRANSFER_TABLE: "《高校和科研机构转化专利统计表》",
    DocumentKind.INVENTORY_CLASSIFICATION_TABLE: "《高校和科研机构存量可转化专利分类统计表》",
}

# Kinds recorded once per file format (the PDF and the workbook of one table): a package takes
# the newest of each format.
PER_FORMAT_KINDS = frozenset({DocumentKind.INVENTORY_TRANSFER_TABLE,
                              DocumentKind.INVENTORY_CLASSIFICATION_TABLE})


def documents_phrase(kinds: list[str]) -> str:
    """The short names of `kinds` for a subject: 汇总表、信息表及声明."""
    labels = list(dict.fromkeys(DOCUMENT_KIND_LABELS[k][1] if k in DOCUMENT_KIND_LABELS else k
                                for k in kinds))
    if len(labels) <= 1:
        return "".join(labels)
    return "、".join(labels[:-1]) + "及" + labels[-1]


def document_titles(kinds: list[str]) -> str:
    """The official titles of `kinds` for a body: 《…汇总表》《…信息表》《…的声明》."""
    return "".join(dict.fromkeys(DOCUMENT_TITLES.get(k, f"《{k}》") for k in kinds))


# Kinds that exist once per patent: their file-name rule needs {patent}.
PER_PATENT_KINDS = frozenset({DocumentKind.INFORMATION_SHEET, DocumentKind.DECLARATION})

DEFAULT_SIZE_LIMIT = 50_000_000  # "50 MB", the smaller reading, as the whole encoded mail


@dataclass(frozen=True)
class TargetPreset:
    key: str
    name: str
    office: str
    recipients: tuple[str, ...]
    subject_template: str
    body_template: str
    document_kinds: tuple[str, ...]
    file_types: tuple[str, ...]
    file_names: dict[str, str] = field(default_factory=dict)
    size_limit: int = DEFAULT_SIZE_LIMIT
    note: str = ""


# Placeholders: {unit} {office} {date} {count} {mail_count} {part} {parts} {part_note}
# {files} {contact} {phone}, and {documents} / {document_titles}: the kinds of document the
# package attaches (short names / official titles), so the text never names one it lacks.
# The subject gets " (1/3)" appended when a package needs several mails.
# What every body ends with: the attachments listed, the contact, the unit and the date.
_LIST_AND_SIGNATURE = (
    "\n"
    "本邮件附件（共 {mail_count} 个）：\n"
    "{files}\n"
    "\n"
    "联系人：{contact}　联系电话：{phone}\n"
    "\n"
    "{unit}\n"
    "{date}\n"
)

_HUBEI_BODY = (
    "{office}：\n"
    "\n"
    "您好！根据《湖北省专利开放许可试点实施方案》有关要求，现将我单位{document_titles}"
    "以 PDF 文件格式报送，请查收。"
    "{part_note}\n"
    + _LIST_AND_SIGNATURE
)

_HENAN_BODY = (
    "{office}：\n"
    "\n"
    "您好！根据《关于深入实施河南省专利开放许可及试点工作总结的通知》要求，现将我单位"
    "{document_titles}电子版报送，请查收。盖章纸质材料（装订成册两份）另行报送。"
    "{part_note}\n"
    + _LIST_AND_SIGNATURE
)

_XINYANG_BODY = (
    "{office}：\n"
    "\n"
    "您好！根据《信阳市市场监督管理局关于进一步推进专利开放许可试点工作的通知》（信市监〔2023〕56号）要求，"
    "现将我单位{document_titles}电子扫描版报送，请查收。盖章纸质材料另行报送。"
    "{part_note}\n"
    + _LIST_AND_SIGNATURE
)

# Anhui (seed 004, 皖市监知促函〔2024〕4号): the notice asks for the two inventory tables'
# electronic versions and names one mailbox, its contact's (胡徽东, ahzscq@126.com, of the
# provincial bureau that issued it). It gives no subject and no body: these are ours.
_ANHUI_BODY = (
    "{office}：\n"
    "\n"
    "您好！根据《安徽省开展高校科研机构存量专利筛选推介工作实施方案（2023-2025年）》"
    "（皖市监知促函〔2024〕4号）要求，现将我单位存量专利盘点{document_titles}电子版报送，"
    "请查收。"
    "{part_note}\n"
    + _LIST_AND_SIGNATURE
)

DEFAULT_TARGETS: tuple[TargetPreset, ...] = (
    TargetPreset(
        key="hubei",
        name="湖北",
        office="湖北省知识产权局运用促进处",
        recipients=("dingwei@hbipo.gov.cn",),
        subject_template="{unit}报送专利开放许可（试点）{documents}",
        body_template=_HUBEI_BODY,
        document_kinds=(
            DocumentKind.SUMMARY_LIST, DocumentKind.INFORMATION_SHEET, DocumentKind.DECLARATION,
        ),
        file_types=("pdf",),
        file_names={
            DocumentKind.SUMMARY_LIST: "汇总表",
            DocumentKind.INFORMATION_SHEET: "{patent} 信息表",
            DocumentKind.DECLARATION: "{patent} 声明",
        },
        note="各市州于 8 月 31 日前、各高校院所于 9 月 20 日前报送，PDF 文件格式。",
    ),
    TargetPreset(
        key="henan",
        name="河南",
        office="河南省市场监管局（知识产权局）知识产权促进处",
        recipients=("zscqyy@126.com",),
        subject_template="{unit}报送专利开放许可试点工作总结材料",
        body_template=_HENAN_BODY,
        document_kinds=(DocumentKind.SUMMARY_BOOK, DocumentKind.OPS_CENTRE_TABLE,
                        DocumentKind.HENAN_CONTACT_SHEET),
        file_types=("pdf", "xlsx"),
        file_names={
            DocumentKind.SUMMARY_BOOK: "河南省专利开放许可试点工作总结书",
            DocumentKind.OPS_CENTRE_TABLE: "河南省高校知识产权运营管理中心建设工作总结表",
            DocumentKind.HENAN_CONTACT_SHEET: "河南省专利开放许可试点工作联系人信息表",
        },
        note="12 月 11 日前；盖章纸质材料装订成册两份，经所在地市局汇总报送。",
    ),
    TargetPreset(
        key="xinyang",
        name="信阳",
        office="信阳市市场监管局知识产权促进科",
        recipients=("xyszscqj@163.com",),
        subject_template="{unit}报送专利开放许可试点{documents}",
        body_template=_XINYANG_BODY,
        document_kinds=(
            DocumentKind.STATISTICS_TABLE, DocumentKind.DEAL_LIST, DocumentKind.CONTACT_SHEET,
        ),
        file_types=("pdf", "xlsx"),
        file_names={
            DocumentKind.STATISTICS_TABLE: "专利开放许可试点情况统计表",
            DocumentKind.DEAL_LIST: "专利开放许可试点达成项目清单",
            DocumentKind.CONTACT_SHEET: "专利开放许可试点工作联系人信息表",
        },
        note="加盖公章纸质版（一式四份）和电子扫描版均须提交。",
    ),
    TargetPreset(
        key="anhui",
        name="安徽",
        office="安徽省市场监督管理局知识产权促进处",
        recipients=("ahzscq@126.com",),
        subject_template="{unit}报送存量专利盘点{documents}",
        body_template=_ANHUI_BODY,
        document_kinds=(DocumentKind.INVENTORY_TRANSFER_TABLE,
                        DocumentKind.INVENTORY_CLASSIFICATION_TABLE),
        file_types=("xlsx", "pdf"),
        file_names={
            DocumentKind.INVENTORY_TRANSFER_TABLE: "高校和科研机构转化专利统计表",
            DocumentKind.INVENTORY_CLASSIFICATION_TABLE: "高校和科研机构存量可转化专利分类统计表",
        },
        note=("通知要求两表电子版于 2024 年 3 月 15 日前报送辖区内市级知识产权管理部门，"
              "未给出其邮箱；此处预置的是通知所附省市场监管局联系人胡徽东的邮箱"
              "（0551-63356984，落实情况于 6 月 30 日、12 月 30 日前报送）。"
              "报送市级部门时请改为该部门的邮箱。"),
    ),
)


@dataclass(frozen=True)
class AccountPreset:
    key: str
    label: str
    host: str
    port: int
    security: AccountSecurity
    hint: str = ""  # where the clerk finds the authorisation code


ACCOUNT_PRESETS: tuple[AccountPreset, ...] = (
    AccountPreset("126", "网易 126 邮箱", "smtp.126.com", 465, AccountSecurity.SSL,
                  "设置 → POP3/SMTP/IMAP → 开启 SMTP 服务，使用授权码而不是登录密码"),
    AccountPreset("163", "网易 163 邮箱", "smtp.163.com", 465, AccountSecurity.SSL,
                  "设置 → POP3/SMTP/IMAP → 开启 SMTP 服务，使用授权码而不是登录密码"),
    AccountPreset("qq", "QQ 邮箱", "smtp.qq.com", 465, AccountSecurity.SSL,
                  "设置 → 账户 → 开启 SMTP 服务，生成授权码"),
    AccountPreset("corporate", "单位邮件服务器", "", 587, AccountSecurity.STARTTLS,
                  "服务器地址请向本单位网络管理员询问"),
)
