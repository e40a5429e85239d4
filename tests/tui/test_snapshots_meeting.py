"""Snapshots at 100x30 of the real meeting screen on each section of the weekly agenda.

The weekly meeting is started on the seeded demo data (fixed clock from the root conftest,
timers frozen) and pagedown is pressed until the section shows, as the facilitator does.
Regenerate with ``pytest tests/tui/test_snapshots_meeting.py --snapshot-update`` after a
change to the meeting screen or an editor's look, and read the SVGs before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory

from checkin.tui.screens.meeting import MeetingScreen

SIZE = (100, 30)
# The weekly agenda's sections, in meeting order (checked against the screen below).
KINDS = ("attendance", "action-review", "metrics", "roadblocks", "updates", "actions",
         "notes", "wrap-up")


@pytest.mark.parametrize("index", range(len(KINDS)), ids=KINDS)
def test_meeting_section_snapshot(index: int, snap_compare, demo_dir: Path,
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

    assert snap_compare(app, terminal_size=SIZE, run_before=go_to_section)
