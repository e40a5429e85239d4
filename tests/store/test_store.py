"""The store on real files: layout, atomic saves, lock, schema versions, queries."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from checkin.core.model import Agenda
from checkin.core.rules import filter_actions
from checkin.errors import CheckinError, LockedError, StoreError
from checkin.services.meetings import add_roadblock, end_meeting, new_action, start_meeting
from checkin.services.queries import carried_actions, metric_history, recent_readings
from checkin.store import Store, schema
from checkin.store.lines import format_lines, parse_lines
from checkin.store.lock import DirLock
from tests.conftest import NOW, TODAY


def tables(path: Path) -> dict:
    return parse_lines(path.read_bytes())


def write_tables(path: Path, data: dict) -> None:
    path.write_bytes(format_lines(data))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def test_layout_and_permissions(data_dir: Path, weekly_agenda: Agenda) -> None:
    old = os.umask(0o022)
    try:
        with Store(data_dir) as store:
            m = start_meeting(store, weekly_agenda, now=NOW)
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "meetings").stat().st_mode) == 0o700
    for f in (data_dir / "register.json", data_dir / "meetings" / f"{m.id}.json"):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    raw = tables(data_dir / "register.json")
    assert raw["_meta"]["schema"] == {"schema": schema.SCHEMA_VERSION, "kind": "register"}
    assert not list(data_dir.rglob("*.tmp"))


def test_meeting_round_trip_and_index(data_dir: Path, weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=NOW, facilitator="Alex")
        m.readings[0].value = 130.0
        m.notes = "line | with <html>\nand newline"
        add_roadblock(m, "CRM down", raised_by="Sales", blocking=["IT"])
        store.save_meeting(m)
    with Store(data_dir, readonly=True) as store:
        again = store.load_meeting(m.id)
        assert again == m
        (row,) = store.meetings()
        assert (row.id, row.status, row.roadblocks) == (m.id, "in-progress", 1)
        assert row.readings[weekly_agenda.metrics[0].name] == 130.0
        assert store.in_progress("weekly").id == m.id
        assert store.find_meeting("last").id == m.id
        assert store.find_meeting(TODAY.isoformat()).id == m.id


def test_agenda_snapshot_is_a_copy(data_dir: Path, weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=NOW)
    weekly_agenda.title = "Edited later"
    with Store(data_dir, readonly=True) as store:
        assert store.load_meeting(m.id).agenda.title != "Edited later"


def test_actions_carry_over_and_queries(data_dir: Path, weekly_agenda: Agenda) -> None:
    first_day = TODAY - timedelta(weeks=1)
    with Store(data_dir) as store:
        m1 = start_meeting(store, weekly_agenda, now=NOW - timedelta(weeks=1))
        a = new_action(store, title="Fix CRM", owner="Dana Lee", department="Marketing",
                       due=first_day + timedelta(days=3), today=first_day, meeting=m1)
        b = new_action(store, title="Ship it", owner="Priya", department="Product",
                       due=TODAY + timedelta(days=3), today=first_day, meeting=m1)
        done = new_action(store, title="Done one", owner="Priya", due=TODAY,
                          today=first_day, meeting=m1)
        done.mark_done(first_day, m1.id)
        store.save_action(done)
        rb = add_roadblock(m1, "Open one")
        add_roadblock(m1, "Solved one").status = "resolved"
        m1.readings[0].value = 1.0
        end_meeting(store, m1, now=NOW - timedelta(weeks=1))
        m2 = start_meeting(store, weekly_agenda, now=NOW)
    assert [a.id, b.id] == m2.carried_action_ids
    assert [r.title for r in m2.roadblocks] == ["Open one"]
    assert m2.roadblocks[0].carried_from == m1.id and m2.roadblocks[0].id == rb.id
    with Store(data_dir, readonly=True) as store:
        assert [i.id for i in carried_actions(store, "weekly")] == [a.id, b.id]
        overdue = filter_actions(store.actions(), today=TODAY, overdue=True)
        assert [i.title for i in overdue] == ["Fix CRM"]
        assert [i.title for i in filter_actions(store.actions(), today=TODAY, owner="priya")] \
            == ["Ship it"]
        hist = metric_history(store, "weekly", weekly_agenda.metrics[0].name)
        assert hist == [(first_day, 1.0), (TODAY, None)]
        name = weekly_agenda.metrics[0].name
        before = TODAY + timedelta(days=1)
        assert recent_readings(store, "weekly", [name], before, 8) == {name: [1.0, None]}
        assert recent_readings(store, "weekly", [name], before, 1) == {name: [None]}
        assert recent_readings(store, "weekly", [name], TODAY, 8) == {name: [1.0]}
        (row,) = [s for s in store.meetings() if s.id == m1.id]
        assert row.actions == 3 and row.status == "ended"


def test_action_ids_and_history(data_dir: Path) -> None:
    with Store(data_dir) as store:
        a = new_action(store, title="t", owner="o", due=TODAY, today=TODAY, agenda_id="weekly")
        a.redate(TODAY + timedelta(days=2), TODAY)
        a.reassign("p", TODAY)
        store.save_action(a)
        b = new_action(store, title="u", owner="o", due=TODAY, today=TODAY)
    assert (a.id, b.id) == ("A1", "A2")
    with Store(data_dir, readonly=True) as store:
        again = store.action("A1")
        assert [c.kind for c in again.history] == ["created", "redate", "reassign"]
        assert again.slips == 1 and again.owner == "p"
        with pytest.raises(CheckinError, match="A9"):
            store.action("A9")


@pytest.mark.parametrize("ref", ["nope", "2020-01-01"])
def test_unknown_meeting_reference(demo_dir: Path, ref: str) -> None:
    with Store(demo_dir, readonly=True) as store, pytest.raises(CheckinError, match="latest"):
        store.find_meeting(ref)


def test_second_writer_is_refused_and_named(demo_dir: Path) -> None:
    with Store(demo_dir):
        with pytest.raises(LockedError, match=rf"pid {os.getpid()}"):
            Store(demo_dir).open()
        with Store(demo_dir, readonly=True) as reader:  # readers need no lock
            assert reader.meetings()
    Store(demo_dir).open().close()  # released


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b'{"_default": {}}'])
def test_corrupt_register_is_reported_and_untouched(demo_dir: Path, content: bytes) -> None:
    reg = demo_dir / "register.json"
    reg.write_bytes(content)
    before = snapshot(demo_dir)
    for readonly in (True, False):
        with pytest.raises(StoreError, match="register.json") as err:
            Store(demo_dir, readonly=readonly).open()
        assert "\n" not in str(err.value)
    assert snapshot(demo_dir) == before
    lock = DirLock(demo_dir)
    lock.acquire()  # the failed open released the lock
    lock.release()


def test_newer_schema_is_refused(demo_dir: Path) -> None:
    reg = demo_dir / "register.json"
    data = tables(reg)
    data["_meta"]["schema"]["schema"] = schema.SCHEMA_VERSION + 1
    write_tables(reg, data)
    before = snapshot(demo_dir)
    with pytest.raises(StoreError, match="newer checkin"):
        Store(demo_dir).open()
    assert snapshot(demo_dir) == before


def test_missing_migration_is_refused(demo_dir: Path) -> None:
    reg = demo_dir / "register.json"
    data = tables(reg)
    data["_meta"]["schema"]["schema"] = 0
    write_tables(reg, data)
    before = snapshot(demo_dir)
    with pytest.raises(StoreError, match="no migration from schema 0"):
        Store(demo_dir).open()
    assert snapshot(demo_dir) == before


def test_failed_write_keeps_old_file_and_memory_rereads(data_dir: Path, weekly_agenda: Agenda,
                                                        monkeypatch) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=NOW)
        path = store.meeting_path(m.id)
        before = path.read_bytes()

        def full_disk(fd: int, data: bytes) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("checkin.store.atomic.os.write", full_disk)
        m.notes = "lost?"
        with pytest.raises(StoreError, match="No space left"):
            store.save_meeting(m)
        monkeypatch.undo()
        assert path.read_bytes() == before
        assert not list(data_dir.rglob("*.tmp"))
        assert store.load_meeting(m.id).notes == ""  # memory re-read from disk
        store.save_meeting(m)  # and a retry works
    with Store(data_dir, readonly=True) as store:
        assert store.load_meeting(m.id).notes == "lost?"


def test_readonly_on_missing_dir_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no checkin data"):
        Store(tmp_path / "none", readonly=True).open()
    assert not (tmp_path / "none").exists()


def test_unwritable_location(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Store(blocker / "data").open()


def test_meeting_ids_are_unique_per_day(data_dir: Path, weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        a = start_meeting(store, weekly_agenda, now=NOW)
        end_meeting(store, a, now=NOW)
        b = start_meeting(store, weekly_agenda, now=NOW)
    assert (a.id, b.id) == (f"{date(2026, 11, 23)}-weekly", "2026-11-23-weekly-2")


def test_typing_costs_one_meeting_file_and_index_catches_up(data_dir: Path,
                                                            weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=NOW)
        register = (data_dir / "register.json").read_bytes()
        m.readings[0].value = 99.0
        m.notes = "typing..."
        store.save_meeting(m)
        assert (data_dir / "register.json").read_bytes() == register  # register untouched
    with Store(data_dir) as store:  # a writer reconciles the index with the meeting files
        (row,) = store.meetings()
        assert row.readings[weekly_agenda.metrics[0].name] == 99.0


def test_orphan_meeting_file_is_indexed_on_open(data_dir: Path, weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        m = start_meeting(store, weekly_agenda, now=NOW)
    reg = data_dir / "register.json"
    data = tables(reg)
    data["meetings"] = {}  # as if the process died between the two writes
    write_tables(reg, data)
    with Store(data_dir) as store:
        assert [s.id for s in store.meetings()] == [m.id]
