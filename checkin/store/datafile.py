"""One data file held in memory: documents by table and id, saved atomically.

A save re-serialises only the documents that changed since the last save and joins the
cached lines of the others, so its cost is the change plus one write of the file.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from checkin.errors import StoreError
from checkin.store import lines, schema
from checkin.store.atomic import atomic_write

Key = tuple[str, str]


def _sort_key(key: Key) -> tuple[Any, ...]:
    return lines.line_key(*key)


def read_bytes(path: Path) -> bytes | None:
    """A file's bytes; None if it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot read ({exc.strerror or exc}); check its permissions"
        ) from None


def damaged(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path}: {what}; restore it from a backup or move it aside — it was left untouched"
    )


def parse(path: Path, raw: bytes, kind: str, tables: list[str] | None = None) -> lines.Tables:
    """Parse and check a line-format file of ``kind`` (schema version, shape)."""
    if raw[:1] == b"{":
        raise schema.OldFormat(path)
    if raw and not raw.endswith(b"\n"):
        raise damaged(path, "cut short (the last line is incomplete)")
    try:
        data = lines.parse_lines(raw, tables)
    except lines.FormatError as exc:
        raise damaged(path, f"not a readable checkin data file ({exc})") from None
    schema.check_meta(path, lines.meta_of(data), kind)
    return data


class DataFile:
    """The documents of one file; ``put``/``delete`` then ``save`` (one atomic write)."""

    def __init__(self, path: Path, kind: str, data: lines.Tables | None = None,
                 raw: bytes | None = None) -> None:
        self.path = path
        self.kind = kind
        self.tables: lines.Tables = data if data is not None else {}
        self.tables.setdefault(lines.META, {})[lines.META_ID] = schema.meta_doc(kind)
        self._lines: dict[Key, bytes] = {}
        self._order: list[Key] = []
        self._dirty: set[Key] = set()
        self._raw = raw
        self._indexed = False
        self._blobs: dict[str, bytes] = {}  # joined lines of each unchanged table
        self._lazy: set[str] | None = None  # tables parsed so far, in a lazy view

    @classmethod
    def lazy(cls, path: Path, kind: str, raw: bytes) -> DataFile:
        """A read-only view that parses each table when first asked for (a reader of the
        open items never parses the meeting index)."""
        data = cls(path, kind, parse(path, raw, kind, tables=[]), raw)
        data._lazy = set()
        return data

    @classmethod
    def load(cls, path: Path, kind: str) -> DataFile:
        """The file at ``path`` (an empty one if it does not exist yet)."""
        raw = read_bytes(path)
        if raw is None:
            return cls(path, kind)
        return cls(path, kind, parse(path, raw, kind), raw)

    def table(self, name: str) -> dict[str, lines.Doc]:
        if self._lazy is not None and name not in self._lazy:
            self._lazy.add(name)
            if self._raw:
                self.tables.update(parse(self.path, self._raw, self.kind, [name]))
        return self.tables.setdefault(name, {})

    def put(self, table: str, doc_id: str, doc: lines.Doc) -> None:
        self._index()
        key = (table, doc_id)
        if key not in self._lines and key not in self._dirty:
            bisect.insort(self._order, key, key=_sort_key)
        self.table(table)[doc_id] = doc
        self._dirty.add(key)
        self._blobs.pop(table, None)

    def delete(self, table: str, doc_id: str) -> bool:
        """Remove a document; False if it was not there."""
        if doc_id not in self.tables.get(table, {}):
            return False
        self._index()
        key = (table, doc_id)
        del self.tables[table][doc_id]
        self._lines.pop(key, None)
        self._dirty.discard(key)
        self._blobs.pop(table, None)
        self._order.pop(bisect.bisect_left(self._order, _sort_key(key), key=_sort_key))
        return True

    def _index(self) -> None:
        """Order of the lines, and the cached bytes of the lines as read (once)."""
        if self._indexed:
            return
        self._indexed = True
        keys = sorted(((t, i) for t, docs in self.tables.items() for i in docs), key=_sort_key)
        self._order = keys
        body = self._raw.rstrip(b"\n").split(b"\n") if self._raw else []
        self._raw = None
        if len(body) == len(keys) and all(
                line.startswith(lines.format_line(t, i, {})[:-3]) for (t, i), line in
                zip(keys, body)):
            self._lines = {k: line + b"\n" for k, line in zip(keys, body)}
        self._lines.pop((lines.META, lines.META_ID), None)  # always written as it is now
        self._dirty.update(k for k in keys if k not in self._lines)

    def save(self) -> None:
        """Write the file: changed documents re-serialised, the rest as cached."""
        self._index()
        for key in self._dirty:
            table, doc_id = key
            line = lines.format_line(table, doc_id, self.tables[table][doc_id])
            self._lines[key] = line + b"\n"
        self._dirty.clear()
        atomic_write(self.path, b"".join(map(self._blob, sorted(
            self.tables, key=lambda t: (t != lines.META, t)))))

    def _blob(self, table: str) -> bytes:
        """The lines of one table, joined (cached until one of them changes)."""
        blob = self._blobs.get(table)
        if blob is None:
            head = (table != lines.META, table)
            lo = bisect.bisect_left(self._order, head, key=lambda k: _sort_key(k)[:2])
            hi = bisect.bisect_right(self._order, head, key=lambda k: _sort_key(k)[:2])
            blob = self._blobs[table] = b"".join(self._lines[k] for k in self._order[lo:hi])
        return blob
