"""Today's action items straight from ``register.json``, for ``checkin actions``, and the
meeting index straight from ``index.json``, for ``checkin meetings`` and ``export last``:
the standard json module, no orjson, no dataclasses (imports a process saves: ~30 ms).

``register_items`` returns None whenever the full store must decide: no register, an
old or unknown schema, a line that is not plainly a row of the tables listed in ``ROWS``
(a ``_moves`` record, a move out of an archive year under way, is one), an item whose
fields are not plainly of their types (``checkin.core.stored``), an id twice. An archive
year written after the register (a move may have stopped half way) is read whole, as
the store reads it, and its items are not listed from the register. The caller then reads
the same data through ``Store``, which reports what is wrong: this path never prints
what the full one would refuse.
"""

from __future__ import annotations

import json
import os
import re
from operator import itemgetter, methodcaller

from checkin.core.stored import StoredItem, StoredSummary, stored_item, stored_summary
from checkin.store.order import id_key
from checkin.store.regular_file import read_regular_file
from checkin.store.schema import READABLE, SCHEMA_VERSION

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

ROWS = (b'["_meta",', b'["_ids",', b'["actions",')  # a register's tables
ACTION_ROW = b'["actions",'
MEETING_ROW = b'["meetings",'  # index.json's one table


class _NotPlain(Exception):
    pass


def _data_file(root: str | Path, name: str = "register.json", kind: str = "register",
              rows: tuple[bytes, ...] = ROWS) -> tuple[bytes, list[bytes], int]:
    """A data file's bytes (the register's, or ``name``'s of ``kind``), its lines after the
    ``_meta`` line, and its modification time; _NotPlain unless it is a current file whose
    every line is a row of one of ``rows``."""
    path = os.path.join(root, name)
    since = os.stat(path).st_mtime_ns
    raw = read_regular_file(path)
    if not raw.endswith(b"\n"):
        raise _NotPlain
    lines = raw.split(b"\n")
    lines.pop()  # after the last newline
    if _row(lines[0]) != ["_meta", "schema", {"kind": kind, "schema": SCHEMA_VERSION}]:
        raise _NotPlain
    if not all(map(methodcaller("startswith", rows), lines[1:])):
        raise _NotPlain
    return raw, lines[1:], since


def register_items(root: str | Path) -> list[StoredItem] | None:
    """Every action item in the register (open ones, and those a live meeting closed), in
    id order, as ``Store.register_actions`` lists them; None: ask the store."""
    try:
        _, lines, since = _data_file(root)
        items: dict[str, StoredItem] = {}
        for line in lines:
            if line.startswith(ACTION_ROW):
                _, doc_id, doc = _row(line)
                item = stored_item(doc)
                if item is None or item.id != doc_id or doc_id in items:
                    return None
                items[doc_id] = item
        moved = _moved_ids(root, since) if items else set()
    except (OSError, ValueError, _NotPlain):
        return None
    return [items[i] for i in sorted(items, key=id_key) if i not in moved]


# The start of an index row as the store writes it, its first keys sorted (no escapes in
# the id, agenda and date): enough to order 1,040 rows without parsing them. Matched at
# the start of each meeting line (searching the whole 0.9 MB index for them cost
# twice as much), the title as runs of plain characters between escapes (one branch per
# character cost 4x): 0.5 ms for the 1,040 rows of 20 years, from 7.
INDEX_ROW = re.compile(rb'\["meetings","([^"\\\n]*)",\{"actions":-?[0-9]+,'
                       rb'"agenda_id":"([^"\\\n]*)",'
                       rb'"agenda_title":"[^"\\\n]*(?:\\.[^"\\\n]*)*",'
                       rb'"date":"([^"\\\n]*)"[,}]')


def meeting_rows(root: str | Path, agenda_id: str | None, limit: int | None, *,
                 before: tuple[str, str] | None = None) -> list[StoredSummary] | None:
    """The meeting index newest first (of ``agenda_id`` if given, older than ``before``,
    (ISO date, id), if given, the first ``limit``), as ``Store.meetings`` lists it; None:
    ask the store (no ``index.json``, anything odd). Rows are ordered on their first keys
    (``INDEX_ROW``) and only the rows returned are parsed, as the store does. The
    register must be a plain current one too: the store's open reads it first."""
    try:
        _data_file(root)
        _, lines, _ = _data_file(root, "index.json", "index", (MEETING_ROW,))
        match = INDEX_ROW.match
        found = []  # (date, id, agenda, line)
        for line in lines:
            head = match(line)
            if head is None:
                return None  # a row not as the store writes it
            meeting, agenda, day = head.groups()
            found.append((day, meeting, agenda, line))
        if len(set(map(itemgetter(1), found))) != len(found):
            return None  # an id twice
        found.sort(reverse=True)  # on (date, id): UTF-8 sorts as its text does
        wanted = None if agenda_id is None else agenda_id.encode()
        older = None if before is None else (before[0].encode(), before[1].encode())
        out = []
        for day, meeting, agenda, line in found:
            if wanted is not None and agenda != wanted:
                continue
            if older is not None and (day, meeting) >= older:
                continue
            if limit is not None and len(out) == limit:
                break
            _, doc_id, doc = _row(line)
            summary = stored_summary(doc)
            if summary is None or (doc_id, summary.id, doc.get("date"), summary.agenda_id) != (
                    meeting.decode(), doc_id, day.decode(), agenda.decode()):
                return None
            out.append(summary)
    except (OSError, ValueError, _NotPlain):
        return None
    return out


def _moved_ids(root: str | Path, since: int) -> set[str]:
    """Ids in archive years written after the register (see ``Store._newer_archives``):
    each such file parsed whole and checked as the store would; _NotPlain otherwise."""
    moved: set[str] = set()
    try:
        entries = os.scandir(os.path.join(root, "archive"))
    except FileNotFoundError:
        return moved
    with entries:
        newer = [e.path for e in entries if e.name.endswith(".json")
                 and e.name[:-5].isdigit() and e.stat().st_mtime_ns >= since]
    for name in newer:
        raw = read_regular_file(name)
        body = raw[:-1]
        if not raw.endswith(b"\n") or b"\\u" in raw:
            raise _NotPlain
        rows = json.loads(b"[" + body.replace(b"\n", b",") + b"]", parse_constant=_not_plain)
        if len(rows) != body.count(b"\n") + 1 or rows[0] not in (
                ["_meta", "schema", {"kind": "archive", "schema": v}] for v in READABLE):
            raise _NotPlain
        ids = set()
        for row in rows:
            if (type(row) is not list or len(row) != 3 or type(row[0]) is not str
                    or type(row[1]) is not str or type(row[2]) is not dict):
                raise _NotPlain
            if row[0] == "actions":
                if row[1] in ids:
                    raise _NotPlain
                ids.add(row[1])
        moved |= ids
    return moved


def _row(line: bytes) -> list:
    """A line as [table, id, document]; _NotPlain unless it is plainly one. An escaped
    character or a NaN goes to the store, whose parser (orjson) is the one that decides."""
    if b"\\u" in line:
        raise _NotPlain
    row = json.loads(line, parse_constant=_not_plain)
    if (type(row) is not list or len(row) != 3 or type(row[0]) is not str
            or type(row[1]) is not str or type(row[2]) is not dict):
        raise _NotPlain
    return row


def _not_plain(_: str) -> None:
    raise _NotPlain
