"""Record versions of every record a clerk edits (issue 16, 0009_more_record_versions), on both
back ends: deals, summary books, contracts, ops-centre reports, Henan applications, screenings
and the organisation profile. A save from the version loaded bumps it and says who saved; a
save from an older version is refused with record.changed_elsewhere and writes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from app.models.contracts import ContractFields
from app.models.deals import DealFields, Payment
from app.models.henan_application import ApplicationFields
from app.models.inventory import ScreeningFields
from app.models.ops_centre import OpsCentreFields
from app.models.patent_rules import PatentFields
from app.models.store import OrganisationData, Store
from app.models.summary_book import SummaryBookFields
from app.models.versions import editor_name
from app.usecases import contracts, henan_application, inventory, ops_centre
from app.usecases.versions import record_version, table_stamps
from tests.test_cli_book import GOOD

# kind → (create, save(text, expected_version) → refused finding codes or [] when saved,
#         read back the text, key)
Case = tuple[Callable[[Store], Any], Callable[[Store, Any, str, int | None], list[str]],
             Callable[[Store, Any], str]]


def _codes(findings: Any) -> list[str]:
    return [f.code for f in findings if f.code == "record.changed_elsewhere"]


def _deal(store: Store) -> Any:
    return store.save_deal(DealFields(patents=(GOOD,), licensee="甲",
                                      licence_date=dt.date(2023, 1, 1),
                                      payment=Payment("free"))).record_id


def _save_deal(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    fields = DealFields(patents=(GOOD,), licensee=text, licence_date=dt.date(2023, 1, 1),
                        payment=Payment("free"))
    result = store.save_deal(fields, key, expected_version=expected)
    return [] if result.saved else _codes(result.findings)


def _book(store: Store) -> Any:
    store.save_summary_book(SummaryBookFields("2024-06"))
    return "2024-06"


def _save_book(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    result = store.save_summary_book(SummaryBookFields(key, unit_profile=text),
                                     expected_version=expected)
    return [] if result.saved else _codes(result.findings)


def _contract(store: Store) -> Any:
    return contracts.save(store, ContractFields(patents=(GOOD,))).record_id


def _save_contract(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    result = contracts.save(store, ContractFields(patents=(GOOD,), scope=text), key,
                            expected_version=expected)
    return [] if result.saved else _codes(result.findings)


def _report(store: Store) -> Any:
    ops_centre.save_report(store, OpsCentreFields(2023))
    return 2023


def _save_report(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    result = ops_centre.save_report(store, OpsCentreFields(key, lead_department=text),
                                    expected_version=expected)
    return [] if result.saved else _codes(result.findings)


def _application(store: Store) -> Any:
    henan_application.save(store, ApplicationFields(2023))
    return 2023


def _save_application(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    result = henan_application.save(store, ApplicationFields(key, lead_name=text),
                                    expected_version=expected)
    return [] if result.saved else _codes(result.findings)


def _screening(store: Store) -> Any:
    patent_id = store.find_patent(GOOD).id  # type: ignore[union-attr]
    inventory.save_screening(store, patent_id, ScreeningFields(ipc="G06F"))
    return patent_id


def _save_screening(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    return _codes(inventory.save_screening(store, key, ScreeningFields(ipc="G06F", note=text),
                                           expected_version=expected))


def _organisation(store: Store) -> Any:
    store.save_organisation(OrganisationData(name="武汉大学"))
    return 1


def _save_organisation(store: Store, key: Any, text: str, expected: int | None) -> list[str]:
    refused = store.save_organisation(OrganisationData(name="武汉大学", address=text),
                                      expected_version=expected)
    return [] if refused is None else [refused.code]


CASES: dict[str, Case] = {
    "deal": (_deal, _save_deal, lambda s, k: s.deal(k).fields.licensee),
    "summary_book": (_book, _save_book, lambda s, k: s.summary_book(k).unit_profile),
    "contract": (_contract, _save_contract, lambda s, k: contracts.load(s, k).scope),
    "ops_centre_report": (_report, _save_report,
                          lambda s, k: ops_centre.open_report(s, k).lead_department),
    "henan_application": (_application, _save_application,
                          lambda s, k: henan_application.load(s, k).lead_name),
    "screening": (_screening, _save_screening,
                  lambda s, k: inventory.screenings(s, [k])[k].note),
    "organisation": (_organisation, _save_organisation, lambda s, k: s.organisation().address),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_a_save_over_a_newer_version_is_refused_for_every_record(
    backend_store: Store, kind: str,
) -> None:
    store = backend_store
    assert store.save_patent(PatentFields(number=GOOD, title="一种测试方法",
                                          patentees=("武汉大学",),
                                          filing_date=dt.date(2017, 3, 1))).saved
    create, save, read = CASES[kind]
    key = create(store)
    first = record_version(store, kind, key)
    assert first is not None and first.version == 1 and first.by == editor_name()
    before = table_stamps(store)[kind]

    assert save(store, key, "A 的", first.version) == []  # clerk A, from version 1
    assert record_version(store, kind, key).version == 2  # type: ignore[union-attr]
    assert table_stamps(store)[kind] != before  # the change stamp moved
    assert save(store, key, "B 的", first.version) == ["record.changed_elsewhere"]
    assert read(store, key) == "A 的"  # B's late save wrote nothing
    assert save(store, key, "B 的", 2) == []  # from the version now stored: saved
    assert read(store, key) == "B 的"
    assert save(store, key, "不问版本", None) == []  # no version given: saved as before
    assert record_version(store, kind, key).version == 4  # type: ignore[union-attr]


def test_a_refusal_names_who_and_when(backend_store: Store) -> None:
    store = backend_store
    key = _book(store)
    store.save_summary_book(SummaryBookFields(key, unit_profile="甲"), expected_version=1)
    refused = store.save_summary_book(dataclasses.replace(SummaryBookFields(key)),
                                      expected_version=1)
    finding = refused.findings[0]
    assert finding.params["by"] == editor_name() and finding.params["version"] == 2
    assert finding.params["record"] == key and finding.params["at"]


def test_an_import_that_updates_a_patent_gives_it_a_new_version(
    store: Store, tmp_path: Any,
) -> None:
    """An editor holding the version from before an Excel import cannot save over it."""
    from tests.export.test_excel_roundtrip import N1, preview, row
    from tests.export.test_excel_support import summary_list_rows, write_xlsx

    patent_id = store.save_patent(PatentFields(number=N1, title="旧名称", patentees=("武汉大学",),
                                               filing_date=dt.date(2024, 1, 5))).record_id
    path = write_xlsx(tmp_path / "a.xlsx", summary_list_rows(row(1, N1, title="新名称"),
                                                             title_rows=False))
    assert store.import_patents(preview(store, path).rows, on_existing="update").updated == (N1,)
    assert record_version(store, "patent", patent_id).version == 2  # type: ignore[union-attr]
    late = store.save_patent(PatentFields(number=N1, title="编辑器里的旧名称"), patent_id,
                             expected_version=1)
    assert [f.code for f in late.findings][:1] == ["record.changed_elsewhere"]
    again = store.import_patents(preview(store, path).rows, on_existing="update")
    assert again.updated == (N1,)  # the same cells again: nothing changed, no new version
    assert record_version(store, "patent", patent_id).version == 2  # type: ignore[union-attr]
