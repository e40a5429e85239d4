"""The shared rules: previous meeting, completion window, off-track streak, a metric's
roadblock. The app, the CLI and the minutes call these same functions."""

from __future__ import annotations

from datetime import date

from checkin.core.model import ActionItem, Agenda, MeetingSummary
from checkin.core.rules import (
    completion_rate,
    completion_window,
    earlier_meetings,
    metric_roadblock,
    off_track_streak,
    previous_meeting,
)
from checkin.core.trends import Point, Trend

D1, D2, D3 = date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)


def summary(mid: str, on: date) -> MeetingSummary:
    return MeetingSummary(id=mid, agenda_id="weekly", agenda_title="W", date=on)


ROWS = [summary("c", D3), summary("b2", D2), summary("b1", D2), summary("a", D1)]


def test_previous_meeting_of_a_stored_meeting_goes_by_date_then_id() -> None:
    assert previous_meeting(ROWS, D3, "c").id == "b2"
    assert previous_meeting(ROWS, D2, "b2").id == "b1"  # same day: the earlier id
    assert previous_meeting(ROWS, D2, "b1").id == "a"
    assert previous_meeting(ROWS, D1, "a") is None
    assert [s.id for s in earlier_meetings(reversed(ROWS), D3, "c")] == ["b2", "b1", "a"]


def test_previous_meeting_of_a_new_meeting_is_the_latest_up_to_its_date() -> None:
    assert previous_meeting(ROWS, D2).id == "b2"
    assert previous_meeting(ROWS, date(2026, 12, 1)).id == "c"
    assert previous_meeting([], D1) is None


def item(iid: str, due: date, status: str = "open", closed: date | None = None) -> ActionItem:
    return ActionItem(id=iid, title=iid, owner="Dana Lee", due=due, status=status,
                      closed_on=closed)


def test_completion_window_is_due_since_previous_up_to_now_without_dropped() -> None:
    items = [item("A1", D1), item("A2", D2, "done", D2), item("A3", D3, "dropped"),
             item("A4", D3, "done", date(2026, 11, 20)), item("A5", date(2026, 11, 30))]
    assert [i.id for i in completion_window(items, D1, D3)] == ["A2", "A4"]
    assert [i.id for i in completion_window(items, None, D2)] == ["A1", "A2"]
    assert completion_rate(items, D1, D3) == 0.5
    assert completion_rate(items, D3, D3) is None


def test_off_track_streak_counts_the_latest_marks_in_a_row() -> None:
    assert off_track_streak([False, False, True, False]) == 2
    assert off_track_streak([None, False]) == 0
    assert off_track_streak([]) == 0


def test_trend_streak_is_the_same_rule() -> None:
    marks = [True, False, None, False, False]  # oldest first
    trend = Trend("m", [Point(D1, str(n), 1.0, m) for n, m in enumerate(marks)])
    assert trend.streak == off_track_streak(reversed(marks)) == 2


def test_metric_roadblock_names_the_department_representative(weekly_agenda: Agenda) -> None:
    metric = weekly_agenda.metrics[2]
    dept = weekly_agenda.department(metric.department)
    assert dept is not None
    drafted = metric_roadblock(metric, weekly_agenda)
    assert drafted.title == f"Off track: {metric.name}"
    assert (drafted.owner, drafted.blocking) == (dept.representative, [metric.department])
    assert metric_roadblock(metric.name, weekly_agenda) == drafted
    assert metric_roadblock("Gone metric", weekly_agenda).owner == ""
