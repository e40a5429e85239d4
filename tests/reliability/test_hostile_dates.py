"""Dates at the edges: a due date typed years ahead is refused by every entry point
(typed, quick-add); dates with years before 1000 still give `task import`-able output."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from checkin.core.dates import DueDateError, latest_due, parse_due
from checkin.core.model import ActionItem
from checkin.core.quickadd import QuickAddError, parse_quick_add
from checkin.render.share import as_ics, as_taskwarrior

from .test_bad_input import TODAY

FAR = ["+999999d", "+6y", "+61m", "+300w", "2099-01-01", "12/31/2040", "dec 4 2100",
       "9999-12-31", "+2000y"]


@pytest.mark.parametrize("text", FAR)
def test_far_future_due_dates_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(DueDateError) as caught:
        parse_due(text, today=TODAY)
    message = str(caught.value)
    assert text.split()[0] in message
    assert "years ahead" in message or "9999" in message


@pytest.mark.parametrize("text", ["+5y", "+4y", "+260w", latest_due(TODAY).isoformat()])
def test_up_to_five_years_is_fine(text: str) -> None:
    assert parse_due(text, today=TODAY) <= latest_due(TODAY)


def test_quick_add_refuses_far_future() -> None:
    with pytest.raises(QuickAddError, match="years ahead"):
        parse_quick_add("@Maria fix it due:+999999d", today=TODAY, people=["Maria"],
                        next_meeting=None, departments=[])


def test_latest_due_near_the_end_of_time() -> None:
    assert latest_due(date(9998, 6, 1)) == date.max


TASK_DATE = re.compile(r"^\d{8}T\d{6}Z$")


@pytest.mark.parametrize("year", [1, 9, 99, 999, 1000, 2026, 9999])
def test_taskwarrior_dates_always_have_four_digit_years(year: int) -> None:
    day = date(year, 1, 2)
    item = ActionItem(id="A1", title="t", owner="o", due=day, created_on=day,
                      status="done", closed_on=day)
    record = json.loads(as_taskwarrior([item], TODAY))
    for key in ("entry", "due", "end"):
        assert TASK_DATE.match(record[key]), record[key]
        assert record[key].startswith(f"{year:04d}0102")
    assert "BEGIN:VTODO" in as_ics([item], TODAY)


def test_default_item_round_trip() -> None:
    item = ActionItem(id="A2", title="t", owner="o", due=TODAY + timedelta(days=1))
    assert TASK_DATE.match(json.loads(as_taskwarrior([item], TODAY))["due"])
