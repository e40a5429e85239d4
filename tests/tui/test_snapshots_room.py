"""Snapshots of the meeting screen on each section at 80x24 and 100x30: what a room sees
on a laptop shared at the sizes people really use. Section titles whole in the sidebar,
the meeting title in the header, long text wrapped, the footer not cut mid-word.

The weekly meeting is started on the seeded demo data (fixed clock, timers frozen) and
pagedown is pressed until the section shows. Regenerate with ``pytest
tests/tui/test_snapshots_room.py --snapshot-update`` and read the SVGs before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory

from checkin.tui.screens.meeting import MeetingScreen

SIZES = {"80x24": (80, 24), "100x30": (100, 30)}
KINDS = ("attendance", "action-review", "metrics", "roadblocks", "updates", "actions",
         "notes", "wrap-up")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("index", range(len(KINDS)), ids=KINDS)
def test_section_at_room_sizes(index: int, size: str, snap_compare, demo_dir: Path,
                               app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)

    async def go_to_section(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        for _ in range(index):
            await pilot.press("pagedown")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.section.kind == KINDS[index]

    assert snap_compare(app, terminal_size=SIZES[size], run_before=go_to_section)
