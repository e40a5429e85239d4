"""Prep forms into a meeting: from prep until the room changes it; a newer form replaces."""

from __future__ import annotations

from datetime import date

from checkin.core.model import ActionItem, Agenda, Attendee, Meeting, PrepSource, PrepStatus
from checkin.core.prep import (
    Kept,
    MetricEntry,
    PrepForm,
    accept_status,
    from_prep,
    prep_summary,
    take_form,
    update_prep_note,
)

SOURCE = PrepSource("sales.toml", "d1", "2026-11-22T10:00:00")


def meeting(agenda: Agenda) -> Meeting:
    return Meeting(id="m", agenda=agenda, date=date(2026, 11, 30),
                   attendance=[Attendee(d.name, d.representative) for d in agenda.departments])


def test_a_field_is_from_prep_until_the_room_changes_it(weekly_agenda: Agenda) -> None:
    m = meeting(weekly_agenda)
    take_form(m, PrepForm("Sales", wins="Acme", metrics=[MetricEntry("Win rate", 27.0)]),
              SOURCE)
    assert m.update("Sales").wins == "Acme" and m.reading("Win rate").value == 27.0
    assert from_prep(m, "wins:Sales") and from_prep(m, "value:Win rate")
    assert prep_summary(m, "value") == " · ✎ 1 from prep"
    assert update_prep_note(m, "Sales") == "from prep: wins"
    m.reading("Win rate").value = 28.0
    assert not from_prep(m, "value:Win rate") and prep_summary(m, "value") == ""
    assert [a.department for a in m.attendance if a.prepared] == ["Sales"]


def test_a_newer_form_replaces_what_the_room_has_not_changed(weekly_agenda: Agenda) -> None:
    m = meeting(weekly_agenda)
    take_form(m, PrepForm("Sales", wins="Acme", progress="CRM",
                          metrics=[MetricEntry("Win rate", 27.0)]), SOURCE)
    m.update("Sales").progress = "typed in the room"
    take_form(m, PrepForm("Sales", wins="Acme and Globex", progress="newer"),
              PrepSource("sales.toml", "d2", "2026-11-23T10:00:00"))
    assert m.update("Sales").wins == "Acme and Globex"
    assert m.update("Sales").progress == "typed in the room"
    assert m.reading("Win rate").value is None  # the newer form left it blank
    assert m.prep_sources["Sales"].digest == "d2"


def test_a_field_the_room_cleared_stays_cleared(weekly_agenda: Agenda) -> None:
    m = meeting(weekly_agenda)
    take_form(m, PrepForm("Sales", wins="Acme", metrics=[MetricEntry("Win rate", 27.0,
                                                                     "late deals")]), SOURCE)
    m.update("Sales").wins = ""  # the room cleared them
    m.reading("Win rate").value = None
    kept = take_form(m, PrepForm("Sales", wins="Acme and Globex",
                                 metrics=[MetricEntry("Win rate", 29.0, "late deals")]),
                     PrepSource("sales.toml", "d2", "2026-11-23T10:00:00"))
    assert m.update("Sales").wins == "" and m.reading("Win rate").value is None
    assert kept == [Kept("wins:Sales", "", "Acme and Globex"),
                    Kept("value:Win rate", "", "29.0")]
    assert from_prep(m, "comment:Win rate")  # untouched by the room: still the form's
    assert not from_prep(m, "value:Win rate") and not from_prep(m, "wins:Sales")


def test_accepting_a_status_uses_the_model_history(weekly_agenda: Agenda) -> None:
    m = meeting(weekly_agenda)
    item = ActionItem("A1", "Fix CRM", "Marcus Okafor", date(2026, 11, 27), "Sales")
    m.prep_statuses = [PrepStatus("Sales", "A1", "2026-12-04")]
    assert accept_status(m, item, date(2026, 11, 30)) == "2026-12-04"
    assert item.due == date(2026, 12, 4) and item.slips == 1 and m.prep_statuses == []
    assert accept_status(m, item, date(2026, 11, 30)) is None
