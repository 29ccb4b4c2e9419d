"""A patent's legal status (法律状态), in a module of its own so the rules on a patent
(app.models.patent_rules) need not import the ORM tables, and with them SQLAlchemy: the register
window checks the rows it shows before the database is open (issue 19).
`app.models.entities` re-exports it."""

from __future__ import annotations

from enum import StrEnum


class LegalStatus(StrEnum):
    VALID = "valid"  # 有效
    LAPSED = "lapsed"  # 未缴年费终止
    EXPIRED = "expired"  # 期限届满
    INVALIDATED = "invalidated"  # 宣告无效
