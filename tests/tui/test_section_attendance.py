"""Attendance editor: toggles and notes are saved; the count follows."""

from __future__ import annotations

from pathlib import Path

from hosts import burst, editor_app, hosted, reopen
from textual.widgets import Checkbox, Label

from checkin.core.model import Agenda
from checkin.tui.app import CheckinApp
from checkin.tui.widgets.wrap_field import WrapField


def count_text(app: CheckinApp) -> str:
    return str(app.screen.query_one("#attendance-count", Label).render())


async def test_toggle_note_and_all_present_persist(demo_dir: Path,
                                                   weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "attendance")
    async with hosted(app) as pilot:
        assert count_text(app) == "0 of 5 present"
        await pilot.press("space")                  # Marketing present
        await pilot.press("down", "enter")          # Sales present
        await pilot.press("down", "tab")            # Product's note
        await pilot.press(*"on leave")
        await pilot.pause()
        assert isinstance(app.focused, WrapField)
        assert count_text(app) == "2 of 5 present"
        await pilot.press("shift+tab", "down", "down", "space")  # IT present
        await pilot.pause()
        assert count_text(app) == "3 of 5 present"
    with reopen(demo_dir) as (_store, meeting):
        present = {a.department: a.present for a in meeting.attendance}
        assert present == {"Marketing": True, "Sales": True, "Product": False,
                           "Customer Support": False, "IT": True}
        assert meeting.attendance[2].note == "on leave"


async def test_mark_all_present_then_untoggle_one(demo_dir: Path,
                                                  weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "attendance")
    async with hosted(app) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert count_text(app) == "5 of 5 present"
        await pilot.press("up", "space")            # wraps to IT: absent again
        await pilot.pause()
        assert count_text(app) == "4 of 5 present"
        assert app.screen.query(Checkbox)[4].value is False
    with reopen(demo_dir) as (_store, meeting):
        assert [a.present for a in meeting.attendance] == [True, True, True, True, False]


async def test_space_down_space_down_space_marks_three_departments(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "attendance")
    async with hosted(app) as pilot:
        await pilot.press("space", "down", "space", "down", "space")
        await pilot.pause()
        assert count_text(app) == "3 of 5 present"
        states = [str(label.render()) for label in app.screen.query(".state").results(Label)]
        assert states == ["present", "present", "present", "absent", "absent"]
    with reopen(demo_dir) as (_store, meeting):
        assert [a.present for a in meeting.attendance] == [True, True, True, False, False]


async def test_keys_typed_in_one_burst_reach_their_rows(demo_dir: Path,
                                                        weekly_agenda: Agenda) -> None:
    """Keys arriving together (tmux send-keys, a fast typist) once gave "1 of 5 present":
    Down moved focus only after the next Space had gone to the first checkbox."""
    app = editor_app(demo_dir, "attendance")
    async with hosted(app) as pilot:
        await burst(pilot, "space", "down", "space", "down", "space", "tab", *"late")
        assert count_text(app) == "3 of 5 present"
        assert app.screen.query(WrapField)[2].value == "late"
    with reopen(demo_dir) as (_store, meeting):
        assert [a.present for a in meeting.attendance] == [True, True, True, False, False]
        assert meeting.attendance[2].note == "late"


async def test_state_reads_without_colour(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "attendance")
    async with hosted(app) as pilot:
        await pilot.press("down", "space")
        await pilot.pause()
        boxes = [str(box.render()) for box in app.screen.query(Checkbox)]
        assert boxes[1].startswith("▐✓▌") and boxes[0].startswith("▐ ▌")
