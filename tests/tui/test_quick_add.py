"""The quick-add line as a facilitator types it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from hosts import action_count, editor_app, hosted, on_disk
from textual.widgets import Label

from checkin.core.model import Agenda
from checkin.tui.sections.actions import ActionsList
from checkin.tui.widgets.quick_add import QuickAddBar


async def open_bar(pilot) -> QuickAddBar:  # type: ignore[no-untyped-def]
    """ctrl+t on the meeting's actions section, as the facilitator opens it."""
    await pilot.press("ctrl+t")
    await pilot.pause()
    bar = pilot.app.screen.query_one(QuickAddBar)
    assert bar.display and bar.input.has_focus
    return bar


async def test_quick_add_line_adds_a_parsed_item(demo_dir: Path, weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        bar = await open_bar(pilot)
        await pilot.press(*"@priya #cust fix CRM dedupe due:fri")
        await pilot.pause()
        preview = str(app.screen.query_one("#quick-add-preview", Label).render())
        assert "Priya Raman · Customer Support · due Fri 27 Nov 2026" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert bar.input.value == "" and bar.display  # stays open for the next one
        listed = app.screen.query_one(ActionsList)  # the section shows it at once
        assert len(listed.children) == 1 and "fix CRM dedupe" in str(
            listed.children[0].query_one(Label).render())
        # the owner's own department when no #dept is typed; default due = next meeting
        await pilot.press(*"@tom patch the VPN")
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display
    store, meeting = on_disk(demo_dir)
    try:
        items = store.actions()[before:]
    finally:
        store.close()
    got = [(i.title, i.owner, i.department, i.due, i.created_in) for i in items]
    assert got == [
        ("fix CRM dedupe", "Priya Raman", "Customer Support", date(2026, 11, 27), meeting.id),
        ("patch the VPN", "Tom Becker", "IT", date(2026, 11, 30), meeting.id),
    ]


async def test_bad_date_shows_inline_error_and_stores_nothing(demo_dir: Path,
                                                              weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        await open_bar(pilot)
        await pilot.press(*"@dana refresh page due:someday", "enter")
        await pilot.pause()
        label = app.screen.query_one("#quick-add-preview", Label)
        assert '"someday": not a date I understand' in str(label.render())
        assert label.has_class("-error")
        assert app.screen.query_one(QuickAddBar).input.value == "@dana refresh page due:someday"
        await pilot.press("ctrl+u", *"refresh page", "enter")  # no owner
        await pilot.pause()
        assert "add @name" in str(label.render())
    store, _ = on_disk(demo_dir)
    try:
        assert len(store.actions()) == before
    finally:
        store.close()


async def test_right_arrow_completes_names_and_departments(demo_dir: Path,
                                                           weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        bar = await open_bar(pilot)
        await pilot.press(*"@mar")  # Marcus Okafor or Sofia Martinez: nothing to complete
        await pilot.pause()
        await pilot.press("right")
        assert bar.input.value == "@mar"
        await pilot.press(*"c")
        await pilot.pause()
        await pilot.press("right", "space", *"#cus")
        await pilot.pause()
        await pilot.press("right")
        assert bar.input.value == "@Marcus_Okafor #Customer_Support"


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", "--data", str(root), *args],
                          capture_output=True, text=True, timeout=60)


async def test_a_typed_name_means_the_same_in_the_app_and_the_cli(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    """`pri` is Priya Raman in quick add and in `checkin actions --owner pri`; `ma` is the
    same one-line error in both."""
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (120, 30)) as pilot:
        await open_bar(pilot)
        await pilot.press(*"@ma call the bank due:fri")
        await pilot.pause()
        app_error = str(app.screen.query_one("#quick-add-preview", Label).render())
        await pilot.press("ctrl+u", *"@pri ship the beta due:fri", "enter")
        await pilot.pause()
    listed = cli(demo_dir, "actions", "--owner", "pri", "--format", "csv")
    assert listed.returncode == 0
    assert any("ship the beta" in line and "Priya Raman" in line
               for line in listed.stdout.splitlines())
    refused = cli(demo_dir, "actions", "--owner", "ma")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == f"checkin: error: --owner: {app_error}\n"
    assert app_error.startswith('"ma" could be Marcus Okafor, ')


async def test_an_unknown_owner_asks_new_person_first(demo_dir: Path,
                                                      weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (120, 30)) as pilot:
        session = app.session
        await open_bar(pilot)
        await pilot.press(*"@zed write the plan due:fri")
        await pilot.pause()
        preview = app.screen.query_one("#quick-add-preview", Label)
        assert "zed (new person?)" in str(preview.render())
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")  # back: nothing stored, the line kept
        await pilot.pause()
        assert len(session.store.actions()) == before
        assert app.screen.query_one(QuickAddBar).input.value == "@zed write the plan due:fri"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    store, _ = on_disk(demo_dir)
    try:
        added = store.actions()[before:]
    finally:
        store.close()
    assert [(i.title, i.owner) for i in added] == [("write the plan", "zed")]


async def test_a_past_due_date_needs_a_second_enter(demo_dir: Path,
                                                    weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (120, 30)) as pilot:
        session = app.session
        await open_bar(pilot)
        await pilot.press(*"@dana refresh page due:2026-11-20", "enter")
        await pilot.pause()
        label = str(app.screen.query_one("#quick-add-preview", Label).render())
        assert "in the past: Enter again to use it" in label
        assert len(session.store.actions()) == before
        await pilot.press("enter")
        await pilot.pause()
    store, _ = on_disk(demo_dir)
    try:
        assert [i.due for i in store.actions()[before:]] == [date(2026, 11, 20)]
    finally:
        store.close()


async def test_completion_offers_only_the_name_the_people_rule_resolves() -> None:
    from checkin.tui.widgets.quick_add import TagSuggester

    suggester = TagSuggester(["Priya Raman", "Marcus Okafor", "Maria Lopez"],
                             ["Sales", "Customer Support"])
    assert await suggester.get_suggestion("fix @pri") == "fix @Priya_Raman"
    assert await suggester.get_suggestion("fix @ma") is None  # Marcus or Maria: ambiguous
    assert await suggester.get_suggestion("@marc") == "@Marcus_Okafor"
    assert await suggester.get_suggestion("x #cu") == "x #Customer_Support"
    assert await suggester.get_suggestion("x #supp") is None  # resolves on Enter, not here
