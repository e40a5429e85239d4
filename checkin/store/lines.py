"""The data file format: one JSON document per line, deterministic, diffable, mergeable.

Every data file (``register.json``, ``archive/<year>.json``, ``meetings/<id>.json``) is
UTF-8 text made of lines, each ending in ``\\n``, each one JSON array of three items::

    ["_meta","schema",{"kind":"register","schema":2}]
    ["_ids","A",{"next":49}]
    ["actions","A7",{"agenda_id":"weekly","due":"2026-11-27",...,"title":"Fix CRM"}]
    ["actions","A12",{...}]
    ["meetings","2026-11-16-weekly",{"agenda_id":"weekly","date":"2026-11-16",...}]

- item 1 is the table, item 2 the document id (a string), item 3 the document (an object
  with its keys sorted, no spaces; objects inside it keep their order, which means
  something there: a meeting's readings are in the agenda's order);
- the first line is always the ``_meta``/``schema`` document: ``kind`` (register,
  archive, meeting) and ``schema`` (the format version, see ``checkin.store.schema``);
- after it, lines are sorted by table name, then by id in numeric-aware order (``A9`` before
  ``A10``, see ``id_key``); one id appears once per table;
- a document never contains a raw newline (JSON escapes it), so a line is a document.

The same data always gives the same bytes, and changing one document changes one line:
a week's ``git diff`` shows one line per changed item. ``parse_lines`` and
``format_lines`` are the whole format; a merge tool can merge three versions document
by document with them (key: table + id).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

import orjson

from checkin.store.order import id_key

Doc = dict[str, Any]
Tables = dict[str, dict[str, Doc]]
META = "_meta"
META_ID = "schema"


class FormatError(ValueError):
    """A line that is not ``[table, id, {document}]``; ``line`` is 1-based (0: whole file)."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"line {line}: {what}" if line else what)
        self.line = line


def line_key(table: str, doc_id: str) -> tuple[Any, ...]:
    """File order: the ``_meta`` line first, then by table, then by id."""
    return (table != META, table, id_key(doc_id))


def format_line(table: str, doc_id: str, doc: Doc) -> bytes:
    """One document as its line, without the ending newline."""
    return orjson.dumps([table, doc_id, {k: doc[k] for k in sorted(doc)}])


def format_lines(tables: Tables) -> bytes:
    """All documents in file order (``_meta`` first), each line ending in a newline."""
    keys = sorted(((t, i) for t, docs in tables.items() for i in docs),
                  key=lambda k: line_key(*k))
    return b"".join(format_line(t, i, tables[t][i]) + b"\n" for t, i in keys)


def _check(row: Any, number: int) -> tuple[str, str, Doc]:
    if (not isinstance(row, list) or len(row) != 3 or not isinstance(row[0], str)
            or not isinstance(row[1], str) or not isinstance(row[2], dict)):
        raise FormatError(number, "expected [table, id, {document}]")
    return row[0], row[1], row[2]


PARSE_CHUNK = 1 << 16  # bytes of lines per orjson call


def _rows(raw: bytes) -> list[Any] | None:
    """Every line as parsed JSON, a C call per PARSE_CHUNK bytes of whole lines (joined
    as one JSON array); None if a line is not JSON (``iter_rows`` then names it).

    Not one call for the file: orjson's parser takes ~16 bytes of scratch per byte of
    input, so the 0.9 MB meeting index of 20 years peaked at 15.6 MB, 4.8 MB in chunks,
    in the same time."""
    body = raw.rstrip(b"\n")
    if not body:
        return []
    paused = gc.isenabled()
    gc.disable()  # JSON makes no cycles: collecting while a 10,000-row year is built is waste
    rows: list[Any] = []
    start = 0
    try:
        while start < len(body):
            end = body.find(b"\n", start + PARSE_CHUNK)
            end = len(body) if end < 0 else end
            rows += orjson.loads(b"[" + body[start:end].replace(b"\n", b",") + b"]")
            start = end + 1
    except orjson.JSONDecodeError:
        return None
    finally:
        if paused:
            gc.enable()
    return rows if len(rows) == body.count(b"\n") + 1 else None


def iter_rows(raw: bytes) -> Iterator[tuple[str, str, Doc]]:
    """Each line as (table, id, document); a bad line raises FormatError naming it."""
    rows = _rows(raw)
    if rows is not None:
        for n, row in enumerate(rows, 1):
            yield _check(row, n)
        return
    for n, line in enumerate(raw.rstrip(b"\n").split(b"\n"), 1):  # find the line that is wrong
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise FormatError(n, f"not JSON ({exc})") from None
        yield _check(row, n)


def parse_lines(raw: bytes, tables: Iterable[str] | None = None) -> Tables:
    """A file's documents by table and id; only ``tables`` (and ``_meta``) if given.

    With ``tables``, the other tables' lines are cut out unparsed: documents of one
    table are contiguous, so the open action items are found without reading the
    meeting index. Raises FormatError for a bad line or a repeated id.
    """
    if tables is not None:
        try:
            return _parse(_sections(raw, [META, *tables]), {META, *tables})
        except FormatError:
            pass  # parse the whole file to name the line as it stands in the file
    return _parse(raw, None)


def _plain(rows: list[Any]) -> Tables | None:
    """``rows`` by table and id if every row is a plain [table, id, {document}] and no id
    repeats, checked column by column in C (a 10,000-row archive year in a few passes);
    None otherwise, for the checked pass to name the line."""
    if not rows:
        return {}
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {3}:
        return None
    tables, ids, docs = zip(*rows)
    if (set(map(type, tables)) != {str} or set(map(type, ids)) != {str}
            or set(map(type, docs)) != {dict}):
        return None
    out: Tables = {}
    start = 0
    for table, run in groupby(tables):  # a table's lines are one run
        end = start + sum(1 for _ in run)
        found = out.setdefault(table, {})
        before = len(found)
        found.update(zip(ids[start:end], docs[start:end]))
        if len(found) != before + end - start:
            return None  # an id twice
        start = end
    return out


def _parse(raw: bytes, wanted: set[str] | None) -> Tables:
    rows = _rows(raw)
    if rows is not None:  # the common case, in C; anything odd: the checked pass
        plain = _plain(rows)
        if plain is not None:
            return plain if wanted is None else {t: d for t, d in plain.items() if t in wanted}
    out = {}
    for n, (table, doc_id, doc) in enumerate(iter_rows(raw), 1):
        if wanted is not None and table not in wanted:
            continue
        docs = out.setdefault(table, {})
        if doc_id in docs:
            raise FormatError(n, f"{table} {doc_id!r} appears a second time (an id is "
                                 "stored once); remove the stale one of its two lines")
        docs[doc_id] = doc
    return out


def _sections(raw: bytes, tables: list[str]) -> bytes:
    """The lines of ``tables`` only (each table's lines are one contiguous run)."""
    text = b"\n" + raw
    parts = []
    for table in tables:
        prefix = b"\n[" + orjson.dumps(table) + b","
        start = text.find(prefix)
        if start < 0:
            continue
        last = text.rfind(prefix)
        end = text.find(b"\n", last + 1)
        _check_neighbour(text[text.rfind(b"\n", 0, start) + 1: start], table)
        if end >= 0:
            after = text.find(b"\n", end + 1)
            _check_neighbour(text[end + 1: len(text) if after < 0 else after], table)
        parts.append(text[start + 1: len(text) if end < 0 else end])
    return b"\n".join(parts)


def _check_neighbour(line: bytes, table: str) -> None:
    """The lines just around a table's run must be rows of other tables: a damaged line
    there would otherwise be cut off unseen (and its document silently missing)."""
    if not line:
        return
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError:
        raise FormatError(0, "a damaged line") from None
    other, _, _ = _check(row, 0)
    if other == table:
        raise FormatError(0, f"{table} lines are not together")


def meta_of(tables: Tables) -> Doc | None:
    return tables.get(META, {}).get(META_ID)
