"""Reading many stored rows column by column gives what reading them one by one gives."""

from __future__ import annotations

from datetime import date

import pytest

from checkin.core.data import (
    DataTypeError,
    fields_columns,
    fields_data,
    from_data,
    from_data_many,
)
from checkin.core.model import ActionItem, MeetingSummary

NAMES = ("id", "due", "status", "closed_on")


def row(n: int, **extra: object) -> dict:
    return {"id": f"A{n}", "title": "t", "owner": "o", "due": f"2026-01-{n:02d}", **extra}


def by_rows(docs: list[dict], names: tuple[str, ...] = NAMES) -> list[list]:
    defaults = {"status": "open", "closed_on": None}
    rows = [fields_data(ActionItem, d, names) for d in docs]
    return [[r.get(n, defaults.get(n)) for r in rows] for n in names]


def test_plain_rows_and_defaults() -> None:
    docs = [row(1), row(2, status="done", closed_on="2026-01-01"), row(3, status="dropped")]
    got = fields_columns(ActionItem, docs, NAMES)
    assert got == by_rows(docs)
    assert got[1] == [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)]
    assert got[2:] == [["open", "done", "dropped"], [None, date(2026, 1, 1), None]]
    assert fields_columns(ActionItem, [], NAMES) == [[], [], [], []]


def test_a_value_that_is_not_plain_goes_row_by_row() -> None:
    """A whole number where a number is declared is converted, as one row would be."""
    docs = [{"id": "m1", "agenda_id": "w", "agenda_title": "W", "date": "2026-01-05",
             "readings": {"a": 1, "b": None, "c": 2.5}, "rating": 4}]
    got = fields_columns(MeetingSummary, docs, ("readings", "rating"))
    assert got == [[{"a": 1.0, "b": None, "c": 2.5}], [4.0]]
    assert isinstance(got[0][0]["a"], float) and isinstance(got[1][0], float)


@pytest.mark.parametrize("bad, error", [
    ({"status": 42}, DataTypeError), ({"due": 20260101}, DataTypeError),
    ({"due": "2026-02-30"}, ValueError), ({"closed_on": True}, DataTypeError),
])
def test_a_damaged_row_raises_as_alone(bad: dict, error: type[Exception]) -> None:
    docs = [row(1), row(2) | bad]
    with pytest.raises(error) as column_error:
        fields_columns(ActionItem, docs, NAMES)
    with pytest.raises(error) as row_error:
        fields_data(ActionItem, docs[1], NAMES)
    assert str(column_error.value) == str(row_error.value)


def test_a_missing_required_field_raises() -> None:
    with pytest.raises(KeyError):
        fields_columns(ActionItem, [row(1), {"id": "A2"}], NAMES)


def summary_doc(n: int, **extra: object) -> dict:
    return {"id": f"m{n}", "agenda_id": "w", "agenda_title": "W", "date": f"2026-01-{n:02d}",
            "status": "ended", "readings": {"a": 1.5, "b": None},
            "on_track": {"a": True, "b": None}, **extra}


@pytest.mark.parametrize("extra", [{}, {"rating": 7}, {"rating": 7.5}, {"rating": None}])
def test_many_rows_build_what_one_row_builds(extra: dict) -> None:
    """Meeting index rows built in columns equal those built one by one; a whole-number
    rating is still a float, and a readings dict is each row's own copy."""
    docs = [summary_doc(1, **extra), summary_doc(2, **extra)]
    many = from_data_many(MeetingSummary, docs)
    assert many == [from_data(MeetingSummary, d) for d in docs]
    assert many is not None and many[0].readings is not docs[0]["readings"]
    if extra.get("rating") is not None:
        assert type(many[0].rating) is float


@pytest.mark.parametrize("bad", [
    {"readings": {"a": "12"}}, {"on_track": {"a": 1}}, {"rating": True}, {"date": 5},
    {"readings": []}, {"readings": {"a": 2}},  # a whole number in a dict: built one by one
])
def test_many_rows_leave_an_odd_one_to_be_built_alone(bad: dict) -> None:
    docs = [summary_doc(1), summary_doc(2, **bad)]
    many = from_data_many(MeetingSummary, docs)
    try:
        alone = [from_data(MeetingSummary, d) for d in docs]
    except (TypeError, ValueError):
        assert many is None  # the caller builds them one by one, which names the row
    else:
        assert many is None or many == alone
