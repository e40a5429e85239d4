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
from checkin.store.atomic import atomic_write, read_bytes

Key = tuple[str, str]


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


CHUNK = 64  # lines per cached blob: a save re-joins only the chunks that changed


class DataFile:
    """The documents of one file; ``put``/``delete`` then ``save`` (one atomic write).

    Each table keeps its ids in file order and its lines' bytes joined in chunks of
    ``CHUNK``; a changed document invalidates its line and its chunk only.
    """

    def __init__(self, path: Path, kind: str, data: lines.Tables | None = None,
                 raw: bytes | None = None) -> None:
        self.path = path
        self.kind = kind
        self.tables: lines.Tables = data if data is not None else {}
        self.tables.setdefault(lines.META, {})[lines.META_ID] = schema.meta_doc(kind)
        self._raw = raw
        self._indexed = False
        self._ids: dict[str, list[str]] = {}  # per table, in file order
        self._keys: dict[str, list[tuple[Any, ...]]] = {}  # their id_key, for bisect
        self._lines: dict[Key, bytes] = {}  # cached line bytes (with the newline)
        self._chunks: dict[str, dict[int, bytes]] = {}
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
        docs = self.table(table)
        key = lines.id_key(doc_id)
        ids, keys = self._ids.setdefault(table, []), self._keys.setdefault(table, [])
        at = bisect.bisect_left(keys, key)
        if doc_id not in docs:
            ids.insert(at, doc_id)
            keys.insert(at, key)
            self._forget_chunks(table, at, everything_after=True)
        else:
            self._forget_chunks(table, at)
        docs[doc_id] = doc
        self._lines.pop((table, doc_id), None)

    def delete(self, table: str, doc_id: str) -> bool:
        """Remove a document; False if it was not there."""
        if doc_id not in self.tables.get(table, {}):
            return False
        self._index()
        del self.tables[table][doc_id]
        self._lines.pop((table, doc_id), None)
        keys = self._keys[table]
        at = bisect.bisect_left(keys, lines.id_key(doc_id))
        del keys[at], self._ids[table][at]
        self._forget_chunks(table, at, everything_after=True)
        return True

    def _forget_chunks(self, table: str, at: int, *, everything_after: bool = False) -> None:
        chunks = self._chunks.get(table)
        if not chunks:
            return
        first = at // CHUNK
        for n in [n for n in chunks if n == first or (everything_after and n > first)]:
            del chunks[n]

    def _index(self) -> None:
        """File order of every table, and the lines as read kept as cached bytes (once)."""
        if self._indexed:
            return
        self._indexed = True
        if self._lazy is not None:
            raise RuntimeError(f"{self.path}: a read-only view cannot be changed")
        for table, docs in self.tables.items():
            pairs = sorted((lines.id_key(i), i) for i in docs)
            self._keys[table] = [k for k, _ in pairs]
            self._ids[table] = [i for _, i in pairs]
        body = self._raw.rstrip(b"\n").split(b"\n") if self._raw else []
        self._raw = None
        order = [(t, i) for t in self._table_order() for i in self._ids[t]]
        if len(body) == len(order) and all(
                line.startswith(lines.format_line(t, i, {})[:-3]) for (t, i), line in
                zip(order, body)):
            self._lines = {k: line + b"\n" for k, line in zip(order, body)}
        self._lines.pop((lines.META, lines.META_ID), None)  # always written as it is now

    def _table_order(self) -> list[str]:
        return sorted(self.tables, key=lambda t: (t != lines.META, t))

    def _line(self, table: str, doc_id: str) -> bytes:
        line = self._lines.get((table, doc_id))
        if line is None:
            line = lines.format_line(table, doc_id, self.tables[table][doc_id]) + b"\n"
            self._lines[(table, doc_id)] = line
        return line

    def _chunk(self, table: str, n: int) -> bytes:
        chunks = self._chunks.setdefault(table, {})
        blob = chunks.get(n)
        if blob is None:
            ids = self._ids[table][n * CHUNK:(n + 1) * CHUNK]
            blob = chunks[n] = b"".join([self._line(table, i) for i in ids])
        return blob

    def save(self) -> None:
        """Write the file: changed documents re-serialised, the rest as cached."""
        self._index()
        self._chunks.pop(lines.META, None)
        parts = [self._chunk(t, n) for t in self._table_order()
                 for n in range((len(self._ids.get(t, ())) + CHUNK - 1) // CHUNK)]
        atomic_write(self.path, b"".join(parts))
