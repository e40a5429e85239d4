"""What Home lists, computed without Textual."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from checkin.core.model import Agenda
from checkin.services.home import home_data, last_ended, next_date_for
from checkin.services.meetings import start_meeting
from checkin.store import Store

TODAY = date(2026, 11, 23)


def test_next_date_is_what_the_last_meeting_set_else_today(demo_dir: Path) -> None:
    with Store(demo_dir) as store:
        last = store.load_meeting(store.meetings("weekly")[0].id)
        last.next_meeting = date(2026, 11, 25)
        store.save_meeting(last)
        assert next_date_for(last_ended(store, store.meetings("weekly")), TODAY) \
            == date(2026, 11, 25)
        assert next_date_for(last_ended(store, store.meetings("post-campaign")), TODAY) \
            == TODAY


def test_home_data_counts_flags_and_broken_agendas(demo_dir: Path,
                                                   weekly_agenda: Agenda) -> None:
    (demo_dir / "agendas").mkdir()
    (demo_dir / "agendas" / "bad.toml").write_text("title = \n")
    with Store(demo_dir) as store:
        started = start_meeting(store, weekly_agenda, now=datetime(2026, 11, 23, 9))
        data = home_data(store, demo_dir, TODAY)
        actions = store.actions()
    by_id = {e.info.id: e for e in data.agendas}
    assert by_id["bad"].info.error and by_id["bad"].next_date is None
    assert by_id["weekly"].in_progress.id == started.id
    assert by_id["weekly"].meetings_held == 6  # ended ones: the live one is not held yet
    assert [s.id for s in data.in_progress] == [started.id]
    assert all(s.status == "ended" for s in data.recent) and len(data.recent) == 6
    assert data.open_actions == sum(a.status == "open" for a in actions)
    assert data.overdue_actions == sum(a.is_overdue(TODAY) for a in actions)
    assert 0 < data.overdue_actions < data.open_actions


def test_next_meeting_shows_what_is_waiting(demo_dir: Path) -> None:
    with Store(demo_dir) as store:
        last = store.load_meeting(store.meetings("weekly")[0].id)
        for rb in last.roadblocks[:1]:
            rb.status = "open"
        metric = last.agenda.metrics[0]
        last.reading(metric.name).value = metric.target - 1 if metric.better == "higher" \
            else metric.target + 1
        store.save_meeting(last)
        data = home_data(store, demo_dir, TODAY)
        open_items = [a for a in store.actions("open") if a.agenda_id == "weekly"]
        expected_rbs = sum(r.status != "resolved" for r in last.roadblocks)
    weekly = next(e for e in data.agendas if e.info.id == "weekly")
    assert weekly.waiting.open_items == len(open_items) > 0
    assert weekly.waiting.overdue_items == sum(a.is_overdue(TODAY) for a in open_items)
    assert weekly.waiting.open_roadblocks == expected_rbs
    assert metric.name in weekly.waiting.off_track
    assert str(weekly.waiting).startswith("waiting: ")
    never = next(e for e in data.agendas if e.info.id == "post-campaign")
    assert never.waiting is None
