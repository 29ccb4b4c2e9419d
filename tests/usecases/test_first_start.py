"""First start: the unit's details asked first, the sample register offered only on an empty
register, clearly marked and removed in one step (app/usecases/register.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models.database import open_database
from app.models.store import OrganisationData, Store
from app.usecases import register
from app.usecases.register import SAMPLE_UNIT_NAME


@pytest.fixture
def store(backend_location: Path | str) -> Iterator[Store]:
    """An empty register, once on a SQLite file, once on the PostgreSQL server."""
    database = open_database(backend_location)
    yield Store(database)
    database.close()


def test_an_empty_register_is_a_first_start_offering_the_sample(store: Store) -> None:
    start = register.first_start(store)
    assert start.needs_unit_details and start.sample_offered and not start.is_sample


def test_the_shipped_sample_loads_marked_and_without_errors(store: Store) -> None:
    loaded = register.load_sample(store)
    assert not loaded.refused, loaded.problems
    assert store.organisation().name == SAMPLE_UNIT_NAME
    patents = store.patents()
    assert len(patents) == 3 and all("（样例）" in p.title for p in patents)
    found, _count = register.register_findings(store)
    assert not [f for f in found if f.finding.is_error], found
    assert [o.state for o in store.offers()] == ["draft", "draft"]
    start = register.first_start(store)
    assert start.is_sample and not start.needs_unit_details and not start.sample_offered


def test_the_sample_file_names_the_sample_unit() -> None:
    doc = json.loads(register.sample_data_path().read_text(encoding="utf-8"))
    assert doc["organisation"]["name"] == SAMPLE_UNIT_NAME


def test_the_sample_is_refused_on_a_register_with_records(store: Store) -> None:
    store.save_organisation(OrganisationData(name="武汉大学"))
    refused = register.load_sample(store)
    assert refused.refused and refused.problems[0].code == "register.sample_not_empty"
    assert store.patents() == [] and store.organisation().name == "武汉大学"
    start = register.first_start(store)
    assert not start.needs_unit_details and not start.sample_offered


def test_patents_without_a_unit_name_ask_for_the_unit_but_offer_no_sample(store: Store) -> None:
    assert not register.load_sample(store).refused
    store.save_organisation(OrganisationData())  # name cleared: the patents are still there
    start = register.first_start(store)
    assert start.needs_unit_details and not start.sample_offered
    assert register.load_sample(store).refused


def test_removing_the_sample_empties_the_register_in_one_step(store: Store) -> None:
    assert not register.load_sample(store).refused
    removal = register.remove_sample(store)
    assert removal.removed
    assert store.patents() == [] and store.offers() == [] and store.deals() == []
    assert store.organisation().name == ""
    assert register.first_start(store).sample_offered


def test_a_real_register_is_never_removed_as_a_sample(store: Store) -> None:
    store.save_organisation(OrganisationData(name="武汉大学"))
    removal = register.remove_sample(store)
    assert not removal.removed and removal.findings[0].code == "register.not_sample"
    assert store.organisation().name == "武汉大学"


def test_the_first_start_check_reads_no_records(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # A register of 50,000 patents without a unit name asked this at every reload: loading
    # every record for it took seconds. It asks the database whether any row exists.
    from app.models.store import PatentFields

    assert store.save_patent(PatentFields(
        number="201710601862.3", title="一种装置", patentees=("武汉大学",))).saved
    for name in ("patents", "deals", "summary_books"):
        monkeypatch.setattr(Store, name, lambda self, _name=name: pytest.fail(f"read {_name}"))
    start = register.first_start(store)
    assert start.needs_unit_details and not start.sample_offered
