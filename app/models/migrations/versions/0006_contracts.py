"""Licence contracts (附件 6) with per-licensee blocks, inventors and the annual fee date on
patents, and the Henan application / work plan (申报指南).

Revision ID: 0006_contracts
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0006_contracts"
down_revision = "0005"
branch_labels = None
depends_on = None


def _text(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def _string(name: str, length: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length=length), nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("patent") as batch:
        batch.add_column(sa.Column("inventors", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("annual_fee_paid_until", sa.Date(), nullable=True))
    op.create_table(
        "licensee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        _string("domicile", 300),
        _string("legal_representative", 100),
        _string("contact_name", 100),
        _string("contact_phone", 50),
        _string("email", 200),
        _string("fax", 50),
        _string("address", 300),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licensee")),
        sa.UniqueConstraint("name", name=op.f("uq_licensee_name")),
    )
    op.create_table(
        "contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("licensee_id", sa.Integer(), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        _text("patents"),
        _text("manner"),
        _text("scope"),
        _text("term"),
        _string("fee_agreement", 20),
        _text("fee"),
        _string("bank_name", 300),
        _string("bank_address", 300),
        _string("bank_account", 100),
        _text("penalty"),
        _text("infringement"),
        _text("infringement_other"),
        _string("improvement", 20),
        _text("improvement_other"),
        _text("benefit_sharing"),
        _text("termination_2"),
        _text("termination_3"),
        _string("dispute", 20),
        _string("arbitration_commission", 300),
        _text("other_matters"),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["licensee_id"], ["licensee.id"],
                                name=op.f("fk_contract_licensee_id_licensee"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f("fk_contract_deal_id_deal"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
    )
    op.create_index(op.f("ix_contract_licensee_id"), "contract", ["licensee_id"])
    op.create_index(op.f("ix_contract_deal_id"), "contract", ["deal_id"])
    op.create_table(
        "henan_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_start_year", sa.Integer(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        *[_string(f"{p}_{n}", n_len) for p in ("lead", "liaison") for n, n_len in (
            ("name", 100), ("mobile", 50), ("department", 200), ("title", 100), ("phone", 50),
            ("fax", 50))],
        _string("liaison_address", 300),
        _string("liaison_postcode", 20),
        _string("liaison_email", 200),
        *[_text(n) for n in ("unit_profile", "work_targets", "funding", "measures", "goals",
                             "tasks", "safeguards")],
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_henan_application")),
        sa.UniqueConstraint("plan_start_year", name=op.f("uq_henan_application_plan_start_year")),
    )
    _henan_target_takes_the_contacts_sheet()


# The Henan send target, seeded once from app.submit.presets, now also attaches the contacts
# sheet (000 附件 1). A database seeded before keeps its row: add the kind there too, once.
HENAN_CONTACT_SHEET = "contact_sheet_henan"
HENAN_CONTACT_SHEET_NAME = "河南省专利开放许可试点工作联系人信息表"


def _henan_target_takes_the_contacts_sheet() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, document_kinds, file_names FROM send_target WHERE key = 'henan'")).all()
    for target_id, kinds_text, names_text in rows:
        try:
            kinds = json.loads(kinds_text or "[]")
            names = json.loads(names_text or "{}")
        except ValueError:
            continue  # a row the clerk's edits made unreadable is left for the window to show
        if not isinstance(kinds, list) or HENAN_CONTACT_SHEET in kinds:
            continue
        kinds.append(HENAN_CONTACT_SHEET)
        if isinstance(names, dict):
            names.setdefault(HENAN_CONTACT_SHEET, HENAN_CONTACT_SHEET_NAME)
        bind.execute(
            sa.text("UPDATE send_target SET document_kinds = :kinds, file_names = :names "
                    "WHERE id = :id"),
            {"kinds": json.dumps(kinds, ensure_ascii=False),
             "names": json.dumps(names, ensure_ascii=False), "id": target_id})


def downgrade() -> None:
    op.drop_table("henan_application")
    op.drop_index(op.f("ix_contract_deal_id"), table_name="contract")
    op.drop_index(op.f("ix_contract_licensee_id"), table_name="contract")
    op.drop_table("contract")
    op.drop_table("licensee")
    with op.batch_alter_table("patent") as batch:
        batch.drop_column("annual_fee_paid_until")
        batch.drop_column("inventors")
