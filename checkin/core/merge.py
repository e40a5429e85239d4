"""Three-way merge of checkin documents by id, field by field (git's merge driver). No I/O.

Each version is ``{table: {id: document}}``. A document only one side changed takes that
side; both sides changing different fields of one document merge; both changing the same
field differently, or one deleting what the other changed, is a conflict named by table,
id and field. Documents added on both sides with the same id are merged against an empty
base: for a meeting that means both started it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Doc = dict[str, Any]
Tables = dict[str, dict[str, Doc]]
_MISSING = object()


@dataclass
class Conflict:
    table: str
    doc_id: str
    field: str  # "" for the whole document
    ours: Any = None
    theirs: Any = None
    both_added: bool = False


@dataclass
class Merged:
    tables: Tables
    conflicts: list[Conflict] = field(default_factory=list)


def _merge_doc(table: str, doc_id: str, base: Doc | None, ours: Doc, theirs: Doc,
               conflicts: list[Conflict]) -> Doc:
    base = base or {}
    out: Doc = {}
    for key in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = (d.get(key, _MISSING) for d in (base, ours, theirs))
        if o == t or t == b:
            value = o
        elif o == b:
            value = t
        else:
            conflicts.append(Conflict(table, doc_id, key, None if o is _MISSING else o,
                                      None if t is _MISSING else t, both_added=not base))
            value = o  # the file stays valid: ours, until the person decides
        if value is not _MISSING:
            out[key] = value
    return out


def merge(base: Tables, ours: Tables, theirs: Tables) -> Merged:
    """Merge three versions of one file's tables (see the module doc)."""
    result = Merged({})
    for table in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = base.get(table, {}), ours.get(table, {}), theirs.get(table, {})
        docs: dict[str, Doc] = {}
        for doc_id in dict.fromkeys([*o, *t, *b]):
            bd, od, td = b.get(doc_id), o.get(doc_id), t.get(doc_id)
            if od == td or td == bd:
                merged = od
            elif od == bd:
                merged = td
            elif od is None or td is None:  # deleted on one side, changed on the other
                result.conflicts.append(Conflict(table, doc_id, "", od, td))
                merged = od if od is not None else td
            else:
                merged = _merge_doc(table, doc_id, bd, od, td, result.conflicts)
            if merged is not None:
                docs[doc_id] = merged
        result.tables[table] = docs
    return result


def describe(conflict: Conflict, file: str) -> str:
    """One line naming the conflict and what to do."""
    if conflict.table in ("meeting", "meetings") and conflict.both_added:
        path = f"meetings/{conflict.doc_id}.json"
        return (f"both clones started the meeting {conflict.doc_id}; keep one: `git checkout "
                f"--ours {path}` (yours) or --theirs, then `git add -A` and run `checkin "
                "sync` again")
    what = f"field {conflict.field!r} of" if conflict.field else "deleted one side, changed"
    return (f"{file}: {what} {conflict.table} {conflict.doc_id} changed on both sides "
            f"(here {conflict.ours!r}, there {conflict.theirs!r}); edit {file} to the value "
            "you want (it holds ours now), then `git add` it and run `checkin sync` again")
