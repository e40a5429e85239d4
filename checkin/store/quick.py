"""Today's action items straight from ``register.json``, for ``checkin actions``: the
standard json module, no orjson, no dataclasses (imports a process saves: ~30 ms).

``register_items`` returns None whenever the full store must decide: no register, an
old or unknown schema, a line that is not plainly a row of a known table, an item whose
fields are not plainly of their types (``checkin.core.stored``), an id twice. An archive
year written after the register (a move may have stopped half way) is read whole, as
the store reads it, and its items are not listed from the register. The caller then reads
the same data through ``Store``, which reports what is wrong: this path never prints
what the full one would refuse.
"""

from __future__ import annotations

import json
import os

from checkin.core.stored import StoredItem, stored_item
from checkin.store.order import id_key
from checkin.store.schema import SCHEMA_VERSION

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

ROWS = (b'["_meta",', b'["_ids",', b'["actions",', b'["meetings",')  # a register's tables
ACTION_ROW = b'["actions",'


class _NotPlain(Exception):
    pass


def register_items(root: str | Path) -> list[StoredItem] | None:
    """Every action item in the register (open ones, and those a live meeting closed), in
    id order, as ``Store.register_actions`` lists them; None: ask the store."""
    path = os.path.join(root, "register.json")
    try:
        since = os.stat(path).st_mtime_ns
        with open(path, "rb") as file:
            raw = file.read()
        if not raw.endswith(b"\n"):
            return None
        lines = raw.split(b"\n")
        lines.pop()  # after the last newline
        if _row(lines[0]) != ["_meta", "schema", {"kind": "register", "schema": SCHEMA_VERSION}]:
            return None
        items: dict[str, StoredItem] = {}
        for line in lines[1:]:
            if not line.startswith(ROWS):
                return None
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
        with open(name, "rb") as file:
            raw = file.read()
        body = raw[:-1]
        if not raw.endswith(b"\n") or b"\\u" in raw:
            raise _NotPlain
        rows = json.loads(b"[" + body.replace(b"\n", b",") + b"]", parse_constant=_not_plain)
        if len(rows) != body.count(b"\n") + 1 or rows[0] != [
                "_meta", "schema", {"kind": "archive", "schema": SCHEMA_VERSION}]:
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
