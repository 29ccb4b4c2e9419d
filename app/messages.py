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
from app.os_errors import reason_kind, reason_params

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
    "compensation.too_large": (
        "Term compensation of {days} days is more than ten years ({limit} days): check the "
        "figure, it counts days.",
        "期限补偿 {days} 天超过十年（{limit} 天），请核对：此处填写的是天数。",
    ),
    "compensation.not_invention": (
        "Only inventions get term compensation; this is a {kind} patent.",
        "只有发明专利可以获得期限补偿，本专利为{kind}。",
    ),
    "expiry_override.note_missing": (
        "Say why the expiry date is entered by hand (e.g. the compensation decision).",
        "请注明手工填写届满日的依据（如期限补偿决定）。",
    ),
    # Offers: the information sheet and the declaration (rules R2–R7)
    "offer.patent_has_errors": (
        "The patent record has an error: {detail}",
        "专利记录有误：{detail}",
    ),
    "offer.patent_not_in_force": (
        "The patent is not in force ({status}): only a patent in force can be offered.",
        "该专利不是有效状态（{status}），只有有效专利才能实行开放许可。",
    ),
    "offer.patent_term_ended": (
        "The patent's term ended on {expiry}.",
        "该专利的期限已于 {expiry} 届满。",
    ),
    "offer.patent_pledged": (
        "The patent is pledged: without the pledgee's consent it cannot be offered for open "
        "licensing.",
        "该专利处于质押状态，未经质权人同意不得提出开放许可声明。",
    ),
    "offer.choose_one": (
        "Choose one of the alternatives (only one).",
        "请从备选项中选择一项，不得多选。",
    ),
    "offer.choice_unknown": ("Unknown choice \"{value}\".", "无法识别的选项“{value}”。"),
    "offer.detail_required": (
        "Fill this in: it is required with the \"已…\" alternative.",
        "选择“已……”时此项必填。",
    ),
    "offer.detail_not_allowed": (
        "Leave this empty: it belongs to the \"已…\" alternative, which is not chosen.",
        "未选择“已……”，此项应为空。",
    ),
    "offer.exclusive_licence": (
        "An {kind} licence is recorded: while it runs, commitment 1 forbids an open licence.",
        "已登记{kind}，在其有效期限内不得实行开放许可（承诺第 1 条）。",
    ),
    "offer.required": ("This field is required.", "此项必填。"),
    "offer.licence_after_patent_expiry": (
        "The licence expiry {licence_expiry} is after the patent's expiry {patent_expiry}; it "
        "may not exceed it.",
        "许可期限届满日 {licence_expiry} 晚于专利期限"
        "届满日 {patent_expiry}，不能超过专利期限届满日。",
    ),
    "offer.licence_expiry_not_future": (
        "The licence expiry {licence_expiry} must be after today.",
        "许可期限届满日 {licence_expiry} 应晚于今天。",
    ),
    "offer.licence_expiry_before_declaration": (
        "The licence expiry {licence_expiry} must be after the declaration date {declared_on}.",
        "许可期限届满日 {licence_expiry} 应晚于声明日期 {declared_on}。",
    ),
    "offer.summary_field_missing": (
        "The summary list needs this.",
        "汇总表需要此项。",
    ),
    "offer.declared_on_missing": (
        "No declaration date: the declaration will leave the date blank to write by hand.",
        "未填写声明日期，声明中的日期将留空，需手写。",
    ),
    "offer.declared_on_future": (
        "The declaration date {declared_on} is in the future.",
        "声明日期 {declared_on} 晚于今天。",
    ),
    "offer.returned_to_draft": (
        "The offer was finalised; this change returned it to draft ({fields}). Its printed "
        "sheet and declaration no longer match: finalise and print them again.",
        "该信息表已定稿，本次修改使其退回草稿（{fields}）。已打印的信息表和声明不再有效，"
        "请重新定稿并打印。",
    ),
    "offer.not_finalised": (
        "The offer for {number} is not finalised.",
        "专利 {number} 的信息表尚未定稿。",
    ),
    "offer.cannot_finalise": (
        "The offer for {number} has {count} error(s) and cannot be finalised.",
        "专利 {number} 的信息表有 {count} 处错误，不能定稿。",
    ),
    "offer.patent_missing": (
        "The patent (record {id}) no longer exists.",
        "该专利（记录 {id}）已不存在。",
    ),
    "offer.missing": (
        "The offer (record {id}) no longer exists.",
        "该信息表（记录 {id}）已不存在。",
    ),
    "cli.record_offer": ("information sheet {number}", "信息表 {number}"),
    "cli.record_deal": ("licence No. {serial}", "达成许可 {serial} 号"),
    "cli.record_book": ("summary book {period}", "总结书 {period}"),
    "offer.exists": ("Patent {number} already has an offer.", "专利 {number} 已有信息表。"),
    "fee.several_options": (
        "More than one fee option is ticked ({options}); choose exactly one.",
        "许可使用费标准勾选了多项（{options}），只能任选其一。",
    ),
    "fee.option_missing": ("Choose one fee option.", "请选择一种许可使用费标准。"),
    "fee.option_unknown": ("Unknown fee option \"{option}\".", "无法识别的使用费方式“{option}”。"),
    "fee.period_unknown": (
        "Unknown instalment period \"{period}\" (month, quarter or year).",
        "无法识别的分期周期“{period}”（应为月份、季度或年度）。",
    ),
    "fee.not_whole_number": ("\"{value}\" is not a whole number.", "“{value}”不是整数。"),
    "fee.not_a_number": ("\"{value}\" is not an amount.", "“{value}”不是有效的金额。"),
    "fee.parameter_missing": ("Enter this figure.", "请填写此项。"),
    "fee.parameter_not_positive": (
        "Must be greater than 0 ({value} entered).",
        "应大于 0（填写的是 {value}）。",
    ),
    "fee.royalty_over_100": (
        "The royalty is a share of net sales: at most 100 % ({value} % entered).",
        "提成比例不能超过 100%（填写的是 {value}%）。",
    ),
    "fee.count_too_small": (
        "Paying by instalments means at least 2 payments ({count} entered).",
        "分期支付至少应支付 2 次（填写的是 {count} 次）。",
    ),
    "fee.count_mismatch": (
        "The first payment plus {batches} batches makes {expected} payments, not {count}.",
        "第一批次加上分 {batches} 批次支付，总共应支付 {expected} 次，而不是 {count} 次。",
    ),
    "fee.instalments_sum": (
        "First payment {first} + ({count} − 1) × {each} = {expected} yuan, but the total is "
        "{total} yuan.",
        "第一批次 {first} 元 +（{count} − 1）× 每次 {each}"
        " 元 = {expected} 元，与共计 {total} 元不符。",
    ),
    # Deals (achieved licences) and the Henan summary book (app/models/deals.py, summary_book.py)
    "deal.patents_required": (
        "Add the patent(s) the contract licenses (all of them for a patent package).",
        "请填写许可涉及的专利号（专利包须填写全部专利）。",
    ),
    "deal.patent_number_invalid": (
        "Patent number \"{number}\": {detail}",
        "专利号“{number}”：{detail}",
    ),
    "deal.patent_not_in_register": (
        "Patent {number} is not in the register: add it there first, so the licensors (its "
        "patentees) are known.",
        "专利 {number} 不在登记册中，请先录入该专利，以便取得专利权人（许可人）。",
    ),
    "deal.patent_repeated": (
        "Patent {number} is listed twice in this deal; remove one.",
        "专利 {number} 在本项许可中重复填写，请删去一个。",
    ),
    "deal.licensee_required": ("Enter the licensee's name.", "请填写被许可人名称。"),
    "deal.date_required": (
        "Enter the licence date (contract date): without it the deal cannot be placed in a "
        "reporting period.",
        "请填写许可日期（合同签订日期），否则无法确定计入哪个填报期。",
    ),
    "deal.date_future": (
        "The licence date {date} is in the future; check it.",
        "许可日期 {date} 晚于今天，请核对。",
    ),
    "deal.date_after_period": (
        "Dated {date}, after the period end ({period_end}): not counted in this book. Check "
        "the date, or report it in the next period.",
        "许可日期 {date} 晚于填报截止月份（{period_end}），不计入本期总结书。"
        "请核对日期，或在下期填报。",
    ),
    "deal.date_before_period": (
        "Dated {date}, before the period start {period_start}: not counted in this report.",
        "许可日期 {date} 早于填报期起始日 {period_start}，不计入本期。",
    ),
    "deal.offer_patent_not_in_deal": (
        "The linked open-licence offer is for patent {number}, which is not among this deal's "
        "patents. Add the patent or unlink the offer.",
        "所关联的开放许可声明针对专利 {number}，但本项许可未包含该专利。请补充专利或取消关联。",
    ),
    "deal.method_required": (
        "Choose how the licence fee is paid (free, lump sum, instalments, entry fee + royalty, "
        "royalty, other).",
        "请选择使用费支付方式（免费、一次总付、分期支付、入门费+提成、提成、其他）。",
    ),
    "deal.method_unknown": (
        "Unknown payment method \"{method}\".",
        "无法识别的支付方式“{method}”。",
    ),
    "deal.not_a_number": ("\"{value}\" is not an amount.", "“{value}”不是有效的金额。"),
    "deal.amount_required": (
        "Enter the amount in yuan: a paid licence needs it.",
        "收费许可须填写金额（元）。",
    ),
    "deal.amount_not_positive": (
        "The amount must be greater than 0 ({value} entered); for a free licence choose "
        "\"free\".",
        "金额应大于 0（填写的是 {value}）；免费许可请选择“免费”。",
    ),
    "deal.royalty_percent_missing": (
        "The royalty rate is not entered (not printed on the list, but keep it on record).",
        "未填写提成比例（清单中不打印，但建议记录）。",
    ),
    "deal.royalty_percent_range": (
        "The royalty rate must be above 0 and at most 100 % ({value} % entered).",
        "提成比例应大于 0 且不超过 100%（填写的是 {value}%）。",
    ),
    "deal.payment_text_required": (
        "Describe the other payment terms.",
        "请填写其他支付方式的具体约定。",
    ),
    "deal.contract_missing": (
        "Attach the contract or the filing (备案) record: every deal needs one as supporting "
        "material.",
        "请添加许可合同或备案文件：每项许可都须提供合同协议或备案文件作为支撑材料。",
    ),
    "deal.receipt_missing": (
        "Attach the payment receipt(s): a licence that produced a fee needs them.",
        "请添加经费来往票据：产生使用费的许可须提供相关票据。",
    ),
    "deal.receipt_pending": (
        "No payment receipt yet: attach one once a royalty or fee is paid.",
        "尚无经费来往票据：产生使用费后请添加票据。",
    ),
    "deal.missing": ("The deal (record {id}) no longer exists.", "该许可（记录 {id}）已不存在。"),
    "deal.offer_missing": (
        "The linked offer (record {id}) no longer exists; the deal was saved without the link.",
        "所关联的开放许可声明（记录 {id}）已不存在，已取消关联后保存。",
    ),
    "deal.file_kind_unknown": (
        "Unknown kind of supporting file \"{kind}\" (contract, filing record, receipt, other).",
        "无法识别的材料类型“{kind}”（合同、备案文件、票据、其他）。",
    ),
    "deal.file_unreadable": (
        "Cannot copy {path}: {reason}. Check that the file exists and is not open elsewhere.",
        "无法复制 {path}：{reason}。请确认文件存在且未被其他程序占用。",
    ),
    "book.period_invalid": (
        "\"{value}\" is not a month: enter the period end as YYYY-MM (e.g. 2023-11).",
        "“{value}”不是有效的月份，请按“年-月”填写截止月份（如 2023-11）。",
    ),
    "book.period_in_future": (
        "The period ends in {period_end}, which has not begun yet.",
        "截止月份 {period_end} 尚未到来，请核对。",
    ),
    "book.missing": (
        "There is no summary book for {period_end}; save it first.",
        "尚无 {period_end} 的总结书，请先保存。",
    ),
    "book.returned_to_draft": (
        "The summary book for {period_end} was finalised; this change returned it to draft. "
        "Finalise and print it again.",
        "{period_end} 的总结书已定稿，本次修改使其退回草稿，请重新定稿并打印。",
    ),
    "book.unit_name_missing": (
        "The unit's name is missing: enter it in the organisation profile.",
        "缺少单位名称，请在单位信息中填写。",
    ),
    "book.field_missing": (
        "Not filled in: the printed book will leave it blank to write by hand.",
        "未填写，打印件中此处将留空，需手写。",
    ),
    "book.url_invalid": (
        "\"{url}\" does not look like a web address.",
        "“{url}”不像是有效的网址。",
    ),
    "book.offer_undated": (
        "The offer for {number} is finalised but has no declaration date, so it is not counted "
        "in 开放许可信息声明量. Enter its declaration date.",
        "专利 {number} 的信息表已定稿但无声明日期，未计入“开放许可信息声明量”。请填写声明日期。",
    ),
    "book.override_unknown": (
        "\"{figure}\" is not a figure of the statistics table.",
        "“{figure}”不是统计表中的指标。",
    ),
    "book.override_invalid": (
        "\"{value}\" is not a valid figure (a count is a whole number ≥ 0, an amount ≥ 0).",
        "“{value}”不是有效的数值（数量应为不小于 0 的整数，金额不小于 0）。",
    ),
    "book.override_differs": (
        "“{heading}”: {entered} entered, but the records give {computed} (difference "
        "{difference}). Check the figure, or correct the records and clear the entry.",
        "“{heading}”填写为 {entered}，按记录计算为 {computed}（相差 {difference}）。"
        "请核对，或修正记录后清除手填数字。",
    ),
    "book.totals_mismatch": (
        "Free ({free}) + paid ({paid}) licences must equal the total ({total}).",
        "达成免费许可总数（{free}）+ 收费许可总数（{paid}）应等于达成许可总数（{total}）。",
    ),
    "book.not_a_count": (
        "{value} is not a count: enter a whole number ≥ 0.",
        "{value} 不是有效的数量，请填写不小于 0 的整数。",
    ),
    "book.deal_error": ("Deal {serial}: {detail}", "序号 {serial} 的许可：{detail}"),
    "book.deal_warning": ("Deal {serial}: {detail}", "序号 {serial} 的许可：{detail}"),
    "book.deal_patent_invalid": (
        "Deal {serial}, patent number \"{number}\": {detail}",
        "序号 {serial} 的许可，专利号“{number}”：{detail}",
    ),
    "book.numbering_gap": (
        "The deal list is numbered {serials}, not 1 to {count}: renumber the deals so the "
        "supporting files match the list.",
        "达成项目清单的序号为 {serials}，不是 1 至 {count} 连续编号。"
        "请重新编号，使支撑材料编号与清单一致。",
    ),
    "deal.entry_invalid": (
        "This deal entry cannot be read (expected an object with \"patents\", \"licensee\", "
        "\"date\", \"payment\").",
        "无法读取该许可记录（应包含“patents”“licensee”“date”“payment”等项）。",
    ),
    "deal.date_invalid": (
        "\"{value}\" is not a date: write it as YYYY-MM-DD.",
        "“{value}”不是有效日期，请按“年-月-日”（如 2023-05-01）填写。",
    ),
    "book.entry_invalid": (
        "This summary book entry cannot be read (expected an object with \"period_end\").",
        "无法读取该总结书记录（应包含“period_end”等项）。",
    ),
    "book.date_invalid": (
        "\"{value}\" is not a date: write it as YYYY-MM-DD.",
        "“{value}”不是有效日期，请按“年-月-日”填写。",
    ),
    # Submission (app/submit): sealed copies, packages, targets, accounts, keyring, sending
    "sealed.no_file": (
        "Choose the scan of the stamped paper: one PDF, or JPG/PNG pages.",
        "请选择盖章后的扫描件：一个 PDF 文件，或若干 JPG/PNG 图片。",
    ),
    "sealed.file_missing": ("The file {path} does not exist.", "文件 {path} 不存在。"),
    "sealed.not_a_scan": (
        "{file} is not a PDF, JPG or PNG file (judged by its content, not its name).",
        "{file} 不是 PDF、JPG 或 PNG 文件（按文件内容判断，而非扩展名）。",
    ),
    "sealed.pdf_not_alone": (
        "A PDF scan is attached on its own; to combine pages, choose JPG/PNG images only.",
        "PDF 扫描件只能单独添加；如需合并多页，请只选择 JPG/PNG 图片。",
    ),
    "sealed.unreadable": (
        "The scan cannot be read (damaged or incomplete file): {reason}",
        "无法读取扫描件（文件损坏或不完整）：{reason}",
    ),
    "sealed.document_missing": (
        "The document (no. {id}) is no longer in the register.",
        "该文件（编号 {id}）已不在登记册中。",
    ),
    "sealed.offer_is_draft": (
        "The offer of patent {number} was edited after it was finalised: this scan shows paper "
        "that no longer matches the data. Finalise, print and stamp it again.",
        "专利 {number} 的信息表在定稿后又被修改，扫描件与现有数据不符，请重新定稿、打印并盖章。",
    ),
    "package.unit_missing": (
        "Enter the unit's name in the organisation profile first: it names the package.",
        "请先在单位信息中填写单位名称，材料包以其命名。",
    ),
    "package.empty": ("Choose at least one document to send.", "请至少选择一份要报送的文件。"),
    "package.kind_not_for_target": (
        "{document} is not among the documents {target} asks for.",
        "{document}不在{target}要求报送的材料范围内。",
    ),
    "package.document_not_current": (
        "{document} is not finalised, or was generated before the last edit: finalise it and "
        "generate it again.",
        "{document}尚未定稿，或生成后数据又有修改，请定稿后重新生成。",
    ),
    "package.file_missing": (
        "The file of {document} is missing: {path}. Generate it again.",
        "{document}的文件不存在：{path}，请重新生成。",
    ),
    "package.file_changed": (
        "The file of {document} was changed after it was generated ({path}). Generate it "
        "again rather than editing the PDF.",
        "{document}的文件在生成后被改动过（{path}），请重新生成，不要直接修改 PDF。",
    ),
    "package.sealed_missing": (
        "The sealed copy of {document} is missing: {path}. Attach the scan again.",
        "{document}的盖章扫描件不存在：{path}，请重新添加。",
    ),
    "package.sealed_changed": (
        "The sealed copy of {document} was changed after it was attached ({path}). Attach "
        "the scan again.",
        "{document}的盖章扫描件在添加后被改动过（{path}），请重新添加。",
    ),
    "package.unsealed_unconfirmed": (
        "{document} has no sealed copy. Attach the scan of the stamped paper, or confirm that "
        "it is sent without one.",
        "{document}尚无盖章扫描件。请添加盖章后的扫描件，或确认不盖章直接报送。",
    ),
    "package.unsealed": (
        "{document} is sent without a sealed copy, as confirmed.",
        "{document}按确认以未盖章的版本报送。",
    ),
    "package.format_not_accepted": (
        "{document}: {target} accepts {formats} files only.",
        "{document}：{target}只接收 {formats} 格式的文件。",
    ),
    "package.patent_missing": (
        "{document} has no patent number, which its file name needs.",
        "{document}缺少专利号，无法按规则命名文件。",
    ),
    "package.duplicate_name": (
        "{document} and {other} would both be named {file}; keep only one of them.",
        "{document}与{other}的文件名都将是“{file}”，请只保留其中一份。",
    ),
    "package.file_too_large": (
        "{document} is {size} MB, more than one mail may carry ({limit} MB). Scan it at a "
        "lower resolution or in black and white.",
        "{document}大小为 {size} MB，超过单封邮件上限（{limit} MB）。"
        "请降低扫描分辨率或改用黑白扫描。",
    ),
    "package.mail_too_large": (
        "Mail {part} came out at {size} MB, over the {limit} MB limit; lower the limit slightly "
        "and build again.",
        "第 {part} 封邮件为 {size} MB，超过 {limit} MB 上限，请略微调低上限后重新生成。",
    ),
    "package.declaration_missing": (
        "Patent {patent} has an information sheet but no declaration.",
        "专利 {patent} 有信息表但缺少声明。",
    ),
    "package.sheet_missing": (
        "Patent {patent} has a declaration but no information sheet.",
        "专利 {patent} 有声明但缺少信息表。",
    ),
    "package.summary_missing_patent": (
        "Patent {patent} has an information sheet but is not on the summary list.",
        "专利 {patent} 有信息表，但汇总表中没有列出。",
    ),
    "package.summary_extra_patent": (
        "Patent {patent} is on the summary list but has no information sheet in the package.",
        "汇总表列出了专利 {patent}，但材料包中没有它的信息表。",
    ),
    "package.summary_patentees_differ": (
        "Patent {patent}: the summary list names the patentees {listed}, the information sheet "
        "{sheet}.",
        "专利 {patent}：汇总表中的专利权人为 {listed}，信息表中为 {sheet}，两者不一致。",
    ),
    "package.cancelled": (
        "Building the package was cancelled; nothing was changed.",
        "已取消生成材料包，未作任何改动。",
    ),
    "package.write_failed": (
        "Cannot write the package in {path}: {reason}",
        "无法在 {path} 中写入材料包：{reason}",
    ),
    "package.missing": (
        "The package (no. {id}) no longer exists.", "材料包（编号 {id}）已不存在。"
    ),
    "package.offer_submitted": (
        "The offer of patent {number} is marked as submitted.",
        "专利 {number} 的开放许可材料已标记为“已报送”。",
    ),
    "target.key_required": ("Enter a short key for the target.", "请填写报送对象的简称代码。"),
    "target.key_duplicate": (
        "Another target already uses the key {key}.",
        "代码 {key} 已被其他报送对象使用。",
    ),
    "target.name_required": (
        "Enter the target's name (it goes into the package name).",
        "请填写报送对象名称（用于材料包命名）。",
    ),
    "target.no_recipient": (
        "{target} has no recipient address.",
        "{target}没有填写收件邮箱。",
    ),
    "target.recipient_invalid": (
        "\"{address}\" is not an e-mail address.",
        "“{address}”不是有效的电子邮件地址。",
    ),
    "target.no_document_kind": (
        "Choose which documents this target receives.",
        "请选择该报送对象接收哪些材料。",
    ),
    "target.size_limit_too_small": (
        "A mail size limit of {limit} bytes is too small to carry a document.",
        "邮件大小上限 {limit} 字节过小，无法容纳文件。",
    ),
    "target.not_a_preset": (
        "{key} is not one of the shipped targets.",
        "{key} 不是软件自带的报送对象。",
    ),
    "account.host_required": (
        "Enter the outgoing (SMTP) server, e.g. smtp.163.com.",
        "请填写发件（SMTP）服务器，如 smtp.163.com。",
    ),
    "account.host_invalid": ("\"{host}\" is not a server name.", "“{host}”不是有效的服务器地址。"),
    "account.port_invalid": (
        "Port {port} is not possible (1–65535).", "端口 {port} 无效（1–65535）。"
    ),
    "account.security_invalid": (
        "Unknown connection security \"{security}\".",
        "未知的连接加密方式“{security}”。",
    ),
    "account.insecure": (
        "An unencrypted connection is allowed only to this computer; {host} needs SSL or "
        "STARTTLS so the password does not cross the network in clear text.",
        "仅连接本机时可不加密；连接 {host} 必须使用 SSL 或 STARTTLS，以免密码明文传输。",
    ),
    "account.sender_invalid": (
        "\"{address}\" is not a sender e-mail address.",
        "发件人地址“{address}”不是有效的电子邮件地址。",
    ),
    "account.not_saved": ("Save the mail account first.", "请先保存发件邮箱设置。"),
    "credentials.no_keyring": (
        "This computer has no password store (keyring), so the authorisation code cannot be "
        "remembered: it is asked for each time you send.",
        "本机没有可用的系统密码库，无法保存授权码，每次发送时都需要重新输入。",
    ),
    "credentials.keyring_locked": (
        "The system password store is locked, so the saved authorisation code cannot be read: "
        "enter it for this send.",
        "系统密码库已锁定，无法读取已保存的授权码，请在本次发送时输入。",
    ),
    "credentials.keyring_error": (
        "The system password store did not answer ({reason}): enter the authorisation code "
        "for this send.",
        "系统密码库出错（{reason}），请在本次发送时输入授权码。",
    ),
    "send.auth_failed": (
        "The mail server refused the login: the user name or authorisation code is wrong. For "
        "126/163/QQ mail use the authorisation code from the mailbox settings, not the "
        "mailbox password.",
        "邮件服务器拒绝登录：用户名或授权码错误。126/163/QQ 邮箱请使用邮箱设置中生成的授权码，"
        "而不是登录密码。",
    ),
    "send.auth_not_offered": (
        "The server does not offer login on this connection: check the port and the "
        "security (SSL/STARTTLS).",
        "服务器在此连接上不提供登录，请检查端口和加密方式（SSL/STARTTLS）。",
    ),
    "send.too_large": (
        "The mail is larger than the server accepts. Lower the target's size limit so the "
        "package is split into smaller mails, and build it again.",
        "邮件超过服务器允许的大小。请调低报送对象的大小上限，使材料分成更小的几封邮件，然后重新生成。",
    ),
    "send.mailbox_full": (
        "The recipient's mailbox is full or over its quota. Try again later or call the office.",
        "收件邮箱已满或超出配额，请稍后重试或电话联系对方。",
    ),
    "send.recipient_refused": (
        "The server refused the recipient address: check it in the target's settings.",
        "服务器拒收该收件地址，请检查报送对象中的收件邮箱。",
    ),
    "send.sender_refused": (
        "The server refused the sender address: it must be the address of the account you log "
        "in with.",
        "服务器拒绝了发件人地址：发件人地址必须与登录的邮箱一致。",
    ),
    "send.rejected": (
        "The server rejected the mail (often its spam filter). Wait a while and retry, or send "
        "the .eml draft from your mail program.",
        "服务器拒收了该邮件（常见原因是被判为垃圾邮件）。"
        "请稍后重试，或用邮件客户端发送 .eml 草稿。",
    ),
    "send.server_error": (
        "The mail server reported an error; the server's words are kept for support.",
        "邮件服务器返回错误，服务器原文已保存，供技术支持查看。",
    ),
    "send.tls_failed": (
        "The secure (SSL/TLS) connection failed: check the port and the security setting, or "
        "the computer's date and time.",
        "安全连接（SSL/TLS）失败，请检查端口与加密方式设置，或本机日期时间是否正确。",
    ),
    "send.tls_unavailable": (
        "The server does not offer STARTTLS: choose SSL (usually port 465) instead.",
        "服务器不支持 STARTTLS，请改用 SSL（通常为 465 端口）。",
    ),
    "send.host_not_found": (
        "The mail server's name cannot be found: check the server address and the network.",
        "找不到邮件服务器，请检查服务器地址和网络连接。",
    ),
    "send.connection_refused": (
        "The mail server refused the connection: check the port, or whether a firewall "
        "blocks it.",
        "邮件服务器拒绝连接，请检查端口，或是否被防火墙拦截。",
    ),
    "send.timeout": (
        "The mail server did not answer in time: check the network and retry.",
        "邮件服务器响应超时，请检查网络后重试。",
    ),
    "send.no_network": (
        "No connection to the mail server: check the network and retry.",
        "无法连接邮件服务器，请检查网络后重试。",
    ),
    "send.connection_dropped": (
        "The connection broke off while sending. Retry; the mail was not confirmed as sent.",
        "发送过程中连接中断，邮件未确认发出，请重试。",
    ),
    "send.eml_missing": (
        "The outbox copy of this mail is missing: queue the package again.",
        "发件箱中该邮件的文件已丢失，请重新加入发件箱。",
    ),
    "send.unexpected": (
        "Sending failed for an unexpected reason; the details are kept for support.",
        "发送因意外原因失败，详细信息已保存，供技术支持查看。",
    ),
    "send.no_password": (
        "No authorisation code was given: nothing was sent.",
        "未输入授权码，未发送任何邮件。",
    ),
    "send.already_sent": (
        "This mail was already sent; it is not sent twice.",
        "该邮件已发送，不会重复发送。",
    ),
    "send.uncertain": (
        "Sending this mail was interrupted: the server may have received it. Check the sent "
        "folder of the mailbox, and confirm to send it again.",
        "该邮件上次发送时被中断，服务器可能已收到。请先查看邮箱的“已发送”，确认后再重新发送。",
    ),
    "send.not_queued": (
        "This mail is not in the outbox yet: choose the sending account first.",
        "该邮件尚未加入发件箱，请先选择发件邮箱。",
    ),
    "send.state_changed": (
        "This mail changed state meanwhile (sent from another window?) and was skipped.",
        "该邮件状态已变化（可能已在其他窗口发送），本次跳过。",
    ),
    "send.some_refused": (
        "Sent, but the server refused some recipients; see the details.",
        "已发送，但部分收件地址被服务器拒收，详见详细信息。",
    ),
    "outbox.draft": ("not queued", "未加入发件箱"),
    "outbox.queued": ("waiting to be sent", "待发送"),
    "outbox.sending": ("fate unknown (may have gone out)", "结果未知（可能已发出）"),
    "outbox.sent": ("sent", "已发送"),
    "outbox.failed": ("failed", "发送失败"),
    # Batches, the summary list workbook and patent-list import (app/models/batches.py,
    # app/models/patent_import.py, app/export/excel/). Row findings carry {row}, the row number
    # Excel shows.
    "batch.name_required": ("Give the batch a name.", "请填写批次名称。"),
    "batch.name_too_long": (
        "A batch name has at most {limit} characters.",
        "批次名称最多 {limit} 个字。",
    ),
    "batch.name_taken": (
        "There is already a batch called \"{name}\"; choose another name.",
        "已有名为“{name}”的批次，请换一个名称。",
    ),
    "batch.missing": (
        "The batch no longer exists (it may have been deleted).",
        "该批次已不存在（可能已被删除）。",
    ),
    "batch.offer_missing": (
        "An information sheet chosen for the batch no longer exists.",
        "选入批次的一份信息表已不存在。",
    ),
    "batch.offer_not_finalised": (
        "{number}: the information sheet is not finalised, so it was not put in the batch. "
        "Correct what it lists and finalise it, then add it again.",
        "{number}：信息表尚未定稿，未加入批次。请按所列问题修改并定稿后再加入。",
    ),
    "summary_list.field_missing": (
        "{number}: the summary list has no {fields}. Fill them in on the information sheet.",
        "{number}：汇总表缺少{fields}，请在信息表中填写。",
    ),
    "summary_list.empty": (
        "Batch \"{batch}\" has no finalised information sheet: the summary list is empty.",
        "批次“{batch}”中没有已定稿的信息表，汇总表为空。",
    ),
    "summary_list.unit_missing": (
        "The unit's name is missing from the header line. Fill it in under Organisation.",
        "汇总表表头缺少单位名称，请在“单位信息”中填写。",
    ),
    # The reason names Excel and WPS when the OS refused access; the hint adds what to do.
    "export.write_failed": (
        "Cannot write {path}: {reason}. If the file is open in another program, close it and "
        "try again.",
        "无法写入 {path}：{reason}。如该文件正被其他程序打开，请关闭后重试。",
    ),
    "import.file_unreadable": (
        "Cannot open {path}: {reason}",
        "无法打开 {path}：{reason}",
    ),
    "import.file_too_large": (
        "{name} is {size_mb} MB; a patent list larger than {limit_mb} MB is not read.",
        "{name} 有 {size_mb} MB，超过 {limit_mb} MB 的专利清单不予读取。",
    ),
    "import.xls_format": (
        "{name} is in the old Excel format (.xls) or is not a real workbook. Open it in Excel "
        "or WPS, save it as .xlsx (Excel 工作簿) and import that file.",
        "{name} 是旧版 Excel 格式（.xls）或并非真正的工作簿。请用 Excel 或 WPS 打开，"
        "另存为 .xlsx（Excel 工作簿）后再导入。",
    ),
    "import.not_a_workbook": (
        "{name} is not an Excel workbook (.xlsx) or CSV file. If it is a Word file or was "
        "renamed, open the patent list in Excel and save it as .xlsx.",
        "{name} 不是 Excel 工作簿（.xlsx）或 CSV 文件。如果它是 Word 文件或被改过扩展名，"
        "请在 Excel 中打开专利清单并另存为 .xlsx。",
    ),
    "import.encrypted": (
        "{name} is protected by a password. Open it in Excel, remove the password (File › "
        "Info › Protect Workbook) and save it, then import it again.",
        "{name} 设有打开密码。请在 Excel 中打开，取消密码（文件 › 信息 › 保护工作簿）并保存后"
        "再导入。",
    ),
    "import.zip_bomb": (
        "{name} claims to unpack to far more data than a patent list holds ({reason}); it was "
        "not opened. Save the list again from Excel as a new .xlsx.",
        "{name} 解压后的数据量远超专利清单应有的大小（{reason}），已拒绝打开。"
        "请在 Excel 中将清单另存为新的 .xlsx 文件。",
    ),
    "import.workbook_unreadable": (
        "{name} cannot be read as a workbook ({reason}). Open it in Excel and save it again "
        "as .xlsx.",
        "无法读取工作簿 {name}（{reason}）。请在 Excel 中打开并重新另存为 .xlsx。",
    ),
    "import.sheet_missing": (
        "{name} has no sheet called \"{sheet}\".",
        "{name} 中没有名为“{sheet}”的工作表。",
    ),
    "import.sheet_not_a_table": (
        "Sheet \"{sheet}\" is a chart, not a table; choose another sheet.",
        "工作表“{sheet}”是图表而不是表格，请选择其他工作表。",
    ),
    "import.too_many_merged_cells": (
        "The sheet has more than {limit} merged areas; only the first were read. Unmerge the "
        "cells and check the rows.",
        "该工作表合并单元格超过 {limit} 处，仅读取了前面部分。请取消合并后核对各行。",
    ),
    "import.too_many_rows": (
        "Only the first {limit} rows were read; split the list into several files.",
        "只读取了前 {limit} 行，请将清单拆分为多个文件。",
    ),
    "import.cancelled": ("Reading was cancelled.", "已取消读取。"),
    "import.csv_encoding": (
        "{name} is not readable text (neither UTF-8 nor GBK). In Excel, save it as "
        "\"CSV UTF-8\" or as .xlsx.",
        "{name} 不是可识别的文本（既非 UTF-8 也非 GBK 编码）。请在 Excel 中另存为"
        "“CSV UTF-8”或 .xlsx。",
    ),
    "import.csv_unreadable": (
        "{name} cannot be read as CSV ({reason}). Save it from Excel as .xlsx.",
        "无法按 CSV 读取 {name}（{reason}），请在 Excel 中另存为 .xlsx。",
    ),
    "import.empty": ("The sheet is empty.", "工作表中没有内容。"),
    "import.header_row_empty": (
        "Row {row}, chosen as the heading row, is empty.",
        "选作表头的第 {row} 行是空行。",
    ),
    "import.mapping_needed": (
        "The columns are not laid out like the summary list (headings in row {row}). Check "
        "which column holds which item before importing.",
        "表格不是汇总表的格式（表头在第 {row} 行），导入前请确认各列对应的项目。",
    ),
    "import.mapping_number_missing": (
        "No column is chosen for the patent number; without it nothing can be imported.",
        "没有指定专利号所在的列，无法导入。",
    ),
    "import.mapping_column_missing": (
        "There is no column \"{column}\" for {fields} in the heading row.",
        "表头中没有“{column}”列（对应{fields}）。",
    ),
    "import.mapping_field_unknown": (
        "The saved column mapping names an unknown item \"{item}\".",
        "保存的列对应关系中有未知项目“{item}”。",
    ),
    "import.mapping_unreadable": (
        "The saved column mapping cannot be read ({reason}).",
        "无法读取保存的列对应关系（{reason}）。",
    ),
    "import.formula_without_value": (
        "Row {row}, column \"{column}\": the formula {value} has no computed value in the "
        "file. Open it in Excel, let it calculate and save it (or paste the column as values).",
        "第 {row} 行“{column}”列：公式 {value} 在文件中没有计算结果。请在 Excel 中打开、"
        "重新计算并保存（或将该列“选择性粘贴为数值”）。",
    ),
    "import.cell_error": (
        "Row {row}, column \"{column}\" shows the error {value}; correct the cell in Excel.",
        "第 {row} 行“{column}”列显示错误值 {value}，请在 Excel 中改正该单元格。",
    ),
    "import.number_missing": (
        "Row {row}: the patent number is empty.",
        "第 {row} 行：专利号为空。",
    ),
    "import.number_invalid": (
        "Row {row}: {detail}",
        "第 {row} 行：{detail}",
    ),
    "import.number_was_numeric": (
        "Row {row}: the patent number {value} was stored as a number; read as {number}. Set "
        "the column to Text in Excel to keep it that way.",
        "第 {row} 行：专利号 {value} 被 Excel 存成了数字，已按 {number} 读取。"
        "建议在 Excel 中把该列设为文本。",
    ),
    "import.number_lost_digits": (
        "Row {row}: the patent number {value} was turned into scientific notation by Excel "
        "and its last digits are lost. Set the column to Text in Excel and type the number "
        "again.",
        "第 {row} 行：专利号 {value} 被 Excel 显示成了科学计数法，且末尾数字已丢失，"
        "请在 Excel 中把该列设为文本后重新填写。",
    ),
    "import.date_unreadable": (
        "Row {row}: \"{value}\" in {fields} is not a date. Write it like 2017-07-21 or "
        "2017年7月21日.",
        "第 {row} 行：{fields}“{value}”不是可识别的日期，请写成 2017-07-21 或 2017年7月21日。",
    ),
    "import.status_unknown": (
        "Row {row}: the legal status \"{value}\" is not one the register knows: write 有效, "
        "失效（未缴年费）, 失效（期限届满） or 失效（宣告无效）.",
        "第 {row} 行：法律状态“{value}”无法识别，请填写“有效”“失效（未缴年费）”"
        "“失效（期限届满）”或“失效（宣告无效）”。",
    ),
    "import.kind_unknown": (
        "Row {row}: the patent type \"{value}\" is not 发明, 实用新型 or 外观设计.",
        "第 {row} 行：专利类型“{value}”不是“发明”“实用新型”或“外观设计”。",
    ),
    "import.phone_was_numeric": (
        "Row {row}: the phone number {value} was stored as a number and lost its leading 0; "
        "read as {phone}. Check it.",
        "第 {row} 行：联系电话 {value} 被存成数字，丢失了开头的 0，已按 {phone} 读取，请核对。",
    ),
    "import.duplicate_in_file": (
        "Row {row}: patent {number} is already in row {first_row} of this file.",
        "第 {row} 行：专利 {number} 与本文件第 {first_row} 行重复。",
    ),
    "import.number_in_register": (
        "Row {row}: patent {number} is already in the register; choose whether to skip or "
        "update it.",
        "第 {row} 行：专利 {number} 已在登记册中，请选择跳过或更新。",
    ),
    "import.refused_rows_with_errors": (
        "Nothing was imported: {count} rows have errors (rows {rows}). Correct them, or "
        "import only the rows without errors.",
        "未导入任何数据：有 {count} 行存在错误（第 {rows} 行）。请改正，或选择只导入无误的行。",
    ),
    "import.nothing_to_import": (
        "Nothing was imported: no row is free of errors.",
        "未导入任何数据：没有无误的行。",
    ),
    "import.write_failed": (
        "Nothing was imported: the register could not be written ({reason}).",
        "未导入任何数据：登记册写入失败（{reason}）。",
    ),
    # Generated documents: the information sheet and declaration PDFs
    # (app/export/offer_documents.py) and the `finalise` and `render` commands (app/cli.py)
    "pdf.missing_glyph": (
        "{record}: the character \"{char}\" ({codepoint}) is not in the PDF font and would "
        "print as an empty box. Replace it (e.g. with the standard character) and try again.",
        "{record}：字符“{char}”（{codepoint}）不在 PDF 字库中，打印出来会是空白方框。"
        "请改为规范汉字后重试。",
    ),
    "pdf.offer_has_errors": (
        "The offer for {number} has {count} error(s) now; correct them before printing.",
        "专利 {number} 的信息表现有 {count} 处错误，请改正后再打印。",
    ),
    "pdf.write_failed": ("Cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "pdf.render_failed": (
        "The PDF for {number} could not be laid out: {reason}",
        "专利 {number} 的 PDF 排版失败：{reason}",
    ),
    "document.data_changed": (
        "PDF out of date: the data changed after the PDF was generated. Generate it again.",
        "PDF 已过期：生成 PDF 后数据有改动，请重新生成。",
    ),
    "document.file_missing": (
        "PDF out of date: the generated file is no longer there ({paths}). Generate it again.",
        "PDF 已过期：生成的文件已不存在（{paths}），请重新生成。",
    ),
    "document.file_changed": (
        "PDF out of date: the generated file was changed on disk ({paths}). Generate it again.",
        "PDF 已过期：生成的文件已被改动（{paths}），请重新生成。",
    ),
    "cli.patent_not_found": (
        "{number}: no such patent in the register.",
        "{number}：登记册中没有该专利。",
    ),
    "cli.no_offer": (
        "Patent {number} has no information sheet.",
        "专利 {number} 还没有信息表。",
    ),
    "cli.no_offers": ("There are no information sheets.", "没有信息表。"),
    "cli.finalised": (
        "{finalised} information sheet(s) finalised, {already} already finalised, {refused} "
        "with errors.",
        "定稿 {finalised} 份信息表，{already} 份此前已定稿，{refused} 份有错误未能定稿。",
    ),
    "cli.rendered": ("Wrote {count} file(s) to {folder}.", "已在 {folder} 写入 {count} 个文件。"),
    "cli.render_refused": (
        "{count} information sheet(s) were not rendered.",
        "{count} 份信息表未生成 PDF。",
    ),
    "cli.render_cancelled": ("Cancelled.", "已取消。"),
    # Interchange version 3: deals and summary books in the JSON file (app/interchange.py)
    "json.deal_patent_unknown": (
        "The deal names patent {number}, which is neither in the file nor in the register.",
        "该许可涉及的专利 {number} 既不在文件中，也不在登记册中。",
    ),
    "json.type.number": ("Expected a number, found {value}.", "应为数字，实际为 {value}。"),
    "json.positive": (
        "Expected a whole number from 1 up, found {value}.",
        "应为从 1 起的整数，实际为 {value}。",
    ),
    "json.month": (
        "Expected a month written YYYY-MM, found {value}.",
        "应为 YYYY-MM 格式的月份，实际为 {value}。",
    ),
    "json.duplicate_book": (
        "The summary book for {period_end} is in the file twice (first at {first}).",
        "截至 {period_end} 的总结书在文件中出现两次（首次在 {first}）。",
    ),
    # The summary list's files, 汇总表.pdf and 汇总表.xlsx (app/export/summary_list_documents.py)
    "summary_list.missing_glyph": (
        "{record}, {column}: the character \"{char}\" ({codepoint}) is not in the PDF font and "
        "would print as an empty box. Replace it (e.g. with the standard character) and try "
        "again; no file was written.",
        "{record}，{column}：字符“{char}”（{codepoint}）不在 PDF 字库中，打印出来会是空白方框。"
        "请改为规范汉字后重试；未写入任何文件。",
    ),
    "summary_list.write_failed": (
        "Cannot write {path}: {reason}. If the file is open in another program (a PDF reader, "
        "say), close it and try again.",
        "无法写入 {path}：{reason}。如该文件正被其他程序（如 PDF 阅读器）打开，请关闭后重试。",
    ),
    "summary_list.render_failed": (
        "The summary list PDF could not be laid out: {reason}",
        "汇总表 PDF 排版失败：{reason}",
    ),
    # Command line: patent-list import, summary list, book and deal tables, package, send
    # (app/cli.py)
    "cli.import_list_options": (
        "--mapping, --dry-run, --update and --skip-bad-rows are for patent lists (.xlsx, "
        ".csv), not for {path}.",
        "--mapping、--dry-run、--update 和 --skip-bad-rows 仅用于专利清单（.xlsx、.csv），"
        "不适用于 {path}。",
    ),
    "cli.mapping_needed": (
        "{path} is not laid out like the summary list, so nothing was imported. The proposed "
        "column mapping is printed below: save it to a file, check which column holds which "
        "item, and import again with --mapping FILE.",
        "{path} 不是汇总表的格式，未导入。下面给出建议的列对应关系：请保存为文件，核对各列对应的"
        "项目后，用 --mapping 文件 重新导入。",
    ),
    "cli.mapping_headings": (
        "Headings in row {row}: {headings}",
        "第 {row} 行的表头：{headings}",
    ),
    "cli.import_preview": (
        "{rows} row(s) read from {path}: {new} new, {existing} already in the register, "
        "{errors} with errors.",
        "从 {path} 读取 {rows} 行：新增 {new} 条，{existing} 条已在登记册中，{errors} 行有错误。",
    ),
    "cli.import_dry_run": (
        "Dry run: nothing was written.",
        "试运行：未写入任何数据。",
    ),
    "cli.imported_list": (
        "Imported from {path}: {created} new, {updated} updated, {skipped} already in the "
        "register skipped, {left_out} row(s) with errors left out.",
        "已从 {path} 导入：新增 {created} 条，更新 {updated} 条，跳过已在登记册中的 {skipped} "
        "条，略过有错误的 {left_out} 行。",
    ),
    "cli.batch_not_found": (
        "There is no batch called \"{name}\".",
        "没有名为“{name}”的批次。",
    ),
    "cli.batch_used": (
        "Batch \"{name}\": {count} information sheet(s) on the summary list.",
        "批次“{name}”：汇总表列入 {count} 份信息表。",
    ),
    "cli.no_finalised_offers": (
        "No information sheet can go on the summary list: finalise the sheets first "
        "(licence-desk finalise).",
        "没有可列入汇总表的信息表，请先定稿（licence-desk finalise）。",
    ),
    "cli.book_draft": (
        "The data has errors: the PDF is marked 草稿 (draft) and cannot be sent. Correct the "
        "errors and render it again.",
        "数据有错误：PDF 标有“草稿”，不能报送。请改正错误后重新生成。",
    ),
    "cli.target_not_found": (
        "There is no send target \"{name}\". Targets: {targets}.",
        "没有报送对象“{name}”。现有报送对象：{targets}。",
    ),
    "cli.package_no_summary_list": (
        "There is no summary list to send: write it first (licence-desk render summary-list).",
        "没有可报送的汇总表，请先生成（licence-desk render summary-list）。",
    ),
    "cli.package_not_rendered": (
        "{number}: the information sheet and declaration have not been generated; run "
        "licence-desk render offers first.",
        "{number}：信息表和声明尚未生成 PDF，请先运行 licence-desk render offers。",
    ),
    "cli.package_kind_missing": (
        "No {document} has been generated; the package goes without it.",
        "尚未生成{document}，材料包中不含该文件。",
    ),
    "cli.package_refused": (
        "The package was not built: {count} problem(s) to correct first.",
        "未生成材料包：有 {count} 处问题需先改正。",
    ),
    "cli.package_built": (
        "Package {name} (no. {id}) built: {count} file(s), {mails} mail(s), in {folder} and "
        "{zip}. Send it with: licence-desk send \"{folder}\"",
        "已生成材料包 {name}（编号 {id}）：{count} 个文件，{mails} 封邮件，位于 {folder} 和 "
        "{zip}。发送：licence-desk send \"{folder}\"",
    ),
    "cli.package_not_found": (
        "{path} is not a package built from this register (build one with licence-desk "
        "package).",
        "{path} 不是由本登记册生成的材料包（请用 licence-desk package 生成）。",
    ),
    "cli.no_account": (
        "No mail account is set up: add the sending mailbox in the window first.",
        "尚未设置发件邮箱，请先在窗口中添加。",
    ),
    "cli.account_not_found": (
        "There is no mail account \"{name}\". Accounts: {accounts}.",
        "没有发件邮箱“{name}”。现有发件邮箱：{accounts}。",
    ),
    "cli.account_ambiguous": (
        "Several mail accounts are set up ({accounts}): choose one with --account NAME.",
        "已设置多个发件邮箱（{accounts}），请用 --account 名称 指定一个。",
    ),
    "cli.password_prompt": (
        "Authorisation code for {user} on {host}: ",
        "{user}（{host}）的授权码：",
    ),
    "cli.password_not_stored": (
        "none is saved in the system password store",
        "系统密码库中没有保存",
    ),
    "cli.password_unavailable": (
        "No authorisation code for {user} on {host} ({reason}), and no terminal to ask for "
        "it. Set the environment variable {variable} to send without a prompt. Nothing was "
        "sent.",
        "没有 {user}（{host}）的授权码（{reason}），且没有可输入的终端。如需免交互发送，"
        "请设置环境变量 {variable}。未发送任何邮件。",
    ),
    "cli.outbox_write_failed": (
        "Cannot write the outbox copy of the mail ({path}): {reason}. Nothing was sent.",
        "无法写入发件箱中的邮件副本（{path}）：{reason}。未发送任何邮件。",
    ),
    "cli.send_skipped": ("skipped", "已跳过"),
    "cli.send_not_attempted": ("not sent", "未发送"),
    "cli.field_items": ("document", "文件"),
    "cli.field_summary_list": ("summary list", "汇总表"),
    "cli.field_unit": ("unit", "单位"),
    "cli.field_account": ("mail account", "发件邮箱"),
    "cli.field_password": ("authorisation code", "授权码"),
    "cli.field_outbox": ("outbox", "发件箱"),
    "cli.field_file": ("file", "文件"),
    "cli.field_package": ("package", "材料包"),
    "cli.send_nothing": (
        "Every mail of package {name} was already sent; nothing was sent again.",
        "材料包 {name} 的邮件均已发送，未重复发送。",
    ),
    "cli.sent_summary": (
        "{sent} of {total} mail(s) sent, {failed} failed.",
        "共 {total} 封邮件：已发送 {sent} 封，失败 {failed} 封。",
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
    # Office server database (issue 16, app/models/server.py). Never a URL with a password.
    "db.server_bad_address": (
        "\"{address}\" is not a server database address. Write it as "
        "postgresql://USER@HOST:PORT/DATABASE (optionally ?sslmode=verify-full).",
        "“{address}”不是有效的服务器数据库地址，应写作 "
        "postgresql://用户名@主机:端口/数据库名（可加 ?sslmode=verify-full）。",
    ),
    "db.server_wrong_password": (
        "The database server {server} refused user \"{user}\": the password is wrong (or there "
        "is no such user). Check the password in the system keyring or in "
        "LICENCE_DESK_DB_PASSWORD.",
        "数据库服务器 {server} 拒绝了用户“{user}”：密码错误（或没有该用户）。"
        "请检查系统密钥环或 LICENCE_DESK_DB_PASSWORD 中的密码。",
    ),
    "db.server_password_missing": (
        "The database server {server} asks for the password of user \"{user}\". Store it in the "
        "system keyring or set {variable}.",
        "数据库服务器 {server} 要求提供用户“{user}”的密码。请将密码保存到系统密钥环，"
        "或设置环境变量 {variable}。",
    ),
    "db.server_database_missing": (
        "The database server {server} has no database \"{database}\". Ask IT to create it (README, "
        "\"The office server\"), or check its name.",
        "数据库服务器 {server} 上没有名为“{database}”的数据库。请联系信息中心按说明创建，"
        "或检查数据库名称。",
    ),
    "db.server_access_denied": (
        "The database server {server} does not let user \"{user}\" in from this computer: "
        "{reason}",
        "数据库服务器 {server} 不允许用户“{user}”从本机连接：{reason}",
    ),
    "db.server_unreachable": (
        "The database server {server} cannot be reached: check the network, the host name and "
        "the port, and that the server is running.",
        "无法连接数据库服务器 {server}：请检查网络、主机名和端口，以及服务器是否在运行。",
    ),
    "db.server_certificate": (
        "The certificate of the database server {server} is not trusted: {reason}. Install the "
        "office's CA certificate (README, \"TLS\") or ask IT.",
        "数据库服务器 {server} 的证书不受信任：{reason}。请按说明安装本单位的 CA 证书，"
        "或联系信息中心。",
    ),
    "db.server_no_tls": (
        "The database server {server} does not offer an encrypted (TLS) connection, and the "
        "address asks for one (sslmode).",
        "数据库服务器 {server} 不提供加密（TLS）连接，而地址中的 sslmode 要求加密。",
    ),
    "db.server_failed": (
        "Cannot open the database {database} on {server}: {reason}",
        "无法打开服务器 {server} 上的数据库 {database}：{reason}",
    ),
    "db.server_upgrade_needs_owner": (
        "The server database {path} needs an upgrade for this version, and user \"{user}\" may "
        "not change its tables. Ask IT to open it once with the owner role (README, \"The office "
        "server\"); nothing was changed.",
        "服务器数据库 {path} 需要升级后才能由本版本使用，而用户“{user}”无权修改表结构。"
        "请信息中心用数据库所有者角色打开一次以完成升级；数据库未作任何改动。",
    ),
    "db.server_no_keyring": (
        "The password cannot be kept in the system keyring ({reason}). Set {variable} "
        "instead.",
        "无法将密码保存到系统密钥环（{reason}）。请改为设置环境变量 {variable}。",
    ),
    "record.changed_elsewhere": (
        "{record} was changed meanwhile by {by} at {at} (version {version}); your edit was not "
        "saved and is still here. Reload the record and make your changes again on it.",
        "{record} 已被 {by} 于 {at} 修改（版本 {version}）；您的修改未保存，仍保留在此。"
        "请重新载入该记录后再修改。",
    ),
    "cli.db_password_not_server": (
        "db-password is for an office server database: give its address with --db "
        "postgresql://USER@HOST:PORT/DATABASE (or in LICENCE_DESK_DB).",
        "db-password 用于服务器数据库：请用 --db postgresql://用户名@主机:端口/数据库名 "
        "（或 LICENCE_DESK_DB）给出地址。",
    ),
    "cli.db_password_prompt": (
        "Password of {user} on {server}: ",
        "{server} 上用户 {user} 的密码：",
    ),
    "cli.db_password_stored": (
        "The password for {database} is checked and kept in the system keyring.",
        "{database} 的密码已验证，并保存在系统密钥环中。",
    ),
    # The settings page's office server (issue 16, app/models/server_choice.py).
    "server_choice.host_required": (
        "Give the office server's name or IP address (IT knows it).",
        "请填写办公室服务器的主机名或 IP 地址（可向信息中心询问）。",
    ),
    "server_choice.host_invalid": (
        "\"{host}\" is not a server name or IP address (letters, digits, dots and hyphens, "
        "e.g. db.example.edu.cn or 10.1.2.3).",
        "“{host}”不是有效的主机名或 IP 地址（只含字母、数字、点和连字符，"
        "如 db.example.edu.cn 或 10.1.2.3）。",
    ),
    "server_choice.port_invalid": (
        "The port must be a number from 1 to 65535 (PostgreSQL's usual port is 5432).",
        "端口应为 1 至 65535 之间的数字（PostgreSQL 通常使用 5432）。",
    ),
    "server_choice.database_required": (
        "Give the name of the register's database on the server (README: licence_desk).",
        "请填写服务器上登记册数据库的名称（说明中为 licence_desk）。",
    ),
    "server_choice.user_required": (
        "Give the user name IT created for you on the database server.",
        "请填写信息中心为您在数据库服务器上创建的用户名。",
    ),
    "server_choice.name_invalid": (
        "\"{value}\" contains a line break or another control character.",
        "“{value}”中含有换行符或其他控制字符。",
    ),
    "server_choice.name_too_long": (
        "\"{value}\" is {bytes} bytes long; PostgreSQL names are at most {limit} bytes.",
        "“{value}”长 {bytes} 字节；PostgreSQL 的名称最多 {limit} 字节。",
    ),
    "server_choice.sslmode_invalid": (
        "\"{sslmode}\" is not a TLS mode; choose one of {modes}.",
        "“{sslmode}”不是有效的加密方式，应为 {modes} 之一。",
    ),
    "server_choice.unencrypted": (
        "Without TLS every record crosses the network to {host} unencrypted; choose "
        "\"require\" or a verify mode unless the server is on this computer.",
        "不加密时，所有记录都以明文经网络传送到 {host}；除非服务器就在本机，"
        "请选择“require”或验证证书的方式。",
    ),
    "server_choice.ca_default": (
        "No CA certificate file chosen: the one in PostgreSQL's default place "
        "(%APPDATA%\\postgresql\\root.crt, ~/.postgresql/root.crt) is used.",
        "未选择 CA 证书文件：将使用 PostgreSQL 默认位置的证书"
        "（%APPDATA%\\postgresql\\root.crt 或 ~/.postgresql/root.crt）。",
    ),
    "server_choice.ca_missing": (
        "The CA certificate file {path} does not exist or is not a file.",
        "CA 证书文件 {path} 不存在或不是文件。",
    ),
    "range.column_text": (
        "A text of {length} characters cannot be stored in {table}.{column}, which holds at "
        "most {limit}; nothing was saved. Shorten it.",
        "{length} 个字符的内容超出了 {table}.{column} 的长度上限（{limit} 个字符），未保存。"
        "请缩短。",
    ),
    "db.server_migration_failed": (
        "Upgrading the server database {path} failed: {reason}. Nothing was changed (the "
        "upgrade runs in one transaction).",
        "升级服务器数据库 {path} 失败：{reason}。数据库未作任何改动（升级在一个事务中进行）。",
    ),
    # Interchange: the JSON file (app/interchange.py; the field of these findings is a JSON
    # path such as $.patents[3].filing_date) and the command line's own sentences (app/cli.py).
    "json.unreadable": ("Cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "json.encoding": (
        "{path} is not UTF-8 text (byte {offset} cannot be decoded).",
        "{path} 不是 UTF-8 编码的文本（第 {offset} 个字节无法解码）。",
    ),
    "json.not_json": (
        "The file is not valid JSON (line {line}, column {column}: {reason}).",
        "文件不是有效的 JSON（第 {line} 行第 {column} 列：{reason}）。",
    ),
    "json.format": (
        "This is not a Licence Desk data file: \"format\" must be \"licence-desk\" (found "
        "{value}).",
        "这不是本软件的数据文件：“format”应为“licence-desk”（实际为 {value}）。",
    ),
    "json.version": (
        "\"version\" must be a whole number from 1 up (found {value}).",
        "“version”应为从 1 起的整数（实际为 {value}）。",
    ),
    "json.version_newer": (
        "The file is format version {version}, written by a newer Licence Desk; this version "
        "reads up to version {supported}. Install the newer version to import it; nothing was "
        "changed.",
        "文件格式版本为 {version}，由更新版本的软件导出；本版本最高只能读取版本 {supported}。"
        "请安装新版本后再导入；数据未作任何改动。",
    ),
    "json.missing": ("The required key \"{key}\" is missing.", "缺少必填项“{key}”。"),
    "json.unknown": (
        "Unknown key \"{key}\" (misspelt, or from a newer version?).",
        "无法识别的项“{key}”（拼写错误，或来自更新版本？）。",
    ),
    "json.type.object": (
        "Expected an object {{…}}, found {value}.",
        "应为对象 {{…}}，实际为 {value}。",
    ),
    "json.type.list": ("Expected a list […], found {value}.", "应为列表 […]，实际为 {value}。"),
    "json.type.text": (
        "Expected text in quotes, found {value}.",
        "应为带引号的文本，实际为 {value}。",
    ),
    "json.type.integer": ("Expected a whole number, found {value}.", "应为整数，实际为 {value}。"),
    "json.type.boolean": (
        "Expected true or false, found {value}.",
        "应为 true 或 false，实际为 {value}。",
    ),
    "json.offer_patent_unknown": (
        "The offer names patent {number}, which is neither in the file nor in the register.",
        "该信息表所属专利 {number} 既不在文件中，也不在登记册中。",
    ),
    "json.date": (
        "Expected a date written YYYY-MM-DD (or null), found {value}.",
        "应为 YYYY-MM-DD 格式的日期（或 null），实际为 {value}。",
    ),
    "json.enum": ("{value} is not one of: {choices}.", "{value} 不是允许的取值（{choices}）。"),
    "json.duplicate": (
        "Patent {number} is in the file twice (first at {first}).",
        "专利 {number} 在文件中出现两次（首次在 {first}）。",
    ),
    "json.refused": (
        "{path} was not imported: {count} problem(s) found; nothing was changed.",
        "{path} 未导入：发现 {count} 处问题，数据未作任何改动。",
    ),
    "json.write_failed": ("Cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "cli.number_valid": ("valid", "有效"),
    "cli.imported": (
        "Imported {count} patent(s) from {path}: {created} new, {updated} updated.",
        "已从 {path} 导入 {count} 条专利：新增 {created} 条，更新 {updated} 条。",
    ),
    "cli.organisation_replaced": (
        "The unit's details and contacts were replaced by those in the file.",
        "单位信息和联系人已替换为文件中的内容。",
    ),
    "cli.imported_drafts": (
        "{count} imported patent(s) have errors and were kept as drafts: run "
        "\"licence-desk validate\" to see them.",
        "其中 {count} 条专利有错误，已作为草稿保存；运行“licence-desk validate”查看。",
    ),
    "cli.exported": (
        "Exported {count} patent(s) and the unit's details to {path}.",
        "已将 {count} 条专利和单位信息导出到 {path}。",
    ),
    "cli.validate_clean": (
        "No problems found ({patents} patent(s) checked).",
        "未发现问题（共检查 {patents} 条专利）。",
    ),
    "cli.validate_summary": (
        "{errors} error(s), {warnings} warning(s) ({patents} patent(s) checked).",
        "共 {errors} 个错误、{warnings} 个提示（共检查 {patents} 条专利）。",
    ),
    "cli.record_organisation": ("unit", "单位"),
    "cli.record_contact": ("contact {index} {name}", "联系人 {index} {name}"),
    "cli.window_unavailable": (
        "The window cannot start: {reason}",
        "无法打开窗口：{reason}",
    ),
    "cli.database_failed": (
        "The database could not be read or written: {reason}",
        "数据库读写失败：{reason}",
    ),
    # Starting the window (issue 17)
    "window.no_display": (
        "The Licence Desk window needs a desktop, and none is available here (no DISPLAY or "
        "WAYLAND_DISPLAY: an SSH session or a server). Start it from the desktop session, or "
        "use the commands, which need none: licence-desk --help.",
        "专利开放许可填报助手的窗口需要图形桌面，这里没有（未设置 DISPLAY 或 WAYLAND_DISPLAY，"
        "例如远程 SSH 会话或服务器）。请在桌面环境中启动，或使用不需要桌面的命令行："
        "licence-desk --help。",
    ),
    # First start and the sample register (issue 17, app/usecases/register.py)
    "register.sample_not_empty": (
        "The sample register is offered only on an empty register, so that it never mixes "
        "with real records; this register already has records.",
        "示例登记册只能在空的登记册中打开，以免与真实记录混在一起；当前登记册中已有记录。",
    ),
    "register.not_sample": (
        "This is not the sample register: nothing was removed.",
        "当前不是示例登记册，未删除任何内容。",
    ),
    # Operations-centre summary table (app/models/ops_centre.py, 附件 3 of the Henan notice)
    "ops.entry_invalid": (
        "This ops-centre report entry is not an object and was skipped.",
        "此运营管理中心总结表条目格式不正确，已跳过。",
    ),
    "ops.year_invalid": (
        "\"{value}\" is not a report year (e.g. 2023).",
        "“{value}”不是有效的报告年度（如 2023）。",
    ),
    "ops.year_in_future": (
        "The report year {year} has not begun yet.",
        "报告年度 {year} 尚未开始。",
    ),
    "ops.date_invalid": (
        "\"{value}\" is not a date: write it as 2023-05 or 2023-05-12.",
        "“{value}”不是有效日期，请按 2023-05 或 2023-05-12 填写。",
    ),
    "ops.date_in_future": (
        "{value} is in the future.",
        "{value} 晚于今天，不能是将来的日期。",
    ),
    "ops.standard_unknown": (
        "\"{value}\" is not one of the three choices of 2.1; choose again.",
        "“{value}”不是 2.1 的三个选项之一，请重新选择。",
    ),
    "ops.standard_missing": (
        "2.1: tick exactly one of 未实施, 已实施未认证, 已通过第三方认证.",
        "2.1 请在“未实施”“已实施未认证”“已通过第三方认证”中勾选一项。",
    ),
    "ops.not_a_count": (
        "\"{value}\" is not a count: enter a whole number, 0 or more.",
        "“{value}”不是有效数量，请填写不小于 0 的整数。",
    ),
    "ops.not_an_amount": (
        "\"{value}\" is not an amount in 万元: a number, 0 or more, with at most {places} "
        "decimals.",
        "“{value}”不是有效金额（万元），请填写不小于 0、最多 {places} 位小数的数。",
    ),
    "ops.override_differs": (
        "{heading} {year}: you entered {entered}, the register gives {computed}. The entered "
        "figure is printed; say why in the note if the register is incomplete.",
        "{year} 年{heading}：填写为 {entered}，登记册统计为 {computed}。将打印所填数字；如登记册"
        "不全，请在说明中注明原因。",
    ),
    "ops.received_exceeds_contract": (
        "{table} {year}: the amount received ({received} 万元) is more than the contract amount "
        "({contract} 万元).",
        "{year} 年{table}：到款额（{received} 万元）大于合同额（{contract} 万元）。",
    ),
    "ops.staff_mismatch": (
        "Full-time ({full_time}) + part-time ({part_time}) staff should be the total ({total}).",
        "专职人员（{full_time}）+ 兼职人员（{part_time}）应等于专兼职人员总数（{total}）。",
    ),
    "ops.unit_name_missing": (
        "The unit's name is missing: enter it in the unit's details.",
        "缺少学校名称，请在单位信息中填写。",
    ),
    "ops.field_missing": ("{label} is not filled in yet.", "“{label}”尚未填写。"),
    "ops.document_name_missing": (
        "Policy document {row}: enter the document's name.",
        "2.2 第 {row} 个文件：请填写文件名称。",
    ),
    "ops.document_file_missing": (
        "Policy document {row} ({name}): attach the document file (the form asks for it).",
        "2.2 第 {row} 个文件（{name}）：请附上文件（表中要求“附文件”）。",
    ),
    "ops.project_name_missing": (
        "Patent-navigation project {row}: enter the project's name.",
        "专利导航项目 {row}：请填写项目名称。",
    ),
    "ops.activity_name_missing": (
        "Other SME activity {row}: enter the activity's name.",
        "其他服务中小企业工作 {row}：请填写活动(工作)名称。",
    ),
    "ops.deal_received_missing": (
        "{year}: the amount received is not recorded on deal(s) {serials}; the licence table "
        "counts them as 0.",
        "{year} 年：序号 {serials} 的许可尚未填写到款额，专利许可表按 0 计算。",
    ),
    "ops.returned_to_draft": (
        "The {year} report was {previous_state} and is a draft again after this change.",
        "{year} 年度总结表原为“{previous_state}”，修改后已退回草稿。",
    ),
    "ops.missing": (
        "There is no ops-centre report for {year}.",
        "没有 {year} 年度的运营管理中心建设工作总结表。",
    ),
    "ops.package_needs_report": (
        "{unit} is an operations-centre university: the Henan package needs the {year} "
        "ops-centre summary table (附件 3). Fill it in, or say it is not needed.",
        "{unit}是河南省知识产权运营管理中心建设高校，河南材料须附 {year} 年度《河南省高校知识产权"
        "运营管理中心建设工作总结表》（附件 3）。请填写该表，或确认本次不需要。",
    ),
    "json.duplicate_ops_report": (
        "A second ops-centre report for {year} (the first is at {first}): keep one.",
        "{year} 年度的运营管理中心总结表重复（第一份位于 {first}），请只保留一份。",
    ),
    "ops.record": ("ops-centre table {year}", "{year} 年度运营管理中心建设工作总结表"),
    "ops.cli_no_report": (
        "There is no ops-centre table for {year} yet: the blank form is printed for filling in "
        "by hand.",
        "尚无 {year} 年度运营管理中心建设工作总结表，已生成空白表供手工填写。",
    ),
    "ops.package_report_errors": (
        "The {year} ops-centre summary table has {count} error(s); correct them before it is "
        "packaged.",
        "{year} 年度运营管理中心建设工作总结表有 {count} 个错误，请改正后再打包。",
    ),
    # Hostile input, faults and mail (issue 18): domain ranges, values no field can hold.
    "range.number": (
        "{value} is outside what this field can hold ({low} to {high}).",
        "{value} 超出此栏可填的范围（{low} 至 {high}）。",
    ),
    "range.text": (
        "{length} characters: more than this field can print (at most {limit}). Shorten it.",
        "共 {length} 个字符，超出此栏可打印的长度（最多 {limit} 个字符），请精简。",
    ),
    "range.paragraph": (
        "One paragraph has {length} characters (at most {limit}): break it into paragraphs.",
        "其中一段长达 {length} 个字符（每段最多 {limit} 个字符），请分段。",
    ),
    "range.date": (
        "The date {value} is not plausible: enter a date between {low} and {high}.",
        "日期 {value} 不合理：请填写 {low} 年至 {high} 年之间的日期。",
    ),
    "json.number_too_large": (
        "The number {value} is larger than any figure of the forms (at most {limit}).",
        "数字 {value} 超出表格中任何数字的范围（最大 {limit}）。",
    ),
    "json.text_invalid": (
        "The text {value} holds a character that is not valid Unicode (a lone surrogate).",
        "文本 {value} 含有无效的 Unicode 字符（孤立代理项）。",
    ),
    "send.fate_unknown": (
        "The mail went out whole, then the connection broke before the server confirmed it: "
        "it may have been delivered. Check the mailbox's sent folder before sending it again.",
        "邮件已完整发出，但服务器确认前连接中断，对方可能已收到。请先查看邮箱的“已发送”，"
        "确认后再决定是否重新发送。",
    ),
    "cli.send_fate_unknown": (
        "{count} mail(s) may or may not have been delivered. Check the mailbox's sent folder; "
        "to send them again, run send with --resend-uncertain.",
        "有 {count} 封邮件无法确定是否已送达。请先查看邮箱的“已发送”；如需重新发送，"
        "请加 --resend-uncertain 再运行 send。",
    ),
    "send.stored_code_refused": (
        "The server refused the authorisation code stored for {user} ({host}). It is kept "
        "until a new one is accepted: type the mailbox's current authorisation code.",
        "服务器拒绝了为 {user}（{host}）保存的授权码。在新授权码被接受之前仍保留原授权码："
        "请输入邮箱当前的授权码。",
    ),
    "db.failed": (
        "The database {path} could not be opened: {reason}",
        "无法打开数据库 {path}：{reason}",
    ),
    "db.disk_full": (
        "The disk holding the database {path} is full: nothing more could be saved. Free some "
        "space and try again; what was saved before is intact.",
        "数据库 {path} 所在的磁盘已满，无法继续保存。请清理出空间后重试；此前已保存的内容完好。",
    ),
    "db.read_only": (
        "The database {path} is on a read-only drive or in a folder without write permission "
        "({reason}). Copy it to a folder you can write to (e.g. Documents) and open the copy.",
        "数据库 {path} 位于只读的磁盘或没有写入权限的文件夹（{reason}）。请将其复制到可写的"
        "文件夹（如“文档”）后打开副本。",
    ),
    "db.opened_read_only": (
        "Note: {path} is opened read-only ({reason}): it can be read, checked and exported, "
        "not changed.",
        "注意：{path} 以只读方式打开（{reason}）：可以查看、检查和导出，不能修改。",
    ),
    "import.csv_encoding_other": (
        "{name} looks like a {encoding} file (Traditional Chinese or Japanese), not GBK or "
        "UTF-8; read as Simplified Chinese it would be garbled. In Excel, save it as "
        "\"CSV UTF-8\" (or as .xlsx) and import that.",
        "{name} 似乎是 {encoding} 编码（繁体中文或日文），不是 GBK 或 UTF-8，按简体中文读取会"
        "变成乱码。请在 Excel 中另存为“CSV UTF-8”（或 .xlsx）后再导入。",
    ),
    "import.row_unreadable": (
        "Row {row} could not be read ({reason}); it is left out. Check its cells.",
        "第 {row} 行无法读取（{reason}），未导入。请检查该行的单元格。",
    ),
    "json.text_too_long": (
        "The text is {length} characters long; at most {limit} fit any field of the forms.",
        "文本长度为 {length} 个字符，表格中任何一栏最多容纳 {limit} 个字符。",
    ),
    # Use cases (issue 13): a contact detail the form requires, left empty (⑧ 电话 …): said as
    # required, not as "“” is not a phone number".
    "contact.required": ("This field is required.", "此项必填。"),
    # Use cases (issue 13): what an import kept as drafts, by kind of record
    # (cli.imported_drafts counts patents).
    "cli.imported_offer_drafts": (
        "{count} imported information sheet(s) have errors and were kept as drafts: run "
        "\"licence-desk validate\" to see them.",
        "其中 {count} 份信息表有错误，已作为草稿保存；运行“licence-desk validate”查看。",
    ),
    "cli.imported_deal_drafts": (
        "{count} imported licence(s) achieved have errors and were kept as drafts: run "
        "\"licence-desk validate\" to see them.",
        "其中 {count} 条达成许可有错误，已作为草稿保存；运行“licence-desk validate”查看。",
    ),
    # Other forms of the notices (issue 14): licence contract, Henan application, contacts sheet.
    "contract.entry_invalid": (
        "This contract entry cannot be read: it must be an object with the contract's fields.",
        "无法读取该合同条目：应为包含合同各项内容的对象。",
    ),
    "contract.copies_invalid": (
        "The number of copies must be a whole number of at least 1, not \"{value}\".",
        "合同份数应为不小于 1 的整数，不能是“{value}”。",
    ),
    "contract.date_invalid": (
        "\"{value}\" is not a date (YYYY-MM-DD).", "“{value}”不是有效日期（年-月-日）。",
    ),
    "contract.patents_required": (
        "Add the patent(s) the contract licenses.", "请填写本合同许可实施的专利。",
    ),
    "contract.patent_not_in_register": (
        "Patent {number} is not in the register: add it first, so that 第一条 can be filled.",
        "专利 {number} 不在登记册中：请先录入该专利，以便填写第一条。",
    ),
    "contract.patent_repeated": (
        "Patent {number} is listed twice.", "专利 {number} 重复列出。",
    ),
    "contract.inventors_missing": (
        "Patent {number} has no inventors recorded: 第一条 2 stays blank.",
        "专利 {number} 未登记发明人/设计人：第一条第 2 项将留空。",
    ),
    "contract.grant_date_missing": (
        "Patent {number} has no grant date: 第一条 4 stays blank.",
        "专利 {number} 未登记授权日：第一条第 4 项将留空。",
    ),
    "contract.fee_paid_missing": (
        "Patent {number}: enter the date the annual fee is paid up to (第一条 7).",
        "专利 {number}：请填写专利年费已交至的日期（第一条第 7 项）。",
    ),
    "contract.fee_paid_after_expiry": (
        "Patent {number}: the annual fee cannot be paid up to {paid}, after the patent expires "
        "on {expiry}.",
        "专利 {number}：专利年费已交至 {paid}，晚于专利期限届满日 {expiry}。",
    ),
    "contract.licensee_required": ("Enter the licensee's name.", "请填写被许可人名称。"),
    "contract.required": ("This field is required.", "此项为必填项。"),
    "contract.fee_agreement_required": (
        "Say whether the fee is the declared one (一致) or was negotiated.",
        "请选择使用费标准与声明“一致”还是“协商修改”。",
    ),
    "contract.no_declared_fee": (
        "A patent of the contract has no information sheet with a fee option, so the fee cannot "
        "be \"the same as declared\": choose the negotiated fee.",
        "合同中有专利没有填写许可使用费标准的信息表，不能选择“一致”：请选择协商修改并填写使用费。",
    ),
    "contract.declared_fees_differ": (
        "The patents of the contract declared different fees: choose the negotiated fee and "
        "state it.",
        "合同中各专利声明的许可使用费标准不同，不能选择“一致”：请选择协商修改并写明使用费。",
    ),
    "contract.bank_required": (
        "A paid licence needs the licensor's bank and account number.",
        "收费许可须填写许可人开户银行和帐号。",
    ),
    "contract.penalty_missing": (
        "No penalty for late payment is stated.", "未填写支付违约金的计算方法。",
    ),
    "contract.choose_one": ("Choose one of the alternatives.", "请在备选项中选择一项。"),
    "contract.choice_unknown": (
        "\"{value}\" is not one of the alternatives.", "“{value}”不是可选的选项。",
    ),
    "contract.detail_not_allowed": (
        "This detail belongs to another alternative: clear it or choose that alternative.",
        "该内容属于另一选项：请清空，或改选对应选项。",
    ),
    "contract.signed_future": ("The signing date {date} is in the future.",
                               "签订日期 {date} 晚于今天。"),
    "contract.signed_after_expiry": (
        "The contract is signed after patent {number} expired on {expiry}.",
        "合同签订日期晚于专利 {number} 的期限届满日 {expiry}。",
    ),
    "contract.missing": ("The contract (record {id}) no longer exists.",
                         "该合同（记录 {id}）已不存在。"),
    "contract.not_signed": (
        "Enter the signing date first: the deal is dated by it.",
        "请先填写合同签订日期：达成许可以该日期登记。",
    ),
    "application.entry_invalid": (
        "This application entry cannot be read: it must be an object.",
        "无法读取该申请书条目：应为对象。",
    ),
    "application.year_invalid": (
        "\"{value}\" is not a plan year.", "“{value}”不是有效的方案起始年份。",
    ),
    "application.date_invalid": (
        "\"{value}\" is not a date (YYYY-MM-DD).", "“{value}”不是有效日期（年-月-日）。",
    ),
    "application.unit_name_missing": (
        "Enter the unit's name in the unit profile first.", "请先在单位信息中填写单位名称。",
    ),
    "application.required": ("This field is required.", "此项为必填项。"),
    "application.liaison_phone_required": (
        "Give the liaison's mobile or landline.", "请填写联络人的手机或固定电话。",
    ),
    "application.date_missing": (
        "No application date: it stays blank on the cover.", "未填写申报时间：封面将留空。",
    ),
    "application.date_future": ("The application date {date} is in the future.",
                                "申报时间 {date} 晚于今天。"),
    "json.duplicate_application": (
        "A second application for the plan starting {year} (the first is at {first}).",
        "方案起始年份 {year} 的申请书重复（第一份在 {first}）。",
    ),
    "contacts_sheet.no_contacts": (
        "The unit has no contact persons: add them in the unit profile.",
        "单位信息中没有联系人：请先添加联系人。",
    ),
    "contacts_sheet.contact_field_missing": (
        "Contact {index} {name}: the contacts sheet needs this (a name, and an office phone or "
        "a mobile).",
        "第 {index} 位联系人{name}：联系人信息表需要填写此项（姓名，以及办公电话或手机）。",
    ),
    # Stock-patent inventory (存量专利盘点, issue 15) ------------------------------------------
    "inventory.intention_unknown": (
        "\"{value}\" is not a transfer intention: transfer, licence or own use.",
        "“{value}”不是转化意愿：应为转让、许可或自行应用或产业化。",
    ),
    "inventory.category_unknown": (
        "\"{value}\" is not in the category list; pick a category from the list.",
        "“{value}”不在分类目录中，请从目录中选择。",
    ),
    "inventory.ipc_malformed": (
        "\"{value}\" is not an IPC symbol (e.g. G06F or G06F 16/00).",
        "“{value}”不是 IPC 分类号（如 G06F 或 G06F 16/00）。",
    ),
    "inventory.maturity_range": (
        "Maturity \"{value}\" is not a technology readiness level from 1 to 9.",
        "技术成熟度“{value}”不是 1～9 级技术就绪水平。",
    ),
    "inventory.prospect_unknown": (
        "\"{value}\" is not a market prospect: good, fairly good, average or poor.",
        "“{value}”不是市场应用前景：应为好、较好、一般或较差。",
    ),
    "inventory.verdict_unknown": (
        "\"{value}\" is neither yes nor no.", "“{value}”应为“是”或“否”。",
    ),
    "inventory.stage_unknown": (
        "\"{value}\" is neither done nor planned.", "“{value}”应为“已发生（已达成）”或“即将”。",
    ),
    "inventory.value_unreadable": (
        "\"{value}\" cannot be read for this field.", "“{value}”无法识别为该项的值。",
    ),
    "inventory.evaluated_future": (
        "The date {date} is in the future.", "日期 {date} 晚于今天。",
    ),
    "inventory.convertible_abandoned": (
        "A patent to be abandoned cannot also be screened as convertible.",
        "即将放弃的专利不能同时筛选为可转化专利。",
    ),
    "inventory.convertible_not_in_force": (
        "Only patents in force can be convertible; this one is {status}.",
        "只有有效专利才能筛选为可转化专利，该专利为{status}。",
    ),
    "inventory.field_missing": (
        "Pick the technical field (strategic emerging industry or national economy): the "
        "classification table counts the patent under it.",
        "请选择技术领域（战略性新兴产业或国民经济行业），分类统计表按此计数。",
    ),
    "inventory.maturity_missing": (
        "Rate the technology maturity (levels 1–9).", "请评定技术成熟度（1～9 级）。",
    ),
    "inventory.prospect_missing": (
        "Rate the market prospect.", "请评定市场应用前景。",
    ),
    "inventory.intention_missing": (
        "Mark the transfer intention (transfer, licence, own use).",
        "请标注转化意愿（转让、许可、自行应用或产业化）。",
    ),
    "inventory.convertible_already_used": (
        "The patent is already licensed or transferred: the classification table counts only "
        "patents not yet put to use.",
        "该专利已许可或已转让，分类统计表只统计尚未转化运用的专利。",
    ),
    "inventory.abandon_while_used": (
        "A patent licensed or being transferred should not be abandoned: commitment 3 asks to "
        "keep it in force.",
        "已许可或正在转让的专利不应放弃：承诺第 3 条要求维持专利权有效。",
    ),
    "inventory.evaluator_missing": (
        "Enter who evaluated the patent.", "请填写评价人。",
    ),
    "inventory.evaluated_on_missing": (
        "Enter the evaluation date.", "请填写评价日期。",
    ),
    "inventory.feedback_enterprise_required": (
        "Enter the enterprise that gave the feedback.", "请填写反馈企业名称。",
    ),
    "inventory.import_unknown_patent": (
        "Row {row}: patent {number} is not in the register; its screening was not imported.",
        "第 {row} 行：专利 {number} 不在登记册中，其盘点信息未导入。",
    ),
    "json.screening_patent_unknown": (
        "The screening names patent {number}, which is neither in the file nor in the register.",
        "盘点信息所列专利 {number} 既不在文件中，也不在登记册中。",
    ),
    "cli.imported_screenings": (
        "Screening columns written for {count} patent(s).", "已写入 {count} 件专利的盘点信息。",
    ),
    "cli.record_screening": ("screening of {number}", "专利 {number} 的盘点"),
    "cli.due_fee": (
        "{number}\t{title}\tyear {year} fee due {due} (in {days} days; with surcharge until "
        "{grace_end})",
        "{number}\t{title}\t第 {year} 年年费 {due} 到期（还有 {days} 天；滞纳期至 {grace_end}）",
    ),
    "cli.due_expiry": (
        "{number}\t{title}\tterm ends {expiry} (in {days} days)",
        "{number}\t{title}\t专利权期限 {expiry} 届满（还有 {days} 天）",
    ),
    "cli.due_summary": (
        "{fees} annual fee(s) due within {days} days; {expiring} patent(s) expire within a "
        "year. Amounts: see CNIPA's fee notice (not computed here).",
        "{days} 天内到期年费 {fees} 件；一年内期限届满专利 {expiring} 件。"
        "缴费金额请以国家知识产权局缴费通知为准（本程序不计算金额）。",
    ),
    "cli.due_days_negative": (
        "--days must be 0 or more.", "--days 应为 0 或正整数。",
    ),
    "cli.inventory_draft": (
        "The screening has errors (listed above): the PDFs are marked 草稿.",
        "盘点信息有错误（见上），PDF 已加“草稿”水印。",
    ),
    # Files in the database, backup and restore (issue 16, files) ------------------------------
    "files.too_large": (
        "{name} is {size} MB; the register keeps files of up to {limit} MB. Attach a smaller "
        "scan (e.g. at 300 dpi, in black and white) or split the file.",
        "{name} 有 {size} MB，登记簿只能保存不超过 {limit} MB 的文件。请改用较小的扫描件"
        "（如 300 dpi 黑白）或拆分文件。",
    ),
    "files.altered": (
        "{path} is not the file that was attached (its SHA-256 differs).",
        "{path} 已不是当初附上的文件（SHA-256 不同）。",
    ),
    "files.changed_while_read": (
        "{name} changed while it was being read; nothing was stored. Close the program that "
        "is writing it and try again.",
        "读取 {name} 时文件发生了变化，未保存。请关闭正在写入该文件的程序后重试。",
    ),
    "files.not_stored": (
        "The file {name} is not in this database (it was missing when the register was "
        "upgraded). Attach it again.",
        "文件 {name} 不在本数据库中（升级登记簿时已缺失）。请重新附上该文件。",
    ),
    "files.damaged": (
        "The stored file {sha256} does not match its SHA-256: the database is damaged. Restore "
        "a backup.",
        "数据库中保存的文件 {sha256} 与其 SHA-256 不符，数据库已损坏。请从备份恢复。",
    ),
    "files.upgrade_missing": (
        "Upgrading the register: {name} ({what}) was not found at {path}. Its record is kept; "
        "put the file back and attach it again.",
        "升级登记簿：未在 {path} 找到 {name}（{what}）。其记录已保留，请找回文件后重新附上。",
    ),
    "files.upgrade_altered": (
        "Upgrading the register: {path} ({what}) is not the file that was attached (its "
        "SHA-256 differs); it was left where it is. Attach the right file again.",
        "升级登记簿：{path}（{what}）已不是当初附上的文件（SHA-256 不同），已原样保留。"
        "请重新附上正确的文件。",
    ),
    "files.upgrade_too_large": (
        "Upgrading the register: {path} ({what}) is {size} MB, more than the {limit} MB the "
        "register keeps; it was left where it is.",
        "升级登记簿：{path}（{what}）有 {size} MB，超过登记簿可保存的 {limit} MB，已原样保留。",
    ),
    "db.server_backup_failed": (
        "The server database {path} was not upgraded: the copy this version takes first could "
        "not be written to {folder} ({reason}). Free space or allow writing there, then start "
        "again.",
        "未升级服务器数据库 {path}：升级前需先备份，但无法写入 {folder}（{reason}）。"
        "请腾出空间或允许写入后重新启动。",
    ),
    "db.server_backup_written": (
        "The server database {path} was upgraded; a copy from before is at {backup}.",
        "服务器数据库 {path} 已升级；升级前的备份位于 {backup}。",
    ),
    "backup.write_failed": (
        "Cannot write the backup {path}: {reason}", "无法写入备份 {path}：{reason}",
    ),
    "backup.not_a_zip": (
        "{path} is not a Licence Desk backup: it is not a zip file. Nothing was changed.",
        "{path} 不是本程序的备份：它不是 zip 文件。未做任何更改。",
    ),
    "backup.unreadable": (
        "Cannot read the backup {path}: {reason}. Nothing was changed.",
        "无法读取备份 {path}：{reason}。未做任何更改。",
    ),
    "backup.bad_member": (
        "{path} holds \"{member}\", which no Licence Desk backup holds; it was refused and "
        "nothing was changed.",
        "{path} 含有本程序备份中不会有的“{member}”，已拒绝，未做任何更改。",
    ),
    "backup.missing_member": (
        "The backup {path} is incomplete: \"{member}\" is missing. Nothing was changed.",
        "备份 {path} 不完整：缺少“{member}”。未做任何更改。",
    ),
    "backup.bad_manifest": (
        "The backup {path} has no readable list of its files (manifest.json). Nothing was "
        "changed.",
        "备份 {path} 的文件清单（manifest.json）无法读取。未做任何更改。",
    ),
    "backup.newer": (
        "The backup {path} was written by a newer version of Licence Desk. Update the "
        "application first. Nothing was changed.",
        "备份 {path} 由更新版本的本程序生成，请先升级本程序。未做任何更改。",
    ),
    "backup.hash_mismatch": (
        "The backup {path} is damaged: \"{member}\" does not match its SHA-256. Nothing was "
        "changed; use another copy of the backup.",
        "备份 {path} 已损坏：“{member}”与其 SHA-256 不符。未做任何更改，请使用另一份备份。",
    ),
    "backup.member_too_large": (
        "The backup {path} is damaged: \"{member}\" is larger than it says. Nothing was "
        "changed.",
        "备份 {path} 已损坏：“{member}”比清单所列更大。未做任何更改。",
    ),
    "backup.member_size": (
        "The backup {path} is damaged: \"{member}\" is shorter than it says. Nothing was "
        "changed.",
        "备份 {path} 已损坏：“{member}”比清单所列更小。未做任何更改。",
    ),
    "backup.bad_json": (
        "The register in the backup {path} cannot be read (the problems follow). Nothing was "
        "changed.",
        "备份 {path} 中的登记数据无法读取（问题见下）。未做任何更改。",
    ),
    "backup.register_not_empty": (
        "This register holds {patents} patents, {offers} information sheets, {deals} deals, "
        "{documents} generated documents and {files} stored files. Restoring replaces all of "
        "them, with the package history and outbox, by the backup's (mail accounts and send "
        "targets stay). Nothing was changed; to replace them, restore with --replace.",
        "当前登记簿有专利 {patents} 件、信息表 {offers} 份、许可 {deals} 项、已生成文件 "
        "{documents} 份、已保存文件 {files} 个。恢复将用备份中的内容替换以上全部内容"
        "（以及提交包记录和发件箱；邮箱账户和报送对象保留）。未做任何更改；如确需替换，"
        "请加 --replace 再次恢复。",
    ),
    "backup.records_not_written": (
        "Restoring from {path} stopped: records in it cannot be written (below), after the "
        "register had been emptied. The register as it was before is copied at {copy} (on an "
        "office server: restore the last backup again).",
        "从 {path} 恢复时中止：其中的记录无法写入（见下），而登记簿此前已清空。恢复前的登记簿"
        "已复制到 {copy}（办公室服务器：请再次从最近的备份恢复）。",
    ),
    "backup.restore_failed": (
        "Restoring from {path} failed part-way: {reason}. The register as it was before is "
        "copied at {copy} (on an office server: restore the last backup again).",
        "从 {path} 恢复时中途失败：{reason}。恢复前的登记簿已复制到 {copy}"
        "（办公室服务器：请再次从最近的备份恢复）。",
    ),
    "cli.backup_written": (
        "Backup written to {path}: the register and {files} stored files ({size} MB).",
        "备份已写入 {path}：登记数据及已保存文件 {files} 个（{size} MB）。",
    ),
    "cli.restored": (
        "Register restored from {path}: {patents} patents, {offers} information sheets, "
        "{deals} deals, {documents} generated documents, {files} stored files.",
        "已从 {path} 恢复登记簿：专利 {patents} 件、信息表 {offers} 份、许可 {deals} 项、"
        "已生成文件 {documents} 份、已保存文件 {files} 个。",
    ),
    "files.upgrade_unreadable": (
        "Upgrading the register: {path} ({what}) could not be read: {reason}. It was left where "
        "it is; attach it again.",
        "升级登记簿：无法读取 {path}（{what}）：{reason}。已原样保留，请重新附上。",
    ),
    # Stock-patent inventory, the Anhui package (issue 15, session 4): tables written before
    # the records they count last changed.
    "package.inventory_screened_since": (
        "{document} was written on {generated} (UTC); the screening changed after that (last on "
        "{changed}), so its figures are not the records' any more. Write the inventory tables "
        "again (存量专利盘点 → tables, or licence-desk render inventory) and build the package "
        "again.",
        "{document}生成于 {generated}（UTC），此后盘点筛选又有修改（最后修改于 {changed}），"
        "表中数字已与现有记录不符。请重新生成两表（存量专利盘点，或 licence-desk render "
        "inventory）后再打包。",
    ),
    "package.inventory_outdated": (
        "{document} was written on {generated} (UTC) from records that have changed since (a "
        "patent, a deal, or a patent's term ended), so its figures are not the records' any "
        "more. Write the inventory tables again (licence-desk render inventory) and build the "
        "package again.",
        "{document}生成于 {generated}（UTC），此后专利、许可记录或专利有效状态有变化，"
        "表中数字已与现有记录不符。请重新生成两表（licence-desk render inventory）后再打包。",
    ),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    # Stock-patent inventory (issue 15)
    "intentions": ("Transfer intention", "转化意愿"),
    "strategic_category": ("Strategic emerging industry", "战略性新兴产业类别"),
    "economy_category": ("National economy category", "国民经济行业"),
    "ipc": ("IPC class", "IPC分类"),
    "maturity": ("Technology maturity", "技术成熟度"),
    "prospect": ("Market prospect", "市场应用前景"),
    "verdict": ("Convertible", "筛选结论"),
    "licence": ("Licence", "许可情况"),
    "transfer": ("Transfer", "转让情况"),
    "abandon": ("To be abandoned", "即将放弃专利权"),
    "dispute": ("Ownership dispute", "涉及权属纠纷"),
    "evaluator": ("Evaluator", "评价人"),
    "evaluated_on": ("Evaluation date", "评价日期"),
    "note": ("Note (remark on the tables)", "盘点备注"),
    "feedback.enterprise": ("Enterprise", "反馈企业"),
    "feedback.received_on": ("Feedback date", "反馈日期"),
    "feedback.prospect": ("Industrialisation prospect", "产业化前景评价"),
    "feedback.cooperation": ("Cooperation intention", "产学研合作意向"),
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
    "pledged": ("Pledged", "质押"),
    "fax": ("Fax", "传真号码"),
    "office_phone": ("Office phone", "办公电话"),
    "mobile": ("Mobile", "手机"),
    "legal_representative": ("Legal representative", "法定代表人"),
    "address": ("Address", "通讯地址"),
    "department": ("Department", "所在部门"),
    "contacts": ("Contacts", "联系人"),
    "remarks": ("Remarks", "备注"),
    "patent": ("Patent", "专利"),
    "self_exploitation": ("③ Own exploitation", "③自行实施专利的情况"),
    "self_exploitation_period": ("Time of own exploitation", "自行实施专利技术的时间"),
    "self_exploitation_scope": ("Scope of own exploitation", "自行实施专利技术的范围"),
    "self_exploitation_manner": ("Manner of own exploitation", "自行实施专利技术的方式"),
    "licensing": ("④ Licences to others", "④许可他人实施专利的状况"),
    "licensing_period": ("Time of licences to others", "许可他人实施专利的时间"),
    "licensing_scope": ("Scope of licences to others", "许可他人实施专利的范围"),
    "licensing_kind": ("Kind of licence", "许可类型"),
    "licence_expiry": ("⑤ Licence expiry date", "⑤许可期限届满日"),
    "fee": ("⑥ Licence fee", "⑥许可使用费标准"),
    "fee.option": ("⑥ Licence fee option", "⑥许可使用费标准"),
    "fee.entry_fee_yuan": ("Entry fee (yuan)", "入门费（元）"),
    "fee.royalty_percent": ("Royalty (% of net sales)", "提成比例（%）"),
    "fee.days": ("Days after the contract takes effect", "合同生效后日数"),
    "fee.amount_yuan": ("Lump sum (yuan)", "一次性支付金额（元）"),
    "fee.first_days": ("Days for the first payment", "第一批次支付日数"),
    "fee.first_yuan": ("First payment (yuan)", "第一批次金额（元）"),
    "fee.period": ("Accounting period", "会计周期"),
    "fee.period_days": ("Days before each period ends", "每期截止前日数"),
    "fee.batches": ("Batches", "分批次数"),
    "fee.each_yuan": ("Each payment (yuan)", "每次支付金额（元）"),
    "fee.count": ("Payments in all", "总共支付次数"),
    "fee.total_yuan": ("Total (yuan)", "共计金额（元）"),
    "fee.text": ("Other fee standard", "其他许可使用费标准"),
    "other_terms": ("⑦ Other terms", "⑦其他约定事项"),
    "contact.name": ("Recipient", "收件人姓名"),
    "contact.address": ("Address", "地址"),
    "contact.postcode": ("Postcode", "邮编"),
    "contact.phone": ("Phone", "电话"),
    "contact.email": ("E-mail", "电子邮件"),
    "open_scope": ("Open scope", "开放范围"),
    "single_term": ("Single licence term", "单次许可期限"),
    "declared_on": ("Declaration date", "声明日期"),
    "offer": ("Information sheet", "信息表"),
    # Other forms of the notices (issue 14): licence contract, Henan application.
    "patents": ("Patents", "专利"),
    "inventors": ("Inventors / designers", "发明人/设计人"),
    "annual_fee_paid_until": ("Annual fee paid up to", "专利年费已交至"),
    "licensee.name": ("Licensee", "被许可人"),
    "licensee.contact_phone": ("Licensee's phone", "被许可人联系电话"),
    "licensee.fax": ("Licensee's fax", "被许可人传真"),
    "licensee.email": ("Licensee's e-mail", "被许可人电子信箱"),
    "manner": ("Manner of exploitation", "实施方式"),
    "scope": ("Scope of exploitation", "实施范围"),
    "term": ("Term of exploitation", "实施期限"),
    "fee_agreement": ("Fee as declared or negotiated", "使用费标准（一致或协商修改）"),
    "bank_name": ("Bank", "开户银行"),
    "bank_account": ("Account number", "帐号"),
    "penalty": ("Penalty for late payment", "支付违约金的计算方法"),
    "improvement": ("Ownership of improvements", "后续改进成果归属"),
    "improvement_other": ("Other ownership", "其他归属"),
    "dispute_settlement": ("Settlement of disputes", "争议处理方式"),
    "arbitration_commission": ("Arbitration commission", "仲裁委员会"),
    "copies": ("Copies", "合同份数"),
    "signed_on": ("Signing date", "签订日期"),
    "unit.name": ("Unit name", "单位名称"),
    "filed_on": ("Application date", "申报时间"),
    "lead_name": ("Person in charge", "负责人姓名"),
    "lead_mobile": ("Person in charge: mobile", "负责人手机"),
    "lead_phone": ("Person in charge: landline", "负责人固定电话"),
    "lead_fax": ("Person in charge: fax", "负责人传真号码"),
    "liaison_name": ("Liaison", "联络人姓名"),
    "liaison_mobile": ("Liaison: mobile", "联络人手机"),
    "liaison_phone": ("Liaison: landline", "联络人固定电话"),
    "liaison_fax": ("Liaison: fax", "联络人传真号码"),
    "liaison_postcode": ("Liaison: postcode", "邮编"),
    "liaison_email": ("Liaison: e-mail", "E-mail"),
    "unit_profile": ("About the unit", "申报单位基本情况"),
    "work_targets": ("Work targets", "工作指标"),
    "funding": ("Funding", "经费保障机制"),
    "measures": ("Work measures", "工作举措"),
    "goals": ("Work goals", "工作目标"),
    "tasks": ("Tasks and responsibilities", "工作任务分解及职责划分"),
    "safeguards": ("Safeguards", "保障措施"),
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

LICENCE_KIND_LABELS: dict[str, tuple[str, str]] = {
    "ordinary": ("ordinary licence", "普通许可"),
    "exclusive": ("exclusive licence", "独占许可"),
    "sole": ("sole licence", "排他许可"),
}

# Use cases (issue 13): the ⑥ fee options as a message names them (`options` params), in
# the form's own words: the phrase each official sentence of ⑥ is known by.
FEE_OPTION_LABELS: dict[str, tuple[str, str]] = {
    "free": ("free of charge", "免费使用"),
    "entry_plus_royalty": ("entry fee plus royalty", "入门费和提成费相结合"),
    "lump_sum": ("lump sum", "一次总付"),
    "instalments": ("instalments within a total", "总付额内分期支付"),
    "other": ("another clear and reasonable fee", "其他明确合理的许可使用费标准"),
}

# The reason of an operating-system error (app.os_errors.reason_kind), in the words a clerk on
# Chinese Windows reads; any other error keeps the OS's own text.
OS_REASONS: dict[str, tuple[str, str]] = {
    "not_found": ("the file or folder does not exist", "文件或文件夹不存在"),
    "access_denied": (
        "permission denied (the file may be open in Excel or WPS)",
        "没有权限（文件可能正被 Excel 或 WPS 打开）",
    ),
    "in_use": (
        "the file is in use by another program (such as Excel or WPS)",
        "文件正被其他程序占用（如 Excel 或 WPS）",
    ),
    "is_directory": ("it is a folder, not a file", "这是文件夹，不是文件"),
    "not_directory": ("part of the path is a file, not a folder", "路径中有一级是文件，不是文件夹"),
    "not_empty": ("the folder is not empty", "文件夹不是空的"),
    "disk_full": ("the disk is full", "磁盘空间不足"),
    "read_only": ("the disk is read-only or write-protected", "磁盘为只读或写保护"),
    "exists": ("a file or folder of that name already exists", "已有同名的文件或文件夹"),
    "name_too_long": ("the file name or path is too long", "文件名或路径太长"),
    "invalid_name": (
        "the file name or path is not valid (a name cannot contain : * ? \" < > |)",
        "文件名或路径无效（文件名中不能有 : * ? \" < > | 等字符）",
    ),
    "device_not_ready": (
        "the drive is not ready or was removed (a USB drive pulled out, a network drive "
        "disconnected)",
        "磁盘或设备未就绪或已移除（如 U 盘已拔出、网络盘已断开）",
    ),
    "io_error": (
        "the disk could not be read or written (it may be damaged or removed)",
        "磁盘读写出错（可能已损坏或已拔出）",
    ),
}

_KIND_PARAMS = {"kind", "entered", "derived"}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == ZH else pair[0]


def label(table: Mapping[Any, tuple[str, str]], key: str, language: str = ZH) -> str:
    # Any: tables keyed by a StrEnum (PaymentMethod) are looked up with its plain value too.
    pair = table.get(key)
    return _pick(pair, language) if pair else key


def _param_text(key: str, value: Any, language: str) -> str:
    if key in _KIND_PARAMS and isinstance(value, str) and value in KIND_LABELS:
        return label(KIND_LABELS, value, language)
    if key in _KIND_PARAMS and isinstance(value, str) and value in LICENCE_KIND_LABELS:
        return label(LICENCE_KIND_LABELS, value, language)
    if key == "status" and isinstance(value, str) and value in LEGAL_STATUS_LABELS:
        return label(LEGAL_STATUS_LABELS, value, language)
    if key == "options" and isinstance(value, (list, tuple)):
        sep = "、" if language == ZH else ", "
        return sep.join(label(FEE_OPTION_LABELS, str(v), language) for v in value)
    if key == "fields" and isinstance(value, (list, tuple)):
        sep = "、" if language == ZH else ", "
        return sep.join(field_label(str(v), language) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def os_error_text(exc: BaseException, language: str = ZH) -> str:
    """An error that stopped some work, as a clerk reads it: for an OSError the file it names
    and why, in `language`; anything else as Python words it."""
    if not isinstance(exc, OSError):
        return str(exc)
    params = reason_params(exc)
    kind = reason_kind(params)
    reason = _pick(OS_REASONS[kind], language) if kind is not None else str(params["reason"])
    if not exc.filename:
        return reason
    return f"{exc.filename}{'：' if language == ZH else ': '}{reason}"


def message(code: str, params: Mapping[str, Any] | None = None, language: str = ZH) -> str:
    """The sentence for a code; an unknown code shows itself rather than nothing."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    values = {k: _param_text(k, v, language) for k, v in (params or {}).items()}
    os_reason = reason_kind(params or {})
    if os_reason is not None:
        # An OS error's reason in the message's language, not Python's English.
        values["reason"] = _pick(OS_REASONS[os_reason], language)
    nested = (params or {}).get("nested_code")
    if nested:
        # A finding that carries another record's finding (an offer on a bad patent record).
        inner = {k: v for k, v in (params or {}).items() if not k.startswith("nested_")}
        values["detail"] = message(str(nested), inner, language)
    try:
        return _pick(pair, language).format(**values)
    except (KeyError, IndexError):
        return _pick(pair, language)


def describe(finding: Finding, language: str = ZH) -> str:
    return message(finding.code, finding.params, language)


def field_label(field: str, language: str = ZH) -> str:
    if field not in FIELD_LABELS and field.startswith("patent."):
        return label(FIELD_LABELS, field.removeprefix("patent."), language)
    if field not in FIELD_LABELS and field.startswith("contacts[") and "]." in field:
        index, _, name = field.removeprefix("contacts[").partition("].")
        joiner = "第 {} 位联系人的{}" if language == ZH else "contact {}: {}"
        return joiner.format(int(index) + 1, label(FIELD_LABELS, name, language))
    return label(FIELD_LABELS, field, language)
