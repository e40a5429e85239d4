"""The domain: plain dataclasses for agendas, meetings and action items.

No I/O and no UI here. ``to_data``/``from_data`` turn any of these into JSON-ready
dicts and back (dates as ISO strings), which is what the store writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checkin.core.stored import days_overdue, is_overdue

ROOM_RATING = "room"  # the ratings key of one rating the whole room agrees on
SECTION_KINDS: tuple[str, ...] = (
    "attendance",
    "action-review",
    "metrics",
    "roadblocks",
    "updates",
    "actions",
    "notes",
    "wrap-up",
)


# Short enough (13 characters) to stand whole on one line of the sidebar at 80 columns.
DEFAULT_SECTION_TITLES: dict[str, str] = {
    "attendance": "Attendance",
    "action-review": "Action review",
    "metrics": "Scorecard",
    "roadblocks": "Roadblocks",
    "updates": "Updates",
    "actions": "New items",
    "notes": "Decisions",
    "wrap-up": "Wrap-up",
}


CADENCES: tuple[str, ...] = ("weekly", "biweekly", "monthly")  # checkin.dates knows each


BETTER: tuple[str, ...] = ("higher", "lower")


# ---------------------------------------------------------------- agenda (template)
@dataclass
class Department:
    """A department at the table; ``representative`` speaks for it."""

    name: str
    representative: str = ""
    email: str = ""  # where the minutes go (optional): `checkin export --format eml`


@dataclass
class MetricDef:
    """A KPI on the scorecard; ``better`` says which side of ``target`` is on track."""

    name: str
    department: str
    target: float
    better: str = "higher"
    unit: str = ""

    def on_track(self, value: float | None) -> bool | None:
        """True/False for a value, None when nothing was read."""
        if value is None:
            return None
        return value >= self.target if self.better == "higher" else value <= self.target


@dataclass
class Section:
    """One part of the agenda: what kind of editor, its title and timebox."""

    kind: str
    title: str
    timebox_minutes: int = 5
    prompt: str = ""


@dataclass
class Agenda:
    """An agenda template; a meeting keeps its own copy (snapshot) of it."""

    id: str
    title: str
    cadence: str = "weekly"
    duration_minutes: int = 60
    shared_goal: str = ""
    departments: list[Department] = field(default_factory=list)
    metrics: list[MetricDef] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def metric(self, name: str) -> MetricDef | None:
        return next((m for m in self.metrics if m.name == name), None)

    def department(self, name: str) -> Department | None:
        return next((d for d in self.departments if d.name == name), None)

    def representatives(self) -> dict[str, str]:
        """Representative -> the department they speak for (the departments that name one)."""
        return {d.representative: d.name for d in self.departments if d.representative}

    def represented_by(self, person: str) -> Department | None:
        """The department ``person`` represents (case and outer spaces ignored), if any."""
        key = person.strip().casefold()
        return next((d for d in self.departments
                     if d.representative and d.representative.strip().casefold() == key), None)


# ---------------------------------------------------------------- a meeting
@dataclass
class Attendee:
    """Who came (or not) for a department."""

    department: str
    person: str
    present: bool = False
    note: str = ""
    prepared: bool = False  # sent a prep form (``checkin collect``)


@dataclass
class MetricReading:
    """A metric's value in one meeting (None: not read)."""

    metric: str
    value: float | None = None
    comment: str = ""


@dataclass
class Roadblock:
    """Something blocking work, ranked, owned and resolved in the meeting."""

    id: str
    title: str
    raised_by: str = ""
    blocking: list[str] = field(default_factory=list)
    owner: str = ""
    status: str = "open"
    resolution: str = ""
    rank: int = 0
    carried_from: str | None = None


@dataclass
class DepartmentUpdate:
    """A department's wins, progress and needs in one meeting."""

    department: str
    wins: str = ""
    progress: str = ""
    needs: str = ""


@dataclass
class Decision:
    """A decision the meeting took, and who owns it."""

    text: str
    owner: str = ""


@dataclass
class PrepSource:
    """The prep form a department's values came from (``checkin collect``)."""

    file: str
    digest: str  # sha256 of its bytes: the same file twice changes nothing
    modified: str  # ISO time of the file; a newer file replaces an older one


@dataclass
class PrepRoadblock:
    """A roadblock a department proposed in its prep form, waiting to be accepted."""

    department: str
    title: str
    blocking: list[str] = field(default_factory=list)


@dataclass
class PrepStatus:
    """An action item status change proposed in a prep form, waiting to be accepted:
    ``status`` is done, dropped or the new due date (ISO)."""

    department: str
    action_id: str
    status: str


@dataclass
class Meeting:
    """One meeting of an agenda: its own copy of the agenda and all it recorded."""

    id: str
    agenda: Agenda
    date: date
    facilitator: str = ""
    status: str = "in-progress"
    current_section: int = 0
    elapsed_seconds: list[float] = field(default_factory=list)
    started_at: str | None = None
    ended_at: str | None = None
    attendance: list[Attendee] = field(default_factory=list)
    readings: list[MetricReading] = field(default_factory=list)
    roadblocks: list[Roadblock] = field(default_factory=list)
    updates: list[DepartmentUpdate] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    notes: str = ""
    summary: str = ""
    ratings: dict[str, int] = field(default_factory=dict)
    next_meeting: date | None = None
    carried_action_ids: list[str] = field(default_factory=list)
    # What prep forms delivered ("value:<metric>", "wins:<department>"... -> text): a field
    # is "from prep" while it still holds that text (see core.prep).
    prep: dict[str, str] = field(default_factory=dict)
    prep_sources: dict[str, PrepSource] = field(default_factory=dict)
    prep_roadblocks: list[PrepRoadblock] = field(default_factory=list)
    prep_statuses: list[PrepStatus] = field(default_factory=list)

    @property
    def rating(self) -> float | None:
        """The meeting's rating: the mean of the people's ratings, else the room's (one
        rating agreed by everyone, never counted as one more person), else None."""
        people = [v for k, v in self.ratings.items() if k != ROOM_RATING]
        if people:
            return round(sum(people) / len(people), 1)
        return self.ratings.get(ROOM_RATING)

    def rating_basis(self) -> str:
        """Who gave the rating, for a reader: "the room's", "3 people", "1 person"."""
        people = sum(1 for k in self.ratings if k != ROOM_RATING)
        if people:
            return f"{people} {'person' if people == 1 else 'people'}"
        return "the room's" if ROOM_RATING in self.ratings else ""

    def reading(self, metric: str) -> MetricReading | None:
        return next((r for r in self.readings if r.metric == metric), None)

    def update(self, department: str) -> DepartmentUpdate | None:
        return next((u for u in self.updates if u.department == department), None)

    def roadblock(self, roadblock_id: str) -> Roadblock | None:
        return next((r for r in self.roadblocks if r.id == roadblock_id), None)


# ---------------------------------------------------------------- action items
def is_done_on_time(due: date, status: str, closed_on: date | None) -> bool:
    """Done, and closed on or before the day it was due (``ActionItem.done_on_time``;
    aggregates over 10,000 stored rows call it without building the items)."""
    return status == "done" and closed_on is not None and closed_on <= due


@dataclass
class Change:
    """One entry in an action item's history."""

    on: date
    kind: str  # created | redate | reassign | done | drop | reopen | edit
    old: str = ""
    new: str = ""
    meeting: str | None = None
    note: str = ""  # why, when given (``checkin drop --reason``)


@dataclass
class ActionItem:
    """A task with an owner and a due date, carried from meeting to meeting."""

    id: str
    title: str
    owner: str
    due: date
    department: str = ""
    status: str = "open"
    agenda_id: str = ""
    created_in: str | None = None
    created_on: date | None = None
    closed_in: str | None = None
    closed_on: date | None = None
    history: list[Change] = field(default_factory=list)

    @property
    def slips(self) -> int:
        """How many times the due date was moved."""
        return sum(1 for c in self.history if c.kind == "redate")

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due, today)

    def days_overdue(self, today: date) -> int:
        return days_overdue(self.status, self.due, today)

    def done_on_time(self) -> bool:
        return is_done_on_time(self.due, self.status, self.closed_on)

    def _log(self, on: date, kind: str, old: str, new: str, meeting: str | None) -> None:
        self.history.append(Change(on=on, kind=kind, old=old, new=new, meeting=meeting))

    def mark_done(self, on: date, meeting: str | None = None) -> None:
        self._log(on, "done", self.status, "done", meeting)
        self.status, self.closed_on, self.closed_in = "done", on, meeting

    def drop(self, on: date, meeting: str | None = None, reason: str = "") -> None:
        self._log(on, "drop", self.status, "dropped", meeting)
        self.history[-1].note = reason
        self.status, self.closed_on, self.closed_in = "dropped", on, meeting

    def reopen(self, on: date, meeting: str | None = None) -> None:
        self._log(on, "reopen", self.status, "open", meeting)
        self.status, self.closed_on, self.closed_in = "open", None, None

    def redate(self, new_due: date, on: date, meeting: str | None = None) -> None:
        if new_due != self.due:
            self._log(on, "redate", self.due.isoformat(), new_due.isoformat(), meeting)
            self.due = new_due

    def correct(self, *, title: str, owner: str, department: str, due: date, on: date,
                meeting: str | None = None) -> None:
        """Fix what was just typed (same meeting that created it): one "edit" entry,
        not a slip or a reassignment."""
        new = (title, owner, department, due)
        old = (self.title, self.owner, self.department, self.due)
        if new != old:
            self._log(on, "edit", " · ".join(map(str, old)), " · ".join(map(str, new)), meeting)
            self.title, self.owner, self.department, self.due = new

    def reassign(self, owner: str, on: date, meeting: str | None = None) -> None:
        if owner != self.owner:
            self._log(on, "reassign", self.owner, owner, meeting)
            self.owner = owner


@dataclass
class MeetingSummary:
    """One row of the meeting index: enough for lists and trends without opening files."""

    id: str
    agenda_id: str
    agenda_title: str
    date: date
    facilitator: str = ""
    status: str = "in-progress"
    rating: float | None = None
    roadblocks: int = 0
    actions: int = 0
    readings: dict[str, float | None] = field(default_factory=dict)
    on_track: dict[str, bool | None] = field(default_factory=dict)


def summarize(meeting: Meeting, actions_created: int) -> MeetingSummary:
    agenda = meeting.agenda
    readings = {r.metric: r.value for r in meeting.readings}
    on_track = {}
    for name, value in readings.items():
        metric = agenda.metric(name)
        on_track[name] = metric.on_track(value) if metric else None
    return MeetingSummary(
        id=meeting.id, agenda_id=agenda.id, agenda_title=agenda.title, date=meeting.date,
        facilitator=meeting.facilitator, status=meeting.status, rating=meeting.rating,
        roadblocks=len(meeting.roadblocks), actions=actions_created,
        readings=readings, on_track=on_track,
    )
