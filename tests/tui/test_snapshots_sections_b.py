"""Snapshots (100x30) of the updates, actions, notes and wrap-up editors and the quick-add
bar, hosted with the seeded demo data and the fixed clock."""

from __future__ import annotations

from pathlib import Path

from harness_b import Host, editor_host, open_session

from checkin.core.model import Agenda, Decision
from checkin.tui.widgets.quick_add import QuickAddBar

SIZE = (100, 30)


def snap(snap_compare, session, app, run_before=None) -> bool:  # type: ignore[no-untyped-def]
    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        if run_before is not None:
            await run_before(pilot)
        await pilot.pause()

    try:
        return snap_compare(app, terminal_size=SIZE, run_before=settle)
    finally:
        session.store.close()


def test_updates_snapshot(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:  # type: ignore[no-untyped-def]
    session = open_session(demo_dir, weekly_agenda)

    async def type_win(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"Launched the spring newsletter", "tab", *"4 of 6 goals on track")

    assert snap(snap_compare, session, editor_host(session, "updates"), type_win)


def test_actions_snapshot(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:  # type: ignore[no-untyped-def]
    session = open_session(demo_dir, weekly_agenda)

    async def add_one_and_type_another(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"Write the bulk export spec", "enter", *"pri", "right", "enter",
                          "enter", "enter")
        await pilot.press(*"Dedupe CRM accounts", "enter", *"marc")

    assert snap(snap_compare, session, editor_host(session, "actions"),
                add_one_and_type_another)


def test_notes_snapshot(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:  # type: ignore[no-untyped-def]
    session = open_session(demo_dir, weekly_agenda)
    session.meeting.decisions = [Decision("Freeze CRM field changes", owner="Marcus Okafor")]

    async def type_notes(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"Budget review moves to December.", "tab",
                          *"Webinar moves a week")

    assert snap(snap_compare, session, editor_host(session, "notes"), type_notes)


def test_wrapup_snapshot(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:  # type: ignore[no-untyped-def]
    session = open_session(demo_dir, weekly_agenda)
    for a in session.meeting.attendance[:3]:
        a.present = True
    session.meeting.elapsed_seconds = [100.0, 600.0, 540.0, 1000.0, 300.0, 420.0, 200.0, 30.0]

    async def rate(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"Good pace; CRM dedupe is the top risk", "tab", "1", "1")

    assert snap(snap_compare, session, editor_host(session, "wrap-up"), rate)


def test_quick_add_snapshot(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:  # type: ignore[no-untyped-def]
    session = open_session(demo_dir, weekly_agenda)
    app = Host(session, lambda s: QuickAddBar(s, id="hosted"))

    async def type_line(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"@maria #cust fix CRM dedupe due:fri")

    assert snap(snap_compare, session, app, type_line)


def test_end_meeting_confirm_snapshot(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:  # type: ignore[no-untyped-def]
    session = open_session(demo_dir, weekly_agenda)

    async def ask_to_end(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("ctrl+e")

    assert snap(snap_compare, session, editor_host(session, "wrap-up"), ask_to_end)
