"""The weekly meeting when two departments prepared (Sales, IT) and one did not (Marketing).

Forms are written and taken in by the real CLI; the facilitator then starts the meeting
from Home and sees who prepared and what came from prep; a value changed in the room is
the room's; a proposed roadblock is accepted with one key. Checked on disk and in the
minutes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import AppFactory, reopen
from test_full_meeting import SIZE, next_section, start_weekly_from_home, text_of
from textual.widgets import Label, OptionList

from checkin.core.prep import from_prep
from checkin.render.html import export_meeting
from checkin.services.minutes import minutes_inputs
from checkin.tui.sections.attendance import AttendanceEditor
from checkin.tui.sections.metrics import MetricRow

MEETING = "2026-11-23-weekly"


def cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "checkin", "--data", str(data), *args],
                          capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    return proc


def prepare(demo_dir: Path, forms: Path) -> None:
    cli(demo_dir, "prep", "weekly", "-o", str(forms))
    for name in ("marketing", "product", "customer-support"):
        (forms / f"{name}.toml").unlink()  # they did not prepare
    sales = forms / "sales.toml"
    sales.write_text(sales.read_text()
                     .replace('win = ""', 'win = "Closed the Acme renewal"', 1)
                     .replace('value = ""', 'value = "262k"', 1))
    it = forms / "it.toml"
    it.write_text(it.read_text().replace('value = ""', "value = 99.95", 1)
                  + '\n[[roadblocks]]\ntitle = "VPN licences run out"\nblocking = ["Sales"]\n')
    cli(demo_dir, "collect", str(forms))


async def test_meeting_with_two_departments_prepared(demo_dir: Path, tmp_path: Path,
                                                     app_factory: AppFactory) -> None:
    prepare(demo_dir, tmp_path / "forms")
    app = app_factory(demo_dir, live_clock=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agendas = app.screen.query_one("#home-agendas", OptionList)
        weekly = next(agendas.get_option_at_index(n) for n in range(agendas.option_count)
                      if agendas.get_option_at_index(n).id == "agenda:weekly")
        assert "prep taken in: Enter starts it" in str(weekly.prompt)
        screen = await start_weekly_from_home(pilot)
        assert screen.session.meeting.id == MEETING
        assert "✎ prepared: Sales, IT" in text_of(screen, "#attendance-count")
        people = {str(lbl.render()) for lbl in
                  screen.query_one(AttendanceEditor).query(".person").results(Label)}
        assert "Marcus Okafor ✎" in people and "Dana Lee" in people

        await next_section(pilot, "action-review")
        screen = await next_section(pilot, "metrics")
        assert "2 from prep" in text_of(screen, "#metrics-summary")
        rows = list(screen.query(MetricRow))
        pipeline = next(n for n, r in enumerate(rows) if r.metric.name == "Pipeline added")
        assert rows[pipeline].value_text.replace("\u202f", "").replace(
            " ", "").replace(",", "") in ("262000", "$262000")
        await pilot.press(*["down"] * pipeline, "end", *["backspace"] * 12, *"270000")
        await pilot.pause()
        assert "1 from prep" in text_of(screen, "#metrics-summary")

        await next_section(pilot, "roadblocks")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+q")
    app.store.close()

    with reopen(demo_dir) as store:
        meeting = store.load_meeting(MEETING)
        assert meeting.status == "in-progress"
        prepared = {a.department for a in meeting.attendance if a.prepared}
        assert prepared == {"Sales", "IT"}
        assert meeting.reading("Pipeline added").value == 270000
        assert not from_prep(meeting, "value:Pipeline added")  # the room changed it
        it_metric = next(m.name for m in meeting.agenda.metrics if m.department == "IT")
        assert from_prep(meeting, f"value:{it_metric}")
        vpn = next(r for r in meeting.roadblocks if r.title == "VPN licences run out")
        assert vpn.blocking == ["Sales"]
        markdown = export_meeting(meeting, **minutes_inputs(store, meeting))
    assert "Closed the Acme renewal (from prep)" in markdown
    pipeline_row = markdown.split("| Pipeline added |", 1)[1].split("\n", 1)[0]
    assert "270" in pipeline_row and "(from prep)" not in pipeline_row
    assert "(from prep)" in markdown.split(f"| {it_metric} |", 1)[1].split("\n", 1)[0]
    attendance = markdown.split("## Attendance", 1)[1].split("##", 1)[0]
    marketing = next(line for line in attendance.splitlines() if "**Marketing:**" in line)
    sales = next(line for line in attendance.splitlines() if "**Sales:**" in line)
    assert "prepared" in sales and "prepared" not in marketing
