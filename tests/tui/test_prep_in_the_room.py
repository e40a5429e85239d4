"""What prep forms sent, in the room: shown as such, waiting items accepted with `p`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hosts import editor_app, editor_of, hosted, reopen
from textual.widgets import Label

from checkin.core.model import Agenda
from checkin.store import Store
from checkin.tui.sections.action_review import ReviewRow
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
        assert str(rows[0].query_one(".status", Label).render()) == "p: done"
        await pilot.press("p")
        await pilot.pause()
        assert str(rows[0].query_one(".status", Label).render()) == "✓ done"
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
