"""What the Home screen shows, gathered from the store and the agenda folders. No UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checkin.agenda import AgendaInfo, agenda_dirs, list_agendas
from checkin.queries import Flag, escalation_flags
from checkin.store import MeetingSummary, Store

RECENT_MEETINGS = 8


@dataclass
class AgendaEntry:
    """An agenda to start: its next meeting date and the meeting to resume, if any."""

    info: AgendaInfo
    next_date: date | None = None
    in_progress: MeetingSummary | None = None
    meetings_held: int = 0


@dataclass
class HomeData:
    agendas: list[AgendaEntry] = field(default_factory=list)
    in_progress: list[MeetingSummary] = field(default_factory=list)
    recent: list[MeetingSummary] = field(default_factory=list)
    open_actions: int = 0
    overdue_actions: int = 0
    flags: list[Flag] = field(default_factory=list)


def next_date_for(store: Store, agenda_id: str, today: date) -> date:
    """The next meeting date of an agenda: what its last meeting set, else ``today``."""
    ended = [s for s in store.meetings(agenda_id) if s.status == "ended"]
    if not ended:
        return today
    last = store.load_meeting(ended[0].id)
    return last.next_meeting or today


def home_data(store: Store, data_dir: Path, today: date) -> HomeData:
    """Everything the Home screen lists, in display order."""
    entries = []
    for info in list_agendas(agenda_dirs(data_dir)):
        entry = AgendaEntry(info)
        if info.error is None:
            entry.next_date = next_date_for(store, info.id, today)
            entry.in_progress = store.in_progress(info.id)
            entry.meetings_held = len(store.meetings(info.id))
        entries.append(entry)
    actions = store.actions("open")  # a writer converts the rest only when it needs them
    meetings = store.meetings()
    return HomeData(
        agendas=entries,
        in_progress=[s for s in meetings if s.status == "in-progress"],
        recent=[s for s in meetings if s.status == "ended"][:RECENT_MEETINGS],
        open_actions=len(actions),
        overdue_actions=sum(1 for a in actions if a.is_overdue(today)),
        flags=escalation_flags(store),
    )
