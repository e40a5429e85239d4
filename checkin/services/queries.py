"""Questions asked of the data: plain functions over store contents. No I/O of their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checkin.core.model import ActionItem, Agenda, Meeting
from checkin.core.rules import (
    OFF_TRACK_STREAK,
    SLIP_LIMIT,
    Flag,
    metric_roadblock,
    off_track_streak,
    slip_flag,
)
from checkin.store import Store

STREAK_WINDOW = 13  # ended meetings converted to find a streak; more only if all are off


def carried_actions(store: Store, agenda_id: str) -> list[ActionItem]:
    """Open items of an agenda: what the next meeting reviews first."""
    return [a for a in store.actions("open") if a.agenda_id == agenda_id]


def metric_history(store: Store, agenda_id: str, metric: str,
                   before: date | None = None) -> list[tuple[date, float | None]]:
    """(date, value) of a metric across an agenda's meetings, oldest first."""
    rows = store.meetings(agenda_id, before=None if before is None else (before, ""))
    return [(s.date, s.readings.get(metric)) for s in reversed(rows)]


def recent_readings(store: Store, agenda_id: str, metrics: list[str], before: date,
                    last: int) -> dict[str, list[float | None]]:
    """Each metric's values in the agenda's ``last`` meetings before ``before``, oldest
    first: what a scorecard's sparklines draw (one index read for all of them)."""
    rows = store.meetings(agenda_id, before=(before, ""), limit=last)[::-1]
    return {m: [s.readings.get(m) for s in rows] for m in metrics}


def due_facts(store: Store, agenda_id: str) -> list[tuple[date, str, date | None]]:
    """The agenda's items as just what the completion rules read (due, status, closed
    on), straight from the stored documents, each checked: building 10,000 items whole
    cost several times the reading of the files. Every archive year is read: an item done
    early sits in the archive of the year it was closed."""
    return store.action_values(("due", "status", "closed_on"), agenda_id)


def slipping(store: Store, agenda_id: str | None = None) -> list[ActionItem]:
    """Open items re-dated SLIP_LIMIT times or more (of one agenda, or all)."""
    return [a for a in store.actions("open") if a.slips >= SLIP_LIMIT
            and (agenda_id is None or a.agenda_id == agenda_id)]


def escalation_flags(store: Store, agenda_id: str | None = None) -> list[Flag]:
    """Items re-dated SLIP_LIMIT times; metrics off track OFF_TRACK_STREAK meetings running."""
    flags = [slip_flag(a) for a in slipping(store, agenda_id)]
    agendas = [agenda_id] if agenda_id else store.meeting_agendas()
    for aid in agendas:
        rows = store.meetings(aid, status="ended", limit=STREAK_WINDOW)  # converts a few
        metrics = rows[0].readings if rows else {}
        for metric in metrics:
            streak = off_track_streak(s.on_track.get(metric) for s in rows)
            if streak == len(rows) == STREAK_WINDOW:  # as long as the window: read them all
                rows = store.meetings(aid, status="ended")
                streak = off_track_streak(s.on_track.get(metric) for s in rows)
            if streak >= OFF_TRACK_STREAK:
                flags.append(Flag("off-track", metric, f"off track {streak} meetings in a row"))
    return flags


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
        drafted = metric_roadblock(flag.subject, agenda)
        proposals.append(ProposedRoadblock(flag, drafted.title, owner=drafted.owner,
                                           blocking=drafted.blocking))
    out = []
    for proposal in proposals:
        if proposal.title.casefold() not in taken:
            taken.add(proposal.title.casefold())
            out.append(proposal)
    return out


def prep_proposals(meeting: Meeting) -> list[ProposedRoadblock]:
    """Roadblocks departments proposed in their prep forms, not yet on the list."""
    from checkin.core.prep import waiting_roadblocks

    out = []
    for r in waiting_roadblocks(meeting):
        dept = meeting.agenda.department(r.department)
        out.append(ProposedRoadblock(
            Flag("prep", r.department, f"from {r.department}'s prep"), r.title,
            owner=dept.representative if dept else "", blocking=list(r.blocking),
            raised_by=(dept.representative if dept else "") or r.department))
    return out
