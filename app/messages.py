"""The one message table: finding codes → words, in Simplified Chinese and English.

Rules return codes with parameters (app.models.findings); the window and the command line both
call `describe()` here, so a rule reads the same wherever a clerk meets it. Later features add
their codes to `MESSAGES` and their field names to `FIELD_LABELS`; a test checks that every code
a rule can return has both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from app.models.findings import Finding

ZH = "zh_CN"
EN = "en"
LANGUAGES = (ZH, EN)

# code: (English, 简体中文). Parameters in braces come from the finding.
MESSAGES: dict[str, tuple[str, str]] = {
    # Patent numbers (rule R1)
    "number.empty": ("Enter the patent number.", "请填写专利号。"),
    "number.publication": (
        "{publication} is a publication number, not the application number. Enter the "
        "application number (e.g. 201710601862.3) shown on the certificate.",
        "{publication} 是公告（公开）号，不是专利号。请填写证书上的申请号（如 201710601862.3）。",
    ),
    "number.malformed": (
        "\"{text}\" is not a patent number: expected 12 digits, a dot and a check character "
        "(201710601862.3), or 8 digits for numbers before 2003 (97101765.4).",
        "“{text}”不是有效的专利号：应为 12 位数字加“.”和校验位（如 201710601862.3），"
        "2003 年以前为 8 位数字（如 97101765.4）。",
    ),
    "number.year_out_of_range": (
        "The year {year} in the number is not possible for an application number.",
        "专利号中的年份 {year} 不可能是申请年份。",
    ),
    "number.type_unknown": (
        "The type digit {digit} is not a patent type (1 invention, 2 utility model, 3 design, "
        "8/9 PCT).",
        "类型位 {digit} 不是专利类型（1 发明，2 实用新型，3 外观设计，8/9 PCT 进入中国）。",
    ),
    "number.check_missing": (
        "The check character after the dot is missing; it should be {expected} "
        "({suggestion}).",
        "缺少“.”后的校验位，应为 {expected}（{suggestion}）。",
    ),
    "number.check_mismatch": (
        "Check character {given} is wrong: for these digits it is {expected}. Check the digits "
        "for a typing error.",
        "校验位 {given} 不正确，按这些数字应为 {expected}。请核对数字是否录错。",
    ),
    "number.duplicate": (
        "Patent {number} is already in the register.",
        "专利 {number} 已在登记册中。",
    ),
    "kind.unknown": ("Unknown patent type \"{kind}\".", "未知的专利类型“{kind}”。"),
    "kind.mismatch": (
        "The type entered ({entered}) disagrees with the number, which is a {derived} patent.",
        "填写的专利类型（{entered}）与专利号不符，该号码为{derived}专利。",
    ),
    "title.required": ("Enter the title of the invention.", "请填写发明创造名称。"),
    "patentees.required": (
        "Enter every patentee (at least one).",
        "请填写全体专利权人（至少一个）。",
    ),
    "patentees.blank": (
        "A patentee line is empty; remove it or fill it in.",
        "有一行专利权人为空，请删除或填写。",
    ),
    "patentees.duplicate": (
        "{name} is listed twice among the patentees.",
        "专利权人“{name}”重复填写。",
    ),
    "filing_date.required": ("Enter the filing date.", "请填写申请日。"),
    "filing_date.future": (
        "The filing date {date} is in the future.",
        "申请日 {date} 晚于今天。",
    ),
    "filing_date.year_mismatch": (
        "The number says it was filed in {number_year}, the filing date says {year}.",
        "专利号显示申请年份为 {number_year} 年，申请日却是 {year} 年。",
    ),
    "grant_date.before_filing": (
        "The grant announcement date {grant} is before the filing date {filing}.",
        "授权公告日 {grant} 早于申请日 {filing}。",
    ),
    "grant_date.future": (
        "The grant announcement date {date} is in the future.",
        "授权公告日 {date} 晚于今天。",
    ),
    "grant_date.missing": (
        "No grant announcement date: the information sheet needs it.",
        "未填写授权公告日，信息表需要此项。",
    ),
    "legal_status.unknown": ("Unknown legal status \"{status}\".", "未知的法律状态“{status}”。"),
    "legal_status.term_ended": (
        "The term ended on {expiry}, but the status says in force.",
        "专利期限已于 {expiry} 届满，但法律状态仍为有效。",
    ),
    "compensation.negative": (
        "Term compensation cannot be negative ({days} days).",
        "期限补偿天数不能为负数（{days} 天）。",
    ),
    "compensation.not_invention": (
        "Only inventions get term compensation; this is a {kind} patent.",
        "只有发明专利可以获得期限补偿，本专利为{kind}。",
    ),
    "expiry_override.note_missing": (
        "Say why the expiry date is entered by hand (e.g. the compensation decision).",
        "请注明手工填写届满日的依据（如期限补偿决定）。",
    ),
    # Organisation profile
    "postcode.invalid": ("A postcode has 6 digits.", "邮编应为 6 位数字。"),
    "phone.invalid": (
        "\"{phone}\" is not a mainland landline (027-87654321) or mobile (13912345678).",
        "“{phone}”不是有效的固定电话（如 027-87654321）或手机号码（如 13912345678）。",
    ),
    "email.invalid": ("\"{email}\" is not an e-mail address.", "“{email}”不是有效的电子邮件地址。"),
    "organisation.name_required": ("Enter the unit's name.", "请填写单位名称。"),
    # Database
    "db.folder_unwritable": (
        "Cannot create the data folder {path}: {reason}",
        "无法创建数据文件夹 {path}：{reason}",
    ),
    "db.not_a_database": (
        "{path} is not a Licence Desk database (or it is damaged): {reason}",
        "{path} 不是本软件的数据库文件（或已损坏）：{reason}",
    ),
    "db.newer_version": (
        "{path} was written by a newer version of Licence Desk (schema {revision}). Install "
        "the newer version to open it; the file was not changed.",
        "{path} 由更新版本的软件写入（结构版本 {revision}），"
        "请安装新版本后再打开；文件未作任何改动。",
    ),
    "db.migration_failed": (
        "Upgrading {path} failed: {reason}. A copy taken before the upgrade is at {backup}.",
        "升级数据库 {path} 失败：{reason}。升级前的副本保存在 {backup}。",
    ),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "number": ("Patent number", "专利号"),
    "title": ("Title", "发明创造名称"),
    "kind": ("Type", "专利类型"),
    "patentees": ("Patentees", "专利权人"),
    "filing_date": ("Filing date", "申请日"),
    "grant_date": ("Grant announcement date", "授权公告日"),
    "legal_status": ("Legal status", "法律状态"),
    "term_compensation_days": ("Term compensation (days)", "期限补偿（天）"),
    "expiry_override": ("Expiry date (entered)", "届满日（手工填写）"),
    "expiry_override_note": ("Reason for the entered expiry", "手工届满日依据"),
    "name": ("Name", "名称"),
    "postcode": ("Postcode", "邮编"),
    "phone": ("Phone", "电话"),
    "email": ("E-mail", "电子邮件"),
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "invention": ("invention", "发明"),
    "utility_model": ("utility model", "实用新型"),
    "design": ("design", "外观设计"),
}

LEGAL_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "valid": ("in force", "有效"),
    "lapsed": ("lapsed (fees unpaid)", "失效（未缴年费）"),
    "expired": ("expired (term ended)", "失效（期限届满）"),
    "invalidated": ("invalidated", "失效（宣告无效）"),
}

SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "error": ("error", "错误"),
    "warning": ("warning", "提示"),
}

_KIND_PARAMS = {"kind", "entered", "derived"}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == ZH else pair[0]


def label(table: Mapping[str, tuple[str, str]], key: str, language: str = ZH) -> str:
    pair = table.get(key)
    return _pick(pair, language) if pair else key


def _param_text(key: str, value: Any, language: str) -> str:
    if key in _KIND_PARAMS and isinstance(value, str) and value in KIND_LABELS:
        return label(KIND_LABELS, value, language)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def message(code: str, params: Mapping[str, Any] | None = None, language: str = ZH) -> str:
    """The sentence for a code; an unknown code shows itself rather than nothing."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    values = {k: _param_text(k, v, language) for k, v in (params or {}).items()}
    try:
        return _pick(pair, language).format(**values)
    except (KeyError, IndexError):
        return _pick(pair, language)


def describe(finding: Finding, language: str = ZH) -> str:
    return message(finding.code, finding.params, language)


def field_label(field: str, language: str = ZH) -> str:
    return label(FIELD_LABELS, field, language)
