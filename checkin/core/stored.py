"""Action items straight from their stored documents, without ``dataclasses``.

``checkin actions`` lists today's open items in less time than importing
``dataclasses``, ``typing`` and orjson takes (what ``checkin.core.model`` and the store
need). This module needs none of them: ``StoredItem`` carries an item's fields, built
from a document only when every field is plainly of the type ``ActionItem`` declares
(``ITEM_FIELDS``, held to the dataclass by a test); otherwise ``stored_item`` returns
None and the caller takes the full path, which converts, checks and names what is wrong.

The overdue rule lives here, so ``ActionItem`` and ``StoredItem`` answer it alike.
"""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False  # not typing's: importing typing costs this path ~3 ms
if TYPE_CHECKING:
    from typing import Any


def is_overdue(status: str, due: date, today: date) -> bool:
    """Open and due before ``today``."""
    return status == "open" and due < today


def days_overdue(status: str, due: date, today: date) -> int:
    return (today - due).days if is_overdue(status, due, today) else 0


# field -> (kind, default); kind: str, date, int, str?, date?, float? (or None), changes
# (a history), floats / bools (a dict of float / bool or None values);
# REQUIRED as the default: the field must be there.
REQUIRED = object()
ITEM_FIELDS: dict[str, tuple[str, object]] = {
    "id": ("str", REQUIRED), "title": ("str", REQUIRED), "owner": ("str", REQUIRED),
    "due": ("date", REQUIRED), "department": ("str", ""), "status": ("str", "open"),
    "agenda_id": ("str", ""), "created_in": ("str?", None), "created_on": ("date?", None),
    "closed_in": ("str?", None), "closed_on": ("date?", None), "history": ("changes", ()),
}
SUMMARY_FIELDS: dict[str, tuple[str, object]] = {
    "id": ("str", REQUIRED), "agenda_id": ("str", REQUIRED), "agenda_title": ("str", REQUIRED),
    "date": ("date", REQUIRED), "facilitator": ("str", ""), "status": ("str", "in-progress"),
    "rating": ("float?", None), "roadblocks": ("int", 0), "actions": ("int", 0),
    "readings": ("floats", {}), "on_track": ("bools", {}),
}
CHANGE_FIELDS: dict[str, tuple[str, object]] = {
    "on": ("date", REQUIRED), "kind": ("str", REQUIRED), "old": ("str", ""),
    "new": ("str", ""), "meeting": ("str?", None), "note": ("str", ""),
}


class StoredItem:
    """An action item as a listing reads it (``history`` stays the stored entries)."""

    __slots__ = tuple(ITEM_FIELDS)

    id: str
    title: str
    owner: str
    due: date
    department: str
    status: str
    agenda_id: str
    created_in: str | None
    closed_on: date | None

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due, today)

    def days_overdue(self, today: date) -> int:
        return days_overdue(self.status, self.due, today)


class StoredSummary:
    """A row of the meeting index as ``checkin meetings`` lists it."""

    __slots__ = tuple(SUMMARY_FIELDS)

    id: str
    agenda_id: str
    agenda_title: str
    date: date
    facilitator: str
    status: str
    rating: float | None
    roadblocks: int
    actions: int


def stored_summary(doc: dict[str, Any]) -> StoredSummary | None:
    """The index row as a ``StoredSummary``; None unless every field is plainly typed."""
    values = _plain(doc, SUMMARY_FIELDS)
    if values is None:
        return None
    summary = StoredSummary()
    for name, value in values.items():
        setattr(summary, name, value)
    return summary


def stored_item(doc: dict[str, Any]) -> StoredItem | None:
    """The document as a ``StoredItem``; None unless every field is plainly of its type."""
    values = _plain(doc, ITEM_FIELDS)
    if values is None:
        return None
    item = StoredItem()
    for name, value in values.items():
        setattr(item, name, value)
    return item


def _plain(doc: object, fields: dict[str, tuple[str, object]]) -> dict[str, Any] | None:
    if type(doc) is not dict:
        return None
    out: dict[str, Any] = {}
    for name, (kind, default) in fields.items():
        value = doc.get(name, default)
        if value is REQUIRED:
            return None
        if value is default and kind not in ("changes", "floats", "bools"):
            out[name] = value
            continue
        if kind in ("str?", "date?", "float?") and value is None:
            out[name] = None
        elif kind in ("int", "float?"):
            if type(value) is not int and type(value) is not float or (
                    kind == "int" and type(value) is float):
                return None
            out[name] = float(value) if kind == "float?" else value
        elif kind in ("floats", "bools"):
            allowed = (float, int, type(None)) if kind == "floats" else (bool, type(None))
            if type(value) is not dict or not set(map(type, value.values())) <= set(allowed):
                return None
            out[name] = ({k: v if v is None else float(v) for k, v in value.items()}
                         if kind == "floats" else dict(value))
        elif kind in ("str", "str?"):
            if type(value) is not str:
                return None
            out[name] = value
        elif kind in ("date", "date?"):
            if type(value) is not str:
                return None
            try:
                out[name] = date.fromisoformat(value)
            except ValueError:
                return None
        else:  # changes
            if value == () or value == []:
                out[name] = []
            elif type(value) is not list or any(_plain(c, CHANGE_FIELDS) is None
                                                for c in value):
                return None
            else:
                out[name] = value
    return out
