"""Schema versions of the data files, and the migration of older data dirs.

- Schema 1 (checkin up to 2026-11): TinyDB JSON objects, one file of every action item
  ever made (``register.json``: ``{"_meta": {"1": {...}}, "actions": {...}, ...}``).
- Schema 2: the line format of ``checkin.store.lines``; closed items in
  ``archive/<year>.json``.

``migrate_v1`` moves a schema-1 data dir over after copying every file it replaces into
``backup-v1/``. It writes the archives and meeting files before the register, so a
crash mid-way leaves a schema-1 register and the next writer simply migrates again.
"""

from __future__ import annotations

from checkin.errors import StoreError

TYPE_CHECKING = False  # `checkin actions` reads SCHEMA_VERSION: not typing, not pathlib
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path
    from typing import Any

SCHEMA_VERSION = 2
META_TABLE = "_meta"


class OldFormat(StoreError):
    """A schema-1 (TinyDB JSON) file: the data dir needs ``migrate_v1``."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: written by an older checkin; open the data folder with "
                         "a writing command (e.g. `checkin run`) once to upgrade it")
        self.path = path


def meta_doc(kind: str) -> dict[str, Any]:
    return {"kind": kind, "schema": SCHEMA_VERSION}


def _known_version(path: Path, version: Any) -> None:
    """Refuse a schema version that is not a number this checkin can read."""
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise StoreError(f"{path}: bad schema version {version!r}; restore it from a backup")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer checkin (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade checkin — the file was left untouched")


def check_meta(path: Path, meta: dict[str, Any] | None, kind: str) -> int:
    """The file's schema version; refuse files of no version, another kind, or newer."""
    version = meta.get("schema") if isinstance(meta, dict) else None
    if meta is None:
        raise StoreError(f"{path}: no schema version (not a checkin data file?); "
                         "move it out of the data folder — it was left untouched")
    _known_version(path, version)
    if version < SCHEMA_VERSION:
        raise StoreError(f"{path}: no migration from schema {version} to {version + 1}; "
                         "upgrade checkin")
    if meta.get("kind") != kind:
        raise StoreError(f"{path}: holds {meta.get('kind')!r} data where {kind!r} data "
                         "belongs; move it aside — it was left untouched")
    return version


# ------------------------------------------------------------------ schema 1 -> 2
def version_of(path: Path, data: dict[str, Any]) -> int:
    """The schema version of a schema-1 (TinyDB JSON) file."""
    try:
        version = data[META_TABLE]["1"]["schema"]
    except (KeyError, TypeError):
        raise StoreError(
            f"{path}: no schema version (not a checkin data file?); "
            "move it out of the data folder — it was left untouched"
        ) from None
    _known_version(path, version)
    if version < 1:
        raise StoreError(f"{path}: no migration from schema {version} to {version + 1}; "
                         "upgrade checkin")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise StoreError(
                f"{path}: table {name!r} is damaged (expected objects); restore the file "
                "from a backup or move it aside — it was left untouched")
    return version


def read_v1(path: Path) -> dict[str, Any]:
    from checkin.store.atomic import read_json

    data = read_json(path)
    if data is None:
        raise StoreError(f"{path}: missing")
    version_of(path, data)
    return data


def _year(doc: dict[str, Any], fallback: int) -> int:
    from datetime import date

    try:
        return date.fromisoformat(doc["closed_on"]).year
    except (KeyError, TypeError, ValueError):
        return fallback


def split_v1(root: Path, today: date) -> dict[Path, dict[str, dict[str, Any]]]:
    """The schema-2 tables of every file of a schema-1 data dir (nothing written)."""
    register = read_v1(root / "register.json")
    index = {doc["id"]: doc for doc in register.get("meetings", {}).values()}
    live = {i for i, doc in index.items() if doc.get("status") == "in-progress"}
    open_items: dict[str, Any] = {}
    archives: dict[int, dict[str, Any]] = {}
    top = 0
    for doc in register.get("actions", {}).values():
        number = doc["id"][1:]
        top = max(top, int(number) if number.isdigit() else 0)
        if doc.get("status") == "open" or doc.get("closed_in") in live:
            open_items[doc["id"]] = doc
        else:
            archives.setdefault(_year(doc, today.year), {})[doc["id"]] = doc
    out: dict[Path, dict[str, dict[str, Any]]] = {}
    for year, items in archives.items():
        out[root / "archive" / f"{year}.json"] = {META_TABLE: {"schema": meta_doc("archive")},
                                                  "actions": items}
    for path in sorted((root / "meetings").glob("*.json")):
        raw = path.read_bytes()
        if raw[:1] != b"{":
            continue  # already converted by an interrupted migration
        data = read_v1(path)
        meeting = data.get("meeting", {}).get("1")
        if meeting is not None:
            out[path] = {META_TABLE: {"schema": meta_doc("meeting")},
                         "meeting": {path.stem: meeting}}
    out[root / "register.json"] = {
        META_TABLE: {"schema": meta_doc("register")}, "actions": open_items,
        "meetings": index, "_ids": {"A": {"next": top + 1}} if top else {}}
    return out


def backup_v1(root: Path) -> Path:
    """Copy every schema-1 file into ``backup-v1/`` (a fresh folder) before migrating."""
    import shutil

    folder = root / "backup-v1"
    n = 1
    while folder.exists():
        n += 1
        folder = root / f"backup-v1-{n}"
    (folder / "meetings").mkdir(mode=0o700, parents=True)
    shutil.copy2(root / "register.json", folder / "register.json")
    for path in (root / "meetings").glob("*.json"):
        if path.read_bytes()[:1] == b"{":
            shutil.copy2(path, folder / "meetings" / path.name)
    return folder
