"""Sharing action items: Markdown digests, iCalendar VTODOs, Taskwarrior import JSON."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from checkin.core.model import ActionItem
from checkin.render import share
from tests.conftest import TODAY


def item(n: int, title: str, owner: str, due: date, **kw: object) -> ActionItem:
    return ActionItem(id=f"A{n}", title=title, owner=owner, due=due,
                      created_in=kw.pop("created_in", "2026-11-16-weekly"),  # type: ignore[arg-type]
                      created_on=date(2026, 11, 16), **kw)  # type: ignore[arg-type]


@pytest.fixture
def items() -> list[ActionItem]:
    late = item(1, "Fix CRM dedupe", "Maria Lopez", TODAY - timedelta(days=7), department="Sales")
    later = item(2, "Brief agency", "Maria Lopez", TODAY + timedelta(days=4),
                 department="Marketing")
    very_late = item(3, "Call Acme", "Maria Lopez", TODAY - timedelta(days=20),
                     department="Sales", created_in=None)
    other = item(4, "Rotate certs", "Ian Chen", TODAY + timedelta(days=1), department="IT")
    done = item(5, "Old thing", "Ian Chen", TODAY - timedelta(days=3), department="IT")
    done.mark_done(TODAY - timedelta(days=4))
    return [later, late, very_late, other, done]


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "checkin", "--data", str(data), *args],
                          capture_output=True, text=True, env=env, check=False)


# ---------------------------------------------------------------- Markdown digest
def test_owner_digest_lists_overdue_first_with_meeting_of_origin(items: list[ActionItem]) -> None:
    maria = [i for i in items if i.owner == "Maria Lopez"]
    text = share.digest(maria, TODAY, by_owner=False, fmt="md")
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert text.startswith("# Action items — Maria Lopez\n")
    assert "3 items, 2 overdue" in text
    assert [line.split(" — ")[0] for line in lines] == [
        "- Call Acme", "- Fix CRM dedupe", "- Brief agency"]
    assert "**20 days overdue**" in lines[0] and "added between meetings" in lines[0]
    assert "from meeting 2026-11-16-weekly" in lines[1]  # ids read as typed
    assert "overdue" not in lines[2]


def test_by_owner_digest_has_one_section_per_owner(items: list[ActionItem]) -> None:
    text = share.digest(items, TODAY, by_owner=True, fmt="md")
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == ["## Ian Chen", "## Maria Lopez"]
    assert text.startswith("# Action items by owner\n")


def test_typed_text_cannot_break_the_digest_structure() -> None:
    evil = item(9, "ship it\n# not a heading | <script>", "Eve [x](y)", TODAY)
    text = share.digest([evil], TODAY, by_owner=True, fmt="md")
    assert not any(line.startswith("# not") for line in text.splitlines())
    assert not re.search(r"(?<!\\)<script>|(?<!\\)\[x\]", text)
    assert "\\<script>" in text and "\\[x](y)" in text


# ---------------------------------------------------------------- iCalendar
def test_ics_parses_back_as_vtodos_with_due_dates(items: list[ActionItem]) -> None:
    cal = icalendar.Calendar.from_ical(share.as_ics(items, TODAY))
    todos = {str(t["uid"]): t for t in cal.walk("VTODO")}
    assert set(todos) == {f"A{n}@checkin" for n in range(1, 6)}
    late = todos["A1@checkin"]
    assert str(late["summary"]) == "Fix CRM dedupe"
    assert late.decoded("due") == TODAY - timedelta(days=7)
    assert str(late["status"]) == "NEEDS-ACTION"
    description = str(late["description"])
    assert "Owner: Maria Lopez" in description and "Department: Sales" in description
    assert "Meeting: 2026-11-16-weekly" in description
    assert str(todos["A5@checkin"]["status"]) == "COMPLETED"
    assert "DTSTAMP" in late


def test_ics_is_stable_across_exports(items: list[ActionItem]) -> None:
    assert share.as_ics(items, TODAY) == share.as_ics(list(items), TODAY)
    assert "\r\n" in share.as_ics(items, TODAY)


# ---------------------------------------------------------------- Taskwarrior
def test_taskwarrior_records(items: list[ActionItem]) -> None:
    lines = share.as_taskwarrior(items, TODAY).splitlines()
    records = {r["description"]: r for r in map(json.loads, lines)}
    late = records["Fix CRM dedupe"]
    assert late["status"] == "pending"
    assert late["due"] == (TODAY - timedelta(days=7)).strftime("%Y%m%dT120000Z")
    assert late["entry"] == "20261116T120000Z"
    assert late["project"] == "Sales"
    assert late["tags"] == ["checkin", "maria_lopez"]
    assert uuid.UUID(late["uuid"]).version == 5
    assert late["uuid"] == share.task_uuid(items[1])  # stable per item
    done = records["Old thing"]
    assert done["status"] == "completed" and "end" in done


@pytest.mark.skipif(shutil.which("task") is None, reason="taskwarrior (`task`) not installed")
def test_task_import_accepts_the_export(items: list[ActionItem], tmp_path: Path) -> None:
    export = tmp_path / "tasks.json"
    export.write_text(share.as_taskwarrior(items, TODAY))
    (tmp_path / "taskrc").write_text("")
    env = {**os.environ, "TASKDATA": str(tmp_path / "taskdata"),
           "TASKRC": str(tmp_path / "taskrc")}
    (tmp_path / "taskdata").mkdir()

    def task(*args: str) -> str:
        done = subprocess.run(["task", "rc.confirmation=off", "rc.verbose=nothing", *args],
                              capture_output=True, text=True, env=env, check=True)
        return done.stdout.strip()

    task("import", str(export))
    task("import", str(export))  # importing again updates, never duplicates
    assert task("status:pending", "count") == "4"
    assert task("status:completed", "count") == "1"
    exported = json.loads(task("export"))
    assert {t["uuid"] for t in exported} == {share.task_uuid(i) for i in items}


# ---------------------------------------------------------------- the CLI
def test_cli_owner_digest_and_formats(demo_dir: Path) -> None:
    owners = run_cli(demo_dir, "actions", "--format", "csv").stdout.splitlines()[1:]
    owner = owners[0].split(",")[1]
    md = run_cli(demo_dir, "actions", "--owner", owner, "--format", "md")
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith(f"# Action items — {owner}")
    by = run_cli(demo_dir, "actions", "--by-owner", "--format", "md")
    assert by.returncode == 0 and f"## {owner}" in by.stdout
    ics = run_cli(demo_dir, "actions", "--format", "ics")
    todos = icalendar.Calendar.from_ical(ics.stdout).walk("VTODO")
    assert len(todos) == len(owners)
    assert {str(t["status"]) for t in todos} == {"NEEDS-ACTION"}
    tw = run_cli(demo_dir, "actions", "--status", "all", "--format", "taskwarrior")
    statuses = {json.loads(line)["status"] for line in tw.stdout.splitlines()}
    assert "pending" in statuses and "completed" in statuses
