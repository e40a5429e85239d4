"""Bad input corpus: broken agendas, hostile dates, damaged data files, unusable folders,
a full disk. Each case: exit 2, exactly one line ``checkin: error: ...`` that names the file
(or the text), no traceback, and every data file byte-for-byte unchanged."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from checkin.cli import main
from checkin.core.dates import DueDateError, parse_due
from checkin.errors import StoreError
from checkin.services.meetings import new_action
from checkin.store import Store
from checkin.store import atomic as atomic_module
from checkin.store.lines import parse_lines

from .conftest import run_checkin, tree_digest

TODAY = date(2026, 11, 23)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_in_process(*args: str) -> subprocess.CompletedProcess[str]:
    """``checkin.cli.main`` in this process: the same code path, without interpreter start.

    Any exception other than the CheckinError that main() turns into one line escapes and
    fails the test, exactly as a traceback would in a real process."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def assert_refused(args: list[str], watched: Path, *needles: str,
                   process: bool = False) -> str:
    """Run the CLI; exit 2, one error line containing ``needles``, ``watched`` unchanged.

    ``process=True`` runs the real `python -m checkin` (slower: one interpreter each)."""
    before = tree_digest(watched)
    result = run_checkin(*args) if process else run_in_process(*args)
    assert result.returncode == 2, (result.returncode, result.stdout[:300], result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("checkin: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert result.stdout == ""
    assert tree_digest(watched) == before, "a refused command changed the data"
    return lines[0]


# ---------------------------------------------------------------- broken agenda files
GOOD_AGENDA = """\
title = "Check-in"
cadence = "weekly"

[[departments]]
name = "Sales"
representative = "Marcus"

[[metrics]]
name = "Deals"
department = "Sales"
target = 5

[[sections]]
kind = "attendance"
"""
AGENDAS: dict[str, bytes] = {
    "empty": b"",
    "only-comments": b"# nothing here\n\n# at all\n",
    "syntax-unclosed-string": b'title = "Check-in\ncadence = "weekly"\n',
    "syntax-bare-words": b"this is not toml\n",
    "not-utf8": GOOD_AGENDA.encode().replace(b"Marcus", b"Marc\xe9us"),
    "binary-garbage": bytes(range(256)) * 4,
    "no-title": GOOD_AGENDA.replace('title = "Check-in"\n', "").encode(),
    "title-is-number": GOOD_AGENDA.replace('"Check-in"', "42").encode(),
    "bad-cadence": GOOD_AGENDA.replace('"weekly"', '"hourly"').encode(),
    "unknown-section-kind": GOOD_AGENDA.replace('"attendance"', '"karaoke"').encode(),
    "no-sections": GOOD_AGENDA.split("[[sections]]")[0].encode(),
    "metric-unknown-department": GOOD_AGENDA.replace(
        'department = "Sales"', 'department = "Nowhere"').encode(),
    "target-is-text": GOOD_AGENDA.replace("target = 5", 'target = "five"').encode(),
    "bad-better": GOOD_AGENDA.replace("target = 5", 'target = 5\nbetter = "sideways"').encode(),
    "negative-timebox": (GOOD_AGENDA + "timebox_minutes = -5\n").encode(),
    "departments-is-string": GOOD_AGENDA.replace(
        "[[departments]]\nname = \"Sales\"\nrepresentative = \"Marcus\"\n",
        "departments = \"Sales\"\n").encode(),
    "duplicate-key": GOOD_AGENDA.replace('cadence = "weekly"',
                                         'cadence = "weekly"\ncadence = "monthly"').encode(),
}


@pytest.mark.parametrize("case", sorted(AGENDAS))
def test_broken_agenda_check(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_bytes(AGENDAS[case])
    assert_refused(["agendas", "--check", str(path)], tmp_path, str(path))


@pytest.mark.parametrize("case", ["unknown-section-kind", "syntax-unclosed-string"])
def test_broken_agenda_run_refused_before_the_ui(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_bytes(AGENDAS[case])
    data = tmp_path / "data"
    assert_refused(["--data", str(data), "run", str(path)], tmp_path, str(path), process=True)
    assert not data.exists()  # nothing was created for a meeting that cannot start


@pytest.mark.parametrize("target", ["missing.toml", "a-folder"])
def test_agenda_check_missing_or_folder(tmp_path: Path, target: str) -> None:
    (tmp_path / "a-folder").mkdir()
    path = tmp_path / target
    assert_refused(["agendas", "--check", str(path)], tmp_path, str(path))


# ---------------------------------------------------------------- hostile dates
HOSTILE_DATES = [
    "2026-02-30", "0000-01-01", "2026-13-01", "feb 30", "32 dec", "13/13", "31/31/31",
    "00/00/0000", "13/04/2026", "+999999y", "in 999999 weeks", "fri fri", "next fri day",
    "febuary 3", "99999-01-01", "12/4/99999", "2026-1-1-1", "-3d", "1e9d", "NaN", "inf",
    "+d", "tomorrow!", "<script>alert(1)</script>", "'; DROP TABLE actions; --",
    "١٢/٤", "\u200bfri", "12/4\x00", "9" * 5000, "eow eow", "next",
]


@pytest.mark.parametrize("text", HOSTILE_DATES, ids=lambda t: repr(t)[:24])
def test_hostile_due_dates_are_refused_by_name(text: str) -> None:
    with pytest.raises(DueDateError) as caught:
        parse_due(text, today=TODAY, next_meeting=None)
    message = str(caught.value)
    assert text.strip()[:40] in message  # names what was typed...
    assert "try " in message or "type " in message  # ...and what works instead


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "nm", "next meeting"])
def test_missing_due_dates_say_what_to_type(text: str) -> None:
    with pytest.raises(DueDateError, match=r"e\.g\.|type a date"):
        parse_due(text, today=TODAY, next_meeting=None)


@pytest.mark.parametrize("text", ["tomorrow", "+1d", "+1w", "+1m", "+1y", "next fri", "jan 1"])
def test_dates_past_the_end_of_time_are_refused_not_crashed(text: str) -> None:
    with pytest.raises(DueDateError):
        parse_due(text, today=date(9999, 12, 31))


# ---------------------------------------------------------------- damaged data files
def edit_json(change: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    """Edit a data file's documents (by table and id), written back one per line."""
    def apply(raw: bytes) -> bytes:
        data = parse_lines(raw)
        change(data)
        out = []
        for table, docs in data.items():
            if not isinstance(docs, dict):
                out.append(orjson.dumps([table, docs]))
                continue
            out += [orjson.dumps([table, i, d], option=orjson.OPT_SORT_KEYS)
                    for i, d in docs.items()]
        return b"\n".join(out) + b"\n"
    return apply


OPEN = "<first open item>"  # readers convert only the rows they list: damage one they read
FIRST = "<first document>"


def _key(table: dict, key: str) -> str:
    if key == FIRST:
        return next(iter(table))
    if key != OPEN:
        return key
    return next(k for k, row in table.items() if row.get("status") == "open")


def _set(path: tuple[str, ...], value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        for key in path[:-1]:
            data = data[_key(data, key)]
        data[_key(data, path[-1])] = value
    return change


def _drop(path: tuple[str, ...]) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        for key in path[:-1]:
            data = data[_key(data, key)]
        del data[_key(data, path[-1])]
    return change


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "whitespace": lambda raw: b" \n\t\n",
    "garbage": lambda raw: b"\x89PNG\r\n\x1a\n" + bytes(range(200)),
    "nul-bytes": lambda raw: b"\x00" * 64,
    "json-array": lambda raw: b"[1, 2, 3]",
    "json-null": lambda raw: b"null",
    "newer-schema": edit_json(_set(("_meta", "schema", "schema"), 99)),
    "no-schema": edit_json(_drop(("_meta",))),
    "schema-is-text": edit_json(_set(("_meta", "schema", "schema"), "1")),
}
REGISTER_ONLY: dict[str, Callable[[bytes], bytes]] = {
    "action-bad-date": edit_json(_set(("actions", OPEN, "due"), "not-a-date")),
    "action-missing-title": edit_json(_drop(("actions", OPEN, "title"))),
    "action-is-text": edit_json(_set(("actions", OPEN), "oops")),
    "actions-table-is-list": edit_json(_set(("actions",), [])),
}
INDEX_ONLY: dict[str, Callable[[bytes], bytes]] = {
    "index-bad-date": edit_json(_set(("meetings", FIRST, "date"), "2026-02-30")),
    "index-row-is-number": edit_json(_set(("meetings", FIRST), 7)),
}
MEETING_ONLY: dict[str, Callable[[bytes], bytes]] = {
    "no-meeting-doc": edit_json(_set(("meeting",), {})),
    "meeting-bad-date": edit_json(_set(("meeting", FIRST, "date"), "someday")),
    "agenda-is-text": edit_json(_set(("meeting", FIRST, "agenda"), "weekly")),
    "readings-is-number": edit_json(_set(("meeting", FIRST, "readings"), 3)),
}
READ_COMMANDS = {"meetings": ["meetings"], "actions": ["actions", "--overdue"],
                 "export": ["export", "last"]}
# What a register-only case breaks, so only commands that read that part must refuse
# (`checkin meetings` reads no action item); every command opens the register.
NEEDS = ("actions", "export")
REGISTER_CASES = [
    pytest.param(case, command, id=f"{case}-{command}")
    for case in sorted(DAMAGE | REGISTER_ONLY)
    for command in (NEEDS if case in REGISTER_ONLY else READ_COMMANDS)
]
# index.json: the commands that list meetings refuse, `checkin actions` never reads it.
INDEX_CASES = [pytest.param(case, command, id=f"{case}-{command}")
               for case in sorted(DAMAGE | INDEX_ONLY) for command in ("meetings", "export")]


def damage(path: Path, how: Callable[[bytes], bytes]) -> None:
    path.write_bytes(how(path.read_bytes()))


@pytest.mark.parametrize("case,command", REGISTER_CASES)
def test_damaged_register(seeded: Path, case: str, command: str) -> None:
    register = seeded / "register.json"
    damage(register, (DAMAGE | REGISTER_ONLY)[case])
    assert_refused(["--data", str(seeded), *READ_COMMANDS[command]], seeded, str(register),
                   process=command == "actions" and case in DAMAGE)


@pytest.mark.parametrize("case,command", INDEX_CASES)
def test_damaged_index(seeded: Path, case: str, command: str) -> None:
    index = seeded / "index.json"
    damage(index, (DAMAGE | INDEX_ONLY)[case])
    assert_refused(["--data", str(seeded), *READ_COMMANDS[command]], seeded, str(index),
                   process=command == "meetings" and case in DAMAGE)
    assert run_in_process("--data", str(seeded), "actions", "--overdue").returncode == 0


@pytest.mark.parametrize("case", sorted(DAMAGE | MEETING_ONLY))
def test_damaged_meeting_file(seeded: Path, case: str) -> None:
    with Store(seeded, readonly=True) as store:
        last = store.meetings()[0].id
    path = seeded / "meetings" / f"{last}.json"
    damage(path, (DAMAGE | MEETING_ONLY)[case])
    assert_refused(["--data", str(seeded), "export", "last"], seeded, str(path),
                   process=case == "truncated")
    # the other commands do not need that file, so they keep working
    assert run_in_process("--data", str(seeded), "meetings").returncode == 0


def test_meeting_file_missing(seeded: Path) -> None:
    with Store(seeded, readonly=True) as store:
        last = store.meetings()[0].id
    path = seeded / "meetings" / f"{last}.json"
    path.unlink()
    assert_refused(["--data", str(seeded), "export", last], seeded, str(path))


@pytest.mark.parametrize("ref", ["nope", "1999-01-01", "2026-11-23-weekly", "../register"])
def test_unknown_meeting(seeded: Path, ref: str) -> None:
    assert_refused(["--data", str(seeded), "export", ref], seeded, repr(ref),
                   process=ref == "nope")


# ---------------------------------------------------------------- unusable data folders
@pytest.mark.parametrize("command", sorted(READ_COMMANDS))
def test_no_data_yet(tmp_path: Path, command: str) -> None:
    root = tmp_path / "nothing-here"
    assert_refused(["--data", str(root), *READ_COMMANDS[command]], tmp_path, str(root))
    assert not root.exists()  # reading never creates the folder


def test_data_path_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "a-file"
    root.write_text("not a folder")
    assert_refused(["--data", str(root), "actions"], tmp_path, str(root))


def test_writer_cannot_create_data_dir_under_a_file(tmp_path: Path) -> None:
    """Unwritable location that stays unwritable as root: the parent is a file."""
    (tmp_path / "a-file").write_text("x")
    root = tmp_path / "a-file" / "data"
    assert_refused(["--data", str(root), "demo", "--no-ui", "--weeks", "1"], tmp_path,
                   str(root))


def test_writer_refuses_to_seed_a_used_dir(seeded: Path) -> None:
    assert_refused(["--data", str(seeded), "demo", "--no-ui"], seeded, str(seeded))


@pytest.mark.skipif(IS_ROOT, reason="root ignores folder permissions")
def test_writer_in_read_only_dir(tmp_path: Path) -> None:
    parent = tmp_path / "locked-down"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        assert_refused(["--data", str(parent / "data"), "demo", "--no-ui", "--weeks", "1"],
                       tmp_path, str(parent / "data"))
    finally:
        parent.chmod(0o700)


# ---------------------------------------------------------------- full disk (in-process)
def fail_with(err: int) -> Callable[..., object]:
    """A stand-in for an ``os`` call that fails with ``err``; as ``os.open``, only an open
    for writing fails (data files are read with ``os.open`` too: ``regular_file``)."""
    real_open = os.open

    def boom(*args: object, **kwargs: object) -> object:
        if (len(args) > 1 and isinstance(args[1], int)  # os.open(path, flags, ...)
                and not args[1] & (os.O_WRONLY | os.O_RDWR)):
            return real_open(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError(err, os.strerror(err))
    return boom


@pytest.mark.parametrize("call,err", [("write", errno.ENOSPC), ("fsync", errno.EIO),
                                      ("replace", errno.EROFS), ("open", errno.EACCES)])
@pytest.mark.parametrize("what", ["meeting", "action"])
def test_failed_write_raises_store_error_and_keeps_files(
    seeded: Path, monkeypatch: pytest.MonkeyPatch, call: str, err: int, what: str
) -> None:
    with Store(seeded) as store:
        meeting = store.load_meeting(store.meetings()[0].id)
        before = tree_digest(seeded)
        target = store.meeting_path(meeting.id) if what == "meeting" else (
            seeded / "register.json")
        monkeypatch.setattr(atomic_module.os, call, fail_with(err))
        with pytest.raises(StoreError) as caught:
            if what == "meeting":
                meeting.notes = "typed while the disk was full"
                store.save_meeting(meeting)
            else:
                new_action(store, title="x", owner="y", due=TODAY + timedelta(days=1),
                           today=TODAY, meeting=meeting)
        monkeypatch.undo()
        assert str(target) in str(caught.value) and "nothing was changed" in str(caught.value)
        assert tree_digest(seeded) == before  # byte-for-byte, and no temp file left
        # once the disk has room again, the same store saves normally
        meeting.notes = "saved after the disk had room again"
        store.save_meeting(meeting)
    with Store(seeded, readonly=True) as store:
        assert store.load_meeting(meeting.id).notes == "saved after the disk had room again"


def test_disk_full_copy_of_real_register_is_untouched(seeded: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed atomic_write on an existing file leaves exactly its old bytes."""
    copy = tmp_path / "register-copy.json"
    shutil.copy2(seeded / "register.json", copy)
    old = copy.read_bytes()
    monkeypatch.setattr(atomic_module.os, "write", fail_with(errno.ENOSPC))
    with pytest.raises(StoreError, match="register-copy.json"):
        atomic_module.atomic_write(copy, b"{}")
    assert copy.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
