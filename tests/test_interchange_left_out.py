"""A key left out of a JSON data file means empty; a key the format does not have is refused.

The README's own examples leave keys out ({"option": "free"}, {"status": "none"}); a file
whose organisation had only a name, or whose ⑧ contact had no phone, was refused whole with
"缺少必填项". Only the keys that say which record an entry is stay required: a patent's
number, an offer's patent, a book's period.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.interchange import import_file, read_document
from app.models.store import Store

NUMBER = "201710601862.3"


def read(doc: dict[str, Any]) -> Any:
    return read_document({"format": "licence-desk", "version": 3, **doc})


def test_an_organisation_with_only_a_name() -> None:
    result = read({"organisation": {"name": "武汉大学", "contacts": [{"name": "李老师"}]}})
    assert result.ok, result.problems
    organisation = result.dataset.organisation
    assert organisation.name == "武汉大学" and organisation.phone == ""
    assert organisation.contacts[0].mobile == ""
    assert read({"organisation": {"name": "武汉大学"}}).dataset.organisation.contacts == ()


def test_a_sheet_whose_contact_has_no_phone_imports_as_a_draft_saying_so(
    store: Store, tmp_path: Path
) -> None:
    doc = {"format": "licence-desk", "version": 3,
           "patents": [{"number": NUMBER, "title": "一种方法", "filing_date": "2017-07-21",
                        "grant_date": "2020-01-10", "patentees": ["武汉大学"]}],
           "offers": [{"patent": NUMBER, "self_exploitation": {"status": "none"},
                       "licensing_to_others": {"status": "none"}, "fee": {"option": "free"},
                       "contact": {"name": "李老师", "address": "武汉市", "postcode": "430072",
                                   "email": "kjc@whu.edu.cn"}}],
           "deals": [{"patents": [NUMBER], "licensee": "某公司", "date": "2023-03-01"}]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = import_file(store, path)
    assert result.imported, result.problems
    [patent] = store.patents()
    assert patent.legal_status == "valid" and not patent.pledged
    [offer] = store.offers()
    assert offer.state == "draft" and offer.contact_phone == ""
    codes = {f.field: f.code for f in result.offer_findings[NUMBER]}
    assert codes["contact.phone"] == "contact.required"
    assert codes["licence_expiry"] == "offer.required"
    [deal] = store.deals()
    assert deal.fields.licensee == "某公司" and not deal.fields.via_offer
    assert "deal.method_required" in {f.code for f in result.deal_findings[deal.serial]}


def test_empty_objects_and_sections_mean_nothing_chosen_yet() -> None:
    result = read({"offers": [], "patents": [{"number": NUMBER}]})
    assert result.ok, result.problems
    assert read({}).ok  # no sections at all: nothing to import, nothing wrong
    offer = read({"patents": [{"number": NUMBER}],
                  "offers": [{"patent": NUMBER, "self_exploitation": {},
                              "licensing_to_others": {}, "contact": {}}]})
    assert offer.ok, offer.problems
    [(_, fields, _)] = offer.dataset.offers
    assert fields.self_exploitation == "" and fields.fee is None


def test_unknown_keys_and_left_out_identities_are_still_refused() -> None:
    result = read({"organisation": {"name": "武汉大学", "phnoe": "027-1"},
                   "patents": [{"title": "一种方法"}, {"number": NUMBER, "colour": "red"}],
                   "offers": [{"fee": {"option": "free"}}],
                   "summary_books": [{"unit_profile": "…"}]})
    assert not result.ok
    assert {p.field: p.code for p in result.problems} == {
        "$.organisation.phnoe": "json.unknown",
        "$.patents[0].number": "json.missing",
        "$.patents[1].colour": "json.unknown",
        "$.offers[0].patent": "json.missing",
        "$.summary_books[0].period_end": "json.missing",
    }
