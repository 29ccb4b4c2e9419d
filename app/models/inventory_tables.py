"""The two Anhui inventory tables (seed 004), as data: headings in the official wording and every
count computed from the inventory rows, never typed.

The notice names the tables but gives no layout; this one follows its description:

《高校和科研机构转化专利统计表》 ("将本单位全部有效专利中，已发生或即将实施许可、已达成或即将达成
转让协议、即将放弃专利权、与企业共有专利权、涉及权属纠纷的专利进行梳理"): one row per patent in
force in at least one of the five situations, each situation a column (许可 and 转让 split in
已发生/即将 under one heading), and a 合计 row counting the marks of each column.

《高校和科研机构存量可转化专利分类统计表》 ("还没有进行转化运用专利 … 技术成熟度、市场应用前景
… 筛选出有潜在市场价值的专利，按照涉及技术领域分类统计"): one row per technical field — the nine
first-level strategic-emerging-industry categories and 其他 — with the number of convertible
patents, by type, by maturity stage, by market prospect and by transfer intention; a second
grouping by national-economy section; and the list of the patents counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from app.models.inventory import (
    INTENTION_LABELS,
    MATURITY_STAGES,
    PROSPECT_LABELS,
    InventoryRow,
    Prospect,
    categories,
)
from app.models.patent_number import PatentKind

TRANSFER_TABLE_TITLE: Final = "高校和科研机构转化专利统计表"
CLASSIFICATION_TABLE_TITLE: Final = "高校和科研机构存量可转化专利分类统计表"
UNIT_LABEL: Final = "填报单位（盖章）："
DATE_LABEL: Final = "填报日期："
TOTAL_LABEL: Final = "合计"
OTHER_FIELD: Final = "其他（未归入战略性新兴产业）"
NO_ECONOMY: Final = "未填国民经济行业"
UNRATED: Final = "未评"

KIND_LABELS_ZH: Final = {
    PatentKind.INVENTION.value: "发明",
    PatentKind.UTILITY_MODEL.value: "实用新型",
    PatentKind.DESIGN.value: "外观设计",
}

# 转化专利统计表: (key, heading, group heading or "").
SITUATION_COLUMNS: Final[tuple[tuple[str, str, str], ...]] = (
    ("licence_done", "已发生", "已发生或即将实施许可"),
    ("licence_planned", "即将实施", "已发生或即将实施许可"),
    ("transfer_done", "已达成", "已达成或即将达成转让协议"),
    ("transfer_planned", "即将达成", "已达成或即将达成转让协议"),
    ("abandon", "即将放弃专利权", ""),
    ("co_owned", "与企业共有专利权", ""),
    ("dispute", "涉及权属纠纷", ""),
)
TRANSFER_LEAD_COLUMNS: Final = ("序号", "专利号", "专利名称", "专利类型", "专利权人", "授权公告日")
TRANSFER_TAIL_COLUMNS: Final = ("备注",)
MARK: Final = "√"
TRANSFER_NOTE: Final = (
    "注：统计范围为本单位全部有效专利；“已发生许可”含本系统达成许可记录所列专利；"
    "“与企业共有专利权”按专利权人中的企业确定；合计为各列所填专利件数。"
)

# 分类统计表: group headings over their columns.
COUNT_GROUPS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    ("可转化专利数（件）", (("total", "合计"),
                           *((k, v) for k, v in KIND_LABELS_ZH.items()))),
    ("技术成熟度（技术就绪水平）", (*((f"maturity_{i}", label) for i, (label, _) in
                                   enumerate(MATURITY_STAGES)), ("maturity_none", UNRATED))),
    ("市场应用前景", (*((p.value, PROSPECT_LABELS[p][1]) for p in Prospect),
                      ("prospect_none", UNRATED))),
    ("转化意愿", tuple((k, v[1]) for k, v in INTENTION_LABELS.items())),
)
COUNT_KEYS: Final = tuple(key for _, columns in COUNT_GROUPS for key, _ in columns)
CLASSIFICATION_NOTE: Final = (
    "注：统计对象为筛选出有潜在市场价值、尚未转化运用（无已发生许可、已达成转让）的有效专利；"
    "技术成熟度按技术就绪水平九级评定；转化意愿可多选，各项之和可大于合计。"
)
DETAIL_TITLE: Final = "可转化专利明细"
DETAIL_COLUMNS: Final = (
    "序号", "专利号", "专利名称", "专利类型", "专利权人", "战略性新兴产业类别", "国民经济行业",
    "IPC分类", "技术成熟度", "市场应用前景", "转化意愿", "评价人", "评价日期",
)
SECTION_STRATEGIC: Final = "一、按战略性新兴产业分类"
SECTION_ECONOMY: Final = "二、按国民经济行业分类"


def official_number(number: str) -> str:
    return f"ZL{number}" if number and number[0].isdigit() and "." in number else number


def day_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# 转化专利统计表 ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TransferRow:
    serial: int
    number: str
    title: str
    kind: str
    patentees: str
    grant_date: str
    marks: tuple[bool, ...]  # SITUATION_COLUMNS order
    remark: str

    def cells(self) -> list[str]:
        return [str(self.serial), self.number, self.title, self.kind, self.patentees,
                self.grant_date, *(MARK if m else "" for m in self.marks), self.remark]


@dataclass(frozen=True)
class TransferTable:
    unit_name: str
    dated: dt.date
    patents_in_force: int
    rows: tuple[TransferRow, ...]
    totals: tuple[int, ...]  # per situation column

    @property
    def title(self) -> str:
        return TRANSFER_TABLE_TITLE


def transfer_table(rows: Sequence[InventoryRow], unit_name: str, dated: dt.date
                   ) -> TransferTable:
    keys = [key for key, _, _ in SITUATION_COLUMNS]
    out: list[TransferRow] = []
    totals = [0] * len(keys)
    in_force = [r for r in rows if r.in_force]
    for row in in_force:
        situations = set(row.situations)
        if not situations:
            continue
        marks = tuple(key in situations for key in keys)
        for i, marked in enumerate(marks):
            totals[i] += marked
        remark_parts = []
        if row.deal_serials:
            remark_parts.append("达成许可清单序号 " + "、".join(str(s) for s in row.deal_serials))
        if row.screening.note.strip():
            remark_parts.append(row.screening.note.strip())
        out.append(TransferRow(
            serial=len(out) + 1,
            number=official_number(row.number),
            title=row.title,
            kind=KIND_LABELS_ZH.get(row.kind, ""),
            patentees="、".join(row.patentees),
            grant_date=day_text(row.grant_date),
            marks=marks,
            remark="；".join(remark_parts),
        ))
    return TransferTable(unit_name, dated, len(in_force), tuple(out), tuple(totals))


# 分类统计表 --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    heading: str
    counts: tuple[int, ...]  # COUNT_KEYS order

    def count(self, key: str) -> int:
        return self.counts[COUNT_KEYS.index(key)]


@dataclass(frozen=True)
class DetailRow:
    serial: int
    cells: tuple[str, ...]  # DETAIL_COLUMNS order


@dataclass(frozen=True)
class ClassificationTable:
    unit_name: str
    dated: dt.date
    by_strategic: tuple[CountRow, ...]  # the 9 categories, 其他, then 合计
    by_economy: tuple[CountRow, ...]  # sections with patents, 未填, then 合计
    details: tuple[DetailRow, ...]

    @property
    def title(self) -> str:
        return CLASSIFICATION_TABLE_TITLE

    @property
    def total(self) -> int:
        return self.by_strategic[-1].count("total")


def _counts(rows: Sequence[InventoryRow]) -> tuple[int, ...]:
    tally = dict.fromkeys(COUNT_KEYS, 0)
    for row in rows:
        s = row.screening
        tally["total"] += 1
        if row.kind in KIND_LABELS_ZH:
            tally[row.kind] += 1
        if s.maturity is None:
            tally["maturity_none"] += 1
        else:
            for i, (_, levels) in enumerate(MATURITY_STAGES):
                if s.maturity in levels:
                    tally[f"maturity_{i}"] += 1
        tally[s.prospect if s.prospect in tally else "prospect_none"] += 1
        for intention in s.intentions:
            if intention in tally:
                tally[intention] += 1
    return tuple(tally[k] for k in COUNT_KEYS)


def _grouped(rows: Sequence[InventoryRow], key: Callable[[InventoryRow], str],
             headings: Sequence[tuple[str, str]], rest: str, keep_empty: bool
             ) -> tuple[CountRow, ...]:
    groups: dict[str, list[InventoryRow]] = {code: [] for code, _ in headings}
    others: list[InventoryRow] = []
    for row in rows:
        groups.get(key(row), others).append(row)
    out = [CountRow(name, _counts(groups[code])) for code, name in headings
           if keep_empty or groups[code]]
    if keep_empty or others:
        out.append(CountRow(rest, _counts(others)))
    out.append(CountRow(TOTAL_LABEL, _counts(rows)))
    return tuple(out)


def classification_table(rows: Sequence[InventoryRow], unit_name: str, dated: dt.date
                         ) -> ClassificationTable:
    cats = categories()
    chosen = [r for r in rows if r.convertible]
    strategic_heads = [(c, f"{c} {n}") for c, n in cats.strategic.items if "." not in c]
    economy_heads = [(c, f"{c} {n}") for c, n in cats.economy.items if len(c) == 1]

    def strategic_of(row: InventoryRow) -> str:
        code = row.screening.strategic_category
        return cats.strategic.top_level(code) if code else ""

    def economy_of(row: InventoryRow) -> str:
        code = row.screening.economy_category
        return cats.economy.top_level(code) if code else ""

    details: list[DetailRow] = []
    for row in chosen:
        s = row.screening
        details.append(DetailRow(len(details) + 1, (
            str(len(details) + 1), official_number(row.number), row.title,
            KIND_LABELS_ZH.get(row.kind, ""), "、".join(row.patentees),
            cats.strategic.label(s.strategic_category) if s.strategic_category else "",
            cats.economy.label(s.economy_category) if s.economy_category else "",
            s.ipc,
            f"{s.maturity} 级" if s.maturity is not None else "",
            PROSPECT_LABELS[s.prospect][1] if s.prospect in PROSPECT_LABELS else "",
            "、".join(INTENTION_LABELS[i][1] for i in s.intentions if i in INTENTION_LABELS),
            s.evaluator,
            day_text(s.evaluated_on),
        )))
    return ClassificationTable(
        unit_name, dated,
        _grouped(chosen, strategic_of, strategic_heads, OTHER_FIELD, keep_empty=True),
        _grouped(chosen, economy_of, economy_heads, NO_ECONOMY, keep_empty=False),
        tuple(details),
    )
