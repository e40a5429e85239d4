"""checkin's data files as the merge driver sees them: tables of documents keyed by id.

The one place that knows the file format for `checkin sync`'s merge driver: today a
TinyDB JSON object ``{table: {doc_id: document}}``. A document with an ``id`` field is
keyed by it (action items, meetings, index rows), so two clones adding different meetings
under the same TinyDB doc id still merge; `dump` numbers them again without collisions.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

Tables = dict[str, dict[str, dict[str, Any]]]
DocIds = dict[str, dict[str, int]]
_ACTION = re.compile(r"A(\d+)")


def load(raw: bytes) -> tuple[Tables, DocIds]:
    """The tables of a file's bytes (empty bytes: no tables) and each key's doc id."""
    data = orjson.loads(raw) if raw.strip() else {}
    if not isinstance(data, dict):
        raise ValueError("not a checkin data file (expected a JSON object)")
    tables: Tables = {}
    ids: DocIds = {}
    for table, docs in data.items():
        tables[table], ids[table] = {}, {}
        for doc_id, doc in (docs or {}).items():
            key = str(doc.get("id")) if isinstance(doc, dict) and "id" in doc else doc_id
            tables[table][key] = doc
            ids[table][key] = int(doc_id)
    return tables, ids


def dump(tables: Tables, *known: DocIds) -> bytes:
    """Bytes for ``tables``, reusing doc ids from ``known`` (ours first) where free."""
    out: dict[str, dict[str, Any]] = {}
    for table, docs in tables.items():
        used: dict[int, str] = {}
        pending = []
        for key in docs:
            m = _ACTION.fullmatch(key) if table == "actions" else None
            wanted = int(m[1]) if m else next(
                (ids[table][key] for ids in known if key in ids.get(table, {})), None)
            if wanted is not None and wanted not in used:
                used[wanted] = key
            else:
                pending.append(key)
        for key in pending:
            used[max(used, default=0) + 1] = key
        out[table] = {str(n): docs[key] for n, key in sorted(used.items())}
    return orjson.dumps(out)
