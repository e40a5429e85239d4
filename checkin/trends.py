"""Scorecard trends of one agenda: each metric's readings across its ended meetings, the
latest off-track streak, and the action item completion rate per meeting.

Built from the store's meeting index (``MeetingSummary.readings``/``on_track``), so no
meeting file is opened. Renderers: an aligned table, Markdown, CSV (long format).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from checkin.mdtext import inline
from checkin.model import Agenda
from checkin.queries import OFF_TRACK_STREAK, completion_rate
from checkin.store import MeetingSummary, Store

COMPLETION = "Action items done on time"
ON, OFF, NONE = "✓", "✗", "·"


@dataclass
class Point:
    """One meeting's reading of one metric."""

    date: date
    meeting_id: str
    value: float | None
    on_track: bool | None


@dataclass
class Trend:
    """One row: a metric (or the completion rate, ``unit="%"``) across the meetings."""

    name: str
    points: list[Point] = field(default_factory=list)
    department: str = ""
    target: float | None = None
    better: str = ""
    unit: str = ""

    @property
    def streak(self) -> int:
        """How many of the latest readings in a row were off track."""
        count = 0
        for p in reversed(self.points):
            if p.on_track is not False:
                break
            count += 1
        return count

    @property
    def escalate(self) -> bool:
        return self.streak >= OFF_TRACK_STREAK

    @property
    def values(self) -> list[float]:
        return [p.value for p in self.points if p.value is not None]


@dataclass
class Trends:
    agenda_id: str
    agenda_title: str
    meetings: list[MeetingSummary]  # oldest first
    metrics: list[Trend]
    completion: Trend

    @property
    def rows(self) -> list[Trend]:
        return [*self.metrics, self.completion]


def agenda_trends(store: Store, agenda_id: str, *, agenda: Agenda | None = None) -> Trends:
    """Trends of ``agenda_id``'s ended meetings; ``agenda`` adds targets and departments."""
    meetings = [s for s in reversed(store.meetings(agenda_id)) if s.status == "ended"]
    names: list[str] = [m.name for m in agenda.metrics] if agenda else []
    for s in reversed(meetings):  # newest first: today's metrics lead
        names += [n for n in s.readings if n not in names]
    metrics = []
    for name in names:
        trend = Trend(name, [Point(s.date, s.id, s.readings.get(name), s.on_track.get(name))
                             for s in meetings])
        metric = agenda.metric(name) if agenda else None
        if metric:
            trend.department, trend.target = metric.department, metric.target
            trend.better, trend.unit = metric.better, metric.unit
        metrics.append(trend)
    title = meetings[-1].agenda_title if meetings else (agenda.title if agenda else agenda_id)
    return Trends(agenda_id, title, meetings, metrics, completion_trend(store, agenda_id, meetings))


def completion_trend(store: Store, agenda_id: str, meetings: list[MeetingSummary]) -> Trend:
    """Per meeting: the share (in %) of the agenda's items due since the previous meeting
    that were done on time. It has no target, so no on/off-track marks."""
    items = [a for a in store.actions() if a.agenda_id == agenda_id]
    trend = Trend(COMPLETION, unit="%")
    previous: date | None = None
    for s in meetings:
        rate = completion_rate(items, previous, s.date)
        value = None if rate is None else round(rate * 100, 1)
        trend.points.append(Point(s.date, s.id, value, None))
        previous = s.date
    return trend


# ---------------------------------------------------------------- rendering
def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.3g}"


def mark(on_track: bool | None) -> str:
    return {True: ON, False: OFF}.get(on_track, NONE)  # type: ignore[arg-type]


def cell(point: Point, unit: str = "") -> str:
    """``"98 ✓"``, ``"91 ✗"``, ``"75%"`` (no target), or ``"·"`` when nothing was read."""
    if point.value is None:
        return NONE
    if point.on_track is None:
        return f"{number(point.value)}{unit if unit == '%' else ''}"
    return f"{number(point.value)} {mark(point.on_track)}"


def target_text(trend: Trend) -> str:
    if trend.target is None:
        return ""
    sign = "≥" if trend.better == "higher" else "≤"
    return f"{sign}{number(trend.target)}{trend.unit if trend.unit == '%' else ''}"


def streak_text(trend: Trend) -> str:
    n = trend.streak
    return f"{n} {OFF}" + (" !" if trend.escalate else "") if n else ""


def _grid(trends: Trends) -> list[list[str]]:
    head = ["Metric", "Target", *(s.date.strftime("%m-%d") for s in trends.meetings), "Streak"]
    body = [[t.name, target_text(t), *(cell(p, t.unit) for p in t.points), streak_text(t)]
            for t in trends.rows]
    return [head, *body]


def as_table(trends: Trends) -> str:
    if not trends.meetings:
        return f"No ended meetings of {trends.agenda_id!r} yet.\n"
    rows = [[" ".join(c.split()) for c in row] for row in _grid(trends)]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    widths[0] = min(widths[0], 32)
    lines = [f"{trends.agenda_title}: {len(trends.meetings)} meetings "
             f"({ON} on track, {OFF} off track, ! = {OFF_TRACK_STREAK}+ in a row)", ""]
    for row in rows:
        cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths)]
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        lines.append("  ".join([first, *rest]).rstrip())
    return "\n".join(lines) + "\n"


def as_markdown(trends: Trends) -> str:
    out = [f"# Trends — {inline(trends.agenda_title) or trends.agenda_id}", ""]
    if not trends.meetings:
        return "\n".join(out + ["No ended meetings yet.", ""])
    grid = _grid(trends)
    out.append("| " + " | ".join(grid[0]) + " |")
    out.append("|---|---|" + "--:|" * len(trends.meetings) + "---|")
    for row in grid[1:]:
        out.append("| " + " | ".join([inline(row[0]), *row[1:]]) + " |")
    out += ["", f"{ON} on track, {OFF} off track; Streak: latest off-track readings in a row "
            f"(! = {OFF_TRACK_STREAK} or more: raise it as a roadblock).", ""]
    return "\n".join(out)


def as_csv(trends: Trends) -> str:
    """Long format: one line per metric and meeting."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["metric", "date", "meeting", "value", "on_track", "target", "unit"])
    for t in trends.rows:
        for p in t.points:
            track = "" if p.on_track is None else ("yes" if p.on_track else "no")
            writer.writerow([t.name, p.date.isoformat(), p.meeting_id, number(p.value), track,
                             number(t.target), t.unit])
    return buf.getvalue()


RENDERERS = {"table": as_table, "md": as_markdown, "csv": as_csv}
