"""The domain: entities, database, rules. Never imports Qt (a test checks)."""
