"""Which action items a listing shows, and in what order. No ``dataclasses`` or ``typing``
import: ``checkin actions`` calls these on ``StoredItem``s (``checkin.core.stored``), the
app and the other commands on ``ActionItem``s; ``checkin.core.rules`` re-exports both."""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs the CLI ~3 ms
if TYPE_CHECKING:
    from datetime import date
    from typing import TypeVar

    from checkin.core.model import ActionItem
    from checkin.core.stored import StoredItem

    T = TypeVar("T", ActionItem, StoredItem)


def filter_actions(
    items: list[T],
    *,
    today: date,
    owner: str | None = None,
    department: str | None = None,
    status: str = "open",
    overdue: bool = False,
    text: str | None = None,
    agenda_id: str | None = None,
) -> list[T]:
    """Items matching every given filter (owner/department/text are case-insensitive)."""
    owner_l = owner.casefold() if owner else None
    dept_l = department.casefold() if department else None
    text_l = text.casefold() if text else None
    out = []
    for item in items:
        if status != "all" and item.status != status:
            continue
        if owner_l and item.owner.casefold() != owner_l:
            continue
        if dept_l and item.department.casefold() != dept_l:
            continue
        if overdue and not item.is_overdue(today):
            continue
        if agenda_id and item.agenda_id != agenda_id:
            continue
        if text_l and text_l not in f"{item.title} {item.owner} {item.department}".casefold():
            continue
        out.append(item)
    return out


def sort_actions(items: list[T], key: str = "due") -> list[T]:
    """Sort by ``due`` (default), ``owner`` or ``department``; ties by due then id."""
    def number(item: T) -> int:
        return int(item.id[1:]) if item.id[1:].isdigit() else 0

    if key == "owner":
        return sorted(items, key=lambda i: (i.owner.casefold(), i.due, number(i)))
    if key == "department":
        return sorted(items, key=lambda i: (i.department.casefold(), i.due, number(i)))
    return sorted(items, key=lambda i: (i.due, number(i)))

