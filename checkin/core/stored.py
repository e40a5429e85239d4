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


# field -> (kind, default); kind: str, date, str?, date? (or None), changes (a history);
# REQUIRED as the default: the field must be there.
REQUIRED = object()
ITEM_FIELDS: dict[str, tuple[str, object]] = {
    "id": ("str", REQUIRED), "title": ("str", REQUIRED), "owner": ("str", REQUIRED),
    "due": ("date", REQUIRED), "department": ("str", ""), "status": ("str", "open"),
    "agenda_id": ("str", ""), "created_in": ("str?", None), "created_on": ("date?", None),
    "closed_in": ("str?", None), "closed_on": ("date?", None), "history": ("changes", ()),
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
        if value is default and kind != "changes":
            out[name] = value
            continue
        if kind in ("str?", "date?") and value is None:
            out[name] = None
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
