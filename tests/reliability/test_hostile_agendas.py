"""Agenda files built to break things: nan/inf targets, deep nesting, absurd sizes and
counts, a very long file name. `agendas --check` and every loader refuse them with one
line naming the file (and line), the `agendas` listing survives them, nothing is written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checkin.core.agenda import MAX_FILE_BYTES, load_agenda

from .test_bad_input import GOOD_AGENDA, assert_refused, run_in_process

TARGET = "target = 5"
SECTION = '[[sections]]\nkind = "notes"\ntitle = "N"\n'
CASES: dict[str, tuple[str, str]] = {
    # name -> (file text, text the message must contain)
    "nan": (GOOD_AGENDA.replace(TARGET, "target = nan"), "not a usable number"),
    "+nan": (GOOD_AGENDA.replace(TARGET, "target = +nan"), "not a usable number"),
    "inf": (GOOD_AGENDA.replace(TARGET, "target = inf"), "not a usable number"),
    "-inf": (GOOD_AGENDA.replace(TARGET, "target = -inf"), "not a usable number"),
    "huge-float": (GOOD_AGENDA.replace(TARGET, "target = 1e308"), "not a usable number"),
    "huge-int": (GOOD_AGENDA.replace(TARGET, f"target = {10**18}"), "not a usable number"),
    "nested-5000": ("x = " + "[" * 5000 + "]" * 5000 + "\n" + GOOD_AGENDA, "nested"),
    "nested-table-5000": ("x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n", "nested"),
    "sections-10000": (GOOD_AGENDA + SECTION * 10_000, "larger than"),
    "sections-5000": (GOOD_AGENDA + "[[sections]]\nkind = 'notes'\n" * 5000, "at most 50"),
    "sections-60": (GOOD_AGENDA + SECTION * 60, "at most 50"),
    "departments-60": (GOOD_AGENDA + "".join(
        f'[[departments]]\nname = "D{n}"\n' for n in range(60)), "at most 50"),
    "long-prompt": (GOOD_AGENDA + SECTION + f'prompt = "{"p" * 5000}"\n', "characters long"),
    "big-comment": (GOOD_AGENDA + "#" * (MAX_FILE_BYTES + 10) + "\n", "larger than"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_agenda_is_refused_with_one_line(tmp_path: Path, case: str) -> None:
    text, needle = CASES[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text)
    started = time.perf_counter()
    line = assert_refused(["agendas", "--check", str(path)], tmp_path, str(path), needle,
                          process=case in ("nan", "nested-5000"))
    assert time.perf_counter() - started < 5
    if "target" in text and case not in ("sections-10000", "big-comment"):
        assert f"{path}:" in line  # file:line


@pytest.mark.parametrize("case", ["nan", "nested-5000", "sections-60"])
def test_run_refuses_before_the_ui(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_text(CASES[case][0])
    data = tmp_path / "data"
    assert_refused(["--data", str(data), "run", str(path)], tmp_path, str(path))
    assert not data.exists()


def test_listing_survives_every_hostile_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "agendas").mkdir(parents=True)
    for case, (text, _) in CASES.items():
        (data / "agendas" / f"{case}.toml").write_text(text)
    (data / "agendas" / "good.toml").write_text(GOOD_AGENDA)
    result = run_in_process("--data", str(data), "agendas")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum("BROKEN" in x for x in lines) == len(CASES)
    assert any(x.startswith("good ") and "BROKEN" not in x for x in lines)


@pytest.mark.parametrize("length", [65, 240])
def test_long_file_name_is_refused(tmp_path: Path, length: int) -> None:
    path = tmp_path / ("a" * length + ".toml")
    path.write_text(GOOD_AGENDA)
    assert_refused(["agendas", "--check", str(path)], tmp_path, "rename it to at most 64")
    data = tmp_path / "data"
    assert_refused(["--data", str(data), "run", str(path)], tmp_path, "rename it")
    assert not data.exists()


def test_64_character_name_runs(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 64 + ".toml")
    path.write_text(GOOD_AGENDA)
    assert load_agenda(path).id == "a" * 64
