"""Hooks: real executables in hooks/ beside the config file; failing or hanging ones are
reported and stopped, never block the caller."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from checkin.core.data import to_data
from checkin.core.model import ActionItem
from checkin.services import hooks
from checkin.services.hooks import HookResult, HookRunner, run_hook, run_meeting_ended


@pytest.fixture
def hooks_dir(isolated_config: Path) -> Path:
    folder = isolated_config.parent / "hooks"
    folder.mkdir()
    return folder


def make_hook(folder: Path, event: str, body: str) -> Path:
    path = folder / event
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o700)
    return path


def item() -> ActionItem:
    return ActionItem("A7", "Ship <it> | now", "Dana Lee", date(2026, 11, 27), "Marketing")


def test_no_hook_does_nothing(hooks_dir: Path) -> None:
    assert run_hook("action-added", stdin=b"{}") is None
    assert run_meeting_ended("m1", "# minutes\n") is None
    with pytest.raises(ValueError, match="meeting-ended"):
        hooks.hook_path("meeting-started")


def test_action_hook_gets_the_item_as_json(hooks_dir: Path, tmp_path: Path) -> None:
    got = tmp_path / "got.json"
    make_hook(hooks_dir, "action-added", f"cat > '{got}'")
    assert run_hook("action-added", stdin=hooks.item_json(item())) == HookResult(
        "action-added", True, "")
    assert json.loads(got.read_text()) == to_data(item())


def test_meeting_ended_gets_minutes_path_and_id(hooks_dir: Path, tmp_path: Path) -> None:
    log = tmp_path / "log"
    make_hook(hooks_dir, "meeting-ended", f"cat \"$1\" > '{log}'; echo \"$1|$2\" >> '{log}'")
    assert run_meeting_ended("2026-11-23-weekly", "# Minutes\n").ok
    text, line = log.read_text().split("\n", 1)[0], log.read_text().splitlines()[-1]
    assert text == "# Minutes"
    path, meeting_id = line.split("|")
    assert meeting_id == "2026-11-23-weekly" and path.endswith("2026-11-23-weekly.md")
    assert not Path(path).exists()  # removed when the hook is done


def test_failing_hook_is_one_line(hooks_dir: Path) -> None:
    make_hook(hooks_dir, "action-closed", "echo 'webhook said \033[2J403' >&2; exit 3")
    result = run_hook("action-closed", stdin=b"{}")
    assert result is not None and not result.ok
    assert "failed with exit status 3 (webhook said [2J403)" in result.message
    assert "\n" not in result.message and "\033" not in result.message


def test_not_executable_is_reported(hooks_dir: Path) -> None:
    (hooks_dir / "action-added").write_text("#!/bin/sh\n")
    result = run_hook("action-added")
    assert result is not None and "chmod +x" in result.message


def test_hanging_hook_and_its_children_are_stopped(hooks_dir: Path, tmp_path: Path) -> None:
    make_hook(hooks_dir, "action-added", "sleep 30 & sleep 30")
    start = time.monotonic()
    result = run_hook("action-added", timeout=0.5)
    assert time.monotonic() - start < 5  # the background `sleep` held no pipe open
    assert result is not None and "stopped after 0.5 s" in result.message


def test_runner_never_blocks_and_reports_failures(hooks_dir: Path, tmp_path: Path) -> None:
    make_hook(hooks_dir, "action-added", "sleep 30")
    closed = tmp_path / "closed"
    make_hook(hooks_dir, "action-closed", f"cat >> '{closed}'; echo >> '{closed}'")
    reports: list[HookResult] = []
    runner = HookRunner(reports.append, timeout=0.5)
    start = time.monotonic()
    runner.action_added(item())
    assert time.monotonic() - start < 0.2  # the caller goes on at once
    it = item()
    runner.action_saved(it)  # an open item: nothing fires
    it.mark_done(date(2026, 11, 23), meeting="m1")
    runner.action_saved(it)
    runner.action_saved(it)  # saved again, still closed: fired once only
    runner.wait(10)
    assert [r.event for r in reports] == ["action-added"]
    lines = closed.read_text().split("\n\n")[:-1]
    assert len(lines) == 1 and json.loads(lines[0])["status"] == "done"
