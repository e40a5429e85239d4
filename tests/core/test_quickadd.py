"""The one-line quick add: owner, department and due parsed, the rest is the title."""

from __future__ import annotations

from datetime import date

import pytest

from checkin.core.people import AmbiguousName, UnknownName
from checkin.core.quickadd import QuickAdd, QuickAddError, parse_quick_add

TODAY = date(2026, 11, 23)  # a Monday
NEXT = date(2026, 11, 30)
DEPTS = ["Marketing", "Sales", "Product", "Customer Support", "IT"]
PEOPLE = ["Dana Lee", "Marcus Okafor", "Priya Raman", "Sofia Martinez", "Tom Becker",
          "Maria Lopez"]
REPS = {"Dana Lee": "Marketing", "Marcus Okafor": "Sales", "Priya Raman": "Product",
        "Sofia Martinez": "Customer Support", "Tom Becker": "IT"}


def parse(text: str, **kw) -> QuickAdd:
    return parse_quick_add(text, today=TODAY, next_meeting=NEXT, departments=DEPTS,
                           people=PEOPLE, representatives=REPS, **kw)


@pytest.mark.parametrize("text, title, owner, dept, due", [
    ("@Maria #Sales fix CRM dedupe due:fri", "fix CRM dedupe", "Maria Lopez", "Sales",
     date(2026, 11, 27)),
    ("@maria fix CRM dedupe", "fix CRM dedupe", "Maria Lopez", "", NEXT),
    ("fix CRM dedupe @MARIA_LOPEZ #sales", "fix CRM dedupe", "Maria Lopez", "Sales", NEXT),
    ('@"maria lopez" call back due:+3d', "call back", "Maria Lopez", "", date(2026, 11, 26)),
    ("@priya ship it", "ship it", "Priya Raman", "Product", NEXT),  # rep -> her department
    ("@priya #IT ship it", "ship it", "Priya Raman", "IT", NEXT),  # typed dept wins
    ("@Jo #Customer_Support answer mails", "answer mails", "Jo", "Customer Support", NEXT),
    ("@Jo #customer-support answer mails", "answer mails", "Jo", "Customer Support", NEXT),
    ("@Jo #support answer mails", "answer mails", "Jo", "Customer Support", NEXT),
    ("@Jo #cust answer mails", "answer mails", "Jo", "Customer Support", NEXT),
    ('@tom patch server due:"next fri"', "patch server", "Tom Becker", "IT", date(2026, 12, 4)),
    ("@tom patch server due:next_fri", "patch server", "Tom Becker", "IT", date(2026, 12, 4)),
    ("@tom patch server DUE:2026-12-10", "patch server", "Tom Becker", "IT", date(2026, 12, 10)),
    ("@Newbie, write the plan", "write the plan", "Newbie", "", NEXT),  # unknown kept as typed
    ("@pri ship", "ship", "Priya Raman", "Product", NEXT),  # unique prefix of a name
    ("@pr ship", "ship", "Priya Raman", "Product", NEXT),  # any unique prefix, as everywhere
    ("@raman ship", "ship", "Priya Raman", "Product", NEXT),  # a word of the name
    ("@maria_lo ship", "ship", "Maria Lopez", "", NEXT),
    ("  @dana   refresh   page  ", "refresh page", "Dana Lee", "Marketing", NEXT),
])
def test_parses(text: str, title: str, owner: str, dept: str, due: date) -> None:
    got = parse(text)
    assert (got.title, got.owner, got.department, got.due) == (title, owner, dept, due)


def test_default_due_is_marked() -> None:
    assert parse("@dana refresh page").due_is_default
    assert not parse("@dana refresh page due:fri").due_is_default


@pytest.mark.parametrize("text, message", [
    ("", "missing a title (what needs doing) and an owner: add @name"),
    ("@dana", "missing a title"),
    ("fix CRM dedupe", "an owner: add @name"),
    ("@dana fix due:someday", '"someday": not a date I understand'),
    ("@dana fix due:2026-02-30", '"2026-02-30"'),
    ("@dana @tom fix", "one @owner"),
])
def test_errors_say_what_is_missing(text: str, message: str) -> None:
    with pytest.raises(QuickAddError) as exc:
        parse(text)
    assert message in str(exc.value)
    assert isinstance(exc.value, ValueError)


def test_ambiguous_first_name_and_department_are_refused() -> None:
    people = PEOPLE + ["Maria Chen"]
    with pytest.raises(AmbiguousName, match="Maria Chen, Maria Lopez"):
        parse_quick_add("@maria fix", today=TODAY, next_meeting=NEXT, departments=DEPTS,
                        people=people)
    with pytest.raises(AmbiguousName, match="Marcus Okafor, Maria Lopez, Sofia Martinez"):
        parse("@mar fix")
    with pytest.raises(AmbiguousName, match="could be Sales, Support"):
        parse_quick_add("@x #s fix", today=TODAY, next_meeting=NEXT,
                        departments=["Sales", "Support"], people=[])


def test_unknown_owner_is_marked_new_unknown_department_is_refused() -> None:
    assert parse("@Newbie write").owner_is_new
    assert not parse("@pri write").owner_is_new
    with pytest.raises(UnknownName, match='no department called "Finance"; use one of: '
                                          "Marketing, Sales, Product, Customer Support, IT"):
        parse("@dana #Finance fix")


def test_no_next_meeting_needs_a_due_date() -> None:
    with pytest.raises(QuickAddError, match="due:fri"):
        parse_quick_add("@dana fix", today=TODAY, next_meeting=None, departments=DEPTS,
                        people=PEOPLE)


def test_dayfirst_setting_is_used() -> None:
    assert parse("@dana fix due:4/12", dayfirst=True).due == date(2026, 12, 4)
    assert parse("@dana fix due:12/4").due == date(2026, 12, 4)
