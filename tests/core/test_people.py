"""The one people rule: whole name, or a unique prefix of the name or of any word in it."""

from __future__ import annotations

from datetime import date

import pytest

from checkin.core.model import ActionItem, Agenda
from checkin.core.people import (
    AmbiguousName,
    NameMatchError,
    UnknownName,
    known_people,
    person_or_new,
    resolve_department,
    resolve_person,
)
from checkin.errors import CheckinError

PEOPLE = ["Dana Lee", "Marcus Okafor", "Priya Raman", "Sofia Martinez", "Maria Lopez"]
DEPTS = ["Marketing", "Sales", "Product", "Customer Support", "IT"]


@pytest.mark.parametrize("typed, name", [
    ("pri", "Priya Raman"), ("PRI", "Priya Raman"), ("raman", "Priya Raman"),
    ("priya r", "Priya Raman"), ("Priya Raman", "Priya Raman"), (" priya  raman ", "Priya Raman"),
    ("priya_raman", "Priya Raman"), ("sofia", "Sofia Martinez"), ("mart", "Sofia Martinez"),
    ("marc", "Marcus Okafor"),
])
def test_person_by_whole_name_or_unique_prefix(typed: str, name: str) -> None:
    assert resolve_person(typed, PEOPLE) == name


def test_whole_name_wins_over_prefixes() -> None:
    assert resolve_person("Al", ["Al", "Alma Ruiz"]) == "Al"


def test_ambiguous_lists_the_candidates_in_one_line() -> None:
    with pytest.raises(AmbiguousName) as exc:
        resolve_person("ma", PEOPLE)
    assert str(exc.value) == ('"ma" could be Marcus Okafor, Maria Lopez, Sofia Martinez: '
                              "type more of the name")
    assert exc.value.candidates == ["Marcus Okafor", "Maria Lopez", "Sofia Martinez"]


def test_unknown_says_what_to_do() -> None:
    with pytest.raises(UnknownName) as exc:
        resolve_person("zed", PEOPLE)
    assert str(exc.value) == ('nobody called "zed" yet; check the spelling, '
                              "or add them as a new person")
    with pytest.raises(UnknownName):
        resolve_person("", PEOPLE)


def test_errors_are_user_errors_with_exit_code_2() -> None:
    for cls in (AmbiguousName, UnknownName):
        assert issubclass(cls, NameMatchError)
        assert issubclass(cls, CheckinError) and issubclass(cls, ValueError)
    assert NameMatchError.exit_code == 2


@pytest.mark.parametrize("typed", ["#cust", "support", "customer-support", "Customer_Support",
                                   "CUSTOMER SUPPORT"])
def test_department_same_rule(typed: str) -> None:
    assert resolve_department(typed, DEPTS) == "Customer Support"


def test_department_errors() -> None:
    with pytest.raises(AmbiguousName, match='"s" could be Customer Support, Sales'):
        resolve_department("s", DEPTS)
    with pytest.raises(UnknownName, match='no department called "fin"; use one of: Marketing'):
        resolve_department("fin", DEPTS)


def test_known_people_representatives_first_then_owners(weekly_agenda: Agenda) -> None:
    items = [ActionItem(id="A1", title="x", owner="zoe Quinn", due=date(2026, 1, 1)),
             ActionItem(id="A2", title="y", owner="Dana Lee", due=date(2026, 1, 1))]
    names = known_people((i.owner for i in items), weekly_agenda)
    reps = [d.representative for d in weekly_agenda.departments]
    assert names == [*reps, "zoe Quinn"]


def test_a_new_person_comes_back_as_typed_for_the_caller_to_confirm() -> None:
    assert person_or_new("pri", PEOPLE) == ("Priya Raman", False)
    assert person_or_new(" Jean-Luc_Picard ", PEOPLE) == ("Jean-Luc Picard", True)
    with pytest.raises(AmbiguousName):
        person_or_new("ma", PEOPLE)
    with pytest.raises(UnknownName):
        person_or_new("  ", PEOPLE)
