"""checkin.dates: every typed form, every refusal, and properties over arbitrary input."""

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkin.core.dates import (
    DueDateError,
    describe,
    is_past,
    latest_due,
    next_meeting_date,
    parse_due,
)
from checkin.errors import CheckinError

MON = date(2026, 11, 23)  # a Monday
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)
NYE = date(2026, 12, 31)  # a Thursday
JAN31 = date(2027, 1, 31)  # a Sunday
NEXT_MEETING = date(2026, 11, 30)


def test_fixed_todays_are_the_weekdays_named() -> None:
    assert [d.strftime("%a") for d in (MON, FRI, SAT, SUN, NYE)] == [
        "Mon", "Fri", "Sat", "Sun", "Thu"
    ]


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # ISO, with or without padding; a typed year is kept even if past
        ("2026-12-04", MON, date(2026, 12, 4)),
        ("  2026-12-04\t", MON, date(2026, 12, 4)),
        ("2026-1-5", MON, date(2026, 1, 5)),
        ("2020-06-01", MON, date(2020, 6, 1)),
        # numbers, month first
        ("12/4", MON, date(2026, 12, 4)),
        ("12/4/2026", MON, date(2026, 12, 4)),
        ("12/4/26", MON, date(2026, 12, 4)),
        ("12-4", MON, date(2026, 12, 4)),
        ("12.4", MON, date(2026, 12, 4)),
        ("12/04/2027", MON, date(2027, 12, 4)),
        ("11/23", MON, date(2026, 11, 23)),  # today is not past
        ("11/22", MON, date(2027, 11, 22)),  # yesterday: next year's
        ("1/5", MON, date(2027, 1, 5)),
        # month names
        ("dec 4", MON, date(2026, 12, 4)),
        ("4 dec", MON, date(2026, 12, 4)),
        ("December 4", MON, date(2026, 12, 4)),
        ("DEC 4 2026", MON, date(2026, 12, 4)),
        ("dec 4, 2026", MON, date(2026, 12, 4)),
        ("4th December", MON, date(2026, 12, 4)),
        ("4 dec 2027", MON, date(2027, 12, 4)),
        ("dec. 4", MON, date(2026, 12, 4)),
        ("jan 5", MON, date(2027, 1, 5)),  # already past this year
        ("Jan 5", NYE, date(2027, 1, 5)),
        ("sept 9", MON, date(2027, 9, 9)),
        ("nov 23", MON, date(2026, 11, 23)),
        # weekdays: the coming one, never today
        ("fri", MON, FRI),
        ("friday", MON, FRI),
        ("FRI", MON, FRI),
        ("thu", MON, date(2026, 11, 26)),
        ("thurs", MON, date(2026, 11, 26)),
        ("tues", MON, date(2026, 11, 24)),
        ("weds", MON, date(2026, 11, 25)),
        ("sun", MON, SUN),
        ("mon", MON, date(2026, 11, 30)),
        ("fri", FRI, date(2026, 12, 4)),
        ("thu", FRI, date(2026, 12, 3)),
        ("sat", FRI, SAT),
        ("fri", SAT, date(2026, 12, 4)),
        ("sat", SAT, date(2026, 12, 5)),
        ("sun", SAT, SUN),
        ("fri", NYE, date(2027, 1, 1)),
        # next <weekday>: that day of next calendar week (Mon-Sun)
        ("next fri", MON, date(2026, 12, 4)),
        ("next  Friday", MON, date(2026, 12, 4)),
        ("next mon", MON, date(2026, 11, 30)),
        ("next sun", MON, date(2026, 12, 6)),
        ("next fri", FRI, date(2026, 12, 4)),
        ("next fri", SAT, date(2026, 12, 4)),
        ("next sun", SAT, date(2026, 12, 6)),
        ("next mon", SUN, date(2026, 11, 30)),
        # today, tomorrow
        ("today", MON, MON),
        ("tod", MON, MON),
        ("Tomorrow", MON, date(2026, 11, 24)),
        ("tmr", MON, date(2026, 11, 24)),
        ("tmrw", NYE, date(2027, 1, 1)),
        # offsets
        ("+3d", MON, date(2026, 11, 26)),
        ("3d", MON, date(2026, 11, 26)),
        ("+0d", MON, MON),
        ("+2w", MON, date(2026, 12, 7)),
        ("+1m", MON, date(2026, 12, 23)),
        ("+1y", MON, date(2027, 11, 23)),
        ("+10 days", MON, date(2026, 12, 3)),
        ("in 3 days", MON, date(2026, 11, 26)),
        ("in 2 weeks", MON, date(2026, 12, 7)),
        ("in a week", MON, date(2026, 11, 30)),
        ("in 1 month", MON, date(2026, 12, 23)),
        ("+1d", NYE, date(2027, 1, 1)),
        ("+1m", JAN31, date(2027, 2, 28)),
        ("+1m", date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        ("+1y", date(2028, 2, 29), date(2029, 2, 28)),
        # ends of periods
        ("eow", MON, FRI),
        ("eow", FRI, FRI),
        ("eow", SAT, date(2026, 12, 4)),
        ("eow", SUN, date(2026, 12, 4)),
        ("eom", MON, date(2026, 11, 30)),
        ("eom", date(2028, 2, 3), date(2028, 2, 29)),
        ("eom", JAN31, JAN31),
        ("eoq", MON, NYE),
        ("eoq", date(2026, 4, 1), date(2026, 6, 30)),
        ("eoy", MON, NYE),
        # leap days
        ("2028-02-29", MON, date(2028, 2, 29)),
        ("2000-02-29", MON, date(2000, 2, 29)),
        ("2/29/2024", MON, date(2024, 2, 29)),
        ("2/29", date(2027, 3, 1), date(2028, 2, 29)),
        ("feb 29", date(2027, 3, 1), date(2028, 2, 29)),
    ],
)
def test_parse_due_forms(text: str, today: date, expected: date) -> None:
    assert parse_due(text, today=today) == expected


@pytest.mark.parametrize("text", ["next meeting", "nm", "Next   Meeting", " NM "])
def test_next_meeting(text: str) -> None:
    assert parse_due(text, today=MON, next_meeting=NEXT_MEETING) == NEXT_MEETING


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("4/12", True, date(2026, 12, 4)),
        ("4/12", False, date(2027, 4, 12)),
        ("12/4", True, date(2027, 4, 12)),
        ("13/04/2026", True, date(2026, 4, 13)),
        ("4.12.26", True, date(2026, 12, 4)),
        ("4 dec", True, date(2026, 12, 4)),  # a month name is never ambiguous
        ("dec 4", True, date(2026, 12, 4)),
        # ISO is year-month-day whatever the setting
        ("2026-03-04", True, date(2026, 3, 4)),
        ("2026-03-04", False, date(2026, 3, 4)),
        ("2026-12-04", True, date(2026, 12, 4)),
    ],
)
def test_dayfirst_setting(text: str, dayfirst: bool, expected: date) -> None:
    assert parse_due(text, today=MON, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("text", "today", "dayfirst", "fragments"),
    [
        ("", MON, False, ["a due date is required", "fri", "+3d", "2026-11-30"]),
        ("   ", MON, False, ["a due date is required"]),
        ("2026-02-30", MON, False, ["no such day (February 2026 has 28 days)", "2026-02-28"]),
        ("2/30", MON, False, ["no such day (February 2027 has 28 days)", "2027-02-28"]),
        ("feb 30", MON, False, ["no such day", "2027-02-28"]),
        ("4/31", MON, False, ["April 2027 has 30 days", "2027-04-30"]),
        ("dec 32", MON, False, ["no such day (December 2026 has 31 days)", "2026-12-31"]),
        ("4/0", MON, False, ["no such day"]),
        ("2/29", MON, False, ["February 2027 has 28 days"]),
        ("2100-02-29", MON, False, ["February 2100 has 28 days", "2100-02-28"]),
        ("13/13", MON, False, ["no month 13", "fri"]),
        ("2026-13-01", MON, False, ["no month 13", "fri"]),
        ("2026-00-10", MON, False, ["no month 0"]),
        ("0/5", MON, False, ["no month 0"]),
        ("0000-01-01", MON, False, ["no year 0"]),
        ("13/04/2026", MON, False, ["no month 13", "set day-first in settings", "13 April",
                                     "2026-04-13"]),
        ("04/13/2026", MON, True, ["no month 13", "clear day-first in settings", "April 13",
                                    "2026-04-13"]),
        ("31/02/2026", MON, False, ["no month 31", "fri"]),  # flipped is no date either
        ("fri blah", MON, False, ["not a date I understand", "next fri", "+3d"]),
        ("next friday please", MON, False, ["not a date I understand"]),
        ("tomorrow!", MON, False, ["not a date I understand"]),
        ("2026-12-04 extra", MON, False, ["not a date I understand"]),
        ("12/4/2026x", MON, False, ["not a date I understand"]),
        ("12/4/202", MON, False, ["not a date I understand"]),
        ("12/4-2026", MON, False, ["not a date I understand"]),
        ("2026-12", MON, False, ["not a date I understand"]),
        ("banana", MON, False, ["not a date I understand", "eom", "next meeting"]),
        ("in 3 fortnights", MON, False, ["not a date I understand"]),
        ("-3d", MON, False, ["not a date I understand"]),
        ("next", MON, False, ["not a date I understand"]),
        ("fr", MON, False, ["not a date I understand"]),
        ("+9999999d", MON, False, ["not a date I understand"]),
        ("+999999y", MON, False, ["beyond the year 9999", "+3d"]),
        ("tomorrow", date.max, False, ["beyond the year 9999"]),
        ("next meeting", MON, False, ["no next meeting date set yet", "fri", "+1w"]),
    ],
)
def test_parse_due_errors(text: str, today: date, dayfirst: bool, fragments: list[str]) -> None:
    with pytest.raises(DueDateError) as caught:
        parse_due(text, today=today, dayfirst=dayfirst)
    message = str(caught.value)
    if text.strip() and text != "next meeting":
        assert f'"{text.strip()}"' in message
    assert any(hint in message for hint in ("try ", "e.g. ", "type ")), message
    for fragment in fragments:
        assert fragment in message


def test_due_date_error_is_a_value_error_and_a_user_error() -> None:
    assert issubclass(DueDateError, ValueError)
    assert issubclass(DueDateError, CheckinError)
    assert DueDateError.exit_code == 2


@pytest.mark.parametrize(
    ("cadence", "after", "expected"),
    [
        ("weekly", MON, date(2026, 11, 30)),
        ("biweekly", MON, date(2026, 12, 7)),
        ("monthly", MON, date(2026, 12, 23)),
        ("monthly", JAN31, date(2027, 2, 28)),
        ("monthly", date(2027, 12, 15), date(2028, 1, 15)),
    ],
)
def test_next_meeting_date(cadence: str, after: date, expected: date) -> None:
    assert next_meeting_date(cadence, after) == expected


@pytest.mark.parametrize("cadence", ["daily", "", "Weekly "])
def test_next_meeting_date_unknown_cadence(cadence: str) -> None:
    with pytest.raises(ValueError, match="unknown cadence"):
        next_meeting_date(cadence, MON)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 12, 4), "Fri 4 Dec 2026 (in 11 days)"),
        (MON, "today"),
        (date(2026, 11, 24), "tomorrow"),
        (date(2026, 11, 22), "yesterday"),
        (date(2026, 11, 2), "Mon 2 Nov 2026 (21 days ago)"),
        (date(2027, 1, 1), "Fri 1 Jan 2027 (in 39 days)"),
    ],
)
def test_describe(d: date, expected: str) -> None:
    assert describe(d, MON) == expected


@pytest.mark.parametrize(
    ("d", "expected"), [(date(2026, 11, 22), True), (MON, False), (date(2026, 11, 24), False)]
)
def test_is_past(d: date, expected: bool) -> None:
    assert is_past(d, MON) is expected


def test_import_is_cheap_and_textual_free() -> None:
    code = (
        "import sys, checkin.dates; "
        "assert 'textual' not in sys.modules; assert 'dateutil.parser' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@given(d=st.dates(), today=st.dates(), dayfirst=st.booleans())
def test_iso_round_trips_whatever_the_setting(d: date, today: date, dayfirst: bool) -> None:
    """Up to five years ahead a typed ISO date is itself; further out it is refused."""
    if d <= latest_due(today):
        assert parse_due(d.isoformat(), today=today, dayfirst=dayfirst) == d
    else:
        with pytest.raises(DueDateError, match="more than 5 years ahead"):
            parse_due(d.isoformat(), today=today, dayfirst=dayfirst)


_TOKENS = ["next", "in", "a", "+", "-", "/", ".", ",", " ", "fri", "dec", "feb", "29", "31",
           "13", "4", "2026", "0000", "d", "w", "m", "y", "days", "eom", "nm", "tod", "th"]
_TEXT = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_TOKENS), max_size=6).map("".join),
    st.from_regex(r"[+ ]?[0-9a-z /.,-]{0,12}", fullmatch=True),
)


@given(text=_TEXT, today=st.dates(), dayfirst=st.booleans(), has_nm=st.booleans())
def test_parse_due_only_raises_due_date_error(
    text: str, today: date, dayfirst: bool, has_nm: bool
) -> None:
    try:
        result = parse_due(text, today=today, next_meeting=MON if has_nm else None,
                           dayfirst=dayfirst)
    except DueDateError as error:
        assert str(error)
    else:
        assert isinstance(result, date)


def test_every_agenda_cadence_has_a_next_date() -> None:
    from checkin.core import dates, model

    assert set(model.CADENCES) == set(dates.CADENCES)
