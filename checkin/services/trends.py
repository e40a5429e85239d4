"""Scorecard trends of one agenda: each metric's readings across its ended meetings, the
latest off-track streak, and the action item completion rate per meeting.

Built from the store's meeting index (``MeetingSummary.readings``/``on_track``), so no
meeting file is opened. Renderers: an aligned table, Markdown, CSV (long format).
"""

from __future__ import annotations

from checkin.core.model import Agenda, MeetingSummary
from checkin.core.rules import completion_rates_of
from checkin.core.trends import COMPLETION, Point, Trend, Trends
from checkin.services.queries import due_facts
from checkin.store import Store


def agenda_trends(store: Store, agenda_id: str, *, agenda: Agenda | None = None,
                  completion: bool = True) -> Trends:
    """Trends of ``agenda_id``'s ended meetings. Targets and departments come from
    ``agenda``, by default the agenda snapshot of the latest ended meeting (what the team
    last measured against; a template edited or deleted since does not rewrite history),
    so the app and ``checkin trends`` show the same targets. Without ``completion`` the
    completion row is left blank (it reads every archive year: the app fills it after
    its first frame, with ``completion_trend``)."""
    meetings = [s for s in reversed(store.meetings(agenda_id)) if s.status == "ended"]
    if agenda is None and meetings:
        agenda = store.load_meeting(meetings[-1].id).agenda
    names: list[str] = [m.name for m in agenda.metrics] if agenda else []
    for s in reversed(meetings):  # newest first: today's metrics lead
        names += [n for n in s.readings if n not in names]
    metrics = []
    dates, ids = [s.date for s in meetings], [s.id for s in meetings]
    for name in names:
        values = [s.readings.get(name) for s in meetings]
        marks = [s.on_track.get(name) for s in meetings]
        trend = Trend(name, list(map(Point._make, zip(dates, ids, values, marks))))
        metric = agenda.metric(name) if agenda else None
        if metric:
            trend.department, trend.target = metric.department, metric.target
            trend.better, trend.unit = metric.better, metric.unit
        metrics.append(trend)
    title = meetings[-1].agenda_title if meetings else (agenda.title if agenda else agenda_id)
    rate = (completion_trend(store, agenda_id, meetings) if completion else
            Trend(COMPLETION, [Point(s.date, s.id, None, None) for s in meetings], unit="%"))
    return Trends(agenda_id, title, meetings, metrics, rate)


def completion_trend(store: Store, agenda_id: str, meetings: list[MeetingSummary]) -> Trend:
    """Per meeting: the share (in %) of the agenda's items due since the previous meeting
    that were done on time. It has no target, so no on/off-track marks."""
    items = due_facts(store, agenda_id)
    trend = Trend(COMPLETION, unit="%")
    rates = completion_rates_of(items, [s.date for s in meetings])
    for s, rate in zip(meetings, rates):
        value = None if rate is None else round(rate * 100, 1)
        trend.points.append(Point(s.date, s.id, value, None))
    return trend
