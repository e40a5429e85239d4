"""Export writes under attack: planted temp-file links, devices and fifos, the data folder's
own files, unwritable places. Every refusal: exit 2, one line naming the path, data folder
and every other file byte-identical, no temp file left."""

from __future__ import annotations

import errno
import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from checkin.errors import StoreError
from checkin.store import atomic as atomic_module

from .conftest import run_checkin
from .test_bad_input import assert_refused, fail_with, run_in_process


def export(seeded: Path, out: Path | str, *extra: str) -> list[str]:
    return ["--data", str(seeded), "export", "last", "-o", str(out), *extra]


def test_planted_temp_links_are_never_followed(seeded: Path, tmp_path: Path) -> None:
    """The old `.NAME.PID.tmp` names, for every plausible pid: none is written through."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    victim.chmod(0o644)
    for pid in range(os.getpid() - 50, os.getpid() + 50):
        (out_dir / f".minutes.md.{pid}.tmp").symlink_to(victim)
    result = run_in_process(*export(seeded, out_dir / "minutes.md"))
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious\n" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert (out_dir / "minutes.md").read_text().startswith("# ")


def test_temp_name_collision_is_refused_not_followed(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a guessed temp name is opened O_EXCL|O_NOFOLLOW: refused, victim untouched."""
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    monkeypatch.setattr(atomic_module.os, "urandom", lambda n: b"guessed!"[:n])
    target = tmp_path / "minutes.md"
    atomic_module.temp_path(target).symlink_to(victim)
    with pytest.raises(StoreError, match="minutes.md"):
        atomic_module.atomic_write(target, b"new")
    assert victim.read_text() == "precious\n" and not target.exists()


def test_temp_names_are_unpredictable(tmp_path: Path) -> None:
    names = {atomic_module.temp_path(tmp_path / "x.md").name for _ in range(50)}
    assert len(names) == 50


def test_export_into_dev_null_keeps_the_device(seeded: Path) -> None:
    result = run_in_process(*export(seeded, "/dev/null"))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("name", ["/dev/stdout", "-"])
def test_export_to_stdout_by_name(seeded: Path, name: str) -> None:
    result = run_checkin(*export(seeded, name))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_export_into_a_fifo_writes_into_it(seeded: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = run_checkin(*export(seeded, fifo))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert got and got[0].startswith(b"# ")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def own_files(root: Path) -> list[str]:
    meeting = sorted((root / "meetings").iterdir())[0].name
    return ["register.json", f"meetings/{meeting}", ".lock", "meetings", "new.md",
            "meetings/new.md", "archive/old.json", "."]


@pytest.mark.parametrize("index", range(8))
def test_export_never_writes_into_the_data_folder(seeded: Path, index: int) -> None:
    (seeded / ".lock").write_text("{}")
    target = seeded / own_files(seeded)[index]
    assert_refused(export(seeded, target), seeded, str(target), "data folder",
                   process=index == 0)


def test_export_through_a_link_into_the_data_folder_is_refused(seeded: Path,
                                                               tmp_path: Path) -> None:
    link = tmp_path / "innocent.md"
    link.symlink_to(seeded / "register.json")
    assert_refused(export(seeded, link), seeded, str(link), "data folder")
    assert link.is_symlink()


def test_export_through_a_link_elsewhere_writes_the_target(seeded: Path,
                                                           tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run_in_process(*export(seeded, link)).returncode == 0
    assert link.is_symlink() and real.read_text().startswith("# ")


def test_export_under_a_file(seeded: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    assert_refused(export(seeded, tmp_path / "afile" / "minutes.md"), tmp_path, "afile",
                   process=True)


def test_export_into_missing_folder(seeded: Path, tmp_path: Path) -> None:
    assert_refused(export(seeded, tmp_path / "nope" / "minutes.md"), tmp_path, "nope")


def test_export_to_a_folder_or_socket(seeded: Path, tmp_path: Path) -> None:
    assert_refused(export(seeded, tmp_path), tmp_path, "is a folder")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "sock"))
        assert_refused(export(seeded, tmp_path / "sock"), seeded, "sock")
    finally:
        sock.close()


@pytest.mark.parametrize("length", [200, 253, 255])
def test_long_names_work(seeded: Path, tmp_path: Path, length: int) -> None:
    name = "m" * (length - 3) + ".md"
    result = run_in_process(*export(seeded, tmp_path / name))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "demo"] == [name]


@pytest.mark.parametrize("length", [256, 300, 5000])
def test_too_long_names_are_one_line(seeded: Path, tmp_path: Path, length: int) -> None:
    target = tmp_path / ("m" * length)
    assert_refused(export(seeded, target), tmp_path, "m" * 40, process=length == 256)


@pytest.mark.parametrize("call,err", [("open", errno.EROFS), ("replace", errno.EROFS),
                                      ("write", errno.ENOSPC), ("open", errno.EACCES)])
def test_read_only_or_full_target(seeded: Path, tmp_path: Path, call: str, err: int,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.md"
    target.write_text("old minutes\n")
    monkeypatch.setattr(atomic_module.os, call, fail_with(err))
    assert_refused(export(seeded, target), tmp_path, str(target), "nothing was changed")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo", "minutes.md"]


def test_cleanup_failure_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_module.os, "write", fail_with(errno.ENOSPC))
    monkeypatch.setattr(Path, "unlink", fail_with(errno.ENAMETOOLONG))
    with pytest.raises(StoreError, match="nothing was changed"):
        atomic_module.atomic_write(tmp_path / "x.md", b"x")
