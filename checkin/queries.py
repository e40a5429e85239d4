"""Questions asked of the data: plain functions over store contents. No I/O of their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checkin.model import ActionItem, Agenda
from checkin.store import MeetingSummary, Store

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


def carried_actions(store: Store, agenda_id: str) -> list[ActionItem]:
    """Open items of an agenda: what the next meeting reviews first."""
    return [a for a in store.actions("open") if a.agenda_id == agenda_id]


def metric_history(store: Store, agenda_id: str, metric: str,
                   before: date | None = None) -> list[tuple[date, float | None]]:
    """(date, value) of a metric across an agenda's meetings, oldest first."""
    rows = [s for s in store.meetings(agenda_id) if before is None or s.date < before]
    return [(s.date, s.readings.get(metric)) for s in reversed(rows)]


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


def slipping(store: Store, agenda_id: str | None = None) -> list[ActionItem]:
    """Open items re-dated SLIP_LIMIT times or more (of one agenda, or all)."""
    return [a for a in store.actions("open") if a.slips >= SLIP_LIMIT
            and (agenda_id is None or a.agenda_id == agenda_id)]


def slip_flag(item: ActionItem) -> Flag:
    return Flag("slipping", item.title, f"{item.id} ({item.owner}) re-dated {item.slips} times")


def escalation_flags(store: Store, agenda_id: str | None = None) -> list[Flag]:
    """Items re-dated SLIP_LIMIT times; metrics off track OFF_TRACK_STREAK meetings running."""
    flags = [slip_flag(a) for a in slipping(store, agenda_id)]
    agendas = [agenda_id] if agenda_id else sorted({s.agenda_id for s in store.meetings()})
    for aid in agendas:
        rows = [s for s in store.meetings(aid) if s.status == "ended"]
        metrics = rows[0].readings if rows else {}
        for metric in metrics:
            streak = off_track_streak(rows, metric)
            if streak >= OFF_TRACK_STREAK:
                flags.append(Flag("off-track", metric, f"off track {streak} meetings in a row"))
    return flags


def completion_rate(items: list[ActionItem], since: date | None, until: date) -> float | None:
    """Share of items due in (since, until] that were done on time; None if none were due."""
    due = [i for i in items if i.due <= until and (since is None or i.due > since)
           and i.status != "dropped"]
    if not due:
        return None
    return sum(1 for i in due if i.done_on_time()) / len(due)


@dataclass
class ProposedRoadblock:
    """A roadblock the next meeting is offered at its start (one key to accept): pass
    ``title``, ``owner``, ``blocking`` and ``raised_by`` to ``meetings.add_roadblock``."""

    flag: Flag
    title: str
    owner: str = ""
    blocking: list[str] = field(default_factory=list)
    raised_by: str = "checkin"


def proposed_roadblocks(store: Store, agenda_id: str, *, agenda: Agenda | None = None,
                        existing: list[str] | None = None) -> list[ProposedRoadblock]:
    """The agenda's escalation flags as roadblock drafts, minus titles in ``existing``
    (titles are stable: "Keeps slipping: <item> (<id>)", "Off track: <metric>"; the
    counts are in ``flag.detail``), so an accepted or carried one is not offered again.

    ``agenda`` (the template or a meeting's snapshot) names a metric's department and its
    representative as owner; without it those stay blank.
    """
    taken = {t.casefold() for t in existing or []}
    proposals = [
        ProposedRoadblock(slip_flag(a), f"Keeps slipping: {a.title} ({a.id})", owner=a.owner,
                          blocking=[a.department] if a.department else [])
        for a in slipping(store, agenda_id)
    ]
    for flag in escalation_flags(store, agenda_id):
        if flag.kind != "off-track":
            continue
        metric = agenda.metric(flag.subject) if agenda else None
        dept = agenda.department(metric.department) if agenda and metric else None
        proposals.append(ProposedRoadblock(
            flag, off_track_title(flag.subject),
            owner=dept.representative if dept else "",
            blocking=[metric.department] if metric else []))
    out = []
    for proposal in proposals:
        if proposal.title.casefold() not in taken:
            taken.add(proposal.title.casefold())
            out.append(proposal)
    return out
