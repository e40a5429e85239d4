"""What prep forms sent, in the room: shown as such (the scorecard marks each row ✎ until
the room changes it), waiting items accepted with `p`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from hosts import cells_drawn, editor_app, editor_of, head_at, hosted, name_drawn, reopen
from textual.app import App
from textual.widgets import Label

from checkin.core.model import Agenda
from checkin.core.prep import from_prep
from checkin.store import Store
from checkin.tui.sections.action_review import ReviewRow
from checkin.tui.sections.metrics import MetricRow
from checkin.tui.sections.roadblocks import RoadblocksEditor


def collect_form(demo_dir: Path, tmp_path: Path, item_id: str) -> None:
    """A filled-in form of ``item_id``'s department proposing it done and a roadblock."""
    with Store(demo_dir, readonly=True) as store:
        dept = store.action(item_id).department
    run = [sys.executable, "-m", "checkin", "--data", str(demo_dir)]
    env = dict(os.environ)
    subprocess.run([*run, "prep", "weekly", "-o", str(tmp_path), "--department", dept],
                   check=True, capture_output=True, env=env)
    form = next(tmp_path.glob("*.toml"))
    head, tail = form.read_text().split(f'id = "{item_id}"', 1)
    tail = tail.replace('status = ""', 'status = "done"', 1)
    text = head + f'id = "{item_id}"' + tail
    text += '\n[[roadblocks]]\ntitle = "Waiting for the pricing sheet"\nblocking = []\n'
    form.write_text(text)
    proc = subprocess.run([*run, "collect", str(form)], capture_output=True, text=True,
                          env=env)
    assert proc.returncode == 0, proc.stderr


async def test_p_accepts_a_prep_status_in_action_review(demo_dir: Path, tmp_path: Path,
                                                        weekly_agenda: Agenda) -> None:
    collect_form(demo_dir, tmp_path, "A6")
    app = editor_app(demo_dir, "action-review")
    async with hosted(app) as pilot:
        rows = list(app.screen.query(ReviewRow))
        assert rows[0].item.id == "A6"
        assert rows[0].text("status") == "p: done"
        await pilot.press("p")
        await pilot.pause()
        assert rows[0].text("status") == "✓ done"
        assert editor_of(app).session.meeting.prep_statuses == []
        await pilot.press("p")  # nothing else waits: the key is gone
        await pilot.pause()
    with reopen(demo_dir) as (store, meeting):
        a6 = store.action("A6")
        assert a6.status == "done" and a6.closed_in == meeting.id
        assert meeting.prep_statuses == []


async def test_p_accepts_a_prep_roadblock(demo_dir: Path, tmp_path: Path,
                                          weekly_agenda: Agenda) -> None:
    collect_form(demo_dir, tmp_path, "A6")
    app = editor_app(demo_dir, "roadblocks")
    async with hosted(app) as pilot:
        editor = app.screen.query_one(RoadblocksEditor)
        assert editor.proposals[0].title == "Waiting for the pricing sheet"
        await pilot.press("p")
        await pilot.pause()
        roadblocks = editor_of(app).session.meeting.roadblocks
        assert any(r.title == "Waiting for the pricing sheet" for r in roadblocks)
        assert all(p.title != "Waiting for the pricing sheet" for p in editor.proposals)


def collect_sales(demo_dir: Path, tmp_path: Path) -> None:
    """Sales sent Pipeline added (with a comment) and Win rate; nobody else prepared."""
    run = [sys.executable, "-m", "checkin", "--data", str(demo_dir)]
    subprocess.run([*run, "prep", "weekly", "-o", str(tmp_path), "--department", "sales"],
                   check=True, capture_output=True, env=dict(os.environ))
    form = tmp_path / "sales.toml"
    form.write_text(form.read_text().replace('value = ""', 'value = "262k"', 1)
                    .replace('comment = ""', 'comment = "Two late enterprise deals"', 1)
                    .replace('value = ""', "value = 27", 1))
    proc = subprocess.run([*run, "collect", str(form)], capture_output=True, text=True,
                          env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr


def cell(row: MetricRow, cls: str) -> str:
    if cls in ("prep", "mark", "trend"):  # drawn by one widget
        return row.marks.text(cls)
    return str(row.query_one(f".{cls}", Label).render())


async def test_each_scorecard_row_says_from_prep_until_the_room_changes_it(
        demo_dir: Path, tmp_path: Path, weekly_agenda: Agenda) -> None:
    collect_sales(demo_dir, tmp_path)
    for size, mark in (((120, 40), "✎ prep"), ((80, 24), "✎")):
        app = editor_app(demo_dir, "metrics")
        async with hosted(app, size=size) as pilot:
            rows = {r.metric.name: r for r in app.screen.query(MetricRow)}
            pipeline, win_rate = rows["Pipeline added"], rows["Win rate"]
            assert [cell(pipeline, "prep"), cell(win_rate, "prep")] == [mark, mark]
            assert cell(pipeline, "comment-mark") == "✎"  # the comment came from prep too
            assert not win_rate.query(".comment-mark")  # no comment, not focused: no line
            assert {cell(r, "prep") for n, r in rows.items()
                    if n not in ("Pipeline added", "Win rate")} == {""}
            assert "✎ 2 from prep" in text_of(app, "#metrics-summary")
            assert pipeline.marks.column("prep")[1] == len(mark) + 1
            assert re.search(f"262,000 +{mark} ✓ on", cells_drawn(pipeline)[0])
            for row in rows.values():  # the mark costs no name a cut
                longest = max(len(w) for w in row.metric.name.split())
                assert head_at(app, "Target", row) > longest
                assert name_drawn(app, row) == row.metric.name
        if size == (120, 40):
            continue
        async with hosted(editor_app(demo_dir, "metrics"), size=size) as pilot:
            app = pilot.app
            rows = {r.metric.name: r for r in app.screen.query(MetricRow)}
            pipeline = rows["Pipeline added"]
            pipeline.value_input().focus()
            await pilot.press("end", *["backspace"] * 12, *"270000")
            await pilot.pause()
            assert cell(pipeline, "prep") == ""  # the room's number now
            assert cell(pipeline, "comment-mark") == "✎"  # its comment is still the form's
            assert "✎ 1 from prep" in text_of(app, "#metrics-summary")
            await pilot.press("tab", "end", *" and one renewal")
            await pilot.pause()
            assert cell(pipeline, "comment-mark") == "↳"
    with reopen(demo_dir) as (_store, meeting):
        assert meeting.reading("Pipeline added").value == 270000
        assert not from_prep(meeting, "value:Pipeline added")
        assert from_prep(meeting, "value:Win rate")


def text_of(app: App, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


async def test_attendance_shows_who_prepared_whole_at_80x24(demo_dir: Path, tmp_path: Path,
                                                            weekly_agenda: Agenda) -> None:
    collect_sales(demo_dir, tmp_path)
    app = editor_app(demo_dir, "attendance")
    async with hosted(app, size=(80, 24)):
        assert "✎ prepared: Sales" in text_of(app, "#attendance-count")
        for person in app.screen.query(".attendee-row .person").results(Label):
            shown = str(person.render())  # "Marcus Okafor ✎" was cut to "Marcus Okafor…"
            assert person.content_region.width >= len(shown), shown
        sales = next(str(p.render()) for p in app.screen.query(".person").results(Label)
                     if "Marcus" in str(p.render()))
        assert sales == "Marcus Okafor ✎"
