"""Scorecard trends from the meeting index, and `checkin trends`."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from checkin.core import trends as model
from checkin.core.model import Agenda
from checkin.core.rules import completion_rate
from checkin.render import trends as render
from checkin.services import trends
from checkin.store import Store
from tests.render.test_share import run_cli


def test_trends_come_from_the_index_alone(demo_dir: Path, weekly_agenda: Agenda) -> None:
    shutil.rmtree(demo_dir / "meetings")  # no meeting file may be needed
    with Store(demo_dir, readonly=True) as store:
        t = trends.agenda_trends(store, "weekly", agenda=weekly_agenda)
        summaries = list(reversed(store.meetings("weekly")))
    assert [s.id for s in t.meetings] == [s.id for s in summaries]
    assert [m.name for m in t.metrics] == [m.name for m in weekly_agenda.metrics]
    first = t.metrics[0]
    assert [p.value for p in first.points] == [s.readings[first.name] for s in summaries]
    assert [p.on_track for p in first.points] == [s.on_track[first.name] for s in summaries]
    assert first.target == weekly_agenda.metrics[0].target


def test_streak_counts_the_latest_off_track_readings() -> None:
    from datetime import date

    points = [model.Point(date(2026, 1, d), f"m{d}", 1.0, track)
              for d, track in zip(range(1, 6), [False, True, False, False, False])]
    trend = model.Trend("x", points)
    assert trend.streak == 3 and trend.escalate
    trend.points.append(model.Point(date(2026, 1, 9), "m9", None, None))
    assert trend.streak == 0 and not trend.escalate


def test_completion_rate_per_meeting(demo_dir: Path) -> None:
    with Store(demo_dir, readonly=True) as store:
        t = trends.agenda_trends(store, "weekly")
        items = store.actions()
    rates = [p.value for p in t.completion.points]
    assert len(rates) == len(t.meetings)
    dates = [m.date for m in t.meetings]
    for n, (day, rate) in enumerate(zip(dates, rates)):
        expected = completion_rate(items, dates[n - 1] if n else None, day)
        assert rate == (None if expected is None else round(expected * 100, 1))
    assert any(r is not None for r in rates)


def test_renderers(demo_dir: Path) -> None:
    with Store(demo_dir, readonly=True) as store:
        t = trends.agenda_trends(store, "weekly")
    md = render.as_markdown(t)
    table_rows = [line for line in md.splitlines() if line.startswith("|")]
    assert len(table_rows) == 2 + len(t.metrics) + 1
    assert all(row.count("|") == table_rows[0].count("|") for row in table_rows)
    rows = list(csv.DictReader(io.StringIO(render.as_csv(t))))
    assert len(rows) == len(t.rows) * len(t.meetings)
    assert {r["on_track"] for r in rows} <= {"yes", "no", ""}
    text = render.as_table(t)
    assert model.COMPLETION in text and t.meetings[-1].date.strftime("%m-%d") in text


def test_cli_trends(demo_dir: Path) -> None:
    table = run_cli(demo_dir, "trends", "weekly")
    assert table.returncode == 0, table.stderr
    assert "Marketing-qualified leads" in table.stdout and "≥ 120 leads" in table.stdout
    md = run_cli(demo_dir, "trends", "weekly", "--format", "md")
    assert md.stdout.startswith("# Trends — Weekly cross-functional check-in")
    data = run_cli(demo_dir, "trends", "weekly", "--format", "csv")
    assert data.stdout.startswith("metric,date,meeting,value,on_track,target,unit\n")
    missing = run_cli(demo_dir, "trends", "nope")
    assert missing.returncode == 2
    assert missing.stderr.strip() == (
        "checkin: error: no meetings of agenda 'nope'; agendas with meetings: weekly")


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_trends_table_fits_the_terminal_width(columns: int, demo_dir: Path) -> None:
    """Piped output follows $COLUMNS: every line fits, the latest meetings are kept."""
    import os
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "checkin", "trends", "weekly", "--data",
                           str(demo_dir)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "COLUMNS": str(columns)})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns, proc.stdout
    assert "latest" in proc.stdout and "11-16" in proc.stdout  # the newest meeting kept


def test_cli_trends_the_same_from_its_cache_and_after_an_archive_changes(
        demo_dir: Path) -> None:
    """The real CLI: the first run builds cache/, the second reads it, and an archive edited
    after it (an item's due date moved) shows in the third, as in a run without a cache."""
    cold = run_cli(demo_dir, "trends", "weekly", "--format", "csv")
    assert cold.returncode == 0, cold.stderr
    assert sorted(p.name for p in (demo_dir / "cache").glob("*.json"))
    warm = run_cli(demo_dir, "trends", "weekly", "--format", "csv")
    assert warm.stdout == cold.stdout
    archive = sorted((demo_dir / "archive").glob("*.json"))[-1]
    raw = archive.read_bytes()
    rows = [(line, json.loads(line)[2]) for line in raw.splitlines()
            if line.startswith(b'["actions"')]
    first, doc = next((line, d) for line, d in rows  # one done on time
                      if d["status"] == "done" and d["closed_on"] <= d["due"])
    moved = first.replace(f'"due":"{doc["due"]}"'.encode(), b'"due":"2000-01-01"')
    archive.write_bytes(raw.replace(first, moved))  # now done late: a rate changes
    edited = run_cli(demo_dir, "trends", "weekly", "--format", "csv")
    shutil.rmtree(demo_dir / "cache")
    fresh = run_cli(demo_dir, "trends", "weekly", "--format", "csv")
    assert edited.returncode == 0 and edited.stdout == fresh.stdout != cold.stdout
