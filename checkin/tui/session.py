"""The live meeting the screens edit, and its debounced autosave.

Widgets change ``session.meeting`` in place and call ``session.changed()``; the meeting
screen flushes at most every ``SAVE_INTERVAL`` seconds, and at once on a section change,
a screen change and exit. Action items are saved at once (one register write each).
"""

from __future__ import annotations

from datetime import date

from checkin.core.model import ActionItem, Meeting
from checkin.core.people import known_people
from checkin.services.meetings import new_action
from checkin.store import Store

SAVE_INTERVAL = 0.25  # seconds: at most four meeting writes a second while typing


class MeetingSession:
    def __init__(self, store: Store, meeting: Meeting, *, today: date,
                 dayfirst: bool = False) -> None:
        self.store = store
        self.meeting = meeting
        self.today = today
        self.dayfirst = dayfirst
        self.dirty = False
        self._people: list[str] | None = None

    def changed(self) -> None:
        """Mark the meeting as edited; the next flush writes it."""
        self.dirty = True

    def flush(self) -> None:
        """Write the meeting if it changed since the last write."""
        if self.dirty:
            self.store.save_meeting(self.meeting)  # on failure stays dirty: retried later
            self.dirty = False

    # ------------------------------------------------------------ action items
    def carried_actions(self) -> list[ActionItem]:
        ids = self.meeting.carried_action_ids
        return [self.store.action(i) for i in ids]

    def new_actions(self) -> list[ActionItem]:
        return self.store.created_in(self.meeting.id)  # never the whole archive

    def add_action(self, *, title: str, owner: str, due: date,
                   department: str = "") -> ActionItem:
        """Validate and store a new item (raises CheckinError with the reason)."""
        item = new_action(self.store, title=title, owner=owner, due=due, today=self.today,
                          department=department, meeting=self.meeting)
        self.changed()  # the meeting's summary counts its action items
        self._people = None
        return item

    def save_action(self, item: ActionItem) -> None:
        self.store.save_action(item)
        self.changed()
        self._people = None

    def people(self) -> list[str]:
        """Names for owner completion: representatives, then everyone who owned an item.

        Kept until an item is added or changed: the quick-add bar asks on every keystroke
        and the register can hold thousands of items.
        """
        if self._people is None:
            self._people = known_people(self.store.owner_names(), self.meeting.agenda)
        return list(self._people)

    def department_of(self, person: str) -> str:
        for d in self.meeting.agenda.departments:
            if d.representative.casefold() == person.casefold():
                return d.name
        return ""
