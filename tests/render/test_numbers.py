"""Plain-Python helpers behind the scorecard, roadblocks and action review editors."""

from __future__ import annotations

from datetime import date

import pytest

from checkin.core.metrics import MetricValueError, parse_metric_value
from checkin.core.model import ActionItem, Agenda, Meeting, MetricDef
from checkin.core.review import keep_open, outcome, undo_last
from checkin.core.roadblocks import discuss_first, escalate, move, ranked, reopen, resolve
from checkin.errors import CheckinError
from checkin.render.numbers import (
    FLAT,
    GAP,
    format_number,
    format_target,
    format_value,
    sparkline,
)
from checkin.services.meetings import add_roadblock

LEADS = MetricDef("Leads", "Marketing", 120, "higher", "leads")
HOURS = MetricDef("First response time", "Support", 4, "lower", "hours")


@pytest.mark.parametrize(("text", "value"), [
    ("130", 130), (" 12.5 ", 12.5), ("1,200", 1200), ("1,200,000.5", 1200000.5),
    ("85%", 85), ("$1.2k", 1200), ("2.5M", 2.5e6), ("-3", -3), ("−3", -3), (".5", 0.5),
    ("12.", 12), ("$250,000", 250000), ("1bn", 1e9), ("", None), ("   ", None),
])
def test_parse_accepts_what_people_type(text: str, value: float | None) -> None:
    assert parse_metric_value(text) == value


def test_parse_strips_the_metrics_own_unit() -> None:
    assert parse_metric_value("6 hours", "hours") == 6
    assert parse_metric_value("6 HOURS", "hours") == 6
    with pytest.raises(MetricValueError):
        parse_metric_value("6 days", "hours")


@pytest.mark.parametrize("text", ["abc", "12a", "1,2", "1.2.3", "nan", "inf", "1e5", "--3",
                                  "12,00", "$", "%", "1 2"])
def test_parse_refuses_non_numbers_with_examples(text: str) -> None:
    with pytest.raises(MetricValueError, match="is not a number: try 130"):
        parse_metric_value(text)


def test_parse_refuses_overflow() -> None:
    with pytest.raises(MetricValueError, match="too large"):
        parse_metric_value("9" * 400)


def test_formats() -> None:
    assert format_number(130.0) == "130"
    assert format_number(99.7) == "99.7"
    assert format_number(250000) == "250,000"
    assert format_number(1234567) == "1,234,567"  # never 1.23e+06
    assert format_number(1e20) == "100,000,000,000,000,000,000"
    assert format_number(1 / 3) == "0.333333"
    assert format_number(-0.0) == "0" and format_number(-1500.5) == "-1,500.5"
    assert format_number(250000, grouping="") == "250000"
    assert format_number(250000, grouping=" ") == "250 000"
    assert format_number(None) == "" and format_number(float("nan")) == "n/a"
    assert format_target(LEADS) == "≥ 120 leads"
    assert format_target(HOURS) == "≤ 4 hours"
    assert format_target(MetricDef("Pipeline", "Sales", 250000, "higher", "$")) == "≥ $250,000"
    assert format_target(MetricDef("Uptime", "IT", 99.9, "higher", "%")) == "≥ 99.9%"


def test_values_carry_their_unit() -> None:
    pipeline = MetricDef("Pipeline", "Sales", 250000, "higher", "$")
    assert format_value(pipeline, 1234567) == "$1,234,567"
    assert format_value(pipeline, -50) == "-$50"
    assert format_value(LEADS, 130) == "130 leads"
    assert format_value("%", 25) == "25%"
    assert format_value(LEADS, None) == "no reading"
    assert format_value(LEADS, None, missing="—") == "—"


@pytest.mark.parametrize("target", [250000, 1234567.0, 0.5, 99.95, 1e9])
def test_targets_are_never_abbreviated_or_escaped(target: float) -> None:
    text = format_target(MetricDef("M", "D", target, "higher", "$"))
    assert "\\" not in text and "k" not in text and "M" not in text and "e+" not in text
    assert text.replace(",", "").removeprefix("≥ $") == format_number(target, grouping="")


def test_sparkline_scales_and_marks_gaps() -> None:
    assert sparkline([]) == "" and sparkline([None, None]) == ""
    assert sparkline([1, 2, 3]) == "▁▅█"
    assert sparkline([5, None, 5]) == f"{FLAT}{GAP}{FLAT}" == "▄·▄"
    assert sparkline([1, float("nan"), 3]) == "▁·█"


# ---------------------------------------------------------------- roadblocks
@pytest.fixture
def meeting() -> Meeting:
    m = Meeting(id="m1", agenda=Agenda(id="a", title="A"), date=date(2026, 11, 23))
    for title in ("one", "two", "three", "four"):
        add_roadblock(m, title)
    return m


def titles(m: Meeting) -> list[str]:
    return [r.title for r in ranked(m)]


def test_move_resolve_escalate_reopen_keep_ranks_tidy(meeting: Meeting) -> None:
    four = meeting.roadblocks[3]
    assert move(meeting, four, -1) and titles(meeting) == ["one", "two", "four", "three"]
    assert [r.title for r in discuss_first(meeting)] == ["one", "two", "four"]
    one = meeting.roadblocks[0]
    assert not move(meeting, one, -1)
    with pytest.raises(CheckinError):
        resolve(meeting, one, "  ")
    resolve(meeting, one, "SSO fixed")
    escalate(meeting, meeting.roadblock("R2"))
    assert titles(meeting) == ["four", "three", "two", "one"]
    assert [r.rank for r in meeting.roadblocks] == [1, 2, 3, 4]
    reopen(meeting, one)
    assert titles(meeting) == ["four", "three", "one", "two"]
    assert one.resolution == "SSO fixed"


# ---------------------------------------------------------------- action review
def test_keep_and_undo_record_and_revert() -> None:
    item = ActionItem(id="A1", title="t", owner="Dana", due=date(2026, 11, 2))
    day = date(2026, 11, 23)
    assert outcome(item, "m1") == "to review"
    assert undo_last(item, "m1") is None
    keep_open(item, day, "m1")
    assert outcome(item, "m1") == "kept open"
    item.redate(date(2026, 11, 27), day, "m1")
    assert item.slips == 1 and outcome(item, "m1") == "re-dated"
    assert undo_last(item, "m1") == "re-dated"
    assert item.due == date(2026, 11, 2) and item.slips == 0
    item.mark_done(day, "m1")
    assert undo_last(item, "m1") == "done"
    assert (item.status, item.closed_on, item.closed_in) == ("open", None, None)
    item.reassign("Priya", day, "m0")          # an earlier meeting's change is not undone here
    assert undo_last(item, "m1") == "kept open" and undo_last(item, "m1") is None
    assert item.owner == "Priya"


def test_undoing_a_reopen_restores_when_and_where_it_was_closed() -> None:
    item = ActionItem(id="A1", title="t", owner="Dana", due=date(2026, 11, 20))
    item.mark_done(date(2026, 11, 16), "m0")
    item.reopen(date(2026, 11, 23), "m1")
    assert undo_last(item, "m1") is not None
    assert (item.status, item.closed_on, item.closed_in) == ("done", date(2026, 11, 16), "m0")
    assert item.done_on_time()
