"""`checkin demo` where it cannot seed: a file in the way, a full disk. One line, exit 2,
and nothing half-seeded left behind (it seeds a temp folder and renames it into place)."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from checkin.store import atomic as atomic_module

from .conftest import tree_digest
from .test_bad_input import assert_refused, run_in_process


def test_demo_data_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine\n")
    assert_refused(["demo", "--no-ui", "--data", str(tmp_path / "afile")], tmp_path,
                   "afile", "is a file", process=True)


def test_demo_data_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine\n")
    assert_refused(["demo", "--no-ui", "--data", str(tmp_path / "afile" / "sub" / "d")],
                   tmp_path, "afile", "is a file")


def fail_after(calls: int, err: int) -> Callable[..., int]:
    real = os.write
    count = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        count["n"] += 1
        if count["n"] > calls:
            raise OSError(err, os.strerror(err))
        return real(fd, data)
    return write


@pytest.mark.parametrize("calls", [0, 3, 12])
@pytest.mark.parametrize("where", ["new", "nested", "empty"])
def test_demo_on_a_full_disk_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            calls: int, where: str) -> None:
    target = {"new": tmp_path / "d", "nested": tmp_path / "a" / "b" / "d",
              "empty": tmp_path / "e"}[where]
    if where == "empty":
        target.mkdir(mode=0o755)
    before = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.setattr(atomic_module.os, "write", fail_after(calls, errno.ENOSPC))
    line = assert_refused(["demo", "--no-ui", "--weeks", "3", "--data", str(target)],
                          tmp_path, str(target), "nothing was created")
    assert "No space left" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no half-seeded folder
    assert where != "empty" or list(target.iterdir()) == []


def test_throwaway_demo_on_a_full_disk_leaves_nothing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(atomic_module.os, "write", fail_after(5, errno.ENOSPC))
    result = run_in_process("demo", "--no-ui", "--weeks", "3")
    assert result.returncode == 2 and "nothing was created" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_demo_seeds_an_empty_folder_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "e"
    target.mkdir(mode=0o755)
    target.chmod(0o755)
    result = run_in_process("demo", "--no-ui", "--weeks", "2", "--data", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "register.json").is_file()
    assert (target.stat().st_mode & 0o777) == 0o755
    assert [p.name for p in tmp_path.iterdir()] == ["e"]  # no temp folder left
    assert tree_digest(target)
