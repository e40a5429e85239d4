"""What the Home screen shows, gathered from the store and the agenda folders. No UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checkin.core.model import ActionItem, Meeting, MeetingSummary
from checkin.core.rules import Flag
from checkin.errors import CheckinError
from checkin.services.agendas import AgendaInfo, agenda_dirs, list_agendas
from checkin.services.queries import escalation_flags
from checkin.store import Store

RECENT_MEETINGS = 8


@dataclass
class Waiting:
    """What the agenda's next meeting already has to deal with."""

    open_items: int = 0
    overdue_items: int = 0
    open_roadblocks: int = 0
    off_track: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{self.open_items} open item(s)"
                 + (f", {self.overdue_items} overdue" if self.overdue_items else "")]
        if self.open_roadblocks:
            parts.append(f"{self.open_roadblocks} roadblock(s) still open")
        if self.off_track:
            parts.append(f"off track: {', '.join(self.off_track)}")
        return "waiting: " + " · ".join(parts)


@dataclass
class AgendaEntry:
    """An agenda to start: its next meeting date and the meeting to resume, if any."""

    info: AgendaInfo
    next_date: date | None = None
    in_progress: MeetingSummary | None = None
    planned: MeetingSummary | None = None  # prep forms taken in, not started yet
    meetings_held: int = 0
    waiting: Waiting | None = None
    problem: str | None = None  # its last meeting cannot be read: which file, what to do


@dataclass
class HomeData:
    agendas: list[AgendaEntry] = field(default_factory=list)
    in_progress: list[MeetingSummary] = field(default_factory=list)
    recent: list[MeetingSummary] = field(default_factory=list)
    open_actions: int = 0
    overdue_actions: int = 0
    flags: list[Flag] = field(default_factory=list)


def next_date_for(last: Meeting | None, today: date) -> date:
    """The next meeting date of an agenda: what its last meeting set, else ``today``."""
    return (last.next_meeting if last else None) or today


def last_ended(store: Store, rows: list[MeetingSummary]) -> Meeting | None:
    """The latest ended meeting among an agenda's ``rows`` (newest first), loaded."""
    ended = next((s for s in rows if s.status == "ended"), None)
    return store.load_meeting(ended.id) if ended else None


def waiting_for(last: Meeting | None, agenda_id: str, today: date,
                open_items: list[ActionItem]) -> Waiting | None:
    """Open and overdue items, unresolved roadblocks and off-track metrics of the last
    meeting: what the next one starts with. None for an agenda never held."""
    if last is None:
        return None
    mine = [a for a in open_items if a.agenda_id == agenda_id]
    off = [r.metric for r in last.readings
           if (m := last.agenda.metric(r.metric)) and m.on_track(r.value) is False]
    return Waiting(open_items=len(mine), overdue_items=sum(a.is_overdue(today) for a in mine),
                   open_roadblocks=sum(r.status != "resolved" for r in last.roadblocks),
                   off_track=off)


def home_data(store: Store, data_dir: Path, today: date) -> HomeData:
    """Everything the Home screen lists, in display order."""
    actions = store.actions("open")  # a writer converts the rest only when it needs them
    entries = []
    for info in list_agendas(agenda_dirs(data_dir)):
        entry = AgendaEntry(info)
        if info.error is None:
            rows = store.meetings(info.id, status="ended", limit=1)  # converts one row
            try:
                last = last_ended(store, rows)  # one meeting file per agenda
            except CheckinError as exc:  # said on Home; every other agenda still works
                last, entry.problem = None, str(exc)
            entry.next_date = next_date_for(last, today)
            entry.in_progress = store.in_progress(info.id)
            if entry.in_progress is not None and entry.in_progress.id in store.damaged:
                entry.problem = store.damaged[entry.in_progress.id]
            planned = store.meetings(info.id, status="planned", limit=1)
            entry.planned = planned[0] if planned else None
            entry.meetings_held = (store.meeting_count(info.id) - len(planned)
                                   - (entry.in_progress is not None))  # not held yet
            entry.waiting = waiting_for(last, info.id, today, actions)
        entries.append(entry)
    return HomeData(
        agendas=entries,
        in_progress=store.meetings(status="in-progress"),
        recent=store.meetings(status="ended", limit=RECENT_MEETINGS),
        open_actions=len(actions),
        overdue_actions=sum(1 for a in actions if a.is_overdue(today)),
        flags=escalation_flags(store),
    )


def due_choice(data: HomeData) -> str | None:
    """Home's row to start on: the meeting in progress, else the held (or planned) agenda
    whose next meeting comes first (the one that is due), else the first usable agenda. Row ids are
    ``resume:<meeting id>`` and ``agenda:<agenda id>``."""
    if data.in_progress:
        return f"resume:{data.in_progress[0].id}"
    usable = [e for e in data.agendas if e.info.error is None]
    pool = [e for e in usable if e.meetings_held or e.planned] or usable
    if not pool:
        return None
    due = min(pool, key=lambda e: e.planned.date if e.planned else e.next_date or date.max)
    return f"agenda:{due.info.id}"


def row_agenda(data: HomeData, row_id: str) -> str:
    """The agenda id a Home row stands for (a resume row: its meeting's agenda)."""
    kind, _, ident = row_id.partition(":")
    if kind == "resume":
        return next((s.agenda_id for s in data.in_progress if s.id == ident), "")
    return ident
