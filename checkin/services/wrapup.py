"""Figures for the end of a meeting: action item completion since the last meeting and
planned vs actual minutes per section. Plain Python over store contents, no UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checkin.core.model import Meeting
from checkin.core.rules import completion_counts_of, on_time_share, previous_meeting
from checkin.services.queries import due_facts
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
    """Done on time / due for this agenda's items due since the previous meeting, read
    as trends reads them (``due_facts``: no item is built)."""
    since = previous_meeting_date(store, meeting)
    due, on_time = completion_counts_of(due_facts(store, meeting.agenda.id), since,
                                        meeting.date)
    return Completion(since=since, until=meeting.date, due=due, done_on_time=on_time,
                      rate=on_time_share(due, on_time))


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
