"""Due dates typed fast: parse them against today, describe them, step meeting dates.

`parse_due` accepts, case-insensitively and ignoring extra whitespace:

- ISO ``2026-12-04``: always year-month-day, whatever ``dayfirst`` says.
- Numbers ``12/4``, ``12/4/2026``, ``12/4/26``, ``12-4``, ``12.4``: month first unless
  ``dayfirst=True``. That is a setting, never a guess: ``13/04/2026`` month-first is an
  error, not 13 April. A two-digit year is 20yy.
- Month names ``dec 4``, ``4 dec``, ``December 4th``, ``dec 4, 2026``.
- Weekdays ``fri``, ``friday``, ``thurs``: the coming one, never today, so ``fri`` typed on
  a Friday is a week ahead (typing a weekday's name on that day means the next one).
  ``next fri`` is the Friday of next calendar week (weeks run Monday-Sunday): on Monday
  ``fri`` is in 4 days and ``next fri`` in 11; on Saturday both are 6 days ahead.
- ``today``/``tod``, ``tomorrow``/``tmr``/``tmrw``.
- Offsets ``+3d``, ``+2w``, ``+1m``, ``+1y``, ``3d``, ``in 3 days``, ``in a week``. Months
  and years use relativedelta, so Jan 31 ``+1m`` is the last day of February.
- ``eow`` (Friday of this week; on a weekend, the coming Friday), ``eom``, ``eoq``, ``eoy``.
- ``next meeting``/``nm``: the ``next_meeting`` argument.

A due date more than five years ahead (``+999999d``) is refused as the typo it is.

A date typed without a year is this year's, or next year's if this year's is already past:
a due date lies ahead. A date typed with a year is returned as typed, even if past; callers
check `is_past` and ask to confirm. dateutil's free-form parser is deliberately not used (it
guesses, and ``fuzzy=True`` returns wrong dates): ISO goes through ``isoparse``, every other
form must match whole, so trailing text is an error.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from checkin.errors import CheckinError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CADENCES = {"weekly": {"weeks": 1}, "biweekly": {"weeks": 2}, "monthly": {"months": 1}}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?", re.ASCII)
_ORD = r"(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(rf"([a-z]+)\.? ?(\d{{1,2}}){_ORD}(?:,? (\d{{4}}))?", re.ASCII)
_DAY_MONTH = re.compile(rf"(\d{{1,2}}){_ORD} ?([a-z]+)\.?,?(?: (\d{{4}}))?", re.ASCII)
_WEEKDAY = re.compile(r"(next )?([a-z]+)\.?", re.ASCII)
_OFFSET = re.compile(
    r"(?:in |\+)?(\d{1,6}|an?) ?(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)", re.ASCII
)
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


class DueDateError(CheckinError, ValueError):
    """A due date that cannot be used; the message says why and gives one that works."""


def _example(today: date) -> str:
    """A date a week ahead, as ISO: an example that works."""
    return date.fromordinal(min(today.toordinal() + 7, date.max.toordinal())).isoformat()


def _fail(text: str, reason: str, example: str) -> DueDateError:
    return DueDateError(f'"{text}": {reason}; try {example}, fri, +3d or eom')


def _add(text: str, start: date, **delta: int) -> date:
    """``start`` moved by a relativedelta, refusing results past year 9999."""
    from dateutil.relativedelta import relativedelta

    try:
        return start + relativedelta(**delta)
    except (ValueError, OverflowError):
        raise DueDateError(f'"{text}": that is beyond the year 9999; try +3d or +2w') from None


def _lookup(word: str, names: tuple[str, ...], aliases: dict[str, int]) -> int | None:
    """Index of the name that ``word`` abbreviates (3+ letters), or None."""
    if word in aliases:
        return aliases[word]
    if len(word) < 3:
        return None
    return next((i for i, name in enumerate(names) if name.lower().startswith(word)), None)


def _make(text: str, y: int | None, m: int, d: int, today: date, swap: str = "") -> date:
    """date(y, m, d), or an error saying why not; ``y=None`` means the next such day.

    ``swap`` ("set" or "clear") marks a numeric form whose order comes from the day-first
    setting: a month over 12 then suggests flipping the setting, if that makes a real date.
    """
    if not 1 <= m <= 12:
        reason = f"no month {m} (months run 1-12)"
        if swap:
            try:
                alt = _make(text, y, d, m, today)
            except DueDateError:
                pass
            else:
                meant = f"{m} {MONTHS[d - 1]}" if swap == "set" else f"{MONTHS[d - 1]} {m}"
                raise DueDateError(f'"{text}": {reason}; {swap} day-first in settings if you '
                                   f"meant {meant}, or type {alt.isoformat()}")
        raise _fail(text, reason, _example(today))
    if y is None:
        y = today.year if (m, d) >= (today.month, today.day) else today.year + 1
    if not 1 <= y <= 9999:
        raise _fail(text, f"no year {y} (years run 1-9999)", _example(today))
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        reason = f"no such day ({MONTHS[m - 1]} {y} has {last} days)"
        raise _fail(text, reason, date(y, m, last).isoformat())
    return date(y, m, d)


MAX_YEARS_AHEAD = 5  # a due date further out is a typo (+999999d), not a plan


def latest_due(today: date) -> date:
    """The last due date accepted: ``MAX_YEARS_AHEAD`` years after ``today``."""
    from dateutil.relativedelta import relativedelta

    try:
        return today + relativedelta(years=MAX_YEARS_AHEAD)
    except (ValueError, OverflowError):  # today is within 5 years of 9999
        return date.max


def parse_due(
    text: str, *, today: date, next_meeting: date | None = None, dayfirst: bool = False
) -> date:
    """Resolve a typed due date against ``today`` (see the module docstring for the forms).

    Raises DueDateError, naming the text, the reason and an example that works; a date
    more than ``MAX_YEARS_AHEAD`` years ahead is refused too.
    """
    due = _parse_due(text, today=today, next_meeting=next_meeting, dayfirst=dayfirst)
    if due > latest_due(today):
        raw = " ".join(text.split())
        raise DueDateError(
            f'"{raw}": that is {due.isoformat()}, more than {MAX_YEARS_AHEAD} years ahead; '
            f"type a date before {latest_due(today).isoformat()}, e.g. {_example(today)} or +2w"
        )
    return due


def _parse_due(
    text: str, *, today: date, next_meeting: date | None, dayfirst: bool
) -> date:
    raw = " ".join(text.split())  # one line in messages, whatever was typed
    s = " ".join(raw.lower().split())
    if not s:
        raise DueDateError(f"a due date is required; e.g. fri, +3d, {_example(today)}")
    if s in ("next meeting", "nm"):
        if next_meeting is None:
            raise DueDateError("no next meeting date set yet; type a date like fri or +1w")
        return next_meeting
    if s in ("today", "tod"):
        return today
    if s in ("tomorrow", "tmr", "tmrw"):
        return _add(raw, today, days=1)
    if s == "eow":
        return _add(raw, today, days=(4 - today.weekday()) % 7)
    if s in ("eom", "eoq", "eoy"):
        months = {"eom": 0, "eoq": (2 - (today.month - 1) % 3), "eoy": 12 - today.month}[s]
        return _add(raw, today, months=months, day=31)
    if m := _ISO.fullmatch(s):
        from dateutil.parser import isoparse

        y, mo, d = (int(g) for g in m.groups())
        try:
            return isoparse(f"{y:04d}-{mo:02d}-{d:02d}").date()
        except ValueError:
            return _make(raw, y, mo, d, today)  # raises, with the reason
    if m := _NUMERIC.fullmatch(s):
        a, b = int(m[1]), int(m[3])
        mo, d = (b, a) if dayfirst else (a, b)
        y = None if m[4] is None else int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        return _make(raw, y, mo, d, today, swap="clear" if dayfirst else "set")
    if m := _OFFSET.fullmatch(s):
        n = 1 if m[1] in ("a", "an") else int(m[1])
        return _add(raw, today, **{_UNITS[m[2][0]]: n})
    for pattern, month_at, day_at in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        if (m := pattern.fullmatch(s)) and (mo := _lookup(m[month_at], MONTHS, {})) is not None:
            return _make(raw, None if m[3] is None else int(m[3]), mo + 1, int(m[day_at]), today)
    if (m := _WEEKDAY.fullmatch(s)) and (wd := _lookup(m[2], WEEKDAYS, {"weds": 2})) is not None:
        if m[1]:  # next week's Monday, then that week's day
            return _add(raw, today, days=7 - today.weekday() + wd)
        return _add(raw, today, days=(wd - today.weekday() - 1) % 7 + 1)
    raise DueDateError(f'"{raw}": not a date I understand; try {_example(today)}, 12/4, dec 4, '
                       "fri, next fri, tomorrow, +3d, +2w, eow, eom or next meeting")


def next_meeting_date(cadence: str, after: date) -> date:
    """The meeting after ``after``: weekly +1 week, biweekly +2, monthly +1 month.

    Monthly uses relativedelta, so Jan 31 is followed by the last day of February.
    """
    from dateutil.relativedelta import relativedelta

    try:
        step = CADENCES[cadence]
    except KeyError:
        raise ValueError(f"unknown cadence {cadence!r}; use weekly, biweekly or monthly") from None
    return after + relativedelta(**step)


def describe(d: date, today: date) -> str:
    """Short label for a resolved date: "today", "tomorrow", "Fri 4 Dec 2026 (in 11 days)"."""
    days = (d - today).days
    if days in (-1, 0, 1):
        return ("yesterday", "today", "tomorrow")[days + 1]
    label = f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    return f"{label} (in {days} days)" if days > 0 else f"{label} ({-days} days ago)"


def is_past(d: date, today: date) -> bool:
    """True if ``d`` is before ``today`` (a due date today is not past)."""
    return d < today
