"""Wrap-up figures: completion since the last meeting, planned vs actual minutes, ratings."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from checkin.core.model import Agenda
from checkin.core.rules import completion_window
from checkin.services.demo import seed_history
from checkin.services.meetings import end_meeting, new_action, start_meeting
from checkin.services.wrapup import (
    completion_since_last,
    parse_rating,
    previous_meeting_date,
    section_times,
)
from checkin.store import Store

LAST_WEEK = date(2026, 11, 16)
TODAY = date(2026, 11, 23)


def test_completion_counts_items_due_since_the_last_meeting(data_dir: Path,
                                                             weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        last = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 16, 9))
        def add(title: str, due: date):
            return new_action(store, title=title, owner="Dana Lee", due=due, today=LAST_WEEK,
                              meeting=last)
        on_time = add("on time", date(2026, 11, 20))
        late = add("late", date(2026, 11, 19))
        still_open = add("open", date(2026, 11, 18))
        dropped = add("dropped", date(2026, 11, 18))
        add("before the last meeting", date(2026, 11, 16))
        add("not due yet", date(2026, 11, 27))
        on_time.mark_done(date(2026, 11, 20))
        late.mark_done(date(2026, 11, 21))
        dropped.drop(date(2026, 11, 18))
        for item in (on_time, late, dropped):
            store.save_action(item)
        assert still_open.status == "open"
        end_meeting(store, last, now=datetime(2026, 11, 16, 10))
        now = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 9))

        assert previous_meeting_date(store, now) == LAST_WEEK
        got = completion_since_last(store, now)
    assert (got.since, got.until, got.due, got.done_on_time) == (LAST_WEEK, TODAY, 3, 1)
    assert got.rate == pytest.approx(1 / 3)
    assert got.describe() == "33% done on time (1 of 3 due)"


def test_completion_counts_an_item_done_early_in_an_older_archive_year(
        data_dir: Path, weekly_agenda: Agenda) -> None:
    """Done long before the window (archived in 2025), due in it: counted, on time; an item
    of another agenda due in the window is not."""
    with Store(data_dir) as store:
        last = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 16, 9))
        early = new_action(store, title="done early", owner="Dana Lee", due=date(2026, 11, 20),
                           today=date(2025, 6, 2), agenda_id="weekly")
        early.mark_done(date(2025, 6, 9))
        store.save_action(early)
        new_action(store, title="other agenda", owner="Dana Lee", due=date(2026, 11, 20),
                   today=LAST_WEEK, agenda_id="monthly")
        end_meeting(store, last, now=datetime(2026, 11, 16, 10))
        now = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 9))
        assert store.archive_years() == [2025]
        got = completion_since_last(store, now)
    assert (got.due, got.done_on_time) == (1, 1)


def test_completion_is_the_rule_over_every_item_across_years(tmp_path: Path,
                                                            weekly_agenda: Agenda) -> None:
    """Each meeting of a 60-week history (three archive years): the same figures as
    ``completion_window`` over every stored item of the agenda."""
    with Store(tmp_path / "h") as store:
        meetings = seed_history(store, weekly_agenda, weeks=60, today=TODAY)
        assert len(store.archive_years()) >= 2
        every = store.actions()
        for m in meetings:
            since = previous_meeting_date(store, m)
            want = completion_window([a for a in every if a.agenda_id == m.agenda.id],
                                     since, m.date)
            got = completion_since_last(store, m)
            assert (got.since, got.due, got.done_on_time) == (
                since, len(want), sum(a.done_on_time() for a in want)), m.id
        assert any(completion_since_last(store, m).due for m in meetings)


def test_first_meeting_has_no_previous_and_nothing_due(data_dir: Path,
                                                       weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 9))
        assert previous_meeting_date(store, m) is None
        got = completion_since_last(store, m)
    assert got.rate is None and got.due == 0
    assert "no action items were due" in got.describe()


def test_demo_history_gives_a_rate(demo_dir: Path, weekly_agenda: Agenda) -> None:
    with Store(demo_dir) as store:
        m = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 9))
        got = completion_since_last(store, m)
    assert got.since == LAST_WEEK
    assert got.due > 0 and 0 <= got.done_on_time <= got.due


def test_section_times_mark_over_time(data_dir: Path, weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 9))
    m.elapsed_seconds = [60.0, 9 * 60.0]  # the rest never visited
    rows = section_times(m)
    assert [r.title for r in rows][:2] == ["Attendance", "Action review"]
    assert (rows[0].planned_minutes, rows[0].actual_minutes, rows[0].over) == (2, 1.0, False)
    assert (rows[1].planned_minutes, rows[1].actual_minutes, rows[1].over) == (8, 9.0, True)
    assert all(r.actual_minutes == 0 for r in rows[2:]) and len(rows) == 8


@pytest.mark.parametrize("text, value", [("1", 1), (" 10 ", 10), ("8", 8)])
def test_rating_in_range(text: str, value: int) -> None:
    assert parse_rating(text) == value


@pytest.mark.parametrize("text, message", [
    ("11", "11 is out of range"), ("0", "out of range"), ("eight", "not a rating"),
    ("7.5", "whole number"), ("", "not a rating"),
])
def test_rating_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_rating(text)
