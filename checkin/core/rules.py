"""Questions asked of the data: plain functions over store contents. No I/O of their own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from checkin.core.listing import filter_actions as filter_actions  # re-exported: defined
from checkin.core.listing import sort_actions as sort_actions  # there, import-light
from checkin.core.model import (
    ActionItem,
    Agenda,
    MeetingSummary,
    MetricDef,
    is_done_on_time,
)

SLIP_LIMIT = 3


OFF_TRACK_STREAK = 3


def off_track_title(metric: str) -> str:
    """The one title of a metric's roadblock, sent by hand or proposed: stable, so the
    same metric is never listed twice."""
    return f"Off track: {metric}"


def off_track_streak(marks: Iterable[bool | None]) -> int:
    """How many of the latest on/off-track marks (newest first) in a row were off track
    (``False``); a reading on track or not read ends the streak."""
    streak = 0
    for mark in marks:
        if mark is not False:
            break
        streak += 1
    return streak


def earlier_meetings(summaries: Iterable[MeetingSummary], on: date,
                     meeting_id: str | None = None) -> list[MeetingSummary]:
    """The meetings before the one held ``on`` (with id ``meeting_id``; without an id, a
    meeting not yet stored: every meeting up to that date), newest first. Ties on a date
    go by id, the order the store lists them in."""
    def earlier(s: MeetingSummary) -> bool:
        return s.date <= on if meeting_id is None else (s.date, s.id) < (on, meeting_id)

    rows = [s for s in summaries if earlier(s) and s.id != meeting_id]
    return sorted(rows, key=lambda s: (s.date, s.id), reverse=True)


def previous_meeting(summaries: Iterable[MeetingSummary], on: date,
                     meeting_id: str | None = None) -> MeetingSummary | None:
    """"The previous meeting": the latest of `earlier_meetings` (pass one agenda's rows),
    the one whose roadblocks carry over, whose date opens the completion window and whose
    readings the minutes compare with."""
    return next(iter(earlier_meetings(summaries, on, meeting_id)), None)


@dataclass
class MetricRoadblock:
    """The roadblock a metric off track becomes, sent by hand (ctrl+r in the scorecard) or
    proposed at a meeting's start: the same title, owner and blocked department."""

    title: str
    owner: str = ""
    blocking: list[str] = field(default_factory=list)


def metric_roadblock(metric: MetricDef | str, agenda: Agenda | None) -> MetricRoadblock:
    """Title `off_track_title`; owner: the representative of the metric's department in
    ``agenda`` (blank if unknown); blocking: that department."""
    definition = (agenda.metric(metric) if agenda else None) if isinstance(metric, str) \
        else metric
    name = metric if isinstance(metric, str) else metric.name
    if definition is None:
        return MetricRoadblock(off_track_title(name))
    dept = agenda.department(definition.department) if agenda else None
    return MetricRoadblock(off_track_title(name), dept.representative if dept else "",
                           [definition.department] if definition.department else [])


@dataclass
class Flag:
    """Something that should become a roadblock: an item that keeps slipping, a metric
    that stays off track."""

    kind: str  # "slipping" | "off-track"
    subject: str
    detail: str


def slip_flag(item: ActionItem) -> Flag:
    return Flag("slipping", item.title, f"{item.id} ({item.owner}) re-dated {item.slips} times")


def counts_in_window(due: date, status: str, since: date | None, until: date) -> bool:
    """Whether a meeting's completion rate counts an item: due in (since, until]
    (``since``: the previous meeting's date, None for the first), not dropped."""
    return due <= until and (since is None or due > since) and status != "dropped"


def completion_window(items: Iterable[ActionItem], since: date | None,
                      until: date) -> list[ActionItem]:
    """The items a meeting's completion rate counts (``counts_in_window``)."""
    return [i for i in items if counts_in_window(i.due, i.status, since, until)]


def completion_counts_of(facts: Iterable[tuple[date, str, date | None]],
                         since: date | None, until: date) -> tuple[int, int]:
    """(due, done on time) of the window, from each item's (due, status, closed on) alone:
    what the wrap-up reads straight from the stored rows, as trends does."""
    counted = [is_done_on_time(due, status, closed) for due, status, closed in facts
               if counts_in_window(due, status, since, until)]
    return len(counted), sum(counted)


def on_time_share(due: int, done_on_time: int) -> float | None:
    """The completion rate of a window: done on time / due; None if nothing was due."""
    return done_on_time / due if due else None


def facts_of(items: Iterable[ActionItem]) -> list[tuple[date, str, date | None]]:
    """Each item as the (due, status, closed on) the completion rules read."""
    return [(i.due, i.status, i.closed_on) for i in items]


def completion_rate(items: list[ActionItem], since: date | None, until: date) -> float | None:
    """Share of the items due in the window (``counts_in_window``) done on time; None if
    nothing was due."""
    return on_time_share(*completion_counts_of(facts_of(items), since, until))


def completion_rates(items: list[ActionItem], until: list[date]) -> list[float | None]:
    """``completion_rate`` of each window (until[k-1], until[k]] (the first open-ended),
    ``until`` ascending, in one pass over the items: sorted once, windows bisected."""
    return completion_rates_of(facts_of(items), until)


def completion_rates_of(facts: Iterable[tuple[date, str, date | None]],
                        until: list[date]) -> list[float | None]:
    """``completion_rates`` from each item's (due, status, closed on) alone: what an
    aggregate reads straight from the stored rows, without building the items."""
    from bisect import bisect_right

    counted = sorted((due, is_done_on_time(due, status, closed))
                     for due, status, closed in facts if status != "dropped")
    dues = [d for d, _ in counted]
    on_time = [0]
    for _, ok in counted:
        on_time.append(on_time[-1] + ok)
    rates: list[float | None] = []
    lo = 0
    for day in until:
        hi = bisect_right(dues, day)
        rates.append(None if hi == lo else (on_time[hi] - on_time[lo]) / (hi - lo))
        lo = hi
    return rates


def due_within(items: list[ActionItem], today: date, days: int) -> list[ActionItem]:
    """Open items due in the next ``days`` days or already overdue (what a reminder lists)."""
    from datetime import timedelta

    until = today + timedelta(days=days)
    return [i for i in items if i.status == "open" and i.due <= until]
