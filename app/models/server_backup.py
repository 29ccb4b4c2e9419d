"""The copy of an office server database taken before this version upgrades it (issue 16).

The database is at an older revision, which this version's records no longer describe, so the
copy is of the tables as they are: every row of every table, one JSON line per row, taken in
the upgrade's own transaction after its lock (a consistent snapshot; no clerk can write in
between). The zip, in the user data folder's backups/ folder, holds

    manifest.json       {"format": "licence-desk-server-snapshot", "version": 1,
                         "server": USER@HOST:PORT/NAME, "revision": …, "created": ISO time,
                         "tables": {name: {"member", "rows", "sha256", "columns"}}}
    tables/<name>.jsonl one object per row: bytes as {"$base64": …}, times and dates as ISO
                        text, decimals as text

so IT (or a later version of this application) can load it back into a database at that
revision. `unzip -t` checks the zip; the manifest's SHA-256s check each table.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, select

SNAPSHOT_FORMAT = "licence-desk-server-snapshot"


def _value(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def snapshot_name(where: str, now: dt.datetime | None = None) -> str:
    """"clerk@db.example.edu-5432-licence_desk-20261204-172300.zip": server, database, time."""
    from app.file_names import safe_file_name

    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    shown = where.replace(":", "-").replace("/", "-")
    return safe_file_name(f"{shown}-{stamp}", "server", extension=".zip")


def write_snapshot(connection: Any, folder: Path, where: str, revision: str) -> Path:
    """Write the snapshot of every table `connection` sees into `folder`; its path. Raises
    OSError (the folder or disk) and the driver's errors; a failure leaves no partial file."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / snapshot_name(where)
    n = 1
    while target.exists():
        target = folder / snapshot_name(f"{where}-{n}")
        n += 1
    scratch = target.with_name(f".{target.name}.{os.getpid()}.part")
    tables: dict[str, Any] = {}
    meta = MetaData()
    meta.reflect(bind=connection)
    try:
        with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in sorted(meta.sorted_tables, key=lambda t: t.name):
                member = f"tables/{table.name}.jsonl"
                digest = hashlib.sha256()
                rows = 0
                with archive.open(member, "w", force_zip64=True) as out:
                    # Read whole per table: a server-side cursor would outlive its statement
                    # in the upgrade's transaction.
                    result = connection.execute(select(table))
                    for row in result:
                        line = json.dumps({k: _value(v) for k, v in row._mapping.items()},
                                          ensure_ascii=False, sort_keys=True).encode() + b"\n"
                        digest.update(line)
                        out.write(line)
                        rows += 1
                tables[table.name] = {"member": member, "rows": rows,
                                      "sha256": digest.hexdigest(),
                                      "columns": [c.name for c in table.columns]}
            manifest = {"format": SNAPSHOT_FORMAT, "version": 1, "server": where,
                        "revision": revision,
                        "created": dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
                        .isoformat(), "tables": tables}
            archive.writestr("manifest.json", json.dumps(manifest, indent=2,
                                                         ensure_ascii=False) + "\n")
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target
