"""Carry-over rules across three meetings made with checkin.meetings: open items and
unresolved roadblocks move on, resolved ones stay; streaks and slips are counted; the
minutes open with what changed since the last meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from checkin.core.model import Agenda, Meeting
from checkin.core.rules import off_track_streak
from checkin.render.minutes import since_last
from checkin.services.meetings import add_roadblock, end_meeting, new_action, start_meeting
from checkin.services.minutes import minutes_text
from checkin.services.queries import escalation_flags, proposed_roadblocks
from checkin.store import Store

MONDAY = datetime(2026, 11, 2, 9, 0)


def start(store: Store, agenda: Agenda, week: int) -> Meeting:
    when = MONDAY + timedelta(weeks=week)
    return start_meeting(store, agenda, now=when, facilitator="Alex")


def read_all(meeting: Meeting, agenda: Agenda, *, first_off: bool) -> None:
    """Every metric on track, except the first one when ``first_off``."""
    for n, metric in enumerate(agenda.metrics):
        off = first_off and n == 0
        good = metric.target + (1 if metric.better == "higher" else -1)
        bad = metric.target - (1 if metric.better == "higher" else -1)
        meeting.reading(metric.name).value = bad if off else good


def test_three_meetings(data_dir: Path, weekly_agenda: Agenda) -> None:
    agenda = weekly_agenda
    first_metric = agenda.metrics[0].name
    with Store(data_dir) as store:
        # ---- meeting 1: two items, two roadblocks, first metric off track
        m1 = start(store, agenda, 0)
        day1 = m1.date
        finish = new_action(store, title="Finish spec", owner="Ana", due=day1 + timedelta(3),
                            today=day1, meeting=m1)
        slip = new_action(store, title="Call Acme", owner="Ben", due=day1 + timedelta(4),
                          today=day1, meeting=m1)
        fixed = add_roadblock(m1, "CRM down", raised_by="Sales")
        stuck = add_roadblock(m1, "No budget", raised_by="Marketing")
        read_all(m1, agenda, first_off=True)
        end_meeting(store, m1, now=MONDAY + timedelta(hours=1))
        assert m1.carried_action_ids == []

        # ---- meeting 2: both items carried; one done, one re-dated; one roadblock resolved
        m2 = start(store, agenda, 1)
        day2 = m2.date
        assert m2.carried_action_ids == [finish.id, slip.id]
        assert [(r.title, r.carried_from) for r in m2.roadblocks] == [
            ("CRM down", m1.id), ("No budget", m1.id)]
        finish.mark_done(day2, m2.id)
        store.save_action(finish)
        for week in (1, 2, 3):  # re-dated three times: it slips
            slip.redate(day2 + timedelta(weeks=week), day2, m2.id)
        store.save_action(slip)
        m2.roadblock(fixed.id).status = "resolved"
        new = new_action(store, title="Hire SDR", owner="Cy", due=day2 + timedelta(7),
                         today=day2, meeting=m2)
        read_all(m2, agenda, first_off=True)
        end_meeting(store, m2, now=MONDAY + timedelta(weeks=1, hours=1))

        since = since_last(m2, m1, store.actions())
        assert [a.id for a in since.closed] == [finish.id]
        assert [a.id for a in since.opened] == [new.id]
        assert [a.id for a in since.slipped] == [slip.id]
        assert [r.title for r in since.resolved] == ["CRM down"]
        assert slip.slips == 3

        # ---- meeting 3: only what is still open comes along
        m3 = start(store, agenda, 2)
        assert m3.carried_action_ids == [slip.id, new.id]
        assert [(r.title, r.carried_from) for r in m3.roadblocks] == [("No budget", m1.id)]
        assert m3.roadblocks[0].id == stuck.id
        read_all(m3, agenda, first_off=True)
        end_meeting(store, m3, now=MONDAY + timedelta(weeks=2, hours=1))

        rows = store.meetings(agenda.id)
        assert off_track_streak(s.on_track.get(first_metric) for s in rows) == 3
        assert off_track_streak(s.on_track.get(agenda.metrics[1].name) for s in rows) == 0
        flags = {(f.kind, f.subject) for f in escalation_flags(store, agenda.id)}
        assert flags == {("slipping", "Call Acme"), ("off-track", first_metric)}

        proposals = proposed_roadblocks(store, agenda.id, agenda=agenda)
        titles = [p.title for p in proposals]
        assert titles == [f"Keeps slipping: Call Acme ({slip.id})", f"Off track: {first_metric}"]
        assert proposals[0].owner == "Ben"
        metric_dept = agenda.metrics[0].department
        assert proposals[1].blocking == [metric_dept]
        assert proposals[1].owner == agenda.department(metric_dept).representative
        # accepted once (or carried over), never offered again
        assert proposed_roadblocks(store, agenda.id, existing=[titles[0]])[0].title == titles[1]

        # ---- the minutes of meeting 2 open with the "since last meeting" block
        text = minutes_text(store, store.load_meeting(m2.id))
    block = text.split("## Since last meeting", 1)[1].split("\n## ", 1)[0]
    labels = ["Action items closed", "Action items opened", "Action items slipped",
              "Roadblocks resolved"]
    parts = {}
    for label, after in zip(labels, [*labels[1:], None]):
        part = block.split(f"**{label}**", 1)[1]
        parts[label] = part.split(f"**{after}**", 1)[0] if after else part
    assert "Finish spec" in parts["Action items closed"]
    assert "Call Acme" not in parts["Action items closed"]
    assert "Hire SDR" in parts["Action items opened"]
    assert "Call Acme" in parts["Action items slipped"]
    assert "CRM down" in parts["Roadblocks resolved"]
    assert "No budget" not in parts["Roadblocks resolved"]
