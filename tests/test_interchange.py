"""The JSON interchange file: format checks with paths, drafts for domain errors, round trip."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import tempfile
import unittest.mock
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import interchange
from app.interchange import (
    CURRENT_VERSION,
    Dataset,
    Key,
    build_document,
    dumps,
    export_file,
    import_dataset,
    import_file,
    read_document,
    read_file,
    read_text,
)
from app.messages import EN, MESSAGES, ZH, describe
from app.models.database import open_database
from app.models.patent_rules import PatentFields, check_patent
from app.models.store import ContactData, OrganisationData, Store

ORGANISATION = OrganisationData(
    name="华中某大学",
    legal_representative="王五",
    address="湖北省武汉市洪山区珞喻路 1037 号",
    postcode="430074",
    phone="027-87541234",
    fax="027-87540000",
    email="tto@example.edu.cn",
    contacts=(
        ContactData("李四", "科学技术发展院", "科长", "027-87543456", "13912345678",
                    "lisi@example.edu.cn"),
        ContactData("赵六", "知识产权中心", "", "", "13812345678", ""),
    ),
)

PATENTS = (
    PatentFields(
        number="201710601862.3",
        title="一种“测试”方法，及其装置/系统",
        patentees=("华中某大学", "某某科技有限公司"),
        filing_date=dt.date(2017, 7, 21),
        grant_date=dt.date(2020, 1, 10),
        legal_status="valid",
        term_compensation_days=123,
        expiry_override=dt.date(2037, 11, 20),
        expiry_override_note="国家知识产权局期限补偿决定",
        remarks="第一行\n第二行",
    ),
    PatentFields(
        number="202322865413.3",
        title="一种实用新型",
        patentees=("华中某大学",),
        filing_date=dt.date(2023, 10, 26),
        grant_date=None,
        legal_status="lapsed",
    ),
    # A draft: wrong check character, entered type disagreeing with nothing (no valid number).
    PatentFields(
        number="201811564288.1",
        title="校验位录错的专利",
        patentees=("华中某大学",),
        filing_date=dt.date(2018, 12, 24),
        grant_date=dt.date(2021, 3, 2),
        legal_status="valid",
        entered_kind="invention",
    ),
    # A disagreement between entered type and number survives the round trip.
    PatentFields(
        number="97101765.4",
        title="旧号码",
        patentees=("华中某大学",),
        filing_date=None,
        grant_date=None,
        legal_status="expired",
        entered_kind="design",
    ),
)


def minimal_patent(**overrides: Any) -> dict[str, Any]:
    patent: dict[str, Any] = {
        "number": "201710601862.3",
        "title": "一种测试方法",
        "filing_date": "2017-07-21",
        "grant_date": "2020-01-10",
        "patentees": ["华中某大学"],
        "legal_status": "valid",
    }
    patent.update(overrides)
    return patent


def document(*patents: Any, organisation: Any = "default") -> dict[str, Any]:
    doc: dict[str, Any] = {"format": "licence-desk", "version": 1}
    if organisation == "default":
        doc["organisation"] = interchange.organisation_document(ORGANISATION)
    elif organisation is not None:
        doc["organisation"] = organisation
    doc["patents"] = list(patents) if patents else [minimal_patent()]
    return doc


def problems_of(doc: Any) -> dict[str, str]:
    """path → code of every problem found in `doc`."""
    result = read_document(doc)
    assert result.dataset is None and not result.ok
    return {p.field: p.code for p in result.problems}


def fill(store: Store) -> None:
    store.replace_all(ORGANISATION, list(PATENTS))


def open_store(path: Path) -> Store:
    return Store(open_database(path))


# Export ------------------------------------------------------------------------------------


def test_export_writes_the_documented_layout(store: Store, tmp_path: Path) -> None:
    fill(store)
    target = tmp_path / "backup.json"
    assert export_file(store, target) == len(PATENTS)
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"}\n") and b"\r\n" not in raw
    assert "华中某大学".encode() in raw  # ensure_ascii=False: readable Chinese
    doc = json.loads(raw)
    assert list(doc) == ["format", "version", "organisation", "patents", "offers", "deals",
                         "summary_books", "ops_centre_reports", "screenings",
                         "contracts",
                         "henan_applications", "documents", "record_states"]
    assert doc["format"] == "licence-desk" and doc["version"] == CURRENT_VERSION
    assert [c["name"] for c in doc["organisation"]["contacts"]] == ["李四", "赵六"]
    numbers = [p["number"] for p in doc["patents"]]
    assert numbers == sorted(numbers)
    first = next(p for p in doc["patents"] if p["number"] == "201710601862.3")
    assert first == {
        "number": "201710601862.3",
        "title": "一种“测试”方法，及其装置/系统",
        "filing_date": "2017-07-21",
        "grant_date": "2020-01-10",
        "patentees": ["华中某大学", "某某科技有限公司"],
        "legal_status": "valid",
        "kind": "invention",
        "term_compensation_days": 123,
        "expiry_override": "2037-11-20",
        "expiry_override_note": "国家知识产权局期限补偿决定",
        "remarks": "第一行\n第二行",
    }
    utility = next(p for p in doc["patents"] if p["number"] == "202322865413.3")
    assert utility["kind"] == "utility_model" and utility["grant_date"] is None
    assert "remarks" not in utility and "expiry_override" not in utility


def test_export_is_deterministic_and_leaves_no_temporary_file(
    store: Store, tmp_path: Path
) -> None:
    fill(store)
    out = tmp_path / "out"
    out.mkdir()
    export_file(store, out / "a.json")
    export_file(store, out / "b.json")
    assert (out / "a.json").read_bytes() == (out / "b.json").read_bytes()
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_export_failure_keeps_the_old_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "backup.json"
    target.write_text("old contents", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        export_file(store, target)
    assert target.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in out.iterdir()] == ["backup.json"]


# Round trip --------------------------------------------------------------------------------


def test_export_import_export_is_byte_identical(store: Store, tmp_path: Path) -> None:
    fill(store)
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    export_file(store, first)

    fresh = open_store(tmp_path / "fresh.sqlite3")
    try:
        result = import_file(fresh, first)
        assert result.imported and result.created == len(PATENTS) and result.updated == 0
        export_file(fresh, second)
        assert fresh.organisation() == ORGANISATION
        fields = {p.number: PatentFields.of(p) for p in fresh.patents()}
        for original in PATENTS:
            assert fields[original.number] == original
    finally:
        fresh.database.close()
    assert first.read_bytes() == second.read_bytes()


texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
names = st.text(st.characters(exclude_categories=("Cs", "Z", "Cc")), min_size=1, max_size=8)
dates = st.none() | st.dates(dt.date(1985, 1, 1), dt.date(2030, 12, 31))


@st.composite
def patent_fields(draw: st.DrawFn) -> PatentFields:
    digits = draw(st.from_regex(r"20[0-2][0-9][12389][0-9]{7}", fullmatch=True))
    check = draw(st.sampled_from("0123456789X"))
    return PatentFields(
        number=f"{digits}.{check}",
        title=draw(texts).strip(),
        patentees=tuple(dict.fromkeys(draw(st.lists(names, max_size=3)))),
        filing_date=draw(dates),
        grant_date=draw(dates),
        legal_status=draw(st.sampled_from(interchange.LEGAL_STATUSES)),
        term_compensation_days=draw(st.none() | st.integers(1, 2000)),
        expiry_override=draw(dates),
        expiry_override_note=draw(texts).strip(),
        remarks=draw(texts),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(patent_fields(), max_size=4, unique_by=lambda p: p.number))
def test_round_trip_of_any_register(patents: list[PatentFields]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, copy_ = open_store(Path(folder) / "a.db"), open_store(Path(folder) / "b.db")
        try:
            source.replace_all(ORGANISATION, patents)
            text = dumps(interchange.export_document(source))
            read = read_text(text)
            assert read.ok, read.problems
            assert read.dataset is not None
            import_dataset(copy_, read.dataset)
            assert dumps(interchange.export_document(copy_)) == text
        finally:
            source.database.close()
            copy_.database.close()


# Import ------------------------------------------------------------------------------------


def write(tmp_path: Path, doc: Any, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_merges_by_normalised_number(store: Store, tmp_path: Path) -> None:
    fill(store)
    before = {p.number: p.id for p in store.patents()}
    doc = document(
        minimal_patent(number="ZL 2017 1 0601862.3", title="改过的名称"),
        minimal_patent(number="202010566088.9", filing_date="2020-06-18", grant_date=None),
        organisation=None,
    )
    result = import_file(store, write(tmp_path, doc))
    assert result.imported and (result.created, result.updated) == (1, 1)
    assert not result.organisation_replaced
    after = {p.number: p for p in store.patents()}
    assert after["201710601862.3"].id == before["201710601862.3"]
    assert after["201710601862.3"].title == "改过的名称"
    assert set(after) == set(before) | {"202010566088.9"}
    assert store.organisation() == ORGANISATION  # absent from the file: kept


def test_domain_errors_import_as_drafts(store: Store, tmp_path: Path) -> None:
    doc = document(minimal_patent(number="201710601862.4", title="", patentees=[]))
    result = import_file(store, write(tmp_path, doc))
    assert result.imported and result.records_with_errors == 1
    codes = {f.code for f in result.record_findings["201710601862.4"]}
    assert {"number.check_mismatch", "title.required", "patentees.required"} <= codes
    (patent,) = store.patents()
    assert patent.number == "201710601862.4"  # kept as typed


def test_kind_is_optional_and_stored_only_when_it_says_something(
    store: Store, tmp_path: Path
) -> None:
    doc = document(
        minimal_patent(),  # absent: from the number
        minimal_patent(number="202010566088.9", filing_date="2020-06-18", kind="invention"),
        minimal_patent(number="202322865413.3", filing_date="2023-10-26", kind="design"),
        minimal_patent(number="201510958772.0", filing_date="2015-12-21", kind=None),
    )
    assert import_file(store, write(tmp_path, doc)).imported
    kinds = {p.number: (p.entered_kind, p.kind) for p in store.patents()}
    assert kinds["201710601862.3"] == (None, "invention")
    assert kinds["202010566088.9"] == (None, "invention")
    assert kinds["202322865413.3"][0] == "design"  # disagreement kept for the rules to flag
    design = store.find_patent("202322865413.3")
    assert design is not None
    mismatch = check_patent(PatentFields.of(design))
    assert "kind.mismatch" in {f.code for f in mismatch}


def test_malformed_file_is_refused_whole_with_every_path(store: Store, tmp_path: Path) -> None:
    fill(store)
    before = dumps(interchange.export_document(store))
    doc = document(
        minimal_patent(number="202010566088.9", filing_date="2020-06-18"),  # fine on its own
        minimal_patent(filing_date="2017/07/21", grant_date="2020-02-30", patentees="一个"),
        minimal_patent(number=201710601862.3, title=None, legal_status="active", kind="plant"),
        minimal_patent(number="201510958772.0", term_compensation_days="12",
                       patentees=["甲", 3], remarks=5),
        "not a patent",
    )
    doc["organisation"]["contacts"][1]["mobile"] = 13812345678
    del doc["organisation"]["fax"]  # left out: empty, not a problem
    doc["patents"][0]["filling_date"] = "2020-06-18"
    doc["comment"] = "hand-edited"
    path = write(tmp_path, doc)

    result = import_file(store, path)
    assert not result.imported and not result.unreadable
    found = {p.field: p.code for p in result.problems}
    assert found == {
        "$.comment": "json.unknown",
        "$.organisation.contacts[1].mobile": "json.type.text",
        "$.patents[0].filling_date": "json.unknown",
        "$.patents[1].filing_date": "json.date",
        "$.patents[1].grant_date": "json.date",
        "$.patents[1].patentees": "json.type.list",
        "$.patents[2].number": "json.type.text",
        "$.patents[2].title": "json.type.text",
        "$.patents[2].legal_status": "json.enum",
        "$.patents[2].kind": "json.enum",
        "$.patents[3].term_compensation_days": "json.type.integer",
        "$.patents[3].patentees[1]": "json.type.text",
        "$.patents[3].remarks": "json.type.text",
        "$.patents[4]": "json.type.object",
    }
    assert dumps(interchange.export_document(store)) == before  # nothing written


def test_problems_are_worded_in_both_languages() -> None:
    doc = document(minimal_patent(legal_status="active", filing_date="2017-7-21"))
    result = read_document(doc)
    texts = {lang: [describe(p, lang) for p in result.problems] for lang in (ZH, EN)}
    assert any("active" in t and "valid, lapsed, expired, invalidated" in t for t in texts[EN])
    assert any("YYYY-MM-DD" in t and "日期" in t for t in texts[ZH])
    for lang_texts in texts.values():
        assert all("{" not in t and not t.startswith("json.") for t in lang_texts)


def test_duplicate_numbers_in_one_file_are_refused() -> None:
    doc = document(minimal_patent(), minimal_patent(number="ZL201710601862.3"))
    assert problems_of(doc) == {"$.patents[1].number": "json.duplicate"}


def test_version_newer_than_supported_is_refused() -> None:
    doc = document()
    doc["version"] = CURRENT_VERSION + 1
    doc["offers"] = []
    result = read_document(doc)
    (problem,) = result.problems
    assert problem.code == "json.version_newer" and problem.field == "$.version"
    assert problem.params == {"version": CURRENT_VERSION + 1, "supported": CURRENT_VERSION}
    assert "newer" in describe(problem, EN) and "更新版本" in describe(problem, ZH)


@pytest.mark.parametrize("version", ["1", 0, -1, True, 1.5, None])
def test_bad_version_values(version: Any) -> None:
    doc = document()
    doc["version"] = version
    assert problems_of(doc) == {"$.version": "json.version"}


@pytest.mark.parametrize("marker", [None, "licence_desk", 1])
def test_format_marker_is_required(marker: Any) -> None:
    doc = document()
    if marker is None:
        del doc["format"]
    else:
        doc["format"] = marker
    assert problems_of(doc) == {"$.format": "json.format"}


@pytest.mark.parametrize("text", ["", "{", '{"format": "licence-desk",}', "[1, NaN]"])
def test_not_json(text: str) -> None:
    (problem,) = read_text(text).problems
    assert problem.code == "json.not_json"


def test_not_an_object_at_the_top() -> None:
    assert problems_of([document()]) == {"$": "json.type.object"}


def test_left_out_patents_and_organisation_mean_none() -> None:
    doc = document(organisation=None)
    assert read_document(doc).ok
    del doc["patents"]
    result = read_document(doc)
    assert result.ok and result.dataset is not None and result.dataset.patents == ()


def test_null_optional_values_mean_absent() -> None:
    patent = minimal_patent(kind=None, term_compensation_days=None, expiry_override=None,
                            expiry_override_note=None, remarks=None, grant_date=None)
    result = read_document(document(patent))
    assert result.ok and result.dataset is not None
    (fields,) = result.dataset.patents
    assert fields.entered_kind is None and fields.remarks == "" and fields.grant_date is None


@pytest.mark.parametrize(
    "value", ["2021-02-29", "20210101", "2021-1-1", "2021-01-01T00:00:00", 20210101, ""]
)
def test_dates_must_be_iso(value: Any) -> None:
    assert problems_of(document(minimal_patent(filing_date=value))) == {
        "$.patents[0].filing_date": "json.date"
    }


def test_schema_keys_are_version_gated() -> None:
    reader = interchange._Reader(1)
    keys = (Key("patents"), Key("offers", required=True, since=2))
    reader.object({"patents": [], "offers": []}, "$", keys)
    assert [(p.code, p.field) for p in reader.problems] == [("json.unknown", "$.offers")]
    reader = interchange._Reader(2)
    reader.object({"patents": []}, "$", keys)
    assert [(p.code, p.field) for p in reader.problems] == [("json.missing", "$.offers")]


def test_odd_keys_get_unambiguous_paths() -> None:
    assert problems_of({**document(), "a b": 1, "专利": 2}) == {
        '$["a b"]': "json.unknown",
        '$["专利"]': "json.unknown",
    }


def test_windows_encodings_are_read(tmp_path: Path) -> None:
    text = json.dumps(document(), ensure_ascii=False)
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "utf16.json").write_bytes(text.encode("utf-16"))
    (tmp_path / "gbk.json").write_bytes(text.encode("gbk"))
    assert read_file(tmp_path / "bom.json").ok
    assert read_file(tmp_path / "utf16.json").ok
    (problem,) = read_file(tmp_path / "gbk.json").problems
    assert problem.code == "json.encoding"


def test_unreadable_file(tmp_path: Path) -> None:
    result = read_file(tmp_path / "missing.json")
    assert result.unreadable and result.problems[0].code == "json.unreadable"
    assert read_file(tmp_path).unreadable  # a folder


def test_every_code_the_reader_uses_has_both_languages() -> None:
    source = Path(interchange.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'"(json\.[a-z_.]+)"', source))
    assert {"json.type.object", "json.missing", "json.version_newer"} <= codes
    for code in codes:
        english, chinese = MESSAGES[code]
        assert english and chinese, code


def test_dataset_from_a_document_matches_the_fields() -> None:
    doc = build_document(ORGANISATION, PATENTS)
    result = read_document(copy.deepcopy(doc))
    assert result.ok and result.dataset is not None
    assert result.dataset.organisation == ORGANISATION
    assert isinstance(result.dataset, Dataset)
    by_number = {p.number: p for p in result.dataset.patents}
    assert by_number["201710601862.3"] == PATENTS[0]


def test_temporary_files_go_beside_the_target(store: Store, tmp_path: Path) -> None:
    # os.replace is only atomic within one file system: the temporary file must be a sibling.
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(src)
        real_replace(src, dst)

    target = tmp_path / "out.json"
    with unittest.mock.patch.object(os, "replace", spy):
        export_file(store, target)
    assert Path(seen[0]).parent == tmp_path
