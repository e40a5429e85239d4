"""Meeting lifecycle: start (with carry-over), record action items, end. No UI."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from checkin.core.dates import next_meeting_date
from checkin.core.model import (
    ActionItem,
    Agenda,
    Attendee,
    Change,
    DepartmentUpdate,
    Meeting,
    MeetingSummary,
    MetricReading,
    Roadblock,
)
from checkin.core.review import changes_in, undo_last
from checkin.core.rules import previous_meeting
from checkin.errors import CheckinError
from checkin.services.queries import carried_actions
from checkin.store import Store

PLANNED = "planned"  # created by `checkin collect` before the meeting starts


def start_or_resume(store: Store, agenda: Agenda, *, now: datetime,
                    facilitator: str = "") -> Meeting:
    """The agenda's in-progress meeting, its planned one (prep taken in) started now, or a
    new one that carries over what is open."""
    current = store.in_progress(agenda.id)
    if current is not None:
        return store.load_meeting(current.id)
    planned = planned_meeting(store, agenda.id)
    if planned is not None:
        meeting = store.load_meeting(planned.id)
        meeting.status, meeting.started_at = "in-progress", now.isoformat(timespec="seconds")
        meeting.facilitator = facilitator or meeting.facilitator
        meeting.carried_action_ids = [a.id for a in carried_actions(store, agenda.id)]
        store.save_meeting(meeting)
        return meeting
    return start_meeting(store, agenda, now=now, facilitator=facilitator)


def last_facilitator(store: Store, agenda_id: str) -> str:
    """Who ran the agenda's last meeting (else the last of any agenda): the default answer
    when a new meeting asks for its facilitator."""
    for rows in (store.meetings(agenda_id, limit=20), store.meetings(limit=20)):
        name = next((s.facilitator for s in rows if s.facilitator), "")
        if name:
            return name
    return ""


def planned_meeting(store: Store, agenda_id: str) -> MeetingSummary | None:
    rows = store.meetings(agenda_id, status=PLANNED, limit=1)
    return rows[0] if rows else None


def next_meeting_of(store: Store, agenda: Agenda, today: date) -> date:
    """The date the agenda meets next: the open or planned meeting's, else what the last
    one set (if still ahead), else one cadence from today."""
    current = store.in_progress(agenda.id) or planned_meeting(store, agenda.id)
    if current is not None:
        return current.date
    rows = store.meetings(agenda.id, limit=1)
    if rows:
        last = store.load_meeting(rows[0].id)
        if last.next_meeting and last.next_meeting >= today:
            return last.next_meeting
    return next_meeting_date(agenda.cadence, today)


def plan_meeting(store: Store, agenda: Agenda, *, now: datetime, on: date) -> Meeting:
    """The meeting prep goes into: the open or planned one, else a new planned one on
    ``on`` (started for real by ``start_or_resume``)."""
    current = store.in_progress(agenda.id) or planned_meeting(store, agenda.id)
    if current is not None:
        return store.load_meeting(current.id)
    meeting = start_meeting(store, agenda, now=now, on=on)
    meeting.status, meeting.started_at = PLANNED, None
    store.save_meeting(meeting)
    return meeting


def previous_of_new(store: Store, agenda: Agenda, on: date) -> Meeting | None:
    """The meeting a new one held ``on`` carries over from, read whole: a damaged file is
    a one-line StoreError (so the app can refuse before it starts)."""
    day_after = on + timedelta(days=1)  # meetings held on or before ``on``
    previous = previous_meeting(store.meetings(agenda.id, before=(day_after, ""), limit=1), on)
    return None if previous is None else store.load_meeting(previous.id)


def start_meeting(store: Store, agenda: Agenda, *, now: datetime,
                  facilitator: str = "", on: date | None = None) -> Meeting:
    """A new meeting: agenda snapshot, open roadblocks and action items carried over."""
    on = on or now.date()
    previous = previous_of_new(store, agenda, on)
    carried_roadblocks = []
    if previous is not None:
        for rb in previous.roadblocks:
            if rb.status != "resolved":
                kept = copy.deepcopy(rb)
                kept.carried_from = rb.carried_from or previous.id
                carried_roadblocks.append(kept)
    meeting = Meeting(
        id=store.new_meeting_id(on, agenda.id),
        agenda=copy.deepcopy(agenda),
        date=on,
        facilitator=facilitator,
        started_at=now.isoformat(timespec="seconds"),
        elapsed_seconds=[0.0] * len(agenda.sections),
        attendance=[Attendee(d.name, d.representative) for d in agenda.departments],
        readings=[MetricReading(m.name) for m in agenda.metrics],
        updates=[DepartmentUpdate(d.name) for d in agenda.departments],
        roadblocks=carried_roadblocks,
        next_meeting=next_meeting_date(agenda.cadence, on),
        carried_action_ids=[a.id for a in carried_actions(store, agenda.id)],
    )
    store.save_meeting(meeting)
    return meeting


def end_meeting(store: Store, meeting: Meeting, *, now: datetime) -> None:
    meeting.status = "ended"
    meeting.ended_at = now.isoformat(timespec="seconds")
    store.save_meeting(meeting)


def new_roadblock_id(meeting: Meeting) -> str:
    numbers = [int(r.id[1:]) for r in meeting.roadblocks if r.id[1:].isdigit()]
    return f"R{max(numbers, default=0) + 1}"


def add_roadblock(meeting: Meeting, title: str, *, raised_by: str = "",
                  blocking: list[str] | None = None, owner: str = "") -> Roadblock:
    if not title.strip():
        raise CheckinError("a roadblock needs a title")
    rb = Roadblock(id=new_roadblock_id(meeting), title=title.strip(), raised_by=raised_by,
                   blocking=list(blocking or []), owner=owner,
                   rank=len([r for r in meeting.roadblocks if r.status == "open"]) + 1)
    meeting.roadblocks.append(rb)
    return rb


def new_action(store: Store, *, title: str, owner: str, due: date, today: date,
               department: str = "", meeting: Meeting | None = None,
               agenda_id: str = "") -> ActionItem:
    """Validate and store a new action item."""
    if not title.strip():
        raise CheckinError("an action item needs a title")
    if not owner.strip():
        raise CheckinError("an action item needs an owner")
    meeting_id = meeting.id if meeting else None
    item = ActionItem(
        id="", title=title.strip(), owner=owner.strip(), due=due, department=department,
        agenda_id=meeting.agenda.id if meeting else agenda_id,
        created_in=meeting_id, created_on=today,
        history=[Change(on=today, kind="created", new=due.isoformat(), meeting=meeting_id)],
    )
    return store.add_action(item)


@dataclass(frozen=True)
class Discarded:
    """What discarding a meeting undid."""

    meeting_id: str
    removed_items: list[str]  # ids of the action items created in it
    reverted_items: list[str]  # ids of carried-over items whose changes were undone


def discard_check(store: Store, meeting_id: str) -> MeetingSummary:
    """The meeting if it can be discarded: none of its agenda's meetings came after it
    (a later one carried its items and roadblocks on). Raises CheckinError if not."""
    summary = store.find_meeting(meeting_id)
    newest = store.meetings(summary.agenda_id, limit=1)
    if newest and newest[0].id != summary.id:
        raise CheckinError(f"{summary.id}: {newest[0].id} came after it and carried its "
                           "items on; only an agenda's latest meeting can be discarded")
    return summary


def discard_meeting(store: Store, meeting_id: str) -> Discarded:
    """Undo everything a meeting did: items created in it removed, this meeting's changes
    to carried-over items reverted, then the meeting itself deleted."""
    summary = discard_check(store, meeting_id)
    created = [a.id for a in store.created_in(summary.id)]
    reverted = []
    for action_id in store.load_meeting(summary.id).carried_action_ids:
        item = store.action(action_id)
        if item.created_in == summary.id or not changes_in(item, summary.id):
            continue
        while undo_last(item, summary.id) is not None:
            pass
        item.history = [c for c in item.history if c.meeting != summary.id
                        or c.kind == "created"]
        store.save_action(item)
        reverted.append(item.id)
    store.remove_actions(created)
    store.remove_meeting(summary.id)
    return Discarded(summary.id, created, reverted)
