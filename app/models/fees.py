"""⑥ 许可使用费标准: the five fee options of the information sheet, one of which is chosen.

Money and percentages are Decimals so that instalment sums add up exactly. A fee is held as
plain data (`FeeOption`); `read_fee()` reads what is stored or imported, including the "two
options ticked" case (a list), which becomes a finding, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from app.models.findings import Finding, error


class FeeKind(StrEnum):
    FREE = "free"  # 1. 免费使用
    ENTRY_PLUS_ROYALTY = "entry_plus_royalty"  # 2. 入门费 + 提成费
    LUMP_SUM = "lump_sum"  # 3. 一次总付
    INSTALMENTS = "instalments"  # 4. 总付额内分期支付
    OTHER = "other"  # 5. 其他明确合理的许可使用费标准


class InstalmentPeriod(StrEnum):
    MONTH = "month"  # 月份
    QUARTER = "quarter"  # 季度
    YEAR = "year"  # 年度


PERIOD_LABELS_ZH: dict[InstalmentPeriod, str] = {
    InstalmentPeriod.MONTH: "月份",
    InstalmentPeriod.QUARTER: "季度",
    InstalmentPeriod.YEAR: "年度",
}

# The parameters each option takes, in the order of its sentence on the form.
OPTION_PARAMETERS: dict[FeeKind, tuple[str, ...]] = {
    FeeKind.FREE: (),
    FeeKind.ENTRY_PLUS_ROYALTY: ("entry_fee_yuan", "royalty_percent"),
    FeeKind.LUMP_SUM: ("days", "amount_yuan"),
    FeeKind.INSTALMENTS: (
        "first_days",
        "first_yuan",
        "period",
        "period_days",
        "batches",
        "each_yuan",
        "count",
        "total_yuan",
    ),
    FeeKind.OTHER: ("text",),
}

_INTEGER_PARAMETERS = {"days", "first_days", "period_days", "batches", "count"}
_DECIMAL_PARAMETERS = {
    "entry_fee_yuan",
    "royalty_percent",
    "amount_yuan",
    "first_yuan",
    "each_yuan",
    "total_yuan",
}


@dataclass(frozen=True)
class FeeOption:
    """The chosen option and its parameters; parameters of other options are None."""

    option: FeeKind | None = None
    entry_fee_yuan: Decimal | None = None
    royalty_percent: Decimal | None = None
    days: int | None = None
    amount_yuan: Decimal | None = None
    first_days: int | None = None
    first_yuan: Decimal | None = None
    period: InstalmentPeriod | None = None
    period_days: int | None = None
    batches: int | None = None
    each_yuan: Decimal | None = None
    count: int | None = None
    total_yuan: Decimal | None = None
    text: str = ""

    def only_chosen(self) -> FeeOption:
        """The same option with the parameters of the other options cleared."""
        keep = set(OPTION_PARAMETERS.get(self.option, ())) if self.option else set()
        cleared: dict[str, Any] = {}
        for f in fields(self):
            if f.name != "option" and f.name not in keep:
                cleared[f.name] = "" if f.name == "text" else None
        return replace(self, **cleared)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the option and its own parameters; money as strings, exact."""
        if self.option is None:
            return {}
        out: dict[str, Any] = {"option": self.option.value}
        for name in OPTION_PARAMETERS[self.option]:
            value = getattr(self, name)
            if value is None or value == "":
                continue
            if isinstance(value, Decimal):
                out[name] = decimal_text(value)
            elif isinstance(value, StrEnum):
                out[name] = value.value
            else:
                out[name] = value
        return out


def decimal_text(value: Decimal) -> str:
    """12000 not 1.2E+4, 12.5 not 12.50."""
    text = format(value.normalize(), "f")
    return text


def _param(value: Decimal | int) -> str | int:
    """A figure as a finding's param: JSON-able (the text of an amount, a whole number)."""
    return decimal_text(value) if isinstance(value, Decimal) else value


@dataclass(frozen=True)
class FeeReading:
    """What was read from stored or imported fee data, and the problems reading it."""

    fee: FeeOption
    findings: tuple[Finding, ...] = ()
    ticked: tuple[str, ...] = ()  # options named when more than one was ticked


def read_fee(data: Any) -> FeeReading:
    """Read a fee from JSON-like data. Never raises: bad data becomes findings on its field."""
    if data is None or data == {} or data == []:
        return FeeReading(FeeOption())
    if isinstance(data, list):
        options = [str(item.get("option")) for item in data if isinstance(item, dict)]
        if len(data) == 1 and isinstance(data[0], dict):
            return read_fee(data[0])
        first = read_fee(data[0]).fee if data and isinstance(data[0], dict) else FeeOption()
        return FeeReading(
            first,
            (error("fee.several_options", "fee.option", options=options),),
            tuple(options),
        )
    if not isinstance(data, dict):
        return FeeReading(FeeOption(), (error("fee.option_missing", "fee.option"),))
    try:
        kind = FeeKind(str(data.get("option")))
    except ValueError:
        return FeeReading(
            FeeOption(), (error("fee.option_unknown", "fee.option", option=data.get("option")),)
        )
    values: dict[str, Any] = {"option": kind}
    findings: list[Finding] = []
    for name in OPTION_PARAMETERS[kind]:
        raw = data.get(name)
        if raw is None or raw == "":
            continue
        field = f"fee.{name}"
        if name == "period":
            try:
                values[name] = InstalmentPeriod(str(raw))
            except ValueError:
                findings.append(error("fee.period_unknown", field, period=raw))
        elif name == "text":
            values[name] = str(raw)
        elif name in _INTEGER_PARAMETERS:
            number = to_decimal(raw)
            if number is None or number != number.to_integral_value():
                findings.append(error("fee.not_whole_number", field, value=raw))
            else:
                values[name] = int(number)
        elif name in _DECIMAL_PARAMETERS:
            number = to_decimal(raw)
            if number is None:
                findings.append(error("fee.not_a_number", field, value=raw))
            else:
                values[name] = number
    return FeeReading(FeeOption(**values), tuple(findings))


def to_decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def check_fee(fee: FeeOption) -> list[Finding]:
    """Rule R4: one option, its parameters present and positive, instalments that add up."""
    if fee.option is None:
        return [error("fee.option_missing", "fee.option")]
    findings: list[Finding] = []

    def positive(name: str) -> bool:
        value = getattr(fee, name)
        if value is None:
            findings.append(error("fee.parameter_missing", f"fee.{name}"))
            return False
        if value <= 0:
            findings.append(error("fee.parameter_not_positive", f"fee.{name}",
                                  value=_param(value)))
            return False
        return True

    if fee.option is FeeKind.ENTRY_PLUS_ROYALTY:
        positive("entry_fee_yuan")
        if positive("royalty_percent") and fee.royalty_percent is not None:
            if fee.royalty_percent > 100:
                findings.append(
                    error("fee.royalty_over_100", "fee.royalty_percent",
                          value=decimal_text(fee.royalty_percent))
                )
    elif fee.option is FeeKind.LUMP_SUM:
        positive("days")
        positive("amount_yuan")
    elif fee.option is FeeKind.INSTALMENTS:
        ok = all(
            [
                positive("first_days"),
                positive("first_yuan"),
                positive("period_days"),
                positive("batches"),
                positive("each_yuan"),
                positive("count"),
                positive("total_yuan"),
            ]
        )
        if fee.period is None:
            findings.append(error("fee.parameter_missing", "fee.period"))
        if fee.count is not None and fee.count > 0 and fee.count < 2:
            findings.append(error("fee.count_too_small", "fee.count", count=fee.count))
        if fee.count is not None and fee.batches is not None and fee.count != fee.batches + 1:
            # "分 N 批次支付 … 包括第一次在内总共支付 M 次": M is the first payment plus N batches.
            findings.append(
                error(
                    "fee.count_mismatch",
                    "fee.count",
                    count=fee.count,
                    batches=fee.batches,
                    expected=fee.batches + 1,
                )
            )
        if ok and fee.first_yuan and fee.each_yuan and fee.count and fee.total_yuan:
            expected = fee.first_yuan + (fee.count - 1) * fee.each_yuan
            if expected != fee.total_yuan:
                findings.append(
                    error(
                        "fee.instalments_sum",
                        "fee.total_yuan",
                        first=decimal_text(fee.first_yuan),
                        count=fee.count,
                        each=decimal_text(fee.each_yuan),
                        expected=decimal_text(expected),
                        total=decimal_text(fee.total_yuan),
                    )
                )
    elif fee.option is FeeKind.OTHER:
        if not fee.text.strip():
            findings.append(error("fee.parameter_missing", "fee.text"))
    return findings
