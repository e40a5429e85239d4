"""Hooks in the live app: they run off the UI thread, a failing one is reported, and the
meeting goes on (real app, real store, real executables). Stopping a hanging hook is
tested in tests/services/test_hooks.py."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import AppFactory, reopen

from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.screens.minutes import MinutesScreen

SIZE = (100, 30)


def make_hook(folder: Path, event: str, body: str) -> None:
    path = folder / event
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o700)


async def test_hooks_fire_without_holding_up_the_meeting(
        demo_dir: Path, app_factory: AppFactory, isolated_config: Path, tmp_path: Path) -> None:
    hooks = isolated_config.parent / "hooks"
    hooks.mkdir()
    added, ended = tmp_path / "added.json", tmp_path / "ended.md"
    make_hook(hooks, "action-added", f"cat > '{added}'")
    release = tmp_path / "release"
    # Holds until the test releases it, so the minutes can only show if the UI did not wait.
    make_hook(hooks, "meeting-ended", f"cp \"$1\" '{ended}'; echo \"$2\" >> '{ended}'\n"
              f"while [ ! -e '{release}' ]; do sleep 0.05; done\necho 'webhook down' >&2; exit 7")
    app = app_factory(demo_dir, agenda="weekly", live_clock=False)
    app.hooks.timeout = 120
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting_id = app.screen.session.meeting.id
        await pilot.press("ctrl+t", *"@priya Fix onboarding bug due:fri", "enter", "escape")
        await pilot.pause()
        while app.screen.section.kind != "wrap-up":
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)  # shown while the hook still waits
        release.touch()
        app.hooks.wait(60)
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert ("hook meeting-ended: failed with exit status 7 (webhook down); "
                "your data is saved") in said, said
        await pilot.press("ctrl+q")
    item = json.loads(added.read_text())
    assert (item["title"], item["owner"], item["created_in"]) == (
        "Fix onboarding bug", "Priya Raman", meeting_id)
    text = ended.read_text()
    assert text.startswith("# Weekly cross-functional check-in") and text.endswith(
        f"{meeting_id}\n")
    with reopen(demo_dir) as store:  # nothing lost: ended and saved before the hook ran
        assert store.find_meeting(meeting_id).status == "ended"


async def test_closing_an_item_between_meetings_fires_action_closed(
        demo_dir: Path, app_factory: AppFactory, isolated_config: Path, tmp_path: Path) -> None:
    from checkin.tui.screens.actions import ActionsScreen
    from checkin.tui.widgets.action_table import ActionTable

    hooks = isolated_config.parent / "hooks"
    hooks.mkdir()
    closed = tmp_path / "closed.jsonl"
    make_hook(hooks, "action-closed", f"cat >> '{closed}'")
    app = app_factory(demo_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        first, second = (i.id for i in app.screen.query_one(ActionTable).items[:2])
        await pilot.press("d")  # done
        await pilot.press("r", *"+2w", "enter")  # the next one re-dated: not a close
        await pilot.pause()
        app.hooks.wait(30)
        await pilot.press("ctrl+q")
    lines = closed.read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [first]
    assert json.loads(lines[0])["status"] == "done"
    with reopen(demo_dir) as store:
        assert store.action(first).status == "done" and store.action(second).status == "open"
