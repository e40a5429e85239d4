"""Schema versions of the data files, and the migrations between them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from checkin.errors import StoreError
from checkin.store.atomic import atomic_write

SCHEMA_VERSION = 1
META_TABLE = "_meta"

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# MIGRATIONS[n] turns raw data of version n into version n + 1.
MIGRATIONS: dict[int, Migration] = {}


def meta_doc(kind: str) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, "kind": kind}


def version_of(path: Path, data: dict[str, Any]) -> int:
    try:
        version = data[META_TABLE]["1"]["schema"]
    except (KeyError, TypeError):
        raise StoreError(
            f"{path}: no schema version (not a checkin data file?); "
            "move it out of the data folder — it was left untouched"
        ) from None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise StoreError(f"{path}: bad schema version {version!r}; restore it from a backup")
    return version


def migrate(data: dict[str, Any], version: int, target: int = SCHEMA_VERSION,
            migrations: dict[int, Migration] | None = None) -> dict[str, Any]:
    """Apply the migrations from ``version`` up to ``target``."""
    steps = MIGRATIONS if migrations is None else migrations
    for v in range(version, target):
        if v not in steps:
            raise StoreError(f"no migration from schema {v} to {v + 1}; upgrade checkin")
        data = steps[v](data)
        data[META_TABLE]["1"]["schema"] = v + 1
    return data


def check(path: Path, data: dict[str, Any], readonly: bool = False) -> dict[str, Any]:
    """Refuse newer files; back up and migrate older ones (in memory when read-only)."""
    version = version_of(path, data)
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise StoreError(
                f"{path}: table {name!r} is damaged (expected objects); restore the file "
                "from a backup or move it aside — it was left untouched"
            )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer checkin (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade checkin — the file was left untouched"
        )
    if version == SCHEMA_VERSION:
        return data
    data = migrate(data, version)
    if not readonly:
        shutil.copy2(path, path.with_name(f"{path.name}.v{version}.bak"))
        atomic_write(path, orjson.dumps(data))
    return data
