"""A fifo or a folder where a data file should be: a one-line error naming it, exit 2,
never a wait. A plain open of a fifo waits for a writer: it hung `checkin actions`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import run_checkin, tree_digest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no fifos here")


def archive_of(root: Path) -> str:
    return str(sorted((root / "archive").glob("*.json"))[-1].relative_to(root))


@pytest.mark.parametrize("kind", ["fifo", "folder"])
@pytest.mark.parametrize("name, command", [
    ("register.json", ["actions"]),  # the fast path, then the store
    ("register.json", ["actions", "--overdue"]),
    ("index.json", ["meetings"]),
    ("index.json", ["export", "last"]),
    ("archive", ["trends", "weekly"]),
    ("archive", ["actions", "--status", "all"]),
])
def test_refused_by_name_not_waited_on(seeded: Path, kind: str, name: str,
                                        command: list[str]) -> None:
    path = seeded / (archive_of(seeded) if name == "archive" else name)
    path.unlink()
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    before = tree_digest(seeded)
    result = run_checkin("--data", str(seeded), *command, timeout=30)  # a wait: TimeoutExpired
    assert result.returncode == 2, (result.stdout[:300], result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("checkin: error: ") and str(path) in lines[0], lines[0]
    assert "not a regular file" in lines[0] and "move it aside" in lines[0], lines[0]
    assert tree_digest(seeded) == before
    (path.rmdir() if kind == "folder" else path.unlink())
    shutil.rmtree(seeded / "cache", ignore_errors=True)
