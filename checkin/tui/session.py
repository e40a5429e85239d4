"""The live meeting: its state, its timers, its autosave and every write to the store.

Editors (``checkin.tui.sections``) never see the store: they read ``session.meeting`` and
change it only through the session (``edit``, ``apply``, ``add_action``...), which marks
it for the next write. The meeting screen flushes at most every ``SAVE_INTERVAL`` seconds,
and at once on a section change, a screen change and exit. Action items are saved at once
(one register write each). A failed write raises CheckinError and keeps everything in
memory, still marked unsaved, so the next flush retries it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from checkin.core.model import (
    ActionItem,
    Decision,
    DepartmentUpdate,
    Meeting,
    MetricReading,
)
from checkin.core.people import known_people
from checkin.core.review import unreviewed
from checkin.errors import CheckinError
from checkin.services.hooks import HookRunner
from checkin.services.meetings import end_meeting, new_action
from checkin.services.queries import (
    ProposedRoadblock,
    prep_proposals,
    proposed_roadblocks,
    recent_readings,
)
from checkin.services.wrapup import Completion, completion_since_last
from checkin.store import Store

SAVE_INTERVAL = 0.25  # seconds: at most four meeting writes a second while typing
T = TypeVar("T")


def complete(meeting: Meeting) -> None:
    """Give ``meeting`` a timer, a reading and an update for every part of its agenda.

    Done once when the session opens, so no editor creates records while composing.
    """
    sections = meeting.agenda.sections
    if len(meeting.elapsed_seconds) < len(sections):
        meeting.elapsed_seconds.extend([0.0] * (len(sections) - len(meeting.elapsed_seconds)))
    meeting.current_section = min(max(meeting.current_section, 0), len(sections) - 1)
    for metric in meeting.agenda.metrics:
        if meeting.reading(metric.name) is None:
            meeting.readings.append(MetricReading(metric.name))
    for dept in meeting.agenda.departments:
        if meeting.update(dept.name) is None:
            meeting.updates.append(DepartmentUpdate(dept.name))


class MeetingSession:
    def __init__(self, store: Store, meeting: Meeting, *, today: date,
                 dayfirst: bool = False, hooks: HookRunner | None = None) -> None:
        self.store = store
        self.hooks = hooks  # hooks run off this thread: they never hold up the meeting
        self.meeting = meeting
        self.today = today
        self.dayfirst = dayfirst
        self.dirty = False
        self.save_error: str | None = None  # the last failed write, until one succeeds
        self._people: list[str] | None = None
        self.unsaved_actions: dict[str, ActionItem] = {}  # failed item writes, retried
        complete(meeting)

    # ------------------------------------------------------------ writing
    def changed(self) -> None:
        """Mark the meeting as edited; the next flush writes it."""
        self.dirty = True

    def flush(self) -> None:
        """Write the meeting if it changed since the last write (CheckinError if not)."""
        if not self.dirty:
            return
        try:
            for item in list(self.unsaved_actions.values()):
                self.store.save_action(item)
                del self.unsaved_actions[item.id]
            self.store.save_meeting(self.meeting)
        except CheckinError as exc:  # stays dirty: retried at the next flush
            self.save_error = str(exc)
            raise
        self.dirty = False
        self.save_error = None

    def end(self, now: datetime) -> None:
        """End the meeting and write it; on a failed write it stays in progress, unsaved."""
        if self.meeting.status == "ended":
            raise CheckinError("this meeting has already ended")
        self.flush()
        before = self.meeting.status, self.meeting.ended_at
        try:
            end_meeting(self.store, self.meeting, now=now)
        except CheckinError as exc:
            self.meeting.status, self.meeting.ended_at = before
            self.save_error = str(exc)
            self.changed()
            raise
        self.ended()

    # ------------------------------------------------------------ editing the meeting
    def edit(self, record: object, **fields: Any) -> bool:
        """Set ``fields`` on the meeting or one of its records; True if anything changed."""
        changed = False
        for name, value in fields.items():
            if getattr(record, name) != value:
                setattr(record, name, value)
                changed = True
        if changed:
            self.changed()
        return changed

    def apply(self, rule: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a rule that changes the meeting (``rule(meeting, ...)``), then mark it.

        The rule raises CheckinError before changing anything when the input is wrong.
        """
        result = rule(self.meeting, *args, **kwargs)
        self.changed()
        return result

    def add_decision(self, text: str, owner: str = "") -> Decision:
        decision = Decision(text, owner=owner)
        self.meeting.decisions.append(decision)
        self.changed()
        return decision

    def remove_decision(self, index: int) -> Decision | None:
        if not 0 <= index < len(self.meeting.decisions):
            return None
        gone = self.meeting.decisions.pop(index)
        self.changed()
        return gone

    def set_rating(self, key: str, value: int | None) -> None:
        """The rating given by ``key`` (the room or a person); None removes it."""
        ratings = self.meeting.ratings
        if value is None:
            if ratings.pop(key, None) is not None:
                self.changed()
        elif ratings.get(key) != value:
            ratings[key] = value
            self.changed()

    def add_time(self, section: int, seconds: float) -> None:
        """Count ``seconds`` to a section's timer (written with the next edit or save)."""
        self.meeting.elapsed_seconds[section] += seconds

    def go_to_section(self, index: int) -> None:
        self.meeting.current_section = index
        self.changed()

    # ------------------------------------------------------------ reading the store
    def recent_readings(self, last: int) -> dict[str, list[float | None]]:
        """Each metric's values in the agenda's ``last`` earlier meetings, oldest first."""
        agenda = self.meeting.agenda
        return recent_readings(self.store, agenda.id, [m.name for m in agenda.metrics],
                               self.meeting.date, last)

    def completion(self) -> Completion:
        return completion_since_last(self.store, self.meeting)

    def proposed_roadblocks(self) -> list[ProposedRoadblock]:
        """Roadblocks waiting to be accepted with one key: from prep forms first, then the
        escalation flags (slipping items, metrics off track)."""
        meeting = self.meeting
        return prep_proposals(meeting) + proposed_roadblocks(
            self.store, meeting.agenda.id, agenda=meeting.agenda,
            existing=[r.title for r in meeting.roadblocks])

    # ------------------------------------------------------------ action items
    def carried_actions(self) -> list[ActionItem]:
        ids = self.meeting.carried_action_ids
        return [self.store.action(i) for i in ids]

    def unfinished_sections(self) -> frozenset[int]:
        """Sections with work left: attendance with nobody marked present, an action
        review with items not yet reviewed."""
        meeting = self.meeting
        left: set[str] = set()
        if not any(a.present for a in meeting.attendance):
            left.add("attendance")
        kinds = {s.kind for s in meeting.agenda.sections}
        if "action-review" in kinds and unreviewed(self.carried_actions(), meeting.id):
            left.add("action-review")
        return frozenset(n for n, s in enumerate(meeting.agenda.sections) if s.kind in left)

    def new_actions(self) -> list[ActionItem]:
        return self.store.created_in(self.meeting.id)  # never the whole archive

    def add_action(self, *, title: str, owner: str, due: date,
                   department: str = "") -> ActionItem:
        """Validate and store a new item (raises CheckinError with the reason)."""
        item = new_action(self.store, title=title, owner=owner, due=due, today=self.today,
                          department=department, meeting=self.meeting)
        self.changed()  # the meeting's summary counts its action items
        self._people = None
        if self.hooks:
            self.hooks.action_added(item)
        return item

    def save_action(self, item: ActionItem) -> None:
        """Write a changed item now; if that fails it is kept and retried with the meeting."""
        self.changed()
        self._people = None
        try:
            self.store.save_action(item)
        except CheckinError as exc:
            self.unsaved_actions[item.id] = item
            self.save_error = str(exc)
            raise
        if self.hooks:
            self.hooks.action_saved(item)

    def ended(self) -> None:
        """The meeting was ended (and saved): run the ``meeting-ended`` hook, if any."""
        if self.hooks:
            from checkin.services.minutes import minutes_text

            self.hooks.meeting_ended(self.meeting.id,
                                     lambda: minutes_text(self.store, self.meeting))

    def people(self) -> list[str]:
        """Names for owner completion: representatives, then everyone who owned an item.

        Kept until an item is added or changed: the quick-add bar asks on every keystroke
        and the register can hold thousands of items.
        """
        if self._people is None:
            self._people = known_people(self.store.owner_names(), self.meeting.agenda)
        return list(self._people)

    def department_of(self, person: str) -> str:
        dept = self.meeting.agenda.represented_by(person)
        return dept.name if dept else ""
