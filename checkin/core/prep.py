"""Prep forms taken into a meeting: what a department sent, and what is still "from prep".

A department's representative fills in a form before the meeting (``checkin prep``); the
values land in the meeting as if typed there, and ``Meeting.prep`` remembers what each
field received. A field is *from prep* while it still holds exactly that text: the room
changing it is all it takes to make it the room's own. Proposed roadblocks and action
status changes wait in ``Meeting.prep_roadblocks``/``prep_statuses`` to be accepted.
No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checkin.core.model import (
    ActionItem,
    DepartmentUpdate,
    Meeting,
    MetricReading,
    PrepRoadblock,
    PrepSource,
    PrepStatus,
)

UPDATE_FIELDS = ("wins", "progress", "needs")
FROM_PREP = "from prep"


@dataclass
class MetricEntry:
    name: str
    value: float | None = None
    comment: str = ""


@dataclass
class PrepForm:
    """One department's filled-in form, validated."""

    department: str
    wins: str = ""
    progress: str = ""
    needs: str = ""
    metrics: list[MetricEntry] = field(default_factory=list)
    statuses: list[PrepStatus] = field(default_factory=list)
    roadblocks: list[PrepRoadblock] = field(default_factory=list)

    def is_empty(self) -> bool:
        """Nothing filled in: the form as `checkin prep` wrote it (not "prepared")."""
        return not (self.wins or self.progress or self.needs or self.statuses
                    or self.roadblocks
                    or any(m.value is not None or m.comment for m in self.metrics))


@dataclass(frozen=True)
class Kept:
    """A field the room changed that a form wanted to fill: the room's text stays."""

    key: str
    room: str  # what the field holds ("" when the room cleared it)
    form: str  # what the form sent, not taken


def value_text(value: float | None) -> str:
    """A reading as the text ``Meeting.prep`` compares ("" when none)."""
    return "" if value is None else repr(float(value))


def current(meeting: Meeting, key: str) -> str:
    """The text a prep-able field holds now; ``key`` is ``kind:name``."""
    kind, _, name = key.partition(":")
    if kind in ("value", "comment"):
        reading = meeting.reading(name)
        if reading is None:
            return ""
        return value_text(reading.value) if kind == "value" else reading.comment
    update = meeting.update(name)
    return getattr(update, kind, "") if update is not None and kind in UPDATE_FIELDS else ""


def from_prep(meeting: Meeting, key: str) -> bool:
    """True while the field still holds what a prep form put there (and that was not "")."""
    sent = meeting.prep.get(key)
    return bool(sent) and current(meeting, key) == sent


def prep_summary(meeting: Meeting, kind: str) -> str:
    """`` · ✎ 3 from prep`` for the fields of one kind ("value", "wins"...) still from prep;
    "" when none, so a meeting without prep reads as before."""
    n = sum(1 for key in meeting.prep if key.startswith(f"{kind}:") and from_prep(meeting, key))
    return f" · ✎ {n} {FROM_PREP}" if n else ""


def update_prep_note(meeting: Meeting, department: str) -> str:
    """Which of a department's update fields still hold its prep form's text."""
    kinds = [k for k in UPDATE_FIELDS if from_prep(meeting, f"{k}:{department}")]
    return f"{FROM_PREP}: {', '.join(kinds)}" if kinds else ""


def _set(meeting: Meeting, key: str, text: str) -> None:
    kind, _, name = key.partition(":")
    if kind in ("value", "comment"):
        reading = meeting.reading(name)
        if reading is None:
            reading = MetricReading(name)
            meeting.readings.append(reading)
        if kind == "value":
            reading.value = float(text) if text else None
        else:
            reading.comment = text
    else:
        update = meeting.update(name)
        if update is None:
            update = DepartmentUpdate(name)
            meeting.updates.append(update)
        setattr(update, kind, text)


def department_keys(meeting: Meeting, department: str) -> list[str]:
    """Every prep-able field of one department: its updates and its metrics."""
    keys = [f"{kind}:{department}" for kind in UPDATE_FIELDS]
    for metric in meeting.agenda.metrics:
        if metric.department == department:
            keys += [f"value:{metric.name}", f"comment:{metric.name}"]
    return keys


def take_form(meeting: Meeting, form: PrepForm, source: PrepSource) -> list[Kept]:
    """Put a department's form into the meeting, replacing that department's earlier one.

    Fields the room changed (or cleared) are left alone and returned; fields still holding
    the earlier form's text (or never filled) take the new text.
    """
    dept = form.department
    wanted = {f"{kind}:{dept}": getattr(form, kind) for kind in UPDATE_FIELDS}
    for entry in form.metrics:
        wanted[f"value:{entry.name}"] = value_text(entry.value)
        wanted[f"comment:{entry.name}"] = entry.comment
    kept = take_values(meeting, wanted, clear=department_keys(meeting, dept))
    for attendee in meeting.attendance:
        if attendee.department == dept:
            attendee.prepared = True
    meeting.prep_roadblocks = [r for r in meeting.prep_roadblocks if r.department != dept]
    meeting.prep_roadblocks += form.roadblocks
    meeting.prep_statuses = [s for s in meeting.prep_statuses if s.department != dept]
    meeting.prep_statuses += form.statuses
    meeting.prep_sources[dept] = source
    return kept


def room_changed(meeting: Meeting, key: str) -> bool:
    """True once the room typed into or cleared a field: it no longer holds what prep
    last put there (nothing, for a field prep never filled)."""
    return current(meeting, key) != meeting.prep.get(key, "")


def take_values(meeting: Meeting, wanted: dict[str, str],
                clear: list[str] | None = None) -> list[Kept]:
    """Set fields from prep: ``wanted`` (key -> text), and ``clear`` the earlier prep of
    keys not in it. The room wins: a field it changed or cleared is left alone, and
    returned when the form wanted something else there."""
    kept: list[Kept] = []
    for key in dict.fromkeys([*(clear or []), *wanted]):
        text = wanted.get(key, "")
        if room_changed(meeting, key):
            if text and text != current(meeting, key):
                kept.append(Kept(key, current(meeting, key), text))
            continue
        _set(meeting, key, text)
        if text:
            meeting.prep[key] = text
        else:
            meeting.prep.pop(key, None)
    return kept


def waiting_roadblocks(meeting: Meeting) -> list[PrepRoadblock]:
    """Proposed roadblocks not yet on the meeting's list (by title)."""
    taken = {r.title.casefold() for r in meeting.roadblocks}
    return [r for r in meeting.prep_roadblocks if r.title.casefold() not in taken]


def waiting_status(meeting: Meeting, action_id: str) -> PrepStatus | None:
    """The status change proposed for an item, if any is still waiting."""
    return next((s for s in meeting.prep_statuses if s.action_id == action_id), None)


def accept_status(meeting: Meeting, item: ActionItem, today: date) -> str | None:
    """Apply the status change waiting for ``item`` (done, dropped or a new due date) with
    the model's own methods, so history and slips record it; what was done, or None."""
    waiting = waiting_status(meeting, item.id)
    if waiting is None or item.status != "open":
        return None
    meeting.prep_statuses.remove(waiting)
    if waiting.status == "done":
        item.mark_done(today, meeting.id)
    elif waiting.status == "dropped":
        item.drop(today, meeting.id)
    else:
        item.redate(date.fromisoformat(waiting.status), today, meeting.id)
    return waiting.status
