"""Helpers for the window tests. No fixture here builds a window unless a test asks for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.ui import i18n, interaction
from app.ui.fonts import configure_fonts

VALID_NUMBER = "201710601862.3"  # invention, filed 2017


def commit_text(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method does (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def number(year: int, kind_digit: str, serial: int) -> str:
    digits = f"{year}{kind_digit}{serial:07d}"
    return f"{digits}.{check_character(digits)}"


def realistic_patents() -> list[PatentFields]:
    """Twenty patents like a university's register (one with mistakes in it)."""
    titles = [
        ("一种基于深度学习的输电线路缺陷检测方法", ("武汉大学",)),
        ("一种高强度耐腐蚀铝合金及其制备方法", ("华中科技大学", "湖北省机电研究设计院")),
        ("一种柔性可穿戴压力传感器", ("武汉理工大学",)),
        ("锂离子电池正极材料的回收方法", ("中国地质大学（武汉）", "格林美股份有限公司")),
        ("一种水稻抗病基因及其应用", ("华中农业大学",)),
        ("一种桥梁索力智能监测装置", ("武汉理工大学", "中铁大桥局集团有限公司")),
        ("一种中药复方提取物及其制备工艺", ("湖北中医药大学",)),
        ("光纤光栅温度传感系统", ("武汉大学", "武汉光迅科技股份有限公司")),
        ("一种建筑垃圾再生骨料混凝土", ("湖北工业大学",)),
        ("一种无人机巡检路径规划方法", ("华中科技大学",)),
        ("便携式水质快速检测仪", ("长江大学",)),
        ("一种钢筋自动绑扎机器人", ("武汉科技大学",)),
        ("一种生物可降解医用缝合线", ("武汉纺织大学", "武汉大学人民医院")),
        ("智能温室环境调控系统", ("华中农业大学",)),
        ("一种船舶尾气脱硫装置", ("武汉理工大学",)),
        ("一种量子点发光二极管及其制备方法", ("华中科技大学",)),
        ("茶叶揉捻机（外观）", ("湖北工业大学",)),
        ("一种隧道衬砌裂缝识别方法", ("中国地质大学（武汉）",)),
        ("一种磷石膏综合利用工艺", ("武汉工程大学", "湖北宜化集团有限责任公司")),
        ("一种新型节能路灯", ("三峡大学",)),
    ]
    out = []
    for i, (title, patentees) in enumerate(titles):
        year = 2013 + i % 10
        kind = "3" if "外观" in title else ("2" if i % 4 == 2 else "1")
        filing = dt.date(year, 1 + i % 12, 1 + (i * 3) % 28)
        out.append(
            PatentFields(
                number=number(year, kind, 100000 + i * 7919),
                title=title,
                patentees=patentees,
                filing_date=filing,
                grant_date=filing + dt.timedelta(days=500 + i * 11),
            )
        )
    # A record with errors: a check character mistyped and no patentee.
    out[5] = PatentFields(
        number=out[5].number[:-1] + ("0" if out[5].number[-1] != "0" else "1"),
        title=out[5].title,
        patentees=(),
        filing_date=out[5].filing_date,
    )
    return out


@pytest.fixture
def filled_store(store: Store) -> Store:
    for fields in realistic_patents():
        assert store.save_patent(fields).saved
    return store


class Questions:
    """Stands in for app.ui.interaction: records each question and gives scripted answers.

    A real modal box would block the test run (nobody clicks it), so every window test uses
    this; a question nobody scripted is answered "cancel"/"no" and recorded.
    """

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answers: list[object] = []

    def _answer(self, kind: str, text: str, default: object) -> object:
        self.asked.append((kind, text))
        return self.answers.pop(0) if self.answers else default

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(
            interaction, "confirm",
            lambda _p, _t, text, details="": self._answer("confirm", f"{text}\n{details}", False),
        )
        monkeypatch.setattr(
            interaction, "save_discard_cancel",
            lambda _p, _t, text: self._answer("save", text, interaction.Choice.CANCEL),
        )
        monkeypatch.setattr(
            interaction, "restore_discard_later",
            lambda _p, _t, text, details: self._answer(
                "restore", f"{text}\n{details}", interaction.Choice.CANCEL
            ),
        )
        monkeypatch.setattr(
            interaction, "inform", lambda _p, _t, text: self._answer("inform", text, None)
        )
        monkeypatch.setattr(
            interaction, "critical", lambda _p, _t, text: self._answer("critical", text, None)
        )
        # File and folder choosers, lists and the system viewer would block or open windows.
        monkeypatch.setattr(
            interaction, "choose_folder", lambda _p, title, *_a: self._answer("folder", title, "")
        )
        monkeypatch.setattr(
            interaction, "choose_open_file",
            lambda _p, title, *_a: self._answer("open_file", title, ""),
        )
        monkeypatch.setattr(
            interaction, "choose_save_file",
            lambda _p, title, *_a: self._answer("save_file", title, ""),
        )
        monkeypatch.setattr(
            interaction, "choose_item",
            lambda _p, title, _label, items: self._answer("item", title, None),
        )
        monkeypatch.setattr(
            interaction, "open_path", lambda path: bool(self._answer("open", path, False))
        )
        monkeypatch.setattr(
            interaction, "print_path", lambda path: bool(self._answer("print", path, False))
        )
        monkeypatch.setattr(
            interaction, "show_path",
            lambda _t, text, path: self._answer("path", f"{text}\n{path}", None),
        )
        monkeypatch.setattr(  # the first start's welcome (app/ui/first_start.py)
            interaction, "first_start_choice",
            lambda _p, _t, text, offer_sample: self._answer(
                "first_start", f"{text}\nsample offered: {offer_sample}", "later"),
        )


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    q = Questions()
    q.install(monkeypatch)
    return q


@pytest.fixture
def chinese() -> Iterator[str]:
    """The message table language for the test (the window's default)."""
    previous = i18n.language()
    i18n.set_language("zh_CN")
    yield "zh_CN"
    i18n.set_language(previous)


def _in_language(qapp: QApplication, language: str) -> Iterator[str]:
    """The whole window in `language`: Qt's translations, the message table and the fonts;
    then English Qt, the previous language, locale and font again."""
    font, locale, previous = qapp.font(), QLocale(), i18n.language()
    i18n.install_translators(qapp, language)
    if language == "zh_CN":
        configure_fonts(qapp)
    yield language
    i18n.install_translators(qapp, "en")
    i18n.set_language(previous)
    QLocale.setDefault(locale)
    qapp.setFont(font)


@pytest.fixture(params=["zh_CN", "en"])
def ui_language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The whole window in one language: Qt's translations, the message table and the fonts."""
    yield from _in_language(qapp, request.param)


@pytest.fixture
def zh_ui(qapp: QApplication) -> Iterator[str]:
    """The window in Simplified Chinese, as clerks see it: Qt's catalogue and ours, the fonts."""
    yield from _in_language(qapp, "zh_CN")


def rect_in(window: QWidget, widget: QWidget) -> QRect:
    """`widget`'s rectangle in `window`'s coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
