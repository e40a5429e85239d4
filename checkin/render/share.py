"""Share action items without integrations: per-owner Markdown digests, iCalendar VTODOs,
Taskwarrior import JSON. Pure functions of the items and "today"; no I/O.

Markdown escapes every typed string with :func:`checkin.mdtext.inline`. The iCalendar text
is built with the icalendar library (RFC 5545 folding, escaping and line endings are its
job). Ids derived from an item (ICS ``UID``, Taskwarrior ``uuid``) are stable, so importing
the same export twice updates tasks instead of duplicating them.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time

from checkin.core.model import ActionItem
from checkin.render import actions as formats
from checkin.render.mdtext import inline

UID_DOMAIN = "checkin"
UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://checkin.invalid/action-item")
TASK_STATUS = {"open": "pending", "done": "completed", "dropped": "deleted"}
ICS_STATUS = {"open": "NEEDS-ACTION", "done": "COMPLETED", "dropped": "CANCELLED"}
# Taskwarrior dates are UTC instants; noon UTC falls on the same calendar day everywhere
# from UTC-11 to UTC+11, so a due *date* never shows up as the day before.
TASK_DUE_TIME = time(12, 0)


# ---------------------------------------------------------------- Markdown digest
def overdue_first(items: list[ActionItem], today: date) -> list[ActionItem]:
    """Overdue items (most overdue first), then the rest by due date."""
    return sorted(items, key=lambda i: (not i.is_overdue(today), i.due, i.id))


def _md_line(item: ActionItem, today: date, *, with_owner: bool) -> str:
    late = item.days_overdue(today)
    facts = [f"due {item.due.isoformat()}"]
    if late:
        facts.append(f"**{late} day{'s' * (late != 1)} overdue**")
    elif item.status != "open":
        facts.append(item.status)
    if with_owner:
        facts.insert(0, inline(item.owner) or "—")
    if item.department:
        facts.append(inline(item.department))
    facts.append(f"from meeting {inline(item.created_in)}" if item.created_in
                 else "added between meetings")
    return f"- {inline(item.title) or '—'} — " + ", ".join(facts)


def _counts(items: list[ActionItem], today: date) -> str:
    late = sum(1 for i in items if i.is_overdue(today))
    return f"{len(items)} item{'s' * (len(items) != 1)}, {late} overdue"


def owner_markdown(owner: str, items: list[ActionItem], today: date, *, level: int = 1) -> str:
    """One owner's items as a Markdown block: a heading, counts, overdue first."""
    name = inline(owner) or "no owner"
    title = f"Action items — {name}" if level == 1 else name
    lines = [f"{'#' * level} {title}", "",
             f"As of {today.isoformat()}: {_counts(items, today)}.", ""]
    lines += [_md_line(i, today, with_owner=False) for i in overdue_first(items, today)]
    if not items:
        lines.append("Nothing open.")
    return "\n".join(lines) + "\n"


def by_owner(items: list[ActionItem]) -> dict[str, list[ActionItem]]:
    """Items grouped by owner, owners in case-insensitive alphabetical order."""
    groups: dict[str, list[ActionItem]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: kv[0].casefold()))


def digest_markdown(items: list[ActionItem], today: date, *, per_owner: bool) -> str:
    """One section per owner (``per_owner``) or one block for a single owner's items."""
    groups = by_owner(items)
    if not per_owner and len(groups) <= 1:
        owner = next(iter(groups), "")
        return owner_markdown(owner, items, today)
    parts = [f"# Action items by owner\n\nAs of {today.isoformat()}: {_counts(items, today)}.\n"]
    parts += [owner_markdown(o, group, today, level=2) for o, group in groups.items()]
    if not groups:
        parts.append("Nothing open.\n")
    return "\n".join(parts)


def digest_text(items: list[ActionItem], today: date) -> str:
    """A plain-text digest for the terminal: one aligned table per owner."""
    parts = []
    for owner, group in by_owner(items).items():
        parts.append(f"== {owner} ({_counts(group, today)})\n")
        parts.append(formats.as_table(overdue_first(group, today), today))
    return "\n".join(parts) or "No action items match.\n"


def digest(items: list[ActionItem], today: date, *, by_owner: bool, fmt: str) -> str:
    """The digest `checkin actions --owner/--by-owner` prints in ``fmt``."""
    if fmt == "md":
        return digest_markdown(items, today, per_owner=by_owner)
    if fmt == "table":
        return digest_text(items, today)
    return formats.FORMATS[fmt](items, today)


# ---------------------------------------------------------------- iCalendar
def ics_uid(item: ActionItem) -> str:
    return f"{item.id}@{UID_DOMAIN}"


def _description(item: ActionItem) -> str:
    lines = [f"Owner: {item.owner}"]
    if item.department:
        lines.append(f"Department: {item.department}")
    lines.append(f"Meeting: {item.created_in or 'added between meetings'}")
    if item.slips:
        lines.append(f"Re-dated {item.slips} time{'s' * (item.slips != 1)}")
    return "\n".join(lines)


def as_ics(items: list[ActionItem], today: date) -> str:
    """The items as an iCalendar VCALENDAR of VTODOs (CRLF line endings, as RFC 5545)."""
    from icalendar import Calendar, Todo

    cal = Calendar()
    cal.add("prodid", "-//checkin//action items//EN")
    cal.add("version", "2.0")
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    for item in items:
        todo = Todo()
        todo.add("uid", ics_uid(item))
        todo.add("dtstamp", stamp)
        todo.add("summary", item.title)
        todo.add("description", _description(item))
        todo.add("due", item.due)
        todo.add("status", ICS_STATUS.get(item.status, "NEEDS-ACTION"))
        if item.department:
            todo.add("categories", [item.department])
        if item.created_on:
            todo.add("dtstart", item.created_on)
        if item.status == "done" and item.closed_on:
            todo.add("completed", datetime.combine(item.closed_on, time(0, 0), tzinfo=UTC))
        cal.add_component(todo)
    return cal.to_ical().decode("utf-8")


# ---------------------------------------------------------------- Taskwarrior
def task_uuid(item: ActionItem) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, item.id))


def _task_date(day: date) -> str:
    """``YYYYMMDDT120000Z``: the year always four digits (``strftime("%Y")`` gives ``1`` for
    year 1 on Linux, which `task import` refuses)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}T{TASK_DUE_TIME:%H%M%S}Z"


def _tag(text: str) -> str:
    return re.sub(r"[^\w-]+", "_", text.strip().casefold()).strip("_")


def task_record(item: ActionItem, today: date) -> dict[str, object]:
    """One task as `task import` reads it."""
    record: dict[str, object] = {
        "uuid": task_uuid(item),
        "description": item.title,
        "status": TASK_STATUS.get(item.status, "pending"),
        "entry": _task_date(item.created_on or today),
        "due": _task_date(item.due),
        "tags": [t for t in ("checkin", _tag(item.owner)) if t],
    }
    if item.department:
        record["project"] = item.department
    if item.status != "open":
        record["end"] = _task_date(item.closed_on or today)
    record["annotations"] = [{"entry": record["entry"], "description": _description(item)}]
    return record


def as_taskwarrior(items: list[ActionItem], today: date) -> str:
    """One JSON object per line (what `task import` accepts, and `task export` writes)."""
    return "".join(json.dumps(task_record(i, today), ensure_ascii=False) + "\n" for i in items)


FORMATS: dict[str, Callable[[list[ActionItem], date], str]] = {
    "ics": as_ics, "taskwarrior": as_taskwarrior,
}
