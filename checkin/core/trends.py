"""Scorecard trends of one agenda: each metric's readings across its ended meetings, the
latest off-track streak, and the action item completion rate per meeting.

Built from the store's meeting index (``MeetingSummary.readings``/``on_track``), so no
meeting file is opened. Renderers: an aligned table, Markdown, CSV (long format).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from checkin.core.model import MeetingSummary
from checkin.core.rules import OFF_TRACK_STREAK, off_track_streak

COMPLETION = "Action items done on time"


class Point(NamedTuple):
    """One meeting's reading of one metric (a tuple: a 20-year trend makes 12,000)."""

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
        return off_track_streak(p.on_track for p in reversed(self.points))

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
