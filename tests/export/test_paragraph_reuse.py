"""Paragraphs of the same text in an equal style reuse one parse and one line breaking; any
difference of style, text or width gets its own."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from app.export.pdf import kit_styles, para


def test_the_same_text_in_an_equal_style_shares_the_parse() -> None:
    body = kit_styles().body
    twin = ParagraphStyle("another name", parent=body)
    first, second = para("专利权人承诺", body), para("专利权人承诺", twin)
    assert first is not second  # a layout consumes its flowables: never the same object
    assert first.frags is second.frags
    first.wrap(200, 1000)
    second.wrap(200, 1000)
    assert first.blPara is second.blPara
    second.wrap(40, 1000)  # another width: broken anew
    assert first.blPara is not second.blPara
    assert len(second.blPara.lines) > len(first.blPara.lines)


def test_a_style_made_from_one_already_used_is_a_style_of_its_own() -> None:
    """A style made with parent= copies its parent's attributes: nothing kept for the parent
    may pass to it."""
    parent = ParagraphStyle("parent", parent=kit_styles().body)
    small = para("信息表", parent)
    child = ParagraphStyle("child", parent=parent, fontSize=20, leading=26)
    big = para("信息表", child)
    assert small.frags is not big.frags
    assert [f.fontSize for f in big.frags] == [20]
    assert [f.fontSize for f in small.frags] == [12]


def test_markup_and_plain_text_are_not_confused() -> None:
    cell = kit_styles().cell
    plain = para("<u>A</u>", cell)
    markup = para("<u>A</u>", cell, markup=True)
    assert plain.frags is not markup.frags
    assert plain.getPlainText() == "<u>A</u>"
    assert markup.getPlainText() == "A"


def test_threads_laying_out_at_once_get_the_bytes_of_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window may lay out a preview while a batch renders on a worker thread: the kept
    paragraphs are shared, evicted and added from both at once."""
    from concurrent.futures import ThreadPoolExecutor

    from app.export.pdf import text
    from tests.export.test_offer_pdf_bytes import rendered

    monkeypatch.setattr(text, "_REUSE_LIMIT", 40)  # evicting all the time
    alone = rendered()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _i: rendered(), range(4)))
    assert results == [alone] * 4
