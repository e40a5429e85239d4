"""Snapshots at 100x30 of Home (demo data), the meeting's first section and the minutes.

The clock is fixed by the root conftest and the meeting timers are frozen, so the
pictures only change when the screens do.
"""

from __future__ import annotations

from pathlib import Path

from conftest import AppFactory

SIZE = (100, 30)


def test_home_snapshot(snap_compare, demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, live_clock=False)

    async def settle(pilot) -> None:  # noqa: ANN001
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_meeting_first_section_snapshot(snap_compare, demo_dir: Path,
                                        app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)

    async def settle(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_minutes_snapshot(snap_compare, demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, live_clock=False)

    async def open_minutes(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_minutes)
