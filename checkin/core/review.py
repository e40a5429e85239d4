"""Reviewing carried-over action items in a meeting: what happened to each, and undo. No UI.

The model's methods (`mark_done`, `redate`, ...) record history; this adds "kept open"
(reviewed, nothing changed) and undoing the last change made in this meeting.
"""

from __future__ import annotations

from datetime import date

from checkin.core.model import ActionItem, Change

KEEP = "keep"
OUTCOMES = {
    "done": "done",
    "drop": "dropped",
    "redate": "re-dated",
    "reassign": "reassigned",
    KEEP: "kept open",
    "reopen": "reopened",
}


def changes_in(item: ActionItem, meeting_id: str) -> list[Change]:
    return [c for c in item.history if c.meeting == meeting_id and c.kind != "created"]


def outcome(item: ActionItem, meeting_id: str) -> str:
    """What this meeting did with the item: ``done``, ``re-dated``... or ``to review``."""
    changes = changes_in(item, meeting_id)
    return OUTCOMES.get(changes[-1].kind, changes[-1].kind) if changes else "to review"


def unreviewed(items: list[ActionItem], meeting_id: str) -> list[ActionItem]:
    """The items this meeting has not yet reviewed: its action review is not done."""
    return [i for i in items if outcome(i, meeting_id) == "to review"]


def by_owner(items: list[ActionItem]) -> list[ActionItem]:
    """Items grouped by owner (owners A-Z, each owner's items in their order), so each
    person answers for all of theirs at once."""
    return sorted(items, key=lambda i: " ".join(i.owner.split()).casefold())


def keep_open(item: ActionItem, on: date, meeting_id: str) -> None:
    """Record that the item was reviewed and stays open as it is."""
    item.history.append(Change(on=on, kind=KEEP, old=item.status, new=item.status,
                               meeting=meeting_id))


def undo_last(item: ActionItem, meeting_id: str) -> str | None:
    """Revert the last change made to the item in this meeting; what was undone, or None.

    A mistaken re-date typed during the meeting should not count as a slip, so the change
    is taken out of the history rather than countered by a new entry.
    """
    changes = changes_in(item, meeting_id)
    if not changes:
        return None
    last = changes[-1]
    if last.kind in ("done", "drop", "reopen"):
        item.status = last.old or "open"
        item.closed_on = item.closed_in = None
        if item.status != "open":  # undoing a reopen: closed as the history says
            before = item.history[: item.history.index(last)]
            close = next((c for c in reversed(before) if c.kind in ("done", "drop")), None)
            if close is not None:
                item.closed_on, item.closed_in = close.on, close.meeting
    elif last.kind == "redate":
        item.due = date.fromisoformat(last.old)
    elif last.kind == "reassign":
        item.owner = last.old
    elif last.kind == "edit" and len(parts := last.old.rsplit(" · ", 3)) == 4:
        item.title, item.owner, item.department = parts[:3]
        item.due = date.fromisoformat(parts[3])
    item.history.remove(last)
    return OUTCOMES.get(last.kind, last.kind)


def short_name(name: str, width: int = 9) -> str:
    """``Marcus Okafor`` -> ``Marcus O.``: first name and initial of the last, for a narrow
    owner column; a first name longer than ``width`` is cut with an ellipsis."""
    parts = name.split()
    if not parts:
        return ""
    first = parts[0]
    text = f"{first} {parts[-1][0]}." if len(parts) > 1 else first
    if len(text) > width:
        text = first if len(first) <= width else first[: width - 1] + "…"
    return text
