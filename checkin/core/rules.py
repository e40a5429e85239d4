"""Questions asked of the data: plain functions over store contents. No I/O of their own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checkin.core.model import ActionItem, MeetingSummary

SLIP_LIMIT = 3


OFF_TRACK_STREAK = 3


def filter_actions(
    items: list[ActionItem],
    *,
    today: date,
    owner: str | None = None,
    department: str | None = None,
    status: str = "open",
    overdue: bool = False,
    text: str | None = None,
    agenda_id: str | None = None,
) -> list[ActionItem]:
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


def sort_actions(items: list[ActionItem], key: str = "due") -> list[ActionItem]:
    """Sort by ``due`` (default), ``owner`` or ``department``; ties by due then id."""
    def number(item: ActionItem) -> int:
        return int(item.id[1:]) if item.id[1:].isdigit() else 0

    if key == "owner":
        return sorted(items, key=lambda i: (i.owner.casefold(), i.due, number(i)))
    if key == "department":
        return sorted(items, key=lambda i: (i.department.casefold(), i.due, number(i)))
    return sorted(items, key=lambda i: (i.due, number(i)))


def off_track_title(metric: str) -> str:
    """The one title of a metric's roadblock, sent by hand or proposed: stable, so the
    same metric is never listed twice."""
    return f"Off track: {metric}"


def off_track_streak(summaries: list[MeetingSummary], metric: str) -> int:
    """How many of the latest meetings (newest first) in a row had the metric off track."""
    streak = 0
    for s in summaries:
        if s.on_track.get(metric) is False:
            streak += 1
        else:
            break
    return streak


@dataclass
class Flag:
    """Something that should become a roadblock: an item that keeps slipping, a metric
    that stays off track."""

    kind: str  # "slipping" | "off-track"
    subject: str
    detail: str


def slip_flag(item: ActionItem) -> Flag:
    return Flag("slipping", item.title, f"{item.id} ({item.owner}) re-dated {item.slips} times")


def completion_rate(items: list[ActionItem], since: date | None, until: date) -> float | None:
    """Share of items due in (since, until] that were done on time; None if none were due."""
    due = [i for i in items if i.due <= until and (since is None or i.due > since)
           and i.status != "dropped"]
    if not due:
        return None
    return sum(1 for i in due if i.done_on_time()) / len(due)


def due_within(items: list[ActionItem], today: date, days: int) -> list[ActionItem]:
    """Open items due in the next ``days`` days or already overdue (what a reminder lists)."""
    from datetime import timedelta

    until = today + timedelta(days=days)
    return [i for i in items if i.status == "open" and i.due <= until]
