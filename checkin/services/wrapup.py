"""Figures for the end of a meeting: action item completion since the last meeting and
planned vs actual minutes per section. Plain Python over store contents, no UI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from checkin.core.model import Meeting
from checkin.core.rules import completion_rate, completion_window, previous_meeting
from checkin.store import Store

RATING_MIN, RATING_MAX = 1, 10


@dataclass(frozen=True)
class Completion:
    """Items of this agenda due in (since, until]: how many were done on time."""

    since: date | None
    until: date
    due: int
    done_on_time: int
    rate: float | None

    def describe(self) -> str:
        if self.rate is None:
            return "no action items were due since the last meeting"
        return f"{self.rate:.0%} done on time ({self.done_on_time} of {self.due} due)"


@dataclass(frozen=True)
class SectionTime:
    title: str
    planned_minutes: float
    actual_minutes: float

    @property
    def over(self) -> bool:
        return self.actual_minutes > self.planned_minutes


def previous_meeting_date(store: Store, meeting: Meeting) -> date | None:
    """The date of the latest earlier meeting of the same agenda, or None."""
    previous = previous_meeting(store.meetings(meeting.agenda.id), meeting.date, meeting.id)
    return previous.date if previous else None


def completion_since_last(store: Store, meeting: Meeting) -> Completion:
    """Done on time / due for this agenda's items due since the previous meeting.

    Only the stored rows of this agenda that can be due in the window are converted (an
    item done early sits in the archive of the year it was closed, which can be any year
    before, so every year is read, but as raw rows: ~10x cheaper than converting them).
    """
    since = previous_meeting_date(store, meeting)
    items = store.actions(where=_may_count(meeting.agenda.id, since, meeting.date))
    counted = completion_window(items, since, meeting.date)
    return Completion(
        since=since, until=meeting.date, due=len(counted),
        done_on_time=sum(1 for i in counted if i.done_on_time()),
        rate=completion_rate(items, since, meeting.date),
    )


def _may_count(agenda_id: str, since: date | None, until: date
               ) -> Callable[[dict[str, Any]], bool]:
    """A stored row that ``completion_window`` may count: of the agenda, due in the window.
    A due date not stored as plain ``YYYY-MM-DD`` is kept (converting it decides)."""
    low, high = since.isoformat() if since else "", until.isoformat()

    def may(doc: dict[str, Any]) -> bool:
        due = doc.get("due")
        if doc.get("agenda_id") != agenda_id:
            return False
        if not (isinstance(due, str) and len(due) == 10 and due[4] == due[7] == "-"):
            return True
        return low < due <= high

    return may


def section_times(meeting: Meeting) -> list[SectionTime]:
    """Each agenda section's timebox against the minutes actually spent on it."""
    elapsed = list(meeting.elapsed_seconds) + [0.0] * len(meeting.agenda.sections)
    return [SectionTime(s.title, float(s.timebox_minutes), round(elapsed[n] / 60, 1))
            for n, s in enumerate(meeting.agenda.sections)]


def parse_rating(text: str) -> int:
    """A whole number 1-10, or ValueError saying so."""
    raw = text.strip()
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f'"{raw}" is not a rating: type a whole number from 1 to 10') from None
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValueError(f"{value} is out of range: a rating is from 1 to 10")
    return value
