"""The few fields of an archive year's items that the completion rate reads, cached in
``cache/`` so trends (and wrap-up) do not parse every year of history each time.

A cache file is trusted only for the bytes it was built from: it names the archive
file's size and CRC-32 (checking them reads the file, a tenth of the cost of parsing it)
and this program's cache and schema versions. Anything else (a write, a hand edit, a
restore from a backup, a damaged, foreign or planted cache file) is a miss: the year is
parsed and checked as it would be without a cache, and the cache is rebuilt. It is
derived data only: deleting ``cache/`` loses nothing, and a cache that cannot be written
(a read-only data dir) is simply not kept.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from checkin.errors import StoreError
from checkin.store.atomic import atomic_write
from checkin.store.datafile import parse, read_bytes
from checkin.store.items import ACTIONS
from checkin.store.regular_file import read_regular_file
from checkin.store.schema import SCHEMA_VERSION

FIELDS = ("id", "agenda_id", "due", "status", "closed_on")  # ActionItem's, in this order
VERSION = 1  # bump when FIELDS or how a stored value converts changes
FOLDER = "cache"
Columns = list[list[Any]]


def cache_path(root: Path, year: int) -> Path:
    return root / FOLDER / f"archive-{year}.json"


def _key(raw: bytes) -> list[int]:
    return [VERSION, SCHEMA_VERSION, len(raw), zlib.crc32(raw)]


def load(root: Path, year: int, raw: bytes) -> Columns | None:
    """The columns ``FIELDS`` of the archive year whose file holds ``raw``, converted as
    ``core.data.fields_columns`` converts them; None if no cache is true to ``raw``."""
    try:
        doc = orjson.loads(read_regular_file(cache_path(root, year), follow=False))
        if doc["key"] != _key(raw):
            return None
        ids, agendas, dues, statuses, closed = doc["columns"]
        if (len({len(ids), len(agendas), len(dues), len(statuses), len(closed)}) != 1
                or not set(map(type, ids + agendas + statuses)) <= {str}):
            return None
        return [ids, agendas, list(map(date.fromisoformat, dues)), statuses,
                [None if c is None else date.fromisoformat(c) for c in closed]]
    except (OSError, ValueError, TypeError, KeyError):  # a miss, whatever is wrong
        return None


def save(root: Path, year: int, raw: bytes, columns: Columns) -> None:
    """Keep ``columns`` (``FIELDS`` of every item in ``raw``, checked) for ``load``; skipped
    without a word if the data dir cannot take it. Not fsynced: a crash can only leave the
    old file, the new one or an unreadable one, and each of them is a hit or a miss."""
    folder = root / FOLDER
    try:
        if folder.is_symlink():
            return
        if not folder.is_dir():
            folder.mkdir(mode=0o700)
            atomic_write(folder / ".gitignore", b"# derived from archive/: safe to delete\n*\n",
                         sync=False)
        atomic_write(cache_path(root, year),
                     orjson.dumps({"key": _key(raw), "columns": columns}), sync=False)
    except (OSError, StoreError):
        pass


def year_columns(root: Path, year: int, path: Path,
                 check: Callable[[dict[str, dict[str, Any]]], Columns], *,
                 keep: bool = True) -> Columns:
    """``FIELDS`` of every item of the archive year at ``path``: cached if a cache is true
    to its bytes, else parsed, checked by ``check`` (which raises for a damaged row),
    and cached if ``keep`` (not in a folder of an older checkin, read as it is)."""
    raw = read_bytes(path) or b""
    columns = load(root, year, raw)
    if columns is None:
        docs = parse(path, raw, "archive").get(ACTIONS, {}) if raw else {}
        columns = check(docs)
        if keep:
            save(root, year, raw, columns)
    return columns
