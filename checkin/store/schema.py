"""Schema versions of the data files, and the migration of older data dirs.

- Schema 1 (checkin up to 2026-11): TinyDB JSON objects, one file of every action item
  ever made (``register.json``: ``{"_meta": {"1": {...}}, "actions": {...}, ...}``).
- Schema 2: the line format of ``checkin.store.lines``; closed items in
  ``archive/<year>.json``; the meeting index in the register's ``meetings`` table.
- Schema 3: the meeting index in its own file, ``index.json`` (kind ``index``); the
  register keeps open items, ``_ids`` and ``_moves``. Archive and meeting files are as in
  schema 2 (a schema-2 one is read as it is, and written as schema 3 when next saved).

The store moves a schema-1 data dir over after copying every file it replaces into
``backup-v1/`` (``split_v1``, ``backup_v1``), straight to schema 3. It writes the
archives, meeting files and index before the register, so a crash mid-way leaves a
schema-1 register and the next writer simply migrates again. A schema-2 dir: the register
is copied into ``backup-v2/``, ``index.json`` written, then the register without its
``meetings`` lines (``backup_v2``, ``split_v2``); a crash mid-way leaves a schema-2
register, and the next writer migrates again (the index is written anew from it).
"""

from __future__ import annotations

from checkin.errors import StoreError

TYPE_CHECKING = False  # `checkin actions` reads SCHEMA_VERSION: not typing, not pathlib
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path
    from typing import Any

SCHEMA_VERSION = 3
META_TABLE = "_meta"
INDEX_TABLE = "meetings"  # the meeting index: index.json's table (the register's, schema 2)
OLDEST = {"archive": 2, "meeting": 2, "register": 2, "index": 3}  # readable, per kind
READABLE = tuple(range(OLDEST["archive"], SCHEMA_VERSION + 1))  # an archive's versions:
# the same format in each (as a meeting file's)


class OldFormat(StoreError):
    """A schema-1 (TinyDB JSON) file: the data dir needs migrating (by a writer)."""

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
    """The file's schema version; refuse files of no version, another kind, newer, or
    older than this checkin reads a ``kind`` of (a schema-2 register is read: the store
    migrates it)."""
    version = meta.get("schema") if isinstance(meta, dict) else None
    if meta is None:
        raise StoreError(f"{path}: no schema version (not a checkin data file?); "
                         "move it out of the data folder — it was left untouched")
    _known_version(path, version)
    if version < OLDEST.get(kind, SCHEMA_VERSION):
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
    out[root / "index.json"] = {META_TABLE: {"schema": meta_doc("index")}, INDEX_TABLE: index}
    out[root / "register.json"] = {
        META_TABLE: {"schema": meta_doc("register")}, "actions": open_items,
        "_ids": {"A": {"next": top + 1}} if top else {}}
    return out


def _fresh_folder(root: Path, name: str) -> Path:
    """``root/name``, or ``name-2``, ``name-3``... the first that does not exist, made."""
    folder = root / name
    n = 1
    while folder.exists():
        n += 1
        folder = root / f"{name}-{n}"
    folder.mkdir(mode=0o700, parents=True)
    return folder


def backup_v1(root: Path) -> Path:
    """Copy every schema-1 file into ``backup-v1/`` (a fresh folder) before migrating."""
    import shutil

    folder = _fresh_folder(root, "backup-v1")
    (folder / "meetings").mkdir(mode=0o700)
    shutil.copy2(root / "register.json", folder / "register.json")
    for path in (root / "meetings").glob("*.json"):
        if path.read_bytes()[:1] == b"{":
            shutil.copy2(path, folder / "meetings" / path.name)
    return folder


# ------------------------------------------------------------------ schema 2 -> 3
def split_v2(tables: dict[str, dict[str, Any]]) -> tuple[dict[str, dict[str, Any]],
                                                      dict[str, dict[str, Any]]]:
    """A schema-2 register's tables as (the index's, the register's): nothing written."""
    index = {INDEX_TABLE: tables.get(INDEX_TABLE, {})}
    register = {t: docs for t, docs in tables.items() if t not in (INDEX_TABLE, META_TABLE)}
    return index, register


def backup_v2(root: Path) -> Path:
    """Copy the schema-2 register into ``backup-v2/`` (a fresh folder) before migrating
    (the only file the migration changes; ``index.json`` is new)."""
    import shutil

    folder = _fresh_folder(root, "backup-v2")
    shutil.copy2(root / "register.json", folder / "register.json")
    return folder
